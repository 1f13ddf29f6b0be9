//! Lowering of the builtins over iterables (enumerate, zip, reversed, sorted, sum, any,
//! all, list): each is a counted loop over a list, str or range, materialising lists
//! (of tuples for enumerate and zip) where Python would return an iterator.

use super::ops::{Kw, Pos};
use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::slot_type;
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::Value;
use frontend::graph::{Exit, Link};
use rpyrt::abi::LIST_ITEMS;

/// `for i in range(n): body(i)`, with `acc` values carried around the loop; returns
/// the final values of `acc`.
pub fn counted_loop(
    l: &mut Lower,
    n: Value,
    acc: Vec<(Value, LlType)>,
    mut body: impl FnMut(&mut Lower, Value, &[Value]) -> Vec<Value>,
) -> Vec<Value> {
    let zero = l.int(0);
    let (head, inner, done) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let i = l.ll.add_param(head, Some("i"));
    l.types.insert(i, LlType::Int);
    let mut params = vec![];
    for (_, t) in &acc {
        let p = l.ll.add_param(head, Some("acc"));
        l.types.insert(p, *t);
        params.push(p);
    }
    let mut init = vec![zero];
    init.extend(acc.iter().map(|(v, _)| *v));
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: head,
            args: init,
        }),
    );
    l.cur = head;
    let more = l.op(LlOp::IntLt, vec![i, n], LlType::Bool);
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond: more,
            if_true: Link {
                target: inner,
                args: vec![],
            },
            if_false: Link {
                target: done,
                args: vec![],
            },
        },
    );
    l.cur = inner;
    let next_acc = body(l, i, &params);
    let one = l.int(1);
    let next = l.op(LlOp::IntAdd, vec![i, one], LlType::Int);
    let mut args = vec![next];
    args.extend(next_acc);
    l.ll.set_exit(l.cur, Exit::Goto(Link { target: head, args }));
    l.cur = done;
    params
}

/// Item `i` (known in range) of a list, str or range.
fn item_at(l: &mut Lower, src: Value, a: &Ann, i: Value) -> Value {
    match a {
        Ann::List { .. } => {
            let item = l.list_item(a);
            let items = l.field(src, LIST_ITEMS, LlType::Ref);
            let st = slot_type(&item);
            let v = l.op(LlOp::GetArrayItem(st), vec![items, i], st);
            l.from_slot(v, &item)
        }
        Ann::Str { .. } => l.call_rt(&rt::STR_GETITEM, vec![src, i]),
        _ => {
            let (start, step) = (l.field(src, 0, LlType::Int), l.field(src, 16, LlType::Int));
            let off = l.op(LlOp::IntMul, vec![i, step], LlType::Int);
            l.op(LlOp::IntAdd, vec![start, off], LlType::Int)
        }
    }
}

fn item_ann(l: &Lower, a: &Ann) -> Ann {
    match a {
        Ann::List { .. } => l.list_item(a),
        Ann::Str { .. } => Ann::Str { nullable: false },
        _ => Ann::Int,
    }
}

/// A new list of `n` items computed by `f(i)`.
fn build_list(
    l: &mut Lower,
    n: Value,
    res: &Ann,
    mut f: impl FnMut(&mut Lower, Value) -> (Value, Ann),
) -> Value {
    let item = l.list_item(res);
    let refs = l.int(crate::repr::is_gc(&item) as i64);
    let out = l.call_rt(&rt::LIST_NEW, vec![n, refs]);
    counted_loop(l, n, vec![], |l, i, _| {
        let (v, a) = f(l, i);
        let s = l.to_slot(v, &a, &item);
        let items = l.field(out, LIST_ITEMS, LlType::Ref);
        l.op(
            LlOp::SetArrayItem(slot_type(&item)),
            vec![items, i, s],
            LlType::Void,
        );
        vec![]
    });
    out
}

pub fn try_lower(l: &mut Lower, name: &str, pos: &Pos, kw: &Kw, res: &Ann) -> Option<Value> {
    let v = match name {
        "enumerate" => {
            let (src, sa) = pos[0].clone();
            let start = match pos.get(1) {
                Some((v, a)) => l.convert(*v, a, &Ann::Int),
                None => l.int(0),
            };
            let n = super::containers::len(l, src, &sa);
            let ia = item_ann(l, &sa);
            let tuple = Ann::Tuple(vec![Ann::Int, ia.clone()]);
            build_list(l, n, res, |l, i| {
                let k = l.op(LlOp::IntAdd, vec![i, start], LlType::Int);
                let x = item_at(l, src, &sa, i);
                let t = super::tuples::newtuple(l, &[k, x], &[Ann::Int, ia.clone()], &tuple);
                (t, tuple.clone())
            })
        }
        "zip" => {
            let mut n = None;
            for (v, a) in pos {
                let len = super::containers::len(l, *v, a);
                n = Some(match n {
                    None => len,
                    Some(m) => {
                        let lt = l.op(LlOp::IntLt, vec![len, m], LlType::Bool);
                        l.op(LlOp::Select(LlType::Int), vec![lt, len, m], LlType::Int)
                    }
                });
            }
            let n = n.expect("zip has arguments");
            let anns: Vec<Ann> = pos.iter().map(|(_, a)| item_ann(l, a)).collect();
            let tuple = Ann::Tuple(anns.clone());
            build_list(l, n, res, |l, i| {
                let xs: Vec<Value> = pos.iter().map(|(v, a)| item_at(l, *v, a, i)).collect();
                let t = super::tuples::newtuple(l, &xs, &anns, &tuple);
                (t, tuple.clone())
            })
        }
        "list" if pos.is_empty() => {
            let z = l.int(0);
            let refs = l.int(crate::repr::is_gc(&l.list_item(res)) as i64);
            l.call_rt(&rt::LIST_NEW, vec![z, refs])
        }
        "list" | "reversed" | "sorted" => {
            let (src, sa) = pos[0].clone();
            let copy = match &sa {
                Ann::List { .. } => l.call_rt(&rt::LIST_COPY, vec![src]),
                _ => {
                    let n = super::containers::len(l, src, &sa);
                    let ia = item_ann(l, &sa);
                    build_list(l, n, res, |l, i| (item_at(l, src, &sa, i), ia.clone()))
                }
            };
            if name == "reversed" {
                l.call_rt(&rt::LIST_REVERSE, vec![copy]);
            } else if name == "sorted" {
                super::lists::call_method(l, copy, res, "sort", vec![], kw.clone(), &Ann::None);
            }
            copy
        }
        "sum" | "any" | "all" => {
            let (src, sa) = pos[0].clone();
            let ia = item_ann(l, &sa);
            let n = super::containers::len(l, src, &sa);
            let (init, t) = match (name, res) {
                ("sum", Ann::Float) => (l.konst(LlConst::Float(0.0)), LlType::Float),
                ("sum", _) => (l.int(0), LlType::Int),
                ("any", _) => (l.konst(LlConst::Bool(false)), LlType::Bool),
                _ => (l.konst(LlConst::Bool(true)), LlType::Bool),
            };
            let out = counted_loop(l, n, vec![(init, t)], |l, i, acc| {
                let x = item_at(l, src, &sa, i);
                let v = match name {
                    "sum" if t == LlType::Float => {
                        let x = l.convert(x, &ia, &Ann::Float);
                        l.op(LlOp::FloatAdd, vec![acc[0], x], LlType::Float)
                    }
                    "sum" => {
                        let x = l.convert(x, &ia, &Ann::Int);
                        l.op(LlOp::IntAdd, vec![acc[0], x], LlType::Int)
                    }
                    _ => {
                        // Python's any/all stop early; without side effects in the
                        // items, folding the whole list gives the same result.
                        let tx = super::ops::truth(l, x, &ia);
                        let o = LlOp::Select(LlType::Bool);
                        let (tt, ff) =
                            (l.konst(LlConst::Bool(true)), l.konst(LlConst::Bool(false)));
                        if name == "any" {
                            l.op(o, vec![tx, tt, acc[0]], LlType::Bool)
                        } else {
                            l.op(o, vec![tx, acc[0], ff], LlType::Bool)
                        }
                    }
                };
                vec![v]
            });
            out[0]
        }
        _ => return None,
    };
    Some(v)
}
