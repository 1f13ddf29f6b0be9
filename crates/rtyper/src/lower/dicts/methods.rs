//! Dict and set methods, comparisons and set algebra, and the builtins that take or
//! make dicts and sets (`len`, `dict()`, `set()`, `list()`, `sorted()`, `bool()`,
//! `str()`/`repr()`).

use super::iter::{all_entries, for_each_entry, for_each_item, item_ann, to_list};
use super::table::{self, key_error_if, raise_with};
use super::{block, branch, goto, info, new_dict, DictInfo};
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::ops::{Kw, Pos};
use crate::lower::Lower;
use crate::repr::ll_type;
use crate::runtime_fns as rt;
use annotator::dicts::is_dict;
use annotator::model::Ann;
use frontend::entities::Value;
use frontend::ops::FlowOp;

/// `d[k] = v` (or `s.add(k)` for a set, where `v` is ignored).
pub fn setitem(l: &mut Lower, d: Value, inf: &DictInfo, k: (Value, &Ann), v: (Value, &Ann)) {
    let key = l.convert(k.0, k.1, &inf.key);
    let (idx, _) = table::store(l, d, key, inf);
    table::set_value_at(l, d, idx, v.0, v.1, inf);
}

/// `del d[k]` / `s.remove(k)`: KeyError when absent.
pub fn remove(l: &mut Lower, d: Value, inf: &DictInfo, k: Value, ka: &Ann) {
    let key = l.convert(k, ka, &inf.key);
    let idx = table::lookup(l, d, key, inf);
    let z = l.int(0);
    let missing = l.op(LlOp::IntLt, vec![idx, z], LlType::Bool);
    key_error_if(l, missing, key, &inf.key);
    l.call_rt(&rt::DICT_DELETE, vec![d, idx]);
}

/// Whether key `k` (key representation) is in `d`.
fn has(l: &mut Lower, d: Value, k: Value, inf: &DictInfo) -> Value {
    let idx = table::lookup(l, d, k, inf);
    let z = l.int(0);
    l.op(LlOp::IntGe, vec![idx, z], LlType::Bool)
}

/// Every item of set `a` is in set `b`.
fn subset(l: &mut Lower, a: Value, b: Value, inf: &DictInfo) -> Value {
    all_entries(l, a, &mut |l, idx| {
        let k = table::key_at(l, a, idx, inf);
        has(l, b, k, inf)
    })
}

/// `==`, `!=` (dicts, sets, against None) and the subset comparisons of sets.
pub fn compare(l: &mut Lower, op: FlowOp, x: (Value, &Ann), y: (Value, &Ann)) -> Value {
    use FlowOp::*;
    let b = LlType::Bool;
    if matches!(x.1, Ann::None) || matches!(y.1, Ann::None) {
        let v = if matches!(x.1, Ann::None) { y.0 } else { x.0 };
        let isnull = l.op(LlOp::PtrIsNull, vec![v], b);
        return if op == Eq {
            isnull
        } else {
            l.op(LlOp::BoolNot, vec![isnull], b)
        };
    }
    let inf = info(l, x.1).expect("annotator checked the operands");
    let (a, c) = (x.0, y.0);
    let r = match op {
        Eq | Ne => super::repr::value_eq(l, a, c, x.1, 0),
        Le => subset(l, a, c, &inf),
        Ge => subset(l, c, a, &inf),
        Lt | Gt => {
            let (small, big) = if op == Lt { (a, c) } else { (c, a) };
            let (ls, lb) = (super::len(l, small), super::len(l, big));
            let shorter = l.op(LlOp::IntLt, vec![ls, lb], b);
            super::repr::and_then(l, shorter, |l| subset(l, small, big, &inf))
        }
        _ => unreachable!("comparison operator"),
    };
    if op == Ne {
        l.op(LlOp::BoolNot, vec![r], b)
    } else {
        r
    }
}

/// `x | y`, `x & y`, `x - y`, `x ^ y` on sets: a new set.
pub fn set_operator(l: &mut Lower, op: FlowOp, x: Value, y: Value, inf: &DictInfo) -> Value {
    let add = |l: &mut Lower, r: Value, k: Value| {
        table::store(l, r, k, inf);
    };
    match op {
        FlowOp::Or | FlowOp::Xor => {
            let r = l.call_rt(&rt::DICT_COPY, vec![x]);
            for_each_entry(l, y, &mut |l, idx| {
                let k = table::key_at(l, y, idx, inf);
                if op == FlowOp::Or {
                    add(l, r, k);
                    return;
                }
                let inx = has(l, x, k, inf);
                let (drop, keep, join) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
                branch(l, inx, drop, vec![], keep, vec![]);
                l.cur = drop;
                let j = table::lookup(l, r, k, inf);
                l.call_rt(&rt::DICT_DELETE, vec![r, j]);
                goto(l, join, vec![]);
                l.cur = keep;
                add(l, r, k);
                goto(l, join, vec![]);
                l.cur = join;
            });
            r
        }
        _ => {
            let r = new_dict(l, inf);
            let want = op == FlowOp::And;
            for_each_entry(l, x, &mut |l, idx| {
                let k = table::key_at(l, x, idx, inf);
                let iny = has(l, y, k, inf);
                let (yes, join) = (l.ll.new_block(), l.ll.new_block());
                let (t, f) = if want { (yes, join) } else { (join, yes) };
                branch(l, iny, t, vec![], f, vec![]);
                l.cur = yes;
                add(l, r, k);
                goto(l, join, vec![]);
                l.cur = join;
            });
            r
        }
    }
}

/// Joins two ways of producing the result of a method: `hit(idx)` when the key is
/// present (`idx >= 0`), `miss()` otherwise.
fn on_lookup(
    l: &mut Lower,
    idx: Value,
    res: &Ann,
    hit: impl FnOnce(&mut Lower) -> Value,
    miss: impl FnOnce(&mut Lower) -> Option<Value>,
) -> Value {
    let t = ll_type(res);
    let (h, m, join) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let ts: Vec<LlType> = [t].into_iter().filter(|&t| t != LlType::Void).collect();
    let (_, r) = block(l, join, &ts);
    let z = l.int(0);
    let found = l.op(LlOp::IntGe, vec![idx, z], LlType::Bool);
    branch(l, found, h, vec![], m, vec![]);
    l.cur = h;
    let v = hit(l);
    goto(l, join, r.iter().map(|_| v).collect());
    l.cur = m;
    if let Some(v) = miss(l) {
        goto(l, join, r.iter().map(|_| v).collect());
    }
    l.cur = join;
    r.first().copied().unwrap_or_else(|| l.konst(LlConst::Void))
}

pub fn call_method(
    l: &mut Lower,
    recv: Value,
    ra: &Ann,
    name: &str,
    pos: Pos,
    _kw: Kw,
    res: &Ann,
) -> Value {
    let Some(inf) = info(l, ra) else {
        l.error("E0340", format!("internal: dict method `{name}` on {ra:?}"));
        return l.konst(LlConst::Void);
    };
    let d = recv;
    let void = |l: &mut Lower| l.konst(LlConst::Void);
    let key = |l: &mut Lower, k: usize| l.convert(pos[k].0, &pos[k].1, &inf.key);
    match (name, inf.is_set) {
        ("get" | "pop", false) => {
            let k = key(l, 0);
            let idx = table::lookup(l, d, k, &inf);
            let pop = name == "pop";
            let dflt = pos.get(1).cloned();
            on_lookup(
                l,
                idx,
                res,
                |l| {
                    let v = table::value_at(l, d, idx, &inf);
                    if pop {
                        l.call_rt(&rt::DICT_DELETE, vec![d, idx]);
                    }
                    l.convert(v, &inf.value, res)
                },
                |l| match dflt {
                    Some((v, a)) => Some(l.convert(v, &a, res)),
                    None if pop => {
                        table::raise_key_error(l, k, &inf.key);
                        None
                    }
                    None => Some(l.konst(crate::repr::zero(ll_type(res)))),
                },
            )
        }
        ("setdefault", false) => {
            let k = key(l, 0);
            let (idx, new) = table::store(l, d, k, &inf);
            let (set_b, join) = (l.ll.new_block(), l.ll.new_block());
            branch(l, new, set_b, vec![], join, vec![]);
            l.cur = set_b;
            table::set_value_at(l, d, idx, pos[1].0, &pos[1].1, &inf);
            goto(l, join, vec![]);
            l.cur = join;
            let v = table::value_at(l, d, idx, &inf);
            l.convert(v, &inf.value, res)
        }
        ("popitem", false) => {
            let idx = l.call_rt(&rt::DICT_LAST, vec![d]);
            let z = l.int(0);
            let empty = l.op(LlOp::IntLt, vec![idx, z], LlType::Bool);
            let (err, ok) = (l.ll.new_block(), l.ll.new_block());
            branch(l, empty, err, vec![], ok, vec![]);
            l.cur = err;
            let m = l.konst(LlConst::Str("'popitem(): dictionary is empty'".into()));
            raise_with(l, "KeyError", m);
            l.cur = ok;
            let items = super::DictInfo {
                part: annotator::model::DictPart::Items,
                ..inf.clone()
            };
            let (t, _) = super::iter::part_value(l, d, idx, &items);
            l.call_rt(&rt::DICT_DELETE, vec![d, idx]);
            t
        }
        ("update", false) => {
            let (o, oa) = pos[0].clone();
            if let (Ann::List { .. }, Ann::Tuple(kv)) = (&oa, l.list_item(&oa)) {
                let item = Ann::Tuple(kv.clone());
                super::iter::for_each_list_item(l, o, &item, &mut |l, t| {
                    let k = crate::lower::tuples::item(l, t, &kv, 0);
                    let v = crate::lower::tuples::item(l, t, &kv, 1);
                    setitem(l, d, &inf, (k, &kv[0]), (v, &kv[1]));
                });
                return void(l);
            }
            let Some(oinf) = info(l, &oa) else {
                return void(l);
            };
            for_each_entry(l, o, &mut |l, idx| {
                let k = table::key_at(l, o, idx, &oinf);
                let v = table::value_at(l, o, idx, &oinf);
                setitem(l, d, &inf, (k, &oinf.key), (v, &oinf.value));
            });
            void(l)
        }
        ("keys" | "values" | "items", false) => d,
        ("copy", _) => l.call_rt(&rt::DICT_COPY, vec![d]),
        ("clear", _) => {
            l.call_rt(&rt::DICT_CLEAR, vec![d]);
            void(l)
        }
        ("add", true) => {
            let k = key(l, 0);
            table::store(l, d, k, &inf);
            void(l)
        }
        ("discard", true) => {
            let k = key(l, 0);
            let idx = table::lookup(l, d, k, &inf);
            l.call_rt(&rt::DICT_DELETE, vec![d, idx]);
            void(l)
        }
        ("remove", true) => {
            remove(l, d, &inf, pos[0].0, &pos[0].1);
            void(l)
        }
        ("update", true) => {
            let (o, oa) = pos[0].clone();
            let from = item_ann(l, &oa);
            for_each_item(l, o, &oa, &mut |l, x| {
                let k = l.convert(x, &from, &inf.key);
                table::store(l, d, k, &inf);
            });
            void(l)
        }
        ("union" | "intersection" | "difference", true) => {
            let op = match name {
                "union" => FlowOp::Or,
                "intersection" => FlowOp::And,
                _ => FlowOp::Sub,
            };
            set_operator(l, op, d, pos[0].0, &inf)
        }
        ("issubset", true) => subset(l, d, pos[0].0, &inf),
        ("issuperset", true) => subset(l, pos[0].0, d, &inf),
        ("isdisjoint", true) => {
            let o = pos[0].0;
            all_entries(l, d, &mut |l, idx| {
                let k = table::key_at(l, d, idx, &inf);
                let h = has(l, o, k, &inf);
                l.op(LlOp::BoolNot, vec![h], LlType::Bool)
            })
        }
        _ => {
            l.error("E0340", format!("internal: dict method `{name}`"));
            void(l)
        }
    }
}

/// Lowers a builtin call that takes or makes a dict or set; `None` leaves it to the
/// generic lowering.
/// The builtins over iterables that take a dict or set as a list (as the annotator).
const OVER_ITERABLES: &[&str] = &[
    "list",
    "sorted",
    "sum",
    "any",
    "all",
    "min",
    "max",
    "enumerate",
    "zip",
    "reversed",
];

pub fn try_builtin(l: &mut Lower, q: &str, pos: &Pos, kw: &Kw, res: &Ann) -> Option<Value> {
    let name = q.strip_prefix("builtins.")?;
    let dictish = pos.iter().any(|(_, a)| is_dict(a));
    Some(match (name, pos.as_slice()) {
        ("len", [(d, _)]) if dictish => super::len(l, *d),
        ("bool", [(d, a)]) if dictish => super::truth(l, *d, a),
        ("dict" | "set", []) => {
            let inf = info(l, res)?;
            new_dict(l, &inf)
        }
        ("dict", [(d, Ann::Dict { .. })]) => l.call_rt(&rt::DICT_COPY, vec![*d]),
        ("dict", [(x, xa @ Ann::List { .. })]) => {
            let inf = info(l, res)?;
            let d = new_dict(l, &inf);
            let item = l.list_item(xa);
            if let Ann::Tuple(kv) = &item {
                super::iter::for_each_list_item(l, *x, &item, &mut |l, t| {
                    let k = crate::lower::tuples::item(l, t, kv, 0);
                    let v = crate::lower::tuples::item(l, t, kv, 1);
                    setitem(l, d, &inf, (k, &kv[0]), (v, &kv[1]));
                });
            }
            d
        }
        ("set", [(x, xa)]) => {
            let inf = info(l, res)?;
            if matches!(xa, Ann::Set { .. }) {
                return Some(l.call_rt(&rt::DICT_COPY, vec![*x]));
            }
            let s = new_dict(l, &inf);
            let from = item_ann(l, xa);
            for_each_item(l, *x, xa, &mut |l, v| {
                let k = l.convert(v, &from, &inf.key);
                table::store(l, s, k, &inf);
            });
            s
        }
        _ if dictish && OVER_ITERABLES.contains(&name) => {
            // The dict-ish arguments become the lists the annotator made for them.
            let mut lists = vec![];
            for (k, (x, xa)) in pos.iter().enumerate() {
                if !is_dict(xa) {
                    lists.push((*x, xa.clone()));
                    continue;
                }
                let Some(&def) = l.p.dicts.list_sites.get(&(l.g, l.span, k)) else {
                    l.error(
                        "E0347",
                        format!("internal: no list for `{name}` argument {k}"),
                    );
                    return Some(l.konst(LlConst::Void));
                };
                let la = Ann::List {
                    def,
                    nullable: false,
                };
                let list = to_list(l, *x, xa, &la);
                lists.push((list, la));
            }
            if name == "list" {
                return Some(lists.remove(0).0);
            }
            crate::lower::builtins::call_builtin(l, q, lists, kw.clone(), res)
        }
        ("str" | "repr", [(x, xa)]) if super::repr::generated(l, xa) => {
            super::repr::repr(l, *x, xa, 0)
        }
        _ => return None,
    })
}
