//! Python AST → flow graph, one graph per prebuilt function object.
//!
//! The source file of the function is parsed once ([`locate`]) and the `def` (or `lambda`)
//! starting on the object's `co_firstlineno` is built into an SSA [`FlowGraph`]:
//! statements ([`stmt`]), expressions ([`expr`]), conditions and short-circuits
//! ([`cond`]), loops and comprehensions ([`loops`]), exceptions ([`exceptions`]); locals
//! become SSA values with Braun et al.'s on-the-fly construction ([`ssa`]), other names
//! become constants ([`scope`]); a last pass checks unbound reads, bypasses blocks that
//! only jump on (never the targets of guarded links), drops trivial parameters and
//! numbers everything in order ([`finish`]).
//!
//! # Conventions later stages rely on
//!
//! - **Entry block**: its parameters are the positional parameters, in order.
//! - **Names**: locals are SSA values. Free variables are their cell's value, globals
//!   their prebuilt value, other names `Const::Builtin("builtins.<name>")`; all constant.
//!   Prebuilt `None`/`bool`/`int`/`float`/`str`/`bytes` become literal constants.
//! - **Undefined**: a local read on a path where it was never assigned is
//!   [`Const::Undefined`], passed along links like any value (and, where it is the only
//!   value reaching a block, it replaces that parameter: an operation may then take it as
//!   an operand). A read that is undefined on every path is error E0102. After
//!   `except E as e:` the name is undefined again.
//! - **Conditions** (`if`, `while`, `assert`, `x if c else y`, and `and`/`or`/`not` inside
//!   them, which become control flow): the branch is on the value itself when it is the
//!   result of a comparison (`lt le eq ne gt ge is_ contains`), `not_`, `bool`, or a
//!   `simple_call` of builtin `isinstance`/`hasattr`; otherwise `bool(x)` is emitted and
//!   the branch is on its result. A condition that is a constant of known truth (a literal,
//!   or a global such as `DEBUG = False`) is folded: no branch and no dead edge.
//! - **Values of `and`/`or`** (outside conditions) are Python's: the deciding operand,
//!   joined through a block parameter.
//! - **Exceptions**: outside `try`, raising operations sit anywhere in a block. Inside a
//!   `try` body (and for every `next` of a `for` loop) a raising operation ends its block
//!   with `Exit::Guarded`: the normal link passes the result as the *first* argument of
//!   a fresh block, each handler link passes the caught exception as the *first* argument
//!   of the handler's block, then (both) the live variables. Handlers are listed innermost
//!   first: one per class of each `except` clause in order (`case: None` for a bare
//!   `except:`), then a `finally`'s catch-all (`case: None`, whose block runs the finally
//!   body and ends with `reraise`), then the enclosing `try`s' handlers. `raise` and
//!   `reraise` end their block with `Guarded { normal: None, .. }` (no handlers outside
//!   `try`). A `for` loop's `next` has `builtins.StopIteration` as its first handler.
//! - **`finally`** bodies are built once per way out: fall-through, exception, and each
//!   `return`/`break`/`continue` leaving the `try`.
//! - **Comprehensions** are inlined loops on `newlist()` calling `getattr(l, "append")`;
//!   their variables are SSA variables named `name@offset` (byte offset of the
//!   comprehension), hinted `name`. A generator expression that is the only argument of
//!   `sum any all min max sorted list tuple` or `str.join` is built as a list comprehension.
//! - **Calls**: `simple_call(f, args...)`, or `call_kw(f, "k1,k2", positional..., keyword
//!   values...)`; `obj.m(x)` is `getattr` then a call.
//! - **Augmented assignment**: `+=` is `inplace_add`, the others their binary operation;
//!   targets `a[i]`/`a.x` evaluate `a` and `i` once.
//!
//! Error codes: E0001 unreadable source, E0002 syntax error, E0003 function not found in
//! its file, E0100 unsupported construct, E0101 assigning a global, E0102 local read before
//! assignment, E0103 integer literal beyond 64 bits, E0104 empty closure cell, E0105 misplaced
//! `raise`/`break`/`continue`, E0106 `except` class that is not a constant, E0199 internal
//! error of the builder.

mod closures;
mod cond;
mod exceptions;
mod expr;
mod finish;
mod locate;
mod loops;
mod scope;
mod ssa;
mod stmt;

use crate::diag::Diagnostic;
use crate::entities::{Block, FileId, ObjId, Value};
use crate::graph::{Exit, Handler, Link, OpInfo};
use crate::ops::{Const, FlowGraph, FlowOp};
use crate::prebuilt::{FunctionObj, Obj, Snapshot};
use crate::source::{SourceMap, Span};
use locate::{FuncAst, ParsedFile};
use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;
use scope::Scope;
use ssa::{Ssa, Var};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Builds the flow graph of one prebuilt function object.
pub fn build_flow_graph(
    snapshot: &Snapshot,
    func: ObjId,
    sources: &mut SourceMap,
) -> Result<FlowGraph, Vec<Diagnostic>> {
    FlowBuilderCache::new().build(snapshot, func, sources)
}

/// Parsed source files, kept across the graphs of one translation.
#[derive(Default)]
pub struct FlowBuilderCache {
    files: HashMap<String, Result<ParsedFile, Diagnostic>>,
    mutable: Option<HashSet<(String, String)>>,
}

impl FlowBuilderCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Globals that some function assigns at run time (declared `global` in any function
    /// of the files of the snapshot's functions), by (file, name): reads of them are
    /// `getglobal` operations instead of constants.
    fn mutable_globals(
        &mut self,
        snapshot: &Snapshot,
        sources: &mut SourceMap,
    ) -> HashSet<(String, String)> {
        if let Some(m) = &self.mutable {
            return m.clone();
        }
        let mut files: Vec<String> = snapshot
            .objects
            .iter()
            .filter_map(|(_, o)| match o {
                Obj::Function(f) => Some(f.file.clone()),
                _ => None,
            })
            .collect();
        files.sort();
        files.dedup();
        let mut out = HashSet::new();
        for path in files {
            let parsed = self
                .files
                .entry(path.clone())
                .or_insert_with(|| ParsedFile::load(&path, sources));
            if let Ok(p) = parsed {
                out.extend(
                    p.global_declarations()
                        .into_iter()
                        .map(|n| (path.clone(), n)),
                );
            }
        }
        self.mutable = Some(out.clone());
        out
    }

    /// Builds the flow graph of one prebuilt function object.
    pub fn build(
        &mut self,
        snapshot: &Snapshot,
        func: ObjId,
        sources: &mut SourceMap,
    ) -> Result<FlowGraph, Vec<Diagnostic>> {
        let Some(Obj::Function(f)) = snapshot.objects.get(func) else {
            return Err(vec![Diagnostic::new(
                "E0199",
                format!("internal error: {func} is not a function object"),
                None,
            )]);
        };
        let parsed = self
            .files
            .entry(f.file.clone())
            .or_insert_with(|| ParsedFile::load(&f.file, sources));
        let parsed = parsed.as_ref().map_err(|d| vec![d.clone()])?;
        if parsed
            .find(f.firstlineno, &f.name, f.is_lambda, f.first_pos)
            .is_none()
        {
            return Err(vec![parsed.not_found(
                &f.qualname,
                &f.file,
                f.firstlineno,
                sources,
            )]);
        };
        let file = parsed.file;
        let mutable = self.mutable_globals(snapshot, sources);
        let parsed = self.files[&f.file].as_ref().expect("loaded above");
        let fast = parsed
            .find(f.firstlineno, &f.name, f.is_lambda, f.first_pos)
            .expect("found above");
        let line_starts = &parsed.line_starts;
        // A big stack for deep nesting, and a panic (a builder bug) becomes a diagnostic.
        let run = || Builder::run(snapshot, f, file, fast, &mutable, line_starts);
        let joined = std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn_scoped(s, run)
                .map(|h| h.join())
        });
        match joined {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(vec![Diagnostic::new(
                "E0199",
                format!(
                    "internal error while building the flow graph of `{}`",
                    f.qualname
                ),
                Some(parsed.span(fast.range())),
            )
            .help("this is a bug in rpy; please report it with this function")]),
            Err(_) => Builder::run(snapshot, f, file, fast, &mutable, line_starts),
        }
    }
}

pub(crate) fn span_of(file: FileId, r: TextRange) -> Span {
    Span {
        file,
        start: u32::from(r.start()),
        end: u32::from(r.end()),
    }
}

/// An enclosing exception handler: its case (a class constant, `None` for all) and block.
#[derive(Clone)]
pub(crate) struct HandlerEntry {
    case: Option<Const>,
    target: Block,
}

/// An enclosing loop: where `continue` and `break` go, and how many `finally` frames
/// were open when it started (those above it run on `break`/`continue`).
#[derive(Clone, Copy)]
pub(crate) struct LoopFrame {
    cont: Block,
    brk: Block,
    fin_depth: usize,
}

/// An enclosing `try` with a `finally`, and the context its body runs in.
#[derive(Clone)]
pub(crate) struct FinallyFrame<'a> {
    body: &'a [ast::Stmt],
    outer: Rc<Ctx<'a>>,
}

/// What encloses the statement being built.
#[derive(Clone, Default)]
pub(crate) struct Ctx<'a> {
    handlers: Vec<HandlerEntry>,
    loops: Vec<LoopFrame>,
    finallies: Vec<FinallyFrame<'a>>,
    /// Temporaries holding the exceptions of the enclosing `except` bodies (for `raise`).
    caught: Vec<Var>,
}

/// A value kept across block boundaries: constants are valid everywhere, variables are
/// re-read through the SSA construction.
pub(crate) enum Held {
    Const(Value),
    Var(Var),
}

pub(crate) struct Builder<'a> {
    g: FlowGraph,
    snap: &'a Snapshot,
    func: &'a FunctionObj,
    file: FileId,
    diags: Vec<Diagnostic>,
    ssa: Ssa,
    /// The block being filled; `None` after `return`, `raise`, `break`...
    cur: Option<Block>,
    scope: Scope,
    globals: HashMap<&'a str, ObjId>,
    ctx: Ctx<'a>,
    /// Comprehension scopes, innermost last: Python name → SSA variable name.
    renames: Vec<HashMap<String, String>>,
    next_temp: u32,
    /// Values known to be bools (branches use them directly).
    bool_values: HashSet<Value>,
    /// Reads of Python locals, for the unbound-read check.
    reads: Vec<(Value, String, Span, Block)>,
    /// Globals assigned at run time somewhere, by (file, name).
    mutable: &'a HashSet<(String, String)>,
    /// Names that live in cells (cell variables, free variables of a lifted function),
    /// and whether their cell is filled from the start.
    cells: HashMap<String, bool>,
    /// Byte offset of each line of the function's file.
    line_starts: &'a [u32],
}

impl<'a> Builder<'a> {
    fn run(
        snap: &'a Snapshot,
        func: &'a FunctionObj,
        file: FileId,
        fast: &'a FuncAst,
        mutable: &'a HashSet<(String, String)>,
        line_starts: &'a [u32],
    ) -> Result<FlowGraph, Vec<Diagnostic>> {
        let globals = match snap.objects.get(func.globals) {
            Some(Obj::Module { globals, .. }) => {
                globals.iter().map(|(n, o)| (n.as_str(), *o)).collect()
            }
            _ => HashMap::new(),
        };
        let mut b = Builder {
            g: FlowGraph::new(func.qualname.clone(), span_of(file, fast.range())),
            snap,
            func,
            file,
            diags: vec![],
            ssa: Ssa::default(),
            cur: None,
            scope: Scope::default(),
            globals,
            ctx: Ctx::default(),
            renames: vec![],
            next_temp: 0,
            bool_values: HashSet::new(),
            reads: vec![],
            mutable,
            cells: HashMap::new(),
            line_starts,
        };
        let entry = b.g.entry;
        b.ssa.seal(&mut b.g, entry);
        b.cur = Some(entry);
        match fast {
            FuncAst::AsyncDef(d) => {
                b.unsupported("`async def`", d.range, "write a plain `def`");
            }
            FuncAst::Def(d) => {
                let (params, refused) = b.params(&d.args);
                let all: Vec<&str> = params.iter().chain(&refused).copied().collect();
                b.scope = Scope::of_function(&all, &d.body);
                b.bind_free_cells();
                b.bind_params(&params);
                b.make_cellvars(&params, d.range);
                b.poison(refused.iter().map(|s| s.to_string()));
                b.stmts(&d.body);
            }
            FuncAst::Lambda(l) => {
                let (params, refused) = b.params(&l.args);
                let all: Vec<&str> = params.iter().chain(&refused).copied().collect();
                b.scope = Scope::of_lambda(&all);
                b.bind_free_cells();
                b.bind_params(&params);
                b.make_cellvars(&params, l.range);
                b.poison(refused.iter().map(|s| s.to_string()));
                let v = b.expr(&l.body);
                if let Some(cur) = b.cur.take() {
                    b.set_exit(cur, Exit::Return(v));
                }
            }
        }
        if let Some(cur) = b.cur.take() {
            let none = b.g.new_const(Const::None);
            b.set_exit(cur, Exit::Return(none));
        }
        b.check_unbound_reads();
        if !b.diags.is_empty() {
            let mut seen = HashSet::new();
            let mut diags = b.diags;
            diags.retain(|d| {
                seen.insert((d.code, d.message.clone(), d.span.map(|s| (s.start, s.end))))
            });
            return Err(diags);
        }
        Ok(finish::finish(b.g, &b.ssa.phis))
    }

    /// The positional parameter names, and the refused ones (`*args`, keyword-only,
    /// `**kwargs`).
    fn params(&mut self, args: &'a ast::Arguments) -> (Vec<&'a str>, Vec<&'a str>) {
        if let Some(v) = &args.vararg {
            self.unsupported("`*args`", v.range, "pass a list or tuple argument instead");
        }
        for k in &args.kwonlyargs {
            self.unsupported(
                "a keyword-only parameter",
                k.def.range,
                "make it a positional parameter",
            );
        }
        if let Some(k) = &args.kwarg {
            self.unsupported(
                "`**kwargs`",
                k.range,
                "pass the options as positional parameters",
            );
        }
        let positional = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| a.def.arg.as_str())
            .collect();
        let refused = (args.vararg.iter().map(|a| a.arg.as_str()))
            .chain(args.kwonlyargs.iter().map(|a| a.def.arg.as_str()))
            .chain(args.kwarg.iter().map(|a| a.arg.as_str()))
            .collect();
        (positional, refused)
    }

    fn bind_params(&mut self, params: &[&str]) {
        let entry = self.g.entry;
        for &p in params {
            let v = self.g.add_param(entry, Some(p));
            self.ssa.write(entry, Var::Name(p.to_string()), v);
        }
    }

    // ----- diagnostics -----

    fn span(&self, r: TextRange) -> Span {
        span_of(self.file, r)
    }

    fn error(&mut self, code: &'static str, msg: impl Into<String>, r: TextRange, help: &str) {
        let d = Diagnostic::new(code, msg, Some(self.span(r))).help(help);
        self.diags.push(d);
    }

    /// E0100: "<what> is not supported yet" (`what` names the construct, code in backticks).
    fn unsupported(&mut self, what: &str, r: TextRange, help: &str) {
        let d = Diagnostic::new(
            "E0100",
            format!("{what} is not supported yet"),
            Some(self.span(r)),
        )
        .label("not supported by rpy")
        .help(help);
        self.diags.push(d);
    }

    // ----- blocks and values -----

    fn konst(&mut self, c: Const) -> Value {
        self.g.new_const(c)
    }

    /// A new block with `n` explicit parameters.
    fn new_block(&mut self, n: usize) -> Block {
        let b = self.g.new_block();
        for _ in 0..n {
            self.g.add_param(b, None);
        }
        b
    }

    fn param(&self, b: Block, i: usize) -> Value {
        self.g.blocks[b].params[i]
    }

    fn seal(&mut self, b: Block) {
        self.ssa.seal(&mut self.g, b);
    }

    fn has_preds(&self, b: Block) -> bool {
        !self.ssa.preds(b).is_empty()
    }

    /// The block being filled (a fresh unreachable one if control cannot get here).
    fn cur(&mut self) -> Block {
        match self.cur {
            Some(b) => b,
            None => {
                let b = self.g.new_block();
                self.seal(b);
                self.cur = Some(b);
                b
            }
        }
    }

    fn set_exit(&mut self, b: Block, exit: Exit) {
        for (i, l) in exit.links().iter().enumerate() {
            self.ssa.add_pred(l.target, b, i);
        }
        self.g.set_exit(b, exit);
    }

    /// Ends the current block (if any) with a jump to `target`.
    fn goto(&mut self, target: Block) {
        if let Some(b) = self.cur.take() {
            self.set_exit(
                b,
                Exit::Goto(Link {
                    target,
                    args: vec![],
                }),
            );
        }
    }

    /// Continues in one block reached from every open block of `ends` (none: unreachable).
    fn join(&mut self, ends: Vec<Block>) {
        match ends.len() {
            0 => self.cur = None,
            1 => self.cur = Some(ends[0]),
            _ => {
                let j = self.new_block(0);
                for b in ends {
                    self.set_exit(
                        b,
                        Exit::Goto(Link {
                            target: j,
                            args: vec![],
                        }),
                    );
                }
                self.seal(j);
                self.cur = Some(j);
            }
        }
    }

    fn read(&mut self, var: &Var) -> Value {
        let b = self.cur();
        self.ssa.read(&mut self.g, b, var)
    }

    fn write(&mut self, var: Var, v: Value) {
        let b = self.cur();
        self.ssa.write(b, var, v);
    }

    fn new_temp(&mut self) -> Var {
        self.next_temp += 1;
        Var::Temp(self.next_temp)
    }

    /// Keeps a value alive across block boundaries (operands evaluated before a later
    /// operand splits the block); read it back with [`Self::get`].
    fn hold(&mut self, v: Value) -> Held {
        if self.g.is_const(v) {
            return Held::Const(v);
        }
        let t = self.new_temp();
        self.write(t.clone(), v);
        Held::Var(t)
    }

    fn get(&mut self, h: &Held) -> Value {
        match h {
            Held::Const(v) => *v,
            Held::Var(t) => self.read(t),
        }
    }

    /// Appends an operation; inside `try`, a raising one ends the block (see module doc).
    fn emit(&mut self, op: FlowOp, args: Vec<Value>, r: TextRange) -> Value {
        let b = self.cur();
        let span = self.span(r);
        let res = self.g.push_op(b, op, args, span);
        if !op.can_raise() || self.ctx.handlers.is_empty() {
            return res;
        }
        let next = self.new_block(1);
        self.guarded_exit(
            b,
            Some(Link {
                target: next,
                args: vec![res],
            }),
            vec![],
        );
        self.seal(next);
        self.cur = Some(next);
        self.param(next, 0)
    }

    /// Ends `b` with a guarded exit: handlers `first`, then the enclosing ones.
    fn guarded_exit(&mut self, b: Block, normal: Option<Link>, first: Vec<HandlerEntry>) {
        let all: Vec<HandlerEntry> = first
            .into_iter()
            .chain(self.ctx.handlers.iter().cloned())
            .collect();
        let mut handlers = Vec::with_capacity(all.len());
        for h in all {
            let catch_all = h.case.is_none();
            let case = h.case.map(|c| self.g.new_const(c));
            let exc = self.g.new_var(Some("exc"));
            handlers.push(Handler {
                case,
                exc,
                link: Link {
                    target: h.target,
                    args: vec![exc],
                },
            });
            if catch_all {
                break; // later handlers are never tried
            }
        }
        self.set_exit(b, Exit::Guarded { normal, handlers });
        if self.cur == Some(b) {
            self.cur = None;
        }
    }

    /// Emits an operation that always raises (`raise`, `reraise`) and ends the block.
    fn emit_raise(&mut self, op: FlowOp, arg: Value, r: TextRange) {
        let b = self.cur();
        let span = self.span(r);
        self.g.push_op(b, op, vec![arg], span);
        self.guarded_exit(b, None, vec![]);
        self.cur = None;
    }
}
