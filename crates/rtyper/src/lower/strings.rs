//! Lowering of str methods ([`methods`]), slicing, `%`-formatting and f-strings
//! ([`format`]), the str builtins (`chr`, `ord`, `repr`, `ascii`, `hex`, `oct`, `bin`)
//! and `rpy.rstring.StringBuilder`. Everything but the builder's length is a runtime
//! call (crates/runtime: str_search, str_split, str_case, str_slice, str_format,
//! str_percent, str_builder).

mod format;
mod methods;

use super::ops::{Kw, Pos};
use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::{Inst, Value};
use frontend::graph::InstData;
use frontend::ops::FlowOp;
use rpyrt::abi::{LIST_ITEMS, SB_LENGTH};
use rpyrt::str_slice::{HAS_START, HAS_STOP};

pub use format::repr;

/// Lowers operation `i` when it is a str-specific one (slicing, formatting, builder
/// calls); `None` leaves it to the generic lowering.
pub fn try_lower(
    l: &mut Lower,
    _i: Inst,
    inst: &InstData<FlowOp>,
    args: &[Value],
    anns: &[Ann],
    _res: &Ann,
) -> Option<Value> {
    match inst.op {
        FlowOp::GetSlice => Some(match &anns[0] {
            Ann::Tuple(items) => {
                let picked = annotator::strings::tuple_slice(l.hl, &inst.args, items.len())
                    .unwrap_or_default();
                let vals: Vec<Value> = picked
                    .iter()
                    .map(|&k| super::tuples::item(l, args[0], items, k))
                    .collect();
                let anns: Vec<Ann> = picked.iter().map(|&k| items[k].clone()).collect();
                super::tuples::newtuple(l, &vals, &anns, _res)
            }
            _ => getslice(l, args, anns),
        }),
        FlowOp::FormatValue => Some(format::format_value(l, inst, args[0], &anns[0])),
        FlowOp::BuildString => Some(join_pieces(l, args.to_vec())),
        FlowOp::Mod if matches!(anns[0], Ann::Str { nullable: false }) => {
            Some(format::percent(l, inst, args[1], &anns[1]))
        }
        FlowOp::SimpleCall => match anns.first()? {
            Ann::BoundMethod { receiver, name } if **receiver == Ann::StrBuilder => {
                let name = name.clone();
                let pos: Vec<(Value, Ann)> = args[1..]
                    .iter()
                    .copied()
                    .zip(anns[1..].iter().cloned())
                    .collect();
                Some(builder_call(l, args[0], &name, pos))
            }
            _ => None,
        },
        _ => None,
    }
}

/// An int argument, or `default` when it is absent or None.
pub(crate) fn int_or(l: &mut Lower, a: Option<&(Value, Ann)>, default: i64) -> Value {
    match a {
        None | Some((_, Ann::None)) => l.int(default),
        Some((v, a)) => l.convert(*v, a, &Ann::Int),
    }
}

/// A str argument, or null when it is absent or None.
pub(crate) fn str_or_null(l: &mut Lower, a: Option<&(Value, Ann)>) -> Value {
    match a {
        None | Some((_, Ann::None)) => l.konst(LlConst::Null),
        Some((v, _)) => *v,
    }
}

/// An i64 result of a runtime predicate as a bool.
pub(crate) fn nonzero(l: &mut Lower, v: Value) -> Value {
    let z = l.int(0);
    l.op(LlOp::IntNe, vec![v, z], LlType::Bool)
}

/// A slice bound: its value (`default` for None) and whether it was given, as an int
/// 0/1 (known statically unless the bound is an int that may be None).
fn bound(l: &mut Lower, v: Value, a: &Ann, default: i64) -> (Value, Value) {
    match a {
        Ann::None => (l.int(default), l.int(0)),
        Ann::Optional(inner) => {
            let inner = (**inner).clone();
            let d = l.int(default);
            let x = super::optional::if_nonnull(l, v, LlType::Int, d, |l| {
                let x = super::optional::load(l, v, &inner);
                l.convert(x, &inner, &Ann::Int)
            });
            let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
            let given = l.op(LlOp::BoolNot, vec![isnull], LlType::Bool);
            (x, l.op(LlOp::CastBoolToInt, vec![given], LlType::Int))
        }
        a => (l.convert(v, a, &Ann::Int), l.int(1)),
    }
}

/// `x[start:stop:step]` for strs and lists (missing or None bounds are mask bits).
fn getslice(l: &mut Lower, args: &[Value], anns: &[Ann]) -> Value {
    let (start, has_start) = bound(l, args[1], &anns[1], 0);
    let (stop, has_stop) = bound(l, args[2], &anns[2], 0);
    let (step, _) = bound(l, args[3], &anns[3], 1);
    let m = match (l.ll.const_of(has_start), l.ll.const_of(has_stop)) {
        (Some(LlConst::Int(a)), Some(LlConst::Int(b))) => {
            let (a, b) = (*a, *b);
            l.int(a * HAS_START | b * HAS_STOP)
        }
        _ => {
            let b = l.int(HAS_STOP);
            let stop_bit = l.op(LlOp::IntMul, vec![has_stop, b], LlType::Int);
            l.op(LlOp::IntOr, vec![has_start, stop_bit], LlType::Int)
        }
    };
    let f = match anns[0] {
        Ann::List { .. } => &rt::LIST_GETSLICE,
        _ => &rt::STR_GETSLICE,
    };
    l.call_rt(f, vec![args[0], start, stop, step, m])
}

/// A new list holding the str values `parts`.
pub(crate) fn str_list(l: &mut Lower, parts: &[Value]) -> Value {
    let n = l.int(parts.len() as i64);
    let refs = l.int(1);
    let list = l.call_rt(&rt::LIST_NEW, vec![n, refs]);
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    for (k, &p) in parts.iter().enumerate() {
        let kv = l.int(k as i64);
        l.op(
            LlOp::SetArrayItem(LlType::Ref),
            vec![items, kv, p],
            LlType::Void,
        );
    }
    list
}

/// Item `k` of a list of strs (known to be in range).
pub(crate) fn str_list_item(l: &mut Lower, list: Value, k: i64) -> Value {
    let items = l.field(list, LIST_ITEMS, LlType::Ref);
    let kv = l.int(k);
    l.op(
        LlOp::GetArrayItem(LlType::Ref),
        vec![items, kv],
        LlType::Ref,
    )
}

/// The concatenation of the str values `parts` (one join for three or more).
pub(crate) fn join_pieces(l: &mut Lower, parts: Vec<Value>) -> Value {
    match parts.as_slice() {
        [] => l.konst(LlConst::Str(String::new())),
        [one] => *one,
        [a, b] => l.call_rt(&rt::STR_CONCAT, vec![*a, *b]),
        _ => {
            let list = str_list(l, &parts);
            let empty = l.konst(LlConst::Str(String::new()));
            l.call_rt(&rt::STR_JOIN, vec![empty, list])
        }
    }
}

fn builder_call(l: &mut Lower, sb: Value, name: &str, pos: Pos) -> Value {
    let arg = |l: &mut Lower, k: usize| -> Value {
        let (v, a) = pos[k].clone();
        if a.is_int_like() {
            l.convert(v, &a, &Ann::Int)
        } else {
            v
        }
    };
    match name {
        "append" => {
            let s = arg(l, 0);
            l.call_rt(&rt::SB_APPEND, vec![sb, s]);
        }
        "append_slice" => {
            let (s, a, b) = (arg(l, 0), arg(l, 1), arg(l, 2));
            l.call_rt(&rt::SB_APPEND_SLICE, vec![sb, s, a, b]);
        }
        "append_charpsize" => {
            let (s, n) = (arg(l, 0), arg(l, 1));
            let z = l.int(0);
            l.call_rt(&rt::SB_APPEND_SLICE, vec![sb, s, z, n]);
        }
        "append_multiple_char" => {
            let (c, n) = (arg(l, 0), arg(l, 1));
            l.call_rt(&rt::SB_APPEND_MULTIPLE_CHAR, vec![sb, c, n]);
        }
        "getlength" => return l.field(sb, SB_LENGTH, LlType::Int),
        "build" => return l.call_rt(&rt::SB_BUILD, vec![sb]),
        _ => l.error("E0350", format!("internal: StringBuilder method `{name}`")),
    }
    l.konst(LlConst::Void)
}

/// Lowers a builtin call that is about strs (`chr`, `ord`, `repr`...).
pub fn try_builtin(l: &mut Lower, q: &str, pos: &Pos, kw: &Kw, _res: &Ann) -> Option<Value> {
    if q == "rpy.rstring.StringBuilder" {
        let from_kw = kw.first().map(|(_, v, a)| (*v, a.clone()));
        let hint = int_or(l, pos.first().or(from_kw.as_ref()), -1);
        return Some(l.call_rt(&rt::SB_NEW, vec![hint]));
    }
    let name = q.strip_prefix("builtins.")?;
    let (v, a) = match pos.as_slice() {
        [(v, a)] => (*v, a.clone()),
        _ => return None,
    };
    Some(match name {
        "chr" => {
            let i = l.convert(v, &a, &Ann::Int);
            l.call_rt(&rt::CHR, vec![i])
        }
        "ord" => l.call_rt(&rt::ORD, vec![v]),
        "repr" => repr(l, v, &a),
        "ascii" => {
            let r = repr(l, v, &a);
            l.call_rt(&rt::STR_ASCII, vec![r])
        }
        "hex" | "oct" | "bin" => {
            let i = l.convert(v, &a, &Ann::Int);
            let spec = l.konst(LlConst::Str(format!("#{}", &name[..1].replace('h', "x"))));
            l.call_rt(&rt::FORMAT_INT, vec![i, spec])
        }
        _ => return None,
    })
}

/// `s.name(args)` for a str `s`.
pub fn call_method(
    l: &mut Lower,
    recv: Value,
    _ra: &Ann,
    name: &str,
    pos: Pos,
    kw: Kw,
    res: &Ann,
) -> Value {
    methods::call(l, recv, name, pos, kw, res)
}
