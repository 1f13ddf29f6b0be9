//! The pending exception and the helpers that raise, test and clear it.
//!
//! A raising function stores the exception's vtable in [`rpy_exc_type`] and the
//! instance in [`rpy_exc_value`] and returns a dummy value; generated code checks
//! `rpy_exc_type` after every call that can raise. Builtin exception classes are the
//! vtables of the table `rpy_builtin_vtables` that the generated code defines, in the
//! order of [`BUILTIN_EXCEPTIONS`].

use crate::abi::*;
use crate::global::Global;
use crate::heap::{alloc_obj, field, set_field};
use crate::strobj::{empty_str, str_from_rust};
use crate::traceback::clear_traceback;
use std::ffi::{c_char, CStr};
use std::ptr::{null, null_mut};

/// The vtable of the pending exception; null when there is none.
#[no_mangle]
pub static mut rpy_exc_type: *const u8 = null();
/// The pending exception instance.
#[no_mangle]
pub static mut rpy_exc_value: *mut u8 = null_mut();

pub const N_BUILTIN_EXCEPTIONS: usize = BUILTIN_EXCEPTIONS.len();

extern "C" {
    /// Defined by the generated code (and by the unit tests): one vtable per builtin
    /// exception class, in the order of [`BUILTIN_EXCEPTIONS`].
    static rpy_builtin_vtables: [*const u8; N_BUILTIN_EXCEPTIONS];
}

const fn exc_index(name: &str) -> usize {
    let mut i = 0;
    while i < BUILTIN_EXCEPTIONS.len() {
        let n = BUILTIN_EXCEPTIONS[i].0.as_bytes();
        let w = name.as_bytes();
        if n.len() == w.len() {
            let mut j = 0;
            while j < n.len() && n[j] == w[j] {
                j += 1;
            }
            if j == n.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("unknown builtin exception")
}

pub const ZERO_DIVISION_ERROR: usize = exc_index("ZeroDivisionError");
pub const OVERFLOW_ERROR: usize = exc_index("OverflowError");
pub const INDEX_ERROR: usize = exc_index("IndexError");
pub const VALUE_ERROR: usize = exc_index("ValueError");
pub const TYPE_ERROR: usize = exc_index("TypeError");
pub const MEMORY_ERROR: usize = exc_index("MemoryError");
pub const SYSTEM_EXIT: usize = exc_index("SystemExit");

/// The vtable of builtin exception `index`, or null for an index out of range.
pub unsafe fn builtin_vtable(index: usize) -> *const u8 {
    if index < N_BUILTIN_EXCEPTIONS {
        std::ptr::read_volatile(std::ptr::addr_of!(rpy_builtin_vtables[index]))
    } else {
        null()
    }
}

/// Raises `exc`, starting a new traceback.
#[no_mangle]
pub unsafe extern "C" fn rpy_raise(exc: *mut u8) {
    clear_traceback();
    rpy_reraise(exc);
}

/// Raises `exc`, keeping the traceback recorded so far.
#[no_mangle]
pub unsafe extern "C" fn rpy_reraise(exc: *mut u8) {
    if exc.is_null() {
        raise_msg(TYPE_ERROR, "exceptions must derive from BaseException");
        return;
    }
    rpy_exc_type = field(exc, INST_TYPEPTR) as *const u8;
    rpy_exc_value = exc;
}

/// Clears the pending exception (not the traceback buffer).
#[no_mangle]
pub unsafe extern "C" fn rpy_exc_clear() {
    rpy_exc_type = null();
    rpy_exc_value = null_mut();
}

/// Raises a new instance of builtin exception `index` with a NUL-terminated UTF-8
/// message (or no message when `msg` is null).
#[no_mangle]
pub unsafe extern "C" fn rpy_raise_builtin(index: i64, msg: *const u8) {
    let s = if msg.is_null() {
        null_mut()
    } else {
        let text = CStr::from_ptr(msg as *const c_char).to_string_lossy();
        let s = str_from_rust(&text);
        if s.is_null() {
            return; // MemoryError is pending
        }
        s
    };
    rpy_raise_builtin_str(index, s);
}

/// Raises a new instance of builtin exception `index` whose message is the str `msg`
/// (or null for no message).
#[no_mangle]
pub unsafe extern "C" fn rpy_raise_builtin_str(index: i64, msg: *mut u8) {
    let vt = usize::try_from(index).map_or(null(), |i| builtin_vtable(i));
    if vt.is_null() {
        raise_memory_error(); // no such class: nothing sensible to raise
        return;
    }
    let inst = alloc_obj(EXC_SIZE as usize, Tid::Instance);
    if inst.is_null() {
        return;
    }
    set_field(inst, INST_TYPEPTR, vt as i64);
    set_field(inst, EXC_MSG, msg as i64);
    rpy_raise(inst);
}

/// Raises builtin exception `index` with message `msg`.
pub unsafe fn raise_msg(index: usize, msg: &str) {
    let s = str_from_rust(msg);
    if !s.is_null() {
        rpy_raise_builtin_str(index as i64, s);
    }
}

/// A preallocated MemoryError instance, so raising it never allocates.
static MEMORY_ERROR_INST: Global<[u64; 3]> =
    Global::new([Tid::Instance as u64 | FLAG_STATIC, 0, 0]);

/// Raises MemoryError (without a message) without allocating.
pub unsafe fn raise_memory_error() {
    let inst = MEMORY_ERROR_INST.get();
    (*inst)[1] = builtin_vtable(MEMORY_ERROR) as u64;
    (*inst)[2] = 0;
    rpy_raise(inst as *mut u8);
}

/// Whether an exception is pending.
pub unsafe fn exc_pending() -> bool {
    !rpy_exc_type.is_null()
}

/// Whether an instance of the class with vtable `exc_vtable` is an instance of the
/// class with vtable `class_vtable` (the subclass-range test of `abi`).
#[no_mangle]
pub unsafe extern "C" fn rpy_exc_matches(exc_vtable: *const u8, class_vtable: *const u8) -> i64 {
    if exc_vtable.is_null() || class_vtable.is_null() {
        return 0;
    }
    let e = field(exc_vtable, VT_SUBCLASS_MIN);
    let lo = field(class_vtable, VT_SUBCLASS_MIN);
    let hi = field(class_vtable, VT_SUBCLASS_MAX);
    (lo <= e && e < hi) as i64
}

/// `str(e)` for a base exception: its message, or the empty str.
#[no_mangle]
pub unsafe extern "C" fn rpy_exc_message(exc: *mut u8) -> *mut u8 {
    let msg = if exc.is_null() {
        null_mut()
    } else {
        field(exc, EXC_MSG) as *mut u8
    };
    if msg.is_null() {
        empty_str()
    } else {
        msg
    }
}
