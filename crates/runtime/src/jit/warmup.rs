//! Warm-up and the JIT's entry points (RPython's warmspot/warmstate): counters per green
//! key, starting the tracer when one gets hot, entering compiled loops, and what happens
//! when a compiled loop leaves through a guard (resume into the blackhole interpreter,
//! or trace a bridge once that guard has failed often enough).
//!
//! The compiled portal calls `rpy_jit_can_enter` at each `can_enter_jit` (and
//! `rpy_jit_merge_point` at its merge point, which only counts when the driver has no
//! `can_enter_jit`), with the greens then the reds in a buffer of words. The answer says
//! what the portal does next: [`CONTINUE`] as if nothing happened, [`RESTART`] at the
//! merge point with the greens and reds now in the buffer, [`RETURN`] the value in the
//! buffer's first word, or [`EXCEPTION`]: return with the pending exception.

use super::blackhole::{self, Frame, Outcome};
use super::compile::{self, Compiled};
use super::log;
use super::state::{state, JitState};
use super::trace::*;
use super::tracer::{Stop, TFrame, Tracer};
use super::vable::{self, Vable};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::time::Instant;

pub const CONTINUE: i64 = 0;
pub const RESTART: i64 = 1;
pub const RETURN: i64 = 2;
pub const EXCEPTION: i64 = 3;

/// After this many aborted traces a green key is not traced again.
const MAX_ABORTS: u32 = 3;
/// How long a chain of bridges (a bridge from a guard of a bridge ...) may get: a value
/// that is promoted but changes all the time would otherwise grow a chain of bridges,
/// each specialized for one value.
const MAX_BRIDGE_DEPTH: u32 = 6;

/// Counters live in a fixed table indexed by a hash of the driver and greens, as in
/// PyPy's JitCounter: keys that collide share a counter (they just get hot together).
const COUNTER_BITS: u32 = 14;

pub struct Warmup {
    counters: Vec<u32>,
    aborts: HashMap<(u32, Vec<u64>), u32>,
    /// Compiled loops (or entry bridges) by hash of driver and key, then by key.
    loops: HashMap<u64, Vec<(u32, Vec<u64>, u32)>, BuildHasherDefault<IdentityHasher>>,
    pub compiled: Compiled,
    /// Tracing or running the JIT: a nested entry (a residual call into the portal)
    /// runs as plain compiled code.
    busy: bool,
}

impl Default for Warmup {
    fn default() -> Warmup {
        Warmup {
            counters: vec![0; 1 << COUNTER_BITS],
            aborts: HashMap::new(),
            loops: HashMap::default(),
            compiled: Compiled::default(),
            busy: false,
        }
    }
}

/// The key is already a hash.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

fn key_hash(d: u32, greens: &[u64]) -> u64 {
    let mut h = (d as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
    for &g in greens {
        h = (h ^ g).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    h ^ (h >> 31)
}

impl Warmup {
    /// The compiled loop entered at this key.
    pub fn loop_at(&self, d: u32, greens: &[u64]) -> Option<u32> {
        self.loop_at_hash(d, greens, key_hash(d, greens))
    }

    /// [`Warmup::loop_at`] with the key's hash already computed.
    fn loop_at_hash(&self, d: u32, greens: &[u64], h: u64) -> Option<u32> {
        let list = self.loops.get(&h)?;
        list.iter()
            .find(|(dd, k, _)| *dd == d && k[..] == *greens)
            .map(|e| e.2)
    }

    fn add_loop(&mut self, d: u32, greens: Vec<u64>, id: u32) {
        let list = self.loops.entry(key_hash(d, &greens)).or_default();
        list.retain(|(dd, k, _)| !(*dd == d && *k == greens));
        list.push((d, greens, id));
    }
}

#[no_mangle]
pub unsafe extern "C" fn rpy_jit_can_enter(driver: i64, buf: *mut u64) -> i64 {
    enter(driver as u32, buf, true)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_jit_merge_point(driver: i64, buf: *mut u64) -> i64 {
    enter(driver as u32, buf, false)
}

unsafe fn enter(d: u32, buf: *mut u64, from_can_enter: bool) -> i64 {
    let Some(st) = state() else {
        return CONTINUE;
    };
    if !st.params.on || st.warmup.busy {
        return CONTINUE;
    }
    let drv = &st.data.drivers[d as usize];
    if !from_can_enter && drv.has_can_enter {
        return CONTINUE;
    }
    // The GC asked for a collection (a compiled loop left for it): collect now, the
    // portal saved its references and the buffer's are roots.
    if crate::gc::rpy_gc_requested != 0 {
        if let Some(refs) = gc_ref_words(st, d, buf, false) {
            crate::gc::collect_with_roots(&refs);
        }
    }
    let drv = &st.data.drivers[d as usize];
    let (ng, nr) = (drv.greens.len(), drv.reds.len());
    let words = std::slice::from_raw_parts_mut(buf, ng + nr);
    let greens = &words[..ng];
    let h = key_hash(d, greens);
    if let Some(id) = st.warmup.loop_at_hash(d, greens, h) {
        st.warmup.busy = true;
        crate::gc::inhibit();
        let r = run_compiled(st, d, id, words);
        crate::gc::release();
        st.warmup.busy = false;
        return r;
    }
    let slot = (h & ((1 << COUNTER_BITS) - 1)) as usize;
    let c = &mut st.warmup.counters[slot];
    *c += 1;
    if (*c as i64) < st.params.threshold {
        return CONTINUE;
    }
    *c = 0;
    // A green object still in the nursery would move: the loop's key and the
    // trace's constants must be old objects. Collect first (the portal saved its
    // references; the buffer's references are roots too).
    if let Some(refs) = gc_ref_words(st, d, buf, true) {
        crate::gc::collect_with_roots(&refs);
    }
    let greens = &words[..ng];
    let key = (d, greens.to_vec());
    if st.warmup.aborts.get(&key).copied().unwrap_or(0) >= MAX_ABORTS {
        return CONTINUE;
    }
    st.warmup.busy = true;
    crate::gc::inhibit();
    let r = trace_loop(st, d, words, key);
    crate::gc::release();
    st.warmup.busy = false;
    r
}

/// The addresses of the reference words of the portal's buffer (greens then reds), for
/// a collection; with `young_greens_only`, `None` unless a green is in the nursery.
unsafe fn gc_ref_words(
    st: &JitState,
    d: u32,
    buf: *mut u64,
    young_greens_only: bool,
) -> Option<Vec<*mut *mut u8>> {
    let drv = &st.data.drivers[d as usize];
    let jc = &st.data.jitcodes[drv.portal as usize];
    let ng = drv.greens.len();
    let refs: Vec<usize> = drv
        .greens
        .iter()
        .chain(&drv.reds)
        .enumerate()
        .filter(|(_, &r)| jc.regs[r as usize] == Type::Ref)
        .map(|(k, _)| k)
        .collect();
    let young = refs
        .iter()
        .any(|&k| k < ng && crate::gc::is_young(*buf.add(k) as *const u8));
    if young_greens_only && !young {
        return None;
    }
    Some(refs.iter().map(|&k| buf.add(k) as *mut *mut u8).collect())
}

/// Traces from the merge point with the values in `words`.
unsafe fn trace_loop(st: &mut JitState, d: u32, words: &mut [u64], key: (u32, Vec<u64>)) -> i64 {
    let drv = &st.data.drivers[d as usize];
    let code = drv.portal;
    let jc = &st.data.jitcodes[code as usize];
    let mut f = Frame::new(st, code);
    f.pc = drv.merge_pc;
    let mut boxes = vec![Arg::Const(Const::int(0)); jc.regs.len()];
    let mut trace = Trace::default();
    let ng = drv.greens.len();
    for (k, &r) in drv.greens.iter().chain(&drv.reds).enumerate() {
        f.regs[r as usize] = words[k];
        let t = jc.regs[r as usize];
        boxes[r as usize] = if k < ng {
            Arg::Const(Const {
                ty: t,
                bits: words[k],
            })
        } else {
            let v = trace.new_var(t);
            trace.inputs.push(v);
            Arg::Var(v)
        };
    }
    // The virtualizable's fields are more inputs.
    let mut vable = None;
    if let Some(vi) = &drv.virtualizable {
        let obj_box = Arg::Var(trace.inputs[vi.red as usize]);
        let obj = words[ng + vi.red as usize];
        let (types, lens) = vable::shape(vi, obj);
        let slots: Vec<Arg> = types
            .iter()
            .map(|&t| {
                let v = trace.new_var(t);
                trace.inputs.push(v);
                Arg::Var(v)
            })
            .collect();
        vable = Some(Vable::from_slots(vi, obj_box, &slots, &lens));
    }
    let label_args: Vec<Arg> = trace.inputs.iter().map(|&v| Arg::Var(v)).collect();
    trace.ops.push(Op::new(Opcode::Label, label_args, None));
    let t0 = Instant::now();
    let warm = &st.warmup;
    let loop_of_key = |k: &[u64]| warm.loop_at(d, k);
    let mut tracer = Tracer {
        vable,
        st,
        trace,
        frames: vec![TFrame { f, boxes }],
        start_key: Some(key.1.clone()),
        driver: d,
        loop_of_key: &loop_of_key,
        limit: st.params.trace_limit,
        log_locations: log::enabled(),
        entered: false,
        inlined_ops: HashMap::new(),
        inline_starts: vec![],
    };
    tracer.gc_check();
    let stop = tracer.run();
    log::stats().tracing += t0.elapsed();
    let Tracer {
        trace,
        frames,
        vable,
        ..
    } = tracer;
    let lens = vable.map(|v| v.lens());
    let mut frames: Vec<Frame> = frames.into_iter().map(|tf| tf.f).collect();
    match stop {
        Stop::Closed => {
            let name = log::printable_location(st, d, &key.1);
            match compile::compile_loop(st, trace, &name) {
                Ok(id) => {
                    st.warmup.compiled.info_mut(id).vable_lens = lens;
                    st.warmup.add_loop(d, key.1, id)
                }
                Err(e) => {
                    log::write(&format!("# compiling the loop at {name} failed: {e}\n"));
                    *st.warmup.aborts.entry(key).or_insert(0) += 1;
                }
            }
            finish(st, d, &mut frames, Outcome::MergePoint, words)
        }
        Stop::Joined(_) => {
            // The trace ran into another compiled loop: it becomes this key's entry,
            // a bridge from the merge point into that loop.
            let name = log::printable_location(st, d, &key.1);
            let mut trace = trace;
            trace.ops.retain(|o| o.opcode != Opcode::Label);
            match compile::compile_entry(st, trace, &name) {
                Ok(id) => {
                    st.warmup.compiled.info_mut(id).vable_lens = lens;
                    st.warmup.add_loop(d, key.1, id)
                }
                Err(e) => {
                    log::write(&format!("# compiling the entry at {name} failed: {e}\n"));
                    *st.warmup.aborts.entry(key).or_insert(0) += 1;
                }
            }
            finish(st, d, &mut frames, Outcome::MergePoint, words)
        }
        Stop::TooLong { culprit } => {
            log::stats().aborts += 1;
            let at = log::printable_location(st, d, &key.1);
            match culprit {
                // Retry later with that function called, not inlined.
                Some(c) if st.dont_inline.insert(c) => log::write(&format!(
                    "# trace aborted at {at}: too long; {} will be called, not inlined\n",
                    st.data.jitcodes[c as usize].name
                )),
                _ => {
                    log::write(&format!("# trace aborted at {at}: too long\n"));
                    *st.warmup.aborts.entry(key).or_insert(0) += 1;
                }
            }
            let o = blackhole::run(st, &mut frames, false, false);
            finish(st, d, &mut frames, o, words)
        }
        Stop::Abort { reason, exception } => {
            log::stats().aborts += 1;
            log::write(&format!(
                "# trace aborted at {}: {reason}\n",
                log::printable_location(st, d, &key.1)
            ));
            *st.warmup.aborts.entry(key).or_insert(0) += 1;
            let o = blackhole::run(st, &mut frames, exception, false);
            finish(st, d, &mut frames, o, words)
        }
    }
}

/// Tells the portal what to do after the JIT ran: writes the greens and reds (or the
/// return value) into its buffer.
fn finish(st: &JitState, d: u32, frames: &mut [Frame], o: Outcome, words: &mut [u64]) -> i64 {
    match o {
        Outcome::MergePoint => {
            let drv = &st.data.drivers[d as usize];
            let f = &frames[0];
            for (k, &r) in drv.greens.iter().chain(&drv.reds).enumerate() {
                words[k] = f.regs[r as usize];
            }
            RESTART
        }
        Outcome::Return(v) => {
            if let Some(w) = words.first_mut() {
                *w = v;
            }
            RETURN
        }
        Outcome::Exception => EXCEPTION,
    }
}

/// Runs a compiled loop from the merge point; on a guard failure resumes (or traces a
/// bridge) and runs on to the next merge point.
unsafe fn run_compiled(st: &mut JitState, d: u32, id: u32, words: &mut [u64]) -> i64 {
    let ng = st.data.drivers[d as usize].greens.len();
    let mut frame: Vec<u64> = words[ng..].to_vec();
    if let Some(vi) = &st.data.drivers[d as usize].virtualizable {
        let obj = frame[vi.red as usize];
        // A loop compiled for other list lengths does not fit this frame.
        let lens = st.warmup.compiled.infos[id as usize].vable_lens.as_deref();
        if !lens.is_some_and(|lens| vable::fits(vi, obj, lens)) {
            return CONTINUE;
        }
        vable::read_slots_into(vi, obj, &mut frame);
    }
    frame.resize(frame.len().max(st.warmup.compiled.frame_words()), 0);
    let exit = st.warmup.compiled.execute(id, &mut frame);
    let info = st.warmup.compiled.info_mut(exit.trace);
    let count = {
        let c = &mut info.fail_counts[exit.guard.0 as usize];
        *c += 1;
        *c
    };
    let snap = info.trace.snapshots[exit.guard.0 as usize].clone();
    // A loop that left because the GC wants to collect needs no bridge.
    let mut bridge_ok = count >= st.params.trace_eagerness as u64
        && !info.no_bridge[exit.guard.0 as usize]
        && crate::gc::rpy_gc_requested == 0;
    if bridge_ok && info.depth >= MAX_BRIDGE_DEPTH {
        bridge_ok = false;
        info.no_bridge[exit.guard.0 as usize] = true;
    }
    if bridge_ok {
        return trace_bridge(st, d, exit.trace, exit.guard, &snap, &frame, words);
    }
    let mut frames = super::resume::rebuild(st, d, &snap, &frame);
    let o = blackhole::run(st, &mut frames, snap.exception, false);
    finish(st, d, &mut frames, o, words)
}

/// Traces from a failing guard's state to the next compiled loop and attaches the
/// bridge to the guard.
unsafe fn trace_bridge(
    st: &mut JitState,
    d: u32,
    from: u32,
    guard: SnapshotId,
    snap: &Snapshot,
    values: &[u64],
    words: &mut [u64],
) -> i64 {
    let real = super::resume::rebuild(st, d, snap, values);
    let mut trace = Trace::default();
    // The bridge's inputs are the guard's fail values, in order.
    let fail_vars = snap.fail_vars();
    let mut var_map = HashMap::new();
    for &fv in &fail_vars {
        let ty = st.warmup.compiled.info_mut(from).trace.ty(fv);
        let v = trace.new_var(ty);
        trace.inputs.push(v);
        var_map.insert(fv, v);
    }
    // The guard's virtuals are allocated again at the start of the bridge.
    let mut virt_boxes = vec![];
    for v in &snap.virtuals {
        let size = Arg::Const(Const::int(v.size));
        let tid = Arg::Const(Const::int(v.tid));
        let var = trace.push(Opcode::New, vec![size, tid]).expect("new");
        virt_boxes.push(Arg::Var(var));
    }
    let to_box = |a: SnapArg| match a {
        SnapArg::Var(v) => Arg::Var(var_map[&v]),
        SnapArg::Const(c) => Arg::Const(c),
        SnapArg::Virtual(k) => virt_boxes[k as usize],
    };
    for (v, &obj) in snap.virtuals.iter().zip(&virt_boxes) {
        for &(off, a) in &v.fields {
            trace.push(
                Opcode::Setfield,
                vec![obj, Arg::Const(Const::int(off)), to_box(a)],
            );
        }
    }
    let mut tframes = vec![];
    let mut vable_regs = None;
    let mut real = real.into_iter();
    for fs in &snap.frames {
        if fs.jitcode == vable::MARKER {
            vable_regs = Some(fs.regs.iter().map(|&(_, a)| to_box(a)).collect::<Vec<_>>());
            continue;
        }
        let f = real.next().expect("a rebuilt frame per snapshot frame");
        let jc = &st.data.jitcodes[fs.jitcode as usize];
        let mut boxes = vec![Arg::Const(Const::int(0)); jc.regs.len()];
        for &(r, a) in &fs.regs {
            boxes[r as usize] = to_box(a);
        }
        tframes.push(TFrame { f, boxes });
    }
    let mut vable = None;
    if let (Some(vi), Some(regs)) = (&st.data.drivers[d as usize].virtualizable, vable_regs) {
        // The frame object is the marker's first slot (the red may be dead here).
        let obj = match snap.frames[0].regs[0].1 {
            SnapArg::Var(v) => values[fail_vars.iter().position(|&x| x == v).expect("fail var")],
            SnapArg::Const(c) => c.bits,
            SnapArg::Virtual(_) => 0,
        };
        if obj == 0 {
            let mut frames: Vec<Frame> = tframes.into_iter().map(|t| t.f).collect();
            st.warmup.compiled.info_mut(from).no_bridge[guard.0 as usize] = true;
            let o = blackhole::run(st, &mut frames, false, false);
            return finish(st, d, &mut frames, o, words);
        }
        let (_, lens) = vable::shape(vi, obj);
        vable = Some(Vable::from_slots(vi, regs[0], &regs[1..], &lens));
    }
    if snap.exception {
        // The bridge would start by handling an exception: leave it to the blackhole.
        let mut frames: Vec<Frame> = tframes.into_iter().map(|t| t.f).collect();
        st.warmup.compiled.info_mut(from).no_bridge[guard.0 as usize] = true;
        let o = blackhole::run(st, &mut frames, true, false);
        return finish(st, d, &mut frames, o, words);
    }
    let warm = &st.warmup;
    let loop_of_key = |k: &[u64]| warm.loop_at(d, k);
    let t0 = Instant::now();
    let mut tracer = Tracer {
        vable,
        st,
        trace,
        frames: tframes,
        start_key: None,
        driver: d,
        loop_of_key: &loop_of_key,
        limit: st.params.trace_limit,
        log_locations: log::enabled(),
        entered: true,
        inlined_ops: HashMap::new(),
        inline_starts: vec![],
    };
    let stop = tracer.run();
    log::stats().tracing += t0.elapsed();
    let Tracer { trace, frames, .. } = tracer;
    let mut frames: Vec<Frame> = frames.into_iter().map(|tf| tf.f).collect();
    match stop {
        Stop::Joined(_) => {
            if let Err(e) = compile::compile_bridge(st, trace, from, guard) {
                log::write(&format!("# compiling a bridge failed: {e}\n"));
                st.warmup.compiled.info_mut(from).no_bridge[guard.0 as usize] = true;
            }
            finish(st, d, &mut frames, Outcome::MergePoint, words)
        }
        Stop::Closed => finish(st, d, &mut frames, Outcome::MergePoint, words),
        Stop::TooLong { culprit } => {
            log::stats().aborts += 1;
            log::write("# bridge aborted: too long\n");
            if let Some(c) = culprit {
                st.dont_inline.insert(c);
            }
            st.warmup.compiled.info_mut(from).no_bridge[guard.0 as usize] = true;
            let o = blackhole::run(st, &mut frames, false, false);
            finish(st, d, &mut frames, o, words)
        }
        Stop::Abort { reason, exception } => {
            log::stats().aborts += 1;
            log::write(&format!("# bridge aborted: {reason}\n"));
            st.warmup.compiled.info_mut(from).no_bridge[guard.0 as usize] = true;
            let o = blackhole::run(st, &mut frames, exception, false);
            finish(st, d, &mut frames, o, words)
        }
    }
}
