//! Splitting and joining: split/rsplit (on whitespace or a separator, with maxsplit),
//! splitlines, join, and strip/lstrip/rstrip.

use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::list::items;
use crate::str_units::{find_units, is_linebreak, is_space, list_of_strs, rfind_units, Unit};
use crate::strobj::{chars, empty_str, str_from_code_points, str_from_latin1, Chars};
use crate::with_units;

fn max_count(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

unsafe fn split_ws<T: Unit>(s: &[T], maxsplit: i64, reverse: bool) -> Vec<*mut u8> {
    let sp = |c: T| is_space(c.into());
    let mut out = vec![];
    let mut left = max_count(maxsplit);
    if !reverse {
        let mut i = 0;
        while left > 0 {
            while i < s.len() && sp(s[i]) {
                i += 1;
            }
            if i == s.len() {
                break;
            }
            let j = i;
            while i < s.len() && !sp(s[i]) {
                i += 1;
            }
            out.push(T::make(&s[j..i]));
            left -= 1;
        }
        while i < s.len() && sp(s[i]) {
            i += 1;
        }
        if i < s.len() {
            out.push(T::make(&s[i..]));
        }
    } else {
        let mut i = s.len();
        while left > 0 {
            while i > 0 && sp(s[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            let j = i;
            while i > 0 && !sp(s[i - 1]) {
                i -= 1;
            }
            out.push(T::make(&s[i..j]));
            left -= 1;
        }
        while i > 0 && sp(s[i - 1]) {
            i -= 1;
        }
        if i > 0 {
            out.push(T::make(&s[..i]));
        }
        out.reverse();
    }
    out
}

unsafe fn split_sep<T: Unit>(s: &[T], sep: &[T], maxsplit: i64, reverse: bool) -> Vec<*mut u8> {
    let mut out = vec![];
    let mut left = max_count(maxsplit);
    if !reverse {
        let mut from = 0;
        while left > 0 {
            let Some(i) = find_units(s, sep, from, s.len()) else {
                break;
            };
            out.push(T::make(&s[from..i]));
            from = i + sep.len();
            left -= 1;
        }
        out.push(T::make(&s[from..]));
    } else {
        let mut to = s.len();
        while left > 0 {
            let Some(i) = rfind_units(s, sep, 0, to) else {
                break;
            };
            out.push(T::make(&s[i + sep.len()..to]));
            to = i;
            left -= 1;
        }
        out.push(T::make(&s[..to]));
        out.reverse();
    }
    out
}

unsafe fn split(s: *mut u8, sep: *mut u8, maxsplit: i64, reverse: bool) -> *mut u8 {
    let parts = if sep.is_null() {
        with_units!([chars(s)], |x| split_ws(x, maxsplit, reverse))
    } else {
        if chars(sep).is_empty() {
            raise_msg(VALUE_ERROR, "empty separator");
            return std::ptr::null_mut();
        }
        with_units!([chars(s), chars(sep)], |x, p| split_sep(
            x, p, maxsplit, reverse
        ))
    };
    list_of_strs(&parts)
}

/// `s.split(sep, maxsplit)`; a null `sep` splits on runs of whitespace.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_split(s: *mut u8, sep: *mut u8, maxsplit: i64) -> *mut u8 {
    split(s, sep, maxsplit, false)
}

/// `s.rsplit(sep, maxsplit)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_rsplit(s: *mut u8, sep: *mut u8, maxsplit: i64) -> *mut u8 {
    split(s, sep, maxsplit, true)
}

unsafe fn splitlines_in<T: Unit>(s: &[T], keepends: bool) -> Vec<*mut u8> {
    let mut out = vec![];
    let mut i = 0;
    while i < s.len() {
        let j = i;
        while i < s.len() && !is_linebreak(s[i].into()) {
            i += 1;
        }
        let mut eol = i;
        if i < s.len() {
            if s[i].into() == 0x0d && i + 1 < s.len() && s[i + 1].into() == 0x0a {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(T::make(&s[j..eol]));
    }
    out
}

/// `s.splitlines(keepends)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_splitlines(s: *mut u8, keepends: i64) -> *mut u8 {
    let parts = with_units!([chars(s)], |x| splitlines_in(x, keepends != 0));
    list_of_strs(&parts)
}

/// `sep.join(l)` for a list of strs.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_join(sep: *mut u8, l: *mut u8) -> *mut u8 {
    let parts = items(l);
    match parts {
        [] => return empty_str(),
        [one] if *one != 0 => return *one as *mut u8,
        _ => {}
    }
    let sep = chars(sep);
    let pieces: Vec<Chars> = parts.iter().map(|&p| chars(p as *const u8)).collect();
    let narrow =
        matches!(sep, Chars::Latin1(_)) && pieces.iter().all(|c| matches!(c, Chars::Latin1(_)));
    let total: usize =
        pieces.iter().map(|c| c.len()).sum::<usize>() + sep.len() * (pieces.len() - 1);
    if narrow {
        let mut out: Vec<u8> = Vec::with_capacity(total);
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                if let Chars::Latin1(b) = sep {
                    out.extend_from_slice(b);
                }
            }
            if let Chars::Latin1(b) = p {
                out.extend_from_slice(b);
            }
        }
        str_from_latin1(&out)
    } else {
        let mut out: Vec<u32> = Vec::with_capacity(total);
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                out.extend(sep.iter());
            }
            out.extend(p.iter());
        }
        str_from_code_points(&out)
    }
}

/// Bit of [`rpy_str_strip`]'s mode: strip at the start.
pub const STRIP_LEFT: i64 = 1;
/// Bit of [`rpy_str_strip`]'s mode: strip at the end.
pub const STRIP_RIGHT: i64 = 2;

unsafe fn strip_in<T: Unit>(s: &[T], set: Option<&[T]>, mode: i64) -> (usize, usize) {
    let strip = |c: T| match set {
        None => is_space(c.into()),
        Some(set) => set.contains(&c),
    };
    let (mut i, mut j) = (0, s.len());
    if mode & STRIP_LEFT != 0 {
        while i < j && strip(s[i]) {
            i += 1;
        }
    }
    if mode & STRIP_RIGHT != 0 {
        while j > i && strip(s[j - 1]) {
            j -= 1;
        }
    }
    (i, j)
}

/// `s.strip(chars)` (mode 3), `s.lstrip(chars)` (1), `s.rstrip(chars)` (2); a null
/// `set` strips whitespace.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_strip(s: *mut u8, set: *mut u8, mode: i64) -> *mut u8 {
    let cs = chars(s);
    let (i, j) = if set.is_null() {
        with_units!([cs], |x| strip_in(x, None, mode))
    } else {
        with_units!([cs, chars(set)], |x, p| strip_in(x, Some(p), mode))
    };
    if i == 0 && j == cs.len() && !s.is_null() {
        return s;
    }
    match cs {
        Chars::Latin1(b) => str_from_latin1(&b[i..j]),
        Chars::Ucs4(w) => str_from_code_points(&w[i..j]),
    }
}
