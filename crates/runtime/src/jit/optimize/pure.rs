//! Common subexpression elimination of pure operations (PyPy's `pure.py`).
//!
//! A pure operation (or an elidable `call_pure_*`, or an `*_ovf`) whose opcode and
//! resolved arguments equal an earlier emitted one is replaced by that one's result.
//! Commutative operations are keyed with sorted arguments. When a removed operation
//! was followed by a guard of its own (`guard_no_exception` after a call that can
//! raise, `guard_no_overflow` after an `*_ovf`), that guard is dropped too: the first
//! operation's guard, kept, already checked it.

use super::optimizer::{Opt, Stage, R};
use crate::jit::trace::*;
use std::collections::HashMap;

pub type PureKey = (Opcode, Vec<Arg>);

/// The emitted pure operations, by key, in emission order.
#[derive(Default, Clone)]
pub struct PureCache {
    pub entries: Vec<(PureKey, Var)>,
    index: HashMap<PureKey, usize>,
}

impl PureCache {
    pub fn lookup(&self, k: &PureKey) -> Option<Var> {
        self.index.get(k).map(|&i| self.entries[i].1)
    }
    pub fn insert(&mut self, k: PureKey, v: Var) {
        if !self.index.contains_key(&k) {
            self.index.insert(k.clone(), self.entries.len());
            self.entries.push((k, v));
        }
    }
}

fn commutative(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::IntAdd
            | Opcode::IntMul
            | Opcode::IntAnd
            | Opcode::IntOr
            | Opcode::IntXor
            | Opcode::IntEq
            | Opcode::IntNe
            | Opcode::IntAddOvf
            | Opcode::IntMulOvf
            | Opcode::FloatAdd
            | Opcode::FloatMul
            | Opcode::FloatEq
            | Opcode::FloatNe
            | Opcode::PtrEq
            | Opcode::PtrNe
    )
}

/// Whether the pass shares operations of this opcode.
pub fn shareable(op: Opcode) -> bool {
    (op.kind() == OpKind::Pure && op.result_type() != Type::Void) || op.is_pure_call()
}

impl Opt<'_> {
    /// The CSE key of a pure operation (arguments resolved).
    pub fn pure_key(&self, opcode: Opcode, args: &[Arg]) -> PureKey {
        let mut args: Vec<Arg> = args.iter().map(|&a| self.get(a)).collect();
        if commutative(opcode) && args.len() == 2 && key_order(args[1]) < key_order(args[0]) {
            args.swap(0, 1);
        }
        (opcode, args)
    }

    pub(super) fn pure_op(&mut self, op: Op) -> R {
        if !shareable(op.opcode) {
            return self.send(op, Stage::Heap);
        }
        let Some(r) = op.result else {
            return self.send(op, Stage::Heap);
        };
        let key = self.pure_key(op.opcode, &op.args);
        if let Some(prev) = self.pure.lookup(&key) {
            self.replace(r, Arg::Var(prev));
            if op.opcode.is_ovf() {
                self.skip_next = Some(Opcode::GuardNoOverflow);
            } else if op.opcode.is_pure_call() && op.descr.as_ref().is_some_and(|d| d.can_raise) {
                self.skip_next = Some(Opcode::GuardNoException);
            }
            return Ok(());
        }
        self.send(op, Stage::Heap)?;
        // Only record it if it was emitted as itself.
        if self.get(Arg::Var(r)) == Arg::Var(r) {
            self.pure.insert(key, r);
        }
        Ok(())
    }
}

/// A total order on arguments for commutative keys.
fn key_order(a: Arg) -> (u8, u64) {
    match a {
        Arg::Var(v) => (0, v.0 as u64),
        Arg::Const(c) => (1, c.bits),
    }
}
