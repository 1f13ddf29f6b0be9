//! The trace optimizer, after RPython's `jit/metainterp/optimizeopt`.
//!
//! [`optimize_loop`] and [`optimize_bridge`] rewrite a recorded [`Trace`] through a
//! chain of passes chosen by an [`OptConfig`] (PyPy's `enable_opts`):
//!
//! - `intbounds` ([`intbounds`]): integer ranges; known comparisons, no-overflow
//!   arithmetic;
//! - `rewrite` ([`rewrite`], [`fold`]): constant folding, algebraic identities, guards
//!   on known values, what guards prove;
//! - `virtualize` ([`virtualize`]): allocation removal, virtuals in snapshots, forcing;
//! - `pure` ([`pure`]): common subexpression elimination;
//! - `heap` ([`heap`]): the heap cache (loads after loads or stores, redundant stores);
//! - `unroll` ([`unroll`]): loop peeling — preamble plus a loop that keeps invariant
//!   work in the preamble and passes virtuals around the loop as their fields.
//!
//! They run as one forward pass over shared state ([`optimizer`]); dead code
//! elimination ([`dce`]) follows. Output shapes: a loop stays `label ... jump` (or
//! becomes `label(a..) preamble label(b..) loop jump(..)`, the jump going to the last
//! label; the second label's arguments are variables of the preamble, rebound by the
//! label on each iteration, as in PyPy), a bridge keeps its inputs and final
//! `jump`/`finish`. Output variables keep their input numbers; new ones are numbered
//! from the largest up, deterministically.

pub mod dce;
pub mod fold;
pub mod heap;
pub mod intbounds;
pub mod optimizer;
pub mod pure;
pub mod rewrite;
pub mod unroll;
pub mod virtualize;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_random;
#[cfg(test)]
mod tests_unroll;

use crate::jit::trace::*;
use optimizer::Opt;

/// Which passes run (PyPy's `enable_opts`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptConfig {
    pub intbounds: bool,
    pub rewrite: bool,
    pub virtualize: bool,
    pub pure: bool,
    pub heap: bool,
    pub unroll: bool,
}

impl Default for OptConfig {
    fn default() -> OptConfig {
        OptConfig::all()
    }
}

impl OptConfig {
    pub const NAMES: &'static [&'static str] = &[
        "intbounds",
        "rewrite",
        "virtualize",
        "pure",
        "heap",
        "unroll",
    ];

    pub fn all() -> OptConfig {
        OptConfig {
            intbounds: true,
            rewrite: true,
            virtualize: true,
            pure: true,
            heap: true,
            unroll: true,
        }
    }

    pub fn none() -> OptConfig {
        OptConfig {
            intbounds: false,
            rewrite: false,
            virtualize: false,
            pure: false,
            heap: false,
            unroll: false,
        }
    }

    /// `"all"`, `""` (none) or a `:`-separated list of pass names.
    pub fn parse(s: &str) -> Result<OptConfig, String> {
        if s == "all" {
            return Ok(OptConfig::all());
        }
        let mut c = OptConfig::none();
        for name in s.split(':').filter(|n| !n.is_empty()) {
            match name {
                "intbounds" => c.intbounds = true,
                "rewrite" => c.rewrite = true,
                "virtualize" => c.virtualize = true,
                "pure" => c.pure = true,
                "heap" => c.heap = true,
                "unroll" => c.unroll = true,
                _ => return Err(format!("unknown optimization {name:?}")),
            }
        }
        Ok(c)
    }
}

/// Why a trace cannot be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptError {
    /// The trace cannot run as recorded (a guard that always fails...).
    InvalidLoop(String),
}

impl std::fmt::Display for OptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptError::InvalidLoop(m) => write!(f, "invalid loop: {m}"),
        }
    }
}

/// Optimizes a loop `label(inputs) ... jump(args)`.
pub fn optimize_loop(trace: Trace, cfg: &OptConfig) -> Result<Trace, OptError> {
    if cfg.unroll {
        if let Some(t) = unroll::unroll(&trace, cfg)? {
            return Ok(t);
        }
    }
    optimize_linear(&trace, cfg)
}

/// Optimizes a bridge: inputs, operations, `jump(..) ->loopN` or `finish`.
pub fn optimize_bridge(trace: Trace, cfg: &OptConfig) -> Result<Trace, OptError> {
    optimize_linear(&trace, cfg)
}

/// One pass over the whole trace (no peeling).
pub fn optimize_linear(trace: &Trace, cfg: &OptConfig) -> Result<Trace, OptError> {
    let mut o = Opt::new(trace, cfg, empty_output(trace));
    for &v in &trace.inputs {
        o.map[v.0 as usize] = Some(Arg::Var(v));
    }
    o.run(&trace.ops)?;
    let mut out = o.out;
    dce::dce(&mut out);
    Ok(out)
}

/// An output trace with the input's inputs and variable types, and no operations.
pub(crate) fn empty_output(trace: &Trace) -> Trace {
    Trace {
        inputs: trace.inputs.clone(),
        ops: vec![],
        types: trace.types.clone(),
        snapshots: vec![],
    }
}
