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
    LIST_NEW = "rpy_list_new"(Int, Int) -> Ref, raise: true;
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
    JIT_SET_PARAM_INT = "rpy_jit_set_param_int"(Ref, Int) -> Void, raise: true;
    JIT_SET_USER_PARAM = "rpy_jit_set_user_param"(Ref) -> Void, raise: true;
    INT_POW = "rpy_int_pow"(Int, Int) -> Int, raise: true;
    INT_TRUEDIV = "rpy_int_truediv"(Int, Int) -> Float, raise: true;
    FLOAT_POW = "rpy_float_pow"(Float, Float) -> Float, raise: true;
    FLOAT_MOD = "rpy_float_mod"(Float, Float) -> Float, raise: true;
    FLOAT_FLOORDIV = "rpy_float_floordiv"(Float, Float) -> Float, raise: true;
    FLOAT_TO_INT = "rpy_float_to_int"(Float) -> Int, raise: true;
    // str methods (runtime str_search, str_split, str_case, str_slice).
    STR_SPLIT = "rpy_str_split"(Ref, Ref, Int) -> Ref, raise: true;
    STR_RSPLIT = "rpy_str_rsplit"(Ref, Ref, Int) -> Ref, raise: true;
    STR_SPLITLINES = "rpy_str_splitlines"(Ref, Int) -> Ref, raise: true;
    STR_JOIN = "rpy_str_join"(Ref, Ref) -> Ref, raise: true;
    STR_STRIP = "rpy_str_strip"(Ref, Ref, Int) -> Ref, raise: true;
    STR_FIND = "rpy_str_find"(Ref, Ref, Int, Int, Int) -> Int, raise: true;
    STR_COUNT = "rpy_str_count"(Ref, Ref, Int, Int) -> Int, raise: false;
    STR_STARTSWITH = "rpy_str_startswith"(Ref, Ref, Int, Int, Int) -> Int, raise: false;
    STR_REPLACE = "rpy_str_replace"(Ref, Ref, Ref, Int) -> Ref, raise: true;
    STR_PARTITION = "rpy_str_partition"(Ref, Ref, Int) -> Ref, raise: true;
    STR_CASE = "rpy_str_case"(Ref, Int) -> Ref, raise: true;
    STR_IS = "rpy_str_is"(Ref, Int) -> Int, raise: false;
    STR_ZFILL = "rpy_str_zfill"(Ref, Int) -> Ref, raise: true;
    STR_PAD = "rpy_str_pad"(Ref, Int, Ref, Int) -> Ref, raise: true;
    STR_GETSLICE = "rpy_str_getslice"(Ref, Int, Int, Int, Int) -> Ref, raise: true;
    LIST_GETSLICE = "rpy_list_getslice"(Ref, Int, Int, Int, Int) -> Ref, raise: true;
    STR_ASCII = "rpy_str_ascii"(Ref) -> Ref, raise: true;
    CHR = "rpy_chr"(Int) -> Ref, raise: true;
    ORD = "rpy_ord"(Ref) -> Int, raise: true;
    // Formatting (runtime str_format, str_percent).
    FORMAT_INT = "rpy_format_int"(Int, Ref) -> Ref, raise: true;
    FORMAT_FLOAT = "rpy_format_float"(Float, Ref) -> Ref, raise: true;
    FORMAT_STR = "rpy_format_str"(Ref, Ref) -> Ref, raise: true;
    PERCENT_INT = "rpy_percent_int"(Int, Ref) -> Ref, raise: true;
    PERCENT_FLOAT = "rpy_percent_float"(Float, Ref) -> Ref, raise: true;
    PERCENT_STR = "rpy_percent_str"(Ref, Ref) -> Ref, raise: true;
    // rpy.rstring.StringBuilder (runtime str_builder).
    SB_NEW = "rpy_sb_new"(Int) -> Ref, raise: true;
    SB_APPEND = "rpy_sb_append"(Ref, Ref) -> Void, raise: true;
    SB_APPEND_SLICE = "rpy_sb_append_slice"(Ref, Ref, Int, Int) -> Void, raise: true;
    SB_APPEND_MULTIPLE_CHAR = "rpy_sb_append_multiple_char"(Ref, Ref, Int) -> Void, raise: true;
    SB_BUILD = "rpy_sb_build"(Ref) -> Ref, raise: true;
    // Text files read by open(path) (runtime/src/file.rs).
    FILE_OPEN = "rpy_file_open"(Ref, Ref) -> Int, raise: true;
    FILE_READ = "rpy_file_read"(Int) -> Ref, raise: true;
    FILE_CLOSE = "rpy_file_close"(Int) -> Void, raise: false;
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
