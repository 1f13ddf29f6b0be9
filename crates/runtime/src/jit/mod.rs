//! The JIT of translated programs (linked in by `rpy translate --jit`), after RPython's
//! `jit/metainterp`, `jit/metainterp/optimizeopt` and `jit/backend`.
//!
//! - [`trace`]: the trace IR (operations over typed SSA variables, guards with
//!   snapshots), its text form, and [`trace_parse`] to read that text back.
//! - [`jitcode`]: the register bytecode `jitgen` emits and its descriptors.
//! - [`eval`]: what the pure operations compute (tracer, blackhole, constant folding).
//! - [`optimize`]: the trace optimizer (intbounds, rewrite, virtualize, pure, heap, unroll).
//! - [`backend`]: compiles traces to machine code (Cranelift) and runs them.
//!
//! The pieces that use it — jitcodes (the register bytecode `jitgen` emits), the tracer
//! and blackhole interpreter that run jitcodes, warm-up counters, the optimizer, the
//! Cranelift backend, resume — are added module by module; ARCHITECTURE.md maps them.

pub mod backend;
pub mod blackhole;
pub mod compile;
pub mod eval;
pub mod jitcode;
pub mod log;
pub mod machine;
pub mod optimize;
pub mod params;
pub mod resume;
pub mod state;
pub mod trace;
pub mod trace_interp;
pub mod trace_parse;
pub mod tracer;
pub mod user_params;
pub mod vable;
pub mod warmup;
