//! jitgen: from each portal graph (the function with `jit_merge_point`) and the low-level
//! graphs it reaches, the JIT's jitcodes (a compact register bytecode the tracer and the
//! blackhole interpreter run) and descriptors (field offsets and types, array item
//! sizes, call effects), emitted into the binary beside the compiled code.
//!
//! Not written yet: it comes with the JIT issue. The low-level dialect it will read is
//! `rtyper::lltype` (memory operations carry `runtime::abi` offsets for this purpose).
