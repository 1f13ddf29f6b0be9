//! Tests of the flow-graph builder.
//!
//! Each `flow_fixtures/NAME.py` is built function by function (every top-level `def`, in
//! order) and compared with `flow_fixtures/NAME.flow`: the graph text with line:col of
//! every operation, or the rendered diagnostics. `UPDATE_EXPECT=1 cargo test` rewrites the
//! `.flow` files (review the diff). Every graph built must pass `check_graph`.

use frontend::check::check_graph;
use frontend::flow::{build_flow_graph, FlowBuilderCache};
use frontend::prebuilt::Snapshot;
use frontend::source::SourceMap;
use frontend::write::write_graph;
use std::path::Path;

const FIXTURES: &str = "tests/flow_fixtures";

/// A top-level (or, with `nested`, any) `def` of a file: name and `co_firstlineno`.
fn defs(text: &str, nested: bool) -> Vec<(String, u32)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = vec![];
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(rest) = trimmed.strip_prefix("def ") else {
            continue;
        };
        if indent > 0 && !nested {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut first = i;
        while first > 0 && lines[first - 1].trim_start().starts_with('@') {
            first -= 1;
        }
        out.push((name, first as u32 + 1));
    }
    out
}

/// A snapshot with one function object per def, a module `m` holding them, and globals
/// `DEBUG = False`, `N = 10`, `NAME = "rpy"`, `RATE = 0.5`, class `MyError`, module `os`.
fn snapshot(path: &str, funcs: &[(String, u32)]) -> String {
    let n = funcs.len();
    let module = n;
    let mut objects: Vec<String> = funcs
        .iter()
        .map(|(name, line)| {
            format!(
                r#"{{"kind":"function","name":"{name}","qualname":"{name}","module":"m","file":"{path}","firstlineno":{line},"is_lambda":false,"defaults":[],"kwdefaults":[],"closure":[],"globals":{module}}}"#
            )
        })
        .collect();
    let mut globals: Vec<String> = funcs
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!(r#"["{name}",{i}]"#))
        .collect();
    for (j, g) in ["DEBUG", "N", "NAME", "RATE", "MyError", "os"]
        .iter()
        .enumerate()
    {
        globals.push(format!(r#"["{g}",{}]"#, module + 1 + j));
    }
    objects.push(format!(
        r#"{{"kind":"module","name":"m","user":true,"globals":[{}]}}"#,
        globals.join(",")
    ));
    objects.push(r#"{"kind":"bool","value":false}"#.into());
    objects.push(r#"{"kind":"int","value":10}"#.into());
    objects.push(r#"{"kind":"str","value":"rpy"}"#.into());
    objects.push(r#"{"kind":"float","bits":"0x3fe0000000000000"}"#.into());
    objects.push(
        r#"{"kind":"class","name":"MyError","qualname":"MyError","module":"m","bases":[],"attrs":[],"file":null,"firstlineno":null}"#
            .into(),
    );
    objects.push(r#"{"kind":"module","name":"os","user":false,"globals":[]}"#.into());
    format!(
        r#"{{"objects":[{}],"entry":0,"main_module":"m"}}"#,
        objects.join(",")
    )
}

/// Builds every function of a fixture; returns the text to compare with `.flow`.
fn build_all(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let funcs = defs(&text, false);
    let snap = Snapshot::from_json(&snapshot(path, &funcs)).unwrap();
    let mut sources = SourceMap::default();
    let mut cache = FlowBuilderCache::new();
    let mut out = String::new();
    for (i, (name, _)) in funcs.iter().enumerate() {
        match cache.build(&snap, cranelift_entity::EntityRef::new(i), &mut sources) {
            Ok(g) => {
                if let Err(e) = check_graph(&g) {
                    panic!(
                        "{path}: graph of {name} fails check_graph: {e}\n{}",
                        write_graph(&g, None, &|_| None)
                    );
                }
                out.push_str(&write_graph(&g, Some(&sources), &|_| None));
            }
            Err(diags) => {
                for d in diags {
                    out.push_str(&d.render(&sources));
                }
            }
        }
        out.push('\n');
    }
    out
}

fn check_fixture(name: &str) {
    let py = format!("{FIXTURES}/{name}.py");
    let expected_path = format!("{FIXTURES}/{name}.flow");
    let actual = build_all(&py);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "{expected_path} differs (UPDATE_EXPECT=1 to rewrite):\n{}\n\nactual:\n{actual}",
            diff.join("\n")
        );
    }
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => { $( #[test] fn $name() { check_fixture(stringify!($name)); } )* };
}

fixtures!(arith, branches, loops, exceptions, misc, tricky, errors);

/// Builds one function of an inline source; returns the graph text or the diagnostics.
fn build_src(src: &str, name: &str, extra_json: &str) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("rpy-flow-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("src.py");
    std::fs::write(&path, src).unwrap();
    let path = path.to_str().unwrap().to_string();
    let funcs = defs(src, true);
    let lambda_line = src
        .lines()
        .position(|l| l.contains("lambda"))
        .map_or(1, |i| i as u32 + 1);
    let line = funcs
        .iter()
        .find(|(n, _)| n == name)
        .map_or(lambda_line, |f| f.1);
    let json = format!(
        r#"{{"objects":[{{"kind":"function","name":"{name}","qualname":"{name}","module":"m","file":"{path}","firstlineno":{line},"is_lambda":{},"defaults":[],"kwdefaults":[],"closure":[{extra_json}],"globals":1}},{{"kind":"module","name":"m","user":true,"globals":[]}},{{"kind":"int","value":42}}],"entry":0,"main_module":"m"}}"#,
        name == "<lambda>"
    );
    let snap = Snapshot::from_json(&json).unwrap();
    let mut sources = SourceMap::default();
    match build_flow_graph(&snap, cranelift_entity::EntityRef::new(0), &mut sources) {
        Ok(g) => {
            check_graph(&g).map_err(|e| format!("check_graph: {e}"))?;
            Ok(write_graph(&g, None, &|_| None))
        }
        Err(d) => Err(d.iter().map(|d| d.render(&sources)).collect()),
    }
}

#[test]
fn lambda_and_closure() {
    let src = "x = 1\nf = lambda a, b: a + b * C\n";
    let g = build_src(src, "<lambda>", r#"["C",2]"#).unwrap();
    assert_eq!(g, "graph <lambda>(v0, v1)\nb0(v0, v1):\n    v2 = mul v1, 42\n    v3 = add v0, v2\n    return v3\n");
    let err = build_src(src, "<lambda>", r#"["C",null]"#).unwrap_err();
    assert!(
        err.contains("error[E0104]: free variable 'C' refers to an empty cell"),
        "{err}"
    );
}

#[test]
fn decorated_method_in_class() {
    let src = "class A:\n    @staticmethod\n    @other\n    def m(x):\n        return x\n    def m2(self):\n        return 1\n";
    let g = build_src(src, "m", "").unwrap();
    assert_eq!(g, "graph m(v0)\nb0(v0):\n    return v0\n");
}

#[test]
fn syntax_error_and_missing_function() {
    let err = build_src("def f(:\n    pass\n", "f", "").unwrap_err();
    assert!(err.starts_with("error[E0007]: syntax error"), "{err}");
    let err = build_src("def f():\n    x = = 3\n", "f", "").unwrap_err();
    assert!(err.contains("src.py:2:"), "{err}");
    let err = build_src("\n\ndef f():\n    pass\n", "g", "").unwrap_err();
    assert!(
        err.starts_with("error[E0008]: cannot find the source of function `g`"),
        "{err}"
    );
}

#[test]
fn diagnostics_are_collected() {
    let src = "def f(*a, **k):\n    with x:\n        pass\n    return 99999999999999999999\n";
    let err = build_src(src, "f", "").unwrap_err();
    for msg in [
        "error[E0100]: `*args` is not supported yet",
        "error[E0100]: `**kwargs` is not supported yet",
        "error[E0100]: `with` is not supported yet",
        "error[E0103]: integer literal does not fit in 64 bits",
    ] {
        assert!(err.contains(msg), "missing {msg:?} in\n{err}");
    }
    assert!(err.contains("  = help: "), "{err}");
}

/// Builds every function of the toolchain's test programs: no panics, no internal
/// errors, and every graph passes `check_graph`.
#[test]
fn builds_test_programs_without_internal_errors() {
    build_corpus(&["../../tests/programs", FIXTURES]);
}

/// The same over any directory: `RPY_FLOW_STRESS=/usr/lib/python3.11 cargo test -- --ignored`.
#[test]
#[ignore]
fn stress() {
    let dir = std::env::var("RPY_FLOW_STRESS").unwrap_or_else(|_| "/usr/lib/python3".into());
    build_corpus(&[&dir]);
}

fn build_corpus(roots: &[&str]) {
    let mut files = vec![];
    let mut dirs: Vec<_> = roots.iter().map(|r| Path::new(r).to_path_buf()).collect();
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    let (mut ok, mut refused) = (0, 0);
    for f in files {
        let path = f.to_str().unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let funcs = defs(&text, true);
        let snap = Snapshot::from_json(&snapshot(path, &funcs)).unwrap();
        let mut sources = SourceMap::default();
        let mut cache = FlowBuilderCache::new();
        for (i, (name, _)) in funcs.iter().enumerate() {
            match cache.build(&snap, cranelift_entity::EntityRef::new(i), &mut sources) {
                Ok(g) => {
                    check_graph(&g).unwrap_or_else(|e| panic!("{path}: {name}: {e}"));
                    ok += 1;
                }
                Err(d) => {
                    assert!(
                        d.iter().all(|d| d.code != "E0199"),
                        "{path}: {name}: internal error"
                    );
                    if std::env::var_os("SHOW_REFUSALS").is_some() {
                        d.iter()
                            .for_each(|d| eprintln!("{path}: {name}: {}: {}", d.code, d.message));
                    }
                    refused += 1;
                }
            }
        }
    }
    eprintln!("built {ok} graphs, {refused} functions refused");
    assert!(ok > 0);
}
