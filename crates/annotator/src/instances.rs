//! Annotation of user classes: instantiation, attribute reads and writes, method calls
//! (every implementation a receiver's subtree may dispatch to), `super()`, `isinstance`.

use crate::classdef::{self, Field};
use crate::driver::{obj_const, Annotator};
use crate::model::{union, Ann, ClassRef, Collect, Desc};
use cranelift_entity::EntityRef;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, ObjId};
use frontend::prebuilt::Obj;
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;
type Pos = Vec<(Ann, Span)>;
type Kw = Vec<(String, Ann, Span)>;

/// What a class attribute is, as a method-call target.
enum Member {
    /// A function taking the receiver first.
    Method(ObjId),
    /// A staticmethod's function.
    Static(ObjId),
    /// Anything else: a class-level constant.
    Value,
}

fn member(a: &Annotator, v: ObjId) -> Member {
    match &a.snapshot.objects[v] {
        Obj::Function(_) => Member::Method(v),
        Obj::StaticMethod { func } => Member::Static(*func),
        _ => Member::Value,
    }
}

impl Annotator<'_> {
    fn wake_attr_readers(&mut self) {
        for r in self.p.classdefs.readers.clone() {
            self.schedule_reader(r);
        }
    }

    fn read_attrs(&mut self) {
        let (g, b) = self.current;
        let r = (g.index() as u32, b.index() as u32);
        if !self.p.classdefs.readers.contains(&r) {
            self.p.classdefs.readers.push(r);
        }
    }

    /// `C(args)`: an instance, initialised by `__init__` when the class has one.
    pub fn instantiate(&mut self, c: ObjId, pos: Pos, kw: Kw, span: Span) -> R {
        if !self.p.classdefs.instantiated.contains(&c) {
            self.p.classdefs.instantiated.push(c);
            self.wake_attr_readers();
        }
        let inst = Ann::Instance {
            class: ClassRef::User(c),
            nullable: false,
        };
        match classdef::lookup(self.snapshot, c, "__init__") {
            Some((_, init)) => {
                let Member::Method(f) = member(self, init) else {
                    return Err(Diagnostic::new(
                        "E0250",
                        "`__init__` must be a plain method",
                        Some(span),
                    ));
                };
                let mut args = vec![(inst.clone(), span)];
                args.extend(pos);
                let r = self.call_function(f, args, kw, span)?;
                if !matches!(r, Ann::None | Ann::Impossible) {
                    return Err(Diagnostic::new(
                        "E0251",
                        "`__init__` must return None",
                        Some(span),
                    ));
                }
            }
            None if classdef::is_exception(self.snapshot, &ClassRef::User(c)) => {
                self.exception_init(&pos, &kw, span)?;
            }
            None if !pos.is_empty() || !kw.is_empty() => {
                let name = classdef::class_name(self.snapshot, &ClassRef::User(c));
                return Err(Diagnostic::new(
                    "E0252",
                    format!("`{name}()` takes no arguments (it has no `__init__`)"),
                    Some(span),
                ));
            }
            None => {}
        }
        Ok(inst)
    }

    /// The builtin `BaseException.__init__`: at most one argument, the message.
    pub fn exception_init(
        &mut self,
        pos: &[(Ann, Span)],
        kw: &[(String, Ann, Span)],
        span: Span,
    ) -> Result<(), Diagnostic> {
        if pos.len() > 1 || !kw.is_empty() {
            return Err(Diagnostic::new(
                "E0253",
                "exceptions take at most one argument (the message) in rpy",
                Some(span),
            ));
        }
        Ok(())
    }

    /// Reads `name` on an instance whose static class is `c`.
    pub fn getattr_instance(&mut self, recv: &Ann, c: ObjId, name: &str, span: Span) -> R {
        self.read_attrs();
        // Methods and class attributes: what any class of the subtree resolves `name` to.
        let mut values = vec![];
        for k in self.p.classdefs.subtree(c) {
            if let Some((_, v)) = classdef::lookup(self.snapshot, k, name) {
                values.push(v);
            }
        }
        if self.p.classdefs.locate(self.snapshot, c, name).is_none() && !values.is_empty() {
            if values
                .iter()
                .all(|&v| matches!(member(self, v), Member::Method(_) | Member::Static(_)))
            {
                return Ok(Ann::BoundMethod {
                    receiver: Box::new(recv.clone()),
                    name: name.to_string(),
                });
            }
            let mut ann = Ann::Impossible;
            for v in values {
                let c = obj_const(self.snapshot, v);
                let va = self.const_ann(&c);
                ann = self.join(&ann, &va, span).map_err(|_| {
                    Diagnostic::new(
                        "E0266",
                        format!(
                            "class attribute `{name}` has different types in different subclasses"
                        ),
                        Some(span),
                    )
                })?;
            }
            return Ok(ann);
        }
        self.join_hoisted(span);
        let owner = self.p.classdefs.locate_or_add(self.snapshot, c, name);
        let ann = self
            .p
            .classdefs
            .field(owner, name)
            .map_or(Ann::Impossible, |f| f.ann.clone());
        if ann == Ann::Impossible
            && !self
                .unresolved_attrs
                .iter()
                .any(|(_, n, s)| *s == span && n == name)
        {
            self.unresolved_attrs.push((c, name.to_string(), span));
        }
        Ok(ann)
    }

    /// Reports the attribute reads that found no type at the fixpoint: no class of the
    /// receiver's hierarchy assigns the attribute (nor defines it as a method or class
    /// attribute), so CPython would raise AttributeError.
    pub fn report_unresolved_attrs(&mut self) {
        for (c, name, span) in std::mem::take(&mut self.unresolved_attrs) {
            let known = self
                .p
                .classdefs
                .locate(self.snapshot, c, &name)
                .and_then(|owner| self.p.classdefs.field(owner, &name))
                .is_some_and(|f| f.ann != Ann::Impossible);
            // No instance of the class (or a subclass) is ever made: the read is
            // unreachable (e.g. the handler of an exception never raised).
            let exists = self.p.classdefs.instantiated.iter().any(|&k| {
                classdef::is_subclass(self.snapshot, &ClassRef::User(k), &ClassRef::User(c))
            });
            if known || !exists {
                continue;
            }
            let cname = classdef::class_name(self.snapshot, &ClassRef::User(c));
            let mut names = self.p.classdefs.attribute_names(self.snapshot, c);
            names.retain(|n| n != &name);
            let mut d = Diagnostic::new(
                "E0265",
                format!("`{cname}` instances have no attribute `{name}`"),
                Some(span),
            )
            .label(format!(
                "no class assigns `{name}` or defines a method `{name}`"
            ));
            if !names.is_empty() {
                let shown: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                d = d.note(format!("`{cname}` has: {}", shown.join(", ")));
            }
            d = match names.iter().find(|n| similar(n, &name)) {
                Some(n) => d.help(format!("did you mean `{n}`?")),
                None => d.help(format!(
                    "assign `self.{name}` in `{cname}.__init__` (or define the method), or check the spelling"
                )),
            };
            self.report(d);
        }
    }

    /// Writes `name` on an instance whose static class is `c`.
    pub fn setattr_instance(
        &mut self,
        c: ObjId,
        name: &str,
        value: &Ann,
        span: Span,
    ) -> Result<(), Diagnostic> {
        if let Some((_, v)) = classdef::lookup(self.snapshot, c, name) {
            if matches!(member(self, v), Member::Method(_) | Member::Static(_)) {
                return Err(Diagnostic::new(
                    "E0254",
                    format!("assigning `{name}` would hide a method of the same name"),
                    Some(span),
                ));
            }
        }
        self.check_immutable(c, name, span)?;
        let owner = self.p.classdefs.locate_or_add(self.snapshot, c, name);
        self.join_hoisted(span);
        self.join_field(owner, name, value, span).map_err(|old| {
            let cname = classdef::class_name(self.snapshot, &ClassRef::User(owner));
            let d = self.conflict(
                "E0255",
                &format!("the attribute `{cname}.{name}`"),
                (&old.ann, old.origin),
                (value, span),
            );
            d.help("an attribute keeps one type in every instance of the class and its subclasses")
        })
    }

    /// Joins `value` into a field's type, waking its readers when it changed; on a
    /// conflict, returns the field as it was.
    fn join_field(
        &mut self,
        owner: ObjId,
        name: &str,
        value: &Ann,
        span: Span,
    ) -> Result<(), Field> {
        let old = self
            .p
            .classdefs
            .field(owner, name)
            .expect("located")
            .clone();
        let new = self.join(&old.ann, value, span).map_err(|_| old.clone())?;
        if new != old.ann {
            let f = self.p.classdefs.field_mut(owner, name).expect("located");
            f.ann = new;
            f.origin.get_or_insert(span);
            self.wake_attr_readers();
        }
        Ok(())
    }

    /// A field of a prebuilt instance (no immutability check: it is being built).
    pub fn setattr_prebuilt(
        &mut self,
        c: ObjId,
        name: &str,
        value: &Ann,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let owner = self.p.classdefs.locate_or_add(self.snapshot, c, name);
        self.join_hoisted(span);
        self.join_field(owner, name, value, span).map_err(|old| {
            Diagnostic::new(
                "E0255",
                format!(
                    "prebuilt instances give attribute `{name}` two types ({} and {})",
                    self.describe(&old.ann),
                    self.describe(value)
                ),
                Some(span),
            )
        })
    }

    /// `_immutable_ = True` and `_immutable_fields_` forbid writes outside `__init__`.
    fn check_immutable(&mut self, c: ObjId, name: &str, span: Span) -> Result<(), Diagnostic> {
        let (g, _) = self.current;
        let in_init = self.p.graphs[g].name.ends_with(".__init__");
        if in_init {
            return Ok(());
        }
        let (imm, decl) = classdef::immutability(self.snapshot, c, name);
        if matches!(
            imm,
            classdef::Immutability::Field | classdef::Immutability::FieldAndItems
        ) {
            let cname = match decl.map(|k| &self.snapshot.objects[k]) {
                Some(Obj::Class(cls)) => cls.name.clone(),
                _ => "?".into(),
            };
            return Err(Diagnostic::new("E0256", format!("`{name}` is immutable (declared in `{cname}`) but is assigned outside `__init__`"), Some(span))
                .help("assign immutable fields only in `__init__`, or remove the field from `_immutable_fields_`"));
        }
        Ok(())
    }

    /// Joins the types of fields that `locate` moved up to a common base.
    fn join_hoisted(&mut self, span: Span) {
        let pending = std::mem::take(&mut self.p.classdefs.pending_hoists);
        for (owner, name, f) in pending {
            let cur = self
                .p
                .classdefs
                .field(owner, &name)
                .expect("hoisted")
                .ann
                .clone();
            match self.join(&cur, &f.ann, span) {
                Ok(n) => {
                    self.p
                        .classdefs
                        .field_mut(owner, &name)
                        .expect("hoisted")
                        .ann = n
                }
                Err(_) => self.report(Diagnostic::new(
                    "E0255",
                    format!(
                        "attribute `{name}` has different types in two subclasses that share it"
                    ),
                    f.origin.or(Some(span)),
                )),
            }
            self.wake_attr_readers();
        }
    }

    pub fn join(&mut self, a: &Ann, b: &Ann, span: Span) -> Result<Ann, ()> {
        let mut ctx = Collect::new(self.snapshot);
        let r = union(a, b, &mut ctx).map_err(|_| ())?;
        for (x, y) in ctx.lists {
            self.unify_lists(x, y, span);
        }
        for (x, y) in ctx.dicts {
            self.unify_dicts(x, y, span);
        }
        Ok(r)
    }

    /// Calls method `name` on a receiver: every implementation the receiver's classes
    /// dispatch to gets the same arguments; their parameters and results are joined so
    /// one signature serves the vtable slot.
    pub fn call_method(&mut self, recv: &Ann, name: &str, pos: Pos, kw: Kw, span: Span) -> R {
        let Ann::Instance {
            class: ClassRef::User(c),
            ..
        } = recv
        else {
            return Err(Diagnostic::new(
                "E0257",
                format!("cannot call method `{name}` here"),
                Some(span),
            ));
        };
        self.read_attrs();
        let mut impls: Vec<(ObjId, bool)> = vec![];
        for k in self.p.classdefs.subtree(*c) {
            if let Some((_, v)) = classdef::lookup(self.snapshot, k, name) {
                let m = match member(self, v) {
                    Member::Method(f) => (f, true),
                    Member::Static(f) => (f, false),
                    Member::Value => {
                        return Err(Diagnostic::new(
                            "E0258",
                            format!("`{name}` is not a method"),
                            Some(span),
                        ))
                    }
                };
                if !impls.contains(&m) {
                    impls.push(m);
                }
            }
        }
        if impls.is_empty() {
            let cname = classdef::class_name(self.snapshot, &ClassRef::User(*c));
            return Err(Diagnostic::new(
                "E0259",
                format!("`{cname}` has no method `{name}`"),
                Some(span),
            ));
        }
        // `self` is never None inside a method (as in RPython): a call on None raises
        // AttributeError at the call site (the rtyper's null check).
        let recv = Ann::Instance {
            class: ClassRef::User(*c),
            nullable: false,
        };
        let mut ret = Ann::Impossible;
        let mut graphs = vec![];
        for &(f, with_self) in &impls {
            let mut args = vec![];
            if with_self {
                args.push((recv.clone(), span));
            }
            args.extend(pos.iter().cloned());
            let r = self.call_function(f, args, kw.clone(), span)?;
            if let Ok(j) = self.join(&ret, &r, span) {
                ret = j;
            } else {
                let mut d = Diagnostic::new(
                    "E0260",
                    format!("implementations of `{name}` return different types"),
                    Some(span),
                )
                .label(format!("this call may run any of them"));
                // What each implementation called so far returns, and where.
                for &(f2, _) in &impls {
                    let Some(&g2) = self.p.func_graphs.get(&f2) else {
                        continue;
                    };
                    let r2 = self.p.returns[g2.index()].clone();
                    if r2 == Ann::Impossible {
                        continue;
                    }
                    let shown = crate::messages::with_article(&self.describe(&r2));
                    let fname = self.p.graphs[g2].name.clone();
                    match self.return_origin(g2) {
                        Some(o) => {
                            d = d.with_secondary(o, format!("`{fname}` returns {shown}"));
                        }
                        None => d = d.note(format!("`{fname}` returns {shown}")),
                    }
                }
                return Err(d.help("every override of a method must return the same type"));
            }
            if let Some(&g) = self.p.func_graphs.get(&f) {
                graphs.push(g);
            }
        }
        if graphs.len() > 1 {
            self.unify_family(&graphs, &ret, span)?;
        }
        Ok(ret)
    }

    /// Calls through a variable holding one of several functions: each gets the
    /// arguments, and their signatures are joined so one function pointer type serves.
    pub fn call_funcs(&mut self, fs: &[ObjId], pos: Pos, kw: Kw, span: Span) -> R {
        let mut ret = Ann::Impossible;
        let mut graphs = vec![];
        for &f in fs {
            let r = self.call_function(f, pos.clone(), kw.clone(), span)?;
            ret = self.join(&ret, &r, span).map_err(|_| {
                Diagnostic::new(
                    "E0267",
                    "functions called through one variable return different types",
                    Some(span),
                )
                .help("functions stored together and called the same way must return the same type")
            })?;
            if let Some(&g) = self.p.func_graphs.get(&f) {
                graphs.push(g);
            }
        }
        if graphs.len() > 1 {
            self.unify_family(&graphs, &ret, span)?;
        }
        Ok(ret)
    }

    /// Gives all implementations of a polymorphic method the same parameter and return
    /// annotations.
    fn unify_family(
        &mut self,
        graphs: &[GraphId],
        ret: &Ann,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let n = self.p.graphs[graphs[0]].params().len();
        if graphs.iter().any(|&g| self.p.graphs[g].params().len() != n) {
            return Err(Diagnostic::new(
                "E0261",
                "overrides of this method take different numbers of arguments",
                Some(span),
            ));
        }
        for k in 0..n {
            let mut u = Ann::Impossible;
            for &g in graphs {
                let p = self.p.graphs[g].params()[k];
                let a = self.ann(g, p);
                u = self.join(&u, &a, span).map_err(|_| {
                    Diagnostic::new(
                        "E0262",
                        "overrides of this method take arguments of different types",
                        Some(span),
                    )
                })?;
            }
            for &g in graphs {
                let p = self.p.graphs[g].params()[k];
                if let Ok(true) = self.bind(g, p, u.clone(), span) {
                    let entry = self.p.graphs[g].entry;
                    self.schedule(g, entry);
                }
            }
        }
        for &g in graphs {
            let old = self
                .p
                .ret_override
                .get(&g)
                .cloned()
                .unwrap_or(Ann::Impossible);
            if let Ok(new) = self.join(&old, ret, span) {
                self.p.ret_override.insert(g, new);
            }
        }
        Ok(())
    }

    /// `super()` in a method: the class that defines the running function, and its
    /// receiver (the first parameter).
    pub fn super_call(&mut self, span: Span) -> R {
        let (g, _) = self.current;
        let func = self.p.graph_funcs[g.index()];
        let owner = self.snapshot.objects.iter().find_map(|(o, obj)| match obj {
            Obj::Class(cls) if cls.attrs.iter().any(|(_, v)| *v == func) => Some(o),
            _ => None,
        });
        let Some(owner) = owner else {
            return Err(Diagnostic::new(
                "E0263",
                "`super()` outside a method",
                Some(span),
            ));
        };
        let Some(&selfp) = self.p.graphs[g].params().first() else {
            return Err(Diagnostic::new(
                "E0263",
                "`super()` in a method without `self`",
                Some(span),
            ));
        };
        let recv = self.ann(g, selfp);
        Ok(Ann::Super {
            class: owner,
            receiver: Box::new(recv),
        })
    }

    /// `super().name`: the next class after `owner` in the MRO that defines `name`.
    pub fn getattr_super(&mut self, owner: ObjId, recv: &Ann, name: &str, span: Span) -> R {
        let mro = classdef::mro(self.snapshot, owner);
        for &k in &mro[1..] {
            let Obj::Class(cls) = &self.snapshot.objects[k] else {
                continue;
            };
            if let Some((_, v)) = cls.attrs.iter().find(|(n, _)| n == name) {
                return match member(self, *v) {
                    Member::Method(f) => Ok(Ann::BoundFunc {
                        receiver: Box::new(recv.clone()),
                        func: Some(f),
                    }),
                    _ => Err(Diagnostic::new(
                        "E0264",
                        format!("`super().{name}` is not a method"),
                        Some(span),
                    )),
                };
            }
        }
        if name == "__init__" && classdef::is_exception(self.snapshot, &ClassRef::User(owner)) {
            return Ok(Ann::BoundFunc {
                receiver: Box::new(recv.clone()),
                func: None,
            });
        }
        if name == "__init__" {
            // object.__init__ takes no arguments and does nothing.
            return Ok(Ann::BoundFunc {
                receiver: Box::new(recv.clone()),
                func: None,
            });
        }
        Err(Diagnostic::new(
            "E0264",
            format!("no base class of this class defines `{name}`"),
            Some(span),
        ))
    }

    /// Reads a class attribute on the class object itself (`C.X`, `C.method`).
    pub fn getattr_class(&mut self, c: ObjId, name: &str, span: Span) -> R {
        match classdef::lookup(self.snapshot, c, name) {
            Some((_, v)) => {
                let v = match &self.snapshot.objects[v] {
                    Obj::StaticMethod { func } => *func,
                    _ => v,
                };
                let k = obj_const(self.snapshot, v);
                Ok(self.const_ann(&k))
            }
            None => {
                let cname = classdef::class_name(self.snapshot, &ClassRef::User(c));
                Err(Diagnostic::new(
                    "E0265",
                    format!("class `{cname}` has no attribute `{name}`"),
                    Some(span),
                ))
            }
        }
    }

    /// The class a `Desc` names, for `isinstance` and `except`.
    pub fn class_ref(&self, d: &Desc) -> Option<ClassRef> {
        match d {
            Desc::Class(o) => Some(ClassRef::User(*o)),
            Desc::Builtin(q) => {
                crate::builtins::builtin_exception(q).map(|n| ClassRef::Builtin(n.to_string()))
            }
            _ => None,
        }
    }
}

/// The static class of an instance annotation, if it is a user class.
pub fn user_class(a: &Ann) -> Option<ObjId> {
    match a {
        Ann::Instance {
            class: ClassRef::User(c),
            ..
        } => Some(*c),
        _ => None,
    }
}

impl Desc {
    pub fn is_class(&self) -> bool {
        matches!(self, Desc::Class(_))
    }
}

/// Whether two names differ by at most one edit (a likely misspelling).
fn similar(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}
