//! Object allocation. Every object the runtime or generated code creates goes through
//! [`rpy_alloc`], so the precise GC that comes later can replace it in one place. For
//! now memory is zeroed, 8-aligned, and never freed.

use crate::abi::Tid;
use crate::exceptions::raise_memory_error;
use std::alloc::{alloc_zeroed, Layout};

/// Larger requests are refused with MemoryError up front (no allocator would grant them).
const MAX_ALLOC: i64 = 1 << 48;

/// Allocates `size` zeroed bytes (8-aligned) and writes the header `tid`.
/// Raises MemoryError and returns null when `size` is negative, absurd, or unavailable.
#[no_mangle]
pub unsafe extern "C" fn rpy_alloc(size: i64, tid: i64) -> *mut u8 {
    if !(0..=MAX_ALLOC).contains(&size) {
        raise_memory_error();
        return std::ptr::null_mut();
    }
    let rounded = ((size.max(8) + 7) & !7) as usize;
    let Ok(layout) = Layout::from_size_align(rounded, 8) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let p = alloc_zeroed(layout);
    if p.is_null() {
        raise_memory_error();
        return p;
    }
    *(p as *mut u64) = tid as u64;
    p
}

/// Allocates an object of `size` bytes with type id `tid` (see [`rpy_alloc`]).
pub unsafe fn alloc_obj(size: usize, tid: Tid) -> *mut u8 {
    match i64::try_from(size) {
        Ok(s) => rpy_alloc(s, tid as i64),
        Err(_) => {
            raise_memory_error();
            std::ptr::null_mut()
        }
    }
}

/// Reads the 8-byte field at byte offset `off` of object `obj`.
#[inline]
pub unsafe fn field(obj: *const u8, off: i64) -> i64 {
    *(obj.offset(off as isize) as *const i64)
}

/// Writes the 8-byte field at byte offset `off` of object `obj`.
#[inline]
pub unsafe fn set_field(obj: *mut u8, off: i64, value: i64) {
    *(obj.offset(off as isize) as *mut i64) = value;
}
