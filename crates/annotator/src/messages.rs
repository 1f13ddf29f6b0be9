//! The annotator's error messages: where a type came from (two-type conflicts with both
//! sources and their lines, a function's return statements, a global's module-level
//! assignment) and the operands no operation can take.

use crate::driver::Annotator;
use crate::model::Ann;
use cranelift_entity::EntityRef;
use frontend::diag::Diagnostic;
use frontend::entities::{GraphId, Value};
use frontend::ops::Const;
use frontend::prebuilt::Obj;
use frontend::source::Span;

impl Annotator<'_> {
    /// Where a function returns `v`, for messages: the value's origin when it is inside
    /// the function; else (an argument returned as it came) the `return NAME` line that
    /// returns it, or the `def`.
    pub(crate) fn return_site(&self, g: GraphId, v: Value) -> Span {
        let graph = &self.p.graphs[g];
        let def = graph.span;
        let origin = self.origin(g, v);
        if let Some(o) =
            origin.filter(|o| o.file == def.file && o.start >= def.start && o.end <= def.end)
        {
            return o;
        }
        let f = &self.sources.files[def.file];
        if let frontend::graph::ValueData::Var { hint: Some(h) } = &graph.values[v] {
            let body = &f.text[def.start as usize..(def.end as usize).min(f.text.len())];
            let mut off = def.start as usize;
            for line in body.split_inclusive('\n') {
                let t = line.trim();
                if t == format!("return {h}") {
                    let start = (off + line.find("return").unwrap_or(0)) as u32;
                    return Span {
                        file: def.file,
                        start,
                        end: start + t.len() as u32,
                    };
                }
                off += line.len();
            }
        }
        self.def_line(g)
    }

    /// Where graph `g` first returned a value, if it has.
    pub fn return_origin(&self, g: GraphId) -> Option<Span> {
        self.return_origins.get(g.index()).copied().flatten()
    }

    /// The first line of a function's `def`, for messages about the whole function.
    pub(crate) fn def_line(&self, g: GraphId) -> Span {
        let def = self.p.graphs[g].span;
        let f = &self.sources.files[def.file];
        let first_line = f.text[def.start as usize..]
            .find('\n')
            .map_or(def.end, |n| def.start + n as u32);
        Span {
            file: def.file,
            start: def.start,
            end: first_line.min(def.end),
        }
    }

    /// A two-type conflict of `subject`: "would be both A and B" with A the type of the
    /// earlier place in the source; the later place is the primary span, the earlier a
    /// secondary one, and a note tells both with their source lines.
    pub fn conflict(
        &self,
        code: &'static str,
        subject: &str,
        first: (&Ann, Option<Span>),
        second: (&Ann, Span),
    ) -> Diagnostic {
        let (mut a, mut b) = ((first.0, first.1), (second.0, Some(second.1)));
        let pos = |s: Option<Span>| s.map(|s| (s.file, s.start));
        if a.1.is_some() && pos(a.1) > pos(b.1) {
            std::mem::swap(&mut a, &mut b);
        }
        let (da, db) = (self.describe(a.0), self.describe(b.0));
        let primary = b.1.or(a.1);
        let mut d = Diagnostic::new(
            code,
            format!("{subject} would be both {da} and {db}"),
            primary,
        )
        .label(format!("{} here", with_article(&db)));
        let mut told = vec![];
        if let (Some(sa), Some(sb)) = (a.1, b.1) {
            d = d.with_secondary(sa, format!("{} here", with_article(&da)));
            told.push(format!("{} {}", with_article(&da), self.place(sa, primary)));
            told.push(format!("{} {}", with_article(&db), self.place(sb, primary)));
        }
        let same_line = |x: Span, y: Span| {
            x.file == y.file && self.sources.line_col(x).line == self.sources.line_col(y).line
        };
        if told.len() == 2 && !a.1.zip(b.1).is_some_and(|(x, y)| same_line(x, y)) {
            let plural = ["items", "keys", "values"]
                .iter()
                .any(|p| subject.ends_with(p));
            let verb = if plural { "get" } else { "is" };
            d = d.note(format!("{subject} {verb} {} and {}", told[0], told[1]));
        }
        d
    }

    /// "at line 12 (`x = 0`)": where a span is, with its source line (and its file when
    /// that is not `home`, the file of the diagnostic's primary span).
    pub fn place(&self, s: Span, home: Option<Span>) -> String {
        let f = &self.sources.files[s.file];
        let lc = f.line_col(s.start);
        let text = f.line_text(lc.line).trim();
        if home.is_some_and(|h| h.file == s.file) {
            format!("at line {} (`{text}`)", lc.line)
        } else {
            let file = frontend::render::shown_path(&f.path);
            format!("at {file}:{} (`{text}`)", lc.line)
        }
    }

    /// The module-level assignment of global `name` in the file of `near` (a span in a
    /// function of that module): where its import-time value came from.
    pub(crate) fn module_assignment(&self, near: Span, name: &str) -> Option<Span> {
        let f = &self.sources.files[near.file];
        let mut off = 0usize;
        for line in f.text.split_inclusive('\n') {
            let rest = line.strip_prefix(name).map(str::trim_start);
            if rest.is_some_and(|r| r.starts_with('=') && !r.starts_with("==")) {
                let start = off as u32;
                return Some(Span {
                    file: near.file,
                    start,
                    end: start + line.trim_end().len() as u32,
                });
            }
            off += line.len();
        }
        None
    }

    /// Constants no operation can take: an int beyond 64 bits, or a name that is neither
    /// defined in the module nor a builtin rpy knows.
    pub(crate) fn bad_operand(&self, g: GraphId, args: &[Value], span: Span) -> Option<Diagnostic> {
        for &a in args {
            match self.p.graphs[g].const_of(a) {
                Some(Const::Obj(o)) => {
                    if let Obj::BigInt { repr } = &self.snapshot.objects[*o] {
                        let at = self.p.graphs[g]
                            .value_spans
                            .get(&a)
                            .copied()
                            .unwrap_or(span);
                        return Some(
                            Diagnostic::new("E0103", format!("the int {repr} does not fit in 64 bits"), Some(at))
                                .label("made at import time")
                                .note("rpy ints are machine words, as in RPython")
                                .help("keep values within 64 bits, or wrap them with rpy.rarithmetic.intmask"),
                        );
                    }
                }
                Some(Const::Builtin(q))
                    if q.starts_with("builtins.") && !crate::builtins::is_known_builtin(q) =>
                {
                    let name = q.trim_start_matches("builtins.");
                    let at = self.p.graphs[g]
                        .value_spans
                        .get(&a)
                        .copied()
                        .unwrap_or(span);
                    return Some(
                        Diagnostic::new("E0243", format!("name `{name}` is not defined"), Some(at))
                            .help("define it at module level, or check the spelling"),
                    );
                }
                _ => {}
            }
        }
        None
    }
}

/// "an int", "a str", "None": a type's description with its article.
pub fn with_article(desc: &str) -> String {
    if desc.starts_with("None") {
        return desc.to_string();
    }
    let vowel = desc.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {desc}", if vowel { "an" } else { "a" })
}
