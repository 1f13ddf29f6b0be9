//! Output: stdout (fd 1) goes through a large buffer, flushed when full, before
//! anything is written to stderr, by `rpy_flush`, and at exit; stderr (fd 2) and any
//! other fd are written directly. Str objects are written as UTF-8.

use crate::float_repr::float_repr;
use crate::global::Global;
use crate::strobj::{chars, push_utf8, Chars};
use std::fs::File;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;

const STDOUT_CAP: usize = 1 << 17;

struct StdoutBuf {
    data: [u8; STDOUT_CAP],
    len: usize,
}

static STDOUT: Global<StdoutBuf> = Global::new(StdoutBuf {
    data: [0; STDOUT_CAP],
    len: 0,
});

/// Writes all of `bytes` to `fd`, ignoring errors (there is nowhere to report them).
fn write_raw(fd: i64, bytes: &[u8]) {
    let Ok(fd) = i32::try_from(fd) else { return };
    if fd < 0 || bytes.is_empty() {
        return;
    }
    // SAFETY: the fd stays open (ManuallyDrop never closes it).
    let mut f = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    let _ = f.write_all(bytes);
}

/// Writes the buffered stdout bytes.
pub fn flush_stdout() {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe {
        let out = &mut *STDOUT.get();
        let len = out.len;
        out.len = 0;
        write_raw(1, &out.data[..len]);
    }
}

fn stdout_write(bytes: &[u8]) {
    // SAFETY: single-threaded runtime (see `Global`).
    unsafe {
        if (*STDOUT.get()).len + bytes.len() > STDOUT_CAP {
            flush_stdout();
            if bytes.len() >= STDOUT_CAP {
                write_raw(1, bytes);
                return;
            }
        }
        let out = &mut *STDOUT.get();
        let len = out.len;
        out.data[len..len + bytes.len()].copy_from_slice(bytes);
        out.len = len + bytes.len();
    }
}

/// Writes `bytes` to `fd` (buffered for stdout; stdout is flushed before stderr).
pub fn write_fd(fd: i64, bytes: &[u8]) {
    match fd {
        1 => stdout_write(bytes),
        2 => {
            flush_stdout();
            write_raw(2, bytes);
        }
        _ => write_raw(fd, bytes),
    }
}

/// Writes the UTF-8 encoding of `cs` to `fd`.
pub fn write_chars(fd: i64, cs: Chars) {
    match cs {
        Chars::Latin1(b) if b.is_ascii() => write_fd(fd, b),
        _ => {
            let mut chunk = Vec::with_capacity(4096);
            for c in cs.iter() {
                push_utf8(&mut chunk, c);
                if chunk.len() >= 4092 {
                    write_fd(fd, &chunk);
                    chunk.clear();
                }
            }
            write_fd(fd, &chunk);
        }
    }
}

/// Writes str `s` (UTF-8) to `fd`.
#[no_mangle]
pub unsafe extern "C" fn rpy_write_str(fd: i64, s: *mut u8) {
    write_chars(fd, chars(s));
}

/// Writes `str(i)` to `fd`.
#[no_mangle]
pub unsafe extern "C" fn rpy_write_int(fd: i64, i: i64) {
    write_fd(fd, i.to_string().as_bytes());
}

/// Writes `repr(x)` to `fd`.
#[no_mangle]
pub unsafe extern "C" fn rpy_write_float(fd: i64, x: f64) {
    write_fd(fd, float_repr(x).as_bytes());
}

/// Writes `len` raw bytes at `ptr` to `fd`.
#[no_mangle]
pub unsafe extern "C" fn rpy_write_bytes(fd: i64, ptr: *const u8, len: i64) {
    if ptr.is_null() || len <= 0 {
        return;
    }
    write_fd(fd, std::slice::from_raw_parts(ptr, len as usize));
}

/// Flushes the stdout buffer.
#[no_mangle]
pub unsafe extern "C" fn rpy_flush() {
    flush_stdout();
}
