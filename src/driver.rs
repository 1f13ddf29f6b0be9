//! The translation driver: runs the stages in order, times them, writes dumps, renders
//! diagnostics and links the result.

use crate::TranslateArgs;
use crate::{ColorWhen, ErrorFormat};
use frontend::diag::Diagnostic;
use frontend::render::termcolor::{ColorChoice, StandardStream};
use frontend::source::SourceMap;
use frontend::write::write_graph;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The message and place of the last panic (set by the panic hook in `main`).
pub static PANIC: Mutex<Option<String>> = Mutex::new(None);
/// The stage being run, for internal-error reports.
static STAGE: Mutex<&'static str> = Mutex::new("start");

fn lib_dir() -> PathBuf {
    if let Ok(p) = std::env::var("RPY_LIB") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lib")
}

struct Timer {
    verbose: bool,
    start: Instant,
    stages: Vec<(&'static str, Duration)>,
}

impl Timer {
    fn stage<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        *STAGE.lock().unwrap_or_else(|e| e.into_inner()) = name;
        frontend::diag::set_context(None);
        let t = Instant::now();
        let r = f();
        frontend::diag::set_context(None);
        self.stages.push((name, t.elapsed()));
        r
    }

    fn report(&self) {
        if self.verbose {
            for (name, d) in &self.stages {
                eprintln!("[rpy] {name:<10} {:8.1} ms", d.as_secs_f64() * 1e3);
            }
            eprintln!(
                "[rpy] {:<10} {:8.1} ms",
                "total",
                self.start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

/// Prints diagnostics in the error format and colour the command line asked for.
struct Reporter {
    json: bool,
    color: bool,
}

impl Reporter {
    fn new(args: &TranslateArgs) -> Self {
        let color = match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Reporter {
            json: args.error_format == ErrorFormat::Json,
            color,
        }
    }

    /// Reports every diagnostic, sorted by file and line, then the closing count line
    /// (human format only); always `Err(())`, the failed translation's result.
    fn fail<T>(&self, mut diags: Vec<Diagnostic>, sources: &SourceMap) -> Result<T, ()> {
        frontend::diag::sort(&mut diags, sources);
        if self.json {
            let mut err = std::io::stderr().lock();
            for d in &diags {
                let _ = writeln!(err, "{}", frontend::render::json(d, sources));
            }
            return Err(());
        }
        let choice = if self.color {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        };
        let mut out = StandardStream::stderr(choice);
        for d in &diags {
            let _ = frontend::render::emit(&mut out, d, sources);
        }
        let _ = writeln!(out, "{}", frontend::render::summary(diags.len()));
        Err(())
    }

    /// An error that is not about the program (a linker failure, say): no code, no span.
    fn fail_msg<T>(&self, msg: impl Into<String>) -> Result<T, ()> {
        self.fail(vec![Diagnostic::new("", msg, None)], &SourceMap::default())
    }
}

/// Reports a caught panic as an internal error naming the stage and, when known, the
/// function being translated.
pub fn report_internal_error(args: &TranslateArgs) {
    let what = PANIC
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .unwrap_or_else(|| "panic".to_string());
    let stage = *STAGE.lock().unwrap_or_else(|e| e.into_inner());
    let mut d = Diagnostic::new(
        "",
        format!("internal error in rpy (this is a bug): {what}"),
        None,
    );
    d = match frontend::diag::context() {
        Some(f) => d.note(format!("while translating {f}, in stage {stage}")),
        None => d.note(format!("in stage {stage}")),
    };
    d = d.help("please report it with the program that triggers it");
    let _ = Reporter::new(args).fail::<()>(vec![d], &SourceMap::default());
}

fn dump(dir: &Option<PathBuf>, name: &str, text: &str) {
    if let Some(d) = dir {
        let _ = std::fs::create_dir_all(d);
        if let Err(e) = std::fs::write(d.join(name), text) {
            eprintln!("warning: cannot write dump {name}: {e}");
        }
    }
}

pub fn translate(args: &TranslateArgs) -> Result<(), ()> {
    let mut t = Timer {
        verbose: args.verbose,
        start: Instant::now(),
        stages: vec![],
    };
    let mut sources = SourceMap::default();
    let rep = Reporter::new(args);
    if std::env::var_os("RPY_FORCE_PANIC").is_some_and(|v| v == "start") {
        panic!("forced by RPY_FORCE_PANIC=start");
    }
    if !args.target.exists() {
        let d = Diagnostic::new(
            "E0001",
            format!("cannot read `{}`: no such file", args.target.display()),
            None,
        );
        return rep.fail(vec![d], &sources);
    }
    let timeout = args
        .import_timeout
        .or_else(|| std::env::var("RPY_IMPORT_TIMEOUT").ok()?.parse().ok())
        .unwrap_or(60.0);
    let imported = t.stage("import", || {
        frontend::import::run_import_helper(
            &args.python,
            &args.target,
            &lib_dir(),
            Duration::from_secs_f64(timeout),
        )
    });
    let imported = match imported {
        Ok(r) => r,
        Err(e) => {
            let mut d = e.to_diagnostic();
            if let frontend::import::ImportError::ImportFailed { traceback, .. } = &e {
                d.span = syntax_error_span(traceback, &mut sources);
            }
            // CPython names files by absolute path; show them as the other errors do.
            for n in &mut d.notes {
                *n = relative_paths(n);
            }
            return rep.fail(vec![d], &sources);
        }
    };
    let snapshot = imported.snapshot;
    let program = t.stage("annotate", || annotator::annotate(&snapshot, &mut sources));
    let program = match program {
        Ok(p) => p,
        Err(diags) => return rep.fail(diags, &sources),
    };
    if args.dump.is_some() {
        let mut flow = String::new();
        let mut ann = String::new();
        for (g, graph) in program.graphs.iter() {
            flow.push_str(&write_graph(graph, Some(&sources), &|_| None));
            flow.push('\n');
            let describe = |v| {
                let a = program.bindings[cranelift_index(g)].get(&v)?;
                Some(a.describe(&|d| program.listdefs.item(d)))
            };
            ann.push_str(&write_graph(graph, Some(&sources), &describe));
            ann.push('\n');
        }
        dump(&args.dump, "1-flow.txt", &flow);
        dump(&args.dump, "2-annotated.txt", &ann);
    }
    let ll = t.stage("rtype", || rtyper::rtype(&program, &snapshot));
    let mut ll = match ll {
        Ok(p) => p,
        Err(diags) => return rep.fail(diags, &sources),
    };
    let jit = if args.jit {
        let flags = |g| func_flags(&program, &snapshot, g);
        match t.stage("jitgen", || jitgen::generate(&mut ll, &flags)) {
            Ok(j) => {
                dump(&args.dump, "6-jitcodes.txt", &jitgen::text::all(&j.data));
                Some(j)
            }
            Err(d) => return rep.fail(vec![d], &sources),
        }
    } else {
        None
    };
    if args.dump.is_some() {
        let mut text = String::new();
        for (_, f) in ll.functions.iter() {
            text.push_str(&write_graph(&f.graph, Some(&sources), &|v| {
                f.types.get(&v).map(|t| t.to_string())
            }));
            text.push('\n');
        }
        dump(&args.dump, "3-lowlevel.txt", &text);
    }
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.target));
    let tmp = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => return rep.fail_msg(format!("cannot create a temporary directory: {e}")),
    };
    let obj = tmp.path().join("program.o");
    let opts = backend_llvm::Options {
        opt_level: args.opt,
        jit: jit.as_ref(),
    };
    let compiled = t.stage("llvm", || backend_llvm::compile(&ll, &sources, &opts, &obj));
    let compiled = match compiled {
        Ok(c) => c,
        Err(e) => return rep.fail_msg(e.to_string()),
    };
    dump(&args.dump, "4-llvm.ll", &compiled.ir_before);
    dump(&args.dump, "5-llvm-opt.ll", &compiled.ir_after);
    let linked = t.stage("link", || {
        let rt = backend_llvm::link::find_runtime()?;
        backend_llvm::link::link(&obj, &rt, &out)
    });
    if let Err(e) = linked {
        return rep.fail_msg(e.to_string());
    }
    t.report();
    Ok(())
}

/// `text` with the current directory removed from the paths CPython prints
/// (`File "/abs/dir/prog.py"` becomes `File "prog.py"`).
fn relative_paths(text: &str) -> String {
    match std::env::current_dir() {
        Ok(d) => text.replace(&format!("\"{}/", d.display()), "\""),
        Err(_) => text.to_string(),
    }
}

/// The JIT hints on the function object of graph `g` (`@elidable`, `@dont_look_inside`...).
fn func_flags(
    program: &annotator::driver::Program,
    snapshot: &frontend::prebuilt::Snapshot,
    g: frontend::entities::GraphId,
) -> jitgen::policy::FuncFlags {
    use frontend::prebuilt::Obj;
    let mut fl = jitgen::policy::FuncFlags::default();
    let Some(&obj) = program.graph_funcs.get(cranelift_index(g)) else {
        return fl;
    };
    let Obj::Function(f) = &snapshot.objects[obj] else {
        return fl;
    };
    for (name, v) in &f.attrs {
        let truth = matches!(snapshot.objects[*v], Obj::Bool { value: true });
        match name.as_str() {
            "_elidable_function_" => fl.elidable = truth,
            "_jit_look_inside_" => fl.look_inside = Some(truth),
            "_jit_unroll_safe_" => fl.unroll_safe = truth,
            _ => {}
        }
    }
    fl
}

fn cranelift_index(g: frontend::entities::GraphId) -> usize {
    use cranelift_entity::EntityRef;
    g.index()
}

fn default_output(target: &Path) -> PathBuf {
    let stem = target
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "a.out".into());
    PathBuf::from(stem)
}

/// The position of a SyntaxError in CPython's report (`File "f", line N` and the caret
/// line under the source line), so the diagnostic can show it like any other.
fn syntax_error_span(traceback: &str, sources: &mut SourceMap) -> Option<frontend::source::Span> {
    let last = traceback.lines().last()?;
    if !(last.starts_with("SyntaxError")
        || last.starts_with("IndentationError")
        || last.starts_with("TabError"))
    {
        return None;
    }
    let lines: Vec<&str> = traceback.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("File \""))?;
    let header = lines[at].trim_start();
    let rest = header.strip_prefix("File \"")?;
    let (path, rest) = rest.split_once('"')?;
    let line: u32 = rest
        .trim_start_matches(", line ")
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let text = std::fs::read_to_string(path).ok()?;
    let file = sources.add(path.to_string(), text);
    let f = &sources.files[file];
    let start = f.line_start(line);
    // CPython prints the source line stripped of indentation, then the carets.
    let src = lines.get(at + 1).map(|l| l.trim_start()).unwrap_or("");
    let caret = lines
        .get(at + 2)
        .filter(|l| l.trim_start().starts_with('^'));
    let col = match caret {
        Some(c) => {
            let caret_col = c.find('^')?;
            let src_col = lines[at + 1].len() - src.len();
            let indent = f.line_text(line).len() - f.line_text(line).trim_start().len();
            indent + caret_col.saturating_sub(src_col)
        }
        None => 0,
    };
    let off = start + col as u32;
    Some(frontend::source::Span {
        file,
        start: off,
        end: off + 1,
    })
}
