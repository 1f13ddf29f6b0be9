//! What `--jit` adds to the binary: the serialized jitcodes (`rpy_jit_blob`), the address
//! table they name entries of (`rpy_jit_addrs`), a call stub per function the JIT may
//! call, a constructor that hands both tables to the runtime, and at each portal's
//! `jit_merge_point` / `can_enter_jit` the call into the runtime JIT with what to do
//! after it: go on, restart at the merge point with new greens and reds, return, or
//! propagate an exception.

use crate::function::{const_value, value, FnState};
use crate::statics::Emitter;
use frontend::entities::Inst;
use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicTypeEnum};
use inkwell::values::{BasicValueEnum, FunctionValue, IntValue};
use inkwell::AddressSpace;
use jitgen::addrs::{AddrEntry, Callable};
use rtyper::lltype::{LlConst, LlOp};
use rtyper::LlFunction;

/// What the runtime's entry points return (see `rpyrt::jit::entry`).
const ACTION_CONTINUE: u64 = 0;
const ACTION_RESTART: u64 = 1;
const ACTION_RETURN: u64 = 2;

/// Emits the blob, the address table, the stubs and the constructor.
pub fn emit_tables(e: &mut Emitter) -> Result<(), String> {
    let Some(jit) = e.jit else {
        return Ok(());
    };
    let bytes = postcard::to_allocvec(&jit.data).map_err(|err| format!("jitcodes: {err}"))?;
    let blob_val = e.ctx.const_string(&bytes, false);
    let blob = e
        .module
        .add_global(blob_val.get_type(), None, "rpy_jit_blob");
    blob.set_initializer(&blob_val);
    blob.set_constant(true);
    blob.set_linkage(Linkage::Private);
    let mut entries = vec![];
    for entry in &jit.addrs {
        let p = match entry {
            AddrEntry::Func(c) => callable(e, c).as_global_value().as_pointer_value(),
            AddrEntry::Stub(c) => {
                let f = callable(e, c);
                stub(e, f).as_global_value().as_pointer_value()
            }
            AddrEntry::Const(c) => match const_value(e, c) {
                Some(BasicValueEnum::PointerValue(p)) => p,
                _ => e.ptr.const_null(),
            },
            AddrEntry::GlobalCell(i) => e.global_cell(*i).as_pointer_value(),
            AddrEntry::TbLoc(span, g) => e.tb_loc(*span, *g),
        };
        entries.push(p.const_cast(e.ptr));
    }
    let table_val = e.ptr.const_array(&entries);
    let table = e
        .module
        .add_global(table_val.get_type(), None, "rpy_jit_addrs");
    table.set_initializer(&table_val);
    table.set_constant(true);
    table.set_linkage(Linkage::Private);
    // The constructor: rpy_jit_init(blob, len, addrs, n) before main.
    let init = e.glue_fn(
        "rpy_jit_init",
        &[e.ptr.into(), e.i64.into(), e.ptr.into(), e.i64.into()],
        None,
    );
    let ctor_ty = e.ctx.void_type().fn_type(&[], false);
    let ctor = e
        .module
        .add_function("rpy_jit_ctor", ctor_ty, Some(Linkage::Internal));
    let bb = e.ctx.append_basic_block(ctor, "entry");
    e.builder.position_at_end(bb);
    let args = [
        blob.as_pointer_value().const_cast(e.ptr).into(),
        e.i64.const_int(bytes.len() as u64, false).into(),
        table.as_pointer_value().const_cast(e.ptr).into(),
        e.i64.const_int(entries.len() as u64, false).into(),
    ];
    e.builder.build_call(init, &args, "").expect("positioned");
    e.builder.build_return(None).expect("positioned");
    let ctor_entry_ty = e.ctx.struct_type(
        &[
            e.i32.into(),
            ctor_ty.ptr_type(AddressSpace::default()).into(),
            e.ptr.into(),
        ],
        false,
    );
    let ctor_entry = ctor_entry_ty.const_named_struct(&[
        e.i32.const_int(65535, false).into(),
        ctor.as_global_value().as_pointer_value().into(),
        e.ptr.const_null().into(),
    ]);
    let ctors_val = ctor_entry_ty.const_array(&[ctor_entry]);
    let ctors = e
        .module
        .add_global(ctors_val.get_type(), None, "llvm.global_ctors");
    ctors.set_initializer(&ctors_val);
    ctors.set_linkage(Linkage::Appending);
    Ok(())
}

fn callable<'ctx>(e: &mut Emitter<'ctx, '_>, c: &Callable) -> FunctionValue<'ctx> {
    match c {
        Callable::Graph(g) => e.functions[g],
        Callable::Runtime(f) => e.runtime_fn(f),
    }
}

/// `void stub(const i64 *args, i64 *ret)`: calls `f` with its arguments unpacked from
/// 64-bit words and stores its result as one.
fn stub<'ctx>(e: &mut Emitter<'ctx, '_>, f: FunctionValue<'ctx>) -> FunctionValue<'ctx> {
    let name = format!("{}.jitstub", f.get_name().to_string_lossy());
    if let Some(s) = e.module.get_function(&name) {
        return s;
    }
    let words = e.i64.ptr_type(AddressSpace::default());
    let ty = e
        .ctx
        .void_type()
        .fn_type(&[words.into(), words.into()], false);
    let s = e.module.add_function(&name, ty, Some(Linkage::Internal));
    let bb = e.ctx.append_basic_block(s, "entry");
    e.builder.position_at_end(bb);
    let args_p = s.get_nth_param(0).expect("args").into_pointer_value();
    let ret_p = s.get_nth_param(1).expect("ret").into_pointer_value();
    let mut call_args = vec![];
    for (k, p) in f.get_type().get_param_types().iter().enumerate() {
        let slot = unsafe {
            e.builder
                .build_gep(args_p, &[e.i64.const_int(k as u64, false)], "arg")
                .expect("positioned")
        };
        let w = e
            .builder
            .build_load(slot, "w")
            .expect("positioned")
            .into_int_value();
        let t: BasicTypeEnum = match *p {
            BasicMetadataTypeEnum::IntType(t) => t.into(),
            BasicMetadataTypeEnum::FloatType(t) => t.into(),
            BasicMetadataTypeEnum::PointerType(t) => t.into(),
            _ => e.i64.into(),
        };
        call_args.push(from_word(e, w, t).into());
    }
    let r = e
        .builder
        .build_call(f, &call_args, "r")
        .expect("positioned");
    if let Some(v) = r.try_as_basic_value().basic() {
        let w = to_word(e, v);
        e.builder.build_store(ret_p, w).expect("positioned");
    }
    e.builder.build_return(None).expect("positioned");
    s
}

/// A value as the 64-bit word the JIT keeps it in.
pub fn to_word<'ctx>(e: &Emitter<'ctx, '_>, v: BasicValueEnum<'ctx>) -> IntValue<'ctx> {
    let b = &e.builder;
    match v {
        BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() < 64 => {
            b.build_int_z_extend(i, e.i64, "w").expect("positioned")
        }
        BasicValueEnum::IntValue(i) => i,
        BasicValueEnum::FloatValue(f) => b
            .build_bit_cast(f, e.i64, "w")
            .expect("positioned")
            .into_int_value(),
        BasicValueEnum::PointerValue(p) => b.build_ptr_to_int(p, e.i64, "w").expect("positioned"),
        _ => e.i64.const_zero(),
    }
}

/// A 64-bit word as a value of type `t`.
pub fn from_word<'ctx>(
    e: &Emitter<'ctx, '_>,
    w: IntValue<'ctx>,
    t: BasicTypeEnum<'ctx>,
) -> BasicValueEnum<'ctx> {
    let b = &e.builder;
    match t {
        BasicTypeEnum::IntType(it) if it.get_bit_width() < 64 => {
            b.build_int_truncate(w, it, "v").expect("positioned").into()
        }
        BasicTypeEnum::IntType(_) => w.into(),
        BasicTypeEnum::FloatType(ft) => b.build_bit_cast(w, ft, "v").expect("positioned"),
        BasicTypeEnum::PointerType(pt) => {
            b.build_int_to_ptr(w, pt, "v").expect("positioned").into()
        }
        _ => w.into(),
    }
}

/// Emits a portal's `jit_merge_point` or a `can_enter_jit` (with `--jit`).
pub fn emit_hint<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &mut FnState<'ctx>,
    f: &LlFunction,
    i: Inst,
) -> Result<(), String> {
    let jit = e.jit.expect("called with --jit only");
    let inst = &f.graph.insts[i];
    let driver = match f.graph.const_of(inst.args[0]) {
        Some(LlConst::Int(d)) => *d as usize,
        _ => return Err("internal: jit hint without a driver".into()),
    };
    let Some(Some((pg, merge_block))) = jit.portals.get(driver).cloned() else {
        return Err("internal: driver without a portal".into());
    };
    if pg != st.g {
        return Err(format!(
            "`can_enter_jit` of driver `{}` must be in the function of its `jit_merge_point` ({})",
            e.prog.jit_drivers[driver].name, e.prog.functions[pg].graph.name
        ));
    }
    // With a `can_enter_jit`, the JIT is entered there; the merge point only receives
    // the restarts.
    if inst.op == LlOp::JitMergePoint && jit.data.drivers[driver].has_can_enter {
        return Ok(());
    }
    let vars = &inst.args[1..];
    let n = vars.len().max(1) as u32;
    // The buffer lives in the prologue's stack frame.
    let here = e.builder.get_insert_block().expect("positioned");
    match st.prologue.get_first_instruction() {
        Some(first) => e.builder.position_before(&first),
        None => e.builder.position_at_end(st.prologue),
    }
    let buf = e
        .builder
        .build_alloca(e.i64.array_type(n), "jitbuf")
        .expect("positioned");
    e.builder.position_at_end(here);
    let slot = |e: &Emitter<'ctx, '_>, k: usize| unsafe {
        e.builder
            .build_gep(
                buf,
                &[e.i32.const_zero(), e.i32.const_int(k as u64, false)],
                "slot",
            )
            .expect("positioned")
    };
    for (k, &v) in vars.iter().enumerate() {
        let w = match value(e, st, f, v) {
            Some(x) => to_word(e, x),
            None => e.i64.const_zero(),
        };
        let p = slot(e, k);
        e.builder.build_store(p, w).expect("positioned");
    }
    let entry = if inst.op == LlOp::JitMergePoint {
        "rpy_jit_merge_point"
    } else {
        "rpy_jit_can_enter"
    };
    let fv = e.glue_fn(entry, &[e.i64.into(), e.ptr.into()], Some(e.i64.into()));
    let bufp = e
        .builder
        .build_bit_cast(buf, e.ptr, "buf")
        .expect("positioned");
    let action = e
        .builder
        .build_call(
            fv,
            &[e.i64.const_int(driver as u64, false).into(), bufp.into()],
            "action",
        )
        .expect("positioned")
        .try_as_basic_value()
        .basic()
        .expect("i64")
        .into_int_value();
    let roots = st.gc.live_across.get(&i).cloned().unwrap_or_default();
    crate::gcemit::reload(e, st, &roots);
    let cont = e.ctx.append_basic_block(st.fv, "jit_continue");
    let restart = e.ctx.append_basic_block(st.fv, "jit_restart");
    let ret = e.ctx.append_basic_block(st.fv, "jit_return");
    let exc = e.ctx.append_basic_block(st.fv, "jit_exception");
    e.builder
        .build_switch(
            action,
            exc,
            &[
                (e.i64.const_int(ACTION_CONTINUE, false), cont),
                (e.i64.const_int(ACTION_RESTART, false), restart),
                (e.i64.const_int(ACTION_RETURN, false), ret),
            ],
        )
        .expect("positioned");
    // Restart: the merge point's block again, with the greens and reds the JIT left.
    e.builder.position_at_end(restart);
    let params = f.graph.blocks[merge_block].params.clone();
    let mut loaded = vec![];
    for (k, &p) in params.iter().enumerate() {
        match e.ll_type(f.ty(p)) {
            Some(t) => {
                let sp = slot(e, k);
                let w = e
                    .builder
                    .build_load(sp, "w")
                    .expect("positioned")
                    .into_int_value();
                loaded.push(Some(from_word(e, w, t)));
            }
            None => loaded.push(None),
        }
    }
    st.add_incoming_values(merge_block, &params, &loaded, restart);
    e.builder
        .build_unconditional_branch(st.block(merge_block))
        .expect("positioned");
    // Return: the portal's result is in the buffer's first word.
    e.builder.position_at_end(ret);
    match e.ll_type(f.ret) {
        Some(t) => {
            let sp = slot(e, 0);
            let w = e
                .builder
                .build_load(sp, "w")
                .expect("positioned")
                .into_int_value();
            let v = from_word(e, w, t);
            e.builder.build_return(Some(&v)).expect("positioned");
        }
        None => {
            e.builder.build_return(None).expect("positioned");
        }
    }
    // An exception escaped the portal while the JIT ran it: its frames are recorded.
    e.builder.position_at_end(exc);
    crate::function::ret_zero(e, f);
    e.builder.position_at_end(cont);
    Ok(())
}
