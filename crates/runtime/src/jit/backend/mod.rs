//! JIT backends: compile optimized traces ([`Trace`]) to machine code and run them,
//! after RPython's `jit/backend`. [`Backend`] is the interface; [`CraneliftBackend`]
//! (x86-64 through Cranelift) is the one implementation so far.
//!
//! # Conventions
//!
//! - **Traces.** The caller numbers traces (`id`, unique, chosen by the caller). A
//!   *loop* is `label(...) ... jump(...)`; it may have a preamble
//!   (`label(a) ... label(b) ... jump(..)`), and a `jump` without a target goes to the
//!   trace's **last** label. A *bridge* has no label: it starts from `trace.inputs` and
//!   ends with `jump(args) ->loopN` (entering the trace compiled as `N` from the top,
//!   with `args` as its inputs, so a peeled loop runs its preamble first; `N` must
//!   already be compiled) or `finish`. Operations after a loop's last label may only use
//!   that label's arguments and what is computed after it (`compile` refuses other
//!   loops).
//! - **The frame.** All values cross the boundary of compiled code through one array of
//!   64-bit words: ints as their bits, floats as `f64::to_bits`, refs as addresses.
//!   [`Backend::execute`] reads a trace's inputs from `frame[0..n]`; a guard that fails
//!   writes its snapshot's [`fail_vars`](crate::jit::trace::Snapshot::fail_vars) to
//!   `frame[0..m]`, in that order, and `execute` returns which guard it was ([`Exit`]).
//!   A `finish` exits the same way with its snapshot's values, and may have a bridge
//!   attached like a guard (a `finish` without a snapshot writes its arguments and
//!   reports [`Exit::NO_SNAPSHOT`]). The frame must have at least
//!   [`Backend::frame_words`] words (`jit::trace_interp`, the reference executor,
//!   has the same conventions).
//! - **Bridges.** [`Backend::attach_bridge`] makes a guard continue in a bridge: the
//!   bridge's inputs are the guard's fail values in order. It may be called at any time
//!   after both traces are compiled; traces already compiled pick it up.
//! - **Exceptions.** `guard_no_exception` fails when the runtime's `rpy_exc_type` is set
//!   and leaves the exception pending for the interpreter to dispatch.
//! - **No stack growth.** Going from a trace to a bridge or to another loop never grows
//!   the native stack, so loop → bridge → loop → ... may run forever.
//! - **GC.** The runtime neither moves nor frees objects yet, so refs are plain words
//!   in registers and spill slots. A moving GC will need the refs live across each call
//!   (`call_*`, `new`) in stack maps; see [`cranelift`]'s module doc.
//!
//! [`Trace`]: crate::jit::trace::Trace

pub mod cranelift;

pub use self::cranelift::CraneliftBackend;

use super::trace::{SnapshotId, Trace};

/// Where execution left compiled code: the trace and the snapshot of the guard that
/// failed (or of the `finish` reached).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Exit {
    pub trace: u32,
    pub guard: SnapshotId,
}

impl Exit {
    /// The `guard` of an exit through a `finish` that has no snapshot.
    pub const NO_SNAPSHOT: SnapshotId = SnapshotId(u32::MAX);

    /// The exit as one word (what compiled code returns): trace in the high half.
    pub(crate) fn encode(trace: u32, guard: SnapshotId) -> u64 {
        (u64::from(trace) << 32) | u64::from(guard.0)
    }

    pub(crate) fn decode(word: u64) -> Exit {
        Exit {
            trace: (word >> 32) as u32,
            guard: SnapshotId(word as u32),
        }
    }
}

/// A code generator for traces; see the module doc for the conventions.
pub trait Backend {
    /// Compiles trace number `id` (a loop or a bridge).
    fn compile(&mut self, id: u32, trace: &Trace) -> Result<(), String>;

    /// From now on a failure of guard `guard` (its snapshot id) in trace `from`
    /// continues in bridge `bridge` (already compiled; its inputs are the guard's
    /// fail values in order). Panics if either trace is unknown.
    fn attach_bridge(&mut self, from: u32, guard: SnapshotId, bridge: u32);

    /// The number of words [`Backend::execute`]'s frame needs for the traces compiled
    /// so far (the most inputs, label arguments or fail values of any of them).
    fn frame_words(&self) -> usize;

    /// Runs trace `id` with its inputs in `frame[0..n]`. Returns when a guard without a
    /// bridge fails or a `finish` is reached; `frame[0..m]` then holds that guard's
    /// fail values.
    ///
    /// # Safety
    /// The compiled code does whatever the trace says: its loads, stores and calls
    /// must be valid for the values in the frame. Panics if `frame` is shorter than
    /// [`Backend::frame_words`] or `id` is unknown.
    unsafe fn execute(&self, id: u32, frame: &mut [u64]) -> Exit;
}
