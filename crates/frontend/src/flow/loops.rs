//! Loops: `while`, `for`, `break`, `continue`, and list comprehensions (inlined `for`
//! loops appending to a fresh list).
//!
//! A `for` loop is `it = iter(x)`, then a header block `v = next(it)` whose guarded exit
//! goes to the body (passing `v` first) or, on `builtins.StopIteration` (its first
//! handler), to the `else` part. Loop headers are sealed once the body (and every
//! `continue`) has linked back to them.

use super::{Builder, HandlerEntry, LoopFrame};
use crate::entities::{Block, Value};
use crate::graph::Link;
use crate::ops::{Const, FlowOp};
use rustpython_parser::ast::{self, Comprehension, Expr, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::{HashMap, HashSet};

impl<'a> Builder<'a> {
    pub(super) fn while_stmt(&mut self, w: &'a ast::StmtWhile) {
        let header = self.new_block(0);
        self.goto(header);
        self.cur = Some(header);
        let exit = self.new_block(0);
        let (t, f) = self.cond_split(&w.test);
        if let Some(t) = t {
            self.cur = Some(t);
            self.loop_body(&w.body, header, exit);
        }
        self.seal(header);
        if let Some(f) = f {
            self.cur = Some(f);
            self.stmts(&w.orelse);
            self.goto(exit);
        }
        self.seal(exit);
        self.cur = self.has_preds(exit).then_some(exit);
    }

    pub(super) fn for_stmt(&mut self, f: &'a ast::StmtFor) {
        let x = self.expr(&f.iter);
        let (header, body, els) = self.start_iteration(x, f.iter.range());
        let exit = self.new_block(0);
        self.cur = Some(body);
        let item = self.param(body, 0);
        self.assign(&f.target, item);
        self.loop_body(&f.body, header, exit);
        self.seal(header);
        self.cur = Some(els);
        self.stmts(&f.orelse);
        self.goto(exit);
        self.seal(exit);
        self.cur = self.has_preds(exit).then_some(exit);
    }

    /// Builds a loop body with `continue` → `header`, `break` → `exit`, then loops back.
    fn loop_body(&mut self, body: &'a [ast::Stmt], header: Block, exit: Block) {
        let frame = LoopFrame {
            cont: header,
            brk: exit,
            fin_depth: self.ctx.finallies.len(),
        };
        self.ctx.loops.push(frame);
        self.stmts(body);
        self.goto(header);
        self.ctx.loops.pop();
    }

    /// `iter(x)` then the (unsealed) header `next(it)`; returns the header, the body block
    /// (its first parameter is the item) and the exhausted block (first parameter: the
    /// StopIteration instance). Both are sealed; the header is sealed by the caller.
    fn start_iteration(&mut self, iterable: Value, r: TextRange) -> (Block, Block, Block) {
        let it = self.emit(FlowOp::Iter, vec![iterable], r);
        let held = self.hold(it);
        let header = self.new_block(0);
        self.goto(header);
        self.cur = Some(header);
        let it = self.get(&held);
        let (body, els) = (self.new_block(1), self.new_block(1));
        let span = self.span(r);
        let v = self.g.push_op(header, FlowOp::Next, vec![it], span);
        let stop = HandlerEntry {
            case: Some(Const::Builtin("builtins.StopIteration".into())),
            target: els,
        };
        self.guarded_exit(
            header,
            Some(Link {
                target: body,
                args: vec![v],
            }),
            vec![stop],
        );
        self.seal(body);
        self.seal(els);
        (header, body, els)
    }

    pub(super) fn break_continue(&mut self, r: TextRange, is_break: bool) {
        let what = if is_break { "break" } else { "continue" };
        let Some(lp) = self.ctx.loops.last().copied() else {
            self.error(
                "E0105",
                format!("`{what}` outside a loop"),
                r,
                "use `return` to leave the function",
            );
            return;
        };
        self.run_finallies(lp.fin_depth);
        self.goto(if is_break { lp.brk } else { lp.cont });
    }

    /// `[elt for ... in ... if ...]` as loops appending to a new list.
    pub(super) fn list_comp(
        &mut self,
        elt: &'a Expr,
        gens: &'a [Comprehension],
        r: TextRange,
    ) -> Value {
        let Some(first) = gens.first() else {
            return self.konst(Const::None);
        };
        let l = self.emit(FlowOp::NewList, vec![], r);
        let hl = self.hold(l);
        // The first iterable is evaluated in the enclosing scope.
        let it = self.expr(&first.iter);
        let mut bound = HashSet::new();
        for g in gens {
            super::scope::collect_target(&g.target, &mut bound);
        }
        let offset = u32::from(r.start());
        let names: HashMap<String, String> = bound
            .into_iter()
            .map(|n| (n.clone(), format!("{n}@{offset}")))
            .collect();
        self.renames.push(names);
        self.comp_level(elt, gens, 0, it, &hl);
        self.renames.pop();
        self.get(&hl)
    }

    fn comp_level(
        &mut self,
        elt: &'a Expr,
        gens: &'a [Comprehension],
        i: usize,
        iterable: Value,
        hl: &super::Held,
    ) {
        let g = &gens[i];
        if g.is_async {
            self.unsupported("`async for`", g.iter.range(), "use a plain `for`");
        }
        let (header, body, els) = self.start_iteration(iterable, g.iter.range());
        self.cur = Some(body);
        let item = self.param(body, 0);
        self.assign(&g.target, item);
        let mut skip = vec![];
        for c in &g.ifs {
            let (t, f) = self.cond_split(c);
            skip.extend(f);
            self.cur = t;
            if t.is_none() {
                break;
            }
        }
        if self.cur.is_some() {
            if let Some(next) = gens.get(i + 1) {
                let it = self.expr(&next.iter);
                self.comp_level(elt, gens, i + 1, it, hl);
            } else {
                let v = self.expr(elt);
                let hv = self.hold(v);
                let l = self.get(hl);
                let name = self.konst(Const::Str("append".into()));
                let m = self.emit(FlowOp::GetAttr, vec![l, name], elt.range());
                let v = self.get(&hv);
                self.emit(FlowOp::SimpleCall, vec![m, v], elt.range());
            }
            self.goto(header);
        }
        for s in skip {
            self.cur = Some(s);
            self.goto(header);
        }
        self.seal(header);
        self.cur = Some(els);
    }
}
