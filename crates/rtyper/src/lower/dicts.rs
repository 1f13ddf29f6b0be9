//! Lowering of dicts and sets. (Placeholder until dicts land: the annotator refuses
//! them, so nothing reaches here.)

use super::ops::{Kw, Pos};
use super::Lower;
use annotator::model::Ann;
use frontend::entities::{Inst, Value};
use frontend::graph::{Handler, InstData, Link};
use frontend::ops::FlowOp;

/// Lowers operation `i` when an operand is a dict or set; `None` leaves it to the
/// generic lowering.
pub fn try_lower(
    _l: &mut Lower,
    _i: Inst,
    _inst: &InstData<FlowOp>,
    _args: &[Value],
    _anns: &[Ann],
    _res: &Ann,
) -> Option<Value> {
    None
}

/// Lowers a builtin call on dicts or sets; `None` leaves it to the generic lowering.
pub fn try_builtin(_l: &mut Lower, _q: &str, _pos: &Pos, _kw: &Kw, _res: &Ann) -> Option<Value> {
    None
}

pub fn call_method(
    l: &mut Lower,
    _recv: Value,
    _ra: &Ann,
    name: &str,
    _pos: Pos,
    _kw: Kw,
    _res: &Ann,
) -> Value {
    l.error("E0340", format!("internal: dict method `{name}`"));
    l.konst(crate::lltype::LlConst::Void)
}

/// A `for` loop's `next` over a dict or set iterator; `None` when not one.
pub fn lower_loop_next(
    _l: &mut Lower,
    _i: Inst,
    _normal: Option<&Link>,
    _handlers: &[Handler],
) -> Option<bool> {
    None
}
