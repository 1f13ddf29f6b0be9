//! Rewrites annotated flow graphs into low-level graphs.
//!
//! Each flow block becomes a chain of low-level blocks: an operation that needs control
//! flow (a bounds check, a zero-division check, a list append's growth) ends the current
//! low-level block and continues in a new one. Inside `try`, every low-level operation that
//! can raise ends its block with a guarded exit carrying the flow block's handlers, so an
//! exception raised by any part of an expanded operation reaches the right `except`.
//! Values keep their repr across links; a link that needs a conversion (bool → int,
//! None → null) gets a small block of its own.

mod builtins;
mod containers;
mod dicts;
mod files;
mod instances;
mod iterbuiltins;
mod jit_hints;
mod lists;
mod ops;
mod optional;
mod prebuilt;
mod strings;
mod tuples;

use crate::classes::ClassTable;
use crate::lltype::{LlConst, LlGraph, LlOp, LlType};
use crate::repr::{ll_type, zero};
use crate::runtime_fns::{self, RuntimeFn};
use crate::{LlFunction, LlProgram, PrebuiltList};
use annotator::driver::obj_const;
use annotator::model::{Ann, ClassRef};
use annotator::Program;
use cranelift_entity::{EntityRef, PrimaryMap};
use frontend::diag::Diagnostic;
use frontend::entities::{Block, GraphId, Inst, ObjId, Value};
use frontend::graph::{Exit, Handler, Link, OpInfo};
use frontend::ops::{Const, FlowGraph, FlowOp};
use frontend::prebuilt::{Obj, Snapshot};
use frontend::source::Span;
use std::collections::{HashMap, HashSet};

/// The return annotation of a graph (joined over a method family when it is one).
pub fn ret_ann(p: &Program, g: GraphId) -> Ann {
    p.ret_override
        .get(&g)
        .cloned()
        .unwrap_or_else(|| p.returns[g.index()].clone())
}

/// Rewrites every annotated graph of the program.
pub fn rtype(p: &Program, snapshot: &Snapshot) -> Result<LlProgram, Vec<Diagnostic>> {
    let classes = instances::build_classes(p, snapshot);
    crate::gc_shapes::start(&classes);
    let imm_lists = instances::immutable_lists(p, snapshot, &classes);
    let mut functions = PrimaryMap::new();
    let mut diags = vec![];
    for (g, _) in p.graphs.iter() {
        let mut l = Lower::new(p, snapshot, &classes, g);
        l.imm_lists = Some(&imm_lists);
        l.run();
        diags.extend(l.diags.drain(..));
        let ret = ll_type(&ret_ann(p, g));
        let params = p.graphs[g]
            .params()
            .iter()
            .map(|&v| ll_type(&p.ann(g, v, snapshot)))
            .collect();
        functions.push(LlFunction {
            graph: l.ll,
            types: l.types,
            params,
            ret,
        });
    }
    let mut prebuilt_lists = vec![];
    let mut objs: Vec<(&ObjId, &annotator::model::ListDefId)> = p.prebuilt_lists.iter().collect();
    objs.sort();
    for (&obj, &def) in objs {
        let item = p.listdefs.item(def);
        let Obj::List { items } = &snapshot.objects[obj] else {
            continue;
        };
        if !prebuilt::tuple_layout_ok(&item) {
            diags.push(tuple_layout_error("list", &item));
        }
        let items = items
            .iter()
            .map(|&o| {
                prebuilt::static_item(p, snapshot, o, &item).unwrap_or_else(|| {
                    diags.push(unemittable(snapshot, o, "a prebuilt list"));
                    LlConst::Null
                })
            })
            .collect();
        let refs = crate::repr::is_gc(&item);
        prebuilt_lists.push(PrebuiltList { obj, items, refs });
    }
    let (init_fn, prebuilt_dicts, init_diags) = dicts::init_graph(p, snapshot, &classes);
    diags.extend(init_diags);
    let init = init_fn.map(|f| functions.push(f));
    let mut prebuilt_instances = vec![];
    for &obj in &p.prebuilt_instances {
        let Obj::Instance { class, attrs } = &snapshot.objects[obj] else {
            continue;
        };
        let Some(idx) = classes.user(*class) else {
            continue;
        };
        let mut fields = vec![];
        for (name, v) in attrs {
            let Some((off, fa, st)) = classes.field(idx, name) else {
                continue;
            };
            if !prebuilt::tuple_layout_ok(&fa) {
                diags.push(tuple_layout_error("field", &fa));
            }
            let c = prebuilt::static_item(p, snapshot, *v, &fa).unwrap_or_else(|| {
                diags.push(unemittable(snapshot, *v, "a prebuilt instance"));
                zero(st)
            });
            fields.push((off, c));
        }
        prebuilt_instances.push(crate::PrebuiltInstance {
            obj,
            class: idx,
            fields,
        });
    }
    let mut global_cells = vec![];
    for cell in &p.global_cells {
        let t = ll_type(&cell.ann);
        let init = match (obj_const(snapshot, cell.initial), t) {
            (Const::Int(i), LlType::Int) => LlConst::Int(i),
            (Const::Bool(b), LlType::Int) => LlConst::Int(b as i64),
            (Const::Bool(b), LlType::Bool) => LlConst::Bool(b),
            (Const::Float(f), LlType::Float) => LlConst::Float(f),
            (Const::Str(s), LlType::Ref) if !matches!(cell.ann, Ann::Optional(_)) => {
                LlConst::Str(s)
            }
            (Const::None, t) => zero(t),
            (Const::Obj(o), LlType::Ref) if matches!(snapshot.objects[o], Obj::List { .. }) => {
                LlConst::PrebuiltList(o)
            }
            (Const::Obj(o), LlType::Ref) if matches!(snapshot.objects[o], Obj::Instance { .. }) => {
                LlConst::PrebuiltInstance(o)
            }
            (Const::Obj(o), LlType::Ref)
                if matches!(snapshot.objects[o], Obj::Dict { .. } | Obj::Set { .. }) =>
            {
                LlConst::PrebuiltDict(o)
            }
            (Const::Obj(o), LlType::Ref)
                if matches!(snapshot.objects[o], Obj::Tuple { .. })
                    && prebuilt::tuple_layout_ok(&cell.ann) =>
            {
                LlConst::PrebuiltTuple(o)
            }
            (_, t) => {
                diags.push(Diagnostic::new(
                    "E0303",
                    format!(
                        "the initial value of global `{}` cannot be emitted as {t} yet",
                        cell.name
                    ),
                    None,
                ));
                zero(t)
            }
        };
        global_cells.push((t, init));
    }
    let (prebuilt_tuples, bad) = prebuilt::tuples(p, snapshot);
    for o in bad {
        diags.push(unemittable(snapshot, o, "a prebuilt tuple"));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let jit_drivers = jit_hints::drivers(p, snapshot, Some(&classes));
    let shapes = crate::gc_shapes::finish();
    Ok(LlProgram {
        gc_shapes: shapes.table(),
        class_shapes: shapes.classes,
        prebuilt_tuples,
        global_cells,
        prebuilt_instances,
        functions,
        entry: p.entry,
        classes,
        prebuilt_lists,
        prebuilt_dicts,
        init,
        jit_drivers,
    })
}

/// An object that cannot be emitted as static data where `place` holds it.
fn unemittable(snapshot: &Snapshot, o: ObjId, place: &str) -> Diagnostic {
    let what = match &snapshot.objects[o] {
        Obj::BigInt { repr } => format!("the int {repr}, which does not fit in 64 bits"),
        _ => format!("an object rpy cannot emit yet ({o})"),
    };
    Diagnostic::new("E0300", format!("{place} holds {what}"), None)
}

/// A prebuilt tuple stored where its items' annotations were generalized to boxed numbers.
fn tuple_layout_error(place: &str, a: &Ann) -> Diagnostic {
    Diagnostic::new(
        "E0300",
        format!("a prebuilt tuple in a {place} of {a:?} cannot be emitted yet"),
        None,
    )
    .note("an item that is an int, float or bool in one tuple is None in another")
}

pub(crate) struct Lower<'a> {
    pub p: &'a Program,
    pub snapshot: &'a Snapshot,
    pub classes: &'a ClassTable,
    pub g: GraphId,
    pub hl: &'a FlowGraph,
    pub ll: LlGraph,
    pub types: HashMap<Value, LlType>,
    block_map: HashMap<Block, Block>,
    /// Flow value → low-level value, for the flow block being lowered.
    pub env: HashMap<Value, Value>,
    /// The low-level block being filled.
    pub cur: Block,
    pub span: Span,
    /// Handlers of the guarded operation being lowered (None outside `try`).
    guarded: Option<Vec<Handler>>,
    ovf: HashSet<Inst>,
    /// Defined-flags of possibly unassigned locals (flow value → low-level flag).
    flags: HashMap<Value, Value>,
    pub diags: Vec<Diagnostic>,
    /// Lists stored in `lst[*]` fields: their length and items are immutable.
    pub imm_lists: Option<&'a HashSet<annotator::model::ListDefId>>,
}

impl<'a> Lower<'a> {
    /// Whether `a` is a list whose length and items never change (see `imm_lists`).
    pub fn is_immutable_list(&self, a: &Ann) -> bool {
        match (a, self.imm_lists) {
            (Ann::List { def, .. }, Some(set)) => set.contains(&self.p.listdefs.find(*def)),
            _ => false,
        }
    }

    /// Loads a field of immutable data (see `LlOp::GetFieldPure`).
    pub fn pure_field(&mut self, obj: Value, off: i64, t: LlType) -> Value {
        let o = self.int(off);
        self.op(LlOp::GetFieldPure(t), vec![obj, o], t)
    }

    fn new(p: &'a Program, snapshot: &'a Snapshot, classes: &'a ClassTable, g: GraphId) -> Self {
        let hl = &p.graphs[g];
        let ll = LlGraph::new(hl.name.clone(), hl.span);
        let cur = ll.entry;
        Lower {
            p,
            snapshot,
            classes,
            g,
            hl,
            ll,
            types: HashMap::new(),
            block_map: HashMap::new(),
            env: HashMap::new(),
            cur,
            span: hl.span,
            guarded: None,
            ovf: HashSet::new(),
            flags: HashMap::new(),
            diags: vec![],
            imm_lists: None,
        }
    }

    pub fn ann(&self, v: Value) -> Ann {
        self.p.ann(self.g, v, self.snapshot)
    }

    pub fn error(&mut self, code: &'static str, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(code, msg, Some(self.span)));
    }

    fn run(&mut self) {
        self.ovf = ops::find_ovfcheck_ops(self.hl);
        // The flow entry block maps to the low-level entry block.
        self.block_map.insert(self.hl.entry, self.ll.entry);
        let order = self.hl.rpo();
        for &b in &order {
            self.ll_block(b);
        }
        for &b in &order {
            self.lower_block(b);
        }
    }

    /// The low-level block that starts flow block `b`, with its parameters.
    fn ll_block(&mut self, b: Block) -> Block {
        if let Some(&lb) = self.block_map.get(&b) {
            if self.ll.blocks[lb].params.is_empty() && !self.hl.blocks[b].params.is_empty() {
                self.make_params(b, lb);
            }
            return lb;
        }
        let lb = self.ll.new_block();
        self.block_map.insert(b, lb);
        self.make_params(b, lb);
        lb
    }

    fn make_params(&mut self, b: Block, lb: Block) {
        for &p in &self.hl.blocks[b].params.clone() {
            let t = ll_type(&self.ann(p));
            let hint = match &self.hl.values[p] {
                frontend::graph::ValueData::Var { hint } => hint.clone(),
                _ => None,
            };
            let v = self.ll.add_param(lb, hint.as_deref());
            self.types.insert(v, t);
        }
        // A local unassigned on some incoming path carries a defined-flag.
        for &p in &self.hl.blocks[b].params.clone() {
            if self.p.maybe_undefined.contains(&(self.g, p)) {
                let f = self.ll.add_param(lb, Some("defined"));
                self.types.insert(f, LlType::Bool);
                self.flags.insert(p, f);
            }
        }
    }

    /// Raises UnboundLocalError where a possibly unassigned local is read unassigned.
    fn check_assigned(&mut self, vals: &[Value]) {
        for &v in vals {
            if let Some(&f) = self.flags.get(&v) {
                let bad = self.op(LlOp::BoolNot, vec![f], LlType::Bool);
                let name = match &self.hl.values[v] {
                    frontend::graph::ValueData::Var { hint: Some(h) } => h.clone(),
                    _ => "?".into(),
                };
                let msg = format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                );
                self.raise_if(bad, "UnboundLocalError", &msg);
            }
        }
    }

    pub fn new_var(&mut self, t: LlType) -> Value {
        let v = self.ll.new_var(None);
        self.types.insert(v, t);
        v
    }

    pub fn konst(&mut self, c: LlConst) -> Value {
        self.ll.new_const(c)
    }

    pub fn int(&mut self, i: i64) -> Value {
        self.konst(LlConst::Int(i))
    }

    /// Emits an operation in the current block.
    pub fn op(&mut self, op: LlOp, args: Vec<Value>, t: LlType) -> Value {
        let r = self.new_var(t);
        self.ll.push_op_into(self.cur, op, args, r, self.span);
        if op.can_raise() && !matches!(op, LlOp::CallRuntime | LlOp::Raise | LlOp::Reraise) {
            self.after_raising();
        }
        r
    }

    /// Calls a runtime function.
    pub fn call_rt(&mut self, f: &'static RuntimeFn, mut args: Vec<Value>) -> Value {
        let fv = self.konst(LlConst::Runtime(f));
        args.insert(0, fv);
        let r = self.new_var(f.ret);
        self.ll
            .push_op_into(self.cur, LlOp::CallRuntime, args, r, self.span);
        if f.can_raise {
            self.after_raising();
        }
        r
    }

    /// Inside `try`, a raising operation ends its block so its handlers are reachable.
    fn after_raising(&mut self) {
        if let Some(handlers) = self.guarded.clone() {
            let next = self.ll.new_block();
            let hs = self.lower_handlers(&handlers);
            self.ll.set_exit(
                self.cur,
                Exit::Guarded {
                    normal: Some(Link {
                        target: next,
                        args: vec![],
                    }),
                    handlers: hs,
                },
            );
            self.cur = next;
        }
    }

    /// Ends the current block after an operation that always raises.
    pub fn end_raising(&mut self) {
        let hs = match self.guarded.clone() {
            Some(h) => self.lower_handlers(&h),
            None => vec![],
        };
        self.ll.set_exit(
            self.cur,
            Exit::Guarded {
                normal: None,
                handlers: hs,
            },
        );
    }

    /// Raises a builtin exception with a message when `cond` holds; continues otherwise.
    pub fn raise_if(&mut self, cond: Value, exc: &str, msg: &str) {
        let err = self.ll.new_block();
        let ok = self.ll.new_block();
        self.ll.set_exit(
            self.cur,
            Exit::Branch {
                cond,
                if_true: Link {
                    target: err,
                    args: vec![],
                },
                if_false: Link {
                    target: ok,
                    args: vec![],
                },
            },
        );
        self.cur = err;
        self.raise_builtin(exc, msg);
        self.cur = ok;
    }

    /// Raises a builtin exception (ends the current block).
    pub fn raise_builtin(&mut self, exc: &str, msg: &str) {
        let idx = rpyrt::abi::builtin_exception_index(exc).expect("known builtin exception") as i64;
        let i = self.int(idx);
        let m = self.konst(LlConst::Str(msg.to_string()));
        let fv = self.konst(LlConst::Runtime(&runtime_fns::RAISE_BUILTIN_STR));
        let r = self.new_var(LlType::Void);
        self.ll
            .push_op_into(self.cur, LlOp::CallRuntime, vec![fv, i, m], r, self.span);
        self.end_raising();
    }

    /// The low-level value of a flow operand.
    pub fn get(&mut self, v: Value) -> Value {
        if let Some(&l) = self.env.get(&v) {
            return l;
        }
        if let Some(c @ Const::Obj(_)) = self.hl.const_of(v).cloned() {
            if self.range_const(&c).is_some() {
                // Not cached: the next use may be in a block this one does not dominate.
                return self.const_value(&c);
            }
        }
        let c = match self.hl.const_of(v).cloned() {
            Some(c) => self.lower_const(&c),
            None => LlConst::Void,
        };
        let l = self.konst(c);
        self.env.insert(v, l);
        l
    }

    pub fn lower_const_pub(&mut self, c: &Const) -> LlConst {
        self.lower_const(c)
    }

    fn range_const(&self, c: &Const) -> Option<(i64, i64, i64)> {
        match c {
            Const::Obj(o) => match self.snapshot.objects[*o] {
                Obj::Range { start, stop, step } => Some((start, stop, step)),
                _ => None,
            },
            _ => None,
        }
    }

    /// A low-level value for a constant, in the current block: a prebuilt range is
    /// rebuilt where it is used, as `range(...)` would be (a stack struct), anything
    /// else is a low-level constant.
    pub fn const_value(&mut self, c: &Const) -> Value {
        if let Some((start, stop, step)) = self.range_const(c) {
            let args = vec![self.int(start), self.int(stop), self.int(step)];
            return containers::range(self, args);
        }
        let lc = self.lower_const(c);
        self.konst(lc)
    }

    fn lower_const(&mut self, c: &Const) -> LlConst {
        match c {
            Const::None => LlConst::Void,
            Const::Bool(b) => LlConst::Bool(*b),
            Const::Int(i) => LlConst::Int(*i),
            Const::Float(f) => LlConst::Float(*f),
            Const::Str(s) => LlConst::Str(s.clone()),
            Const::Obj(o) if matches!(self.snapshot.objects[*o], Obj::Instance { .. }) => {
                LlConst::PrebuiltInstance(*o)
            }
            Const::Obj(o) if matches!(self.snapshot.objects[*o], Obj::List { .. }) => {
                LlConst::PrebuiltList(*o)
            }
            Const::Obj(o) if matches!(self.snapshot.objects[*o], Obj::Tuple { .. }) => {
                LlConst::PrebuiltTuple(*o)
            }
            Const::Obj(o)
                if matches!(
                    self.snapshot.objects[*o],
                    Obj::Dict { .. } | Obj::Set { .. }
                ) =>
            {
                LlConst::PrebuiltDict(*o)
            }
            _ => LlConst::Void,
        }
    }

    /// Converts a low-level value from one annotation's repr to another's.
    pub fn convert(&mut self, v: Value, from: &Ann, to: &Ann) -> Value {
        if let (Ann::Const(annotator::model::Desc::Function(f)), Ann::Funcs(_)) = (from, to) {
            return match self.p.func_graphs.get(f) {
                Some(&g) => self.konst(LlConst::FuncPtr(g)),
                None => self.konst(LlConst::Null),
            };
        }
        match (from, to) {
            (Ann::Optional(i), Ann::Optional(_)) | (Ann::Optional(i), Ann::None) => {
                let _ = i;
                return v;
            }
            (Ann::Optional(i), t) if t.is_numeric() => {
                let i = (**i).clone();
                let x = optional::unwrap(self, v, &i);
                return self.convert(x, &i, to);
            }
            (f, Ann::Optional(i)) if f.is_numeric() => {
                let i = (**i).clone();
                return optional::boxed(self, v, f, &i);
            }
            _ => {}
        }
        let (ft, tt) = (self.ty(v), ll_type(to));
        if ft == tt {
            return v;
        }
        match (ft, tt) {
            (LlType::Bool, LlType::Int) => self.op(LlOp::CastBoolToInt, vec![v], LlType::Int),
            (LlType::Int, LlType::Float) => self.op(LlOp::CastIntToFloat, vec![v], LlType::Float),
            (LlType::Bool, LlType::Float) => {
                let i = self.op(LlOp::CastBoolToInt, vec![v], LlType::Int);
                self.op(LlOp::CastIntToFloat, vec![i], LlType::Float)
            }
            (LlType::Void, t) => self.konst(zero(t)),
            (_, LlType::Void) => self.konst(LlConst::Void),
            _ => {
                self.error(
                    "E0301",
                    format!("internal: cannot convert {from:?} ({ft}) to {to:?} ({tt})"),
                );
                self.konst(zero(tt))
            }
        }
    }

    pub fn ty(&self, v: Value) -> LlType {
        match self.ll.const_of(v) {
            Some(c) => crate::repr::const_type(c),
            None => self.types.get(&v).copied().unwrap_or(LlType::Void),
        }
    }

    /// A low-level link for a flow link; `exc` binds the handler's exception value.
    fn lower_link(&mut self, link: &Link, exc: Option<(Value, Value)>) -> Link {
        let target = self.ll_block(link.target);
        let params = self.hl.blocks[link.target].params.clone();
        let saved = self.cur;
        // Conversions go into a block of their own, reached only over this link.
        let tramp = self.ll.new_block();
        let mut tramp_exc = None;
        if let Some((hv, lv)) = exc {
            let t = self.ll.add_param(tramp, Some("exc"));
            self.types.insert(t, LlType::Ref);
            tramp_exc = Some((hv, lv, t));
        }
        self.cur = tramp;
        let mut args = vec![];
        let mut needs = false;
        for (&a, &p) in link.args.iter().zip(&params) {
            let (from, to) = (self.ann(a), self.ann(p));
            let lv = match tramp_exc {
                Some((hv, _, t)) if hv == a => t,
                _ => self.get(a),
            };
            let before = self.ll.blocks[tramp].insts.len();
            let c = self.convert(lv, &from, &to);
            needs |= self.ll.blocks[tramp].insts.len() != before || c != lv;
            args.push(c);
        }
        for (&a, &p) in link.args.iter().zip(&params) {
            if self.p.maybe_undefined.contains(&(self.g, p)) {
                let f = if self.hl.const_of(a) == Some(&Const::Undefined) {
                    self.konst(LlConst::Bool(false))
                } else if let Some(&f) = self.flags.get(&a) {
                    f
                } else {
                    self.konst(LlConst::Bool(true))
                };
                args.push(f);
            }
        }
        self.cur = saved;
        if needs {
            self.ll.set_exit(tramp, Exit::Goto(Link { target, args }));
            Link {
                target: tramp,
                args: tramp_exc.map(|(_, lv, _)| vec![lv]).unwrap_or_default(),
            }
        } else {
            // No conversion: link straight to the target (the trampoline stays unused).
            let args = args
                .into_iter()
                .map(|a| match tramp_exc {
                    Some((_, lv, t)) if a == t => lv,
                    _ => a,
                })
                .collect();
            Link { target, args }
        }
    }

    pub fn lower_link_pub(&mut self, link: &Link) -> Link {
        self.lower_link(link, None)
    }

    fn lower_handlers(&mut self, handlers: &[Handler]) -> Vec<Handler> {
        let mut out = vec![];
        for h in handlers {
            let case = match h.case.and_then(|c| self.hl.const_of(c).cloned()) {
                Some(Const::Builtin(q)) => {
                    let n = q.trim_start_matches("builtins.");
                    match self.classes.find(n) {
                        Some(i) => Some(self.konst(LlConst::Vtable(i))),
                        None => {
                            self.error(
                                "E0302",
                                format!("`except {n}`: not an exception class rpy knows"),
                            );
                            continue;
                        }
                    }
                }
                Some(Const::Obj(o)) if self.classes.user(o).is_some() => {
                    let i = self.classes.user(o).expect("checked");
                    Some(self.konst(LlConst::Vtable(i)))
                }
                Some(_) => {
                    self.error(
                        "E0302",
                        "this except clause does not name an exception class",
                    );
                    continue;
                }
                None => None,
            };
            let exc = self.new_var(LlType::Ref);
            let link = self.lower_link(&h.link, Some((h.exc, exc)));
            out.push(Handler { case, exc, link });
        }
        out
    }

    fn lower_block(&mut self, b: Block) {
        let lb = self.ll_block(b);
        self.cur = lb;
        self.env.clear();
        if !self.p.reached[self.g.index()].contains(&b) {
            self.ll.set_exit(lb, Exit::Unreachable);
            return;
        }
        let hl_params = self.hl.blocks[b].params.clone();
        let ll_params = self.ll.blocks[lb].params.clone();
        for (h, l) in hl_params.into_iter().zip(ll_params) {
            self.env.insert(h, l);
        }
        let data = self.hl.blocks[b].clone();
        let n = data.insts.len();
        for (k, &i) in data.insts.iter().enumerate() {
            let inst = self.hl.insts[i].clone();
            self.span = inst.span;
            if inst
                .args
                .iter()
                .any(|&a| self.hl.const_of(a) == Some(&Const::Undefined))
            {
                // Python raises UnboundLocalError where a local is read before it is
                // assigned; the annotator stopped flowing here.
                if k + 1 == n {
                    if let Exit::Guarded { handlers, .. } = &data.exit {
                        self.guarded = Some(handlers.clone());
                    }
                }
                self.raise_builtin(
                    "UnboundLocalError",
                    "cannot access a local variable where it is not associated with a value",
                );
                self.guarded = None;
                return;
            }
            if inst
                .args
                .iter()
                .any(|&a| !self.hl.is_const(a) && self.ann(a) == Ann::Impossible)
            {
                self.ll.set_exit(self.cur, Exit::Unreachable);
                return;
            }
            let last_guarded = k + 1 == n && matches!(data.exit, Exit::Guarded { .. });
            if inst.args.iter().any(|a| self.flags.contains_key(a)) {
                if let (true, Exit::Guarded { handlers, .. }) = (last_guarded, &data.exit) {
                    self.guarded = Some(handlers.clone());
                }
                self.check_assigned(&inst.args);
                self.guarded = None;
            }
            if last_guarded {
                let Exit::Guarded { normal, handlers } = &data.exit else {
                    unreachable!()
                };
                if inst.op == FlowOp::Next
                    && containers::lower_loop_next(self, i, normal.as_ref(), handlers)
                {
                    return;
                }
                self.guarded = Some(handlers.clone());
            }
            let result_ann = self.ann(inst.result);
            let r = ops::lower_op(self, i, &inst);
            self.guarded = None;
            if result_ann == Ann::Impossible {
                // The operation never returns normally (a raise, or a call that always
                // raises): a raise ended its block already; after a call the rest of the
                // block is unreachable (new blocks start as `unreachable`).
                return;
            }
            self.env.insert(inst.result, r);
        }
        if let Exit::Return(v) | Exit::Branch { cond: v, .. } = &data.exit {
            self.check_assigned(&[*v]);
        }
        let exit = match &data.exit {
            Exit::Goto(l) => Exit::Goto(self.lower_link(l, None)),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => match self.ann(*cond).const_bool() {
                Some(true) => Exit::Goto(self.lower_link(if_true, None)),
                Some(false) => Exit::Goto(self.lower_link(if_false, None)),
                None => {
                    let c = self.get(*cond);
                    let c = ops::truth(self, c, &self.ann(*cond));
                    let t = self.lower_link(if_true, None);
                    let f = self.lower_link(if_false, None);
                    Exit::Branch {
                        cond: c,
                        if_true: t,
                        if_false: f,
                    }
                }
            },
            Exit::Guarded {
                normal: Some(l), ..
            } => Exit::Goto(self.lower_link(l, None)),
            Exit::Guarded { normal: None, .. } | Exit::Unreachable => Exit::Unreachable,
            Exit::Return(v) => {
                let lv = self.get(*v);
                let ret = ret_ann(self.p, self.g);
                let from = self.ann(*v);
                Exit::Return(self.convert(lv, &from, &ret))
            }
        };
        self.ll.set_exit(self.cur, exit);
    }

    pub fn class_index_of(&self, c: &ClassRef) -> Option<usize> {
        match c {
            ClassRef::Builtin(n) => self.classes.find(n),
            ClassRef::User(_) => None,
        }
    }
}
