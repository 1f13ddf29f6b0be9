//! Annotation of str methods, slicing, `%`-formatting, f-string pieces, the str
//! builtins (`chr`, `ord`, `repr`, `ascii`, `hex`, `oct`, `bin`) and
//! `rpy.rstring.StringBuilder`. Method signatures are in [`methods`], formatting in
//! [`format`].

mod format;
mod methods;

use crate::driver::Annotator;
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst, Value};
use frontend::ops::{Const, FlowGraph, FlowOp};
use frontend::source::Span;

pub use format::{repr_ok, spec_text, str_ok};

type R = Result<Ann, Diagnostic>;

const STR: Ann = Ann::Str { nullable: false };

/// The methods of `rpy.rstring.StringBuilder` that rpy supports.
pub const BUILDER_METHODS: &[&str] = &[
    "append",
    "append_slice",
    "append_multiple_char",
    "append_charpsize",
    "getlength",
    "build",
];

pub(crate) fn no_attr(name: &str, span: Span) -> Diagnostic {
    let d = Diagnostic::new(
        "E0290",
        format!("str has no attribute `{name}` (that rpy supports)"),
        Some(span),
    );
    match name {
        "format" | "format_map" => {
            d.help("use an f-string (`f\"{x:>8}\"`) or `%`-formatting (`\"%8d\" % x`)")
        }
        "encode" => d.note("rpy has no bytes type yet"),
        _ => d.help(format!(
            "the supported str methods are: {}",
            methods::METHODS.join(", ")
        )),
    }
}

/// `s.name`: a bound str method.
pub fn getattr(_a: &mut Annotator, recv: &Ann, name: &str, span: Span) -> R {
    if methods::is_method(name) {
        Ok(Ann::BoundMethod {
            receiver: Box::new(recv.clone()),
            name: name.to_string(),
        })
    } else {
        Err(no_attr(name, span))
    }
}

/// The call operation at `span` in the block being annotated (for callers that only
/// know the span).
fn site_of(a: &Annotator, span: Span) -> Option<(GraphId, Inst)> {
    let (g, b) = a.current;
    let graph = &a.p.graphs[g];
    graph.blocks[b]
        .insts
        .iter()
        .copied()
        .find(|&i| {
            let d = &graph.insts[i];
            d.span == span && matches!(d.op, FlowOp::SimpleCall | FlowOp::CallKw)
        })
        .map(|i| (g, i))
}

/// `s.name(args)`.
pub fn call_method(
    a: &mut Annotator,
    _recv: &Ann,
    name: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> R {
    let site = site_of(a, span);
    methods::call(a, site, name, pos, kw, span)
}

/// `x[start:stop:step]` on strs and lists: args = [x, start, stop, step].
pub fn getslice(a: &mut Annotator, args: &[Ann], span: Span) -> R {
    for b in &args[1..] {
        let optional_int = matches!(b, Ann::Optional(x) if x.is_int_like());
        if !(b.is_int_like() || *b == Ann::None || optional_int) {
            return Err(Diagnostic::new(
                "E0292",
                format!("slice indices must be ints or None, not {}", a.describe(b)),
                Some(span),
            ));
        }
    }
    match &args[0] {
        Ann::Str { nullable: false } => Ok(STR),
        Ann::List {
            def,
            nullable: false,
        } => Ok(Ann::List {
            def: *def,
            nullable: false,
        }),
        other => Err(Diagnostic::new(
            "E0292",
            format!("cannot slice {}", a.describe(other)),
            Some(span),
        )
        .help("slicing works on strs and lists")),
    }
}

/// The items a constant slice of a tuple of `len` items picks (`t[1:]`, `t[::-1]`):
/// their indices, or the reason it cannot be done statically.
pub fn tuple_slice(
    graph: &FlowGraph,
    vals: &[Value],
    len: usize,
) -> Result<Vec<usize>, &'static str> {
    let mut bounds = [None, None, None];
    for (k, &v) in vals[1..4].iter().enumerate() {
        bounds[k] = match graph.const_of(v) {
            Some(Const::None) => None,
            Some(Const::Int(i)) => Some(*i),
            Some(Const::Bool(b)) => Some(*b as i64),
            _ => return Err("a tuple can only be sliced with constant bounds"),
        };
    }
    let (first, step, n) =
        rpyrt::str_slice::slice_range(len, bounds[0], bounds[1], bounds[2].unwrap_or(1))
            .ok_or("slice step cannot be zero")?;
    Ok((0..n as i64).map(|k| (first + k * step) as usize).collect())
}

/// `fmt % args` when the format string is not a known constant.
pub fn format_percent(_a: &mut Annotator, _fmt: &Ann, _args: &Ann, span: Span) -> R {
    Err(Diagnostic::new(
        "E0293",
        "the format string of `%` must be a constant",
        Some(span),
    )
    .help("write the format string literally: `\"%d items\" % n`"))
}

/// An f-string piece: `format_value(value, conversion, spec)`.
pub fn format_value(a: &mut Annotator, g: GraphId, vals: &[Value], args: &[Ann], span: Span) -> R {
    format::format_value(a, g, vals, args, span)
}

/// Annotates operation `i` when it is this module's: calls of str and builder
/// methods (whose results need the call site), builder attributes, and `str % x`.
pub fn try_annotate(a: &mut Annotator, g: GraphId, i: Inst, args: &[Ann], span: Span) -> Option<R> {
    let op = a.p.graphs[g].insts[i].op;
    match (op, args.first()?) {
        (FlowOp::SimpleCall | FlowOp::CallKw, Ann::BoundMethod { receiver, name }) => {
            let name = name.clone();
            let vals = a.p.graphs[g].insts[i].args.clone();
            match **receiver {
                Ann::Str { nullable: false } => {
                    let (pos, kw) = crate::rules::split_call_args(a, g, op, &vals, args);
                    Some(methods::call(a, Some((g, i)), &name, pos, kw, span))
                }
                Ann::StrBuilder => {
                    let (pos, kw) = crate::rules::split_call_args(a, g, op, &vals, args);
                    Some(builder_call(a, &name, pos, kw, span))
                }
                _ => None,
            }
        }
        (FlowOp::GetAttr, Ann::StrBuilder) => {
            let name = match a.p.graphs[g].const_of(a.p.graphs[g].insts[i].args[1]) {
                Some(Const::Str(s)) => s.clone(),
                _ => String::new(),
            };
            Some(if BUILDER_METHODS.contains(&name.as_str()) {
                Ok(Ann::BoundMethod {
                    receiver: Box::new(Ann::StrBuilder),
                    name,
                })
            } else {
                Err(Diagnostic::new(
                    "E0297",
                    format!("StringBuilder has no attribute `{name}`"),
                    Some(span),
                )
                .help(format!("its methods are: {}", BUILDER_METHODS.join(", "))))
            })
        }
        (FlowOp::Mod, Ann::Str { nullable: false }) => Some(format::percent(a, g, i, args, span)),
        (FlowOp::GetSlice, Ann::Tuple(items)) => {
            let vals = a.p.graphs[g].insts[i].args.clone();
            Some(match tuple_slice(&a.p.graphs[g], &vals, items.len()) {
                Ok(picked) => Ok(Ann::Tuple(
                    picked.iter().map(|&k| items[k].clone()).collect(),
                )),
                Err(why) => Err(Diagnostic::new("E0292", why, Some(span))
                    .help("tuples have a fixed size and one type per item; use a list")),
            })
        }
        _ => None,
    }
}

fn builder_call(
    a: &mut Annotator,
    name: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> R {
    let types: Vec<Ann> = pos.iter().map(|(x, _)| x.clone()).collect();
    let ok = kw.is_empty()
        && match (name, types.as_slice()) {
            ("append", [s]) => *s == STR,
            ("append_slice", [s, i, j]) => *s == STR && i.is_int_like() && j.is_int_like(),
            ("append_multiple_char", [s, n]) | ("append_charpsize", [s, n]) => {
                *s == STR && n.is_int_like()
            }
            ("getlength" | "build", []) => true,
            _ => false,
        };
    if !ok {
        let shown: Vec<String> = types.iter().map(|t| a.describe(t)).collect();
        let want = match name {
            "append" => "(s: str)",
            "append_slice" => "(s: str, start: int, end: int)",
            "append_multiple_char" => "(c: str, times: int)",
            "append_charpsize" => "(s: str, size: int)",
            _ => "()",
        };
        return Err(Diagnostic::new(
            "E0297",
            format!(
                "StringBuilder.{name}() takes {want}, called with ({})",
                shown.join(", ")
            ),
            Some(span),
        ));
    }
    Ok(match name {
        "getlength" => Ann::Int,
        "build" => STR,
        _ => Ann::None,
    })
}

/// Annotates a builtin call when it is this module's: `chr`, `ord`, `repr`, `ascii`,
/// `hex`, `oct`, `bin` and the StringBuilder constructor.
pub fn try_builtin(
    a: &mut Annotator,
    q: &str,
    pos: &[(Ann, Span)],
    kw: &[(String, Ann, Span)],
    span: Span,
) -> Option<R> {
    let types: Vec<Ann> = pos.iter().map(|(x, _)| x.clone()).collect();
    if q == "rpy.rstring.StringBuilder" {
        let ok = match (types.as_slice(), kw) {
            ([], []) => true,
            ([n], []) => n.is_int_like(),
            ([], [(k, n, _)]) => k == "init_size" && n.is_int_like(),
            _ => false,
        };
        return Some(if ok {
            Ok(Ann::StrBuilder)
        } else {
            Err(Diagnostic::new(
                "E0297",
                "StringBuilder() takes an optional `init_size` (an int)",
                Some(span),
            ))
        });
    }
    let name = q.strip_prefix("builtins.")?;
    if !matches!(
        name,
        "chr" | "ord" | "repr" | "ascii" | "hex" | "oct" | "bin"
    ) {
        return None;
    }
    let bad = |a: &Annotator, need: &str| -> R {
        let shown: Vec<String> = types.iter().map(|t| a.describe(t)).collect();
        Err(Diagnostic::new(
            "E0240",
            format!("{name}() takes {need}, called with ({})", shown.join(", ")),
            Some(span),
        ))
    };
    if !kw.is_empty() {
        return Some(bad(a, "no keyword arguments"));
    }
    Some(match (name, types.as_slice()) {
        ("chr", [i]) if i.is_int_like() => Ok(STR),
        ("chr", _) => bad(a, "one int"),
        ("ord", [Ann::Str { nullable: false }]) => Ok(Ann::Int),
        ("ord", _) => bad(a, "one str"),
        ("hex" | "oct" | "bin", [i]) if i.is_int_like() => Ok(STR),
        ("hex" | "oct" | "bin", _) => bad(a, "one int"),
        (_, [x]) => match repr_ok(a, x, span) {
            Ok(true) => Ok(STR),
            Ok(false) => bad(a, "a value with a repr rpy can compute"),
            Err(d) => Err(d),
        },
        _ => bad(a, "one argument"),
    })
}
