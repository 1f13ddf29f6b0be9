//! The graph verifier: structural invariants every stage relies on. Run after each stage
//! in tests and debug builds; a failure is an internal error, never a user error.

use crate::entities::Value;
use crate::graph::{Dialect, Exit, Graph, ValueData};
use std::collections::HashSet;

/// Checks that links match their target's parameters and that every variable is
/// defined before it is used (block parameters, earlier results, or handler bindings).
pub fn check_graph<D: Dialect>(g: &Graph<D>) -> Result<(), String> {
    let mut defined_anywhere: HashSet<Value> = HashSet::new();
    for b in g.rpo() {
        let data = &g.blocks[b];
        for &p in &data.params {
            if !defined_anywhere.insert(p) {
                return Err(format!("{}: {p} defined twice", g.name));
            }
        }
        for &i in &data.insts {
            if !defined_anywhere.insert(g.insts[i].result) {
                return Err(format!("{}: {} defined twice", g.name, g.insts[i].result));
            }
        }
    }
    for b in g.rpo() {
        let data = &g.blocks[b];
        let mut local: HashSet<Value> = data.params.iter().copied().collect();
        let is_ok = |v: Value, local: &HashSet<Value>| {
            matches!(g.values[v], ValueData::Const(_)) || local.contains(&v)
        };
        for &i in &data.insts {
            let inst = &g.insts[i];
            for &a in &inst.args {
                if !is_ok(a, &local) {
                    return Err(format!(
                        "{}: {b}: {i} uses {a}, not defined in this block",
                        g.name
                    ));
                }
            }
            local.insert(inst.result);
        }
        let check_link = |l: &crate::graph::Link, extra: Option<Value>| -> Result<(), String> {
            if l.args.len() != g.blocks[l.target].params.len() {
                return Err(format!(
                    "{}: {b}: link to {} passes {} values for {} parameters",
                    g.name,
                    l.target,
                    l.args.len(),
                    g.blocks[l.target].params.len()
                ));
            }
            for &a in &l.args {
                if !is_ok(a, &local) && Some(a) != extra {
                    return Err(format!(
                        "{}: {b}: link to {} passes undefined {a}",
                        g.name, l.target
                    ));
                }
            }
            Ok(())
        };
        match &data.exit {
            Exit::Guarded { normal, handlers } => {
                if data.insts.is_empty() {
                    return Err(format!("{}: {b}: guarded block without operations", g.name));
                }
                if let Some(l) = normal {
                    check_link(l, None)?;
                }
                for h in handlers {
                    check_link(&h.link, Some(h.exc))?;
                }
            }
            Exit::Branch { cond, .. } | Exit::Return(cond) if !is_ok(*cond, &local) => {
                return Err(format!("{}: {b}: exit uses undefined {cond}", g.name));
            }
            exit => {
                for l in exit.links() {
                    check_link(l, None)?;
                }
            }
        }
    }
    Ok(())
}
