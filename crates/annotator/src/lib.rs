//! The annotator: whole-program type inference over flow graphs, run to a fixpoint from
//! the entry point, as RPython's annotator does. It owns the annotation lattice
//! ([`model`]), list definitions ([`listdef`]), dict and set definitions ([`dictdef`],
//! rules in [`dicts`] and [`dict_builtins`]), the rules for each flow operation
//! ([`rules`]) and for builtin calls ([`builtins`], text files in [`files`]), and the worklist driver
//! ([`driver`]), which also builds the flow graph of each function the first time a call
//! reaches it.
//!
//! Every binding remembers the span it came from, so a conflict names both sources
//! ([`messages`]).
//! Architecture invariant: the annotator never writes into flow graphs; its results
//! ([`Program`]) are side tables keyed by graph and value.

pub mod builtins;
pub mod classdef;
pub mod dict_builtins;
pub mod dictdef;
pub mod dicts;
pub mod driver;
pub mod files;
pub mod globals;
pub mod instances;
pub mod listdef;
pub mod lists;
pub mod messages;
pub mod model;
pub mod rules;
pub mod strings;

pub use driver::{annotate, Program};
