//! Diagnostics: a message with a primary span, labelled secondary spans, notes and a help
//! line. Every stage returns these instead of panicking; the CLI renders them.

use crate::source::{SourceMap, Span};
use std::fmt::Write;

#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Stable error code, documented in docs/errors.md (`E0001`...).
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

    /// Plain-text rendering in rustc's layout.
    pub fn render(&self, sm: &SourceMap) -> String {
        let mut out = format!("error[{}]: {}\n", self.code, self.message);
        let show = |out: &mut String, span: Span, label: Option<&str>, primary: bool| {
            let file = &sm.files[span.file];
            let lc = file.line_col(span.start);
            let _ = writeln!(out, "  --> {}:{}:{}", file.path, lc.line, lc.col);
            let text = file.line_text(lc.line);
            let width = lc.line.to_string().len();
            let _ = writeln!(out, "{:width$} |", "");
            let _ = writeln!(out, "{} | {}", lc.line, text);
            let end_lc = file.line_col(span.end.max(span.start + 1));
            let len = if end_lc.line == lc.line {
                (end_lc.col - lc.col).max(1)
            } else {
                (text.chars().count() as u32 + 1)
                    .saturating_sub(lc.col)
                    .max(1)
            };
            let mark = if primary { "^" } else { "-" };
            let _ = writeln!(
                out,
                "{:width$} | {}{} {}",
                "",
                " ".repeat(lc.col as usize - 1),
                mark.repeat(len as usize),
                label.unwrap_or("")
            );
        };
        if let Some(span) = self.span {
            show(&mut out, span, self.label.as_deref(), true);
        }
        for (span, l) in &self.secondary {
            show(&mut out, *span, Some(l), false);
        }
        for n in &self.notes {
            let _ = writeln!(out, "  = note: {n}");
        }
        if let Some(h) = &self.help {
            let _ = writeln!(out, "  = help: {h}");
        }
        out
    }
}
