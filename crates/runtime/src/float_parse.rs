//! `float(s)` for str objects, following CPython 3.11's `PyFloat_FromString`:
//! Unicode digits and whitespace, underscores only between digits, surrounding
//! whitespace, `inf`/`infinity`/`nan` in any case with a sign, decimal literals
//! (correctly rounded; huge exponents give inf or 0, never an error).

use crate::ascii_transform::{is_ascii_space, transform_decimal_and_space_to_ascii};
use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::str_repr::repr_string;
use crate::strobj::{chars, Chars};

/// Removes the underscores of `s` if each one sits between two digits, as
/// `_Py_string_to_number_with_underscores` does.
fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            out.push(b);
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
        }
        prev = b;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// The length of the longest decimal literal (`_Py_dg_strtod`'s grammar) at the start
/// of `s`, or 0 when there is none.
fn decimal_prefix_len(s: &[u8]) -> usize {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    if matches!(at(i), b'+' | b'-') {
        i += 1;
    }
    let int_start = i;
    while at(i).is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if at(i) == b'.' {
        i += 1;
        let frac_start = i;
        while at(i).is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return 0;
    }
    if matches!(at(i), b'e' | b'E') {
        let mut j = i + 1;
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            while at(j).is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// `inf`, `infinity` or `nan` (any case, optional sign) spanning all of `s`.
fn parse_inf_or_nan(s: &[u8]) -> Option<f64> {
    let (negative, rest) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.to_ascii_lowercase();
    let v = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if negative { -v } else { v })
}

/// `float_from_string_inner`: the text without underscores, surrounding whitespace
/// allowed.
fn parse_stripped(s: &[u8]) -> Option<f64> {
    let mut lo = 0;
    let mut hi = s.len();
    while lo < hi && is_ascii_space(s[lo]) {
        lo += 1;
    }
    while hi > lo && is_ascii_space(s[hi - 1]) {
        hi -= 1;
    }
    let t = &s[lo..hi];
    if t.is_empty() {
        return None;
    }
    let n = decimal_prefix_len(t);
    if n == 0 {
        return parse_inf_or_nan(t);
    }
    if n != t.len() {
        return None;
    }
    // The literal is ASCII and in a grammar Rust's correctly rounded parser accepts.
    std::str::from_utf8(t).ok()?.parse::<f64>().ok()
}

/// Parses `s` as `float(s)` does; None means ValueError.
pub fn parse_float(s: Chars) -> Option<f64> {
    let ascii = transform_decimal_and_space_to_ascii(s);
    parse_stripped(&strip_underscores(&ascii)?)
}

/// `float(s)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_float_from_str(s: *mut u8) -> f64 {
    let cs = chars(s);
    match parse_float(cs) {
        Some(v) => v,
        None => {
            let msg = format!("could not convert string to float: {}", repr_string(cs));
            raise_msg(VALUE_ERROR, &msg);
            0.0
        }
    }
}
