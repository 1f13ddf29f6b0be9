//! Process start and exit: argv, `sys.argv`, and exiting with stdout flushed.

use crate::abi::LIST_ITEMS;
use crate::global::Global;
use crate::heap::field;
use crate::list::rpy_list_new;
use crate::output::flush_stdout;
use crate::strobj::str_from_rust;
use std::ffi::{c_char, CStr};

struct Argv {
    argc: i32,
    argv: *const *const c_char,
}

static ARGV: Global<Argv> = Global::new(Argv {
    argc: 0,
    argv: std::ptr::null(),
});

extern "C" {
    fn atexit(callback: extern "C" fn()) -> i32;
}

extern "C" fn flush_at_exit() {
    flush_stdout();
}

/// Called first by the generated `main`: remembers argv and arranges for stdout to be
/// flushed however the process exits normally.
#[no_mangle]
pub unsafe extern "C" fn rpy_rt_init(argc: i32, argv: *const *const c_char) {
    let a = ARGV.get();
    (*a).argc = argc;
    (*a).argv = argv;
    atexit(flush_at_exit);
}

/// `sys.argv`: a new list of str (argv decoded as UTF-8, lossily).
#[no_mangle]
pub unsafe extern "C" fn rpy_argv_list() -> *mut u8 {
    let a = ARGV.get();
    let argc = if (*a).argv.is_null() {
        0
    } else {
        (*a).argc.max(0) as usize
    };
    let list = rpy_list_new(argc as i64);
    if list.is_null() {
        return list;
    }
    let items =
        (field(list, LIST_ITEMS) as *mut u8).add(crate::abi::ARRAY_ITEMS as usize) as *mut i64;
    for i in 0..argc {
        let p = *(*a).argv.add(i);
        let s = if p.is_null() {
            str_from_rust("")
        } else {
            str_from_rust(&CStr::from_ptr(p).to_string_lossy())
        };
        if s.is_null() {
            return s;
        }
        *items.add(i) = s as i64;
    }
    list
}

/// Flushes stdout and exits with status `code`.
#[no_mangle]
pub unsafe extern "C" fn rpy_rt_exit(code: i64) -> ! {
    flush_stdout();
    std::process::exit(code as i32)
}
