//! Text files opened for reading: `open(path)`, `f.read()`, `f.close()`.
//!
//! A file is a small integer handle into a table of open `std::fs::File`s (the
//! translated program holds it as an int). `read()` decodes UTF-8 strictly and
//! translates newlines as CPython's text mode does (`\r\n` and `\r` become `\n`).
//! Failures raise the exceptions CPython raises, with its messages
//! (`[Errno 2] No such file or directory: 'x'`).

use crate::abi::builtin_exception_index;
use crate::exceptions::raise_msg;
use crate::global::Global;
use crate::str_repr::repr_string;
use crate::strobj::{chars, str_from_code_points, str_from_latin1};
use std::fs::File;
use std::io::Read;

/// Open files by handle; a closed file's slot is None.
static FILES: Global<Vec<Option<File>>> = Global::new(Vec::new());

unsafe fn raise(name: &str, msg: &str) {
    if let Some(i) = builtin_exception_index(name) {
        raise_msg(i, msg);
    }
}

/// Raises the OSError subclass CPython raises for `err` on `path`.
unsafe fn raise_os_error(err: &std::io::Error, path: &str) {
    let code = err.raw_os_error().unwrap_or(0);
    let class = match code {
        2 => "FileNotFoundError",
        1 | 13 => "PermissionError",
        21 => "IsADirectoryError",
        _ => "OSError",
    };
    // std's message is "<strerror> (os error N)"; CPython's is "[Errno N] <strerror>".
    let text = err.to_string();
    let strerror = text
        .strip_suffix(&format!(" (os error {code})"))
        .unwrap_or(&text);
    raise(class, &format!("[Errno {code}] {strerror}: {path}"));
}

/// `open(path, mode)`: a handle, or -1 with an exception pending. Only reading text is
/// supported (`mode` "r" or "rt"; null means "r").
#[no_mangle]
pub unsafe extern "C" fn rpy_file_open(path: *mut u8, mode: *mut u8) -> i64 {
    let path_text = chars(path).to_string_lossy();
    let shown = repr_string(chars(path));
    if !mode.is_null() {
        let m = chars(mode).to_string_lossy();
        if m != "r" && m != "rt" {
            raise(
                "ValueError",
                &format!(
                    "rpy: open() supports only mode 'r', not {}",
                    repr_string(chars(mode))
                ),
            );
            return -1;
        }
    }
    if path_text.contains('\0') {
        raise("ValueError", "embedded null byte");
        return -1;
    }
    let file = match File::open(&path_text) {
        Ok(f) => f,
        Err(e) => {
            raise_os_error(&e, &shown);
            return -1;
        }
    };
    // Linux opens directories for reading; CPython refuses them at open().
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        raise_os_error(&std::io::Error::from_raw_os_error(21), &shown);
        return -1;
    }
    let files = &mut *FILES.get();
    files.push(Some(file));
    files.len() as i64 - 1
}

/// The open file of a handle, or None (ValueError pending) when it was closed.
unsafe fn open_file<'a>(handle: i64) -> Option<&'a mut File> {
    let files = &mut *FILES.get();
    match usize::try_from(handle).ok().and_then(|h| files.get_mut(h)) {
        Some(Some(f)) => Some(f),
        _ => {
            raise("ValueError", "I/O operation on closed file.");
            None
        }
    }
}

/// CPython's message for undecodable UTF-8 at `pos` of `bytes`.
fn decode_error(bytes: &[u8], err: std::str::Utf8Error) -> String {
    let pos = err.valid_up_to();
    let b = bytes[pos];
    let (end, why) = match err.error_len() {
        None => (bytes.len(), "unexpected end of data"),
        Some(_) if (0xc2..=0xf4).contains(&b) => (pos + 1, "invalid continuation byte"),
        Some(_) => (pos + 1, "invalid start byte"),
    };
    if end > pos + 1 {
        format!(
            "'utf-8' codec can't decode bytes in position {pos}-{}: {why}",
            end - 1
        )
    } else {
        format!("'utf-8' codec can't decode byte 0x{b:02x} in position {pos}: {why}")
    }
}

/// `f.read()`: the rest of the file as a str (null with an exception pending).
#[no_mangle]
pub unsafe extern "C" fn rpy_file_read(handle: i64) -> *mut u8 {
    let Some(file) = open_file(handle) else {
        return std::ptr::null_mut();
    };
    let mut bytes = Vec::new();
    if let Err(e) = file.read_to_end(&mut bytes) {
        let code = e.raw_os_error().unwrap_or(0);
        raise("OSError", &format!("[Errno {code}] {e}"));
        return std::ptr::null_mut();
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            raise("UnicodeDecodeError", &decode_error(&bytes, e));
            return std::ptr::null_mut();
        }
    };
    let mut cps: Vec<u32> = Vec::with_capacity(text.len());
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            cps.push('\n' as u32);
        } else {
            cps.push(c as u32);
        }
    }
    if cps.iter().all(|&c| c < 256) {
        let narrow: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
        return str_from_latin1(&narrow);
    }
    str_from_code_points(&cps)
}

/// `f.close()`: closing twice is allowed, as in CPython.
#[no_mangle]
pub unsafe extern "C" fn rpy_file_close(handle: i64) {
    let files = &mut *FILES.get();
    if let Some(slot) = usize::try_from(handle).ok().and_then(|h| files.get_mut(h)) {
        *slot = None;
    }
}
