//! Constant folding: a pure operation on constant arguments gives what `jit::eval`
//! computes, the meaning the tracer, the blackhole interpreter and the backends share
//! (wrapping arithmetic, Python floor division and modulo, shifts by 64 or more).

use crate::jit::eval::{eval_ovf, eval_pure};
use crate::jit::trace::*;

/// The result of `opcode` on constant arguments; `None` when it cannot be computed
/// (not pure, a division by zero, an overflow of an `*_ovf`).
pub fn eval(opcode: Opcode, args: &[Const]) -> Option<Const> {
    let mut bits = [0u64; 3];
    let bits = bits.get_mut(..args.len())?;
    for (b, c) in bits.iter_mut().zip(args) {
        *b = c.bits;
    }
    let r = if opcode.is_ovf() {
        eval_ovf(opcode, bits)?
    } else {
        eval_pure(opcode, bits)?
    };
    Some(Const {
        ty: opcode.result_type(),
        bits: r,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_with_the_result_type() {
        let c = eval(Opcode::IntLt, &[Const::int(1), Const::int(2)]).unwrap();
        assert_eq!((c.ty, c.as_int()), (Type::Int, 1));
        let f = eval(Opcode::CastIntToFloat, &[Const::int(3)]).unwrap();
        assert_eq!((f.ty, f.as_float()), (Type::Float, 3.0));
        let p = eval(Opcode::CastIntToPtr, &[Const::int(64)]).unwrap();
        assert_eq!((p.ty, p.bits), (Type::Ref, 64));
        assert_eq!(
            eval(Opcode::IntFloorDiv, &[Const::int(1), Const::int(0)]),
            None
        );
        assert_eq!(
            eval(Opcode::IntAddOvf, &[Const::int(i64::MAX), Const::int(1)]),
            None
        );
        assert_eq!(
            eval(
                Opcode::Setfield,
                &[Const::int(0), Const::int(8), Const::int(1)]
            ),
            None
        );
    }
}
