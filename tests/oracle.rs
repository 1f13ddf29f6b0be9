//! The oracle suite: CPython decides what every program in `tests/programs/` must do.
//!
//! For each `tests/programs/*.py`:
//! - `refuse_*.py`: `rpy translate prog.py -o OUT` (with `--jit` when the program
//!   mentions `JitDriver`) must exit with status 1, and its
//!   stderr must contain every non-empty line of the sibling `refuse_*.expect-error`.
//! - any other program: `python3 prog.py alpha beta` gives the expected stdout and exit
//!   status; `rpy translate prog.py -o DIR/prog` must succeed, and `DIR/prog alpha beta`
//!   must print exactly the same bytes on stdout and exit with the same status, within
//!   10 s. Stderr is not compared (tracebacks differ). A program that mentions
//!   `JitDriver` is also translated with `--jit` and run with eager JIT parameters
//!   (`RPY_JIT`, see `JIT_PARAMS`): JIT on and off must print the same.
//!
//! Programs run in parallel (`available_parallelism` workers, or `RPY_ORACLE_JOBS`); for
//! one program, CPython and the translator run at the same time. Every failure is
//! reported at the end, then the test panics. `RPY_ORACLE_FILTER=substring` limits the
//! run to the programs whose file name contains the substring. Nothing is cached.
//!
//! Every binary also runs a second time with a 4 KiB GC nursery (`gc-stress`: the GC
//! collects every few allocations). Every child inherits the test's environment:
//! `RPY_GC_NURSERY=4096 cargo test --test oracle` (`make test-gc-stress`) runs the JIT
//! binaries with the tiny nursery too.
//!
//! Progress and the report are written to the stderr handle directly, so they show
//! without `--nocapture`; the closing line is `oracle: N passed, M failed`.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// The arguments every program gets after its name, under CPython and translated.
const ARGS: [&str; 2] = ["alpha", "beta"];
/// How long a translated binary, or CPython, may run.
const RUN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one translation may take.
const TRANSLATE_TIMEOUT: Duration = Duration::from_secs(300);
/// How much of a child's stdout or stderr is kept; the rest is read and dropped, so a
/// runaway program cannot fill the memory.
const OUTPUT_LIMIT: usize = 8 << 20;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a finished (or killed) child process left behind.
struct Outcome {
    /// The exit code, or None when the process was killed by a signal.
    code: Option<i32>,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

impl Outcome {
    fn status_text(&self) -> String {
        match (self.timed_out, self.code, self.signal) {
            (true, _, _) => "timed out".to_string(),
            (_, Some(c), _) => format!("exit status {c}"),
            (_, None, Some(s)) => format!("killed by signal {s}"),
            _ => "unknown status".to_string(),
        }
    }
}

/// Runs `cmd` with stdin closed and both outputs captured; kills it after `timeout`.
/// The child leads a process group of its own, so a timeout also ends whatever it
/// started (the translator's linker, say) and nothing keeps the pipes open.
fn run(cmd: &mut Command, timeout: Duration) -> Result<Outcome, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", cmd.get_program().to_string_lossy()))?;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = thread::spawn(move || read_capped(&mut out));
    let err_reader = thread::spawn(move || read_capped(&mut err));
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                let group = format!("-{}", child.id());
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
                let _ = child.kill();
                timed_out = true;
                break child.wait().map_err(|e| format!("wait: {e}"))?;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    Ok(Outcome {
        code: status.code(),
        signal: status.signal(),
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        timed_out,
    })
}

/// Reads `from` to its end, keeping the first OUTPUT_LIMIT bytes (and a note when there
/// was more).
fn read_capped(from: &mut impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut dropped = 0usize;
    let mut buf = [0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = OUTPUT_LIMIT.saturating_sub(kept.len()).min(n);
                kept.extend_from_slice(&buf[..room]);
                dropped += n - room;
            }
        }
    }
    if dropped > 0 {
        kept.extend_from_slice(format!("\n[... {dropped} more bytes not kept]\n").as_bytes());
    }
    kept
}

/// The environment CPython runs a program in: `lib/` (the `rpy` package) on the module
/// path, UTF-8 output, no bytecode files left in the tree.
fn python_env(cmd: &mut Command) -> &mut Command {
    cmd.env("PYTHONPATH", repo_root().join("lib"))
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONHASHSEED", "0")
}

/// The last `n` lines of `bytes`, indented, for a report.
fn tail(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.len().saturating_sub(n);
    let mut s = String::new();
    if from > 0 {
        s.push_str(&format!("    ... ({from} lines before)\n"));
    }
    for l in &lines[from..] {
        s.push_str("    ");
        s.push_str(l);
        s.push('\n');
    }
    if lines.is_empty() {
        s.push_str("    (empty)\n");
    }
    s
}

/// Where two outputs first differ, with a few lines of context around it.
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    let first = el.iter().zip(al.iter()).take_while(|(x, y)| x == y).count();
    let show = |l: &str| -> String {
        match l.strip_suffix('\n') {
            Some(body) => body.to_string(),
            None => format!("{l}  (no newline at end)"),
        }
    };
    let mut s = format!(
        "    stdout differs at line {} (expected {} lines, got {}):\n",
        first + 1,
        el.len(),
        al.len()
    );
    for l in &el[first.saturating_sub(3)..first] {
        s.push_str(&format!("       {}\n", show(l)));
    }
    for l in el.iter().skip(first).take(4) {
        s.push_str(&format!("    -  {}\n", show(l)));
    }
    if el.len() > first + 4 {
        s.push_str(&format!(
            "    -  ... ({} more expected lines)\n",
            el.len() - first - 4
        ));
    }
    for l in al.iter().skip(first).take(4) {
        s.push_str(&format!("    +  {}\n", show(l)));
    }
    if al.len() > first + 4 {
        s.push_str(&format!(
            "    +  ... ({} more lines)\n",
            al.len() - first - 4
        ));
    }
    s
}

struct Failure {
    /// Which check failed: cpython, translate, run, jit, refuse.
    check: &'static str,
    detail: String,
}

fn fail(check: &'static str, detail: String) -> Failure {
    Failure { check, detail }
}

/// `rpy translate prog -o out`, as a user runs it: rpy puts `lib/` on the import path
/// itself, so PYTHONPATH is not set here.
fn translate_cmd(prog: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rpy"));
    cmd.arg("translate")
        .arg(prog)
        .arg("-o")
        .arg(out)
        .env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

/// A program that must be refused: translation fails with status 1 and the expected
/// phrases on stderr.
fn check_refused(prog: &Path) -> Result<(), Failure> {
    let expect_path = prog.with_extension("expect-error");
    let expected = std::fs::read_to_string(&expect_path).map_err(|e| {
        fail(
            "refuse",
            format!("    cannot read {}: {e}\n", expect_path.display()),
        )
    })?;
    let tmp = tempfile::tempdir().map_err(|e| fail("refuse", format!("    tempdir: {e}\n")))?;
    let mut cmd = translate_cmd(prog, &tmp.path().join("prog"));
    cmd.current_dir(tmp.path());
    // Hints the JIT checks: translate as `--jit` does.
    if std::fs::read_to_string(prog).is_ok_and(|s| s.contains("JitDriver")) {
        cmd.arg("--jit");
    }
    let tr = run(&mut cmd, TRANSLATE_TIMEOUT).map_err(|e| fail("refuse", format!("    {e}\n")))?;
    let stderr = String::from_utf8_lossy(&tr.stderr);
    let missing: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !stderr.contains(l))
        .collect();
    if tr.code == Some(1) && missing.is_empty() {
        return Ok(());
    }
    let mut detail = String::new();
    if tr.code != Some(1) {
        detail.push_str(&format!(
            "    translator: {} (expected exit status 1)\n",
            tr.status_text()
        ));
    }
    for m in &missing {
        detail.push_str(&format!("    stderr lacks {m:?}\n"));
    }
    detail.push_str("    stderr was:\n");
    detail.push_str(&tail(&tr.stderr, 15));
    Err(fail("refuse", detail))
}

/// A program that must translate and then behave as under CPython.
fn check_translated(prog: &Path) -> Result<(), Failure> {
    let tmp = tempfile::tempdir().map_err(|e| fail("translate", format!("    tempdir: {e}\n")))?;
    let binary = tmp.path().join("prog");
    let (py, tr) = thread::scope(|s| {
        let py = s.spawn(|| {
            let mut cmd = Command::new("python3");
            python_env(&mut cmd)
                .arg(prog)
                .args(ARGS)
                .current_dir(tmp.path());
            run(&mut cmd, RUN_TIMEOUT)
        });
        let mut cmd = translate_cmd(prog, &binary);
        cmd.current_dir(tmp.path());
        let tr = run(&mut cmd, TRANSLATE_TIMEOUT);
        (py.join().expect("cpython thread"), tr)
    });
    let py = py.map_err(|e| fail("cpython", format!("    {e}\n")))?;
    if py.timed_out || py.code.is_none() {
        return Err(fail(
            "cpython",
            format!(
                "    python3: {}\n{}",
                py.status_text(),
                tail(&py.stderr, 10)
            ),
        ));
    }
    let tr = tr.map_err(|e| fail("translate", format!("    {e}\n")))?;
    if tr.code != Some(0) {
        return Err(fail(
            "translate",
            format!(
                "    rpy translate: {}\n{}",
                tr.status_text(),
                tail(&tr.stderr, 20)
            ),
        ));
    }
    if !binary.is_file() {
        return Err(fail(
            "translate",
            format!(
                "    rpy translate succeeded but wrote no {}\n",
                binary.display()
            ),
        ));
    }
    compare(&binary, tmp.path(), &[], &py, "run")?;
    // Again with a nursery so small that the GC collects every few allocations: a
    // missing root or write barrier shows as a different output or a crash.
    compare(
        &binary,
        tmp.path(),
        &[("RPY_GC_NURSERY", "4096")],
        &py,
        "gc-stress",
    )?;
    // Programs with a JitDriver also run with the JIT, made eager so that short runs
    // trace, compile, fail guards and attach bridges.
    let source = std::fs::read_to_string(prog).unwrap_or_default();
    if source.contains("JitDriver") {
        let jit_binary = tmp.path().join("prog-jit");
        let mut cmd = translate_cmd(prog, &jit_binary);
        cmd.arg("--jit").current_dir(tmp.path());
        let tr = run(&mut cmd, TRANSLATE_TIMEOUT).map_err(|e| fail("jit", format!("    {e}\n")))?;
        if tr.code != Some(0) || !jit_binary.is_file() {
            return Err(fail(
                "jit",
                format!(
                    "    rpy translate --jit: {}\n{}",
                    tr.status_text(),
                    tail(&tr.stderr, 20)
                ),
            ));
        }
        for params in JIT_PARAMS {
            compare(&jit_binary, tmp.path(), &[("RPY_JIT", params)], &py, "jit")?;
        }
    }
    Ok(())
}

/// JIT parameters the programs with a JitDriver run under (`RPY_JIT`).
const JIT_PARAMS: [&str; 2] = [
    "threshold=3,trace_eagerness=2",
    "threshold=40,trace_eagerness=5",
];

/// Runs a translated binary and compares it with CPython's run.
fn compare(
    binary: &Path,
    dir: &Path,
    env: &[(&str, &str)],
    py: &Outcome,
    check: &'static str,
) -> Result<(), Failure> {
    let mut cmd = Command::new(binary);
    cmd.args(ARGS).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let got = run(&mut cmd, RUN_TIMEOUT).map_err(|e| fail(check, format!("    {e}\n")))?;
    let mut detail = String::new();
    if !env.is_empty() {
        let vars: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        detail.push_str(&format!("    with {}\n", vars.join(" ")));
    }
    let header = detail.len();
    if got.timed_out || got.code != py.code {
        detail.push_str(&format!(
            "    binary: {}, CPython: {}\n",
            got.status_text(),
            py.status_text()
        ));
    }
    if got.stdout != py.stdout {
        detail.push_str(&diff(&py.stdout, &got.stdout));
    }
    if detail.len() == header {
        return Ok(());
    }
    if !got.stderr.is_empty() {
        detail.push_str("    binary's stderr:\n");
        detail.push_str(&tail(&got.stderr, 10));
    }
    Err(fail(check, detail))
}

fn programs() -> Vec<PathBuf> {
    let dir = repo_root().join("tests").join("programs");
    let filter = std::env::var("RPY_ORACLE_FILTER").unwrap_or_default();
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| file_name(p).contains(&filter))
        .collect();
    found.sort();
    found
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn say(text: &str) {
    // Straight to the stderr handle: libtest captures print!/eprint!, not this.
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[test]
fn oracle() {
    let all = programs();
    assert!(
        !all.is_empty(),
        "no program in tests/programs matches RPY_ORACLE_FILTER={:?}",
        std::env::var("RPY_ORACLE_FILTER").unwrap_or_default()
    );
    let jobs = std::env::var("RPY_ORACLE_JOBS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or_else(|| thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, all.len());
    say(&format!("oracle: {} programs, {jobs} workers\n", all.len()));
    let queue = Mutex::new(all.iter().collect::<VecDeque<_>>());
    let failures = Mutex::new(Vec::<(String, Failure)>::new());
    let start = Instant::now();
    thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let Some(prog) = queue.lock().unwrap().pop_front() else {
                    break;
                };
                let name = file_name(prog);
                let t = Instant::now();
                let result = if name.starts_with("refuse_") {
                    check_refused(prog)
                } else {
                    check_translated(prog)
                };
                let secs = t.elapsed().as_secs_f64();
                match result {
                    Ok(()) => say(&format!("oracle: ok   {name} ({secs:.1}s)\n")),
                    Err(f) => {
                        say(&format!("oracle: FAIL {name} [{}] ({secs:.1}s)\n", f.check));
                        failures.lock().unwrap().push((name, f));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    let mut report = String::new();
    if !failures.is_empty() {
        report.push_str("\noracle failures:\n");
        for (name, f) in &failures {
            report.push_str(&format!("\n--- {name} [{}]\n{}", f.check, f.detail));
        }
        report.push('\n');
    }
    let failed = failures.len();
    report.push_str(&format!(
        "oracle: {:.1}s for {} programs\n",
        start.elapsed().as_secs_f64(),
        all.len()
    ));
    report.push_str(&format!(
        "oracle: {} passed, {failed} failed\n",
        all.len() - failed
    ));
    say(&report);
    if failed > 0 {
        panic!("{failed} of {} programs failed", all.len());
    }
}
