//! The JIT log (`RPY_JITLOG=file`): every trace before and after optimization, with the
//! interpreter's `get_printable_location` text at each merge point, bridges, aborts,
//! guard failure counts, and a summary at exit (loops, bridges, aborts, time spent
//! tracing, optimizing and compiling).

use super::state::JitState;
use std::fmt::Write as _;
use std::io::Write as _;
use std::time::Duration;

#[derive(Default)]
pub struct Stats {
    pub loops: usize,
    pub bridges: usize,
    pub aborts: usize,
    pub tracing: Duration,
    pub optimizing: Duration,
    pub compiling: Duration,
}

struct Log {
    file: Option<std::fs::File>,
    stats: Stats,
}

static mut LOG: Option<Log> = None;

#[allow(static_mut_refs)]
fn log() -> &'static mut Log {
    unsafe {
        LOG.get_or_insert_with(|| Log {
            file: std::env::var_os("RPY_JITLOG")
                .filter(|p| !p.is_empty())
                .and_then(|p| std::fs::File::create(p).ok()),
            stats: Stats::default(),
        })
    }
}

pub fn enabled() -> bool {
    log().file.is_some()
}

pub fn write(text: &str) {
    if let Some(f) = &mut log().file {
        let _ = f.write_all(text.as_bytes());
    }
}

pub fn stats() -> &'static mut Stats {
    &mut log().stats
}

/// `get_printable_location(*greens)` of the driver, or the green values.
pub fn printable_location(st: &JitState, driver: u32, key: &[u64]) -> String {
    let d = &st.data.drivers[driver as usize];
    if let Some(t) = d.printable_location {
        let target = &st.data.targets[t as usize];
        // SAFETY: the greens are the function's arguments, as the driver declares.
        let s = unsafe { super::machine::call_target(st, target, key) };
        if super::machine::exception_pending() {
            unsafe { crate::exceptions::rpy_exc_clear() };
        } else if s != 0 {
            return unsafe { crate::strobj::chars(s as *const u8).to_string_lossy() };
        }
    }
    let mut t = format!("{}:", d.name);
    for v in key {
        let _ = write!(t, " {}", *v as i64);
    }
    t
}

/// Writes the summary (at exit).
pub fn finish() {
    #[allow(static_mut_refs)]
    let Some(l) = (unsafe { LOG.as_mut() }) else {
        return;
    };
    let s = &l.stats;
    let mut t = String::new();
    let _ = writeln!(t, "# summary");
    let _ = writeln!(t, "loops: {}", s.loops);
    let _ = writeln!(t, "bridges: {}", s.bridges);
    let _ = writeln!(t, "aborts: {}", s.aborts);
    let _ = writeln!(t, "tracing: {:.3} ms", s.tracing.as_secs_f64() * 1e3);
    let _ = writeln!(t, "optimizing: {:.3} ms", s.optimizing.as_secs_f64() * 1e3);
    let _ = writeln!(t, "compiling: {:.3} ms", s.compiling.as_secs_f64() * 1e3);
    if let Some(st) = super::state::loaded() {
        for (id, info) in st.warmup.compiled.infos.iter().enumerate() {
            let n: u64 = info.fail_counts.iter().sum();
            if n > 0 {
                let _ = writeln!(t, "guard failures in trace {id} ({}): {n}", info.name);
            }
        }
    }
    if let Some(f) = &mut l.file {
        let _ = f.write_all(t.as_bytes());
    }
}
