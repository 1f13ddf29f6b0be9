//! Lists: `{ hdr, length, items: *array }` over arrays `{ hdr, capacity, item[] }` of
//! 8-byte items. Creation, growth (CPython's over-allocation), concatenation,
//! repetition and copying.

use crate::abi::*;
use crate::exceptions::raise_memory_error;
use crate::gc::layout::{header, info, make_tid, ARRAY_PLAIN, ARRAY_REFS};
use crate::heap::{alloc_with_header, field, set_field, set_ref};

/// The items of list `l` (empty for a null list).
pub unsafe fn items<'a>(l: *const u8) -> &'a [i64] {
    if l.is_null() {
        return &[];
    }
    let arr = field(l, LIST_ITEMS) as *const u8;
    let len = usize::try_from(field(l, LIST_LENGTH)).unwrap_or(0);
    if arr.is_null() || len == 0 {
        return &[];
    }
    std::slice::from_raw_parts(arr.offset(ARRAY_ITEMS as isize) as *const i64, len)
}

/// The items of list `l` that a new list made by [`rpy_list_new`] lets one write.
pub unsafe fn items_mut<'a>(l: *mut u8) -> &'a mut [i64] {
    let s = items(l);
    std::slice::from_raw_parts_mut(s.as_ptr() as *mut i64, s.len())
}

/// Whether the items of list `l` are references (its header says so; see
/// [`rpy_list_new`]).
pub unsafe fn holds_refs(l: *const u8) -> bool {
    !l.is_null() && info(header(l)) == ARRAY_REFS
}

/// A new array with room for `capacity` items, or null with MemoryError pending.
unsafe fn alloc_array(capacity: usize, refs: bool) -> *mut u8 {
    let size = capacity
        .checked_mul(8)
        .and_then(|n| n.checked_add(ARRAY_ITEMS as usize));
    let Some(size) = size else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let kind = if refs { ARRAY_REFS } else { ARRAY_PLAIN };
    let arr = alloc_with_header(size, make_tid(Tid::Array, kind));
    if !arr.is_null() {
        set_field(arr, ARRAY_CAPACITY, capacity as i64);
    }
    arr
}

/// A new list of `length` zeroed items (capacity `length`); `refs` (0 or 1) says
/// whether its items are references the collector must follow.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_new(length: i64, refs: i64) -> *mut u8 {
    let refs = refs != 0;
    let Ok(length) = usize::try_from(length) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let arr = alloc_array(length, refs);
    if arr.is_null() {
        return arr;
    }
    let kind = if refs { ARRAY_REFS } else { ARRAY_PLAIN };
    let l = alloc_with_header(LIST_SIZE as usize, make_tid(Tid::List, kind));
    if !l.is_null() {
        set_field(l, LIST_LENGTH, length as i64);
        set_field(l, LIST_ITEMS, arr as i64);
    }
    l
}

/// A new list holding `src` (references when `refs`).
pub unsafe fn list_from_items(src: &[i64], refs: bool) -> *mut u8 {
    let l = rpy_list_new(src.len() as i64, refs as i64);
    if !l.is_null() {
        items_mut(l).copy_from_slice(src);
    }
    l
}

/// Makes room for at least `min_capacity` items, over-allocating as CPython does;
/// the length does not change.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_grow(l: *mut u8, min_capacity: i64) {
    if l.is_null() {
        return;
    }
    let old = field(l, LIST_ITEMS) as *mut u8;
    let old_cap = if old.is_null() {
        0
    } else {
        field(old, ARRAY_CAPACITY).max(0) as usize
    };
    let Ok(min) = usize::try_from(min_capacity) else {
        return;
    };
    if min <= old_cap {
        return;
    }
    let Some(new_cap) = min.checked_add((min >> 3) + 6).map(|n| n & !3) else {
        raise_memory_error();
        return;
    };
    let arr = alloc_array(new_cap, holds_refs(l));
    if arr.is_null() {
        return;
    }
    if old_cap > 0 {
        std::ptr::copy_nonoverlapping(
            old.offset(ARRAY_ITEMS as isize),
            arr.offset(ARRAY_ITEMS as isize),
            old_cap * 8,
        );
    }
    set_ref(l, LIST_ITEMS, arr as i64);
}

/// `a + b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    let (x, y) = (items(a), items(b));
    let Some(len) = x.len().checked_add(y.len()) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let refs = holds_refs(a) || holds_refs(b);
    let l = rpy_list_new(len as i64, refs as i64);
    if !l.is_null() {
        let d = items_mut(l);
        d[..x.len()].copy_from_slice(x);
        d[x.len()..].copy_from_slice(y);
    }
    l
}

/// `l * n` (empty for `n <= 0`).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_mul(l: *mut u8, n: i64) -> *mut u8 {
    let x = items(l);
    let n = n.max(0) as usize;
    let Some(len) = x
        .len()
        .checked_mul(n)
        .filter(|&len| len <= (i64::MAX / 8) as usize)
    else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let r = rpy_list_new(len as i64, holds_refs(l) as i64);
    if !r.is_null() && len > 0 {
        for chunk in items_mut(r).chunks_exact_mut(x.len()) {
            chunk.copy_from_slice(x);
        }
    }
    r
}

/// `list(l)`: a shallow copy.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_copy(l: *mut u8) -> *mut u8 {
    list_from_items(items(l), holds_refs(l))
}
