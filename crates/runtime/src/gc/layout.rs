//! What the collector needs to know about an object: its size and which of its 8-byte
//! words hold GC references. The header's low byte is the [`Tid`]; bits 8..32 say more
//! for some kinds (the item kind of an array, the shape of a tuple or instance).

use crate::abi::*;
use crate::global::Global;

/// The header bits that name the kind of object.
pub const TID_MASK: u64 = 0xff;
/// Where the kind-specific info starts in the header.
pub const INFO_SHIFT: u32 = 8;
pub const INFO_MASK: u64 = 0xff_ffff;

/// Array info: items are not references (ints, floats, dict indices).
pub const ARRAY_PLAIN: u64 = 0;
/// Array info: every item is a reference (or null).
pub const ARRAY_REFS: u64 = 1;
/// Array info: dict entries `{hash, key, value}`; bit 1: keys are references, bit 2:
/// values are.
pub const ARRAY_ENTRIES: u64 = 8;
pub const ENTRIES_KEY_REFS: u64 = 2;
pub const ENTRIES_VALUE_REFS: u64 = 4;

/// Shape 0: the layout of a builtin exception instance the runtime creates
/// `{hdr, typeptr, msg}`.
static EXC_SHAPE: [i64; 3] = [EXC_SIZE, 1, EXC_MSG];

/// The shapes of tuples and instances, emitted by the backend: entry k points to
/// `[size, nrefs, ref offset...]`. Entry 0 is the builtin exception layout.
static SHAPES: Global<(*const *const i64, usize)> = Global::new((std::ptr::null(), 0));

/// Installs the program's shape table (see [`SHAPES`]).
pub unsafe fn set_shapes(table: *const *const i64, n: usize) {
    *SHAPES.get() = (table, n);
}

/// The header word of an object.
#[inline]
pub unsafe fn header(obj: *const u8) -> u64 {
    *(obj as *const u64)
}

#[inline]
pub fn info(hdr: u64) -> u64 {
    (hdr >> INFO_SHIFT) & INFO_MASK
}

/// A header for an object of kind `tid` with kind-specific `info`.
pub const fn make_tid(tid: Tid, info: u64) -> u64 {
    tid as u64 | (info << INFO_SHIFT)
}

unsafe fn shape(k: u64) -> &'static [i64] {
    let (table, n) = *SHAPES.get();
    if k == 0 || k as usize >= n || table.is_null() {
        return &EXC_SHAPE;
    }
    let p = *table.add(k as usize);
    let nrefs = *p.add(1) as usize;
    std::slice::from_raw_parts(p, 2 + nrefs)
}

/// Whether an old array with this header and capacity gets cards.
pub fn wants_cards(hdr: u64, cap: usize) -> bool {
    hdr & TID_MASK == Tid::Array as u64 && info(hdr) == ARRAY_REFS && cap >= super::CARD_MIN_ITEMS
}

/// The size of the card table of an array of `cap` items.
pub fn card_bytes(cap: usize) -> usize {
    cap.div_ceil(super::CARD_ITEMS)
}

/// The card byte of item `index` of an array with cards.
pub unsafe fn card(arr: *mut u8, index: usize) -> *mut u8 {
    let cap = *(arr.add(ARRAY_CAPACITY as usize) as *const i64) as usize;
    arr.add(ARRAY_ITEMS as usize + 8 * cap + (index >> super::CARD_SHIFT))
}

/// Rounds an allocation request up to the collector's granularity (16 bytes: every
/// object can hold a header and a forwarding address).
#[inline]
pub fn round_size(size: usize) -> usize {
    (size.max(16) + 15) & !15
}

/// The size in bytes of an object (before rounding).
pub unsafe fn size_of(obj: *const u8) -> usize {
    let hdr = header(obj);
    let word = |off: i64| *(obj.offset(off as isize) as *const i64);
    match (hdr & TID_MASK) as u32 {
        t if t == Tid::Str as u32 => {
            let (len, kind) = (
                word(STR_LEN).max(0) as usize,
                word(STR_KIND).max(1) as usize,
            );
            STR_DATA as usize + len * kind
        }
        t if t == Tid::List as u32 => LIST_SIZE as usize,
        t if t == Tid::Array as u32 => {
            let cap = word(ARRAY_CAPACITY).max(0) as usize;
            let cards = if hdr & super::FLAG_HAS_CARDS != 0 {
                card_bytes(cap)
            } else {
                0
            };
            ARRAY_ITEMS as usize + 8 * cap + cards
        }
        t if t == Tid::Tuple as u32 || t == Tid::Instance as u32 => shape(info(hdr))[0] as usize,
        t if t == Tid::StrBuilder as u32 => SB_SIZE as usize,
        t if t == Tid::Dict as u32 => DICT_SIZE as usize,
        _ => 16,
    }
}

/// Calls `f` with the address of every reference word of `obj`.
#[inline]
pub unsafe fn for_each_ref(obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) {
    let hdr = header(obj);
    let at = |off: i64| obj.offset(off as isize) as *mut *mut u8;
    match (hdr & TID_MASK) as u32 {
        t if t == Tid::List as u32 => f(at(LIST_ITEMS)),
        t if t == Tid::Array as u32 => {
            let cap = *(at(ARRAY_CAPACITY) as *const i64);
            let first = at(ARRAY_ITEMS);
            match info(hdr) {
                ARRAY_REFS => {
                    for k in 0..cap.max(0) as usize {
                        f(first.add(k));
                    }
                }
                i if i & ARRAY_ENTRIES != 0 => {
                    let (keys, values) = (i & ENTRIES_KEY_REFS != 0, i & ENTRIES_VALUE_REFS != 0);
                    let n = cap.max(0) as usize / ENTRY_WORDS as usize;
                    for e in 0..n {
                        let base = first.add(e * ENTRY_WORDS as usize);
                        if keys {
                            f(base.add(ENTRY_KEY as usize));
                        }
                        if values {
                            f(base.add(ENTRY_VALUE as usize));
                        }
                    }
                }
                _ => {}
            }
        }
        t if t == Tid::Tuple as u32 || t == Tid::Instance as u32 => {
            for &off in &shape(info(hdr))[2..] {
                f(at(off));
            }
        }
        t if t == Tid::StrBuilder as u32 => f(at(SB_BUF)),
        t if t == Tid::Dict as u32 => {
            f(at(DICT_ENTRIES));
            f(at(DICT_INDICES));
        }
        _ => {}
    }
}
