//! The blackhole interpreter: runs jitcodes without recording, from frames rebuilt after
//! a guard failed (or where tracing stopped), until the portal reaches its merge point
//! again (then the compiled interpreter takes over), returns, or lets an exception out.
//! Calls it makes run the compiled functions; only the frames it was given are
//! interpreted.

use super::jitcode::{Callee, ExcEdge, Insn};
use super::machine::*;
use super::state::JitState;

/// An interpreter frame: jitcode, pc, registers.
#[derive(Clone, Debug)]
pub struct Frame {
    pub code: u32,
    pub pc: u32,
    pub regs: Vec<u64>,
}

impl Frame {
    pub fn new(st: &JitState, code: u32) -> Frame {
        Frame {
            code,
            pc: 0,
            regs: vec![0; st.data.jitcodes[code as usize].regs.len()],
        }
    }
}

/// How a run ended.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The outermost frame is at its driver's merge point (its registers hold the greens
    /// and reds).
    MergePoint,
    /// The outermost frame returned this value.
    Return(u64),
    /// An exception left the outermost frame (pending, traceback recorded).
    Exception,
}

/// Runs `frames` (outermost first). When `exception` is set, the innermost frame's
/// instruction at its pc raised the pending exception. When `skip_merge_point` is set,
/// a merge point at the innermost frame's current pc is passed, not stopped at.
///
/// # Safety
/// The frames must describe a real state of the program.
pub unsafe fn run(
    st: &JitState,
    frames: &mut Vec<Frame>,
    exception: bool,
    mut skip_merge_point: bool,
) -> Outcome {
    if exception {
        if let Some(o) = raise_here(st, frames) {
            return o;
        }
    }
    let mut args_buf: Vec<u64> = Vec::with_capacity(8);
    loop {
        let depth = frames.len();
        let f = frames.last_mut().expect("a frame");
        let jc = &st.data.jitcodes[f.code as usize];
        let code = f.code;
        let insn = &jc.code[f.pc as usize];
        let val = |regs: &[u64], o: u16| st.operand(code, regs, o);
        match insn {
            Insn::Op { op, args, dst } => {
                args_buf.clear();
                args_buf.extend(args.iter().map(|&o| val(&f.regs, o)));
                let r = exec_op(*op, &args_buf);
                if let Some(d) = dst {
                    f.regs[*d as usize] = r;
                }
                f.pc += 1;
            }
            Insn::PureLoad { op, args, dst } => {
                args_buf.clear();
                args_buf.extend(args.iter().map(|&o| val(&f.regs, o)));
                f.regs[*dst as usize] = exec_op(*op, &args_buf);
                f.pc += 1;
            }
            Insn::Ovf { op, args, dst, .. } => {
                args_buf.clear();
                args_buf.extend(args.iter().map(|&o| val(&f.regs, o)));
                match super::eval::eval_ovf(*op, &args_buf) {
                    Some(r) => {
                        f.regs[*dst as usize] = r;
                        f.pc += 1;
                    }
                    None => {
                        raise_overflow();
                        if let Some(o) = raise_here(st, frames) {
                            return o;
                        }
                    }
                }
            }
            Insn::Move { dst, src } | Insn::Promote { dst, src } => {
                f.regs[*dst as usize] = val(&f.regs, *src);
                f.pc += 1;
            }
            Insn::Goto(t) => f.pc = *t,
            Insn::Branch { cond, if_false } => {
                if val(&f.regs, *cond) != 0 {
                    f.pc += 1;
                } else {
                    f.pc = *if_false;
                }
            }
            Insn::Call {
                callee, args, dst, ..
            } => {
                let t = match callee {
                    Callee::Jitcode { target, .. } => *target,
                    Callee::Residual(t) => *t,
                };
                args_buf.clear();
                args_buf.extend(args.iter().map(|&o| val(&f.regs, o)));
                let dst = *dst;
                if let Some(o) = call_and_store(st, frames, t, &args_buf, dst) {
                    return o;
                }
            }
            Insn::IndirectCall {
                fnptr, args, dst, ..
            } => {
                let addr = val(&f.regs, *fnptr);
                let Some(&t) = st.target_of_addr.get(&addr) else {
                    eprintln!("rpy jit: internal error: indirect call to an unknown function");
                    std::process::abort();
                };
                args_buf.clear();
                args_buf.extend(args.iter().map(|&o| val(&f.regs, o)));
                let dst = *dst;
                if let Some(o) = call_and_store(st, frames, t, &args_buf, dst) {
                    return o;
                }
            }
            Insn::Raise { value, reraise, .. } => {
                let v = val(&f.regs, *value) as *mut u8;
                if *reraise {
                    crate::exceptions::rpy_reraise(v);
                } else {
                    crate::exceptions::rpy_raise(v);
                }
                if let Some(o) = raise_here(st, frames) {
                    return o;
                }
            }
            Insn::Return(v) => {
                let r = v.map(|o| val(&f.regs, o)).unwrap_or(0);
                frames.pop();
                let Some(caller) = frames.last_mut() else {
                    return Outcome::Return(r);
                };
                let cjc = &st.data.jitcodes[caller.code as usize];
                if let Insn::Call { dst: Some(d), .. } | Insn::IndirectCall { dst: Some(d), .. } =
                    &cjc.code[caller.pc as usize]
                {
                    caller.regs[*d as usize] = r;
                }
                caller.pc += 1;
            }
            Insn::MergePoint(_) => {
                if depth == 1 && !skip_merge_point {
                    return Outcome::MergePoint;
                }
                skip_merge_point = false;
                f.pc += 1;
            }
            Insn::CanEnter(_) => f.pc += 1,
            Insn::Catch { .. } | Insn::Unreachable => {
                eprintln!(
                    "rpy jit: internal error: reached {insn:?} in {} at {}",
                    jc.name, f.pc
                );
                std::process::abort();
            }
        }
    }
}

/// Calls target `t` from the innermost frame: stores the result and steps on, or
/// dispatches the exception it raised (`Some` when it left the outermost frame).
unsafe fn call_and_store(
    st: &JitState,
    frames: &mut Vec<Frame>,
    t: u32,
    args: &[u64],
    dst: Option<u16>,
) -> Option<Outcome> {
    let r = call_target(st, &st.data.targets[t as usize], args);
    if exception_pending() {
        return raise_here(st, frames);
    }
    let f = frames.last_mut().expect("a frame");
    if let Some(d) = dst {
        f.regs[d as usize] = r;
    }
    f.pc += 1;
    None
}

/// The exception edge of the instruction at a frame's pc.
fn edge_at(st: &JitState, f: &Frame) -> Option<ExcEdge> {
    match &st.data.jitcodes[f.code as usize].code[f.pc as usize] {
        Insn::Call { exc, .. }
        | Insn::IndirectCall { exc, .. }
        | Insn::Ovf { exc, .. }
        | Insn::Raise { exc, .. } => Some(exc.clone()),
        _ => None,
    }
}

/// The innermost frame's instruction raised the pending exception: find a handler,
/// unwinding frames (recording their traceback entries). `None` when a handler took it
/// (the frame's pc is set); otherwise the exception left the outermost frame.
pub unsafe fn raise_here(st: &JitState, frames: &mut Vec<Frame>) -> Option<Outcome> {
    loop {
        let f = frames.last_mut()?;
        let edge = edge_at(st, f).unwrap_or(ExcEdge {
            catch: None,
            tb: None,
        });
        if let Some(cpc) = edge.catch {
            let jc = &st.data.jitcodes[f.code as usize];
            if let Insn::Catch { cases, tb } = &jc.code[cpc as usize] {
                let mut caught = false;
                for (case, reg, target) in cases {
                    let m = match case {
                        None => true,
                        Some(c) => exception_matches(st.operand(f.code, &f.regs, *c)),
                    };
                    if m {
                        f.regs[*reg as usize] = take_exception();
                        f.pc = *target;
                        caught = true;
                        break;
                    }
                }
                if caught {
                    return None;
                }
                record_traceback(st, *tb);
            }
        } else {
            record_traceback(st, edge.tb);
        }
        frames.pop();
        if frames.is_empty() {
            return Some(Outcome::Exception);
        }
    }
}
