//! Lowering of list methods: most call the runtime with items as 8-byte bits and the
//! item kind; `sort(key=f)` computes the keys into a parallel list first.

use super::ops::{call_function, Kw, Pos};
use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{item_kind, slot_type};
use crate::runtime_fns as rt;
use annotator::model::{Ann, Desc};
use frontend::entities::Value;
use frontend::graph::{Exit, Link};
use rpyrt::abi::{ItemKind, LIST_ITEMS, LIST_LENGTH};

/// The runtime's item kind for searching: by value, or pointers by identity.
fn search_kind(item: &Ann) -> i64 {
    item_kind(item).unwrap_or(ItemKind::Ref) as i64
}

/// An item as the 8 bits of its slot.
fn to_bits(l: &mut Lower, v: Value, a: &Ann, item: &Ann) -> Value {
    let s = l.to_slot(v, a, item);
    match l.ty(s) {
        LlType::Float => l.op(LlOp::FloatToBits, vec![s], LlType::Int),
        LlType::Ref => l.op(LlOp::CastPtrToInt, vec![s], LlType::Int),
        _ => s,
    }
}

fn from_bits(l: &mut Lower, bits: Value, item: &Ann) -> Value {
    let v = match slot_type(item) {
        LlType::Float => l.op(LlOp::BitsToFloat, vec![bits], LlType::Float),
        LlType::Ref => l.op(LlOp::CastIntToPtr, vec![bits], LlType::Ref),
        _ => bits,
    };
    l.from_slot(v, item)
}

pub fn call_method(
    l: &mut Lower,
    lst: Value,
    la: &Ann,
    m: &str,
    pos: Pos,
    kw: Kw,
    res: &Ann,
) -> Value {
    let item = l.list_item(la);
    let void = |l: &mut Lower| l.konst(LlConst::Void);
    match m {
        "append" => {
            super::containers::append(l, lst, la, pos[0].0, &pos[0].1);
            void(l)
        }
        "pop" => {
            let i = match pos.first() {
                Some((v, a)) => l.convert(*v, a, &Ann::Int),
                None => l.int(-1),
            };
            let bits = l.call_rt(&rt::LIST_POP, vec![lst, i]);
            let v = from_bits(l, bits, &item);
            l.convert(v, &item, res)
        }
        "insert" => {
            let i = l.convert(pos[0].0, &pos[0].1, &Ann::Int);
            let b = to_bits(l, pos[1].0, &pos[1].1, &item);
            l.call_rt(&rt::LIST_INSERT, vec![lst, i, b]);
            void(l)
        }
        "extend" => {
            l.call_rt(&rt::LIST_EXTEND, vec![lst, pos[0].0]);
            void(l)
        }
        "index" | "count" | "remove" => {
            let b = to_bits(l, pos[0].0, &pos[0].1, &item);
            let k = l.int(search_kind(&item));
            let f = match m {
                "index" => &rt::LIST_INDEX,
                "count" => &rt::LIST_COUNT,
                _ => &rt::LIST_REMOVE,
            };
            l.call_rt(f, vec![lst, b, k])
        }
        "reverse" => l.call_rt(&rt::LIST_REVERSE, vec![lst]),
        "clear" => {
            let z = l.int(0);
            l.set_field(lst, LIST_LENGTH, LlType::Int, z);
            void(l)
        }
        "copy" => l.call_rt(&rt::LIST_COPY, vec![lst]),
        "sort" => {
            let mut reverse = l.int(0);
            let mut key = None;
            for (k, v, a) in kw {
                match k.as_str() {
                    "reverse" => reverse = l.convert(v, &a, &Ann::Int),
                    _ => key = Some(a),
                }
            }
            match key {
                None => {
                    let k = l.int(search_kind(&item));
                    l.call_rt(&rt::LIST_SORT, vec![lst, k, reverse])
                }
                Some(Ann::Const(Desc::Function(f))) => sort_by_key(l, lst, &item, f, reverse),
                Some(_) => void(l),
            }
        }
        _ => {
            l.error("E0342", format!("internal: list method `{m}`"));
            void(l)
        }
    }
}

/// `lst.sort(key=f)`: keys[i] = f(lst[i]), then a stable sort by the keys.
fn sort_by_key(
    l: &mut Lower,
    lst: Value,
    item: &Ann,
    f: frontend::entities::ObjId,
    reverse: Value,
) -> Value {
    let Some(&g) = l.p.func_graphs.get(&f) else {
        return l.konst(LlConst::Void);
    };
    let key_ann = super::ret_ann(l.p, g);
    let len = l.field(lst, LIST_LENGTH, LlType::Int);
    let refs = l.int(crate::repr::is_gc(&key_ann) as i64);
    let keys = l.call_rt(&rt::LIST_NEW, vec![len, refs]);
    let zero = l.int(0);
    let (head, body, done) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let i = l.ll.add_param(head, Some("i"));
    l.types.insert(i, LlType::Int);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: head,
            args: vec![zero],
        }),
    );
    l.cur = head;
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
    let items = l.field(lst, LIST_ITEMS, LlType::Ref);
    let st = slot_type(item);
    let x = l.op(LlOp::GetArrayItem(st), vec![items, i], st);
    let x = l.from_slot(x, item);
    let k = call_function(l, f, vec![(x, item.clone())], vec![], &key_ann);
    let kbits = to_bits(l, k, &key_ann, &key_ann);
    let kitems = l.field(keys, LIST_ITEMS, LlType::Ref);
    l.op(
        LlOp::SetArrayItem(LlType::Int),
        vec![kitems, i, kbits],
        LlType::Void,
    );
    let one = l.int(1);
    let next = l.op(LlOp::IntAdd, vec![i, one], LlType::Int);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: head,
            args: vec![next],
        }),
    );
    l.cur = done;
    let kind = l.int(search_kind(&key_ann));
    l.call_rt(&rt::LIST_SORT_BY_KEYS, vec![lst, keys, kind, reverse])
}
