//! Python integer semantics in Cranelift IR, matching `backend-llvm`'s `ops.rs`: floor
//! division and modulo round toward negative infinity and `MIN // -1` wraps (x86's
//! `idiv` would trap there, so the divisor is made 1 for that case); shifts by 64 or
//! more give 0 (or the sign for `>>`), where the machine would mask the count.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{InstBuilder, Value};
use cranelift_frontend::FunctionBuilder;

/// Python's `a // d` (`want_mod` false) or `a % d` for a non-zero divisor `d`;
/// `const_d` is `d`'s value when it is a constant.
pub fn floordiv_mod(
    b: &mut FunctionBuilder,
    a: Value,
    d: Value,
    const_d: Option<i64>,
    want_mod: bool,
) -> Value {
    match const_d {
        Some(-1) => {
            return if want_mod {
                b.ins().iconst(I64, 0)
            } else {
                b.ins().ineg(a)
            };
        }
        // Flooring by a power of two is an arithmetic shift; the modulo, a mask.
        Some(k) if k > 0 && (k as u64).is_power_of_two() => {
            return if want_mod {
                b.ins().band_imm_s(a, k - 1)
            } else {
                b.ins().sshr_imm_s(a, i64::from(k.trailing_zeros()))
            };
        }
        _ => {}
    }
    // Unless the divisor is a constant other than -1, divide by 1 instead of -1 (the
    // result is fixed up below), so that `MIN / -1` cannot trap.
    let m1 = match const_d {
        Some(_) => None,
        None => Some(b.ins().icmp_imm_s(IntCC::Equal, d, -1)),
    };
    let safe = match m1 {
        Some(m1) => {
            let one = b.ins().iconst(I64, 1);
            b.ins().select(m1, one, d)
        }
        None => d,
    };
    let q = b.ins().sdiv(a, safe);
    let qd = b.ins().imul(q, safe);
    let r = b.ins().isub(a, qd);
    // The truncated quotient is one too big when the remainder is non-zero and its
    // sign differs from the divisor's (for a positive constant divisor: when the
    // remainder is negative).
    let adjust = match const_d {
        Some(k) if k > 0 => b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0),
        _ => {
            let rnz = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
            let x = b.ins().bxor(r, d);
            let signs = b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
            b.ins().band(rnz, signs)
        }
    };
    if want_mod {
        // With the divisor -1 made 1, r is 0: already Python's `a % -1`.
        let r2 = b.ins().iadd(r, d);
        b.ins().select(adjust, r2, r)
    } else {
        let q2 = b.ins().iadd_imm_s(q, -1);
        let res = b.ins().select(adjust, q2, q);
        match m1 {
            Some(m1) => {
                let neg = b.ins().ineg(a);
                b.ins().select(m1, neg, res)
            }
            None => res,
        }
    }
}

/// `x << n` with Python's result 0 for counts of 64 or more (counts are non-negative;
/// a negative one, as an unsigned count, is "64 or more" too, as in the LLVM backend).
pub fn lshift(b: &mut FunctionBuilder, x: Value, n: Value, const_n: Option<i64>) -> Value {
    match const_n {
        Some(k) if (0..64).contains(&k) => b.ins().ishl_imm_s(x, k),
        Some(_) => b.ins().iconst(I64, 0),
        None => {
            let v = b.ins().ishl(x, n);
            let big = b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, n, 64);
            let zero = b.ins().iconst(I64, 0);
            b.ins().select(big, zero, v)
        }
    }
}

/// Arithmetic `x >> n`: counts of 64 or more (unsigned) shift by 63, giving 0 or -1.
pub fn rshift(b: &mut FunctionBuilder, x: Value, n: Value, const_n: Option<i64>) -> Value {
    match const_n {
        Some(k) if (0..64).contains(&k) => b.ins().sshr_imm_s(x, k),
        Some(_) => b.ins().sshr_imm_s(x, 63),
        None => {
            let max = b.ins().iconst(I64, 63);
            let count = b.ins().umin(n, max);
            b.ins().sshr(x, count)
        }
    }
}
