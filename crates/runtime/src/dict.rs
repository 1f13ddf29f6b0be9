//! Dicts and sets: CPython's compact, insertion-ordered hash table.
//!
//! Layout (see `abi`): `{ hdr, length, used, entries, indices, kind }`. `entries` holds
//! `{hash, key, value}` words in insertion order; `indices` is an open-addressing table
//! of `2^k` slots (0 empty, -1 deleted, `i + 1` for entry `i`) probed as CPython does
//! (`i = (5 i + perturb + 1) & mask`, `perturb >>= 5`). At most two thirds of the slots
//! are used; when the entries array is full the table is rebuilt for `3 * length`
//! slots, which also drops deleted entries (compaction keeps the order).
//!
//! Division of labour with generated code:
//! - The runtime owns the table mechanics: hashing keys of the simple kinds (int,
//!   float, str, identity: `abi::KeyKind`, stored in the dict), probing, insertion,
//!   deletion, resizing and copying. Lookups of these keys never allocate.
//! - Generated code owns the values: a lookup returns an entry index, and the value
//!   word `entries[3 i + 2]` is loaded or stored inline with its low-level type; `len`
//!   and iteration (walking `entries` up to `used`, skipping deleted entries) are inline
//!   too, so the JIT will see through them.
//! - Keys that need user hashing or equality (`KeyKind::Custom`: tuples, instances with
//!   `__eq__`/`__hash__`): generated code computes the hash, asks [`rpy_dict_probe`] for
//!   the successive entries whose stored hash matches, compares the keys itself (a user
//!   `__eq__` may raise; it is ordinary generated code), and inserts a missing key with
//!   [`rpy_dict_insert_hashed`]. The runtime never calls back into generated code, and
//!   resizing needs no hashing since entries keep their hash.
//!
//! Every hash is normalized so that none equals `DELETED_HASH`.

use crate::abi::*;
use crate::exceptions::{raise_memory_error, raise_msg, TYPE_ERROR};
use crate::gc::layout::{
    make_tid, ARRAY_ENTRIES, ARRAY_PLAIN, ENTRIES_KEY_REFS, ENTRIES_VALUE_REFS,
};
use crate::heap::{alloc_obj, alloc_with_header, field, set_field, set_ref};
use crate::list::items;
use crate::strobj::{alloc_str, chars, latin1_data, str_hash, ucs4_data, Chars};
use crate::strops::chars_eq;

const MIN_SLOTS: usize = 8;

/// The bits of a dict's kind word that are its [`KeyKind`]; bit [`VALUE_REFS`] says its
/// values are references.
const KIND_MASK: i64 = 0xff;
pub const VALUE_REFS: i64 = 0x100;

/// The collector's view of a dict's entries array, from the dict's kind word.
fn entries_info(kind: i64) -> u64 {
    let key_refs = matches!(
        KeyKind::from_i64(kind & KIND_MASK),
        KeyKind::Str | KeyKind::Ident | KeyKind::Custom
    );
    ARRAY_ENTRIES
        | if key_refs { ENTRIES_KEY_REFS } else { 0 }
        | if kind & VALUE_REFS != 0 {
            ENTRIES_VALUE_REFS
        } else {
            0
        }
}
const EW: usize = ENTRY_WORDS as usize;

#[inline]
fn normalize(h: i64) -> i64 {
    if h == DELETED_HASH {
        DELETED_HASH + 1
    } else {
        h
    }
}

/// The hash of an int key (also used for identity keys).
#[inline]
pub fn hash_int(x: i64) -> i64 {
    let h = (x as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    normalize((h ^ (h >> 29)) as i64)
}

/// The hash of a float key: equal floats (`0.0`, `-0.0`) hash equal.
#[inline]
pub fn hash_float(bits: i64) -> i64 {
    let f = f64::from_bits(bits as u64);
    hash_int(if f == 0.0 { 0 } else { bits })
}

/// The hash of the 8-byte key slot `key` of `kind` (Custom keys hash as identities).
pub unsafe fn hash_key(key: i64, kind: KeyKind) -> i64 {
    match kind {
        KeyKind::Int => hash_int(key),
        KeyKind::Ident | KeyKind::Custom => hash_int(crate::gc::identity(key as *const u8) as i64),
        KeyKind::Float => hash_float(key),
        KeyKind::Str if key == 0 => hash_int(0x6e6f_6e65),
        KeyKind::Str => normalize(str_hash(key as *mut u8)),
    }
}

/// Whether two key slots of `kind` are equal keys.
pub unsafe fn keys_eq(a: i64, b: i64, kind: KeyKind) -> bool {
    match kind {
        KeyKind::Int | KeyKind::Ident | KeyKind::Custom => a == b,
        KeyKind::Float => a == b || f64::from_bits(a as u64) == f64::from_bits(b as u64),
        KeyKind::Str => {
            a == b || (a != 0 && b != 0 && chars_eq(chars(a as *const u8), chars(b as *const u8)))
        }
    }
}

/// `hash(x)` for a tuple item or other part of a Custom key (`kind` as for keys).
#[no_mangle]
pub unsafe extern "C" fn rpy_hash_item(bits: i64, kind: i64) -> i64 {
    hash_key(bits, KeyKind::from_i64(kind))
}

/// The words of an abi array (empty for null).
unsafe fn words<'a>(arr: *mut u8) -> &'a mut [i64] {
    if arr.is_null() {
        return &mut [];
    }
    let n = field(arr, ARRAY_CAPACITY).max(0) as usize;
    std::slice::from_raw_parts_mut(arr.offset(ARRAY_ITEMS as isize) as *mut i64, n)
}

/// A zeroed array of `n` words, or null with MemoryError pending.
unsafe fn alloc_words(n: usize, info: u64) -> *mut u8 {
    let size = n
        .checked_mul(8)
        .and_then(|b| b.checked_add(ARRAY_ITEMS as usize));
    let Some(size) = size else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let arr = alloc_with_header(size, make_tid(Tid::Array, info));
    if !arr.is_null() {
        set_field(arr, ARRAY_CAPACITY, n as i64);
    }
    arr
}

/// A view of a dict object's fields.
struct Table(*mut u8);

impl Table {
    unsafe fn len(&self) -> i64 {
        field(self.0, DICT_LENGTH)
    }
    unsafe fn used(&self) -> usize {
        field(self.0, DICT_USED).max(0) as usize
    }
    unsafe fn kind(&self) -> KeyKind {
        KeyKind::from_i64(field(self.0, DICT_KIND) & KIND_MASK)
    }
    unsafe fn entries<'a>(&self) -> &'a mut [i64] {
        words(field(self.0, DICT_ENTRIES) as *mut u8)
    }
    unsafe fn indices<'a>(&self) -> &'a mut [i64] {
        words(field(self.0, DICT_INDICES) as *mut u8)
    }

    /// The slot and entry of the key equal to `key` (hash `h`), if present.
    unsafe fn find(&self, key: i64, h: i64, kind: KeyKind) -> Option<(usize, usize)> {
        let (idx, ents) = (self.indices(), self.entries());
        if idx.is_empty() {
            return None;
        }
        let mask = idx.len() - 1;
        let mut perturb = h as u64;
        let mut i = (h as u64 as usize) & mask;
        loop {
            let ix = idx[i];
            if ix == 0 {
                return None;
            }
            if ix > 0 {
                let e = (ix - 1) as usize;
                if ents[EW * e] == h && keys_eq(ents[EW * e + 1], key, kind) {
                    return Some((i, e));
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The first empty or deleted slot on `h`'s probe sequence.
    unsafe fn free_slot(idx: &[i64], h: i64) -> usize {
        let mask = idx.len() - 1;
        let mut perturb = h as u64;
        let mut i = (h as u64 as usize) & mask;
        while idx[i] > 0 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    /// Rebuilds the table for at least `min_slots` slots, compacting the entries.
    /// False with MemoryError pending on failure (the dict is unchanged then).
    unsafe fn resize(&self, min_slots: usize) -> bool {
        let mut n = MIN_SLOTS;
        while n < min_slots {
            n *= 2;
        }
        let cap = n * 2 / 3;
        let (new_idx, new_ents) = (
            alloc_words(n, ARRAY_PLAIN),
            alloc_words(cap * EW, entries_info(field(self.0, DICT_KIND))),
        );
        if new_idx.is_null() || new_ents.is_null() {
            return false;
        }
        let (idx, ents) = (words(new_idx), words(new_ents));
        let old = self.entries();
        let mut k = 0;
        for e in 0..self.used() {
            let h = old[EW * e];
            if h == DELETED_HASH {
                continue;
            }
            ents[EW * k..EW * k + EW].copy_from_slice(&old[EW * e..EW * e + EW]);
            idx[Self::free_slot(idx, h)] = k as i64 + 1;
            k += 1;
        }
        set_ref(self.0, DICT_ENTRIES, new_ents as i64);
        set_ref(self.0, DICT_INDICES, new_idx as i64);
        set_field(self.0, DICT_USED, k as i64);
        set_field(self.0, DICT_LENGTH, k as i64);
        true
    }

    /// Appends a new entry for a key known to be absent; its index, or -1 with
    /// MemoryError pending.
    unsafe fn insert_new(&self, key: i64, h: i64) -> i64 {
        let cap = self.entries().len() / EW;
        if self.used() >= cap && !self.resize((self.len() as usize).saturating_mul(3)) {
            return -1;
        }
        let (idx, ents) = (self.indices(), self.entries());
        let e = self.used();
        idx[Self::free_slot(idx, h)] = e as i64 + 1;
        crate::gc::write_barrier(field(self.0, DICT_ENTRIES) as *mut u8);
        ents[EW * e] = h;
        ents[EW * e + 1] = key;
        ents[EW * e + 2] = 0;
        set_field(self.0, DICT_USED, e as i64 + 1);
        set_field(self.0, DICT_LENGTH, self.len() + 1);
        e as i64
    }
}

/// A new empty dict (or set) whose keys are of `kind` (`abi::KeyKind`).
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_new(kind: i64) -> *mut u8 {
    let d = alloc_obj(DICT_SIZE as usize, Tid::Dict);
    if !d.is_null() {
        set_field(d, DICT_KIND, kind);
    }
    d
}

/// The entry index of `key` in `d`, or -1 when absent (Custom dicts: always -1).
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_lookup(d: *mut u8, key: i64) -> i64 {
    if d.is_null() {
        return -1;
    }
    let t = Table(d);
    let kind = t.kind();
    if kind == KeyKind::Custom {
        return -1;
    }
    match t.find(key, hash_key(key, kind), kind) {
        Some((_, e)) => e as i64,
        None => -1,
    }
}

/// The entry index of `key` in `d`, inserting it (with a zero value) when absent;
/// -1 with an exception pending on failure.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_store(d: *mut u8, key: i64) -> i64 {
    if d.is_null() {
        raise_msg(
            TYPE_ERROR,
            "'NoneType' object does not support item assignment",
        );
        return -1;
    }
    let t = Table(d);
    let kind = t.kind();
    let h = hash_key(key, kind);
    match t.find(key, h, kind) {
        Some((_, e)) => e as i64,
        None => t.insert_new(key, h),
    }
}

/// The next entry, along `hash`'s probe sequence, whose stored hash is `hash`; -1 at the
/// end of the sequence. `state` is three words that the caller zeroes before the first
/// call of a lookup and passes unchanged to the next ones.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_probe(d: *mut u8, hash: i64, state: *mut i64) -> i64 {
    if d.is_null() || state.is_null() {
        return -1;
    }
    let t = Table(d);
    let (idx, ents) = (t.indices(), t.entries());
    if idx.is_empty() {
        return -1;
    }
    let h = normalize(hash);
    let mask = idx.len() - 1;
    let st = std::slice::from_raw_parts_mut(state, 3);
    let (mut i, mut perturb) = if st[2] == 0 {
        ((h as u64 as usize) & mask, h as u64)
    } else {
        let p = (st[1] as u64) >> 5;
        (
            ((st[0] as usize)
                .wrapping_mul(5)
                .wrapping_add(p as usize)
                .wrapping_add(1))
                & mask,
            p,
        )
    };
    loop {
        let ix = idx[i];
        if ix == 0 {
            return -1;
        }
        if ix > 0 && ents[EW * (ix - 1) as usize] == h {
            st[0] = i as i64;
            st[1] = perturb as i64;
            st[2] = 1;
            return ix - 1;
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
    }
}

/// Inserts `key`, known to be absent, with hash `hash` (Custom dicts); its entry index,
/// or -1 with an exception pending.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_insert_hashed(d: *mut u8, hash: i64, key: i64) -> i64 {
    if d.is_null() {
        raise_msg(
            TYPE_ERROR,
            "'NoneType' object does not support item assignment",
        );
        return -1;
    }
    Table(d).insert_new(key, normalize(hash))
}

/// Deletes entry `e` (an index a lookup returned).
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_delete(d: *mut u8, e: i64) {
    if d.is_null() || e < 0 {
        return;
    }
    let t = Table(d);
    let (idx, ents) = (t.indices(), t.entries());
    let e = e as usize;
    if e >= t.used() || ents[EW * e] == DELETED_HASH {
        return;
    }
    let h = ents[EW * e];
    let mask = idx.len() - 1;
    let mut perturb = h as u64;
    let mut i = (h as u64 as usize) & mask;
    while idx[i] != e as i64 + 1 {
        if idx[i] == 0 {
            return; // not reachable for a consistent table
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
    }
    idx[i] = -1;
    ents[EW * e] = DELETED_HASH;
    ents[EW * e + 1] = 0;
    ents[EW * e + 2] = 0;
    set_field(d, DICT_LENGTH, t.len() - 1);
}

/// Empties `d`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_clear(d: *mut u8) {
    if d.is_null() {
        return;
    }
    for off in [DICT_LENGTH, DICT_USED, DICT_ENTRIES, DICT_INDICES] {
        set_field(d, off, 0);
    }
}

/// A shallow copy of `d` (same order, same kind); null with MemoryError pending.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_copy(d: *mut u8) -> *mut u8 {
    if d.is_null() {
        return rpy_dict_new(0);
    }
    let t = Table(d);
    let c = rpy_dict_new(field(d, DICT_KIND));
    if c.is_null() || t.len() == 0 {
        return c;
    }
    // Share the source arrays for a moment; `resize` builds fresh ones from them.
    for off in [DICT_LENGTH, DICT_USED, DICT_ENTRIES] {
        set_field(c, off, field(d, off));
    }
    if !Table(c).resize((t.len() as usize) * 3 / 2 + 1) {
        return std::ptr::null_mut();
    }
    c
}

/// The index of the last live entry of `d` (what `popitem` removes), or -1 if empty.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_last(d: *mut u8) -> i64 {
    if d.is_null() {
        return -1;
    }
    let t = Table(d);
    let ents = t.entries();
    (0..t.used())
        .rev()
        .find(|&e| ents[EW * e] != DELETED_HASH)
        .map_or(-1, |e| e as i64)
}

/// The live entries of `d` as `(key, value)` slot pairs, in order (for tests and helpers).
pub unsafe fn live_entries(d: *mut u8) -> Vec<(i64, i64)> {
    if d.is_null() {
        return vec![];
    }
    let t = Table(d);
    let ents = t.entries();
    (0..t.used())
        .filter(|&e| ents[EW * e] != DELETED_HASH)
        .map(|e| (ents[EW * e + 1], ents[EW * e + 2]))
        .collect()
}

/// The concatenation of the strs in list `l` (the pieces of a generated `repr`, joined
/// in one pass so a large dict prints in linear time).
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
