//! Lowering of str method calls: arguments matched to parameters by position or
//! keyword (the annotator checked them), defaults filled in, one runtime call each.

use super::{int_or, nonzero, str_list_item, str_or_null};
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::ops::{Kw, Pos};
use crate::lower::Lower;
use crate::runtime_fns as rt;
use annotator::model::Ann;
use frontend::entities::Value;
use rpyrt::str_case::StrClass;
use rpyrt::str_search::{FIND_RAISE, FIND_REVERSE};
use rpyrt::str_split::{STRIP_LEFT, STRIP_RIGHT};

/// The parameter names of the methods that take keywords or several optional
/// arguments, in order.
fn params(name: &str) -> &'static [&'static str] {
    match name {
        "split" | "rsplit" => &["sep", "maxsplit"],
        "splitlines" => &["keepends"],
        "startswith" | "endswith" => &["prefix", "start", "end"],
        "find" | "rfind" | "index" | "rindex" | "count" => &["sub", "start", "end"],
        "replace" => &["old", "new", "count"],
        "ljust" | "rjust" | "center" => &["width", "fillchar"],
        "strip" | "lstrip" | "rstrip" => &["chars"],
        _ => &["arg"],
    }
}

/// `s.name(pos..., kw...)`.
pub fn call(l: &mut Lower, s: Value, name: &str, pos: Pos, kw: Kw, res: &Ann) -> Value {
    let names = params(name);
    let mut slots: Vec<Option<(Value, Ann)>> = vec![None; names.len().max(pos.len())];
    for (k, p) in pos.into_iter().enumerate() {
        slots[k] = Some(p);
    }
    for (k, v, a) in kw {
        if let Some(i) = names.iter().position(|n| *n == k) {
            slots[i] = Some((v, a));
        }
    }
    let arg = |k: usize| slots.get(k).and_then(|s| s.as_ref());
    let big = i64::MAX;
    match name {
        "split" | "rsplit" => {
            let sep = str_or_null(l, arg(0));
            let max = int_or(l, arg(1), -1);
            let f = if name == "split" {
                &rt::STR_SPLIT
            } else {
                &rt::STR_RSPLIT
            };
            l.call_rt(f, vec![s, sep, max])
        }
        "splitlines" => {
            let keep = int_or(l, arg(0), 0);
            l.call_rt(&rt::STR_SPLITLINES, vec![s, keep])
        }
        "join" => {
            let list = arg(0).map_or_else(|| l.konst(LlConst::Null), |(v, _)| *v);
            l.call_rt(&rt::STR_JOIN, vec![s, list])
        }
        "strip" | "lstrip" | "rstrip" => {
            let set = str_or_null(l, arg(0));
            let mode = match name {
                "lstrip" => STRIP_LEFT,
                "rstrip" => STRIP_RIGHT,
                _ => STRIP_LEFT | STRIP_RIGHT,
            };
            let m = l.int(mode);
            l.call_rt(&rt::STR_STRIP, vec![s, set, m])
        }
        "startswith" | "endswith" => {
            let start = int_or(l, arg(1), 0);
            let end = int_or(l, arg(2), big);
            let at_end = l.int((name == "endswith") as i64);
            let (p, pa) = arg(0).cloned().unwrap_or((s, Ann::Str { nullable: false }));
            let affixes: Vec<Value> = match &pa {
                Ann::Tuple(items) => (0..items.len())
                    .map(|k| crate::lower::tuples::item(l, p, items, k))
                    .collect(),
                _ => vec![p],
            };
            let mut acc = None;
            for x in affixes {
                let r = l.call_rt(&rt::STR_STARTSWITH, vec![s, x, start, end, at_end]);
                acc = Some(match acc {
                    None => r,
                    Some(a) => l.op(LlOp::IntOr, vec![a, r], LlType::Int),
                });
            }
            let r = acc.unwrap_or_else(|| l.int(0));
            nonzero(l, r)
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            let sub = arg(0).map_or_else(|| l.konst(LlConst::Null), |(v, _)| *v);
            let start = int_or(l, arg(1), 0);
            let end = int_or(l, arg(2), big);
            if name == "count" {
                return l.call_rt(&rt::STR_COUNT, vec![s, sub, start, end]);
            }
            let flags = match name {
                "find" => 0,
                "rfind" => FIND_REVERSE,
                "index" => FIND_RAISE,
                _ => FIND_RAISE | FIND_REVERSE,
            };
            let f = l.int(flags);
            l.call_rt(&rt::STR_FIND, vec![s, sub, start, end, f])
        }
        "replace" => {
            let old = arg(0).map_or_else(|| l.konst(LlConst::Null), |(v, _)| *v);
            let new = arg(1).map_or_else(|| l.konst(LlConst::Null), |(v, _)| *v);
            let count = int_or(l, arg(2), -1);
            l.call_rt(&rt::STR_REPLACE, vec![s, old, new, count])
        }
        "lower" | "upper" | "swapcase" | "capitalize" | "title" => {
            let map = ["lower", "upper", "swapcase", "capitalize", "title"]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
            let m = l.int(map as i64);
            l.call_rt(&rt::STR_CASE, vec![s, m])
        }
        "zfill" => {
            let w = int_or(l, arg(0), 0);
            l.call_rt(&rt::STR_ZFILL, vec![s, w])
        }
        "ljust" | "rjust" | "center" => {
            let w = int_or(l, arg(0), 0);
            let fill = match arg(1) {
                Some((v, _)) => *v,
                None => l.konst(LlConst::Str(" ".into())),
            };
            let mode = l.int(
                ["ljust", "rjust", "center"]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(0) as i64,
            );
            l.call_rt(&rt::STR_PAD, vec![s, w, fill, mode])
        }
        "partition" | "rpartition" => {
            let sep = arg(0).map_or_else(|| l.konst(LlConst::Null), |(v, _)| *v);
            let rev = l.int((name == "rpartition") as i64);
            let list = l.call_rt(&rt::STR_PARTITION, vec![s, sep, rev]);
            let parts: Vec<Value> = (0..3).map(|k| str_list_item(l, list, k)).collect();
            let str_ann = Ann::Str { nullable: false };
            crate::lower::tuples::newtuple(
                l,
                &parts,
                &[str_ann.clone(), str_ann.clone(), str_ann],
                res,
            )
        }
        n => match StrClass::from_method(n) {
            Some(c) => {
                let k = l.int(c as i64);
                let r = l.call_rt(&rt::STR_IS, vec![s, k]);
                nonzero(l, r)
            }
            None => {
                l.error("E0351", format!("internal: str method `{n}`"));
                l.konst(LlConst::Void)
            }
        },
    }
}
