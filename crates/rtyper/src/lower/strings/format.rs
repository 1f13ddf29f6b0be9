//! Lowering of `%`-formatting (the constant format string is compiled into its pieces:
//! literal text and one runtime conversion per `%` field, then joined), f-string fields
//! (`format_value`), and `repr()`.

use super::join_pieces;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::Lower;
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::Value;
use frontend::graph::InstData;
use frontend::ops::{Const, FlowOp};
use rpyrt::str_percent::{parse_format, Piece};

fn lit(l: &mut Lower, s: &str) -> Value {
    l.konst(LlConst::Str(s.to_string()))
}

/// `repr(x)`; a str that may be None reprs as `None`.
pub fn repr(l: &mut Lower, v: Value, a: &Ann) -> Value {
    match a {
        Ann::Str { nullable: true } => {
            let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
            let none = lit(l, "None");
            // The runtime reads a null str as empty; the select picks "None" for it.
            let r = l.call_rt(&rt::STR_REPR, vec![v]);
            l.op(
                LlOp::Select(LlType::Ref),
                vec![isnull, none, r],
                LlType::Ref,
            )
        }
        _ => crate::lower::tuples::repr(l, v, a),
    }
}

fn const_str(l: &Lower, v: Value) -> String {
    match l.hl.const_of(v) {
        Some(Const::Str(s)) => s.clone(),
        _ => String::new(),
    }
}

/// `fmt % args` for a constant format string (the annotator checked it).
pub fn percent(l: &mut Lower, inst: &InstData<FlowOp>, args: Value, aa: &Ann) -> Value {
    let fmt = const_str(l, inst.args[0]);
    let Ok(pieces) = parse_format(&fmt) else {
        l.error("E0352", "internal: bad `%` format string");
        return lit(l, "");
    };
    let values: Vec<(Value, Ann)> = match aa {
        Ann::Tuple(items) => (0..items.len())
            .map(|k| {
                (
                    crate::lower::tuples::item(l, args, items, k),
                    items[k].clone(),
                )
            })
            .collect(),
        a => vec![(args, a.clone())],
    };
    let mut values = values.into_iter();
    let mut parts = vec![];
    for p in pieces {
        let (c, (v, a)) = match p {
            Piece::Lit(s) => {
                parts.push(lit(l, &s));
                continue;
            }
            Piece::Conv(c) => match values.next() {
                Some(x) => (c, x),
                None => break,
            },
        };
        let (v, a) = match (&a, c.ty) {
            (Ann::Optional(inner), t) if !matches!(t, b's' | b'r' | b'a') => {
                let inner = (**inner).clone();
                (crate::lower::optional::unwrap(l, v, &inner), inner)
            }
            _ => (v, a),
        };
        let plain = c.text.len() == 1;
        let spec = lit(l, &c.text);
        let piece = match c.ty {
            b's' | b'r' | b'a' => {
                let s = match c.ty {
                    b's' => crate::lower::builtins::to_str(l, v, &a),
                    b'r' => repr(l, v, &a),
                    _ => {
                        let r = repr(l, v, &a);
                        l.call_rt(&rt::STR_ASCII, vec![r])
                    }
                };
                if plain {
                    s
                } else {
                    l.call_rt(&rt::PERCENT_STR, vec![s, spec])
                }
            }
            b'c' if matches!(a, Ann::Str { .. }) => l.call_rt(&rt::PERCENT_STR, vec![v, spec]),
            b'c' | b'd' | b'i' | b'u' | b'o' | b'x' | b'X' if a.is_int_like() => {
                let i = l.convert(v, &a, &Ann::Int);
                if plain && c.ty != b'c' && matches!(c.ty, b'd' | b'i' | b'u') {
                    l.call_rt(&rt::STR_FROM_INT, vec![i])
                } else {
                    l.call_rt(&rt::PERCENT_INT, vec![i, spec])
                }
            }
            _ => {
                let x = l.convert(v, &a, &Ann::Float);
                l.call_rt(&rt::PERCENT_FLOAT, vec![x, spec])
            }
        };
        parts.push(piece);
    }
    join_pieces(l, parts)
}

/// An f-string field: `format_value(value, conversion, spec)`.
pub fn format_value(l: &mut Lower, inst: &InstData<FlowOp>, v: Value, a: &Ann) -> Value {
    let conv = const_str(l, inst.args[1]);
    let spec = annotator::strings::spec_text(&const_str(l, inst.args[2]));
    let converted = match conv.as_str() {
        "r" => Some(repr(l, v, a)),
        "a" => {
            let r = repr(l, v, a);
            Some(l.call_rt(&rt::STR_ASCII, vec![r]))
        }
        "s" => Some(crate::lower::builtins::to_str(l, v, a)),
        _ => None,
    };
    if spec.is_empty() {
        return match converted {
            Some(s) => s,
            None => crate::lower::builtins::to_str(l, v, a),
        };
    }
    let sp = lit(l, &spec);
    if let Some(s) = converted {
        return l.call_rt(&rt::FORMAT_STR, vec![s, sp]);
    }
    match a {
        Ann::Float => l.call_rt(&rt::FORMAT_FLOAT, vec![v, sp]),
        Ann::Str { .. } => l.call_rt(&rt::FORMAT_STR, vec![v, sp]),
        a => {
            let i = l.convert(v, a, &Ann::Int);
            l.call_rt(&rt::FORMAT_INT, vec![i, sp])
        }
    }
}
