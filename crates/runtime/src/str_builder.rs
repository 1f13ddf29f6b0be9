//! `rpy.rstring.StringBuilder`: a growable buffer of code points (`abi::Tid::StrBuilder`),
//! so that appends are amortized O(1) and `build()` copies once. The buffer is a str
//! object whose `len` field holds the capacity; it widens from latin-1 to UCS-4 when a
//! wide character arrives.

use crate::abi::*;
use crate::exceptions::raise_msg;
use crate::heap::{alloc_obj, field, set_field};
use crate::strobj::{alloc_str, chars, latin1_data, str_from_chars, ucs4_data, Chars};

unsafe fn raise_assertion(msg: &str) {
    if let Some(i) = builtin_exception_index("AssertionError") {
        raise_msg(i, msg);
    }
}

/// A new builder (`StringBuilder(init_size)`; a negative size means no hint).
#[no_mangle]
pub unsafe extern "C" fn rpy_sb_new(hint: i64) -> *mut u8 {
    let sb = alloc_obj(SB_SIZE as usize, Tid::StrBuilder);
    if sb.is_null() {
        return sb;
    }
    let cap = hint.clamp(16, 1 << 20) as usize;
    let buf = alloc_str(cap, 1);
    if buf.is_null() {
        return buf;
    }
    set_field(sb, SB_BUF, buf as i64);
    sb
}

/// The buffer and the used length of a builder.
unsafe fn parts(sb: *mut u8) -> (*mut u8, usize) {
    let buf = field(sb, SB_BUF) as *mut u8;
    (buf, field(sb, SB_LENGTH).max(0) as usize)
}

/// Makes room for `extra` more code points, widening the buffer when `wide`.
/// Returns false (MemoryError pending) on failure.
unsafe fn reserve(sb: *mut u8, extra: usize, wide: bool) -> bool {
    let (buf, len) = parts(sb);
    let (cap, kind) = (field(buf, STR_LEN) as usize, field(buf, STR_KIND));
    let Some(need) = len.checked_add(extra) else {
        crate::exceptions::raise_memory_error();
        return false;
    };
    let widen = wide && kind == 1;
    if need <= cap && !widen {
        return true;
    }
    let new_cap = if need <= cap {
        cap
    } else {
        need.max(cap.saturating_mul(2))
    };
    let new_kind = if wide || kind == 4 { 4 } else { 1 };
    let nb = alloc_str(new_cap, new_kind);
    if nb.is_null() {
        return false;
    }
    match (kind, new_kind) {
        (1, 1) => latin1_data(nb, len).copy_from_slice(&latin1_data(buf, len)[..]),
        (4, 4) => ucs4_data(nb, len).copy_from_slice(&ucs4_data(buf, len)[..]),
        _ => {
            for (d, &c) in ucs4_data(nb, len)
                .iter_mut()
                .zip(latin1_data(buf, len).iter())
            {
                *d = c as u32;
            }
        }
    }
    crate::heap::set_ref(sb, SB_BUF, nb as i64);
    true
}

/// Appends `n` copies of the code points `cs`.
unsafe fn push(sb: *mut u8, cs: Chars, times: usize) {
    if sb.is_null() || cs.is_empty() || times == 0 {
        return;
    }
    let wide = match cs {
        Chars::Latin1(_) => false,
        Chars::Ucs4(w) => w.iter().any(|&c| c > 0xff),
    };
    let Some(extra) = cs.len().checked_mul(times) else {
        crate::exceptions::raise_memory_error();
        return;
    };
    if !reserve(sb, extra, wide) {
        return;
    }
    let (buf, len) = parts(sb);
    let end = len + extra;
    if field(buf, STR_KIND) == 1 {
        let d = &mut latin1_data(buf, end)[len..];
        for chunk in d.chunks_exact_mut(cs.len()) {
            for (slot, c) in chunk.iter_mut().zip(cs.iter()) {
                *slot = c as u8;
            }
        }
    } else {
        let d = &mut ucs4_data(buf, end)[len..];
        for chunk in d.chunks_exact_mut(cs.len()) {
            for (slot, c) in chunk.iter_mut().zip(cs.iter()) {
                *slot = c;
            }
        }
    }
    set_field(sb, SB_LENGTH, end as i64);
}

/// `sb.append(s)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_sb_append(sb: *mut u8, s: *mut u8) {
    push(sb, chars(s), 1);
}

/// `sb.append_slice(s, start, end)` (RPython requires `0 <= start <= end <= len(s)`).
#[no_mangle]
pub unsafe extern "C" fn rpy_sb_append_slice(sb: *mut u8, s: *mut u8, start: i64, end: i64) {
    let cs = chars(s);
    if !(0 <= start && start <= end && end <= cs.len() as i64) {
        raise_assertion("append_slice: bad bounds");
        return;
    }
    let (a, b) = (start as usize, end as usize);
    let part = match cs {
        Chars::Latin1(x) => Chars::Latin1(&x[a..b]),
        Chars::Ucs4(x) => Chars::Ucs4(&x[a..b]),
    };
    push(sb, part, 1);
}

/// `sb.append_multiple_char(c, times)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_sb_append_multiple_char(sb: *mut u8, c: *mut u8, times: i64) {
    let cs = chars(c);
    if cs.len() != 1 {
        raise_assertion("append_multiple_char: c must be one character");
        return;
    }
    push(sb, cs, times.max(0) as usize);
}

/// `sb.build()`: a new str of everything appended so far.
#[no_mangle]
pub unsafe extern "C" fn rpy_sb_build(sb: *mut u8) -> *mut u8 {
    if sb.is_null() {
        return crate::strobj::empty_str();
    }
    let (buf, len) = parts(sb);
    if field(buf, STR_KIND) == 1 {
        str_from_chars(Chars::Latin1(&latin1_data(buf, len)[..]))
    } else {
        str_from_chars(Chars::Ucs4(&ucs4_data(buf, len)[..]))
    }
}
