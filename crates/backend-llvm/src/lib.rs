//! The LLVM backend: emits a low-level program as an LLVM 14 module (inkwell), verifies
//! and optimizes it, writes an object file, and links it with the runtime staticlib into
//! one executable with `cc`.
//!
//! - [`statics`]: static data — str objects, vtables, prebuilt lists, traceback locations.
//! - [`function`]: one LLVM function per low-level graph: blocks, phis, exception checks
//!   and handler dispatch.
//! - [`ops`]: the instruction sequence of each low-level operation.
//! - [`link`]: finding the runtime library and invoking the system linker.
//!
//! Exception model (see ARCHITECTURE.md): a pending exception is a pair of runtime
//! globals; after each call that can raise, generated code tests `rpy_exc_type` and either
//! dispatches to the block's handlers or records a traceback entry and returns.
//! Architecture invariant: produced binaries never depend on LLVM.

mod function;
mod gcemit;
mod gcroots;
mod jit;
pub mod link;
mod ops;
mod statics;

use frontend::source::SourceMap;
use inkwell::context::Context;
use inkwell::module::Module;
#[allow(deprecated)]
use inkwell::passes::{PassManager, PassManagerBuilder};
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;
use rtyper::LlProgram;
use std::path::Path;

/// What the backend produced, with the IR texts for `--dump`.
pub struct Output {
    pub ir_before: String,
    pub ir_after: String,
}

/// Options of code generation.
pub struct Options<'a> {
    /// 0..=3, as `-O`.
    pub opt_level: u8,
    /// With `--jit`: the jitcodes and address table to emit, and the portals to wire.
    pub jit: Option<&'a jitgen::JitProgram>,
}

/// Emits, optimizes and writes `prog` as an object file at `obj_path`.
pub fn compile(
    prog: &LlProgram,
    sources: &SourceMap,
    opts: &Options<'_>,
    obj_path: &Path,
) -> Result<Output, String> {
    let context = Context::create();
    let module = context.create_module("rpy_program");
    let mut e = statics::Emitter::new(&context, &module, prog, sources, opts.jit);
    e.emit_program()?;
    let ir_before = module.print_to_string().to_string();
    module.verify().map_err(|m| {
        format!(
            "internal error: LLVM rejected the generated IR: {}",
            m.to_string()
        )
    })?;
    Target::initialize_native(&InitializationConfig::default())
        .map_err(|e| format!("LLVM target init: {e}"))?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| e.to_string())?;
    let level = match opts.opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    let cpu = TargetMachine::get_host_cpu_name().to_string();
    let features = TargetMachine::get_host_cpu_features().to_string();
    let tm = target
        .create_target_machine(
            &triple,
            &cpu,
            &features,
            level,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or("LLVM could not create a target machine for this host")?;
    module.set_triple(&triple);
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    optimize(&module, opts.opt_level);
    let ir_after = module.print_to_string().to_string();
    tm.write_to_file(&module, FileType::Object, obj_path)
        .map_err(|e| format!("writing the object file: {e}"))?;
    Ok(Output {
        ir_before,
        ir_after,
    })
}

#[allow(deprecated)]
fn optimize(module: &Module, level: u8) {
    if level == 0 {
        return;
    }
    let pmb = PassManagerBuilder::create();
    pmb.set_optimization_level(match level {
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    });
    // Inline generously: low-level graphs are small and hot helpers must disappear.
    pmb.set_inliner_with_threshold(if level >= 3 { 275 } else { 225 });
    let fpm: PassManager<inkwell::values::FunctionValue> = PassManager::create(module);
    pmb.populate_function_pass_manager(&fpm);
    fpm.initialize();
    for f in module.get_functions() {
        fpm.run_on(&f);
    }
    fpm.finalize();
    let mpm: PassManager<Module> = PassManager::create(());
    pmb.populate_module_pass_manager(&mpm);
    mpm.run_on(module);
}
