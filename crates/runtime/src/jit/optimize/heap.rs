//! The heap cache (PyPy's `heap.py`): what the trace knows is in memory.
//!
//! Fields are keyed by (object, byte offset) and array items by (array, index). A
//! `getfield` of a known (object, offset) is the cached value (from an earlier
//! `getfield` or `setfield`); a `setfield` storing the value already known is removed.
//! Fields are identified only by offset, so a `setfield(p, off, v)` forgets the field
//! `off` of every object that may be `p` (all but the ones `Opt::known_distinct` proves
//! different: constants, fresh allocations...). A `setarrayitem` forgets the items of
//! arrays that may alias at indexes that may be equal. Calls whose descr `writes_heap`
//! forget everything; so does a label. Fields and array items are assumed not to
//! overlap (translated code never reads an array item with `getfield`).

use super::optimizer::{Opt, Stage, R};
use crate::jit::trace::*;
use std::collections::HashMap;

#[derive(Default, Clone)]
pub struct HeapCache {
    /// offset -> [(object, value)].
    pub fields: HashMap<i64, Vec<(Arg, Arg)>>,
    /// array -> [(index, value)].
    pub items: HashMap<Arg, Vec<(Arg, Arg)>>,
}

impl HeapCache {
    pub fn clear(&mut self) {
        self.fields.clear();
        self.items.clear();
    }
}

impl Opt<'_> {
    /// The cached value of the field `off` of `obj`.
    pub fn heap_known_field(&self, obj: Arg, off: i64) -> Option<Arg> {
        let obj = self.get(obj);
        let l = self.heap.fields.get(&off)?;
        l.iter()
            .find(|(o, _)| self.get(*o) == obj)
            .map(|&(_, v)| self.get(v))
    }

    fn heap_known_item(&self, arr: Arg, index: Arg) -> Option<Arg> {
        let (arr, index) = (self.get(arr), self.get(index));
        let l = self.heap.items.get(&arr)?;
        l.iter()
            .find(|(i, _)| self.get(*i) == index)
            .map(|&(_, v)| self.get(v))
    }

    /// Records that the field `off` of `obj` holds `val`; with `write`, first forgets
    /// that field of every object that may alias `obj`.
    pub fn heap_set_field(&mut self, obj: Arg, off: i64, val: Arg, write: bool) {
        let obj = self.get(obj);
        let mut l = self.heap.fields.remove(&off).unwrap_or_default();
        if write {
            l.retain(|&(o, _)| self.known_distinct(o, obj));
        } else {
            l.retain(|&(o, _)| self.get(o) != obj);
        }
        l.push((obj, val));
        self.heap.fields.insert(off, l);
    }

    fn indexes_distinct(&self, a: Arg, b: Arg) -> bool {
        match (self.get(a), self.get(b)) {
            (Arg::Const(x), Arg::Const(y)) => x.bits != y.bits,
            (x, y) => {
                let (bx, by) = (self.bound(x), self.bound(y));
                x != y && (bx.hi < by.lo || by.hi < bx.lo)
            }
        }
    }

    pub fn heap_set_item(&mut self, arr: Arg, index: Arg, val: Arg, write: bool) {
        let (arr, index) = (self.get(arr), self.get(index));
        if write {
            let keys: Vec<Arg> = self.heap.items.keys().copied().collect();
            for a in keys {
                if a != arr && self.known_distinct(a, arr) {
                    continue;
                }
                let mut l = self.heap.items.remove(&a).unwrap();
                l.retain(|&(i, _)| self.indexes_distinct(i, index));
                if !l.is_empty() {
                    self.heap.items.insert(a, l);
                }
            }
        } else if let Some(l) = self.heap.items.get_mut(&arr) {
            l.retain(|&(i, _)| i != index);
        }
        self.heap.items.entry(arr).or_default().push((index, val));
    }

    pub(super) fn heap_op(&mut self, op: Op) -> R {
        match op.opcode {
            Opcode::GetfieldI | Opcode::GetfieldR | Opcode::GetfieldF => {
                let off = op.args[1].konst().map(|c| c.as_int());
                if let Some(off) = off {
                    let r = op.result.unwrap();
                    if let Some(v) = self.heap_known_field(op.args[0], off) {
                        self.replace(r, v);
                        return Ok(());
                    }
                    let obj = op.args[0];
                    self.send(op, Stage::Emit)?;
                    self.heap_set_field(obj, off, Arg::Var(r), false);
                    return Ok(());
                }
            }
            Opcode::Setfield => {
                if let Some(off) = op.args[1].konst().map(|c| c.as_int()) {
                    let val = self.get(op.args[2]);
                    if self.heap_known_field(op.args[0], off) == Some(val) {
                        return Ok(());
                    }
                    let obj = op.args[0];
                    self.send(op, Stage::Emit)?;
                    self.heap_set_field(obj, off, val, true);
                    return Ok(());
                }
                self.heap.fields.clear();
            }
            Opcode::GetarrayitemI | Opcode::GetarrayitemR | Opcode::GetarrayitemF => {
                let r = op.result.unwrap();
                if let Some(v) = self.heap_known_item(op.args[0], op.args[1]) {
                    self.replace(r, v);
                    return Ok(());
                }
                let (arr, index) = (op.args[0], op.args[1]);
                self.send(op, Stage::Emit)?;
                self.heap_set_item(arr, index, Arg::Var(r), false);
                return Ok(());
            }
            Opcode::Setarrayitem => {
                let val = self.get(op.args[2]);
                if self.heap_known_item(op.args[0], op.args[1]) == Some(val) {
                    return Ok(());
                }
                let (arr, index) = (op.args[0], op.args[1]);
                self.send(op, Stage::Emit)?;
                self.heap_set_item(arr, index, val, true);
                return Ok(());
            }
            Opcode::CallI | Opcode::CallR | Opcode::CallF | Opcode::CallN
                if op.descr.as_ref().is_none_or(|d| d.writes_heap) =>
            {
                self.heap.clear();
            }
            Opcode::Label => self.heap.clear(),
            Opcode::GuardClass => {
                let (obj, vt) = (op.args[0], op.args[1]);
                self.send(op, Stage::Emit)?;
                self.heap_set_field(obj, 8, vt, false);
                return Ok(());
            }
            _ => {}
        }
        self.send(op, Stage::Emit)
    }
}
