//! Lowering of arithmetic, comparisons, truth values, calls and raises.

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{item_kind, ll_type};
use crate::runtime_fns as rt;
use annotator::model::{Ann, ClassRef, Desc};
use frontend::entities::{Block, GraphId, Inst, ObjId, Value};
use frontend::graph::{Exit, InstData};
use frontend::ops::{Const, FlowGraph, FlowOp};
use std::collections::{HashMap, HashSet};

/// Flow operations whose result is passed straight to `ovfcheck()`: they are lowered to
/// the overflow-checking forms. The operation may sit in the same block, or end the
/// single predecessor (inside `try`, where each raising operation ends its block).
pub fn find_ovfcheck_ops(g: &FlowGraph) -> HashSet<Inst> {
    let mut def: HashMap<Value, Inst> = HashMap::new();
    let mut preds: HashMap<Block, Vec<(Block, Vec<Value>)>> = HashMap::new();
    for (b, data) in g.blocks.iter() {
        for &i in &data.insts {
            def.insert(g.insts[i].result, i);
        }
        for l in data.exit.links() {
            preds.entry(l.target).or_default().push((b, l.args.clone()));
        }
    }
    let mut out = HashSet::new();
    for (b, data) in g.blocks.iter() {
        for &i in &data.insts {
            let inst = &g.insts[i];
            let is_ovf = inst.op == FlowOp::SimpleCall
                && matches!(g.const_of(inst.args[0]), Some(Const::Builtin(q)) if q == "rpy.rarithmetic.ovfcheck");
            if !is_ovf || inst.args.len() != 2 {
                continue;
            }
            let v = inst.args[1];
            let found = def.get(&v).copied().or_else(|| {
                let k = g.blocks[b].params.iter().position(|&p| p == v)?;
                let ps = preds.get(&b)?;
                if ps.len() != 1 {
                    return None;
                }
                def.get(&ps[0].1[k]).copied()
            });
            if let Some(d) = found {
                if matches!(
                    g.insts[d].op,
                    FlowOp::Add | FlowOp::InplaceAdd | FlowOp::Sub | FlowOp::Mul | FlowOp::Neg
                ) {
                    out.insert(d);
                }
            }
        }
    }
    out
}

/// The truth value of a low-level value of annotation `a`, as an i1.
pub fn truth(l: &mut Lower, v: Value, a: &Ann) -> Value {
    match a {
        Ann::Bool(_) => v,
        Ann::Int => {
            let z = l.int(0);
            l.op(LlOp::IntNe, vec![v, z], LlType::Bool)
        }
        Ann::Float => {
            let z = l.konst(LlConst::Float(0.0));
            l.op(LlOp::FloatNe, vec![v, z], LlType::Bool)
        }
        Ann::None | Ann::Impossible => l.konst(LlConst::Bool(false)),
        Ann::Str { nullable } | Ann::List { nullable, .. } => {
            let len_off = if matches!(a, Ann::Str { .. }) {
                rpyrt::abi::STR_LEN
            } else {
                rpyrt::abi::LIST_LENGTH
            };
            if *nullable {
                // Null and empty are both false: branch around the length load.
                let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
                let (nonnull, join) = (l.ll.new_block(), l.ll.new_block());
                let res = l.ll.add_param(join, None);
                l.types.insert(res, LlType::Bool);
                let f = l.konst(LlConst::Bool(false));
                l.ll.set_exit(
                    l.cur,
                    Exit::Branch {
                        cond: isnull,
                        if_true: frontend::graph::Link {
                            target: join,
                            args: vec![f],
                        },
                        if_false: frontend::graph::Link {
                            target: nonnull,
                            args: vec![],
                        },
                    },
                );
                l.cur = nonnull;
                let off = l.int(len_off);
                let len = l.op(LlOp::GetField(LlType::Int), vec![v, off], LlType::Int);
                let z = l.int(0);
                let t = l.op(LlOp::IntNe, vec![len, z], LlType::Bool);
                l.ll.set_exit(
                    l.cur,
                    Exit::Goto(frontend::graph::Link {
                        target: join,
                        args: vec![t],
                    }),
                );
                l.cur = join;
                res
            } else {
                let off = l.int(len_off);
                let len = l.op(LlOp::GetField(LlType::Int), vec![v, off], LlType::Int);
                let z = l.int(0);
                l.op(LlOp::IntNe, vec![len, z], LlType::Bool)
            }
        }
        Ann::Const(_) => l.konst(LlConst::Bool(true)),
        Ann::Optional(inner) => {
            let inner = (**inner).clone();
            let f = l.konst(LlConst::Bool(false));
            super::optional::if_nonnull(l, v, LlType::Bool, f, |l| {
                let x = super::optional::load(l, v, &inner);
                truth(l, x, &inner)
            })
        }
        Ann::Instance {
            nullable: false, ..
        } => l.konst(LlConst::Bool(true)),
        Ann::Instance { nullable: true, .. } => {
            let n = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
            l.op(LlOp::BoolNot, vec![n], LlType::Bool)
        }
        other => {
            let shown = other.describe(&|d| l.p.listdefs.item(d));
            l.error(
                "E0303",
                format!("the truth value of a {shown} is not supported"),
            );
            l.konst(LlConst::Bool(false))
        }
    }
}

pub fn lower_op(l: &mut Lower, i: Inst, inst: &InstData<FlowOp>) -> Value {
    let mut args: Vec<Value> = inst.args.iter().map(|&a| l.get(a)).collect();
    let mut anns: Vec<Ann> = inst.args.iter().map(|&a| l.ann(a)).collect();
    // An int-or-None in arithmetic or ordering: unboxed (TypeError for None).
    {
        use FlowOp::*;
        let unwrap: &[usize] = match inst.op {
            Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | And | Or | Xor
            | InplaceAdd | Lt | Le | Gt | Ge | Neg | Pos | Invert => &[0, 1],
            GetItem | SetItem => &[1],
            _ => &[],
        };
        for &k in unwrap {
            if let Some(Ann::Optional(inner)) = anns.get(k).cloned() {
                args[k] = super::optional::unwrap(l, args[k], &inner);
                anns[k] = (*inner).clone();
            }
        }
    }
    let res = l.ann(inst.result);
    // Operations on dicts and sets, and str-specific ones, are lowered in their modules.
    if let Some(v) = super::dicts::try_lower(l, i, inst, &args, &anns, &res) {
        return v;
    }
    if let Some(v) = super::files::try_lower(l, inst, &args, &anns) {
        return v;
    }
    if let Some(v) = super::strings::try_lower(l, i, inst, &args, &anns, &res) {
        return v;
    }
    use FlowOp::*;
    match inst.op {
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | LShift | RShift | And | Or | Xor
        | InplaceAdd => binary(
            l,
            inst.op,
            l.ovf_contains(i),
            args[0],
            args[1],
            &anns[0],
            &anns[1],
            &res,
        ),
        Lt | Le | Eq | Ne | Gt | Ge => compare(l, inst.op, args[0], args[1], &anns[0], &anns[1]),
        Is => {
            if let Some(b) = res.const_bool() {
                return l.konst(LlConst::Bool(b));
            }
            let (a, b) = (
                l.convert_to_ref(args[0], &anns[0]),
                l.convert_to_ref(args[1], &anns[1]),
            );
            l.op(LlOp::PtrEq, vec![a, b], LlType::Bool)
        }
        Contains => super::containers::contains(l, args[0], args[1], &anns[0], &anns[1]),
        Neg | Pos | Invert => {
            let x = l.convert(args[0], &anns[0], &res);
            match (inst.op, &res) {
                (Pos, _) => x,
                (Neg, Ann::Float) => l.op(LlOp::FloatNeg, vec![x], LlType::Float),
                (Neg, _) if l.ovf_contains(i) => l.op(LlOp::IntNegOvf, vec![x], LlType::Int),
                (Neg, _) => l.op(LlOp::IntNeg, vec![x], LlType::Int),
                _ => l.op(LlOp::IntInvert, vec![x], LlType::Int),
            }
        }
        Bool => match res.const_bool() {
            Some(b) => l.konst(LlConst::Bool(b)),
            None => truth(l, args[0], &anns[0]),
        },
        Not => match res.const_bool() {
            Some(b) => l.konst(LlConst::Bool(b)),
            None => {
                let t = truth(l, args[0], &anns[0]);
                l.op(LlOp::BoolNot, vec![t], LlType::Bool)
            }
        },
        NewList => super::containers::newlist(l, &args, &anns, &res),
        NewTuple => super::tuples::newtuple(l, &args, &anns, &res),
        GetGlobal | SetGlobal => {
            let name = match l.hl.const_of(inst.args[1]) {
                Some(Const::Str(s)) => s.clone(),
                _ => String::new(),
            };
            let m = match l.hl.const_of(inst.args[0]) {
                Some(Const::Obj(o)) => *o,
                _ => return l.konst(LlConst::Void),
            };
            let Some(idx) =
                l.p.global_cells
                    .iter()
                    .position(|c| c.module == m && c.name == name)
            else {
                return l.konst(LlConst::Void);
            };
            let cell = l.p.global_cells[idx].ann.clone();
            let t = ll_type(&cell);
            let i = l.int(idx as i64);
            if inst.op == GetGlobal {
                let v = l.op(LlOp::GetStatic(t), vec![i], t);
                l.convert(v, &cell, &res)
            } else {
                let v = l.convert(args[2], &anns[2], &cell);
                l.op(LlOp::SetStatic(t), vec![i, v], LlType::Void);
                l.konst(LlConst::Void)
            }
        }
        DelItem if matches!(anns[0], Ann::List { .. }) => {
            let i = l.convert(args[1], &anns[1], &Ann::Int);
            l.call_rt(&crate::runtime_fns::LIST_DELITEM, vec![args[0], i]);
            l.konst(LlConst::Void)
        }
        GetItem => {
            super::containers::getitem(l, args[0], args[1], &anns[0], &anns[1], inst.args[1], &res)
        }
        SetItem => {
            super::containers::setitem(l, args[0], args[1], args[2], &anns[0], &anns[1], &anns[2])
        }
        Iter => super::containers::iter(l, args[0], &anns[0]),
        GetAttr => {
            let name = match l.hl.const_of(inst.args[1]) {
                Some(Const::Str(s)) => s.clone(),
                _ => String::new(),
            };
            match (&anns[0], &res) {
                // A bound method (`lst.append`, `obj.m`, `super().m`) is represented by
                // its receiver.
                (_, Ann::BoundMethod { .. } | Ann::BoundFunc { .. }) => args[0],
                (
                    Ann::Instance {
                        class: ClassRef::User(_),
                        ..
                    },
                    _,
                ) => super::instances::getattr(l, args[0], &anns[0], &name, &res),
                (Ann::Const(Desc::Module(m)), Ann::Int | Ann::Float) => {
                    let q = match &l.snapshot.objects[*m] {
                        frontend::prebuilt::Obj::Module { name: mn, .. } => format!("{mn}.{name}"),
                        _ => String::new(),
                    };
                    match annotator::builtins::library_constant(&q) {
                        Some(c) => {
                            let lc = l.lower_const_pub(&c);
                            l.konst(lc)
                        }
                        None => l.konst(LlConst::Void),
                    }
                }
                (Ann::Const(Desc::Class(c)), _) => {
                    match annotator::classdef::lookup(l.snapshot, *c, &name) {
                        Some((_, v)) => {
                            let cv = annotator::driver::obj_const(l.snapshot, v);
                            let ca = l.p.ann_of_const(&cv, l.snapshot);
                            let k = l.const_value(&cv);
                            l.convert(k, &ca, &res)
                        }
                        None => l.konst(LlConst::Void),
                    }
                }
                _ => l.konst(LlConst::Void),
            }
        }
        SetAttr => {
            let name = match l.hl.const_of(inst.args[1]) {
                Some(Const::Str(s)) => s.clone(),
                _ => String::new(),
            };
            super::instances::setattr(l, args[0], &anns[0], &name, args[2], &anns[2]);
            l.konst(LlConst::Void)
        }
        SimpleCall | CallKw => call(l, inst, &args, &anns, &res),
        Raise => {
            let exc = match &anns[0] {
                Ann::Instance { .. } => args[0],
                Ann::Const(Desc::Builtin(q)) => {
                    super::builtins::new_exception(l, q.trim_start_matches("builtins."), None)
                }
                _ => unreachable!("annotator checked raise operands"),
            };
            let r = l.new_var(LlType::Void);
            l.ll.push_op_into(l.cur, LlOp::Raise, vec![exc], r, l.span);
            l.end_raising();
            r
        }
        Reraise => {
            let r = l.new_var(LlType::Void);
            l.ll.push_op_into(l.cur, LlOp::Reraise, vec![args[0]], r, l.span);
            l.end_raising();
            r
        }
        op => {
            l.error(
                "E0304",
                format!("the operation `{op}` is not supported by the rtyper yet"),
            );
            l.konst(LlConst::Void)
        }
    }
}

impl Lower<'_> {
    fn ovf_contains(&self, i: Inst) -> bool {
        self.ovf.contains(&i)
    }

    /// A pointer for identity comparisons (None becomes null).
    pub fn convert_to_ref(&mut self, v: Value, a: &Ann) -> Value {
        match ll_type(a) {
            LlType::Ref => v,
            _ => self.konst(LlConst::Null),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn binary(
    l: &mut Lower,
    op: FlowOp,
    ovf: bool,
    x: Value,
    y: Value,
    ax: &Ann,
    ay: &Ann,
    res: &Ann,
) -> Value {
    use FlowOp::*;
    match res {
        Ann::Int | Ann::Bool(_) if ax.is_int_like() && ay.is_int_like() => {
            let (a, b) = (l.convert(x, ax, &Ann::Int), l.convert(y, ay, &Ann::Int));
            let r = int_binary(l, op, ovf, a, b);
            if matches!(res, Ann::Bool(_)) {
                let z = l.int(0);
                l.op(LlOp::IntNe, vec![r, z], LlType::Bool)
            } else {
                r
            }
        }
        Ann::Float => {
            let (a, b) = if op == TrueDiv && ax.is_int_like() && ay.is_int_like() {
                let (a, b) = (l.convert(x, ax, &Ann::Int), l.convert(y, ay, &Ann::Int));
                return l.call_rt(&rt::INT_TRUEDIV, vec![a, b]);
            } else {
                (l.convert(x, ax, &Ann::Float), l.convert(y, ay, &Ann::Float))
            };
            match op {
                Add | InplaceAdd => l.op(LlOp::FloatAdd, vec![a, b], LlType::Float),
                Sub => l.op(LlOp::FloatSub, vec![a, b], LlType::Float),
                Mul => l.op(LlOp::FloatMul, vec![a, b], LlType::Float),
                TrueDiv => {
                    let z = l.konst(LlConst::Float(0.0));
                    let is0 = l.op(LlOp::FloatEq, vec![b, z], LlType::Bool);
                    l.raise_if(is0, "ZeroDivisionError", "float division by zero");
                    l.op(LlOp::FloatTrueDiv, vec![a, b], LlType::Float)
                }
                FloorDiv => l.call_rt(&rt::FLOAT_FLOORDIV, vec![a, b]),
                Mod => l.call_rt(&rt::FLOAT_MOD, vec![a, b]),
                Pow => l.call_rt(&rt::FLOAT_POW, vec![a, b]),
                _ => unreachable!("annotator allows no other float operator"),
            }
        }
        Ann::Str { .. } => match (ax, ay) {
            (Ann::Str { .. }, Ann::Str { .. }) => l.call_rt(&rt::STR_CONCAT, vec![x, y]),
            (Ann::Str { .. }, n) => {
                let n = l.convert(y, n, &Ann::Int);
                l.call_rt(&rt::STR_MUL, vec![x, n])
            }
            (n, _) => {
                let n = l.convert(x, n, &Ann::Int);
                l.call_rt(&rt::STR_MUL, vec![y, n])
            }
        },
        Ann::List { .. } => super::containers::list_binary(l, op, x, y, ax, ay),
        _ => {
            l.error("E0305", format!("internal: binary {op} on {ax:?}, {ay:?}"));
            l.konst(LlConst::Void)
        }
    }
}

fn int_binary(l: &mut Lower, op: FlowOp, ovf: bool, a: Value, b: Value) -> Value {
    use FlowOp::*;
    let t = LlType::Int;
    match op {
        Add | InplaceAdd if ovf => l.op(LlOp::IntAddOvf, vec![a, b], t),
        Sub if ovf => l.op(LlOp::IntSubOvf, vec![a, b], t),
        Mul if ovf => l.op(LlOp::IntMulOvf, vec![a, b], t),
        Add | InplaceAdd => l.op(LlOp::IntAdd, vec![a, b], t),
        Sub => l.op(LlOp::IntSub, vec![a, b], t),
        Mul => l.op(LlOp::IntMul, vec![a, b], t),
        And => l.op(LlOp::IntAnd, vec![a, b], t),
        Or => l.op(LlOp::IntOr, vec![a, b], t),
        Xor => l.op(LlOp::IntXor, vec![a, b], t),
        FloorDiv | Mod => {
            let z = l.int(0);
            if l.ll.const_of(b) != Some(&LlConst::Int(0)) && l.ll.is_const(b) {
                // A constant non-zero divisor needs no check.
            } else {
                let is0 = l.op(LlOp::IntEq, vec![b, z], LlType::Bool);
                let msg = if op == Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                l.raise_if(is0, "ZeroDivisionError", msg);
            }
            let o = if op == Mod {
                LlOp::IntMod
            } else {
                LlOp::IntFloorDiv
            };
            l.op(o, vec![a, b], t)
        }
        LShift | RShift => {
            if !matches!(l.ll.const_of(b), Some(LlConst::Int(k)) if *k >= 0) {
                let z = l.int(0);
                let neg = l.op(LlOp::IntLt, vec![b, z], LlType::Bool);
                l.raise_if(neg, "ValueError", "negative shift count");
            }
            let o = if op == LShift {
                LlOp::IntLShift
            } else {
                LlOp::IntRShift
            };
            l.op(o, vec![a, b], t)
        }
        Pow => l.call_rt(&rt::INT_POW, vec![a, b]),
        _ => unreachable!("annotator allows no other int operator"),
    }
}

pub(crate) fn compare(l: &mut Lower, op: FlowOp, x: Value, y: Value, ax: &Ann, ay: &Ann) -> Value {
    use FlowOp::*;
    let b = LlType::Bool;
    if ax.is_int_like() && ay.is_int_like() {
        let (a, c) = (l.convert(x, ax, &Ann::Int), l.convert(y, ay, &Ann::Int));
        let o = match op {
            Lt => LlOp::IntLt,
            Le => LlOp::IntLe,
            Eq => LlOp::IntEq,
            Ne => LlOp::IntNe,
            Gt => LlOp::IntGt,
            _ => LlOp::IntGe,
        };
        return l.op(o, vec![a, c], b);
    }
    if ax.is_numeric() && ay.is_numeric() {
        let (a, c) = (l.convert(x, ax, &Ann::Float), l.convert(y, ay, &Ann::Float));
        let o = match op {
            Lt => LlOp::FloatLt,
            Le => LlOp::FloatLe,
            Eq => LlOp::FloatEq,
            Ne => LlOp::FloatNe,
            Gt => LlOp::FloatGt,
            _ => LlOp::FloatGe,
        };
        return l.op(o, vec![a, c], b);
    }
    let cmp3 = |l: &mut Lower, r: Value| -> Value {
        let z = l.int(0);
        let o = match op {
            Lt => LlOp::IntLt,
            Le => LlOp::IntLe,
            Eq => LlOp::IntEq,
            Ne => LlOp::IntNe,
            Gt => LlOp::IntGt,
            _ => LlOp::IntGe,
        };
        l.op(o, vec![r, z], LlType::Bool)
    };
    match (ax, ay) {
        (Ann::Optional(_), _) | (_, Ann::Optional(_)) if matches!(op, Eq | Ne) => {
            super::optional::eq(l, x, y, ax, ay, op == Ne)
        }
        (Ann::Tuple(_), Ann::Tuple(_)) if matches!(op, Eq | Ne) => {
            let e = super::tuples::eq(l, x, y, ax, ay);
            if op == Eq {
                e
            } else {
                l.op(LlOp::BoolNot, vec![e], b)
            }
        }
        (Ann::Instance { .. }, Ann::Instance { .. }) if matches!(op, Eq | Ne) => l.op(
            if op == Eq { LlOp::PtrEq } else { LlOp::PtrNe },
            vec![x, y],
            b,
        ),
        (Ann::None, Ann::None) => l.konst(LlConst::Bool(matches!(op, Eq))),
        (Ann::None, _) | (_, Ann::None) => {
            let v = if matches!(ax, Ann::None) { y } else { x };
            let isnull = l.op(LlOp::PtrIsNull, vec![v], b);
            if op == Eq {
                isnull
            } else {
                l.op(LlOp::BoolNot, vec![isnull], b)
            }
        }
        (Ann::Str { .. }, Ann::Str { .. }) if matches!(op, Eq | Ne) => {
            let r = l.call_rt(&rt::STR_EQ, vec![x, y]);
            let z = l.int(0);
            l.op(
                if op == Eq { LlOp::IntNe } else { LlOp::IntEq },
                vec![r, z],
                b,
            )
        }
        (Ann::Str { .. }, Ann::Str { .. }) => {
            let r = l.call_rt(&rt::STR_CMP, vec![x, y]);
            cmp3(l, r)
        }
        (Ann::List { def, .. }, Ann::List { .. }) => {
            let item = l.p.listdefs.item(*def);
            let Some(kind) = item_kind(&item) else {
                l.error(
                    "E0306",
                    "comparing lists of these items is not supported yet",
                );
                return l.konst(LlConst::Bool(false));
            };
            let k = l.int(kind as i64);
            if matches!(op, Eq | Ne) {
                let r = l.call_rt(&rt::LIST_EQ, vec![x, y, k]);
                let z = l.int(0);
                l.op(
                    if op == Eq { LlOp::IntNe } else { LlOp::IntEq },
                    vec![r, z],
                    b,
                )
            } else {
                let r = l.call_rt(&rt::LIST_CMP, vec![x, y, k]);
                cmp3(l, r)
            }
        }
        _ => {
            l.error("E0307", format!("internal: compare {ax:?} and {ay:?}"));
            l.konst(LlConst::Bool(false))
        }
    }
}

fn call(l: &mut Lower, inst: &InstData<FlowOp>, args: &[Value], anns: &[Ann], res: &Ann) -> Value {
    let (pos, kw) = split(l, inst, args, anns);
    match &anns[0] {
        Ann::Const(Desc::Function(f)) => call_function(l, *f, pos, kw, res),
        Ann::Const(Desc::Class(c)) => super::instances::instantiate(l, *c, pos, kw, res),
        Ann::Funcs(fs) => call_pointer(l, args[0], &fs.clone(), pos, kw, res),
        // A closure (`frontend/src/flow/closures.rs`): `(function, cell...)`, cells first.
        Ann::Tuple(items) if matches!(items.first(), Some(Ann::Funcs(_))) => {
            let items = items.clone();
            let Ann::Funcs(fs) = &items[0] else {
                unreachable!("matched above")
            };
            let mut all: Pos = (1..items.len())
                .map(|k| (super::tuples::item(l, args[0], &items, k), items[k].clone()))
                .collect();
            all.extend(pos);
            if let [f] = fs[..] {
                return call_function(l, f, all, kw, res);
            }
            let fp = super::tuples::item(l, args[0], &items, 0);
            call_pointer(l, fp, fs, all, kw, res)
        }
        Ann::Const(Desc::Builtin(q)) if q == "builtins.super" => {
            // The receiver of the running method: its first parameter.
            let entry = l.ll.entry;
            l.ll.blocks[entry].params[0]
        }
        Ann::Const(Desc::Builtin(q)) if q.ends_with(".__init__") => {
            // `Exception.__init__(self, msg)`.
            super::instances::exception_init(l, pos[0].0, pos.get(1).cloned());
            l.konst(LlConst::Void)
        }
        Ann::Const(Desc::Builtin(q)) if q.starts_with("rpy.jit.JitDriver.") => {
            let method = q.trim_start_matches("rpy.jit.JitDriver.").to_string();
            super::jit_hints::driver_call(l, inst, &method, kw)
        }
        Ann::Const(Desc::Builtin(q)) => super::builtins::call_builtin(l, q, pos, kw, res),
        Ann::BoundMethod { receiver, name } if matches!(**receiver, Ann::List { .. }) => {
            let (r, n) = ((**receiver).clone(), name.clone());
            super::lists::call_method(l, args[0], &r, &n, pos, kw, res)
        }
        Ann::BoundMethod { receiver, name } if matches!(**receiver, Ann::Str { .. }) => {
            let (r, n) = ((**receiver).clone(), name.clone());
            super::strings::call_method(l, args[0], &r, &n, pos, kw, res)
        }
        Ann::BoundMethod { receiver, name } if annotator::dicts::is_dict(receiver) => {
            let (r, n) = ((**receiver).clone(), name.clone());
            super::dicts::call_method(l, args[0], &r, &n, pos, kw, res)
        }
        Ann::BoundMethod { receiver, name } => {
            let (r, n) = ((**receiver).clone(), name.clone());
            super::instances::call_method(l, args[0], &r, &n, pos, kw, res)
        }
        Ann::BoundFunc {
            receiver,
            func: Some(f),
        } => {
            let mut all = vec![(args[0], (**receiver).clone())];
            all.extend(pos);
            call_function(l, *f, all, kw, res)
        }
        Ann::BoundFunc { func: None, .. } => {
            super::instances::exception_init(l, args[0], pos.first().cloned());
            l.konst(LlConst::Void)
        }
        other => {
            l.error("E0309", format!("internal: call of {other:?}"));
            l.konst(LlConst::Void)
        }
    }
}

/// Matches arguments to a function's parameters (keywords, defaults) and converts them
/// to its parameters' representations; returns the converted arguments.
pub fn bind_args(l: &mut Lower, f: ObjId, callee: GraphId, pos: Pos, kw: Kw) -> Vec<Value> {
    let params: Vec<Value> = l.p.graphs[callee].params().to_vec();
    let names: Vec<Option<String>> = params
        .iter()
        .map(|&p| match &l.p.graphs[callee].values[p] {
            frontend::graph::ValueData::Var { hint } => hint.clone(),
            _ => None,
        })
        .collect();
    let defaults = match &l.snapshot.objects[f] {
        frontend::prebuilt::Obj::Function(fobj) => fobj.defaults.clone(),
        _ => vec![],
    };
    let first_default = params.len() - defaults.len().min(params.len());
    let mut slots: Vec<Option<(Value, Ann)>> = vec![None; params.len()];
    for (k, a) in pos.into_iter().enumerate().take(params.len()) {
        slots[k] = Some(a);
    }
    for (name, v, a) in kw {
        if let Some(k) = names
            .iter()
            .position(|n| n.as_deref() == Some(name.as_str()))
        {
            slots[k] = Some((v, a));
        }
    }
    let mut out = vec![];
    for (k, slot) in slots.into_iter().enumerate() {
        let (v, a) = match slot {
            Some(s) => s,
            None => {
                let c = annotator::driver::obj_const(l.snapshot, defaults[k - first_default]);
                let a = l.p.ann_of_const(&c, l.snapshot);
                (l.const_value(&c), a)
            }
        };
        let pa = l.p.ann(callee, params[k], l.snapshot);
        out.push(l.convert(v, &a, &pa));
    }
    out
}

/// A direct call of a user function.
pub fn call_function(l: &mut Lower, f: ObjId, pos: Pos, kw: Kw, res: &Ann) -> Value {
    let Some(&callee) = l.p.func_graphs.get(&f) else {
        l.error("E0308", "internal: call to a function without a graph");
        return l.konst(LlConst::Void);
    };
    let mut call_args = vec![l.konst(LlConst::Graph(callee))];
    call_args.extend(bind_args(l, f, callee, pos, kw));
    let ret = crate::lower::ret_ann(l.p, callee);
    let r = l.op(LlOp::DirectCall, call_args, ll_type(&ret));
    l.convert(r, &ret, res)
}

/// A call through a function pointer `fp` to one of `fs` (they share their signature).
fn call_pointer(l: &mut Lower, fp: Value, fs: &[ObjId], pos: Pos, kw: Kw, res: &Ann) -> Value {
    let Some(f0) = fs.iter().copied().find(|f| l.p.func_graphs.contains_key(f)) else {
        return l.konst(LlConst::Void);
    };
    let g0 = l.p.func_graphs[&f0];
    let mut call_args = vec![fp];
    call_args.extend(bind_args(l, f0, g0, pos, kw));
    let ret = crate::lower::ret_ann(l.p, g0);
    let r = l.op(LlOp::IndirectCall, call_args, ll_type(&ret));
    l.convert(r, &ret, res)
}

pub type Pos = Vec<(Value, Ann)>;
pub type Kw = Vec<(String, Value, Ann)>;

fn split(l: &Lower, inst: &InstData<FlowOp>, args: &[Value], anns: &[Ann]) -> (Pos, Kw) {
    if inst.op == FlowOp::SimpleCall {
        return (
            (1..args.len())
                .map(|k| (args[k], anns[k].clone()))
                .collect(),
            vec![],
        );
    }
    let names: Vec<String> = match l.hl.const_of(inst.args[1]) {
        Some(Const::Str(s)) if !s.is_empty() => s.split(',').map(str::to_owned).collect(),
        _ => vec![],
    };
    let npos = args.len() - 2 - names.len();
    let pos = (2..2 + npos).map(|k| (args[k], anns[k].clone())).collect();
    let kw = names
        .into_iter()
        .enumerate()
        .map(|(j, n)| (n, args[2 + npos + j], anns[2 + npos + j].clone()))
        .collect();
    (pos, kw)
}
