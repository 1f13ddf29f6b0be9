//! The low-level dialect: machine-level types, operations and constants.
//!
//! Low-level graphs reuse the frontend's graph model, with one difference: a value may be
//! used in any block its definition dominates (the rtyper splits blocks to expand an
//! operation into several, and LLVM and the JIT codewriter take SSA by dominance).
//! Memory operations carry the type they load or store and take byte offsets from
//! `runtime::abi`, so the JIT's descriptors can be derived from them.

use crate::runtime_fns::RuntimeFn;
use frontend::entities::{GraphId, ObjId};
use frontend::graph::{Dialect, Graph, OpInfo};
use std::fmt;

/// The type of a low-level value.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum LlType {
    /// No value (None, prebuilt constants, impossible values).
    Void,
    /// i1.
    Bool,
    /// i64.
    Int,
    /// f64.
    Float,
    /// A pointer to a GC object (or to a stack-allocated iterator struct).
    Ref,
}

impl fmt::Display for LlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LlType::Void => "void",
            LlType::Bool => "bool",
            LlType::Int => "int",
            LlType::Float => "float",
            LlType::Ref => "ref",
        })
    }
}

macro_rules! ll_ops {
    ($( $(#[$doc:meta])* $variant:ident $(($ty:ident))? = $name:literal, raise: $raise:literal; )*) => {
        /// A low-level operation.
        #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
        pub enum LlOp { $( $(#[$doc])* $variant $(($ty))?, )* }

        impl OpInfo for LlOp {
            fn name(&self) -> &'static str {
                match self { $(ll_ops!(@pat $variant $(($ty))?) => $name,)* }
            }
            fn can_raise(&self) -> bool {
                match self { $(ll_ops!(@pat $variant $(($ty))?) => $raise,)* }
            }
        }
    };
    (@pat $variant:ident ($ty:ident)) => { LlOp::$variant(_) };
    (@pat $variant:ident) => { LlOp::$variant };
}

ll_ops! {
    IntAdd = "int_add", raise: false;
    IntSub = "int_sub", raise: false;
    IntMul = "int_mul", raise: false;
    /// Python floor division; the divisor is known non-zero; `MIN // -1` wraps.
    IntFloorDiv = "int_floordiv", raise: false;
    /// Python modulo (sign of the divisor); the divisor is known non-zero.
    IntMod = "int_mod", raise: false;
    IntAnd = "int_and", raise: false;
    IntOr = "int_or", raise: false;
    IntXor = "int_xor", raise: false;
    /// Left shift; the count is known non-negative; counts >= 64 give 0.
    IntLShift = "int_lshift", raise: false;
    /// Arithmetic right shift; the count is known non-negative; counts >= 64 give 0 or -1.
    IntRShift = "int_rshift", raise: false;
    IntNeg = "int_neg", raise: false;
    IntInvert = "int_invert", raise: false;
    IntLt = "int_lt", raise: false;
    IntLe = "int_le", raise: false;
    IntEq = "int_eq", raise: false;
    IntNe = "int_ne", raise: false;
    IntGt = "int_gt", raise: false;
    IntGe = "int_ge", raise: false;
    /// Unsigned less-than: `0 <= a < b` for a non-negative b, in one comparison.
    UintLt = "uint_lt", raise: false;
    /// Arithmetic that raises OverflowError instead of wrapping (`ovfcheck`).
    IntAddOvf = "int_add_ovf", raise: true;
    IntSubOvf = "int_sub_ovf", raise: true;
    IntMulOvf = "int_mul_ovf", raise: true;
    IntNegOvf = "int_neg_ovf", raise: true;
    FloatAdd = "float_add", raise: false;
    FloatSub = "float_sub", raise: false;
    FloatMul = "float_mul", raise: false;
    /// Division; the divisor is known non-zero.
    FloatTrueDiv = "float_truediv", raise: false;
    FloatNeg = "float_neg", raise: false;
    FloatAbs = "float_abs", raise: false;
    FloatLt = "float_lt", raise: false;
    FloatLe = "float_le", raise: false;
    FloatEq = "float_eq", raise: false;
    FloatNe = "float_ne", raise: false;
    FloatGt = "float_gt", raise: false;
    FloatGe = "float_ge", raise: false;
    CastIntToFloat = "cast_int_to_float", raise: false;
    CastBoolToInt = "cast_bool_to_int", raise: false;
    /// Reinterprets the 64 bits of an int as a float and back (list slots hold either).
    BitsToFloat = "bits_to_float", raise: false;
    FloatToBits = "float_to_bits", raise: false;
    /// A pointer's address as an int (for runtime helpers that take any list item).
    CastPtrToInt = "cast_ptr_to_int", raise: false;
    CastIntToPtr = "cast_int_to_ptr", raise: false;
    BoolNot = "bool_not", raise: false;
    PtrEq = "ptr_eq", raise: false;
    PtrNe = "ptr_ne", raise: false;
    PtrIsNull = "ptr_iszero", raise: false;
    /// `args[0] ? args[1] : args[2]`.
    Select(LlType) = "select", raise: false;
    SameAs(LlType) = "same_as", raise: false;
    /// Loads a field: args = [obj, offset].
    GetField(LlType) = "getfield", raise: false;
    /// Stores a field: args = [obj, offset, value].
    SetField(LlType) = "setfield", raise: false;
    /// Loads an item of an abi array: args = [array, index].
    GetArrayItem(LlType) = "getarrayitem", raise: false;
    SetArrayItem(LlType) = "setarrayitem", raise: false;
    /// A load of immutable data (a field in `_immutable_fields_`, the length, items
    /// array and items of a list stored in a `lst[*]` field): as GetField and
    /// GetArrayItem, and the JIT folds it when the object is a constant.
    GetFieldPure(LlType) = "getfield_pure", raise: false;
    GetArrayItemPure(LlType) = "getarrayitem_pure", raise: false;
    /// Reads a module global's static cell: args = [cell index].
    GetStatic(LlType) = "getstatic", raise: false;
    /// Writes it: args = [cell index, value].
    SetStatic(LlType) = "setstatic", raise: false;
    /// A struct of `args[0]` 8-byte words on the stack (iterators that never escape).
    StackAlloc = "stack_alloc", raise: false;
    /// Calls a low-level graph: args = [graph, arguments...].
    DirectCall = "direct_call", raise: true;
    /// Calls through a function pointer (a vtable slot): args = [pointer, arguments...].
    IndirectCall = "indirect_call", raise: true;
    /// Calls a runtime function: args = [function, arguments...].
    CallRuntime = "call_runtime", raise: true;
    /// Raises an exception instance (a new traceback starts here).
    Raise = "raise", raise: true;
    /// Re-raises a caught exception, keeping its traceback.
    Reraise = "reraise", raise: true;
    /// `driver.jit_merge_point(...)`: args = [driver index, greens..., reds...] in the
    /// driver's order. Without `--jit` it does nothing; with it, the backend makes it the
    /// portal's entry into the JIT (see `jitgen::portal`).
    JitMergePoint = "jit_merge_point", raise: false;
    /// `driver.can_enter_jit(...)`: args as for `jit_merge_point`.
    JitCanEnter = "can_enter_jit", raise: false;
    /// `promote(x)`: x itself; the JIT makes it a constant in traces.
    JitPromote(LlType) = "jit_promote", raise: false;
    /// `we_are_jitted()`: false in compiled code, true in jitcodes.
    JitIsJitted = "jit_is_jitted", raise: false;
}

impl fmt::Display for LlOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LlOp::GetStatic(t)
            | LlOp::SetStatic(t)
            | LlOp::Select(t)
            | LlOp::SameAs(t)
            | LlOp::JitPromote(t)
            | LlOp::GetField(t)
            | LlOp::GetFieldPure(t)
            | LlOp::GetArrayItemPure(t)
            | LlOp::SetField(t)
            | LlOp::GetArrayItem(t)
            | LlOp::SetArrayItem(t) => {
                write!(f, "{}<{t}>", self.name())
            }
            _ => f.write_str(self.name()),
        }
    }
}

/// A low-level constant.
#[derive(Clone, Debug, PartialEq)]
pub enum LlConst {
    Void,
    Bool(bool),
    Int(i64),
    Float(f64),
    Null,
    /// A str object in static data.
    Str(String),
    /// A low-level graph (a function).
    Graph(GraphId),
    Runtime(&'static RuntimeFn),
    /// The vtable of a class (index into the class table).
    Vtable(usize),
    /// A prebuilt list object in static data.
    PrebuiltList(ObjId),
    /// The address of a low-level graph's function (a function pointer value).
    FuncPtr(GraphId),
    /// A prebuilt instance of a user class in static data.
    PrebuiltInstance(ObjId),
    /// A prebuilt dict or set: an empty dict object in static data, filled at startup.
    PrebuiltDict(ObjId),
    /// A prebuilt tuple in static data.
    PrebuiltTuple(ObjId),
}

impl fmt::Display for LlConst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LlConst::Void => f.write_str("void"),
            LlConst::Bool(b) => write!(f, "{b}"),
            LlConst::Int(i) => write!(f, "{i}"),
            LlConst::Float(x) => write!(f, "{x:?}"),
            LlConst::Null => f.write_str("null"),
            LlConst::Str(s) => write!(f, "str{s:?}"),
            LlConst::Graph(g) => write!(f, "@{g}"),
            LlConst::Runtime(r) => write!(f, "@{}", r.name),
            LlConst::Vtable(c) => write!(f, "vtable{c}"),
            LlConst::PrebuiltList(o) => write!(f, "list<{o}>"),
            LlConst::PrebuiltInstance(o) => write!(f, "instance<{o}>"),
            LlConst::PrebuiltTuple(o) => write!(f, "tuple<{o}>"),
            LlConst::FuncPtr(g) => write!(f, "&{g}"),
            LlConst::PrebuiltDict(o) => write!(f, "dict<{o}>"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Ll;

impl Dialect for Ll {
    type Op = LlOp;
    type Const = LlConst;
}

pub type LlGraph = Graph<Ll>;
