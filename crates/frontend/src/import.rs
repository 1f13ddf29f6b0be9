//! Runs the embedded CPython import helper (`import_helper.py`) on a target program and reads
//! the prebuilt-object snapshot it reports.
//!
//! As RPython imports its targets under its host Python, rpy lets CPython run the target's
//! import (all module-level metaprogramming included), then takes the object graph reachable
//! from the entry point as a [`Snapshot`]. The helper runs as
//! `python3 -c <helper> TARGET LIB_DIR TIMEOUT`; its protocol (exit status and JSON on stdout)
//! is described at the top of `import_helper.py`.
//!
//! Errors are [`ImportError`]s, each with a [`Diagnostic`] (`E0002`..`E0006`).

use crate::diag::Diagnostic;
use crate::prebuilt::{Obj, Snapshot};
use cranelift_entity::EntityRef;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The helper script's text (its line numbers are those of `File "<string>"` in tracebacks).
pub const IMPORT_HELPER: &str = include_str!("import_helper.py");

/// How long past the timeout rpy waits for the helper's own watchdog (which prints where the
/// import was) before killing it.
const GRACE: Duration = Duration::from_secs(1);

/// How long to wait for the output pipes after the helper has been killed (a process the
/// target started may still hold them open).
const PIPE_WAIT_AFTER_KILL: Duration = Duration::from_millis(300);

/// The snapshot of a successful import.
#[derive(Debug)]
pub struct ImportResult {
    pub snapshot: Snapshot,
    /// What the target printed while it was imported (its stdout is redirected to stderr).
    pub import_stderr: String,
    /// Wall time of the whole helper run, Python start-up included.
    pub seconds: f64,
}

/// Why the import stage failed.
#[derive(Clone, Debug)]
pub enum ImportError {
    /// The Python interpreter could not be started (or is too old).
    PythonNotFound { python: String, msg: String },
    /// Importing the target, or calling its `target()`, raised under CPython.
    ImportFailed {
        /// The target as given to [`run_import_helper`].
        target: String,
        /// CPython's traceback, without the helper's frames.
        traceback: String,
    },
    /// The target defines neither `main(argv)` nor `target()`, or they are not functions.
    NoEntryPoint { target: String, msg: String },
    /// The import did not finish in time (e.g. a loop at module level).
    Timeout {
        target: String,
        secs: f64,
        /// Where the import was when it was stopped (faulthandler's dump), if known.
        stack: Option<String>,
    },
    /// The helper crashed, exited unexpectedly or printed something that is not a snapshot.
    BadOutput { msg: String },
}

impl ImportError {
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            ImportError::PythonNotFound { python, msg } => Diagnostic::new(
                "E0006",
                format!("cannot run the Python interpreter `{python}`"),
                None,
            )
            .note(msg.clone())
            .help(
                "rpy imports the target under CPython 3.8 or newer: install it, or \
                         point rpy at another interpreter",
            ),
            ImportError::ImportFailed { target, traceback } => {
                let last = traceback
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("an exception")
                    .trim();
                Diagnostic::new(
                    "E0002",
                    format!("importing the target under CPython failed: {last}"),
                    None,
                )
                .note(format!("CPython's traceback:\n{}", traceback.trim_end()))
                .help(format!(
                    "the target must import under CPython: run `python3 {target}` to see \
                         the failure"
                ))
            }
            ImportError::NoEntryPoint { target, msg } => {
                Diagnostic::new("E0003", format!("no entry point in `{target}`"), None)
                    .note(msg.clone())
                    .help(
                        "define `def main(argv): ...` returning the exit status, or RPython's \
                     `def target(*args): return entry_point, None`",
                    )
            }
            ImportError::Timeout {
                target,
                secs,
                stack,
            } => {
                let mut d = Diagnostic::new(
                    "E0004",
                    format!("importing `{target}` under CPython did not finish within {secs} s"),
                    None,
                );
                if let Some(stack) = stack {
                    d = d.note(format!(
                        "where the import was when it was stopped:\n{}",
                        stack.trim_end()
                    ));
                }
                d.note(
                    "the target's module-level code runs at translation time; it may loop forever",
                )
                .help(
                    "move the program's work into the entry point, or under \
                     `if __name__ == '__main__':`, which does not run when rpy imports the target",
                )
            }
            ImportError::BadOutput { msg } => {
                Diagnostic::new("E0005", "the import helper did not report a snapshot", None)
                    .note(msg.clone())
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.to_diagnostic();
        write!(f, "error[{}]: {}", d.code, d.message)?;
        for n in &d.notes {
            write!(f, "\n  = note: {n}")?;
        }
        if let Some(h) = &d.help {
            write!(f, "\n  = help: {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Imports `target` under `python` with `lib_dir` (holding rpy's `rpy/` package) first on
/// `sys.path`, and returns the snapshot of the objects reachable from its entry point.
pub fn run_import_helper(
    python: &str,
    target: &Path,
    lib_dir: &Path,
    timeout: Duration,
) -> Result<ImportResult, ImportError> {
    let start = Instant::now();
    let shown = target.display().to_string();
    let target_abs = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    let lib_abs = std::path::absolute(lib_dir).unwrap_or_else(|_| lib_dir.to_path_buf());

    let mut cmd = Command::new(python);
    cmd.arg("-c")
        .arg(IMPORT_HELPER)
        .arg(&target_abs)
        .arg(&lib_abs)
        .arg(format!("{}", timeout.as_secs_f64()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Sets and dicts keyed by strings iterate in a fixed order: the snapshot is reproducible.
    if std::env::var_os("PYTHONHASHSEED").is_none() {
        cmd.env("PYTHONHASHSEED", "0");
    }
    let mut child = cmd.spawn().map_err(|e| ImportError::PythonNotFound {
        python: python.to_string(),
        msg: e.to_string(),
    })?;
    let stdout = read_in_thread(child.stdout.take());
    let stderr = read_in_thread(child.stderr.take());

    let status = wait_with_deadline(&mut child, start.checked_add(timeout.saturating_add(GRACE)));
    let seconds = start.elapsed().as_secs_f64();
    let Some(status) = status else {
        // rpy's own deadline: the helper's watchdog did not stop it.
        let err = stderr
            .recv_timeout(PIPE_WAIT_AFTER_KILL)
            .unwrap_or_default();
        let err = String::from_utf8_lossy(&err);
        return Err(ImportError::Timeout {
            target: shown,
            secs: timeout.as_secs_f64(),
            stack: faulthandler_stack(&err),
        });
    };
    let out = stdout.recv().unwrap_or_default();
    let err = stderr.recv().unwrap_or_default();
    let out = String::from_utf8_lossy(&out).into_owned();
    let err = String::from_utf8_lossy(&err).into_owned();

    match status.code() {
        Some(0) => {
            let snapshot = Snapshot::from_json(&out).map_err(|msg| ImportError::BadOutput {
                msg: with_stderr(msg, &err),
            })?;
            check_refs(&snapshot).map_err(|msg| ImportError::BadOutput { msg })?;
            Ok(ImportResult {
                snapshot,
                import_stderr: err,
                seconds,
            })
        }
        Some(2) => {
            let traceback = error_field(&out, "traceback").unwrap_or(err);
            Err(ImportError::ImportFailed {
                target: shown,
                traceback,
            })
        }
        Some(3) => {
            let msg = error_field(&out, "message").unwrap_or(err);
            Err(ImportError::NoEntryPoint { target: shown, msg })
        }
        Some(4) => {
            let msg = error_field(&out, "message").unwrap_or(err);
            Err(ImportError::BadOutput { msg })
        }
        Some(5) => {
            let msg = error_field(&out, "message").unwrap_or(err);
            Err(ImportError::PythonNotFound {
                python: python.to_string(),
                msg,
            })
        }
        _ if seconds >= timeout.as_secs_f64() && err.contains("Timeout (") => {
            Err(ImportError::Timeout {
                target: shown,
                secs: timeout.as_secs_f64(),
                stack: faulthandler_stack(&err),
            })
        }
        _ => Err(ImportError::BadOutput {
            msg: with_stderr(describe_exit(status), &err),
        }),
    }
}

/// Reads a pipe to its end on a thread, so neither pipe can fill up and block the helper.
fn read_in_thread<R: Read + Send + 'static>(pipe: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// Waits for the child until `deadline`; kills it then and returns `None`.
fn wait_with_deadline(child: &mut Child, deadline: Option<Instant>) -> Option<ExitStatus> {
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => {}
            Err(_) => return child.wait().ok(),
        }
        let now = Instant::now();
        if let Some(d) = deadline {
            if now >= d {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            pause = pause.min(d - now);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    }
}

/// The stack faulthandler printed when the helper's watchdog fired, without the helper's and
/// importlib's frames.
fn faulthandler_stack(stderr: &str) -> Option<String> {
    let at = stderr.rfind("Timeout (")?;
    let lines: Vec<&str> = stderr[at..]
        .lines()
        .skip(1)
        .filter(|l| !l.contains("File \"<string>\"") && !l.contains("<frozen importlib"))
        .map(|l| {
            if l.ends_with("(most recent call first):") {
                "Stack (most recent call first):"
            } else {
                l
            }
        })
        .collect();
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

/// A string field of the helper's `{"error": ...}` report.
fn error_field(out: &str, field: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(out).ok()?;
    v.get(field)?.as_str().map(str::to_string)
}

fn describe_exit(status: ExitStatus) -> String {
    match status.code() {
        Some(c) => format!("CPython exited with status {c} while importing the target"),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(sig) = status.signal() {
                    return format!(
                        "CPython was killed by signal {sig} while importing the target"
                    );
                }
            }
            "CPython was killed while importing the target".to_string()
        }
    }
}

fn with_stderr(msg: String, stderr: &str) -> String {
    const TAIL: usize = 4000;
    let s = stderr.trim_end();
    if s.is_empty() {
        return msg;
    }
    let mut start = s.len().saturating_sub(TAIL);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    format!("{msg}; its stderr ends with:\n{}", &s[start..])
}

/// Checks that every object id in the snapshot names an object.
fn check_refs(s: &Snapshot) -> Result<(), String> {
    let n = s.objects.len();
    let mut bad = None;
    for (id, o) in s.objects.iter() {
        let mut check = |r: crate::entities::ObjId| {
            if r.index() >= n && bad.is_none() {
                bad = Some(format!(
                    "snapshot object {id} refers to {r}, but there are only {n} objects"
                ));
            }
        };
        match o {
            Obj::List { items } | Obj::Tuple { items } | Obj::Set { items } => {
                items.iter().for_each(|&r| check(r))
            }
            Obj::Dict { items } => items.iter().for_each(|&(k, v)| {
                check(k);
                check(v)
            }),
            Obj::Function(f) => {
                f.defaults.iter().for_each(|&r| check(r));
                f.kwdefaults.iter().for_each(|&(_, r)| check(r));
                f.closure
                    .iter()
                    .for_each(|&(_, r)| r.into_iter().for_each(&mut check));
                f.attrs.iter().for_each(|&(_, r)| check(r));
                check(f.globals);
            }
            Obj::Class(c) => {
                c.bases.iter().for_each(|&r| check(r));
                c.attrs.iter().for_each(|&(_, r)| check(r));
            }
            Obj::Instance { class, attrs } => {
                check(*class);
                attrs.iter().for_each(|&(_, r)| check(r));
            }
            Obj::LibInstance { attrs, .. } | Obj::Module { globals: attrs, .. } => {
                attrs.iter().for_each(|&(_, r)| check(r))
            }
            Obj::BoundMethod { func, receiver } => {
                check(*func);
                check(*receiver);
            }
            Obj::StaticMethod { func } | Obj::ClassMethod { func } => check(*func),
            Obj::Property { fget, fset, fdel } => [fget, fset, fdel]
                .into_iter()
                .flatten()
                .for_each(|&r| check(r)),
            Obj::None
            | Obj::Bool { .. }
            | Obj::Int { .. }
            | Obj::BigInt { .. }
            | Obj::Float { .. }
            | Obj::Str { .. }
            | Obj::Bytes { .. }
            | Obj::Range { .. }
            | Obj::Builtin { .. }
            | Obj::Opaque { .. } => {}
        }
    }
    match bad {
        Some(m) => Err(m),
        None => Ok(()),
    }
}
