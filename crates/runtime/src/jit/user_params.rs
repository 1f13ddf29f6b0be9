//! `set_param(driver, name, value)` and `set_user_param(driver, text)` called by the
//! program (an interpreter forwarding its own `--jit ...` option), with the checks and
//! error messages of `lib/rpy/jit.py`, so the binary behaves as CPython does.

use super::params::Params;
use crate::exceptions::{raise_msg, VALUE_ERROR};
use crate::strobj::chars;

/// PyPy's parameter names (`rpy.jit.PARAMETERS`).
const NAMES: &[&str] = &[
    "threshold",
    "function_threshold",
    "trace_eagerness",
    "decay",
    "trace_limit",
    "inlining",
    "loop_longevity",
    "retrace_limit",
    "max_retrace_guards",
    "max_unroll_loops",
    "disable_unrolling",
    "enable_opts",
    "max_unroll_recursion",
    "vec",
    "vec_all",
    "vec_cost",
];

fn py_repr(s: &str) -> String {
    // Enough for parameter texts: CPython's repr of a str without quotes inside.
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// The parameters the program changes: the JIT's, or a set kept until the JIT starts.
fn params() -> Option<&'static mut Params> {
    super::state::state().map(|st| &mut st.params)
}

fn apply(name: &str, value: &str) {
    if let Some(p) = params() {
        match name {
            "threshold" | "function_threshold" if value.trim().starts_with('-') => p.on = false,
            _ => {
                let _ = p.set(name, value);
                if name == "threshold" {
                    p.on = true;
                }
            }
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn rpy_jit_set_param_int(name: *const u8, value: i64) {
    let name = chars(name).to_string_lossy();
    if !NAMES.contains(&name.as_str()) || name == "enable_opts" {
        let msg = if name == "enable_opts" {
            "enable_opts takes a str".to_string()
        } else {
            format!("unknown JIT parameter {}", py_repr(&name))
        };
        raise_msg(
            if name == "enable_opts" {
                crate::exceptions::TYPE_ERROR
            } else {
                VALUE_ERROR
            },
            &msg,
        );
        return;
    }
    apply(&name, &value.to_string());
}

#[no_mangle]
pub unsafe extern "C" fn rpy_jit_set_user_param(text: *const u8) {
    let text = chars(text).to_string_lossy();
    match text.as_str() {
        "off" => {
            if let Some(p) = params() {
                p.on = false;
            }
            return;
        }
        "default" => {
            if let Some(p) = params() {
                *p = Params::default();
            }
            return;
        }
        _ => {}
    }
    let mut parsed = vec![];
    for item in text.split(',') {
        let parts: Vec<&str> = item.trim_matches(' ').split('=').collect();
        if parts.len() != 2 {
            raise_msg(
                VALUE_ERROR,
                &format!("JIT parameters: expected name=value, got {}", py_repr(item)),
            );
            return;
        }
        let (name, value) = (parts[0], parts[1]);
        if !NAMES.contains(&name) {
            raise_msg(
                VALUE_ERROR,
                &format!("unknown JIT parameter {}", py_repr(name)),
            );
            return;
        }
        if name != "enable_opts" && value.trim().parse::<i64>().is_err() {
            raise_msg(
                VALUE_ERROR,
                &format!("invalid literal for int() with base 10: {}", py_repr(value)),
            );
            return;
        }
        parsed.push((name.to_string(), value.to_string()));
    }
    for (n, v) in parsed {
        apply(&n, &v);
    }
}
