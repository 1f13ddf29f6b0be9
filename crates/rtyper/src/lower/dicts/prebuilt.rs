//! Prebuilt dicts and sets (made at import time): each is an empty dict object in static
//! data (`LlConst::PrebuiltDict`), filled by one startup graph that `main` runs before
//! the entry point, inserting the items in their CPython order through the ordinary
//! insertion path. So keys hashed by identity or by a user `__hash__` get the hashes of
//! this run, and the dicts stay mutable.

use super::{info, methods::setitem};
use crate::classes::ClassTable;
use crate::lltype::{LlConst, LlGraph};
use crate::lower::Lower;
use crate::{LlFunction, PrebuiltDict};
use annotator::driver::obj_const;
use annotator::model::Ann;
use annotator::Program;
use frontend::diag::Diagnostic;
use frontend::entities::ObjId;
use frontend::graph::Exit;
use frontend::prebuilt::{Obj, Snapshot};

/// The startup graph and the static dict objects, or nothing without prebuilt dicts.
pub fn init_graph(
    p: &Program,
    snapshot: &Snapshot,
    classes: &ClassTable,
) -> (Option<LlFunction>, Vec<PrebuiltDict>, Vec<Diagnostic>) {
    let mut objs: Vec<(ObjId, annotator::model::DictDefId)> =
        p.dicts.prebuilt.iter().map(|(&o, &d)| (o, d)).collect();
    if objs.is_empty() {
        return (None, vec![], vec![]);
    }
    objs.sort();
    let mut l = Lower::new(p, snapshot, classes, p.entry);
    l.ll = LlGraph::new("prebuilt_dicts".into(), l.span);
    l.cur = l.ll.entry;
    let mut out = vec![];
    for (o, def) in objs {
        let (items, ann): (Vec<(ObjId, Option<ObjId>)>, Ann) = match &snapshot.objects[o] {
            Obj::Dict { items } => (
                items.iter().map(|&(k, v)| (k, Some(v))).collect(),
                Ann::Dict {
                    def,
                    nullable: false,
                },
            ),
            Obj::Set { items } => (
                items.iter().map(|&k| (k, None)).collect(),
                Ann::Set {
                    def,
                    nullable: false,
                },
            ),
            _ => continue,
        };
        let inf = info(&l, &ann).expect("dict annotation");
        out.push(PrebuiltDict {
            obj: o,
            kind: inf.kind_word(),
        });
        let d = l.konst(LlConst::PrebuiltDict(o));
        for (k, v) in items {
            let (kv, ka) = constant(&mut l, k);
            let (vv, va) = match v {
                Some(v) => constant(&mut l, v),
                None => (l.konst(LlConst::Void), Ann::None),
            };
            setitem(&mut l, d, &inf, (kv, &ka), (vv, &va));
        }
    }
    let ret = l.konst(LlConst::Void);
    l.ll.set_exit(l.cur, Exit::Return(ret));
    let f = LlFunction {
        graph: l.ll,
        types: l.types,
        params: vec![],
        ret: crate::lltype::LlType::Void,
    };
    (Some(f), out, l.diags)
}

fn constant(l: &mut Lower, o: ObjId) -> (frontend::entities::Value, Ann) {
    let c = obj_const(l.snapshot, o);
    let a = l.p.ann_of_const(&c, l.snapshot);
    (l.const_value(&c), a)
}
