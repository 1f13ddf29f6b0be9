//! Lowering of calls to builtins: print, len, abs, min/max, conversions, range, exception
//! constructors and the `rpy.rarithmetic` helpers.

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::repr::{item_kind, slot_type};
use crate::runtime_fns as rt;
use annotator::model::{Ann, ClassRef};
use frontend::entities::Value;
use rpyrt::abi::{EXC_MSG, EXC_SIZE, INST_TYPEPTR};

type Pos = Vec<(Value, Ann)>;
type Kw = Vec<(String, Value, Ann)>;

pub fn call_builtin(l: &mut Lower, q: &str, pos: Pos, kw: Kw, res: &Ann) -> Value {
    if let Some(v) = super::dicts::try_builtin(l, q, &pos, &kw, res) {
        return v;
    }
    if let Some(v) = super::files::try_builtin(l, q, &pos) {
        return v;
    }
    if let Some(v) = super::strings::try_builtin(l, q, &pos, &kw, res) {
        return v;
    }
    let name = q.strip_prefix("builtins.").unwrap_or(q);
    let pos: Pos = if matches!(name, "int" | "float" | "abs" | "min" | "max" | "range") {
        pos.into_iter()
            .map(|(v, a)| match a {
                Ann::Optional(inner) => (super::optional::unwrap(l, v, &inner), (*inner).clone()),
                a => (v, a),
            })
            .collect()
    } else {
        pos
    };
    if let Some(v) = super::iterbuiltins::try_lower(l, name, &pos, &kw, res) {
        return v;
    }
    if let Some(v) = library(l, q, &pos) {
        return v;
    }
    if matches!(q, "rpy.jit.promote" | "rpy.jit.promote_string") && !pos.is_empty() {
        let (v, a) = (pos[0].0, pos[0].1.clone());
        let x = l.convert(v, &a, res);
        let t = crate::repr::ll_type(res);
        return l.op(LlOp::JitPromote(t), vec![x], t);
    }
    if q == "rpy.jit.set_user_param" && pos.len() == 2 {
        let text = pos[1].0;
        l.call_rt(&rt::JIT_SET_USER_PARAM, vec![text]);
        return l.konst(LlConst::Void);
    }
    if q == "rpy.jit.set_param" && pos.len() == 3 && pos[2].1.is_int_like() {
        let (name, value) = (pos[1].0, l.convert(pos[2].0, &pos[2].1.clone(), &Ann::Int));
        l.call_rt(&rt::JIT_SET_PARAM_INT, vec![name, value]);
        return l.konst(LlConst::Void);
    }
    if q == "rpy.jit.we_are_jitted" {
        return l.op(LlOp::JitIsJitted, vec![], LlType::Bool);
    }
    if q.starts_with("rpy.jit.") || q.starts_with("rpy.objectmodel.") {
        // Hints are no-ops without the JIT: the value itself, or a constant.
        return match res {
            Ann::Bool(Some(b)) => l.konst(LlConst::Bool(*b)),
            Ann::None => l.konst(LlConst::Void),
            Ann::Int if q.ends_with("current_trace_length") => l.int(-1),
            _ => match pos.first() {
                Some((v, a)) => l.convert(*v, a, res),
                None => l.konst(LlConst::Void),
            },
        };
    }
    if rpyrt::abi::builtin_exception_index(name).is_some() && q.starts_with("builtins.") {
        let msg = pos.into_iter().next();
        return new_exception(l, name, msg);
    }
    match name {
        "print" => {
            print(l, pos, kw);
            l.konst(LlConst::Void)
        }
        "len" => super::containers::len(l, pos[0].0, &pos[0].1),
        "abs" => match &pos[0].1 {
            Ann::Float => l.op(LlOp::FloatAbs, vec![pos[0].0], LlType::Float),
            a => {
                let x = l.convert(pos[0].0, a, &Ann::Int);
                let z = l.int(0);
                let neg = l.op(LlOp::IntLt, vec![x, z], LlType::Bool);
                let n = l.op(LlOp::IntNeg, vec![x], LlType::Int);
                l.op(LlOp::Select(LlType::Int), vec![neg, n, x], LlType::Int)
            }
        },
        "min" | "max" => minmax(l, name == "max", pos, res),
        "int" => match pos.as_slice() {
            [] => l.int(0),
            [(v, Ann::Float)] => l.call_rt(&rt::FLOAT_TO_INT, vec![*v]),
            [(v, Ann::Str { .. })] => {
                let b = l.int(10);
                l.call_rt(&rt::INT_FROM_STR, vec![*v, b])
            }
            [(v, Ann::Str { .. }), (b, ab)] => {
                let b = l.convert(*b, ab, &Ann::Int);
                l.call_rt(&rt::INT_FROM_STR, vec![*v, b])
            }
            [(v, a)] => l.convert(*v, a, &Ann::Int),
            _ => unreachable!("annotator checked int()"),
        },
        "float" => match pos.as_slice() {
            [] => l.konst(LlConst::Float(0.0)),
            [(v, Ann::Str { .. })] => l.call_rt(&rt::FLOAT_FROM_STR, vec![*v]),
            [(v, a)] => l.convert(*v, a, &Ann::Float),
            _ => unreachable!("annotator checked float()"),
        },
        "str" => match pos.as_slice() {
            [] => l.konst(LlConst::Str(String::new())),
            [(v, a)] => to_str(l, *v, a),
            _ => unreachable!("annotator checked str()"),
        },
        "bool" => super::ops::truth(l, pos[0].0, &pos[0].1),
        "isinstance" => {
            let classes: Vec<usize> = match &pos[1].1 {
                Ann::Tuple(items) => items.iter().filter_map(|a| class_index(l, a)).collect(),
                a => class_index(l, a).into_iter().collect(),
            };
            super::instances::isinstance(l, pos[0].0, &pos[0].1, &classes)
        }
        "range" => {
            let args = pos
                .iter()
                .map(|(v, a)| l.convert(*v, a, &Ann::Int))
                .collect();
            super::containers::range(l, args)
        }
        "rpy.rarithmetic.intmask" | "rpy.rarithmetic.ovfcheck" => {
            l.convert(pos[0].0, &pos[0].1, &Ann::Int)
        }
        _ => {
            l.error(
                "E0320",
                format!("`{name}` is not supported by the rtyper yet"),
            );
            l.konst(LlConst::Void)
        }
    }
}

/// Allocates a builtin exception instance with an optional message.
pub fn new_exception(l: &mut Lower, name: &str, msg: Option<(Value, Ann)>) -> Value {
    let idx = l
        .class_index_of(&ClassRef::Builtin(name.to_string()))
        .expect("builtin exception in class table");
    let size = l.int(EXC_SIZE);
    let tid = l.int(crate::gc_shapes::instance_header(idx));
    let obj = l.call_rt(&rt::ALLOC, vec![size, tid]);
    let vt = l.konst(LlConst::Vtable(idx));
    l.set_field(obj, INST_TYPEPTR, LlType::Ref, vt);
    let m = match msg {
        // str(KeyError(k)) is repr(k), unlike the other exceptions.
        Some((v, a)) if name == "KeyError" => super::tuples::repr(l, v, &a),
        Some((v, a)) => to_str(l, v, &a),
        None => l.konst(LlConst::Null),
    };
    l.set_field(obj, EXC_MSG, LlType::Ref, m);
    obj
}

fn class_index(l: &Lower, a: &Ann) -> Option<usize> {
    match a {
        Ann::Const(annotator::model::Desc::Class(o)) => l.classes.user(*o),
        Ann::Const(annotator::model::Desc::Builtin(q)) => {
            l.classes.find(q.trim_start_matches("builtins."))
        }
        _ => None,
    }
}

/// `str(x)` for the printable types.
pub fn to_str(l: &mut Lower, v: Value, a: &Ann) -> Value {
    if let Some(s) = super::instances::to_str(l, v, a) {
        return s;
    }
    if let Ann::Optional(inner) = a {
        let inner = (**inner).clone();
        let none = l.konst(LlConst::Str("None".into()));
        return super::optional::if_nonnull(l, v, LlType::Ref, none, |l| {
            let x = super::optional::load(l, v, &inner);
            to_str(l, x, &inner)
        });
    }
    if let Some(s) = super::dicts::to_str(l, v, a) {
        return s;
    }
    match a {
        Ann::Int => l.call_rt(&rt::STR_FROM_INT, vec![v]),
        Ann::Float => l.call_rt(&rt::STR_FROM_FLOAT, vec![v]),
        Ann::Bool(Some(b)) => l.konst(LlConst::Str(if *b { "True" } else { "False" }.into())),
        Ann::Bool(None) => {
            let (t, f) = (
                l.konst(LlConst::Str("True".into())),
                l.konst(LlConst::Str("False".into())),
            );
            l.op(LlOp::Select(LlType::Ref), vec![v, t, f], LlType::Ref)
        }
        Ann::Str { nullable: false } => v,
        Ann::Str { nullable: true } => {
            let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
            let none = l.konst(LlConst::Str("None".into()));
            l.op(
                LlOp::Select(LlType::Ref),
                vec![isnull, none, v],
                LlType::Ref,
            )
        }
        Ann::None | Ann::Impossible => l.konst(LlConst::Str("None".into())),
        Ann::List { .. } => super::tuples::list_repr(l, v, a),
        Ann::Tuple(_) => super::tuples::repr(l, v, a),
        Ann::Instance { .. } => l.call_rt(&rt::EXC_MESSAGE, vec![v]),
        other => {
            l.error("E0321", format!("str() of {other:?} is not supported yet"));
            l.konst(LlConst::Str(String::new()))
        }
    }
}

fn print(l: &mut Lower, pos: Pos, kw: Kw) {
    let to_stderr = kw.iter().any(|(k, _, a)| {
        k == "file"
            && matches!(a, Ann::Const(annotator::model::Desc::Builtin(f)) if f == "sys.stderr")
    });
    let fd = l.int(if to_stderr { 2 } else { 1 });
    let mut sep = None;
    let mut end = None;
    for (k, v, a) in kw {
        if k == "file" {
            continue;
        }
        let default = if k == "sep" { " " } else { "\n" };
        let v = match a {
            Ann::None => None,
            // A str that is None at run time means the default, as in CPython.
            Ann::Str { nullable: true } => {
                let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
                let d = l.konst(LlConst::Str(default.into()));
                Some(l.op(LlOp::Select(LlType::Ref), vec![isnull, d, v], LlType::Ref))
            }
            _ => Some(to_str(l, v, &a)),
        };
        if k == "sep" {
            sep = v;
        } else {
            end = v;
        }
    }
    let sep = sep.unwrap_or_else(|| l.konst(LlConst::Str(" ".into())));
    let end = end.unwrap_or_else(|| l.konst(LlConst::Str("\n".into())));
    for (k, (v, a)) in pos.into_iter().enumerate() {
        if k > 0 {
            l.call_rt(&rt::WRITE_STR, vec![fd, sep]);
        }
        match a {
            Ann::Int => {
                l.call_rt(&rt::WRITE_INT, vec![fd, v]);
            }
            Ann::Float => {
                l.call_rt(&rt::WRITE_FLOAT, vec![fd, v]);
            }
            a => {
                let s = to_str(l, v, &a);
                l.call_rt(&rt::WRITE_STR, vec![fd, s]);
            }
        }
    }
    l.call_rt(&rt::WRITE_STR, vec![fd, end]);
}

fn minmax(l: &mut Lower, is_max: bool, pos: Pos, res: &Ann) -> Value {
    if let [(lst, a @ Ann::List { .. })] = pos.as_slice() {
        let item = l.list_item(a);
        let kind = item_kind(&item).map_or(0, |k| k as i64);
        let (k, m) = (l.int(kind), l.int(is_max as i64));
        let bits = l.call_rt(&rt::LIST_MINMAX, vec![*lst, k, m]);
        let v = match slot_type(&item) {
            LlType::Float => l.op(LlOp::BitsToFloat, vec![bits], LlType::Float),
            LlType::Ref => l.op(LlOp::CastIntToPtr, vec![bits], LlType::Ref),
            _ => bits,
        };
        let v = l.from_slot(v, &item);
        return l.convert(v, &item, res);
    }
    // Python keeps the first extreme: max(a, b) is b only if b > a.
    let mut acc = {
        let (v, a) = &pos[0];
        l.convert(*v, a, res)
    };
    for (v, a) in &pos[1..] {
        let v = l.convert(*v, a, res);
        let better = match res {
            Ann::Float => l.op(
                if is_max { LlOp::FloatGt } else { LlOp::FloatLt },
                vec![v, acc],
                LlType::Bool,
            ),
            Ann::Str { .. } => {
                let c = l.call_rt(&rt::STR_CMP, vec![v, acc]);
                let z = l.int(0);
                l.op(
                    if is_max { LlOp::IntGt } else { LlOp::IntLt },
                    vec![c, z],
                    LlType::Bool,
                )
            }
            Ann::Bool(_) => {
                let (x, y) = (
                    l.op(LlOp::CastBoolToInt, vec![v], LlType::Int),
                    l.op(LlOp::CastBoolToInt, vec![acc], LlType::Int),
                );
                l.op(
                    if is_max { LlOp::IntGt } else { LlOp::IntLt },
                    vec![x, y],
                    LlType::Bool,
                )
            }
            _ => l.op(
                if is_max { LlOp::IntGt } else { LlOp::IntLt },
                vec![v, acc],
                LlType::Bool,
            ),
        };
        let t = l.ty(acc);
        acc = l.op(LlOp::Select(t), vec![better, v, acc], t);
    }
    acc
}

/// `math`, `sys` and `time` functions.
fn library(l: &mut Lower, q: &str, pos: &Pos) -> Option<Value> {
    let (module, f) = q.rsplit_once('.')?;
    let float = |l: &mut Lower, k: usize| l.convert(pos[k].0, &pos[k].1, &Ann::Float);
    let v = match (module, f) {
        ("math", "isnan" | "isinf" | "isfinite") => {
            let x = float(l, 0);
            let nan = l.op(LlOp::FloatNe, vec![x, x], LlType::Bool);
            let a = l.op(LlOp::FloatAbs, vec![x], LlType::Float);
            let inf = l.konst(LlConst::Float(f64::INFINITY));
            let isinf = l.op(LlOp::FloatEq, vec![a, inf], LlType::Bool);
            match f {
                "isnan" => nan,
                "isinf" => isinf,
                _ => {
                    let t = l.konst(LlConst::Bool(true));
                    let bad = l.op(
                        LlOp::Select(LlType::Bool),
                        vec![nan, t, isinf],
                        LlType::Bool,
                    );
                    l.op(LlOp::BoolNot, vec![bad], LlType::Bool)
                }
            }
        }
        ("math", _) if pos.len() == 1 => {
            let code = rpyrt::libmath::MATH1.iter().position(|n| *n == f)?;
            let x = float(l, 0);
            let c = l.int(code as i64);
            let r = l.call_rt(&rt::MATH1, vec![c, x]);
            if matches!(f, "floor" | "ceil" | "trunc") {
                l.call_rt(&rt::FLOAT_TO_INT, vec![r])
            } else {
                r
            }
        }
        ("math", _) => {
            let code = rpyrt::libmath::MATH2.iter().position(|n| *n == f)?;
            let (x, y) = (float(l, 0), float(l, 1));
            let c = l.int(code as i64);
            l.call_rt(&rt::MATH2, vec![c, x, y])
        }
        ("sys", "setrecursionlimit") => l.konst(LlConst::Void),
        ("sys", "exit") => {
            let exc = new_exception(
                l,
                "SystemExit",
                pos.first()
                    .cloned()
                    .filter(|(_, a)| !matches!(a, Ann::None)),
            );
            let r = l.new_var(LlType::Void);
            l.ll.push_op_into(l.cur, LlOp::Raise, vec![exc], r, l.span);
            l.end_raising();
            r
        }
        ("sys.stdout" | "sys.stderr", "write") => {
            let fd = l.int(if module == "sys.stdout" { 1 } else { 2 });
            l.call_rt(&rt::WRITE_STR, vec![fd, pos[0].0]);
            l.field(pos[0].0, rpyrt::abi::STR_LEN, LlType::Int)
        }
        ("time", _) => {
            let k = l.int(if f == "time" { 0 } else { 1 });
            l.call_rt(&rt::TIME_NOW, vec![k])
        }
        _ => return None,
    };
    Some(v)
}
