//! Portals: the graph of each `JitDriver`'s `jit_merge_point` is reshaped so the merge
//! point starts a block whose parameters are exactly the greens and reds. The JIT hands
//! control back to compiled code by jumping there with new values (after a guard failed
//! and the blackhole interpreter ran to the next merge point), and `can_enter_jit` enters
//! a compiled loop by jumping there too.
//!
//! A variable defined before the merge point and used after it must be a green or a red
//! (as in RPython): the JIT only carries those across.

use frontend::diag::Diagnostic;
use frontend::entities::{Block, Value};
use frontend::graph::{Exit, Link};
use rtyper::lltype::{LlConst, LlOp};
use rtyper::LlFunction;
use std::collections::{HashMap, HashSet};

/// Where a driver's merge point ended up.
#[derive(Clone, Debug)]
pub struct MergePoint {
    pub driver: usize,
    /// The block that starts with the merge point; its parameters are greens + reds.
    pub block: Block,
}

/// The drivers whose merge point is in `f`, after splitting its block.
pub fn split_merge_points(f: &mut LlFunction) -> Result<Vec<MergePoint>, Diagnostic> {
    while let Some((b, k)) = find_unsplit(f) {
        split_at(f, b, k)?;
    }
    let mut found = vec![];
    for (b, data) in f.graph.blocks.iter() {
        if let Some(&i) = data.insts.first() {
            let inst = &f.graph.insts[i];
            if inst.op == LlOp::JitMergePoint {
                found.push(MergePoint {
                    driver: driver_of(f, &inst.args),
                    block: b,
                });
            }
        }
    }
    Ok(found)
}

fn driver_of(f: &LlFunction, args: &[Value]) -> usize {
    match f.graph.const_of(args[0]) {
        Some(LlConst::Int(i)) => *i as usize,
        _ => 0,
    }
}

/// A merge point that is not yet the first operation of a block with matching params.
fn find_unsplit(f: &LlFunction) -> Option<(Block, usize)> {
    for (b, data) in f.graph.blocks.iter() {
        for (k, &i) in data.insts.iter().enumerate() {
            let inst = &f.graph.insts[i];
            if inst.op != LlOp::JitMergePoint {
                continue;
            }
            // Already in shape: first in a block (not the entry, which the JIT cannot
            // jump back to) whose parameters are its greens and reds.
            let done = k == 0 && inst.args[1..] == data.params[..] && b != f.graph.entry;
            if !done {
                return Some((b, k));
            }
        }
    }
    None
}

fn split_at(f: &mut LlFunction, b: Block, k: usize) -> Result<MergePoint, Diagnostic> {
    let mp = f.graph.blocks[b].insts[k];
    let old_args = f.graph.insts[mp].args.clone();
    let driver = driver_of(f, &old_args);
    // The new block: params are fresh copies of the greens and reds.
    let nb = f.graph.new_block();
    let mut rename = HashMap::new();
    let mut new_args = vec![old_args[0]];
    for &a in &old_args[1..] {
        if f.graph.is_const(a) {
            // A constant green or red still gets a parameter (the JIT passes new values).
            let t = f.ty(a);
            let p = f.graph.add_param(nb, Some("jitvar"));
            f.types.insert(p, t);
            new_args.push(p);
            continue;
        }
        let p = f.graph.add_param(nb, None);
        f.types.insert(p, f.ty(a));
        rename.insert(a, p);
        new_args.push(p);
    }
    let tail: Vec<_> = f.graph.blocks[b].insts.split_off(k);
    let exit = std::mem::replace(
        &mut f.graph.blocks[b].exit,
        Exit::Goto(Link {
            target: nb,
            args: old_args[1..].to_vec(),
        }),
    );
    f.graph.blocks[nb].insts = tail;
    f.graph.blocks[nb].exit = exit;
    f.graph.insts[mp].args = new_args;
    // Uses after the merge point: in the new block and every block only it reaches.
    let after = dominated_by(f, nb);
    let defined_before: HashSet<Value> = defined_outside(f, &after);
    for &blk in &after {
        let insts = f.graph.blocks[blk].insts.clone();
        for i in insts {
            for a in f.graph.insts[i].args.iter_mut() {
                if let Some(&n) = rename.get(a) {
                    *a = n;
                }
            }
        }
        let mut exit = f.graph.blocks[blk].exit.clone();
        rename_exit(&mut exit, &rename);
        f.graph.blocks[blk].exit = exit;
    }
    // Anything else defined before and used after is not carried by the JIT.
    for &blk in &after {
        for v in uses(f, blk) {
            if defined_before.contains(&v) && !rename.contains_key(&v) && !f.graph.is_const(v) {
                let name = match &f.graph.values[v] {
                    frontend::graph::ValueData::Var { hint: Some(h) } => h.clone(),
                    _ => format!("{v}"),
                };
                let span = f.graph.insts[mp].span;
                return Err(Diagnostic::new(
                    "E0364",
                    format!(
                        "`{name}` is live across this jit_merge_point but is neither a green nor a red of the driver"
                    ),
                    Some(span),
                )
                .note(format!(
                    "the JIT carries only the greens and reds from one pass through {} to the next",
                    f.graph.name
                ))
                .help(format!("add `{name}` to the driver's `reds` (or `greens`) and pass it to jit_merge_point")));
            }
        }
    }
    Ok(MergePoint { driver, block: nb })
}

fn rename_exit(exit: &mut Exit, rename: &HashMap<Value, Value>) {
    let r = |v: &mut Value| {
        if let Some(&n) = rename.get(v) {
            *v = n;
        }
    };
    match exit {
        Exit::Branch { cond, .. } => r(cond),
        Exit::Return(v) => r(v),
        _ => {}
    }
    for l in exit.links_mut() {
        for a in l.args.iter_mut() {
            r(a);
        }
    }
    if let Exit::Guarded { handlers, .. } = exit {
        for h in handlers {
            for a in h.link.args.iter_mut() {
                r(a);
            }
        }
    }
}

/// The values a block reads.
fn uses(f: &LlFunction, b: Block) -> Vec<Value> {
    let data = &f.graph.blocks[b];
    let mut out: Vec<Value> = vec![];
    for &i in &data.insts {
        out.extend(f.graph.insts[i].args.iter().copied());
    }
    if let Exit::Branch { cond, .. } = &data.exit {
        out.push(*cond);
    }
    if let Exit::Return(v) = &data.exit {
        out.push(*v);
    }
    let handler_excs: HashSet<Value> = match &data.exit {
        Exit::Guarded { handlers, .. } => handlers.iter().map(|h| h.exc).collect(),
        _ => HashSet::new(),
    };
    for l in data.exit.links() {
        out.extend(l.args.iter().copied().filter(|v| !handler_excs.contains(v)));
    }
    out
}

/// Values defined in blocks outside `inside` (params and results).
fn defined_outside(f: &LlFunction, inside: &[Block]) -> HashSet<Value> {
    let inside: HashSet<Block> = inside.iter().copied().collect();
    let mut out = HashSet::new();
    for (b, data) in f.graph.blocks.iter() {
        if inside.contains(&b) {
            continue;
        }
        out.extend(data.params.iter().copied());
        for &i in &data.insts {
            out.insert(f.graph.insts[i].result);
        }
    }
    out
}

/// The blocks `start` dominates (reachable only through it), `start` included.
fn dominated_by(f: &LlFunction, start: Block) -> Vec<Block> {
    // Blocks reachable from the entry without passing through `start`.
    let mut avoid = HashSet::new();
    let mut stack = vec![f.graph.entry];
    while let Some(b) = stack.pop() {
        if b == start || !avoid.insert(b) {
            continue;
        }
        stack.extend(f.graph.blocks[b].exit.successors());
    }
    let mut out = vec![];
    let mut seen = HashSet::new();
    let mut stack = vec![start];
    while let Some(b) = stack.pop() {
        if avoid.contains(&b) || !seen.insert(b) {
            continue;
        }
        out.push(b);
        stack.extend(f.graph.blocks[b].exit.successors());
    }
    out
}
