//! Tuples inside dicts (the tuple layout is `lower/tuples.rs`'s): tuple keys, hashed
//! and compared item by item in generated code; the `(key, value)` pairs of `items()`;
//! and the repr of tuples that hold dicts or sets.

use super::repr::{and_then, repr as item_repr};
use super::table;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::Lower;
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::Value;

/// A new tuple of `items` (annotations `anns`).
pub fn new(l: &mut Lower, items: Vec<Value>, anns: &[Ann]) -> Value {
    crate::lower::tuples::newtuple(l, &items, anns, &Ann::Tuple(anns.to_vec()))
}

/// `hash(t)` for a tuple key: the items' hashes combined (as CPython's tuple hash did
/// before xxHash; any function consistent with `eq` will do).
pub fn hash(l: &mut Lower, t: Value, items: &[Ann], depth: u32) -> Value {
    let mut h = l.int(0x345678);
    let m = l.int(1_000_003);
    for k in 0..items.len() {
        let x = crate::lower::tuples::item(l, t, items, k);
        let hx = table::hash(l, x, &items[k], depth + 1);
        let mixed = l.op(LlOp::IntXor, vec![h, hx], LlType::Int);
        h = l.op(LlOp::IntMul, vec![mixed, m], LlType::Int);
    }
    let n = l.int(items.len() as i64);
    l.op(LlOp::IntAdd, vec![h, n], LlType::Int)
}

/// `a == b` for two tuples: item by item, stopping at the first difference. Items of
/// keys compare as keys (`__eq__` for instances that define it); items of values as
/// values (instances by identity, as `==` on instances does).
pub fn eq(l: &mut Lower, a: Value, b: Value, items: &[Ann], depth: u32, keys: bool) -> Value {
    let mut acc = l.konst(LlConst::Bool(true));
    for k in 0..items.len() {
        acc = and_then(l, acc, |l| {
            let x = crate::lower::tuples::item(l, a, items, k);
            let y = crate::lower::tuples::item(l, b, items, k);
            if keys {
                table::eq(l, x, y, &items[k], depth + 1)
            } else {
                super::repr::value_eq(l, x, y, &items[k], depth + 1)
            }
        });
    }
    acc
}

/// `repr(t)`: `(1, 'a')`, `(1,)`.
pub fn repr(l: &mut Lower, t: Value, items: &[Ann], depth: u32) -> Value {
    let z = l.int(0);
    let refs = l.int(1);
    let pieces = l.call_rt(&rt::LIST_NEW, vec![z, refs]);
    let push_str = |l: &mut Lower, s: &str| {
        let v = l.konst(LlConst::Str(s.to_string()));
        super::iter::push(l, pieces, v, LlType::Ref);
    };
    push_str(l, "(");
    for k in 0..items.len() {
        if k > 0 {
            push_str(l, ", ");
        }
        let x = crate::lower::tuples::item(l, t, items, k);
        let r = item_repr(l, x, &items[k], depth + 1);
        super::iter::push(l, pieces, r, LlType::Ref);
    }
    push_str(l, if items.len() == 1 { ",)" } else { ")" });
    l.call_rt(&rt::CONCAT_STRS, vec![pieces])
}
