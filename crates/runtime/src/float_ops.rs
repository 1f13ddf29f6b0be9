//! Float arithmetic with CPython's semantics and messages: `**` (float_pow), `%`
//! (float_rem), `//` (float_floor_div), `/`, and conversion to int.

use crate::exceptions::{raise_msg, OVERFLOW_ERROR, VALUE_ERROR, ZERO_DIVISION_ERROR};

fn is_odd_integer(x: f64) -> bool {
    // x is finite here; odd integers are below 2**53 in magnitude.
    x.abs() < 9007199254740992.0 && x.fract() == 0.0 && (x as i64) % 2 != 0
}

/// The outcome of CPython's float_pow: a value or an exception (index, message).
pub fn float_pow(iv: f64, iw: f64) -> Result<f64, (usize, &'static str)> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err((
                ZERO_DIVISION_ERROR,
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if odd { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err((
                VALUE_ERROR,
                "negative number cannot be raised to a fractional power",
            ));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err((OVERFLOW_ERROR, "(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// `a ** b` for floats.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_pow(a: f64, b: f64) -> f64 {
    float_pow(a, b).unwrap_or_else(|(index, msg)| {
        raise_msg(index, msg);
        0.0
    })
}

/// `a % b` for floats (b != 0): the result has the sign of `b`.
pub fn float_mod(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        0f64.copysign(wx)
    }
}

/// `a // b` for floats (b != 0), CPython's `_float_div_mod`.
pub fn float_floordiv(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    }
}

/// `a % b`; ZeroDivisionError "float modulo" when `b == 0`.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_mod(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        raise_msg(ZERO_DIVISION_ERROR, "float modulo");
        return 0.0;
    }
    float_mod(a, b)
}

/// `a // b`; ZeroDivisionError when `b == 0`.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_floordiv(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        raise_msg(ZERO_DIVISION_ERROR, "float floor division by zero");
        return 0.0;
    }
    float_floordiv(a, b)
}

/// `a / b`; ZeroDivisionError when `b == 0`.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_truediv(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        raise_msg(ZERO_DIVISION_ERROR, "float division by zero");
        return 0.0;
    }
    a / b
}

/// `int(x)`: truncation toward zero.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_to_int(x: f64) -> i64 {
    if x.is_nan() {
        raise_msg(VALUE_ERROR, "cannot convert float NaN to integer");
        return 0;
    }
    if x.is_infinite() {
        raise_msg(OVERFLOW_ERROR, "cannot convert float infinity to integer");
        return 0;
    }
    let t = x.trunc();
    // i64 covers [-2**63, 2**63); both bounds are exact floats.
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        raise_msg(OVERFLOW_ERROR, "int too large to convert to 64-bit integer");
        return 0;
    }
    t as i64
}
