//! Constant evaluation of pure operations, with exactly the run-time semantics
//! (`trace.rs` docs, `backend-llvm/src/ops.rs`): wrapping arithmetic, Python floor
//! division and modulo (`MIN // -1` wraps), shifts by 64 or more give 0 (or the sign for
//! `>>`), comparisons give 0/1, floats are IEEE doubles.

use crate::jit::trace::*;

/// Python's `a // d` for `d != 0`.
pub fn floordiv(a: i64, d: i64) -> i64 {
    if d == -1 {
        return a.wrapping_neg();
    }
    let q = a / d;
    if a % d != 0 && ((a ^ d) < 0) {
        q - 1
    } else {
        q
    }
}

/// Python's `a % d` for `d != 0`.
pub fn modulo(a: i64, d: i64) -> i64 {
    if d == -1 {
        return 0;
    }
    let r = a % d;
    if r != 0 && ((r ^ d) < 0) {
        r + d
    } else {
        r
    }
}

pub fn lshift(a: i64, n: i64) -> i64 {
    if n as u64 >= 64 {
        0
    } else {
        a << n
    }
}

pub fn rshift(a: i64, n: i64) -> i64 {
    if n as u64 >= 64 {
        a >> 63
    } else {
        a >> n
    }
}

/// The result of `opcode` on constant arguments; `None` when it cannot be computed
/// (not pure, a division by zero, an overflow of an `*_ovf`).
pub fn eval(opcode: Opcode, args: &[Const]) -> Option<Const> {
    let i = |k: usize| args[k].as_int();
    let f = |k: usize| args[k].as_float();
    let b = |x: bool| Const::int(x as i64);
    Some(match opcode {
        Opcode::IntAdd => Const::int(i(0).wrapping_add(i(1))),
        Opcode::IntSub => Const::int(i(0).wrapping_sub(i(1))),
        Opcode::IntMul => Const::int(i(0).wrapping_mul(i(1))),
        Opcode::IntFloorDiv if i(1) != 0 => Const::int(floordiv(i(0), i(1))),
        Opcode::IntMod if i(1) != 0 => Const::int(modulo(i(0), i(1))),
        Opcode::IntAnd => Const::int(i(0) & i(1)),
        Opcode::IntOr => Const::int(i(0) | i(1)),
        Opcode::IntXor => Const::int(i(0) ^ i(1)),
        Opcode::IntLShift => Const::int(lshift(i(0), i(1))),
        Opcode::IntRShift => Const::int(rshift(i(0), i(1))),
        Opcode::IntNeg => Const::int(i(0).wrapping_neg()),
        Opcode::IntInvert => Const::int(!i(0)),
        Opcode::IntLt => b(i(0) < i(1)),
        Opcode::IntLe => b(i(0) <= i(1)),
        Opcode::IntEq => b(i(0) == i(1)),
        Opcode::IntNe => b(i(0) != i(1)),
        Opcode::IntGt => b(i(0) > i(1)),
        Opcode::IntGe => b(i(0) >= i(1)),
        Opcode::UintLt => b((i(0) as u64) < (i(1) as u64)),
        Opcode::IntIsZero => b(i(0) == 0),
        Opcode::IntAddOvf => Const::int(i(0).checked_add(i(1))?),
        Opcode::IntSubOvf => Const::int(i(0).checked_sub(i(1))?),
        Opcode::IntMulOvf => Const::int(i(0).checked_mul(i(1))?),
        Opcode::FloatAdd => Const::float(f(0) + f(1)),
        Opcode::FloatSub => Const::float(f(0) - f(1)),
        Opcode::FloatMul => Const::float(f(0) * f(1)),
        Opcode::FloatTrueDiv => Const::float(f(0) / f(1)),
        Opcode::FloatNeg => Const::float(-f(0)),
        Opcode::FloatAbs => Const::float(f(0).abs()),
        Opcode::FloatLt => b(f(0) < f(1)),
        Opcode::FloatLe => b(f(0) <= f(1)),
        Opcode::FloatEq => b(f(0) == f(1)),
        Opcode::FloatNe => b(f(0) != f(1)),
        Opcode::FloatGt => b(f(0) > f(1)),
        Opcode::FloatGe => b(f(0) >= f(1)),
        Opcode::CastIntToFloat => Const::float(i(0) as f64),
        Opcode::FloatToBits => Const::int(args[0].bits as i64),
        Opcode::BitsToFloat => Const {
            ty: Type::Float,
            bits: args[0].bits,
        },
        Opcode::CastPtrToInt => Const::int(args[0].bits as i64),
        Opcode::CastIntToPtr => Const::ptr(args[0].bits),
        Opcode::PtrEq => b(args[0].bits == args[1].bits),
        Opcode::PtrNe => b(args[0].bits != args[1].bits),
        Opcode::SelectI | Opcode::SelectR | Opcode::SelectF => {
            if i(0) != 0 {
                args[1]
            } else {
                args[2]
            }
        }
        Opcode::SameAsI | Opcode::SameAsR | Opcode::SameAsF => args[0],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_division() {
        assert_eq!(floordiv(7, 2), 3);
        assert_eq!(floordiv(-7, 2), -4);
        assert_eq!(floordiv(7, -2), -4);
        assert_eq!(floordiv(-7, -2), 3);
        assert_eq!(floordiv(i64::MIN, -1), i64::MIN);
        assert_eq!(modulo(-7, 2), 1);
        assert_eq!(modulo(7, -2), -1);
        assert_eq!(modulo(-7, -2), -1);
        assert_eq!(modulo(i64::MIN, -1), 0);
        assert_eq!(lshift(1, 64), 0);
        assert_eq!(lshift(1, -1), 0);
        assert_eq!(rshift(-8, 100), -1);
        assert_eq!(rshift(8, 64), 0);
        assert_eq!(rshift(-8, 1), -4);
    }

    /// Folding computes what the tracer and blackhole compute (`jit::eval`).
    #[test]
    fn agrees_with_jit_eval() {
        let vals: [u64; 12] = [
            0,
            1,
            2,
            63,
            64,
            65,
            u64::MAX,
            (-7i64) as u64,
            i64::MIN as u64,
            i64::MAX as u64,
            1.5f64.to_bits(),
            (-0.0f64).to_bits(),
        ];
        let mut checked = 0;
        for &op in ALL_OPCODES {
            if op.kind() != OpKind::Pure || op.result_type() == Type::Void {
                continue;
            }
            let arity = match op {
                Opcode::SelectI | Opcode::SelectR | Opcode::SelectF => 3,
                _ => 2,
            };
            for &x in &vals {
                for &y in &vals {
                    for &z in &vals[..3] {
                        let a = [x, y, z];
                        let cs: Vec<Const> = a[..arity]
                            .iter()
                            .map(|&bits| Const {
                                ty: Type::Int,
                                bits,
                            })
                            .collect();
                        let want = if op.is_ovf() {
                            crate::jit::eval::eval_ovf(op, &a[..arity])
                        } else {
                            crate::jit::eval::eval_pure(op, &a[..arity])
                        };
                        let got = eval(op, &cs).map(|c| c.bits);
                        if let (Some(w), Some(g)) = (want, got) {
                            let both_nan = f64::from_bits(w).is_nan()
                                && f64::from_bits(g).is_nan()
                                && op.result_type() == Type::Float;
                            assert!(w == g || both_nan, "{op:?}{:?}: {g:#x} vs {w:#x}", a);
                            checked += 1;
                        } else {
                            assert_eq!(want.is_some(), got.is_some(), "{op:?}{a:?}");
                        }
                    }
                }
            }
        }
        assert!(checked > 5000);
    }
}
