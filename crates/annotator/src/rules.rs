//! The annotation rule of each flow operation: argument annotations in, result out.
//!
//! One function per family of operations, dispatched from [`annotate_op`] by a single
//! `match` on the operation, so which rule fired is always one grep away.

use crate::driver::{obj_const, Annotator};
use crate::model::{Ann, ClassRef, Desc};
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst};
use frontend::ops::{Const, FlowOp};
use frontend::prebuilt::Obj;
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;

pub fn annotate_op(a: &mut Annotator, g: GraphId, i: Inst) -> R {
    let inst = a.p.graphs[g].insts[i].clone();
    let args: Vec<Ann> = inst.args.iter().map(|&v| a.ann(g, v)).collect();
    let span = inst.span;
    // Operations on dicts and sets, and str-specific ones, are annotated in their modules.
    if let Some(r) = crate::dicts::try_annotate(a, g, i, &args, span) {
        return r;
    }
    if let Some(r) = crate::files::try_annotate(a, g, i, &args, span) {
        return r;
    }
    if let Some(r) = crate::strings::try_annotate(a, g, i, &args, span) {
        return r;
    }
    use FlowOp::*;
    // An int-or-None used in arithmetic or ordering is an int at run time, or TypeError.
    let args: Vec<Ann> = match inst.op {
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | And | Or | Xor
        | InplaceAdd | Lt | Le | Gt | Ge | Neg | Pos | Invert => {
            args.iter().map(Ann::unwrap_optional).collect()
        }
        GetItem | SetItem => {
            let mut v = args.clone();
            v[1] = v[1].unwrap_optional();
            v
        }
        _ => args,
    };
    match inst.op {
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | And | Or | Xor
        | InplaceAdd => binary(a, (g, i), inst.op, &args[0], &args[1], span),
        Lt | Le | Eq | Ne | Gt | Ge => compare(a, inst.op, &args[0], &args[1], span),
        Is => Ok(match (&args[0], &args[1]) {
            (Ann::None, Ann::None) => Ann::Bool(Some(true)),
            _ => Ann::Bool(None),
        }),
        Contains => contains(a, &args[0], &args[1], span),
        Neg | Pos | Invert => unary(a, inst.op, &args[0], span),
        Bool => Ok(Ann::Bool(truth(&args[0]))),
        Not => Ok(Ann::Bool(truth(&args[0]).map(|b| !b))),
        NewList => {
            let d =
                *a.p.list_sites
                    .entry((g, i))
                    .or_insert_with(|| a.p.listdefs.new_def());
            for (k, it) in args.iter().enumerate() {
                let s = a.origin(g, inst.args[k]).unwrap_or(span);
                a.generalize_list(d, it, s);
            }
            Ok(Ann::List {
                def: d,
                nullable: false,
            })
        }
        // A function item is a function pointer (`Funcs`), so that tuples made with
        // different functions (closures among them) share one layout.
        NewTuple => Ok(Ann::Tuple(
            args.into_iter()
                .map(|x| match x {
                    Ann::Const(Desc::Function(f)) => Ann::Funcs(vec![f]),
                    x => x,
                })
                .collect(),
        )),
        GetItem => getitem(a, g, &inst.args, &args, span),
        SetItem => setitem(a, &args, span),
        SetAttr => {
            let Some(Const::Str(name)) = a.p.graphs[g].const_of(inst.args[1]).cloned() else {
                return Err(Diagnostic::new(
                    "E0226",
                    "attribute name must be a constant",
                    Some(span),
                ));
            };
            match &args[0] {
                // On an instance that may be None (as RPython allows): the rtyper tests
                // for None and raises AttributeError as CPython does.
                Ann::Instance {
                    class: ClassRef::User(c),
                    ..
                } => {
                    a.setattr_instance(*c, &name, &args[2], span)?;
                    Ok(Ann::None)
                }
                other => Err(unsupported(
                    a,
                    &format!("set attribute `{name}` on"),
                    other,
                    span,
                )),
            }
        }
        Iter => match &args[0] {
            Ann::Range => Ok(Ann::RangeIter),
            Ann::List {
                def,
                nullable: false,
            } => Ok(Ann::ListIter(*def)),
            Ann::Str { nullable: false } => Ok(Ann::StrIter),
            other => Err(unsupported(a, "iterate over", other, span)),
        },
        Next => match &args[0] {
            Ann::RangeIter => Ok(Ann::Int),
            Ann::ListIter(d) => Ok(a.read_list(*d)),
            Ann::StrIter => Ok(Ann::Str { nullable: false }),
            other => Err(unsupported(a, "call next() on", other, span)),
        },
        GetAttr => getattr(a, g, &inst.args, &args, span),
        SimpleCall | CallKw => call(a, g, inst.op, &inst.args, args, span),
        Raise => match &args[0] {
            Ann::Instance { .. } => Ok(Ann::Impossible),
            Ann::Const(Desc::Builtin(q)) if crate::builtins::builtin_exception(q).is_some() => {
                Ok(Ann::Impossible)
            }
            other => Err(Diagnostic::new(
                "E0230",
                format!("cannot raise {}", a.describe(other)),
                Some(span),
            )
            .help("raise an exception class or instance, e.g. `raise ValueError(\"...\")`")),
        },
        Reraise => Ok(Ann::Impossible),
        GetGlobal | SetGlobal => {
            let (Some(Const::Obj(m)), Some(Const::Str(name))) = (
                a.p.graphs[g].const_of(inst.args[0]).cloned(),
                a.p.graphs[g].const_of(inst.args[1]).cloned(),
            ) else {
                return Err(Diagnostic::new(
                    "E0280",
                    "internal: malformed global access",
                    Some(span),
                ));
            };
            if inst.op == GetGlobal {
                a.read_global(m, &name, span)
            } else {
                a.write_global(m, &name, &args[2], span)
            }
        }
        GetSlice => crate::strings::getslice(a, &args, span),
        FormatValue => crate::strings::format_value(a, g, &inst.args, &args, span),
        BuildString => Ok(Ann::Str { nullable: false }),
        DelItem
            if matches!(
                args[0],
                Ann::List {
                    nullable: false,
                    ..
                }
            ) && args[1].is_int_like() =>
        {
            if let Ann::List { def, .. } = &args[0] {
                a.p.listdefs.get_mut(*def).resized = true;
            }
            Ok(Ann::None)
        }
        NewDict | DelItem => crate::dicts::annotate_op(a, g, i, &args, span),
        op => Err(Diagnostic::new(
            "E0100",
            format!("the operation `{op}` is not supported yet"),
            Some(span),
        )),
    }
}

fn truth(a: &Ann) -> Option<bool> {
    a.const_bool()
}

pub fn unsupported(a: &Annotator, what: &str, on: &Ann, span: Span) -> Diagnostic {
    Diagnostic::new(
        "E0220",
        format!("cannot {what} {}", a.describe(on)),
        Some(span),
    )
    .label(format!(
        "this is {}",
        crate::messages::with_article(&a.describe(on))
    ))
}

fn binary(a: &mut Annotator, site: (GraphId, Inst), op: FlowOp, x: &Ann, y: &Ann, span: Span) -> R {
    use Ann::{List, Str};
    use FlowOp::*;
    let both_int = x.is_int_like() && y.is_int_like();
    let numeric = x.is_numeric() && y.is_numeric();
    let res = match op {
        And | Or | Xor if matches!((x, y), (Ann::Bool(_), Ann::Bool(_))) => Some(Ann::Bool(None)),
        LShift | RShift | And | Or | Xor if both_int => Some(Ann::Int),
        Add | Sub | Mul | FloorDiv | Mod | Pow | InplaceAdd if both_int => Some(Ann::Int),
        Add | Sub | Mul | FloorDiv | Mod | Pow | InplaceAdd if numeric => Some(Ann::Float),
        TrueDiv if numeric => Some(Ann::Float),
        Mod if matches!(x, Str { nullable: false }) => {
            return crate::strings::format_percent(a, x, y, span)
        }
        Add | InplaceAdd => match (x, y) {
            (Str { nullable: false }, Str { nullable: false }) => Some(Str { nullable: false }),
            (
                List {
                    def: d1,
                    nullable: false,
                },
                List {
                    def: d2,
                    nullable: false,
                },
            ) => {
                if op == InplaceAdd {
                    a.p.listdefs.get_mut(*d1).resized = true;
                    let item = a.read_list(*d2);
                    a.generalize_list(*d1, &item, span);
                    Some(x.clone())
                } else {
                    let nd =
                        *a.p.list_sites
                            .entry(site)
                            .or_insert_with(|| a.p.listdefs.new_def());
                    a.unify_lists(nd, *d1, span);
                    a.unify_lists(nd, *d2, span);
                    Some(List {
                        def: nd,
                        nullable: false,
                    })
                }
            }
            _ => None,
        },
        Mul => match (x, y) {
            (Str { nullable: false }, i) | (i, Str { nullable: false }) if i.is_int_like() => {
                Some(Str { nullable: false })
            }
            (
                List {
                    nullable: false, ..
                },
                i,
            )
            | (
                i,
                List {
                    nullable: false, ..
                },
            ) if i.is_int_like() => {
                let l = if matches!(x, List { .. }) { x } else { y };
                Some(l.clone())
            }
            _ => None,
        },
        _ => None,
    };
    res.ok_or_else(|| {
        let (dx, dy) = (a.describe(x), a.describe(y));
        let mut d = Diagnostic::new(
            "E0221",
            format!("unsupported operand types for {}: {dx} and {dy}", op_symbol(op)),
            Some(span),
        )
        .label(format!("{dx} {} {dy}", op_symbol(op)));
        // Where each operand got its type, when that is elsewhere.
        let args = a.p.graphs[site.0].insts[site.1].args.clone();
        for (v, desc) in args.iter().zip([&dx, &dy]) {
            if let Some(o) = a.origin(site.0, *v) {
                let inside = o.file == span.file && o.start >= span.start && o.end <= span.end;
                if !inside {
                    let what = crate::messages::with_article(desc);
                    let label = match &a.p.graphs[site.0].values[*v] {
                        frontend::graph::ValueData::Var { hint: Some(h) } => {
                            format!("`{h}` is {what} from here")
                        }
                        _ => format!("{what} from here"),
                    };
                    d = d.with_secondary(o, label);
                }
            }
        }
        d.help("convert one operand explicitly (`str(n)`, `int(s)`, `float(n)`), or format with an f-string")
    })
}

pub fn op_symbol(op: FlowOp) -> &'static str {
    use FlowOp::*;
    match op {
        Add | InplaceAdd => "+",
        Sub => "-",
        Mul => "*",
        TrueDiv => "/",
        FloorDiv => "//",
        Mod => "%",
        Pow => "**",
        LShift => "<<",
        RShift => ">>",
        And => "&",
        Or => "|",
        Xor => "^",
        Lt => "<",
        Le => "<=",
        Eq => "==",
        Ne => "!=",
        Gt => ">",
        Ge => ">=",
        Neg => "unary -",
        Pos => "unary +",
        Invert => "~",
        _ => "?",
    }
}

fn compare(a: &mut Annotator, op: FlowOp, x: &Ann, y: &Ann, span: Span) -> R {
    use Ann::*;
    let eq = matches!(op, FlowOp::Eq | FlowOp::Ne);
    let ok = match (x, y) {
        _ if x.is_numeric() && y.is_numeric() => true,
        (Str { .. }, Str { .. }) => true,
        (List { def: d1, .. }, List { def: d2, .. }) => {
            a.unify_lists(*d1, *d2, span);
            true
        }
        (None, None) => eq,
        (Instance { .. }, Instance { .. }) => eq,
        (Optional(_), None) | (None, Optional(_)) => eq,
        (Optional(p), q) | (q, Optional(p)) if eq && p.is_numeric() && q.is_numeric() => true,
        (Tuple(xs), Tuple(ys)) if xs.len() == ys.len() && eq => {
            for (p, q) in xs.clone().iter().zip(ys.clone().iter()) {
                compare(a, op, p, q, span)?;
            }
            true
        }
        (Instance { nullable: true, .. }, None) | (None, Instance { nullable: true, .. }) => eq,
        (Str { nullable: true }, None) | (None, Str { nullable: true }) => eq,
        (List { nullable: true, .. }, None) | (None, List { nullable: true, .. }) => eq,
        _ => false,
    };
    if ok {
        Ok(Bool(Option::None))
    } else {
        Err(Diagnostic::new(
            "E0222",
            format!(
                "cannot compare {} and {} with {}",
                a.describe(x),
                a.describe(y),
                op_symbol(op)
            ),
            Some(span),
        ))
    }
}

fn contains(a: &mut Annotator, container: &Ann, item: &Ann, span: Span) -> R {
    match container {
        Ann::List {
            def,
            nullable: false,
        } => {
            let it = a.read_list(*def);
            let ok = (it.is_numeric() && item.is_numeric())
                || it == *item
                || it == Ann::Impossible
                || matches!((&it, item), (Ann::Str { .. }, Ann::Str { .. }));
            if ok {
                Ok(Ann::Bool(None))
            } else {
                Err(Diagnostic::new(
                    "E0223",
                    format!(
                        "cannot look for {} in a {}",
                        a.describe(item),
                        a.describe(container)
                    ),
                    Some(span),
                ))
            }
        }
        Ann::Str { nullable: false } if matches!(item, Ann::Str { nullable: false }) => {
            Ok(Ann::Bool(None))
        }
        other => Err(unsupported(a, "use `in` on", other, span)),
    }
}

fn unary(a: &mut Annotator, op: FlowOp, x: &Ann, span: Span) -> R {
    match (op, x) {
        (_, Ann::Int | Ann::Bool(_)) => Ok(Ann::Int),
        (FlowOp::Neg | FlowOp::Pos, Ann::Float) => Ok(Ann::Float),
        _ => Err(Diagnostic::new(
            "E0221",
            format!("bad operand type for {}: {}", op_symbol(op), a.describe(x)),
            Some(span),
        )),
    }
}

fn index_ok(i: &Ann) -> bool {
    i.is_int_like()
}

fn getitem(
    a: &mut Annotator,
    g: GraphId,
    vals: &[frontend::entities::Value],
    args: &[Ann],
    span: Span,
) -> R {
    match (&args[0], &args[1]) {
        (Ann::List { def, nullable: false }, i) if index_ok(i) => Ok(a.read_list(*def)),
        (Ann::Str { nullable: false }, i) if index_ok(i) => Ok(Ann::Str { nullable: false }),
        (Ann::Tuple(items), _) => match a.p.graphs[g].const_of(vals[1]) {
            Some(Const::Int(k)) => {
                let n = items.len() as i64;
                let k = if *k < 0 { k + n } else { *k };
                if (0..n).contains(&k) {
                    Ok(items[k as usize].clone())
                } else {
                    Err(Diagnostic::new("E0224", "tuple index out of range", Some(span)))
                }
            }
            _ => Err(Diagnostic::new("E0225", "a tuple can only be indexed by a constant", Some(span))
                .help("tuples are fixed-size and each item has its own type; use a list for indexing by a variable")),
        },
        (c, i) => Err(Diagnostic::new("E0220", format!("cannot index {} with {}", a.describe(c), a.describe(i)), Some(span))),
    }
}

fn setitem(a: &mut Annotator, args: &[Ann], span: Span) -> R {
    match (&args[0], &args[1]) {
        (
            Ann::List {
                def,
                nullable: false,
            },
            i,
        ) if index_ok(i) => {
            a.generalize_list(*def, &args[2], span);
            Ok(Ann::None)
        }
        (c, _) => Err(unsupported(a, "assign items of", c, span)),
    }
}

fn getattr(
    a: &mut Annotator,
    g: GraphId,
    vals: &[frontend::entities::Value],
    args: &[Ann],
    span: Span,
) -> R {
    let Some(Const::Str(name)) = a.p.graphs[g].const_of(vals[1]).cloned() else {
        return Err(Diagnostic::new(
            "E0226",
            "attribute name must be a constant",
            Some(span),
        ));
    };
    if matches!(&args[0], Ann::Str { nullable: false }) {
        return crate::strings::getattr(a, &args[0], &name, span);
    }
    let non_null = match &args[0] {
        Ann::Str { nullable: true } => Some(Ann::Str { nullable: false }),
        Ann::List {
            def,
            nullable: true,
        } => Some(Ann::List {
            def: *def,
            nullable: false,
        }),
        _ => None,
    };
    if let Some(nn) = non_null {
        return Err(crate::dicts::may_be_none(
            a,
            g,
            vals[0],
            &nn,
            &format!("`.{name}`"),
            span,
        ));
    }
    if crate::dicts::is_dict(&args[0]) {
        return crate::dicts::getattr(a, &args[0], &name, span);
    }
    match &args[0] {
        Ann::Instance {
            class: ClassRef::User(c),
            ..
        } => a.getattr_instance(&args[0], *c, &name, span),
        Ann::Const(Desc::Class(c)) => a.getattr_class(*c, &name, span),
        Ann::Const(Desc::LibObject(o)) => match &a.snapshot.objects[*o] {
            Obj::LibInstance { class, .. } => {
                Ok(Ann::Const(Desc::Builtin(format!("{class}.{name}"))))
            }
            _ => Err(Diagnostic::new(
                "E0228",
                format!("no attribute `{name}`"),
                Some(span),
            )),
        },
        Ann::Super { class, receiver } => a.getattr_super(*class, receiver, &name, span),
        Ann::Const(Desc::Builtin(q))
            if (q == "sys.stdout" || q == "sys.stderr") && name == "write" =>
        {
            Ok(Ann::Const(Desc::Builtin(format!("{q}.write"))))
        }
        Ann::Const(Desc::Builtin(q))
            if name == "__init__" && crate::builtins::builtin_exception(q).is_some() =>
        {
            Ok(Ann::Const(Desc::Builtin(format!("{q}.__init__"))))
        }
        Ann::List {
            nullable: false, ..
        } if crate::lists::METHODS.contains(&name.as_str()) => Ok(Ann::BoundMethod {
            receiver: Box::new(args[0].clone()),
            name,
        }),
        Ann::Const(Desc::Module(m)) => {
            let Obj::Module {
                name: mname,
                user,
                globals,
            } = &a.snapshot.objects[*m]
            else {
                unreachable!()
            };
            if *user {
                match globals.iter().find(|(n, _)| *n == name) {
                    Some((_, o)) => {
                        let c = obj_const(a.snapshot, *o);
                        Ok(a.const_ann(&c))
                    }
                    None => Err(Diagnostic::new(
                        "E0227",
                        format!("module `{mname}` has no attribute `{name}`"),
                        Some(span),
                    )),
                }
            } else {
                let q = format!("{mname}.{name}");
                match crate::builtins::library_constant(&q) {
                    Some(c) => Ok(a.const_ann(&c)),
                    None => Ok(Ann::Const(Desc::Builtin(q))),
                }
            }
        }
        other => Err(Diagnostic::new(
            "E0228",
            format!(
                "{} has no attribute `{name}` (that rpy supports yet)",
                a.describe(other)
            ),
            Some(span),
        )),
    }
}

fn call(
    a: &mut Annotator,
    g: GraphId,
    op: FlowOp,
    vals: &[frontend::entities::Value],
    args: Vec<Ann>,
    span: Span,
) -> R {
    let (pos, kw) = split_call_args(a, g, op, vals, &args);
    match &args[0] {
        Ann::Const(Desc::Function(f)) => a.call_function(*f, pos, kw, span),
        Ann::Const(Desc::Class(c)) => a.instantiate(*c, pos, kw, span),
        Ann::Funcs(fs) => a.call_funcs(&fs.clone(), pos, kw, span),
        // A closure (`frontend/src/flow/closures.rs`): its cells go first.
        Ann::Tuple(items) if matches!(items.first(), Some(Ann::Funcs(_))) => {
            let Ann::Funcs(fs) = &items[0] else {
                unreachable!("matched above")
            };
            let mut all: Vec<(Ann, Span)> = items[1..].iter().map(|c| (c.clone(), span)).collect();
            all.extend(pos);
            a.call_funcs(&fs.clone(), all, kw, span)
        }
        Ann::Const(Desc::Builtin(q)) if q == "builtins.super" && pos.is_empty() => {
            a.super_call(span)
        }
        Ann::Const(Desc::Builtin(q)) if q.ends_with(".__init__") => {
            a.exception_init(pos.get(1..).unwrap_or(&[]), &kw, span)?;
            Ok(Ann::None)
        }
        Ann::Const(Desc::Builtin(q)) if q == "rpy.jit.JitDriver.jit_merge_point" => {
            crate::builtins::printable_location(a, &kw, span)?;
            crate::builtins::call_builtin(a, q, pos, kw, span)
        }
        Ann::Const(Desc::Builtin(q)) => crate::builtins::call_builtin(a, q, pos, kw, span),
        Ann::BoundMethod { receiver, name }
            if matches!(**receiver, Ann::Str { nullable: false }) =>
        {
            crate::strings::call_method(a, receiver, name, pos, kw, span)
        }
        Ann::BoundMethod { receiver, name } if crate::dicts::is_dict(receiver) => {
            crate::dicts::call_method(a, receiver, name, pos, kw, span)
        }
        Ann::BoundMethod { receiver, name }
            if matches!(
                **receiver,
                Ann::Instance {
                    class: ClassRef::User(_),
                    ..
                }
            ) =>
        {
            let (r, n) = ((**receiver).clone(), name.clone());
            a.call_method(&r, &n, pos, kw, span)
        }
        Ann::BoundFunc {
            receiver,
            func: Some(f),
        } => {
            let mut args = vec![((**receiver).clone(), span)];
            args.extend(pos);
            a.call_function(*f, args, kw, span)
        }
        Ann::BoundFunc { func: None, .. } => {
            a.exception_init(&pos, &kw, span)?;
            Ok(Ann::None)
        }
        Ann::BoundMethod { receiver, name } => match (&**receiver, name.as_str()) {
            (Ann::List { def, .. }, m) => crate::lists::call_method(a, *def, m, pos, kw, span),
            _ => Err(Diagnostic::new(
                "E0229",
                format!("wrong arguments to method `{name}`"),
                Some(span),
            )),
        },
        other => Err(Diagnostic::new(
            "E0229",
            format!("{} is not callable (by rpy yet)", a.describe(other)),
            Some(span),
        )),
    }
}

/// Splits a call's operands into positional and keyword arguments (after the callee).
pub fn split_call_args(
    a: &Annotator,
    g: GraphId,
    op: FlowOp,
    vals: &[frontend::entities::Value],
    args: &[Ann],
) -> (Vec<(Ann, Span)>, Vec<(String, Ann, Span)>) {
    let span_of = |v| a.origin(g, v).unwrap_or(a.p.graphs[g].span);
    if op == FlowOp::SimpleCall {
        let pos = (1..args.len())
            .map(|k| (args[k].clone(), span_of(vals[k])))
            .collect();
        return (pos, vec![]);
    }
    let names: Vec<String> = match a.p.graphs[g].const_of(vals[1]) {
        Some(Const::Str(s)) if !s.is_empty() => s.split(',').map(str::to_owned).collect(),
        _ => vec![],
    };
    let npos = args.len() - 2 - names.len();
    let pos = (2..2 + npos)
        .map(|k| (args[k].clone(), span_of(vals[k])))
        .collect();
    let kw = names
        .into_iter()
        .enumerate()
        .map(|(j, n)| (n, args[2 + npos + j].clone(), span_of(vals[2 + npos + j])))
        .collect();
    (pos, kw)
}
