//! The `math` and `time` functions translated programs call, with CPython's errors
//! (`math domain error`, `math range error`).

use crate::exceptions::{raise_msg, OVERFLOW_ERROR, VALUE_ERROR};

/// Operation codes of [`rpy_math1`], shared with the translator (rtyper/src/lower/library.rs).
pub const MATH1: &[&str] = &[
    "sqrt", "exp", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
    "cosh", "tanh", "floor", "ceil", "trunc", "fabs", "expm1", "log1p", "degrees", "radians",
];
/// Operation codes of [`rpy_math2`].
pub const MATH2: &[&str] = &["atan2", "pow", "fmod", "hypot", "log", "copysign"];

unsafe fn domain() -> f64 {
    raise_msg(VALUE_ERROR, "math domain error");
    0.0
}

unsafe fn range() -> f64 {
    raise_msg(OVERFLOW_ERROR, "math range error");
    0.0
}

/// A one-argument math function by code (see [`MATH1`]).
#[no_mangle]
pub unsafe extern "C" fn rpy_math1(op: i64, x: f64) -> f64 {
    let name = MATH1.get(op as usize).copied().unwrap_or("");
    let r = match name {
        "sqrt" if x < 0.0 => return domain(),
        "sqrt" => x.sqrt(),
        "exp" => x.exp(),
        "expm1" => x.exp_m1(),
        "log" | "log10" | "log2" if x <= 0.0 => return domain(),
        "log" => x.ln(),
        "log10" => x.log10(),
        "log2" => x.log2(),
        "log1p" if x <= -1.0 => return domain(),
        "log1p" => x.ln_1p(),
        "sin" | "cos" | "tan" if x.is_infinite() => return domain(),
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "asin" | "acos" if !(-1.0..=1.0).contains(&x) => return domain(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "atan" => x.atan(),
        "sinh" => x.sinh(),
        "cosh" => x.cosh(),
        "tanh" => x.tanh(),
        "floor" => x.floor(),
        "ceil" => x.ceil(),
        "trunc" => x.trunc(),
        "fabs" => x.abs(),
        "degrees" => x.to_degrees(),
        "radians" => x.to_radians(),
        _ => return domain(),
    };
    // A finite argument with an infinite result overflowed (exp, sinh, cosh...).
    if r.is_infinite() && x.is_finite() && !matches!(name, "log" | "log10" | "log2" | "log1p") {
        return range();
    }
    if r.is_nan() && !x.is_nan() {
        return domain();
    }
    r
}

/// A two-argument math function by code (see [`MATH2`]).
#[no_mangle]
pub unsafe extern "C" fn rpy_math2(op: i64, x: f64, y: f64) -> f64 {
    let name = MATH2.get(op as usize).copied().unwrap_or("");
    let r = match name {
        "atan2" => x.atan2(y),
        "pow" => {
            if x == 0.0 && y < 0.0 {
                return domain();
            }
            if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
                return domain();
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return range();
            }
            return r;
        }
        "fmod" if y == 0.0 || x.is_infinite() => return domain(),
        "fmod" => x % y,
        "hypot" => x.hypot(y),
        "log" if x <= 0.0 || y <= 0.0 || y == 1.0 => {
            if y == 1.0 && x > 0.0 {
                raise_msg(
                    crate::exceptions::ZERO_DIVISION_ERROR,
                    "float division by zero",
                );
                return 0.0;
            }
            return domain();
        }
        "log" => x.ln() / y.ln(),
        "copysign" => x.copysign(y),
        _ => return domain(),
    };
    r
}

/// `time.time()` (0), `time.perf_counter()` / `time.monotonic()` (1), in seconds.
#[no_mangle]
pub extern "C" fn rpy_time_now(kind: i64) -> f64 {
    use std::time::{Instant, SystemTime, UNIX_EPOCH};
    if kind == 0 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    } else {
        static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64()
    }
}
