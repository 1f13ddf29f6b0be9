//! `int(s, base)` for str objects, following CPython 3.11's `PyLong_FromUnicodeObject`
//! and `PyLong_FromString` (whitespace, sign, base prefixes, underscores, Unicode
//! digits, the 4300-digit limit, the error messages). Values beyond 64 bits raise
//! OverflowError (rpy ints are 64-bit).

use crate::ascii_transform::{is_ascii_space, transform_decimal_and_space_to_ascii};
use crate::exceptions::{raise_msg, OVERFLOW_ERROR, VALUE_ERROR};
use crate::str_repr::repr_string;
use crate::strobj::{chars, Chars};

/// CPython's default `sys.get_int_max_str_digits()`.
const MAX_STR_DIGITS: usize = 4300;

#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// `base` is not 0 nor in 2..=36.
    BadBase,
    /// Not a valid literal.
    Invalid,
    /// More digits than CPython converts (non-power-of-two bases only).
    TooManyDigits(usize),
    /// Valid, but beyond 64 bits.
    Overflow,
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// Parses the ASCII text `s` (after [`transform_decimal_and_space_to_ascii`]).
pub fn parse_int_ascii(s: &[u8], base: i64) -> Result<i64, IntParseError> {
    use IntParseError::*;
    if base != 0 && !(2..=36).contains(&base) {
        return Err(BadBase);
    }
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    let prefix = at(i + 1).to_ascii_lowercase();
    if base == 0 {
        base = match (at(i), prefix) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((base, prefix), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(Invalid);
    }
    let mut digits = 0usize;
    let mut prev = 0u8;
    let mut magnitude: u64 = 0;
    let mut overflow = false;
    loop {
        let b = at(i);
        if b == b'_' {
            if prev == b'_' {
                return Err(Invalid);
            }
        } else {
            let d = digit_value(b);
            if d >= base {
                break;
            }
            digits += 1;
            match magnitude
                .checked_mul(base as u64)
                .and_then(|m| m.checked_add(d as u64))
            {
                Some(m) => magnitude = m,
                None => overflow = true,
            }
        }
        prev = b;
        i += 1;
    }
    if prev == b'_' {
        return Err(Invalid);
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(TooManyDigits(digits));
    }
    if error_if_nonzero && (overflow || magnitude != 0) {
        return Err(Invalid);
    }
    if digits == 0 {
        return Err(Invalid);
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(Invalid);
    }
    if overflow {
        return Err(Overflow);
    }
    if negative {
        if magnitude > 1u64 << 63 {
            return Err(Overflow);
        }
        Ok((magnitude as i64).wrapping_neg())
    } else {
        i64::try_from(magnitude).map_err(|_| Overflow)
    }
}

/// Parses `s` as `int(s, base)` does.
pub fn parse_int(s: Chars, base: i64) -> Result<i64, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::BadBase);
    }
    parse_int_ascii(&transform_decimal_and_space_to_ascii(s), base)
}

/// The message of the ValueError/OverflowError that `int(s, base)` raises.
pub fn int_parse_message(err: &IntParseError, s: Chars, base: i64) -> String {
    match err {
        IntParseError::BadBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
        IntParseError::Invalid => {
            let r: String = repr_string(s).chars().take(200).collect();
            format!("invalid literal for int() with base {base}: {r}")
        }
        IntParseError::TooManyDigits(n) => format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ),
        IntParseError::Overflow => "int too large to convert to 64-bit integer".to_string(),
    }
}

/// `int(s, base)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_int_from_str(s: *mut u8, base: i64) -> i64 {
    let cs = chars(s);
    match parse_int(cs, base) {
        Ok(v) => v,
        Err(e) => {
            let index = if e == IntParseError::Overflow {
                OVERFLOW_ERROR
            } else {
                VALUE_ERROR
            };
            raise_msg(index, &int_parse_message(&e, cs, base));
            0
        }
    }
}
