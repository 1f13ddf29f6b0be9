//! Nested functions and lambdas made at run time, and the cells of the variables they share
//! with their enclosing function (see ARCHITECTURE.md, "Closures").
//!
//! - A local that a nested function reads (`co_cellvars`) lives in a **cell**: a one-item
//!   list made at the function's entry (`newlist(param)` for a parameter, `newlist()`
//!   otherwise). A read is `getitem(cell, 0)`; a write is `setitem(cell, 0, v)` when the
//!   cell is known to be filled (a parameter's), else `clear()` then `append(v)`.
//! - A **lifted** function (the snapshot's object for a nested `def` or lambda) takes one
//!   cell parameter per free variable, before its positional parameters; `nonlocal x`
//!   writes go to that cell.
//! - The `def` or lambda itself evaluates to the **closure**: the lifted function constant
//!   when it has no free variables, else `newtuple(function, cell...)`, which the annotator
//!   and rtyper call by passing the cells first.

use super::ssa::Var;
use super::Builder;
use crate::entities::Value;
use crate::ops::{Const, FlowOp};
use crate::prebuilt::Obj;
use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;

/// The SSA variable holding the cell of `name`.
fn cell_var(name: &str) -> Var {
    Var::Name(format!("{name}@cell"))
}

impl<'a> Builder<'a> {
    /// Adds the cell parameters of a lifted function (call this before the positional
    /// parameters are bound).
    pub(super) fn bind_free_cells(&mut self) {
        if !self.func.lifted {
            return;
        }
        let entry = self.g.entry;
        for (name, _) in &self.func.closure {
            let v = self.g.add_param(entry, Some(&format!("<cell {name}>")));
            self.ssa.write(entry, cell_var(name), v);
            self.cells.insert(name.clone(), true);
        }
    }

    /// Makes the cells of the function's cell variables (after its parameters are bound).
    pub(super) fn make_cellvars(&mut self, params: &[&str], r: TextRange) {
        for name in &self.func.cellvars {
            let items = if params.contains(&name.as_str()) {
                vec![self.read(&Var::Name(name.clone()))]
            } else {
                vec![]
            };
            let filled = !items.is_empty();
            let cell = self.emit(FlowOp::NewList, items, r);
            self.write(cell_var(name), cell);
            self.cells.insert(name.clone(), filled);
        }
    }

    /// The value of a name that lives in a cell (`None` if it does not).
    pub(super) fn read_cell(&mut self, name: &str, r: TextRange) -> Option<Value> {
        self.cells.get(name)?;
        let cell = self.read(&cell_var(name));
        let zero = self.konst(Const::Int(0));
        Some(self.emit(FlowOp::GetItem, vec![cell, zero], r))
    }

    /// Assigns a name that lives in a cell; false if it does not.
    pub(super) fn write_cell(&mut self, name: &str, v: Value, r: TextRange) -> bool {
        let Some(&filled) = self.cells.get(name) else {
            return false;
        };
        let held = self.hold(v);
        let cell = self.read(&cell_var(name));
        if filled {
            let zero = self.konst(Const::Int(0));
            let v = self.get(&held);
            self.emit(FlowOp::SetItem, vec![cell, zero, v], r);
        } else {
            let cell_h = self.hold(cell);
            for (method, with_value) in [("clear", false), ("append", true)] {
                let cell = self.get(&cell_h);
                let m = self.konst(Const::Str(method.into()));
                let bound = self.emit(FlowOp::GetAttr, vec![cell, m], r);
                let mut args = vec![bound];
                if with_value {
                    args.push(self.get(&held));
                }
                self.emit(FlowOp::SimpleCall, args, r);
            }
        }
        true
    }

    /// Whether `nonlocal name` is supported here: a free variable of a lifted function.
    pub(super) fn is_free_cell(&self, name: &str) -> bool {
        self.func.lifted && self.func.closure.iter().any(|(n, _)| n == name)
    }

    /// The value of a nested `def` (`name`, with its `args` and decorators) or lambda
    /// spanning `range`: its closure.
    pub(super) fn closure(
        &mut self,
        name: &str,
        is_lambda: bool,
        args: &ast::Arguments,
        decorated: bool,
        range: TextRange,
    ) -> Value {
        let what = if is_lambda { "`lambda`" } else { "`def`" };
        if decorated {
            return self.refuse_closure(
                range,
                "a decorator on a nested function",
                "define the function at module level",
            );
        }
        let has_default = (args.posonlyargs.iter().chain(&args.args)).any(|a| a.default.is_some());
        if has_default {
            return self.refuse_closure(
                range,
                "a default value in a nested function",
                "read the enclosing function's variable directly: a nested function sees its current value",
            );
        }
        if args.vararg.is_some() || args.kwarg.is_some() || !args.kwonlyargs.is_empty() {
            return self.refuse_closure(
                range,
                &format!("a {what} inside a function with `*args`, `**kwargs` or keyword-only parameters"),
                "give the nested function plain positional parameters",
            );
        }
        let found = self.func.nested.iter().copied().find(|&id| {
            let Some(Obj::Function(f)) = self.snap.objects.get(id) else {
                return false;
            };
            f.is_lambda == is_lambda
                && f.name == name
                && f.first_pos.map_or(false, |p| {
                    let o = super::locate::offset_of(self.line_starts, p);
                    range.contains(o.into())
                })
        });
        let Some(id) = found else {
            return self.refuse_closure(
                range,
                &format!("this {what} inside a function"),
                "define the function at module level",
            );
        };
        let Some(Obj::Function(f)) = self.snap.objects.get(id) else {
            unreachable!("checked above")
        };
        let free: Vec<String> = f.closure.iter().map(|(n, _)| n.clone()).collect();
        let fconst = self.konst(Const::Obj(id));
        if free.is_empty() {
            return fconst;
        }
        let mut items = vec![fconst];
        for n in &free {
            if !self.cells.contains_key(n) {
                return self.refuse_closure(
                    range,
                    &format!("a nested function reading the comprehension variable `{n}`"),
                    "pass the value as an argument",
                );
            }
            items.push(self.read(&cell_var(n)));
        }
        self.emit(FlowOp::NewTuple, items, range)
    }

    fn refuse_closure(&mut self, r: TextRange, what: &str, help: &str) -> Value {
        self.unsupported(what, r, help);
        self.konst(Const::None)
    }
}
