//! `docs/errors.md` is checked against rpy itself:
//!
//! - every error code the sources use (`"E0xxx"` in `crates/*/src` and `src/`) has a
//!   section `## E0xxx: ...`, and every section names a code the sources use;
//! - a section has a ```` ```python wrong ```` example, the output rpy prints for it
//!   (```` ```text ````, right after), and a ```` ```python fixed ```` example, unless its
//!   title says `(internal)` (a bug in rpy, no program should reach it) or
//!   `(environment)` (about the machine or the command line, shown as shell lines) or
//!   `(several files)` (needs a second module);
//! - each wrong example, translated as `example.py` (with `--jit` when it mentions
//!   `JitDriver`), exits with status 1 and prints exactly the output shown, which
//!   contains `error[CODE]`; each fixed example translates.
//!
//! `RPY_UPDATE_DOCS=1 cargo test --release --test error_docs` rewrites the output blocks
//! with what rpy prints (then review the diff).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One fenced block of the document: its info string, its text and its line range
/// (the fences included).
struct Fence {
    info: String,
    text: String,
    first: usize,
    last: usize,
}

struct Section {
    code: String,
    title: String,
    fences: Vec<Fence>,
}

fn parse(doc: &str) -> Vec<Section> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut sections: Vec<Section> = vec![];
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("## ") {
            let (code, title) = h.split_once(':').unwrap_or((h, ""));
            sections.push(Section {
                code: code.trim().to_string(),
                title: title.trim().to_string(),
                fences: vec![],
            });
        } else if let Some(info) = line.strip_prefix("```") {
            let first = i;
            let mut text = String::new();
            i += 1;
            while i < lines.len() && lines[i] != "```" {
                text.push_str(lines[i]);
                text.push('\n');
                i += 1;
            }
            if let Some(s) = sections.last_mut() {
                s.fences.push(Fence {
                    info: info.trim().to_string(),
                    text,
                    first,
                    last: i,
                });
            }
        }
        i += 1;
    }
    sections
}

/// Every `"E0xxx"` string literal in the translator's sources.
fn codes_in_sources() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                let b = text.as_bytes();
                for (i, _) in text.match_indices("\"E0") {
                    let code = &b[i + 1..(i + 6).min(b.len())];
                    let closed = b.get(i + 6) == Some(&b'"');
                    if closed && code[2..].iter().all(u8::is_ascii_digit) {
                        out.insert(String::from_utf8_lossy(code).into_owned());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    let root = repo_root();
    walk(&root.join("src"), &mut out);
    for c in std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
    {
        walk(&c.path().join("src"), &mut out);
    }
    out
}

/// Translates `src` as `example.py` in a scratch directory: (exit status, stderr).
fn translate(src: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("scratch directory");
    std::fs::write(dir.path().join("example.py"), src).expect("write example");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rpy"));
    cmd.current_dir(dir.path())
        .args([
            "translate",
            "example.py",
            "-o",
            "example",
            "--color=never",
            "-O",
            "0",
        ])
        .env("RPY_IMPORT_TIMEOUT", "20")
        .env_remove("RPY_FORCE_PANIC");
    if src.contains("JitDriver") {
        cmd.arg("--jit");
    }
    let o = cmd.output().expect("run rpy");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn error_codes_are_documented_with_working_examples() {
    let path = repo_root().join("docs/errors.md");
    let doc = std::fs::read_to_string(&path).expect("docs/errors.md");
    let sections = parse(&doc);
    let documented: BTreeSet<String> = sections.iter().map(|s| s.code.clone()).collect();
    let used = codes_in_sources();
    let undocumented: Vec<_> = used.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&used).collect();
    assert!(
        undocumented.is_empty(),
        "codes without a section in docs/errors.md: {undocumented:?}"
    );
    assert!(
        stale.is_empty(),
        "sections for codes no source uses: {stale:?}"
    );

    // (section index, wrong example, its shown output block) and the fixed examples.
    let mut jobs: Vec<(usize, bool, String)> = vec![];
    let mut failures: Vec<String> = vec![];
    for (k, s) in sections.iter().enumerate() {
        if ["(internal)", "(environment)", "(several files)"]
            .iter()
            .any(|k| s.title.contains(k))
        {
            continue;
        }
        let wrong = s.fences.iter().position(|f| f.info == "python wrong");
        let fixed = s.fences.iter().find(|f| f.info == "python fixed");
        let shown = wrong
            .and_then(|w| s.fences.get(w + 1))
            .filter(|f| f.info == "text");
        match (wrong, shown, fixed) {
            (Some(w), Some(_), Some(f)) => {
                jobs.push((k, true, s.fences[w].text.clone()));
                jobs.push((k, false, f.text.clone()));
            }
            _ => failures.push(format!(
                "{}: needs a `python wrong` example, its `text` output and a `python fixed` example",
                s.code
            )),
        }
    }
    let results: Mutex<Vec<(usize, bool, Option<i32>, String)>> = Mutex::new(vec![]);
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|sc| {
        for _ in 0..workers {
            sc.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some((k, wrong, src)) = jobs.get(i) else {
                    break;
                };
                let (code, err) = translate(src);
                results.lock().unwrap().push((*k, *wrong, code, err));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|r| (r.0, !r.1));
    let update = std::env::var_os("RPY_UPDATE_DOCS").is_some();
    let mut replacements: Vec<(usize, usize, String)> = vec![];
    for (k, wrong, code, err) in results {
        let s = &sections[k];
        if !wrong {
            if code != Some(0) {
                failures.push(format!(
                    "{}: the fixed example does not translate:\n{err}",
                    s.code
                ));
            }
            continue;
        }
        if code != Some(1) || !err.contains(&format!("error[{}]", s.code)) {
            failures.push(format!(
                "{}: the wrong example does not fail with {} (status {code:?}):\n{err}",
                s.code, s.code
            ));
        }
        let w = s
            .fences
            .iter()
            .position(|f| f.info == "python wrong")
            .unwrap();
        let shown = &s.fences[w + 1];
        if shown.text != err {
            if update {
                replacements.push((shown.first, shown.last, err));
            } else {
                failures.push(format!(
                    "{}: the output shown differs from rpy's (RPY_UPDATE_DOCS=1 rewrites it):\n--- shown\n{}--- rpy\n{err}",
                    s.code, shown.text
                ));
            }
        }
    }
    if update && !replacements.is_empty() {
        let mut lines: Vec<String> = doc.lines().map(str::to_string).collect();
        replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
        for (first, last, text) in replacements {
            let mut block = vec!["```text".to_string()];
            block.extend(text.lines().map(str::to_string));
            block.push("```".to_string());
            lines.splice(first..=last, block);
        }
        std::fs::write(&path, lines.join("\n") + "\n").expect("rewrite docs/errors.md");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
