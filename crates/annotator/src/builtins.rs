//! Annotation rules for calls to builtins and library functions, by qualified name.

use crate::driver::Annotator;
use crate::model::{Ann, ClassRef};
use frontend::diag::Diagnostic;
use frontend::entities::ObjId;
use frontend::prebuilt::Snapshot;
use frontend::source::Span;

/// Whether a qualified name is a builtin exception class; returns its plain name.
pub fn builtin_exception(q: &str) -> Option<&str> {
    let n = q.strip_prefix("builtins.")?;
    rpyrt::abi::builtin_exception_index(n).map(|_| n)
}

/// Printable by `print`/`str`: the types the runtime can format.
pub fn printable(a: &Annotator, x: &Ann) -> bool {
    match x {
        Ann::Int | Ann::Bool(_) | Ann::Float | Ann::Str { .. } | Ann::None | Ann::Optional(_) => {
            true
        }
        Ann::List {
            def,
            nullable: false,
        } => {
            matches!(
                a.p.listdefs.item(*def),
                Ann::Int
                    | Ann::Bool(_)
                    | Ann::Float
                    | Ann::Str { nullable: false }
                    | Ann::Impossible
            )
        }
        Ann::Instance { .. } => true,
        _ => false,
    }
}

pub fn call_builtin(
    a: &mut Annotator,
    q: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> Result<Ann, Diagnostic> {
    if let Some(r) = crate::dicts::try_builtin(a, q, &pos, &kw, span) {
        return r;
    }
    if let Some(r) = crate::files::try_builtin(a, q, &pos, &kw, span) {
        return r;
    }
    if let Some(r) = crate::strings::try_builtin(a, q, &pos, &kw, span) {
        return r;
    }
    let name = q.strip_prefix("builtins.").unwrap_or(q);
    let pos_anns: Vec<Ann> = pos.iter().map(|(x, _)| x.clone()).collect();
    if let Some(r) = hint_call(q, &pos_anns) {
        return Ok(r);
    }
    let bad = |a: &Annotator, why: String| {
        let shown: Vec<String> = pos.iter().map(|(x, _)| a.describe(x)).collect();
        Diagnostic::new("E0240", format!("{name}() {why}"), Some(span))
            .note(format!("called with ({})", shown.join(", ")))
    };
    if let Some(exc) = builtin_exception(q) {
        if !kw.is_empty() || pos.len() > 1 {
            return Err(bad(
                a,
                "takes at most one argument (the message) in rpy".into(),
            ));
        }
        if let Some((x, _)) = pos.first() {
            if !printable(a, x) {
                return Err(bad(a, "message must be a str or a number".into()));
            }
        }
        return Ok(Ann::Instance {
            class: ClassRef::Builtin(exc.to_string()),
            nullable: false,
        });
    }
    if let Some(r) = iter_builtin(a, name, &pos, &kw, span) {
        return r;
    }
    if name != "print" && !kw.is_empty() {
        return Err(bad(
            a,
            format!("does not take keyword arguments (`{}`) in rpy", kw[0].0),
        ));
    }
    let args: Vec<Ann> = pos
        .iter()
        .map(|(x, _)| match name {
            "int" | "float" | "abs" | "min" | "max" | "range" => x.unwrap_optional(),
            _ => x.clone(),
        })
        .collect();
    if let Some(r) = library_call(q, &args) {
        return r.ok_or_else(|| bad(a, "is not supported with these arguments".into()));
    }
    match (name, args.as_slice()) {
        ("print", xs) => {
            for (x, s) in &pos {
                if user_str(a, x, *s)?
                    || crate::dict_builtins::print_ok(a, x, *s)?
                    || container_repr_ok(a, x, *s)?
                {
                    continue;
                }
                if !printable(a, x) {
                    return Err(Diagnostic::new(
                        "E0241",
                        format!("cannot print {}", a.describe(x)),
                        Some(*s),
                    ));
                }
            }
            for (k, x, s) in &kw {
                match (k.as_str(), x) {
                    ("sep" | "end", Ann::Str { .. } | Ann::None) => {}
                    ("file", Ann::Const(crate::model::Desc::Builtin(f)))
                        if f == "sys.stdout" || f == "sys.stderr" => {}
                    _ => {
                        return Err(Diagnostic::new(
                            "E0242",
                            format!("print() keyword `{k}` is not supported here"),
                            Some(*s),
                        ))
                    }
                }
            }
            let _ = xs;
            Ok(Ann::None)
        }
        (
            "len",
            [Ann::List {
                nullable: false, ..
            }
            | Ann::Str { nullable: false }
            | Ann::Tuple(_)
            | Ann::Range],
        ) => Ok(Ann::Int),
        ("abs", [x]) if x.is_int_like() => Ok(Ann::Int),
        ("abs", [Ann::Float]) => Ok(Ann::Float),
        (
            "min" | "max",
            [Ann::List {
                def,
                nullable: false,
            }],
        ) => {
            let item = a.read_list(*def);
            match item {
                Ann::Int | Ann::Float | Ann::Str { nullable: false } => Ok(item),
                Ann::Bool(_) => Ok(Ann::Bool(None)),
                _ => Err(bad(a, "needs a list of numbers or strings".into())),
            }
        }
        ("min" | "max", xs) if xs.len() >= 2 => {
            if xs.iter().all(|x| x.is_int_like()) {
                Ok(if xs.iter().all(|x| matches!(x, Ann::Bool(_))) {
                    Ann::Bool(None)
                } else {
                    Ann::Int
                })
            } else if xs.iter().all(|x| matches!(x, Ann::Float)) {
                Ok(Ann::Float)
            } else if xs.iter().all(|x| matches!(x, Ann::Str { nullable: false })) {
                Ok(Ann::Str { nullable: false })
            } else {
                Err(bad(a, "arguments must all be ints, all floats or all strs (the result would have two types)".into()))
            }
        }
        ("int", [x]) if x.is_numeric() || matches!(x, Ann::Str { nullable: false }) => Ok(Ann::Int),
        ("int", [Ann::Str { nullable: false }, b]) if b.is_int_like() => Ok(Ann::Int),
        ("int", []) => Ok(Ann::Int),
        ("float", [x]) if x.is_numeric() || matches!(x, Ann::Str { nullable: false }) => {
            Ok(Ann::Float)
        }
        ("float", []) => Ok(Ann::Float),
        ("str", [x])
            if user_str(a, x, span)? || container_repr_ok(a, x, span)? || printable(a, x) =>
        {
            Ok(Ann::Str { nullable: false })
        }
        ("isinstance", [x, cls]) => {
            let classes: Vec<Ann> = match cls {
                Ann::Tuple(items) => items.clone(),
                c => vec![c.clone()],
            };
            for c in &classes {
                let ok = matches!(c, Ann::Const(d) if a.class_ref(d).is_some());
                if !ok {
                    return Err(bad(
                        a,
                        "needs a class or a tuple of classes as its second argument".into(),
                    ));
                }
            }
            if !matches!(x, Ann::Instance { .. }) {
                return Err(bad(
                    a,
                    "is supported on instances only (other types are known statically)".into(),
                ));
            }
            Ok(Ann::Bool(None))
        }
        ("str", []) => Ok(Ann::Str { nullable: false }),
        ("bool", [_]) => Ok(Ann::Bool(None)),
        ("range", xs) if (1..=3).contains(&xs.len()) && xs.iter().all(|x| x.is_int_like()) => {
            Ok(Ann::Range)
        }
        ("rpy.rarithmetic.intmask", [x]) if x.is_int_like() => Ok(Ann::Int),
        ("rpy.rarithmetic.ovfcheck", [x]) if x.is_int_like() => Ok(Ann::Int),
        _ => {
            if KNOWN.contains(&name) || q.contains('.') && !q.starts_with("builtins.") {
                Err(bad(a, "is not supported with these arguments (yet)".into()))
            } else {
                Err(
                    Diagnostic::new("E0243", format!("name `{name}` is not defined"), Some(span))
                        .help("define it at module level, or check the spelling"),
                )
            }
        }
    }
}

const KNOWN: &[&str] = &[
    "print",
    "len",
    "abs",
    "min",
    "max",
    "int",
    "float",
    "str",
    "bool",
    "range",
    "list",
    "dict",
    "tuple",
    "set",
    "enumerate",
    "zip",
    "reversed",
    "sorted",
    "sum",
    "any",
    "all",
    "map",
    "filter",
    "isinstance",
    "hasattr",
    "getattr",
    "hex",
    "oct",
    "bin",
    "divmod",
    "round",
    "hash",
    "id",
    "chr",
    "ord",
    "repr",
    "iter",
    "next",
    "type",
    "object",
    "super",
    "open",
    "input",
];

/// `print(x)`/`str(x)` of a user instance calls its `__str__` (or `__repr__`); returns
/// whether `x` is such an instance.
pub fn user_str(a: &mut Annotator, x: &Ann, span: Span) -> Result<bool, Diagnostic> {
    let Ann::Instance {
        class: ClassRef::User(c),
        nullable: false,
    } = x
    else {
        return Ok(false);
    };
    let has = |name: &str| crate::classdef::lookup(a.snapshot, *c, name).is_some();
    let method = if has("__str__") {
        "__str__"
    } else if has("__repr__") {
        "__repr__"
    } else if crate::classdef::is_exception(a.snapshot, &ClassRef::User(*c)) {
        return Ok(true);
    } else {
        let n = crate::classdef::class_name(a.snapshot, &ClassRef::User(*c));
        return Err(Diagnostic::new(
            "E0244",
            format!("printing a `{n}` instance needs a `__str__` method"),
            Some(span),
        )
        .note("CPython would print its address, which differs from run to run")
        .help(format!("define `def __str__(self): return ...` in `{n}`")));
    };
    let r = a.call_method(x, method, vec![], vec![], span)?;
    if !matches!(r, Ann::Str { nullable: false } | Ann::Impossible) {
        return Err(Diagnostic::new(
            "E0245",
            format!("`{method}` must return a str"),
            Some(span),
        ));
    }
    Ok(true)
}

/// Lists and tuples print their items' reprs: primitive items, nested lists and tuples,
/// and instances with `__repr__` (whose call is annotated here). Returns whether `x` is
/// such a container.
pub fn container_repr_ok(a: &mut Annotator, x: &Ann, span: Span) -> Result<bool, Diagnostic> {
    let items: Vec<Ann> = match x {
        Ann::Tuple(items) => items.clone(),
        Ann::List {
            def,
            nullable: false,
        } => vec![a.read_list(*def)],
        _ => return Ok(false),
    };
    for it in items {
        let ok = match &it {
            Ann::Int
            | Ann::Bool(_)
            | Ann::Float
            | Ann::Str { .. }
            | Ann::None
            | Ann::Impossible => true,
            Ann::Tuple(_) | Ann::List { .. } => container_repr_ok(a, &it, span)?,
            Ann::Instance {
                class: ClassRef::User(c),
                nullable: false,
            } => {
                if crate::classdef::lookup(a.snapshot, *c, "__repr__").is_none() {
                    let n = crate::classdef::class_name(a.snapshot, &ClassRef::User(*c));
                    return Err(Diagnostic::new("E0246", format!("printing a container of `{n}` instances needs `__repr__`"), Some(span))
                        .note("containers print the repr() of their items; CPython's default repr shows an address")
                        .help(format!("define `def __repr__(self): return ...` in `{n}`")));
                }
                let r = a.call_method(&it, "__repr__", vec![], vec![], span)?;
                matches!(r, Ann::Str { nullable: false } | Ann::Impossible)
            }
            _ => false,
        };
        if !ok {
            return Err(Diagnostic::new(
                "E0241",
                format!("cannot print {}", a.describe(x)),
                Some(span),
            ));
        }
    }
    Ok(true)
}

fn list_item_of(a: &mut Annotator, x: &Ann) -> Option<Ann> {
    match x {
        Ann::List {
            def,
            nullable: false,
        } => Some(a.read_list(*def)),
        Ann::Range => Some(Ann::Int),
        Ann::Str { nullable: false } => Some(Ann::Str { nullable: false }),
        _ => None,
    }
}

/// Builtins over iterables: enumerate, zip, reversed, sorted, sum, any, all, list.
/// The iterators are materialised as lists (of tuples for enumerate and zip).
fn iter_builtin(
    a: &mut Annotator,
    name: &str,
    pos: &[(Ann, Span)],
    kw: &[(String, Ann, Span)],
    span: Span,
) -> Option<Result<Ann, Diagnostic>> {
    let bad = |why: &str| Diagnostic::new("E0247", format!("{name}(): {why}"), Some(span));
    let new_list = |a: &mut Annotator, item: Ann| {
        let d = a.site_list();
        a.generalize_list(d, &item, span);
        Ann::List {
            def: d,
            nullable: false,
        }
    };
    let r = match (name, pos.len()) {
        ("enumerate", 1 | 2) => {
            let Some(item) = list_item_of(a, &pos[0].0) else {
                return Some(Err(bad("needs a list, str or range")));
            };
            Ok(new_list(a, Ann::Tuple(vec![Ann::Int, item])))
        }
        ("zip", 2..) => {
            let mut items = vec![];
            for (x, _) in pos {
                match list_item_of(a, x) {
                    Some(i) => items.push(i),
                    None => return Some(Err(bad("needs lists, strs or ranges"))),
                }
            }
            Ok(new_list(a, Ann::Tuple(items)))
        }
        ("reversed" | "list", 1) => match &pos[0].0 {
            Ann::List {
                def,
                nullable: false,
            } => Ok(Ann::List {
                def: *def,
                nullable: false,
            }),
            x => match list_item_of(a, x) {
                Some(item) => Ok(new_list(a, item)),
                None => Err(bad("needs a list, str or range")),
            },
        },
        ("list", 0) => Ok(new_list(a, Ann::Impossible)),
        ("sorted", 1) => {
            let Some(item) = list_item_of(a, &pos[0].0) else {
                return Some(Err(bad("needs a list, str or range")));
            };
            let l = match &pos[0].0 {
                Ann::List { def, .. } => Ann::List {
                    def: *def,
                    nullable: false,
                },
                _ => new_list(a, item),
            };
            let Ann::List { def, .. } = l else {
                unreachable!()
            };
            if let Err(d) = crate::lists::call_method(a, def, "sort", vec![], kw.to_vec(), span) {
                return Some(Err(d));
            }
            Ok(l)
        }
        ("sum", 1) => match list_item_of(a, &pos[0].0) {
            Some(Ann::Int | Ann::Bool(_) | Ann::Impossible) => Ok(Ann::Int),
            Some(Ann::Float) => Ok(Ann::Float),
            _ => Err(bad("needs a list of ints or floats")),
        },
        ("any" | "all", 1) => match list_item_of(a, &pos[0].0) {
            Some(Ann::Int | Ann::Bool(_) | Ann::Float | Ann::Str { .. } | Ann::Impossible) => {
                Ok(Ann::Bool(None))
            }
            _ => Err(bad("needs a list of ints, floats, bools or strs")),
        },
        _ => return None,
    };
    if !kw.is_empty() && name != "sorted" {
        return Some(Err(bad("takes no keyword arguments")));
    }
    Some(r)
}

/// Constants of library modules (`math.pi`, `sys.maxsize`).
pub fn library_constant(q: &str) -> Option<frontend::ops::Const> {
    use frontend::ops::Const;
    Some(match q {
        "math.pi" => Const::Float(std::f64::consts::PI),
        "math.e" => Const::Float(std::f64::consts::E),
        "math.tau" => Const::Float(std::f64::consts::TAU),
        "math.inf" => Const::Float(f64::INFINITY),
        "math.nan" => Const::Float(f64::NAN),
        "sys.maxsize" => Const::Int(i64::MAX),
        "sys.maxint" => Const::Int(i64::MAX),
        _ => return None,
    })
}

/// Functions of the `math`, `sys` and `time` modules: `Some(None)` for a known function
/// called with unsupported arguments.
fn library_call(q: &str, args: &[Ann]) -> Option<Option<Ann>> {
    let (module, f) = q.rsplit_once('.')?;
    let num = |x: &Ann| x.is_numeric();
    let r = match (module, f, args) {
        ("math", "isnan" | "isinf" | "isfinite", [x]) if num(x) => Ann::Bool(None),
        ("math", "floor" | "ceil" | "trunc", [x]) if num(x) => Ann::Int,
        ("math", f, [x]) if rpyrt::libmath::MATH1.contains(&f) && num(x) => Ann::Float,
        ("math", f, [x, y]) if rpyrt::libmath::MATH2.contains(&f) && num(x) && num(y) => Ann::Float,
        ("math", _, _) => return Some(None),
        // The binary's limit is its stack (RecursionError when it runs out).
        ("sys", "setrecursionlimit", [x]) if x.is_int_like() => Ann::None,
        ("sys", "exit", []) => Ann::Impossible,
        ("sys", "exit", [x]) if x.is_int_like() || matches!(x, Ann::Str { .. } | Ann::None) => {
            Ann::Impossible
        }
        ("sys.stdout" | "sys.stderr", "write", [Ann::Str { nullable: false }]) => Ann::Int,
        ("time", "time" | "perf_counter" | "monotonic" | "process_time", []) => Ann::Float,
        ("sys" | "time" | "sys.stdout" | "sys.stderr", _, _) => return Some(None),
        _ => return None,
    };
    Some(Some(r))
}

/// At a `jit_merge_point`: the drivers whose greens and reds are the names passed get
/// their `get_printable_location(*greens)` annotated, so the JIT log can call it.
pub fn printable_location(
    a: &mut Annotator,
    kw: &[(String, Ann, Span)],
    span: Span,
) -> Result<(), Diagnostic> {
    let names: std::collections::HashSet<&str> = kw.iter().map(|(n, _, _)| n.as_str()).collect();
    let mut calls = vec![];
    for (_, drv) in jit_drivers(a.snapshot) {
        let declared: std::collections::HashSet<&str> = drv
            .greens
            .iter()
            .chain(&drv.reds)
            .map(String::as_str)
            .collect();
        if declared != names {
            continue;
        }
        let Some(f) = drv.printable_location else {
            continue;
        };
        if !matches!(a.snapshot.objects[f], frontend::prebuilt::Obj::Function(_)) {
            continue;
        }
        let args: Vec<(Ann, Span)> = drv
            .greens
            .iter()
            .filter_map(|g| kw.iter().find(|(n, _, _)| n == g))
            .map(|(_, x, s)| (x.clone(), *s))
            .collect();
        calls.push((f, args));
    }
    for (f, args) in calls {
        a.call_function(f, args, vec![], span)?;
    }
    Ok(())
}

/// `rpy.jit` hints and `rpy.objectmodel` helpers: no-ops in a binary without the JIT
/// (the JIT issue gives them meaning), except `we_are_translated()`, which is True here.
fn hint_call(q: &str, args: &[Ann]) -> Option<Ann> {
    let f = q.strip_prefix("rpy.")?;
    Some(match f {
        "objectmodel.we_are_translated" => Ann::Bool(Some(true)),
        // Known only when the code runs: false in the binary, true in traces.
        "jit.we_are_jitted" => Ann::Bool(None),
        "jit.isconstant" | "jit.isvirtual" => Ann::Bool(Some(false)),
        "jit.promote" | "jit.promote_string" | "jit.hint" => args.first()?.clone(),
        "jit.JitDriver.jit_merge_point"
        | "jit.JitDriver.can_enter_jit"
        | "jit.JitDriver.loop_header" => Ann::None,
        "jit.record_exact_class" | "jit.assert_green" | "objectmodel.keepalive_until_here" => {
            Ann::None
        }
        "jit.set_param" | "jit.set_user_param" => Ann::None,
        "jit.current_trace_length" => Ann::Int,
        _ => return None,
    })
}

/// Whether `builtins.X` names something that exists in Python's builtins (rpy may still
/// refuse it, but with a message about the builtin, not an undefined name).
pub fn is_known_builtin(q: &str) -> bool {
    let n = q.trim_start_matches("builtins.");
    KNOWN.contains(&n)
        || builtin_exception(q).is_some()
        || matches!(
            n,
            "True"
                | "False"
                | "None"
                | "print"
                | "Ellipsis"
                | "NotImplemented"
                | "ascii"
                | "format"
                | "callable"
                | "vars"
                | "dir"
                | "globals"
                | "locals"
                | "exec"
                | "eval"
                | "compile"
                | "memoryview"
                | "bytearray"
                | "bytes"
                | "frozenset"
                | "complex"
                | "slice"
                | "property"
                | "staticmethod"
                | "classmethod"
                | "pow"
                | "issubclass"
                | "setattr"
                | "delattr"
                | "__import__"
                | "breakpoint"
                | "help"
                | "exit"
                | "quit"
                | "StopIteration"
        )
}

/// A prebuilt `rpy.jit.JitDriver` as the import left it.
pub struct JitDriverObj {
    pub name: String,
    pub greens: Vec<String>,
    pub reds: Vec<String>,
    pub virtualizables: Vec<String>,
    /// The `get_printable_location` object, if any.
    pub printable_location: Option<ObjId>,
}

/// The program's `JitDriver`s, in object order (their index is the driver number).
pub fn jit_drivers(snapshot: &Snapshot) -> Vec<(ObjId, JitDriverObj)> {
    use frontend::prebuilt::Obj;
    let mut out = vec![];
    for (o, obj) in snapshot.objects.iter() {
        let Obj::LibInstance { class, attrs } = obj else {
            continue;
        };
        if class != "rpy.jit.JitDriver" {
            continue;
        }
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| *v);
        let strs = |n: &str| -> Vec<String> {
            match attr(n).map(|v| &snapshot.objects[v]) {
                Some(Obj::List { items }) => items
                    .iter()
                    .filter_map(|&i| match &snapshot.objects[i] {
                        Obj::Str { value } => Some(value.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => vec![],
            }
        };
        let name = match attr("name").map(|v| &snapshot.objects[v]) {
            Some(Obj::Str { value }) => value.clone(),
            _ => "jitdriver".into(),
        };
        out.push((
            o,
            JitDriverObj {
                name,
                greens: strs("greens"),
                reds: strs("reds"),
                virtualizables: strs("virtualizables"),
                printable_location: attr("get_printable_location")
                    .filter(|&f| !matches!(snapshot.objects[f], Obj::None)),
            },
        ));
    }
    out
}
