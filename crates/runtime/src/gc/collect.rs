//! Minor collections (copy the nursery's survivors to the old generation) and major
//! ones (mark and sweep the old generation).

use super::layout::{for_each_ref, header, round_size, size_of};
use super::roots::for_each_root;
use super::*;
use crate::abi::FLAG_STATIC;
use std::time::Instant;

/// A minor collection, then a major one if `full` or the old generation has grown
/// past its threshold.
pub unsafe fn collect(g: &mut Gc, full: bool) {
    let t0 = Instant::now();
    minor(g);
    if full || g.old.bytes > g.major_threshold {
        major(g);
    }
    rpy_gc_requested = 0;
    rpy_gc_nursery_top = g.nursery_end;
    g.stats.peak = g.stats.peak.max(g.old.bytes + g.nursery_size);
    g.stats.time += t0.elapsed();
}

pub fn out_of_memory() -> ! {
    crate::output::flush_stdout();
    eprintln!("MemoryError: the garbage collector could not get memory");
    std::process::exit(1);
}

/// Copies the young object `p` to the old generation (once), returning its new address.
unsafe fn evacuate(g: &mut Gc, gray: &mut Vec<*mut u8>, p: *mut u8) -> *mut u8 {
    let h = header(p);
    if h & FLAG_FORWARDED != 0 {
        return *(p.add(8) as *const *mut u8);
    }
    let size = round_size(size_of(p));
    let cap = *(p.add(crate::abi::ARRAY_CAPACITY as usize) as *const i64) as usize;
    let cards = super::layout::wants_cards(h, cap) && !g.shadows.contains_key(&(p as usize));
    let new_size = if cards {
        round_size(size_of(p) + super::layout::card_bytes(cap))
    } else {
        size
    };
    let q = match g.shadows.remove(&(p as usize)) {
        Some(q) => q as *mut u8,
        None => g.old.alloc(new_size, false),
    };
    if q.is_null() {
        out_of_memory();
    }
    std::ptr::copy_nonoverlapping(p, q, size);
    *(q as *mut u64) = h | FLAG_TRACK_YOUNG;
    if cards {
        *(q as *mut u64) |= FLAG_HAS_CARDS;
        let used = size_of(p);
        std::ptr::write_bytes(q.add(used), 0, new_size - used);
    }
    *(p as *mut u64) = h | FLAG_FORWARDED;
    *(p.add(8) as *mut *mut u8) = q;
    gray.push(q);
    q
}

unsafe fn minor(g: &mut Gc) {
    let used = rpy_gc_nursery_free as usize - g.nursery as usize;
    let mut gray: Vec<*mut u8> = Vec::new();
    let (lo, hi) = (g.nursery as usize, g.nursery_end as usize);
    let young = |p: *mut u8| (p as usize) >= lo && (p as usize) < hi;
    // SAFETY (closures below): slots are valid root or field addresses.
    let update = |g: &mut Gc, gray: &mut Vec<*mut u8>, slot: *mut *mut u8| {
        let p = *slot;
        if young(p) {
            *slot = evacuate(g, gray, p);
        }
    };
    let mut slots = vec![];
    for_each_root(|s| slots.push(s));
    for s in slots {
        update(g, &mut gray, s);
    }
    // Arrays with marked cards: only the items of those cards.
    let carded = std::mem::take(&mut g.carded);
    for &arr in &carded {
        let cap = *(arr.add(crate::abi::ARRAY_CAPACITY as usize) as *const i64) as usize;
        let items = arr.add(crate::abi::ARRAY_ITEMS as usize) as *mut *mut u8;
        for c in 0..super::layout::card_bytes(cap) {
            let cb = super::layout::card(arr, c << super::CARD_SHIFT);
            if *cb != 0 {
                *cb = 0;
                g.stats.cards += 1;
                let end = ((c + 1) << super::CARD_SHIFT).min(cap);
                for k in (c << super::CARD_SHIFT)..end {
                    update(g, &mut gray, items.add(k));
                }
            }
        }
        *(arr as *mut u64) &= !super::FLAG_CARDS_SET;
    }
    g.carded = carded;
    g.carded.clear();
    let remembered = std::mem::take(&mut g.remembered);
    for &obj in &remembered {
        for_each_ref(obj, |s| update(g, &mut gray, s));
        *(obj as *mut u64) |= FLAG_TRACK_YOUNG;
    }
    while let Some(obj) = gray.pop() {
        for_each_ref(obj, |s| update(g, &mut gray, s));
    }
    std::ptr::write_bytes(g.nursery, 0, used);
    rpy_gc_nursery_free = g.nursery;
    g.stats.allocated += used;
    g.stats.minor += 1;
    g.remembered = remembered;
    g.remembered.clear();
    // The shadows of objects that died stay placeholders until a major collection.
    g.shadows.clear();
}

unsafe fn major(g: &mut Gc) {
    let mut stack: Vec<*mut u8> = Vec::new();
    let mark = |stack: &mut Vec<*mut u8>, p: *mut u8| {
        if p.is_null() {
            return;
        }
        let h = p as *mut u64;
        if *h & (FLAG_MARK | FLAG_STATIC) == 0 {
            *h |= FLAG_MARK;
            stack.push(p);
        }
    };
    let mut roots = vec![];
    for_each_root(|s| roots.push(*s));
    for p in roots {
        if g.old.contains(p) {
            mark(&mut stack, p);
        }
    }
    for &s in &g.static_roots {
        for_each_ref(s, |slot| mark(&mut stack, *slot));
    }
    for &p in super::roots::permanent().iter() {
        if g.old.contains(p) {
            mark(&mut stack, p);
        }
    }
    while let Some(obj) = stack.pop() {
        for_each_ref(obj, |slot| mark(&mut stack, *slot));
    }
    let live = g.old.sweep();
    g.major_threshold = ((live as f64 * MAJOR_GROWTH) as usize).max(MIN_MAJOR_THRESHOLD);
    g.stats.major += 1;
}
