//! Classes as the annotator sees them: the joint hierarchy of user classes and builtin
//! exceptions, method resolution, and instance fields.
//!
//! Fields live in the most general class that has them: a field assigned in two
//! subclasses moves up to their common base when the base reads or writes it, as
//! RPython's annotator hoists attributes, so one offset serves the whole subtree.

use crate::model::{Ann, ClassRef};
use frontend::entities::ObjId;
use frontend::prebuilt::{Obj, Snapshot};
use frontend::source::Span;
use rpyrt::abi::{builtin_exception_index, BUILTIN_EXCEPTIONS};
use std::collections::HashMap;

/// The parent of a class in the joint hierarchy (`None` for `object` and BaseException).
pub fn parent_of(snapshot: &Snapshot, c: &ClassRef) -> Option<ClassRef> {
    match c {
        ClassRef::User(o) => {
            let Obj::Class(cls) = &snapshot.objects[*o] else {
                return None;
            };
            layout_base(snapshot, cls.bases.as_slice())
        }
        ClassRef::Builtin(n) => {
            let i = builtin_exception_index(n)?;
            BUILTIN_EXCEPTIONS[i]
                .1
                .map(|p| ClassRef::Builtin(p.to_string()))
        }
    }
}

/// The base that gives a class its layout: the first base that is not a mixin.
fn layout_base(snapshot: &Snapshot, bases: &[ObjId]) -> Option<ClassRef> {
    for &b in bases {
        match &snapshot.objects[b] {
            Obj::Class(_) if is_mixin(snapshot, b) => continue,
            Obj::Class(_) => return Some(ClassRef::User(b)),
            Obj::Builtin { qualname } => {
                let n = qualname.strip_prefix("builtins.")?;
                builtin_exception_index(n)?;
                return Some(ClassRef::Builtin(n.to_string()));
            }
            _ => {}
        }
    }
    None
}

/// RPython-style mixins (`_mixin_ = True`) contribute methods, not layout.
pub fn is_mixin(snapshot: &Snapshot, c: ObjId) -> bool {
    let Obj::Class(cls) = &snapshot.objects[c] else {
        return false;
    };
    cls.attrs
        .iter()
        .any(|(n, v)| n == "_mixin_" && matches!(snapshot.objects[*v], Obj::Bool { value: true }))
}

/// The chain from a class up to its root, the class first.
pub fn ancestors(snapshot: &Snapshot, c: &ClassRef) -> Vec<ClassRef> {
    let mut out = vec![c.clone()];
    while let Some(p) = parent_of(snapshot, out.last().expect("non-empty")) {
        if out.contains(&p) {
            break;
        }
        out.push(p);
    }
    out
}

pub fn is_subclass(snapshot: &Snapshot, c: &ClassRef, of: &ClassRef) -> bool {
    ancestors(snapshot, c).contains(of)
}

/// The most derived class both derive from.
pub fn common_base(snapshot: &Snapshot, a: &ClassRef, b: &ClassRef) -> Option<ClassRef> {
    let chain = ancestors(snapshot, a);
    ancestors(snapshot, b)
        .into_iter()
        .find(|c| chain.contains(c))
}

/// Python's method resolution order of a user class (C3 linearisation), user classes only.
pub fn mro(snapshot: &Snapshot, c: ObjId) -> Vec<ObjId> {
    fn merge(mut seqs: Vec<Vec<ObjId>>) -> Vec<ObjId> {
        let mut out = vec![];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return out;
            }
            let head = seqs
                .iter()
                .map(|s| s[0])
                .find(|h| seqs.iter().all(|s| !s[1..].contains(h)));
            let Some(h) = head else {
                // Inconsistent hierarchy (CPython would have refused it): first heads.
                let h = seqs[0][0];
                out.push(h);
                seqs.iter_mut().for_each(|s| s.retain(|x| *x != h));
                continue;
            };
            out.push(h);
            seqs.iter_mut().for_each(|s| s.retain(|x| *x != h));
        }
    }
    let Obj::Class(cls) = &snapshot.objects[c] else {
        return vec![];
    };
    let bases: Vec<ObjId> = cls
        .bases
        .iter()
        .copied()
        .filter(|b| matches!(snapshot.objects[*b], Obj::Class(_)))
        .collect();
    let mut seqs: Vec<Vec<ObjId>> = bases.iter().map(|&b| mro(snapshot, b)).collect();
    seqs.push(bases);
    let mut out = vec![c];
    out.extend(merge(seqs));
    out
}

/// A class attribute (method, constant...) found along the MRO: (defining class, value).
pub fn lookup(snapshot: &Snapshot, c: ObjId, name: &str) -> Option<(ObjId, ObjId)> {
    for k in mro(snapshot, c) {
        if let Obj::Class(cls) = &snapshot.objects[k] {
            if let Some((_, v)) = cls.attrs.iter().find(|(n, _)| n == name) {
                return Some((k, *v));
            }
        }
    }
    None
}

/// Whether a user class derives from a builtin exception.
pub fn is_exception(snapshot: &Snapshot, c: &ClassRef) -> bool {
    ancestors(snapshot, c)
        .iter()
        .any(|a| matches!(a, ClassRef::Builtin(_)))
}

pub fn class_name(snapshot: &Snapshot, c: &ClassRef) -> String {
    match c {
        ClassRef::Builtin(n) => n.clone(),
        ClassRef::User(o) => match &snapshot.objects[*o] {
            Obj::Class(cls) => cls.name.clone(),
            _ => o.to_string(),
        },
    }
}

/// An instance field: its annotation and where its type was first set.
#[derive(Clone, Debug)]
pub struct Field {
    pub ann: Ann,
    pub origin: Option<Span>,
}

/// Instance fields by owning class, and the direct subclasses of each user class.
#[derive(Default, Debug)]
pub struct ClassDefs {
    /// Fields owned by each class, in the order they were first seen.
    pub fields: HashMap<ObjId, Vec<(String, Field)>>,
    pub children: HashMap<ObjId, Vec<ObjId>>,
    /// Blocks that read attributes: re-flowed when any field changes (coarse, simple).
    pub readers: Vec<(u32, u32)>,
    /// Classes that are instantiated somewhere.
    pub instantiated: Vec<ObjId>,
    /// Fields moved up by [`ClassDefs::locate`] whose types the caller must join in.
    pub pending_hoists: Vec<(ObjId, String, Field)>,
}

impl ClassDefs {
    pub fn new(snapshot: &Snapshot) -> Self {
        let mut defs = ClassDefs::default();
        for (o, obj) in snapshot.objects.iter() {
            if let Obj::Class(_) = obj {
                if let Some(ClassRef::User(p)) = parent_of(snapshot, &ClassRef::User(o)) {
                    defs.children.entry(p).or_default().push(o);
                }
            }
        }
        defs
    }

    /// The class and all user classes below it.
    pub fn subtree(&self, c: ObjId) -> Vec<ObjId> {
        let mut out = vec![c];
        let mut i = 0;
        while i < out.len() {
            if let Some(ch) = self.children.get(&out[i]) {
                out.extend(ch.iter().copied());
            }
            i += 1;
        }
        out
    }

    /// Where field `name` of instances of `c` lives, hoisting it from subclasses to `c`
    /// when they own it and `c` does not. `None` when no class has it.
    pub fn locate(&mut self, snapshot: &Snapshot, c: ObjId, name: &str) -> Option<ObjId> {
        for a in ancestors(snapshot, &ClassRef::User(c)) {
            if let ClassRef::User(a) = a {
                if self
                    .fields
                    .get(&a)
                    .is_some_and(|fs| fs.iter().any(|(n, _)| n == name))
                {
                    return Some(a);
                }
            }
        }
        let below: Vec<ObjId> = self.subtree(c)[1..]
            .iter()
            .copied()
            .filter(|d| {
                self.fields
                    .get(d)
                    .is_some_and(|fs| fs.iter().any(|(n, _)| n == name))
            })
            .collect();
        if below.is_empty() {
            return None;
        }
        // Hoist: the subclasses' fields become one field of `c` (types joined by caller).
        let mut moved: Vec<Field> = vec![];
        for d in below {
            let fs = self.fields.get_mut(&d).expect("filtered above");
            let i = fs
                .iter()
                .position(|(n, _)| n == name)
                .expect("filtered above");
            moved.push(fs.remove(i).1);
        }
        let first = moved.remove(0);
        self.fields
            .entry(c)
            .or_default()
            .push((name.to_string(), first));
        self.pending_hoists
            .extend(moved.into_iter().map(|f| (c, name.to_string(), f)));
        Some(c)
    }

    /// Where field `name` of instances of `c` lives ([`ClassDefs::locate`]); a field not
    /// seen anywhere yet becomes a field of `c`, typed when a write reaches it.
    pub fn locate_or_add(&mut self, snapshot: &Snapshot, c: ObjId, name: &str) -> ObjId {
        if let Some(o) = self.locate(snapshot, c, name) {
            return o;
        }
        let f = Field {
            ann: Ann::Impossible,
            origin: None,
        };
        self.fields
            .entry(c)
            .or_default()
            .push((name.to_string(), f));
        c
    }

    /// The attributes an instance of `c` has, for error messages: the fields with a
    /// type owned by `c`, its bases or its subclasses, then the methods and class
    /// attributes along its MRO (no `__dunder__` names).
    pub fn attribute_names(&self, snapshot: &Snapshot, c: ObjId) -> Vec<String> {
        let mut out: Vec<String> = vec![];
        let mut owners = mro(snapshot, c);
        owners.extend(self.subtree(c));
        for k in &owners {
            for (n, f) in self.fields.get(k).into_iter().flatten() {
                if f.ann != Ann::Impossible && !out.contains(n) {
                    out.push(n.clone());
                }
            }
        }
        for k in mro(snapshot, c) {
            if let Obj::Class(cls) = &snapshot.objects[k] {
                for (n, _) in &cls.attrs {
                    if !(n.starts_with("__") && n.ends_with("__")) && !out.contains(n) {
                        out.push(n.clone());
                    }
                }
            }
        }
        out
    }

    pub fn field(&self, owner: ObjId, name: &str) -> Option<&Field> {
        self.fields
            .get(&owner)?
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f)
    }

    pub fn field_mut(&mut self, owner: ObjId, name: &str) -> Option<&mut Field> {
        self.fields
            .get_mut(&owner)?
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f)
    }
}

/// What `_immutable_ = True` and `_immutable_fields_` say of a field.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Immutability {
    Mutable,
    /// Assigned only in `__init__` (`"x"`, or any field of an `_immutable_` class).
    Field,
    /// `"lst[*]"`: the field, and the items of the list it holds.
    FieldAndItems,
    /// `"x?"`: rarely changes (the JIT may not fold it without invalidation).
    QuasiImmutable,
}

/// How field `name` of class `c` is declared, by `c` or a base, and the declaring class.
pub fn immutability(snapshot: &Snapshot, c: ObjId, name: &str) -> (Immutability, Option<ObjId>) {
    for k in mro(snapshot, c) {
        let Obj::Class(cls) = &snapshot.objects[k] else {
            continue;
        };
        for (n, v) in &cls.attrs {
            match (n.as_str(), &snapshot.objects[*v]) {
                ("_immutable_", Obj::Bool { value: true }) => {
                    return (Immutability::Field, Some(k));
                }
                ("_immutable_fields_", Obj::List { items } | Obj::Tuple { items }) => {
                    for i in items {
                        let Obj::Str { value } = &snapshot.objects[*i] else {
                            continue;
                        };
                        let v = value.trim();
                        let found = if v.strip_suffix("[*]") == Some(name) {
                            Immutability::FieldAndItems
                        } else if v.strip_suffix('?') == Some(name)
                            || v.strip_suffix("[*]?") == Some(name)
                        {
                            Immutability::QuasiImmutable
                        } else if v == name {
                            Immutability::Field
                        } else {
                            continue;
                        };
                        return (found, Some(k));
                    }
                }
                _ => {}
            }
        }
    }
    (Immutability::Mutable, None)
}
