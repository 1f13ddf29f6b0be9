//! Keys and entries: lookups and insertions (one runtime call for int, float, str and
//! identity keys; a probe loop in generated code for Custom keys), loads and stores of
//! the entry words, and the hashing, equality and KeyError of keys.

use super::{block, branch, goto, DictInfo};
use crate::lltype::{LlConst, LlOp, LlType};
use crate::lower::Lower;
use crate::repr::slot_type;
use crate::runtime_fns as rt;
use annotator::dictdef::custom_instance;
use annotator::model::{Ann, ClassRef};
use frontend::entities::Value;
use rpyrt::abi::{KeyKind, DICT_ENTRIES, ENTRY_HASH, ENTRY_KEY, ENTRY_VALUE, ENTRY_WORDS};

/// The array index of word `word` of entry `idx`.
fn word_index(l: &mut Lower, idx: Value, word: i64) -> Value {
    let w = l.int(ENTRY_WORDS);
    let base = l.op(LlOp::IntMul, vec![idx, w], LlType::Int);
    if word == 0 {
        return base;
    }
    let o = l.int(word);
    l.op(LlOp::IntAdd, vec![base, o], LlType::Int)
}

/// The raw word `word` of entry `idx` of dict `d`, as `t`.
pub fn entry_word(l: &mut Lower, d: Value, idx: Value, word: i64, t: LlType) -> Value {
    let ents = l.field(d, DICT_ENTRIES, LlType::Ref);
    let i = word_index(l, idx, word);
    l.op(LlOp::GetArrayItem(t), vec![ents, i], t)
}

/// The stored hash of entry `idx` (`DELETED_HASH` for a deleted entry).
pub fn hash_at(l: &mut Lower, d: Value, idx: Value) -> Value {
    entry_word(l, d, idx, ENTRY_HASH, LlType::Int)
}

/// The key of entry `idx`, in the key annotation's representation.
pub fn key_at(l: &mut Lower, d: Value, idx: Value, info: &DictInfo) -> Value {
    let st = slot_type(&info.key);
    let v = entry_word(l, d, idx, ENTRY_KEY, st);
    l.from_slot(v, &info.key)
}

/// The value of entry `idx`, in the value annotation's representation.
pub fn value_at(l: &mut Lower, d: Value, idx: Value, info: &DictInfo) -> Value {
    let st = slot_type(&info.value);
    let v = entry_word(l, d, idx, ENTRY_VALUE, st);
    l.from_slot(v, &info.value)
}

/// Stores `v` (of annotation `from`) as the value of entry `idx`.
pub fn set_value_at(l: &mut Lower, d: Value, idx: Value, v: Value, from: &Ann, info: &DictInfo) {
    if info.is_set {
        return;
    }
    let s = l.to_slot(v, from, &info.value);
    let ents = l.field(d, DICT_ENTRIES, LlType::Ref);
    let i = word_index(l, idx, ENTRY_VALUE);
    let st = slot_type(&info.value);
    l.op(LlOp::SetArrayItem(st), vec![ents, i, s], LlType::Void);
}

/// The 8-byte slot bits of a key already in the key annotation's representation.
pub fn bits(l: &mut Lower, k: Value, key: &Ann) -> Value {
    let s = l.to_slot(k, key, key);
    match l.ty(s) {
        LlType::Float => l.op(LlOp::FloatToBits, vec![s], LlType::Int),
        LlType::Ref => l.op(LlOp::CastPtrToInt, vec![s], LlType::Int),
        _ => s,
    }
}

/// The entry index of key `k` (in the key representation) in `d`, or -1.
pub fn lookup(l: &mut Lower, d: Value, k: Value, info: &DictInfo) -> Value {
    if info.kind == KeyKind::Custom {
        return custom_find(l, d, k, info).0;
    }
    let b = bits(l, k, &info.key);
    l.call_rt(&rt::DICT_LOOKUP, vec![d, b])
}

/// The entry index of key `k` in `d`, inserting it when absent; and whether it was
/// inserted (a Bool value).
pub fn store(l: &mut Lower, d: Value, k: Value, info: &DictInfo) -> (Value, Value) {
    let b = bits(l, k, &info.key);
    if info.kind != KeyKind::Custom {
        let before = l.field(d, rpyrt::abi::DICT_LENGTH, LlType::Int);
        let idx = l.call_rt(&rt::DICT_STORE, vec![d, b]);
        let after = l.field(d, rpyrt::abi::DICT_LENGTH, LlType::Int);
        let new = l.op(LlOp::IntNe, vec![before, after], LlType::Bool);
        return (idx, new);
    }
    let (found, h) = custom_find(l, d, k, info);
    let z = l.int(0);
    let missing = l.op(LlOp::IntLt, vec![found, z], LlType::Bool);
    let (ins, join) = (l.ll.new_block(), l.ll.new_block());
    let (_, ps) = block(l, join, &[LlType::Int, LlType::Bool]);
    let f = l.konst(LlConst::Bool(false));
    branch(l, missing, ins, vec![], join, vec![found, f]);
    l.cur = ins;
    let idx = l.call_rt(&rt::DICT_INSERT_HASHED, vec![d, h, b]);
    let t = l.konst(LlConst::Bool(true));
    goto(l, join, vec![idx, t]);
    l.cur = join;
    (ps[0], ps[1])
}

/// A Custom-key lookup: hashes `k`, then probes the entries of equal hash, comparing
/// keys in generated code. Returns the entry index (or -1) and the hash.
fn custom_find(l: &mut Lower, d: Value, k: Value, info: &DictInfo) -> (Value, Value) {
    let h = hash(l, k, &info.key, 0);
    let n = l.int(3);
    let st = l.op(LlOp::StackAlloc, vec![n], LlType::Ref);
    let z = l.int(0);
    for off in [0, 8, 16] {
        l.set_field(st, off, LlType::Int, z);
    }
    let (head, cmp, done) = (l.ll.new_block(), l.ll.new_block(), l.ll.new_block());
    let (_, r) = block(l, done, &[LlType::Int]);
    goto(l, head, vec![]);
    l.cur = head;
    let idx = l.call_rt(&rt::DICT_PROBE, vec![d, h, st]);
    let neg = l.op(LlOp::IntLt, vec![idx, z], LlType::Bool);
    branch(l, neg, done, vec![idx], cmp, vec![]);
    l.cur = cmp;
    let k2 = key_at(l, d, idx, info);
    let same = eq(l, k, k2, &info.key, 0);
    branch(l, same, done, vec![idx], head, vec![]);
    l.cur = done;
    (r[0], h)
}

/// `hash(k)` for a Custom key (or a part of one), as generated code.
pub fn hash(l: &mut Lower, k: Value, ann: &Ann, depth: u32) -> Value {
    let simple = |l: &mut Lower, kind: KeyKind| {
        let b = bits(l, k, ann);
        let kd = l.int(kind as i64);
        l.call_rt(&rt::HASH_ITEM, vec![b, kd])
    };
    match ann {
        Ann::Float => simple(l, KeyKind::Float),
        Ann::Str { .. } => simple(l, KeyKind::Str),
        Ann::Instance {
            class: ClassRef::User(c),
            nullable,
        } if custom_instance(l.snapshot, &l.p.classdefs, *c) => {
            let recv = Ann::Instance {
                class: ClassRef::User(*c),
                nullable: false,
            };
            null_or(
                l,
                k,
                *nullable,
                LlType::Int,
                LlConst::Int(0x6e6f6e65),
                |l| super::call_user(l, k, &recv, "__hash__", vec![], &Ann::Int),
            )
        }
        Ann::Instance { .. } => simple(l, KeyKind::Ident),
        Ann::Tuple(items) => super::tuples::hash(l, k, items, depth),
        _ => simple(l, KeyKind::Int),
    }
}

/// `a == b` for two keys of annotation `ann` (identical keys are equal, as in CPython's
/// lookups), as generated code.
pub fn eq(l: &mut Lower, a: Value, b: Value, ann: &Ann, depth: u32) -> Value {
    match ann {
        Ann::Int | Ann::Bool(_) => {
            let (x, y) = (l.convert(a, ann, &Ann::Int), l.convert(b, ann, &Ann::Int));
            l.op(LlOp::IntEq, vec![x, y], LlType::Bool)
        }
        Ann::Float => {
            let feq = l.op(LlOp::FloatEq, vec![a, b], LlType::Bool);
            let (x, y) = (bits(l, a, ann), bits(l, b, ann));
            let same = l.op(LlOp::IntEq, vec![x, y], LlType::Bool);
            let t = l.konst(LlConst::Bool(true));
            l.op(LlOp::Select(LlType::Bool), vec![feq, t, same], LlType::Bool)
        }
        Ann::Str { nullable } => {
            let same = l.op(LlOp::PtrEq, vec![a, b], LlType::Bool);
            or_else(l, same, |l| {
                both_nonnull(l, a, b, *nullable, |l| {
                    let r = l.call_rt(&rt::STR_EQ, vec![a, b]);
                    let z = l.int(0);
                    l.op(LlOp::IntNe, vec![r, z], LlType::Bool)
                })
            })
        }
        Ann::Instance {
            class: ClassRef::User(c),
            nullable,
        } if custom_instance(l.snapshot, &l.p.classdefs, *c) => {
            let recv = Ann::Instance {
                class: ClassRef::User(*c),
                nullable: false,
            };
            let same = l.op(LlOp::PtrEq, vec![a, b], LlType::Bool);
            or_else(l, same, |l| {
                both_nonnull(l, a, b, *nullable, |l| {
                    super::call_user(
                        l,
                        a,
                        &recv,
                        "__eq__",
                        vec![(b, recv.clone())],
                        &Ann::Bool(None),
                    )
                })
            })
        }
        Ann::Instance { .. } => l.op(LlOp::PtrEq, vec![a, b], LlType::Bool),
        Ann::Tuple(items) => super::tuples::eq(l, a, b, items, depth, true),
        // Function pointers and other references by identity; None equals None.
        _ if crate::repr::ll_type(ann) == LlType::Ref => {
            l.op(LlOp::PtrEq, vec![a, b], LlType::Bool)
        }
        _ => l.konst(LlConst::Bool(true)),
    }
}

/// `first || rest()`, evaluating `rest` only when `first` is false.
pub fn or_else(l: &mut Lower, first: Value, rest: impl FnOnce(&mut Lower) -> Value) -> Value {
    let (more, join) = (l.ll.new_block(), l.ll.new_block());
    let (_, r) = block(l, join, &[LlType::Bool]);
    let t = l.konst(LlConst::Bool(true));
    branch(l, first, join, vec![t], more, vec![]);
    l.cur = more;
    let v = rest(l);
    goto(l, join, vec![v]);
    l.cur = join;
    r[0]
}

/// `a is not None and b is not None and then()` (just `then()` when not nullable).
fn both_nonnull(
    l: &mut Lower,
    a: Value,
    b: Value,
    nullable: bool,
    then: impl FnOnce(&mut Lower) -> Value,
) -> Value {
    if !nullable {
        return then(l);
    }
    let (an, bn) = (
        l.op(LlOp::PtrIsNull, vec![a], LlType::Bool),
        l.op(LlOp::PtrIsNull, vec![b], LlType::Bool),
    );
    let t = l.konst(LlConst::Bool(true));
    let either = l.op(LlOp::Select(LlType::Bool), vec![an, t, bn], LlType::Bool);
    let (go, join) = (l.ll.new_block(), l.ll.new_block());
    let (_, r) = block(l, join, &[LlType::Bool]);
    let f = l.konst(LlConst::Bool(false));
    branch(l, either, join, vec![f], go, vec![]);
    l.cur = go;
    let v = then(l);
    goto(l, join, vec![v]);
    l.cur = join;
    r[0]
}

/// `if v is None: dflt else then()` for a nullable reference (just `then()` otherwise).
pub fn null_or(
    l: &mut Lower,
    v: Value,
    nullable: bool,
    t: LlType,
    dflt: LlConst,
    then: impl FnOnce(&mut Lower) -> Value,
) -> Value {
    if !nullable {
        return then(l);
    }
    let isnull = l.op(LlOp::PtrIsNull, vec![v], LlType::Bool);
    let (go, join) = (l.ll.new_block(), l.ll.new_block());
    let (_, r) = block(l, join, &[t]);
    let d = l.konst(dflt);
    branch(l, isnull, join, vec![d], go, vec![]);
    l.cur = go;
    let x = then(l);
    goto(l, join, vec![x]);
    l.cur = join;
    r[0]
}

/// Raises `KeyError(k)`: its message is `repr(k)`, as CPython prints it. Ends the block.
pub fn raise_key_error(l: &mut Lower, k: Value, key: &Ann) {
    let msg = super::repr::repr(l, k, key, 0);
    raise_with(l, "KeyError", msg);
}

/// Raises builtin exception `exc` with the str `msg` (ends the block).
pub fn raise_with(l: &mut Lower, exc: &str, msg: Value) {
    let idx = rpyrt::abi::builtin_exception_index(exc).expect("builtin exception") as i64;
    let i = l.int(idx);
    let fv = l.konst(LlConst::Runtime(&rt::RAISE_BUILTIN_STR));
    let r = l.new_var(LlType::Void);
    let span = l.span;
    l.ll.push_op_into(l.cur, LlOp::CallRuntime, vec![fv, i, msg], r, span);
    l.end_raising();
}

/// Continues when `missing` is false; raises KeyError(k) otherwise.
pub fn key_error_if(l: &mut Lower, missing: Value, k: Value, key: &Ann) {
    let (err, ok) = (l.ll.new_block(), l.ll.new_block());
    branch(l, missing, err, vec![], ok, vec![]);
    l.cur = err;
    raise_key_error(l, k, key);
    l.cur = ok;
}
