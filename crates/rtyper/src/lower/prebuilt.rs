//! Prebuilt objects as static data: the low-level constant an object of the snapshot
//! becomes when it is an item of a prebuilt list or tuple or a field of a prebuilt
//! instance, and the items of every prebuilt tuple.
//!
//! A tuple is immutable, so one static copy serves every use; its items are stored in
//! the slot representation of their own constant annotation. An annotation that was
//! generalized to an int, float or bool that may be None (a boxed slot) does not match
//! that layout, and [`tuple_layout_ok`] refuses it.

use crate::lltype::LlConst;
use crate::repr::{slot_type, zero};
use annotator::driver::obj_const;
use annotator::model::Ann;
use annotator::Program;
use frontend::entities::ObjId;
use frontend::ops::Const;
use frontend::prebuilt::{Obj, Snapshot};

/// The static constant for object `o` stored where values of annotation `slot` live;
/// None when rpy cannot emit it.
pub fn static_item(p: &Program, snapshot: &Snapshot, o: ObjId, slot: &Ann) -> Option<LlConst> {
    Some(match obj_const(snapshot, o) {
        Const::Int(i) => LlConst::Int(i),
        Const::Bool(b) => LlConst::Int(b as i64),
        Const::Float(f) => LlConst::Float(f),
        Const::Str(s) => LlConst::Str(s),
        Const::None => zero(slot_type(slot)),
        Const::Obj(o) => match &snapshot.objects[o] {
            Obj::List { .. } => LlConst::PrebuiltList(o),
            Obj::Instance { .. } => LlConst::PrebuiltInstance(o),
            Obj::Dict { .. } | Obj::Set { .. } => LlConst::PrebuiltDict(o),
            Obj::Tuple { .. } => LlConst::PrebuiltTuple(o),
            Obj::Function(_) => match p.func_graphs.get(&o) {
                Some(&g) => LlConst::FuncPtr(g),
                None => LlConst::Null,
            },
            // Known constants (classes, modules, builtins) are not stored: void slots.
            Obj::Class(_) | Obj::Module { .. } | Obj::Builtin { .. } | Obj::LibInstance { .. } => {
                zero(slot_type(slot))
            }
            _ => return None,
        },
        Const::Builtin(_) => zero(slot_type(slot)),
        _ => return None,
    })
}

/// Whether values of annotation `a` that are prebuilt tuples (at any depth) have the
/// layout of the tuples' static copies: no item is a number that may be None.
pub fn tuple_layout_ok(a: &Ann) -> bool {
    match a {
        Ann::Tuple(items) => items.iter().all(|it| {
            !matches!(it, Ann::Optional(inner) if matches!(**inner, Ann::Int | Ann::Float | Ann::Bool(_)))
                && tuple_layout_ok(it)
        }),
        _ => true,
    }
}

/// The static items of every prebuilt tuple the program uses, and the objects rpy
/// cannot emit as their items.
pub fn tuples(p: &Program, snapshot: &Snapshot) -> (Vec<crate::PrebuiltTuple>, Vec<ObjId>) {
    let mut out = vec![];
    let mut bad = vec![];
    for &obj in &p.prebuilt_tuples {
        let Obj::Tuple { items } = &snapshot.objects[obj] else {
            continue;
        };
        let items = items
            .iter()
            .map(|&it| {
                // None is a null slot whatever the item's annotation; anything else is
                // stored as itself.
                static_item(p, snapshot, it, &Ann::Int).unwrap_or_else(|| {
                    bad.push(it);
                    LlConst::Null
                })
            })
            .collect();
        out.push(crate::PrebuiltTuple { obj, items });
    }
    (out, bad)
}
