//! Finding a function object's AST: each source file is parsed once and indexed by the
//! first line of every `def` (the first decorator's line when decorated, as CPython's
//! `co_firstlineno`) and every `lambda`, at any depth (class bodies, nested functions,
//! conditional definitions).

use super::span_of;
use crate::diag::Diagnostic;
use crate::entities::FileId;
use crate::source::{SourceMap, Span};
use rustpython_parser::ast::{self, fold, Fold, Ranged};
use rustpython_parser::text_size::TextRange;
use rustpython_parser::Mode;
use std::collections::HashMap;
use std::convert::Infallible;

/// A function's syntax: a `def`, an `async def` (refused later) or a `lambda`.
pub(crate) enum FuncAst {
    Def(ast::StmtFunctionDef),
    AsyncDef(ast::StmtAsyncFunctionDef),
    Lambda(ast::ExprLambda),
}

impl FuncAst {
    pub fn name(&self) -> &str {
        match self {
            FuncAst::Def(d) => d.name.as_str(),
            FuncAst::AsyncDef(d) => d.name.as_str(),
            FuncAst::Lambda(_) => "<lambda>",
        }
    }

    pub fn range(&self) -> TextRange {
        match self {
            FuncAst::Def(d) => d.range,
            FuncAst::AsyncDef(d) => d.range,
            FuncAst::Lambda(l) => l.range,
        }
    }
}

/// One parsed source file: its id in the [`SourceMap`] and its functions by first line.
pub(crate) struct ParsedFile {
    pub file: FileId,
    /// The byte offset of each line's start.
    pub line_starts: Vec<u32>,
    by_line: HashMap<u32, Vec<FuncAst>>,
}

impl ParsedFile {
    /// Reads (unless the source map has it already), parses and indexes `path`.
    pub fn load(path: &str, sources: &mut SourceMap) -> Result<ParsedFile, Diagnostic> {
        let file = match sources.find(path) {
            Some(f) => f,
            None if path.starts_with('<') => {
                // `<string>`, `<stdin>`...: the code object was compiled from a string.
                return Err(Diagnostic::new(
                    "E0008",
                    format!("a function the program calls has no source file (its code says `{path}`)"),
                    None,
                )
                .note("functions made by `exec`, `eval` or `compile` have no `def` in a .py file")
                .help("define the function with `def` in a .py file (code generators can write one and import it)"));
            }
            None => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Diagnostic::new("E0001", format!("cannot read source file `{path}`: {e}"), None)
                        .help("rpy reads the Python source of every function it translates; keep the .py files next to the program")
                })?;
                sources.add(path.to_string(), text)
            }
        };
        let text = &sources.files[file].text;
        let module = rustpython_parser::parse(text, Mode::Module, path).map_err(|e| {
            let start = u32::from(e.offset).min(text.len() as u32);
            let end = (start + 1).min(text.len() as u32).max(start);
            Diagnostic::new(
                "E0007",
                format!("syntax error: {}", e.error),
                Some(Span { file, start, end }),
            )
            .label("the parser stopped here")
            .help("rpy parses the same Python 3 syntax as CPython 3.11; fix the syntax error")
        })?;
        let starts = line_starts(text);
        let mut indexer = Indexer {
            line_starts: starts.clone(),
            by_line: HashMap::new(),
        };
        if let ast::Mod::Module(m) = module {
            for stmt in m.body {
                let _ = indexer.fold_stmt(stmt);
            }
        }
        Ok(ParsedFile {
            file,
            line_starts: starts,
            by_line: indexer.by_line,
        })
    }

    /// The function whose first line is `line`, preferring one named `name`.
    /// Names declared `global` in any function of the file.
    pub fn global_declarations(&self) -> Vec<String> {
        fn walk(stmts: &[ast::Stmt], out: &mut Vec<String>) {
            for s in stmts {
                match s {
                    ast::Stmt::Global(g) => out.extend(g.names.iter().map(|n| n.to_string())),
                    ast::Stmt::If(x) => {
                        walk(&x.body, out);
                        walk(&x.orelse, out);
                    }
                    ast::Stmt::While(x) => {
                        walk(&x.body, out);
                        walk(&x.orelse, out);
                    }
                    ast::Stmt::For(x) => {
                        walk(&x.body, out);
                        walk(&x.orelse, out);
                    }
                    ast::Stmt::Try(x) => {
                        walk(&x.body, out);
                        walk(&x.orelse, out);
                        walk(&x.finalbody, out);
                        for h in &x.handlers {
                            let ast::ExceptHandler::ExceptHandler(h) = h;
                            walk(&h.body, out);
                        }
                    }
                    ast::Stmt::With(x) => walk(&x.body, out),
                    _ => {}
                }
            }
        }
        let mut out = vec![];
        for fs in self.by_line.values() {
            for f in fs {
                if let FuncAst::Def(d) = f {
                    walk(&d.body, &mut out);
                }
            }
        }
        out
    }

    /// `pos` (line and column of the code's first instruction) tells apart lambdas that
    /// start on one line: the one whose range contains it.
    pub fn find(
        &self,
        line: u32,
        name: &str,
        is_lambda: bool,
        pos: Option<(u32, u32)>,
    ) -> Option<&FuncAst> {
        let cands = self.by_line.get(&line)?;
        let kind_ok = |f: &&FuncAst| matches!(f, FuncAst::Lambda(_)) == is_lambda;
        let at = pos.map(|p| offset_of(&self.line_starts, p));
        cands
            .iter()
            .filter(kind_ok)
            .find(|f| f.name() == name && at.map_or(true, |o| f.range().contains(o.into())))
            .or_else(|| cands.iter().filter(kind_ok).find(|f| f.name() == name))
            .or_else(|| cands.iter().find(kind_ok))
    }

    /// A diagnostic for a function that is not in its file.
    pub fn not_found(
        &self,
        qualname: &str,
        path: &str,
        line: u32,
        sources: &SourceMap,
    ) -> Diagnostic {
        let file = &sources.files[self.file];
        let start = file.line_start(line);
        let end = start + file.line_text(line).len() as u32;
        let span = (line as usize <= file.text.lines().count()).then_some(Span {
            file: self.file,
            start,
            end,
        });
        Diagnostic::new("E0008", format!("cannot find the source of function `{qualname}` at {path}:{line}"), span)
            .note("the function object says it was defined on this line, but no `def` or `lambda` starts there")
            .help("functions made by `exec`, `eval` or code generators cannot be translated; define them in a .py file")
    }

    pub fn span(&self, range: TextRange) -> Span {
        span_of(self.file, range)
    }
}

/// The byte offset of a (1-based line, byte column) position.
pub(crate) fn offset_of(line_starts: &[u32], (line, col): (u32, u32)) -> u32 {
    line_starts
        .get(line.saturating_sub(1) as usize)
        .map_or(0, |s| s + col)
}

fn line_starts(text: &str) -> Vec<u32> {
    let mut v = vec![0];
    v.extend(
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i as u32 + 1),
    );
    v
}

struct Indexer {
    line_starts: Vec<u32>,
    by_line: HashMap<u32, Vec<FuncAst>>,
}

impl Indexer {
    fn line(&self, range: TextRange) -> u32 {
        let off = u32::from(range.start());
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn first_line(&self, range: TextRange, decorators: &[ast::Expr]) -> u32 {
        decorators
            .iter()
            .map(|d| self.line(d.range()))
            .chain([self.line(range)])
            .min()
            .unwrap_or(0)
    }
}

impl Fold<TextRange> for Indexer {
    type TargetU = TextRange;
    type Error = Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Infallible> {
        Ok(user)
    }

    fn fold_stmt(&mut self, node: ast::Stmt) -> Result<ast::Stmt, Infallible> {
        match &node {
            ast::Stmt::FunctionDef(d) => {
                let line = self.first_line(d.range, &d.decorator_list);
                self.by_line
                    .entry(line)
                    .or_default()
                    .push(FuncAst::Def(d.clone()));
            }
            ast::Stmt::AsyncFunctionDef(d) => {
                let line = self.first_line(d.range, &d.decorator_list);
                self.by_line
                    .entry(line)
                    .or_default()
                    .push(FuncAst::AsyncDef(d.clone()));
            }
            _ => {}
        }
        fold::fold_stmt(self, node)
    }

    fn fold_expr(&mut self, node: ast::Expr) -> Result<ast::Expr, Infallible> {
        if let ast::Expr::Lambda(l) = &node {
            let line = self.line(l.range);
            self.by_line
                .entry(line)
                .or_default()
                .push(FuncAst::Lambda(l.clone()));
        }
        fold::fold_expr(self, node)
    }
}
