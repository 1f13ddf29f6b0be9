//! One LLVM function per low-level graph: blocks become basic blocks, block parameters
//! become phis, and every operation that can raise is followed by the exception test of
//! the exception model — dispatch to the block's handlers when it is the guarded last
//! operation, else record a traceback entry and return.

use crate::statics::Emitter;
use frontend::entities::{Block, GraphId, Inst, Value};
use frontend::graph::{Exit, Handler, Link};
use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValueEnum, FunctionValue, PhiValue};
use inkwell::IntPredicate;
use rtyper::lltype::{LlConst, LlOp, LlType};
use rtyper::LlFunction;
use std::collections::HashMap;

pub struct FnState<'ctx> {
    pub g: GraphId,
    pub fv: FunctionValue<'ctx>,
    pub vals: HashMap<Value, BasicValueEnum<'ctx>>,
    blocks: HashMap<Block, BasicBlock<'ctx>>,
    phis: HashMap<Value, PhiValue<'ctx>>,
    incoming: Vec<(Block, Vec<Value>, BasicBlock<'ctx>)>,
    /// The prologue block, where stack slots are allocated.
    pub prologue: BasicBlock<'ctx>,
    /// The GC roots of this function (see `gcroots`).
    pub gc: crate::gcroots::GcInfo,
    /// Stack homes of the references saved on the shadow stack: they are reloaded after
    /// operations that can collect, so every use loads them (mem2reg makes them SSA
    /// values again).
    pub allocas: HashMap<Value, inkwell::values::PointerValue<'ctx>>,
    /// The shadow-stack base of the roots pushed by the last `gcemit::save`.
    pub ss_base: Option<inkwell::values::PointerValue<'ctx>>,
    /// The block after the stack check that pushes the frame.
    frame: BasicBlock<'ctx>,
}

impl<'ctx> FnState<'ctx> {
    /// Records the LLVM value of `v` (and stores it to its stack home).
    pub fn define(&mut self, e: &Emitter<'ctx, '_>, v: Value, x: BasicValueEnum<'ctx>) {
        if let Some(&a) = self.allocas.get(&v) {
            e.builder.build_store(a, x).expect("positioned");
        }
        self.vals.insert(v, x);
    }
}

impl<'ctx> FnState<'ctx> {
    /// The LLVM block of a graph block.
    pub fn block(&self, b: Block) -> BasicBlock<'ctx> {
        self.blocks[&b]
    }

    /// Adds incoming values (already LLVM values) to `b`'s phis from `from`.
    pub fn add_incoming_values(
        &mut self,
        _b: Block,
        params: &[Value],
        vals: &[Option<BasicValueEnum<'ctx>>],
        from: BasicBlock<'ctx>,
    ) {
        for (p, v) in params.iter().zip(vals) {
            if let (Some(phi), Some(v)) = (self.phis.get(p), v) {
                phi.add_incoming(&[(v, from)]);
            }
        }
    }
}

pub fn emit_function<'ctx>(e: &mut Emitter<'ctx, '_>, g: GraphId) -> Result<(), String> {
    let f: &LlFunction = &e.prog.functions[g];
    let fv = e.functions[&g];
    let prologue = e.ctx.append_basic_block(fv, "prologue");
    let cx = crate::gcroots::Ctx {
        jit: e.jit.is_some(),
        collecting: &e.collecting,
        conservative: false,
        polls: e.collecting.contains(&g),
    };
    let gc = crate::gcroots::analyze(f, &cx);
    e.builder.position_at_end(prologue);
    let mut allocas = HashMap::new();
    let mut spilled: Vec<Value> = gc.spilled.iter().copied().collect();
    spilled.sort();
    for v in spilled {
        let a = e
            .builder
            .build_alloca(e.ptr, &format!("home.{v}"))
            .expect("positioned");
        allocas.insert(v, a);
    }
    let mut st = FnState {
        g,
        fv,
        vals: HashMap::new(),
        blocks: HashMap::new(),
        phis: HashMap::new(),
        incoming: vec![],
        prologue,
        gc,
        allocas,
        ss_base: None,
        frame: e.ctx.append_basic_block(fv, "frame"),
    };
    let order = f.graph.rpo();
    for &b in &order {
        let bb = e.ctx.append_basic_block(fv, &b.to_string());
        st.blocks.insert(b, bb);
        e.builder.position_at_end(bb);
        for &p in &f.graph.blocks[b].params {
            if let Some(t) = e.ll_type(f.ty(p)) {
                let phi = e.builder.build_phi(t, &p.to_string()).expect("positioned");
                st.phis.insert(p, phi);
                st.vals.insert(p, phi.as_basic_value());
            }
        }
    }
    // The prologue passes the function's parameters to the entry block.
    let mut k = 0;
    let mut entry_args = vec![];
    for &p in f.graph.params() {
        if f.ty(p) != LlType::Void {
            let arg = fv
                .get_nth_param(k)
                .expect("parameter count matches the signature");
            k += 1;
            // A fresh value stands for the incoming argument.
            entry_args.push(Some(arg));
        } else {
            entry_args.push(None);
        }
    }
    for (&p, a) in f.graph.params().iter().zip(&entry_args) {
        if let (Some(phi), Some(a)) = (st.phis.get(&p), a) {
            phi.add_incoming(&[(a, st.frame)]);
        }
    }
    for &b in &order {
        emit_block(e, &mut st, f, b)?;
    }
    for (target, args, from) in std::mem::take(&mut st.incoming) {
        // Values with a stack home are loaded at the end of the predecessor.
        match from.get_terminator() {
            Some(t) => e.builder.position_before(&t),
            None => e.builder.position_at_end(from),
        }
        let params = &f.graph.blocks[target].params;
        for (&p, &a) in params.iter().zip(&args) {
            if let Some(phi) = st.phis.get(&p) {
                let v = value(e, &st, f, a).ok_or_else(|| {
                    format!("internal: {}: no value for {a} passed to {p}", f.graph.name)
                })?;
                phi.add_incoming(&[(&v, from)]);
            }
        }
    }
    stack_check(e, &st, f);
    Ok(())
}

/// The LLVM value of a low-level operand (None for void).
pub fn value<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &FnState<'ctx>,
    f: &LlFunction,
    v: Value,
) -> Option<BasicValueEnum<'ctx>> {
    match f.graph.const_of(v) {
        Some(c) => const_value(e, c),
        None => match st.allocas.get(&v) {
            Some(&a) => Some(e.builder.build_load(a, "use").expect("positioned")),
            None => st.vals.get(&v).copied(),
        },
    }
}

pub fn const_value<'ctx>(e: &mut Emitter<'ctx, '_>, c: &LlConst) -> Option<BasicValueEnum<'ctx>> {
    Some(match c {
        LlConst::Void | LlConst::Graph(_) | LlConst::Runtime(_) => return None,
        LlConst::Bool(b) => e.i1.const_int(*b as u64, false).into(),
        LlConst::Int(i) => e.i64.const_int(*i as u64, true).into(),
        LlConst::Float(x) => e.f64.const_float(*x).into(),
        LlConst::Null => e.ptr.const_null().into(),
        LlConst::Str(s) => e.str_obj(s).into(),
        LlConst::Vtable(i) => e.vtable(*i).into(),
        LlConst::PrebuiltList(o) => e.prebuilt_list(*o).into(),
        LlConst::PrebuiltInstance(o) => e.prebuilt_instance(*o).into(),
        LlConst::PrebuiltTuple(o) => e.prebuilt_tuple(*o).into(),
        LlConst::FuncPtr(g) => e.functions[g]
            .as_global_value()
            .as_pointer_value()
            .const_cast(e.ptr)
            .into(),
        LlConst::PrebuiltDict(o) => e.prebuilt_dict(*o).into(),
    })
}

fn emit_block<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &mut FnState<'ctx>,
    f: &LlFunction,
    b: Block,
) -> Result<(), String> {
    let data = &f.graph.blocks[b];
    e.builder.position_at_end(st.blocks[&b]);
    for &p in &data.params {
        if let (Some(&a), Some(&x)) = (st.allocas.get(&p), st.vals.get(&p)) {
            e.builder.build_store(a, x).expect("positioned");
        }
    }
    let n = data.insts.len();
    for (k, &i) in data.insts.iter().enumerate() {
        let last_guarded = k + 1 == n && matches!(data.exit, Exit::Guarded { .. });
        let inst = &f.graph.insts[i];
        if e.jit.is_some() && matches!(inst.op, LlOp::JitMergePoint | LlOp::JitCanEnter) {
            // The roots are reloaded right after the runtime call (`emit_hint`).
            let roots = st.gc.live_across.get(&i).cloned().unwrap_or_default();
            crate::gcemit::save(e, st, &roots);
            crate::jit::emit_hint(e, st, f, i)?;
            continue;
        }
        let cx = crate::gcroots::Ctx {
            jit: e.jit.is_some(),
            collecting: &e.collecting,
            conservative: false,
            polls: e.collecting.contains(&st.g),
        };
        let when = crate::gcroots::collects(f, inst.op, &inst.args, &cx);
        let roots = st.gc.live_across.get(&i).cloned().unwrap_or_default();
        let is_alloc = matches!(f.graph.const_of(inst.args.first().copied().unwrap_or(inst.result)),
            Some(LlConst::Runtime(rf)) if std::ptr::eq(*rf, &rtyper::runtime_fns::ALLOC));
        let around = when == crate::gcroots::Collects::During && !is_alloc;
        if around {
            crate::gcemit::save(e, st, &roots);
        }
        let raises = crate::ops::emit_op(e, st, f, i)?;
        if around {
            crate::gcemit::reload(e, st, &roots);
        }
        if let Some(r) = raises.result {
            st.define(e, inst.result, r);
        }
        if when == crate::gcroots::Collects::After {
            crate::gcemit::poll(e, st, &roots);
        }
        match raises.kind {
            Raises::Never => {}
            Raises::Always => {
                if last_guarded {
                    let Exit::Guarded { handlers, .. } = &data.exit else {
                        unreachable!()
                    };
                    dispatch(e, st, f, i, handlers);
                } else {
                    propagate(e, st, f, i);
                }
                return Ok(());
            }
            Raises::Maybe => {
                let raised = e.exc_pending();
                let (exc_bb, ok_bb) = (
                    e.ctx.append_basic_block(st.fv, "exc"),
                    e.ctx.append_basic_block(st.fv, "ok"),
                );
                e.builder
                    .build_conditional_branch(raised, exc_bb, ok_bb)
                    .expect("positioned");
                e.builder.position_at_end(exc_bb);
                if last_guarded {
                    let Exit::Guarded { handlers, .. } = &data.exit else {
                        unreachable!()
                    };
                    dispatch(e, st, f, i, handlers);
                } else {
                    propagate(e, st, f, i);
                }
                e.builder.position_at_end(ok_bb);
            }
        }
    }
    let cur = e.builder.get_insert_block().expect("positioned");
    match &data.exit {
        Exit::Goto(l)
        | Exit::Guarded {
            normal: Some(l), ..
        } => {
            st.incoming.push((l.target, l.args.clone(), cur));
            e.builder
                .build_unconditional_branch(st.blocks[&l.target])
                .expect("positioned");
        }
        Exit::Branch {
            cond,
            if_true,
            if_false,
        } => {
            let c = value(e, st, f, *cond)
                .ok_or("internal: void branch condition")?
                .into_int_value();
            st.incoming
                .push((if_true.target, if_true.args.clone(), cur));
            let mut false_bb = st.blocks[&if_false.target];
            if if_true.target == if_false.target {
                // Two edges to one block need distinct predecessors for its phis.
                let hop = e.ctx.append_basic_block(st.fv, "edge");
                e.builder.position_at_end(hop);
                e.builder
                    .build_unconditional_branch(false_bb)
                    .expect("positioned");
                e.builder.position_at_end(cur);
                st.incoming
                    .push((if_false.target, if_false.args.clone(), hop));
                false_bb = hop;
            } else {
                st.incoming
                    .push((if_false.target, if_false.args.clone(), cur));
            }
            e.builder
                .build_conditional_branch(c, st.blocks[&if_true.target], false_bb)
                .expect("positioned");
        }
        Exit::Return(v) => match value(e, st, f, *v) {
            Some(x) if f.ret != LlType::Void => {
                e.builder.build_return(Some(&x)).expect("positioned");
            }
            _ => {
                ret_zero(e, f);
            }
        },
        Exit::Guarded { normal: None, .. } | Exit::Unreachable => {
            e.builder.build_unreachable().expect("positioned");
        }
    }
    Ok(())
}

/// How an emitted operation may raise.
pub enum Raises {
    Never,
    /// The pending-exception test follows.
    Maybe,
    /// It always raises (raise, reraise, raising a builtin exception).
    Always,
}

pub struct Emitted<'ctx> {
    pub result: Option<BasicValueEnum<'ctx>>,
    pub kind: Raises,
}

/// Returns a zero of the function's result type (the value is unused: an exception is
/// pending).
pub fn ret_zero(e: &mut Emitter, f: &LlFunction) {
    match e.ll_type(f.ret) {
        Some(t) => {
            let z = t.const_zero();
            e.builder.build_return(Some(&z)).expect("positioned");
        }
        None => {
            e.builder.build_return(None).expect("positioned");
        }
    }
}

/// The exception leaves this function: record where, and return.
fn propagate<'ctx>(e: &mut Emitter<'ctx, '_>, st: &FnState<'ctx>, f: &LlFunction, i: Inst) {
    let loc = e.tb_loc(f.graph.insts[i].span, st.g);
    let rec = e.glue_fn("rpy_tb_record", &[e.ptr.into()], None);
    e.builder
        .build_call(rec, &[loc.into()], "")
        .expect("positioned");
    ret_zero(e, f);
}

/// Tries the handlers in order; the first match receives the exception value.
fn dispatch<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &mut FnState<'ctx>,
    f: &LlFunction,
    i: Inst,
    handlers: &[Handler],
) {
    let pending = e
        .builder
        .build_load(e.exc_type.as_pointer_value(), "exc_type")
        .expect("positioned")
        .into_pointer_value();
    for h in handlers {
        let take = e.ctx.append_basic_block(st.fv, "catch");
        match h.case.and_then(|c| f.graph.const_of(c).cloned()) {
            Some(LlConst::Vtable(class)) => {
                let info = &e.prog.classes.classes[class];
                let (cmin, cmax) = (info.subclass_min as u64, info.subclass_max as u64);
                let minp = e
                    .builder
                    .build_bit_cast(
                        pending,
                        e.i64.ptr_type(inkwell::AddressSpace::default()),
                        "vt",
                    )
                    .expect("positioned");
                let min = e
                    .builder
                    .build_load(minp.into_pointer_value(), "min")
                    .expect("positioned")
                    .into_int_value();
                let ge = e
                    .builder
                    .build_int_compare(IntPredicate::SGE, min, e.i64.const_int(cmin, true), "ge")
                    .expect("positioned");
                let lt = e
                    .builder
                    .build_int_compare(IntPredicate::SLT, min, e.i64.const_int(cmax, true), "lt")
                    .expect("positioned");
                let m = e.builder.build_and(ge, lt, "match").expect("positioned");
                let next = e.ctx.append_basic_block(st.fv, "nomatch");
                e.builder
                    .build_conditional_branch(m, take, next)
                    .expect("positioned");
                e.builder.position_at_end(take);
                catch(e, st, h);
                e.builder.position_at_end(next);
            }
            _ => {
                e.builder
                    .build_unconditional_branch(take)
                    .expect("positioned");
                e.builder.position_at_end(take);
                catch(e, st, h);
                // Nothing after a catch-all is reachable.
                let dead = e.ctx.append_basic_block(st.fv, "dead");
                e.builder.position_at_end(dead);
                e.builder.build_unreachable().expect("positioned");
                return;
            }
        }
    }
    propagate(e, st, f, i);
}

fn catch<'ctx>(e: &mut Emitter<'ctx, '_>, st: &mut FnState<'ctx>, h: &Handler) {
    let v = e
        .builder
        .build_load(e.exc_value.as_pointer_value(), "exc_value")
        .expect("positioned");
    let null = e.ptr.const_null();
    e.builder
        .build_store(e.exc_type.as_pointer_value(), null)
        .expect("positioned");
    e.builder
        .build_store(e.exc_value.as_pointer_value(), null)
        .expect("positioned");
    st.define(e, h.exc, v);
    let Link { target, args } = &h.link;
    let cur = e.builder.get_insert_block().expect("positioned");
    st.incoming.push((*target, args.clone(), cur));
    e.builder
        .build_unconditional_branch(st.blocks[target])
        .expect("positioned");
}

/// Ends the prologue with the recursion check: below `rpy_stack_limit`, raise
/// RecursionError and return (the caller propagates it) instead of overflowing the stack;
/// otherwise go to the entry block.
fn stack_check<'ctx>(e: &mut Emitter<'ctx, '_>, st: &FnState<'ctx>, f: &LlFunction) {
    // Stack slots come first in the prologue; the check goes after them.
    e.builder.position_at_end(st.prologue);
    let fty = e.ptr.fn_type(&[e.i32.into()], false);
    let name = "llvm.frameaddress.p0i8";
    let frameaddr = e
        .module
        .get_function(name)
        .unwrap_or_else(|| e.module.add_function(name, fty, None));
    let fp = e
        .builder
        .build_call(frameaddr, &[e.i32.const_zero().into()], "fp")
        .expect("positioned");
    let fp = fp
        .try_as_basic_value()
        .basic()
        .expect("ptr")
        .into_pointer_value();
    let sp = e
        .builder
        .build_ptr_to_int(fp, e.i64, "sp")
        .expect("positioned");
    let limit_g = match e.module.get_global("rpy_stack_limit") {
        Some(g) => g,
        None => {
            let g = e.module.add_global(e.i64, None, "rpy_stack_limit");
            g.set_linkage(inkwell::module::Linkage::External);
            g
        }
    };
    let limit = e
        .builder
        .build_load(limit_g.as_pointer_value(), "limit")
        .expect("positioned")
        .into_int_value();
    let deep = e
        .builder
        .build_int_compare(IntPredicate::ULT, sp, limit, "deep")
        .expect("positioned");
    let overflow = e.ctx.append_basic_block(st.fv, "stack_overflow");
    e.builder
        .build_conditional_branch(deep, overflow, st.frame)
        .expect("positioned");
    e.builder.position_at_end(st.frame);
    e.builder
        .build_unconditional_branch(st.blocks[&f.graph.entry])
        .expect("positioned");
    e.builder.position_at_end(overflow);
    let idx = rpyrt::abi::builtin_exception_index("RecursionError").expect("builtin") as u64;
    let raise = e.runtime_fn(&rtyper::runtime_fns::RAISE_BUILTIN_STR);
    let msg =
        const_value(e, &LlConst::Str("maximum recursion depth exceeded".into())).expect("str");
    e.builder
        .build_call(raise, &[e.i64.const_int(idx, false).into(), msg.into()], "")
        .expect("positioned");
    ret_zero(e, f);
}
