//! The instruction sequence of each low-level operation.
//!
//! Python's integer semantics live here: floor division and modulo round toward negative
//! infinity and `MIN // -1` wraps (LLVM's `sdiv` would be undefined there); shifts by 64
//! or more give 0 (or the sign for `>>`); overflow-checked arithmetic raises OverflowError.

use crate::function::{const_value, value, Emitted, FnState, Raises};
use crate::statics::Emitter;
use frontend::entities::Inst;
use inkwell::types::BasicType;
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, IntValue, PointerValue};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};
use rtyper::lltype::{LlConst, LlOp, LlType};
use rtyper::runtime_fns;
use rtyper::LlFunction;

pub fn emit_op<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    st: &mut FnState<'ctx>,
    f: &LlFunction,
    i: Inst,
) -> Result<Emitted<'ctx>, String> {
    let inst = &f.graph.insts[i];
    let name = inst.result.to_string();
    let name = name.as_str();
    let mut args: Vec<Option<BasicValueEnum<'ctx>>> =
        inst.args.iter().map(|&a| value(e, st, f, a)).collect();
    let b = &e.builder;
    let int = |k: usize, args: &Vec<Option<BasicValueEnum<'ctx>>>| -> IntValue<'ctx> {
        args[k].expect("int operand").into_int_value()
    };
    let flt = |k: usize, args: &Vec<Option<BasicValueEnum<'ctx>>>| {
        args[k].expect("float operand").into_float_value()
    };
    let ptr = |k: usize, args: &Vec<Option<BasicValueEnum<'ctx>>>| {
        args[k].expect("pointer operand").into_pointer_value()
    };
    let ok = |v: BasicValueEnum<'ctx>| {
        Ok(Emitted {
            result: Some(v),
            kind: Raises::Never,
        })
    };
    macro_rules! b {
        ($e:expr) => {
            $e.expect("builder positioned")
        };
    }
    match inst.op {
        LlOp::IntAdd => ok(b!(b.build_int_add(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntSub => ok(b!(b.build_int_sub(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntMul => ok(b!(b.build_int_mul(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntAnd => ok(b!(b.build_and(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntOr => ok(b!(b.build_or(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntXor => ok(b!(b.build_xor(int(0, &args), int(1, &args), name)).into()),
        LlOp::IntNeg => ok(b!(b.build_int_neg(int(0, &args), name)).into()),
        LlOp::IntInvert => ok(b!(b.build_not(int(0, &args), name)).into()),
        LlOp::IntFloorDiv | LlOp::IntMod => {
            ok(floordiv_mod(e, int(0, &args), int(1, &args), inst.op == LlOp::IntMod).into())
        }
        LlOp::IntLShift | LlOp::IntRShift => {
            let (x, n) = (int(0, &args), int(1, &args));
            let big =
                b!(b.build_int_compare(IntPredicate::UGE, n, e.i64.const_int(64, false), "big"));
            let masked = b!(b.build_and(n, e.i64.const_int(63, false), "n"));
            let (v, overflowed) = if inst.op == LlOp::IntLShift {
                (b!(b.build_left_shift(x, masked, name)), e.i64.const_zero())
            } else {
                (
                    b!(b.build_right_shift(x, masked, true, name)),
                    b!(b.build_right_shift(x, e.i64.const_int(63, false), true, "sign")),
                )
            };
            ok(b!(b.build_select(big, overflowed, v, name)))
        }
        LlOp::IntLt
        | LlOp::IntLe
        | LlOp::IntEq
        | LlOp::IntNe
        | LlOp::IntGt
        | LlOp::IntGe
        | LlOp::UintLt => {
            let p = match inst.op {
                LlOp::IntLt => IntPredicate::SLT,
                LlOp::IntLe => IntPredicate::SLE,
                LlOp::IntEq => IntPredicate::EQ,
                LlOp::IntNe => IntPredicate::NE,
                LlOp::IntGt => IntPredicate::SGT,
                LlOp::IntGe => IntPredicate::SGE,
                _ => IntPredicate::ULT,
            };
            ok(b!(b.build_int_compare(p, int(0, &args), int(1, &args), name)).into())
        }
        LlOp::IntAddOvf | LlOp::IntSubOvf | LlOp::IntMulOvf | LlOp::IntNegOvf => {
            let (intrinsic, x, y) = match inst.op {
                LlOp::IntAddOvf => ("llvm.sadd.with.overflow.i64", int(0, &args), int(1, &args)),
                LlOp::IntSubOvf => ("llvm.ssub.with.overflow.i64", int(0, &args), int(1, &args)),
                LlOp::IntMulOvf => ("llvm.smul.with.overflow.i64", int(0, &args), int(1, &args)),
                _ => (
                    "llvm.ssub.with.overflow.i64",
                    e.i64.const_zero(),
                    int(0, &args),
                ),
            };
            let pair_ty = e.ctx.struct_type(&[e.i64.into(), e.i1.into()], false);
            let fty = pair_ty.fn_type(&[e.i64.into(), e.i64.into()], false);
            let fun = e
                .module
                .get_function(intrinsic)
                .unwrap_or_else(|| e.module.add_function(intrinsic, fty, None));
            let pair = b!(b.build_call(fun, &[x.into(), y.into()], "ovf"))
                .try_as_basic_value()
                .basic()
                .expect("struct");
            let v = b!(b.build_extract_value(pair.into_struct_value(), 0, name));
            let o = b!(b.build_extract_value(pair.into_struct_value(), 1, "o")).into_int_value();
            let (ovf_bb, ok_bb) = (
                e.ctx.append_basic_block(st.fv, "overflow"),
                e.ctx.append_basic_block(st.fv, "no_overflow"),
            );
            b!(b.build_conditional_branch(o, ovf_bb, ok_bb));
            b.position_at_end(ovf_bb);
            raise_builtin(e, "OverflowError", "integer overflow");
            // The exception test that follows finds the OverflowError pending.
            b!(e.builder.build_unconditional_branch(ok_bb));
            e.builder.position_at_end(ok_bb);
            Ok(Emitted {
                result: Some(v),
                kind: Raises::Maybe,
            })
        }
        LlOp::FloatAdd => ok(b!(b.build_float_add(flt(0, &args), flt(1, &args), name)).into()),
        LlOp::FloatSub => ok(b!(b.build_float_sub(flt(0, &args), flt(1, &args), name)).into()),
        LlOp::FloatMul => ok(b!(b.build_float_mul(flt(0, &args), flt(1, &args), name)).into()),
        LlOp::FloatTrueDiv => ok(b!(b.build_float_div(flt(0, &args), flt(1, &args), name)).into()),
        LlOp::FloatNeg => ok(b!(b.build_float_neg(flt(0, &args), name)).into()),
        LlOp::FloatAbs => {
            let fty = e.f64.fn_type(&[e.f64.into()], false);
            let fun = e
                .module
                .get_function("llvm.fabs.f64")
                .unwrap_or_else(|| e.module.add_function("llvm.fabs.f64", fty, None));
            let r = b!(b.build_call(fun, &[flt(0, &args).into()], name))
                .try_as_basic_value()
                .basic()
                .expect("f64");
            ok(r)
        }
        LlOp::FloatLt
        | LlOp::FloatLe
        | LlOp::FloatEq
        | LlOp::FloatNe
        | LlOp::FloatGt
        | LlOp::FloatGe => {
            let p = match inst.op {
                LlOp::FloatLt => FloatPredicate::OLT,
                LlOp::FloatLe => FloatPredicate::OLE,
                LlOp::FloatEq => FloatPredicate::OEQ,
                LlOp::FloatNe => FloatPredicate::UNE,
                LlOp::FloatGt => FloatPredicate::OGT,
                _ => FloatPredicate::OGE,
            };
            ok(b!(b.build_float_compare(p, flt(0, &args), flt(1, &args), name)).into())
        }
        LlOp::CastIntToFloat => {
            ok(b!(b.build_signed_int_to_float(int(0, &args), e.f64, name)).into())
        }
        LlOp::CastBoolToInt => ok(b!(b.build_int_z_extend(int(0, &args), e.i64, name)).into()),
        LlOp::BitsToFloat => ok(b!(b.build_bit_cast(int(0, &args), e.f64, name))),
        LlOp::FloatToBits => ok(b!(b.build_bit_cast(flt(0, &args), e.i64, name))),
        LlOp::CastPtrToInt => ok(b!(b.build_ptr_to_int(ptr(0, &args), e.i64, name)).into()),
        LlOp::CastIntToPtr => ok(b!(b.build_int_to_ptr(int(0, &args), e.ptr, name)).into()),
        LlOp::BoolNot => ok(b!(b.build_not(int(0, &args), name)).into()),
        LlOp::PtrEq | LlOp::PtrNe => {
            let (x, y) = (
                b!(b.build_ptr_to_int(ptr(0, &args), e.i64, "x")),
                b!(b.build_ptr_to_int(ptr(1, &args), e.i64, "y")),
            );
            let p = if inst.op == LlOp::PtrEq {
                IntPredicate::EQ
            } else {
                IntPredicate::NE
            };
            ok(b!(b.build_int_compare(p, x, y, name)).into())
        }
        LlOp::PtrIsNull => ok(b!(b.build_is_null(ptr(0, &args), name)).into()),
        LlOp::Select(t) => {
            if t == LlType::Void {
                return Ok(Emitted {
                    result: None,
                    kind: Raises::Never,
                });
            }
            let c = int(0, &args);
            ok(b!(b.build_select(
                c,
                args[1].expect("select operand"),
                args[2].expect("select operand"),
                name
            )))
        }
        LlOp::GetStatic(t) | LlOp::SetStatic(t) => {
            let Some(LlConst::Int(idx)) = f.graph.const_of(inst.args[0]).cloned() else {
                return Err("internal: static cell index".into());
            };
            if t == LlType::Void {
                return Ok(Emitted {
                    result: None,
                    kind: Raises::Never,
                });
            }
            let g = e.global_cell(idx as usize).as_pointer_value();
            if inst.op == LlOp::GetStatic(t) {
                ok(b!(e.builder.build_load(g, name)))
            } else {
                b!(e.builder.build_store(g, args[1].expect("stored value")));
                Ok(Emitted {
                    result: None,
                    kind: Raises::Never,
                })
            }
        }
        LlOp::SameAs(_) | LlOp::JitPromote(_) => Ok(Emitted {
            result: args[0],
            kind: Raises::Never,
        }),
        LlOp::JitIsJitted => ok(e.i1.const_zero().into()),
        // The portal's JIT entry is emitted by `portal.rs` when translating with --jit.
        LlOp::JitMergePoint | LlOp::JitCanEnter => Ok(Emitted {
            result: None,
            kind: Raises::Never,
        }),
        LlOp::GetField(t)
        | LlOp::GetArrayItem(t)
        | LlOp::GetFieldPure(t)
        | LlOp::GetArrayItemPure(t) => {
            let addr = address(e, inst.op, ptr(0, &args), int(1, &args), t);
            if t == LlType::Void {
                return Ok(Emitted {
                    result: None,
                    kind: Raises::Never,
                });
            }
            ok(b!(e.builder.build_load(addr, name)))
        }
        LlOp::SetField(t) | LlOp::SetArrayItem(t) => {
            if t == LlType::Ref && !st.gc.no_barrier.contains(&i) {
                let index = matches!(inst.op, LlOp::SetArrayItem(_)).then(|| int(1, &args));
                crate::gcemit::write_barrier(e, st, ptr(0, &args), index);
            }
            if t != LlType::Void {
                let addr = address(e, inst.op, ptr(0, &args), int(1, &args), t);
                let v = args.remove(2).expect("stored value");
                b!(e.builder.build_store(addr, v));
            }
            Ok(Emitted {
                result: None,
                kind: Raises::Never,
            })
        }
        LlOp::StackAlloc => {
            let words = match f.graph.const_of(inst.args[0]) {
                Some(LlConst::Int(n)) => *n as u32,
                _ => return Err("internal: stack_alloc of a non-constant size".into()),
            };
            let here = e.builder.get_insert_block().expect("positioned");
            match st.prologue.get_first_instruction() {
                Some(first) => e.builder.position_before(&first),
                None => e.builder.position_at_end(st.prologue),
            }
            let slot = b!(e.builder.build_alloca(e.i64.array_type(words), name));
            e.builder.position_at_end(here);
            let p = b!(e.builder.build_bit_cast(slot, e.ptr, name));
            ok(p)
        }
        LlOp::DirectCall => {
            let Some(LlConst::Graph(callee)) = f.graph.const_of(inst.args[0]).cloned() else {
                return Err("internal: direct_call without a graph".into());
            };
            let fv = e.functions[&callee];
            let call_args: Vec<BasicMetadataValueEnum> =
                args[1..].iter().filter_map(|a| a.map(Into::into)).collect();
            let r = b!(e.builder.build_call(fv, &call_args, name))
                .try_as_basic_value()
                .basic();
            Ok(Emitted {
                result: r,
                kind: Raises::Maybe,
            })
        }
        LlOp::IndirectCall => {
            let ret = f.ty(inst.result);
            let params: Vec<LlType> = inst.args[1..].iter().map(|&a| f.ty(a)).collect();
            let ps: Vec<inkwell::types::BasicMetadataTypeEnum> = params
                .iter()
                .filter_map(|&t| e.ll_type(t))
                .map(Into::into)
                .collect();
            let fty = match e.ll_type(ret) {
                Some(r) => r.fn_type(&ps, false),
                None => e.ctx.void_type().fn_type(&ps, false),
            };
            let fp = b!(e.builder.build_bit_cast(
                ptr(0, &args),
                fty.ptr_type(AddressSpace::default()),
                "fp"
            ))
            .into_pointer_value();
            let callable = inkwell::values::CallableValue::try_from(fp)
                .map_err(|_| "internal: indirect call target")?;
            let call_args: Vec<BasicMetadataValueEnum> =
                args[1..].iter().filter_map(|a| a.map(Into::into)).collect();
            let r = b!(e.builder.build_call(callable, &call_args, name))
                .try_as_basic_value()
                .basic();
            Ok(Emitted {
                result: r,
                kind: Raises::Maybe,
            })
        }
        LlOp::CallRuntime => {
            let Some(LlConst::Runtime(rf)) = f.graph.const_of(inst.args[0]).cloned() else {
                return Err("internal: call_runtime without a function".into());
            };
            if std::ptr::eq(rf, &runtime_fns::ALLOC) {
                let roots = st.gc.live_across.get(&i).cloned().unwrap_or_default();
                let r = crate::gcemit::alloc(e, st, int(1, &args), int(2, &args), &roots);
                return Ok(Emitted {
                    result: Some(r),
                    kind: Raises::Maybe,
                });
            }
            let fv = e.runtime_fn(rf);
            let call_args: Vec<BasicMetadataValueEnum> =
                args[1..].iter().filter_map(|a| a.map(Into::into)).collect();
            let r = b!(e.builder.build_call(fv, &call_args, name))
                .try_as_basic_value()
                .basic();
            let kind = if std::ptr::eq(rf, &runtime_fns::RAISE_BUILTIN_STR) {
                Raises::Always
            } else if rf.can_raise {
                Raises::Maybe
            } else {
                Raises::Never
            };
            Ok(Emitted { result: r, kind })
        }
        LlOp::Raise | LlOp::Reraise => {
            let fname = if inst.op == LlOp::Raise {
                "rpy_raise"
            } else {
                "rpy_reraise"
            };
            let fv = e.glue_fn(fname, &[e.ptr.into()], None);
            b!(e.builder.build_call(fv, &[ptr(0, &args).into()], ""));
            Ok(Emitted {
                result: None,
                kind: Raises::Always,
            })
        }
    }
}

/// The address of a field (`obj + offset`) or of an array item (`array + ITEMS + 8 * i`).
fn address<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    op: LlOp,
    base: PointerValue<'ctx>,
    index: IntValue<'ctx>,
    t: LlType,
) -> PointerValue<'ctx> {
    let off = if matches!(
        op,
        LlOp::GetArrayItem(_) | LlOp::SetArrayItem(_) | LlOp::GetArrayItemPure(_)
    ) {
        let scaled = e
            .builder
            .build_int_mul(index, e.i64.const_int(8, false), "off")
            .expect("positioned");
        e.builder
            .build_int_add(
                scaled,
                e.i64.const_int(rpyrt::abi::ARRAY_ITEMS as u64, false),
                "off",
            )
            .expect("positioned")
    } else {
        index
    };
    let bytes = e
        .builder
        .build_bit_cast(base, e.ptr, "base")
        .expect("positioned")
        .into_pointer_value();
    let p = unsafe {
        e.builder
            .build_in_bounds_gep(bytes, &[off], "addr")
            .expect("positioned")
    };
    let elem = e.ll_type(t).unwrap_or(e.i64.into());
    e.builder
        .build_bit_cast(
            p,
            elem.as_basic_type_enum().ptr_type(AddressSpace::default()),
            "addr",
        )
        .expect("positioned")
        .into_pointer_value()
}

/// Python's `//` and `%` for a non-zero divisor.
fn floordiv_mod<'ctx>(
    e: &mut Emitter<'ctx, '_>,
    a: IntValue<'ctx>,
    d: IntValue<'ctx>,
    want_mod: bool,
) -> IntValue<'ctx> {
    let b = &e.builder;
    let i64 = e.i64;
    let m1 = b
        .build_int_compare(IntPredicate::EQ, d, i64.const_all_ones(), "m1")
        .expect("positioned");
    let safe = b
        .build_select(m1, i64.const_int(1, false), d, "d")
        .expect("positioned")
        .into_int_value();
    let q = b.build_int_signed_div(a, safe, "q").expect("positioned");
    let r = b.build_int_signed_rem(a, safe, "r").expect("positioned");
    let rnz = b
        .build_int_compare(IntPredicate::NE, r, i64.const_zero(), "rnz")
        .expect("positioned");
    let x = b.build_xor(r, d, "x").expect("positioned");
    let signs = b
        .build_int_compare(IntPredicate::SLT, x, i64.const_zero(), "signs")
        .expect("positioned");
    let adjust = b.build_and(rnz, signs, "adj").expect("positioned");
    if want_mod {
        let r2 = b.build_int_add(r, d, "r2").expect("positioned");
        let res = b
            .build_select(adjust, r2, r, "mod")
            .expect("positioned")
            .into_int_value();
        b.build_select(m1, i64.const_zero(), res, "mod")
            .expect("positioned")
            .into_int_value()
    } else {
        let q2 = b
            .build_int_sub(q, i64.const_int(1, false), "q2")
            .expect("positioned");
        let res = b
            .build_select(adjust, q2, q, "div")
            .expect("positioned")
            .into_int_value();
        let neg = b.build_int_neg(a, "neg").expect("positioned");
        b.build_select(m1, neg, res, "div")
            .expect("positioned")
            .into_int_value()
    }
}

/// Calls the runtime to set a builtin exception as pending.
fn raise_builtin(e: &mut Emitter, exc: &str, msg: &str) {
    let idx = rpyrt::abi::builtin_exception_index(exc).expect("builtin exception") as u64;
    let fv = e.runtime_fn(&runtime_fns::RAISE_BUILTIN_STR);
    let m = const_value(e, &LlConst::Str(msg.to_string())).expect("str constant");
    e.builder
        .build_call(fv, &[e.i64.const_int(idx, false).into(), m.into()], "")
        .expect("positioned");
}
