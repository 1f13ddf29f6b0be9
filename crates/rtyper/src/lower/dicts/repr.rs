//! Generated `repr` and `==` for containers: dicts (`{1: 'a'}`), sets (`{1, 2}`,
//! `set()`), views (`dict_keys([1])`) and lists whose items the runtime cannot format
//! or compare alone (lists of lists, dicts, instances...). A repr is built as a list of
//! str pieces that the runtime joins once; items are formatted by their own repr
//! (`__repr__` for instances). Annotations are finite, but a dict may hold itself:
//! expansion stops at a fixed depth with a diagnostic.

use super::iter::{all_entries, for_each_entry, push};
use super::table::{self, null_or, or_else};
use super::{block, branch, goto, info, DictInfo};
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::Lower;
use crate::repr::{item_kind, slot_type};
use crate::runtime_fns as rt;
use annotator::model::{Ann, ClassRef, DictPart};
use frontend::entities::Value;
use rpyrt::abi::{LIST_ITEMS, LIST_LENGTH};

const MAX_DEPTH: u32 = 24;

/// Whether `str(x)` of this annotation is generated here: it is or holds a dict or set.
pub fn generated(l: &Lower, a: &Ann) -> bool {
    fn at(l: &Lower, a: &Ann, depth: u32) -> bool {
        match a {
            _ if depth > 16 => false,
            Ann::Dict { .. } | Ann::Set { .. } | Ann::DictView { .. } => true,
            Ann::List { .. } => at(l, &l.list_item(a), depth + 1),
            Ann::Tuple(items) => items.iter().any(|i| at(l, i, depth + 1)),
            _ => false,
        }
    }
    at(l, a, 0)
}

/// `str(x)` (= `repr(x)`) for the containers whose repr is generated here.
pub fn to_str(l: &mut Lower, v: Value, a: &Ann) -> Option<Value> {
    generated(l, a).then(|| repr(l, v, a, 0))
}

fn s(l: &mut Lower, text: &str) -> Value {
    l.konst(LlConst::Str(text.to_string()))
}

fn too_deep(l: &mut Lower, what: &str) -> Value {
    l.error(
        "E0344",
        format!("{what} of a container type that contains itself is not supported"),
    );
    l.konst(LlConst::Str(String::new()))
}

/// `repr(v)` for a value of annotation `a`.
pub fn repr(l: &mut Lower, v: Value, a: &Ann, depth: u32) -> Value {
    if depth > MAX_DEPTH {
        return too_deep(l, "repr()");
    }
    let none = LlConst::Str("None".into());
    match a {
        Ann::Int => l.call_rt(&rt::STR_FROM_INT, vec![v]),
        Ann::Float => l.call_rt(&rt::STR_FROM_FLOAT, vec![v]),
        Ann::Bool(_) => {
            let (t, f) = (s(l, "True"), s(l, "False"));
            let v = l.convert(v, a, &Ann::Bool(None));
            l.op(LlOp::Select(LlType::Ref), vec![v, t, f], LlType::Ref)
        }
        Ann::Str { nullable } => null_or(l, v, *nullable, LlType::Ref, none, |l| {
            l.call_rt(&rt::STR_REPR, vec![v])
        }),
        Ann::None | Ann::Impossible => s(l, "None"),
        Ann::List { nullable, .. } => {
            let item = l.list_item(a);
            null_or(l, v, *nullable, LlType::Ref, none, |l| {
                match item_kind(&item) {
                    Some(k) => {
                        let k = l.int(k as i64);
                        l.call_rt(&rt::LIST_REPR, vec![v, k])
                    }
                    None => list_repr(l, v, &item, depth),
                }
            })
        }
        Ann::Dict { nullable, .. } | Ann::Set { nullable, .. } => {
            let inf = info(l, a).expect("dict annotation");
            null_or(l, v, *nullable, LlType::Ref, none, |l| {
                dict_repr(l, v, &inf, depth)
            })
        }
        Ann::DictView { .. } => {
            let inf = info(l, a).expect("dict annotation");
            dict_repr(l, v, &inf, depth)
        }
        Ann::Instance {
            class: ClassRef::User(c),
            nullable,
        } => {
            let recv = Ann::Instance {
                class: ClassRef::User(*c),
                nullable: false,
            };
            if annotator::classdef::lookup(l.snapshot, *c, "__repr__").is_none() {
                // Only KeyError messages get here (the annotator refuses to print these).
                let n = annotator::classdef::class_name(l.snapshot, &ClassRef::User(*c));
                return s(l, &format!("<{n} object>"));
            }
            null_or(l, v, *nullable, LlType::Ref, none, |l| {
                super::call_user(
                    l,
                    v,
                    &recv,
                    "__repr__",
                    vec![],
                    &Ann::Str { nullable: false },
                )
            })
        }
        Ann::Tuple(items) => super::tuples::repr(l, v, items, depth),
        Ann::Optional(inner) => null_or(l, v, true, LlType::Ref, none, |l| {
            let x = crate::lower::optional::load(l, v, inner);
            repr(l, x, inner, depth)
        }),
        other => {
            l.error("E0345", format!("repr() of {other:?} is not supported yet"));
            s(l, "")
        }
    }
}

/// Joins the pieces, the last of which is a separator to replace by `close` (or, for
/// an empty container, `close` is appended).
fn finish(l: &mut Lower, pieces: Value, close: &str) -> Value {
    let n = l.field(pieces, LIST_LENGTH, LlType::Int);
    let one = l.int(1);
    let some = l.op(LlOp::IntGt, vec![n, one], LlType::Bool);
    let (replace, append, join) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    branch(l, some, replace, vec![], append, vec![]);
    let c = s(l, close);
    l.cur = replace;
    let last = l.op(LlOp::IntSub, vec![n, one], LlType::Int);
    let items = l.field(pieces, LIST_ITEMS, LlType::Ref);
    l.op(
        LlOp::SetArrayItem(LlType::Ref),
        vec![items, last, c],
        LlType::Void,
    );
    goto(l, join, vec![]);
    l.cur = append;
    push(l, pieces, c, LlType::Ref);
    goto(l, join, vec![]);
    l.cur = join;
    l.call_rt(&rt::CONCAT_STRS, vec![pieces])
}

fn pieces(l: &mut Lower, open: &str) -> Value {
    let z = l.int(0);
    let refs = l.int(1);
    let p = l.call_rt(&rt::LIST_NEW, vec![z, refs]);
    let o = s(l, open);
    push(l, p, o, LlType::Ref);
    p
}

fn list_repr(l: &mut Lower, v: Value, item: &Ann, depth: u32) -> Value {
    let p = pieces(l, "[");
    let sep = s(l, ", ");
    super::iter::for_each_list_item(l, v, item, &mut |l, x| {
        let r = repr(l, x, item, depth + 1);
        push(l, p, r, LlType::Ref);
        push(l, p, sep, LlType::Ref);
    });
    finish(l, p, "]")
}

fn dict_repr(l: &mut Lower, d: Value, inf: &DictInfo, depth: u32) -> Value {
    let (open, close) = if inf.view { ("", "") } else { ("{", "}") };
    if inf.is_set {
        // An empty set prints as `set()`.
        let n = super::len(l, d);
        let z = l.int(0);
        let empty = l.op(LlOp::IntEq, vec![n, z], LlType::Bool);
        let (e, ne, join) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
        let (_, r) = block(l, join, &[LlType::Ref]);
        branch(l, empty, e, vec![], ne, vec![]);
        l.cur = e;
        let es = s(l, "set()");
        goto(l, join, vec![es]);
        l.cur = ne;
        let x = entries_repr(l, d, inf, open, close, depth);
        goto(l, join, vec![x]);
        l.cur = join;
        return r[0];
    }
    entries_repr(l, d, inf, open, close, depth)
}

/// The repr of a dict (`open`/`close` given) or of a view (`dict_keys([...])`...).
fn entries_repr(
    l: &mut Lower,
    d: Value,
    inf: &DictInfo,
    open: &str,
    close: &str,
    depth: u32,
) -> Value {
    let is_view = open.is_empty();
    let (open, close) = if is_view {
        let name = match inf.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            _ => "dict_items",
        };
        (format!("{name}(["), "])".to_string())
    } else {
        (open.to_string(), close.to_string())
    };
    let p = pieces(l, &open);
    let (sep, colon) = (s(l, ", "), s(l, ": "));
    for_each_entry(l, d, &mut |l, idx| {
        let shown: Vec<(Value, Ann)> = match (is_view, inf.part) {
            (false, DictPart::SetItems) | (true, DictPart::Keys) => {
                vec![(table::key_at(l, d, idx, inf), inf.key.clone())]
            }
            (true, DictPart::Values) => vec![(table::value_at(l, d, idx, inf), inf.value.clone())],
            (true, _) => {
                let (t, ta) = super::iter::part_value(l, d, idx, inf);
                vec![(t, ta)]
            }
            (false, _) => vec![
                (table::key_at(l, d, idx, inf), inf.key.clone()),
                (table::value_at(l, d, idx, inf), inf.value.clone()),
            ],
        };
        for (k, (x, xa)) in shown.iter().enumerate() {
            if k > 0 {
                push(l, p, colon, LlType::Ref);
            }
            let r = repr(l, *x, xa, depth + 1);
            push(l, p, r, LlType::Ref);
        }
        push(l, p, sep, LlType::Ref);
    });
    finish(l, p, &close)
}

/// `a && rest()`, evaluating `rest` only when `a` holds.
pub fn and_then(l: &mut Lower, a: Value, rest: impl FnOnce(&mut Lower) -> Value) -> Value {
    let (more, join) = (l.ll.new_block(), l.ll.new_block());
    let (_, r) = block(l, join, &[LlType::Bool]);
    let f = l.konst(LlConst::Bool(false));
    branch(l, a, more, vec![], join, vec![f]);
    l.cur = more;
    let v = rest(l);
    goto(l, join, vec![v]);
    l.cur = join;
    r[0]
}

/// `a == b` for two values of annotation `t` (instances compare by identity, as the
/// generic `==` on instances does).
pub fn value_eq(l: &mut Lower, a: Value, b: Value, t: &Ann, depth: u32) -> Value {
    if depth > MAX_DEPTH {
        too_deep(l, "==");
        return l.konst(LlConst::Bool(false));
    }
    match t {
        Ann::Instance { .. } => l.op(LlOp::PtrEq, vec![a, b], LlType::Bool),
        Ann::List { nullable, .. } => {
            let item = l.list_item(t);
            let same = l.op(LlOp::PtrEq, vec![a, b], LlType::Bool);
            or_else(l, same, |l| {
                let nn = if *nullable {
                    let (x, y) = (
                        l.op(LlOp::PtrIsNull, vec![a], LlType::Bool),
                        l.op(LlOp::PtrIsNull, vec![b], LlType::Bool),
                    );
                    let t = l.konst(LlConst::Bool(true));
                    let either = l.op(LlOp::Select(LlType::Bool), vec![x, t, y], LlType::Bool);
                    l.op(LlOp::BoolNot, vec![either], LlType::Bool)
                } else {
                    l.konst(LlConst::Bool(true))
                };
                and_then(l, nn, |l| list_eq(l, a, b, &item, depth))
            })
        }
        Ann::Dict { .. } | Ann::Set { .. } => {
            let inf = info(l, t).expect("dict annotation");
            let same = l.op(LlOp::PtrEq, vec![a, b], LlType::Bool);
            or_else(l, same, |l| {
                if inf.nullable {
                    let (x, y) = (
                        l.op(LlOp::PtrIsNull, vec![a], LlType::Bool),
                        l.op(LlOp::PtrIsNull, vec![b], LlType::Bool),
                    );
                    let t = l.konst(LlConst::Bool(true));
                    let either = l.op(LlOp::Select(LlType::Bool), vec![x, t, y], LlType::Bool);
                    let nn = l.op(LlOp::BoolNot, vec![either], LlType::Bool);
                    and_then(l, nn, |l| dict_eq(l, a, b, &inf, depth))
                } else {
                    dict_eq(l, a, b, &inf, depth)
                }
            })
        }
        Ann::Tuple(items) => super::tuples::eq(l, a, b, items, depth, false),
        Ann::Optional(inner) => {
            // Both None (or one box), or both numbers that compare equal.
            let same = l.op(LlOp::PtrEq, vec![a, b], LlType::Bool);
            or_else(l, same, |l| {
                let (x, y) = (
                    l.op(LlOp::PtrIsNull, vec![a], LlType::Bool),
                    l.op(LlOp::PtrIsNull, vec![b], LlType::Bool),
                );
                let t = l.konst(LlConst::Bool(true));
                let either = l.op(LlOp::Select(LlType::Bool), vec![x, t, y], LlType::Bool);
                let nn = l.op(LlOp::BoolNot, vec![either], LlType::Bool);
                and_then(l, nn, |l| {
                    let (x, y) = (
                        crate::lower::optional::load(l, a, inner),
                        crate::lower::optional::load(l, b, inner),
                    );
                    table::eq(l, x, y, inner, depth + 1)
                })
            })
        }
        _ => table::eq(l, a, b, t, depth),
    }
}

fn list_eq(l: &mut Lower, a: Value, b: Value, item: &Ann, depth: u32) -> Value {
    if let Some(k) = item_kind(item) {
        let k = l.int(k as i64);
        let r = l.call_rt(&rt::LIST_EQ, vec![a, b, k]);
        let z = l.int(0);
        return l.op(LlOp::IntNe, vec![r, z], LlType::Bool);
    }
    let (la, lb) = (
        l.field(a, LIST_LENGTH, LlType::Int),
        l.field(b, LIST_LENGTH, LlType::Int),
    );
    let same_len = l.op(LlOp::IntEq, vec![la, lb], LlType::Bool);
    let item = item.clone();
    and_then(l, same_len, |l| {
        let done = l.ll.new_block();
        let (_, r) = block(l, done, &[LlType::Bool]);
        let (head, body, exit) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
        let (_, p) = block(l, head, &[LlType::Int]);
        let z = l.int(0);
        goto(l, head, vec![z]);
        l.cur = head;
        let n = l.field(a, LIST_LENGTH, LlType::Int);
        let m = l.field(b, LIST_LENGTH, LlType::Int);
        let n = l.op(LlOp::Select(LlType::Int), vec![same_len, n, m], LlType::Int);
        let more = l.op(LlOp::IntLt, vec![p[0], n], LlType::Bool);
        branch(l, more, body, vec![], exit, vec![]);
        l.cur = body;
        let st = slot_type(&item);
        let (ia, ib) = (
            l.field(a, LIST_ITEMS, LlType::Ref),
            l.field(b, LIST_ITEMS, LlType::Ref),
        );
        let x = l.op(LlOp::GetArrayItem(st), vec![ia, p[0]], st);
        let y = l.op(LlOp::GetArrayItem(st), vec![ib, p[0]], st);
        let (x, y) = (l.from_slot(x, &item), l.from_slot(y, &item));
        let same = value_eq(l, x, y, &item, depth + 1);
        let one = l.int(1);
        let p1 = l.op(LlOp::IntAdd, vec![p[0], one], LlType::Int);
        let f = l.konst(LlConst::Bool(false));
        branch(l, same, head, vec![p1], done, vec![f]);
        l.cur = exit;
        let t = l.konst(LlConst::Bool(true));
        goto(l, done, vec![t]);
        l.cur = done;
        r[0]
    })
}

/// `a == b` for two dicts (same keys, equal values) or two sets (same items).
pub fn dict_eq(l: &mut Lower, a: Value, b: Value, inf: &DictInfo, depth: u32) -> Value {
    let (la, lb) = (super::len(l, a), super::len(l, b));
    let same_len = l.op(LlOp::IntEq, vec![la, lb], LlType::Bool);
    and_then(l, same_len, |l| {
        all_entries(l, a, &mut |l, idx| {
            let k = table::key_at(l, a, idx, inf);
            let j = table::lookup(l, b, k, inf);
            let z = l.int(0);
            let found = l.op(LlOp::IntGe, vec![j, z], LlType::Bool);
            if inf.is_set {
                return found;
            }
            and_then(l, found, |l| {
                let (x, y) = (
                    table::value_at(l, a, idx, inf),
                    table::value_at(l, b, j, inf),
                );
                value_eq(l, x, y, &inf.value, depth + 1)
            })
        })
    })
}
