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
    crate::jit::log::finish();
    crate::gc::stats::report();
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
    let list = rpy_list_new(argc as i64, 1);
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

/// The lowest stack address the program may reach: generated function prologues compare
/// their frame address with it and raise RecursionError below it, instead of crashing.
#[no_mangle]
pub static mut rpy_stack_limit: usize = 0;

/// The stack the program runs on: large, so deep recursion that CPython allows with a
/// raised limit works; reserved lazily by the kernel.
pub const PROGRAM_STACK: usize = 256 << 20;
/// Room left below the limit for the runtime's own frames (raising, formatting).
const STACK_MARGIN: usize = 1 << 20;

/// Runs the program's entry on a thread with a known, large stack and returns its
/// status; a pending exception stays pending for `main` to report.
#[no_mangle]
pub unsafe extern "C" fn rpy_rt_run(entry: extern "C" fn(*mut u8) -> i64, argv: *mut u8) -> i64 {
    let argv = argv as usize;
    let run = move || {
        let here = 0u8;
        let top = &here as *const u8 as usize;
        rpy_stack_limit = top.saturating_sub(PROGRAM_STACK - STACK_MARGIN);
        entry(argv as *mut u8)
    };
    match std::thread::Builder::new()
        .stack_size(PROGRAM_STACK)
        .spawn(run)
    {
        Ok(h) => h.join().unwrap_or(1),
        // No thread (a tight address-space limit): run here, with a conservative limit.
        Err(_) => {
            let here = 0u8;
            rpy_stack_limit = (&here as *const u8 as usize).saturating_sub(4 << 20);
            entry(argv as *mut u8)
        }
    }
}
