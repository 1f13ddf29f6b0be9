//! Iteration: `for` loops over dicts, sets and views (inline, with CPython's checks for
//! a dict that changes during the iteration), and the loops generated code runs over
//! entries and over any iterable (for `set(x)`, `update`, `list(d)`, repr, `==`).

use super::table::{self, hash_at};
use super::{block, branch, goto, DictInfo};
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::{containers, Lower};
use crate::repr::slot_type;
use crate::runtime_fns as rt;
use annotator::model::{Ann, DictPart};
use frontend::entities::Value;
use frontend::graph::{Exit, Handler, InstData, Link};
use frontend::ops::{Const, FlowOp};
use rpyrt::abi::{
    ARRAY_CAPACITY, DELETED_HASH, DICT_LENGTH, DICT_USED, LIST_ITEMS, LIST_LENGTH, STR_LEN,
};

/// `iter(x)` for a dict, set or view: `{dict, position, length at start, entries left}`.
pub fn iter(l: &mut Lower, d: Value) -> Value {
    let n = l.int(4);
    let it = l.op(LlOp::StackAlloc, vec![n], LlType::Ref);
    l.set_field(it, 0, LlType::Ref, d);
    let z = l.int(0);
    l.set_field(it, 8, LlType::Int, z);
    let len = l.field(d, DICT_LENGTH, LlType::Int);
    l.set_field(it, 16, LlType::Int, len);
    l.set_field(it, 24, LlType::Int, len);
    it
}

/// What entry `idx` yields for `part`: its key, its value or a `(key, value)` tuple.
pub fn part_value(l: &mut Lower, d: Value, idx: Value, info: &DictInfo) -> (Value, Ann) {
    match info.part {
        DictPart::Keys | DictPart::SetItems => (table::key_at(l, d, idx, info), info.key.clone()),
        DictPart::Values => (table::value_at(l, d, idx, info), info.value.clone()),
        DictPart::Items => {
            let k = table::key_at(l, d, idx, info);
            let v = table::value_at(l, d, idx, info);
            let anns = vec![info.key.clone(), info.value.clone()];
            let t = super::tuples::new(l, vec![k, v], &anns);
            (t, Ann::Tuple(anns))
        }
    }
}

/// A `for` loop's `next` over a dict iterator: the end of the entries branches to the
/// StopIteration handler; a size change since the start raises RuntimeError.
pub fn loop_next(
    l: &mut Lower,
    inst: &InstData<FlowOp>,
    info: &DictInfo,
    normal: Option<&Link>,
    handlers: &[Handler],
) -> bool {
    let Some(stop) = handlers.first() else {
        return false;
    };
    let is_stop = matches!(stop.case.and_then(|c| l.hl.const_of(c)), Some(Const::Builtin(q)) if q == "builtins.StopIteration");
    let Some(normal) = normal else { return false };
    if !is_stop {
        return false;
    }
    // Exceptions raised here go to the handlers around the loop.
    l.guarded = Some(handlers[1..].to_vec());
    let it = l.get(inst.args[0]);
    let d = l.field(it, 0, LlType::Ref);
    let pos = l.field(it, 8, LlType::Int);
    let len0 = l.field(it, 16, LlType::Int);
    let len = l.field(d, DICT_LENGTH, LlType::Int);
    let changed = l.op(LlOp::IntNe, vec![len, len0], LlType::Bool);
    let msg = if info.is_set {
        "Set changed size during iteration"
    } else {
        "dictionary changed size during iteration"
    };
    l.raise_if(changed, "RuntimeError", msg);
    let (scan, chk, found, stop_b) = (
        l.ll.new_block(),
        l.ll.new_block(),
        l.ll.new_block(),
        l.ll.new_block(),
    );
    let (_, p) = block(l, scan, &[LlType::Int]);
    let p = p[0];
    goto(l, scan, vec![pos]);
    l.cur = scan;
    let used = l.field(d, DICT_USED, LlType::Int);
    let more = l.op(LlOp::IntLt, vec![p, used], LlType::Bool);
    branch(l, more, chk, vec![], stop_b, vec![]);
    l.cur = chk;
    let h = hash_at(l, d, p);
    let dead_h = l.int(DELETED_HASH);
    let dead = l.op(LlOp::IntEq, vec![h, dead_h], LlType::Bool);
    let one = l.int(1);
    let p1 = l.op(LlOp::IntAdd, vec![p, one], LlType::Int);
    branch(l, dead, scan, vec![p1], found, vec![]);
    l.cur = found;
    let rem = l.field(it, 24, LlType::Int);
    if !info.is_set {
        let z = l.int(0);
        let none_left = l.op(LlOp::IntEq, vec![rem, z], LlType::Bool);
        l.raise_if(
            none_left,
            "RuntimeError",
            "dictionary keys changed during iteration",
        );
    }
    l.set_field(it, 8, LlType::Int, p1);
    let rem1 = l.op(LlOp::IntSub, vec![rem, one], LlType::Int);
    l.set_field(it, 24, LlType::Int, rem1);
    let (v, _) = part_value(l, d, p, info);
    l.guarded = None;
    l.env.insert(inst.result, v);
    let link = l.lower_link_pub(normal);
    l.ll.set_exit(l.cur, Exit::Goto(link));
    l.cur = stop_b;
    let null = l.konst(LlConst::Null);
    l.env.insert(stop.exc, null);
    let link = l.lower_link_pub(&stop.link);
    l.ll.set_exit(l.cur, Exit::Goto(link));
    true
}

/// Runs `body` on the index of each live entry of `d`, in order. `body` must leave
/// `l.cur` open (it may branch out of the loop on one side).
pub fn for_each_entry(l: &mut Lower, d: Value, body: &mut dyn FnMut(&mut Lower, Value)) {
    let (head, chk, live, exit) = (
        l.ll.new_block(),
        l.ll.new_block(),
        l.ll.new_block(),
        l.ll.new_block(),
    );
    let (_, p) = block(l, head, &[LlType::Int]);
    let p = p[0];
    let z = l.int(0);
    goto(l, head, vec![z]);
    l.cur = head;
    let used = l.field(d, DICT_USED, LlType::Int);
    let more = l.op(LlOp::IntLt, vec![p, used], LlType::Bool);
    branch(l, more, chk, vec![], exit, vec![]);
    l.cur = chk;
    let h = hash_at(l, d, p);
    let dead_h = l.int(DELETED_HASH);
    let dead = l.op(LlOp::IntEq, vec![h, dead_h], LlType::Bool);
    let one = l.int(1);
    let p1 = l.op(LlOp::IntAdd, vec![p, one], LlType::Int);
    branch(l, dead, head, vec![p1], live, vec![]);
    l.cur = live;
    body(l, p);
    goto(l, head, vec![p1]);
    l.cur = exit;
}

/// A counting loop `for i in range(0, len())` where the length is re-read each time.
fn for_index(
    l: &mut Lower,
    len: &mut dyn FnMut(&mut Lower) -> Value,
    body: &mut dyn FnMut(&mut Lower, Value),
) {
    let (head, live, exit) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let (_, p) = block(l, head, &[LlType::Int]);
    let p = p[0];
    let z = l.int(0);
    goto(l, head, vec![z]);
    l.cur = head;
    let n = len(l);
    let more = l.op(LlOp::IntLt, vec![p, n], LlType::Bool);
    let one = l.int(1);
    let p1 = l.op(LlOp::IntAdd, vec![p, one], LlType::Int);
    branch(l, more, live, vec![], exit, vec![]);
    l.cur = live;
    body(l, p);
    goto(l, head, vec![p1]);
    l.cur = exit;
}

/// Runs `body` on each item of list `x`, whose items are of annotation `item`.
pub fn for_each_list_item(
    l: &mut Lower,
    x: Value,
    item: &Ann,
    body: &mut dyn FnMut(&mut Lower, Value),
) {
    for_index(
        l,
        &mut |l| l.field(x, LIST_LENGTH, LlType::Int),
        &mut |l, i| {
            let items = l.field(x, LIST_ITEMS, LlType::Ref);
            let st = slot_type(item);
            let v = l.op(LlOp::GetArrayItem(st), vec![items, i], st);
            let v = l.from_slot(v, item);
            body(l, v)
        },
    )
}

/// Runs `body` on each item (in its annotation's representation) of an iterable: a
/// list, str, range, dict, set or view.
pub fn for_each_item(l: &mut Lower, x: Value, xa: &Ann, body: &mut dyn FnMut(&mut Lower, Value)) {
    match xa {
        Ann::List { .. } => {
            let item = l.list_item(xa);
            for_each_list_item(l, x, &item, body)
        }
        Ann::Str { .. } => for_index(l, &mut |l| l.field(x, STR_LEN, LlType::Int), &mut |l, i| {
            let c = l.call_rt(&rt::STR_GETITEM, vec![x, i]);
            body(l, c)
        }),
        Ann::Range => range_loop(l, x, body),
        _ => {
            let Some(info) = super::info(l, xa) else {
                l.error("E0343", format!("internal: iterating over {xa:?}"));
                return;
            };
            for_each_entry(l, x, &mut |l, idx| {
                let (v, _) = part_value(l, x, idx, &info);
                body(l, v)
            })
        }
    }
}

/// The item annotation `for_each_item` yields for an iterable.
pub fn item_ann(l: &Lower, xa: &Ann) -> Ann {
    match xa {
        Ann::List { .. } => l.list_item(xa),
        Ann::Str { .. } => Ann::Str { nullable: false },
        Ann::Range => Ann::Int,
        _ => match super::info(l, xa) {
            Some(i) => match i.part {
                DictPart::Keys | DictPart::SetItems => i.key,
                DictPart::Values => i.value,
                DictPart::Items => Ann::Tuple(vec![i.key, i.value]),
            },
            None => Ann::Impossible,
        },
    }
}

fn range_loop(l: &mut Lower, r: Value, body: &mut dyn FnMut(&mut Lower, Value)) {
    let (start, stop, step) = (
        l.field(r, 0, LlType::Int),
        l.field(r, 8, LlType::Int),
        l.field(r, 16, LlType::Int),
    );
    let (head, live, exit) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let (_, c) = block(l, head, &[LlType::Int]);
    let c = c[0];
    goto(l, head, vec![start]);
    l.cur = head;
    let (has, pos) = containers::range_has_item(l, c, stop, step);
    let nxt = containers::range_advance(l, c, stop, step, pos);
    branch(l, has, live, vec![], exit, vec![]);
    l.cur = live;
    body(l, c);
    goto(l, head, vec![nxt]);
    l.cur = exit;
}

/// Appends slot value `s` (of slot type `st`) to list `list`.
pub fn push(l: &mut Lower, list: Value, s: Value, st: LlType) {
    let len = l.field(list, LIST_LENGTH, LlType::Int);
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    let cap = l.field(items, ARRAY_CAPACITY, LlType::Int);
    let full = l.op(LlOp::IntGe, vec![len, cap], LlType::Bool);
    let one = l.int(1);
    let newlen = l.op(LlOp::IntAdd, vec![len, one], LlType::Int);
    let (grow, join) = (l.ll.new_block(), l.ll.new_block());
    branch(l, full, grow, vec![], join, vec![]);
    l.cur = grow;
    l.call_rt(&rt::LIST_GROW, vec![list, newlen]);
    goto(l, join, vec![]);
    l.cur = join;
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    l.op(LlOp::SetArrayItem(st), vec![items, len, s], LlType::Void);
    l.set_field(list, LIST_LENGTH, LlType::Int, newlen);
}

/// A new list of the items of `x` (for `list(x)` and `sorted(x)`), of annotation `res`.
pub fn to_list(l: &mut Lower, x: Value, xa: &Ann, res: &Ann) -> Value {
    let item = l.list_item(res);
    let from = item_ann(l, xa);
    let z = l.int(0);
    let refs = l.int(crate::repr::is_gc(&item) as i64);
    let list = l.call_rt(&rt::LIST_NEW, vec![z, refs]);
    let st = slot_type(&item);
    for_each_item(l, x, xa, &mut |l, v| {
        let s = l.to_slot(v, &from, &item);
        push(l, list, s, st);
    });
    list
}

/// `x in d.values()`: a linear search.
pub fn values_contain(l: &mut Lower, d: Value, info: &DictInfo, x: Value, xa: &Ann) -> Value {
    let done = l.ll.new_block();
    let (_, r) = block(l, done, &[LlType::Bool]);
    let vann = info.value.clone();
    let target = if xa.is_numeric() && vann.is_numeric() && *xa != vann {
        Ann::Float
    } else {
        vann.clone()
    };
    let x = l.convert(x, xa, &target);
    for_each_entry(l, d, &mut |l, idx| {
        let v = table::value_at(l, d, idx, info);
        let v = l.convert(v, &vann, &target);
        let same = super::repr::value_eq(l, x, v, &target, 0);
        let (hit, cont) = (l.ll.new_block(), l.ll.new_block());
        branch(l, same, hit, vec![], cont, vec![]);
        l.cur = hit;
        let t = l.konst(LlConst::Bool(true));
        goto(l, done, vec![t]);
        l.cur = cont;
    });
    let f = l.konst(LlConst::Bool(false));
    goto(l, done, vec![f]);
    l.cur = done;
    r[0]
}

/// `true` when `pred` holds for every live entry of `d` (stops at the first failure).
pub fn all_entries(
    l: &mut Lower,
    d: Value,
    pred: &mut dyn FnMut(&mut Lower, Value) -> Value,
) -> Value {
    let done = l.ll.new_block();
    let (_, r) = block(l, done, &[LlType::Bool]);
    for_each_entry(l, d, &mut |l, idx| {
        let ok = pred(l, idx);
        let cont = l.ll.new_block();
        let f = l.konst(LlConst::Bool(false));
        branch(l, ok, cont, vec![], done, vec![f]);
        l.cur = cont;
    });
    let t = l.konst(LlConst::Bool(true));
    goto(l, done, vec![t]);
    l.cur = done;
    r[0]
}
