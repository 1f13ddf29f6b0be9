//! The annotation lattice: what the annotator knows about a value.
//!
//! As RPython's `SomeValue`s: `Impossible` is bottom; [`union`] joins two annotations or
//! fails with a [`UnionConflict`] naming both sides (the caller attaches provenance).
//! Unlike RPython, int ∪ float is an error, not a float: CPython prints `1` for an int and
//! `1.0` for a float, so widening would change output silently.

use cranelift_entity::entity_impl;
use frontend::entities::ObjId;
use std::fmt;

/// A list definition: every list value made at one site, or unified with it, shares one
/// item annotation (RPython's ListDef).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListDefId(u32);
entity_impl!(ListDefId, "list");

/// A dict definition: every dict (or set) made at one site, or unified with it, shares
/// one key and one value annotation (RPython's DictDef; see `dictdef.rs`).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DictDefId(u32);
entity_impl!(DictDefId, "dict");

/// What a dict view or iterator yields: keys, values, `(key, value)` tuples, or the
/// items of a set.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
    SetItems,
}

/// A prebuilt callable or namespace that a value is known to be.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Desc {
    Function(ObjId),
    Builtin(String),
    Module(ObjId),
    Class(ObjId),
    /// An instance of a library class made at import time (a `JitDriver`...).
    LibObject(ObjId),
}

impl fmt::Display for Desc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Desc::Function(o) => write!(f, "the function `{}`", object_name(*o)),
            Desc::Builtin(q) => write!(f, "{}", q.strip_prefix("builtins.").unwrap_or(q)),
            Desc::Module(o) => write!(f, "the module `{}`", object_name(*o)),
            Desc::Class(o) => write!(f, "the class `{}`", object_name(*o)),
            Desc::LibObject(o) => write!(f, "library object {o}"),
        }
    }
}

/// The name of a prebuilt class, function or module, for messages.
fn object_name(o: ObjId) -> String {
    CLASS_NAMER.with(|f| f.borrow().as_ref().map_or(o.to_string(), |f| f(o)))
}

/// A class of exception instances: a builtin exception by name (user classes later).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum ClassRef {
    Builtin(String),
    User(ObjId),
}

#[derive(Clone, PartialEq, Debug)]
pub enum Ann {
    /// No value ever reaches here (yet).
    Impossible,
    None,
    /// A bool, with its value when known at translation time.
    Bool(Option<bool>),
    Int,
    Float,
    Str {
        nullable: bool,
    },
    List {
        def: ListDefId,
        nullable: bool,
    },
    Tuple(Vec<Ann>),
    /// A dict; a set is a dict whose values are unused.
    Dict {
        def: DictDefId,
        nullable: bool,
    },
    Set {
        def: DictDefId,
        nullable: bool,
    },
    /// `d.keys()`, `d.values()`, `d.items()`.
    DictView {
        def: DictDefId,
        part: DictPart,
    },
    /// An iterator over a dict, a set (`Keys`) or a view.
    DictIter {
        def: DictDefId,
        part: DictPart,
    },
    /// A `range(...)` object.
    Range,
    RangeIter,
    ListIter(ListDefId),
    StrIter,
    /// An `rpy.rstring.StringBuilder` instance.
    StrBuilder,
    /// A text file opened for reading by `open(path)`.
    File,
    /// A known prebuilt object (function, builtin, module, class).
    Const(Desc),
    /// A method bound to a receiver, e.g. `lst.append`.
    BoundMethod {
        receiver: Box<Ann>,
        name: String,
    },
    /// An instance of (a subclass of) the class, or None when nullable.
    Instance {
        class: ClassRef,
        nullable: bool,
    },
    /// An int, float or bool that may be None.
    Optional(Box<Ann>),
    /// One of several known functions (a function pointer at run time).
    Funcs(Vec<ObjId>),
    /// `super()` inside a method of `class`, bound to the method's receiver.
    Super {
        class: ObjId,
        receiver: Box<Ann>,
    },
    /// A function bound statically to a receiver (`super().f`); `None` is the builtin
    /// `BaseException.__init__`.
    BoundFunc {
        receiver: Box<Ann>,
        func: Option<ObjId>,
    },
}

impl Ann {
    pub fn is_int_like(&self) -> bool {
        matches!(self, Ann::Int | Ann::Bool(_))
    }
    pub fn is_numeric(&self) -> bool {
        matches!(self, Ann::Int | Ann::Bool(_) | Ann::Float)
    }
    /// The value's annotation once known not to be None (`Optional(int)` → int).
    pub fn unwrap_optional(&self) -> Ann {
        match self {
            Ann::Optional(x) => (**x).clone(),
            other => other.clone(),
        }
    }

    pub fn const_bool(&self) -> Option<bool> {
        match self {
            Ann::Bool(b) => *b,
            Ann::None => Some(false),
            _ => None,
        }
    }
    /// A short name for messages: "int", "str", "list of int"...
    pub fn describe(&self, item: &dyn Fn(ListDefId) -> Ann) -> String {
        match self {
            Ann::Impossible => "nothing".into(),
            Ann::None => "None".into(),
            Ann::Bool(_) => "bool".into(),
            Ann::Int => "int".into(),
            Ann::Float => "float".into(),
            Ann::Str { nullable: false } => "str".into(),
            Ann::Str { nullable: true } => "str or None".into(),
            Ann::List { def, nullable } => {
                let it = item(*def);
                let s = match it {
                    Ann::Impossible => "list".to_string(),
                    it => format!("list of {}", it.describe(item)),
                };
                if *nullable {
                    format!("{s} or None")
                } else {
                    s
                }
            }
            Ann::Tuple(items) if matches!(items.first(), Some(Ann::Funcs(_))) => {
                let Ann::Funcs(fs) = &items[0] else {
                    unreachable!("matched above")
                };
                let names: Vec<String> = fs
                    .iter()
                    .map(|f| format!("`{}`", object_name(*f)))
                    .collect();
                format!("closure {}", names.join(" or "))
            }
            Ann::Tuple(items) => {
                format!(
                    "tuple ({})",
                    items
                        .iter()
                        .map(|a| a.describe(item))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            Ann::Dict { nullable, .. } | Ann::Set { nullable, .. } => {
                let s = if matches!(self, Ann::Set { .. }) {
                    "set"
                } else {
                    "dict"
                };
                if *nullable {
                    format!("{s} or None")
                } else {
                    s.into()
                }
            }
            Ann::DictView { .. } => "dict view".into(),
            Ann::DictIter { .. } => "dict iterator".into(),
            Ann::Range => "range".into(),
            Ann::RangeIter => "range iterator".into(),
            Ann::ListIter(_) => "list iterator".into(),
            Ann::StrIter => "str iterator".into(),
            Ann::StrBuilder => "StringBuilder".into(),
            Ann::File => "file".into(),
            Ann::Const(d) => d.to_string(),
            Ann::Funcs(fs) => format!("one of {} functions", fs.len()),
            Ann::Optional(x) => format!("{} or None", x.describe(item)),
            Ann::BoundMethod { name, .. } => format!("bound method {name}"),
            Ann::Instance { class, nullable } => {
                let n = match class {
                    ClassRef::Builtin(n) => n.clone(),
                    ClassRef::User(o) => {
                        CLASS_NAMER.with(|f| f.borrow().as_ref().map_or(o.to_string(), |f| f(*o)))
                    }
                };
                if *nullable {
                    format!("{n} instance or None")
                } else {
                    format!("{n} instance")
                }
            }
            Ann::Super { .. } => "super()".into(),
            Ann::BoundFunc { .. } => "bound method".into(),
        }
    }
}

/// Two annotations that cannot be joined.
#[derive(Debug)]
pub struct UnionConflict;

/// The outcome of joining two annotations: the result, and list definitions that must
/// be unified because two lists met.
/// What joining needs from the annotator: list unification and the class hierarchy.
pub trait UnionCtx {
    fn unify_lists(&mut self, a: ListDefId, b: ListDefId);
    fn unify_dicts(&mut self, a: DictDefId, b: DictDefId);
    fn common_base(&self, a: &ClassRef, b: &ClassRef) -> Option<ClassRef>;
}

pub fn union(a: &Ann, b: &Ann, ctx: &mut dyn UnionCtx) -> Result<Ann, UnionConflict> {
    use Ann::*;
    Ok(match (a, b) {
        (Impossible, x) | (x, Impossible) => x.clone(),
        (None, None) => None,
        (Bool(x), Bool(y)) => Bool(if x == y { *x } else { Option::None }),
        (Int, Int) | (Int, Bool(_)) | (Bool(_), Int) => Int,
        (Float, Float) => Float,
        (Str { nullable: x }, Str { nullable: y }) => Str { nullable: *x || *y },
        (Str { .. }, None) | (None, Str { .. }) => Str { nullable: true },
        // An int, float or bool that may be None: boxed at run time.
        (Optional(x), None) | (None, Optional(x)) => Optional(x.clone()),
        (Optional(x), Optional(y)) => Optional(Box::new(union(x, y, ctx)?)),
        (Optional(x), y) | (y, Optional(x)) if y.is_numeric() => {
            Optional(Box::new(union(x, y, ctx)?))
        }
        (x, None) | (None, x) if x.is_numeric() => Optional(Box::new(match x {
            Bool(_) => Bool(Option::None),
            other => other.clone(),
        })),
        (
            List {
                def: d1,
                nullable: n1,
            },
            List {
                def: d2,
                nullable: n2,
            },
        ) => {
            ctx.unify_lists(*d1, *d2);
            List {
                def: *d1,
                nullable: *n1 || *n2,
            }
        }
        (List { def, .. }, None) | (None, List { def, .. }) => List {
            def: *def,
            nullable: true,
        },
        (Tuple(x), Tuple(y)) if x.len() == y.len() => {
            let mut items = Vec::new();
            for (p, q) in x.iter().zip(y) {
                items.push(union(p, q, ctx)?);
            }
            Tuple(items)
        }
        (
            Dict {
                def: d1,
                nullable: n1,
            },
            Dict {
                def: d2,
                nullable: n2,
            },
        ) => {
            ctx.unify_dicts(*d1, *d2);
            Dict {
                def: *d1,
                nullable: *n1 || *n2,
            }
        }
        (
            Set {
                def: d1,
                nullable: n1,
            },
            Set {
                def: d2,
                nullable: n2,
            },
        ) => {
            ctx.unify_dicts(*d1, *d2);
            Set {
                def: *d1,
                nullable: *n1 || *n2,
            }
        }
        (Dict { def, .. }, None) | (None, Dict { def, .. }) => Dict {
            def: *def,
            nullable: true,
        },
        (Set { def, .. }, None) | (None, Set { def, .. }) => Set {
            def: *def,
            nullable: true,
        },
        (DictView { def: d1, part: p1 }, DictView { def: d2, part: p2 }) if p1 == p2 => {
            ctx.unify_dicts(*d1, *d2);
            DictView {
                def: *d1,
                part: *p1,
            }
        }
        (DictIter { def: d1, part: p1 }, DictIter { def: d2, part: p2 }) if p1 == p2 => {
            ctx.unify_dicts(*d1, *d2);
            DictIter {
                def: *d1,
                part: *p1,
            }
        }
        (Range, Range) => Range,
        (RangeIter, RangeIter) => RangeIter,
        (StrIter, StrIter) => StrIter,
        (StrBuilder, StrBuilder) => StrBuilder,
        (File, File) => File,
        (ListIter(d1), ListIter(d2)) => {
            ctx.unify_lists(*d1, *d2);
            ListIter(*d1)
        }
        (Const(x), Const(y)) if x == y => Const(x.clone()),
        // Several functions in one variable, list or return value: a function pointer.
        (Const(Desc::Function(f)), Const(Desc::Function(g))) => Funcs(sorted_set(&[*f, *g])),
        (Funcs(fs), Const(Desc::Function(g))) | (Const(Desc::Function(g)), Funcs(fs)) => {
            let mut all = fs.clone();
            all.push(*g);
            Funcs(sorted_set(&all))
        }
        (Funcs(a), Funcs(b)) => {
            let mut all = a.clone();
            all.extend(b.iter().copied());
            Funcs(sorted_set(&all))
        }
        (
            BoundMethod {
                receiver: r1,
                name: n1,
            },
            BoundMethod {
                receiver: r2,
                name: n2,
            },
        ) if n1 == n2 => BoundMethod {
            receiver: Box::new(union(r1, r2, ctx)?),
            name: n1.clone(),
        },
        (
            Instance {
                class: c1,
                nullable: n1,
            },
            Instance {
                class: c2,
                nullable: n2,
            },
        ) => {
            // Instances of different classes join at their common base.
            let class = ctx.common_base(c1, c2).ok_or(UnionConflict)?;
            Instance {
                class,
                nullable: *n1 || *n2,
            }
        }
        (Instance { class, .. }, None) | (None, Instance { class, .. }) => Instance {
            class: class.clone(),
            nullable: true,
        },
        (
            Super {
                class: c1,
                receiver: r1,
            },
            Super {
                class: c2,
                receiver: r2,
            },
        ) if c1 == c2 => Super {
            class: *c1,
            receiver: Box::new(union(r1, r2, ctx)?),
        },
        (
            BoundFunc {
                receiver: r1,
                func: f1,
            },
            BoundFunc {
                receiver: r2,
                func: f2,
            },
        ) if f1 == f2 => BoundFunc {
            receiver: Box::new(union(r1, r2, ctx)?),
            func: *f1,
        },
        _ => return Err(UnionConflict),
    })
}

thread_local! {
    /// Names user classes in messages (set by the annotator for the snapshot it reads).
    pub static CLASS_NAMER: std::cell::RefCell<Option<Box<dyn Fn(ObjId) -> String>>> =
        std::cell::RefCell::new(None);
}

/// A [`UnionCtx`] that collects the list pairs to unify once the join is done.
pub struct Collect<'s> {
    pub snapshot: &'s frontend::prebuilt::Snapshot,
    pub lists: Vec<(ListDefId, ListDefId)>,
    pub dicts: Vec<(DictDefId, DictDefId)>,
}

impl<'s> Collect<'s> {
    pub fn new(snapshot: &'s frontend::prebuilt::Snapshot) -> Self {
        Collect {
            snapshot,
            lists: vec![],
            dicts: vec![],
        }
    }
}

impl UnionCtx for Collect<'_> {
    fn unify_lists(&mut self, a: ListDefId, b: ListDefId) {
        self.lists.push((a, b));
    }
    fn unify_dicts(&mut self, a: DictDefId, b: DictDefId) {
        self.dicts.push((a, b));
    }
    fn common_base(&self, a: &ClassRef, b: &ClassRef) -> Option<ClassRef> {
        crate::classdef::common_base(self.snapshot, a, b)
    }
}

fn sorted_set(xs: &[ObjId]) -> Vec<ObjId> {
    let mut v = xs.to_vec();
    v.sort();
    v.dedup();
    v
}
