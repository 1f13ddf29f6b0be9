//! Lists: creation, growth, concatenation, repetition, copying, repr, comparisons,
//! membership, min/max.

use super::*;
use crate::abi::*;
use crate::list::*;
use crate::list_compare::*;
use crate::list_repr::rpy_list_repr;

const INT: i64 = ItemKind::Int as i64;
const FLOAT: i64 = ItemKind::Float as i64;
const BOOL: i64 = ItemKind::Bool as i64;
const STR: i64 = ItemKind::Str as i64;

fn ints(v: &[i64]) -> *mut u8 {
    unsafe { list_from_items(v, false) }
}

fn floats(v: &[f64]) -> *mut u8 {
    ints(&v.iter().map(|x| x.to_bits() as i64).collect::<Vec<_>>())
}

fn strs(v: &[&str]) -> *mut u8 {
    ints(&v.iter().map(|t| s(t) as i64).collect::<Vec<_>>())
}

fn capacity(l: *mut u8) -> i64 {
    unsafe { field(field(l, LIST_ITEMS) as *const u8, ARRAY_CAPACITY) }
}

#[test]
fn new_grow_concat_mul_copy() {
    let _g = lock();
    unsafe {
        let l = rpy_list_new(3, 0);
        assert_eq!((items(l).to_vec(), capacity(l)), (vec![0, 0, 0], 3));
        assert_eq!(*(field(l, LIST_ITEMS) as *const u64), Tid::Array as u64);
        assert_eq!(*(l as *const u64), Tid::List as u64);
        items_mut(l).copy_from_slice(&[1, 2, 3]);
        rpy_list_grow(l, 4);
        assert_eq!((items(l).to_vec(), capacity(l)), (vec![1, 2, 3], 8)); // (4 + 0 + 6) & !3
        rpy_list_grow(l, 5);
        assert_eq!(capacity(l), 8, "enough room already");
        rpy_list_grow(l, 100);
        assert_eq!((items(l).to_vec(), capacity(l)), (vec![1, 2, 3], 116));
        assert_eq!(items(rpy_list_new(0, 0)).len(), 0);
        assert!(rpy_list_new(-1, 0).is_null());
        expect_exc("MemoryError", "");
        assert!(rpy_list_new(1 << 61, 0).is_null());
        expect_exc("MemoryError", "");
        let c = rpy_list_concat(ints(&[1, 2]), ints(&[3]));
        assert_eq!(items(c), &[1, 2, 3]);
        assert_eq!(items(rpy_list_mul(ints(&[1, 2]), 3)), &[1, 2, 1, 2, 1, 2]);
        assert_eq!(items(rpy_list_mul(ints(&[1, 2]), -1)).len(), 0);
        assert_eq!(items(rpy_list_mul(ints(&[]), 1000)).len(), 0);
        assert!(rpy_list_mul(ints(&[1, 2]), i64::MAX).is_null());
        expect_exc("MemoryError", "");
        let orig = ints(&[4, 5]);
        let copy = rpy_list_copy(orig);
        items_mut(orig)[0] = 9;
        assert_eq!(items(copy), &[4, 5]);
    }
}

#[test]
fn repr_by_kind() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_list_repr(ints(&[1, -2, 3]), INT)), "[1, -2, 3]");
        assert_eq!(text(rpy_list_repr(ints(&[]), INT)), "[]");
        assert_eq!(
            text(rpy_list_repr(
                floats(&[1.5, f64::INFINITY, 1e16, -0.0]),
                FLOAT
            )),
            "[1.5, inf, 1e+16, -0.0]"
        );
        assert_eq!(text(rpy_list_repr(ints(&[1, 0]), BOOL)), "[True, False]");
        assert_eq!(
            text(rpy_list_repr(strs(&["a", "it's", "€\n"]), STR)),
            "['a', \"it's\", '€\\n']"
        );
    }
}

#[test]
fn equality_and_ordering() {
    let _g = lock();
    unsafe {
        assert_eq!(rpy_list_eq(ints(&[1, 2]), ints(&[1, 2]), INT), 1);
        assert_eq!(rpy_list_eq(ints(&[1, 2]), ints(&[1]), INT), 0);
        assert_eq!(rpy_list_eq(floats(&[0.0]), floats(&[-0.0]), FLOAT), 1);
        assert_eq!(
            rpy_list_eq(floats(&[f64::NAN]), floats(&[f64::NAN]), FLOAT),
            0
        );
        assert_eq!(rpy_list_eq(strs(&["a", "b"]), strs(&["a", "b"]), STR), 1);
        assert_eq!(rpy_list_cmp(ints(&[1, 2]), ints(&[1, 3]), INT), -1);
        assert_eq!(rpy_list_cmp(ints(&[1, 2]), ints(&[1]), INT), 1);
        assert_eq!(rpy_list_cmp(ints(&[]), ints(&[]), INT), 0);
        assert_eq!(rpy_list_cmp(strs(&["b"]), strs(&["a", "z"]), STR), 1);
        assert_eq!(
            rpy_list_cmp(floats(&[1.0, 2.0]), floats(&[1.0, f64::INFINITY]), FLOAT),
            -1
        );
        // [nan] vs [1.0]: every ordering is false, as in Python.
        let (a, b) = (floats(&[f64::NAN]), floats(&[1.0]));
        let ops: Vec<i64> = (0..6).map(|op| rpy_list_richcmp(a, b, FLOAT, op)).collect();
        assert_eq!(ops, [0, 0, 0, 1, 0, 0]);
        let ops: Vec<i64> = (0..6)
            .map(|op| rpy_list_richcmp(ints(&[1]), ints(&[1, 0]), INT, op))
            .collect();
        assert_eq!(ops, [1, 1, 0, 1, 0, 0]);
    }
}

#[test]
fn contains_and_minmax() {
    let _g = lock();
    unsafe {
        assert_eq!(rpy_list_contains(ints(&[1, 2]), 2, INT), 1);
        assert_eq!(rpy_list_contains(ints(&[1, 2]), 3, INT), 0);
        assert_eq!(
            rpy_list_contains(floats(&[-0.0]), 0f64.to_bits() as i64, FLOAT),
            1
        );
        assert_eq!(
            rpy_list_contains(floats(&[f64::NAN]), f64::NAN.to_bits() as i64, FLOAT),
            0
        );
        assert_eq!(rpy_list_contains(strs(&["ab", "c"]), s("c") as i64, STR), 1);
        assert_eq!(rpy_list_minmax(ints(&[3, 9, 1, 9]), INT, 1), 9);
        assert_eq!(rpy_list_minmax(ints(&[3, 9, 1, 1]), INT, 0), 1);
        let f = |l, m| f64::from_bits(rpy_list_minmax(l, FLOAT, m) as u64);
        assert!(f(floats(&[f64::NAN, 1.0, 5.0]), 1).is_nan());
        assert_eq!(f(floats(&[1.0, f64::NAN, 5.0]), 1), 5.0);
        assert_eq!(f(floats(&[1.0, f64::NAN, 0.5]), 0), 0.5);
        assert!(
            f(floats(&[0.0, -0.0]), 1).is_sign_positive(),
            "first of equal extremes"
        );
        assert!(
            f(floats(&[-0.0, 0.0]), 0).is_sign_negative(),
            "first of equal extremes"
        );
        let l = strs(&["b", "abc", "c", "a"]);
        assert_eq!(text(rpy_list_minmax(l, STR, 1) as *const u8), "c");
        assert_eq!(text(rpy_list_minmax(l, STR, 0) as *const u8), "a");
        rpy_list_minmax(ints(&[]), INT, 1);
        expect_exc("ValueError", "max() arg is an empty sequence");
        rpy_list_minmax(ints(&[]), INT, 0);
        expect_exc("ValueError", "min() arg is an empty sequence");
    }
}
