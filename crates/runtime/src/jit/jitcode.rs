//! Jitcodes: the register bytecode `jitgen` makes from the low-level graphs a portal
//! reaches, and that the tracer and the blackhole interpreter run (RPython's jitcodes,
//! made by its codewriter). The translator serializes a [`JitData`] into the binary;
//! the runtime reads it back the first time the JIT is needed.
//!
//! A jitcode has typed registers (one 64-bit word each) and a pool of constants; an
//! operand ([`Opnd`]) below `regs.len()` is a register, above it a constant. Addresses
//! known only at link time (functions, static objects) are constants of kind
//! [`JConst::Addr`]: an index into the address table the binary passes at start-up.
//! Pcs are instruction indices.

use super::trace::{CallDescr, Opcode, Type};
use serde::{Deserialize, Serialize};

/// A register or a constant of the current jitcode.
pub type Opnd = u16;
/// A register.
pub type Reg = u16;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JConst {
    Int(i64),
    /// The bits of an f64.
    Float(u64),
    /// Entry `.0` of the address table (a function, a static object or cell).
    Addr(u32),
}

/// Where an exception raised by an instruction goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExcEdge {
    /// The pc of a [`Insn::Catch`] that tries this block's handlers, or `None` when the
    /// exception leaves the function.
    pub catch: Option<u32>,
    /// Address-table index of the traceback location (`abi::TbLoc`) recorded when the
    /// exception leaves the function here.
    pub tb: Option<u32>,
}

/// What a call instruction calls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Callee {
    /// A function the tracer may trace into: jitcode index (its call target too, for the
    /// blackhole, which always calls the compiled function).
    Jitcode { code: u32, target: u32 },
    /// A residual call: index into [`JitData::targets`].
    Residual(u32),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Insn {
    /// `dst = op(args)` for a trace opcode without control flow: arithmetic,
    /// comparisons, casts, field and array accesses, `new(size, tid)`.
    Op {
        op: Opcode,
        args: Vec<Opnd>,
        dst: Option<Reg>,
    },
    /// A load of immutable data: the tracer folds it when its arguments are constants.
    PureLoad {
        op: Opcode,
        args: Vec<Opnd>,
        dst: Reg,
    },
    /// `int_*_ovf`: raises OverflowError through `exc` instead of wrapping.
    Ovf {
        op: Opcode,
        args: Vec<Opnd>,
        dst: Reg,
        exc: ExcEdge,
    },
    Move {
        dst: Reg,
        src: Opnd,
    },
    Goto(u32),
    /// Falls through when `cond` is non-zero, else goes to `if_false`.
    Branch {
        cond: Opnd,
        if_false: u32,
    },
    Call {
        callee: Callee,
        args: Vec<Opnd>,
        dst: Option<Reg>,
        exc: ExcEdge,
    },
    /// A call through a function pointer (a vtable slot). The tracer promotes the
    /// pointer and calls the function's jitcode (or residual target) it finds.
    IndirectCall {
        fnptr: Opnd,
        args: Vec<Opnd>,
        dst: Option<Reg>,
        exc: ExcEdge,
    },
    /// Raises the instance in `exc_value`; `reraise` keeps its traceback.
    Raise {
        value: Opnd,
        reraise: bool,
        exc: ExcEdge,
    },
    /// Tries the handlers of a guarded block in order: `case` is a vtable constant (or
    /// `None` for a catch-all); the caught instance goes to `dst`, then `target`. When
    /// no case matches, the exception leaves the function (recording `tb`).
    Catch {
        cases: Vec<(Option<Opnd>, Reg, u32)>,
        tb: Option<u32>,
    },
    Return(Option<Opnd>),
    /// `dst = src`, and the tracer makes `src` a constant (guard_value).
    Promote {
        dst: Reg,
        src: Opnd,
    },
    /// The portal's `jit_merge_point` of driver `.0`.
    MergePoint(u32),
    /// A `can_enter_jit`: nothing for the tracer and the blackhole interpreter.
    CanEnter(u32),
    Unreachable,
}

/// One function as a jitcode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JitCode {
    pub name: String,
    /// Register types.
    pub regs: Vec<Type>,
    /// The registers that receive the arguments, in order.
    pub params: Vec<Reg>,
    pub ret: Type,
    /// Constants: operand `regs.len() + k` is `consts[k]`.
    pub consts: Vec<(Type, JConst)>,
    pub code: Vec<Insn>,
    /// Registers live before each instruction that may become a guard or a frame of a
    /// snapshot (None elsewhere): what resume rebuilds.
    pub live: Vec<Option<Vec<Reg>>>,
    /// Its call target (for residual calls of this function).
    pub target: u32,
    /// The function has loops: the tracer calls it instead of tracing into it unless it
    /// is marked `unroll_safe` (then false here).
    pub has_loops: bool,
}

/// A function the JIT may call residually.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallTarget {
    pub name: String,
    pub descr: CallDescr,
    /// Address-table index of the function (what compiled traces call).
    pub func: u32,
    /// Address-table index of its stub `void stub(const u64 *args, u64 *ret)`, which the
    /// tracer and blackhole interpreter call.
    pub stub: u32,
}

/// A `JitDriver` with its portal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriverInfo {
    pub name: String,
    pub portal: u32,
    /// The pc of the [`Insn::MergePoint`].
    pub merge_pc: u32,
    pub greens: Vec<Reg>,
    pub reds: Vec<Reg>,
    /// `get_printable_location(*greens) -> str`, a call target.
    pub printable_location: Option<u32>,
    /// The virtualizable red, if the driver declares one.
    pub virtualizable: Option<VableInfo>,
    /// The program calls `can_enter_jit` for this driver: the JIT is entered (and
    /// counters tick) there, and the merge point only receives restarts.
    pub has_can_enter: bool,
}

/// A virtualizable (RPython's `virtualizables=[...]` with the class's
/// `_virtualizable_`): in traces its fields live in registers, carried around loops,
/// written back when a guard fails and around residual calls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VableInfo {
    /// Index of the red among the driver's reds.
    pub red: u32,
    /// Scalar fields: offset and type.
    pub scalars: Vec<(i64, Type)>,
    /// Fields holding fixed-size lists whose items are virtualized: offset, item type.
    pub arrays: Vec<(i64, Type)>,
}

/// Everything the runtime JIT needs from the translator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JitData {
    pub jitcodes: Vec<JitCode>,
    pub targets: Vec<CallTarget>,
    pub drivers: Vec<DriverInfo>,
    /// Names of the address-table entries (for logs and checks).
    pub addr_names: Vec<String>,
}

impl JitCode {
    pub fn nregs(&self) -> usize {
        self.regs.len()
    }
}
