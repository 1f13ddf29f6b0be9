//! Fields and array items on real memory, `new` + `guard_class`, calls to `extern "C"`
//! functions (int, float and ref arguments, an `i1` result), and `guard_no_exception`
//! with an exception raised by a called function.

use super::{backend, compile, exit, f, i, run};
use crate::abi::{ARRAY_ITEMS, INST_TYPEPTR};
use crate::exceptions::{exc_pending, raise_msg, VALUE_ERROR};

#[test]
fn fields_and_array_items() {
    let mut b = backend();
    // An abi array: header, capacity, then the items (word 2 is item 0).
    let mut mem: Box<[u64]> = vec![0, 4, 10, 11, f(1.5), 13].into_boxed_slice();
    assert_eq!(ARRAY_ITEMS, 16);
    let text = "\
[p0, i1, i2]
i3 = getarrayitem_i(p0, i1)
i4 = getarrayitem_i(p0, 1)
f5 = getarrayitem_f(p0, 2)
i6 = getfield_i(p0, 8)
setarrayitem(p0, i1, i2)
setarrayitem(p0, 3, i6)
f7 = float_mul(f5, 2.0)
setarrayitem(p0, 2, f7)
setfield(p0, 0, 99)
p8 = getfield_r(p0, 0)
f9 = getfield_f(p0, 32)
finish() [i3, i4, f5, i6, p8, f9]
";
    compile(&mut b, 0, text);
    let p = mem.as_mut_ptr() as u64;
    let (e, fr) = run(&b, 0, &[p, 0, i(-4)]);
    assert_eq!(e, exit(0, 0));
    assert_eq!(&fr[..6], &[10, 11, f(1.5), 4, 99, f(3.0)]);
    assert_eq!(&mem[..], &[99, 4, i(-4), 11, f(3.0), 4]);
}

#[test]
fn new_and_guard_class() {
    let mut b = backend();
    static VTABLE: [u64; 3] = [0, 1, 0];
    static OTHER: [u64; 3] = [0, 1, 0];
    let vt = VTABLE.as_ptr() as u64;
    let text = format!(
        "[p0]\n\
         p1 = new(24, 5)\n\
         setfield(p1, {INST_TYPEPTR}, p0)\n\
         setfield(p1, 16, 77)\n\
         guard_class(p1, 0x{vt:x}) [p1]\n\
         i2 = getfield_i(p1, 16)\n\
         finish() [p1, i2]\n"
    );
    compile(&mut b, 0, &text);
    let (e, fr) = run(&b, 0, &[vt]);
    assert_eq!(e, exit(0, 1));
    assert_eq!(fr[1], 77);
    let obj = fr[0] as *const u64;
    // SAFETY: the trace allocated a 24-byte object.
    unsafe { assert_eq!((*obj, *obj.add(1), *obj.add(2)), (5, vt, 77)) };
    let (e, fr) = run(&b, 0, &[OTHER.as_ptr() as u64]);
    assert_eq!(e, exit(0, 0));
    assert_ne!(fr[0], obj as u64, "a new object each run");
}

extern "C" fn add3(a: i64, b: i64, c: i64) -> i64 {
    a * 100 + b * 10 + c
}

extern "C" fn mix(x: f64, n: i64, y: f64) -> f64 {
    x * n as f64 + y
}

extern "C" fn deref(p: *const i64, k: i64) -> i64 {
    // SAFETY: the test passes a live array.
    unsafe { *p.add(k as usize) }
}

extern "C" fn offset_ptr(p: *mut u8, k: i64) -> *mut u8 {
    p.wrapping_add(k as usize)
}

/// Returns 64 bits of which only the low one is the bool (the rest is garbage, as an
/// LLVM `i1` result may leave it).
extern "C" fn noisy_bool(x: i64) -> u64 {
    0xdead_beef_0000_0000 | 0xfe | (x > 0) as u64
}

static mut STORED: i64 = 0;

extern "C" fn store(x: i64) {
    // SAFETY: only this test writes it.
    unsafe { STORED = x };
}

#[test]
fn calls() {
    let mut b = backend();
    let mem = [5i64, 6, 7];
    let text = format!(
        "[i0, f1, p2]\n\
         i3 = call_i(0x{:x}, i0, 2, 3) <iii>i>\n\
         f4 = call_f(0x{:x}, f1, i0, 0.25) <fif>f>\n\
         i5 = call_pure_i(0x{:x}, p2, 2) <pi>i pure>\n\
         p6 = call_r(0x{:x}, p2, 8) <pi>p>\n\
         i7 = call_i(0x{:x}, i0) <i>i i1>\n\
         guard_true(i7) [i3]\n\
         call_n(0x{:x}, i3) <i>v>\n\
         finish() [i3, f4, i5, p6, i7]\n",
        add3 as *const () as usize,
        mix as *const () as usize,
        deref as *const () as usize,
        offset_ptr as *const () as usize,
        noisy_bool as *const () as usize,
        store as *const () as usize,
    );
    compile(&mut b, 0, &text);
    let p = mem.as_ptr() as u64;
    let (e, fr) = run(&b, 0, &[4, f(1.5), p]);
    assert_eq!(e, exit(0, 1));
    assert_eq!(&fr[..5], &[423, f(6.25), 7, p + 8, 1]);
    // SAFETY: the trace has returned.
    assert_eq!(unsafe { STORED }, 423);
    let (e, fr) = run(&b, 0, &[i(-1), f(1.5), p]);
    assert_eq!((e, fr[0] as i64), (exit(0, 0), -100 + 23));
}

extern "C" fn maybe_raise(x: i64) -> i64 {
    if x > 10 {
        // SAFETY: the test holds the runtime lock.
        unsafe { raise_msg(VALUE_ERROR, "too big") };
        return -1;
    }
    x * 2
}

#[test]
fn guard_no_exception_after_a_raising_call() {
    let _lock = crate::tests::lock();
    let mut b = backend();
    let text = format!(
        "[i0]\n\
         i1 = call_i(0x{:x}, i0) <i>i raise>\n\
         guard_no_exception() [i0]\n\
         finish() [i1]\n",
        maybe_raise as *const () as usize
    );
    compile(&mut b, 0, &text);
    let (e, fr) = run(&b, 0, &[5]);
    assert_eq!((e, fr[0]), (exit(0, 1), 10));
    // SAFETY: the lock serializes the runtime's state.
    assert!(!unsafe { exc_pending() });
    let (e, fr) = run(&b, 0, &[20]);
    assert_eq!((e, fr[0]), (exit(0, 0), 20));
    // The exception stays pending for the interpreter.
    crate::tests::expect_exc("ValueError", "too big");
}
