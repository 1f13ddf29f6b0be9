//! Integer bounds (PyPy's `intbounds.py`): an inclusive range `[lo, hi]` per int
//! variable, from constants, from what operations can produce (`int_and` with a
//! non-negative mask, comparisons are 0/1, an array's capacity is non-negative...), and
//! from guards on comparisons (after `guard_true(int_lt(i, 10))`, `i <= 9`).
//!
//! With them it removes comparisons whose outcome is known (and so, through `rewrite`,
//! their guards), turns `uint_lt` of two non-negative values into `int_lt` (which `pure`
//! can then share with an earlier bounds check), and turns `int_*_ovf` whose operands
//! cannot overflow into plain arithmetic, dropping its `guard_no_overflow`.

use super::optimizer::{Opt, Stage, R};
use crate::jit::trace::*;

/// An inclusive range of i64 values.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct IntBound {
    pub lo: i64,
    pub hi: i64,
}

impl IntBound {
    pub fn unbounded() -> IntBound {
        IntBound {
            lo: i64::MIN,
            hi: i64::MAX,
        }
    }
    pub fn exact(v: i64) -> IntBound {
        IntBound { lo: v, hi: v }
    }
    pub fn new(lo: i64, hi: i64) -> IntBound {
        IntBound { lo, hi }
    }
    pub fn bool() -> IntBound {
        IntBound { lo: 0, hi: 1 }
    }
    pub fn nonneg(self) -> bool {
        self.lo >= 0
    }
    pub fn contains(self, v: i64) -> bool {
        self.lo <= v && v <= self.hi
    }
    pub fn intersect(self, o: IntBound) -> IntBound {
        IntBound {
            lo: self.lo.max(o.lo),
            hi: self.hi.min(o.hi),
        }
    }
    pub fn union(self, o: IntBound) -> IntBound {
        IntBound {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
        }
    }
    /// `[a.lo + b.lo, a.hi + b.hi]`, or `None` if some sum may overflow.
    pub fn checked_add(self, o: IntBound) -> Option<IntBound> {
        Some(IntBound {
            lo: self.lo.checked_add(o.lo)?,
            hi: self.hi.checked_add(o.hi)?,
        })
    }
    pub fn checked_sub(self, o: IntBound) -> Option<IntBound> {
        Some(IntBound {
            lo: self.lo.checked_sub(o.hi)?,
            hi: self.hi.checked_sub(o.lo)?,
        })
    }
    pub fn checked_mul(self, o: IntBound) -> Option<IntBound> {
        let p = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Some(IntBound {
            lo: *p.iter().min().unwrap(),
            hi: *p.iter().max().unwrap(),
        })
    }
    /// The bound of an overflow-checked result that did not overflow.
    fn saturating(self, o: IntBound, op: Opcode) -> IntBound {
        let exact = match op {
            Opcode::IntAddOvf => self.checked_add(o),
            Opcode::IntSubOvf => self.checked_sub(o),
            _ => self.checked_mul(o),
        };
        exact.unwrap_or(match op {
            Opcode::IntAddOvf => {
                IntBound::new(self.lo.saturating_add(o.lo), self.hi.saturating_add(o.hi))
            }
            Opcode::IntSubOvf => {
                IntBound::new(self.lo.saturating_sub(o.hi), self.hi.saturating_sub(o.lo))
            }
            _ => IntBound::unbounded(),
        })
    }
}

/// `[0, 2^k - 1]` covering every value up to `hi` (`hi >= 0`).
fn pow2_cover(hi: i64) -> i64 {
    if hi == 0 {
        0
    } else {
        (u64::MAX >> (hi as u64).leading_zeros()) as i64
    }
}

/// The comparison's outcome when the bounds decide it.
fn compare(op: Opcode, a: IntBound, b: IntBound) -> Option<bool> {
    match op {
        Opcode::IntLt => compare(Opcode::IntGt, b, a),
        Opcode::IntLe => compare(Opcode::IntGe, b, a),
        Opcode::IntGt => {
            if a.lo > b.hi {
                Some(true)
            } else if a.hi <= b.lo {
                Some(false)
            } else {
                None
            }
        }
        Opcode::IntGe => {
            if a.lo >= b.hi {
                Some(true)
            } else if a.hi < b.lo {
                Some(false)
            } else {
                None
            }
        }
        Opcode::IntEq | Opcode::IntNe => {
            let eq = if a.lo == a.hi && b.lo == b.hi && a.lo == b.lo {
                Some(true)
            } else if a.hi < b.lo || b.hi < a.lo {
                Some(false)
            } else {
                None
            };
            eq.map(|e| e == (op == Opcode::IntEq))
        }
        Opcode::UintLt => {
            if a.nonneg() && b.nonneg() {
                compare(Opcode::IntLt, a, b)
            } else if a.nonneg() && b.hi < 0 {
                Some(true)
            } else if a.hi < 0 && b.nonneg() {
                Some(false)
            } else {
                None
            }
        }
        _ => None,
    }
}

impl Opt<'_> {
    /// Narrows the bound of `a` (a variable); a single value makes it that constant.
    pub fn narrow(&mut self, a: Arg, b: IntBound) {
        if let Arg::Var(v) = self.get(a) {
            if self.arg_type(Arg::Var(v)) != Type::Int {
                return;
            }
            let nb = self.info(v).bound.intersect(b);
            self.info_mut(v).bound = nb;
            if nb.lo == nb.hi {
                self.replace(v, Arg::Const(Const::int(nb.lo)));
            }
        }
    }

    pub(super) fn intbounds_op(&mut self, mut op: Op) -> R {
        let a = |k: usize, op: &Op, s: &Opt| s.bound(op.args[k]);
        match op.opcode {
            Opcode::IntLt
            | Opcode::IntLe
            | Opcode::IntGt
            | Opcode::IntGe
            | Opcode::IntEq
            | Opcode::IntNe
            | Opcode::UintLt => {
                let (x, y) = (a(0, &op, self), a(1, &op, self));
                if let Some(known) = compare(op.opcode, x, y) {
                    let r = op.result.unwrap();
                    self.replace(r, Arg::Const(Const::int(known as i64)));
                    return Ok(());
                }
                if op.opcode == Opcode::UintLt && x.nonneg() && y.nonneg() {
                    op.opcode = Opcode::IntLt;
                }
            }
            Opcode::IntIsZero => {
                let x = a(0, &op, self);
                if !x.contains(0) {
                    self.replace(op.result.unwrap(), Arg::Const(Const::int(0)));
                    return Ok(());
                }
            }
            Opcode::IntAnd => {
                // x & mask where x already fits the mask (mask = 2^k - 1).
                for k in 0..2 {
                    if let Arg::Const(c) = self.get(op.args[1 - k]) {
                        let m = c.as_int();
                        let x = a(k, &op, self);
                        if m >= 0 && pow2_cover(m) == m && x.nonneg() && x.hi <= m {
                            self.replace(op.result.unwrap(), op.args[k]);
                            return Ok(());
                        }
                    }
                }
            }
            Opcode::IntAddOvf | Opcode::IntSubOvf | Opcode::IntMulOvf => {
                let (x, y) = (a(0, &op, self), a(1, &op, self));
                let fits = match op.opcode {
                    Opcode::IntAddOvf => x.checked_add(y),
                    Opcode::IntSubOvf => x.checked_sub(y),
                    _ => x.checked_mul(y),
                };
                if fits.is_some() {
                    op.opcode = match op.opcode {
                        Opcode::IntAddOvf => Opcode::IntAdd,
                        Opcode::IntSubOvf => Opcode::IntSub,
                        _ => Opcode::IntMul,
                    };
                    self.skip_next = Some(Opcode::GuardNoOverflow);
                }
            }
            _ => {}
        }
        let opcode = op.opcode;
        let result = op.result;
        let args = op.args.clone();
        let guard_arg = if matches!(opcode, Opcode::GuardTrue | Opcode::GuardFalse) {
            Some(self.get(args[0]))
        } else {
            None
        };
        self.send(op, Stage::Rewrite)?;
        // Postprocess: the result's bound, or what a guard taught.
        if let Some(r) = result {
            if self.out.ty(r) == Type::Int {
                let b = self.result_bound(opcode, &args, r);
                self.narrow(Arg::Var(r), b);
            }
        }
        if let Some(Arg::Var(g)) = guard_arg {
            self.learn_from_guard(g, opcode == Opcode::GuardTrue);
        }
        Ok(())
    }

    fn result_bound(&self, opcode: Opcode, args: &[Arg], r: Var) -> IntBound {
        let b = |k: usize| self.bound(args[k]);
        let konst = |k: usize| match self.get(args[k]) {
            Arg::Const(c) => Some(c.as_int()),
            _ => None,
        };
        let un = IntBound::unbounded();
        match opcode {
            Opcode::IntAdd => b(0).checked_add(b(1)).unwrap_or(un),
            Opcode::IntSub => b(0).checked_sub(b(1)).unwrap_or(un),
            Opcode::IntMul => b(0).checked_mul(b(1)).unwrap_or(un),
            Opcode::IntAddOvf | Opcode::IntSubOvf | Opcode::IntMulOvf => {
                b(0).saturating(b(1), opcode)
            }
            Opcode::IntAnd => {
                let (x, y) = (b(0), b(1));
                match (x.nonneg(), y.nonneg()) {
                    (true, true) => IntBound::new(0, x.hi.min(y.hi)),
                    (true, false) => IntBound::new(0, x.hi),
                    (false, true) => IntBound::new(0, y.hi),
                    _ => un,
                }
            }
            Opcode::IntOr | Opcode::IntXor => {
                let (x, y) = (b(0), b(1));
                if x.nonneg() && y.nonneg() {
                    let lo = if opcode == Opcode::IntOr {
                        x.lo.max(y.lo)
                    } else {
                        0
                    };
                    IntBound::new(lo, pow2_cover(x.hi.max(y.hi)))
                } else {
                    un
                }
            }
            Opcode::IntRShift => {
                let x = b(0);
                match konst(1) {
                    Some(n) if (0..64).contains(&n) => IntBound::new(x.lo >> n, x.hi >> n),
                    _ if x.nonneg() => IntBound::new(0, x.hi),
                    _ => un,
                }
            }
            Opcode::IntLShift => {
                let x = b(0);
                match konst(1) {
                    Some(n)
                        if (0..64).contains(&n)
                            && x.nonneg()
                            && (x.hi as u64).leading_zeros() > n as u32 =>
                    {
                        IntBound::new(x.lo << n, x.hi << n)
                    }
                    _ => un,
                }
            }
            Opcode::IntFloorDiv => match konst(1) {
                Some(d) if d > 0 => {
                    let x = b(0);
                    IntBound::new(x.lo.div_euclid(d), x.hi.div_euclid(d))
                }
                _ => un,
            },
            Opcode::IntMod => match konst(1) {
                Some(d) if d > 0 => IntBound::new(0, d - 1),
                Some(d) if d < -1 => IntBound::new(d + 1, 0),
                _ => un,
            },
            Opcode::IntNeg => {
                let x = b(0);
                if x.lo > i64::MIN {
                    IntBound::new(-x.hi, -x.lo)
                } else {
                    un
                }
            }
            Opcode::IntInvert => {
                let x = b(0);
                IntBound::new(!x.hi, !x.lo)
            }
            Opcode::IntLt
            | Opcode::IntLe
            | Opcode::IntEq
            | Opcode::IntNe
            | Opcode::IntGt
            | Opcode::IntGe
            | Opcode::UintLt
            | Opcode::IntIsZero
            | Opcode::FloatLt
            | Opcode::FloatLe
            | Opcode::FloatEq
            | Opcode::FloatNe
            | Opcode::FloatGt
            | Opcode::FloatGe
            | Opcode::PtrEq
            | Opcode::PtrNe => IntBound::bool(),
            Opcode::SelectI => b(1).union(b(2)),
            Opcode::SameAsI => b(0),
            Opcode::GetfieldI => match (self.get(args[0]), konst(1)) {
                (Arg::Var(p), Some(8)) if self.is_array(p) => IntBound::new(0, i64::MAX),
                _ => un,
            },
            _ => {
                let _ = r;
                un
            }
        }
    }

    /// Whether the output ref `p` is one of the input's array refs.
    fn is_array(&self, p: Var) -> bool {
        // Input and output numbers coincide outside the peeled loop; in it, look the
        // array refs up through `map`.
        self.arrays.iter().any(|&a| {
            self.map
                .get(a.0 as usize)
                .copied()
                .flatten()
                .map(|m| self.get(m))
                == Some(Arg::Var(p))
        })
    }

    /// After `guard_true(g)` (`holds`) or `guard_false(g)`: narrow the operands of the
    /// comparison that defined `g`.
    fn learn_from_guard(&mut self, g: Var, holds: bool) {
        let Some((opcode, args)) = self.producer.get(&g).cloned() else {
            return;
        };
        let (op, x, y) = match (opcode, holds) {
            (Opcode::IntIsZero, _) => {
                let x = args[0];
                if holds {
                    self.narrow(x, IntBound::exact(0));
                } else {
                    let b = self.bound(x);
                    if b.lo == 0 {
                        self.narrow(x, IntBound::new(1, i64::MAX));
                    } else if b.hi == 0 {
                        self.narrow(x, IntBound::new(i64::MIN, -1));
                    }
                }
                return;
            }
            (Opcode::IntLt, true) | (Opcode::IntGe, false) => (Opcode::IntLt, args[0], args[1]),
            (Opcode::IntLe, true) | (Opcode::IntGt, false) => (Opcode::IntLe, args[0], args[1]),
            (Opcode::IntGt, true) | (Opcode::IntLe, false) => (Opcode::IntLt, args[1], args[0]),
            (Opcode::IntGe, true) | (Opcode::IntLt, false) => (Opcode::IntLe, args[1], args[0]),
            (Opcode::IntEq, true) | (Opcode::IntNe, false) => (Opcode::IntEq, args[0], args[1]),
            (Opcode::IntEq, false) | (Opcode::IntNe, true) => (Opcode::IntNe, args[0], args[1]),
            (Opcode::UintLt, true) => {
                let yb = self.bound(args[1]);
                if yb.nonneg() {
                    self.narrow(args[0], IntBound::new(0, yb.hi - 1));
                }
                return;
            }
            _ => return,
        };
        let (xb, yb) = (self.bound(x), self.bound(y));
        match op {
            Opcode::IntLt => {
                // x < y
                if yb.hi > i64::MIN {
                    self.narrow(x, IntBound::new(i64::MIN, yb.hi - 1));
                }
                if xb.lo < i64::MAX {
                    self.narrow(y, IntBound::new(xb.lo + 1, i64::MAX));
                }
            }
            Opcode::IntLe => {
                self.narrow(x, IntBound::new(i64::MIN, yb.hi));
                self.narrow(y, IntBound::new(xb.lo, i64::MAX));
            }
            Opcode::IntEq => {
                let both = xb.intersect(yb);
                self.narrow(x, both);
                self.narrow(y, both);
            }
            _ => {
                // x != y: only a constant at an end of the other's range helps.
                for (v, vb, c) in [(x, xb, yb), (y, yb, xb)] {
                    if c.lo == c.hi {
                        if vb.lo == c.lo && vb.lo < i64::MAX {
                            self.narrow(v, IntBound::new(vb.lo + 1, i64::MAX));
                        } else if vb.hi == c.lo && vb.hi > i64::MIN {
                            self.narrow(v, IntBound::new(i64::MIN, vb.hi - 1));
                        }
                    }
                }
            }
        }
    }
}
