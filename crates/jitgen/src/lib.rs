//! jitgen: from each portal graph (the function with `jit_merge_point`) and the low-level
//! graphs it reaches, the JIT's jitcodes (a compact register bytecode the tracer and the
//! blackhole interpreter run) and descriptors (call targets with their effects, drivers),
//! emitted into the binary beside the compiled code. RPython's `jit/codewriter`.
//!
//! - [`portal`]: reshapes each portal so its merge point starts a block of greens + reds.
//! - [`codewriter`]: one graph → one jitcode; [`moves`], [`liveness`] help it.
//! - [`policy`]: what the tracer traces into.
//! - [`addrs`]: the link-time addresses jitcodes name by index.
//! - [`text`]: the text form (`--dump` writes `6-jitcodes.txt`).
//!
//! The format itself (`rpyrt::jit::jitcode`) belongs to the runtime, which reads it.

pub mod addrs;
pub mod codewriter;
pub mod liveness;
pub mod moves;
pub mod policy;
pub mod portal;
pub mod text;

use addrs::{AddrEntry, Addrs, Callable};
use codewriter::ty;
use frontend::diag::Diagnostic;
use frontend::entities::{Block, GraphId};
use policy::FuncFlags;
use rpyrt::jit::jitcode::{CallTarget, DriverInfo, Insn, JitData, VableInfo};
use rpyrt::jit::trace::CallDescr;
use rtyper::lltype::LlType;
use rtyper::runtime_fns::RuntimeFn;
use rtyper::LlProgram;
use std::collections::HashMap;

/// What the backend emits for the JIT.
pub struct JitProgram {
    pub data: JitData,
    pub addrs: Vec<AddrEntry>,
    /// Per driver: the portal graph and the block its merge point starts.
    pub portals: Vec<Option<(GraphId, Block)>>,
}

/// Makes the jitcodes of every graph; reshapes the portals in `prog` (so the backend
/// compiles the same graphs).
pub fn generate(
    prog: &mut LlProgram,
    flags: &dyn Fn(GraphId) -> FuncFlags,
) -> Result<JitProgram, Diagnostic> {
    let ndrivers = prog.jit_drivers.len();
    let mut portals: Vec<Option<(GraphId, Block)>> = vec![None; ndrivers];
    let graphs: Vec<GraphId> = prog.functions.keys().collect();
    for &g in &graphs {
        for mp in portal::split_merge_points(&mut prog.functions[g])? {
            match portals.get_mut(mp.driver) {
                Some(slot @ None) => *slot = Some((g, mp.block)),
                Some(Some(_)) => {
                    let span = prog.functions[g].graph.blocks[mp.block]
                        .insts
                        .first()
                        .map(|&i| prog.functions[g].graph.insts[i].span);
                    return Err(Diagnostic::new(
                        "E0365",
                        format!(
                            "JitDriver `{}` has more than one jit_merge_point",
                            prog.jit_drivers[mp.driver].name
                        ),
                        span,
                    )
                    .help(
                        "a driver marks one interpreter loop: give each loop its own JitDriver",
                    ));
                }
                None => return Err(internal("merge point of an unknown driver")),
            }
        }
    }
    let mut addrs = Addrs::default();
    let mut targets: Vec<CallTarget> = vec![];
    let mut jitcodes: HashMap<GraphId, (u32, u32)> = HashMap::new();
    for (k, &g) in graphs.iter().enumerate() {
        let f = &prog.functions[g];
        let fl = flags(g);
        // Every compiled function checks the stack (RecursionError): it can raise.
        let descr = call_descr(&f.params, f.ret, true, fl.elidable);
        targets.push(CallTarget {
            name: f.graph.name.clone(),
            descr,
            func: addrs.get(AddrEntry::Func(Callable::Graph(g))),
            stub: addrs.get(AddrEntry::Stub(Callable::Graph(g))),
        });
        jitcodes.insert(g, (k as u32, k as u32));
    }
    let portal_graphs: Vec<GraphId> = portals.iter().flatten().map(|p| p.0).collect();
    let residual = |g: GraphId| {
        let fl = flags(g);
        fl.elidable || fl.look_inside == Some(false) || portal_graphs.contains(&g)
    };
    let mut rt_targets: HashMap<&'static str, u32> = HashMap::new();
    let mut extra: Vec<(&'static RuntimeFn, CallTarget)> = vec![];
    let base = targets.len() as u32;
    let mut out_codes = vec![];
    let mut reg_maps = HashMap::new();
    {
        let prog_ref: &LlProgram = prog;
        let mut addrs_ref = std::mem::take(&mut addrs);
        let mut rt_target = |rf: &'static RuntimeFn| -> u32 {
            if let Some(&t) = rt_targets.get(rf.name) {
                return t;
            }
            // Its address-table entries are added after the jitcodes are written.
            extra.push((
                rf,
                CallTarget {
                    name: rf.name.to_string(),
                    descr: call_descr(rf.params, rf.ret, rf.can_raise, false),
                    func: u32::MAX,
                    stub: u32::MAX,
                },
            ));
            let t = base + extra.len() as u32 - 1;
            rt_targets.insert(rf.name, t);
            t
        };
        let mut env = codewriter::Env {
            prog: prog_ref,
            jitcodes: &jitcodes,
            residual: &residual,
            rt_target: &mut rt_target,
            addrs: &mut addrs_ref,
        };
        for &g in &graphs {
            let (_, target) = jitcodes[&g];
            let (mut jc, regs) = codewriter::write(&mut env, g, target).map_err(internal)?;
            reg_maps.insert(g, regs);
            jc.has_loops = jc.has_loops && !flags(g).unroll_safe;
            codewriter::finish_operands(&mut jc).map_err(internal)?;
            out_codes.push(jc);
        }
        addrs = addrs_ref;
    }
    for (rf, mut t) in extra {
        t.func = addrs.get(AddrEntry::Func(Callable::Runtime(rf)));
        t.stub = addrs.get(AddrEntry::Stub(Callable::Runtime(rf)));
        targets.push(t);
    }
    let mut drivers = vec![];
    let mut portal_list = vec![];
    for (d, p) in portals.iter().enumerate() {
        let desc = &prog.jit_drivers[d];
        let Some((g, block)) = *p else {
            // A driver without a merge point is never entered.
            drivers.push(DriverInfo {
                name: desc.name.clone(),
                portal: u32::MAX,
                merge_pc: 0,
                greens: vec![],
                reds: vec![],
                printable_location: None,
                virtualizable: None,
                has_can_enter: false,
            });
            portal_list.push(None);
            continue;
        };
        let (code, _) = jitcodes[&g];
        let jc = &out_codes[code as usize];
        let merge_pc = jc
            .code
            .iter()
            .position(|i| *i == Insn::MergePoint(d as u32))
            .ok_or_else(|| internal("merge point lost"))? as u32;
        let regs: &HashMap<_, _> = &reg_maps[&g];
        let params: Vec<u16> = prog.functions[g].graph.blocks[block]
            .params
            .iter()
            .map(|v| regs[v])
            .collect();
        let ng = desc.greens.len();
        drivers.push(DriverInfo {
            name: desc.name.clone(),
            portal: code,
            merge_pc,
            greens: params[..ng].to_vec(),
            reds: params[ng..].to_vec(),
            printable_location: desc.printable_location.map(|g| jitcodes[&g].1),
            virtualizable: desc.virtualizable.as_ref().map(|v| VableInfo {
                red: v.red as u32,
                scalars: v.scalars.iter().map(|&(o, t)| (o, ty(t))).collect(),
                arrays: v.arrays.iter().map(|&(o, t)| (o, ty(t))).collect(),
            }),
            has_can_enter: out_codes
                .iter()
                .any(|jc| jc.code.contains(&Insn::CanEnter(d as u32))),
        });
        portal_list.push(Some((g, block)));
    }
    let addr_names = addrs.entries.iter().map(|e| e.name()).collect();
    Ok(JitProgram {
        data: JitData {
            jitcodes: out_codes,
            targets,
            drivers,
            addr_names,
        },
        addrs: addrs.entries,
        portals: portal_list,
    })
}

/// What a call to a function of this signature may do (its parameters and result as
/// compiled: void ones dropped, bools as 0/1 words with an `i1` result noted).
fn call_descr(params: &[LlType], ret: LlType, can_raise: bool, elidable: bool) -> CallDescr {
    CallDescr {
        args: params
            .iter()
            .filter(|&&t| t != LlType::Void)
            .map(|&t| ty(t))
            .collect(),
        ret: ty(ret),
        can_raise,
        elidable,
        writes_heap: !elidable,
        ret_i1: ret == LlType::Bool,
    }
}

fn internal(msg: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::new("E0369", format!("internal error in jitgen: {msg}"), None)
}
