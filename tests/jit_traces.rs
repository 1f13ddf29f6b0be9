//! Trace-shape tests: what the JIT compiles, read from `RPY_JITLOG`.
//!
//! - The Brainfuck interpreter (`examples/bf.py`) translated with `--jit` runs a program
//!   whose hot inner loops are `[->+<]` and `[-]`; every compiled loop's body (after its
//!   last label) must be free of allocations and calls.
//! - The stack VM (`examples/stackvm.py`: boxed integers, a frame that is a
//!   virtualizable) runs its counting loop `sum.asm`: the loop body allocates nothing.
//!
//! In both, the output must be what the JIT-less binary prints (and, for the
//! Brainfuck program, what CPython prints).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn translate(script: &Path, out: &Path, jit: bool) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rpy"));
    cmd.arg("translate").arg(script).arg("-o").arg(out);
    if jit {
        cmd.arg("--jit");
    }
    let o = cmd.output().expect("run rpy");
    assert!(
        o.status.success(),
        "rpy translate failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// What `python3 SCRIPT ARGS` prints, with the `rpy` package on the path.
fn cpython(script: &Path, prog: &Path) -> Vec<u8> {
    let o = Command::new("python3")
        .arg(script)
        .arg(prog)
        .env("PYTHONPATH", repo_root().join("lib"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run python3");
    assert!(
        o.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// The loops of a JIT log: (header line, operations after the last label).
fn loop_bodies(log: &str) -> Vec<(String, Vec<String>)> {
    let mut out = vec![];
    let mut lines = log.lines().peekable();
    while let Some(line) = lines.next() {
        if !(line.starts_with("# loop ") && line.contains("after optimization")) {
            continue;
        }
        let mut ops = vec![];
        for l in lines.by_ref() {
            if l.starts_with('#') {
                break;
            }
            if l.starts_with("label(") {
                ops.clear();
            }
            ops.push(l.to_string());
            if l.starts_with("jump(") {
                break;
            }
        }
        out.push((line.to_string(), ops));
    }
    out
}

#[test]
fn brainfuck_transfer_loops_compile_without_allocation_or_calls() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = repo_root().join("examples").join("bf.py");
    let (jit, plain) = (tmp.path().join("bf-jit"), tmp.path().join("bf"));
    translate(&script, &jit, true);
    translate(&script, &plain, false);
    // 100 times: cell1 = 200, move it to cell2 with [->+<], clear cell2 with [-].
    let program = format!(
        "{}[>{}[->+<]>[-]<<-]+++++++[>++++++++++<-]>-.",
        "+".repeat(100),
        "+".repeat(200)
    );
    let prog = tmp.path().join("transfer.b");
    std::fs::write(&prog, program).expect("write program");
    let log = tmp.path().join("jit.log");
    let got = Command::new(&jit)
        .arg(&prog)
        .env("RPY_JITLOG", &log)
        .output()
        .expect("run bf --jit");
    let want = Command::new(&plain).arg(&prog).output().expect("run bf");
    assert_eq!(got.stdout, want.stdout, "JIT on and off print the same");
    assert_eq!(
        got.stdout,
        cpython(&script, &prog),
        "the binaries print what CPython prints"
    );
    assert!(!got.stdout.is_empty(), "the program prints something");
    let text = std::fs::read_to_string(&log).expect("the JIT log");
    let loops = loop_bodies(&text);
    assert!(!loops.is_empty(), "no loop was compiled:\n{text}");
    let transfer = loops.iter().find(|(_, ops)| {
        let moves = ops.iter().filter(|o| o.contains(": move")).count();
        moves >= 2
    });
    assert!(
        transfer.is_some(),
        "no compiled loop moves the pointer:\n{text}"
    );
    for (header, ops) in &loops {
        for op in ops {
            assert!(
                !op.contains("new(") && !op.contains("call_"),
                "{header}: the loop body allocates or calls: {op}\n{}",
                ops.join("\n")
            );
        }
    }
}

#[test]
fn boxed_integer_counting_loop_allocates_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = repo_root().join("examples").join("stackvm.py");
    let (jit, plain) = (tmp.path().join("vm-jit"), tmp.path().join("vm"));
    translate(&script, &jit, true);
    translate(&script, &plain, false);
    let prog = repo_root().join("examples").join("stackvm").join("sum.asm");
    let log = tmp.path().join("jit.log");
    let got = Command::new(&jit)
        .arg(&prog)
        .arg("200000")
        .env("RPY_JITLOG", &log)
        .output()
        .expect("run the VM with the JIT");
    let want = Command::new(&plain)
        .arg(&prog)
        .arg("200000")
        .output()
        .expect("run the VM");
    assert_eq!(got.stdout, want.stdout, "JIT on and off print the same");
    let text = std::fs::read_to_string(&log).expect("the JIT log");
    let loops = loop_bodies(&text);
    assert!(!loops.is_empty(), "no loop was compiled:\n{text}");
    for (header, ops) in &loops {
        for op in ops {
            assert!(
                !op.contains("new("),
                "{header}: the counting loop allocates: {op}\n{}",
                ops.join("\n")
            );
        }
    }
}
