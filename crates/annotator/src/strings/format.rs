//! Annotation of `%`-formatting and f-string fields: the format string (or spec) must
//! be a constant, and it is checked here against the types of the values, so a bad
//! spec is a translation error rather than a ValueError at run time.

use crate::driver::Annotator;
use crate::model::{Ann, ClassRef};
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst, Value};
use frontend::ops::Const;
use frontend::source::Span;
use rpyrt::str_format::{check_spec, Target};
use rpyrt::str_percent::{parse_format, Piece};

type R = Result<Ann, Diagnostic>;

/// Whether `str(x)` (and so `%s` and `{x}`) is supported for `x`.
pub fn str_ok(a: &mut Annotator, x: &Ann, span: Span) -> Result<bool, Diagnostic> {
    Ok(crate::builtins::user_str(a, x, span)?
        || crate::dict_builtins::print_ok(a, x, span)?
        || crate::builtins::container_repr_ok(a, x, span)?
        || crate::builtins::printable(a, x))
}

/// Whether `repr(x)` (and so `%r`, `!r`) is supported for `x`: primitives, strs,
/// lists and tuples of those, and instances whose class defines `__repr__`.
pub fn repr_ok(a: &mut Annotator, x: &Ann, span: Span) -> Result<bool, Diagnostic> {
    if crate::dict_builtins::print_ok(a, x, span)?
        || crate::builtins::container_repr_ok(a, x, span)?
    {
        return Ok(true);
    }
    match x {
        Ann::Instance {
            class: ClassRef::User(c),
            nullable: false,
        } => {
            if crate::classdef::lookup(a.snapshot, *c, "__repr__").is_none() {
                let n = crate::classdef::class_name(a.snapshot, &ClassRef::User(*c));
                return Err(Diagnostic::new(
                    "E0296",
                    format!("repr() of a `{n}` instance needs a `__repr__` method"),
                    Some(span),
                )
                .note("CPython's default repr shows an address, which differs from run to run")
                .help(format!("define `def __repr__(self): return ...` in `{n}`")));
            }
            let r = a.call_method(x, "__repr__", vec![], vec![], span)?;
            Ok(matches!(r, Ann::Str { nullable: false } | Ann::Impossible))
        }
        Ann::Instance { .. } => Ok(false),
        _ => Ok(crate::builtins::printable(a, x)),
    }
}

/// The text of an f-string format spec. rustpython's parser leaves backslash escapes
/// in format specs unprocessed (`f"{x:\u2022^9}"`), so they are processed here as
/// CPython's tokenizer would (f-strings with raw prefixes are assumed not to use
/// backslashes in their specs).
pub fn spec_text(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let cs: Vec<char> = raw.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let hex = |s: &[char]| -> Option<char> {
        let t: String = s.iter().collect();
        u32::from_str_radix(&t, 16).ok().and_then(char::from_u32)
    };
    while i < cs.len() {
        if cs[i] != '\\' || i + 1 == cs.len() {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        let c = cs[i + 1];
        let simple = match c {
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            _ => None,
        };
        if let Some(x) = simple {
            out.push(x);
            i += 2;
            continue;
        }
        let width = match c {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        if width > 0 && i + 2 + width <= cs.len() {
            if let Some(x) = hex(&cs[i + 2..i + 2 + width]) {
                out.push(x);
                i += 2 + width;
                continue;
            }
        }
        if c.is_digit(8) {
            let n = cs[i + 1..]
                .iter()
                .take(3)
                .take_while(|d| d.is_digit(8))
                .count();
            let t: String = cs[i + 1..i + 1 + n].iter().collect();
            if let Some(x) = u32::from_str_radix(&t, 8).ok().and_then(char::from_u32) {
                out.push(x);
                i += 1 + n;
                continue;
            }
        }
        out.push('\\');
        i += 1;
    }
    out
}

fn const_str(a: &Annotator, g: GraphId, v: Value) -> Option<String> {
    match a.p.graphs[g].const_of(v) {
        Some(Const::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

/// `fmt % args` with a str on the left (operation `i` of graph `g`).
pub fn percent(a: &mut Annotator, g: GraphId, i: Inst, args: &[Ann], span: Span) -> R {
    let vals = a.p.graphs[g].insts[i].args.clone();
    let Some(fmt) = const_str(a, g, vals[0]) else {
        return Err(Diagnostic::new(
            "E0293",
            "the format string of `%` must be a constant",
            Some(span),
        )
        .note("rpy compiles `%`-formatting at translation time, as RPython does")
        .help("write the format string literally: `\"%d items\" % n`"));
    };
    let pieces = parse_format(&fmt).map_err(|e| {
        let d = Diagnostic::new(
            "E0294",
            format!("bad `%` format string {fmt:?}: {}", e.msg),
            Some(span),
        );
        if e.python {
            d.note("CPython would raise ValueError here")
        } else {
            d.help("use `%s`-style conversions with a tuple of values")
        }
    })?;
    let values: Vec<Ann> = match &args[1] {
        Ann::Tuple(items) => items.clone(),
        x => vec![x.clone()],
    };
    let convs: Vec<_> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Conv(c) => Some(c),
            Piece::Lit(_) => None,
        })
        .collect();
    if convs.len() != values.len() {
        let msg = if convs.len() > values.len() {
            "not enough arguments for format string"
        } else {
            "not all arguments converted during string formatting"
        };
        return Err(Diagnostic::new(
            "E0294",
            format!(
                "{msg}: {fmt:?} has {} conversion{} but {} value{} given",
                convs.len(),
                if convs.len() == 1 { "" } else { "s" },
                values.len(),
                if values.len() == 1 { " is" } else { "s are" }
            ),
            Some(span),
        )
        .note("CPython would raise TypeError here"));
    }
    for (c, x) in convs.iter().zip(&values) {
        // A number that may be None is unboxed (TypeError for None) by numeric
        // conversions.
        let x = match (c.ty, x) {
            (b's' | b'r' | b'a', _) => x,
            (_, Ann::Optional(inner)) => &**inner,
            _ => x,
        };
        let ok = match c.ty {
            b's' => str_ok(a, x, span)?,
            b'r' | b'a' => repr_ok(a, x, span)?,
            b'c' => x.is_int_like() || *x == Ann::Str { nullable: false },
            b'd' | b'i' | b'u' => x.is_numeric(),
            b'o' | b'x' | b'X' => x.is_int_like(),
            _ => x.is_numeric(),
        };
        if !ok {
            let need = match c.ty {
                b's' | b'r' | b'a' => "a printable value",
                b'c' => "an int or a one-character str",
                b'o' | b'x' | b'X' => "an int",
                _ => "a number",
            };
            return Err(Diagnostic::new(
                "E0294",
                format!("`%{}` needs {need}, not {}", c.text, a.describe(x)),
                Some(span),
            ));
        }
    }
    Ok(Ann::Str { nullable: false })
}

/// What `format(x, spec)` formats `x` as, when a spec applies to its type.
pub fn target_of(x: &Ann) -> Option<Target> {
    match x {
        Ann::Int => Some(Target::Int),
        Ann::Bool(_) => Some(Target::Bool),
        Ann::Float => Some(Target::Float),
        Ann::Str { nullable: false } => Some(Target::Str),
        _ => None,
    }
}

/// An f-string field: `format_value(value, conversion, spec)`.
pub fn format_value(a: &mut Annotator, g: GraphId, vals: &[Value], args: &[Ann], span: Span) -> R {
    let conv = const_str(a, g, vals[1]).unwrap_or_default();
    let spec = spec_text(&const_str(a, g, vals[2]).unwrap_or_default());
    let x = &args[0];
    let target = match conv.as_str() {
        "r" | "a" => {
            if !repr_ok(a, x, span)? {
                return Err(Diagnostic::new(
                    "E0295",
                    format!("cannot take repr() of {} in an f-string", a.describe(x)),
                    Some(span),
                ));
            }
            Some(Target::Str)
        }
        "s" => {
            if !str_ok(a, x, span)? {
                return Err(Diagnostic::new(
                    "E0295",
                    format!("cannot format {} in an f-string", a.describe(x)),
                    Some(span),
                ));
            }
            Some(Target::Str)
        }
        _ => {
            if spec.is_empty() {
                if !str_ok(a, x, span)? {
                    return Err(Diagnostic::new(
                        "E0295",
                        format!("cannot format {} in an f-string", a.describe(x)),
                        Some(span),
                    ));
                }
                None
            } else {
                match target_of(x) {
                    Some(t) => Some(t),
                    None => {
                        return Err(Diagnostic::new(
                            "E0295",
                            format!(
                            "a format spec (`:{spec}`) applies to ints, floats and strs, not {}",
                            a.describe(x)
                        ),
                            Some(span),
                        )
                        .help("convert the value first, e.g. `{str(x):>10}`"))
                    }
                }
            }
        }
    };
    if let (Some(t), false) = (target, spec.is_empty()) {
        let cps: Vec<u32> = spec.chars().map(|c| c as u32).collect();
        if let Err(msg) = check_spec(&cps, t) {
            return Err(Diagnostic::new(
                "E0295",
                format!("invalid format spec `:{spec}` for {}: {msg}", t.type_name()),
                Some(span),
            )
            .note("CPython would raise ValueError here"));
        }
    }
    Ok(Ann::Str { nullable: false })
}
