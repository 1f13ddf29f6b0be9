//! The runtime functions low-level graphs call, with their signatures. The names are the
//! runtime crate's exported symbols (see crates/runtime).

use crate::lltype::LlType::{self, *};

#[derive(Debug, PartialEq)]
pub struct RuntimeFn {
    pub name: &'static str,
    pub params: &'static [LlType],
    pub ret: LlType,
    /// Whether it may set the pending exception.
    pub can_raise: bool,
}

macro_rules! runtime_fns {
    ($( $ident:ident = $name:literal ($($p:ident),*) -> $ret:ident, raise: $raise:literal; )*) => {
        $( pub static $ident: RuntimeFn = RuntimeFn { name: $name, params: &[$($p),*], ret: $ret, can_raise: $raise }; )*
        pub static ALL: &[&RuntimeFn] = &[$(&$ident),*];
    };
}

runtime_fns! {
    ALLOC = "rpy_alloc"(Int, Int) -> Ref, raise: true;
    RAISE_BUILTIN_STR = "rpy_raise_builtin_str"(Int, Ref) -> Void, raise: true;
    EXC_MESSAGE = "rpy_exc_message"(Ref) -> Ref, raise: false;
    STR_CONCAT = "rpy_str_concat"(Ref, Ref) -> Ref, raise: true;
    STR_MUL = "rpy_str_mul"(Ref, Int) -> Ref, raise: true;
    STR_EQ = "rpy_str_eq"(Ref, Ref) -> Int, raise: false;
    STR_CMP = "rpy_str_cmp"(Ref, Ref) -> Int, raise: false;
    STR_CONTAINS = "rpy_str_contains"(Ref, Ref) -> Int, raise: false;
    STR_GETITEM = "rpy_str_getitem"(Ref, Int) -> Ref, raise: true;
    STR_FROM_INT = "rpy_str_from_int"(Int) -> Ref, raise: true;
    STR_FROM_FLOAT = "rpy_str_from_float"(Float) -> Ref, raise: true;
    STR_REPR = "rpy_str_repr"(Ref) -> Ref, raise: true;
    INT_FROM_STR = "rpy_int_from_str"(Ref, Int) -> Int, raise: true;
    FLOAT_FROM_STR = "rpy_float_from_str"(Ref) -> Float, raise: true;
    WRITE_STR = "rpy_write_str"(Int, Ref) -> Void, raise: false;
    WRITE_INT = "rpy_write_int"(Int, Int) -> Void, raise: false;
    WRITE_FLOAT = "rpy_write_float"(Int, Float) -> Void, raise: false;
    LIST_NEW = "rpy_list_new"(Int) -> Ref, raise: true;
    LIST_GROW = "rpy_list_grow"(Ref, Int) -> Void, raise: true;
    LIST_REPR = "rpy_list_repr"(Ref, Int) -> Ref, raise: true;
    LIST_MINMAX = "rpy_list_minmax"(Ref, Int, Int) -> Int, raise: true;
    LIST_CONCAT = "rpy_list_concat"(Ref, Ref) -> Ref, raise: true;
    LIST_MUL = "rpy_list_mul"(Ref, Int) -> Ref, raise: true;
    LIST_EQ = "rpy_list_eq"(Ref, Ref, Int) -> Int, raise: false;
    LIST_CMP = "rpy_list_cmp"(Ref, Ref, Int) -> Int, raise: false;
    LIST_CONTAINS = "rpy_list_contains"(Ref, Int, Int) -> Int, raise: false;
    LIST_POP = "rpy_list_pop"(Ref, Int) -> Int, raise: true;
    LIST_DELITEM = "rpy_list_delitem"(Ref, Int) -> Void, raise: true;
    LIST_INSERT = "rpy_list_insert"(Ref, Int, Int) -> Void, raise: true;
    LIST_EXTEND = "rpy_list_extend"(Ref, Ref) -> Void, raise: true;
    LIST_INDEX = "rpy_list_index"(Ref, Int, Int) -> Int, raise: true;
    LIST_COUNT = "rpy_list_count"(Ref, Int, Int) -> Int, raise: false;
    LIST_REMOVE = "rpy_list_remove"(Ref, Int, Int) -> Void, raise: true;
    LIST_REVERSE = "rpy_list_reverse"(Ref) -> Void, raise: false;
    LIST_SORT = "rpy_list_sort"(Ref, Int, Int) -> Void, raise: false;
    LIST_SORT_BY_KEYS = "rpy_list_sort_by_keys"(Ref, Ref, Int, Int) -> Void, raise: false;
    LIST_COPY = "rpy_list_copy"(Ref) -> Ref, raise: true;
    MATH1 = "rpy_math1"(Int, Float) -> Float, raise: true;
    MATH2 = "rpy_math2"(Int, Float, Float) -> Float, raise: true;
    TIME_NOW = "rpy_time_now"(Int) -> Float, raise: false;
    INT_POW = "rpy_int_pow"(Int, Int) -> Int, raise: true;
    INT_TRUEDIV = "rpy_int_truediv"(Int, Int) -> Float, raise: true;
    FLOAT_POW = "rpy_float_pow"(Float, Float) -> Float, raise: true;
    FLOAT_MOD = "rpy_float_mod"(Float, Float) -> Float, raise: true;
    FLOAT_FLOORDIV = "rpy_float_floordiv"(Float, Float) -> Float, raise: true;
    FLOAT_TO_INT = "rpy_float_to_int"(Float) -> Int, raise: true;
    // Dicts and sets (runtime/src/dict.rs, dict_misc.rs).
    DICT_NEW = "rpy_dict_new"(Int) -> Ref, raise: true;
    DICT_LOOKUP = "rpy_dict_lookup"(Ref, Int) -> Int, raise: false;
    DICT_STORE = "rpy_dict_store"(Ref, Int) -> Int, raise: true;
    DICT_PROBE = "rpy_dict_probe"(Ref, Int, Ref) -> Int, raise: false;
    DICT_INSERT_HASHED = "rpy_dict_insert_hashed"(Ref, Int, Int) -> Int, raise: true;
    DICT_DELETE = "rpy_dict_delete"(Ref, Int) -> Void, raise: false;
    DICT_CLEAR = "rpy_dict_clear"(Ref) -> Void, raise: false;
    DICT_COPY = "rpy_dict_copy"(Ref) -> Ref, raise: true;
    DICT_LAST = "rpy_dict_last"(Ref) -> Int, raise: false;
    HASH_ITEM = "rpy_hash_item"(Int, Int) -> Int, raise: false;
    CONCAT_STRS = "rpy_concat_strs"(Ref) -> Ref, raise: true;
}
