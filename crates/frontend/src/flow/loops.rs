//! Loops: `while`, `for`, `break`, `continue`, and comprehensions (inlined `for` loops
//! appending to a fresh list, adding to a fresh set — `set()` then `add` — or storing
//! into a fresh dict); set displays are `set()` then one `add` per item.
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

/// What a comprehension builds (a dict comprehension's value expression).
#[derive(Copy, Clone)]
pub(super) enum Comp<'a> {
    List,
    Set,
    Dict(&'a Expr),
}

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
        self.comprehension(Comp::List, elt, gens, r)
    }

    /// `{a, b}`: the items left to right, then `set()` and `add` for each.
    pub(super) fn set_display(&mut self, elts: &'a [Expr], r: TextRange) -> Value {
        let items = self.elements(elts);
        let held: Vec<_> = items.into_iter().map(|v| self.hold(v)).collect();
        let s = self.new_set(r);
        let hs = self.hold(s);
        for (h, e) in held.iter().zip(elts) {
            self.add_to(&hs, "add", h, e.range());
        }
        self.get(&hs)
    }

    fn new_set(&mut self, r: TextRange) -> Value {
        let f = self.konst(Const::Builtin("builtins.set".into()));
        self.emit(FlowOp::SimpleCall, vec![f], r)
    }

    /// `container.method(item)` (`append` or `add`).
    fn add_to(&mut self, hc: &super::Held, method: &str, hv: &super::Held, r: TextRange) {
        let c = self.get(hc);
        let name = self.konst(Const::Str(method.into()));
        let m = self.emit(FlowOp::GetAttr, vec![c, name], r);
        let v = self.get(hv);
        self.emit(FlowOp::SimpleCall, vec![m, v], r);
    }

    /// A list, set or dict comprehension as loops filling a new container.
    pub(super) fn comprehension(
        &mut self,
        kind: Comp<'a>,
        elt: &'a Expr,
        gens: &'a [Comprehension],
        r: TextRange,
    ) -> Value {
        let Some(first) = gens.first() else {
            return self.konst(Const::None);
        };
        let l = match kind {
            Comp::List => self.emit(FlowOp::NewList, vec![], r),
            Comp::Set => self.new_set(r),
            Comp::Dict(_) => self.emit(FlowOp::NewDict, vec![], r),
        };
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
        self.comp_level(kind, elt, gens, 0, it, &hl);
        self.renames.pop();
        self.get(&hl)
    }

    fn comp_level(
        &mut self,
        kind: Comp<'a>,
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
                self.comp_level(kind, elt, gens, i + 1, it, hl);
            } else {
                let v = self.expr(elt);
                let hv = self.hold(v);
                match kind {
                    Comp::List => self.add_to(hl, "append", &hv, elt.range()),
                    Comp::Set => self.add_to(hl, "add", &hv, elt.range()),
                    Comp::Dict(value) => {
                        // The key is evaluated first, as in Python 3.8+.
                        let x = self.expr(value);
                        let hx = self.hold(x);
                        let (d, k, x) = (self.get(hl), self.get(&hv), self.get(&hx));
                        let span = elt.range().cover(value.range());
                        self.emit(FlowOp::SetItem, vec![d, k, x], span);
                    }
                }
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
