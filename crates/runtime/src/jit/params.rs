//! JIT parameters, with PyPy's names and defaults. A program changes them with
//! `set_param(driver, name, value)` / `set_user_param(driver, "threshold=...,...")`
//! (or `"off"`); the environment variable `RPY_JIT` takes the same text, for
//! experiments without changing the program.

#[derive(Clone, Debug)]
pub struct Params {
    pub threshold: i64,
    pub function_threshold: i64,
    pub trace_eagerness: i64,
    pub trace_limit: usize,
    /// `enable_opts`: optimizer passes, ':'-separated, or "all".
    pub enable_opts: String,
    /// False after `--jit off`: the program runs in the compiled interpreter only.
    pub on: bool,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            threshold: 1039,
            function_threshold: 1619,
            trace_eagerness: 200,
            trace_limit: 6000,
            enable_opts: "all".into(),
            on: true,
        }
    }
}

impl Params {
    pub fn from_env() -> Params {
        let mut p = Params::default();
        if let Ok(text) = std::env::var("RPY_JIT") {
            if let Err(e) = p.set_user_param(&text) {
                eprintln!("rpy jit: RPY_JIT: {e}");
            }
        }
        p
    }

    /// One parameter by name.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let int = || {
            value
                .trim()
                .parse::<i64>()
                .map_err(|_| format!("{name}: not an integer: {value:?}"))
        };
        match name.trim() {
            "threshold" => self.threshold = int()?.max(1),
            "function_threshold" => self.function_threshold = int()?.max(1),
            "trace_eagerness" => self.trace_eagerness = int()?.max(1),
            "trace_limit" => self.trace_limit = int()?.max(1) as usize,
            "enable_opts" => self.enable_opts = value.trim().to_string(),
            // Accepted for compatibility with PyPy's names; rpy does not use them.
            "decay"
            | "inlining"
            | "loop_longevity"
            | "retrace_limit"
            | "max_retrace_guards"
            | "max_unroll_loops"
            | "disable_unrolling"
            | "max_unroll_recursion"
            | "vec"
            | "vec_all"
            | "vec_cost" => {
                int()?;
            }
            other => return Err(format!("unknown JIT parameter {other:?}")),
        }
        Ok(())
    }

    /// `"off"`, `"default"`, or `"name=value,name=value"`.
    pub fn set_user_param(&mut self, text: &str) -> Result<(), String> {
        match text.trim() {
            "off" => {
                self.on = false;
                return Ok(());
            }
            "default" => {
                *self = Params::default();
                return Ok(());
            }
            "" => return Ok(()),
            _ => {}
        }
        for item in text.split(',') {
            let (k, v) = item
                .split_once('=')
                .ok_or_else(|| format!("expected name=value, got {item:?}"))?;
            self.set(k, v)?;
        }
        self.on = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_params() {
        let mut p = Params::default();
        p.set_user_param("threshold=3,trace_limit=100").unwrap();
        assert_eq!((p.threshold, p.trace_limit), (3, 100));
        p.set_user_param("off").unwrap();
        assert!(!p.on);
        assert!(p.set_user_param("frobnicate=1").is_err());
    }
}
