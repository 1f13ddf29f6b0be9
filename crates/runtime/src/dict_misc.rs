//! Helpers that generated code for dicts and sets uses around the table itself: joining
//! the pieces of a `repr` (built as a list of strs, so a large dict prints in linear
//! time) and sorting key slots for `sorted(d)` / `sorted(s)`.

use crate::abi::ItemKind;
use crate::list::{items, items_mut};
use crate::list_compare::{item_cmp, item_kind};
use crate::strobj::{alloc_str, chars, latin1_data, ucs4_data, Chars};
use std::cmp::Ordering;

/// The concatenation of the strs in list `l`.
#[no_mangle]
pub unsafe extern "C" fn rpy_concat_strs(l: *mut u8) -> *mut u8 {
    let parts: Vec<Chars> = items(l).iter().map(|&p| chars(p as *const u8)).collect();
    let len: usize = parts.iter().map(|c| c.len()).sum();
    let narrow = parts.iter().all(|c| match c {
        Chars::Latin1(_) => true,
        Chars::Ucs4(w) => w.iter().all(|&x| x < 256),
    });
    let s = alloc_str(len, if narrow { 1 } else { 4 });
    if s.is_null() || len == 0 {
        return s;
    }
    let mut k = 0;
    if narrow {
        let d = latin1_data(s, len);
        for c in &parts {
            for x in c.iter() {
                d[k] = x as u8;
                k += 1;
            }
        }
    } else {
        let d = ucs4_data(s, len);
        for c in &parts {
            for x in c.iter() {
                d[k] = x;
                k += 1;
            }
        }
    }
    s
}

/// Sorts the items of list `l` (of `abi::ItemKind` `kind`) in place, stably, in
/// Python's order (unordered floats, NaNs, compare as equal).
#[no_mangle]
pub unsafe extern "C" fn rpy_sort_slots(l: *mut u8, kind: i64) {
    let k = item_kind(kind);
    let xs = items_mut(l);
    match k {
        ItemKind::Int | ItemKind::Bool => xs.sort(),
        _ => xs.sort_by(|&a, &b| item_cmp(a, b, k).unwrap_or(Ordering::Equal)),
    }
}
