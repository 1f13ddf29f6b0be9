//! Annotation of dicts (and sets). (Placeholder: refuses everything until dicts land.)

use crate::driver::Annotator;
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst};
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;

fn not_yet(what: &str, span: Span) -> Diagnostic {
    Diagnostic::new("E0100", format!("{what} is not supported yet"), Some(span))
}

pub fn is_dict(_a: &Ann) -> bool {
    false
}

/// `newdict` and `delitem`.
pub fn annotate_op(_a: &mut Annotator, _g: GraphId, _i: Inst, _args: &[Ann], span: Span) -> R {
    Err(not_yet("dicts", span))
}

pub fn getattr(_a: &mut Annotator, _recv: &Ann, name: &str, span: Span) -> R {
    Err(not_yet(&format!("the dict method `{name}`"), span))
}

pub fn call_method(
    _a: &mut Annotator,
    _recv: &Ann,
    name: &str,
    _pos: Vec<(Ann, Span)>,
    _kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> R {
    Err(not_yet(&format!("the dict method `{name}`"), span))
}

/// Annotates operation `i` when it is this module's (any operand a dict or set); `None` leaves it
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
