//! The str operations generated code calls: construction from UTF-8 and numbers,
//! concatenation, repetition, comparison, hashing, search, indexing, `chr`/`ord`.

use crate::exceptions::{
    raise_memory_error, raise_msg, INDEX_ERROR, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR,
};
use crate::float_repr::float_repr;
use crate::strobj::*;
use std::cmp::Ordering;

/// A new str from `len` bytes of UTF-8 at `ptr` (invalid sequences become U+FFFD).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_from_utf8(ptr: *const u8, len: i64) -> *mut u8 {
    if ptr.is_null() || len <= 0 {
        return empty_str();
    }
    let bytes = std::slice::from_raw_parts(ptr, len as usize);
    str_from_rust(&String::from_utf8_lossy(bytes))
}

/// `a + b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    let (ca, cb) = (chars(a), chars(b));
    if cb.is_empty() && !a.is_null() {
        return a;
    }
    if ca.is_empty() && !b.is_null() {
        return b;
    }
    let Some(len) = ca.len().checked_add(cb.len()) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    match (ca, cb) {
        (Chars::Latin1(x), Chars::Latin1(y)) => {
            let s = alloc_str(len, 1);
            if !s.is_null() {
                let d = latin1_data(s, len);
                d[..x.len()].copy_from_slice(x);
                d[x.len()..].copy_from_slice(y);
            }
            s
        }
        _ => {
            let mut v = ca.to_vec();
            v.extend(cb.iter());
            str_from_code_points(&v)
        }
    }
}

/// `s * n` (empty for `n <= 0`).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_mul(s: *mut u8, n: i64) -> *mut u8 {
    let cs = chars(s);
    if n <= 0 || cs.is_empty() {
        return empty_str();
    }
    if n == 1 && !s.is_null() {
        return s;
    }
    let Some(len) = cs
        .len()
        .checked_mul(n as usize)
        .filter(|&l| l <= isize::MAX as usize)
    else {
        raise_msg(OVERFLOW_ERROR, "repeated string is too long");
        return std::ptr::null_mut();
    };
    match cs {
        Chars::Latin1(x) => {
            let r = alloc_str(len, 1);
            if !r.is_null() {
                for chunk in latin1_data(r, len).chunks_exact_mut(x.len()) {
                    chunk.copy_from_slice(x);
                }
            }
            r
        }
        Chars::Ucs4(x) => {
            let narrow = x.iter().all(|&c| c < 256);
            let r = alloc_str(len, if narrow { 1 } else { 4 });
            if !r.is_null() {
                if narrow {
                    let d = latin1_data(r, len);
                    for (slot, &c) in d.iter_mut().zip(x.iter().cycle()) {
                        *slot = c as u8;
                    }
                } else {
                    for chunk in ucs4_data(r, len).chunks_exact_mut(x.len()) {
                        chunk.copy_from_slice(x);
                    }
                }
            }
            r
        }
    }
}

/// Whether two code-point sequences are equal.
pub fn chars_eq(a: Chars, b: Chars) -> bool {
    match (a, b) {
        (Chars::Latin1(x), Chars::Latin1(y)) => x == y,
        (Chars::Ucs4(x), Chars::Ucs4(y)) => x == y,
        _ => a.len() == b.len() && a.iter().eq(b.iter()),
    }
}

/// Code-point-wise ordering of two sequences (Python's str ordering).
pub fn chars_cmp(a: Chars, b: Chars) -> Ordering {
    match (a, b) {
        (Chars::Latin1(x), Chars::Latin1(y)) => x.cmp(y),
        (Chars::Ucs4(x), Chars::Ucs4(y)) => x.cmp(y),
        _ => a.iter().cmp(b.iter()),
    }
}

/// `a == b` as 0/1.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_eq(a: *mut u8, b: *mut u8) -> i64 {
    (a == b || chars_eq(chars(a), chars(b))) as i64
}

/// -1, 0 or 1 as `a` sorts before, equal to, or after `b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_cmp(a: *mut u8, b: *mut u8) -> i64 {
    chars_cmp(chars(a), chars(b)) as i64
}

/// `hash(s)`: deterministic, never 0 or -1, cached in non-static strings.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_hash(s: *mut u8) -> i64 {
    str_hash(s)
}

fn find<T: PartialEq>(hay: &[T], needle: &[T]) -> bool {
    let Some((first, rest)) = needle.split_first() else {
        return true;
    };
    if needle.len() > hay.len() {
        return false;
    }
    let last_start = hay.len() - needle.len();
    (0..=last_start).any(|i| hay[i] == *first && hay[i + 1..i + needle.len()] == *rest)
}

/// `needle in haystack`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_contains(haystack: *mut u8, needle: *mut u8) -> i64 {
    let (h, n) = (chars(haystack), chars(needle));
    let found = match (h, n) {
        (Chars::Latin1(x), Chars::Latin1(y)) => find(x, y),
        (Chars::Ucs4(x), Chars::Ucs4(y)) => find(x, y),
        (Chars::Latin1(_), Chars::Ucs4(y)) => y.iter().all(|&c| c < 256) && find(&h.to_vec(), y),
        (Chars::Ucs4(x), Chars::Latin1(_)) => find(x, &n.to_vec()),
    };
    found as i64
}

/// A one-character str for code point `c` (which must be < 0x110000).
pub unsafe fn str_from_char(c: u32) -> *mut u8 {
    str_from_code_points(&[c])
}

/// `s[i]`, with negative indices counting from the end.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_getitem(s: *mut u8, i: i64) -> *mut u8 {
    let cs = chars(s);
    let len = cs.len() as i64;
    let j = if i < 0 { i.wrapping_add(len) } else { i };
    if !(0..len).contains(&j) {
        raise_msg(INDEX_ERROR, "string index out of range");
        return std::ptr::null_mut();
    }
    str_from_char(cs.at(j as usize))
}

/// `str(i)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_from_int(i: i64) -> *mut u8 {
    str_from_latin1(i.to_string().as_bytes())
}

/// `str(x)` (= `repr(x)`) for a float.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_from_float(x: f64) -> *mut u8 {
    str_from_latin1(float_repr(x).as_bytes())
}

/// `chr(i)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_chr(i: i64) -> *mut u8 {
    if !(0..0x110000).contains(&i) {
        raise_msg(VALUE_ERROR, "chr() arg not in range(0x110000)");
        return std::ptr::null_mut();
    }
    str_from_char(i as u32)
}

/// `ord(s)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_ord(s: *mut u8) -> i64 {
    let cs = chars(s);
    if cs.len() != 1 {
        let msg = format!(
            "ord() expected a character, but string of length {} found",
            cs.len()
        );
        raise_msg(TYPE_ERROR, &msg);
        return 0;
    }
    cs.at(0) as i64
}
