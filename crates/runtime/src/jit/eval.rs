//! The meaning of the pure trace operations on 64-bit words, as the LLVM backend
//! compiles them: what the tracer and blackhole interpreter compute, and what constant
//! folding may use.

use super::trace::Opcode::{self, *};
use crate::int_ops::{floordiv, modulo};

fn b(x: bool) -> u64 {
    x as u64
}

/// Computes a pure, non-overflow-checking operation; `None` for an operation that is
/// not pure (or whose divisor is zero, which the graph rules out before it).
pub fn eval_pure(op: Opcode, a: &[u64]) -> Option<u64> {
    let i = |k: usize| a[k] as i64;
    let f = |k: usize| f64::from_bits(a[k]);
    let fl = |x: f64| Some(x.to_bits());
    Some(match op {
        IntAdd => i(0).wrapping_add(i(1)) as u64,
        IntSub => i(0).wrapping_sub(i(1)) as u64,
        IntMul => i(0).wrapping_mul(i(1)) as u64,
        IntFloorDiv if i(1) != 0 => floordiv(i(0), i(1)) as u64,
        IntMod if i(1) != 0 => modulo(i(0), i(1)) as u64,
        IntAnd => a[0] & a[1],
        IntOr => a[0] | a[1],
        IntXor => a[0] ^ a[1],
        IntLShift => {
            if a[1] >= 64 {
                0
            } else {
                a[0] << a[1]
            }
        }
        IntRShift => {
            if a[1] >= 64 {
                (i(0) >> 63) as u64
            } else {
                (i(0) >> a[1]) as u64
            }
        }
        IntNeg => i(0).wrapping_neg() as u64,
        IntInvert => !a[0],
        IntLt => b(i(0) < i(1)),
        IntLe => b(i(0) <= i(1)),
        IntEq => b(a[0] == a[1]),
        IntNe => b(a[0] != a[1]),
        IntGt => b(i(0) > i(1)),
        IntGe => b(i(0) >= i(1)),
        UintLt => b(a[0] < a[1]),
        IntIsZero => b(a[0] == 0),
        FloatAdd => return fl(f(0) + f(1)),
        FloatSub => return fl(f(0) - f(1)),
        FloatMul => return fl(f(0) * f(1)),
        FloatTrueDiv => return fl(f(0) / f(1)),
        FloatNeg => return fl(-f(0)),
        FloatAbs => return fl(f(0).abs()),
        FloatLt => b(f(0) < f(1)),
        FloatLe => b(f(0) <= f(1)),
        FloatEq => b(f(0) == f(1)),
        FloatNe => b(f(0) != f(1)),
        FloatGt => b(f(0) > f(1)),
        FloatGe => b(f(0) >= f(1)),
        CastIntToFloat => return fl(i(0) as f64),
        FloatToBits | BitsToFloat | CastPtrToInt | CastIntToPtr | SameAsI | SameAsR | SameAsF => {
            a[0]
        }
        PtrEq => b(a[0] == a[1]),
        PtrNe => b(a[0] != a[1]),
        SelectI | SelectR | SelectF => {
            if a[0] != 0 {
                a[1]
            } else {
                a[2]
            }
        }
        _ => return None,
    })
}

/// Computes `int_*_ovf`: the result, or `None` on overflow.
pub fn eval_ovf(op: Opcode, a: &[u64]) -> Option<u64> {
    let (x, y) = (a[0] as i64, a[1] as i64);
    match op {
        IntAddOvf => x.checked_add(y),
        IntSubOvf => x.checked_sub(y),
        IntMulOvf => x.checked_mul(y),
        _ => None,
    }
    .map(|r| r as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_division() {
        let int = |op, a: i64, b: i64| eval_pure(op, &[a as u64, b as u64]).map(|r| r as i64);
        assert_eq!(int(IntFloorDiv, 7, 2), Some(3));
        assert_eq!(int(IntFloorDiv, 7, -2), Some(-4));
        assert_eq!(int(IntFloorDiv, -7, 2), Some(-4));
        assert_eq!(int(IntFloorDiv, -7, -2), Some(3));
        assert_eq!(int(IntFloorDiv, i64::MIN, -1), Some(i64::MIN));
        assert_eq!(int(IntFloorDiv, 1, 0), None);
        assert_eq!(int(IntMod, -7, 2), Some(1));
        assert_eq!(int(IntMod, 7, -2), Some(-1));
        assert_eq!(int(IntMod, -7, -2), Some(-1));
        assert_eq!(int(IntMod, i64::MIN, -1), Some(0));
        assert_eq!(int(IntRShift, -5, 70), Some(-1));
        assert_eq!(int(IntRShift, 8, 64), Some(0));
        assert_eq!(int(IntRShift, -8, 1), Some(-4));
        assert_eq!(int(IntLShift, 5, 64), Some(0));
        assert_eq!(int(IntLShift, 1, -1), Some(0));
        assert_eq!(eval_ovf(IntAddOvf, &[i64::MAX as u64, 1]), None);
    }
}
