//! Lowering of the JIT hints of `rpy.jit`: `jit_merge_point` and `can_enter_jit` become
//! [`LlOp::JitMergePoint`] / [`LlOp::JitCanEnter`] with the greens and reds in the
//! driver's order, `promote` becomes [`LlOp::JitPromote`], `we_are_jitted()`
//! [`LlOp::JitIsJitted`]. The backend compiles them to nothing (or to the JIT's entry
//! when translating with `--jit`); jitgen gives them their meaning in jitcodes.

use super::ops::Kw;
use super::Lower;
use crate::classes::ClassTable;
use crate::lltype::{LlConst, LlOp};
use crate::{JitDriverDesc, VirtualizableDesc};
use annotator::driver::Program;
use frontend::entities::{ObjId, Value};
use frontend::graph::InstData;
use frontend::ops::{Const, FlowOp};
use frontend::prebuilt::{Obj, Snapshot};

/// The prebuilt `JitDriver`s, in object order (their index is the driver number).
pub fn drivers(
    p: &Program,
    snapshot: &Snapshot,
    classes: Option<&ClassTable>,
) -> Vec<JitDriverDesc> {
    let mut out = vec![];
    for (o, drv) in annotator::builtins::jit_drivers(snapshot) {
        let printable_location = drv
            .printable_location
            .and_then(|f| p.func_graphs.get(&f).copied());
        let reds = drv.reds;
        let virtualizable = drv
            .virtualizables
            .first()
            .and_then(|v| reds.iter().position(|r| r == v))
            .and_then(|red| classes.and_then(|c| virtualizable_layout(p, snapshot, c, red)));
        let name = drv.name;
        out.push(JitDriverDesc {
            obj: o,
            name,
            greens: drv.greens,
            reds,
            printable_location,
            virtualizable,
        });
    }
    out
}

/// The driver a `driver.jit_merge_point` callee value was read from.
fn driver_of(l: &Lower, callee: Value) -> Option<ObjId> {
    l.hl.insts.values().find_map(|i| {
        if i.result != callee || i.op != FlowOp::GetAttr {
            return None;
        }
        match l.hl.const_of(i.args[0]) {
            Some(Const::Obj(o)) => Some(*o),
            _ => None,
        }
    })
}

/// `driver.jit_merge_point(**vars)`, `driver.can_enter_jit(**vars)`, `loop_header()`.
pub fn driver_call(l: &mut Lower, inst: &InstData<FlowOp>, method: &str, kw: Kw) -> Value {
    let op = match method {
        "jit_merge_point" => LlOp::JitMergePoint,
        "can_enter_jit" => LlOp::JitCanEnter,
        _ => return l.konst(LlConst::Void),
    };
    let drivers = drivers(l.p, l.snapshot, None);
    let Some(index) =
        driver_of(l, inst.args[0]).and_then(|o| drivers.iter().position(|d| d.obj == o))
    else {
        l.error(
            "E0360",
            format!("`{method}` must be called on a JitDriver made at import time"),
        );
        return l.konst(LlConst::Void);
    };
    let d = &drivers[index];
    if d.reds.is_empty() {
        l.error(
            "E0361",
            format!(
                "JitDriver `{}`: reds='auto' is not supported by `--jit` yet; list the reds",
                d.name
            ),
        );
        return l.konst(LlConst::Void);
    }
    let mut args = vec![l.int(index as i64)];
    for name in d.greens.iter().chain(&d.reds) {
        match kw.iter().find(|(k, _, _)| k == name) {
            Some((_, v, _)) => args.push(*v),
            None => {
                l.error(
                    "E0362",
                    format!(
                        "{}.{method}(): `{name}` is a {} of the driver but is not passed",
                        d.name,
                        if d.greens.contains(name) {
                            "green"
                        } else {
                            "red"
                        }
                    ),
                );
                return l.konst(LlConst::Void);
            }
        }
    }
    if let Some((k, _, _)) = kw
        .iter()
        .find(|(k, _, _)| !d.greens.contains(k) && !d.reds.contains(k))
    {
        l.error(
            "E0363",
            format!(
                "{}.{method}(): `{k}` is neither a green nor a red of the driver",
                d.name
            ),
        );
    }
    l.op(op, args, crate::lltype::LlType::Void)
}

/// The layout of the class that declares `_virtualizable_` (one per program, as the
/// frame class of an interpreter): its listed fields' offsets and types.
fn virtualizable_layout(
    p: &Program,
    snapshot: &Snapshot,
    classes: &ClassTable,
    red: usize,
) -> Option<VirtualizableDesc> {
    for (idx, info) in classes.classes.iter().enumerate() {
        let Some(c) = info.user else {
            continue;
        };
        let Obj::Class(cls) = &snapshot.objects[c] else {
            continue;
        };
        let Some((_, list)) = cls.attrs.iter().find(|(n, _)| n == "_virtualizable_") else {
            continue;
        };
        let (Obj::List { items } | Obj::Tuple { items }) = &snapshot.objects[*list] else {
            continue;
        };
        let mut desc = VirtualizableDesc {
            red,
            scalars: vec![],
            arrays: vec![],
        };
        for &i in items {
            let Obj::Str { value } = &snapshot.objects[i] else {
                continue;
            };
            match value.strip_suffix("[*]") {
                Some(name) => {
                    let (off, ann, _) = classes.field(idx, name)?;
                    let annotator::model::Ann::List { def, .. } = ann else {
                        return None;
                    };
                    desc.arrays
                        .push((off, crate::repr::slot_type(&p.listdefs.item(def))));
                }
                None => {
                    let (off, _, t) = classes.field(idx, value)?;
                    desc.scalars.push((off, t));
                }
            }
        }
        return Some(desc);
    }
    None
}
