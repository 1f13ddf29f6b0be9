//! Statements: expression statements, assignments (names, attributes, items, unpacking),
//! augmented assignments, `if`, `del`, and the refusals of what is not supported yet.
//! (Loops are in `loops.rs`; `return`, `raise`, `try`, `assert` in `exceptions.rs`.)

use super::expr::binop;
use super::Builder;
use crate::entities::Value;
use crate::ops::{Const, FlowOp};
use rustpython_parser::ast::{self, Expr, Operator, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

impl<'a> Builder<'a> {
    /// Builds statements until control cannot continue.
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) {
        for s in body {
            if self.cur.is_none() {
                break;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value);
            }
            Stmt::Pass(_) | Stmt::Global(_) => {}
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Assign(a) => self.assign_stmt(a),
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let v = self.expr(v);
                    self.assign(&a.target, v);
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::If(i) => {
                let (t, f) = self.cond_split(&i.test);
                let mut ends = vec![];
                for (b, body) in [(t, &i.body), (f, &i.orelse)] {
                    if let Some(b) = b {
                        self.cur = Some(b);
                        self.stmts(body);
                        ends.extend(self.cur.take());
                    }
                }
                self.join(ends);
            }
            Stmt::While(w) => self.while_stmt(w),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::Break(b) => self.break_continue(b.range, true),
            Stmt::Continue(c) => self.break_continue(c.range, false),
            Stmt::Raise(r) => self.raise_stmt(r),
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.delete(t)),
            Stmt::Nonlocal(n) if n.names.iter().all(|x| self.is_free_cell(x)) => {}
            Stmt::FunctionDef(d) => {
                let v = self.closure(
                    &d.name,
                    false,
                    &d.args,
                    !d.decorator_list.is_empty(),
                    d.range,
                );
                self.write_name(&d.name, v, d.range);
            }
            _ => self.refused_stmt(s),
        }
    }

    /// Refuses a statement that is not supported yet; the names it would bind get a
    /// placeholder value so that their later reads report nothing more.
    fn refused_stmt(&mut self, s: &'a Stmt) {
        let (what, range, help) = match s {
            Stmt::Nonlocal(n) => (
                "`nonlocal`",
                n.range,
                "keep the shared state in an object passed to both functions",
            ),
            Stmt::FunctionDef(d) => (
                "`def` inside a function",
                d.range,
                "define the function at module level and pass what it needs as arguments",
            ),
            Stmt::AsyncFunctionDef(d) => (
                "`async def`",
                d.range,
                "write a plain `def` at module level",
            ),
            Stmt::ClassDef(c) => (
                "`class` inside a function",
                c.range,
                "define the class at module level",
            ),
            Stmt::With(w) => ("`with`", w.range, "use `try`/`finally`"),
            Stmt::AsyncWith(w) => ("`async with`", w.range, "use `try`/`finally`"),
            Stmt::AsyncFor(f) => ("`async for`", f.range, "use a plain `for`"),
            Stmt::Import(i) => (
                "`import` inside a function",
                i.range,
                "import at module level",
            ),
            Stmt::ImportFrom(i) => (
                "`import` inside a function",
                i.range,
                "import at module level",
            ),
            Stmt::Match(m) => ("`match`", m.range, "use `if`/`elif` chains"),
            Stmt::TryStar(t) => ("`except*`", t.range, "use `except`"),
            Stmt::TypeAlias(t) => (
                "a `type` alias",
                t.range,
                "write the alias at module level as `Alias = T`",
            ),
            _ => return,
        };
        self.unsupported(what, range, help);
        let names = super::scope::bound_names(std::slice::from_ref(s));
        self.poison(names);
    }

    fn assign_stmt(&mut self, a: &'a ast::StmtAssign) {
        if let [target] = &a.targets[..] {
            if self.parallel_assign(target, &a.value) {
                return;
            }
        }
        let v = self.expr(&a.value);
        let h = self.hold(v);
        for t in &a.targets {
            let v = self.get(&h);
            self.assign(t, v);
        }
    }

    /// `a, b = x, y`: every right-hand value first, then the targets (so swaps work).
    fn parallel_assign(&mut self, target: &'a Expr, value: &'a Expr) -> bool {
        let (Some(ts), Some(vs)) = (sequence(target), sequence(value)) else {
            return false;
        };
        if ts.len() != vs.len() || ts.iter().chain(vs).any(|e| matches!(e, Expr::Starred(_))) {
            return false;
        }
        let mut held = vec![];
        for e in vs {
            let v = self.expr(e);
            held.push(self.hold(v));
        }
        for (t, h) in ts.iter().zip(&held) {
            let v = self.get(h);
            self.assign(t, v);
        }
        true
    }

    /// Assigns `v` to an assignment target.
    pub(super) fn assign(&mut self, t: &'a Expr, v: Value) {
        match t {
            Expr::Name(n) => self.write_name(&n.id, v, n.range),
            Expr::Attribute(a) => {
                let h = self.hold(v);
                let obj = self.expr(&a.value);
                let name = self.konst(Const::Str(a.attr.to_string()));
                let v = self.get(&h);
                self.emit(FlowOp::SetAttr, vec![obj, name, v], a.range);
            }
            Expr::Subscript(s) => {
                if let Expr::Slice(sl) = &*s.slice {
                    self.unsupported("slice assignment", sl.range, "assign the items in a loop");
                    return;
                }
                let h = self.hold(v);
                let obj = self.expr(&s.value);
                let ho = self.hold(obj);
                let i = self.expr(&s.slice);
                let (obj, v) = (self.get(&ho), self.get(&h));
                self.emit(FlowOp::SetItem, vec![obj, i, v], s.range);
            }
            Expr::Tuple(_) | Expr::List(_) => {
                let elts = sequence(t).unwrap_or_default();
                if let Some(s) = elts.iter().find(|e| matches!(e, Expr::Starred(_))) {
                    let mut names = std::collections::HashSet::new();
                    super::scope::collect_target(t, &mut names);
                    self.poison(names);
                    self.unsupported(
                        "starred assignment",
                        s.range(),
                        "unpack a fixed number of items and slice the rest",
                    );
                    return;
                }
                let h = self.hold(v);
                let mut items = vec![];
                for i in 0..elts.len() {
                    let v = self.get(&h);
                    let idx = self.konst(Const::Int(i as i64));
                    let item = self.emit(FlowOp::GetItem, vec![v, idx], t.range());
                    items.push(self.hold(item));
                }
                for (e, hi) in elts.iter().zip(&items) {
                    let item = self.get(hi);
                    self.assign(e, item);
                }
            }
            other => self.unsupported(
                "assignment to this kind of target",
                other.range(),
                "assign to a name, attribute or item",
            ),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) {
        let op = match (a.op, binop(a.op)) {
            (Operator::Add, _) => FlowOp::InplaceAdd,
            (_, Some(op)) => op,
            (_, None) => {
                self.unsupported(
                    "`@=`",
                    a.range,
                    "write `x = x.matmul(y)`-style method calls",
                );
                return;
            }
        };
        match &*a.target {
            Expr::Name(n) => {
                let old = self.read_name(&n.id, n.range);
                let r = self.combine(op, old, &a.value, a.range);
                self.write_name(&n.id, r, n.range);
            }
            Expr::Attribute(at) => {
                let obj = self.expr(&at.value);
                let ho = self.hold(obj);
                let name = self.konst(Const::Str(at.attr.to_string()));
                let old = self.emit(FlowOp::GetAttr, vec![obj, name], at.range);
                let r = self.combine(op, old, &a.value, a.range);
                let obj = self.get(&ho);
                let name = self.konst(Const::Str(at.attr.to_string()));
                self.emit(FlowOp::SetAttr, vec![obj, name, r], at.range);
            }
            Expr::Subscript(s) if !matches!(&*s.slice, Expr::Slice(_)) => {
                let obj = self.expr(&s.value);
                let ho = self.hold(obj);
                let i = self.expr(&s.slice);
                let hi = self.hold(i);
                let (obj, i) = (self.get(&ho), self.get(&hi));
                let old = self.emit(FlowOp::GetItem, vec![obj, i], s.range);
                let r = self.combine(op, old, &a.value, a.range);
                let (obj, i) = (self.get(&ho), self.get(&hi));
                self.emit(FlowOp::SetItem, vec![obj, i, r], s.range);
            }
            other => self.unsupported(
                "augmented assignment to this kind of target",
                other.range(),
                "write `x = x + y`",
            ),
        }
    }

    /// `old op value` (evaluating `value` after `old`).
    fn combine(&mut self, op: FlowOp, old: Value, value: &'a Expr, r: TextRange) -> Value {
        let h = self.hold(old);
        let rhs = self.expr(value);
        let old = self.get(&h);
        self.emit(op, vec![old, rhs], r)
    }

    fn delete(&mut self, t: &'a Expr) {
        match t {
            Expr::Subscript(s) if !matches!(&*s.slice, Expr::Slice(_)) => {
                let obj = self.expr(&s.value);
                let ho = self.hold(obj);
                let i = self.expr(&s.slice);
                let obj = self.get(&ho);
                self.emit(FlowOp::DelItem, vec![obj, i], s.range);
            }
            Expr::Subscript(s) => {
                self.unsupported("`del` of a slice", s.range, "use `del lst[i]` in a loop")
            }
            Expr::Tuple(_) | Expr::List(_) => sequence(t)
                .unwrap_or_default()
                .iter()
                .for_each(|e| self.delete(e)),
            Expr::Name(n) => self.unsupported(
                "`del` of a variable",
                n.range,
                "assign `None` to the variable instead",
            ),
            Expr::Attribute(a) => self.unsupported(
                "`del` of an attribute",
                a.range,
                "assign `None` to the attribute instead",
            ),
            other => self.unsupported(
                "`del` of this kind of target",
                other.range(),
                "delete items with `del obj[i]`",
            ),
        }
    }
}

/// The items of a tuple or list display.
fn sequence(e: &Expr) -> Option<&[Expr]> {
    match e {
        Expr::Tuple(t) => Some(&t.elts),
        Expr::List(l) => Some(&l.elts),
        _ => None,
    }
}
