//! `repr()` of str objects, as CPython's `unicode_repr` writes it.

use crate::strobj::{chars, str_from_code_points, Chars};
use crate::unicode_tables::is_printable_non_ascii;

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut Vec<u32>, prefix: u8, c: u32, digits: u32) {
    out.push('\\' as u32);
    out.push(prefix as u32);
    for k in (0..digits).rev() {
        out.push(HEX[((c >> (4 * k)) & 0xf) as usize] as u32);
    }
}

/// The code points of `repr(s)`.
pub fn repr_code_points(s: Chars) -> Vec<u32> {
    let has_single = s.iter().any(|c| c == '\'' as u32);
    let has_double = s.iter().any(|c| c == '"' as u32);
    let quote = if has_single && !has_double { '"' } else { '\'' } as u32;
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.iter() {
        if c == quote || c == '\\' as u32 {
            out.push('\\' as u32);
            out.push(c);
        } else if c == '\t' as u32 {
            out.extend_from_slice(&['\\' as u32, 't' as u32]);
        } else if c == '\n' as u32 {
            out.extend_from_slice(&['\\' as u32, 'n' as u32]);
        } else if c == '\r' as u32 {
            out.extend_from_slice(&['\\' as u32, 'r' as u32]);
        } else if c < ' ' as u32 || c == 0x7f {
            push_hex(&mut out, b'x', c, 2);
        } else if c < 0x7f || is_printable_non_ascii(c) {
            out.push(c);
        } else if c < 0x100 {
            push_hex(&mut out, b'x', c, 2);
        } else if c < 0x10000 {
            push_hex(&mut out, b'u', c, 4);
        } else {
            push_hex(&mut out, b'U', c, 8);
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` as a Rust string (for error messages; surrogates become U+FFFD, which
/// cannot happen for them anyway since they are escaped).
pub fn repr_string(s: Chars) -> String {
    repr_code_points(s)
        .into_iter()
        .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

/// `repr(s)` for a str object.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_repr(s: *mut u8) -> *mut u8 {
    str_from_code_points(&repr_code_points(chars(s)))
}

/// `s` with every non-ASCII character escaped as `repr` escapes unprintable ones
/// (`ascii(x)` is this applied to `repr(x)`).
pub fn ascii_escape(s: Chars) -> Vec<u32> {
    let mut out = vec![];
    for c in s.iter() {
        if c < 0x80 {
            out.push(c);
        } else if c < 0x100 {
            push_hex(&mut out, b'x', c, 2);
        } else if c < 0x10000 {
            push_hex(&mut out, b'u', c, 4);
        } else {
            push_hex(&mut out, b'U', c, 8);
        }
    }
    out
}

/// [`ascii_escape`] of a str object (the repr of a value, for `ascii()`).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_ascii(s: *mut u8) -> *mut u8 {
    str_from_code_points(&ascii_escape(chars(s)))
}
