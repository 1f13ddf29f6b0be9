//! Str objects: reading them as code-point slices ([`Chars`]), making them (always in
//! the narrowest kind), encoding them to UTF-8, and their lazily computed hash.

use crate::abi::*;
use crate::global::Global;
use crate::heap::{alloc_obj, field, set_field};

/// The code points of a str object, borrowed from it.
#[derive(Copy, Clone)]
pub enum Chars<'a> {
    Latin1(&'a [u8]),
    Ucs4(&'a [u32]),
}

impl<'a> Chars<'a> {
    pub fn len(&self) -> usize {
        match self {
            Chars::Latin1(b) => b.len(),
            Chars::Ucs4(w) => w.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code point at `i` (which must be in range).
    #[inline]
    pub fn at(&self, i: usize) -> u32 {
        match self {
            Chars::Latin1(b) => b[i] as u32,
            Chars::Ucs4(w) => w[i],
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let (l, u): (&'a [u8], &'a [u32]) = match *self {
            Chars::Latin1(b) => (b, &[]),
            Chars::Ucs4(w) => (&[], w),
        };
        l.iter().map(|&c| c as u32).chain(u.iter().copied())
    }

    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// A Rust string (code points that are not chars, i.e. surrogates, become U+FFFD).
    pub fn to_string_lossy(&self) -> String {
        self.iter()
            .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
            .collect()
    }
}

/// The code points of str object `s`; a null pointer reads as the empty string.
pub unsafe fn chars<'a>(s: *const u8) -> Chars<'a> {
    if s.is_null() {
        return Chars::Latin1(&[]);
    }
    let len = usize::try_from(field(s, STR_LEN)).unwrap_or(0);
    let data = s.offset(STR_DATA as isize);
    match field(s, STR_KIND) {
        4 => Chars::Ucs4(std::slice::from_raw_parts(data as *const u32, len)),
        1 => Chars::Latin1(std::slice::from_raw_parts(data, len)),
        _ => Chars::Latin1(&[]),
    }
}

/// The empty str, a static object shared by everyone.
static EMPTY_STR: Global<[u64; 4]> = Global::new([Tid::Str as u64 | FLAG_STATIC, 0, 0, 1]);

pub fn empty_str() -> *mut u8 {
    EMPTY_STR.get() as *mut u8
}

/// Allocates a str of `len` code points of `kind` (1 or 4), data zeroed.
/// Returns null with MemoryError pending on failure.
pub unsafe fn alloc_str(len: usize, kind: usize) -> *mut u8 {
    if len == 0 {
        return empty_str();
    }
    let size = len
        .checked_mul(kind)
        .and_then(|n| n.checked_add(STR_DATA as usize));
    let Some(size) = size else {
        crate::exceptions::raise_memory_error();
        return std::ptr::null_mut();
    };
    let s = alloc_obj(size, Tid::Str);
    if !s.is_null() {
        set_field(s, STR_LEN, len as i64);
        set_field(s, STR_KIND, kind as i64);
    }
    s
}

/// Pointer to the data of a str made by [`alloc_str`] with kind 1.
pub unsafe fn latin1_data<'a>(s: *mut u8, len: usize) -> &'a mut [u8] {
    std::slice::from_raw_parts_mut(s.offset(STR_DATA as isize), len)
}

/// Pointer to the data of a str made by [`alloc_str`] with kind 4.
pub unsafe fn ucs4_data<'a>(s: *mut u8, len: usize) -> &'a mut [u32] {
    std::slice::from_raw_parts_mut(s.offset(STR_DATA as isize) as *mut u32, len)
}

/// A new str holding the latin-1 code points `bytes`.
pub unsafe fn str_from_latin1(bytes: &[u8]) -> *mut u8 {
    let s = alloc_str(bytes.len(), 1);
    if !s.is_null() && !bytes.is_empty() {
        latin1_data(s, bytes.len()).copy_from_slice(bytes);
    }
    s
}

/// A new str holding the code points produced by `iter` (`len` of them, all of them
/// below 256 when `narrow`).
unsafe fn str_from_iter(len: usize, narrow: bool, iter: impl Iterator<Item = u32>) -> *mut u8 {
    let s = alloc_str(len, if narrow { 1 } else { 4 });
    if s.is_null() || len == 0 {
        return s;
    }
    if narrow {
        let d = latin1_data(s, len);
        for (slot, c) in d.iter_mut().zip(iter) {
            *slot = c as u8;
        }
    } else {
        let d = ucs4_data(s, len);
        for (slot, c) in d.iter_mut().zip(iter) {
            *slot = c;
        }
    }
    s
}

/// A new str holding `cps`, in the narrowest kind.
pub unsafe fn str_from_code_points(cps: &[u32]) -> *mut u8 {
    let narrow = cps.iter().all(|&c| c < 256);
    str_from_iter(cps.len(), narrow, cps.iter().copied())
}

/// A new str holding the code points of `chars` (any mixture), in the narrowest kind.
pub unsafe fn str_from_chars(chars: Chars) -> *mut u8 {
    match chars {
        Chars::Latin1(b) => str_from_latin1(b),
        Chars::Ucs4(w) => str_from_code_points(w),
    }
}

/// A new str holding the text `text`.
pub unsafe fn str_from_rust(text: &str) -> *mut u8 {
    if text.is_ascii() {
        return str_from_latin1(text.as_bytes());
    }
    let len = text.chars().count();
    let narrow = text.chars().all(|c| (c as u32) < 256);
    str_from_iter(len, narrow, text.chars().map(|c| c as u32))
}

/// Appends the UTF-8 encoding of code point `c` to `out` (surrogates are encoded like
/// other code points, as CPython's "surrogatepass" would).
#[inline]
pub fn push_utf8(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[
            0xe0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xf0 | ((c >> 18) & 0x07) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

/// The UTF-8 encoding of `chars`.
pub fn to_utf8(chars: Chars) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len());
    for c in chars.iter() {
        push_utf8(&mut out, c);
    }
    out
}

/// The hash of a sequence of code points (equal strings hash equal whatever their kind);
/// never 0 (meaning "not computed") nor -1.
pub fn hash_code_points(chars: Chars) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars.iter() {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= chars.len() as u64;
    // splitmix64 finalizer
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    match h as i64 {
        0 => 1,
        -1 => -2,
        v => v,
    }
}

/// The hash of str `s`, cached in the object unless it is static (static data may be
/// read-only).
pub unsafe fn str_hash(s: *mut u8) -> i64 {
    if s.is_null() {
        return hash_code_points(Chars::Latin1(&[]));
    }
    let cached = field(s, STR_HASH);
    if cached != 0 {
        return cached;
    }
    let h = hash_code_points(chars(s));
    if (*(s as *const u64)) & FLAG_STATIC == 0 {
        set_field(s, STR_HASH, h);
    }
    h
}
