//! Lowering of text files (`annotator::files`): `open(path[, mode])` and the methods
//! `read()` and `close()` are runtime calls (crates/runtime/src/file.rs) on the file's
//! handle, an int.

use super::Lower;
use crate::lltype::LlConst;
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::Value;
use frontend::graph::InstData;
use frontend::ops::FlowOp;

/// Lowers a call of a file's method; `None` when the operation is not one.
pub fn try_lower(
    l: &mut Lower,
    inst: &InstData<FlowOp>,
    args: &[Value],
    anns: &[Ann],
) -> Option<Value> {
    let Ann::BoundMethod { receiver, name } = anns.first()? else {
        return None;
    };
    if inst.op != FlowOp::SimpleCall || **receiver != Ann::File {
        return None;
    }
    Some(match name.as_str() {
        "read" => l.call_rt(&rt::FILE_READ, vec![args[0]]),
        _ => {
            l.call_rt(&rt::FILE_CLOSE, vec![args[0]]);
            l.konst(LlConst::Void)
        }
    })
}

/// Lowers `open(path)` and `open(path, mode)`.
pub fn try_builtin(l: &mut Lower, q: &str, pos: &[(Value, Ann)]) -> Option<Value> {
    if q != "builtins.open" {
        return None;
    }
    let path = pos.first()?.0;
    let mode = match pos.get(1) {
        Some((m, _)) => *m,
        None => l.konst(LlConst::Null),
    };
    Some(l.call_rt(&rt::FILE_OPEN, vec![path, mode]))
}
