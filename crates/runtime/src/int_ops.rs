//! Integer arithmetic with Python semantics on 64-bit ints that wrap like RPython's:
//! power, true division (correctly rounded), floor division and modulo.

use crate::exceptions::{raise_msg, VALUE_ERROR, ZERO_DIVISION_ERROR};

/// `a ** b`, wrapping; a negative `b` raises ValueError (rpy ints are 64-bit).
#[no_mangle]
pub unsafe extern "C" fn rpy_int_pow(a: i64, b: i64) -> i64 {
    if b < 0 {
        raise_msg(
            VALUE_ERROR,
            "negative exponent in an integer power is not supported (rpy ints are 64-bit); use a float",
        );
        return 0;
    }
    let (mut base, mut exp, mut acc) = (a, b as u64, 1i64);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    acc
}

/// `a / b` for ints, correctly rounded (nearest, ties to even) as CPython does
/// (`b == 0` gives an IEEE infinity or NaN; the exported function raises instead).
pub fn int_truediv(a: i64, b: i64) -> f64 {
    let negative = (a < 0) != (b < 0);
    let (na, nb) = (a.unsigned_abs(), b.unsigned_abs());
    const EXACT: u64 = 1 << 53;
    if (na <= EXACT && nb <= EXACT) || nb == 0 {
        return a as f64 / b as f64;
    }
    if na == 0 {
        return if negative { -0.0 } else { 0.0 };
    }
    // Scale so that the quotient has 56 or 57 bits, fold the remainder into a sticky
    // bit, and let the (correctly rounded) u64 -> f64 conversion round it.
    let bits = |x: u64| 64 - x.leading_zeros() as i32;
    let shift = 56 + bits(nb) - bits(na);
    let (num, den) = if shift >= 0 {
        ((na as u128) << shift, nb as u128)
    } else {
        (na as u128, (nb as u128) << -shift)
    };
    let (q, r) = (num / den, num % den);
    let q = (q as u64) | (r != 0) as u64;
    let mag = q as f64 * 2f64.powi(-shift);
    if negative {
        -mag
    } else {
        mag
    }
}

/// `a / b` for ints; ZeroDivisionError when `b == 0`.
#[no_mangle]
pub unsafe extern "C" fn rpy_int_truediv(a: i64, b: i64) -> f64 {
    if b == 0 {
        raise_msg(ZERO_DIVISION_ERROR, "division by zero");
        return 0.0;
    }
    int_truediv(a, b)
}

/// Python's `a // b` for a non-zero `b` (floor); `i64::MIN // -1` wraps to `i64::MIN`.
pub fn floordiv(a: i64, b: i64) -> i64 {
    let q = a.wrapping_div(b);
    if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's `a % b` for a non-zero `b` (the result has the sign of `b`); `x % -1 == 0`.
pub fn modulo(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `a // b`, raising ZeroDivisionError for a zero `b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_int_floordiv(a: i64, b: i64) -> i64 {
    if b == 0 {
        raise_msg(ZERO_DIVISION_ERROR, "integer division or modulo by zero");
        return 0;
    }
    floordiv(a, b)
}

/// `a % b`, raising ZeroDivisionError for a zero `b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_int_mod(a: i64, b: i64) -> i64 {
    if b == 0 {
        raise_msg(ZERO_DIVISION_ERROR, "integer division or modulo by zero");
        return 0;
    }
    modulo(a, b)
}
