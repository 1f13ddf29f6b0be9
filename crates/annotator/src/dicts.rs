//! Annotation of dicts and sets: displays, item access, `in`, iteration, comparisons,
//! set operators and methods. Builtins that take or make them (`len`, `dict()`, `set()`,
//! `list()`, `sorted()`, printing) are in `dict_builtins.rs`; definitions (key and value
//! types shared by creation sites) in `dictdef.rs`.
//!
//! Dicts and sets that may be None (`nullable`) only flow and compare with None; every
//! other operation needs a definite dict, as for lists.

use crate::dictdef::Slot;
use crate::driver::Annotator;
use crate::model::{union, Ann, Collect, DictDefId, DictPart};
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst};
use frontend::ops::FlowOp;
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;

pub use crate::dict_builtins::try_builtin;

/// Whether an annotation is a dict, a set, or a view or iterator of one.
pub fn is_dict(a: &Ann) -> bool {
    matches!(
        a,
        Ann::Dict { .. } | Ann::Set { .. } | Ann::DictView { .. } | Ann::DictIter { .. }
    )
}

const DICT_METHODS: &[&str] = &[
    "get",
    "setdefault",
    "pop",
    "popitem",
    "update",
    "copy",
    "clear",
    "keys",
    "values",
    "items",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "clear",
    "copy",
    "update",
    "union",
    "intersection",
    "difference",
    "issubset",
    "issuperset",
    "isdisjoint",
];

fn dict(def: DictDefId) -> Ann {
    Ann::Dict {
        def,
        nullable: false,
    }
}

fn set(def: DictDefId) -> Ann {
    Ann::Set {
        def,
        nullable: false,
    }
}

/// A value that may be None used where `use_` needs a `non_null` value (E0275): names
/// the variable and where it got its type.
pub fn may_be_none(
    a: &Annotator,
    g: frontend::entities::GraphId,
    v: frontend::entities::Value,
    non_null: &Ann,
    use_: &str,
    span: Span,
) -> Diagnostic {
    let want = crate::messages::with_article(&a.describe(non_null));
    // The receiver as written (`s` in `s.upper`), when the value has no name.
    let text = &a.sources.files[span.file].text;
    let written = text
        .get(span.start as usize..span.end as usize)
        .and_then(|t| t.rsplit_once('.'))
        .map(|(r, _)| r.trim())
        .filter(|r| !r.is_empty() && r.len() <= 40 && !r.contains('\n'));
    let subject = match (&a.p.graphs[g].values[v], written) {
        (frontend::graph::ValueData::Var { hint: Some(h) }, _) => format!("`{h}`"),
        (_, Some(r)) => format!("`{r}`"),
        _ => "this value".to_string(),
    };
    let mut d = Diagnostic::new(
        "E0275",
        format!("{subject} may be None here, where {want} is needed"),
        Some(span),
    )
    .label(format!("{subject} is {want} or None; {use_} needs {want}"));
    if let Some(o) = a
        .origin(g, v)
        .filter(|o| o.start < span.start || o.end > span.end)
    {
        d = d.with_secondary(o, format!("{subject} gets its type (with None) from here"));
    }
    d.note("rpy does not narrow a variable's type after an `is not None` test")
        .help("keep None out of this value: an empty str or list can stand for \"nothing\"")
}

pub fn maybe_none(a: &Annotator, what: &Ann, span: Span) -> Diagnostic {
    let shown = crate::dictdef::describe(a, what);
    Diagnostic::new(
        "E0275",
        format!(
            "this {} may be None here",
            shown.strip_suffix(" or None").unwrap_or(&shown)
        ),
        Some(span),
    )
    .note("rpy does not narrow a variable's type after an `is not None` test")
    .help("keep None out of this variable: an empty dict or set can stand for \"nothing\"")
}

/// What iterating over `x` yields, for a definite dict, set or view.
fn iter_part(x: &Ann) -> Option<(DictDefId, DictPart)> {
    match x {
        Ann::Dict {
            def,
            nullable: false,
        } => Some((*def, DictPart::Keys)),
        Ann::Set {
            def,
            nullable: false,
        } => Some((*def, DictPart::SetItems)),
        Ann::DictView { def, part } => Some((*def, *part)),
        _ => None,
    }
}

/// The annotation of what a dict iterator (or view) over `def` yields.
pub fn part_item(a: &mut Annotator, def: DictDefId, part: DictPart) -> Ann {
    let (k, v) = a.read_dict(def);
    match part {
        DictPart::Keys | DictPart::SetItems => k,
        DictPart::Values => v,
        DictPart::Items if k == Ann::Impossible || v == Ann::Impossible => Ann::Impossible,
        DictPart::Items => Ann::Tuple(vec![k, v]),
    }
}

/// `newdict` (displays) and `delitem` on what is not a dict.
pub fn annotate_op(a: &mut Annotator, g: GraphId, i: Inst, args: &[Ann], span: Span) -> R {
    let inst = a.p.graphs[g].insts[i].clone();
    match inst.op {
        FlowOp::NewDict => {
            let d = a.dict_site(span);
            for (k, pair) in args.chunks(2).enumerate() {
                let ks = a.origin(g, inst.args[2 * k]).unwrap_or(span);
                let vs = a.origin(g, inst.args[2 * k + 1]).unwrap_or(span);
                a.use_key(d, &pair[0], ks)?;
                a.generalize_dict(d, Slot::Value, &pair[1], vs)?;
            }
            Ok(dict(d))
        }
        _ => Err(
            crate::rules::unsupported(a, "delete items of", &args[0], span)
                .help("`del` works on dict items; for lists, rebuild the list"),
        ),
    }
}

/// Annotates operation `i` when a dict or set is its subject; `None` leaves it to the
/// generic rules (a dict passed to a call, stored in a list...).
pub fn try_annotate(a: &mut Annotator, g: GraphId, i: Inst, args: &[Ann], span: Span) -> Option<R> {
    let op = a.p.graphs[g].insts[i].op;
    use FlowOp::*;
    let first = args.first().is_some_and(is_dict);
    let any = args.iter().any(is_dict);
    Some(match op {
        GetItem | SetItem | DelItem | Contains | Iter | Next if first => {
            subject_op(a, g, i, op, args, span)
        }
        Bool | Not if first => Ok(Ann::Bool(None)),
        Eq | Ne | Lt | Le | Gt | Ge if any => compare(a, op, &args[0], &args[1], span),
        And | Or | Sub | Xor if any => set_operator(a, op, &args[0], &args[1], span),
        _ => return None,
    })
}

fn subject_op(a: &mut Annotator, g: GraphId, i: Inst, op: FlowOp, args: &[Ann], span: Span) -> R {
    use FlowOp::*;
    let x = &args[0];
    if matches!(
        x,
        Ann::Dict { nullable: true, .. } | Ann::Set { nullable: true, .. }
    ) {
        return Err(maybe_none(a, x, span));
    }
    let vals = a.p.graphs[g].insts[i].args.clone();
    let arg_span = |a: &Annotator, k: usize| a.origin(g, vals[k]).unwrap_or(span);
    match (op, x) {
        (GetItem, Ann::Dict { def, .. }) => {
            a.use_key(*def, &args[1], arg_span(a, 1))?;
            Ok(a.read_dict(*def).1)
        }
        (SetItem, Ann::Dict { def, .. }) => {
            a.use_key(*def, &args[1], arg_span(a, 1))?;
            a.generalize_dict(*def, Slot::Value, &args[2], arg_span(a, 2))?;
            Ok(Ann::None)
        }
        (DelItem, Ann::Dict { def, .. }) => {
            a.use_key(*def, &args[1], arg_span(a, 1))?;
            Ok(Ann::None)
        }
        (Contains, Ann::Dict { def, .. } | Ann::Set { def, .. })
        | (
            Contains,
            Ann::DictView {
                def,
                part: DictPart::Keys,
            },
        ) => {
            a.use_key(*def, &args[1], arg_span(a, 1))?;
            Ok(Ann::Bool(None))
        }
        (
            Contains,
            Ann::DictView {
                def,
                part: DictPart::Values,
            },
        ) => {
            let v = a.read_dict(*def).1;
            if crate::dict_builtins::eq_comparable(&v, &args[1]) {
                Ok(Ann::Bool(None))
            } else {
                Err(Diagnostic::new(
                    "E0223",
                    format!(
                        "cannot look for {} among values of type {}",
                        a.describe(&args[1]),
                        a.describe(&v)
                    ),
                    Some(span),
                ))
            }
        }
        (Iter, _) => match iter_part(x) {
            Some((def, part)) => Ok(Ann::DictIter { def, part }),
            None => Err(crate::rules::unsupported(a, "iterate over", x, span)),
        },
        (Next, Ann::DictIter { def, part }) => Ok(part_item(a, *def, *part)),
        (GetItem, Ann::Set { .. }) => {
            Err(
                Diagnostic::new("E0276", "'set' object is not subscriptable", Some(span))
                    .help("sets have no order or positions; test membership with `in`"),
            )
        }
        (SetItem | DelItem, Ann::Set { .. }) => Err(Diagnostic::new(
            "E0276",
            "'set' object does not support item assignment",
            Some(span),
        )
        .help("use `s.add(x)` and `s.discard(x)`")),
        _ => {
            let what = match op {
                Contains => "use `in` on",
                GetItem => "index",
                SetItem => "assign items of",
                DelItem => "delete items of",
                _ => "call next() on",
            };
            Err(crate::rules::unsupported(a, what, x, span))
        }
    }
}

/// `==`, `!=` between dicts (or sets); subset comparisons between sets.
fn compare(a: &mut Annotator, op: FlowOp, x: &Ann, y: &Ann, span: Span) -> R {
    let eq = matches!(op, FlowOp::Eq | FlowOp::Ne);
    let ok = match (x, y) {
        (Ann::Dict { def: d1, .. }, Ann::Dict { def: d2, .. }) if eq => {
            a.unify_dicts(*d1, *d2, span);
            true
        }
        (Ann::Set { def: d1, .. }, Ann::Set { def: d2, .. }) => {
            a.unify_dicts(*d1, *d2, span);
            true
        }
        (Ann::Dict { .. } | Ann::Set { .. }, Ann::None)
        | (Ann::None, Ann::Dict { .. } | Ann::Set { .. }) => eq,
        _ => false,
    };
    let nullable = matches!(
        (x, y),
        (
            Ann::Dict { nullable: true, .. } | Ann::Set { nullable: true, .. },
            _
        ) | (
            _,
            Ann::Dict { nullable: true, .. } | Ann::Set { nullable: true, .. }
        )
    );
    if ok && (eq || !nullable) {
        return Ok(Ann::Bool(None));
    }
    Err(Diagnostic::new(
        "E0222",
        format!(
            "cannot compare {} and {} with {}",
            a.describe(x),
            a.describe(y),
            crate::rules::op_symbol(op)
        ),
        Some(span),
    )
    .note("CPython would raise TypeError here: it orders only values of comparable types")
    .help("convert one side explicitly (`int(s)`, `str(n)`), or compare values of one type"))
}

/// `s | t`, `s & t`, `s - t`, `s ^ t`: a new set.
fn set_operator(a: &mut Annotator, op: FlowOp, x: &Ann, y: &Ann, span: Span) -> R {
    match (x, y) {
        (
            Ann::Set {
                def: d1,
                nullable: false,
            },
            Ann::Set {
                def: d2,
                nullable: false,
            },
        ) => {
            let nd = a.dict_site(span);
            a.unify_dicts(nd, *d1, span);
            a.unify_dicts(nd, *d2, span);
            Ok(set(nd))
        }
        _ => Err(Diagnostic::new(
            "E0221",
            format!(
                "unsupported operand types for {}: {} and {}",
                crate::rules::op_symbol(op),
                a.describe(x),
                a.describe(y)
            ),
            Some(span),
        )),
    }
}

/// `d.name`: a bound dict or set method.
pub fn getattr(a: &mut Annotator, recv: &Ann, name: &str, span: Span) -> R {
    let (methods, what) = match recv {
        Ann::Dict {
            nullable: false, ..
        } => (DICT_METHODS, "dict"),
        Ann::Set {
            nullable: false, ..
        } => (SET_METHODS, "set"),
        Ann::Dict { .. } | Ann::Set { .. } => return Err(maybe_none(a, recv, span)),
        _ => (&[][..], "this object"),
    };
    if methods.contains(&name) {
        return Ok(Ann::BoundMethod {
            receiver: Box::new(recv.clone()),
            name: name.to_string(),
        });
    }
    let mut d = Diagnostic::new(
        "E0228",
        format!("{what} has no attribute `{name}` (that rpy supports yet)"),
        Some(span),
    );
    if what == "set" && name == "pop" {
        d = d
            .note(
                "set.pop() removes an arbitrary item, and rpy's choice would differ from CPython's",
            )
            .help("pick the item explicitly, e.g. the smallest of `sorted(s)`, then `s.remove(x)`");
    } else if !methods.is_empty() {
        d = d.help(format!("supported: {}", methods.join(", ")));
    }
    Err(d)
}

fn wrong_args(name: &str, span: Span, usage: &str) -> Diagnostic {
    Diagnostic::new(
        "E0229",
        format!("wrong arguments to method `{name}`"),
        Some(span),
    )
    .help(format!("call it as `{usage}`"))
}

/// Joins the result of `get`/`pop` with their default.
fn with_default(a: &mut Annotator, value: &Ann, dflt: &Ann, name: &str, span: Span) -> R {
    let mut ctx = Collect::new(a.snapshot);
    match union(value, dflt, &mut ctx) {
        Ok(r) => {
            for (x, y) in ctx.lists {
                a.unify_lists(x, y, span);
            }
            for (x, y) in ctx.dicts {
                a.unify_dicts(x, y, span);
            }
            Ok(r)
        }
        Err(_) => {
            let (v, d) = (a.describe(value), a.describe(dflt));
            let mut diag = Diagnostic::new(
                "E0277",
                format!("`{name}` would return both {v} (a value) and {d} (the default)"),
                Some(span),
            );
            if *dflt == Ann::None {
                diag = diag.note(format!("without a default, `{name}` returns None for a missing key"))
                    .help(format!("pass a default of the values' type, e.g. `d.{name}(k, 0)`, or test `k in d` first"));
            } else {
                diag = diag.help("pass a default of the same type as the values");
            }
            Err(diag)
        }
    }
}

/// `d.name(args)` and `s.name(args)`.
pub fn call_method(
    a: &mut Annotator,
    recv: &Ann,
    name: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> R {
    if let Some((k, _, s)) = kw.first() {
        return Err(Diagnostic::new(
            "E0229",
            format!("`{name}` does not take keyword arguments (`{k}`) in rpy"),
            Some(*s),
        ));
    }
    let args: Vec<Ann> = pos.iter().map(|(x, _)| x.clone()).collect();
    let sp = |k: usize| pos.get(k).map_or(span, |p| p.1);
    match recv {
        Ann::Dict { def, .. } => {
            let def = *def;
            match (name, args.as_slice()) {
                ("get", [k]) | ("pop", [k]) => {
                    a.use_key(def, k, sp(0))?;
                    let v = a.read_dict(def).1;
                    if name == "pop" {
                        Ok(v)
                    } else {
                        with_default(a, &v, &Ann::None, name, span)
                    }
                }
                ("get", [k, dflt]) | ("pop", [k, dflt]) => {
                    a.use_key(def, k, sp(0))?;
                    let v = a.read_dict(def).1;
                    with_default(a, &v, dflt, name, sp(1))
                }
                ("setdefault", [k, v]) => {
                    a.use_key(def, k, sp(0))?;
                    a.generalize_dict(def, Slot::Value, v, sp(1))?;
                    Ok(a.read_dict(def).1)
                }
                ("popitem", []) => Ok(part_item(a, def, DictPart::Items)),
                ("update", [Ann::Dict { def: o, .. }]) => {
                    let (k, v) = a.read_dict(*o);
                    a.use_key(def, &k, sp(0))?;
                    a.generalize_dict(def, Slot::Value, &v, sp(0))?;
                    Ok(Ann::None)
                }
                ("update", [Ann::List { def: l, .. }]) => match a.read_list(*l) {
                    // d.update(pairs): a list of (key, value) tuples.
                    Ann::Tuple(kv) if kv.len() == 2 => {
                        a.use_key(def, &kv[0], sp(0))?;
                        a.generalize_dict(def, Slot::Value, &kv[1], sp(0))?;
                        Ok(Ann::None)
                    }
                    Ann::Impossible => Ok(Ann::None),
                    _ => Err(wrong_args(name, span, dict_usage(name))),
                },
                ("copy", []) => Ok(dict(def)),
                ("clear", []) => Ok(Ann::None),
                ("keys", []) | ("values", []) | ("items", []) => Ok(Ann::DictView {
                    def,
                    part: match name {
                        "keys" => DictPart::Keys,
                        "values" => DictPart::Values,
                        _ => DictPart::Items,
                    },
                }),
                _ => Err(wrong_args(name, span, dict_usage(name))),
            }
        }
        Ann::Set { def, .. } => {
            let def = *def;
            match (name, args.as_slice()) {
                ("add" | "discard" | "remove", [x]) => {
                    a.use_key(def, x, sp(0))?;
                    Ok(Ann::None)
                }
                ("clear", []) => Ok(Ann::None),
                ("copy", []) => Ok(set(def)),
                ("update", [other]) => {
                    let item = crate::dict_builtins::iterable_item(a, other, sp(0))?;
                    a.use_key(def, &item, sp(0))?;
                    Ok(Ann::None)
                }
                ("union" | "intersection" | "difference", [other @ Ann::Set { .. }]) => {
                    let op = match name {
                        "union" => FlowOp::Or,
                        "intersection" => FlowOp::And,
                        _ => FlowOp::Sub,
                    };
                    set_operator(a, op, recv, other, span)
                }
                ("issubset" | "issuperset" | "isdisjoint", [other @ Ann::Set { .. }]) => {
                    compare(a, FlowOp::Le, recv, other, span)
                }
                _ => Err(wrong_args(name, span, set_usage(name))),
            }
        }
        _ => Err(Diagnostic::new(
            "E0257",
            format!("cannot call method `{name}` here"),
            Some(span),
        )),
    }
}

fn dict_usage(name: &str) -> &'static str {
    match name {
        "get" => "d.get(key) or d.get(key, default)",
        "pop" => "d.pop(key) or d.pop(key, default)",
        "setdefault" => "d.setdefault(key, value)",
        "update" => "d.update(other_dict) or d.update(list_of_pairs)",
        "popitem" => "d.popitem()",
        _ => "d.method() without arguments",
    }
}

fn set_usage(name: &str) -> &'static str {
    match name {
        "add" | "discard" | "remove" => "s.add(x) / s.discard(x) / s.remove(x)",
        "update" => "s.update(iterable)",
        "union" | "intersection" | "difference" => "s.union(other_set)",
        "issubset" | "issuperset" | "isdisjoint" => "s.issubset(other_set)",
        _ => "s.method() without arguments",
    }
}
