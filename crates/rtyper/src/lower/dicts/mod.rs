//! Lowering of dicts and sets.
//!
//! A dict (or set, whose entries leave the value word unused) is a pointer to the
//! runtime's table (`runtime/src/dict.rs`, layout in `abi`); views (`d.keys()`...) are
//! the dict pointer itself; iterators are stack structs `{dict, position, length at
//! start, entries left}` as list iterators are.
//!
//! Division of labour (see the runtime module for the table itself):
//! - inline low-level operations: `len`, truth, value loads and stores (a lookup gives
//!   an entry index; the value is `entries[3 i + 2]`, typed by the value annotation),
//!   iteration over the entries array (with CPython's "changed size during iteration"
//!   checks);
//! - one runtime call per lookup or insertion of int, float, str and identity keys;
//! - Custom keys (tuples, instances with `__eq__`/`__hash__`): the hash and the key
//!   comparison are generated code ([`table`]) around the runtime's probe, so a user
//!   `__eq__` that raises is an ordinary call here;
//! - `repr`, `==` between dicts, set algebra, `list(d)`, `update`: generated loops
//!   ([`repr`], [`methods`], [`iter`]); `print` gets the pieces of a repr as a list of
//!   strs, joined by the runtime in one pass.
//!
//! Prebuilt dicts are empty dict objects in static data, filled by a startup graph
//! ([`prebuilt`]) that `main` runs first, so identity-hashed and `__hash__` keys work.

mod iter;
mod methods;
mod prebuilt;
mod repr;
mod table;
mod tuples;

pub use methods::{call_method, try_builtin};
pub use prebuilt::init_graph;
pub use repr::to_str;

use super::Lower;
use crate::lltype::{LlConst, LlOp, LlType};
use crate::runtime_fns as rt;
use annotator::dicts::is_dict;
use annotator::model::{Ann, DictPart};
use frontend::entities::{Block, Inst, Value};
use frontend::graph::{Exit, Handler, InstData, Link};
use frontend::ops::FlowOp;
use rpyrt::abi::{KeyKind, DICT_LENGTH};

/// What the rtyper needs to know about a dict, set, view or iterator annotation.
#[derive(Clone, Debug)]
pub struct DictInfo {
    pub key: Ann,
    pub value: Ann,
    pub kind: KeyKind,
    pub is_set: bool,
    pub part: DictPart,
    pub nullable: bool,
    /// A view (`d.keys()`...), which prints as `dict_keys([...])`.
    pub view: bool,
}

impl DictInfo {
    /// The dict's kind word: its key kind, and whether its values are GC references.
    pub fn kind_word(&self) -> i64 {
        let value_refs = !self.is_set && crate::repr::is_gc(&self.value);
        self.kind as i64
            | if value_refs {
                rpyrt::dict::VALUE_REFS
            } else {
                0
            }
    }
}

pub fn info(l: &Lower, a: &Ann) -> Option<DictInfo> {
    let (def, is_set, part, nullable) = match a {
        Ann::Dict { def, nullable } => (*def, false, DictPart::Keys, *nullable),
        Ann::Set { def, nullable } => (*def, true, DictPart::SetItems, *nullable),
        Ann::DictView { def, part } | Ann::DictIter { def, part } => {
            (*def, *part == DictPart::SetItems, *part, false)
        }
        _ => return None,
    };
    let defs = &l.p.dicts.defs;
    let key = defs.key(def);
    let kind = annotator::dictdef::key_kind(l.snapshot, &l.p.classdefs, &key);
    Some(DictInfo {
        key,
        value: if is_set {
            Ann::Impossible
        } else {
            defs.value(def)
        },
        kind,
        is_set,
        part,
        nullable,
        view: matches!(a, Ann::DictView { .. }),
    })
}

/// Adds parameters of types `ts` to block `b`.
pub fn block(l: &mut Lower, b: Block, ts: &[LlType]) -> (Block, Vec<Value>) {
    let ps = ts
        .iter()
        .map(|&t| {
            let p = l.ll.add_param(b, None);
            l.types.insert(p, t);
            p
        })
        .collect();
    (b, ps)
}

pub fn goto(l: &mut Lower, target: Block, args: Vec<Value>) {
    l.ll.set_exit(l.cur, Exit::Goto(Link { target, args }));
}

pub fn branch(l: &mut Lower, cond: Value, t: Block, ta: Vec<Value>, f: Block, fa: Vec<Value>) {
    l.ll.set_exit(
        l.cur,
        Exit::Branch {
            cond,
            if_true: Link {
                target: t,
                args: ta,
            },
            if_false: Link {
                target: f,
                args: fa,
            },
        },
    );
}

/// Calls a user method (`__hash__`, `__eq__`, `__repr__`) on a non-None instance.
pub fn call_user(
    l: &mut Lower,
    recv: Value,
    ra: &Ann,
    name: &str,
    pos: Vec<(Value, Ann)>,
    res: &Ann,
) -> Value {
    super::instances::call_method(l, recv, ra, name, pos, vec![], res)
}

/// `repr(v)` for a value of annotation `a` (as dicts print their keys and values).
pub fn repr_value(l: &mut Lower, v: Value, a: &Ann) -> Value {
    repr::repr(l, v, a, 0)
}

/// A new empty dict for annotation `a`.
pub fn new_dict(l: &mut Lower, info: &DictInfo) -> Value {
    let k = l.int(info.kind_word());
    l.call_rt(&rt::DICT_NEW, vec![k])
}

/// Lowers operation `i` when a dict or set is its subject; `None` leaves it to the
/// generic lowering.
pub fn try_lower(
    l: &mut Lower,
    _i: Inst,
    inst: &InstData<FlowOp>,
    args: &[Value],
    anns: &[Ann],
    res: &Ann,
) -> Option<Value> {
    use FlowOp::*;
    let first = anns.first().is_some_and(is_dict);
    let any = anns.iter().any(is_dict);
    Some(match inst.op {
        NewDict => {
            let inf = info(l, res)?;
            let d = new_dict(l, &inf);
            for k in (0..args.len()).step_by(2) {
                methods::setitem(l, d, &inf, (args[k], &anns[k]), (args[k + 1], &anns[k + 1]));
            }
            d
        }
        GetItem if first => {
            let inf = info(l, &anns[0])?;
            let k = l.convert(args[1], &anns[1], &inf.key);
            let idx = table::lookup(l, args[0], k, &inf);
            let z = l.int(0);
            let missing = l.op(LlOp::IntLt, vec![idx, z], LlType::Bool);
            table::key_error_if(l, missing, k, &inf.key);
            let v = table::value_at(l, args[0], idx, &inf);
            l.convert(v, &inf.value, res)
        }
        SetItem if first => {
            let inf = info(l, &anns[0])?;
            methods::setitem(l, args[0], &inf, (args[1], &anns[1]), (args[2], &anns[2]));
            l.konst(LlConst::Void)
        }
        DelItem if first => {
            let inf = info(l, &anns[0])?;
            methods::remove(l, args[0], &inf, args[1], &anns[1]);
            l.konst(LlConst::Void)
        }
        Contains if first => {
            let inf = info(l, &anns[0])?;
            if inf.part == DictPart::Values {
                iter::values_contain(l, args[0], &inf, args[1], &anns[1])
            } else {
                let k = l.convert(args[1], &anns[1], &inf.key);
                let idx = table::lookup(l, args[0], k, &inf);
                let z = l.int(0);
                l.op(LlOp::IntGe, vec![idx, z], LlType::Bool)
            }
        }
        Iter if first => iter::iter(l, args[0]),
        Bool if first => truth(l, args[0], &anns[0]),
        Not if first => {
            let t = truth(l, args[0], &anns[0]);
            l.op(LlOp::BoolNot, vec![t], LlType::Bool)
        }
        Eq | Ne | Lt | Le | Gt | Ge if any => {
            methods::compare(l, inst.op, (args[0], &anns[0]), (args[1], &anns[1]))
        }
        And | Or | Sub | Xor if any => {
            let inf = info(l, res)?;
            methods::set_operator(l, inst.op, args[0], args[1], &inf)
        }
        Next if first => {
            l.error(
                "E0342",
                "next() on a dict iterator outside a `for` loop is not supported",
            );
            l.konst(LlConst::Void)
        }
        _ => return None,
    })
}

/// `len(d)` for a dict, set or view.
pub fn len(l: &mut Lower, d: Value) -> Value {
    l.field(d, DICT_LENGTH, LlType::Int)
}

/// The truth value of a dict or set (None is false).
pub fn truth(l: &mut Lower, d: Value, a: &Ann) -> Value {
    let nullable = info(l, a).is_some_and(|i| i.nullable);
    table::null_or(l, d, nullable, LlType::Bool, LlConst::Bool(false), |l| {
        let n = len(l, d);
        let z = l.int(0);
        l.op(LlOp::IntNe, vec![n, z], LlType::Bool)
    })
}

/// A `for` loop's `next` over a dict or set iterator; `None` when not one.
pub fn lower_loop_next(
    l: &mut Lower,
    i: Inst,
    normal: Option<&Link>,
    handlers: &[Handler],
) -> Option<bool> {
    let inst = l.hl.insts[i].clone();
    let it_ann = l.ann(inst.args[0]);
    let inf = info(l, &it_ann)?;
    Some(iter::loop_next(l, &inst, &inf, normal, handlers))
}
