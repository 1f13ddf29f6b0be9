//! The last pass over a built graph: the unbound-read check (E0102), bypassing of blocks
//! that only jump on, removal of trivial
//! variable parameters (every incoming argument is the same constant, or the parameter
//! itself: the constant replaces the parameter), and renumbering of blocks in reverse
//! post-order and of values in order of definition (so dumps are stable and compact).

use super::Builder;
use crate::diag::Diagnostic;
use crate::entities::{Block, Value};
use crate::graph::{Exit, Handler, Link, ValueData};
use crate::ops::{Const, FlowGraph};
use crate::source::Span;
use std::collections::{HashMap, HashSet};

/// Incoming edges of every reachable block: (source block, link index in `links()`).
fn incoming(g: &FlowGraph) -> HashMap<Block, Vec<(Block, usize)>> {
    let mut inc: HashMap<Block, Vec<(Block, usize)>> = HashMap::new();
    for b in g.rpo() {
        for (i, l) in g.blocks[b].exit.links().iter().enumerate() {
            inc.entry(l.target).or_default().push((b, i));
        }
    }
    inc
}

fn link_arg(g: &FlowGraph, (b, i): (Block, usize), j: usize) -> Option<Value> {
    g.blocks[b]
        .exit
        .links()
        .get(i)
        .and_then(|l| l.args.get(j).copied())
}

impl<'a> Builder<'a> {
    /// E0102 for every local read whose value is undefined on every path.
    pub(super) fn check_unbound_reads(&mut self) {
        if self.reads.is_empty() {
            return;
        }
        let g = &self.g;
        let phis = &self.ssa.phis;
        let inc = incoming(g);
        let order = g.rpo();
        let mut defined: HashSet<Value> = HashSet::new();
        let is_def = |v: Value, defined: &HashSet<Value>| match &g.values[v] {
            ValueData::Const(c) => *c != Const::Undefined,
            ValueData::Var { .. } => !phis.contains(&v) || defined.contains(&v),
        };
        loop {
            let mut changed = false;
            for &b in &order {
                for (j, &p) in g.blocks[b].params.iter().enumerate() {
                    if !phis.contains(&p) || defined.contains(&p) {
                        continue;
                    }
                    let edges = inc.get(&b).map(Vec::as_slice).unwrap_or_default();
                    if edges
                        .iter()
                        .any(|&e| link_arg(g, e, j).is_some_and(|a| is_def(a, &defined)))
                    {
                        defined.insert(p);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        // A read site may be built several times (a `finally` body is built once per way
        // out): it is unbound only if no copy of it sees a value.
        let reachable: HashSet<Block> = order.into_iter().collect();
        let mut sites: Vec<(&str, Span)> = vec![];
        let mut bound_sites: HashSet<(u32, u32)> = HashSet::new();
        for (v, name, span, block) in &self.reads {
            if !reachable.contains(block) {
                continue;
            }
            if is_def(*v, &defined) {
                bound_sites.insert((span.start, span.end));
            } else {
                sites.push((name, *span));
            }
        }
        let mut reported = HashSet::new();
        let mut diags = vec![];
        for (name, span) in sites {
            if !bound_sites.contains(&(span.start, span.end)) && reported.insert(name) {
                diags.push(
                    Diagnostic::new(
                        "E0102",
                        format!("local variable '{name}' is read before it is assigned"),
                        Some(span),
                    )
                    .label("no assignment reaches this read")
                    .help(format!("assign `{name}` on every path before this read")),
                );
            }
        }
        self.diags.extend(diags);
    }
}

/// Bypasses empty blocks, removes trivial parameters and renumbers the graph.
pub(super) fn finish(mut g: FlowGraph, phis: &HashSet<Value>) -> FlowGraph {
    bypass_empty_blocks(&mut g);
    let subst = remove_trivial_params(&mut g, phis);
    renumber(&g, &subst)
}

/// Redirects every `goto` or branch link to a block without operations that just jumps
/// on (the branch targets and join points of `if`, `and`, loops...) to where that block
/// jumps.
fn bypass_empty_blocks(g: &mut FlowGraph) {
    loop {
        let inc = incoming(g);
        let mut changed = false;
        for b in g.rpo() {
            if b == g.entry || !g.blocks[b].insts.is_empty() {
                continue;
            }
            let Exit::Goto(out) = g.blocks[b].exit.clone() else {
                continue;
            };
            if out.target == b {
                continue;
            }
            let params = g.blocks[b].params.clone();
            for &(src, i) in inc.get(&b).map(Vec::as_slice).unwrap_or_default() {
                // Guarded links keep their targets: the result or exception is the first
                // parameter there.
                if matches!(g.blocks[src].exit, Exit::Guarded { .. }) {
                    continue;
                }
                let Some(l) = g.blocks[src].exit.links_mut().into_iter().nth(i) else {
                    continue;
                };
                if l.target != b {
                    continue;
                }
                let args = out
                    .args
                    .iter()
                    .map(|a| params.iter().position(|p| p == a).map_or(*a, |k| l.args[k]))
                    .collect();
                *l = Link {
                    target: out.target,
                    args,
                };
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn remove_trivial_params(g: &mut FlowGraph, phis: &HashSet<Value>) -> HashMap<Value, Value> {
    let mut subst: HashMap<Value, Value> = HashMap::new();
    let resolve = |subst: &HashMap<Value, Value>, mut v: Value| {
        while let Some(&w) = subst.get(&v) {
            v = w;
        }
        v
    };
    loop {
        let inc = incoming(g);
        let mut changed = false;
        for b in g.rpo() {
            if b == g.entry {
                continue;
            }
            let edges = inc.get(&b).cloned().unwrap_or_default();
            for j in (0..g.blocks[b].params.len()).rev() {
                let p = g.blocks[b].params[j];
                if !phis.contains(&p) {
                    continue;
                }
                let mut only: Option<Value> = None;
                let mut trivial = true;
                for &e in &edges {
                    let Some(a) = link_arg(g, e, j).map(|a| resolve(&subst, a)) else {
                        trivial = false;
                        break;
                    };
                    if a == p {
                        continue;
                    }
                    match (only, g.const_of(a)) {
                        (_, None) => trivial = false,
                        (None, Some(_)) => only = Some(a),
                        (Some(o), Some(c)) => trivial &= g.const_of(o) == Some(c),
                    }
                    if !trivial {
                        break;
                    }
                }
                let (true, Some(c)) = (trivial, only) else {
                    continue;
                };
                subst.insert(p, c);
                g.blocks[b].params.remove(j);
                for &(src, i) in &edges {
                    if let Some(l) = g.blocks[src].exit.links_mut().into_iter().nth(i) {
                        l.args.remove(j);
                    }
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    subst
        .keys()
        .copied()
        .collect::<Vec<_>>()
        .into_iter()
        .map(|k| (k, resolve(&subst, k)))
        .collect()
}

struct Renumber<'g> {
    old: &'g FlowGraph,
    new: FlowGraph,
    subst: &'g HashMap<Value, Value>,
    blocks: HashMap<Block, Block>,
    values: HashMap<Value, Value>,
}

impl Renumber<'_> {
    fn value(&mut self, v: Value) -> Value {
        let v = self.subst.get(&v).copied().unwrap_or(v);
        if let Some(&n) = self.values.get(&v) {
            return n;
        }
        let n = match &self.old.values[v] {
            ValueData::Const(c) => match self.old.value_spans.get(&v) {
                Some(&span) => self.new.new_const_at(c.clone(), span),
                None => self.new.new_const(c.clone()),
            },
            ValueData::Var { hint } => self.new.new_var(hint.as_deref()),
        };
        self.values.insert(v, n);
        n
    }

    fn link(&mut self, l: &Link) -> Link {
        Link {
            target: self.blocks[&l.target],
            args: l.args.iter().map(|&a| self.value(a)).collect(),
        }
    }
}

fn renumber(g: &FlowGraph, subst: &HashMap<Value, Value>) -> FlowGraph {
    let mut r = Renumber {
        old: g,
        new: FlowGraph::new(g.name.clone(), g.span),
        subst,
        blocks: HashMap::new(),
        values: HashMap::new(),
    };
    let order = g.rpo();
    for &b in &order {
        let nb = if b == g.entry {
            r.new.entry
        } else {
            r.new.new_block()
        };
        r.blocks.insert(b, nb);
    }
    // Variables first, in order of definition; constants (printed inline) after.
    for &b in &order {
        let data = &g.blocks[b];
        let results = data.insts.iter().map(|&i| g.insts[i].result);
        let excs = match &data.exit {
            Exit::Guarded { handlers, .. } => handlers.iter().map(|h| h.exc).collect(),
            _ => vec![],
        };
        for v in data.params.iter().copied().chain(results).chain(excs) {
            r.value(v);
        }
    }
    for &b in &order {
        let nb = r.blocks[&b];
        let data = &g.blocks[b];
        for &p in &data.params {
            let np = r.value(p);
            r.new.blocks[nb].params.push(np);
        }
        for &i in &data.insts {
            let inst = &g.insts[i];
            let args = inst.args.iter().map(|&a| r.value(a)).collect();
            let result = r.value(inst.result);
            r.new.push_op_into(nb, inst.op, args, result, inst.span);
        }
        let exit = match &data.exit {
            Exit::Goto(l) => Exit::Goto(r.link(l)),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => Exit::Branch {
                cond: r.value(*cond),
                if_true: r.link(if_true),
                if_false: r.link(if_false),
            },
            Exit::Guarded { normal, handlers } => {
                let normal = normal.as_ref().map(|l| r.link(l));
                let handlers = handlers
                    .iter()
                    .map(|h| {
                        let case = h.case.map(|c| r.value(c));
                        let exc = r.value(h.exc);
                        Handler {
                            case,
                            exc,
                            link: r.link(&h.link),
                        }
                    })
                    .collect();
                Exit::Guarded { normal, handlers }
            }
            Exit::Return(v) => Exit::Return(r.value(*v)),
            Exit::Unreachable => Exit::Unreachable,
        };
        r.new.set_exit(nb, exit);
    }
    r.new
}
