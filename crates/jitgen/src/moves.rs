//! Parallel moves (a link passing values to a block's parameters) as a sequence of
//! single moves, using one scratch register of the right type to break cycles.

use rpyrt::jit::jitcode::{Opnd, Reg};

/// Orders `moves` (dst ← src, all dsts distinct) so no source is overwritten before it is
/// read. `scratch(dst)` gives a free register of `dst`'s type for breaking a cycle.
pub fn sequentialize(
    moves: &[(Reg, Opnd)],
    mut scratch: impl FnMut(Reg) -> Reg,
) -> Vec<(Reg, Opnd)> {
    let mut pending: Vec<(Reg, Opnd)> = moves.iter().copied().filter(|&(d, s)| d != s).collect();
    let mut out = vec![];
    while !pending.is_empty() {
        // A move whose destination no other pending move reads can go now.
        let ready = pending
            .iter()
            .position(|&(d, _)| !pending.iter().any(|&(_, s)| s == d));
        match ready {
            Some(k) => out.push(pending.remove(k)),
            None => {
                // Every destination is still read: a cycle. Save one source first.
                let (d, s) = pending[0];
                let t = scratch(d);
                out.push((t, s));
                pending[0] = (d, t);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(moves: &[(Reg, Opnd)]) -> Vec<u64> {
        let mut regs: Vec<u64> = (0..10).collect();
        let seq = sequentialize(moves, |_| 9);
        let expect: Vec<u64> = {
            let mut r = regs.clone();
            for &(d, s) in moves {
                r[d as usize] = regs[s as usize];
            }
            r
        };
        for (d, s) in seq {
            regs[d as usize] = regs[s as usize];
        }
        assert_eq!(regs[..9], expect[..9]);
        regs
    }

    #[test]
    fn swaps_and_chains() {
        run(&[(0, 1), (1, 0)]);
        run(&[(0, 1), (1, 2), (2, 0), (3, 0)]);
        run(&[(4, 5), (5, 6)]);
    }
}
