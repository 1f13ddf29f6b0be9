//! Comparing lists and their items by element kind (`abi::ItemKind`): `==`,
//! ordering, `in`, and `min`/`max`. Floats compare by value (`0.0 == -0.0`,
//! NaN unequal to everything), strs by code points.

use crate::abi::ItemKind;
use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::list::items;
use crate::strobj::chars;
use crate::strops::{chars_cmp, chars_eq};
use std::cmp::Ordering;

/// The element kind for the `kind` argument of the list helpers (unknown → Int).
pub fn item_kind(kind: i64) -> ItemKind {
    match kind {
        1 => ItemKind::Float,
        2 => ItemKind::Bool,
        3 => ItemKind::Str,
        4 => ItemKind::Ref,
        _ => ItemKind::Int,
    }
}

/// Python's `a == b` for two items of `kind`.
pub unsafe fn item_eq(a: i64, b: i64, kind: ItemKind) -> bool {
    match kind {
        ItemKind::Int | ItemKind::Bool | ItemKind::Ref => a == b,
        ItemKind::Float => f64::from_bits(a as u64) == f64::from_bits(b as u64),
        ItemKind::Str => a == b || chars_eq(chars(a as *const u8), chars(b as *const u8)),
    }
}

/// The order of two items (None when unordered, i.e. a float NaN is involved).
pub unsafe fn item_cmp(a: i64, b: i64, kind: ItemKind) -> Option<Ordering> {
    match kind {
        ItemKind::Int | ItemKind::Bool => Some(a.cmp(&b)),
        ItemKind::Ref => None,
        ItemKind::Float => f64::from_bits(a as u64).partial_cmp(&f64::from_bits(b as u64)),
        ItemKind::Str => Some(chars_cmp(chars(a as *const u8), chars(b as *const u8))),
    }
}

/// `a == b` for lists of `kind`.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_eq(a: *mut u8, b: *mut u8, kind: i64) -> i64 {
    let (x, y) = (items(a), items(b));
    let k = item_kind(kind);
    (x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| item_eq(p, q, k))) as i64
}

/// Python's list comparison: the first differing items decide, else the lengths.
/// None when the deciding items are unordered (NaN).
pub unsafe fn list_order(a: *mut u8, b: *mut u8, kind: i64) -> Option<Ordering> {
    let (x, y) = (items(a), items(b));
    let k = item_kind(kind);
    match x.iter().zip(y).find(|(&p, &q)| !item_eq(p, q, k)) {
        Some((&p, &q)) => item_cmp(p, q, k),
        None => Some(x.len().cmp(&y.len())),
    }
}

/// -1, 0 or 1 as list `a` sorts before, equal to, or after `b` (lexicographically).
/// When the deciding items are unordered (NaN), returns 0; use [`rpy_list_richcmp`]
/// for exact Python results in that case.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_cmp(a: *mut u8, b: *mut u8, kind: i64) -> i64 {
    list_order(a, b, kind).map_or(0, |o| o as i64)
}

/// Python's `a OP b` for lists, OP = 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`,
/// exact also when NaNs are involved (then every ordering comparison is false).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_richcmp(a: *mut u8, b: *mut u8, kind: i64, op: i64) -> i64 {
    let r = match op {
        2 => return rpy_list_eq(a, b, kind),
        3 => return 1 - rpy_list_eq(a, b, kind),
        _ => list_order(a, b, kind),
    };
    let Some(o) = r else { return 0 };
    (match op {
        0 => o.is_lt(),
        1 => o.is_le(),
        4 => o.is_gt(),
        _ => o.is_ge(),
    }) as i64
}

/// `item in l` (`item_bits` is the item's 8-byte slot value).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_contains(l: *mut u8, item_bits: i64, kind: i64) -> i64 {
    let k = item_kind(kind);
    items(l).iter().any(|&x| item_eq(x, item_bits, k)) as i64
}

/// `max(l)` (is_max != 0) or `min(l)`: the slot value of the first extreme item.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_minmax(l: *mut u8, kind: i64, is_max: i64) -> i64 {
    let xs = items(l);
    let Some((&first, rest)) = xs.split_first() else {
        let name = if is_max != 0 { "max" } else { "min" };
        raise_msg(VALUE_ERROR, &format!("{name}() arg is an empty sequence"));
        return 0;
    };
    let k = item_kind(kind);
    let want = if is_max != 0 {
        Ordering::Greater
    } else {
        Ordering::Less
    };
    let mut best = first;
    for &x in rest {
        if item_cmp(x, best, k) == Some(want) {
            best = x;
        }
    }
    best
}
