//! Slicing of strs and lists (`x[start:stop:step]`), with CPython's clamping of
//! negative and out-of-range bounds (`PySlice_AdjustIndices`).

use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::list::{items, items_mut, rpy_list_new};
use crate::strobj::{chars, empty_str, str_from_chars, str_from_code_points, Chars};

/// Bit of `mask` saying that `start` was given (else it was `None`).
pub const HAS_START: i64 = 1;
/// Bit of `mask` saying that `stop` was given.
pub const HAS_STOP: i64 = 2;

/// The first index, the step and the number of items of `x[start:stop:step]` on a
/// sequence of `len` items (`None` bounds are Python's); None for a zero step.
pub fn slice_range(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> Option<(i64, i64, usize)> {
    if step == 0 {
        return None;
    }
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let start = match start {
        Some(v) => clamp(v),
        None if step < 0 => len - 1,
        None => 0,
    };
    let stop = match stop {
        Some(v) => clamp(v),
        None if step < 0 => -1,
        None => len,
    };
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) as u64 / step.unsigned_abs() + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) as u64 / step as u64 + 1) as usize
    } else {
        0
    };
    Some((start, step, n))
}

/// [`slice_range`] with the bounds of `mask`; raises ValueError for a zero step.
pub unsafe fn slice_indices(
    len: usize,
    start: i64,
    stop: i64,
    step: i64,
    mask: i64,
) -> Option<(i64, i64, usize)> {
    let start = (mask & HAS_START != 0).then_some(start);
    let stop = (mask & HAS_STOP != 0).then_some(stop);
    let r = slice_range(len, start, stop, step);
    if r.is_none() {
        raise_msg(VALUE_ERROR, "slice step cannot be zero");
    }
    r
}

/// `s[start:stop:step]`; bounds missing from `mask` are Python's `None`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_getslice(
    s: *mut u8,
    start: i64,
    stop: i64,
    step: i64,
    mask: i64,
) -> *mut u8 {
    let cs = chars(s);
    let Some((first, step, n)) = slice_indices(cs.len(), start, stop, step, mask) else {
        return std::ptr::null_mut();
    };
    if n == 0 {
        return empty_str();
    }
    if step == 1 {
        if n == cs.len() && !s.is_null() {
            return s;
        }
        let (a, b) = (first as usize, first as usize + n);
        return match cs {
            Chars::Latin1(x) => str_from_chars(Chars::Latin1(&x[a..b])),
            Chars::Ucs4(x) => str_from_code_points(&x[a..b]),
        };
    }
    let picked: Vec<u32> = (0..n)
        .map(|k| cs.at((first + k as i64 * step) as usize))
        .collect();
    str_from_code_points(&picked)
}

/// `l[start:stop:step]`: a new list of the same items.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_getslice(
    l: *mut u8,
    start: i64,
    stop: i64,
    step: i64,
    mask: i64,
) -> *mut u8 {
    let src = items(l);
    let Some((first, step, n)) = slice_indices(src.len(), start, stop, step, mask) else {
        return std::ptr::null_mut();
    };
    let r = rpy_list_new(n as i64, 1);
    if r.is_null() || n == 0 {
        return r;
    }
    let dst = items_mut(r);
    if step == 1 {
        dst.copy_from_slice(&src[first as usize..first as usize + n]);
    } else {
        for (k, slot) in dst.iter_mut().enumerate() {
            *slot = src[(first + k as i64 * step) as usize];
        }
    }
    r
}
