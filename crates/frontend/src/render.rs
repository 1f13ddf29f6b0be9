//! Rendering of [`Diagnostic`]s, for people and for tools.
//!
//! - [`plain`] / [`emit`]: rustc's layout through codespan-reporting with its ASCII
//!   character set: `error[E0200]: message`, `--> file:line:col`, the source lines with
//!   the primary span underlined by `^` and secondary spans by `-`, each with its label,
//!   then `= note:` and `= help:` lines. [`emit`] colours it when asked to.
//! - [`json`]: one JSON object per diagnostic (code, message, file, line, col, end,
//!   labels, notes, help), printed on one line each by `--error-format=json`.
//! - [`summary`]: the closing `error: aborting due to N previous errors` line.

use crate::diag::Diagnostic;
use crate::entities::FileId;
use crate::source::{SourceMap, Span};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::WriteColor, Chars, Config};
use cranelift_entity::EntityRef;
use std::ops::Range;

/// The colour-capable writers `emit` takes (re-exported for the CLI).
pub use codespan_reporting::term::termcolor;

/// codespan-reporting reads the translation's sources straight from the [`SourceMap`].
impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.get(id).map(|f| shown_path(&f.path))
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.get(id).map(|f| f.text.as_str())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        Ok(f.line_col(byte_index as u32).line as usize - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.get(id)?;
        f.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: f.line_count().saturating_sub(1),
        })
    }
}

impl SourceMap {
    fn get(&self, id: FileId) -> Result<&crate::source::SourceFile, FilesError> {
        if id.index() < self.files.len() {
            Ok(&self.files[id])
        } else {
            Err(FilesError::FileMissing)
        }
    }

    /// The byte range a label underlines: [`SourceMap::range`] cut at the end of its
    /// first line (a whole `def` or `with` block is shown by its first line).
    fn label_range(&self, span: Span) -> Range<usize> {
        let r = self.range(span);
        let text = &self.files[span.file].text;
        match text[r.clone()].find('\n') {
            Some(n) => r.start..r.start + text[r.start..r.start + n].trim_end().len().max(1),
            None => r,
        }
    }

    /// The byte range a span underlines: at least one character, within the file.
    fn range(&self, span: Span) -> Range<usize> {
        let len = self.files[span.file].text.len();
        let start = (span.start as usize).min(len);
        let mut end = (span.end as usize).clamp(start, len);
        if end == start {
            let text = &self.files[span.file].text[start..];
            end = start + text.chars().next().map_or(0, |c| c.len_utf8());
            // Never underline the newline itself: point at the end of the line.
            if text.starts_with('\n') {
                end = start;
            }
        }
        start..end
    }
}

/// A file's path as diagnostics show it: relative to the current directory when the file
/// is under it (CPython reports absolute paths), else as it is.
pub fn shown_path(path: &str) -> &str {
    static CWD: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| {
        let d = std::env::current_dir().ok()?;
        Some(format!("{}/", d.to_str()?.trim_end_matches('/')))
    });
    match cwd {
        Some(c) => path.strip_prefix(c.as_str()).unwrap_or(path),
        None => path,
    }
}

fn config() -> Config {
    Config {
        chars: Chars::ascii(),
        ..Config::default()
    }
}

/// The codespan-reporting form of a diagnostic: the `note:` and `help:` prefixes are
/// ours, so the plain text reads as rustc's does.
fn to_codespan(d: &Diagnostic, sm: &SourceMap) -> CsDiagnostic<FileId> {
    let mut cs = CsDiagnostic::error().with_message(d.message.clone());
    if !d.code.is_empty() {
        cs = cs.with_code(d.code);
    }
    let mut labels = vec![];
    if let Some(s) = d.span.filter(|s| sm.get(s.file).is_ok()) {
        labels.push(
            Label::primary(s.file, sm.label_range(s))
                .with_message(d.label.clone().unwrap_or_default()),
        );
    }
    for (s, l) in &d.secondary {
        if sm.get(s.file).is_ok() {
            labels.push(Label::secondary(s.file, sm.label_range(*s)).with_message(l.clone()));
        }
    }
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    cs.with_labels(labels).with_notes(notes)
}

/// The plain rendering (no colour), ending with a blank line.
pub fn plain(d: &Diagnostic, sm: &SourceMap) -> String {
    let cs = to_codespan(d, sm);
    match term::emit_into_string(&config(), sm, &cs) {
        Ok(s) => s,
        Err(e) => format!(
            "error[{}]: {}\n  (cannot show the source: {e})\n",
            d.code, d.message
        ),
    }
}

/// Writes one diagnostic to a (possibly colouring) writer.
pub fn emit(w: &mut dyn WriteColor, d: &Diagnostic, sm: &SourceMap) -> std::io::Result<()> {
    let cs = to_codespan(d, sm);
    match term::emit_to_write_style(w, &config(), sm, &cs) {
        Ok(()) => Ok(()),
        Err(FilesError::Io(e)) => Err(e),
        Err(e) => writeln!(
            w,
            "error[{}]: {}\n  (cannot show the source: {e})",
            d.code, d.message
        ),
    }
}

/// Where a span starts and ends, 1-based, as JSON.
fn position(sm: &SourceMap, s: Span) -> serde_json::Value {
    let f = &sm.files[s.file];
    let r = sm.range(s);
    let (a, b) = (f.line_col(r.start as u32), f.line_col(r.end as u32));
    serde_json::json!({
        "file": shown_path(&f.path),
        "line": a.line,
        "col": a.col,
        "end": { "line": b.line, "col": b.col },
    })
}

/// One diagnostic as a JSON object: `code`, `message`, `file`, `line`, `col`, `end`
/// (`{line, col}`, exclusive; all null when the error has no position), `labels` (each
/// with its position, `message` and `primary`), `notes` and `help` (null when absent).
pub fn json(d: &Diagnostic, sm: &SourceMap) -> serde_json::Value {
    let valid = |s: &Span| sm.get(s.file).is_ok();
    let mut labels = vec![];
    let mut obj = serde_json::json!({
        "severity": "error",
        "code": if d.code.is_empty() { None } else { Some(d.code) },
        "message": d.message,
        "file": null, "line": null, "col": null, "end": null,
    });
    if let Some(s) = d.span.filter(valid) {
        let pos = position(sm, s);
        for k in ["file", "line", "col", "end"] {
            obj[k] = pos[k].clone();
        }
        let mut l = pos;
        l["message"] = d.label.clone().unwrap_or_default().into();
        l["primary"] = true.into();
        labels.push(l);
    }
    for (s, m) in d.secondary.iter().filter(|(s, _)| valid(s)) {
        let mut l = position(sm, *s);
        l["message"] = m.clone().into();
        l["primary"] = false.into();
        labels.push(l);
    }
    obj["labels"] = labels.into();
    obj["notes"] = d.notes.clone().into();
    obj["help"] = d.help.clone().into();
    obj
}

/// The line that closes a failed translation's report.
pub fn summary(n: usize) -> String {
    match n {
        1 => "error: aborting due to 1 previous error".to_string(),
        n => format!("error: aborting due to {n} previous errors"),
    }
}
