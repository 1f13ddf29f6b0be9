//! Searching str methods: find/rfind/index/rindex, count, startswith/endswith,
//! replace and partition/rpartition, with CPython's handling of the optional
//! `start`/`end` bounds and of empty needles.

use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::str_units::{adjust_indices, find_units, list_of_strs, rfind_units, Unit};
use crate::strobj::{chars, empty_str};
use crate::with_units;

/// Flag of [`rpy_str_find`]: search from the end (rfind, rindex).
pub const FIND_REVERSE: i64 = 1;
/// Flag of [`rpy_str_find`]: raise ValueError instead of returning -1 (index, rindex).
pub const FIND_RAISE: i64 = 2;

fn find_in<T: Unit>(hay: &[T], needle: &[T], start: i64, end: i64, reverse: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, hay.len());
    if end - start < needle.len() as i64 {
        return -1;
    }
    let (from, to) = (start as usize, end as usize);
    let r = if reverse {
        rfind_units(hay, needle, from, to)
    } else {
        find_units(hay, needle, from, to)
    };
    r.map_or(-1, |i| i as i64)
}

/// `s.find(sub, start, end)` and its variants (see [`FIND_REVERSE`], [`FIND_RAISE`]);
/// missing bounds are 0 and `i64::MAX`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_find(
    s: *mut u8,
    sub: *mut u8,
    start: i64,
    end: i64,
    flags: i64,
) -> i64 {
    let reverse = flags & FIND_REVERSE != 0;
    let r = with_units!([chars(s), chars(sub)], |h, n| find_in(
        h, n, start, end, reverse
    ));
    if r < 0 && flags & FIND_RAISE != 0 {
        raise_msg(VALUE_ERROR, "substring not found");
    }
    r
}

fn count_in<T: Unit>(hay: &[T], needle: &[T], start: i64, end: i64) -> i64 {
    let (start, end) = adjust_indices(start, end, hay.len());
    if end - start < needle.len() as i64 {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let (mut from, to, mut n) = (start as usize, end as usize, 0);
    while let Some(i) = find_units(hay, needle, from, to) {
        n += 1;
        from = i + needle.len();
    }
    n
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_count(s: *mut u8, sub: *mut u8, start: i64, end: i64) -> i64 {
    with_units!([chars(s), chars(sub)], |h, n| count_in(h, n, start, end))
}

fn tailmatch<T: Unit>(hay: &[T], sub: &[T], start: i64, end: i64, at_end: bool) -> bool {
    let (start, end) = adjust_indices(start, end, hay.len());
    let end = end - sub.len() as i64;
    if end < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let at = if at_end { end } else { start } as usize;
    hay[at..at + sub.len()] == *sub
}

/// `s.startswith(prefix, start, end)` (`at_end` 0) or `s.endswith(suffix, ...)`
/// (`at_end` 1), as 0/1.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_startswith(
    s: *mut u8,
    sub: *mut u8,
    start: i64,
    end: i64,
    at_end: i64,
) -> i64 {
    with_units!([chars(s), chars(sub)], |h, n| tailmatch(
        h,
        n,
        start,
        end,
        at_end != 0
    )) as i64
}

unsafe fn replace_in<T: Unit>(s: &[T], old: &[T], new: &[T], count: i64) -> *mut u8 {
    let mut max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out: Vec<T> = Vec::with_capacity(s.len());
    if old.is_empty() {
        // The new text goes before every character and at the end.
        for &c in s {
            if max > 0 {
                out.extend_from_slice(new);
                max -= 1;
            }
            out.push(c);
        }
        if max > 0 {
            out.extend_from_slice(new);
        }
        return T::make(&out);
    }
    let mut from = 0;
    while max > 0 {
        let Some(i) = find_units(s, old, from, s.len()) else {
            break;
        };
        out.extend_from_slice(&s[from..i]);
        out.extend_from_slice(new);
        from = i + old.len();
        max -= 1;
    }
    out.extend_from_slice(&s[from..]);
    T::make(&out)
}

/// `s.replace(old, new, count)`; a negative count replaces every occurrence.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_replace(
    s: *mut u8,
    old: *mut u8,
    new: *mut u8,
    count: i64,
) -> *mut u8 {
    if count == 0 && !s.is_null() {
        return s;
    }
    with_units!([chars(s), chars(old), chars(new)], |x, o, n| replace_in(
        x, o, n, count
    ))
}

unsafe fn partition_in<T: Unit>(s: &[T], sep: &[T], reverse: bool) -> [*mut u8; 3] {
    let found = if reverse {
        rfind_units(s, sep, 0, s.len())
    } else {
        find_units(s, sep, 0, s.len())
    };
    match found {
        Some(i) => [T::make(&s[..i]), T::make(sep), T::make(&s[i + sep.len()..])],
        None if reverse => [empty_str(), empty_str(), T::make(s)],
        None => [T::make(s), empty_str(), empty_str()],
    }
}

/// `s.partition(sep)` (`reverse` 0) or `s.rpartition(sep)`, as a list of three strs.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_partition(s: *mut u8, sep: *mut u8, reverse: i64) -> *mut u8 {
    if chars(sep).is_empty() {
        raise_msg(VALUE_ERROR, "empty separator");
        return std::ptr::null_mut();
    }
    let parts = with_units!([chars(s), chars(sep)], |x, p| partition_in(
        x,
        p,
        reverse != 0
    ));
    list_of_strs(&parts)
}
