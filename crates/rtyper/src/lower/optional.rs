//! Ints, floats and bools that may be None: boxed in a one-item tuple at run time (null
//! for None). Using one where a number is required unboxes it, raising TypeError for
//! None as CPython does.

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::slot_type;
use annotator::model::Ann;
use frontend::entities::Value;
use frontend::graph::{Exit, Link};
use rpyrt::abi::TUPLE_ITEMS;

/// Boxes a number of annotation `inner`.
pub fn boxed(l: &mut Lower, v: Value, from: &Ann, inner: &Ann) -> Value {
    let size = l.int(TUPLE_ITEMS + 8);
    let tid = l.int(crate::gc_shapes::tuple_header(std::slice::from_ref(inner)));
    let b = l.call_rt(&crate::runtime_fns::ALLOC, vec![size, tid]);
    let s = l.to_slot(v, from, inner);
    l.set_field(b, TUPLE_ITEMS, slot_type(inner), s);
    b
}

/// The number in a non-null box.
pub fn load(l: &mut Lower, b: Value, inner: &Ann) -> Value {
    let v = l.field(b, TUPLE_ITEMS, slot_type(inner));
    l.from_slot(v, inner)
}

/// Unboxes, raising TypeError for None.
pub fn unwrap(l: &mut Lower, b: Value, inner: &Ann) -> Value {
    let isnull = l.op(LlOp::PtrIsNull, vec![b], LlType::Bool);
    let what = match inner {
        Ann::Float => "float",
        Ann::Bool(_) => "bool",
        _ => "int",
    };
    l.raise_if(
        isnull,
        "TypeError",
        &format!("unsupported operand type(s): 'NoneType' where an {what} is required"),
    );
    load(l, b, inner)
}

/// `then(l)` when `b` is not null, else `default`: a value of type `t`.
pub fn if_nonnull(
    l: &mut Lower,
    b: Value,
    t: LlType,
    default: Value,
    then: impl FnOnce(&mut Lower) -> Value,
) -> Value {
    let isnull = l.op(LlOp::PtrIsNull, vec![b], LlType::Bool);
    let (nonnull, join) = (l.ll.new_block(), l.ll.new_block());
    let res = l.ll.add_param(join, None);
    l.types.insert(res, t);
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond: isnull,
            if_true: Link {
                target: join,
                args: vec![default],
            },
            if_false: Link {
                target: nonnull,
                args: vec![],
            },
        },
    );
    l.cur = nonnull;
    let v = then(l);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: join,
            args: vec![v],
        }),
    );
    l.cur = join;
    res
}

/// `x == y` / `x != y` with an optional number on either side.
pub fn eq(l: &mut Lower, x: Value, y: Value, ax: &Ann, ay: &Ann, negate: bool) -> Value {
    let r = match (ax, ay) {
        (Ann::Optional(_), Ann::None) | (Ann::None, Ann::Optional(_)) => {
            let b = if matches!(ax, Ann::Optional(_)) { x } else { y };
            l.op(LlOp::PtrIsNull, vec![b], LlType::Bool)
        }
        _ => {
            let (b, inner, other, oa, opt_first) = match ax {
                Ann::Optional(i) => (x, (**i).clone(), y, ay.clone(), true),
                _ => (y, ay.unwrap_optional(), x, ax.clone(), false),
            };
            let f = l.konst(LlConst::Bool(false));
            if_nonnull(l, b, LlType::Bool, f, |l| {
                let v = load(l, b, &inner);
                let (other, oa) = match &oa {
                    Ann::Optional(oi) => {
                        let oi = (**oi).clone();
                        (unwrap(l, other, &oi), oi)
                    }
                    _ => (other, oa.clone()),
                };
                if opt_first {
                    super::ops::compare(l, frontend::ops::FlowOp::Eq, v, other, &inner, &oa)
                } else {
                    super::ops::compare(l, frontend::ops::FlowOp::Eq, other, v, &oa, &inner)
                }
            })
        }
    };
    if negate {
        l.op(LlOp::BoolNot, vec![r], LlType::Bool)
    } else {
        r
    }
}
