//! The code generated code runs for the GC (see `runtime::gc`): pushing the roots of
//! [`gcroots`](crate::gcroots) on the shadow stack around each operation that can
//! collect and reloading them after (as RPython's shadowstack), the inline bump
//! allocation, the write barrier and the poll.

use crate::function::FnState;
use crate::gcroots::Root;
use crate::statics::Emitter;
use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, GlobalValue, IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};
use rpyrt::gc::{CARD_SHIFT, FLAG_HAS_CARDS, FLAG_TRACK_YOUNG};

/// A runtime global (`rpy_gc_nursery_free`...), declared on first use.
fn global<'ctx>(
    e: &Emitter<'ctx, '_>,
    name: &str,
    ty: inkwell::types::BasicTypeEnum<'ctx>,
) -> GlobalValue<'ctx> {
    e.module.get_global(name).unwrap_or_else(|| {
        let g = e.module.add_global(ty, None, name);
        g.set_linkage(Linkage::External);
        g
    })
}

fn slots_ptr_type<'ctx>(e: &Emitter<'ctx, '_>) -> inkwell::types::PointerType<'ctx> {
    e.ptr.ptr_type(AddressSpace::default())
}

fn slot<'ctx>(e: &Emitter<'ctx, '_>, base: PointerValue<'ctx>, k: u32) -> PointerValue<'ctx> {
    unsafe {
        e.builder
            .build_in_bounds_gep(base, &[e.i64.const_int(k as u64, false)], "ss_slot")
            .expect("positioned")
    }
}

/// The address of word `off` of a stack struct, as a pointer to a pointer.
fn word<'ctx>(
    e: &Emitter<'ctx, '_>,
    st: &FnState<'ctx>,
    v: frontend::entities::Value,
    off: i64,
) -> PointerValue<'ctx> {
    let s = st.vals[&v].into_pointer_value();
    let p = unsafe {
        e.builder
            .build_in_bounds_gep(s, &[e.i64.const_int(off as u64, false)], "w")
            .expect("positioned")
    };
    e.builder
        .build_bit_cast(p, slots_ptr_type(e), "wp")
        .expect("positioned")
        .into_pointer_value()
}

/// Pushes the roots on the shadow stack (the base is kept for [`reload`]).
pub fn save<'ctx>(e: &mut Emitter<'ctx, '_>, st: &mut FnState<'ctx>, roots: &[Root]) {
    st.ss_base = None;
    if roots.is_empty() {
        return;
    }
    let top_g = global(e, "rpy_ss_top", slots_ptr_type(e).into());
    let base = e
        .builder
        .build_load(top_g.as_pointer_value(), "ss_base")
        .expect("positioned")
        .into_pointer_value();
    let top = unsafe {
        e.builder
            .build_in_bounds_gep(
                base,
                &[e.i64.const_int(roots.len() as u64, false)],
                "ss_top",
            )
            .expect("positioned")
    };
    e.builder
        .build_store(top_g.as_pointer_value(), top)
        .expect("positioned");
    for (k, r) in roots.iter().enumerate() {
        let v: BasicValueEnum = match *r {
            Root::Value(v) => e
                .builder
                .build_load(st.allocas[&v], "root")
                .expect("positioned"),
            Root::Word(s, off) => {
                let w = word(e, st, s, off);
                e.builder.build_load(w, "root").expect("positioned")
            }
        };
        let p = slot(e, base, k as u32);
        e.builder.build_store(p, v).expect("positioned");
    }
    st.ss_base = Some(base);
}

/// Reloads the roots [`save`] pushed (the objects may have moved) and pops them.
pub fn reload<'ctx>(e: &mut Emitter<'ctx, '_>, st: &mut FnState<'ctx>, roots: &[Root]) {
    let Some(base) = st.ss_base.take() else {
        return;
    };
    for (k, r) in roots.iter().enumerate() {
        let p = slot(e, base, k as u32);
        let v = e.builder.build_load(p, "reloaded").expect("positioned");
        match *r {
            Root::Value(x) => {
                e.builder
                    .build_store(st.allocas[&x], v)
                    .expect("positioned");
            }
            Root::Word(s, off) => {
                let w = word(e, st, s, off);
                e.builder.build_store(w, v).expect("positioned");
            }
        }
    }
    let top_g = global(e, "rpy_ss_top", slots_ptr_type(e).into());
    e.builder
        .build_store(top_g.as_pointer_value(), base)
        .expect("positioned");
}

fn load_ptr_global<'ctx>(e: &Emitter<'ctx, '_>, name: &str) -> (GlobalValue<'ctx>, IntValue<'ctx>) {
    let g = global(e, name, e.ptr.into());
    let p = e
        .builder
        .build_load(g.as_pointer_value(), name)
        .expect("positioned")
        .into_pointer_value();
    let i = e
        .builder
        .build_ptr_to_int(p, e.i64, "addr")
        .expect("positioned");
    (g, i)
}

/// `rpy_alloc(size, tid)` inline: a bump of the nursery pointer, or the collecting slow
/// path with the roots saved around it.
pub fn alloc<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &mut FnState<'ctx>,
    size: IntValue<'ctx>,
    tid: IntValue<'ctx>,
    roots: &[Root],
) -> BasicValueEnum<'ctx> {
    let b = &e.builder;
    // round_size: (max(size, 16) + 15) & !15
    let sixteen = e.i64.const_int(16, false);
    let small = b
        .build_int_compare(IntPredicate::SLT, size, sixteen, "small")
        .expect("positioned");
    let atleast = b
        .build_select(small, sixteen, size, "atleast")
        .expect("positioned")
        .into_int_value();
    let plus = b
        .build_int_add(atleast, e.i64.const_int(15, false), "plus")
        .expect("positioned");
    let rounded = b
        .build_and(plus, e.i64.const_int(!15u64, false), "rounded")
        .expect("positioned");
    let (free_g, free) = load_ptr_global(e, "rpy_gc_nursery_free");
    let (_, top) = load_ptr_global(e, "rpy_gc_nursery_top");
    let b = &e.builder;
    let new = b.build_int_add(free, rounded, "new").expect("positioned");
    // A negative size must take the slow path (which raises MemoryError).
    let neg = b
        .build_int_compare(IntPredicate::SLT, size, e.i64.const_zero(), "neg")
        .expect("positioned");
    let fits = b
        .build_int_compare(IntPredicate::ULE, new, top, "fits")
        .expect("positioned");
    let nonneg = b.build_not(neg, "nonneg").expect("positioned");
    let fast_ok = b.build_and(fits, nonneg, "fast_ok").expect("positioned");
    let (fast, slow, join) = (
        e.ctx.append_basic_block(st.fv, "alloc_fast"),
        e.ctx.append_basic_block(st.fv, "alloc_slow"),
        e.ctx.append_basic_block(st.fv, "alloc_done"),
    );
    e.builder
        .build_conditional_branch(fast_ok, fast, slow)
        .expect("positioned");
    e.builder.position_at_end(fast);
    let newp = e
        .builder
        .build_int_to_ptr(new, e.ptr, "newp")
        .expect("positioned");
    e.builder
        .build_store(free_g.as_pointer_value(), newp)
        .expect("positioned");
    let obj = e
        .builder
        .build_int_to_ptr(free, e.ptr, "obj")
        .expect("positioned");
    let hdr = e
        .builder
        .build_bit_cast(obj, e.i64.ptr_type(AddressSpace::default()), "hdr")
        .expect("positioned")
        .into_pointer_value();
    e.builder.build_store(hdr, tid).expect("positioned");
    e.builder
        .build_unconditional_branch(join)
        .expect("positioned");
    e.builder.position_at_end(slow);
    save(e, st, roots);
    let slow_fn = e.glue_fn(
        "rpy_gc_alloc_slow",
        &[e.i64.into(), e.i64.into()],
        Some(e.ptr.into()),
    );
    let r = e
        .builder
        .build_call(slow_fn, &[size.into(), tid.into()], "slow_obj")
        .expect("positioned")
        .try_as_basic_value()
        .basic()
        .expect("ptr");
    reload(e, st, roots);
    let slow_end = e.builder.get_insert_block().expect("positioned");
    e.builder
        .build_unconditional_branch(join)
        .expect("positioned");
    e.builder.position_at_end(join);
    let phi = e.builder.build_phi(e.ptr, "new_obj").expect("positioned");
    phi.add_incoming(&[(&obj, fast), (&r, slow_end)]);
    phi.as_basic_value()
}

/// After a runtime call that may allocate: collect if the runtime asked for it.
pub fn poll<'ctx>(e: &mut Emitter<'ctx, '_>, st: &mut FnState<'ctx>, roots: &[Root]) {
    let g = global(e, "rpy_gc_requested", e.i64.into());
    let req = e
        .builder
        .build_load(g.as_pointer_value(), "gc_requested")
        .expect("positioned")
        .into_int_value();
    let want = e
        .builder
        .build_int_compare(IntPredicate::NE, req, e.i64.const_zero(), "want_gc")
        .expect("positioned");
    let (collect, done) = (
        e.ctx.append_basic_block(st.fv, "gc_poll"),
        e.ctx.append_basic_block(st.fv, "gc_polled"),
    );
    e.builder
        .build_conditional_branch(want, collect, done)
        .expect("positioned");
    e.builder.position_at_end(collect);
    save(e, st, roots);
    let f = e.glue_fn("rpy_gc_poll", &[], None);
    e.builder.build_call(f, &[], "").expect("positioned");
    reload(e, st, roots);
    e.builder
        .build_unconditional_branch(done)
        .expect("positioned");
    e.builder.position_at_end(done);
}

/// Whether header word `h` has `flag`.
fn flag_set<'ctx>(
    e: &Emitter<'ctx, '_>,
    h: IntValue<'ctx>,
    flag: u64,
    name: &str,
) -> IntValue<'ctx> {
    let bit = e
        .builder
        .build_and(h, e.i64.const_int(flag, false), "flag")
        .expect("positioned");
    e.builder
        .build_int_compare(IntPredicate::NE, bit, e.i64.const_zero(), name)
        .expect("positioned")
}

/// The write barrier before storing a reference into `obj` (into item `index` when it
/// is an array: an old array with cards only marks the item's card).
pub fn write_barrier<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &FnState<'ctx>,
    obj: PointerValue<'ctx>,
    index: Option<IntValue<'ctx>>,
) {
    let hp = e
        .builder
        .build_bit_cast(obj, e.i64.ptr_type(AddressSpace::default()), "hdrp")
        .expect("positioned")
        .into_pointer_value();
    let h = e
        .builder
        .build_load(hp, "hdr")
        .expect("positioned")
        .into_int_value();
    let set = flag_set(e, h, FLAG_TRACK_YOUNG, "needs_wb");
    let (slow, done) = (
        e.ctx.append_basic_block(st.fv, "wb"),
        e.ctx.append_basic_block(st.fv, "wb_done"),
    );
    e.builder
        .build_conditional_branch(set, slow, done)
        .expect("positioned");
    e.builder.position_at_end(slow);
    if let Some(idx) = index {
        let has = flag_set(e, h, FLAG_HAS_CARDS, "has_cards");
        let (card_bb, plain) = (
            e.ctx.append_basic_block(st.fv, "wb_card"),
            e.ctx.append_basic_block(st.fv, "wb_plain"),
        );
        e.builder
            .build_conditional_branch(has, card_bb, plain)
            .expect("positioned");
        e.builder.position_at_end(card_bb);
        let capp = unsafe {
            e.builder
                .build_in_bounds_gep(hp, &[e.i64.const_int(1, false)], "capp")
                .expect("positioned")
        };
        let cap = e
            .builder
            .build_load(capp, "cap")
            .expect("positioned")
            .into_int_value();
        let items_end = e
            .builder
            .build_int_add(
                e.builder
                    .build_int_mul(cap, e.i64.const_int(8, false), "items")
                    .expect("positioned"),
                e.i64.const_int(rpyrt::abi::ARRAY_ITEMS as u64, false),
                "cards_at",
            )
            .expect("positioned");
        let c = e
            .builder
            .build_right_shift(
                idx,
                e.i64.const_int(CARD_SHIFT as u64, false),
                false,
                "card",
            )
            .expect("positioned");
        let off = e
            .builder
            .build_int_add(items_end, c, "card_off")
            .expect("positioned");
        let cp = unsafe {
            e.builder
                .build_in_bounds_gep(obj, &[off], "cardp")
                .expect("positioned")
        };
        let cb = e
            .builder
            .build_load(cp, "card_byte")
            .expect("positioned")
            .into_int_value();
        let clear = e
            .builder
            .build_int_compare(IntPredicate::EQ, cb, e.i8.const_zero(), "card_clear")
            .expect("positioned");
        let mark = e.ctx.append_basic_block(st.fv, "wb_mark");
        e.builder
            .build_conditional_branch(clear, mark, done)
            .expect("positioned");
        e.builder.position_at_end(mark);
        let f = e.glue_fn("rpy_gc_wb_card", &[e.ptr.into(), e.i64.into()], None);
        e.builder
            .build_call(f, &[obj.into(), idx.into()], "")
            .expect("positioned");
        e.builder
            .build_unconditional_branch(done)
            .expect("positioned");
        e.builder.position_at_end(plain);
    }
    let f = e.glue_fn("rpy_gc_wb", &[e.ptr.into()], None);
    e.builder
        .build_call(f, &[obj.into()], "")
        .expect("positioned");
    e.builder
        .build_unconditional_branch(done)
        .expect("positioned");
    e.builder.position_at_end(done);
}
