//! The runtime ABI: object layouts and numbering shared by the translator (rtyper,
//! backend, later jitgen) and the runtime. This module is the one definition of them;
//! the translator depends on this crate as an rlib only to read these constants.
//!
//! Every GC object starts with a 64-bit header: the low 32 bits are its type id
//! ([`Tid`]), the high 32 bits GC flags ([`FLAG_STATIC`] for objects in the binary's
//! static data). All fields are 8 bytes wide and 8-aligned; offsets below are in bytes.
//!
//! - str: `{ hdr, hash: i64 (0 = not yet computed), len: i64 (code points),
//!   kind: i64 (1 = latin-1 bytes, 4 = UCS-4 u32 code points), data... }`
//! - list: `{ hdr, length: i64, items: *array }`, array: `{ hdr, capacity: i64, item[capacity] }`
//!   with 8-byte items (i64, f64 bits, bool as 0/1, or a pointer).
//! - instance: `{ hdr, typeptr: *vtable, fields... }`; exception instances start with the
//!   base-exception layout `{ hdr, typeptr, args_msg: *str or null }`.
//! - dict (and set, whose entries leave the value unused): `{ hdr, length: i64 (live
//!   entries), used: i64 (entries written, deleted ones included), entries: *array,
//!   indices: *array, kind: i64 (`KeyKind`) }`; entries is an array of `ENTRY_WORDS`
//!   words per entry `{hash, key, value}` in insertion order (a deleted entry has hash
//!   `DELETED_HASH`); indices is the open-addressing table (a power of two of slots:
//!   0 empty, -1 deleted, k > 0 entry k - 1). Both arrays are null until the first
//!   insertion. See `dict.rs`.
//! - vtable (emitted by the backend for every class, builtin exceptions included):
//!   `{ subclass_min: i64, subclass_max: i64, name: *str, ... }`; `x` is an instance of
//!   class C iff `C.subclass_min <= x.typeptr.subclass_min < C.subclass_max`.

/// Type ids in object headers.
#[repr(u32)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Tid {
    Str = 1,
    List = 2,
    Array = 3,
    /// Instances of user classes and exceptions; the vtable says which class.
    Instance = 4,
    /// Instances whose size is only known from their vtable (reserved for the GC issue).
    Bytes = 5,
    /// A tuple: `{ hdr, item[n] }`, 8-byte items, immutable.
    Tuple = 6,
    /// A `rpy.rstring.StringBuilder`: `{ hdr, length: i64, buf: *str }` where `buf` is a
    /// str object used as a growable buffer (its `len` field is the capacity).
    StrBuilder = 7,
    /// Dicts and sets.
    Dict = 8,
}

/// Header flag: the object lives in static data (never freed, never moved).
pub const FLAG_STATIC: u64 = 1 << 32;

pub const HDR_SIZE: i64 = 8;

pub const STR_HASH: i64 = 8;
pub const STR_LEN: i64 = 16;
pub const STR_KIND: i64 = 24;
pub const STR_DATA: i64 = 32;

pub const LIST_LENGTH: i64 = 8;
pub const LIST_ITEMS: i64 = 16;
pub const LIST_SIZE: i64 = 24;

pub const ARRAY_CAPACITY: i64 = 8;
pub const ARRAY_ITEMS: i64 = 16;

/// The first item of a tuple.
pub const TUPLE_ITEMS: i64 = 8;

/// Fields of a StringBuilder (see [`Tid::StrBuilder`]).
pub const SB_LENGTH: i64 = 8;
pub const SB_BUF: i64 = 16;
pub const SB_SIZE: i64 = 24;
pub const DICT_LENGTH: i64 = 8;
pub const DICT_USED: i64 = 16;
pub const DICT_ENTRIES: i64 = 24;
pub const DICT_INDICES: i64 = 32;
pub const DICT_KIND: i64 = 40;
pub const DICT_SIZE: i64 = 48;
/// Words per entry in a dict's entries array, and the word of each part.
pub const ENTRY_WORDS: i64 = 3;
pub const ENTRY_HASH: i64 = 0;
pub const ENTRY_KEY: i64 = 1;
pub const ENTRY_VALUE: i64 = 2;
/// The hash word of a deleted entry (no key hashes to it: hashes are normalized).
pub const DELETED_HASH: i64 = i64::MIN;

/// How a dict compares and hashes its keys (the 8-byte key slot).
#[repr(i64)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum KeyKind {
    /// Ints and bools.
    Int = 0,
    /// Floats (by value: `0.0` and `-0.0` are one key).
    Float = 1,
    /// Strs by value (a null pointer, `None`, is a key of its own).
    Str = 2,
    /// Objects by identity (instances without `__eq__`/`__hash__`).
    Ident = 3,
    /// Keys hashed and compared by generated code (tuples, instances with `__eq__`):
    /// the runtime only probes by hash (`rpy_dict_probe`) and inserts given a hash.
    Custom = 4,
}

impl KeyKind {
    pub fn from_i64(k: i64) -> KeyKind {
        match k {
            1 => KeyKind::Float,
            2 => KeyKind::Str,
            3 => KeyKind::Ident,
            4 => KeyKind::Custom,
            _ => KeyKind::Int,
        }
    }
}

pub const INST_TYPEPTR: i64 = 8;
/// The first field of every exception instance: its message (a str, or null).
pub const EXC_MSG: i64 = 16;
pub const EXC_SIZE: i64 = 24;

pub const VT_SUBCLASS_MIN: i64 = 0;
pub const VT_SUBCLASS_MAX: i64 = 8;
pub const VT_NAME: i64 = 16;
pub const VT_SIZE: i64 = 24;

/// Element kinds of lists, for the runtime helpers that need to know (repr, min/max).
#[repr(i64)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ItemKind {
    Int = 0,
    Float = 1,
    Bool = 2,
    Str = 3,
    /// Any pointer item compared by identity (instances, lists...).
    Ref = 4,
}

/// The builtin exception classes, in the order of the table `rpy_builtin_vtables` that
/// every produced binary defines, with their base class (`None` for BaseException).
pub const BUILTIN_EXCEPTIONS: &[(&str, Option<&str>)] = &[
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("LookupError", Some("Exception")),
    ("IndexError", Some("LookupError")),
    ("KeyError", Some("LookupError")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("AssertionError", Some("Exception")),
    ("StopIteration", Some("Exception")),
    ("RuntimeError", Some("Exception")),
    ("RecursionError", Some("RuntimeError")),
    ("NotImplementedError", Some("RuntimeError")),
    ("AttributeError", Some("Exception")),
    ("MemoryError", Some("Exception")),
    ("EOFError", Some("Exception")),
    ("OSError", Some("Exception")),
    ("UnicodeError", Some("ValueError")),
    ("UnicodeDecodeError", Some("UnicodeError")),
    ("UnicodeEncodeError", Some("UnicodeError")),
    ("NameError", Some("Exception")),
    ("KeyboardInterrupt", Some("BaseException")),
    ("SystemExit", Some("BaseException")),
    ("UnboundLocalError", Some("NameError")),
    ("FileNotFoundError", Some("OSError")),
    ("PermissionError", Some("OSError")),
    ("IsADirectoryError", Some("OSError")),
];

/// Index of a builtin exception in [`BUILTIN_EXCEPTIONS`].
pub fn builtin_exception_index(name: &str) -> Option<usize> {
    BUILTIN_EXCEPTIONS.iter().position(|(n, _)| *n == name)
}

/// A source position recorded in tracebacks; the backend emits one per call site or
/// raise that an exception may propagate from. Strings are NUL-terminated UTF-8.
#[repr(C)]
pub struct TbLoc {
    pub file: *const u8,
    pub func: *const u8,
    pub source_line: *const u8,
    pub line: i64,
}
