//! The Cranelift backend: each trace becomes one native function, held in a
//! `cranelift-jit` module for the backend's lifetime.
//!
//! # Code layout
//!
//! Every trace function has the signature `fn(frame: *mut u64, entry: i64) -> u64` in
//! Cranelift's `tail` calling convention. `entry == 0` starts from the trace's inputs,
//! loaded from `frame[0..n]`; `entry != 0` starts at its last label, whose arguments
//! are in the frame (how a bridge or another loop jumps in). The result is an exit
//! code, [`Exit::encode`]`(trace, snapshot)`.
//!
//! A guard branches to a cold block that stores the snapshot's fail values into the
//! frame, then loads the guard's *bridge slot*: a word in a table owned by the trace
//! (one per snapshot), embedded in the code as an address. It is 0 until
//! [`Backend::attach_bridge`] writes the bridge's code address there; then the exit
//! path tail-calls (`return_call_indirect`) the bridge with `entry == 0`, else it
//! returns the exit code. A bridge's `jump ->loopN` stores its arguments into the frame
//! and tail-calls loop N with `entry == 1`. Since every transition between traces is
//! a tail call, the native stack does not grow however long execution stays in
//! compiled code. [`Backend::execute`] enters through a small trampoline in the
//! native (System V) convention that calls the trace function.
//!
//! # GC
//!
//! Refs are plain `i64` values for now: the runtime never moves or frees objects. For
//! a moving GC, translation would declare each ref-typed value with
//! `FunctionBuilder::declare_value_needs_stack_map` (it knows every value's trace type
//! in [`translate`]), and the stack maps Cranelift then records at each call
//! (`call_*`, `new`) would let the collector find and update them.
//!
//! # Compile time
//!
//! One `codegen::Context` and `FunctionBuilderContext` are reused across compilations;
//! the verifier only runs in debug builds. The `compile_time` test prints the time for
//! a 100-operation trace with 10 guards.

mod arith;
mod ops;
#[cfg(test)]
mod tests;
mod translate;

use super::{Backend, Exit};
use crate::jit::trace::{SnapshotId, Trace, Type};
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature};
use cranelift_codegen::isa::{CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::Module;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// A compiled trace.
pub struct Compiled {
    /// The entry of its function.
    code: u64,
    /// One word per snapshot: the code of the bridge attached to that guard, or 0.
    slots: Box<[AtomicU64]>,
    /// The types of its inputs (of a bridge: the fail values of its guard).
    inputs: Vec<Type>,
    /// The types of the fail values of each snapshot.
    exits: Vec<Vec<Type>>,
}

impl Compiled {
    /// The entry of its function.
    pub fn code(&self) -> u64 {
        self.code
    }

    /// The types of its inputs.
    pub fn inputs(&self) -> &[Type] {
        &self.inputs
    }
}

/// Compiles traces to x86-64 (or the host's ISA) with Cranelift; see the module doc.
pub struct CraneliftBackend {
    module: JITModule,
    ctx: Context,
    fctx: FunctionBuilderContext,
    /// The signature of trace functions: (frame, entry) -> exit, `tail` convention.
    trace_sig: Signature,
    /// `extern "C" fn(code, frame, entry) -> exit`, calling a trace function.
    trampoline: unsafe extern "C" fn(u64, *mut u64, u64) -> u64,
    traces: HashMap<u32, Compiled>,
    frame_words: usize,
}

/// The host ISA with the settings of the JIT: `opt_level` (see
/// [`CraneliftBackend::with_opt_level`]), the verifier in debug builds only.
fn host_isa(opt_level: &str) -> Result<OwnedTargetIsa, String> {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| {
        f.set(k, v)
            .map_err(|e| format!("cranelift setting {k}: {e}"))
    };
    set(&mut flags, "opt_level", opt_level)?;
    let verify = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    set(&mut flags, "enable_verifier", verify)?;
    // Code lives anywhere in memory and calls absolute addresses.
    set(&mut flags, "is_pic", "false")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    // Cranelift's x86-64 tail calls (`return_call_indirect`) need frame pointers.
    set(&mut flags, "preserve_frame_pointers", "true")?;
    let isa = cranelift_native::builder().map_err(|e| format!("host ISA: {e}"))?;
    isa.finish(settings::Flags::new(flags))
        .map_err(|e| format!("host ISA: {e}"))
}

impl CraneliftBackend {
    /// A backend for the host that optimizes (Cranelift's `opt_level` "speed").
    pub fn new() -> Result<CraneliftBackend, String> {
        CraneliftBackend::with_opt_level("speed")
    }

    /// A backend with Cranelift's `opt_level` `"none"`, `"speed"` or
    /// `"speed_and_size"`. "none" skips Cranelift's mid-end (GVN, LICM, constant
    /// folding, redundant loads: what the trace optimizer mostly did already) and
    /// roughly halves compile time; instruction selection is the same.
    pub fn with_opt_level(opt_level: &str) -> Result<CraneliftBackend, String> {
        let isa = host_isa(opt_level)?;
        let builder = JITBuilder::with_isa(isa, cranelift_module::default_libcall_names());
        let mut module = JITModule::new(builder);
        let mut trace_sig = Signature::new(CallConv::Tail);
        trace_sig.params.push(AbiParam::new(I64));
        trace_sig.params.push(AbiParam::new(I64));
        trace_sig.returns.push(AbiParam::new(I64));
        let mut ctx = module.make_context();
        let mut fctx = FunctionBuilderContext::new();
        // The trampoline: native convention in, trace convention out.
        let native = module.isa().default_call_conv();
        let mut sig = Signature::new(native);
        sig.params.extend([AbiParam::new(I64); 3]);
        sig.returns.push(AbiParam::new(I64));
        ctx.func.signature = sig.clone();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let tsig = b.import_signature(trace_sig.clone());
            let block = b.create_block();
            b.append_block_params_for_function_params(block);
            b.switch_to_block(block);
            let p = b.block_params(block).to_vec();
            let call = b.ins().call_indirect(tsig, p[0], &[p[1], p[2]]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(module.isa().frontend_config());
        }
        let code = define(&mut module, &mut ctx, &sig)?;
        // SAFETY: the function just compiled has this signature in the native convention.
        let trampoline = unsafe {
            std::mem::transmute::<*const u8, unsafe extern "C" fn(u64, *mut u64, u64) -> u64>(code)
        };
        Ok(CraneliftBackend {
            module,
            ctx,
            fctx,
            trace_sig,
            trampoline,
            traces: HashMap::new(),
            frame_words: 0,
        })
    }

    /// The compiled trace `id`; panics if there is none.
    fn trace(&self, id: u32) -> &Compiled {
        self.traces
            .get(&id)
            .unwrap_or_else(|| panic!("trace {id} is not compiled"))
    }
}

/// Compiles the function in `ctx` into `module`, finalizes it, and returns its address.
fn define(module: &mut JITModule, ctx: &mut Context, sig: &Signature) -> Result<*const u8, String> {
    let id = module
        .declare_anonymous_function(sig)
        .map_err(|e| format!("cranelift: {e}"))?;
    let r = module.define_function(id, ctx);
    if let Err(e) = r {
        let detail = match &e {
            cranelift_module::ModuleError::Compilation(
                cranelift_codegen::CodegenError::Verifier(errs),
            ) => cranelift_codegen::print_errors::pretty_verifier_error(
                &ctx.func,
                None,
                errs.clone(),
            ),
            _ => String::new(),
        };
        module.clear_context(ctx);
        return Err(format!("cranelift: {e}\n{detail}"));
    }
    module.clear_context(ctx);
    module
        .finalize_definitions()
        .map_err(|e| format!("cranelift: {e}"))?;

    Ok(module.get_finalized_function(id))
}

impl Backend for CraneliftBackend {
    fn compile(&mut self, id: u32, trace: &Trace) -> Result<(), String> {
        if self.traces.contains_key(&id) {
            return Err(format!("trace {id} is already compiled"));
        }
        let slots: Box<[AtomicU64]> = (0..trace.snapshots.len().max(1))
            .map(|_| AtomicU64::new(0))
            .collect();
        self.ctx.func.signature = self.trace_sig.clone();
        let env = translate::Env {
            id,
            slots: slots.as_ptr() as u64,
            compiled: &self.traces,
            trace_sig: &self.trace_sig,
            native: Signature::new(self.module.isa().default_call_conv()),
            frontend: self.module.isa().frontend_config(),
        };
        let t = match translate::translate(&mut self.ctx.func, &mut self.fctx, trace, &env) {
            Ok(t) => t,
            Err(e) => {
                // The builder stopped half-way: start the next function from scratch.
                self.module.clear_context(&mut self.ctx);
                self.fctx = FunctionBuilderContext::new();
                return Err(e);
            }
        };
        let sig = self.trace_sig.clone();
        let code = define(&mut self.module, &mut self.ctx, &sig)? as u64;
        self.frame_words = self.frame_words.max(t.frame_words);
        self.traces.insert(
            id,
            Compiled {
                code,
                slots,
                inputs: trace.inputs.iter().map(|&v| trace.ty(v)).collect(),
                exits: trace
                    .snapshots
                    .iter()
                    .map(|s| s.fail_vars().iter().map(|&v| trace.ty(v)).collect())
                    .collect(),
            },
        );
        Ok(())
    }

    fn attach_bridge(&mut self, from: u32, guard: SnapshotId, bridge: u32) {
        let (b, f) = (self.trace(bridge), self.trace(from));
        let exit = f.exits.get(guard.0 as usize);
        let exit = exit.unwrap_or_else(|| panic!("trace {from} has no snapshot {}", guard.0));
        assert!(
            *exit == b.inputs,
            "bridge {bridge}'s inputs {:?} are not the fail values {exit:?} of guard {} of {from}",
            b.inputs,
            guard.0
        );
        f.slots[guard.0 as usize].store(b.code, Ordering::Release);
    }

    fn frame_words(&self) -> usize {
        self.frame_words
    }

    unsafe fn execute(&self, id: u32, frame: &mut [u64]) -> Exit {
        assert!(
            frame.len() >= self.frame_words,
            "the frame has {} words, compiled traces need {}",
            frame.len(),
            self.frame_words
        );
        let code = self.trace(id).code;
        Exit::decode((self.trampoline)(code, frame.as_mut_ptr(), 0))
    }
}
