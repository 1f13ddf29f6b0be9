//! Dead code elimination, run last: pure operations, loads and elidable calls whose
//! result nothing uses are removed (a `guard_no_exception` right after a removed call
//! goes with it). Guards, stores, allocations, other calls, `*_ovf` (their
//! `guard_no_overflow` refers to them) and control operations are always kept.
//! Uses are operation arguments, the variables of snapshots (virtual fields included)
//! and the arguments of every label but the first (a preamble falls into the peeled
//! loop's label with those values).

use crate::jit::trace::*;

fn removable(op: &Op) -> bool {
    match op.opcode.kind() {
        OpKind::Pure => !op.opcode.is_ovf(),
        OpKind::Load => true,
        OpKind::Call => op.opcode.is_pure_call(),
        _ => false,
    }
}

pub fn dce(t: &mut Trace) {
    let mut live = vec![false; t.types.len()];
    let mut keep = vec![true; t.ops.len()];
    let first_label = t.ops.iter().position(|o| o.opcode == Opcode::Label);
    let mut drop_guard_after = vec![false; t.ops.len()];
    for (k, op) in t.ops.iter().enumerate().rev() {
        if removable(op) {
            if let Some(r) = op.result {
                if !live[r.0 as usize] {
                    keep[k] = false;
                    if op.opcode.is_pure_call() {
                        drop_guard_after[k] = true;
                    }
                    continue;
                }
            }
        }
        if op.opcode == Opcode::Label && Some(k) == first_label {
            continue;
        }
        for a in &op.args {
            if let Arg::Var(v) = a {
                live[v.0 as usize] = true;
            }
        }
        if let Some(s) = op.snapshot {
            for v in t.snapshots[s.0 as usize].fail_vars() {
                live[v.0 as usize] = true;
            }
        }
    }
    for k in 0..t.ops.len() {
        if drop_guard_after[k] && k + 1 < t.ops.len() {
            let next = &t.ops[k + 1];
            if next.opcode == Opcode::GuardNoException {
                keep[k + 1] = false;
            }
        }
    }
    let mut k = 0;
    t.ops.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Drops the positions of the last label (of a trace with two or more) whose variable
/// the loop after it never reads (the jump passing it back to itself is no read), and
/// the matching jump arguments; then removes what became dead.
pub fn prune_loop_args(t: &mut Trace) {
    let labels: Vec<usize> = (0..t.ops.len())
        .filter(|&k| t.ops[k].opcode == Opcode::Label)
        .collect();
    let (Some(&l), true) = (labels.last(), labels.len() >= 2) else {
        return;
    };
    let j = t.ops.len() - 1;
    if t.ops[j].opcode != Opcode::Jump || t.ops[j].target.is_some() {
        return;
    }
    {
        let mut reads = vec![0u32; t.types.len()];
        for op in &t.ops[l + 1..j] {
            for a in &op.args {
                if let Arg::Var(v) = a {
                    reads[v.0 as usize] += 1;
                }
            }
            if let Some(s) = op.snapshot {
                for v in t.snapshots[s.0 as usize].fail_vars() {
                    reads[v.0 as usize] += 1;
                }
            }
        }
        let (largs, jargs) = (&t.ops[l].args, &t.ops[j].args);
        for (k, a) in jargs.iter().enumerate() {
            if let Arg::Var(v) = a {
                if Some(*a) != largs.get(k).copied() {
                    reads[v.0 as usize] += 1;
                }
            }
        }
        let dead: Vec<usize> = (0..largs.len())
            .filter(|&k| matches!(largs[k], Arg::Var(v) if reads[v.0 as usize] == 0))
            .collect();
        if dead.is_empty() {
            return;
        }
        for &k in dead.iter().rev() {
            t.ops[l].args.remove(k);
            t.ops[j].args.remove(k);
        }
        dce(t);
        // `dce` may have shifted the label; what it removed may free more positions.
        prune_loop_args(t);
    }
}
