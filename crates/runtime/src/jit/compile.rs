//! From a recorded trace to running code: optimize, compile with the backend, keep what
//! resume needs (the optimized trace's snapshots, guard failure counts), and log.

use super::backend::{Backend, CraneliftBackend, Exit};
use super::log;
use super::optimize::{optimize_bridge, optimize_loop, OptConfig, OptError};
use super::state::JitState;
use super::trace::{Opcode, SnapshotId, Trace};
use super::trace_interp::TraceInterp;
use std::time::Instant;

/// What is kept of a compiled trace.
pub struct TraceInfo {
    pub name: String,
    /// The trace as compiled (its snapshots are what guards resume from).
    pub trace: Trace,
    pub fail_counts: Vec<u64>,
    /// Guards that must not get a bridge (tracing one failed).
    pub no_bridge: Vec<bool>,
    /// 0 for a loop or entry, else one more than the trace its guard belongs to.
    pub depth: u32,
    /// For a loop or entry of a driver with a virtualizable: the lengths of its lists
    /// the trace was made for (entering it needs the same).
    pub vable_lens: Option<Vec<usize>>,
}

pub struct Compiled {
    pub infos: Vec<TraceInfo>,
    backend: Box<dyn Backend>,
}

impl Default for Compiled {
    /// Cranelift, unless `RPY_JIT_BACKEND=interp` asks for the reference executor (or
    /// Cranelift does not support this machine). `RPY_JIT_BACKEND=cranelift:none` turns
    /// Cranelift's own optimizer off (the trace optimizer did most of that work; traces
    /// compile faster, the code is a little worse).
    fn default() -> Compiled {
        let choice = std::env::var("RPY_JIT_BACKEND").unwrap_or_default();
        let backend: Box<dyn Backend> = if choice == "interp" {
            Box::new(TraceInterp::default())
        } else {
            let level = choice.strip_prefix("cranelift:").unwrap_or("speed");
            match CraneliftBackend::with_opt_level(level) {
                Ok(b) => Box::new(b),
                Err(e) => {
                    log::write(&format!(
                        "# no Cranelift backend ({e}): traces are interpreted\n"
                    ));
                    Box::new(TraceInterp::default())
                }
            }
        };
        Compiled {
            infos: vec![],
            backend,
        }
    }
}

impl Compiled {
    /// Words a frame passed to [`Compiled::execute`] must have.
    pub fn frame_words(&self) -> usize {
        self.backend.frame_words()
    }

    pub fn info_mut(&mut self, id: u32) -> &mut TraceInfo {
        &mut self.infos[id as usize]
    }

    /// # Safety
    /// `frame` holds the inputs of trace `id`.
    pub unsafe fn execute(&self, id: u32, frame: &mut [u64]) -> Exit {
        self.backend.execute(id, frame)
    }

    fn add(&mut self, name: String, trace: Trace, depth: u32) -> Result<u32, String> {
        let id = self.infos.len() as u32;
        let t0 = Instant::now();
        self.backend.compile(id, &trace)?;
        log::stats().compiling += t0.elapsed();
        let n = trace.snapshots.len();
        self.infos.push(TraceInfo {
            name,
            trace,
            fail_counts: vec![0; n],
            no_bridge: vec![false; n],
            depth,
            vable_lens: None,
        });
        Ok(id)
    }
}

fn optimize(st: &JitState, trace: Trace, is_loop: bool) -> Result<Trace, String> {
    let t0 = Instant::now();
    let cfg = OptConfig::parse(&st.params.enable_opts)?;
    let out = if is_loop {
        optimize_loop(trace, &cfg)
    } else {
        optimize_bridge(trace, &cfg)
    };
    log::stats().optimizing += t0.elapsed();
    out.map_err(|OptError::InvalidLoop(why)| format!("invalid loop: {why}"))
}

/// What kind of trace is compiled (for the log and the statistics).
#[derive(Copy, Clone, PartialEq)]
enum Kind {
    Loop,
    /// From a merge point into another compiled loop.
    Entry,
    Bridge,
}

/// Logs the trace, optimizes it, compiles it, logs the result; `depth` as in
/// [`TraceInfo::depth`].
fn compile_logged(
    st: &mut JitState,
    trace: Trace,
    kind: Kind,
    at: &str,
    depth: u32,
) -> Result<u32, String> {
    let what = match kind {
        Kind::Loop => "loop",
        Kind::Entry => "entry",
        Kind::Bridge => "bridge",
    };
    if log::enabled() {
        log::write(&format!(
            "# {what} at {at}: {} operations before optimization\n{}",
            trace.ops.len(),
            trace.to_text()
        ));
    }
    let opt = optimize(st, trace, kind == Kind::Loop)?;
    crate::gc::pin_for_jit(&opt.ref_consts()).map_err(|()| {
        "a constant of the trace is a young object (it would move); retried after the next collection"
            .to_string()
    })?;
    let name = match kind {
        Kind::Loop => at.to_string(),
        _ => format!("{what} at {at}"),
    };
    let id = st.warmup.compiled.add(name, opt, depth)?;
    match kind {
        Kind::Loop => log::stats().loops += 1,
        _ => log::stats().bridges += 1,
    }
    if log::enabled() {
        let t = &st.warmup.compiled.infos[id as usize].trace;
        log::write(&format!(
            "# {what} {id} at {at}: {} operations after optimization\n{}",
            t.ops.len(),
            t.to_text()
        ));
    }
    Ok(id)
}

pub fn compile_loop(st: &mut JitState, trace: Trace, name: &str) -> Result<u32, String> {
    compile_logged(st, trace, Kind::Loop, name, 0)
}

/// A trace from a merge point that ran into another compiled loop: compiled like a
/// bridge (it has no loop of its own) and entered from its key.
pub fn compile_entry(st: &mut JitState, trace: Trace, name: &str) -> Result<u32, String> {
    compile_logged(st, trace, Kind::Entry, name, 0)
}

/// A bridge from guard `guard` of trace `from`, attached to it.
pub fn compile_bridge(
    st: &mut JitState,
    trace: Trace,
    from: u32,
    guard: SnapshotId,
) -> Result<u32, String> {
    debug_assert!(trace.ops.last().map(|o| o.opcode) == Some(Opcode::Jump));
    let at = format!("guard {} of trace {from}", guard.0);
    let depth = st.warmup.compiled.infos[from as usize].depth + 1;
    let id = compile_logged(st, trace, Kind::Bridge, &at, depth)?;
    st.warmup.compiled.backend.attach_bridge(from, guard, id);
    Ok(id)
}
