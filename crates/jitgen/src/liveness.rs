//! Register liveness over a jitcode: which registers a guard's snapshot must keep at
//! each instruction where the tracer may record a guard or stop in a caller frame.

use rpyrt::jit::jitcode::{Insn, Opnd, Reg};
use rpyrt::jit::trace::Opcode;

/// Calls `f` on every operand an instruction reads.
pub fn for_each_operand(insn: &mut Insn, mut f: impl FnMut(&mut Opnd)) {
    match insn {
        Insn::Op { args, .. }
        | Insn::PureLoad { args, .. }
        | Insn::Ovf { args, .. }
        | Insn::Call { args, .. } => args.iter_mut().for_each(f),
        Insn::IndirectCall { fnptr, args, .. } => {
            f(fnptr);
            args.iter_mut().for_each(f);
        }
        Insn::Move { src, .. } | Insn::Promote { src, .. } => f(src),
        Insn::Branch { cond, .. } => f(cond),
        Insn::Raise { value, .. } => f(value),
        Insn::Return(Some(v)) => f(v),
        Insn::Catch { cases, .. } => {
            for (c, _, _) in cases {
                if let Some(c) = c {
                    f(c);
                }
            }
        }
        Insn::Return(None)
        | Insn::Goto(_)
        | Insn::MergePoint(_)
        | Insn::CanEnter(_)
        | Insn::Unreachable => {}
    }
}

fn writes(insn: &Insn) -> Vec<Reg> {
    match insn {
        Insn::Op { dst: Some(d), .. }
        | Insn::Call { dst: Some(d), .. }
        | Insn::IndirectCall { dst: Some(d), .. } => vec![*d],
        Insn::Ovf { dst, .. }
        | Insn::Move { dst, .. }
        | Insn::Promote { dst, .. }
        | Insn::PureLoad { dst, .. } => vec![*dst],
        Insn::Catch { cases, .. } => cases.iter().map(|c| c.1).collect(),
        _ => vec![],
    }
}

pub fn successors(insn: &Insn, pc: u32) -> Vec<u32> {
    match insn {
        Insn::Goto(t) => vec![*t],
        Insn::Branch { if_false, .. } => vec![pc + 1, *if_false],
        Insn::Return(_) | Insn::Unreachable => vec![],
        Insn::Raise { exc, .. } => exc.catch.into_iter().collect(),
        Insn::Call { exc, .. } | Insn::IndirectCall { exc, .. } | Insn::Ovf { exc, .. } => {
            let mut s = vec![pc + 1];
            s.extend(exc.catch);
            s
        }
        Insn::Catch { cases, .. } => cases.iter().map(|c| c.2).collect(),
        _ => vec![pc + 1],
    }
}

/// Whether a snapshot may be taken at this instruction.
fn needs_liveness(insn: &Insn) -> bool {
    // Array accesses too: on a virtualizable's list, the tracer promotes the index.
    if let Insn::Op { op, .. } = insn {
        return matches!(
            op,
            Opcode::GetarrayitemI
                | Opcode::GetarrayitemR
                | Opcode::GetarrayitemF
                | Opcode::Setarrayitem
        );
    }
    matches!(
        insn,
        Insn::Branch { .. }
            | Insn::Promote { .. }
            | Insn::Call { .. }
            | Insn::IndirectCall { .. }
            | Insn::Ovf { .. }
            | Insn::MergePoint(_)
            | Insn::Raise { .. }
    )
}

/// Live-in registers of the instructions that need them (see [`needs_liveness`]).
pub fn compute(code: &[Insn], nregs: usize) -> Vec<Option<Vec<Reg>>> {
    let n = code.len();
    let words = nregs.div_ceil(64).max(1);
    let mut live_in = vec![vec![0u64; words]; n];
    let reads: Vec<Vec<Reg>> = code
        .iter()
        .map(|i| {
            let mut v = vec![];
            let mut i = i.clone();
            for_each_operand(&mut i, |o| {
                if (*o as usize) < nregs {
                    v.push(*o);
                }
            });
            v
        })
        .collect();
    let writes: Vec<Vec<Reg>> = code.iter().map(writes).collect();
    let succs: Vec<Vec<u32>> = code
        .iter()
        .enumerate()
        .map(|(pc, i)| successors(i, pc as u32))
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..n).rev() {
            let mut set = vec![0u64; words];
            for &s in &succs[pc] {
                if let Some(l) = live_in.get(s as usize) {
                    for (a, b) in set.iter_mut().zip(l) {
                        *a |= b;
                    }
                }
            }
            for &w in &writes[pc] {
                set[w as usize / 64] &= !(1 << (w % 64));
            }
            for &r in &reads[pc] {
                set[r as usize / 64] |= 1 << (r % 64);
            }
            if set != live_in[pc] {
                live_in[pc] = set;
                changed = true;
            }
        }
    }
    code.iter()
        .zip(live_in)
        .map(|(insn, set)| {
            needs_liveness(insn).then(|| {
                (0..nregs as Reg)
                    .filter(|&r| set[r as usize / 64] & (1 << (r % 64)) != 0)
                    .collect()
            })
        })
        .collect()
}
