//! The instructions of each trace operation (all but label, jump and finish), with the
//! semantics of `backend-llvm`'s `ops.rs`: Python integer arithmetic ([`super::arith`]),
//! IEEE comparisons (`float_ne` is true for NaN), memory at constant offsets, calls with
//! the native calling convention, and guards.

use super::arith;
use super::translate::{clif_type, Tr};
use crate::abi::{ARRAY_ITEMS, INST_TYPEPTR};
use crate::jit::trace::{Arg, Op, Opcode, Type, Var};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::types::{F64, I64, I8};
use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value};

/// The constant value of an int operand, if it is one.
fn const_int(a: Arg) -> Option<i64> {
    a.konst()
        .filter(|c| c.ty != Type::Float)
        .map(|c| c.as_int())
}

fn result(op: &Op) -> Result<Var, String> {
    op.result.ok_or_else(|| "no result variable".into())
}

fn nargs(op: &Op, n: usize) -> Result<(), String> {
    if op.args.len() == n {
        Ok(())
    } else {
        Err(format!("{} takes {n} arguments", op.opcode.name()))
    }
}

/// The address `base + offset` as (base value, immediate offset): the offset folds
/// into the memory access when it is a constant that fits.
fn address(tr: &mut Tr, base: Arg, offset: Arg, array: bool) -> Result<(Value, i32), String> {
    let base = tr.int(base)?;
    let extra = if array { ARRAY_ITEMS } else { 0 };
    let scale = if array { 8 } else { 1 };
    if let Some(k) = const_int(offset) {
        let off = k.checked_mul(scale).and_then(|o| o.checked_add(extra));
        if let Some(off) = off.and_then(|o| i32::try_from(o).ok()) {
            return Ok((base, off));
        }
    }
    let mut index = tr.int(offset)?;
    if array {
        index = tr.b.ins().ishl_imm_s(index, 3);
    }
    let addr = tr.b.ins().iadd(base, index);
    Ok((addr, extra as i32))
}

pub fn emit(tr: &mut Tr, op: &Op) -> Result<(), String> {
    use Opcode::*;
    let a = &op.args;
    match op.opcode {
        IntAdd | IntSub | IntMul | IntAnd | IntOr | IntXor | IntFloorDiv | IntMod | IntLShift
        | IntRShift => {
            nargs(op, 2)?;
            let (x, y) = (tr.int(a[0])?, tr.int(a[1])?);
            let ky = const_int(a[1]);
            let b = &mut tr.b;
            let v = match op.opcode {
                IntAdd => b.ins().iadd(x, y),
                IntSub => b.ins().isub(x, y),
                IntMul => b.ins().imul(x, y),
                IntAnd => b.ins().band(x, y),
                IntOr => b.ins().bor(x, y),
                IntXor => b.ins().bxor(x, y),
                IntFloorDiv => arith::floordiv_mod(b, x, y, ky, false),
                IntMod => arith::floordiv_mod(b, x, y, ky, true),
                IntLShift => arith::lshift(b, x, y, ky),
                _ => arith::rshift(b, x, y, ky),
            };
            tr.def(result(op)?, v);
        }
        IntNeg | IntInvert | IntIsZero => {
            nargs(op, 1)?;
            let x = tr.int(a[0])?;
            match op.opcode {
                IntNeg => {
                    let v = tr.b.ins().ineg(x);
                    tr.def(result(op)?, v)
                }
                IntInvert => {
                    let v = tr.b.ins().bnot(x);
                    tr.def(result(op)?, v)
                }
                _ => {
                    let c = tr.b.ins().icmp_imm_s(IntCC::Equal, x, 0);
                    tr.def_cond(result(op)?, c)
                }
            }
        }
        IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | PtrEq | PtrNe => {
            nargs(op, 2)?;
            let cc = match op.opcode {
                IntLt => IntCC::SignedLessThan,
                IntLe => IntCC::SignedLessThanOrEqual,
                IntEq | PtrEq => IntCC::Equal,
                IntNe | PtrNe => IntCC::NotEqual,
                IntGt => IntCC::SignedGreaterThan,
                IntGe => IntCC::SignedGreaterThanOrEqual,
                _ => IntCC::UnsignedLessThan,
            };
            let (x, y) = (tr.int(a[0])?, tr.int(a[1])?);
            let c = tr.b.ins().icmp(cc, x, y);
            tr.def_cond(result(op)?, c);
        }
        IntAddOvf | IntSubOvf | IntMulOvf => {
            nargs(op, 2)?;
            let (x, y) = (tr.int(a[0])?, tr.int(a[1])?);
            let (v, of) = match op.opcode {
                IntAddOvf => tr.b.ins().sadd_overflow(x, y),
                IntSubOvf => tr.b.ins().ssub_overflow(x, y),
                _ => tr.b.ins().smul_overflow(x, y),
            };
            tr.def(result(op)?, v);
            tr.ovf = Some(of);
        }
        FloatAdd | FloatSub | FloatMul | FloatTrueDiv => {
            nargs(op, 2)?;
            let (x, y) = (tr.flt(a[0])?, tr.flt(a[1])?);
            let v = match op.opcode {
                FloatAdd => tr.b.ins().fadd(x, y),
                FloatSub => tr.b.ins().fsub(x, y),
                FloatMul => tr.b.ins().fmul(x, y),
                _ => tr.b.ins().fdiv(x, y),
            };
            tr.def(result(op)?, v);
        }
        FloatNeg | FloatAbs => {
            nargs(op, 1)?;
            let x = tr.flt(a[0])?;
            let v = if op.opcode == FloatNeg {
                tr.b.ins().fneg(x)
            } else {
                tr.b.ins().fabs(x)
            };
            tr.def(result(op)?, v);
        }
        FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => {
            nargs(op, 2)?;
            let cc = match op.opcode {
                FloatLt => FloatCC::LessThan,
                FloatLe => FloatCC::LessThanOrEqual,
                FloatEq => FloatCC::Equal,
                // Unordered or not equal: true when either side is NaN.
                FloatNe => FloatCC::NotEqual,
                FloatGt => FloatCC::GreaterThan,
                _ => FloatCC::GreaterThanOrEqual,
            };
            let (x, y) = (tr.flt(a[0])?, tr.flt(a[1])?);
            let c = tr.b.ins().fcmp(cc, x, y);
            tr.def_cond(result(op)?, c);
        }
        CastIntToFloat => {
            nargs(op, 1)?;
            let x = tr.int(a[0])?;
            let v = tr.b.ins().fcvt_from_sint(F64, x);
            tr.def(result(op)?, v);
        }
        FloatToBits => {
            nargs(op, 1)?;
            let x = tr.flt(a[0])?;
            let v = tr.b.ins().bitcast(I64, MemFlagsData::new(), x);
            tr.def(result(op)?, v);
        }
        BitsToFloat => {
            nargs(op, 1)?;
            let x = tr.int(a[0])?;
            let v = tr.b.ins().bitcast(F64, MemFlagsData::new(), x);
            tr.def(result(op)?, v);
        }
        CastPtrToInt | CastIntToPtr | SameAsI | SameAsR => {
            nargs(op, 1)?;
            let x = tr.int(a[0])?;
            tr.def(result(op)?, x);
        }
        SameAsF => {
            nargs(op, 1)?;
            let x = tr.flt(a[0])?;
            tr.def(result(op)?, x);
        }
        SelectI | SelectR | SelectF => {
            nargs(op, 3)?;
            let c = tr.cond(a[0])?;
            let (x, y) = if op.opcode == SelectF {
                (tr.flt(a[1])?, tr.flt(a[2])?)
            } else {
                (tr.int(a[1])?, tr.int(a[2])?)
            };
            let v = tr.b.ins().select(c, x, y);
            tr.def(result(op)?, v);
        }
        GetfieldI | GetfieldR | GetfieldF | GetarrayitemI | GetarrayitemR | GetarrayitemF => {
            nargs(op, 2)?;
            let array = matches!(op.opcode, GetarrayitemI | GetarrayitemR | GetarrayitemF);
            let (base, off) = address(tr, a[0], a[1], array)?;
            let ty = clif_type(op.opcode.result_type())?;
            let v = tr.b.ins().load(ty, MemFlagsData::new(), base, off);
            tr.def(result(op)?, v);
        }
        Setfield | Setarrayitem => {
            nargs(op, 3)?;
            let (base, off) = address(tr, a[0], a[1], op.opcode == Setarrayitem)?;
            let v = tr.arg(a[2])?;
            if tr.t.arg_type(a[2]) == Type::Ref {
                // The write barrier: tracked (old) objects call the runtime, which
                // remembers them if the value is young.
                let obj = tr.int(a[0])?;
                let hdr = tr.b.ins().load(I64, MemFlagsData::new(), obj, 0);
                let bit =
                    tr.b.ins()
                        .band_imm_s(hdr, crate::gc::FLAG_TRACK_YOUNG as i64);
                let (slow, done) = (tr.b.create_block(), tr.b.create_block());
                tr.b.ins().brif(bit, slow, &[], done, &[]);
                tr.b.set_cold_block(slow);
                tr.b.switch_to_block(slow);
                let f = crate::gc::rpy_gc_wb_value as *const () as i64;
                let callee = tr.b.ins().iconst(I64, f);
                tr.call_native(callee, &[obj, v], None);
                tr.b.ins().jump(done, &[]);
                tr.b.switch_to_block(done);
            }
            tr.b.ins().store(MemFlagsData::new(), v, base, off);
        }
        New => {
            nargs(op, 2)?;
            let (size, tid) = (tr.int(a[0])?, tr.int(a[1])?);
            let f = crate::heap::rpy_alloc as *const () as i64;
            let callee = tr.b.ins().iconst(I64, f);
            let p = tr.call_native(callee, &[size, tid], Some(I64));
            tr.def(result(op)?, p.expect("one result"));
        }
        CallI | CallR | CallF | CallN | CallPureI | CallPureR | CallPureF => call(tr, op)?,
        GuardTrue | GuardFalse | GuardNonnull | GuardIsnull => {
            nargs(op, 1)?;
            let c = tr.cond(a[0])?;
            let fail_if = matches!(op.opcode, GuardFalse | GuardIsnull);
            tr.guard(op.snapshot, c, fail_if)?;
        }
        GuardValue => {
            nargs(op, 2)?;
            let (x, y) = if tr.t.arg_type(a[0]) == Type::Float {
                // Floats are compared by their bits, as a constant is identical.
                let (x, y) = (tr.flt(a[0])?, tr.flt(a[1])?);
                let x = tr.b.ins().bitcast(I64, MemFlagsData::new(), x);
                let y = tr.b.ins().bitcast(I64, MemFlagsData::new(), y);
                (x, y)
            } else {
                (tr.int(a[0])?, tr.int(a[1])?)
            };
            let c = tr.b.ins().icmp(IntCC::Equal, x, y);
            tr.guard(op.snapshot, c, false)?;
        }
        GuardClass => {
            nargs(op, 2)?;
            let (p, vt) = (tr.int(a[0])?, tr.int(a[1])?);
            let actual =
                tr.b.ins()
                    .load(I64, MemFlagsData::new(), p, INST_TYPEPTR as i32);
            let c = tr.b.ins().icmp(IntCC::Equal, actual, vt);
            tr.guard(op.snapshot, c, false)?;
        }
        GuardNoException => {
            nargs(op, 0)?;
            let cell = std::ptr::addr_of!(crate::exceptions::rpy_exc_type) as i64;
            let cell = tr.b.ins().iconst(I64, cell);
            let exc = tr.b.ins().load(I64, MemFlagsData::trusted(), cell, 0);
            tr.guard(op.snapshot, exc, true)?;
        }
        GuardNotGcRequested => {
            nargs(op, 0)?;
            let cell = std::ptr::addr_of!(crate::gc::rpy_gc_requested) as i64;
            let cell = tr.b.ins().iconst(I64, cell);
            let req = tr.b.ins().load(I64, MemFlagsData::new(), cell, 0);
            tr.guard(op.snapshot, req, true)?;
        }
        GuardNoOverflow => {
            nargs(op, 0)?;
            let of = tr
                .ovf
                .take()
                .ok_or("guard_no_overflow without an *_ovf before it")?;
            tr.guard(op.snapshot, of, true)?;
        }
        DebugMergePoint => {}
        Label | Jump | Finish => unreachable!("control operations are translated by the caller"),
    }
    Ok(())
}

/// `call_*`: calls the address `args[0]` with the native convention and the argument
/// and result types of the descr. An `i1` result is read as one byte, of which only bit
/// 0 is defined.
fn call(tr: &mut Tr, op: &Op) -> Result<(), String> {
    let d = op.descr.as_deref().ok_or("a call without a descr")?;
    if op.args.len() != d.args.len() + 1 {
        return Err("the arguments do not match the descr".into());
    }
    if d.ret != op.opcode.result_type() {
        return Err("the result type does not match the descr".into());
    }
    let callee = tr.int(op.args[0])?;
    let mut args = vec![];
    for (&a, &ty) in op.args[1..].iter().zip(&d.args) {
        let v = match ty {
            Type::Float => tr.flt(a)?,
            _ => tr.int(a)?,
        };
        args.push(v);
    }
    let ret = match d.ret {
        Type::Void => None,
        _ if d.ret_i1 => Some(I8),
        t => Some(clif_type(t)?),
    };
    let r = tr.call_native(callee, &args, ret);
    if let (Some(v), Some(var)) = (r, op.result) {
        if d.ret_i1 {
            let bit = tr.b.ins().band_imm_s(v, 1);
            tr.def_cond(var, bit);
        } else {
            tr.def(var, v);
        }
    }
    Ok(())
}
