//! Lowering of str methods, slicing, `%`-formatting and f-strings. (Placeholder until
//! the strings work lands: the annotator refuses them, so nothing reaches here.)

use super::ops::{Kw, Pos};
use super::Lower;
use annotator::model::Ann;
use frontend::entities::{Inst, Value};
use frontend::graph::InstData;
use frontend::ops::FlowOp;

/// Lowers operation `i` when it is a str-specific one (slicing, formatting...); `None`
/// leaves it to the generic lowering.
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

/// Lowers a builtin call that is about strs (`chr`, `ord`, `repr`...).
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
    l.error("E0341", format!("internal: str method `{name}`"));
    l.konst(crate::lltype::LlConst::Void)
}
