//! Typed indices of the graph model: blocks, values and instructions of one graph, and
//! graphs, source files and prebuilt objects of a whole program.
//!
//! Each is a `u32` newtype (cranelift-entity), so a block can never be passed where a value
//! is expected. `Display` prints the text names used by every dump (`b3`, `v7`, `i2`).

use cranelift_entity::entity_impl;

/// A basic block of one graph.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(u32);
entity_impl!(Block, "b");

/// An SSA value of one graph: a variable or a constant.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(u32);
entity_impl!(Value, "v");

/// An operation of one graph.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Inst(u32);
entity_impl!(Inst, "i");

/// A source file known to the [`crate::source::SourceMap`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(u32);
entity_impl!(FileId, "file");

/// An object of the prebuilt snapshot (made by CPython at import time).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
pub struct ObjId(u32);
entity_impl!(ObjId, "obj");

/// A flow graph of the program (one per function object and specialisation).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GraphId(u32);
entity_impl!(GraphId, "g");
