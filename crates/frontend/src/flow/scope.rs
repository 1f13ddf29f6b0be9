//! Names: which are locals (SSA variables), and what the others are (constants).
//!
//! A name is local when it is a parameter or bound anywhere in the function body (not in
//! nested functions, classes, lambdas or comprehensions) and not declared `global` or
//! `nonlocal`. Other names are, in order: a free variable (its cell's value), a global of
//! the function's module (its prebuilt value), or a builtin (`builtins.<name>`). As in
//! RPython, globals are constants: the module ran to completion before translation.

use super::ssa::Var;
use super::Builder;
use crate::entities::{ObjId, Value};
use crate::ops::Const;
use crate::prebuilt::{Obj, Snapshot};
use rustpython_parser::ast::{self, Expr, Stmt};
use rustpython_parser::text_size::TextRange;
use std::collections::HashSet;

#[derive(Default)]
pub(crate) struct Scope {
    pub locals: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
}

impl Scope {
    pub fn of_function(params: &[&str], body: &[Stmt]) -> Scope {
        let mut s = Scope::default();
        let mut bound = HashSet::new();
        collect_stmts(body, &mut bound, &mut s);
        s.locals = bound
            .into_iter()
            .filter(|n| !s.globals.contains(n) && !s.nonlocals.contains(n))
            .collect();
        s.locals.extend(params.iter().map(|p| p.to_string()));
        s
    }

    pub fn of_lambda(params: &[&str]) -> Scope {
        Scope {
            locals: params.iter().map(|p| p.to_string()).collect(),
            ..Scope::default()
        }
    }
}

/// The names a statement list binds (in the function's own scope).
pub(super) fn bound_names(stmts: &[Stmt]) -> HashSet<String> {
    let mut bound = HashSet::new();
    collect_stmts(stmts, &mut bound, &mut Scope::default());
    bound
}

fn collect_stmts(stmts: &[Stmt], bound: &mut HashSet<String>, s: &mut Scope) {
    for st in stmts {
        match st {
            Stmt::FunctionDef(d) => {
                bound.insert(d.name.to_string());
            }
            Stmt::AsyncFunctionDef(d) => {
                bound.insert(d.name.to_string());
            }
            Stmt::ClassDef(d) => {
                bound.insert(d.name.to_string());
            }
            Stmt::Assign(a) => a.targets.iter().for_each(|t| collect_target(t, bound)),
            Stmt::AugAssign(a) => collect_target(&a.target, bound),
            Stmt::AnnAssign(a) => collect_target(&a.target, bound),
            Stmt::Delete(d) => d.targets.iter().for_each(|t| collect_target(t, bound)),
            Stmt::For(f) => {
                collect_target(&f.target, bound);
                collect_stmts(&f.body, bound, s);
                collect_stmts(&f.orelse, bound, s);
            }
            Stmt::AsyncFor(f) => {
                collect_target(&f.target, bound);
                collect_stmts(&f.body, bound, s);
                collect_stmts(&f.orelse, bound, s);
            }
            Stmt::While(w) => {
                collect_stmts(&w.body, bound, s);
                collect_stmts(&w.orelse, bound, s);
            }
            Stmt::If(i) => {
                collect_stmts(&i.body, bound, s);
                collect_stmts(&i.orelse, bound, s);
            }
            Stmt::With(w) => {
                w.items
                    .iter()
                    .filter_map(|i| i.optional_vars.as_deref())
                    .for_each(|t| collect_target(t, bound));
                collect_stmts(&w.body, bound, s);
            }
            Stmt::AsyncWith(w) => {
                w.items
                    .iter()
                    .filter_map(|i| i.optional_vars.as_deref())
                    .for_each(|t| collect_target(t, bound));
                collect_stmts(&w.body, bound, s);
            }
            Stmt::Match(m) => m
                .cases
                .iter()
                .for_each(|c| collect_stmts(&c.body, bound, s)),
            Stmt::Try(t) => collect_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, bound, s),
            Stmt::TryStar(t) => {
                collect_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, bound, s)
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = a
                        .asname
                        .as_ref()
                        .map_or_else(|| a.name.split('.').next().unwrap_or(""), |n| n.as_str());
                    bound.insert(n.to_string());
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    bound.insert(a.asname.as_ref().unwrap_or(&a.name).to_string());
                }
            }
            Stmt::Global(g) => s.globals.extend(g.names.iter().map(|n| n.to_string())),
            Stmt::Nonlocal(g) => s.nonlocals.extend(g.names.iter().map(|n| n.to_string())),
            _ => {}
        }
    }
}

fn collect_try(
    body: &[Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
    bound: &mut HashSet<String>,
    s: &mut Scope,
) {
    collect_stmts(body, bound, s);
    for ast::ExceptHandler::ExceptHandler(h) in handlers {
        if let Some(n) = &h.name {
            bound.insert(n.to_string());
        }
        collect_stmts(&h.body, bound, s);
    }
    collect_stmts(orelse, bound, s);
    collect_stmts(finalbody, bound, s);
}

pub(super) fn collect_target(t: &Expr, bound: &mut HashSet<String>) {
    match t {
        Expr::Name(n) => {
            bound.insert(n.id.to_string());
        }
        Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_target(e, bound)),
        Expr::List(t) => t.elts.iter().for_each(|e| collect_target(e, bound)),
        Expr::Starred(s) => collect_target(&s.value, bound),
        _ => {}
    }
}

/// The constant for a prebuilt object: a literal for simple values, else the object.
pub(crate) fn prebuilt_const(snap: &Snapshot, id: ObjId) -> Const {
    match snap.objects.get(id) {
        Some(Obj::None) => Const::None,
        Some(Obj::Bool { value }) => Const::Bool(*value),
        Some(Obj::Int { value }) => Const::Int(*value),
        Some(Obj::Float { bits }) => Const::Float(Snapshot::float_value(bits)),
        Some(Obj::Str { value }) => Const::Str(value.clone()),
        Some(Obj::Bytes { value }) => Const::Bytes(value.clone()),
        Some(Obj::Builtin { qualname }) => Const::Builtin(qualname.clone()),
        _ => Const::Obj(id),
    }
}

impl<'a> Builder<'a> {
    fn renamed(&self, name: &str) -> Option<String> {
        self.renames.iter().rev().find_map(|m| m.get(name).cloned())
    }

    /// A module global that some function assigns at run time (declared `global` there).
    fn is_mutable_global(&self, name: &str) -> bool {
        self.globals.contains_key(name)
            && self
                .mutable
                .contains(&(self.func.file.clone(), name.to_string()))
    }

    fn is_local(&self, name: &str) -> bool {
        self.renamed(name).is_some() || self.scope.locals.contains(name)
    }

    /// The constant a non-local name stands for (free variable, global or builtin).
    fn nonlocal_const(&mut self, name: &str, r: TextRange) -> Const {
        if let Some((_, cell)) = self.func.closure.iter().find(|(n, _)| n == name) {
            return match cell {
                Some(id) => prebuilt_const(self.snap, *id),
                None => {
                    self.error(
                        "E0104",
                        format!("free variable '{name}' refers to an empty cell"),
                        r,
                        "assign the variable in the enclosing function before this function is defined",
                    );
                    Const::None
                }
            };
        }
        match self.globals.get(name) {
            Some(&id) => prebuilt_const(self.snap, id),
            None => Const::Builtin(format!("builtins.{name}")),
        }
    }

    /// The value of a name read at `r`.
    pub(super) fn read_name(&mut self, name: &str, r: TextRange) -> Value {
        if self.renamed(name).is_none() {
            if let Some(v) = self.read_cell(name, r) {
                return v;
            }
        }
        let var = match self.renamed(name) {
            Some(n) => Var::Name(n),
            None if self.scope.locals.contains(name) => Var::Name(name.to_string()),
            None if self.is_mutable_global(name) => {
                let (m, n) = (
                    self.konst(Const::Obj(self.func.globals)),
                    self.konst(Const::Str(name.to_string())),
                );
                return self.emit(crate::ops::FlowOp::GetGlobal, vec![m, n], r);
            }
            None => {
                let c = self.nonlocal_const(name, r);
                let span = self.span(r);
                return self.g.new_const_at(c, span);
            }
        };
        let v = self.read(&var);
        let (span, block) = (self.span(r), self.cur());
        self.reads.push((v, name.to_string(), span, block));
        v
    }

    /// Gives the locals among `names` a placeholder value (`None`): they are bound by a
    /// refused construct, and reading them later must not be reported as unbound.
    pub(super) fn poison(&mut self, names: impl IntoIterator<Item = String>) {
        for n in names {
            if self.is_local(&n) && !self.scope.globals.contains(&n) {
                let var = super::ssa::Var::Name(self.renamed(&n).unwrap_or(n));
                let none = self.konst(Const::None);
                self.write(var, none);
            }
        }
    }

    /// Assigns a name (target at `r`).
    pub(super) fn write_name(&mut self, name: &str, v: Value, r: TextRange) {
        if let Some(n) = self.renamed(name) {
            self.write(Var::Name(n), v);
        } else if self.write_cell(name, v, r) {
        } else if self.scope.globals.contains(name) {
            if self.globals.contains_key(name) {
                let (m, n) = (
                    self.konst(Const::Obj(self.func.globals)),
                    self.konst(Const::Str(name.to_string())),
                );
                self.emit(crate::ops::FlowOp::SetGlobal, vec![m, n, v], r);
            } else {
                self.error(
                    "E0101",
                    format!("the global `{name}` is assigned at run time but has no value at import time"),
                    r,
                    "give it an initial value at module level, so its type is known",
                );
            }
        } else if self.scope.nonlocals.contains(name) {
            // Refused at the `nonlocal` statement.
        } else {
            self.write(Var::Name(name.to_string()), v);
        }
    }

    /// Whether `name` (read here) is the builtin `builtins.<qual>`.
    pub(super) fn is_builtin_name(&mut self, name: &str, qual: &str) -> bool {
        !self.is_local(name)
            && !self.func.closure.iter().any(|(n, _)| n == name)
            && matches!(self.nonlocal_const(name, TextRange::default()), Const::Builtin(q) if q == format!("builtins.{qual}"))
    }

    /// The constant an expression statically denotes: a non-local name or an attribute of
    /// a module or class constant (used for `except` classes).
    pub(super) fn static_const(&mut self, e: &Expr) -> Option<Const> {
        match e {
            Expr::Name(n) if !self.is_local(&n.id) => Some(self.nonlocal_const(&n.id, n.range)),
            Expr::Attribute(a) => {
                let attr = a.attr.as_str();
                match self.static_const(&a.value)? {
                    Const::Obj(id) => match self.snap.objects.get(id)? {
                        Obj::Module {
                            name,
                            user,
                            globals,
                        } => match globals.iter().find(|(n, _)| n == attr) {
                            Some((_, o)) => Some(prebuilt_const(self.snap, *o)),
                            None if !*user => Some(Const::Builtin(format!("{name}.{attr}"))),
                            None => None,
                        },
                        Obj::Class(c) => c
                            .attrs
                            .iter()
                            .find(|(n, _)| n == attr)
                            .map(|(_, o)| prebuilt_const(self.snap, *o)),
                        _ => None,
                    },
                    Const::Builtin(q) => Some(Const::Builtin(format!("{q}.{attr}"))),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}
