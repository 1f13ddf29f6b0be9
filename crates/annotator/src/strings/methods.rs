//! Signatures of the str methods: which arguments each takes (positionally, and by
//! keyword where CPython allows it), their types, and the result.

use crate::driver::Annotator;
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst};
use frontend::source::Span;

/// The type a parameter accepts.
#[derive(Copy, Clone, PartialEq, Debug)]
enum P {
    Str,
    /// A str or None (None: whitespace / no characters given).
    OptStr,
    Int,
    /// An int or None (None: the default bound).
    OptInt,
    /// A str, or a tuple of strs.
    StrOrTuple,
    /// A list of strs.
    ListOfStr,
}

impl P {
    fn describe(self) -> &'static str {
        match self {
            P::Str => "a str",
            P::OptStr => "a str or None",
            P::Int => "an int",
            P::OptInt => "an int or None",
            P::StrOrTuple => "a str or a tuple of strs",
            P::ListOfStr => "a list of strs",
        }
    }
}

#[derive(Copy, Clone, PartialEq, Debug)]
enum Ret {
    Str,
    Int,
    Bool,
    ListOfStr,
    Tuple3,
}

struct Sig {
    params: &'static [(&'static str, P)],
    required: usize,
    keywords: bool,
    ret: Ret,
}

const fn sig(params: &'static [(&'static str, P)], required: usize, ret: Ret) -> Sig {
    Sig {
        params,
        required,
        keywords: false,
        ret,
    }
}

const BOUNDS: &[(&str, P)] = &[("sub", P::Str), ("start", P::OptInt), ("end", P::OptInt)];
const AFFIX: &[(&str, P)] = &[
    ("prefix", P::StrOrTuple),
    ("start", P::OptInt),
    ("end", P::OptInt),
];
const SPLIT: &[(&str, P)] = &[("sep", P::OptStr), ("maxsplit", P::Int)];
const PAD: &[(&str, P)] = &[("width", P::Int), ("fillchar", P::Str)];

/// The str methods rpy supports.
pub const METHODS: &[&str] = &[
    "split",
    "rsplit",
    "splitlines",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "replace",
    "lower",
    "upper",
    "swapcase",
    "capitalize",
    "title",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isdecimal",
    "isnumeric",
    "istitle",
    "isascii",
    "zfill",
    "ljust",
    "rjust",
    "center",
    "partition",
    "rpartition",
];

fn signature(name: &str) -> Option<Sig> {
    Some(match name {
        "split" | "rsplit" => Sig {
            keywords: true,
            ..sig(SPLIT, 0, Ret::ListOfStr)
        },
        "splitlines" => Sig {
            keywords: true,
            ..sig(&[("keepends", P::Int)], 0, Ret::ListOfStr)
        },
        "join" => sig(&[("iterable", P::ListOfStr)], 1, Ret::Str),
        "strip" | "lstrip" | "rstrip" => sig(&[("chars", P::OptStr)], 0, Ret::Str),
        "startswith" | "endswith" => sig(AFFIX, 1, Ret::Bool),
        "find" | "rfind" | "index" | "rindex" | "count" => sig(BOUNDS, 1, Ret::Int),
        "replace" => sig(
            &[("old", P::Str), ("new", P::Str), ("count", P::Int)],
            2,
            Ret::Str,
        ),
        "lower" | "upper" | "swapcase" | "capitalize" | "title" => sig(&[], 0, Ret::Str),
        "zfill" => sig(&[("width", P::Int)], 1, Ret::Str),
        "ljust" | "rjust" | "center" => sig(PAD, 1, Ret::Str),
        "partition" | "rpartition" => sig(&[("sep", P::Str)], 1, Ret::Tuple3),
        n if rpyrt::str_case::StrClass::from_method(n).is_some() => sig(&[], 0, Ret::Bool),
        _ => return None,
    })
}

pub fn is_method(name: &str) -> bool {
    signature(name).is_some()
}

fn accepts(a: &mut Annotator, p: P, x: &Ann) -> bool {
    let s = Ann::Str { nullable: false };
    match p {
        P::Str => *x == s,
        P::OptStr => *x == s || *x == Ann::None,
        P::Int => x.is_int_like(),
        P::OptInt => x.is_int_like() || *x == Ann::None,
        P::StrOrTuple => {
            *x == s
                || matches!(x, Ann::Tuple(items) if !items.is_empty() && items.iter().all(|i| *i == s))
        }
        P::ListOfStr => match x {
            Ann::List {
                def,
                nullable: false,
            } => matches!(
                a.read_list(*def),
                Ann::Str { nullable: false } | Ann::Impossible
            ),
            _ => false,
        },
    }
}

/// Annotates `s.name(pos..., kw...)`; `site` keys the list a split makes.
pub fn call(
    a: &mut Annotator,
    site: Option<(GraphId, Inst)>,
    name: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> Result<Ann, Diagnostic> {
    let Some(sig) = signature(name) else {
        return Err(super::no_attr(name, span));
    };
    let max = sig.params.len();
    if pos.len() > max {
        let what = if max == 0 {
            "takes no arguments".to_string()
        } else {
            format!(
                "takes at most {max} argument{}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(Diagnostic::new(
            "E0291",
            format!("str.{name}() {what} ({} given)", pos.len()),
            Some(span),
        ));
    }
    let mut slots: Vec<Option<(Ann, Span)>> = vec![None; max];
    for (k, p) in pos.into_iter().enumerate() {
        slots[k] = Some(p);
    }
    if !kw.is_empty() && !sig.keywords {
        return Err(Diagnostic::new(
            "E0298",
            format!("str.{name}() takes no keyword arguments"),
            Some(kw[0].2),
        )
        .help("pass the arguments by position"));
    }
    for (k, x, s) in kw {
        match sig.params.iter().position(|(n, _)| *n == k) {
            Some(i) if slots[i].is_none() => slots[i] = Some((x, s)),
            Some(_) => {
                return Err(Diagnostic::new(
                    "E0291",
                    format!("str.{name}() got multiple values for argument `{k}`"),
                    Some(s),
                ))
            }
            None => {
                return Err(Diagnostic::new(
                    "E0291",
                    format!("str.{name}() got an unexpected keyword argument `{k}`"),
                    Some(s),
                ))
            }
        }
    }
    for (i, ((pname, p), slot)) in sig.params.iter().zip(&slots).enumerate() {
        match slot {
            None if i < sig.required => {
                return Err(Diagnostic::new(
                    "E0291",
                    format!("str.{name}() is missing its argument `{pname}`"),
                    Some(span),
                ))
            }
            None => {}
            Some((x, s)) => {
                if !accepts(a, *p, x) {
                    let shown = a.describe(x);
                    return Err(Diagnostic::new(
                        "E0291",
                        format!(
                            "str.{name}(): argument `{pname}` must be {}, not {shown}",
                            p.describe()
                        ),
                        Some(*s),
                    )
                    .label(format!("this is {}", crate::messages::with_article(&shown))));
                }
            }
        }
    }
    let s = Ann::Str { nullable: false };
    Ok(match sig.ret {
        Ret::Str => s,
        Ret::Int => Ann::Int,
        Ret::Bool => Ann::Bool(None),
        Ret::Tuple3 => Ann::Tuple(vec![s.clone(), s.clone(), s]),
        Ret::ListOfStr => {
            let d = match site {
                Some(site) => {
                    *a.p.list_sites
                        .entry(site)
                        .or_insert_with(|| a.p.listdefs.new_def())
                }
                None => a.p.listdefs.new_def(),
            };
            a.generalize_list(d, &s, span);
            Ann::List {
                def: d,
                nullable: false,
            }
        }
    })
}
