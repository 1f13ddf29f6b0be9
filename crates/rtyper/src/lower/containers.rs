//! Lowering of lists, strings and iterators: lengths, bounds checks, item loads and
//! stores are inline operations; growth, formatting and searches call the runtime.
//!
//! Iterators (and `range` objects) live in stack slots: they never escape the function
//! (the annotator allows them only in `for` loops), so LLVM promotes their fields to
//! registers and a `for i in range(n)` loop is a plain counting loop.

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{item_kind, slot_type};
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::{Inst, Value};
use frontend::graph::{Exit, Handler, Link};
use frontend::ops::FlowOp;
use rpyrt::abi::{ARRAY_CAPACITY, LIST_ITEMS, LIST_LENGTH, STR_LEN};

impl Lower<'_> {
    pub fn field(&mut self, obj: Value, off: i64, t: LlType) -> Value {
        let o = self.int(off);
        self.op(LlOp::GetField(t), vec![obj, o], t)
    }

    pub fn set_field(&mut self, obj: Value, off: i64, t: LlType, v: Value) {
        let o = self.int(off);
        self.op(LlOp::SetField(t), vec![obj, o, v], LlType::Void);
    }

    /// A value as stored in a list slot.
    pub fn to_slot(&mut self, v: Value, from: &Ann, item: &Ann) -> Value {
        let v = self.convert(v, from, item);
        match self.ty(v) {
            LlType::Bool => self.op(LlOp::CastBoolToInt, vec![v], LlType::Int),
            LlType::Void => self.konst(crate::repr::zero(slot_type(item))),
            _ => v,
        }
    }

    pub fn from_slot(&mut self, v: Value, item: &Ann) -> Value {
        if matches!(item, Ann::Bool(_)) {
            let z = self.int(0);
            self.op(LlOp::IntNe, vec![v, z], LlType::Bool)
        } else {
            v
        }
    }

    /// Normalises a Python index against `len` and raises IndexError when out of range.
    fn checked_index(
        &mut self,
        i: Value,
        len: Value,
        const_index: Option<i64>,
        msg: &str,
    ) -> Value {
        let idx = match const_index {
            Some(k) if k >= 0 => i,
            _ => {
                let z = self.int(0);
                let neg = self.op(LlOp::IntLt, vec![i, z], LlType::Bool);
                let adj = self.op(LlOp::IntAdd, vec![i, len], LlType::Int);
                self.op(LlOp::Select(LlType::Int), vec![neg, adj, i], LlType::Int)
            }
        };
        let ok = self.op(LlOp::UintLt, vec![idx, len], LlType::Bool);
        let bad = self.op(LlOp::BoolNot, vec![ok], LlType::Bool);
        self.raise_if(bad, "IndexError", msg);
        idx
    }

    pub fn list_item(&self, list_ann: &Ann) -> Ann {
        match list_ann {
            Ann::List { def, .. } | Ann::ListIter(def) => self.p.listdefs.item(*def),
            _ => Ann::Impossible,
        }
    }
}

pub fn newlist(l: &mut Lower, args: &[Value], anns: &[Ann], res: &Ann) -> Value {
    let item = l.list_item(res);
    let n = l.int(args.len() as i64);
    let refs = l.int(crate::repr::is_gc(&item) as i64);
    let list = l.call_rt(&rt::LIST_NEW, vec![n, refs]);
    if !args.is_empty() {
        let items = l.field(list, LIST_ITEMS, LlType::Ref);
        for (k, (&v, a)) in args.iter().zip(anns).enumerate() {
            let s = l.to_slot(v, a, &item);
            let kv = l.int(k as i64);
            l.op(
                LlOp::SetArrayItem(slot_type(&item)),
                vec![items, kv, s],
                LlType::Void,
            );
        }
    }
    list
}

pub fn getitem(
    l: &mut Lower,
    c: Value,
    i: Value,
    ac: &Ann,
    ai: &Ann,
    hl_index: Value,
    res: &Ann,
) -> Value {
    let i = l.convert(i, ai, &Ann::Int);
    let const_index = match l.hl.const_of(hl_index) {
        Some(frontend::ops::Const::Int(k)) => Some(*k),
        _ => None,
    };
    match ac {
        Ann::List { .. } => {
            let item = l.list_item(ac);
            let st = slot_type(&item);
            let v = if l.is_immutable_list(ac) {
                let len = l.pure_field(c, LIST_LENGTH, LlType::Int);
                let idx = l.checked_index(i, len, const_index, "list index out of range");
                let items = l.pure_field(c, LIST_ITEMS, LlType::Ref);
                l.op(LlOp::GetArrayItemPure(st), vec![items, idx], st)
            } else {
                let len = l.field(c, LIST_LENGTH, LlType::Int);
                let idx = l.checked_index(i, len, const_index, "list index out of range");
                let items = l.field(c, LIST_ITEMS, LlType::Ref);
                l.op(LlOp::GetArrayItem(st), vec![items, idx], st)
            };
            let v = l.from_slot(v, &item);
            l.convert(v, &item, res)
        }
        Ann::Str { .. } => l.call_rt(&rt::STR_GETITEM, vec![c, i]),
        Ann::Tuple(items) => {
            let n = items.len() as i64;
            let k = match const_index {
                Some(k) if k < 0 => k + n,
                Some(k) => k,
                None => 0,
            };
            let v = super::tuples::item(l, c, items, k as usize);
            l.convert(v, &items[k as usize], res)
        }
        other => {
            l.error(
                "E0310",
                format!("indexing {other:?} is not supported by the rtyper yet"),
            );
            l.konst(LlConst::Void)
        }
    }
}

pub fn setitem(l: &mut Lower, c: Value, i: Value, v: Value, ac: &Ann, ai: &Ann, av: &Ann) -> Value {
    let i = l.convert(i, ai, &Ann::Int);
    let item = l.list_item(ac);
    let len = l.field(c, LIST_LENGTH, LlType::Int);
    let const_index = l.ll.const_of(i).and_then(|k| {
        if let LlConst::Int(k) = k {
            Some(*k)
        } else {
            None
        }
    });
    let idx = l.checked_index(i, len, const_index, "list assignment index out of range");
    let items = l.field(c, LIST_ITEMS, LlType::Ref);
    let s = l.to_slot(v, av, &item);
    l.op(
        LlOp::SetArrayItem(slot_type(&item)),
        vec![items, idx, s],
        LlType::Void,
    );
    l.konst(LlConst::Void)
}

pub fn append(l: &mut Lower, list: Value, list_ann: &Ann, v: Value, av: &Ann) {
    let item = l.list_item(list_ann);
    let len = l.field(list, LIST_LENGTH, LlType::Int);
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    let cap = l.field(items, ARRAY_CAPACITY, LlType::Int);
    let full = l.op(LlOp::IntGe, vec![len, cap], LlType::Bool);
    let one = l.int(1);
    let newlen = l.op(LlOp::IntAdd, vec![len, one], LlType::Int);
    let (grow, join) = (l.ll.new_block(), l.ll.new_block());
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond: full,
            if_true: Link {
                target: grow,
                args: vec![],
            },
            if_false: Link {
                target: join,
                args: vec![],
            },
        },
    );
    l.cur = grow;
    l.call_rt(&rt::LIST_GROW, vec![list, newlen]);
    l.ll.set_exit(
        l.cur,
        Exit::Goto(Link {
            target: join,
            args: vec![],
        }),
    );
    l.cur = join;
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    let s = l.to_slot(v, av, &item);
    l.op(
        LlOp::SetArrayItem(slot_type(&item)),
        vec![items, len, s],
        LlType::Void,
    );
    l.set_field(list, LIST_LENGTH, LlType::Int, newlen);
}

pub fn list_binary(l: &mut Lower, op: FlowOp, x: Value, y: Value, ax: &Ann, ay: &Ann) -> Value {
    match op {
        FlowOp::Add => l.call_rt(&rt::LIST_CONCAT, vec![x, y]),
        FlowOp::Mul => {
            let (list, n, an) = if matches!(ax, Ann::List { .. }) {
                (x, y, ay)
            } else {
                (y, x, ax)
            };
            let n = l.convert(n, an, &Ann::Int);
            l.call_rt(&rt::LIST_MUL, vec![list, n])
        }
        _ => {
            // `lst += other` extends in place.
            l.call_rt(&rt::LIST_EXTEND, vec![x, y]);
            x
        }
    }
}

pub fn len(l: &mut Lower, v: Value, a: &Ann) -> Value {
    match a {
        Ann::List { .. } if l.is_immutable_list(a) => l.pure_field(v, LIST_LENGTH, LlType::Int),
        Ann::List { .. } => l.field(v, LIST_LENGTH, LlType::Int),
        Ann::Str { .. } => l.field(v, STR_LEN, LlType::Int),
        Ann::Tuple(items) => l.int(items.len() as i64),
        Ann::Range => {
            // len(range(start, stop, step)) = max(0, ceil((stop - start) / step)).
            let (start, stop, step) = (
                l.field(v, 0, LlType::Int),
                l.field(v, 8, LlType::Int),
                l.field(v, 16, LlType::Int),
            );
            let z = l.int(0);
            let pos = l.op(LlOp::IntGt, vec![step, z], LlType::Bool);
            let one = l.int(1);
            let span = l.op(LlOp::IntSub, vec![stop, start], LlType::Int);
            let adj_pos = l.op(LlOp::IntSub, vec![step, one], LlType::Int);
            let adj_neg = l.op(LlOp::IntAdd, vec![step, one], LlType::Int);
            let adj = l.op(
                LlOp::Select(LlType::Int),
                vec![pos, adj_pos, adj_neg],
                LlType::Int,
            );
            let num = l.op(LlOp::IntAdd, vec![span, adj], LlType::Int);
            let n = l.op(LlOp::IntFloorDiv, vec![num, step], LlType::Int);
            let neg = l.op(LlOp::IntLt, vec![n, z], LlType::Bool);
            l.op(LlOp::Select(LlType::Int), vec![neg, z, n], LlType::Int)
        }
        other => {
            l.error(
                "E0312",
                format!("len() of {other:?} is not supported by the rtyper yet"),
            );
            l.int(0)
        }
    }
}

/// `range(...)`: a stack struct `{start, stop, step}`.
/// Whether a range iteration at `cur` has an item (`cur` is before `stop` in the
/// direction of `step`), and that direction (`step > 0`).
pub fn range_has_item(l: &mut Lower, cur: Value, stop: Value, step: Value) -> (Value, Value) {
    let z = l.int(0);
    let pos = l.op(LlOp::IntGt, vec![step, z], LlType::Bool);
    let lt = l.op(LlOp::IntLt, vec![cur, stop], LlType::Bool);
    let gt = l.op(LlOp::IntGt, vec![cur, stop], LlType::Bool);
    let has = l.op(LlOp::Select(LlType::Bool), vec![pos, lt, gt], LlType::Bool);
    (has, pos)
}

/// The range position after `cur`: `cur + step`, or `stop` when that steps past the int
/// range (Python's range has no wrap-around, so an overflowed step ends the iteration).
pub fn range_advance(l: &mut Lower, cur: Value, stop: Value, step: Value, pos: Value) -> Value {
    let nxt = l.op(LlOp::IntAdd, vec![cur, step], LlType::Int);
    let up_wrapped = l.op(LlOp::IntLt, vec![nxt, cur], LlType::Bool);
    let down_wrapped = l.op(LlOp::IntGt, vec![nxt, cur], LlType::Bool);
    let wrapped = l.op(
        LlOp::Select(LlType::Bool),
        vec![pos, up_wrapped, down_wrapped],
        LlType::Bool,
    );
    l.op(
        LlOp::Select(LlType::Int),
        vec![wrapped, stop, nxt],
        LlType::Int,
    )
}

pub fn range(l: &mut Lower, args: Vec<Value>) -> Value {
    let (start, stop, step) = match args.len() {
        1 => (l.int(0), args[0], l.int(1)),
        2 => (args[0], args[1], l.int(1)),
        _ => (args[0], args[1], args[2]),
    };
    if args.len() == 3 && !matches!(l.ll.const_of(step), Some(LlConst::Int(k)) if *k != 0) {
        let z = l.int(0);
        let is0 = l.op(LlOp::IntEq, vec![step, z], LlType::Bool);
        l.raise_if(is0, "ValueError", "range() arg 3 must not be zero");
    }
    let n = l.int(3);
    let r = l.op(LlOp::StackAlloc, vec![n], LlType::Ref);
    l.set_field(r, 0, LlType::Int, start);
    l.set_field(r, 8, LlType::Int, stop);
    l.set_field(r, 16, LlType::Int, step);
    r
}

pub fn iter(l: &mut Lower, x: Value, a: &Ann) -> Value {
    match a {
        Ann::Range => {
            let (start, stop, step) = (
                l.field(x, 0, LlType::Int),
                l.field(x, 8, LlType::Int),
                l.field(x, 16, LlType::Int),
            );
            let n = l.int(3);
            let it = l.op(LlOp::StackAlloc, vec![n], LlType::Ref);
            l.set_field(it, 0, LlType::Int, start);
            l.set_field(it, 8, LlType::Int, stop);
            l.set_field(it, 16, LlType::Int, step);
            it
        }
        _ => {
            let n = l.int(2);
            let it = l.op(LlOp::StackAlloc, vec![n], LlType::Ref);
            l.set_field(it, 0, LlType::Ref, x);
            let z = l.int(0);
            l.set_field(it, 8, LlType::Int, z);
            it
        }
    }
}

/// A `for` loop's `next`: the end of the iteration is a branch to the StopIteration
/// handler, not an exception. Returns false when the pattern does not apply.
pub fn lower_loop_next(
    l: &mut Lower,
    i: Inst,
    normal: Option<&Link>,
    handlers: &[Handler],
) -> bool {
    let inst = l.hl.insts[i].clone();
    let it_ann = l.ann(inst.args[0]);
    if let Some(done) = super::dicts::lower_loop_next(l, i, normal, handlers) {
        return done;
    }
    let Some(stop_handler) = handlers.first() else {
        return false;
    };
    let is_stop = matches!(stop_handler.case.and_then(|c| l.hl.const_of(c)), Some(frontend::ops::Const::Builtin(q)) if q == "builtins.StopIteration");
    let Some(normal) = normal else { return false };
    if !is_stop || !matches!(it_ann, Ann::RangeIter | Ann::ListIter(_) | Ann::StrIter) {
        return false;
    }
    let it = l.get(inst.args[0]);
    let (has, value): (Value, Box<dyn FnOnce(&mut Lower) -> Value>) = match &it_ann {
        Ann::RangeIter => {
            let (cur, stop, step) = (
                l.field(it, 0, LlType::Int),
                l.field(it, 8, LlType::Int),
                l.field(it, 16, LlType::Int),
            );
            let (has, pos) = range_has_item(l, cur, stop, step);
            (
                has,
                Box::new(move |l: &mut Lower| {
                    let nxt = range_advance(l, cur, stop, step, pos);
                    l.set_field(it, 0, LlType::Int, nxt);
                    cur
                }),
            )
        }
        Ann::ListIter(_) => {
            let item = l.list_item(&it_ann);
            let (lst, idx) = (l.field(it, 0, LlType::Ref), l.field(it, 8, LlType::Int));
            let len = l.field(lst, LIST_LENGTH, LlType::Int);
            let has = l.op(LlOp::IntLt, vec![idx, len], LlType::Bool);
            (
                has,
                Box::new(move |l: &mut Lower| {
                    let items = l.field(lst, LIST_ITEMS, LlType::Ref);
                    let st = slot_type(&item);
                    let v = l.op(LlOp::GetArrayItem(st), vec![items, idx], st);
                    let one = l.int(1);
                    let nxt = l.op(LlOp::IntAdd, vec![idx, one], LlType::Int);
                    l.set_field(it, 8, LlType::Int, nxt);
                    l.from_slot(v, &item)
                }),
            )
        }
        _ => {
            let (s, idx) = (l.field(it, 0, LlType::Ref), l.field(it, 8, LlType::Int));
            let len = l.field(s, STR_LEN, LlType::Int);
            let has = l.op(LlOp::IntLt, vec![idx, len], LlType::Bool);
            (
                has,
                Box::new(move |l: &mut Lower| {
                    let one = l.int(1);
                    let nxt = l.op(LlOp::IntAdd, vec![idx, one], LlType::Int);
                    l.set_field(it, 8, LlType::Int, nxt);
                    l.call_rt(&rt::STR_GETITEM, vec![s, idx])
                }),
            )
        }
    };
    let (next_b, stop_b) = (l.ll.new_block(), l.ll.new_block());
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond: has,
            if_true: Link {
                target: next_b,
                args: vec![],
            },
            if_false: Link {
                target: stop_b,
                args: vec![],
            },
        },
    );
    l.cur = stop_b;
    let null = l.konst(LlConst::Null);
    l.env.insert(stop_handler.exc, null);
    let link = l.lower_link_pub(&stop_handler.link);
    l.ll.set_exit(l.cur, Exit::Goto(link));
    l.cur = next_b;
    let v = value(l);
    l.env.insert(inst.result, v);
    let link = l.lower_link_pub(normal);
    l.ll.set_exit(l.cur, Exit::Goto(link));
    true
}

pub fn contains(l: &mut Lower, container: Value, item: Value, ac: &Ann, ai: &Ann) -> Value {
    match ac {
        Ann::List { .. } => {
            let it = l.list_item(ac);
            let Some(kind) = item_kind(&it) else {
                l.error("E0313", "`in` on lists of these items is not supported yet");
                return l.konst(LlConst::Bool(false));
            };
            let v = l.to_slot(item, ai, &it);
            let bits = match l.ty(v) {
                LlType::Float => l.op(LlOp::FloatToBits, vec![v], LlType::Int),
                LlType::Ref => l.op(LlOp::CastPtrToInt, vec![v], LlType::Int),
                _ => v,
            };
            let k = l.int(kind as i64);
            let r = l.call_rt(&rt::LIST_CONTAINS, vec![container, bits, k]);
            let z = l.int(0);
            l.op(LlOp::IntNe, vec![r, z], LlType::Bool)
        }
        _ => {
            let r = l.call_rt(&rt::STR_CONTAINS, vec![container, item]);
            let z = l.int(0);
            l.op(LlOp::IntNe, vec![r, z], LlType::Bool)
        }
    }
}
