//! Annotation of str methods, slicing, `%`-formatting and f-string pieces.
//! (Placeholder: refuses everything until the strings work lands.)

use crate::driver::Annotator;
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Value};
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;

fn not_yet(what: &str, span: Span) -> Diagnostic {
    Diagnostic::new("E0100", format!("{what} is not supported yet"), Some(span))
}

/// `s.name`: a bound str method.
pub fn getattr(_a: &mut Annotator, _recv: &Ann, name: &str, span: Span) -> R {
    Err(not_yet(&format!("the str method `{name}`"), span))
}

/// `s.name(args)`.
pub fn call_method(
    _a: &mut Annotator,
    _recv: &Ann,
    name: &str,
    _pos: Vec<(Ann, Span)>,
    _kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> R {
    Err(not_yet(&format!("the str method `{name}`"), span))
}

/// `x[start:stop:step]` on str and lists.
pub fn getslice(_a: &mut Annotator, _args: &[Ann], span: Span) -> R {
    Err(not_yet("slicing", span))
}

/// `fmt % args`.
pub fn format_percent(_a: &mut Annotator, _fmt: &Ann, _args: &Ann, span: Span) -> R {
    Err(not_yet("`%`-formatting", span))
}

/// An f-string piece: `format_value(value, conversion, spec)`.
pub fn format_value(
    _a: &mut Annotator,
    _g: GraphId,
    _vals: &[Value],
    _args: &[Ann],
    span: Span,
) -> R {
    Err(not_yet("f-strings", span))
}

/// Annotates operation `i` when it is this module's (any operand a str needing special rules); `None` leaves it
/// to the generic rules.
pub fn try_annotate(
    _a: &mut Annotator,
    _g: GraphId,
    _i: frontend::entities::Inst,
    _args: &[Ann],
    _span: Span,
) -> Option<R> {
    None
}

/// Annotates a builtin call when it is this module's (`dict()`, `set()`, `len(d)`... /
/// `chr`, `ord`, `repr`...); `None` leaves it to the generic rules.
pub fn try_builtin(
    _a: &mut Annotator,
    _q: &str,
    _pos: &[(Ann, Span)],
    _kw: &[(String, Ann, Span)],
    _span: Span,
) -> Option<R> {
    None
}
