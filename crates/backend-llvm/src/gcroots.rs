//! Which references a function must keep on the GC's shadow stack: every reference
//! value live across an operation that can collect (a call of a graph, an allocation's
//! slow path, a poll after a runtime call that allocates, a JIT hint) gets a slot of the
//! function's shadow-stack frame. The emitter stores it there before such an operation
//! and reloads it after (the object may have moved). Stack-allocated iterators hold a
//! reference too (the list or dict they walk): their reference words get slots as well.
//!
//! Also decides which stores need no write barrier: stores into an object allocated in
//! the same block with nothing that can collect in between (it is young, or was
//! allocated old and remembered).

use frontend::entities::GraphId;
use frontend::entities::{Block, Inst, Value};
use frontend::graph::Exit;
use rtyper::lltype::{LlConst, LlOp, LlType};
use rtyper::runtime_fns::{self as rt, RuntimeFn};
use rtyper::{LlFunction, LlProgram};
use std::collections::{HashMap, HashSet};

/// What one root slot holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Root {
    /// A reference value.
    Value(Value),
    /// The reference word at this byte offset of a stack-allocated struct.
    Word(Value, i64),
}

#[derive(Default)]
pub struct GcInfo {
    /// Slot index of every root; the frame has `slots.len()` words.
    pub slots: HashMap<Root, u32>,
    /// For each operation that can collect: the roots live after it.
    pub live_across: HashMap<Inst, Vec<Root>>,
    /// Stores that need no write barrier.
    pub no_barrier: HashSet<Inst>,
    /// Reference values kept in stack memory (their slots' values are reloaded).
    pub spilled: HashSet<Value>,
}

/// Whether generated code polls for a requested collection after calling `rf` (it may
/// allocate). Polls only bound memory; leaving one out is never incorrect.
pub fn polls_after(rf: &RuntimeFn) -> bool {
    !std::ptr::eq(rf, &rt::ALLOC)
        && (rf.ret == LlType::Ref
            || [
                "grow",
                "insert",
                "extend",
                "store",
                "append",
                "sb_",
                "setdefault",
            ]
            .iter()
            .any(|s| rf.name.contains(s)))
}

/// When an operation may run a collection.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Collects {
    Never,
    /// During the operation (a call, an allocation): its result is not a root yet.
    During,
    /// In the poll after it (a runtime call that allocates): its result is a root.
    After,
}

/// The graphs that may run a collection (RPython's CollectAnalyzer): those that
/// allocate, poll, call through a pointer, hold a JIT hint, or call such a graph.
/// Calls of the others need not save anything.
pub fn collecting_graphs(prog: &LlProgram, jit: bool) -> HashSet<GraphId> {
    let mut callers: HashMap<GraphId, Vec<GraphId>> = HashMap::new();
    let mut work = vec![];
    let all = HashSet::new();
    for (g, f) in prog.functions.iter() {
        let mut direct = false;
        // Polls count where they can repeat (in a loop); on a straight path they are
        // dropped rather than make the graph collecting.
        let polls = has_loop(f);
        for b in f.graph.rpo() {
            for &i in &f.graph.blocks[b].insts {
                let inst = &f.graph.insts[i];
                if inst.op == LlOp::DirectCall {
                    if let Some(LlConst::Graph(callee)) = f.graph.const_of(inst.args[0]) {
                        callers.entry(*callee).or_default().push(g);
                        continue;
                    }
                }
                let ctx = Ctx {
                    jit,
                    collecting: &all,
                    conservative: true,
                    polls,
                };
                if collects(f, inst.op, &inst.args, &ctx) != Collects::Never {
                    direct = true;
                }
            }
        }
        if direct {
            work.push(g);
        }
    }
    let mut out: HashSet<GraphId> = HashSet::new();
    while let Some(g) = work.pop() {
        if out.insert(g) {
            work.extend(callers.get(&g).into_iter().flatten().copied());
        }
    }
    out
}

/// Whether the graph has a cycle (a link back to a block at or before it in RPO).
fn has_loop(f: &LlFunction) -> bool {
    let order = f.graph.rpo();
    let pos: HashMap<_, _> = order.iter().enumerate().map(|(k, b)| (*b, k)).collect();
    order.iter().enumerate().any(|(k, b)| {
        f.graph.blocks[*b]
            .exit
            .links()
            .iter()
            .any(|l| pos.get(&l.target).is_some_and(|&t| t <= k))
    })
}

/// What decides whether an operation collects.
pub struct Ctx<'a> {
    pub jit: bool,
    /// The graphs that may collect (see [`collecting_graphs`]).
    pub collecting: &'a HashSet<GraphId>,
    /// Every direct call collects (while computing `collecting`).
    pub conservative: bool,
    /// Poll after runtime calls that allocate. Only graphs that collect anyway poll: a
    /// poll alone would make a graph (and its callers' calls) collecting, and polls
    /// only bound memory (other code polls soon enough).
    pub polls: bool,
}

/// Whether operation `op` may run a collection. With the JIT, its hints may (before
/// tracing, to make the green objects old); the runtime forbids collections while the
/// JIT itself runs.
pub fn collects(f: &LlFunction, op: LlOp, args: &[Value], cx: &Ctx) -> Collects {
    let jit = cx.jit;
    match op {
        LlOp::DirectCall => match f.graph.const_of(args[0]) {
            Some(LlConst::Graph(g)) if !cx.conservative && !cx.collecting.contains(g) => {
                Collects::Never
            }
            _ => Collects::During,
        },
        LlOp::IndirectCall => Collects::During,
        LlOp::JitMergePoint | LlOp::JitCanEnter if jit => Collects::During,
        LlOp::CallRuntime => match f.graph.const_of(args[0]) {
            Some(LlConst::Runtime(rf)) if std::ptr::eq(*rf, &rt::ALLOC) => Collects::During,
            Some(LlConst::Runtime(rf)) if cx.polls && polls_after(rf) => Collects::After,
            _ => Collects::Never,
        },
        _ => Collects::Never,
    }
}

fn is_alloc(f: &LlFunction, op: LlOp, args: &[Value]) -> bool {
    op == LlOp::CallRuntime
        && matches!(f.graph.const_of(args[0]), Some(LlConst::Runtime(rf)) if std::ptr::eq(*rf, &rt::ALLOC))
}

pub fn analyze(f: &LlFunction, cx: &Ctx) -> GcInfo {
    let g = &f.graph;
    let var = |v: &Value| g.const_of(*v).is_none();
    // Stack structs (a StackAlloc, or a block parameter that receives one) and the
    // reference words of each StackAlloc.
    let mut origin: HashMap<Value, Value> = HashMap::new();
    for b in g.rpo() {
        for &i in &g.blocks[b].insts {
            if g.insts[i].op == LlOp::StackAlloc {
                origin.insert(g.insts[i].result, g.insts[i].result);
            }
        }
    }
    loop {
        let mut changed = false;
        for b in g.rpo() {
            for l in g.blocks[b].exit.links() {
                let params = &g.blocks[l.target].params;
                for (p, a) in params.iter().zip(&l.args) {
                    if let Some(&o) = origin.get(a) {
                        if origin.insert(*p, o) != Some(o) {
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut words_of: HashMap<Value, Vec<i64>> = HashMap::new();
    for b in g.rpo() {
        for &i in &g.blocks[b].insts {
            let inst = &g.insts[i];
            if inst.op == LlOp::SetField(LlType::Ref) {
                if let (Some(o), Some(LlConst::Int(off))) =
                    (origin.get(&inst.args[0]), g.const_of(inst.args[1]))
                {
                    let words = words_of.entry(*o).or_default();
                    if !words.contains(off) {
                        words.push(*off);
                    }
                }
            }
        }
    }
    let stack_structs: HashMap<Value, Vec<i64>> = origin
        .iter()
        .map(|(v, o)| (*v, words_of.get(o).cloned().unwrap_or_default()))
        .collect();
    let is_root_value =
        |v: &Value| var(v) && f.ty(*v) == LlType::Ref && !stack_structs.contains_key(v);
    let holds_refs = |v: &Value| stack_structs.get(v).is_some_and(|w| !w.is_empty());

    // Block liveness (values used in blocks their definition dominates included).
    let order = g.rpo();
    let mut live_in: HashMap<Block, HashSet<Value>> = HashMap::new();
    let exit_uses = |b: Block| -> (Vec<Value>, Vec<Value>) {
        let mut uses = vec![];
        let mut defs = vec![];
        match &g.blocks[b].exit {
            Exit::Branch { cond, .. } => uses.push(*cond),
            Exit::Return(v) => uses.push(*v),
            Exit::Guarded { handlers, .. } => defs.extend(handlers.iter().map(|h| h.exc)),
            _ => {}
        }
        for l in g.blocks[b].exit.links() {
            uses.extend(l.args.iter().copied());
        }
        (uses, defs)
    };
    let block_live = |b: Block, live_in: &HashMap<Block, HashSet<Value>>| -> HashSet<Value> {
        let mut live: HashSet<Value> = HashSet::new();
        for s in g.blocks[b].exit.links().iter().map(|l| l.target) {
            if let Some(li) = live_in.get(&s) {
                live.extend(li.iter().copied());
            }
        }
        let (uses, defs) = exit_uses(b);
        for d in defs {
            live.remove(&d);
        }
        live.extend(uses.into_iter().filter(var));
        live
    };
    loop {
        let mut changed = false;
        for &b in order.iter().rev() {
            let mut live = block_live(b, &live_in);
            for &i in g.blocks[b].insts.iter().rev() {
                let inst = &g.insts[i];
                live.remove(&inst.result);
                live.extend(inst.args.iter().copied().filter(var));
            }
            for p in &g.blocks[b].params {
                live.remove(p);
            }
            if live_in.get(&b) != Some(&live) {
                live_in.insert(b, live);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut info = GcInfo::default();
    for &b in &order {
        let mut live = block_live(b, &live_in);
        for &i in g.blocks[b].insts.iter().rev() {
            let inst = &g.insts[i];
            let when = collects(f, inst.op, &inst.args, cx);
            if when != Collects::Never {
                let mut roots = vec![];
                let mut vs: Vec<Value> = live
                    .iter()
                    .copied()
                    .filter(|&v| when == Collects::After || v != inst.result)
                    .collect();
                vs.sort();
                for v in vs {
                    if is_root_value(&v) {
                        roots.push(Root::Value(v));
                    } else if holds_refs(&v) {
                        roots.extend(stack_structs[&v].iter().map(|&o| Root::Word(v, o)));
                    }
                }
                for r in &roots {
                    let n = info.slots.len() as u32;
                    info.slots.entry(*r).or_insert(n);
                    if let Root::Value(v) = r {
                        info.spilled.insert(*v);
                    }
                }
                info.live_across.insert(i, roots);
            }
            live.remove(&inst.result);
            live.extend(inst.args.iter().copied().filter(var));
        }
        // Fresh objects: no barrier until something can collect.
        let mut fresh: HashSet<Value> = HashSet::new();
        for &i in &g.blocks[b].insts {
            let inst = &g.insts[i];
            match inst.op {
                LlOp::SetField(LlType::Ref) | LlOp::SetArrayItem(LlType::Ref) => {
                    let obj = inst.args[0];
                    let value = inst.args[2];
                    if fresh.contains(&obj)
                        || stack_structs.contains_key(&obj)
                        || g.const_of(value).is_some()
                    {
                        info.no_barrier.insert(i);
                    }
                }
                op if is_alloc(f, op, &inst.args) => {
                    fresh.clear();
                    fresh.insert(inst.result);
                }
                op if collects(f, op, &inst.args, cx) != Collects::Never => fresh.clear(),
                _ => {}
            }
        }
    }
    info
}
