//! The example interpreters in `examples/` (bf.py, stackvm.py, scheme.py), checked
//! against CPython: each interpreter is translated once per set of translate flags
//! ([`FLAG_SETS`]: without and with `--jit`), then every program file
//! directly in its folder (`examples/bf/*.b`, ...; subfolders such as `bench/` are not
//! run) is run by `python3 examples/X.py PROG` and by the binary with the same argument,
//! and both must print the same stdout, byte for byte, and exit with the same status.
//!
//! Interpreters are translated and programs run in parallel (`available_parallelism`
//! workers). Failures are collected and reported together at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::Instant;

/// The interpreters: script name and program extension (programs in `examples/NAME/`).
const INTERPRETERS: &[(&str, &str)] = &[("bf", "b"), ("stackvm", "asm"), ("scheme", "scm")];

/// The sets of extra `rpy translate` flags every interpreter is translated with: without
/// and with the JIT (JIT on and off must print the same).
const FLAG_SETS: &[&[&str]] = &[&[], &["--jit"]];

/// JIT parameters the binaries run with: eager enough that the short test programs
/// trace, compile, fail guards and get bridges (ignored by binaries without the JIT).
const JIT_PARAMS: &str = "threshold=57,trace_eagerness=9";

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

fn output(cmd: &mut Command) -> Result<Output, String> {
    cmd.stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot start {}: {e}", cmd.get_program().to_string_lossy()))
}

fn programs(name: &str, ext: &str) -> Vec<PathBuf> {
    let dir = repo_root().join("examples").join(name);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect();
    found.sort();
    found
}

/// Translates `examples/NAME.py` with `flags` into `out`; Err holds the report.
fn translate(name: &str, flags: &[&str], out: &Path) -> Result<(), String> {
    let script = repo_root().join("examples").join(format!("{name}.py"));
    let o = output(
        Command::new(env!("CARGO_BIN_EXE_rpy"))
            .arg("translate")
            .arg(&script)
            .arg("-o")
            .arg(out)
            .args(flags)
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    )?;
    if o.status.success() && out.is_file() {
        return Ok(());
    }
    Err(format!(
        "rpy translate {name}.py {flags:?}: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    ))
}

/// Runs one program under CPython and under `binary`; Err holds the report.
fn check(name: &str, binary: &Path, prog: &Path) -> Result<(f64, f64), String> {
    let script = repo_root().join("examples").join(format!("{name}.py"));
    let t = Instant::now();
    let py = output(
        Command::new("python3")
            .arg(&script)
            .arg(prog)
            .env("PYTHONPATH", repo_root().join("lib"))
            .env("PYTHONIOENCODING", "utf-8")
            .env("PYTHONDONTWRITEBYTECODE", "1"),
    )?;
    let py_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let got = output(Command::new(binary).arg(prog).env("RPY_JIT", JIT_PARAMS))?;
    let bin_secs = t.elapsed().as_secs_f64();
    if py.status.code().is_none() {
        return Err(format!(
            "python3: {}\n{}",
            py.status,
            String::from_utf8_lossy(&py.stderr)
        ));
    }
    let mut report = String::new();
    if got.status.code() != py.status.code() {
        report.push_str(&format!(
            "binary: {}, CPython: {}\n{}",
            got.status,
            py.status,
            String::from_utf8_lossy(&got.stderr)
        ));
    }
    if got.stdout != py.stdout {
        let (e, a) = (
            String::from_utf8_lossy(&py.stdout),
            String::from_utf8_lossy(&got.stdout),
        );
        let line = e.lines().zip(a.lines()).take_while(|(x, y)| x == y).count();
        report.push_str(&format!(
            "stdout differs at line {}:\n  expected: {:?}\n  got:      {:?}\n",
            line + 1,
            e.lines().nth(line).unwrap_or("(end)"),
            a.lines().nth(line).unwrap_or("(end)")
        ));
    }
    if report.is_empty() {
        Ok((py_secs, bin_secs))
    } else {
        Err(report)
    }
}

#[test]
fn examples() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let jobs = thread::available_parallelism().map_or(2, |n| n.get());
    let failures = Mutex::new(Vec::<String>::new());
    // Translate every (interpreter, flag set) first, in parallel.
    let mut builds = vec![];
    for (k, flags) in FLAG_SETS.iter().enumerate() {
        for &(name, ext) in INTERPRETERS {
            builds.push((name, ext, *flags, tmp.path().join(format!("{name}-{k}"))));
        }
    }
    let queue = Mutex::new(builds.iter().collect::<Vec<_>>());
    let built = Mutex::new(vec![]);
    thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let Some(b) = queue.lock().unwrap().pop() else {
                    break;
                };
                match translate(b.0, b.2, &b.3) {
                    Ok(()) => built.lock().unwrap().push(b),
                    Err(e) => failures.lock().unwrap().push(e),
                }
            });
        }
    });
    // Then run every program of every translated interpreter, in parallel.
    let mut runs = vec![];
    for &(name, ext, flags, ref binary) in built.into_inner().unwrap() {
        for prog in programs(name, ext) {
            runs.push((name, flags, binary.clone(), prog));
        }
    }
    let queue = Mutex::new(runs.iter().collect::<Vec<_>>());
    thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let Some((name, flags, binary, prog)) = queue.lock().unwrap().pop() else {
                    break;
                };
                let shown = format!(
                    "{name} {} {flags:?}",
                    prog.file_name().unwrap_or_default().to_string_lossy()
                );
                match check(name, binary, prog) {
                    Ok((py, bin)) => say(&format!(
                        "examples: ok   {shown} (CPython {py:.2}s, binary {bin:.2}s)\n"
                    )),
                    Err(e) => {
                        say(&format!("examples: FAIL {shown}\n"));
                        failures.lock().unwrap().push(format!("{shown}:\n{e}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} example check(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
