//! Process-level behaviour, checked by re-running this test binary as a child that
//! runs one scenario (selected by RPY_RT_CHILD) and exits through the runtime:
//! buffered stdout, stderr ordering, argv, exit codes, uncaught-exception reports.

use super::*;
use crate::abi::TbLoc;
use crate::exceptions::*;
use crate::output::*;
use crate::process::*;
use crate::traceback::*;
use std::fs::File;

fn loc(line: i64, func: &'static std::ffi::CStr, src: &'static std::ffi::CStr) -> TbLoc {
    TbLoc {
        file: c"prog.py".as_ptr() as *const u8,
        func: func.as_ptr() as *const u8,
        source_line: src.as_ptr() as *const u8,
        line,
    }
}

/// Runs in the child only; does nothing in a normal test run.
#[test]
fn child_entry() {
    let Ok(scenario) = std::env::var("RPY_RT_CHILD") else {
        return;
    };
    let _g = lock();
    unsafe {
        let args = [c"prog".as_ptr(), c"a b".as_ptr(), c"\xff".as_ptr()];
        rpy_rt_init(args.len() as i32, args.as_ptr());
        let out = |t: &str| rpy_write_str(1, s(t));
        match scenario.as_str() {
            "uncaught" => {
                out("before\n");
                rpy_raise_builtin(
                    ZERO_DIVISION_ERROR as i64,
                    c"division by zero".as_ptr() as *const u8,
                );
                let inner = Box::leak(Box::new(loc(2, c"f", c"    return 1 / x  ")));
                let outer = Box::leak(Box::new(loc(5, c"<module>", c"")));
                rpy_tb_record(inner);
                rpy_tb_record(outer);
                rpy_report_uncaught();
            }
            "uncaught_no_message" => {
                rpy_raise_builtin(INDEX_ERROR as i64, std::ptr::null());
                rpy_report_uncaught();
            }
            "exit_none" => {
                out("x");
                rpy_raise_builtin(SYSTEM_EXIT as i64, std::ptr::null());
                rpy_report_uncaught();
            }
            "exit_int" => {
                rpy_raise_builtin(SYSTEM_EXIT as i64, c"3".as_ptr() as *const u8);
                rpy_report_uncaught();
            }
            "exit_str" => {
                rpy_raise_builtin(SYSTEM_EXIT as i64, c"bye now".as_ptr() as *const u8);
                rpy_report_uncaught();
            }
            "interleave" => {
                out("out1\n");
                rpy_write_bytes(2, b"err1\n".as_ptr(), 5);
                rpy_write_int(1, -12);
                rpy_write_float(1, 0.1);
                out("\n");
                let argv = rpy_argv_list();
                let list_repr = crate::list_repr::rpy_list_repr(argv, 3);
                rpy_write_str(1, list_repr);
                out("\n");
                rpy_rt_exit(7);
            }
            "big_output" => {
                for i in 0..100_000 {
                    rpy_write_int(1, i);
                    out("€\n");
                }
                rpy_rt_exit(0);
            }
            _ => panic!("unknown scenario"),
        }
    }
}

/// Runs `scenario` in a child; returns (status, stdout, stderr). `merged` sends both
/// streams to one file (returned as stdout) to check their ordering.
fn run_child(scenario: &str, merged: bool) -> (i32, String, String) {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        "tests::process::child_entry",
        "--test-threads=1",
        "-q",
    ])
    .env("RPY_RT_CHILD", scenario);
    if merged {
        let path = std::env::temp_dir().join(format!("rpyrt-merged-{}", std::process::id()));
        let f = File::create(&path).unwrap();
        cmd.stdout(f.try_clone().unwrap()).stderr(f);
        let status = cmd.status().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        return (status.code().unwrap_or(-1), text, String::new());
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The part of the child's stdout that the runtime wrote (after the harness banner).
fn runtime_output(stdout: &str) -> &str {
    stdout
        .split_once("running 1 test\n")
        .map_or(stdout, |(_, rest)| rest)
}

#[test]
fn uncaught_exception_report() {
    let (code, out, err) = run_child("uncaught", false);
    assert_eq!(code, 1);
    assert!(runtime_output(&out).starts_with("before\n"), "{out:?}");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"prog.py\", line 5, in <module>\n  \
         File \"prog.py\", line 2, in f\n    return 1 / x\nZeroDivisionError: division by zero\n"
    );
    let (code, _, err) = run_child("uncaught_no_message", false);
    assert_eq!(
        (code, err.as_str()),
        (1, "Traceback (most recent call last):\nIndexError\n")
    );
}

#[test]
fn system_exit() {
    let (code, out, err) = run_child("exit_none", false);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(runtime_output(&out).starts_with('x'));
    let (code, _, err) = run_child("exit_int", false);
    assert_eq!((code, err.as_str()), (3, ""));
    let (code, _, err) = run_child("exit_str", false);
    assert_eq!((code, err.as_str()), (1, "bye now\n"));
}

#[test]
fn stdout_is_flushed_before_stderr_and_at_exit() {
    let (code, out, _) = run_child("interleave", true);
    assert_eq!(code, 7);
    assert!(
        runtime_output(&out).starts_with("out1\nerr1\n-120.1\n['prog', 'a b', '\u{fffd}']\n"),
        "{out:?}"
    );
}

#[test]
fn large_output_is_complete() {
    let (code, out, _) = run_child("big_output", false);
    assert_eq!(code, 0);
    let want: String = (0..100_000).map(|i| format!("{i}€\n")).collect();
    assert!(runtime_output(&out).starts_with(&want));
}

#[test]
fn report_formatting_and_exit_actions() {
    let _g = lock();
    let l = loc(9, c"g", c"\t x = 1 \n");
    let report = unsafe {
        format_report(
            &[&l as *const TbLoc],
            crate::strobj::chars(s("KeyError")),
            crate::strobj::chars(s("'k'")),
        )
    };
    assert_eq!(
        String::from_utf8(report).unwrap(),
        "Traceback (most recent call last):\n  File \"prog.py\", line 9, in g\n    x = 1\nKeyError: 'k'\n"
    );
    let m = |t: &str| system_exit_action(Some(unsafe { crate::strobj::chars(s(t)) }));
    assert_eq!(system_exit_action(None), (0, None));
    assert_eq!(m("-2"), (-2, None));
    assert_eq!(m("x"), (1, Some(b"x\n".to_vec())));
}
