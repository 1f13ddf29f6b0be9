//! Allocation removal (PyPy's `virtualize.py`).
//!
//! A `new(size, tid)` is not emitted: its result becomes a *virtual*, an object the
//! optimizer keeps as a map from byte offset to value (unset offsets read as zero, the
//! allocation being zeroed). `setfield`s on it update the map, `getfield`s read it,
//! array items with a constant index are the fields at `16 + 8 * i`; `guard_nonnull`,
//! `guard_class` (the vtable word at offset 8) and `ptr_eq` with anything else are
//! decided. A guard whose snapshot refers to a virtual describes it as a
//! [`VirtualObj`](crate::jit::trace::VirtualObj), which resume allocates (done when the
//! snapshot is emitted, see `optimizer.rs`).
//!
//! Any other use makes the object escape: it is *forced* right there — the `new`, then
//! a `setfield` for each non-zero field (forcing the virtuals they hold first) — and
//! from then on it is an ordinary ref.

use super::optimizer::{zero, Opt, Stage, R};
use super::OptError;
use crate::jit::trace::*;

/// A virtual object: its allocation and its known fields, sorted by offset.
#[derive(Clone, Debug)]
pub struct VirtualInfo {
    pub size: i64,
    pub tid: i64,
    pub fields: Vec<(i64, Arg)>,
}

impl VirtualInfo {
    pub fn field(&self, off: i64) -> Option<Arg> {
        self.fields.iter().find(|f| f.0 == off).map(|f| f.1)
    }
    pub fn set_field(&mut self, off: i64, a: Arg) {
        match self.fields.binary_search_by_key(&off, |f| f.0) {
            Ok(k) => self.fields[k].1 = a,
            Err(k) => self.fields.insert(k, (off, a)),
        }
    }
}

impl Opt<'_> {
    /// The virtual behind `a`, if it is one.
    fn virtual_var(&self, a: Arg) -> Option<Var> {
        match self.get(a) {
            Arg::Var(v) if self.virtuals.contains_key(&v) => Some(v),
            _ => None,
        }
    }

    /// The offset of the item `index` of an array, if the index is a constant.
    fn item_offset(&self, index: Arg) -> Option<i64> {
        match self.get(index) {
            Arg::Const(c) => c.as_int().checked_mul(8)?.checked_add(16),
            _ => None,
        }
    }

    pub(super) fn virtualize_op(&mut self, op: Op) -> R {
        let v0 = op.args.first().and_then(|&a| self.virtual_var(a));
        match op.opcode {
            Opcode::New => {
                if let (Some(size), Some(tid)) = (op.args[0].konst(), op.args[1].konst()) {
                    let r = op.result.unwrap();
                    self.virtuals.insert(
                        r,
                        VirtualInfo {
                            size: size.as_int(),
                            tid: tid.as_int(),
                            fields: vec![],
                        },
                    );
                    self.info_mut(r).nonnull = true;
                    return Ok(());
                }
            }
            Opcode::Setfield | Opcode::Setarrayitem => {
                if let Some(v) = v0 {
                    let off = if op.opcode == Opcode::Setfield {
                        op.args[1].konst().map(|c| c.as_int())
                    } else {
                        self.item_offset(op.args[1])
                    };
                    if let Some(off) = off {
                        let val = self.get(op.args[2]);
                        self.virtuals.get_mut(&v).unwrap().set_field(off, val);
                        return Ok(());
                    }
                }
            }
            Opcode::GetfieldI | Opcode::GetfieldR | Opcode::GetfieldF => {
                if let (Some(v), Some(off)) = (v0, op.args[1].konst()) {
                    self.read_virtual(v, off.as_int(), &op);
                    return Ok(());
                }
            }
            Opcode::GetarrayitemI | Opcode::GetarrayitemR | Opcode::GetarrayitemF => {
                if let (Some(v), Some(off)) = (v0, self.item_offset(op.args[1])) {
                    self.read_virtual(v, off, &op);
                    return Ok(());
                }
            }
            Opcode::GuardNonnull if v0.is_some() => return Ok(()),
            Opcode::GuardIsnull | Opcode::GuardValue if v0.is_some() => {
                return Err(OptError::InvalidLoop(format!(
                    "{} on a virtual always fails",
                    self.describe(&op)
                )))
            }
            Opcode::GuardClass => {
                if let Some(v) = v0 {
                    let vt = self.virtuals[&v].field(8).map(|a| self.get(a));
                    let want = op.args[1].konst();
                    match (vt, want) {
                        (Some(Arg::Const(k)), Some(w)) if k.bits == w.bits => return Ok(()),
                        (Some(Arg::Const(_)), Some(_)) | (None, Some(_)) => {
                            return Err(OptError::InvalidLoop(format!(
                                "{} on a virtual of another class",
                                self.describe(&op)
                            )))
                        }
                        _ => {}
                    }
                }
            }
            Opcode::PtrEq | Opcode::PtrNe => {
                let v1 = self.virtual_var(op.args[1]);
                if v0.is_some() || v1.is_some() {
                    let same = self.get(op.args[0]) == self.get(op.args[1]);
                    let eq = op.opcode == Opcode::PtrEq;
                    let r = op.result.unwrap();
                    self.replace(r, Arg::Const(Const::int((same == eq) as i64)));
                    return Ok(());
                }
            }
            _ => {}
        }
        // Any other use of a virtual makes it escape.
        let mut op = op;
        for k in 0..op.args.len() {
            let a = self.get(op.args[k]);
            if let Some(v) = self.virtual_var(a) {
                self.force(v);
            }
            op.args[k] = a;
        }
        self.send(op, Stage::Pure)
    }

    fn read_virtual(&mut self, v: Var, off: i64, op: &Op) {
        let r = op.result.unwrap();
        let val = self.virtuals[&v]
            .field(off)
            .unwrap_or(Arg::Const(zero(self.out.ty(r))));
        self.replace(r, val);
    }

    /// Emits the allocation of the virtual `v` and the stores of its fields.
    pub fn force(&mut self, v: Var) {
        let Some(vi) = self.virtuals.remove(&v) else {
            return;
        };
        let new = Op::new(
            Opcode::New,
            vec![
                Arg::Const(Const::int(vi.size)),
                Arg::Const(Const::int(vi.tid)),
            ],
            Some(v),
        );
        // `send` only fails on guards.
        let _ = self.send(new, Stage::Pure);
        for (off, a) in vi.fields {
            let a = self.get(a);
            if let Some(w) = self.virtual_var(a) {
                self.force(w);
            }
            if matches!(a, Arg::Const(c) if c.bits == 0) {
                continue;
            }
            let set = Op::new(
                Opcode::Setfield,
                vec![Arg::Var(v), Arg::Const(Const::int(off)), a],
                None,
            );
            let _ = self.send(set, Stage::Pure);
        }
    }
}
