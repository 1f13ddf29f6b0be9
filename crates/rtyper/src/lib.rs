//! The rtyper: chooses a low-level representation for every annotation and rewrites each
//! annotated flow graph into a low-level graph ([`lltype`]): machine integers and floats,
//! pointers to objects laid out as `runtime::abi` says, field and array accesses as
//! operations (not calls) so LLVM inlines them and the JIT will trace through them, and
//! runtime calls ([`runtime_fns`]) for the rest.
//!
//! - [`repr`]: annotation → low-level type, and the conversions between them.
//! - [`classes`]: the class table with subclass ranges.
//! - [`lower`]: the graph rewriting, one module per family of operations.
//!
//! Architecture invariant: low-level graphs have the same ids as the flow graphs they come
//! from; nothing here knows about LLVM.

pub mod classes;
pub mod gc_shapes;
pub mod lltype;
pub mod lower;
pub mod repr;
pub mod runtime_fns;

use classes::ClassTable;
use cranelift_entity::PrimaryMap;
use frontend::entities::{GraphId, ObjId, Value};
use lltype::{LlConst, LlGraph, LlType};
use std::collections::HashMap;

/// One function in low-level form.
pub struct LlFunction {
    pub graph: LlGraph,
    pub types: HashMap<Value, LlType>,
    pub params: Vec<LlType>,
    pub ret: LlType,
}

impl LlFunction {
    pub fn ty(&self, v: Value) -> LlType {
        match self.graph.const_of(v) {
            Some(c) => repr::const_type(c),
            None => self.types.get(&v).copied().unwrap_or(LlType::Void),
        }
    }
}

/// A prebuilt list to emit as static data: its slot type and items.
pub struct PrebuiltList {
    pub obj: ObjId,
    pub items: Vec<LlConst>,
    /// Whether the items are GC references.
    pub refs: bool,
}

/// A prebuilt tuple to emit as static data: its items (8-byte slots).
pub struct PrebuiltTuple {
    pub obj: ObjId,
    pub items: Vec<LlConst>,
}

/// A prebuilt instance to emit as static data: its class and field values by offset.
pub struct PrebuiltInstance {
    pub obj: ObjId,
    pub class: usize,
    pub fields: Vec<(i64, LlConst)>,
}

/// A prebuilt dict or set: an empty dict object in static data with its key kind,
/// filled by the startup graph [`LlProgram::init`].
pub struct PrebuiltDict {
    pub obj: ObjId,
    pub kind: i64,
}

/// The whole program in low-level form.
pub struct LlProgram {
    pub functions: PrimaryMap<GraphId, LlFunction>,
    pub entry: GraphId,
    pub classes: ClassTable,
    pub prebuilt_lists: Vec<PrebuiltList>,
    pub prebuilt_instances: Vec<PrebuiltInstance>,
    pub prebuilt_tuples: Vec<PrebuiltTuple>,
    /// Static cells of module globals assigned at run time: type and initial value.
    pub global_cells: Vec<(LlType, LlConst)>,
    pub prebuilt_dicts: Vec<PrebuiltDict>,
    /// A graph without parameters that `main` runs first (fills the prebuilt dicts).
    pub init: Option<GraphId>,
    /// The program's `JitDriver`s; `jit_merge_point` and `can_enter_jit` name them by
    /// index here.
    pub jit_drivers: Vec<JitDriverDesc>,
    /// The GC shapes of tuples and instances (see [`gc_shapes`]); entry 0 is empty.
    pub gc_shapes: Vec<Vec<i64>>,
    /// The shape number of each class's instances.
    pub class_shapes: Vec<u64>,
}

/// A prebuilt `rpy.jit.JitDriver`.
#[derive(Clone, Debug)]
pub struct JitDriverDesc {
    pub obj: ObjId,
    pub name: String,
    pub greens: Vec<String>,
    pub reds: Vec<String>,
    /// `get_printable_location`, when given and translated.
    pub printable_location: Option<GraphId>,
    /// `virtualizables=[name]`: the red whose fields the JIT keeps in registers.
    pub virtualizable: Option<VirtualizableDesc>,
}

/// A virtualizable red: the fields its class lists in `_virtualizable_`.
#[derive(Clone, Debug)]
pub struct VirtualizableDesc {
    /// Index of the red among the driver's reds.
    pub red: usize,
    /// Scalar fields: byte offset and type.
    pub scalars: Vec<(i64, lltype::LlType)>,
    /// `lst[*]` fields (fixed-size lists): byte offset of the field and the item type.
    pub arrays: Vec<(i64, lltype::LlType)>,
}

pub use lower::rtype;
