//! The first step of CPython's `int(str)` and `float(str)`
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`): non-ASCII whitespace becomes a
//! space, non-ASCII decimal digits become ASCII digits, and the text stops at the
//! first other non-ASCII code point, which becomes `?` (so the parse fails there).
//! Also the C `isspace` test that the parsers then apply to the ASCII result.

use crate::strobj::Chars;
use crate::unicode_tables::{decimal_value, is_space};

pub fn transform_decimal_and_space_to_ascii(chars: Chars) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len());
    for c in chars.iter() {
        if c < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// CPython's `Py_ISSPACE` on ASCII: space, \t, \n, \v, \f, \r.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}
