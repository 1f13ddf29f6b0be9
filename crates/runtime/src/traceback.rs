//! Traceback recording and the report of an uncaught exception.
//!
//! As an exception propagates, generated code records one [`TbLoc`] per frame it
//! leaves, innermost first; the report prints them outermost first, as CPython does.
//! The buffer keeps the first and the last [`KEEP`] entries of very deep tracebacks.

use crate::abi::*;
use crate::exceptions::{
    builtin_vtable, rpy_exc_matches, rpy_exc_type, rpy_exc_value, SYSTEM_EXIT,
};
use crate::global::Global;
use crate::heap::field;
use crate::output::{flush_stdout, write_fd};
use crate::strobj::{chars, Chars};
use std::ffi::{c_char, CStr};

const KEEP: usize = 100;

struct TbBuffer {
    /// The first KEEP entries recorded.
    head: [*const TbLoc; KEEP],
    /// The last entries after the head, as a ring indexed by (count - KEEP) % KEEP.
    tail: [*const TbLoc; KEEP],
    count: usize,
}

static TB: Global<TbBuffer> = Global::new(TbBuffer {
    head: [std::ptr::null(); KEEP],
    tail: [std::ptr::null(); KEEP],
    count: 0,
});

pub fn clear_traceback() {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe { (*TB.get()).count = 0 }
}

/// Appends `loc` to the traceback of the propagating exception.
#[no_mangle]
pub unsafe extern "C" fn rpy_tb_record(loc: *const TbLoc) {
    let tb = TB.get();
    let n = (*tb).count;
    if n < KEEP {
        (*tb).head[n] = loc;
    } else {
        (*tb).tail[(n - KEEP) % KEEP] = loc;
    }
    (*tb).count = n.saturating_add(1);
}

/// The recorded entries that were kept, in recording order (innermost first).
pub fn recorded_entries() -> Vec<*const TbLoc> {
    // SAFETY: single-threaded runtime (see `Global`).
    let tb = unsafe { &*TB.get() };
    let n = tb.count;
    let mut v: Vec<*const TbLoc> = tb.head[..n.min(KEEP)].to_vec();
    if n > KEEP {
        let after = n - KEEP;
        if after <= KEEP {
            v.extend_from_slice(&tb.tail[..after]);
        } else {
            let start = after % KEEP;
            v.extend_from_slice(&tb.tail[start..]);
            v.extend_from_slice(&tb.tail[..start]);
        }
    }
    v
}

unsafe fn c_text(p: *const u8) -> String {
    if p.is_null() {
        "?".to_string()
    } else {
        CStr::from_ptr(p as *const c_char)
            .to_string_lossy()
            .into_owned()
    }
}

/// The report CPython prints for an uncaught exception of class `name` with message
/// `msg` raised through `entries` (innermost first).
pub unsafe fn format_report(entries: &[*const TbLoc], name: Chars, msg: Chars) -> Vec<u8> {
    let mut out = String::from("Traceback (most recent call last):\n");
    for &loc in entries.iter().rev() {
        if loc.is_null() {
            continue;
        }
        let loc = &*loc;
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            c_text(loc.file),
            loc.line,
            c_text(loc.func)
        ));
        if !loc.source_line.is_null() {
            let src = c_text(loc.source_line);
            let src = src.trim();
            if !src.is_empty() {
                out.push_str("    ");
                out.push_str(src);
                out.push('\n');
            }
        }
    }
    let mut bytes = out.into_bytes();
    bytes.extend(crate::strobj::to_utf8(name));
    if !msg.is_empty() {
        bytes.extend_from_slice(b": ");
        bytes.extend(crate::strobj::to_utf8(msg));
    }
    bytes.push(b'\n');
    bytes
}

/// What exiting with a pending SystemExit whose message is `msg` does: the exit
/// status, and the text to print to stderr first (if any).
pub fn system_exit_action(msg: Option<Chars>) -> (i32, Option<Vec<u8>>) {
    let Some(msg) = msg else { return (0, None) };
    match msg.to_string_lossy().parse::<i64>() {
        Ok(code) => (code as i32, None),
        Err(_) => {
            let mut text = crate::strobj::to_utf8(msg);
            text.push(b'\n');
            (1, Some(text))
        }
    }
}

/// Reports the pending exception as CPython does for an uncaught one and exits (status
/// 1; SystemExit exits silently with its code).
#[no_mangle]
pub unsafe extern "C" fn rpy_report_uncaught() -> ! {
    flush_stdout();
    let vt = rpy_exc_type;
    let exc = rpy_exc_value;
    if vt.is_null() {
        std::process::exit(1);
    }
    let msg_ptr = if exc.is_null() {
        std::ptr::null()
    } else {
        field(exc, EXC_MSG) as *const u8
    };
    let msg = (!msg_ptr.is_null()).then(|| chars(msg_ptr));
    if rpy_exc_matches(vt, builtin_vtable(SYSTEM_EXIT)) != 0 {
        let (code, text) = system_exit_action(msg);
        if let Some(text) = text {
            write_fd(2, &text);
        }
        std::process::exit(code);
    }
    let name = chars(field(vt, VT_NAME) as *const u8);
    let report = format_report(&recorded_entries(), name, msg.unwrap_or(Chars::Latin1(&[])));
    write_fd(2, &report);
    std::process::exit(1)
}
