//! On-the-fly SSA construction (Braun et al., "Simple and Efficient Construction of Static
//! Single Assignment Form", CC 2013), adapted to block-local values.
//!
//! Every block records the current value of each variable it defines. Reading a variable
//! a block did not define asks its predecessors; because values are block-local, the answer
//! is always a new *block parameter* (the paper's phi), even for a single predecessor, and
//! each incoming link gets the predecessor's value appended to its arguments. A block whose
//! predecessors are not all known yet (a loop header before its back edges, a join point,
//! a handler while its `try` body is being built) is *unsealed*: reads there create
//! parameters whose arguments are filled in when the block is sealed.
//!
//! Parameters created here are recorded in [`Ssa::phis`]; explicit parameters (an
//! operation's result carried past a guarded exit, a caught exception, a join's value) are
//! made by the builder before any link reaches the block, so they always come first.
//! Trivial parameters are removed afterwards, in `finish.rs`.

use crate::entities::{Block, Value};
use crate::ops::{Const, FlowGraph};
use cranelift_entity::{EntitySet, SecondaryMap};
use std::collections::{HashMap, HashSet};

/// A variable of the SSA construction: a Python local (comprehension variables are renamed
/// `name@offset`), or a builder temporary that must survive block boundaries (an iterator,
/// an operand evaluated before a block split, a caught exception, a return value).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Var {
    Name(String),
    Temp(u32),
}

impl Var {
    fn hint(&self) -> Option<&str> {
        match self {
            Var::Name(n) => Some(n.split('@').next().unwrap_or(n)),
            Var::Temp(_) => None,
        }
    }
}

#[derive(Default)]
pub(crate) struct Ssa {
    defs: SecondaryMap<Block, HashMap<Var, Value>>,
    sealed: EntitySet<Block>,
    incomplete: SecondaryMap<Block, Vec<(Var, Value)>>,
    /// Incoming edges of each block: (predecessor, index in its exit's `links_mut()`).
    preds: SecondaryMap<Block, Vec<(Block, usize)>>,
    /// The parameters created for variables (as opposed to explicit parameters).
    pub phis: HashSet<Value>,
}

impl Ssa {
    pub fn write(&mut self, block: Block, var: Var, value: Value) {
        self.defs[block].insert(var, value);
    }

    pub fn preds(&self, block: Block) -> &[(Block, usize)] {
        &self.preds[block]
    }

    /// Records that link `index` of `pred`'s exit goes to `target`.
    pub fn add_pred(&mut self, target: Block, pred: Block, index: usize) {
        debug_assert!(
            !self.sealed.contains(target),
            "link added to sealed block {target}"
        );
        self.preds[target].push((pred, index));
    }

    /// The value of `var` at the end of `block` (so far).
    pub fn read(&mut self, g: &mut FlowGraph, block: Block, var: &Var) -> Value {
        if let Some(&v) = self.defs[block].get(var) {
            return v;
        }
        self.read_recursive(g, block, var)
    }

    fn read_recursive(&mut self, g: &mut FlowGraph, block: Block, var: &Var) -> Value {
        if !self.sealed.contains(block) {
            let p = g.add_param(block, var.hint());
            self.phis.insert(p);
            self.incomplete[block].push((var.clone(), p));
            self.write(block, var.clone(), p);
            return p;
        }
        if self.preds[block].is_empty() {
            let u = g.new_const(Const::Undefined);
            self.write(block, var.clone(), u);
            return u;
        }
        let p = g.add_param(block, var.hint());
        self.phis.insert(p);
        self.write(block, var.clone(), p);
        self.add_operands(g, block, var);
        p
    }

    /// Appends, to every incoming link of `block`, the value of `var` at the end of the
    /// link's source block (the argument of `block`'s newest parameter for `var`).
    fn add_operands(&mut self, g: &mut FlowGraph, block: Block, var: &Var) {
        let preds = self.preds[block].clone();
        for (pred, index) in preds {
            let v = self.read(g, pred, var);
            if let Some(link) = g.blocks[pred].exit.links_mut().into_iter().nth(index) {
                link.args.push(v);
            }
        }
    }

    /// Declares that every predecessor of `block` is known.
    pub fn seal(&mut self, g: &mut FlowGraph, block: Block) {
        if self.sealed.contains(block) {
            return;
        }
        let pending = std::mem::take(&mut self.incomplete[block]);
        for (var, _) in pending {
            self.add_operands(g, block, &var);
        }
        self.sealed.insert(block);
    }
}
