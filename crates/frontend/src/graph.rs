//! The graph model shared by every stage: SSA blocks with parameters, links that carry
//! values, and exception edges.
//!
//! A [`Graph`] is generic over a [`Dialect`]: the flow dialect (Python-level operations on
//! prebuilt constants, made by [`crate::flow`]) and the rtyper's low-level dialect use the
//! same blocks, links, exits, printer and checker. Facts that later stages learn about a
//! graph (annotations, low-level types) live in their own side tables, never in the graph.
//!
//! Exceptions: an operation may raise. Outside a `try`, an exception raised by an operation
//! propagates to the caller (the backend records a traceback entry there). The last
//! operation of a block whose exit is [`Exit::Guarded`] has handlers: they are tried in
//! order, and the first whose case matches receives the exception value through its link;
//! when none matches the exception propagates.

use crate::entities::{Block, Inst, Value};
use crate::source::Span;
use cranelift_entity::PrimaryMap;
use std::fmt::{Debug, Display};

/// What an operation set tells the shared machinery about its operations.
pub trait OpInfo {
    fn name(&self) -> &'static str;
    /// Whether the operation may raise an exception (and so may end a guarded block).
    fn can_raise(&self) -> bool;
}

/// A family of operations and constants a graph is made of.
pub trait Dialect {
    type Op: OpInfo + Clone + Debug + Display;
    type Const: Clone + Debug + Display;
}

#[derive(Clone, Debug)]
pub enum ValueData<C> {
    /// A variable defined by a block parameter, an operation or a handler.
    Var { hint: Option<String> },
    /// A constant operand.
    Const(C),
}

#[derive(Clone, Debug)]
pub struct InstData<O> {
    pub op: O,
    pub args: Vec<Value>,
    pub result: Value,
    pub span: Span,
}

/// A control transfer: the target block receives `args` as its parameters.
#[derive(Clone, Debug)]
pub struct Link {
    pub target: Block,
    pub args: Vec<Value>,
}

/// An exception handler edge of a guarded block.
#[derive(Clone, Debug)]
pub struct Handler {
    /// The exception class matched (a constant), or `None` to catch everything.
    pub case: Option<Value>,
    /// The caught exception instance; defined on this edge only, usable in `link.args`.
    pub exc: Value,
    pub link: Link,
}

#[derive(Clone, Debug)]
pub enum Exit {
    Goto(Link),
    Branch {
        cond: Value,
        if_true: Link,
        if_false: Link,
    },
    /// The block's last operation may raise. `normal` is taken when it does not (`None`
    /// when it always raises, as `raise` does); handlers are tried in order.
    Guarded {
        normal: Option<Link>,
        handlers: Vec<Handler>,
    },
    Return(Value),
    /// Control never gets here (e.g. after a call that always raises, outside `try`).
    Unreachable,
}

impl Exit {
    pub fn links(&self) -> Vec<&Link> {
        match self {
            Exit::Goto(l) => vec![l],
            Exit::Branch {
                if_true, if_false, ..
            } => vec![if_true, if_false],
            Exit::Guarded { normal, handlers } => normal
                .iter()
                .chain(handlers.iter().map(|h| &h.link))
                .collect(),
            Exit::Return(_) | Exit::Unreachable => vec![],
        }
    }

    pub fn links_mut(&mut self) -> Vec<&mut Link> {
        match self {
            Exit::Goto(l) => vec![l],
            Exit::Branch {
                if_true, if_false, ..
            } => vec![if_true, if_false],
            Exit::Guarded { normal, handlers } => normal
                .iter_mut()
                .chain(handlers.iter_mut().map(|h| &mut h.link))
                .collect(),
            Exit::Return(_) | Exit::Unreachable => vec![],
        }
    }

    pub fn successors(&self) -> Vec<Block> {
        self.links().iter().map(|l| l.target).collect()
    }
}

#[derive(Clone, Debug)]
pub struct BlockData {
    pub params: Vec<Value>,
    pub insts: Vec<Inst>,
    pub exit: Exit,
}

/// One function's graph.
#[derive(Clone, Debug)]
pub struct Graph<D: Dialect> {
    /// Qualified name, for dumps, symbols and tracebacks.
    pub name: String,
    /// Span of the `def` (or `lambda`).
    pub span: Span,
    pub blocks: PrimaryMap<Block, BlockData>,
    pub insts: PrimaryMap<Inst, InstData<D::Op>>,
    pub values: PrimaryMap<Value, ValueData<D::Const>>,
    pub entry: Block,
    /// Where constants came from in the source (literals, constant names), for messages
    /// that explain where a type was introduced. Operation results use their op's span.
    pub value_spans: std::collections::HashMap<Value, Span>,
}

impl<D: Dialect> Graph<D> {
    pub fn new(name: String, span: Span) -> Self {
        let mut blocks = PrimaryMap::new();
        let entry = blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            exit: Exit::Unreachable,
        });
        Graph {
            name,
            span,
            blocks,
            insts: PrimaryMap::new(),
            values: PrimaryMap::new(),
            entry,
            value_spans: Default::default(),
        }
    }

    pub fn params(&self) -> &[Value] {
        &self.blocks[self.entry].params
    }

    pub fn new_block(&mut self) -> Block {
        self.blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            exit: Exit::Unreachable,
        })
    }

    pub fn new_var(&mut self, hint: Option<&str>) -> Value {
        self.values.push(ValueData::Var {
            hint: hint.map(str::to_owned),
        })
    }

    pub fn new_const(&mut self, c: D::Const) -> Value {
        self.values.push(ValueData::Const(c))
    }

    /// A constant that stands for the source at `span`.
    pub fn new_const_at(&mut self, c: D::Const, span: Span) -> Value {
        let v = self.new_const(c);
        self.value_spans.insert(v, span);
        v
    }

    pub fn add_param(&mut self, block: Block, hint: Option<&str>) -> Value {
        let v = self.new_var(hint);
        self.blocks[block].params.push(v);
        v
    }

    /// Appends an operation to `block` and returns its result value.
    pub fn push_op(&mut self, block: Block, op: D::Op, args: Vec<Value>, span: Span) -> Value {
        let result = self.new_var(None);
        self.push_op_into(block, op, args, result, span);
        result
    }

    pub fn push_op_into(
        &mut self,
        block: Block,
        op: D::Op,
        args: Vec<Value>,
        result: Value,
        span: Span,
    ) -> Inst {
        let inst = self.insts.push(InstData {
            op,
            args,
            result,
            span,
        });
        self.blocks[block].insts.push(inst);
        inst
    }

    pub fn set_exit(&mut self, block: Block, exit: Exit) {
        self.blocks[block].exit = exit;
    }

    pub fn is_const(&self, v: Value) -> bool {
        matches!(self.values[v], ValueData::Const(_))
    }

    pub fn const_of(&self, v: Value) -> Option<&D::Const> {
        match &self.values[v] {
            ValueData::Const(c) => Some(c),
            ValueData::Var { .. } => None,
        }
    }

    /// Blocks reachable from the entry, in reverse post-order.
    pub fn rpo(&self) -> Vec<Block> {
        let mut seen = cranelift_entity::EntitySet::<Block>::new();
        let mut post = Vec::new();
        let mut stack = vec![(self.entry, 0usize)];
        seen.insert(self.entry);
        while let Some((b, i)) = stack.pop() {
            let succ = self.blocks[b].exit.successors();
            if i < succ.len() {
                stack.push((b, i + 1));
                let s = succ[i];
                if !seen.contains(s) {
                    seen.insert(s);
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        post
    }
}
