//! Text files opened for reading: `open(path)` or `open(path, "r")` gives an
//! [`Ann::File`], whose methods are `read()` (the rest of the file as a str) and
//! `close()`. That is all an interpreter needs to load its program; writing files and
//! `with` blocks are not supported.

use crate::driver::Annotator;
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Inst};
use frontend::ops::{Const, FlowOp};
use frontend::source::Span;

type R = Result<Ann, Diagnostic>;

/// The methods of a file that rpy supports.
pub const FILE_METHODS: &[&str] = &["read", "close"];

const STR: Ann = Ann::Str { nullable: false };

/// Annotates operation `i` when it is about a file: an attribute of a file, or a call
/// of a file's method.
pub fn try_annotate(a: &mut Annotator, g: GraphId, i: Inst, args: &[Ann], span: Span) -> Option<R> {
    let op = a.p.graphs[g].insts[i].op;
    match (op, args.first()?) {
        (FlowOp::GetAttr, Ann::File) => {
            let name = match a.p.graphs[g].const_of(a.p.graphs[g].insts[i].args[1]) {
                Some(Const::Str(s)) => s.clone(),
                _ => String::new(),
            };
            Some(if FILE_METHODS.contains(&name.as_str()) {
                Ok(Ann::BoundMethod {
                    receiver: Box::new(Ann::File),
                    name,
                })
            } else {
                Err(Diagnostic::new(
                    "E0299",
                    format!("a file has no attribute `{name}` in rpy"),
                    Some(span),
                )
                .help(format!("its methods are: {}", FILE_METHODS.join(", "))))
            })
        }
        (FlowOp::SimpleCall | FlowOp::CallKw, Ann::BoundMethod { receiver, name })
            if **receiver == Ann::File =>
        {
            Some(if op == FlowOp::SimpleCall && args.len() == 1 {
                Ok(match name.as_str() {
                    "read" => STR,
                    _ => Ann::None,
                })
            } else {
                Err(Diagnostic::new(
                    "E0299",
                    format!("file.{name}() takes no arguments in rpy"),
                    Some(span),
                ))
            })
        }
        _ => None,
    }
}

/// Annotates `open(path)` and `open(path, mode)` (mode "r" or "rt": others raise
/// ValueError at run time).
pub fn try_builtin(
    a: &mut Annotator,
    q: &str,
    pos: &[(Ann, Span)],
    kw: &[(String, Ann, Span)],
    span: Span,
) -> Option<R> {
    if q != "builtins.open" {
        return None;
    }
    let ok = kw.is_empty()
        && match pos {
            [(p, _)] => *p == STR,
            [(p, _), (m, _)] => *p == STR && *m == STR,
            _ => false,
        };
    Some(if ok {
        Ok(Ann::File)
    } else {
        let shown: Vec<String> = pos.iter().map(|(x, _)| a.describe(x)).collect();
        Err(Diagnostic::new(
            "E0299",
            format!(
                "open() takes (path: str, mode: str = 'r') in rpy, called with ({})",
                shown.join(", ")
            ),
            Some(span),
        )
        .note("rpy opens text files for reading only"))
    })
}
