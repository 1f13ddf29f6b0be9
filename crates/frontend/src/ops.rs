//! The flow dialect: Python-level operations, as the flow builder emits them, and the
//! constants they take. One table defines every operation; the printer takes names from it.

use crate::entities::ObjId;
use crate::graph::{Dialect, OpInfo};
use std::fmt;

macro_rules! flow_ops {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, raise: $raise:literal; )*) => {
        /// A Python-level operation of a flow graph.
        #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
        pub enum FlowOp { $( $(#[$doc])* $variant, )* }

        impl FlowOp {
            pub const ALL: &'static [FlowOp] = &[$(FlowOp::$variant),*];
        }

        impl OpInfo for FlowOp {
            fn name(&self) -> &'static str {
                match self { $(FlowOp::$variant => $name,)* }
            }
            fn can_raise(&self) -> bool {
                match self { $(FlowOp::$variant => $raise,)* }
            }
        }
    };
}

flow_ops! {
    /// `f(args...)`: args[0] is the callee.
    SimpleCall = "simple_call", raise: true;
    /// `f(pos..., name=kw...)`: args[0] callee, args[1] a constant tuple of keyword names
    /// (as a `Const::Str` joined by commas), then positional then keyword values.
    CallKw = "call_kw", raise: true;
    /// `obj.name`: args = [obj, const name].
    GetAttr = "getattr", raise: true;
    /// `obj.name = value`: args = [obj, const name, value].
    SetAttr = "setattr", raise: true;
    GetItem = "getitem", raise: true;
    SetItem = "setitem", raise: true;
    DelItem = "delitem", raise: true;
    /// `obj[start:stop:step]` with `None` for missing parts.
    GetSlice = "getslice", raise: true;
    Add = "add", raise: true;
    Sub = "sub", raise: true;
    Mul = "mul", raise: true;
    TrueDiv = "truediv", raise: true;
    FloorDiv = "floordiv", raise: true;
    Mod = "mod", raise: true;
    Pow = "pow", raise: true;
    LShift = "lshift", raise: true;
    RShift = "rshift", raise: true;
    And = "and_", raise: true;
    Or = "or_", raise: true;
    Xor = "xor", raise: true;
    /// `x += y`: args = [x, y], the in-place form of `add` (lists extend in place). Other
    /// augmented operators use their plain binary operation.
    InplaceAdd = "inplace_add", raise: true;
    Lt = "lt", raise: true;
    Le = "le", raise: true;
    Eq = "eq", raise: true;
    Ne = "ne", raise: true;
    Gt = "gt", raise: true;
    Ge = "ge", raise: true;
    Is = "is_", raise: false;
    /// `item in container`: args = [container, item].
    Contains = "contains", raise: true;
    Neg = "neg", raise: true;
    Pos = "pos", raise: true;
    Invert = "invert", raise: true;
    /// Truth value (`bool(x)`, used by every branch on a non-bool).
    Bool = "bool", raise: true;
    Not = "not_", raise: true;
    NewList = "newlist", raise: false;
    NewTuple = "newtuple", raise: false;
    NewDict = "newdict", raise: false;
    /// f-string pieces: converts a value with a constant format spec and conversion.
    FormatValue = "format_value", raise: true;
    /// f-string: concatenates its str arguments.
    BuildString = "build_string", raise: false;
    Iter = "iter", raise: true;
    /// Next item of an iterator; raises StopIteration at the end.
    Next = "next", raise: true;
    /// Raises args[0] (a class or an instance); always raises.
    Raise = "raise", raise: true;
    /// Re-raises a caught exception without a new traceback entry (`raise` alone,
    /// and the end of `finally`).
    Reraise = "reraise", raise: true;
    /// Reads a module global that some function assigns at run time:
    /// args = [module (a `Const::Obj`), const name].
    GetGlobal = "getglobal", raise: false;
    /// Assigns such a global: args = [module, const name, value].
    SetGlobal = "setglobal", raise: false;
    /// Python's `assert`: raises AssertionError(args[1]) when args[0] is false.
    Assert = "assert", raise: true;
}

impl fmt::Display for FlowOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A constant operand of a flow graph.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// An object of the prebuilt snapshot (function, class, instance, list, module...).
    Obj(ObjId),
    /// A builtin or library object by qualified name (`builtins.len`, `math.sqrt`).
    Builtin(String),
    /// The value of a local variable on a path where it was never assigned (reading it
    /// raises `UnboundLocalError` in Python). The flow builder passes it along links so
    /// every block parameter has an argument on every edge.
    Undefined,
}

impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Const::None => f.write_str("None"),
            Const::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Const::Int(i) => write!(f, "{i}"),
            Const::Float(x) => write!(f, "{x:?}"),
            Const::Str(s) => write!(f, "{s:?}"),
            Const::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Const::Obj(o) => write!(f, "<{o}>"),
            Const::Builtin(q) => write!(f, "<{q}>"),
            Const::Undefined => f.write_str("<undefined>"),
        }
    }
}

/// The dialect of flow graphs.
#[derive(Clone, Debug)]
pub struct Flow;

impl Dialect for Flow {
    type Op = FlowOp;
    type Const = Const;
}

pub type FlowGraph = crate::graph::Graph<Flow>;
