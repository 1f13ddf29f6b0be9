//! The worklist driver: flows blocks until no binding changes.

use crate::listdef::ListDefs;
use crate::model::{union, Ann, ClassRef, Collect, Desc, ListDefId};
use cranelift_entity::{EntityRef, PrimaryMap};
use frontend::diag::Diagnostic;
use frontend::entities::{Block, GraphId, Inst, ObjId, Value};
use frontend::flow::FlowBuilderCache;
use frontend::graph::{Exit, Link};
use frontend::ops::{Const, FlowGraph, FlowOp};
use frontend::prebuilt::{Obj, Snapshot};
use frontend::source::{SourceMap, Span};
use std::collections::{HashMap, HashSet, VecDeque};

/// Everything the annotator learned: the graphs it built and their bindings.
pub struct Program {
    pub graphs: PrimaryMap<GraphId, FlowGraph>,
    pub bindings: Vec<HashMap<Value, Ann>>,
    pub reached: Vec<HashSet<Block>>,
    pub returns: Vec<Ann>,
    pub func_graphs: HashMap<ObjId, GraphId>,
    pub graph_funcs: Vec<ObjId>,
    pub entry: GraphId,
    pub listdefs: ListDefs,
    pub list_sites: HashMap<(GraphId, Inst), ListDefId>,
    pub prebuilt_lists: HashMap<ObjId, ListDefId>,
    /// Block parameters that are unassigned locals on some incoming path (a `for` loop's
    /// variable after the loop): the rtyper gives them a defined-flag and checks it where
    /// they are read, raising UnboundLocalError as CPython does.
    pub maybe_undefined: HashSet<(GraphId, Value)>,
    /// User classes: instance fields, subclasses, instantiated classes.
    pub classdefs: crate::classdef::ClassDefs,
    /// The joined return annotation of graphs that implement one polymorphic method.
    pub ret_override: HashMap<GraphId, Ann>,
    /// Prebuilt instances whose fields were joined into their classes.
    pub prebuilt_instances: Vec<ObjId>,
    /// Prebuilt tuples the program uses (emitted as static data).
    pub prebuilt_tuples: Vec<ObjId>,
    /// Module globals assigned at run time: (module, name) → type and initial value.
    pub global_cells: Vec<GlobalCell>,
    /// Dict and set definitions, their creation sites and the prebuilt dicts.
    pub dicts: crate::dictdef::DictState,
}

/// A module global that functions assign at run time (a static cell in the binary).
#[derive(Clone, Debug)]
pub struct GlobalCell {
    pub module: ObjId,
    pub name: String,
    pub ann: Ann,
    /// The value the import left (the cell's initial value).
    pub initial: ObjId,
    pub origin: Option<Span>,
    pub readers: Vec<(GraphId, Block)>,
}

impl Program {
    /// The annotation of a constant.
    pub fn ann_of_const(&self, c: &Const, snapshot: &Snapshot) -> Ann {
        const_ann_readonly(c, snapshot, &self.prebuilt_lists, &self.dicts.prebuilt)
    }

    /// The annotation of a value (constants included).
    pub fn ann(&self, g: GraphId, v: Value, snapshot: &Snapshot) -> Ann {
        match self.graphs[g].const_of(v) {
            Some(c) => const_ann_readonly(c, snapshot, &self.prebuilt_lists, &self.dicts.prebuilt),
            None => self.bindings[g.index()]
                .get(&v)
                .cloned()
                .unwrap_or(Ann::Impossible),
        }
    }
}

pub struct Annotator<'a> {
    pub snapshot: &'a Snapshot,
    pub sources: &'a mut SourceMap,
    pub p: Program,
    origins: Vec<HashMap<Value, Span>>,
    /// Where each graph's first returned value came from.
    pub(crate) return_origins: Vec<Option<Span>>,
    callers: Vec<HashSet<(GraphId, Block)>>,
    failed: HashSet<ObjId>,
    /// Parsed source files, shared by every graph built.
    flow_cache: FlowBuilderCache,
    worklist: VecDeque<(GraphId, Block)>,
    queued: HashSet<(GraphId, Block)>,
    pub diags: Vec<Diagnostic>,
    seen_diags: HashSet<(Option<(u32, u32)>, String)>,
    /// The error that stopped each block's last flowing: provisional until the fixpoint,
    /// since a later pass with wider annotations (a callee's return that was still only
    /// None, say) may flow the block without it.
    block_diags: HashMap<(GraphId, Block), Vec<Diagnostic>>,
    /// Graphs whose return was not followed because the returned value failed: a call to
    /// them has no result, which poisons the caller's result instead of stopping it.
    poisoned_returns: HashSet<GraphId>,
    /// Set by `call_function` when the callee is in `poisoned_returns`.
    call_poisoned: bool,
    /// Attribute reads on instances that found no type yet: (class, name, where). Those
    /// still unknown at the fixpoint name an attribute that no class assigns.
    pub unresolved_attrs: Vec<(ObjId, String, Span)>,
    /// The graph named in internal-error reports (see `frontend::diag::set_context`).
    context_graph: Option<GraphId>,
    /// The block being flowed, for registering dependencies.
    pub current: (GraphId, Block),
    /// The operation being annotated (a site key for containers made by builtins).
    pub current_inst: Option<Inst>,
}

/// Annotates the program from its entry point; the entry receives `argv: list of str`.
pub fn annotate(snapshot: &Snapshot, sources: &mut SourceMap) -> Result<Program, Vec<Diagnostic>> {
    let names: HashMap<ObjId, String> = snapshot
        .objects
        .iter()
        .filter_map(|(o, obj)| match obj {
            Obj::Class(c) => Some((o, c.name.clone())),
            Obj::Function(f) => Some((o, f.qualname.clone())),
            Obj::Module { name, .. } => Some((o, name.clone())),
            _ => None,
        })
        .collect();
    crate::model::CLASS_NAMER.with(|n| {
        *n.borrow_mut() = Some(Box::new(move |o| {
            names.get(&o).cloned().unwrap_or_else(|| o.to_string())
        }))
    });
    let mut a = Annotator {
        snapshot,
        sources,
        p: Program {
            graphs: PrimaryMap::new(),
            bindings: vec![],
            reached: vec![],
            returns: vec![],
            func_graphs: HashMap::new(),
            graph_funcs: vec![],
            entry: GraphId::new(0),
            listdefs: ListDefs::default(),
            list_sites: HashMap::new(),
            prebuilt_lists: HashMap::new(),
            maybe_undefined: HashSet::new(),
            classdefs: crate::classdef::ClassDefs::new(snapshot),
            ret_override: HashMap::new(),
            prebuilt_instances: vec![],
            prebuilt_tuples: vec![],
            global_cells: vec![],
            dicts: Default::default(),
        },
        origins: vec![],
        return_origins: vec![],
        callers: vec![],
        failed: HashSet::new(),
        flow_cache: FlowBuilderCache::new(),
        worklist: VecDeque::new(),
        queued: HashSet::new(),
        diags: vec![],
        seen_diags: HashSet::new(),
        block_diags: HashMap::new(),
        context_graph: None,
        poisoned_returns: HashSet::new(),
        call_poisoned: false,
        unresolved_attrs: vec![],
        current: (GraphId::new(0), Block::new(0)),
        current_inst: None,
    };
    let entry = match a.graph_for(snapshot.entry) {
        Some(g) => g,
        None => return Err(a.diags),
    };
    a.p.entry = entry;
    let argv_def = a.p.listdefs.new_def();
    let span = a.p.graphs[entry].span;
    let _ =
        a.p.listdefs
            .generalize(snapshot, argv_def, &Ann::Str { nullable: false }, span);
    let nparams = a.p.graphs[entry].params().len();
    if nparams != 1 {
        let d = Diagnostic::new(
            "E0009",
            format!(
                "the entry point must take one argument (argv), but `{}` takes {nparams}",
                a.p.graphs[entry].name
            ),
            Some(a.def_line(entry)),
        )
        .help("define the entry point as `def main(argv): ... return 0`");
        return Err(vec![d]);
    }
    let argv = Ann::List {
        def: argv_def,
        nullable: false,
    };
    let entry_block = a.p.graphs[entry].entry;
    let param = a.p.graphs[entry].params()[0];
    let _ = a.bind(entry, param, argv, span);
    a.schedule(entry, entry_block);
    a.run();
    a.report_unresolved_attrs();
    let mut pending: Vec<_> = std::mem::take(&mut a.block_diags).into_iter().collect();
    pending.sort_by_key(|((g, b), _)| (g.index(), b.index()));
    for d in pending.into_iter().flat_map(|(_, ds)| ds) {
        a.report(d);
    }
    let ret = a.p.returns[entry.index()].clone();
    if !matches!(ret, Ann::Int | Ann::Bool(_) | Ann::None | Ann::Impossible) {
        let shown = a.describe(&ret);
        let at = a.return_origins[entry.index()].unwrap_or(span);
        let d = Diagnostic::new(
            "E0009",
            format!("the entry point must return an int (the exit status), but it returns {shown}"),
            Some(at),
        )
        .label(format!("returns {}", crate::messages::with_article(&shown)))
        .help("return the exit status: `return 0` for success");
        a.report(d);
    }
    if a.diags.is_empty() {
        Ok(a.p)
    } else {
        a.diags.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
        Err(a.diags)
    }
}

impl<'a> Annotator<'a> {
    pub fn report(&mut self, d: Diagnostic) {
        let key = (
            d.span.map(|s| (s.file.index() as u32, s.start)),
            d.message.clone(),
        );
        if self.seen_diags.insert(key) {
            self.diags.push(d);
        }
    }

    pub fn describe(&self, a: &Ann) -> String {
        crate::dictdef::describe(self, a)
    }

    /// The graph of a function object, building it on first use.
    pub fn graph_for(&mut self, func: ObjId) -> Option<GraphId> {
        if let Some(&g) = self.p.func_graphs.get(&func) {
            return Some(g);
        }
        if self.failed.contains(&func) {
            return None;
        }
        match self.flow_cache.build(self.snapshot, func, self.sources) {
            Ok(graph) => {
                let g = self.p.graphs.push(graph);
                self.p.bindings.push(HashMap::new());
                self.p.reached.push(HashSet::new());
                self.p.returns.push(Ann::Impossible);
                self.p.graph_funcs.push(func);
                self.origins.push(HashMap::new());
                self.return_origins.push(None);
                self.callers.push(HashSet::new());
                self.p.func_graphs.insert(func, g);
                Some(g)
            }
            Err(ds) => {
                self.failed.insert(func);
                for d in ds {
                    self.report(d);
                }
                None
            }
        }
    }

    pub fn schedule(&mut self, g: GraphId, b: Block) {
        if self.queued.insert((g, b)) {
            self.worklist.push_back((g, b));
        }
    }

    pub fn schedule_reader(&mut self, r: (u32, u32)) {
        self.schedule(GraphId::new(r.0 as usize), Block::new(r.1 as usize));
    }

    fn run(&mut self) {
        while let Some((g, b)) = self.worklist.pop_front() {
            self.queued.remove(&(g, b));
            self.p.reached[g.index()].insert(b);
            self.flow_block(g, b);
        }
    }

    /// The annotation of an operand.
    pub fn ann(&mut self, g: GraphId, v: Value) -> Ann {
        match self.p.graphs[g].const_of(v).cloned() {
            Some(c) => self.const_ann(&c),
            None => self.p.bindings[g.index()]
                .get(&v)
                .cloned()
                .unwrap_or(Ann::Impossible),
        }
    }

    pub fn origin(&self, g: GraphId, v: Value) -> Option<Span> {
        self.origins[g.index()]
            .get(&v)
            .or_else(|| self.p.graphs[g].value_spans.get(&v))
            .copied()
    }

    /// Joins `ann` into the binding of variable `v`; returns whether it changed.
    pub fn bind(&mut self, g: GraphId, v: Value, ann: Ann, origin: Span) -> Result<bool, ()> {
        let old = self.p.bindings[g.index()]
            .get(&v)
            .cloned()
            .unwrap_or(Ann::Impossible);
        let mut ctx = Collect::new(self.snapshot);
        match union(&old, &ann, &mut ctx) {
            Ok(new) => {
                for (x, y) in ctx.lists {
                    self.unify_lists(x, y, origin);
                }
                for (x, y) in ctx.dicts {
                    self.unify_dicts(x, y, origin);
                }
                if new != old {
                    self.p.bindings[g.index()].insert(v, new);
                    self.origins[g.index()].entry(v).or_insert(origin);
                    Ok(true)
                } else {
                    Ok(false)
                }
            }
            Err(_) => {
                let graph = &self.p.graphs[g];
                let is_param = graph.params().contains(&v);
                let name = match (&graph.values[v], is_param) {
                    (frontend::graph::ValueData::Var { hint: Some(h) }, true) => {
                        format!("the argument `{h}` of `{}`", graph.name)
                    }
                    (frontend::graph::ValueData::Var { hint: Some(h) }, false) => format!("`{h}`"),
                    _ => "this value".to_string(),
                };
                let keeps = if is_param {
                    "an argument keeps one type across all calls of its function"
                } else {
                    "a variable keeps one type for the whole program"
                };
                let d = self.conflict("E0200", &name, (&old, self.origin(g, v)), (&ann, origin));
                let d = d.note(keeps).help(
                    "use separate variables (or functions) for values of different types, or convert one side explicitly",
                );
                self.report(d);
                Err(())
            }
        }
    }

    pub fn unify_lists(&mut self, x: ListDefId, y: ListDefId, origin: Span) {
        match self.p.listdefs.unify(self.snapshot, x, y, origin) {
            Ok(wake) => wake.into_iter().for_each(|r| self.schedule_reader(r)),
            Err((_, o, n, old_origin)) => self.list_item_conflict(o, old_origin, n, origin),
        }
        self.flush_pending_dicts(origin);
    }

    pub fn generalize_list(&mut self, d: ListDefId, ann: &Ann, origin: Span) {
        match self.p.listdefs.generalize(self.snapshot, d, ann, origin) {
            Ok(wake) => wake.into_iter().for_each(|r| self.schedule_reader(r)),
            Err((_, old, new, old_origin)) => self.list_item_conflict(old, old_origin, new, origin),
        }
        self.flush_pending_dicts(origin);
    }

    fn list_item_conflict(&mut self, old: Ann, old_origin: Option<Span>, new: Ann, origin: Span) {
        let d = self.conflict(
            "E0201",
            "the list's items",
            (&old, old_origin),
            (&new, origin),
        );
        self.report(d.help(
            "all items of a list must have one type; use a tuple or an instance to keep values of different types together",
        ));
    }

    /// Registers the current block as depending on the list's item type.
    pub fn read_list(&mut self, d: ListDefId) -> Ann {
        let (g, b) = self.current;
        self.p
            .listdefs
            .add_reader(d, (g.index() as u32, b.index() as u32));
        self.p.listdefs.item(d)
    }

    /// The list definition made at the current operation (one per site, stable across
    /// re-flows).
    pub fn site_list(&mut self) -> ListDefId {
        let key = (
            self.current.0,
            self.current_inst.expect("inside an operation"),
        );
        if let Some(&d) = self.p.list_sites.get(&key) {
            return d;
        }
        let d = self.p.listdefs.new_def();
        self.p.list_sites.insert(key, d);
        d
    }

    pub fn const_ann(&mut self, c: &Const) -> Ann {
        if let Const::Obj(o) = c {
            if let Obj::Instance { class, attrs } = &self.snapshot.objects[*o] {
                if !self.p.prebuilt_instances.contains(o) {
                    self.p.prebuilt_instances.push(*o);
                    let (class, attrs) = (*class, attrs.clone());
                    if !self.p.classdefs.instantiated.contains(&class) {
                        self.p.classdefs.instantiated.push(class);
                    }
                    let span = self.p.graphs[self.current.0].span;
                    for (name, v) in attrs {
                        let a = self.const_ann(&obj_const(self.snapshot, v));
                        if let Err(d) = self.setattr_prebuilt(class, &name, &a, span) {
                            self.report(d);
                        }
                    }
                }
            }
        }
        if let Const::Obj(o) = c {
            if let Obj::List { items } = &self.snapshot.objects[*o] {
                if !self.p.prebuilt_lists.contains_key(o) {
                    let d = self.p.listdefs.new_def();
                    self.p.prebuilt_lists.insert(*o, d);
                    let items = items.clone();
                    for it in items {
                        if let Obj::BigInt { repr } = &self.snapshot.objects[it] {
                            let at = self
                                .current_inst
                                .map_or(self.p.graphs[self.current.0].span, |i| {
                                    self.p.graphs[self.current.0].insts[i].span
                                });
                            let d = Diagnostic::new(
                                "E0103",
                                format!("a prebuilt list holds the int {repr}, which does not fit in 64 bits"),
                                Some(at),
                            )
                            .label("this list was made at import time")
                            .note("rpy ints are machine words, as in RPython")
                            .help("keep the values within 64 bits, or wrap them with rpy.rarithmetic.intmask");
                            self.report(d);
                            continue;
                        }
                        let a = self.const_ann(&obj_const(self.snapshot, it));
                        let _ = self.p.listdefs.generalize(
                            self.snapshot,
                            d,
                            &a,
                            self.p.graphs[self.current.0].span,
                        );
                    }
                    self.flush_pending_dicts(self.p.graphs[self.current.0].span);
                }
            }
        }
        if let Const::Obj(o) = c {
            // A prebuilt tuple: its items' lists, dicts and instances are prebuilt too.
            if let Obj::Tuple { items } = &self.snapshot.objects[*o] {
                if self.p.prebuilt_tuples.contains(o) {
                    return const_ann_readonly(
                        c,
                        self.snapshot,
                        &self.p.prebuilt_lists,
                        &self.p.dicts.prebuilt,
                    );
                }
                self.p.prebuilt_tuples.push(*o);
                for it in items.clone() {
                    self.const_ann(&obj_const(self.snapshot, it));
                }
            }
        }
        crate::dictdef::register_prebuilt(self, c);
        const_ann_readonly(
            c,
            self.snapshot,
            &self.p.prebuilt_lists,
            &self.p.dicts.prebuilt,
        )
    }

    fn flow_block(&mut self, g: GraphId, b: Block) {
        self.current = (g, b);
        self.block_diags.remove(&(g, b));
        if self.context_graph != Some(g) {
            self.context_graph = Some(g);
            let graph = &self.p.graphs[g];
            let lc = self.sources.line_col(graph.span);
            let path = frontend::render::shown_path(&self.sources.files[graph.span.file].path);
            frontend::diag::set_context(Some(format!(
                "`{}` ({path}:{}:{})",
                graph.name, lc.line, lc.col
            )));
            if forced_panic().is_some_and(|f| *f == graph.name) {
                panic!("forced by RPY_FORCE_PANIC={}", graph.name);
            }
        }
        // An operation that fails poisons its result: later operations that use it are
        // not judged (no error follows from another), the others are, so one run
        // reports every independent error of the block.
        let mut poisoned: HashSet<Value> = HashSet::new();
        let mut errors: Vec<Diagnostic> = vec![];
        let insts = self.p.graphs[g].blocks[b].insts.clone();
        for &i in &insts {
            let inst = self.p.graphs[g].insts[i].clone();
            if inst.args.iter().any(|a| poisoned.contains(a)) {
                poisoned.insert(inst.result);
                continue;
            }
            // A variable operand with no annotation yet: this path is not known to be
            // reachable; stop here until it is.
            if inst
                .args
                .iter()
                .any(|&a| !self.p.graphs[g].is_const(a) && self.ann(g, a) == Ann::Impossible)
            {
                self.keep_block_diags(g, b, errors);
                return;
            }
            self.current_inst = Some(i);
            if let Some(d) = self.bad_operand(g, &inst.args, inst.span) {
                errors.push(d);
                poisoned.insert(inst.result);
                continue;
            }
            self.call_poisoned = false;
            let result = match crate::rules::annotate_op(self, g, i) {
                Ok(a) => a,
                Err(d) => {
                    errors.push(d);
                    poisoned.insert(inst.result);
                    continue;
                }
            };
            if result == Ann::Impossible && self.call_poisoned {
                poisoned.insert(inst.result);
                continue;
            }
            if result == Ann::Impossible {
                // No normal result (a raise, or a call that has not returned yet): only
                // the handlers of a guarded last operation are reachable.
                let last = insts.last() == Some(&i);
                if let (true, Exit::Guarded { handlers, .. }) =
                    (last, self.p.graphs[g].blocks[b].exit.clone())
                {
                    self.follow_handlers(g, &handlers);
                }
                self.keep_block_diags(g, b, errors);
                return;
            }
            if self.bind(g, inst.result, result, inst.span).is_err() {
                poisoned.insert(inst.result);
            }
        }
        self.keep_block_diags(g, b, errors);
        if !poisoned.is_empty() && self.exit_uses(g, b, &poisoned) {
            if let Exit::Return(v) = self.p.graphs[g].blocks[b].exit {
                if poisoned.contains(&v) && self.poisoned_returns.insert(g) {
                    let callers: Vec<_> = self.callers[g.index()].iter().copied().collect();
                    for (cg, cb) in callers {
                        self.schedule(cg, cb);
                    }
                }
            }
            return;
        }
        let exit = self.p.graphs[g].blocks[b].exit.clone();
        match exit {
            Exit::Goto(l) => self.follow(g, &l, None),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => match self.ann(g, cond).const_bool() {
                Some(false) => self.follow(g, &if_false, None),
                known => {
                    if let Ok(narrowed) = self.isinstance_narrowing(g, b, cond) {
                        self.follow(g, &if_true, narrowed);
                    }
                    if known.is_none() {
                        self.follow(g, &if_false, None);
                    }
                }
            },
            Exit::Guarded { normal, handlers } => {
                if let Some(l) = normal {
                    self.follow(g, &l, None);
                }
                self.follow_handlers(g, &handlers);
            }
            Exit::Return(v) => self.flow_return(g, v),
            Exit::Unreachable => {}
        }
    }

    /// Keeps a block's errors until the fixpoint (see `block_diags`).
    fn keep_block_diags(&mut self, g: GraphId, b: Block, errors: Vec<Diagnostic>) {
        if !errors.is_empty() {
            self.block_diags.insert((g, b), errors);
        }
    }

    /// Whether the exit of block `b` reads one of `vals` (then it is not followed).
    fn exit_uses(&self, g: GraphId, b: Block, vals: &HashSet<Value>) -> bool {
        let block = &self.p.graphs[g].blocks[b];
        let link_uses = |l: &Link| l.args.iter().any(|a| vals.contains(a));
        match &block.exit {
            Exit::Goto(l) => link_uses(l),
            Exit::Branch {
                cond,
                if_true,
                if_false,
            } => vals.contains(cond) || link_uses(if_true) || link_uses(if_false),
            Exit::Guarded { normal, handlers } => {
                let last = block
                    .insts
                    .last()
                    .map(|&i| self.p.graphs[g].insts[i].result);
                last.is_some_and(|r| vals.contains(&r))
                    || normal.as_ref().is_some_and(link_uses)
                    || handlers.iter().any(|h| link_uses(&h.link))
            }
            Exit::Return(v) => vals.contains(v),
            Exit::Unreachable => false,
        }
    }

    fn follow_handlers(&mut self, g: GraphId, handlers: &[frontend::graph::Handler]) {
        for h in handlers {
            let class = match h.case.and_then(|c| self.p.graphs[g].const_of(c).cloned()) {
                Some(Const::Builtin(q)) => {
                    ClassRef::Builtin(q.trim_start_matches("builtins.").to_string())
                }
                Some(Const::Obj(o)) => ClassRef::User(o),
                _ => ClassRef::Builtin("BaseException".into()),
            };
            let exc_ann = Ann::Instance {
                class,
                nullable: false,
            };
            self.follow(g, &h.link, Some((h.exc, exc_ann)));
        }
    }

    fn flow_return(&mut self, g: GraphId, v: Value) {
        {
            let a = self.ann(g, v);
            let old = self.p.returns[g.index()].clone();
            let span = self.return_site(g, v);
            if a == Ann::Range {
                // A range lives in its function's stack frame.
                let d = Diagnostic::new(
                    "E0203",
                    "a range cannot be returned from a function (yet)",
                    Some(span),
                )
                .help("return a list (`list(range(...))`) or the bounds");
                self.report(d);
                return;
            }
            let mut ctx = Collect::new(self.snapshot);
            match union(&old, &a, &mut ctx) {
                Ok(new) => {
                    for (x, y) in ctx.lists {
                        self.unify_lists(x, y, span);
                    }
                    for (x, y) in ctx.dicts {
                        self.unify_dicts(x, y, span);
                    }
                    self.return_origins[g.index()].get_or_insert(span);
                    if new != old {
                        self.p.returns[g.index()] = new;
                        let callers: Vec<_> = self.callers[g.index()].iter().copied().collect();
                        for (cg, cb) in callers {
                            self.schedule(cg, cb);
                        }
                    }
                }
                Err(_) => {
                    let what = format!("the result of `{}`", self.p.graphs[g].name);
                    let first = self.return_origins[g.index()];
                    let d = self
                        .conflict("E0202", &what, (&old, first), (&a, span))
                        .help("a function returns one type; return the same type on every path (or None, with ints, floats, strs and instances)");
                    self.report(d);
                }
            }
        }
    }

    /// Passes a link's values to its target's parameters.
    /// What an `isinstance(v, C)` test computed in block `b` as `cond` tells about `v`
    /// where it is true (as RPython's knowntypedata): `Ok(Some((v, instance of C)))`
    /// when `v` is an instance of a strict base class of the user class `C`;
    /// `Err(())` when `v`'s class and `C` are unrelated, so the test is never true (the
    /// annotation of `v` may still grow into a base of `C`, and then the true branch is
    /// followed with the narrowed annotation, never with the unrelated one);
    /// `Ok(None)` otherwise.
    fn isinstance_narrowing(
        &mut self,
        g: GraphId,
        b: Block,
        cond: Value,
    ) -> Result<Option<(Value, Ann)>, ()> {
        let graph = &self.p.graphs[g];
        let Some(inst) = graph.blocks[b]
            .insts
            .iter()
            .map(|&i| &graph.insts[i])
            .find(|inst| inst.result == cond)
            .cloned()
        else {
            return Ok(None);
        };
        if inst.op != FlowOp::SimpleCall || inst.args.len() != 3 {
            return Ok(None);
        }
        match graph.const_of(inst.args[0]) {
            Some(Const::Builtin(q)) if q == "builtins.isinstance" => {}
            _ => return Ok(None),
        }
        let Some(&Const::Obj(c)) = graph.const_of(inst.args[2]) else {
            return Ok(None);
        };
        if !matches!(self.snapshot.objects[c], Obj::Class(_)) {
            return Ok(None);
        }
        let v = inst.args[1];
        let Ann::Instance { class, .. } = self.ann(g, v) else {
            return Ok(None);
        };
        let narrow = ClassRef::User(c);
        if crate::classdef::is_subclass(self.snapshot, &class, &narrow) {
            return Ok(None);
        }
        if !crate::classdef::is_subclass(self.snapshot, &narrow, &class) {
            return Err(());
        }
        Ok(Some((
            v,
            Ann::Instance {
                class: narrow,
                nullable: false,
            },
        )))
    }

    /// Binds the target's parameters to the link's arguments; `exc` overrides the
    /// annotation of one argument (the caught exception, or a narrowed instance).
    fn follow(&mut self, g: GraphId, link: &Link, exc: Option<(Value, Ann)>) {
        let mut anns = Vec::new();
        for &a in &link.args {
            let ann = match &exc {
                Some((v, ann)) if *v == a => ann.clone(),
                _ => self.ann(g, a),
            };
            anns.push((ann, self.origin(g, a)));
        }
        let target = link.target;
        let params = self.p.graphs[g].blocks[target].params.clone();
        let mut changed = !self.p.reached[g.index()].contains(&target);
        for (&a, &p) in link.args.iter().zip(&params) {
            let undefined = self.p.graphs[g].const_of(a) == Some(&Const::Undefined)
                || self.p.maybe_undefined.contains(&(g, a));
            if undefined && self.p.maybe_undefined.insert((g, p)) {
                changed = true;
            }
        }
        let fallback = self.p.graphs[g].span;
        for (p, (ann, origin)) in params.into_iter().zip(anns) {
            match self.bind(g, p, ann, origin.unwrap_or(fallback)) {
                Ok(c) => changed |= c,
                Err(()) => return,
            }
        }
        if changed {
            self.schedule(g, target);
        }
    }

    /// Binds a call's arguments to a function's parameters; returns its return annotation.
    pub fn call_function(
        &mut self,
        func: ObjId,
        pos: Vec<(Ann, Span)>,
        kw: Vec<(String, Ann, Span)>,
        span: Span,
    ) -> Result<Ann, Diagnostic> {
        let Some(callee) = self.graph_for(func) else {
            return Ok(Ann::Impossible);
        };
        let params: Vec<Value> = self.p.graphs[callee].params().to_vec();
        let names: Vec<String> = params
            .iter()
            .map(|&p| match &self.p.graphs[callee].values[p] {
                frontend::graph::ValueData::Var { hint: Some(h) } => h.clone(),
                _ => String::new(),
            })
            .collect();
        let fname = self.p.graphs[callee].name.clone();
        let Obj::Function(fobj) = &self.snapshot.objects[func] else {
            unreachable!("graph of a non-function")
        };
        let defaults = fobj.defaults.clone();
        if pos.len() > params.len() {
            return Err(Diagnostic::new(
                "E0210",
                format!(
                    "`{fname}` takes {} positional arguments but {} were given",
                    params.len(),
                    pos.len()
                ),
                Some(span),
            ));
        }
        let mut slots: Vec<Option<(Ann, Span)>> = vec![None; params.len()];
        for (i, a) in pos.into_iter().enumerate() {
            slots[i] = Some(a);
        }
        for (name, a, s) in kw {
            match names.iter().position(|n| *n == name) {
                Some(i) if slots[i].is_none() => slots[i] = Some((a, s)),
                Some(_) => {
                    return Err(Diagnostic::new(
                        "E0211",
                        format!("`{fname}` got multiple values for argument `{name}`"),
                        Some(s),
                    ))
                }
                None => {
                    return Err(Diagnostic::new(
                        "E0212",
                        format!("`{fname}` has no parameter named `{name}`"),
                        Some(s),
                    )
                    .help(format!("its parameters are: {}", names.join(", "))))
                }
            }
        }
        let first_default = params.len() - defaults.len().min(params.len());
        for i in 0..params.len() {
            if slots[i].is_none() {
                if i >= first_default {
                    let c = obj_const(self.snapshot, defaults[i - first_default]);
                    slots[i] = Some((self.const_ann(&c), span));
                } else {
                    return Err(Diagnostic::new(
                        "E0213",
                        format!("`{fname}` is missing argument `{}`", names[i]),
                        Some(span),
                    ));
                }
            }
        }
        let mut changed = self.p.reached[callee.index()].is_empty();
        for (p, slot) in params.iter().zip(slots) {
            let (a, s) = slot.expect("filled above");
            match self.bind(callee, *p, a, s) {
                Ok(c) => changed |= c,
                Err(()) => return Ok(Ann::Impossible),
            }
        }
        if changed {
            let entry = self.p.graphs[callee].entry;
            self.schedule(callee, entry);
        }
        self.callers[callee.index()].insert(self.current);
        let ret = self.p.returns[callee.index()].clone();
        if ret == Ann::Impossible && self.poisoned_returns.contains(&callee) {
            self.call_poisoned = true;
        }
        Ok(ret)
    }
}

/// The function named by `RPY_FORCE_PANIC`: annotating it panics, so the tests can check
/// that a panic becomes an internal-error report naming the function.
fn forced_panic() -> Option<&'static String> {
    static FORCED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    FORCED
        .get_or_init(|| std::env::var("RPY_FORCE_PANIC").ok())
        .as_ref()
}

/// The flow constant for a prebuilt object.
pub fn obj_const(snapshot: &Snapshot, o: ObjId) -> Const {
    match &snapshot.objects[o] {
        Obj::None => Const::None,
        Obj::Bool { value } => Const::Bool(*value),
        Obj::Int { value } => Const::Int(*value),
        Obj::Float { bits } => Const::Float(Snapshot::float_value(bits)),
        Obj::Str { value } => Const::Str(value.clone()),
        Obj::Builtin { qualname } => Const::Builtin(qualname.clone()),
        _ => Const::Obj(o),
    }
}

fn const_ann_readonly(
    c: &Const,
    snapshot: &Snapshot,
    lists: &HashMap<ObjId, ListDefId>,
    dicts: &HashMap<ObjId, crate::model::DictDefId>,
) -> Ann {
    match c {
        Const::None => Ann::None,
        Const::Bool(b) => Ann::Bool(Some(*b)),
        Const::Int(_) => Ann::Int,
        Const::Float(_) => Ann::Float,
        Const::Str(_) => Ann::Str { nullable: false },
        Const::Builtin(q) => Ann::Const(Desc::Builtin(q.clone())),
        Const::Obj(o) => match &snapshot.objects[*o] {
            Obj::Function(_) => Ann::Const(Desc::Function(*o)),
            Obj::Module { .. } => Ann::Const(Desc::Module(*o)),
            Obj::Class(_) => Ann::Const(Desc::Class(*o)),
            Obj::LibInstance { .. } => Ann::Const(Desc::LibObject(*o)),
            Obj::Instance { class, .. } => Ann::Instance {
                class: ClassRef::User(*class),
                nullable: false,
            },
            Obj::List { .. } => match lists.get(o) {
                Some(d) => Ann::List {
                    def: *d,
                    nullable: false,
                },
                None => Ann::Impossible,
            },
            Obj::Range { .. } => Ann::Range,
            Obj::Tuple { items } => Ann::Tuple(
                items
                    .iter()
                    .map(|&it| const_ann_readonly(&obj_const(snapshot, it), snapshot, lists, dicts))
                    .collect(),
            ),
            Obj::Dict { .. } | Obj::Set { .. } => match dicts.get(o) {
                Some(&def) if matches!(snapshot.objects[*o], Obj::Set { .. }) => Ann::Set {
                    def,
                    nullable: false,
                },
                Some(&def) => Ann::Dict {
                    def,
                    nullable: false,
                },
                None => Ann::Impossible,
            },
            _ => Ann::Impossible,
        },
        _ => Ann::Impossible,
    }
}
