//! Resume: rebuilds the interpreter frames of a guard's snapshot from the values the
//! guard saved, allocating the objects the optimizer had kept virtual.

use super::blackhole::Frame;
use super::state::JitState;
use super::trace::{SnapArg, Snapshot};
use super::vable;
use std::collections::HashMap;

/// The frames of `snap` with registers from `values` (the guard's fail values, in
/// `Snapshot::fail_vars` order).
///
/// # Safety
/// `values` must be what the guard saved.
pub unsafe fn rebuild(st: &JitState, driver: u32, snap: &Snapshot, values: &[u64]) -> Vec<Frame> {
    let index: HashMap<_, _> = snap
        .fail_vars()
        .into_iter()
        .enumerate()
        .map(|(k, v)| (v, k))
        .collect();
    // Virtuals first (all allocated, then filled: they may refer to each other).
    let objs: Vec<u64> = snap
        .virtuals
        .iter()
        .map(|v| crate::heap::rpy_alloc(v.size, v.tid) as u64)
        .collect();
    let value = |a: &SnapArg| -> u64 {
        match a {
            SnapArg::Var(v) => values[index[v]],
            SnapArg::Const(c) => c.bits,
            SnapArg::Virtual(k) => objs[*k as usize],
        }
    };
    for (v, &o) in snap.virtuals.iter().zip(&objs) {
        for (off, a) in &v.fields {
            *((o as i64 + off) as *mut u64) = value(a);
        }
    }
    // The virtualizable's fields go back into the frame object first.
    if let (Some(fs), Some(vi)) = (
        snap.frames.first().filter(|f| f.jitcode == vable::MARKER),
        st.data.drivers[driver as usize].virtualizable.as_ref(),
    ) {
        let vals: Vec<u64> = fs.regs.iter().map(|(_, a)| value(a)).collect();
        vable::write_slots(vi, vals[0], &vals[1..]);
    }
    snap.frames
        .iter()
        .filter(|fs| fs.jitcode != vable::MARKER)
        .map(|fs| {
            let mut f = Frame::new(st, fs.jitcode);
            f.pc = fs.pc;
            for (r, a) in &fs.regs {
                f.regs[*r as usize] = value(a);
            }
            f
        })
        .collect()
}
