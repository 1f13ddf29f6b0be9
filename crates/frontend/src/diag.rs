//! Diagnostics: a message with a primary span, labelled secondary spans, notes and a help
//! line. Every stage returns these instead of panicking; the CLI renders them with
//! [`crate::render`] (rustc's layout, plain or coloured, or JSON for tools).

use crate::source::{SourceMap, Span};

#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Stable error code, documented in docs/errors.md (`E0001`...). Empty for the few
    /// errors that are not about the program (a linker failure, an internal error).
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
    /// What the primary span is (shown under the underline).
    pub label: Option<String>,
    pub secondary: Vec<(Span, String)>,
    pub notes: Vec<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            label: None,
            secondary: vec![],
            notes: vec![],
            help: None,
        }
    }
    pub fn label(mut self, l: impl Into<String>) -> Self {
        self.label = Some(l.into());
        self
    }
    pub fn with_secondary(mut self, span: Span, l: impl Into<String>) -> Self {
        self.secondary.push((span, l.into()));
        self
    }
    pub fn note(mut self, n: impl Into<String>) -> Self {
        self.notes.push(n.into());
        self
    }
    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = Some(h.into());
        self
    }

    /// Plain-text rendering in rustc's layout (no colour), as `--color=never` prints it.
    pub fn render(&self, sm: &SourceMap) -> String {
        crate::render::plain(self, sm)
    }
}

/// Orders diagnostics for reporting: those without a position first (in the order they
/// were made), then by file name, line and column.
pub fn sort(diags: &mut [Diagnostic], sm: &SourceMap) {
    diags.sort_by_cached_key(|d| {
        d.span.map(|s| {
            let lc = sm.line_col(s);
            (sm.files[s.file].path.clone(), lc.line, lc.col)
        })
    });
}

thread_local! {
    /// The function being translated (`name` at file:line), for internal-error reports:
    /// the stages that build or judge one function at a time set it.
    static CONTEXT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Records which function is being translated (None when between functions).
pub fn set_context(what: Option<String>) {
    CONTEXT.with(|c| *c.borrow_mut() = what);
}

/// The function being translated, if a stage recorded one.
pub fn context() -> Option<String> {
    CONTEXT.with(|c| c.borrow().clone())
}
