//! Tests of the import stage: the embedded CPython helper run on the programs in
//! `tests/import_fixtures/`, and the snapshot it reports. `import_fixtures/lib/` stands in for
//! rpy's library directory (a minimal `rpy.jit`).

use frontend::entities::ObjId;
use frontend::import::{run_import_helper, ImportError, ImportResult};
use frontend::prebuilt::{FunctionObj, Obj, Snapshot};
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_fixtures")
}

fn import(name: &str) -> Result<ImportResult, ImportError> {
    let dir = fixtures();
    run_import_helper("python3", &dir.join(name), &dir.join("lib"), TIMEOUT)
}

fn snapshot(name: &str) -> Snapshot {
    match import(name) {
        Ok(r) => r.snapshot,
        Err(e) => panic!("importing {name} failed:\n{e}"),
    }
}

fn obj(s: &Snapshot, id: ObjId) -> &Obj {
    &s.objects[id]
}

fn func(s: &Snapshot, id: ObjId) -> &FunctionObj {
    match obj(s, id) {
        Obj::Function(f) => f,
        o => panic!("{id} is not a function: {o:?}"),
    }
}

/// The globals of a module object, by name.
fn module_globals(s: &Snapshot, id: ObjId) -> &[(String, ObjId)] {
    match obj(s, id) {
        Obj::Module { globals, .. } => globals,
        o => panic!("{id} is not a module: {o:?}"),
    }
}

fn global(s: &Snapshot, module: ObjId, name: &str) -> ObjId {
    module_globals(s, module)
        .iter()
        .find(|(n, _)| n == name)
        .map(|&(_, id)| id)
        .unwrap_or_else(|| panic!("no global {name} reported in {:?}", obj(s, module)))
}

fn has_global(s: &Snapshot, module: ObjId, name: &str) -> bool {
    module_globals(s, module).iter().any(|(n, _)| n == name)
}

fn main_globals(s: &Snapshot) -> ObjId {
    func(s, s.entry).globals
}

fn int(s: &Snapshot, id: ObjId) -> i64 {
    match obj(s, id) {
        Obj::Int { value } => *value,
        o => panic!("{id} is not an int: {o:?}"),
    }
}

fn string(s: &Snapshot, id: ObjId) -> &str {
    match obj(s, id) {
        Obj::Str { value } => value,
        o => panic!("{id} is not a str: {o:?}"),
    }
}

fn attr(attrs: &[(String, ObjId)], name: &str) -> ObjId {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|&(_, id)| id)
        .unwrap_or_else(|| panic!("no attribute {name}"))
}

fn float(s: &Snapshot, id: ObjId) -> f64 {
    match obj(s, id) {
        Obj::Float { bits } => Snapshot::float_value(bits),
        o => panic!("{id} is not a float: {o:?}"),
    }
}

#[test]
fn main_entry_and_module() {
    let s = snapshot("meta.py");
    assert_eq!(s.main_module, "meta");
    let main = func(&s, s.entry);
    assert_eq!(main.name, "main");
    assert_eq!(main.qualname, "main");
    assert_eq!(main.module, "meta");
    assert!(
        main.file.ends_with("tests/import_fixtures/meta.py"),
        "{}",
        main.file
    );
    assert!(Path::new(&main.file).is_absolute());
    assert_eq!(main.firstlineno, 72);
    assert!(!main.is_lambda);
    match obj(&s, main.globals) {
        Obj::Module { name, user, .. } => {
            assert_eq!(name, "meta");
            assert!(*user);
        }
        o => panic!("{o:?}"),
    }
}

#[test]
fn globals_are_the_names_reachable_code_reads() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    for name in [
        "helper", "PAIR", "NAMES", "TABLE", "Derived", "MyError", "math", "sibling", "scale",
    ] {
        assert!(has_global(&s, g, name), "{name} missing");
    }
    // Read by `helper`, reachable from `main`.
    for name in ["add1", "add2", "OP_MUL", "Config", "SQUARES"] {
        assert!(has_global(&s, g, name), "{name} missing");
    }
    // Not read by any reachable code; builtins are not globals.
    for name in [
        "unused_global",
        "make_adder",
        "singleton",
        "OP_ADD",
        "shared",
        "len",
        "print",
    ] {
        assert!(!has_global(&s, g, name), "{name} reported");
    }
    // `globals()[name] = value` in a loop at module level.
    assert_eq!(int(&s, global(&s, g, "OP_MUL")), 2);
    // One module object per module: every function of `meta` shares it.
    let helper = func(&s, global(&s, g, "helper"));
    assert_eq!(helper.globals, g);
    let count = s
        .objects
        .values()
        .filter(|o| matches!(o, Obj::Module { name, .. } if name == "meta"))
        .count();
    assert_eq!(count, 1);
}

#[test]
fn library_modules_and_builtins() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    match obj(&s, global(&s, g, "math")) {
        Obj::Module {
            name,
            user,
            globals,
        } => {
            assert_eq!(name, "math");
            assert!(!*user);
            assert!(globals.is_empty());
        }
        o => panic!("{o:?}"),
    }
    // A module-level call: math.sqrt(16.0).
    assert_eq!(float(&s, global(&s, g, "square_root")), 4.0);
    // Exception base class.
    match obj(&s, global(&s, g, "MyError")) {
        Obj::Class(c) => {
            assert_eq!(c.bases.len(), 1);
            assert!(
                matches!(obj(&s, c.bases[0]), Obj::Builtin { qualname } if qualname == "builtins.Exception")
            );
        }
        o => panic!("{o:?}"),
    }
}

#[test]
fn class_decorator_replacing_a_class_by_an_instance() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let Obj::Instance { class, attrs } = obj(&s, global(&s, g, "Config")) else {
        panic!("Config is not an instance")
    };
    assert!(matches!(
        obj(&s, attr(attrs, "verbose")),
        Obj::Bool { value: false }
    ));
    assert_eq!(int(&s, attr(attrs, "level")), 3);
    let Obj::Class(c) = obj(&s, *class) else {
        panic!("not a class")
    };
    assert_eq!(c.name, "Config");
    assert_eq!(c.module, "meta");
    // The decorator's line, as co_firstlineno for functions.
    assert_eq!(c.firstlineno, Some(12));
    assert!(c.file.as_deref().unwrap().ends_with("meta.py"));
    let init = func(&s, attr(&c.attrs, "__init__"));
    assert_eq!(init.qualname, "Config.__init__");
    for skipped in [
        "__dict__",
        "__weakref__",
        "__doc__",
        "__module__",
        "__qualname__",
    ] {
        assert!(
            !c.attrs.iter().any(|(n, _)| n == skipped),
            "{skipped} reported"
        );
    }
}

#[test]
fn classes_bases_staticmethods_classmethods() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let Obj::Class(derived) = obj(&s, global(&s, g, "Derived")) else {
        panic!()
    };
    assert_eq!(derived.firstlineno, Some(48));
    assert_eq!(derived.bases.len(), 1);
    let Obj::Class(base) = obj(&s, derived.bases[0]) else {
        panic!("base is not a class")
    };
    assert_eq!(base.name, "Base");
    assert!(base.bases.is_empty(), "object is omitted");
    assert_eq!(string(&s, attr(&base.attrs, "kind")), "base");
    assert_eq!(string(&s, attr(&derived.attrs, "kind")), "derived");
    let names: Vec<&str> = derived.attrs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["kind", "make", "build"], "class __dict__ order");
    let Obj::StaticMethod { func: make } = obj(&s, attr(&derived.attrs, "make")) else {
        panic!()
    };
    assert_eq!(func(&s, *make).qualname, "Derived.make");
    let Obj::ClassMethod { func: build } = obj(&s, attr(&derived.attrs, "build")) else {
        panic!()
    };
    assert_eq!(func(&s, *build).qualname, "Derived.build");
}

#[test]
fn closures_from_one_factory_are_distinct_functions() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let add1 = global(&s, g, "add1");
    let add2 = global(&s, g, "add2");
    assert_ne!(add1, add2);
    let (f1, f2) = (func(&s, add1), func(&s, add2));
    assert_eq!(f1.qualname, "make_adder.<locals>.add");
    assert_eq!(f1.qualname, f2.qualname);
    assert_eq!(f1.firstlineno, f2.firstlineno);
    assert_eq!(f1.closure.len(), 1);
    assert_eq!(f1.closure[0].0, "n");
    assert_eq!(int(&s, f1.closure[0].1.unwrap()), 1);
    assert_eq!(int(&s, f2.closure[0].1.unwrap()), 2);
    // A dict comprehension of closures: three more function objects.
    let Obj::Dict { items } = obj(&s, global(&s, g, "TABLE")) else {
        panic!()
    };
    let keys: Vec<&str> = items.iter().map(|&(k, _)| string(&s, k)).collect();
    assert_eq!(keys, ["add", "sub", "mul"]);
    let cells: Vec<i64> = items
        .iter()
        .map(|&(_, v)| int(&s, func(&s, v).closure[0].1.unwrap()))
        .collect();
    assert_eq!(cells, [0, 1, 2]);
    assert!(items.iter().all(|&(_, v)| v != add1 && v != add2));
}

#[test]
fn tables_built_with_comprehensions_and_map() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let Obj::List { items } = obj(&s, global(&s, g, "SQUARES")) else {
        panic!()
    };
    let v: Vec<i64> = items.iter().map(|&i| int(&s, i)).collect();
    assert_eq!(v, [0, 1, 4, 9, 16]);
    let Obj::List { items } = obj(&s, global(&s, g, "NAMES")) else {
        panic!()
    };
    let v: Vec<&str> = items.iter().map(|&i| string(&s, i)).collect();
    assert_eq!(v, ["ADD", "SUB", "MUL"]);
}

#[test]
fn identity_is_preserved() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let Obj::Tuple { items } = obj(&s, global(&s, g, "PAIR")) else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0], items[1],
        "two references to one list are one object"
    );
    assert!(matches!(obj(&s, items[0]), Obj::List { items } if items.len() == 2));
}

#[test]
fn sibling_module_import() {
    let s = snapshot("meta.py");
    let g = main_globals(&s);
    let sib = global(&s, g, "sibling");
    match obj(&s, sib) {
        Obj::Module { name, user, .. } => {
            assert_eq!(name, "sibling");
            assert!(*user);
        }
        o => panic!("{o:?}"),
    }
    // `sibling.SCALE` is read by `helper`: reported in sibling's globals.
    assert_eq!(int(&s, global(&s, sib, "SCALE")), 10);
    assert!(!has_global(&s, sib, "UNUSED"));
    // `from sibling import scale`: the same function object as `sibling.scale`, whose
    // globals are sibling's module object.
    let scale = global(&s, g, "scale");
    let f = func(&s, scale);
    assert_eq!(f.module, "sibling");
    assert_eq!(f.globals, sib);
    assert!(f.file.ends_with("sibling.py"));
    assert_eq!(global(&s, sib, "scale"), scale);
}

#[test]
fn lambdas() {
    // `main` holds a lambda in its code, not as an object; a module-level lambda is reported.
    let s = snapshot("objects.py");
    assert!(!func(&s, s.entry).is_lambda);
    let any_lambda = s
        .objects
        .values()
        .any(|o| matches!(o, Obj::Function(f) if f.is_lambda));
    assert!(!any_lambda);
}

#[test]
fn target_entry_point() {
    let s = snapshot("target_entry.py");
    let f = func(&s, s.entry);
    assert_eq!(f.name, "entry_point");
    assert_eq!(s.main_module, "target_entry");
    // RPython's signature: target(driver, args).
    let s = snapshot("target_driver.py");
    assert_eq!(func(&s, s.entry).name, "entry_point");
}

#[test]
fn missing_entry_point() {
    match import("no_entry.py") {
        Err(ImportError::NoEntryPoint { msg, .. }) => {
            assert!(
                msg.contains("main(argv)") && msg.contains("target()"),
                "{msg}"
            )
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("no error"),
    }
    let e = import("no_entry.py").unwrap_err();
    let d = e.to_diagnostic();
    assert_eq!(d.code, "E0003");
    assert!(d.help.unwrap().contains("def main(argv)"));
    match import("main_not_function.py") {
        Err(ImportError::NoEntryPoint { msg, .. }) => assert!(msg.contains("int"), "{msg}"),
        r => panic!("wrong result: {:?}", r.err()),
    }
}

#[test]
fn import_that_raises() {
    let e = import("raises.py").unwrap_err();
    let ImportError::ImportFailed { traceback, .. } = &e else {
        panic!("wrong error: {e}")
    };
    assert!(
        traceback.starts_with("Traceback (most recent call last):"),
        "{traceback}"
    );
    assert!(
        traceback.contains("raises.py\", line 8, in <module>"),
        "{traceback}"
    );
    assert!(traceback.contains("in compute"), "{traceback}");
    assert!(traceback.contains("KeyError: 'missing key'"), "{traceback}");
    // The helper's and importlib's frames are not shown.
    assert!(
        !traceback.contains("<string>") && !traceback.contains("importlib"),
        "{traceback}"
    );
    let d = e.to_diagnostic();
    assert_eq!(d.code, "E0002");
    assert!(d.message.contains("KeyError"), "{}", d.message);
    assert!(d.notes.iter().any(|n| n.contains("in compute")));
    assert!(d.help.unwrap().contains("python3"));
}

#[test]
fn syntax_error_and_sys_exit_at_import() {
    let e = import("syntax_error.py").unwrap_err();
    let ImportError::ImportFailed { traceback, .. } = &e else {
        panic!("wrong error: {e}")
    };
    assert!(traceback.contains("SyntaxError"), "{traceback}");
    assert!(
        traceback.contains("syntax_error.py\", line 4"),
        "{traceback}"
    );
    let e = import("exits.py").unwrap_err();
    let ImportError::ImportFailed { traceback, .. } = &e else {
        panic!("wrong error: {e}")
    };
    assert!(traceback.contains("SystemExit: 7"), "{traceback}");
}

#[test]
fn infinite_loop_at_import_times_out() {
    let dir = fixtures();
    let start = std::time::Instant::now();
    let r = run_import_helper(
        "python3",
        &dir.join("loops.py"),
        &dir.join("lib"),
        Duration::from_millis(700),
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    let e = r.expect_err("must time out");
    let ImportError::Timeout { secs, stack, .. } = &e else {
        panic!("wrong error: {e}")
    };
    assert_eq!(*secs, 0.7);
    // Where the import was looping.
    let stack = stack.as_deref().expect("faulthandler stack");
    assert!(
        stack.contains("loops.py\", line ") && stack.contains(" in spin"),
        "{stack}"
    );
    assert!(stack.contains("loops.py\", line 10 in <module>"), "{stack}");
    assert!(!stack.contains("<string>"), "{stack}");
    let d = e.to_diagnostic();
    assert_eq!(d.code, "E0004");
    assert!(d.help.unwrap().contains("if __name__ == '__main__':"));
}

#[test]
fn numbers_strings_and_constants() {
    let s = snapshot("nums.py");
    let g = main_globals(&s);
    assert!(
        matches!(obj(&s, global(&s, g, "BIG")), Obj::BigInt { repr } if repr == "1267650600228229401496703205376")
    );
    assert!(
        matches!(obj(&s, global(&s, g, "NEG_BIG")), Obj::BigInt { repr } if repr == "-18446744073709551616")
    );
    assert_eq!(int(&s, global(&s, g, "MAX")), i64::MAX);
    assert_eq!(int(&s, global(&s, g, "MIN")), i64::MIN);
    assert_eq!(float(&s, global(&s, g, "INF")), f64::INFINITY);
    assert_eq!(float(&s, global(&s, g, "NINF")), f64::NEG_INFINITY);
    assert!(float(&s, global(&s, g, "NAN")).is_nan());
    assert!(
        matches!(obj(&s, global(&s, g, "ONE")), Obj::Float { bits } if bits == "0x3ff0000000000000")
    );
    assert!(
        matches!(obj(&s, global(&s, g, "BYTES")), Obj::Bytes { value } if value == &[97, 98, 0, 255])
    );
    assert!(matches!(obj(&s, global(&s, g, "FROZEN")), Obj::Set { items } if items.len() == 1));
    assert_eq!(string(&s, global(&s, g, "UNI")), "h\u{e9}llo \u{1f600}");
    // A lone surrogate cannot be a Rust string.
    assert!(
        matches!(obj(&s, global(&s, g, "SURROGATE")), Obj::Opaque { type_name, .. } if type_name == "builtins.str")
    );
    let Obj::Tuple { items } = obj(&s, global(&s, g, "FLAGS")) else {
        panic!()
    };
    assert!(matches!(obj(&s, items[0]), Obj::Bool { value: true }));
    assert!(matches!(obj(&s, items[1]), Obj::Bool { value: false }));
    assert!(matches!(obj(&s, items[2]), Obj::None));
    assert!(
        matches!(obj(&s, global(&s, g, "SENTINEL")), Obj::LibInstance { class, attrs } if class == "builtins.object" && attrs.is_empty())
    );
    let Obj::LibInstance { class, attrs } = obj(&s, global(&s, g, "ERR")) else {
        panic!()
    };
    assert_eq!(class, "builtins.ValueError");
    assert!(matches!(obj(&s, attr(attrs, "args")), Obj::Tuple { items } if items.len() == 2));
}

#[test]
fn rpy_library_objects() {
    let s = snapshot("jit_prog.py");
    let g = main_globals(&s);
    let Obj::LibInstance { class, attrs } = obj(&s, global(&s, g, "driver")) else {
        panic!()
    };
    assert_eq!(class, "rpy.jit.JitDriver");
    let Obj::List { items } = obj(&s, attr(attrs, "greens")) else {
        panic!()
    };
    assert_eq!(string(&s, items[0]), "pc");
    let Obj::List { items } = obj(&s, attr(attrs, "reds")) else {
        panic!()
    };
    assert_eq!(string(&s, items[0]), "acc");
    assert!(
        matches!(obj(&s, global(&s, g, "jit")), Obj::Module { name, user: false, globals } if name == "rpy.jit" && globals.is_empty())
    );
    // A library decorator's function attribute.
    let lookup = func(&s, global(&s, g, "lookup"));
    assert!(matches!(
        obj(&s, attr(&lookup.attrs, "_elidable_function_")),
        Obj::Bool { value: true }
    ));
    // Nothing of the library is reported as user code.
    assert!(!s
        .objects
        .values()
        .any(|o| matches!(o, Obj::Function(f) if f.module.starts_with("rpy"))));
}

#[test]
fn import_output_does_not_corrupt_the_snapshot() {
    let r = import("noisy.py").unwrap();
    assert!(
        r.import_stderr.contains("hello from import"),
        "{}",
        r.import_stderr
    );
    assert!(r.import_stderr.contains("{not json"));
    assert!(r.import_stderr.contains("raw fd 1 output"));
    assert_eq!(func(&r.snapshot, r.snapshot.entry).name, "main");
    assert!(r.seconds > 0.0);
}

#[test]
fn slots_properties_bound_methods_defaults() {
    let s = snapshot("objects.py");
    let g = main_globals(&s);
    // __slots__ values; an unset slot is absent.
    let Obj::Instance { class, attrs } = obj(&s, global(&s, g, "ORIGIN")) else {
        panic!()
    };
    let names: Vec<&str> = attrs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["x", "y"]);
    let Obj::Class(point) = obj(&s, *class) else {
        panic!()
    };
    assert!(
        point.attrs.iter().all(|(n, _)| n != "x" && n != "y"),
        "slot descriptors are not attributes"
    );
    // A property in a class.
    let Obj::Instance { class, .. } = obj(&s, global(&s, g, "T")) else {
        panic!()
    };
    let Obj::Class(temp) = obj(&s, *class) else {
        panic!()
    };
    let Obj::Property { fget, fset, fdel } = obj(&s, attr(&temp.attrs, "celsius")) else {
        panic!()
    };
    assert_eq!(*fget, Some(attr(&temp.attrs, "get_c")));
    assert!(fset.is_none() && fdel.is_none());
    // Bound methods made at import time: a Python method and a builtin one.
    let Obj::BoundMethod { func: f, receiver } = obj(&s, global(&s, g, "bump")) else {
        panic!()
    };
    assert_eq!(*receiver, global(&s, g, "T"));
    assert_eq!(*f, attr(&temp.attrs, "bump"));
    let Obj::BoundMethod { func: f, receiver } = obj(&s, global(&s, g, "append")) else {
        panic!()
    };
    assert!(matches!(obj(&s, *f), Obj::Builtin { qualname } if qualname == "builtins.list.append"));
    assert!(matches!(obj(&s, *receiver), Obj::List { items } if items.is_empty()));
    // Defaults, keyword-only defaults and function attributes.
    let d = func(&s, global(&s, g, "defaults"));
    assert_eq!(d.defaults, [global(&s, g, "ORIGIN")]);
    assert_eq!(d.kwdefaults.len(), 1);
    assert_eq!(d.kwdefaults[0].0, "c");
    assert!(matches!(
        obj(&s, attr(&d.attrs, "_always_inline_")),
        Obj::Bool { value: true }
    ));
    // An empty closure cell.
    let e = func(&s, global(&s, g, "EMPTY"));
    assert_eq!(e.closure, [("later".to_string(), None)]);
    assert!(
        matches!(obj(&s, global(&s, g, "os")), Obj::Module { name, user: false, .. } if name == "os")
    );
}

#[test]
fn python_not_found() {
    let dir = fixtures();
    let e = run_import_helper(
        "/nonexistent/python3",
        &dir.join("meta.py"),
        &dir.join("lib"),
        TIMEOUT,
    )
    .unwrap_err();
    assert!(
        matches!(&e, ImportError::PythonNotFound { python, .. } if python == "/nonexistent/python3")
    );
    assert_eq!(e.to_diagnostic().code, "E0006");
}

#[test]
fn snapshot_is_deterministic() {
    let a = format!("{:?}", snapshot("meta.py").objects);
    let b = format!("{:?}", snapshot("meta.py").objects);
    assert_eq!(a, b);
}

#[test]
fn real_lib_dir() {
    // rpy's own library directory (which may be incomplete while it is being written).
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lib");
    let lib = if lib.join("rpy").is_dir() {
        lib
    } else {
        let tmp = std::env::temp_dir().join(format!("rpy-import-test-lib-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("rpy")).unwrap();
        std::fs::write(tmp.join("rpy/__init__.py"), "").unwrap();
        tmp
    };
    let r = run_import_helper(
        "python3",
        &fixtures().join("target_entry.py"),
        &lib,
        TIMEOUT,
    )
    .unwrap();
    assert_eq!(func(&r.snapshot, r.snapshot.entry).name, "entry_point");
}

#[test]
fn small_program_is_fast() {
    // The helper's own work, beyond Python start-up, stays small (generous bound for CI).
    let r = import("meta.py").unwrap();
    assert!(r.seconds < 5.0, "{}", r.seconds);
}

#[test]
fn too_many_objects() {
    match import("big_graph.py") {
        Err(ImportError::BadOutput { msg }) => {
            assert!(msg.contains("more than 200000 objects"), "{msg}")
        }
        r => panic!("wrong result: {:?}", r.err()),
    }
}

#[test]
fn functions_made_by_exec_and_argv() {
    let s = snapshot("generated.py");
    let g = main_globals(&s);
    // sys.argv and __name__ at import time are those of `python3 generated.py` imported as
    // a module.
    let Obj::List { items } = obj(&s, global(&s, g, "ARGV")) else {
        panic!()
    };
    assert_eq!(items.len(), 1);
    assert!(string(&s, items[0]).ends_with("generated.py"));
    assert_eq!(string(&s, global(&s, g, "NAME")), "generated");
    // exec in the module's globals: user functions of this module, with no source file.
    let f = func(&s, global(&s, g, "get_1"));
    assert_eq!(
        (f.name.as_str(), f.file.as_str(), f.globals),
        ("get_1", "<string>", g)
    );
    assert_eq!(int(&s, global(&s, g, "OFFSET")), 100);
    // exec in a fresh dict: a user function whose globals are that dict.
    let f = func(&s, global(&s, g, "fresh"));
    assert_ne!(f.globals, g);
    assert!(matches!(obj(&s, f.globals), Obj::Module { user: true, .. }));
    assert_eq!(int(&s, global(&s, f.globals, "OFFSET")), 5);
}

#[test]
fn missing_target_file() {
    let dir = fixtures();
    let e = run_import_helper(
        "python3",
        &dir.join("does_not_exist.py"),
        &dir.join("lib"),
        TIMEOUT,
    )
    .unwrap_err();
    let ImportError::ImportFailed { traceback, target } = &e else {
        panic!("wrong error: {e}")
    };
    assert!(traceback.contains("FileNotFoundError"), "{traceback}");
    assert!(target.ends_with("does_not_exist.py"));
}

#[test]
fn attribute_chains_through_user_packages() {
    let s = snapshot("uses_package.py");
    let g = main_globals(&s);
    let pkg = global(&s, g, "pkgdemo");
    assert!(matches!(obj(&s, pkg), Obj::Module { name, user: true, .. } if name == "pkgdemo"));
    assert_eq!(string(&s, global(&s, pkg, "GREETING")), "hi");
    let sub = global(&s, pkg, "sub");
    assert!(matches!(obj(&s, sub), Obj::Module { name, user: true, .. } if name == "pkgdemo.sub"));
    assert_eq!(int(&s, global(&s, sub, "VALUE")), 42);
    assert!(!has_global(&s, sub, "OTHER"));
    let get = func(&s, global(&s, sub, "get"));
    assert_eq!(get.globals, sub);
    assert_eq!(get.module, "pkgdemo.sub");
}
