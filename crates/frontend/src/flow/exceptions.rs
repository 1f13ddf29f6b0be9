//! Exceptions and exits: `return`, `raise`, `assert`, `try`/`except`/`else`/`finally`.
//!
//! While a `try` body is built, the enclosing handler list ([`super::Ctx::handlers`]) is
//! this statement's handlers (one per class of each `except` clause, in order), then the
//! `finally` catch-all if any, then the outer handlers; `emit` turns every raising
//! operation into a guarded block exit. Handler blocks receive the exception as their
//! first parameter. `else` and the `except` bodies are protected by the `finally` and the
//! outer handlers only.
//!
//! A `finally` body is built once per way out of the protected statements: falling
//! through, an exception (catch-all handler: the body, then `reraise`), and every
//! `return`, `break` or `continue` that leaves it ([`Builder::run_finallies`]).

use super::{Builder, FinallyFrame, HandlerEntry};
use crate::graph::Exit;
use crate::ops::{Const, FlowOp};
use rustpython_parser::ast::{self, Expr, Ranged};
use std::rc::Rc;

impl<'a> Builder<'a> {
    /// Builds the bodies of the `finally` frames `down_to..` (innermost first), each in the
    /// context of its `try` statement, for a `return`/`break`/`continue` leaving them.
    pub(super) fn run_finallies(&mut self, down_to: usize) {
        let frames: Vec<FinallyFrame<'a>> = self
            .ctx
            .finallies
            .get(down_to..)
            .unwrap_or_default()
            .to_vec();
        if frames.is_empty() {
            return;
        }
        let saved = self.ctx.clone();
        for f in frames.iter().rev() {
            if self.cur.is_none() {
                break;
            }
            self.ctx = (*f.outer).clone();
            self.stmts(f.body);
        }
        self.ctx = saved;
    }

    pub(super) fn return_stmt(&mut self, r: &'a ast::StmtReturn) {
        let mut v = match &r.value {
            Some(e) => self.expr(e),
            None => self.konst(Const::None),
        };
        if !self.ctx.finallies.is_empty() {
            let h = self.hold(v);
            self.run_finallies(0);
            if self.cur.is_none() {
                return;
            }
            v = self.get(&h);
        }
        if let Some(b) = self.cur.take() {
            self.set_exit(b, Exit::Return(v));
        }
    }

    pub(super) fn raise_stmt(&mut self, r: &'a ast::StmtRaise) {
        if let Some(c) = &r.cause {
            self.unsupported(
                "`raise ... from ...`",
                c.range(),
                "raise the exception without `from`",
            );
        }
        match &r.exc {
            Some(e) => {
                let v = self.expr(e);
                self.emit_raise(FlowOp::Raise, v, r.range);
            }
            None => match self.ctx.caught.last().cloned() {
                Some(var) => {
                    let e = self.read(&var);
                    self.emit_raise(FlowOp::Reraise, e, r.range);
                }
                None => {
                    self.error(
                        "E0105",
                        "`raise` without an exception outside an `except` block",
                        r.range,
                        "name the exception to raise",
                    );
                    self.cur = None;
                }
            },
        }
    }

    /// `assert c, msg`: if not c: `raise simple_call(AssertionError[, msg])`.
    pub(super) fn assert_stmt(&mut self, a: &'a ast::StmtAssert) {
        let (t, f) = self.cond_split(&a.test);
        if let Some(f) = f {
            self.cur = Some(f);
            let mut args = vec![self.konst(Const::Builtin("builtins.AssertionError".into()))];
            if let Some(m) = &a.msg {
                args.push(self.expr(m));
            }
            let exc = self.emit(FlowOp::SimpleCall, args, a.range);
            self.emit_raise(FlowOp::Raise, exc, a.range);
        }
        self.cur = t;
    }

    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) {
        if t.finalbody.is_empty() {
            self.try_except(t);
            return;
        }
        let fin = self.new_block(1);
        let outer = self.ctx.clone();
        self.ctx.finallies.push(FinallyFrame {
            body: &t.finalbody,
            outer: Rc::new(outer.clone()),
        });
        self.ctx.handlers.insert(
            0,
            HandlerEntry {
                case: None,
                target: fin,
            },
        );
        self.try_except(t);
        self.ctx = outer;
        // Falling through.
        self.stmts(&t.finalbody);
        let normal = self.cur.take();
        // An exception: the body, then re-raise it.
        self.seal(fin);
        if self.has_preds(fin) {
            self.cur = Some(fin);
            let exc = self.param(fin, 0);
            let h = self.hold(exc);
            self.stmts(&t.finalbody);
            if self.cur.is_some() {
                let exc = self.get(&h);
                let r = t.finalbody.last().map_or(t.range, |s| s.range());
                self.emit_raise(FlowOp::Reraise, exc, r);
            }
        }
        self.cur = normal;
    }

    /// `try`/`except`/`else` (the `finally`, if any, is handled by the caller).
    fn try_except(&mut self, t: &'a ast::StmtTry) {
        if t.handlers.is_empty() {
            self.stmts(&t.body);
            self.stmts(&t.orelse);
            return;
        }
        let outer = self.ctx.handlers.clone();
        let mut entries = vec![];
        let mut clauses = vec![];
        for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
            let b = self.new_block(1);
            clauses.push((h, b));
            let Some(ty) = &h.type_ else {
                entries.push(HandlerEntry {
                    case: None,
                    target: b,
                });
                continue;
            };
            let classes: Vec<&Expr> = match &**ty {
                Expr::Tuple(tu) => tu.elts.iter().collect(),
                e => vec![e],
            };
            for c in classes {
                match self.static_const(c) {
                    Some(k) => entries.push(HandlerEntry {
                        case: Some(k),
                        target: b,
                    }),
                    None => self.error(
                        "E0106",
                        "the class of an `except` clause must be a constant",
                        c.range(),
                        "name an exception class defined at module level or a builtin exception",
                    ),
                }
            }
        }
        self.ctx.handlers = entries.into_iter().chain(outer.iter().cloned()).collect();
        self.stmts(&t.body);
        self.ctx.handlers = outer;
        for &(_, b) in &clauses {
            self.seal(b);
        }
        self.stmts(&t.orelse);
        let mut ends: Vec<_> = self.cur.take().into_iter().collect();
        for (h, b) in clauses {
            if !self.has_preds(b) {
                continue; // nothing in the body can raise
            }
            self.cur = Some(b);
            let exc = self.param(b, 0);
            let var = self.new_temp();
            self.write(var.clone(), exc);
            if let Some(name) = &h.name {
                self.write_name(name, exc, h.range);
            }
            self.ctx.caught.push(var);
            self.stmts(&h.body);
            self.ctx.caught.pop();
            if let (Some(name), Some(_)) = (&h.name, self.cur) {
                let u = self.konst(Const::Undefined);
                self.write_name(name, u, h.range);
            }
            ends.extend(self.cur.take());
        }
        self.join(ends);
    }
}
