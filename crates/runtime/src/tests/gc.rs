//! The collector on runtime objects: minor collections move reachable young objects
//! and keep their contents, the write barrier keeps old-to-young references, cards
//! limit the rescanning of large arrays, major collections free the unreachable.

use super::lock;
use crate::abi::*;
use crate::gc::{self, layout, FLAG_HAS_CARDS};
use crate::heap::{field, set_ref};
use crate::list::{items, items_mut, rpy_list_new};
use crate::strobj::{chars, str_from_rust, Chars};

fn text(s: *mut u8) -> String {
    match unsafe { chars(s) } {
        Chars::Latin1(b) => b.iter().map(|&c| c as char).collect(),
        Chars::Ucs4(u) => u.iter().map(|&c| char::from_u32(c).unwrap()).collect(),
    }
}

/// Collects with `roots` as the only roots (besides the runtime's globals).
unsafe fn collect(roots: &mut [*mut u8]) {
    let slots: Vec<*mut *mut u8> = roots.iter_mut().map(|r| r as *mut *mut u8).collect();
    gc::collect_with_roots(&slots);
}

#[test]
fn minor_collection_moves_reachable_objects_and_keeps_contents() {
    let _g = lock();
    unsafe {
        let l = rpy_list_new(2, 1);
        items_mut(l)[0] = str_from_rust("hello") as i64;
        items_mut(l)[1] = str_from_rust("world") as i64;
        assert!(gc::is_young(l));
        let mut roots = [l];
        collect(&mut roots);
        let l = roots[0];
        assert!(!gc::is_young(l), "the survivor left the nursery");
        let got: Vec<String> = items(l).iter().map(|&s| text(s as *mut u8)).collect();
        assert_eq!(got, ["hello", "world"]);
    }
}

#[test]
fn write_barrier_keeps_old_to_young_references() {
    let _g = lock();
    unsafe {
        let mut roots = [rpy_list_new(1, 1)];
        collect(&mut roots);
        let old = roots[0];
        let arr = field(old, LIST_ITEMS) as *mut u8;
        // A young str stored into the old list's array, with the barrier.
        let young = str_from_rust("young");
        set_ref(arr, ARRAY_ITEMS, young as i64);
        collect(&mut roots);
        let s = items(roots[0])[0] as *mut u8;
        assert!(!gc::is_young(s));
        assert_eq!(text(s), "young");
    }
}

#[test]
fn large_arrays_of_references_get_cards() {
    let _g = lock();
    unsafe {
        let mut roots = [rpy_list_new(4096, 1)];
        collect(&mut roots);
        let arr = field(roots[0], LIST_ITEMS) as *mut u8;
        assert_ne!(layout::header(arr) & FLAG_HAS_CARDS, 0);
        // What generated code does for `lst[3000] = obj`: mark the card, store.
        let young = str_from_rust("carded");
        gc::rpy_gc_wb_card(arr, 3000);
        items_mut(roots[0])[3000] = young as i64;
        let before = gc::gc().stats.cards;
        collect(&mut roots);
        assert_eq!(gc::gc().stats.cards, before + 1, "one card scanned");
        assert_eq!(text(items(roots[0])[3000] as *mut u8), "carded");
    }
}

#[test]
fn identity_survives_a_move() {
    let _g = lock();
    unsafe {
        let s = str_from_rust("id");
        let id = gc::identity(s);
        let mut roots = [s];
        collect(&mut roots);
        assert_eq!(roots[0] as usize, id);
    }
}

#[test]
fn major_collection_frees_unreachable_old_objects() {
    let _g = lock();
    unsafe {
        let mut roots = [rpy_list_new(100, 1), rpy_list_new(100, 1)];
        collect(&mut roots);
        let dropped = roots[1];
        assert!(gc::gc().old.contains(dropped));
        roots[1] = std::ptr::null_mut();
        gc::collect_full_with_roots(&mut roots);
        assert!(
            !gc::gc().old.contains(dropped),
            "the dropped list was swept"
        );
        assert!(gc::gc().old.contains(roots[0]));
        assert_eq!(items(roots[0]).len(), 100);
    }
}
