//! Tests of the Cranelift backend: traces in text form, compiled, run on real inputs;
//! the exit (which guard) and the frame values are checked against Rust references.

mod arith;
mod compile_time;
mod loops;
mod memory;

use crate::jit::backend::{Backend, CraneliftBackend, Exit};
use crate::jit::trace::SnapshotId;
use crate::jit::trace_parse::parse;

pub fn backend() -> CraneliftBackend {
    CraneliftBackend::new().expect("host ISA")
}

/// Parses and compiles `text` as trace `id`; panics with the error and the text.
pub fn compile(b: &mut CraneliftBackend, id: u32, text: &str) {
    let t = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    b.compile(id, &t).unwrap_or_else(|e| panic!("{e}\n{text}"));
}

/// The error compiling `text` gives.
pub fn compile_err(b: &mut CraneliftBackend, id: u32, text: &str) -> String {
    let t = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    match b.compile(id, &t) {
        Ok(()) => panic!("compiled, expected an error:\n{text}"),
        Err(e) => e,
    }
}

/// Runs trace `id` on `inputs`: the exit and the frame after it.
pub fn run(b: &CraneliftBackend, id: u32, inputs: &[u64]) -> (Exit, Vec<u64>) {
    let mut frame = vec![0xdead_beef_u64; b.frame_words().max(inputs.len())];
    frame[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: the tests' traces only touch memory they are given.
    let exit = unsafe { b.execute(id, &mut frame) };
    (exit, frame)
}

/// The exit of trace `trace` at snapshot `k`.
pub fn exit(trace: u32, k: u32) -> Exit {
    Exit {
        trace,
        guard: SnapshotId(k),
    }
}

pub fn i(v: i64) -> u64 {
    v as u64
}

pub fn f(x: f64) -> u64 {
    x.to_bits()
}

#[test]
fn finish_returns_its_snapshot_values() {
    let mut b = backend();
    compile(
        &mut b,
        3,
        "[i0, i1]\ni2 = int_add(i0, i1)\nfinish() [i2, i0]\n",
    );
    let (e, fr) = run(&b, 3, &[i(40), i(2)]);
    assert_eq!(e, exit(3, 0));
    assert_eq!(&fr[..2], &[42, 40]);
}

#[test]
fn finish_without_snapshot_returns_its_arguments() {
    let mut b = backend();
    compile(&mut b, 1, "[i0, f1]\ni2 = int_neg(i0)\nfinish(i2, f1, 7)\n");
    let (e, fr) = run(&b, 1, &[i(5), f(2.5)]);
    assert_eq!(e.guard, Exit::NO_SNAPSHOT);
    assert_eq!(&fr[..3], &[i(-5), f(2.5), 7]);
}

#[test]
fn guards_fail_and_pass() {
    let mut b = backend();
    let text = "\
[i0, p1, f2]
guard_true(i0) [i0]
guard_false(i0) [i0, p1]
guard_value(i0, 3) [f2]
guard_nonnull(p1) [i0]
guard_isnull(p1) [p1]
guard_value(f2, 1.5) [f2]
finish() [i0, p1, f2]
";
    compile(&mut b, 0, text);
    let null = 0u64;
    assert_eq!(run(&b, 0, &[0, 8, f(1.5)]).0, exit(0, 0));
    let (e, fr) = run(&b, 0, &[3, 8, f(1.5)]);
    assert_eq!((e, &fr[..2]), (exit(0, 1), &[3, 8][..]));
    // guard_false passes only for 0, which guard_true refused: a second trace.
    compile(
        &mut b,
        1,
        &text.replace("guard_false(i0)", "guard_false(0)"),
    );
    let (e, fr) = run(&b, 1, &[4, 8, f(1.5)]);
    assert_eq!((e, fr[0]), (exit(1, 2), f(1.5)));
    assert_eq!(run(&b, 1, &[3, null, f(1.5)]).0, exit(1, 3));
    assert_eq!(run(&b, 1, &[3, 8, f(1.5)]).0, exit(1, 4));
    // guard_isnull passes for null, which guard_nonnull refused: drop that one.
    compile(
        &mut b,
        2,
        &text
            .replace("guard_false(i0)", "guard_false(0)")
            .replace("guard_nonnull(p1) [i0]\n", ""),
    );
    let (e, fr) = run(&b, 2, &[3, null, f(-0.0)]);
    assert_eq!((e, fr[0]), (exit(2, 4), f(-0.0)));
    let (e, fr) = run(&b, 2, &[3, null, f(1.5)]);
    assert_eq!((e, &fr[..3]), (exit(2, 5), &[3, 0, f(1.5)][..]));
}

#[test]
fn malformed_traces_are_refused() {
    let mut b = backend();
    let e = compile_err(&mut b, 0, "[i0]\ni1 = int_add(i0, i9)\nfinish() [i1]\n");
    assert!(e.contains("i9 is not defined"), "{e}");
    let e = compile_err(&mut b, 0, "[i0]\ni1 = int_add(i0, 1)\n");
    assert!(e.contains("does not end"), "{e}");
    let e = compile_err(&mut b, 0, "[i0]\njump(i0) ->loop7\n");
    assert!(e.contains("loop 7 is not compiled"), "{e}");
    let e = compile_err(&mut b, 0, "[f0]\ni1 = int_add(f0, 1)\nfinish() [i1]\n");
    assert!(e.contains("not an int"), "{e}");
    let e = compile_err(&mut b, 0, "[i0]\nguard_no_overflow() [i0]\nfinish() [i0]\n");
    assert!(e.contains("without an *_ovf"), "{e}");
    // The backend still works after the errors.
    compile(&mut b, 0, "[i0]\ni1 = int_mul(i0, i0)\nfinish() [i1]\n");
    assert_eq!(run(&b, 0, &[12]).1[0], 144);
}

#[test]
#[should_panic(expected = "are not the fail values")]
fn a_bridge_must_take_the_fail_values_of_its_guard() {
    let mut b = backend();
    compile(
        &mut b,
        0,
        "[i0, f1]\nguard_true(i0) [f1, i0]\nfinish() [i0]\n",
    );
    compile(&mut b, 1, "[i0, f1]\nfinish() [i0]\n");
    b.attach_bridge(0, SnapshotId(0), 1);
}
