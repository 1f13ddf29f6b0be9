//! Snapshot tests of rpy's diagnostics: every `tests/errors/*.py` is a program rpy must
//! refuse (exit status 1); what `rpy translate --color=never` prints on stderr is
//! compared with the reviewed snapshot in `tests/snapshots/` (insta: `cargo insta review`,
//! or `INSTA_UPDATE=always` then read the diff, to accept a change).
//!
//! A program's first lines may hold directives: `# rpy-test: env NAME=VALUE` (set for the
//! translation, e.g. a short import timeout) and `# rpy-test: expect success` (the
//! program must translate, and stderr is still snapshotted: it must stay empty). Programs
//! that mention `JitDriver` are translated with `--jit`, as in the oracle suite.
//!
//! The other tests here: the JSON error format, colour on request, and a forced panic
//! reported as an internal error naming the function.

use std::path::PathBuf;
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `rpy translate` on `rel` (a path relative to the repository root, as shown in the
/// messages) with extra arguments and environment; the binary goes to a scratch directory.
fn translate(rel: &str, args: &[&str], env: &[(String, String)]) -> Output {
    let out = tempfile::tempdir().expect("scratch directory");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rpy"));
    cmd.current_dir(repo_root())
        .arg("translate")
        .arg(rel)
        .arg("-o")
        .arg(out.path().join("prog"))
        .args(args)
        .env_remove("RPY_FORCE_PANIC")
        .env_remove("RPY_IMPORT_TIMEOUT")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run rpy")
}

/// The `# rpy-test:` directives of a program: (environment, expect success).
fn directives(src: &str) -> (Vec<(String, String)>, bool) {
    let mut env = vec![];
    let mut success = false;
    for line in src.lines().take_while(|l| l.starts_with('#')) {
        let Some(d) = line.strip_prefix("# rpy-test:").map(str::trim) else {
            continue;
        };
        if let Some(kv) = d.strip_prefix("env ") {
            let (k, v) = kv.split_once('=').expect("env NAME=VALUE");
            env.push((k.trim().to_string(), v.trim().to_string()));
        } else if d == "expect success" {
            success = true;
        } else {
            panic!("unknown directive `{d}`");
        }
    }
    (env, success)
}

fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn error_programs() {
    let count = std::fs::read_dir(repo_root().join("tests/errors"))
        .expect("tests/errors")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "py"))
        })
        .count();
    assert!(
        count >= 60,
        "tests/errors holds {count} programs, fewer than 60"
    );
    insta::glob!("errors/*.py", |path| {
        let src = std::fs::read_to_string(path).expect("read program");
        let (env, success) = directives(&src);
        let rel = path
            .strip_prefix(repo_root())
            .expect("under the repository")
            .to_str()
            .expect("utf-8 path")
            .to_string();
        let mut args = vec!["--color=never"];
        if src.contains("JitDriver") {
            args.push("--jit");
        }
        let o = translate(&rel, &args, &env);
        let want = if success { Some(0) } else { Some(1) };
        assert_eq!(
            o.status.code(),
            want,
            "{rel}: exit status\n{}",
            stderr_of(&o)
        );
        insta::assert_snapshot!(stderr_of(&o));
    });
}

#[test]
fn json_error_format() {
    let o = translate(
        "tests/errors/several_errors.py",
        &["--error-format=json"],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stderr_of(&o);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        for k in [
            "code", "message", "file", "line", "col", "end", "labels", "notes", "help",
        ] {
            assert!(v.get(k).is_some(), "missing `{k}` in {line}");
        }
    }
    insta::assert_snapshot!(text);
}

#[test]
fn color_on_request() {
    let o = translate("tests/errors/union_int_str.py", &["--color=always"], &[]);
    assert!(stderr_of(&o).contains("\u{1b}["), "no ANSI colour codes");
    let o = translate("tests/errors/union_int_str.py", &["--color=auto"], &[]);
    assert!(!stderr_of(&o).contains("\u{1b}["), "colour on a pipe");
}

#[test]
fn panic_is_an_internal_error() {
    let env = [("RPY_FORCE_PANIC".to_string(), "helper".to_string())];
    let o = translate("tests/internal/forced_panic.py", &["--color=never"], &env);
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    let text = stderr_of(&o);
    assert!(
        !text.contains("RUST_BACKTRACE"),
        "a Rust panic message leaked:\n{text}"
    );
    // The Rust source line of the forced panic changes with every edit around it.
    let text: String = text
        .lines()
        .map(|l| match l.find(" at crates/") {
            Some(i) => format!("{} at <rpy source>", &l[..i]),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);
}
