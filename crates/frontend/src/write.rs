//! The text form of a graph, used by `--dump` and by tests.
//!
//! ```text
//! graph fact(v0)
//! b0(v0):
//!     v1 = le v0, 1                        # 3:8
//!     if v1 then b1() else b2(v0)
//! ```
//! Constants are printed inline in place of their value; handlers print as
//! `except <case> as vN -> bK(...)`.

use crate::entities::Value;
use crate::graph::{Dialect, Exit, Graph, Link, ValueData};
use crate::source::SourceMap;
use std::fmt::Write;

/// Prints a value operand: its name, or the constant inline.
pub fn operand<D: Dialect>(g: &Graph<D>, v: Value) -> String {
    match &g.values[v] {
        ValueData::Const(c) => c.to_string(),
        ValueData::Var { .. } => v.to_string(),
    }
}

fn operands<D: Dialect>(g: &Graph<D>, vs: &[Value]) -> String {
    vs.iter()
        .map(|&v| operand(g, v))
        .collect::<Vec<_>>()
        .join(", ")
}

fn link<D: Dialect>(g: &Graph<D>, l: &Link) -> String {
    format!("{}({})", l.target, operands(g, &l.args))
}

/// Writes a graph; `extra` adds a per-value annotation after each defined value (the
/// annotator and rtyper print types this way), `sources` adds line:col comments.
pub fn write_graph<D: Dialect>(
    g: &Graph<D>,
    sources: Option<&SourceMap>,
    extra: &dyn Fn(Value) -> Option<String>,
) -> String {
    let mut out = String::new();
    let ann = |v: Value| extra(v).map(|s| format!(": {s}")).unwrap_or_default();
    let params: Vec<String> = g
        .params()
        .iter()
        .map(|&v| format!("{v}{}", ann(v)))
        .collect();
    let _ = writeln!(out, "graph {}({})", g.name, params.join(", "));
    for b in g.rpo() {
        let data = &g.blocks[b];
        let params: Vec<String> = data
            .params
            .iter()
            .map(|&v| format!("{v}{}", ann(v)))
            .collect();
        let _ = writeln!(out, "{b}({}):", params.join(", "));
        for &i in &data.insts {
            let inst = &g.insts[i];
            let mut line = format!(
                "    {}{} = {} {}",
                inst.result,
                ann(inst.result),
                inst.op,
                operands(g, &inst.args)
            );
            if let Some(sm) = sources {
                let lc = sm.line_col(inst.span);
                while line.len() < 48 {
                    line.push(' ');
                }
                let _ = write!(line, " # {}:{}", lc.line, lc.col);
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let exit = match &data.exit {
            Exit::Goto(l) => format!("goto {}", link(g, l)),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => {
                format!(
                    "if {} then {} else {}",
                    operand(g, *cond),
                    link(g, if_true),
                    link(g, if_false)
                )
            }
            Exit::Guarded { normal, handlers } => {
                let mut s = match normal {
                    Some(l) => format!("guarded -> {}", link(g, l)),
                    None => "guarded -> !".to_string(),
                };
                for h in handlers {
                    let case = h.case.map_or("*".to_string(), |c| operand(g, c));
                    let _ = write!(s, " except {case} as {} -> {}", h.exc, link(g, &h.link));
                }
                s
            }
            Exit::Return(v) => format!("return {}", operand(g, *v)),
            Exit::Unreachable => "unreachable".to_string(),
        };
        let _ = writeln!(out, "    {exit}");
    }
    out
}
