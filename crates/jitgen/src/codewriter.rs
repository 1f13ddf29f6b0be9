//! One low-level graph → one jitcode (RPython's codewriter): every non-void value gets a
//! register, blocks are laid out in reverse post-order, links become parallel moves,
//! branches become `Branch`/`Goto`, and the exception edges of raising operations point
//! at `Catch` instructions that try the block's handlers.

use crate::addrs::{AddrEntry, Addrs};
use crate::moves::sequentialize;
use frontend::entities::{Block, GraphId, Inst, Value};
use frontend::graph::{Exit, Handler, Link};
use rpyrt::jit::jitcode::{Callee, ExcEdge, Insn, JConst, JitCode, Opnd, Reg};
use rpyrt::jit::trace::{Opcode, Type};
use rtyper::lltype::{LlConst, LlOp, LlType};
use rtyper::{runtime_fns, LlFunction, LlProgram};
use std::collections::HashMap;

/// What the codewriter needs to know about the other functions.
pub struct Env<'a> {
    pub prog: &'a LlProgram,
    /// Graph → (jitcode index, call target index).
    pub jitcodes: &'a HashMap<GraphId, (u32, u32)>,
    /// Graphs the tracer must call instead of tracing into (dont_look_inside, elidable).
    pub residual: &'a dyn Fn(GraphId) -> bool,
    /// Runtime function name → call target index.
    pub rt_target: &'a mut dyn FnMut(&'static runtime_fns::RuntimeFn) -> u32,
    pub addrs: &'a mut Addrs,
}

pub fn ty(t: LlType) -> Type {
    match t {
        LlType::Void => Type::Void,
        LlType::Bool | LlType::Int => Type::Int,
        LlType::Float => Type::Float,
        LlType::Ref => Type::Ref,
    }
}

struct Writer<'a, 'b> {
    env: &'b mut Env<'a>,
    g: GraphId,
    f: &'a LlFunction,
    regs: Vec<Type>,
    reg_of: HashMap<Value, Reg>,
    consts: Vec<(Type, JConst)>,
    const_of: HashMap<(Type, JConstKey), u16>,
    code: Vec<Insn>,
    /// Jumps to patch: (insn index, block).
    fixups: Vec<(usize, Block)>,
    block_pc: HashMap<Block, u32>,
    scratch: HashMap<Type, Reg>,
    errors: Vec<String>,
}

#[derive(Hash, PartialEq, Eq, Clone)]
enum JConstKey {
    Int(i64),
    Float(u64),
    Addr(u32),
}

/// The jitcode of graph `g` and the register of each of its values.
pub fn write(
    env: &mut Env,
    g: GraphId,
    target: u32,
) -> Result<(JitCode, HashMap<Value, Reg>), String> {
    let prog = env.prog;
    let f = &prog.functions[g];
    let mut w = Writer {
        env,
        g,
        f,
        regs: vec![],
        reg_of: HashMap::new(),
        consts: vec![],
        const_of: HashMap::new(),
        code: vec![],
        fixups: vec![],
        block_pc: HashMap::new(),
        scratch: HashMap::new(),
        errors: vec![],
    };
    let params: Vec<Reg> = f
        .graph
        .params()
        .iter()
        .filter(|&&p| f.ty(p) != LlType::Void)
        .map(|&p| w.reg(p))
        .collect();
    let order = f.graph.rpo();
    for &b in &order {
        w.block(b);
    }
    for (at, b) in std::mem::take(&mut w.fixups) {
        let pc = w.block_pc[&b];
        match &mut w.code[at] {
            Insn::Goto(t) => *t = pc,
            Insn::Branch { if_false, .. } => *if_false = pc,
            _ => unreachable!("only jumps are patched"),
        }
    }
    if let Some(e) = w.errors.first() {
        return Err(format!("{}: {e}", f.graph.name));
    }
    let has_loops = crate::policy::has_loops(f);
    let live = crate::liveness::compute(&w.code, w.regs.len());
    let regs = w.reg_of;
    Ok((
        JitCode {
            name: f.graph.name.clone(),
            regs: w.regs,
            params,
            ret: ty(f.ret),
            consts: w.consts,
            code: w.code,
            live,
            target,
            has_loops,
        },
        regs,
    ))
}

impl<'a, 'b> Writer<'a, 'b> {
    fn reg(&mut self, v: Value) -> Reg {
        if let Some(&r) = self.reg_of.get(&v) {
            return r;
        }
        let t = ty(self.f.ty(v));
        self.regs.push(t);
        let r = (self.regs.len() - 1) as Reg;
        self.reg_of.insert(v, r);
        r
    }

    fn new_reg(&mut self, t: Type) -> Reg {
        self.regs.push(t);
        (self.regs.len() - 1) as Reg
    }

    fn konst(&mut self, t: Type, c: JConst) -> Opnd {
        let key = match &c {
            JConst::Int(i) => JConstKey::Int(*i),
            JConst::Float(b) => JConstKey::Float(*b),
            JConst::Addr(a) => JConstKey::Addr(*a),
        };
        if let Some(&k) = self.const_of.get(&(t, key.clone())) {
            return k;
        }
        self.consts.push((t, c));
        let k = (self.consts.len() - 1) as u16;
        self.const_of.insert((t, key), k);
        k
    }

    fn int(&mut self, i: i64) -> Opnd {
        self.konst_marker(Type::Int, JConst::Int(i))
    }

    /// Constants are numbered after the registers, which are only known at the end:
    /// operands name them `CONST_BASE + k` until [`finish_operands`] renumbers.
    fn konst_marker(&mut self, t: Type, c: JConst) -> Opnd {
        CONST_BASE + self.konst(t, c)
    }

    /// The operand for a value (a register, or a constant).
    fn opnd(&mut self, v: Value) -> Opnd {
        let Some(c) = self.f.graph.const_of(v) else {
            return self.reg(v);
        };
        let t = ty(rtyper::repr::const_type(c));
        let jc = match c {
            LlConst::Void => JConst::Int(0),
            LlConst::Bool(b) => JConst::Int(*b as i64),
            LlConst::Int(i) => JConst::Int(*i),
            LlConst::Float(x) => JConst::Float(x.to_bits()),
            LlConst::Null => JConst::Int(0),
            LlConst::Graph(_) | LlConst::Runtime(_) => {
                self.errors
                    .push("internal: a function used as a value".into());
                JConst::Int(0)
            }
            other => JConst::Addr(self.env.addrs.get(AddrEntry::Const(other.clone()))),
        };
        self.konst_marker(t, jc)
    }

    fn tb(&mut self, i: Inst) -> Option<u32> {
        let span = self.f.graph.insts[i].span;
        Some(self.env.addrs.get(AddrEntry::TbLoc(span, self.g)))
    }

    fn emit(&mut self, insn: Insn) -> usize {
        self.code.push(insn);
        self.code.len() - 1
    }

    fn pc(&self) -> u32 {
        self.code.len() as u32
    }

    fn goto(&mut self, b: Block) {
        let at = self.emit(Insn::Goto(0));
        self.fixups.push((at, b));
    }

    fn link(&mut self, l: &Link) {
        let params = self.f.graph.blocks[l.target].params.clone();
        let mut moves = vec![];
        for (&p, &a) in params.iter().zip(&l.args) {
            if self.f.ty(p) == LlType::Void {
                continue;
            }
            let d = self.reg(p);
            let s = self.opnd(a);
            moves.push((d, s));
        }
        let regs = self.regs.clone();
        let mut scratch_needed = vec![];
        let seq = sequentialize(&moves, |d| {
            scratch_needed.push(regs[d as usize]);
            u16::MAX - scratch_needed.len() as u16
        });
        // Scratch registers are allocated per type, once per jitcode.
        for (d, s) in seq {
            let d = self.fix_scratch(d, &scratch_needed);
            let s = self.fix_scratch(s, &scratch_needed);
            self.emit(Insn::Move { dst: d, src: s });
        }
        self.goto(l.target);
    }

    fn fix_scratch(&mut self, r: u16, needed: &[Type]) -> u16 {
        if r >= u16::MAX - needed.len() as u16 {
            let t = needed[(u16::MAX - r) as usize - 1];
            if let Some(&s) = self.scratch.get(&t) {
                return s;
            }
            let s = self.new_reg(t);
            self.scratch.insert(t, s);
            return s;
        }
        r
    }

    fn block(&mut self, b: Block) {
        self.block_pc.insert(b, self.pc());
        let data = &self.f.graph.blocks[b];
        let n = data.insts.len();
        let guarded = matches!(data.exit, Exit::Guarded { .. });
        let mut catch_fixup = None;
        for (k, &i) in data.insts.iter().enumerate() {
            let last_guarded = guarded && k + 1 == n;
            let edge = ExcEdge {
                catch: if last_guarded { Some(u32::MAX) } else { None },
                tb: self.tb(i),
            };
            let at = self.inst(i, edge);
            if last_guarded {
                catch_fixup = at;
            }
        }
        match data.exit.clone() {
            Exit::Goto(l) => self.link(&l),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => {
                let c = self.opnd(cond);
                let at = self.emit(Insn::Branch {
                    cond: c,
                    if_false: 0,
                });
                self.link(&if_true);
                let fpc = self.pc();
                if let Insn::Branch { if_false, .. } = &mut self.code[at] {
                    *if_false = fpc;
                }
                self.link(&if_false);
            }
            Exit::Guarded { normal, handlers } => {
                match normal {
                    Some(l) => self.link(&l),
                    None => {
                        self.emit(Insn::Unreachable);
                    }
                }
                let catch_pc = self.catch(&handlers, data.insts.last().copied());
                if let Some(at) = catch_fixup {
                    set_catch(&mut self.code[at], catch_pc);
                }
            }
            Exit::Return(v) => {
                let r = if self.f.ret == LlType::Void || self.f.ty(v) == LlType::Void {
                    None
                } else {
                    Some(self.opnd(v))
                };
                self.emit(Insn::Return(r));
            }
            Exit::Unreachable => {
                self.emit(Insn::Unreachable);
            }
        }
    }

    /// The `Catch` for a guarded block's handlers, then one landing pad per handler.
    fn catch(&mut self, handlers: &[Handler], last: Option<Inst>) -> u32 {
        let tb = last.and_then(|i| self.tb(i));
        let at = self.emit(Insn::Catch { cases: vec![], tb });
        let mut cases = vec![];
        for h in handlers {
            let case = h.case.map(|c| self.opnd(c));
            let exc_reg = self.new_reg(Type::Ref);
            let pad = self.pc();
            // The handler's link may pass the caught instance: it lives in `exc_reg`.
            self.reg_of.insert(h.exc, exc_reg);
            self.link(&h.link);
            cases.push((case, exc_reg, pad));
        }
        if let Insn::Catch { cases: c, .. } = &mut self.code[at] {
            *c = cases;
        }
        at as u32
    }

    /// Emits one operation; returns the index of the instruction that may raise.
    fn inst(&mut self, i: Inst, exc: ExcEdge) -> Option<usize> {
        let inst = self.f.graph.insts[i].clone();
        let rt = self.f.ty(inst.result);
        let dst = if rt == LlType::Void {
            None
        } else {
            Some(self.reg(inst.result))
        };
        let args: Vec<Value> = inst.args.clone();
        let simple = |op: Opcode| Some(op);
        let opcode = match inst.op {
            LlOp::IntAdd => simple(Opcode::IntAdd),
            LlOp::IntSub => simple(Opcode::IntSub),
            LlOp::IntMul => simple(Opcode::IntMul),
            LlOp::IntFloorDiv => simple(Opcode::IntFloorDiv),
            LlOp::IntMod => simple(Opcode::IntMod),
            LlOp::IntAnd => simple(Opcode::IntAnd),
            LlOp::IntOr => simple(Opcode::IntOr),
            LlOp::IntXor => simple(Opcode::IntXor),
            LlOp::IntLShift => simple(Opcode::IntLShift),
            LlOp::IntRShift => simple(Opcode::IntRShift),
            LlOp::IntNeg => simple(Opcode::IntNeg),
            LlOp::IntInvert => simple(Opcode::IntInvert),
            LlOp::IntLt => simple(Opcode::IntLt),
            LlOp::IntLe => simple(Opcode::IntLe),
            LlOp::IntEq => simple(Opcode::IntEq),
            LlOp::IntNe => simple(Opcode::IntNe),
            LlOp::IntGt => simple(Opcode::IntGt),
            LlOp::IntGe => simple(Opcode::IntGe),
            LlOp::UintLt => simple(Opcode::UintLt),
            LlOp::FloatAdd => simple(Opcode::FloatAdd),
            LlOp::FloatSub => simple(Opcode::FloatSub),
            LlOp::FloatMul => simple(Opcode::FloatMul),
            LlOp::FloatTrueDiv => simple(Opcode::FloatTrueDiv),
            LlOp::FloatNeg => simple(Opcode::FloatNeg),
            LlOp::FloatAbs => simple(Opcode::FloatAbs),
            LlOp::FloatLt => simple(Opcode::FloatLt),
            LlOp::FloatLe => simple(Opcode::FloatLe),
            LlOp::FloatEq => simple(Opcode::FloatEq),
            LlOp::FloatNe => simple(Opcode::FloatNe),
            LlOp::FloatGt => simple(Opcode::FloatGt),
            LlOp::FloatGe => simple(Opcode::FloatGe),
            LlOp::CastIntToFloat => simple(Opcode::CastIntToFloat),
            LlOp::BitsToFloat => simple(Opcode::BitsToFloat),
            LlOp::FloatToBits => simple(Opcode::FloatToBits),
            LlOp::CastPtrToInt => simple(Opcode::CastPtrToInt),
            LlOp::CastIntToPtr => simple(Opcode::CastIntToPtr),
            LlOp::BoolNot => simple(Opcode::IntIsZero),
            LlOp::PtrEq => simple(Opcode::PtrEq),
            LlOp::PtrNe => simple(Opcode::PtrNe),
            LlOp::Select(t) => simple(Opcode::select(ty(t))),
            _ => None,
        };
        if let Some(op) = opcode {
            let a = args.iter().map(|&v| self.opnd(v)).collect();
            self.emit(Insn::Op { op, args: a, dst });
            return None;
        }
        match inst.op {
            LlOp::CastBoolToInt | LlOp::SameAs(_) => {
                if let Some(d) = dst {
                    let s = self.opnd(args[0]);
                    self.emit(Insn::Move { dst: d, src: s });
                }
                None
            }
            LlOp::PtrIsNull => {
                let x = self.opnd(args[0]);
                let null = self.konst_marker(Type::Ref, JConst::Int(0));
                self.emit(Insn::Op {
                    op: Opcode::PtrEq,
                    args: vec![x, null],
                    dst,
                });
                None
            }
            LlOp::IntAddOvf | LlOp::IntSubOvf | LlOp::IntMulOvf | LlOp::IntNegOvf => {
                let (op, a) = match inst.op {
                    LlOp::IntAddOvf => (
                        Opcode::IntAddOvf,
                        vec![self.opnd(args[0]), self.opnd(args[1])],
                    ),
                    LlOp::IntSubOvf => (
                        Opcode::IntSubOvf,
                        vec![self.opnd(args[0]), self.opnd(args[1])],
                    ),
                    LlOp::IntMulOvf => (
                        Opcode::IntMulOvf,
                        vec![self.opnd(args[0]), self.opnd(args[1])],
                    ),
                    _ => (Opcode::IntSubOvf, vec![self.int(0), self.opnd(args[0])]),
                };
                let d = dst.unwrap_or_else(|| self.new_reg(Type::Int));
                Some(self.emit(Insn::Ovf {
                    op,
                    args: a,
                    dst: d,
                    exc,
                }))
            }
            LlOp::GetField(t)
            | LlOp::GetArrayItem(t)
            | LlOp::GetFieldPure(t)
            | LlOp::GetArrayItemPure(t) => {
                let Some(d) = dst.filter(|_| t != LlType::Void) else {
                    return None;
                };
                let op = if matches!(inst.op, LlOp::GetField(_) | LlOp::GetFieldPure(_)) {
                    Opcode::getfield(ty(t))
                } else {
                    Opcode::getarrayitem(ty(t))
                };
                let a = vec![self.opnd(args[0]), self.opnd(args[1])];
                if matches!(inst.op, LlOp::GetFieldPure(_) | LlOp::GetArrayItemPure(_)) {
                    self.emit(Insn::PureLoad {
                        op,
                        args: a,
                        dst: d,
                    });
                } else {
                    self.emit(Insn::Op { op, args: a, dst });
                }
                None
            }
            LlOp::SetField(t) | LlOp::SetArrayItem(t) => {
                if t == LlType::Void {
                    return None;
                }
                let op = if matches!(inst.op, LlOp::SetField(_)) {
                    Opcode::Setfield
                } else {
                    Opcode::Setarrayitem
                };
                let a = vec![self.opnd(args[0]), self.opnd(args[1]), self.opnd(args[2])];
                self.emit(Insn::Op {
                    op,
                    args: a,
                    dst: None,
                });
                None
            }
            LlOp::GetStatic(t) | LlOp::SetStatic(t) => {
                if t == LlType::Void {
                    return None;
                }
                let idx = match self.f.graph.const_of(args[0]) {
                    Some(LlConst::Int(i)) => *i as usize,
                    _ => 0,
                };
                let cell = self.env.addrs.get(AddrEntry::GlobalCell(idx));
                let base = self.konst_marker(Type::Ref, JConst::Addr(cell));
                let zero = self.int(0);
                if matches!(inst.op, LlOp::GetStatic(_)) {
                    self.emit(Insn::Op {
                        op: Opcode::getfield(ty(t)),
                        args: vec![base, zero],
                        dst,
                    });
                } else {
                    let v = self.opnd(args[1]);
                    self.emit(Insn::Op {
                        op: Opcode::Setfield,
                        args: vec![base, zero, v],
                        dst: None,
                    });
                }
                None
            }
            LlOp::StackAlloc => {
                let words = match self.f.graph.const_of(args[0]) {
                    Some(LlConst::Int(n)) => *n,
                    _ => 1,
                };
                let size = self.int(8 * words.max(1));
                let tid = self.int(0);
                self.emit(Insn::Op {
                    op: Opcode::New,
                    args: vec![size, tid],
                    dst,
                });
                None
            }
            LlOp::DirectCall => {
                let Some(LlConst::Graph(callee)) = self.f.graph.const_of(args[0]).cloned() else {
                    self.errors
                        .push("internal: direct_call of a non-graph".into());
                    return None;
                };
                let a = self.call_args(callee, &args[1..]);
                let (code, target) = self.env.jitcodes[&callee];
                let callee = if (self.env.residual)(callee) {
                    Callee::Residual(target)
                } else {
                    Callee::Jitcode { code, target }
                };
                Some(self.emit(Insn::Call {
                    callee,
                    args: a,
                    dst,
                    exc,
                }))
            }
            LlOp::IndirectCall => {
                let fnptr = self.opnd(args[0]);
                let a = self.non_void_opnds(&args[1..]);
                Some(self.emit(Insn::IndirectCall {
                    fnptr,
                    args: a,
                    dst,
                    exc,
                }))
            }
            LlOp::CallRuntime => {
                let Some(LlConst::Runtime(rf)) = self.f.graph.const_of(args[0]).cloned() else {
                    self.errors
                        .push("internal: call_runtime of a non-runtime function".into());
                    return None;
                };
                let consts: Vec<Option<LlConst>> = args[1..]
                    .iter()
                    .map(|&v| self.f.graph.const_of(v).cloned())
                    .collect();
                if std::ptr::eq(rf, &runtime_fns::ALLOC) {
                    if let [Some(LlConst::Int(_)), Some(LlConst::Int(_))] = consts.as_slice() {
                        let a = vec![self.opnd(args[1]), self.opnd(args[2])];
                        self.emit(Insn::Op {
                            op: Opcode::New,
                            args: a,
                            dst,
                        });
                        return None;
                    }
                }
                let target = (self.env.rt_target)(rf);
                let a = self.non_void_opnds(&args[1..]);
                Some(self.emit(Insn::Call {
                    callee: Callee::Residual(target),
                    args: a,
                    dst,
                    exc,
                }))
            }
            LlOp::Raise | LlOp::Reraise => {
                let v = self.opnd(args[0]);
                Some(self.emit(Insn::Raise {
                    value: v,
                    reraise: inst.op == LlOp::Reraise,
                    exc,
                }))
            }
            LlOp::JitMergePoint => {
                let d = match self.f.graph.const_of(args[0]) {
                    Some(LlConst::Int(i)) => *i as u32,
                    _ => 0,
                };
                self.emit(Insn::MergePoint(d));
                None
            }
            LlOp::JitCanEnter => {
                let d = match self.f.graph.const_of(args[0]) {
                    Some(LlConst::Int(i)) => *i as u32,
                    _ => 0,
                };
                self.emit(Insn::CanEnter(d));
                None
            }
            LlOp::JitPromote(_) => {
                if let Some(d) = dst {
                    let s = self.opnd(args[0]);
                    self.emit(Insn::Promote { dst: d, src: s });
                }
                None
            }
            LlOp::JitIsJitted => {
                if let Some(d) = dst {
                    let one = self.int(1);
                    self.emit(Insn::Move { dst: d, src: one });
                }
                None
            }
            other => {
                self.errors
                    .push(format!("internal: the codewriter does not know `{other}`"));
                None
            }
        }
    }

    /// Operands for values, without the void ones (compiled functions do not take them).
    fn non_void_opnds(&mut self, vals: &[Value]) -> Vec<Opnd> {
        let vals: Vec<Value> = vals
            .iter()
            .copied()
            .filter(|&v| self.f.ty(v) != LlType::Void)
            .collect();
        vals.into_iter().map(|v| self.opnd(v)).collect()
    }

    /// Arguments of a call to `callee`, without the void ones (as the compiled functions
    /// take them).
    fn call_args(&mut self, callee: GraphId, args: &[Value]) -> Vec<Opnd> {
        let cf = &self.env.prog.functions[callee];
        let mut out = vec![];
        for (k, &v) in args.iter().enumerate() {
            let pt = cf.params.get(k).copied().unwrap_or(LlType::Void);
            if pt == LlType::Void {
                continue;
            }
            out.push(self.opnd(v));
        }
        out
    }
}

/// Marks constant operands until registers are counted (see [`finish_operands`]).
pub const CONST_BASE: u16 = 0x8000;

fn set_catch(insn: &mut Insn, pc: u32) {
    match insn {
        Insn::Call { exc, .. }
        | Insn::IndirectCall { exc, .. }
        | Insn::Ovf { exc, .. }
        | Insn::Raise { exc, .. } => exc.catch = Some(pc),
        _ => {}
    }
}

/// Renumbers constant operands from `CONST_BASE + k` to `nregs + k`.
pub fn finish_operands(code: &mut JitCode) -> Result<(), String> {
    let n = code.regs.len();
    if n + code.consts.len() >= CONST_BASE as usize {
        return Err(format!(
            "{}: too many registers and constants for a jitcode ({} + {})",
            code.name,
            n,
            code.consts.len()
        ));
    }
    let fix = |o: &mut Opnd| {
        if *o >= CONST_BASE {
            *o = *o - CONST_BASE + n as u16;
        }
    };
    for insn in &mut code.code {
        crate::liveness::for_each_operand(insn, fix);
    }
    Ok(())
}
