//! The tracer (RPython's metainterp): runs the portal's jitcode from a merge point with
//! the real values, executing every operation for real while recording it, with a box
//! (a trace variable or a constant) beside each register. Operations on constants are
//! folded as they run; a branch on a variable records a guard; calls into functions
//! with jitcodes are traced through (inlined) unless the policy says otherwise; the loop
//! closes when the merge point comes back with the green key it started from.
//!
//! Where tracing cannot go on (an exception, the portal returning, the trace getting too
//! long), it stops with [`Stop::Abort`] and the frames it leaves are real: the blackhole
//! interpreter continues from them.

use super::blackhole::Frame;
use super::jitcode::{Callee, Insn};
use super::machine::*;
use super::state::JitState;
use super::trace::*;
use super::vable::{self, Vable};
use crate::abi::{LIST_ITEMS, LIST_LENGTH};

/// A frame being traced: the real frame and a box per register.
pub struct TFrame {
    pub f: Frame,
    pub boxes: Vec<Arg>,
}

/// Why tracing stopped.
#[derive(Debug, PartialEq)]
pub enum Stop {
    /// The loop closed: the trace ends with its `jump`; the frames are at the merge point.
    Closed,
    /// The trace reached the merge point of a key with a compiled loop (for bridges):
    /// the trace ends with `jump ->loopN`.
    Joined(u32),
    /// The trace got longer than `trace_limit`; `culprit` is the inlined function most
    /// of it came from (to be called instead of inlined next time).
    TooLong { culprit: Option<u32> },
    /// Tracing gave up; `exception` tells whether the innermost frame's instruction
    /// raised the pending exception. The frames continue in the blackhole interpreter.
    Abort { reason: String, exception: bool },
}

pub struct Tracer<'a> {
    pub st: &'a JitState,
    pub trace: Trace,
    pub frames: Vec<TFrame>,
    /// The green key the loop closes on (None for a bridge).
    pub start_key: Option<Vec<u64>>,
    pub driver: u32,
    /// For bridges: a function telling whether a key has a compiled loop.
    pub loop_of_key: &'a dyn Fn(&[u64]) -> Option<u32>,
    pub limit: usize,
    pub log_locations: bool,
    /// The start merge point has been passed (a loop may close from now on).
    pub entered: bool,
    /// Operations recorded inside each inlined function (callees included).
    pub inlined_ops: std::collections::HashMap<u32, usize>,
    /// The driver's virtualizable, when it has one (see `vable`).
    pub vable: Option<Vable>,
    /// Where each inlined frame's operations started.
    pub inline_starts: Vec<usize>,
}

impl<'a> Tracer<'a> {
    fn get(&self, o: u16) -> (u64, Arg) {
        let tf = self.frames.last().expect("frame");
        let n = tf.f.regs.len();
        if (o as usize) < n {
            (tf.f.regs[o as usize], tf.boxes[o as usize])
        } else {
            let jc = &self.st.data.jitcodes[tf.f.code as usize];
            let (t, _) = jc.consts[o as usize - n];
            let v = self.st.consts[tf.f.code as usize][o as usize - n];
            (v, Arg::Const(Const { ty: t, bits: v }))
        }
    }

    fn set(&mut self, r: u16, v: u64, b: Arg) {
        let tf = self.frames.last_mut().expect("frame");
        tf.f.regs[r as usize] = v;
        tf.boxes[r as usize] = b;
    }

    fn reg_type(&self, r: u16) -> Type {
        let tf = self.frames.last().expect("frame");
        self.st.data.jitcodes[tf.f.code as usize].regs[r as usize]
    }

    /// The frames' live registers at their current pcs, as a snapshot.
    fn snapshot(&mut self, exception: bool) -> SnapshotId {
        let mut frames = vec![];
        // The virtualizable's fields, written back on resume (not after a residual call,
        // whose callee may have changed them in memory, where they already are).
        if let (Some(v), false) = (&self.vable, exception) {
            let sa = |a: Arg| match a {
                Arg::Var(v) => SnapArg::Var(v),
                Arg::Const(c) => SnapArg::Const(c),
            };
            let mut regs = vec![(0u16, sa(v.obj))];
            for (k, b) in v.slots().into_iter().enumerate() {
                regs.push((k as u16 + 1, sa(b)));
            }
            frames.push(FrameSnap {
                jitcode: vable::MARKER,
                pc: 0,
                regs,
            });
        }
        for tf in &self.frames {
            let jc = &self.st.data.jitcodes[tf.f.code as usize];
            let live = jc.live[tf.f.pc as usize].as_deref().unwrap_or(&[]);
            let regs = live
                .iter()
                .map(|&r| {
                    let a = match tf.boxes[r as usize] {
                        Arg::Var(v) => SnapArg::Var(v),
                        Arg::Const(c) => SnapArg::Const(c),
                    };
                    (r, a)
                })
                .collect();
            frames.push(FrameSnap {
                jitcode: tf.f.code,
                pc: tf.f.pc,
                regs,
            });
        }
        self.trace.add_snapshot(Snapshot {
            frames,
            virtuals: vec![],
            exception,
        })
    }

    fn guard(&mut self, op: Opcode, args: Vec<Arg>, exception: bool) {
        let s = self.snapshot(exception);
        let mut o = Op::new(op, args, None);
        o.snapshot = Some(s);
        self.trace.ops.push(o);
    }

    /// The GC check at a loop's head (see [`Opcode::GuardNotGcRequested`]).
    pub fn gc_check(&mut self) {
        self.guard(Opcode::GuardNotGcRequested, vec![], false);
    }

    fn record(&mut self, op: Opcode, args: Vec<Arg>) -> Option<Var> {
        self.trace.push(op, args)
    }

    fn abort(&self, reason: impl Into<String>, exception: bool) -> Stop {
        Stop::Abort {
            reason: reason.into(),
            exception,
        }
    }

    /// Makes a box a constant by a `guard_value` (promote).
    fn promote(&mut self, v: u64, b: Arg) -> Arg {
        match b {
            Arg::Const(_) => b,
            Arg::Var(var) => {
                let c = Const {
                    ty: self.trace.ty(var),
                    bits: v,
                };
                self.guard(Opcode::GuardValue, vec![b, Arg::Const(c)], false);
                Arg::Const(c)
            }
        }
    }

    /// Traces until the loop closes or tracing stops.
    ///
    /// # Safety
    /// The frames must describe a real state of the program.
    pub unsafe fn run(&mut self) -> Stop {
        let st = self.st;
        loop {
            if self.trace.ops.len() > self.limit {
                return Stop::TooLong {
                    culprit: self.culprit(),
                };
            }
            let depth = self.frames.len();
            let tf = self.frames.last().expect("frame");
            let code = tf.f.code;
            let pc = tf.f.pc;
            let jc = &st.data.jitcodes[code as usize];
            let insn = &jc.code[pc as usize];
            match insn {
                Insn::Op { op, args, dst } => {
                    let (vals, boxes): (Vec<u64>, Vec<Arg>) =
                        args.iter().map(|&o| self.get(o)).unzip();
                    match self.vable_op(*op, &vals, &boxes, *dst) {
                        Some(Ok(())) => {
                            self.frames.last_mut().expect("frame").f.pc += 1;
                            continue;
                        }
                        Some(Err(stop)) => return stop,
                        None => {}
                    }
                    let r = exec_op(*op, &vals);
                    let all_const = boxes.iter().all(|b| b.konst().is_some());
                    let pure = op.kind() == OpKind::Pure;
                    let rb = if pure && all_const {
                        Some(Arg::Const(Const {
                            ty: op.result_type(),
                            bits: r,
                        }))
                    } else {
                        self.record(*op, boxes).map(Arg::Var)
                    };
                    if let (Some(d), Some(b)) = (dst, rb) {
                        self.set(*d, r, b);
                    }
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::PureLoad { op, args, dst } => {
                    let (vals, boxes): (Vec<u64>, Vec<Arg>) =
                        args.iter().map(|&o| self.get(o)).unzip();
                    let r = exec_op(*op, &vals);
                    let b = if boxes.iter().all(|b| b.konst().is_some()) {
                        Arg::Const(Const {
                            ty: op.result_type(),
                            bits: r,
                        })
                    } else {
                        Arg::Var(self.record(*op, boxes).expect("a load has a result"))
                    };
                    self.set(*dst, r, b);
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::Ovf { op, args, dst, .. } => {
                    let (vals, boxes): (Vec<u64>, Vec<Arg>) =
                        args.iter().map(|&o| self.get(o)).unzip();
                    let Some(r) = super::eval::eval_ovf(*op, &vals) else {
                        return self.abort("integer overflow", false);
                    };
                    let b = if boxes.iter().all(|b| b.konst().is_some()) {
                        Arg::Const(Const::int(r as i64))
                    } else {
                        let v = self.record(*op, boxes).expect("ovf result");
                        self.guard(Opcode::GuardNoOverflow, vec![], false);
                        Arg::Var(v)
                    };
                    self.set(*dst, r, b);
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::Move { dst, src } => {
                    let (v, b) = self.get(*src);
                    self.set(*dst, v, b);
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::Promote { dst, src } => {
                    let (v, b) = self.get(*src);
                    let b = self.promote(v, b);
                    self.set(*dst, v, b);
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::Goto(t) => self.frames.last_mut().expect("frame").f.pc = *t,
                Insn::Branch { cond, if_false } => {
                    let (v, b) = self.get(*cond);
                    if b.konst().is_none() {
                        let g = if v != 0 {
                            Opcode::GuardTrue
                        } else {
                            Opcode::GuardFalse
                        };
                        self.guard(g, vec![b], false);
                    }
                    let f = &mut self.frames.last_mut().expect("frame").f;
                    if v != 0 {
                        f.pc += 1;
                    } else {
                        f.pc = *if_false;
                    }
                }
                Insn::Call {
                    callee, args, dst, ..
                } => {
                    let (vals, boxes): (Vec<u64>, Vec<Arg>) =
                        args.iter().map(|&o| self.get(o)).unzip();
                    let inline = match callee {
                        Callee::Jitcode { code, .. }
                            if !st.data.jitcodes[*code as usize].has_loops
                                && !st.dont_inline.contains(code) =>
                        {
                            Some(*code)
                        }
                        _ => None,
                    };
                    let target = match callee {
                        Callee::Jitcode { target, .. } => *target,
                        Callee::Residual(t) => *t,
                    };
                    match inline {
                        Some(c) => self.push_frame(c, &vals, &boxes),
                        None => {
                            if let Some(stop) = self.residual_call(target, vals, boxes, *dst) {
                                return stop;
                            }
                        }
                    }
                }
                Insn::IndirectCall {
                    fnptr, args, dst, ..
                } => {
                    let (addr, fb) = self.get(*fnptr);
                    self.promote(addr, fb);
                    let (vals, boxes): (Vec<u64>, Vec<Arg>) =
                        args.iter().map(|&o| self.get(o)).unzip();
                    let Some(&t) = st.target_of_addr.get(&addr) else {
                        return self.abort("indirect call to an unknown function", false);
                    };
                    let inline = st.jitcode_of_target.get(&t).copied().filter(|&c| {
                        !st.data.jitcodes[c as usize].has_loops && !st.dont_inline.contains(&c)
                    });
                    match inline {
                        Some(c) => self.push_frame(c, &vals, &boxes),
                        None => {
                            if let Some(stop) = self.residual_call(t, vals, boxes, *dst) {
                                return stop;
                            }
                        }
                    }
                }
                Insn::Raise { .. } => return self.abort("raise", false),
                Insn::Return(v) => {
                    if depth == 1 {
                        return self.abort("the portal returned", false);
                    }
                    let (rv, rb) = match v {
                        Some(o) => self.get(*o),
                        None => (0, Arg::Const(Const::int(0))),
                    };
                    let done = self.frames.pop().expect("frame");
                    let start = self.inline_starts.pop().unwrap_or(0);
                    *self.inlined_ops.entry(done.f.code).or_insert(0) +=
                        self.trace.ops.len() - start;
                    let caller = self.frames.last().expect("caller");
                    let cjc = &st.data.jitcodes[caller.f.code as usize];
                    if let Insn::Call { dst: Some(d), .. }
                    | Insn::IndirectCall { dst: Some(d), .. } = &cjc.code[caller.f.pc as usize]
                    {
                        let d = *d;
                        self.set(d, rv, rb);
                    }
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::MergePoint(d) => {
                    if depth != 1 {
                        return self.abort("merge point in an inner frame", false);
                    }
                    if let Some(stop) = self.merge_point(*d) {
                        return stop;
                    }
                    self.frames.last_mut().expect("frame").f.pc += 1;
                }
                Insn::CanEnter(_) => self.frames.last_mut().expect("frame").f.pc += 1,
                Insn::Catch { .. } | Insn::Unreachable => {
                    return self.abort("unreachable instruction", false)
                }
            }
        }
    }

    /// Field and item accesses of the virtualizable: boxes, not recorded (the real
    /// memory is still read and written). `None` when the operation is not one.
    unsafe fn vable_op(
        &mut self,
        op: Opcode,
        vals: &[u64],
        boxes: &[Arg],
        dst: Option<u16>,
    ) -> Option<Result<(), Stop>> {
        let v = self.vable.as_ref()?;
        let off = || boxes.get(1).and_then(|b| b.konst()).map(|c| c.as_int());
        match op {
            Opcode::GetfieldI | Opcode::GetfieldR | Opcode::GetfieldF => {
                let off = off()?;
                let b = if let Some(k) = v.scalar_index(boxes[0], off) {
                    v.scalars[k]
                } else if let Some(k) = v.list_field(boxes[0], off) {
                    v.lists[k].list
                } else if let Some(k) = v.list_of(boxes[0]) {
                    match off {
                        LIST_LENGTH => Arg::Const(Const::int(v.lists[k].items.len() as i64)),
                        LIST_ITEMS => v.lists[k].items_arr,
                        _ => return None,
                    }
                } else {
                    return None;
                };
                let r = exec_op(op, vals);
                if let Some(d) = dst {
                    self.set(d, r, b);
                }
                Some(Ok(()))
            }
            Opcode::Setfield => {
                let off = off()?;
                if let Some(k) = v.scalar_index(boxes[0], off) {
                    exec_op(op, vals);
                    self.vable.as_mut().expect("vable").scalars[k] = boxes[2];
                    return Some(Ok(()));
                }
                if v.list_field(boxes[0], off).is_some() || v.list_of(boxes[0]).is_some() {
                    return Some(Err(self.abort("a virtualizable list is replaced", false)));
                }
                None
            }
            Opcode::GetarrayitemI
            | Opcode::GetarrayitemR
            | Opcode::GetarrayitemF
            | Opcode::Setarrayitem => {
                let k = v.array_of(boxes[0])?;
                let idx = vals[1] as usize;
                if idx >= v.lists[k].items.len() {
                    return Some(Err(self.abort("virtualizable item out of range", false)));
                }
                self.promote(vals[1], boxes[1]);
                let r = exec_op(op, vals);
                let vm = self.vable.as_mut().expect("vable");
                if op == Opcode::Setarrayitem {
                    vm.lists[k].items[idx] = boxes[2];
                } else if let Some(d) = dst {
                    let b = vm.lists[k].items[idx];
                    self.set(d, r, b);
                }
                Some(Ok(()))
            }
            _ => None,
        }
    }

    /// Records the writes that bring the frame object up to date (before a call that
    /// may read it).
    fn vable_write_back(&mut self) {
        let Some(v) = self.vable.clone() else {
            return;
        };
        for (k, &(off, _)) in v.info.scalars.iter().enumerate() {
            self.record(
                Opcode::Setfield,
                vec![v.obj, Arg::Const(Const::int(off)), v.scalars[k]],
            );
        }
        for l in &v.lists {
            for (j, &b) in l.items.iter().enumerate() {
                self.record(
                    Opcode::Setarrayitem,
                    vec![l.items_arr, Arg::Const(Const::int(j as i64)), b],
                );
            }
        }
    }

    /// Records reading the fields back (after a call that may have changed them).
    fn vable_reread(&mut self) {
        let Some(mut v) = self.vable.clone() else {
            return;
        };
        for (k, &(off, t)) in v.info.scalars.iter().enumerate() {
            let r = self.record(
                Opcode::getfield(t),
                vec![v.obj, Arg::Const(Const::int(off))],
            );
            v.scalars[k] = Arg::Var(r.expect("load"));
        }
        for (li, &(_, t)) in v.info.arrays.iter().enumerate() {
            let arr = v.lists[li].items_arr;
            for j in 0..v.lists[li].items.len() {
                let r = self.record(
                    Opcode::getarrayitem(t),
                    vec![arr, Arg::Const(Const::int(j as i64))],
                );
                v.lists[li].items[j] = Arg::Var(r.expect("load"));
            }
        }
        self.vable = Some(v);
    }

    /// The inlined function most of the trace was recorded in (with what it called).
    fn culprit(&self) -> Option<u32> {
        let mut ops = self.inlined_ops.clone();
        // Frames still open count too (the outermost is the portal, never a culprit).
        for (tf, &start) in self.frames[1..].iter().zip(&self.inline_starts) {
            *ops.entry(tf.f.code).or_insert(0) += self.trace.ops.len() - start;
        }
        ops.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
    }

    fn push_frame(&mut self, code: u32, vals: &[u64], boxes: &[Arg]) {
        self.inline_starts.push(self.trace.ops.len());
        let jc = &self.st.data.jitcodes[code as usize];
        let mut f = Frame::new(self.st, code);
        let mut bx = vec![Arg::Const(Const::int(0)); jc.regs.len()];
        for ((&p, &v), &b) in jc.params.iter().zip(vals).zip(boxes) {
            f.regs[p as usize] = v;
            bx[p as usize] = b;
        }
        self.frames.push(TFrame { f, boxes: bx });
    }

    /// Calls a target for real and records the call (`None` to go on).
    unsafe fn residual_call(
        &mut self,
        t: u32,
        vals: Vec<u64>,
        boxes: Vec<Arg>,
        dst: Option<u16>,
    ) -> Option<Stop> {
        let st = self.st;
        let target = &st.data.targets[t as usize];
        let touches_frame = !target.descr.elidable && self.vable.is_some();
        if touches_frame {
            self.vable_write_back();
        }
        let r = call_target(st, target, &vals);
        if exception_pending() {
            return Some(self.abort("exception in a call", true));
        }
        let d = &target.descr;
        let all_const = boxes.iter().all(|b| b.konst().is_some());
        let rb = if d.elidable && all_const && d.ret != Type::Void {
            Some(Arg::Const(Const { ty: d.ret, bits: r }))
        } else {
            let op = if d.elidable {
                Opcode::call_pure(d.ret)
            } else {
                Opcode::call(d.ret)
            };
            let mut args = vec![Arg::Const(Const::int(
                st.addrs[target.func as usize] as i64,
            ))];
            args.extend(boxes);
            let res = self.record(op, args);
            self.trace.ops.last_mut().expect("call").descr = Some(Box::new(d.clone()));
            if d.can_raise {
                self.guard(Opcode::GuardNoException, vec![], true);
            }
            res.map(Arg::Var)
        };
        if touches_frame {
            self.vable_reread();
        }
        let r = if d.ret_i1 { r & 1 } else { r };
        if let (Some(dr), Some(b)) = (dst, rb) {
            let b = match b {
                Arg::Var(_) => b,
                Arg::Const(c) => Arg::Const(Const {
                    ty: self.reg_type(dr),
                    bits: c.bits & if d.ret_i1 { 1 } else { u64::MAX },
                }),
            };
            self.set(dr, r, b);
        }
        self.frames.last_mut().expect("frame").f.pc += 1;
        None
    }

    /// At the portal's merge point: close the loop, join a compiled loop, or go on.
    fn merge_point(&mut self, d: u32) -> Option<Stop> {
        let st = self.st;
        let drv = &st.data.drivers[d as usize];
        let key: Vec<u64> = drv
            .greens
            .iter()
            .map(|&r| self.frames[0].f.regs[r as usize])
            .collect();
        let mut reds: Vec<Arg> = drv
            .reds
            .iter()
            .map(|&r| self.frames[0].boxes[r as usize])
            .collect();
        if let Some(v) = &self.vable {
            if drv.virtualizable.as_ref().map(|vi| reds[vi.red as usize]) != Some(v.obj) {
                return Some(self.abort("the virtualizable changed", false));
            }
            reds.extend(v.slots());
        }
        let started = self.entered;
        self.entered = true;
        if started {
            if self.start_key.as_deref() == Some(&key[..]) {
                let mut j = Op::new(Opcode::Jump, reds, None);
                j.target = None;
                self.trace.ops.push(j);
                return Some(Stop::Closed);
            }
            // Another key with compiled code: the trace ends by jumping there.
            if let Some(l) = (self.loop_of_key)(&key) {
                let mut j = Op::new(Opcode::Jump, reds, None);
                j.target = Some(l);
                self.trace.ops.push(j);
                return Some(Stop::Joined(l));
            }
        }
        // Greens are constants in a trace: promote the ones that are not.
        for &r in &drv.greens {
            let (v, b) = (
                self.frames[0].f.regs[r as usize],
                self.frames[0].boxes[r as usize],
            );
            let nb = self.promote(v, b);
            self.frames[0].boxes[r as usize] = nb;
        }
        if self.log_locations {
            let text = super::log::printable_location(st, d, &key);
            let mut o = Op::new(Opcode::DebugMergePoint, vec![], None);
            o.text = Some(text);
            self.trace.ops.push(o);
        }
        None
    }
}
