//! Object allocation for the runtime and the JIT, and raw field access. Allocation goes
//! to the collector ([`crate::gc`]) and never collects: runtime code may hold object
//! pointers across it. Stores of references into objects that existed before the
//! current runtime call go through [`set_ref`] (the write barrier).

use crate::abi::Tid;

/// Allocates `size` zeroed bytes (16-aligned) with header `tid`, without collecting.
/// Raises MemoryError and returns null when `size` is negative, absurd, or unavailable.
#[no_mangle]
pub unsafe extern "C" fn rpy_alloc(size: i64, tid: i64) -> *mut u8 {
    match usize::try_from(size) {
        Ok(s) => crate::gc::alloc(s, tid as u64),
        Err(_) => {
            crate::exceptions::raise_memory_error();
            std::ptr::null_mut()
        }
    }
}

/// Allocates an object of `size` bytes with type id `tid` (see [`rpy_alloc`]).
pub unsafe fn alloc_obj(size: usize, tid: Tid) -> *mut u8 {
    crate::gc::alloc(size, tid as u64)
}

/// Allocates an object whose header carries kind-specific info (see `gc::layout`).
pub unsafe fn alloc_with_header(size: usize, hdr: u64) -> *mut u8 {
    crate::gc::alloc(size, hdr)
}

/// Stores the reference `value` into the field at `off` of `obj`, with the write barrier.
#[inline]
pub unsafe fn set_ref(obj: *mut u8, off: i64, value: i64) {
    crate::gc::write_barrier(obj);
    set_field(obj, off, value);
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
