//! Helpers shared by the str methods: viewing several strs as code-point slices of one
//! width ([`Unit`], [`with_units!`]), whitespace, searching, and lists of strs.

use crate::list::list_from_items;
use crate::strobj::{str_from_code_points, str_from_latin1, Chars};
use crate::unicode_tables::NON_ASCII_SPACES;
use std::borrow::Cow;

/// A code unit of a str's data: a latin-1 byte or a UCS-4 code point.
pub trait Unit: Copy + Eq + Into<u32> + 'static {
    /// A new str object holding `v`.
    unsafe fn make(v: &[Self]) -> *mut u8;
    /// The unit for code point `c`, if it fits.
    fn from_cp(c: u32) -> Option<Self>;
}

impl Unit for u8 {
    unsafe fn make(v: &[u8]) -> *mut u8 {
        str_from_latin1(v)
    }
    fn from_cp(c: u32) -> Option<u8> {
        u8::try_from(c).ok()
    }
}

impl Unit for u32 {
    unsafe fn make(v: &[u32]) -> *mut u8 {
        str_from_code_points(v)
    }
    fn from_cp(c: u32) -> Option<u32> {
        Some(c)
    }
}

/// The code points of `c` as a UCS-4 slice (borrowed when it is one).
pub fn wide(c: Chars) -> Cow<[u32]> {
    match c {
        Chars::Ucs4(w) => Cow::Borrowed(w),
        Chars::Latin1(b) => Cow::Owned(b.iter().map(|&x| x as u32).collect()),
    }
}

/// Runs `$body` with each `$x` bound to the code units of the matching str: all
/// `&[u8]` when every str is latin-1, else all `&[u32]`. `$body` must therefore be
/// generic over [`Unit`].
#[macro_export]
macro_rules! with_units {
    ([$($c:expr),+], |$($x:ident),+| $body:expr) => {{
        let cs = [$($c),+];
        if cs.iter().all(|c| matches!(c, $crate::strobj::Chars::Latin1(_))) {
            let mut it = cs.iter().map(|c| match c {
                $crate::strobj::Chars::Latin1(b) => *b,
                _ => &[][..],
            });
            $(let $x: &[u8] = it.next().unwrap_or(&[]);)+
            $body
        } else {
            let ws: Vec<std::borrow::Cow<[u32]>> =
                cs.iter().map(|c| $crate::str_units::wide(*c)).collect();
            let mut it = ws.iter().map(|w| &w[..]);
            $(let $x: &[u32] = it.next().unwrap_or(&[]);)+
            $body
        }
    }};
}

/// Python's whitespace (`str.isspace()` of one character; what `split()` and
/// `strip()` remove).
#[inline]
pub fn is_space(c: u32) -> bool {
    match c {
        0x09..=0x0d | 0x1c..=0x20 => true,
        0..=0x7f => false,
        _ => NON_ASCII_SPACES.binary_search(&c).is_ok(),
    }
}

/// Line boundaries of `str.splitlines()`.
#[inline]
pub fn is_linebreak(c: u32) -> bool {
    matches!(
        c,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// The first index `i >= from` with `hay[i..i + needle.len()] == needle`, the match
/// ending at or before `to`.
pub fn find_units<T: Unit>(hay: &[T], needle: &[T], from: usize, to: usize) -> Option<usize> {
    let to = to.min(hay.len());
    if needle.len() > to.saturating_sub(from) {
        return None;
    }
    let Some((&first, rest)) = needle.split_first() else {
        return Some(from);
    };
    let last = to - needle.len();
    let mut i = from;
    while i <= last {
        match hay[i..=last].iter().position(|&c| c == first) {
            None => return None,
            Some(k) => i += k,
        }
        if hay[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The last index `i >= from` with `hay[i..i + needle.len()] == needle` ending at or
/// before `to`.
pub fn rfind_units<T: Unit>(hay: &[T], needle: &[T], from: usize, to: usize) -> Option<usize> {
    let to = to.min(hay.len());
    if needle.len() > to.saturating_sub(from) {
        return None;
    }
    let mut i = to - needle.len();
    loop {
        if hay[i..i + needle.len()] == *needle {
            return Some(i);
        }
        if i == from {
            return None;
        }
        i -= 1;
    }
}

/// CPython's `ADJUST_INDICES`: clamps `start`/`end` (Python's optional bounds of
/// find, count, startswith...) against `len`; `start` may stay above `len`.
pub fn adjust_indices(start: i64, end: i64, len: usize) -> (i64, i64) {
    let len = len as i64;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    (start, end)
}

/// A new list holding the str objects `parts`; null if making any of them failed
/// (the exception is pending).
pub unsafe fn list_of_strs(parts: &[*mut u8]) -> *mut u8 {
    if parts.iter().any(|p| p.is_null()) {
        return std::ptr::null_mut();
    }
    let raw: Vec<i64> = parts.iter().map(|&p| p as i64).collect();
    list_from_items(&raw, true)
}
