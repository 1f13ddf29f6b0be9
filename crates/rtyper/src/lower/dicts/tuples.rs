//! Tuples inside dicts: tuple keys (hashed and compared item by item), `items()`
//! pairs, and their repr. (Waiting for the rtyper's tuple representation: refused.)

use crate::lltype::LlConst;
use crate::lower::Lower;
use annotator::model::Ann;
use frontend::entities::Value;

fn refuse(l: &mut Lower, what: &str) {
    l.error(
        "E0346",
        format!("{what} needs tuples, which the rtyper does not support yet"),
    );
}

/// A new tuple of `items` (annotations `anns`).
pub fn new(l: &mut Lower, _items: Vec<Value>, _anns: &[Ann]) -> Value {
    refuse(l, "`items()`");
    l.konst(LlConst::Null)
}

/// `hash(t)` for a tuple key.
pub fn hash(l: &mut Lower, _t: Value, _items: &[Ann], _depth: u32) -> Value {
    refuse(l, "a tuple key");
    l.int(0)
}

/// `a == b` for two tuple keys.
pub fn eq(l: &mut Lower, _a: Value, _b: Value, _items: &[Ann], _depth: u32) -> Value {
    refuse(l, "a tuple key");
    l.konst(LlConst::Bool(false))
}

/// `repr(t)`.
pub fn repr(l: &mut Lower, _t: Value, _items: &[Ann], _depth: u32) -> Value {
    refuse(l, "printing a tuple");
    l.konst(LlConst::Str(String::new()))
}
