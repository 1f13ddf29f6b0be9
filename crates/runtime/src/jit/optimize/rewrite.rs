//! Constant folding and local rewrites (PyPy's `rewrite.py` and the folding part of
//! `optimizer.py`).
//!
//! - A pure operation whose arguments are all constants becomes its value (`fold`);
//!   an `*_ovf` that does not overflow also drops its `guard_no_overflow`, one that does
//!   makes the loop invalid.
//! - Algebra: `x + 0`, `x - 0`, `x * 1`, `x * 0`, `x - x`, `x & -1`, `x | 0`, `x ^ x`,
//!   shifts by 0, `x // 1`, comparisons of a value with itself, `int_is_zero` of a
//!   comparison (its inverse), `int_eq(b, 1)`/`int_ne(b, 0)` of a 0/1 value,
//!   double negation, `select` with a known condition, `same_as`.
//! - Pointers: `ptr_eq(p, p)`, and `ptr_eq` of refs known to be different objects
//!   (a constant and a fresh allocation, null and a non-null ref...).
//! - Guards: on constants they are removed or the loop is invalid; `guard_value(b, 0/1)`
//!   of a 0/1 value becomes `guard_false/true`; a second `guard_nonnull`/`guard_class`
//!   on a ref already known is removed (also `guard_class` when the heap cache knows the
//!   vtable word). After the guard: `guard_true(i)` makes `i` 1 if it is a 0/1 value
//!   (a comparison's result...; else it only excludes 0), `guard_false(i)` 0,
//!   `guard_value(x, C)` makes `x` C, `guard_isnull(p)` null; `guard_nonnull` and
//!   `guard_class` record what they proved.

use super::fold;
use super::optimizer::{Opt, Stage, R};
use super::OptError;
use crate::jit::trace::*;

fn invalid(msg: String) -> R {
    Err(OptError::InvalidLoop(msg))
}

/// The comparison that is the negation of `op` (exact for ints and pointers).
fn inverse(op: Opcode) -> Option<Opcode> {
    Some(match op {
        Opcode::IntLt => Opcode::IntGe,
        Opcode::IntGe => Opcode::IntLt,
        Opcode::IntLe => Opcode::IntGt,
        Opcode::IntGt => Opcode::IntLe,
        Opcode::IntEq => Opcode::IntNe,
        Opcode::IntNe => Opcode::IntEq,
        Opcode::PtrEq => Opcode::PtrNe,
        Opcode::PtrNe => Opcode::PtrEq,
        _ => return None,
    })
}

impl Opt<'_> {
    fn konst(&self, a: Arg) -> Option<i64> {
        match self.get(a) {
            Arg::Const(c) => Some(c.as_int()),
            _ => None,
        }
    }

    /// Whether `a` is known to be 0 or 1.
    fn is_bool(&self, a: Arg) -> bool {
        let b = self.bound(a);
        b.lo >= 0 && b.hi <= 1
            || matches!(self.get(a), Arg::Var(v) if self.producer.get(&v)
                .is_some_and(|(o, _)| inverse(*o).is_some() || *o == Opcode::IntIsZero))
    }

    pub(super) fn rewrite_op(&mut self, mut op: Op) -> R {
        let args: Vec<Arg> = op.args.iter().map(|&a| self.get(a)).collect();
        op.args = args.clone();
        let kind = op.opcode.kind();
        if kind == OpKind::Pure {
            if let Some(r) = op.result {
                // Constant folding.
                if args.iter().all(|a| matches!(a, Arg::Const(_))) {
                    let cs: Vec<Const> = args.iter().map(|a| a.konst().unwrap()).collect();
                    match fold::eval(op.opcode, &cs) {
                        Some(c) => {
                            self.replace(r, Arg::Const(c));
                            if op.opcode.is_ovf() {
                                self.skip_next = Some(Opcode::GuardNoOverflow);
                            }
                            return Ok(());
                        }
                        None if op.opcode.is_ovf() => {
                            return invalid(format!("{} always overflows", self.describe(&op)))
                        }
                        None => {}
                    }
                }
                if let Some(a) = self.simplify(&op) {
                    self.replace(r, a);
                    if op.opcode.is_ovf() {
                        self.skip_next = Some(Opcode::GuardNoOverflow);
                    }
                    return Ok(());
                }
                if op.opcode == Opcode::IntIsZero {
                    if let Arg::Var(x) = args[0] {
                        if let Some((o, xa)) = self.producer.get(&x).cloned() {
                            if let Some(inv) = inverse(o) {
                                op.opcode = inv;
                                op.args = xa.iter().map(|&a| self.get(a)).collect();
                            }
                        }
                    }
                } else if op.opcode == Opcode::IntEq
                    && self.konst(args[1]) == Some(0)
                    && self.is_bool(args[0])
                {
                    if let Arg::Var(x) = args[0] {
                        if let Some((o, xa)) = self.producer.get(&x).cloned() {
                            if let Some(inv) = inverse(o) {
                                op.opcode = inv;
                                op.args = xa.iter().map(|&a| self.get(a)).collect();
                            }
                        }
                    }
                }
            }
            return self.send(op, Stage::Virtualize);
        }
        if op.opcode.is_guard() {
            return self.rewrite_guard(op);
        }
        self.send(op, Stage::Virtualize)
    }

    /// An algebraic identity that makes the result an existing value.
    fn simplify(&self, op: &Op) -> Option<Arg> {
        let a = &op.args;
        let c = |k: usize| self.konst(a[k]);
        let int = |v: i64| Some(Arg::Const(Const::int(v)));
        let same = a.len() >= 2 && a[0] == a[1];
        match op.opcode {
            Opcode::IntAdd | Opcode::IntAddOvf => {
                if c(1) == Some(0) {
                    return Some(a[0]);
                }
                if c(0) == Some(0) {
                    return Some(a[1]);
                }
            }
            Opcode::IntSub | Opcode::IntSubOvf => {
                if c(1) == Some(0) {
                    return Some(a[0]);
                }
                if same {
                    return int(0);
                }
            }
            Opcode::IntMul | Opcode::IntMulOvf => {
                if c(1) == Some(1) {
                    return Some(a[0]);
                }
                if c(0) == Some(1) {
                    return Some(a[1]);
                }
                if c(0) == Some(0) || c(1) == Some(0) {
                    return int(0);
                }
            }
            Opcode::IntFloorDiv if c(1) == Some(1) => return Some(a[0]),
            Opcode::IntMod if c(1) == Some(1) || c(1) == Some(-1) => return int(0),
            Opcode::IntAnd => {
                if same || c(1) == Some(-1) {
                    return Some(a[0]);
                }
                if c(0) == Some(-1) {
                    return Some(a[1]);
                }
                if c(0) == Some(0) || c(1) == Some(0) {
                    return int(0);
                }
            }
            Opcode::IntOr => {
                if same || c(1) == Some(0) {
                    return Some(a[0]);
                }
                if c(0) == Some(0) {
                    return Some(a[1]);
                }
                if c(0) == Some(-1) || c(1) == Some(-1) {
                    return int(-1);
                }
            }
            Opcode::IntXor => {
                if same {
                    return int(0);
                }
                if c(1) == Some(0) {
                    return Some(a[0]);
                }
                if c(0) == Some(0) {
                    return Some(a[1]);
                }
            }
            Opcode::IntLShift | Opcode::IntRShift => {
                if c(1) == Some(0) {
                    return Some(a[0]);
                }
                if c(0) == Some(0) {
                    return int(0);
                }
            }
            Opcode::IntLt | Opcode::IntGt | Opcode::IntNe | Opcode::UintLt if same => {
                return int(0)
            }
            Opcode::IntLe | Opcode::IntGe | Opcode::IntEq if same => return int(1),
            Opcode::IntEq if c(1) == Some(1) && self.is_bool(a[0]) => return Some(a[0]),
            Opcode::IntNe if c(1) == Some(0) && self.is_bool(a[0]) => return Some(a[0]),
            Opcode::PtrEq | Opcode::PtrNe => {
                let eq = op.opcode == Opcode::PtrEq;
                if same {
                    return int(eq as i64);
                }
                if self.known_distinct(a[0], a[1]) {
                    return int(!eq as i64);
                }
            }
            Opcode::IntNeg | Opcode::IntInvert | Opcode::FloatNeg => {
                if let Arg::Var(x) = a[0] {
                    if let Some((o, xa)) = self.producer.get(&x) {
                        if *o == op.opcode {
                            return Some(self.get(xa[0]));
                        }
                    }
                }
            }
            Opcode::IntIsZero => {
                // not(not(b)) of a 0/1 value.
                if let Arg::Var(x) = a[0] {
                    if let Some((Opcode::IntIsZero, xa)) = self.producer.get(&x) {
                        if self.is_bool(xa[0]) {
                            return Some(self.get(xa[0]));
                        }
                    }
                }
            }
            Opcode::FloatMul => {
                if c(1).map(|b| f64::from_bits(b as u64)) == Some(1.0) {
                    return Some(a[0]);
                }
                if c(0).map(|b| f64::from_bits(b as u64)) == Some(1.0) {
                    return Some(a[1]);
                }
            }
            Opcode::FloatSub if c(1) == Some(0) => return Some(a[0]),
            Opcode::SelectI | Opcode::SelectR | Opcode::SelectF => {
                if a[1] == a[2] {
                    return Some(a[1]);
                }
                if let Some(k) = c(0) {
                    return Some(if k != 0 { a[1] } else { a[2] });
                }
            }
            Opcode::SameAsI | Opcode::SameAsR | Opcode::SameAsF => return Some(a[0]),
            _ => {}
        }
        None
    }

    fn rewrite_guard(&mut self, mut op: Op) -> R {
        let a0 = op.args.first().copied();
        match op.opcode {
            Opcode::GuardTrue | Opcode::GuardFalse => {
                let want = op.opcode == Opcode::GuardTrue;
                if let Some(k) = self.konst(op.args[0]) {
                    if (k != 0) == want {
                        return Ok(());
                    }
                    return invalid(format!("{} always fails", self.describe(&op)));
                }
            }
            Opcode::GuardValue => {
                let c = op.args[1];
                match op.args[0] {
                    Arg::Const(x) => {
                        if Some(x.bits) == c.konst().map(|c| c.bits) {
                            return Ok(());
                        }
                        return invalid(format!("{} always fails", self.describe(&op)));
                    }
                    Arg::Var(_) => {
                        let k = self.konst(c);
                        if self.arg_type(op.args[0]) == Type::Int
                            && self.is_bool(op.args[0])
                            && matches!(k, Some(0) | Some(1))
                        {
                            op.opcode = if k == Some(1) {
                                Opcode::GuardTrue
                            } else {
                                Opcode::GuardFalse
                            };
                            op.args.truncate(1);
                        } else if self.arg_type(op.args[0]) == Type::Int
                            && !self.bound(op.args[0]).contains(k.unwrap_or(0))
                        {
                            return invalid(format!("{} always fails", self.describe(&op)));
                        }
                    }
                }
            }
            Opcode::GuardNonnull | Opcode::GuardIsnull => {
                let want_null = op.opcode == Opcode::GuardIsnull;
                match op.args[0] {
                    Arg::Const(p) => {
                        if (p.bits == 0) == want_null {
                            return Ok(());
                        }
                        return invalid(format!("{} always fails", self.describe(&op)));
                    }
                    Arg::Var(v) => {
                        if self.info(v).nonnull {
                            if want_null {
                                return invalid(format!(
                                    "{} on a non-null ref",
                                    self.describe(&op)
                                ));
                            }
                            return Ok(());
                        }
                    }
                }
            }
            Opcode::GuardClass => {
                if let (Arg::Var(v), Some(vt)) = (op.args[0], op.args[1].konst()) {
                    match self.info(v).class {
                        Some(k) if k == vt.bits => return Ok(()),
                        Some(_) => return invalid(format!("{} always fails", self.describe(&op))),
                        None => {}
                    }
                    if self.cfg.heap {
                        if let Some(Arg::Const(k)) = self.heap_known_field(op.args[0], 8) {
                            if k.bits == vt.bits {
                                return Ok(());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        let opcode = op.opcode;
        let a1 = op.args.get(1).copied();
        let was_bool = opcode == Opcode::GuardTrue && self.is_bool(op.args[0]);
        self.send(op, Stage::Virtualize)?;
        // Postprocess: what the guard proved.
        if let Some(Arg::Var(v)) = a0.map(|a| self.get(a)) {
            match opcode {
                // `guard_true` only says non-zero: 1 if the value is a 0/1 one.
                Opcode::GuardTrue if was_bool => self.replace(v, Arg::Const(Const::int(1))),
                Opcode::GuardTrue => {
                    let b = self.bound(Arg::Var(v));
                    if b.lo == 0 {
                        self.narrow(Arg::Var(v), super::intbounds::IntBound::new(1, i64::MAX));
                    } else if b.hi == 0 {
                        self.narrow(Arg::Var(v), super::intbounds::IntBound::new(i64::MIN, -1));
                    }
                }
                Opcode::GuardFalse => self.replace(v, Arg::Const(Const::int(0))),
                Opcode::GuardValue => self.replace(v, a1.unwrap()),
                Opcode::GuardIsnull => self.replace(v, Arg::Const(Const::ptr(0))),
                Opcode::GuardNonnull => self.info_mut(v).nonnull = true,
                Opcode::GuardClass => {
                    let i = self.info_mut(v);
                    i.nonnull = true;
                    i.class = a1.and_then(|c| c.konst()).map(|c| c.bits);
                }
                _ => {}
            }
        }
        Ok(())
    }
}
