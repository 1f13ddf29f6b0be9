//! Unit tests. The runtime's state (pending exception, buffers) is process-global, so
//! every test holds [`lock`]; `rpy_builtin_vtables` is defined here with made-up
//! vtables whose subclass ranges follow the builtin hierarchy. Formatting and parsing
//! are compared against python3 run as an oracle (skipped, with a note, without it).

mod dicts;
mod exceptions;
mod floats;
mod format;
mod gc;
mod ints;
mod lists;
mod parsing;
mod process;
mod repr;
mod str_methods;
mod strings;

use crate::abi::BUILTIN_EXCEPTIONS;
use crate::exceptions::{
    rpy_exc_clear, rpy_exc_message, rpy_exc_type, rpy_exc_value, N_BUILTIN_EXCEPTIONS,
};
use crate::heap::field;
use crate::strobj::{chars, str_from_rust};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, Once};

/// The table the generated code defines in real binaries.
#[no_mangle]
pub static mut rpy_builtin_vtables: [*const u8; N_BUILTIN_EXCEPTIONS] =
    [std::ptr::null(); N_BUILTIN_EXCEPTIONS];

static LOCK: Mutex<()> = Mutex::new(());
static INIT: Once = Once::new();

/// Numbers the builtin classes in preorder so that each class's subclasses fall in
/// its `[min, max)` range, and makes their vtables `{min, max, name}`.
fn init_vtables() {
    fn number(cls: &str, next: &mut i64, ranges: &mut Vec<(i64, i64)>) {
        let i = BUILTIN_EXCEPTIONS
            .iter()
            .position(|(n, _)| *n == cls)
            .unwrap();
        let min = *next;
        *next += 1;
        for (sub, base) in BUILTIN_EXCEPTIONS {
            if *base == Some(cls) {
                number(sub, next, ranges);
            }
        }
        ranges[i] = (min, *next);
    }
    let mut ranges = vec![(0, 0); N_BUILTIN_EXCEPTIONS];
    number("BaseException", &mut 0, &mut ranges);
    for (i, (name, _)) in BUILTIN_EXCEPTIONS.iter().enumerate() {
        let name_str = unsafe { str_from_rust(name) } as i64;
        let vt: &'static mut [i64; 3] = Box::leak(Box::new([ranges[i].0, ranges[i].1, name_str]));
        // The names are heap strs here (static data in real binaries): roots for good.
        unsafe { crate::gc::roots::push_range(&mut vt[2] as *mut i64 as *mut *mut u8, 1) };
        unsafe { rpy_builtin_vtables[i] = vt as *mut [i64; 3] as *const u8 };
    }
}

/// Serializes the tests and resets the pending exception.
pub fn lock() -> MutexGuard<'static, ()> {
    let g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    INIT.call_once(init_vtables);
    unsafe { rpy_exc_clear() };
    g
}

/// A new str object.
pub fn s(text: &str) -> *mut u8 {
    unsafe { str_from_rust(text) }
}

/// The text of a str object.
pub fn text(p: *const u8) -> String {
    unsafe { chars(p).to_string_lossy() }
}

/// The pending exception as (class name, message), clearing it.
pub fn take_exc() -> Option<(String, String)> {
    unsafe {
        if rpy_exc_type.is_null() {
            return None;
        }
        let name = text(field(rpy_exc_type, crate::abi::VT_NAME) as *const u8);
        let msg = text(rpy_exc_message(rpy_exc_value));
        rpy_exc_clear();
        Some((name, msg))
    }
}

/// Asserts that the pending exception is `name: msg` and clears it.
pub fn expect_exc(name: &str, msg: &str) {
    assert_eq!(take_exc(), Some((name.to_string(), msg.to_string())));
}

/// Runs `python3 -c script` with `input` on stdin; None (after saying why) when
/// python3 is not available.
pub fn python(script: &str, input: &str) -> Option<String> {
    let child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            println!("skipping the python3 comparison: cannot run python3 ({e})");
            return None;
        }
    };
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "python3 failed");
    Some(String::from_utf8(out.stdout).unwrap())
}

/// A small deterministic PRNG (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
