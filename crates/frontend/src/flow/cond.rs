//! Conditions and short-circuits: the truth of a value for a branch, conditions of
//! `if`/`while`/`assert`/comprehension filters (where `and`, `or` and `not` become control
//! flow), and the values of `a and b`, `a or b` and `x if c else y`.
//!
//! A branch is on the value itself when it is known to be a bool (the result of a
//! comparison, `not_`, `bool`, or builtin `isinstance`/`hasattr`), else on `bool(value)`.
//! A constant of known truth never branches.

use super::Builder;
use crate::entities::{Block, Value};
use crate::graph::{Exit, Link};
use crate::ops::{Const, FlowOp};
use rustpython_parser::ast::{self, BoolOp, Expr, Ranged, UnaryOp};
use rustpython_parser::text_size::TextRange;

impl<'a> Builder<'a> {
    /// The truth of a constant whose truth Python fixes (`None`, bools, numbers, strings).
    pub(super) fn truth_of(&self, v: Value) -> Option<bool> {
        Some(match self.g.const_of(v)? {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => *i != 0,
            Const::Float(f) => *f != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Bytes(b) => !b.is_empty(),
            Const::Obj(_) | Const::Builtin(_) | Const::Undefined => return None,
        })
    }

    /// The bool to branch on for `v`.
    pub(super) fn as_cond(&mut self, v: Value, r: TextRange) -> Value {
        if self.bool_values.contains(&v) {
            return v;
        }
        let b = self.emit(FlowOp::Bool, vec![v], r);
        self.bool_values.insert(b);
        b
    }

    /// Ends the current block(s) on condition `e`; returns the open blocks where control
    /// continues when it is true and when it is false (`None`: that outcome is impossible).
    pub(super) fn cond_split(&mut self, e: &'a Expr) -> (Option<Block>, Option<Block>) {
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                let (t, f) = self.cond_split(&u.operand);
                (f, t)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == BoolOp::And;
                let mut decided = vec![];
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    let (t, f) = self.cond_split(v);
                    let (cont, dec) = if is_and { (t, f) } else { (f, t) };
                    decided.extend(dec);
                    if cont.is_none() || i == n - 1 {
                        let d = self.merge(decided);
                        return if is_and { (cont, d) } else { (d, cont) };
                    }
                    self.cur = cont;
                }
                (None, None)
            }
            _ => {
                let v = self.expr(e);
                let b = self.cur();
                if let Some(t) = self.truth_of(v) {
                    self.cur = None;
                    return if t { (Some(b), None) } else { (None, Some(b)) };
                }
                let c = self.as_cond(v, e.range());
                let b = self.cur();
                let (t, f) = (self.new_block(0), self.new_block(0));
                let exit = Exit::Branch {
                    cond: c,
                    if_true: Link {
                        target: t,
                        args: vec![],
                    },
                    if_false: Link {
                        target: f,
                        args: vec![],
                    },
                };
                self.set_exit(b, exit);
                self.seal(t);
                self.seal(f);
                self.cur = None;
                (Some(t), Some(f))
            }
        }
    }

    /// One open block continuing all of `ends` (`None` if there are none).
    pub(super) fn merge(&mut self, ends: Vec<Block>) -> Option<Block> {
        self.join(ends);
        self.cur.take()
    }

    /// `a and b` / `a or b` as a value: the deciding operand, through a join parameter.
    pub(super) fn bool_op(&mut self, b: &'a ast::ExprBoolOp) -> Value {
        let is_and = b.op == BoolOp::And;
        let mut join: Option<Block> = None;
        let n = b.values.len();
        for (i, e) in b.values.iter().enumerate() {
            let v = self.expr(e);
            let decides = match self.truth_of(v) {
                Some(t) => t != is_and,
                None => false,
            };
            if i == n - 1 || decides {
                let Some(j) = join else { return v };
                let cur = self.cur();
                self.set_exit(
                    cur,
                    Exit::Goto(Link {
                        target: j,
                        args: vec![v],
                    }),
                );
                self.seal(j);
                self.cur = Some(j);
                return self.param(j, 0);
            }
            if self.truth_of(v).is_some() {
                continue; // a constant that does not decide: the next operand is the value
            }
            let j = match join {
                Some(j) => j,
                None => *join.insert(self.new_block(1)),
            };
            let hv = self.hold(v);
            let c = self.as_cond(v, e.range());
            let v = self.get(&hv);
            let next = self.new_block(0);
            let (stay, out) = (
                Link {
                    target: next,
                    args: vec![],
                },
                Link {
                    target: j,
                    args: vec![v],
                },
            );
            let (if_true, if_false) = if is_and { (stay, out) } else { (out, stay) };
            let cur = self.cur();
            self.set_exit(
                cur,
                Exit::Branch {
                    cond: c,
                    if_true,
                    if_false,
                },
            );
            self.seal(next);
            self.cur = Some(next);
        }
        self.konst(Const::None)
    }

    /// `body if test else orelse`.
    pub(super) fn if_exp(&mut self, x: &'a ast::ExprIfExp) -> Value {
        match self.cond_split(&x.test) {
            (Some(t), Some(f)) => {
                let j = self.new_block(1);
                for (b, e) in [(t, &x.body), (f, &x.orelse)] {
                    self.cur = Some(b);
                    let v = self.expr(e);
                    let cur = self.cur();
                    self.set_exit(
                        cur,
                        Exit::Goto(Link {
                            target: j,
                            args: vec![v],
                        }),
                    );
                }
                self.seal(j);
                self.cur = Some(j);
                self.param(j, 0)
            }
            (Some(b), None) => {
                self.cur = Some(b);
                self.expr(&x.body)
            }
            (None, Some(b)) => {
                self.cur = Some(b);
                self.expr(&x.orelse)
            }
            (None, None) => self.konst(Const::None),
        }
    }
}
