//! The frontend owns the graph model that every later stage reuses, the prebuilt-object
//! snapshot made by CPython at import time, and the builder that turns each reachable
//! function object's Python source into an SSA flow graph.
//!
//! - [`entities`], [`graph`], [`ops`], [`write`], [`check`]: the graph model, its flow
//!   dialect, its text form and its verifier.
//! - [`source`]: files and spans; [`diag`], [`render`]: diagnostics and their rendering.
//! - [`prebuilt`], [`import`]: the snapshot and the embedded CPython helper that makes it.
//! - [`flow`]: Python AST → flow graph, one graph per function object.
//!
//! Architecture invariant: the frontend knows nothing of types; it never guesses what an
//! operation means beyond Python's syntax. Unsupported syntax is a [`diag::Diagnostic`],
//! never a panic.

pub mod check;
pub mod diag;
pub mod entities;
pub mod flow;
pub mod graph;
pub mod import;
pub mod ops;
pub mod prebuilt;
pub mod render;
pub mod source;
pub mod write;
