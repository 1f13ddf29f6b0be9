//! Dict definitions: a union-find over dict and set creation sites (displays, `dict()`,
//! `set()`, comprehensions, prebuilt dicts), each class sharing one key and one value
//! annotation, plus the blocks that read them (re-flowed when either widens), as
//! RPython's DictDef. A set is a dict whose value annotation stays `Impossible`.
//!
//! Keys must be hashable: ints, bools, floats, strs (or None), tuples of hashable items,
//! and instances — by identity, or through `__eq__`/`__hash__` when their class
//! defines them ([`custom_instance`]); such methods are annotated at every site that
//! uses a key ([`Annotator::use_key`]), so the rtyper can call them.

use crate::classdef;
use crate::driver::{obj_const, Annotator};
use crate::model::{union, Ann, ClassRef, Collect, DictDefId, ListDefId};
use cranelift_entity::{EntityRef, PrimaryMap};
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, ObjId};
use frontend::ops::Const;
use frontend::prebuilt::{Obj, Snapshot};
use frontend::source::Span;
use rpyrt::abi::KeyKind;
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct DictDefData {
    parent: Option<DictDefId>,
    pub key: Ann,
    pub value: Ann,
    /// Where the key and value types were first set (for messages).
    pub key_origin: Option<Span>,
    pub value_origin: Option<Span>,
    /// Blocks (graph index, block index) that depend on the key or value type.
    pub readers: Vec<(u32, u32)>,
}

#[derive(Default, Debug)]
pub struct DictDefs {
    defs: PrimaryMap<DictDefId, DictDefData>,
}

impl DictDefs {
    pub fn new_def(&mut self) -> DictDefId {
        self.defs.push(DictDefData {
            parent: None,
            key: Ann::Impossible,
            value: Ann::Impossible,
            key_origin: None,
            value_origin: None,
            readers: vec![],
        })
    }

    pub fn find(&self, mut d: DictDefId) -> DictDefId {
        while let Some(p) = self.defs[d].parent {
            d = p;
        }
        d
    }

    pub fn get(&self, d: DictDefId) -> &DictDefData {
        &self.defs[self.find(d)]
    }

    fn get_mut(&mut self, d: DictDefId) -> &mut DictDefData {
        let r = self.find(d);
        &mut self.defs[r]
    }

    pub fn key(&self, d: DictDefId) -> Ann {
        self.get(d).key.clone()
    }

    pub fn value(&self, d: DictDefId) -> Ann {
        self.get(d).value.clone()
    }
}

/// Everything the annotator records about dicts and sets.
#[derive(Default, Debug)]
pub struct DictState {
    pub defs: DictDefs,
    /// The definition made at each creation site (graph, span of the operation).
    pub sites: HashMap<(GraphId, Span), DictDefId>,
    /// Lists standing for dict-ish arguments of builtins over iterables (`list(d)`,
    /// `sorted(s)`), by call site and argument position.
    pub list_sites: HashMap<(GraphId, Span, usize), ListDefId>,
    /// Prebuilt dicts and sets (snapshot objects) and their definitions.
    pub prebuilt: HashMap<ObjId, DictDefId>,
}

/// The key or the value of a dict definition.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Slot {
    Key,
    Value,
}

/// Whether instances of `c` (or of a subclass) compare or hash through user methods.
pub fn custom_instance(snapshot: &Snapshot, classdefs: &classdef::ClassDefs, c: ObjId) -> bool {
    classdefs.subtree(c).into_iter().any(|k| {
        ["__eq__", "__hash__"].iter().any(|m| {
            matches!(classdef::lookup(snapshot, k, m), Some((_, v)) if matches!(snapshot.objects[v], Obj::Function(_)))
        })
    })
}

/// How the runtime table treats keys of this annotation.
pub fn key_kind(snapshot: &Snapshot, classdefs: &classdef::ClassDefs, key: &Ann) -> KeyKind {
    match key {
        Ann::Float => KeyKind::Float,
        Ann::Str { .. } => KeyKind::Str,
        Ann::Tuple(_) => KeyKind::Custom,
        Ann::Instance {
            class: ClassRef::User(c),
            ..
        } if custom_instance(snapshot, classdefs, *c) => KeyKind::Custom,
        Ann::Instance { .. } => KeyKind::Ident,
        _ => KeyKind::Int,
    }
}

/// A description for messages, with the key and value types of dicts.
pub fn describe(a: &Annotator, x: &Ann) -> String {
    describe_at(a, x, 0)
}

fn describe_at(a: &Annotator, x: &Ann, depth: u32) -> String {
    // A dict may hold itself: its description stops somewhere.
    if depth > 4 {
        return "...".into();
    }
    let describe = |a: &Annotator, x: &Ann| describe_at(a, x, depth + 1);
    let defs = &a.p.dicts.defs;
    let or_none = |s: String, n: bool| if n { format!("{s} or None") } else { s };
    match x {
        Ann::Dict { def, nullable } => {
            let (k, v) = (defs.key(*def), defs.value(*def));
            let s = if k == Ann::Impossible && v == Ann::Impossible {
                "dict".to_string()
            } else {
                format!("dict of {} to {}", describe(a, &k), describe(a, &v))
            };
            or_none(s, *nullable)
        }
        Ann::Set { def, nullable } => {
            let k = defs.key(*def);
            let s = if k == Ann::Impossible {
                "set".to_string()
            } else {
                format!("set of {}", describe(a, &k))
            };
            or_none(s, *nullable)
        }
        Ann::List { def, nullable } => match a.p.listdefs.item(*def) {
            Ann::Impossible => or_none("list".into(), *nullable),
            it => or_none(format!("list of {}", describe(a, &it)), *nullable),
        },
        Ann::Tuple(items) if !matches!(items.first(), Some(Ann::Funcs(_))) => format!(
            "tuple ({})",
            items
                .iter()
                .map(|i| describe(a, i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => x.describe(&|d| a.p.listdefs.item(d)),
    }
}

/// Gives a prebuilt dict or set (a constant) its definition, joining its items in.
pub fn register_prebuilt(a: &mut Annotator, c: &Const) {
    let Const::Obj(o) = c else { return };
    let items: Vec<(ObjId, Option<ObjId>)> = match &a.snapshot.objects[*o] {
        Obj::Dict { items } => items.iter().map(|&(k, v)| (k, Some(v))).collect(),
        Obj::Set { items } => items.iter().map(|&k| (k, None)).collect(),
        _ => return,
    };
    if a.p.dicts.prebuilt.contains_key(o) {
        return;
    }
    let def = a.p.dicts.defs.new_def();
    a.p.dicts.prebuilt.insert(*o, def);
    let span = a.p.graphs[a.current.0].span;
    for (k, v) in items {
        let ka = a.const_ann(&obj_const(a.snapshot, k));
        if let Err(d) = a.use_key(def, &ka, span) {
            a.report(d);
        }
        if let Some(v) = v {
            let va = a.const_ann(&obj_const(a.snapshot, v));
            if let Err(d) = a.generalize_dict(def, Slot::Value, &va, span) {
                a.report(d);
            }
        }
    }
}

fn unhashable(what: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        "E0271",
        format!("unhashable type: '{what}' cannot be a dict key or set item"),
        Some(span),
    )
    .help("use an int, str, float, tuple or instance as the key")
}

impl Annotator<'_> {
    /// Registers the current block as depending on the key and value types of `d`.
    pub fn read_dict(&mut self, d: DictDefId) -> (Ann, Ann) {
        let (g, b) = self.current;
        let r = (g.index() as u32, b.index() as u32);
        let data = self.p.dicts.defs.get_mut(d);
        if !data.readers.contains(&r) {
            data.readers.push(r);
        }
        (data.key.clone(), data.value.clone())
    }

    /// The definition made at a creation site (the same one every time it is flowed).
    pub fn dict_site(&mut self, span: Span) -> DictDefId {
        let key = (self.current.0, span);
        if let Some(&d) = self.p.dicts.sites.get(&key) {
            return d;
        }
        let d = self.p.dicts.defs.new_def();
        self.p.dicts.sites.insert(key, d);
        d
    }

    /// Joins `ann` into the key or value type of `d`.
    pub fn generalize_dict(
        &mut self,
        d: DictDefId,
        slot: Slot,
        ann: &Ann,
        origin: Span,
    ) -> Result<(), Diagnostic> {
        if slot == Slot::Key {
            self.check_hashable(ann, origin)?;
        }
        let data = self.p.dicts.defs.get(d);
        let (old, old_origin) = match slot {
            Slot::Key => (data.key.clone(), data.key_origin),
            Slot::Value => (data.value.clone(), data.value_origin),
        };
        let mut ctx = Collect::new(self.snapshot);
        let new = match union(&old, ann, &mut ctx) {
            Ok(n) => n,
            Err(_) => {
                let what = if slot == Slot::Key { "keys" } else { "values" };
                let diag = self.conflict(
                    "E0270",
                    &format!("the dict's {what}"),
                    (&old, old_origin),
                    (ann, origin),
                );
                return Err(diag.help(format!(
                    "all {what} of a dict (or items of a set) must have one type"
                )));
            }
        };
        if new != old {
            let data = self.p.dicts.defs.get_mut(d);
            match slot {
                Slot::Key => {
                    data.key = new;
                    data.key_origin.get_or_insert(origin);
                }
                Slot::Value => {
                    data.value = new;
                    data.value_origin.get_or_insert(origin);
                }
            }
            for r in data.readers.clone() {
                self.schedule_reader(r);
            }
        }
        for (x, y) in ctx.lists {
            self.unify_lists(x, y, origin);
        }
        for (x, y) in ctx.dicts {
            self.unify_dicts(x, y, origin);
        }
        Ok(())
    }

    /// Merges two dict definitions (two dicts met in one variable, list or dict).
    pub fn unify_dicts(&mut self, x: DictDefId, y: DictDefId, origin: Span) {
        let defs = &mut self.p.dicts.defs;
        let (rx, ry) = (defs.find(x), defs.find(y));
        if rx == ry {
            return;
        }
        let moved = defs.defs[ry].clone();
        defs.defs[ry].parent = Some(rx);
        defs.defs[ry].readers.clear();
        for r in moved.readers {
            if !defs.defs[rx].readers.contains(&r) {
                defs.defs[rx].readers.push(r);
            }
        }
        for r in defs.defs[rx].readers.clone() {
            self.schedule_reader(r);
        }
        for (slot, ann, o) in [
            (Slot::Key, moved.key, moved.key_origin),
            (Slot::Value, moved.value, moved.value_origin),
        ] {
            if let Err(d) = self.generalize_dict(rx, slot, &ann, o.unwrap_or(origin)) {
                self.report(d);
            }
        }
    }

    /// Unifies the dict definitions that list joins met.
    pub fn flush_pending_dicts(&mut self, origin: Span) {
        for (x, y) in std::mem::take(&mut self.p.listdefs.pending_dicts) {
            self.unify_dicts(x, y, origin);
        }
    }

    fn check_hashable(&mut self, ann: &Ann, span: Span) -> Result<(), Diagnostic> {
        match ann {
            Ann::Impossible
            | Ann::None
            | Ann::Bool(_)
            | Ann::Int
            | Ann::Float
            | Ann::Str { .. } => Ok(()),
            Ann::Tuple(items) => items.iter().try_for_each(|i| self.check_hashable(i, span)),
            Ann::Instance {
                class: ClassRef::User(c),
                ..
            } => {
                for k in self.p.classdefs.subtree(*c) {
                    if let Some((_, v)) = classdef::lookup(self.snapshot, k, "__hash__") {
                        if matches!(self.snapshot.objects[v], Obj::None) {
                            let n = classdef::class_name(self.snapshot, &ClassRef::User(k));
                            return Err(unhashable(&n, span)
                                .note("a class that defines `__eq__` without `__hash__` is unhashable in Python 3")
                                .help(format!("define `__hash__` in `{n}`")));
                        }
                    }
                }
                if custom_instance(self.snapshot, &self.p.classdefs, *c) {
                    let n = classdef::class_name(self.snapshot, &ClassRef::User(*c));
                    for m in ["__eq__", "__hash__"] {
                        if classdef::lookup(self.snapshot, *c, m).is_none() {
                            return Err(Diagnostic::new(
                                "E0272",
                                format!("`{n}` keys: a subclass defines `{m}` but `{n}` does not"),
                                Some(span),
                            )
                            .help(format!("define `__eq__` and `__hash__` in `{n}` itself")));
                        }
                    }
                }
                Ok(())
            }
            Ann::Instance { .. } => Ok(()),
            Ann::List { .. } => Err(unhashable("list", span)),
            Ann::Dict { .. } => Err(unhashable("dict", span)),
            Ann::Set { .. } => Err(unhashable("set", span)),
            other => {
                let d = describe(self, other);
                Err(Diagnostic::new(
                    "E0271",
                    format!("{d} cannot be a dict key or set item"),
                    Some(span),
                ))
            }
        }
    }

    /// Uses `ann` as a key of `d`: joins it into the key type, and annotates the
    /// `__hash__`, `__eq__` (and `__repr__`, for KeyError) methods the lookup calls.
    pub fn use_key(&mut self, d: DictDefId, ann: &Ann, span: Span) -> Result<Ann, Diagnostic> {
        self.generalize_dict(d, Slot::Key, ann, span)?;
        let (key, _) = self.read_dict(d);
        self.key_methods(&key, span)?;
        Ok(key)
    }

    fn key_methods(&mut self, key: &Ann, span: Span) -> Result<(), Diagnostic> {
        match key {
            Ann::Tuple(items) => items.iter().try_for_each(|i| self.key_methods(i, span)),
            Ann::Instance {
                class: ClassRef::User(c),
                nullable,
            } if custom_instance(self.snapshot, &self.p.classdefs, *c) => {
                let recv = Ann::Instance {
                    class: ClassRef::User(*c),
                    nullable: false,
                };
                let h = self.call_method(&recv, "__hash__", vec![], vec![], span)?;
                if !(h.is_int_like() || h == Ann::Impossible) {
                    return Err(Diagnostic::new(
                        "E0273",
                        "`__hash__` must return an int",
                        Some(span),
                    ));
                }
                // None keys never reach `__eq__`: the lookup compares them by identity.
                let _ = nullable;
                let other = recv.clone();
                let e = self.call_method(&recv, "__eq__", vec![(other, span)], vec![], span)?;
                if !matches!(e, Ann::Bool(_) | Ann::Impossible) {
                    return Err(Diagnostic::new(
                        "E0273",
                        "`__eq__` of a dict key must return a bool",
                        Some(span),
                    ));
                }
                if classdef::lookup(self.snapshot, *c, "__repr__").is_some() {
                    self.call_method(&recv, "__repr__", vec![], vec![], span)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
