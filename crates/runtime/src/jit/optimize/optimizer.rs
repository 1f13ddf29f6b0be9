//! The shared optimizer state and the pass chain.
//!
//! One forward pass over the input operations, like PyPy's chain of `Optimization`s:
//! each input operation has its arguments translated to the output namespace, then goes
//! through the enabled passes in order ([`Stage`]): intbounds, rewrite, virtualize,
//! pure, heap, and finally [`Opt::emit`]. A pass either removes the operation (making
//! its result another value with [`Opt::replace`]), changes it, or hands it on with
//! [`Opt::send`]; code after `send` returns runs once the operation is emitted (the
//! equivalent of PyPy's postprocess hooks, used to learn from guards).
//!
//! Two namespaces: input variables (the trace being optimized) map to output arguments
//! through `map`; output variables may be forwarded (`fwd`) to another argument once the
//! optimizer knows they equal it (a constant after `guard_value`, an earlier identical
//! operation). [`Opt::get`] resolves forwarding. In a plain pass every operation keeps
//! its result variable number; the peeled loop of `unroll` gets fresh ones.

use super::heap::HeapCache;
use super::intbounds::IntBound;
use super::pure::PureCache;
use super::virtualize::VirtualInfo;
use super::{OptConfig, OptError};
use crate::jit::trace::*;
use std::collections::HashMap;

/// The passes, in chain order.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Stage {
    IntBounds,
    Rewrite,
    Virtualize,
    Pure,
    Heap,
    Emit,
}

impl Stage {
    pub fn next(self) -> Stage {
        match self {
            Stage::IntBounds => Stage::Rewrite,
            Stage::Rewrite => Stage::Virtualize,
            Stage::Virtualize => Stage::Pure,
            Stage::Pure => Stage::Heap,
            Stage::Heap | Stage::Emit => Stage::Emit,
        }
    }
}

/// What the optimizer knows of one output variable.
#[derive(Clone, Debug)]
pub struct VarInfo {
    pub bound: IntBound,
    pub nonnull: bool,
    /// The vtable a `guard_class` proved.
    pub class: Option<u64>,
    /// Output position of the definition (0: defined before the operations at hand).
    pub pos: u32,
    /// The result of a `new`: no reference to it existed before its definition.
    pub fresh: bool,
}

impl Default for VarInfo {
    fn default() -> VarInfo {
        VarInfo {
            bound: IntBound::unbounded(),
            nonnull: false,
            class: None,
            pos: 0,
            fresh: false,
        }
    }
}

pub type R = Result<(), OptError>;

pub struct Opt<'a> {
    pub cfg: &'a OptConfig,
    pub input: &'a Trace,
    pub out: Trace,
    /// Input variable -> output argument.
    pub map: Vec<Option<Arg>>,
    /// Output variable -> what it is known to equal.
    pub fwd: Vec<Option<Arg>>,
    pub info: Vec<VarInfo>,
    /// Output variable -> the pure operation that defined it (opcode, arguments).
    pub producer: HashMap<Var, (Opcode, Vec<Arg>)>,
    pub pure: PureCache,
    pub heap: HeapCache,
    pub virtuals: HashMap<Var, VirtualInfo>,
    /// Refs used as arrays (`getarrayitem`/`setarrayitem` base) anywhere in the input:
    /// their word at offset 8 (the capacity) is non-negative.
    pub arrays: std::collections::HashSet<Var>,
    /// Drop the next operation if it is this guard (after a removed `*_ovf` or call).
    pub skip_next: Option<Opcode>,
    /// Results get fresh output variables (the peeled loop) instead of their own number.
    pub fresh_results: bool,
}

impl<'a> Opt<'a> {
    pub fn new(input: &'a Trace, cfg: &'a OptConfig, out: Trace) -> Opt<'a> {
        let n = out.types.len();
        let mut arrays = std::collections::HashSet::new();
        for op in &input.ops {
            if matches!(
                op.opcode,
                Opcode::GetarrayitemI
                    | Opcode::GetarrayitemR
                    | Opcode::GetarrayitemF
                    | Opcode::Setarrayitem
            ) {
                if let Some(Arg::Var(v)) = op.args.first() {
                    arrays.insert(*v);
                }
            }
        }
        Opt {
            cfg,
            input,
            out,
            map: vec![None; input.types.len()],
            fwd: vec![None; n],
            info: vec![VarInfo::default(); n],
            producer: HashMap::new(),
            pure: PureCache::default(),
            heap: HeapCache::default(),
            virtuals: HashMap::new(),
            arrays,
            skip_next: None,
            fresh_results: false,
        }
    }

    /// A new output variable.
    pub fn new_var(&mut self, ty: Type) -> Var {
        let v = self.out.new_var(ty);
        self.fwd.push(None);
        self.info.push(VarInfo::default());
        v
    }

    /// Resolves forwarding.
    pub fn get(&self, mut a: Arg) -> Arg {
        while let Arg::Var(v) = a {
            match self.fwd[v.0 as usize] {
                Some(b) => a = b,
                None => break,
            }
        }
        a
    }

    pub fn info(&self, v: Var) -> &VarInfo {
        &self.info[v.0 as usize]
    }

    pub fn info_mut(&mut self, v: Var) -> &mut VarInfo {
        &mut self.info[v.0 as usize]
    }

    /// An input-namespace argument, in the output namespace, resolved.
    pub fn arg_in(&self, a: Arg) -> Arg {
        match a {
            Arg::Var(v) => {
                let m = self.map[v.0 as usize]
                    .unwrap_or_else(|| panic!("input variable {} used before definition", v.0));
                self.get(m)
            }
            c => c,
        }
    }

    /// From now on, `v` is `a`.
    pub fn replace(&mut self, v: Var, a: Arg) {
        let a = self.get(a);
        if a != Arg::Var(v) {
            self.fwd[v.0 as usize] = Some(a);
        }
    }

    /// An operation in text (for error messages), without its snapshot.
    pub fn describe(&self, op: &Op) -> String {
        let mut op = op.clone();
        op.snapshot = None;
        self.out.op_text(&op)
    }

    pub fn arg_type(&self, a: Arg) -> Type {
        self.out.arg_type(a)
    }

    /// The bound of an int argument.
    pub fn bound(&self, a: Arg) -> IntBound {
        match self.get(a) {
            Arg::Const(c) => IntBound::exact(c.as_int()),
            Arg::Var(v) => self.info(v).bound,
        }
    }

    pub fn is_virtual(&self, a: Arg) -> bool {
        match self.get(a) {
            Arg::Var(v) => self.virtuals.contains_key(&v),
            _ => false,
        }
    }

    /// True when the two refs are certainly different objects.
    pub fn known_distinct(&self, a: Arg, b: Arg) -> bool {
        let (a, b) = (self.get(a), self.get(b));
        match (a, b) {
            (Arg::Const(x), Arg::Const(y)) => x.bits != y.bits,
            (Arg::Var(v), Arg::Const(c)) | (Arg::Const(c), Arg::Var(v)) => {
                let i = self.info(v);
                (c.bits == 0 && i.nonnull) || i.fresh || self.virtuals.contains_key(&v)
            }
            (Arg::Var(x), Arg::Var(y)) => {
                if x == y {
                    return false;
                }
                if self.virtuals.contains_key(&x) || self.virtuals.contains_key(&y) {
                    return true;
                }
                let (ix, iy) = (self.info(x), self.info(y));
                (ix.fresh && (iy.fresh || iy.pos < ix.pos)) || (iy.fresh && ix.pos < iy.pos)
            }
        }
    }

    /// Processes one input operation: translates it, then runs the chain.
    pub fn process(&mut self, op: &Op) -> R {
        if let Some(skip) = self.skip_next.take() {
            if skip == op.opcode {
                return Ok(());
            }
        }
        let args = op.args.iter().map(|&a| self.arg_in(a)).collect();
        let result = op.result.map(|r| {
            let out = if self.fresh_results {
                self.new_var(self.input.ty(r))
            } else {
                r
            };
            self.map[r.0 as usize] = Some(Arg::Var(out));
            out
        });
        let new = Op {
            opcode: op.opcode,
            args,
            result,
            descr: op.descr.clone(),
            snapshot: op.snapshot,
            target: op.target,
            text: op.text.clone(),
        };
        self.send(new, Stage::IntBounds)
    }

    /// Hands `op` to the first enabled pass at or after `stage`.
    pub fn send(&mut self, op: Op, stage: Stage) -> R {
        let mut s = stage;
        loop {
            let on = match s {
                Stage::IntBounds => self.cfg.intbounds,
                Stage::Rewrite => self.cfg.rewrite,
                Stage::Virtualize => self.cfg.virtualize,
                Stage::Pure => self.cfg.pure,
                Stage::Heap => self.cfg.heap,
                Stage::Emit => true,
            };
            if on {
                break;
            }
            s = s.next();
        }
        match s {
            Stage::IntBounds => self.intbounds_op(op),
            Stage::Rewrite => self.rewrite_op(op),
            Stage::Virtualize => self.virtualize_op(op),
            Stage::Pure => self.pure_op(op),
            Stage::Heap => self.heap_op(op),
            Stage::Emit => {
                self.emit(op);
                Ok(())
            }
        }
    }

    /// Appends `op` (arguments already resolved and non-virtual) to the output.
    pub fn emit(&mut self, mut op: Op) {
        if let Some(k) = op.snapshot {
            if op.opcode.is_guard() || op.opcode == Opcode::Finish {
                op.snapshot = Some(self.snapshot_out(k));
            }
        }
        let pos = self.out.ops.len() as u32 + 1;
        if let Some(r) = op.result {
            let i = self.info_mut(r);
            i.pos = pos;
            if op.opcode == Opcode::New {
                i.fresh = true;
                i.nonnull = true;
            }
            if op.opcode.kind() == OpKind::Pure {
                self.producer.insert(r, (op.opcode, op.args.clone()));
            }
        }
        self.out.ops.push(op);
    }

    /// An output snapshot for the input snapshot `k`, its arguments resolved (virtuals
    /// become [`VirtualObj`]s).
    fn snapshot_out(&mut self, k: SnapshotId) -> SnapshotId {
        let snap = &self.input.snapshots[k.0 as usize];
        let mut b = SnapBuilder::default();
        let frames = snap
            .frames
            .iter()
            .map(|f| FrameSnap {
                jitcode: f.jitcode,
                pc: f.pc,
                regs: f
                    .regs
                    .iter()
                    .map(|&(r, a)| (r, self.snap_arg_in(a, snap, &mut b)))
                    .collect(),
            })
            .collect();
        self.out.add_snapshot(Snapshot {
            frames,
            virtuals: b.virtuals,
            exception: snap.exception,
        })
    }

    fn snap_arg_in(&self, a: SnapArg, snap: &Snapshot, b: &mut SnapBuilder) -> SnapArg {
        match a {
            SnapArg::Var(v) => self.snap_arg(self.arg_in(Arg::Var(v)), b),
            SnapArg::Const(c) => SnapArg::Const(c),
            SnapArg::Virtual(j) => {
                if let Some(&k) = b.input_virtuals.get(&j) {
                    return SnapArg::Virtual(k);
                }
                let k = b.virtuals.len() as u32;
                b.input_virtuals.insert(j, k);
                let v = &snap.virtuals[j as usize];
                b.virtuals.push(VirtualObj {
                    size: v.size,
                    tid: v.tid,
                    fields: vec![],
                });
                let fields = v
                    .fields
                    .iter()
                    .map(|&(o, fa)| (o, self.snap_arg_in(fa, snap, b)))
                    .collect();
                b.virtuals[k as usize].fields = fields;
                SnapArg::Virtual(k)
            }
        }
    }

    /// A resolved output argument as a snapshot argument.
    pub fn snap_arg(&self, a: Arg, b: &mut SnapBuilder) -> SnapArg {
        match self.get(a) {
            Arg::Const(c) => SnapArg::Const(c),
            Arg::Var(v) => match self.virtuals.get(&v) {
                None => SnapArg::Var(v),
                Some(vi) => {
                    if let Some(&k) = b.seen.get(&v) {
                        return SnapArg::Virtual(k);
                    }
                    let k = b.virtuals.len() as u32;
                    b.seen.insert(v, k);
                    b.virtuals.push(VirtualObj {
                        size: vi.size,
                        tid: vi.tid,
                        fields: vec![],
                    });
                    let fields = vi
                        .fields
                        .iter()
                        .map(|&(o, fa)| (o, self.snap_arg(fa, b)))
                        .collect();
                    b.virtuals[k as usize].fields = fields;
                    SnapArg::Virtual(k)
                }
            },
        }
    }

    /// Runs every input operation from `from` on.
    pub fn run(&mut self, ops: &[Op]) -> R {
        for op in ops {
            self.process(op)?;
        }
        Ok(())
    }
}

/// Collects the virtual objects of one output snapshot.
#[derive(Default)]
pub struct SnapBuilder {
    pub virtuals: Vec<VirtualObj>,
    seen: HashMap<Var, u32>,
    input_virtuals: HashMap<u32, u32>,
}

/// The zero constant of a type (the value of an unset field).
pub fn zero(ty: Type) -> Const {
    Const { ty, bits: 0 }
}
