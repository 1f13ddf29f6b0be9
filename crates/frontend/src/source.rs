//! Source files and spans: every operation of every stage keeps the span of the Python
//! source it came from, so errors and tracebacks can name file:line:col.

use crate::entities::FileId;
use cranelift_entity::PrimaryMap;

/// A byte range in one source file.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

/// One loaded source file with its line-start table.
#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<u32>,
}

/// A resolved position: 1-based line and column (column counted in characters).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(0, |s| s.chars().count());
        LineCol {
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte range of a 0-based line, its newline included.
    pub fn line_range(&self, line_index: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line_index)? as usize;
        let end = self
            .line_starts
            .get(line_index + 1)
            .map_or(self.text.len(), |&e| e as usize);
        Some(start..end)
    }

    /// How many lines the file has (a last line without newline counts).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: u32) -> u32 {
        self.line_starts
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }
}

/// All source files of a translation.
#[derive(Default, Debug)]
pub struct SourceMap {
    pub files: PrimaryMap<FileId, SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        if let Some((id, _)) = self.files.iter().find(|(_, f)| f.path == path) {
            return id;
        }
        self.files.push(SourceFile::new(path, text))
    }

    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .find(|(_, f)| f.path == path)
            .map(|(id, _)| id)
    }

    pub fn line_col(&self, span: Span) -> LineCol {
        self.files[span.file].line_col(span.start)
    }

    /// `path:line:col` of a span's start.
    pub fn describe(&self, span: Span) -> String {
        let lc = self.line_col(span);
        format!("{}:{}:{}", self.files[span.file].path, lc.line, lc.col)
    }
}
