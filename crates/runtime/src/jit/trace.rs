//! The trace IR: what the tracer records, the optimizer rewrites and a backend compiles.
//!
//! A trace is a straight-line list of [`Op`]s over typed variables ([`Var`]), in SSA
//! form: every variable is defined once, by the trace's inputs or by an operation. A
//! loop is `label(inputs...)`, operations, `jump(args...)` back to a label; a bridge
//! starts from the values a failing guard saved and ends with a `jump` to a loop's
//! label. Every value is one 64-bit word: ints are i64, refs are GC pointers, floats
//! are f64 (bools are ints 0/1), so a guard's saved values fit a plain `u64` array.
//!
//! Guards carry a [`Snapshot`]: the interpreter frames (jitcode, pc, live registers)
//! to rebuild when the guard fails. Snapshot arguments are variables, constants, or
//! virtual objects the optimizer removed and resume must allocate ([`VirtualObj`]).
//!
//! The text form ([`Trace::to_text`], parsed back by `jit::trace_parse`) is what
//! `RPY_JITLOG` shows and what optimizer tests are written in:
//!
//! ```text
//! [i0, p1]
//! label(i0, p1)
//! i2 = int_add(i0, 1)
//! i3 = int_lt(i2, 100)
//! guard_true(i3) [i0, p1]
//! p4 = getfield_r(p1, 16)
//! jump(i2, p4)
//! ```

use std::fmt::{self, Write};

/// The type of a trace value.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, serde::Serialize, serde::Deserialize)]
pub enum Type {
    Int,
    Ref,
    Float,
    Void,
}

impl Type {
    /// The letter variables of this type are named with (`i3`, `p4`, `f5`).
    pub fn letter(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Ref => 'p',
            Type::Float => 'f',
            Type::Void => 'v',
        }
    }
}

/// A trace variable (an SSA value).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Var(pub u32);

/// A constant operand: its type and its 64 bits.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct Const {
    pub ty: Type,
    pub bits: u64,
}

impl Const {
    pub fn int(v: i64) -> Const {
        Const {
            ty: Type::Int,
            bits: v as u64,
        }
    }
    pub fn ptr(p: u64) -> Const {
        Const {
            ty: Type::Ref,
            bits: p,
        }
    }
    pub fn float(x: f64) -> Const {
        Const {
            ty: Type::Float,
            bits: x.to_bits(),
        }
    }
    pub fn as_int(self) -> i64 {
        self.bits as i64
    }
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.bits)
    }
}

/// An operand: a variable or a constant.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Arg {
    Var(Var),
    Const(Const),
}

impl Arg {
    pub fn var(self) -> Option<Var> {
        match self {
            Arg::Var(v) => Some(v),
            Arg::Const(_) => None,
        }
    }
    pub fn konst(self) -> Option<Const> {
        match self {
            Arg::Const(c) => Some(c),
            Arg::Var(_) => None,
        }
    }
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $ret:ident, $kind:ident; )*) => {
        /// A trace operation's code.
        #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, serde::Serialize, serde::Deserialize)]
        pub enum Opcode { $( $(#[$doc])* $variant, )* }

        pub const ALL_OPCODES: &[Opcode] = &[$(Opcode::$variant),*];

        impl Opcode {
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name,)* }
            }
            /// The result type (`Void` for none).
            pub fn result_type(self) -> Type {
                match self { $(Opcode::$variant => Type::$ret,)* }
            }
            pub fn kind(self) -> OpKind {
                match self { $(Opcode::$variant => OpKind::$kind,)* }
            }
            pub fn from_name(s: &str) -> Option<Opcode> {
                match s { $($name => Some(Opcode::$variant),)* _ => None }
            }
        }
    };
}

/// What the optimizer may assume of an operation.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OpKind {
    /// No side effect, the result depends only on the arguments: may be folded, shared
    /// (CSE) and removed when unused.
    Pure,
    /// Reads memory: may be shared while no write intervenes; removable when unused.
    Load,
    /// Writes memory or allocates.
    Effect,
    /// A call; what it may do is in its [`CallDescr`].
    Call,
    /// Fails (leaves the trace) unless its condition holds.
    Guard,
    /// Control: label, jump, finish.
    Control,
    /// Does nothing at run time (debug_merge_point).
    Debug,
}

opcodes! {
    IntAdd = "int_add", Int, Pure;
    IntSub = "int_sub", Int, Pure;
    IntMul = "int_mul", Int, Pure;
    /// Python floor division; the divisor is known non-zero; `MIN // -1` wraps.
    IntFloorDiv = "int_floordiv", Int, Pure;
    /// Python modulo (sign of the divisor); the divisor is known non-zero.
    IntMod = "int_mod", Int, Pure;
    IntAnd = "int_and", Int, Pure;
    IntOr = "int_or", Int, Pure;
    IntXor = "int_xor", Int, Pure;
    /// Counts are known non-negative; counts >= 64 give 0.
    IntLShift = "int_lshift", Int, Pure;
    /// Arithmetic; counts >= 64 give 0 or -1.
    IntRShift = "int_rshift", Int, Pure;
    IntNeg = "int_neg", Int, Pure;
    IntInvert = "int_invert", Int, Pure;
    IntLt = "int_lt", Int, Pure;
    IntLe = "int_le", Int, Pure;
    IntEq = "int_eq", Int, Pure;
    IntNe = "int_ne", Int, Pure;
    IntGt = "int_gt", Int, Pure;
    IntGe = "int_ge", Int, Pure;
    UintLt = "uint_lt", Int, Pure;
    /// 1 if the argument is zero, else 0 (`not` of a bool).
    IntIsZero = "int_is_zero", Int, Pure;
    /// Must be followed by `guard_no_overflow` (or `guard_overflow`).
    IntAddOvf = "int_add_ovf", Int, Pure;
    IntSubOvf = "int_sub_ovf", Int, Pure;
    IntMulOvf = "int_mul_ovf", Int, Pure;
    FloatAdd = "float_add", Float, Pure;
    FloatSub = "float_sub", Float, Pure;
    FloatMul = "float_mul", Float, Pure;
    FloatTrueDiv = "float_truediv", Float, Pure;
    FloatNeg = "float_neg", Float, Pure;
    FloatAbs = "float_abs", Float, Pure;
    FloatLt = "float_lt", Int, Pure;
    FloatLe = "float_le", Int, Pure;
    FloatEq = "float_eq", Int, Pure;
    FloatNe = "float_ne", Int, Pure;
    FloatGt = "float_gt", Int, Pure;
    FloatGe = "float_ge", Int, Pure;
    CastIntToFloat = "cast_int_to_float", Float, Pure;
    /// Reinterpret the 64 bits (list slots hold either).
    FloatToBits = "float_to_bits", Int, Pure;
    BitsToFloat = "bits_to_float", Float, Pure;
    CastPtrToInt = "cast_ptr_to_int", Int, Pure;
    CastIntToPtr = "cast_int_to_ptr", Ref, Pure;
    PtrEq = "ptr_eq", Int, Pure;
    PtrNe = "ptr_ne", Int, Pure;
    /// `args[0] != 0 ? args[1] : args[2]`.
    SelectI = "select_i", Int, Pure;
    SelectR = "select_r", Ref, Pure;
    SelectF = "select_f", Float, Pure;
    SameAsI = "same_as_i", Int, Pure;
    SameAsR = "same_as_r", Ref, Pure;
    SameAsF = "same_as_f", Float, Pure;
    /// Loads the 8-byte word at `args[0] + args[1]` (the offset is a constant).
    GetfieldI = "getfield_i", Int, Load;
    GetfieldR = "getfield_r", Ref, Load;
    GetfieldF = "getfield_f", Float, Load;
    /// Stores `args[2]` at `args[0] + args[1]` (constant offset).
    Setfield = "setfield", Void, Effect;
    /// Loads item `args[1]` of the abi array `args[0]` (word at `16 + 8 * index`).
    GetarrayitemI = "getarrayitem_i", Int, Load;
    GetarrayitemR = "getarrayitem_r", Ref, Load;
    GetarrayitemF = "getarrayitem_f", Float, Load;
    /// Stores `args[2]` into item `args[1]` of the array `args[0]`.
    Setarrayitem = "setarrayitem", Void, Effect;
    /// A zeroed object of `args[0]` bytes with type id `args[1]` (`rpy_alloc`).
    New = "new", Ref, Effect;
    /// Calls `args[0]` (a function address) with `args[1..]`; see the [`CallDescr`].
    CallI = "call_i", Int, Call;
    CallR = "call_r", Ref, Call;
    CallF = "call_f", Float, Call;
    CallN = "call_n", Void, Call;
    /// A call to an elidable function: removable when unused, foldable when its
    /// arguments are constants (the tracer saw the result), shareable (CSE).
    CallPureI = "call_pure_i", Int, Call;
    CallPureR = "call_pure_r", Ref, Call;
    CallPureF = "call_pure_f", Float, Call;
    GuardTrue = "guard_true", Void, Guard;
    GuardFalse = "guard_false", Void, Guard;
    /// `args[0] == args[1]` (a constant): after it, `args[0]` is that constant.
    GuardValue = "guard_value", Void, Guard;
    /// The instance `args[0]` has exactly the vtable `args[1]` (its typeptr field).
    GuardClass = "guard_class", Void, Guard;
    GuardNonnull = "guard_nonnull", Void, Guard;
    GuardIsnull = "guard_isnull", Void, Guard;
    /// No exception is pending (after a call that can raise).
    GuardNoException = "guard_no_exception", Void, Guard;
    /// The preceding `*_ovf` operation did not overflow.
    GuardNoOverflow = "guard_no_overflow", Void, Guard;
    /// The GC has not asked for a collection (at a loop's head: a loop that allocates
    /// leaves to let the interpreter collect, since collections wait while the JIT
    /// runs).
    GuardNotGcRequested = "guard_not_gc_requested", Void, Guard;
    /// A loop header: its arguments are the loop's variables (defined here).
    Label = "label", Void, Control;
    /// Goes to a label (of this trace, or of a loop when the trace is a bridge).
    Jump = "jump", Void, Control;
    /// Leaves compiled code to the interpreter with the resume data of its snapshot.
    Finish = "finish", Void, Control;
    /// Where the interpreter's merge point was passed (text: the printable location).
    DebugMergePoint = "debug_merge_point", Void, Debug;
}

impl Opcode {
    pub fn is_guard(self) -> bool {
        self.kind() == OpKind::Guard
    }
    pub fn is_call(self) -> bool {
        self.kind() == OpKind::Call
    }
    pub fn is_pure_call(self) -> bool {
        matches!(
            self,
            Opcode::CallPureI | Opcode::CallPureR | Opcode::CallPureF
        )
    }
    pub fn is_ovf(self) -> bool {
        matches!(
            self,
            Opcode::IntAddOvf | Opcode::IntSubOvf | Opcode::IntMulOvf
        )
    }
    /// `call_*` for a result type.
    pub fn call(ret: Type) -> Opcode {
        match ret {
            Type::Int => Opcode::CallI,
            Type::Ref => Opcode::CallR,
            Type::Float => Opcode::CallF,
            Type::Void => Opcode::CallN,
        }
    }
    /// `call_pure_*` for a result type (a void elidable call is a plain `call_n`).
    pub fn call_pure(ret: Type) -> Opcode {
        match ret {
            Type::Int => Opcode::CallPureI,
            Type::Ref => Opcode::CallPureR,
            Type::Float => Opcode::CallPureF,
            Type::Void => Opcode::CallN,
        }
    }
    pub fn getfield(ty: Type) -> Opcode {
        match ty {
            Type::Ref => Opcode::GetfieldR,
            Type::Float => Opcode::GetfieldF,
            _ => Opcode::GetfieldI,
        }
    }
    pub fn getarrayitem(ty: Type) -> Opcode {
        match ty {
            Type::Ref => Opcode::GetarrayitemR,
            Type::Float => Opcode::GetarrayitemF,
            _ => Opcode::GetarrayitemI,
        }
    }
    pub fn same_as(ty: Type) -> Opcode {
        match ty {
            Type::Ref => Opcode::SameAsR,
            Type::Float => Opcode::SameAsF,
            _ => Opcode::SameAsI,
        }
    }
    pub fn select(ty: Type) -> Opcode {
        match ty {
            Type::Ref => Opcode::SelectR,
            Type::Float => Opcode::SelectF,
            _ => Opcode::SelectI,
        }
    }
}

/// What a call does, for the optimizer and the backend.
#[derive(Clone, PartialEq, Eq, Hash, Debug, serde::Serialize, serde::Deserialize)]
pub struct CallDescr {
    /// Argument types (without the function address).
    pub args: Vec<Type>,
    pub ret: Type,
    /// May leave an exception pending (a `guard_no_exception` follows).
    pub can_raise: bool,
    /// Elidable: no side effect, result depends only on the arguments.
    pub elidable: bool,
    /// Writes memory the trace may have cached (fields, array items): the heap cache
    /// forgets what it knew after the call. False only for calls known not to write.
    pub writes_heap: bool,
    /// The native function returns an LLVM `i1`: only bit 0 of the result register is
    /// defined (a backend masks it). Arguments that are bools are passed as 0/1 words.
    pub ret_i1: bool,
}

impl CallDescr {
    /// Text form: `ii>i raise pure nowrite i1` (argument letters, `>`, result letter, flags).
    pub fn to_text(&self) -> String {
        let mut s: String = self.args.iter().map(|t| t.letter()).collect();
        s.push('>');
        s.push(self.ret.letter());
        if self.can_raise {
            s.push_str(" raise");
        }
        if self.elidable {
            s.push_str(" pure");
        }
        if !self.writes_heap {
            s.push_str(" nowrite");
        }
        if self.ret_i1 {
            s.push_str(" i1");
        }
        s
    }
}

/// Index of a guard's [`Snapshot`] in [`Trace::snapshots`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct SnapshotId(pub u32);

/// One operation.
#[derive(Clone, PartialEq, Debug)]
pub struct Op {
    pub opcode: Opcode,
    pub args: Vec<Arg>,
    /// The result (`None` for `Void` operations).
    pub result: Option<Var>,
    /// For calls.
    pub descr: Option<Box<CallDescr>>,
    /// For guards and `finish`: the frames to rebuild.
    pub snapshot: Option<SnapshotId>,
    /// For `jump` from a bridge: which loop's label (index into the JIT's loops);
    /// `None` jumps to the last label of this trace. For `debug_merge_point`: unused.
    pub target: Option<u32>,
    /// For `debug_merge_point`: the printable location.
    pub text: Option<String>,
}

impl Op {
    pub fn new(opcode: Opcode, args: Vec<Arg>, result: Option<Var>) -> Op {
        Op {
            opcode,
            args,
            result,
            descr: None,
            snapshot: None,
            target: None,
            text: None,
        }
    }
}

/// A register of an interpreter frame to rebuild, and where its value comes from.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum SnapArg {
    Var(Var),
    Const(Const),
    /// The object [`Snapshot::virtuals`]`[k]`, allocated on resume.
    Virtual(u32),
}

/// One frame of a snapshot: its jitcode, the pc to resume at, its live registers.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FrameSnap {
    pub jitcode: u32,
    pub pc: u32,
    pub regs: Vec<(u16, SnapArg)>,
}

/// An object the optimizer did not allocate (a virtual) that a snapshot refers to.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VirtualObj {
    /// `new(size, tid)`.
    pub size: i64,
    pub tid: i64,
    /// Field values by byte offset (unset fields stay zero).
    pub fields: Vec<(i64, SnapArg)>,
}

/// The interpreter state at a guard: frames outermost first.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Snapshot {
    pub frames: Vec<FrameSnap>,
    pub virtuals: Vec<VirtualObj>,
    /// The guard is a `guard_no_exception`: on failure an exception is pending and
    /// the innermost frame resumes by dispatching it.
    pub exception: bool,
}

impl Snapshot {
    /// The distinct variables the snapshot reads, in first-use order: the values a
    /// failing guard saves (its fail arguments), in this order.
    pub fn fail_vars(&self) -> Vec<Var> {
        let mut out = vec![];
        let mut push = |a: &SnapArg| {
            if let SnapArg::Var(v) = a {
                if !out.contains(v) {
                    out.push(*v);
                }
            }
        };
        for f in &self.frames {
            for (_, a) in &f.regs {
                push(a);
            }
        }
        for v in &self.virtuals {
            for (_, a) in &v.fields {
                push(a);
            }
        }
        out
    }
}

/// A trace: a loop (`label ... jump`) or a bridge (inputs ... `jump` to a loop).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Trace {
    /// The variables defined on entry (a loop's entry label repeats them).
    pub inputs: Vec<Var>,
    pub ops: Vec<Op>,
    /// The type of every variable, indexed by `Var.0`.
    pub types: Vec<Type>,
    pub snapshots: Vec<Snapshot>,
}

impl Trace {
    /// The references the trace holds as constants (in operations and snapshots):
    /// compiled code embeds them, so the GC must keep them alive and in place.
    pub fn ref_consts(&self) -> Vec<u64> {
        let mut out = vec![];
        for op in &self.ops {
            for a in &op.args {
                if let Arg::Const(c) = a {
                    if c.ty == Type::Ref && c.bits != 0 {
                        out.push(c.bits);
                    }
                }
            }
        }
        for s in &self.snapshots {
            let regs = s.frames.iter().flat_map(|f| f.regs.iter().map(|r| &r.1));
            for a in regs.chain(
                s.virtuals
                    .iter()
                    .flat_map(|v| v.fields.iter().map(|f| &f.1)),
            ) {
                if let SnapArg::Const(c) = a {
                    if c.ty == Type::Ref && c.bits != 0 {
                        out.push(c.bits);
                    }
                }
            }
        }
        out
    }

    pub fn new_var(&mut self, ty: Type) -> Var {
        self.types.push(ty);
        Var(self.types.len() as u32 - 1)
    }

    pub fn ty(&self, v: Var) -> Type {
        self.types[v.0 as usize]
    }

    pub fn arg_type(&self, a: Arg) -> Type {
        match a {
            Arg::Var(v) => self.ty(v),
            Arg::Const(c) => c.ty,
        }
    }

    pub fn add_snapshot(&mut self, s: Snapshot) -> SnapshotId {
        self.snapshots.push(s);
        SnapshotId(self.snapshots.len() as u32 - 1)
    }

    /// Appends `opcode(args)`, with a fresh result variable when the opcode has one.
    pub fn push(&mut self, opcode: Opcode, args: Vec<Arg>) -> Option<Var> {
        let result = match opcode.result_type() {
            Type::Void => None,
            t => Some(self.new_var(t)),
        };
        self.ops.push(Op::new(opcode, args, result));
        result
    }

    pub fn var_name(&self, v: Var) -> String {
        format!("{}{}", self.ty(v).letter(), v.0)
    }

    pub fn arg_text(&self, a: Arg) -> String {
        match a {
            Arg::Var(v) => self.var_name(v),
            Arg::Const(c) => const_text(c),
        }
    }

    /// The text form (see the module doc); guards show their fail variables.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let names: Vec<String> = self.inputs.iter().map(|&v| self.var_name(v)).collect();
        let _ = writeln!(s, "[{}]", names.join(", "));
        for op in &self.ops {
            let _ = writeln!(s, "{}", self.op_text(op));
        }
        s
    }

    pub fn op_text(&self, op: &Op) -> String {
        let mut s = String::new();
        if let Some(r) = op.result {
            let _ = write!(s, "{} = ", self.var_name(r));
        }
        let args: Vec<String> = op.args.iter().map(|&a| self.arg_text(a)).collect();
        let _ = write!(s, "{}({})", op.opcode.name(), args.join(", "));
        if let Some(d) = &op.descr {
            let _ = write!(s, " <{}>", d.to_text());
        }
        if let Some(t) = op.target {
            let _ = write!(s, " ->loop{t}");
        }
        if let Some(text) = &op.text {
            let _ = write!(s, " {text:?}");
        }
        if let Some(k) = op.snapshot {
            let snap = &self.snapshots[k.0 as usize];
            let vars: Vec<String> = snap.fail_vars().iter().map(|&v| self.var_name(v)).collect();
            let _ = write!(s, " [{}]", vars.join(", "));
        }
        s
    }

    /// A snapshot in text, for logs: `#k: jitcode@pc[r0=i3, r2=5] ...`.
    pub fn snapshot_text(&self, k: SnapshotId) -> String {
        let snap = &self.snapshots[k.0 as usize];
        let sa = |a: &SnapArg| match *a {
            SnapArg::Var(v) => self.var_name(v),
            SnapArg::Const(c) => const_text(c),
            SnapArg::Virtual(j) => format!("virtual{j}"),
        };
        let mut s = format!("#{}:", k.0);
        for f in &snap.frames {
            let regs: Vec<String> = f
                .regs
                .iter()
                .map(|(r, a)| format!("r{r}={}", sa(a)))
                .collect();
            let _ = write!(s, " jitcode{}@{}[{}]", f.jitcode, f.pc, regs.join(", "));
        }
        for (j, v) in snap.virtuals.iter().enumerate() {
            let fields: Vec<String> = v
                .fields
                .iter()
                .map(|(o, a)| format!("{o}={}", sa(a)))
                .collect();
            let _ = write!(
                s,
                " virtual{j}=new({}, {}){{{}}}",
                v.size,
                v.tid,
                fields.join(", ")
            );
        }
        if snap.exception {
            s.push_str(" exception");
        }
        s
    }
}

/// A constant in text: ints in decimal, floats with a decimal point or exponent,
/// pointers as `0x...` (`null` for 0).
pub fn const_text(c: Const) -> String {
    match c.ty {
        Type::Int | Type::Void => format!("{}", c.bits as i64),
        Type::Float => {
            let x = f64::from_bits(c.bits);
            let t = format!("{x:?}");
            t
        }
        Type::Ref if c.bits == 0 => "null".to_string(),
        Type::Ref => format!("0x{:x}", c.bits),
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}
