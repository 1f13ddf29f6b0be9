//! List methods that move or search items: pop, insert, extend, index, count, remove,
//! reverse, and the stable sorts (by the items themselves, or by a parallel list of
//! keys computed by generated code for `sort(key=f)`).

use crate::abi::*;
use crate::exceptions::{raise_msg, INDEX_ERROR, VALUE_ERROR};
use crate::gc::write_barrier;
use crate::heap::{field, set_field};
use crate::list::{items, items_mut, rpy_list_grow};
use crate::list_compare::{item_cmp, item_eq, item_kind};
use std::cmp::Ordering;

unsafe fn set_len(l: *mut u8, n: usize) {
    set_field(l, LIST_LENGTH, n as i64);
}

/// Normalises a Python index into `0..len` (`None` when out of range).
fn index_in(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// `l.pop(i)`: removes and returns item `i` (IndexError as CPython).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_pop(l: *mut u8, i: i64) -> i64 {
    let xs = items_mut(l);
    if xs.is_empty() {
        raise_msg(INDEX_ERROR, "pop from empty list");
        return 0;
    }
    let Some(j) = index_in(i, xs.len()) else {
        raise_msg(INDEX_ERROR, "pop index out of range");
        return 0;
    };
    let v = xs[j];
    xs.copy_within(j + 1.., j);
    set_len(l, xs.len() - 1);
    v
}

/// `del l[i]` (IndexError "list assignment index out of range").
#[no_mangle]
pub unsafe extern "C" fn rpy_list_delitem(l: *mut u8, i: i64) {
    let xs = items_mut(l);
    let Some(j) = index_in(i, xs.len()) else {
        raise_msg(INDEX_ERROR, "list assignment index out of range");
        return;
    };
    xs.copy_within(j + 1.., j);
    set_len(l, xs.len() - 1);
}

/// `l.insert(i, x)`: clamps `i` as CPython does.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_insert(l: *mut u8, i: i64, bits: i64) {
    let len = items(l).len();
    rpy_list_grow(l, len as i64 + 1);
    if !crate::exceptions::exc_pending() {
        let j = if i < 0 {
            (i + len as i64).max(0)
        } else {
            i.min(len as i64)
        } as usize;
        set_len(l, len + 1);
        write_barrier(field(l, LIST_ITEMS) as *mut u8);
        let xs = items_mut(l);
        xs.copy_within(j..len, j + 1);
        xs[j] = bits;
    }
}

/// `l.extend(other)` (also `l += other`); `other` may be `l` itself.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_extend(l: *mut u8, other: *mut u8) {
    let add: Vec<i64> = items(other).to_vec();
    let len = items(l).len();
    rpy_list_grow(l, (len + add.len()) as i64);
    if !crate::exceptions::exc_pending() {
        set_len(l, len + add.len());
        write_barrier(field(l, LIST_ITEMS) as *mut u8);
        items_mut(l)[len..].copy_from_slice(&add);
    }
}

/// `l.index(x)` (ValueError "x is not in list"; the message names no value here).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_index(l: *mut u8, bits: i64, kind: i64) -> i64 {
    let k = item_kind(kind);
    match items(l).iter().position(|&x| item_eq(x, bits, k)) {
        Some(i) => i as i64,
        None => {
            raise_msg(VALUE_ERROR, "list.index(x): x not in list");
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn rpy_list_count(l: *mut u8, bits: i64, kind: i64) -> i64 {
    let k = item_kind(kind);
    items(l).iter().filter(|&&x| item_eq(x, bits, k)).count() as i64
}

/// `l.remove(x)`: the first equal item.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_remove(l: *mut u8, bits: i64, kind: i64) {
    let k = item_kind(kind);
    match items(l).iter().position(|&x| item_eq(x, bits, k)) {
        Some(i) => rpy_list_delitem(l, i as i64),
        None => raise_msg(VALUE_ERROR, "list.remove(x): x not in list"),
    }
}

#[no_mangle]
pub unsafe extern "C" fn rpy_list_reverse(l: *mut u8) {
    items_mut(l).reverse();
}

/// Python's `<` between two keys: unordered pairs (NaN) count as not less.
unsafe fn less(a: i64, b: i64, kind: ItemKind) -> bool {
    item_cmp(a, b, kind) == Some(Ordering::Less)
}

/// A stable merge sort by "a < b" only, as CPython's sort uses `<` alone.
unsafe fn stable_sort(idx: &mut [usize], keys: &[i64], kind: ItemKind, reverse: bool) {
    // `reverse` keeps stability as CPython does: equal items stay in order.
    let mut v: Vec<usize> = idx.to_vec();
    let cmp = |x: &usize, y: &usize| -> Ordering {
        let (a, b) = (keys[*x], keys[*y]);
        let lt = if reverse {
            less(b, a, kind)
        } else {
            less(a, b, kind)
        };
        if lt {
            Ordering::Less
        } else {
            let gt = if reverse {
                less(a, b, kind)
            } else {
                less(b, a, kind)
            };
            if gt {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
    };
    v.sort_by(cmp);
    idx.copy_from_slice(&v);
}

/// `l.sort(reverse=...)` for items of a primitive kind.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_sort(l: *mut u8, kind: i64, reverse: i64) {
    let xs = items_mut(l);
    let keys: Vec<i64> = xs.to_vec();
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    stable_sort(&mut idx, &keys, item_kind(kind), reverse != 0);
    for (dst, &src) in xs.iter_mut().zip(&idx) {
        *dst = keys[src];
    }
}

/// `l.sort(key=f, reverse=...)`: `keys` holds `f(item)` for each item (same length).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_sort_by_keys(l: *mut u8, keys: *mut u8, kind: i64, reverse: i64) {
    let xs = items_mut(l);
    let ks: Vec<i64> = items(keys).to_vec();
    if ks.len() != xs.len() {
        return;
    }
    let vals: Vec<i64> = xs.to_vec();
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    stable_sort(&mut idx, &ks, item_kind(kind), reverse != 0);
    for (dst, &src) in xs.iter_mut().zip(&idx) {
        *dst = vals[src];
    }
}

#[allow(dead_code)]
unsafe fn length(l: *mut u8) -> i64 {
    field(l, LIST_LENGTH)
}
