//! Lowering of user classes: the class table (layouts, vtable slots), instantiation,
//! fields, method calls (direct when one implementation serves the receiver's whole
//! subtree, through a vtable slot otherwise) and `isinstance`.

use super::ops::{bind_args, call_function, Kw, Pos};
use super::Lower;
use crate::classes::ClassTable;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{ll_type, slot_type};
use annotator::classdef::{self, Immutability};
use annotator::model::{Ann, ClassRef, Desc};
use annotator::Program;
use frontend::entities::{ObjId, Value};
use frontend::ops::{Const, FlowOp};
use frontend::prebuilt::{Obj, Snapshot};
use rpyrt::abi::{EXC_MSG, INST_TYPEPTR};

/// The functions a call of method `name` on an instance of `c` may run.
pub fn method_impls(p: &Program, snapshot: &Snapshot, c: ObjId, name: &str) -> Vec<ObjId> {
    let mut out = vec![];
    for k in p.classdefs.subtree(c) {
        if let Some((_, v)) = classdef::lookup(snapshot, k, name) {
            let f = match &snapshot.objects[v] {
                Obj::StaticMethod { func } => *func,
                _ => v,
            };
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

/// The method `print`/`str` call on an instance of `c`, if any.
pub fn str_method(snapshot: &Snapshot, c: ObjId) -> Option<&'static str> {
    ["__str__", "__repr__"]
        .into_iter()
        .find(|m| classdef::lookup(snapshot, c, m).is_some())
}

/// Builds the class table: builtin exceptions, then every user class, parents first,
/// with their fields and the vtable slots that polymorphic calls need.
pub fn build_classes(p: &Program, snapshot: &Snapshot) -> ClassTable {
    let mut t = ClassTable::with_builtins();
    let mut users: Vec<(usize, ObjId)> = snapshot
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Obj::Class(_)))
        .map(|(o, _)| (classdef::ancestors(snapshot, &ClassRef::User(o)).len(), o))
        .collect();
    users.sort();
    for (_, o) in users {
        let parent = match classdef::parent_of(snapshot, &ClassRef::User(o)) {
            Some(ClassRef::User(q)) => t.user(q),
            Some(ClassRef::Builtin(n)) => t.find(&n),
            None => None,
        };
        let own = p
            .classdefs
            .fields
            .get(&o)
            .map(|fs| fs.iter().map(|(n, f)| (n.clone(), f.ann.clone())).collect())
            .unwrap_or_default();
        let name = classdef::class_name(snapshot, &ClassRef::User(o));
        t.add_user(o, name, parent, own);
    }
    t.number();
    // Slots: method names called on a receiver whose subtree has several implementations.
    let mut slots: Vec<String> = vec![];
    for (g, graph) in p.graphs.iter() {
        for (_, inst) in graph.insts.iter() {
            if !matches!(inst.op, FlowOp::SimpleCall | FlowOp::CallKw) {
                continue;
            }
            let callee = p.ann(g, inst.args[0], snapshot);
            let mut sites: Vec<(ObjId, String)> = vec![];
            match &callee {
                Ann::BoundMethod { receiver, name } => {
                    if let Ann::Instance {
                        class: ClassRef::User(c),
                        ..
                    } = &**receiver
                    {
                        sites.push((*c, name.clone()));
                    }
                }
                Ann::Const(Desc::Builtin(q)) if q == "builtins.print" || q == "builtins.str" => {
                    for &a in &inst.args[1..] {
                        if let Ann::Instance {
                            class: ClassRef::User(c),
                            ..
                        } = p.ann(g, a, snapshot)
                        {
                            if let Some(m) = str_method(snapshot, c) {
                                sites.push((c, m.to_string()));
                            }
                        }
                    }
                }
                _ => {}
            }
            for (c, name) in sites {
                if method_impls(p, snapshot, c, &name).len() > 1 && !slots.contains(&name) {
                    slots.push(name);
                }
            }
        }
    }
    // Class attributes read through instances whose value differs between the
    // receiver's subclasses: a vtable slot each, named `attr:NAME`.
    for (g, graph) in p.graphs.iter() {
        for (_, inst) in graph.insts.iter() {
            if inst.op != FlowOp::GetAttr {
                continue;
            }
            let Ann::Instance {
                class: ClassRef::User(c),
                ..
            } = p.ann(g, inst.args[0], snapshot)
            else {
                continue;
            };
            let Some(Const::Str(name)) = graph.const_of(inst.args[1]) else {
                continue;
            };
            let slot = format!("attr:{name}");
            if slots.contains(&slot) || t.user(c).and_then(|i| t.field(i, name)).is_some() {
                continue;
            }
            if class_attr_values(p, snapshot, c, name).len() > 1 {
                slots.push(slot);
            }
        }
    }
    for info in t.classes.iter_mut() {
        info.slots = slots
            .iter()
            .map(|name| {
                let Some(c) = info.user else {
                    return LlConst::Null;
                };
                if let Some(attr) = name.strip_prefix("attr:") {
                    return match classdef::lookup(snapshot, c, attr)
                        .map(|(_, v)| annotator::driver::obj_const(snapshot, v))
                    {
                        Some(Const::Str(s)) => LlConst::Str(s),
                        Some(Const::Int(i)) => LlConst::Int(i),
                        Some(Const::Bool(b)) => LlConst::Int(b as i64),
                        _ => LlConst::Null,
                    };
                }
                match classdef::lookup(snapshot, c, name) {
                    Some((_, f)) => p
                        .func_graphs
                        .get(&f)
                        .map_or(LlConst::Null, |g| LlConst::Graph(*g)),
                    None => LlConst::Null,
                }
            })
            .collect();
    }
    t.slot_names = slots;
    t
}

fn user_of(a: &Ann) -> Option<ObjId> {
    match a {
        Ann::Instance {
            class: ClassRef::User(c),
            ..
        } => Some(*c),
        _ => None,
    }
}

pub fn instantiate(l: &mut Lower, c: ObjId, pos: Pos, kw: Kw, res: &Ann) -> Value {
    let idx = l.classes.user(c).expect("every user class is in the table");
    let size = l.int(l.classes.classes[idx].size);
    let tid = l.int(crate::gc_shapes::instance_header(idx));
    let obj = l.call_rt(&crate::runtime_fns::ALLOC, vec![size, tid]);
    let vt = l.konst(LlConst::Vtable(idx));
    l.set_field(obj, INST_TYPEPTR, LlType::Ref, vt);
    match classdef::lookup(l.snapshot, c, "__init__") {
        Some((_, init)) => {
            let mut args = vec![(obj, res.clone())];
            args.extend(pos);
            call_function(l, init, args, kw, &Ann::None);
        }
        None if classdef::is_exception(l.snapshot, &ClassRef::User(c)) => {
            exception_init(l, obj, pos.into_iter().next())
        }
        None => {}
    }
    obj
}

/// `BaseException.__init__(self[, msg])`: stores `str(msg)` as the message.
pub fn exception_init(l: &mut Lower, obj: Value, msg: Option<(Value, Ann)>) {
    let m = match msg {
        Some((v, a)) => super::builtins::to_str(l, v, &a),
        None => l.konst(LlConst::Null),
    };
    l.set_field(obj, EXC_MSG, LlType::Ref, m);
}

fn null_check(l: &mut Lower, obj: Value, a: &Ann, name: &str) {
    if let Ann::Instance { nullable: true, .. } = a {
        let isnull = l.op(LlOp::PtrIsNull, vec![obj], LlType::Bool);
        l.raise_if(
            isnull,
            "AttributeError",
            &format!("'NoneType' object has no attribute '{name}'"),
        );
    }
}

pub fn getattr(l: &mut Lower, obj: Value, a: &Ann, name: &str, res: &Ann) -> Value {
    let Some(c) = user_of(a) else {
        l.error("E0330", format!("internal: attribute `{name}` of {a:?}"));
        return l.konst(LlConst::Void);
    };
    let idx = l.classes.user(c).expect("user class in table");
    if let Some((off, fann, st)) = l.classes.field(idx, name) {
        null_check(l, obj, a, name);
        let o = l.int(off);
        let op = match classdef::immutability(l.snapshot, c, name).0 {
            Immutability::Field | Immutability::FieldAndItems => LlOp::GetFieldPure(st),
            _ => LlOp::GetField(st),
        };
        let v = l.op(op, vec![obj, o], st);
        let v = l.from_slot(v, &fann);
        return l.convert(v, &fann, res);
    }
    // A class attribute that differs between subclasses: in the vtable.
    if let Some(off) = l.classes.slot_offset(&format!("attr:{name}")) {
        let values = class_attr_values(l.p, l.snapshot, c, name);
        let all_bool = values.iter().all(|v| matches!(v, Const::Bool(_)));
        let (t, ann) = if values.iter().all(|v| matches!(v, Const::Str(_))) {
            (LlType::Ref, Ann::Str { nullable: false })
        } else if all_bool {
            (LlType::Int, Ann::Bool(None))
        } else if values
            .iter()
            .all(|v| matches!(v, Const::Int(_) | Const::Bool(_)))
        {
            (LlType::Int, Ann::Int)
        } else {
            l.error("E0331", format!("class attribute `{name}` differs between subclasses and is read through an instance; rpy supports that for str, int and bool values only"));
            return l.konst(LlConst::Void);
        };
        null_check(l, obj, a, name);
        let vt = l.pure_field(obj, INST_TYPEPTR, LlType::Ref);
        let vt = l.op(LlOp::JitPromote(LlType::Ref), vec![vt], LlType::Ref);
        let mut v = l.pure_field(vt, off, t);
        if all_bool {
            let zero = l.int(0);
            v = l.op(LlOp::IntNe, vec![v, zero], LlType::Bool);
        }
        return l.convert(v, &ann, res);
    }
    // A class-level constant, the same for every class of the subtree.
    let mut values = class_attr_values(l.p, l.snapshot, c, name);
    if values.len() > 1 {
        l.error("E0331", format!("internal: class attribute `{name}` differs between subclasses but has no vtable slot"));
        return l.konst(LlConst::Void);
    }
    let value: Option<Const> = values.pop();
    match value {
        Some(cv) => {
            let ca = l.p.ann_of_const(&cv, l.snapshot);
            let v = l.const_value(&cv);
            l.convert(v, &ca, res)
        }
        None => {
            let cname = classdef::class_name(l.snapshot, &ClassRef::User(c));
            l.raise_builtin(
                "AttributeError",
                &format!("'{cname}' object has no attribute '{name}'"),
            );
            l.konst(crate::repr::zero(ll_type(res)))
        }
    }
}

pub fn setattr(l: &mut Lower, obj: Value, a: &Ann, name: &str, v: Value, va: &Ann) {
    let Some(c) = user_of(a) else { return };
    let idx = l.classes.user(c).expect("user class in table");
    let Some((off, fann, st)) = l.classes.field(idx, name) else {
        l.error("E0332", format!("internal: no field `{name}`"));
        return;
    };
    null_check(l, obj, a, name);
    let s = l.to_slot(v, va, &fann);
    let _ = slot_type(&fann);
    let o = l.int(off);
    l.op(LlOp::SetField(st), vec![obj, o, s], LlType::Void);
}

pub fn call_method(
    l: &mut Lower,
    recv: Value,
    ra: &Ann,
    name: &str,
    pos: Pos,
    kw: Kw,
    res: &Ann,
) -> Value {
    let Some(c) = user_of(ra) else {
        l.error("E0333", format!("internal: method `{name}` on {ra:?}"));
        return l.konst(LlConst::Void);
    };
    null_check(l, recv, ra, name);
    // Past the null check the receiver is a definite instance: methods take `self` so.
    let ra = &Ann::Instance {
        class: ClassRef::User(c),
        nullable: false,
    };
    let impls = method_impls(l.p, l.snapshot, c, name);
    let with_self = !matches!(
        classdef::lookup(l.snapshot, c, name).map(|(_, v)| &l.snapshot.objects[v]),
        Some(Obj::StaticMethod { .. })
    );
    let mut args = vec![];
    if with_self {
        args.push((recv, ra.clone()));
    }
    args.extend(pos);
    if impls.len() == 1 {
        return call_function(l, impls[0], args, kw, res);
    }
    let Some(off) = l.classes.slot_offset(name) else {
        l.error("E0334", format!("internal: no vtable slot for `{name}`"));
        return l.konst(LlConst::Void);
    };
    let Some(f0) = impls
        .iter()
        .copied()
        .find(|f| l.p.func_graphs.contains_key(f))
    else {
        return l.konst(LlConst::Void);
    };
    let g0 = l.p.func_graphs[&f0];
    let mut call_args = vec![];
    // An object's class never changes, nor does a vtable: the JIT promotes the class
    // (one guard) and then knows the method.
    let vt = l.pure_field(recv, INST_TYPEPTR, LlType::Ref);
    let vt = l.op(LlOp::JitPromote(LlType::Ref), vec![vt], LlType::Ref);
    let fp = l.pure_field(vt, off, LlType::Ref);
    call_args.push(fp);
    call_args.extend(bind_args(l, f0, g0, args, kw));
    let ret = super::ret_ann(l.p, g0);
    let r = l.op(LlOp::IndirectCall, call_args, ll_type(&ret));
    l.convert(r, &ret, res)
}

/// `str(x)` of a user instance: its `__str__`, or the message of an exception.
pub fn to_str(l: &mut Lower, v: Value, a: &Ann) -> Option<Value> {
    let c = user_of(a)?;
    let m = str_method(l.snapshot, c)?;
    Some(call_method(
        l,
        v,
        a,
        m,
        vec![],
        vec![],
        &Ann::Str { nullable: false },
    ))
}

/// `isinstance(x, C)` (or a tuple of classes): subclass-range tests on the vtable.
pub fn isinstance(l: &mut Lower, x: Value, xa: &Ann, classes: &[usize]) -> Value {
    let nullable = matches!(xa, Ann::Instance { nullable: true, .. });
    let join = l.ll.new_block();
    let res = l.ll.add_param(join, Some("isinstance"));
    l.types.insert(res, LlType::Bool);
    if nullable {
        // None is an instance of nothing.
        let isnull = l.op(LlOp::PtrIsNull, vec![x], LlType::Bool);
        let nonnull = l.ll.new_block();
        let f = l.konst(LlConst::Bool(false));
        l.ll.set_exit(
            l.cur,
            frontend::graph::Exit::Branch {
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
    }
    let vt = l.pure_field(x, INST_TYPEPTR, LlType::Ref);
    let vt = l.op(LlOp::JitPromote(LlType::Ref), vec![vt], LlType::Ref);
    let min = l.pure_field(vt, 0, LlType::Int);
    let mut acc = l.konst(LlConst::Bool(false));
    for &c in classes {
        let info = &l.classes.classes[c];
        let (lo, hi) = (l.int(info.subclass_min), l.int(info.subclass_max));
        let ge = l.op(LlOp::IntGe, vec![min, lo], LlType::Bool);
        let lt = l.op(LlOp::IntLt, vec![min, hi], LlType::Bool);
        let both = l.op(LlOp::Select(LlType::Bool), vec![ge, lt, ge], LlType::Bool);
        acc = l.op(
            LlOp::Select(LlType::Bool),
            vec![both, both, acc],
            LlType::Bool,
        );
    }
    l.ll.set_exit(
        l.cur,
        frontend::graph::Exit::Goto(frontend::graph::Link {
            target: join,
            args: vec![acc],
        }),
    );
    l.cur = join;
    res
}

/// The lists stored in `lst[*]` fields (their definitions, canonical).
pub fn immutable_lists(
    p: &Program,
    snapshot: &Snapshot,
    classes: &ClassTable,
) -> std::collections::HashSet<annotator::model::ListDefId> {
    let mut out = std::collections::HashSet::new();
    for info in &classes.classes {
        let Some(c) = info.user else {
            continue;
        };
        for (name, _, ann) in &info.fields {
            if classdef::immutability(snapshot, c, name).0 != Immutability::FieldAndItems {
                continue;
            }
            if let Ann::List { def, .. } = ann {
                out.insert(p.listdefs.find(*def));
            }
        }
    }
    out
}

/// The distinct values class attribute `name` has in the subtree of `c`.
fn class_attr_values(p: &Program, snapshot: &Snapshot, c: ObjId, name: &str) -> Vec<Const> {
    let mut out: Vec<Const> = vec![];
    for k in p.classdefs.subtree(c) {
        if let Some((_, v)) = classdef::lookup(snapshot, k, name) {
            let cv = annotator::driver::obj_const(snapshot, v);
            if !out.contains(&cv) {
                out.push(cv);
            }
        }
    }
    out
}
