//! Dicts and sets: insertion, lookup, growth, deletion and re-insertion order, the
//! Custom-key protocol (probe + insert with a hash), copy, clear, popitem's entry,
//! joining repr pieces.

use super::*;
use crate::abi::*;
use crate::dict::*;
use crate::list::list_from_items;

fn keys(d: *mut u8) -> Vec<i64> {
    unsafe { live_entries(d).into_iter().map(|(k, _)| k).collect() }
}

fn set(d: *mut u8, key: i64, value: i64) {
    unsafe {
        let e = rpy_dict_store(d, key);
        assert!(e >= 0);
        let ents = field(d, DICT_ENTRIES) as *mut u8;
        crate::heap::set_field(ents, ARRAY_ITEMS + 8 * (3 * e + 2), value);
    }
}

fn get(d: *mut u8, key: i64) -> Option<i64> {
    unsafe {
        let e = rpy_dict_lookup(d, key);
        (e >= 0).then(|| {
            field(
                field(d, DICT_ENTRIES) as *const u8,
                ARRAY_ITEMS + 8 * (3 * e + 2),
            )
        })
    }
}

#[test]
fn int_keys_growth_and_order() {
    let _g = lock();
    unsafe {
        let d = rpy_dict_new(KeyKind::Int as i64);
        assert_eq!(*(d as *const u64), Tid::Dict as u64);
        assert_eq!(rpy_dict_lookup(d, 5), -1);
        for i in 0..1000 {
            set(d, i * 7919 % 1000, i);
        }
        assert_eq!(field(d, DICT_LENGTH), 1000);
        for i in 0..1000 {
            assert_eq!(get(d, i * 7919 % 1000), Some(i));
        }
        assert_eq!(get(d, 1000), None);
        let order: Vec<i64> = (0..1000).map(|i| i * 7919 % 1000).collect();
        assert_eq!(keys(d), order);
        // Overwriting keeps the position.
        set(d, order[0], -1);
        assert_eq!(keys(d)[0], order[0]);
        assert_eq!(get(d, order[0]), Some(-1));
        let slots = field(field(d, DICT_INDICES) as *const u8, ARRAY_CAPACITY);
        assert!(slots.count_ones() == 1 && slots * 2 / 3 >= 1000);
    }
}

#[test]
fn deletion_and_reinsertion_order() {
    let _g = lock();
    unsafe {
        let d = rpy_dict_new(KeyKind::Int as i64);
        for k in [10, 20, 30, 40] {
            set(d, k, k * 2);
        }
        rpy_dict_delete(d, rpy_dict_lookup(d, 20));
        assert_eq!(keys(d), vec![10, 30, 40]);
        assert_eq!(field(d, DICT_LENGTH), 3);
        assert_eq!(get(d, 20), None);
        set(d, 20, 1);
        assert_eq!(keys(d), vec![10, 30, 40, 20]);
        // Many deletions and insertions: compaction keeps the order.
        for i in 0..10_000 {
            set(d, 100 + i, i);
            rpy_dict_delete(d, rpy_dict_lookup(d, 100 + i));
        }
        assert_eq!(keys(d), vec![10, 30, 40, 20]);
        assert_eq!(get(d, 40), Some(80));
        assert!(field(d, DICT_USED) < 100);
        assert_eq!(rpy_dict_last(d), rpy_dict_lookup(d, 20));
        rpy_dict_delete(d, -1);
        rpy_dict_clear(d);
        assert_eq!((field(d, DICT_LENGTH), rpy_dict_last(d)), (0, -1));
        set(d, 7, 7);
        assert_eq!(keys(d), vec![7]);
    }
}

#[test]
fn str_float_ident_keys() {
    let _g = lock();
    unsafe {
        let d = rpy_dict_new(KeyKind::Str as i64);
        let (a1, a2, b) = (s("abc"), s("abc"), s("h\u{e9}\u{1F600}"));
        set(d, a1 as i64, 1);
        set(d, b as i64, 2);
        set(d, 0, 3); // None
        assert_eq!(get(d, a2 as i64), Some(1));
        assert_eq!(get(d, s("h\u{e9}\u{1F600}") as i64), Some(2));
        assert_eq!(get(d, 0), Some(3));
        assert_eq!(get(d, s("") as i64), None);
        assert_eq!(keys(d), vec![a1 as i64, b as i64, 0]);

        let f = rpy_dict_new(KeyKind::Float as i64);
        set(f, 0.0f64.to_bits() as i64, 1);
        assert_eq!(get(f, (-0.0f64).to_bits() as i64), Some(1));
        let nan = f64::NAN.to_bits() as i64;
        set(f, nan, 2);
        assert_eq!(get(f, nan), Some(2));
        assert_eq!(field(f, DICT_LENGTH), 2);

        let i = rpy_dict_new(KeyKind::Ident as i64);
        set(i, a1 as i64, 1);
        assert_eq!(get(i, a2 as i64), None);
        assert_eq!(get(i, a1 as i64), Some(1));
    }
}

#[test]
fn custom_protocol() {
    let _g = lock();
    unsafe {
        // Keys are pairs (x, y) stored as x * 1000 + y; the "user hash" collides often.
        let d = rpy_dict_new(KeyKind::Custom as i64);
        let hash = |k: i64| k % 7;
        let find = |k: i64| -> i64 {
            let mut st = [0i64; 3];
            loop {
                let e = rpy_dict_probe(d, hash(k), st.as_mut_ptr());
                if e < 0 {
                    return -1;
                }
                let ents = field(d, DICT_ENTRIES) as *const u8;
                if field(ents, ARRAY_ITEMS + 8 * (3 * e + 1)) == k {
                    return e;
                }
            }
        };
        for k in 0..200 {
            assert_eq!(find(k), -1);
            assert_eq!(rpy_dict_insert_hashed(d, hash(k), k), k);
        }
        for k in 0..200 {
            assert_eq!(find(k), k);
        }
        rpy_dict_delete(d, find(3));
        assert_eq!(find(3), -1);
        assert_eq!(find(10), 10);
        assert_eq!(rpy_dict_lookup(d, 10), -1);
        let c = rpy_dict_copy(d);
        assert_eq!(keys(c), keys(d));
        assert_eq!(field(c, DICT_KIND), KeyKind::Custom as i64);
        // DELETED_HASH is never a stored hash.
        let e = rpy_dict_insert_hashed(d, DELETED_HASH, 5000);
        assert_ne!(
            field(field(d, DICT_ENTRIES) as *const u8, ARRAY_ITEMS + 8 * 3 * e),
            DELETED_HASH
        );
    }
}

#[test]
fn copy_is_independent() {
    let _g = lock();
    unsafe {
        let d = rpy_dict_new(KeyKind::Int as i64);
        for k in 0..50 {
            set(d, k, k);
        }
        rpy_dict_delete(d, rpy_dict_lookup(d, 0));
        let c = rpy_dict_copy(d);
        set(c, 100, 1);
        set(d, 0, 5);
        assert_eq!(keys(c), (1..50).chain([100]).collect::<Vec<_>>());
        assert_eq!(get(c, 0), None);
        assert_eq!(get(d, 100), None);
        assert_eq!(get(c, 49), Some(49));
        let e = rpy_dict_copy(rpy_dict_new(0));
        assert_eq!(field(e, DICT_LENGTH), 0);
    }
}

#[test]
fn concat_pieces() {
    let _g = lock();
    unsafe {
        let l = list_from_items(
            &[
                s("{") as i64,
                s("'a'") as i64,
                s(": \u{263a}") as i64,
                s("}") as i64,
            ],
            true,
        );
        assert_eq!(text(rpy_concat_strs(l)), "{'a': \u{263a}}");
    }
}
