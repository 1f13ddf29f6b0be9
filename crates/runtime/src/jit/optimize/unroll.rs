//! Loop peeling (PyPy's `unroll.py`, simplified).
//!
//! The loop `label(a) body jump(b)` is optimized twice. The first copy, the
//! *preamble*, runs once; at its end, instead of jumping, the optimizer looks at the
//! jump arguments — the *virtual state*: per slot a constant, a plain value (a *leaf*),
//! or a virtual whose fields are again such nodes — and at what it knows (pure
//! operations and heap cache entries over leaves, with a variable value). The second
//! copy, the peeled loop, starts from a new `label` whose arguments are the leaves (a
//! virtual slot is passed as its fields) and the known values the loop actually used:
//! so a boxed counter is never allocated, and invariant pure operations and loads stay
//! in the preamble.
//!
//! At the end of the peeled loop its jump arguments must have the same virtual state:
//! leaves take any value (a virtual there is forced), constants must be the same
//! constant, virtuals must be virtuals of the same shape. The known values used by the
//! loop are recomputed for the next iteration (through the optimizer, so usually found
//! in the caches and not emitted). When a slot does not match, the attempt is redone
//! with that slot made a plain value (forced in the preamble); when nothing works, the
//! loop is optimized without peeling.
//!
//! The peeled loop's label names preamble variables (PyPy's convention): falling into
//! it from the preamble passes their values, each iteration rebinds them. A variable
//! needed at two label positions is first copied with `same_as`.

use super::optimizer::{zero, Opt, Stage};
use super::virtualize::VirtualInfo;
use super::{dce, empty_output, OptConfig, OptError};
use crate::jit::trace::*;
use std::collections::{HashMap, HashSet};

/// A node of the virtual state at the preamble's jump.
#[derive(Clone, Debug)]
enum Node {
    Const(Const),
    Leaf(Var),
    Virtual {
        size: i64,
        tid: i64,
        fields: Vec<(i64, Node)>,
    },
}

/// A known value exported from the preamble, stated in the peeled loop's names.
#[derive(Clone, Debug)]
enum Key {
    Pure(Opcode, Vec<Arg>),
    Field(Arg, i64),
    Item(Arg, Arg),
}

#[derive(Clone, Debug)]
struct Entry {
    key: Key,
    /// The preamble variable holding the value.
    value: Var,
    /// Its name in the peeled loop (`value`, or a `same_as` copy of it).
    name: Var,
}

enum Attempt {
    Done(Trace),
    Mismatch(usize),
    GiveUp,
}

/// Peels the loop; `None` when the trace is not a plain loop or peeling fails.
pub fn unroll(trace: &Trace, cfg: &OptConfig) -> Result<Option<Trace>, OptError> {
    let n = trace.ops.len();
    if n < 2
        || trace.ops[0].opcode != Opcode::Label
        || trace.ops[n - 1].opcode != Opcode::Jump
        || trace.ops[n - 1].target.is_some()
        || trace.ops[n - 1].args.len() != trace.ops[0].args.len()
        || trace.ops[1..n - 1]
            .iter()
            .any(|o| o.opcode.kind() == OpKind::Control)
        || trace.ops[0].args.iter().any(|a| a.var().is_none())
    {
        return Ok(None);
    }
    let mut generic = vec![false; trace.ops[0].args.len()];
    loop {
        match attempt(trace, cfg, &generic)? {
            Attempt::Done(t) => return Ok(Some(t)),
            Attempt::Mismatch(k) if !generic[k] => generic[k] = true,
            _ => return Ok(None),
        }
    }
}

fn order(a: Arg) -> (u8, u64) {
    match a {
        Arg::Var(v) => (0, v.0 as u64),
        Arg::Const(c) => (1, c.bits),
    }
}

fn attempt(trace: &Trace, cfg: &OptConfig, generic: &[bool]) -> Result<Attempt, OptError> {
    let n = trace.ops.len();
    // Phase 1: the preamble.
    let mut o = Opt::new(trace, cfg, empty_output(trace));
    for &v in &trace.inputs {
        o.map[v.0 as usize] = Some(Arg::Var(v));
    }
    o.run(&trace.ops[..n - 1])?;
    let jargs: Vec<Arg> = trace.ops[n - 1].args.iter().map(|&a| o.arg_in(a)).collect();
    let mut st = VState::default();
    let mut nodes = vec![];
    // Generic slots first: a virtual they hold is forced before any slot is described.
    for (k, &a) in jargs.iter().enumerate() {
        if generic[k] {
            if let Arg::Var(v) = o.get(a) {
                o.force(v);
            }
        }
    }
    for (k, &a) in jargs.iter().enumerate() {
        let node = if generic[k] {
            st.leaf(&mut o, a)
        } else {
            match st.node(&mut o, a) {
                Some(node) => node,
                None => return Ok(Attempt::Mismatch(k)),
            }
        };
        nodes.push(node);
    }
    let entries = export(&mut o, &st);
    let pre_len = o.out.ops.len();
    let out = std::mem::take(&mut o.out);
    drop(o);

    // Phase 2: the peeled loop.
    let mut b = Opt::new(trace, cfg, out);
    b.fresh_results = true;
    for (k, node) in nodes.iter().enumerate() {
        let a = materialize(&mut b, node);
        let input = trace.ops[0].args[k].var().unwrap();
        b.map[input.0 as usize] = Some(a);
    }
    for e in &entries {
        match &e.key {
            Key::Pure(opcode, args) => {
                let key = b.pure_key(*opcode, args);
                b.pure.insert(key, e.name);
            }
            Key::Field(obj, off) => b.heap_set_field(*obj, *off, Arg::Var(e.name), false),
            Key::Item(arr, idx) => b.heap_set_item(*arr, *idx, Arg::Var(e.name), false),
        }
    }
    if b.run(&trace.ops[1..n - 1]).is_err() {
        return Ok(Attempt::GiveUp);
    }
    let jargs: Vec<Arg> = trace.ops[n - 1].args.iter().map(|&a| b.arg_in(a)).collect();
    let mut flat = vec![];
    let mut visited = HashSet::new();
    for (k, node) in nodes.iter().enumerate() {
        if !match_node(&mut b, node, jargs[k], &mut flat, &mut visited) {
            return Ok(Attempt::Mismatch(k));
        }
    }

    // The known values the loop used, recomputed for the next iteration.
    let by_name: HashMap<Var, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name, i))
        .collect();
    let mut next: HashMap<Var, Arg> = st
        .leaves
        .iter()
        .copied()
        .zip(flat.iter().copied())
        .collect();
    let mut used = vec![false; entries.len()];
    let mut scanned = pre_len;
    let mut roots: Vec<Arg> = flat.clone();
    loop {
        let mut refs = HashSet::new();
        for op in &b.out.ops[scanned..] {
            refs.extend(op.args.iter().filter_map(|a| a.var()));
            if let Some(s) = op.snapshot {
                refs.extend(b.out.snapshots[s.0 as usize].fail_vars());
            }
        }
        refs.extend(roots.iter().filter_map(|a| a.var()));
        scanned = b.out.ops.len();
        roots.clear();
        let mut todo: Vec<usize> = refs
            .iter()
            .filter_map(|v| by_name.get(v).copied())
            .filter(|&i| !used[i])
            .collect();
        if todo.is_empty() {
            break;
        }
        todo.sort_unstable();
        for i in todo {
            used[i] = true;
            match replay(&mut b, &entries, &by_name, &mut next, &mut used, i) {
                Some(a) => roots.push(a),
                None => return Ok(Attempt::GiveUp),
            }
        }
    }
    let mut label_args: Vec<Arg> = st.leaves.iter().map(|&v| Arg::Var(v)).collect();
    let mut jump_args = flat;
    let mut copies = vec![];
    for (i, e) in entries.iter().enumerate() {
        if used[i] {
            label_args.push(Arg::Var(e.name));
            jump_args.push(next[&e.name]);
            if e.name != e.value {
                let op = Op::new(
                    Opcode::same_as(b.out.ty(e.value)),
                    vec![Arg::Var(e.value)],
                    Some(e.name),
                );
                copies.push(op);
            }
        }
    }
    b.emit(Op::new(Opcode::Jump, jump_args, None));
    let mut out = b.out;
    let label = Op::new(Opcode::Label, label_args, None);
    copies.push(label);
    out.ops.splice(pre_len..pre_len, copies);
    dce::dce(&mut out);
    dce::prune_loop_args(&mut out);
    Ok(Attempt::Done(out))
}

/// The virtual state being built from the preamble's jump arguments.
#[derive(Default)]
struct VState {
    leaves: Vec<Var>,
    leaf_set: HashSet<Var>,
    seen_virtuals: HashSet<Var>,
}

impl VState {
    /// A leaf for `a` (a copy if that variable is a leaf already, a variable for a
    /// constant).
    fn leaf(&mut self, o: &mut Opt, a: Arg) -> Node {
        let a = o.get(a);
        let v = match a {
            Arg::Var(v) if self.leaf_set.insert(v) => v,
            _ => {
                let ty = o.arg_type(a);
                let c = o.new_var(ty);
                o.emit(Op::new(Opcode::same_as(ty), vec![a], Some(c)));
                self.leaf_set.insert(c);
                c
            }
        };
        self.leaves.push(v);
        Node::Leaf(v)
    }

    /// The node of `a`; `None` if a virtual is reached twice.
    fn node(&mut self, o: &mut Opt, a: Arg) -> Option<Node> {
        match o.get(a) {
            Arg::Const(c) => Some(Node::Const(c)),
            Arg::Var(v) => match o.virtuals.get(&v).cloned() {
                Some(vi) => {
                    if !self.seen_virtuals.insert(v) {
                        return None;
                    }
                    let mut fields = vec![];
                    for (off, f) in vi.fields {
                        fields.push((off, self.node(o, f)?));
                    }
                    Some(Node::Virtual {
                        size: vi.size,
                        tid: vi.tid,
                        fields,
                    })
                }
                None => Some(self.leaf(o, Arg::Var(v))),
            },
        }
    }
}

/// The value a node stands for at the start of the peeled loop.
fn materialize(b: &mut Opt, node: &Node) -> Arg {
    match node {
        Node::Const(c) => Arg::Const(*c),
        Node::Leaf(v) => Arg::Var(*v),
        Node::Virtual { size, tid, fields } => {
            let v = b.new_var(Type::Ref);
            let fields = fields
                .iter()
                .map(|(off, f)| (*off, materialize(b, f)))
                .collect();
            b.virtuals.insert(
                v,
                VirtualInfo {
                    size: *size,
                    tid: *tid,
                    fields,
                },
            );
            b.info_mut(v).nonnull = true;
            Arg::Var(v)
        }
    }
}

/// Checks the peeled loop's jump argument `a` against `node`, collecting leaf values.
fn match_node(
    b: &mut Opt,
    node: &Node,
    a: Arg,
    flat: &mut Vec<Arg>,
    visited: &mut HashSet<Var>,
) -> bool {
    let a = b.get(a);
    match node {
        Node::Leaf(_) => {
            if let Arg::Var(v) = a {
                if visited.contains(&v) {
                    // Already passed as its fields: forcing it now would split it.
                    return false;
                }
                b.force(v);
            }
            flat.push(b.get(a));
            true
        }
        Node::Const(c) => matches!(a, Arg::Const(x) if x.bits == c.bits),
        Node::Virtual { size, tid, fields } => {
            let Arg::Var(v) = a else { return false };
            let Some(vi) = b.virtuals.get(&v).cloned() else {
                return false;
            };
            if vi.size != *size || vi.tid != *tid || !visited.insert(v) {
                return false;
            }
            let mut offs: Vec<i64> = fields.iter().map(|f| f.0).collect();
            offs.extend(vi.fields.iter().map(|f| f.0));
            offs.sort_unstable();
            offs.dedup();
            for off in offs {
                let nf = fields
                    .iter()
                    .find(|f| f.0 == off)
                    .map(|f| f.1.clone())
                    .unwrap_or(Node::Const(zero(Type::Int)));
                let af = vi.field(off).unwrap_or(Arg::Const(zero(Type::Int)));
                if !match_node(b, &nf, af, flat, visited) {
                    return false;
                }
            }
            true
        }
    }
}

/// The preamble's known values that the peeled loop can name: keys over leaves,
/// constants and earlier entries; variable values. Deterministic order.
fn export(o: &mut Opt, st: &VState) -> Vec<Entry> {
    // (sort key: value position, kind, index or offset, object, index), key, value.
    type SortKey = (u32, u8, u64, (u8, u64), (u8, u64));
    let mut cands: Vec<(SortKey, Key, Var)> = vec![];
    for (i, ((opcode, args), v)) in o.pure.entries.iter().enumerate() {
        if opcode.is_ovf() || opcode.is_pure_call() {
            continue;
        }
        if let Arg::Var(v) = o.get(Arg::Var(*v)) {
            let args = args.iter().map(|&a| o.get(a)).collect();
            let pos = o.info(v).pos;
            cands.push((
                (pos, 0, i as u64, (0, 0), (0, 0)),
                Key::Pure(*opcode, args),
                v,
            ));
        }
    }
    for (&off, l) in &o.heap.fields {
        for &(obj, val) in l {
            if let Arg::Var(v) = o.get(val) {
                let obj = o.get(obj);
                let pos = o.info(v).pos;
                cands.push((
                    (pos, 1, off as u64, order(obj), (0, 0)),
                    Key::Field(obj, off),
                    v,
                ));
            }
        }
    }
    for (&arr, l) in &o.heap.items {
        for &(idx, val) in l {
            if let Arg::Var(v) = o.get(val) {
                let (arr, idx) = (o.get(arr), o.get(idx));
                let pos = o.info(v).pos;
                cands.push(((pos, 2, 0, order(arr), order(idx)), Key::Item(arr, idx), v));
            }
        }
    }
    cands.sort_by_key(|c| c.0);
    // Preamble variable -> its name in the loop.
    let mut names: HashMap<Var, Var> = st.leaves.iter().map(|&v| (v, v)).collect();
    let mut taken: HashSet<Var> = st.leaves.iter().copied().collect();
    let mut done = vec![false; cands.len()];
    let mut entries = vec![];
    loop {
        let mut progress = false;
        for (i, (_, key, value)) in cands.iter().enumerate() {
            if done[i] || o.virtuals.contains_key(value) {
                continue;
            }
            let tr = |a: Arg| -> Option<Arg> {
                match a {
                    Arg::Var(v) => names.get(&v).map(|&n| Arg::Var(n)),
                    c => Some(c),
                }
            };
            let key = match key {
                Key::Pure(op, args) => {
                    let args: Option<Vec<Arg>> = args.iter().map(|&a| tr(a)).collect();
                    match args {
                        Some(a) => Key::Pure(*op, a),
                        None => continue,
                    }
                }
                Key::Field(obj, off) => match tr(*obj) {
                    Some(obj) => Key::Field(obj, *off),
                    None => continue,
                },
                Key::Item(arr, idx) => match (tr(*arr), tr(*idx)) {
                    (Some(a), Some(i)) => Key::Item(a, i),
                    _ => continue,
                },
            };
            done[i] = true;
            progress = true;
            let name = if taken.insert(*value) {
                *value
            } else {
                let ty = o.out.ty(*value);
                o.new_var(ty)
            };
            names.entry(*value).or_insert(name);
            entries.push(Entry {
                key,
                value: *value,
                name,
            });
        }
        if !progress {
            break;
        }
    }
    entries
}

/// Recomputes the entry `i` for the next iteration (its key over the jump's values).
fn replay(
    b: &mut Opt,
    entries: &[Entry],
    by_name: &HashMap<Var, usize>,
    next: &mut HashMap<Var, Arg>,
    used: &mut [bool],
    i: usize,
) -> Option<Arg> {
    let e = &entries[i];
    if let Some(&a) = next.get(&e.name) {
        return Some(a);
    }
    used[i] = true;
    let mut tr = |a: Arg, b: &mut Opt| -> Option<Arg> {
        match a {
            Arg::Var(v) => match next.get(&v) {
                Some(&x) => Some(x),
                None => {
                    let j = *by_name.get(&v)?;
                    replay(b, entries, by_name, next, used, j)
                }
            },
            c => Some(c),
        }
    };
    let ty = b.out.ty(e.value);
    let (opcode, args) = match &e.key {
        Key::Pure(op, args) => {
            let mut xs = vec![];
            for &a in args {
                xs.push(tr(a, b)?);
            }
            (*op, xs)
        }
        Key::Field(obj, off) => (
            Opcode::getfield(ty),
            vec![tr(*obj, b)?, Arg::Const(Const::int(*off))],
        ),
        Key::Item(arr, idx) => (Opcode::getarrayitem(ty), vec![tr(*arr, b)?, tr(*idx, b)?]),
    };
    let r = b.new_var(ty);
    b.send(Op::new(opcode, args, Some(r)), Stage::IntBounds)
        .ok()?;
    let a = b.get(Arg::Var(r));
    if let Arg::Var(v) = a {
        b.force(v);
    }
    let a = b.get(a);
    next.insert(e.name, a);
    Some(a)
}
