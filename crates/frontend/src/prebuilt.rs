//! The prebuilt-object snapshot: what CPython built at import time, as the embedded helper
//! script (`import_helper.py`) reports it. Object identity is preserved: two references to
//! one list are one [`ObjId`].
//!
//! The snapshot is plain data; the annotator turns the objects a flow graph uses into
//! constants, and the backend emits them as static data.

use crate::entities::ObjId;
use cranelift_entity::PrimaryMap;
use serde::Deserialize;

/// One prebuilt object.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Obj {
    None,
    Bool {
        value: bool,
    },
    /// An int that fits in 64 bits.
    Int {
        value: i64,
    },
    /// An int that does not fit in 64 bits (an error only if a graph uses it).
    BigInt {
        repr: String,
    },
    /// A float, as the hex of its IEEE-754 bits (JSON has no inf or nan).
    Float {
        bits: String,
    },
    Str {
        value: String,
    },
    /// Bytes as a list of byte values.
    Bytes {
        value: Vec<u8>,
    },
    List {
        items: Vec<ObjId>,
    },
    Tuple {
        items: Vec<ObjId>,
    },
    /// A `range` object made at import time (its bounds fit in 64 bits).
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        items: Vec<(ObjId, ObjId)>,
    },
    Set {
        items: Vec<ObjId>,
    },
    /// A Python function object.
    Function(FunctionObj),
    /// A user class (defined in a module that is not a builtin or stdlib module).
    Class(ClassObj),
    /// An instance of a user class: its class and its `__dict__` in insertion order.
    Instance {
        class: ObjId,
        attrs: Vec<(String, ObjId)>,
    },
    /// A builtin or library function, class or constant by qualified name
    /// (`builtins.len`, `builtins.IndexError`, `math.sqrt`, `rpy.jit.JitDriver`).
    Builtin {
        qualname: String,
    },
    /// A module: a user module's globals, or a library module by name.
    Module {
        name: String,
        user: bool,
        globals: Vec<(String, ObjId)>,
    },
    /// A bound method made at import time (for a builtin method such as `[].append`, `func`
    /// is a `Builtin` such as `builtins.list.append`).
    BoundMethod {
        func: ObjId,
        receiver: ObjId,
    },
    /// A `staticmethod` object (as found in a class `__dict__`).
    StaticMethod {
        func: ObjId,
    },
    /// A `classmethod` object (as found in a class `__dict__`).
    ClassMethod {
        func: ObjId,
    },
    /// A `property` object (as found in a class `__dict__`).
    Property {
        fget: Option<ObjId>,
        fset: Option<ObjId>,
        fdel: Option<ObjId>,
    },
    /// An instance of a library class (`rpy.jit.JitDriver`, `builtins.object`, a builtin
    /// exception): the class's qualified name and the instance's `__dict__` (and set
    /// `__slots__`) in order. Builtin exceptions also report their `args` first.
    LibInstance {
        class: String,
        attrs: Vec<(String, ObjId)>,
    },
    /// Anything the helper cannot describe: an error only if a flow graph uses it.
    Opaque {
        repr: String,
        type_name: String,
    },
}

#[derive(Clone, Debug, Deserialize)]
pub struct FunctionObj {
    /// The code object's name (`co_name`): the name in the `def` as written, even if a
    /// decorator renamed the function object.
    pub name: String,
    /// The code object's qualified name (`co_qualname`, or `__qualname__` before 3.11).
    pub qualname: String,
    pub module: String,
    /// Absolute path of the source file (`co_filename`; `<string>` for code made by `exec`).
    pub file: String,
    /// `co_firstlineno`: the line of the first decorator, or of `def`/`lambda`.
    pub firstlineno: u32,
    /// Whether the function is a lambda.
    pub is_lambda: bool,
    /// Default values of the positional parameters, last ones first-to-last.
    pub defaults: Vec<ObjId>,
    /// Keyword-only defaults by name.
    pub kwdefaults: Vec<(String, ObjId)>,
    /// Free variable names and the values of their cells (`None` for an empty cell).
    pub closure: Vec<(String, Option<ObjId>)>,
    /// The function's globals (a `Module` object).
    pub globals: ObjId,
    /// The function's `__dict__` (attributes set by decorators, e.g. `_always_inline_`).
    #[serde(default)]
    pub attrs: Vec<(String, ObjId)>,
    /// The functions of the `def`s and lambdas nested in this one (in its comprehensions
    /// too), in the order of the code's constants: lifted function objects.
    #[serde(default)]
    pub nested: Vec<ObjId>,
    /// Locals that nested functions read (`co_cellvars`): they live in cells.
    #[serde(default)]
    pub cellvars: Vec<String>,
    /// A nested function made at run time by its enclosing one: its free variables are
    /// cell parameters before the positional ones (the cells of `closure` are empty).
    #[serde(default)]
    pub lifted: bool,
    /// (line, column) of the code's first positioned instruction (inside the function).
    #[serde(default)]
    pub first_pos: Option<(u32, u32)>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ClassObj {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<ObjId>,
    /// The class `__dict__` in definition order, without `__dict__`/`__weakref__`/`__doc__`
    /// and `__module__`/`__qualname__`.
    pub attrs: Vec<(String, ObjId)>,
    pub file: Option<String>,
    pub firstlineno: Option<u32>,
}

/// The whole snapshot.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub objects: PrimaryMap<ObjId, Obj>,
    /// The entry point function (`main(argv)` or `target()`'s first result).
    pub entry: ObjId,
    /// The module name of the target.
    pub main_module: String,
}

/// The JSON form of a snapshot (objects are listed in id order, ids from 0).
#[derive(Deserialize)]
struct RawSnapshot {
    objects: Vec<Obj>,
    entry: u32,
    main_module: String,
}

impl Snapshot {
    pub fn from_json(text: &str) -> Result<Snapshot, String> {
        let raw: RawSnapshot = serde_json::from_str(text)
            .map_err(|e| format!("bad snapshot from the import helper: {e}"))?;
        let mut objects = PrimaryMap::new();
        for o in raw.objects {
            objects.push(o);
        }
        let entry = ObjId::from_u32(raw.entry);
        if objects.get(entry).is_none() {
            return Err("snapshot entry id out of range".into());
        }
        Ok(Snapshot {
            objects,
            entry,
            main_module: raw.main_module,
        })
    }

    pub fn float_value(bits: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(bits.trim_start_matches("0x"), 16).unwrap_or(0))
    }
}
