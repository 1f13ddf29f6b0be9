//! A reference executor for traces: runs the trace IR directly, with the calling
//! conventions of a machine-code backend (inputs in a frame of words, a failing guard
//! leaves its fail values there and reports itself). It is what `RPY_JIT_BACKEND=interp`
//! uses, and what tests compare the Cranelift backend against.

use super::machine::{exception_pending, exec_op};
use super::trace::*;
use std::collections::HashMap;

pub use super::backend::Exit;

#[derive(Default)]
pub struct TraceInterp {
    traces: HashMap<u32, Trace>,
    bridges: HashMap<(u32, u32), u32>,
    frame_words: usize,
}

impl super::backend::Backend for TraceInterp {
    fn compile(&mut self, id: u32, trace: &Trace) -> Result<(), String> {
        let mut words = trace.inputs.len();
        for s in &trace.snapshots {
            words = words.max(s.fail_vars().len());
        }
        for op in &trace.ops {
            words = words.max(op.args.len());
        }
        self.frame_words = self.frame_words.max(words);
        self.traces.insert(id, trace.clone());
        Ok(())
    }

    fn attach_bridge(&mut self, from: u32, guard: SnapshotId, bridge: u32) {
        self.bridges.insert((from, guard.0), bridge);
    }

    fn frame_words(&self) -> usize {
        self.frame_words
    }

    unsafe fn execute(&self, id: u32, frame: &mut [u64]) -> Exit {
        self.run(id, frame)
    }
}

impl TraceInterp {
    /// Runs trace `id` with its inputs in `frame`.
    ///
    /// # Safety
    /// The inputs must be the values the trace was recorded for (types and shapes).
    unsafe fn run(&self, id: u32, frame: &mut [u64]) -> Exit {
        let mut cur = id;
        let mut t = &self.traces[&cur];
        let mut vals: Vec<u64> = vec![0; t.types.len()];
        for (v, &x) in t.inputs.iter().zip(frame.iter()) {
            vals[v.0 as usize] = x;
        }
        let mut pc = 0;
        let mut ovf = false;
        loop {
            let op = &t.ops[pc];
            let a: Vec<u64> = op
                .args
                .iter()
                .map(|&x| match x {
                    Arg::Var(v) => vals[v.0 as usize],
                    Arg::Const(c) => c.bits,
                })
                .collect();
            let pass = match op.opcode {
                Opcode::GuardTrue => a[0] != 0,
                Opcode::GuardFalse => a[0] == 0,
                Opcode::GuardValue => a[0] == a[1],
                Opcode::GuardClass => {
                    *((a[0] + crate::abi::INST_TYPEPTR as u64) as *const u64) == a[1]
                }
                Opcode::GuardNonnull => a[0] != 0,
                Opcode::GuardIsnull => a[0] == 0,
                Opcode::GuardNoException => !exception_pending(),
                Opcode::GuardNotGcRequested => crate::gc::rpy_gc_requested == 0,
                Opcode::GuardNoOverflow => !ovf,
                Opcode::Label => {
                    bind(&mut vals, &op.args, &a);
                    true
                }
                Opcode::Jump => {
                    // Within a trace: to its last label; from a bridge: into the loop
                    // from the top, the jump's arguments as its inputs.
                    if let Some(l) = op.target {
                        cur = l;
                        t = &self.traces[&cur];
                        vals = vec![0; t.types.len()];
                        for (v, &x) in t.inputs.iter().zip(&a) {
                            vals[v.0 as usize] = x;
                        }
                        pc = 0;
                        continue;
                    }
                    let li = t
                        .ops
                        .iter()
                        .rposition(|o| o.opcode == Opcode::Label)
                        .expect("a loop has a label");
                    bind(&mut vals, &t.ops[li].args, &a);
                    pc = li + 1;
                    continue;
                }
                Opcode::Finish => false,
                Opcode::DebugMergePoint => true,
                opc if opc.is_ovf() => {
                    let r = super::eval::eval_ovf(opc, &a);
                    ovf = r.is_none();
                    if let Some(v) = op.result {
                        vals[v.0 as usize] = r.unwrap_or(0);
                    }
                    true
                }
                opc if opc.is_call() => {
                    let d = op.descr.as_ref().expect("call descr");
                    let r = call_native(a[0], &a[1..], d);
                    if let Some(v) = op.result {
                        vals[v.0 as usize] = r;
                    }
                    true
                }
                opc => {
                    let r = exec_op(opc, &a);
                    if let Some(v) = op.result {
                        vals[v.0 as usize] = r;
                    }
                    true
                }
            };
            if pass {
                pc += 1;
                continue;
            }
            let s = op.snapshot.expect("guard snapshot");
            let fail: Vec<u64> = t.snapshots[s.0 as usize]
                .fail_vars()
                .iter()
                .map(|v| vals[v.0 as usize])
                .collect();
            if let Some(&b) = self.bridges.get(&(cur, s.0)) {
                cur = b;
                t = &self.traces[&cur];
                vals = vec![0; t.types.len()];
                for (v, &x) in t.inputs.iter().zip(&fail) {
                    vals[v.0 as usize] = x;
                }
                pc = 0;
                continue;
            }
            frame[..fail.len()].copy_from_slice(&fail);
            return Exit {
                trace: cur,
                guard: s,
            };
        }
    }
}

fn bind(vals: &mut [u64], params: &[Arg], a: &[u64]) {
    for (k, &x) in params.iter().enumerate() {
        if let Arg::Var(v) = x {
            vals[v.0 as usize] = a[k];
        }
    }
}

/// Calls a function by address through its stub (the address must be a call target's).
unsafe fn call_native(f: u64, args: &[u64], d: &CallDescr) -> u64 {
    let st = super::state::state().expect("the JIT is running");
    let Some(&t) = st.target_of_addr.get(&f) else {
        eprintln!("rpy jit: internal error: a trace calls an unknown function");
        std::process::abort();
    };
    let r = super::machine::call_target(st, &st.data.targets[t as usize], args);
    if d.ret_i1 {
        r & 1
    } else {
        r
    }
}
