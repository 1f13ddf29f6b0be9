//! What running a jitcode instruction does to the real machine, shared by the tracer and
//! the blackhole interpreter: memory accesses, allocation, calls through stubs, raising
//! and matching exceptions, recording tracebacks.

use super::eval;
use super::jitcode::CallTarget;
use super::state::JitState;
use super::trace::Opcode::{self, *};
use crate::abi::{TbLoc, ARRAY_ITEMS};
use crate::exceptions::{rpy_exc_type, rpy_exc_value};

/// Computes an `Insn::Op`: pure operations, loads, stores, `new`. Returns the result.
///
/// # Safety
/// Pointers must be valid objects, as in the compiled program at the same point.
pub unsafe fn exec_op(op: Opcode, a: &[u64]) -> u64 {
    if let Some(r) = eval::eval_pure(op, a) {
        return r;
    }
    match op {
        GetfieldI | GetfieldR | GetfieldF => *((a[0] as i64 + a[1] as i64) as *const u64),
        Setfield => {
            crate::gc::rpy_gc_wb_value(a[0] as *mut u8, a[2]);
            *((a[0] as i64 + a[1] as i64) as *mut u64) = a[2];
            0
        }
        GetarrayitemI | GetarrayitemR | GetarrayitemF => {
            *((a[0] as i64 + ARRAY_ITEMS + 8 * a[1] as i64) as *const u64)
        }
        Setarrayitem => {
            crate::gc::rpy_gc_wb_value(a[0] as *mut u8, a[2]);
            *((a[0] as i64 + ARRAY_ITEMS + 8 * a[1] as i64) as *mut u64) = a[2];
            0
        }
        New => crate::heap::rpy_alloc(a[0] as i64, a[1] as i64) as u64,
        _ => {
            eprintln!("rpy jit: internal error: cannot execute {}", op.name());
            std::process::abort()
        }
    }
}

/// Calls a target through its stub with the given argument words.
///
/// # Safety
/// The arguments must match the target's signature.
pub unsafe fn call_target(st: &JitState, t: &CallTarget, args: &[u64]) -> u64 {
    let stub: unsafe extern "C" fn(*const u64, *mut u64) =
        std::mem::transmute(st.addrs[t.stub as usize] as usize);
    let mut ret = 0u64;
    stub(args.as_ptr(), &mut ret);
    ret
}

pub fn exception_pending() -> bool {
    unsafe { !rpy_exc_type.is_null() }
}

/// Whether the pending exception is an instance of the class with vtable `vt`.
pub unsafe fn exception_matches(vt: u64) -> bool {
    crate::exceptions::rpy_exc_matches(rpy_exc_type, vt as *const u8) != 0
}

/// Takes the pending exception (a handler caught it).
pub unsafe fn take_exception() -> u64 {
    let v = rpy_exc_value as u64;
    crate::exceptions::rpy_exc_clear();
    v
}

pub unsafe fn record_traceback(st: &JitState, tb: Option<u32>) {
    if let Some(t) = tb {
        crate::traceback::rpy_tb_record(st.addrs[t as usize] as *const TbLoc);
    }
}

pub unsafe fn raise_overflow() {
    crate::exceptions::raise_msg(crate::exceptions::OVERFLOW_ERROR, "integer overflow");
}
