//! Representations: the low-level type of each annotation, and the kinds of list items.

use crate::lltype::{LlConst, LlType};
use annotator::model::Ann;
use rpyrt::abi::ItemKind;

/// The low-level type that represents values of an annotation.
pub fn ll_type(a: &Ann) -> LlType {
    match a {
        Ann::Impossible | Ann::None | Ann::Const(_) => LlType::Void,
        Ann::Bool(_) => LlType::Bool,
        // A file is its handle in the runtime's table of open files.
        Ann::Int | Ann::File => LlType::Int,
        Ann::Float => LlType::Float,
        Ann::Str { .. }
        | Ann::List { .. }
        | Ann::Tuple(_)
        | Ann::Range
        | Ann::RangeIter
        | Ann::ListIter(_)
        | Ann::StrIter
        | Ann::StrBuilder
        | Ann::Instance { .. }
        | Ann::Funcs(_)
        | Ann::Optional(_)
        | Ann::Dict { .. }
        | Ann::Set { .. }
        | Ann::DictView { .. }
        | Ann::DictIter { .. } => LlType::Ref,
        Ann::BoundMethod { receiver, .. }
        | Ann::BoundFunc { receiver, .. }
        | Ann::Super { receiver, .. } => ll_type(receiver),
    }
}

/// Whether values of this annotation are references to GC objects (which the collector
/// follows), as opposed to numbers, function pointers or stack-allocated iterators.
pub fn is_gc(a: &Ann) -> bool {
    match a {
        Ann::Str { .. }
        | Ann::List { .. }
        | Ann::Tuple(_)
        | Ann::StrBuilder
        | Ann::Instance { .. }
        | Ann::Optional(_)
        | Ann::Dict { .. }
        | Ann::Set { .. }
        | Ann::DictView { .. } => true,
        Ann::BoundMethod { receiver, .. }
        | Ann::BoundFunc { receiver, .. }
        | Ann::Super { receiver, .. } => is_gc(receiver),
        _ => false,
    }
}

/// The type stored in an 8-byte list slot for items of this annotation.
pub fn slot_type(item: &Ann) -> LlType {
    match ll_type(item) {
        LlType::Bool | LlType::Void => LlType::Int,
        t => t,
    }
}

/// The runtime's item kind, for helpers that format or compare items.
pub fn item_kind(item: &Ann) -> Option<ItemKind> {
    match item {
        Ann::Int | Ann::Impossible => Some(ItemKind::Int),
        Ann::Bool(_) => Some(ItemKind::Bool),
        Ann::Float => Some(ItemKind::Float),
        Ann::Str { nullable: false } => Some(ItemKind::Str),
        _ => None,
    }
}

pub fn const_type(c: &LlConst) -> LlType {
    match c {
        LlConst::Void | LlConst::Graph(_) | LlConst::Runtime(_) => LlType::Void,
        LlConst::Bool(_) => LlType::Bool,
        LlConst::Int(_) => LlType::Int,
        LlConst::Float(_) => LlType::Float,
        LlConst::Null
        | LlConst::Str(_)
        | LlConst::Vtable(_)
        | LlConst::PrebuiltList(_)
        | LlConst::PrebuiltInstance(_)
        | LlConst::PrebuiltTuple(_)
        | LlConst::FuncPtr(_)
        | LlConst::PrebuiltDict(_) => LlType::Ref,
    }
}

/// The zero value of a type (for values that are never really read).
pub fn zero(t: LlType) -> LlConst {
    match t {
        LlType::Void => LlConst::Void,
        LlType::Bool => LlConst::Bool(false),
        LlType::Int => LlConst::Int(0),
        LlType::Float => LlConst::Float(0.0),
        LlType::Ref => LlConst::Null,
    }
}
