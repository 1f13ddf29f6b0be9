//! Lowering of tuples — immutable heap objects `{hdr, item...}` with 8-byte items — and
//! of `repr()` for containers, whose items print as their reprs.

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{item_kind, slot_type};
use crate::runtime_fns as rt;
use annotator::model::{Ann, ClassRef};
use frontend::entities::Value;
use frontend::graph::{Exit, Link};
use frontend::ops::FlowOp;
use rpyrt::abi::{LIST_ITEMS, LIST_LENGTH, TUPLE_ITEMS};

pub fn newtuple(l: &mut Lower, args: &[Value], anns: &[Ann], res: &Ann) -> Value {
    let Ann::Tuple(items) = res else {
        return l.konst(LlConst::Null);
    };
    let size = l.int(TUPLE_ITEMS + 8 * items.len() as i64);
    let tid = l.int(crate::gc_shapes::tuple_header(items));
    let t = l.call_rt(&rt::ALLOC, vec![size, tid]);
    for (k, ((&v, a), it)) in args.iter().zip(anns).zip(items).enumerate() {
        let s = l.to_slot(v, a, it);
        l.set_field(t, TUPLE_ITEMS + 8 * k as i64, slot_type(it), s);
    }
    t
}

/// Item `k` of a tuple of annotation `items`.
pub fn item(l: &mut Lower, t: Value, items: &[Ann], k: usize) -> Value {
    let st = slot_type(&items[k]);
    let v = l.field(t, TUPLE_ITEMS + 8 * k as i64, st);
    l.from_slot(v, &items[k])
}

/// `x == y` on tuples of equal length: item by item.
pub fn eq(l: &mut Lower, x: Value, y: Value, ax: &Ann, ay: &Ann) -> Value {
    let (Ann::Tuple(xs), Ann::Tuple(ys)) = (ax, ay) else {
        return l.konst(LlConst::Bool(false));
    };
    let mut acc = l.konst(LlConst::Bool(true));
    for k in 0..xs.len() {
        let (a, b) = (item(l, x, xs, k), item(l, y, ys, k));
        let c = super::ops::compare(l, FlowOp::Eq, a, b, &xs[k], &ys[k]);
        let f = l.konst(LlConst::Bool(false));
        acc = l.op(LlOp::Select(LlType::Bool), vec![acc, c, f], LlType::Bool);
    }
    acc
}

fn lit(l: &mut Lower, s: &str) -> Value {
    l.konst(LlConst::Str(s.to_string()))
}

fn concat(l: &mut Lower, a: Value, b: Value) -> Value {
    l.call_rt(&rt::STR_CONCAT, vec![a, b])
}

/// `repr(x)`: strs quoted, containers recursively, instances by `__repr__`.
pub fn repr(l: &mut Lower, v: Value, a: &Ann) -> Value {
    match a {
        Ann::Str { nullable: false } => l.call_rt(&rt::STR_REPR, vec![v]),
        Ann::Tuple(items) => {
            let mut acc = lit(l, "(");
            for k in 0..items.len() {
                if k > 0 {
                    let sep = lit(l, ", ");
                    acc = concat(l, acc, sep);
                }
                let x = item(l, v, items, k);
                let r = repr(l, x, &items[k]);
                acc = concat(l, acc, r);
            }
            let close = lit(l, if items.len() == 1 { ",)" } else { ")" });
            concat(l, acc, close)
        }
        Ann::List { .. } => list_repr(l, v, a),
        a if annotator::dicts::is_dict(a) => super::dicts::repr_value(l, v, a),
        Ann::Instance {
            class: ClassRef::User(_),
            ..
        } => super::instances::call_method(
            l,
            v,
            a,
            "__repr__",
            vec![],
            vec![],
            &Ann::Str { nullable: false },
        ),
        _ => super::builtins::to_str(l, v, a),
    }
}

/// A list's repr: the runtime formats lists of primitives; other items are formatted
/// here, item by item.
pub fn list_repr(l: &mut Lower, v: Value, a: &Ann) -> Value {
    let item = l.list_item(a);
    if let Some(kind) = item_kind(&item) {
        let k = l.int(kind as i64);
        return l.call_rt(&rt::LIST_REPR, vec![v, k]);
    }
    // for i in range(len): acc += (", " if i else "") + repr(item)
    let open = lit(l, "[");
    let zero = l.int(0);
    let (head, body, done) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let (i, acc) = (
        l.ll.add_param(head, Some("i")),
        l.ll.add_param(head, Some("acc")),
    );
    l.types.insert(i, LlType::Int);
    l.types.insert(acc, LlType::Ref);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: head,
            args: vec![zero, open],
        }),
    );
    l.cur = head;
    let len = l.field(v, LIST_LENGTH, LlType::Int);
    let more = l.op(LlOp::IntLt, vec![i, len], LlType::Bool);
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond: more,
            if_true: Link {
                target: body,
                args: vec![],
            },
            if_false: Link {
                target: done,
                args: vec![],
            },
        },
    );
    l.cur = body;
    let items = l.field(v, LIST_ITEMS, LlType::Ref);
    let st = slot_type(&item);
    let x = l.op(LlOp::GetArrayItem(st), vec![items, i], st);
    let x = l.from_slot(x, &item);
    let r = repr(l, x, &item);
    let z = l.int(0);
    let first = l.op(LlOp::IntEq, vec![i, z], LlType::Bool);
    let (none, comma) = (lit(l, ""), lit(l, ", "));
    let sep = l.op(
        LlOp::Select(LlType::Ref),
        vec![first, none, comma],
        LlType::Ref,
    );
    let acc2 = concat(l, acc, sep);
    let acc3 = concat(l, acc2, r);
    let one = l.int(1);
    let next = l.op(LlOp::IntAdd, vec![i, one], LlType::Int);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: head,
            args: vec![next, acc3],
        }),
    );
    l.cur = done;
    let close = lit(l, "]");
    concat(l, acc, close)
}
