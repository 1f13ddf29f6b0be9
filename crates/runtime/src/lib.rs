//! The runtime every translated binary links (as the staticlib `librpyrt.a`).
//!
//! It owns: object allocation ([`heap`]), the pending-exception globals and raising
//! helpers ([`exceptions`]), traceback recording and the uncaught-exception report
//! ([`traceback`]), process start/exit ([`process`]), buffered output ([`output`]), reading
//! text files ([`file`]),
//! str objects and their operations ([`strobj`], [`strops`], [`str_repr`]), str methods
//! ([`str_search`], [`str_split`], [`str_case`], [`str_slice`], with [`str_units`] and
//! the tables of [`unicode_classes`]), formatting ([`str_format`] for `format()` and
//! f-strings, [`str_percent`] for `%`, [`float_format`]), [`str_builder`], number
//! formatting and parsing ([`float_repr`], [`int_parse`], [`float_parse`]), Python
//! number semantics ([`int_ops`], [`float_ops`]), lists ([`list`], [`list_compare`],
//! [`list_repr`]) and dicts and sets ([`dict`]). Generated code calls
//! the `rpy_*` functions through the C ABI; the object layouts they share with the
//! translator are in [`abi`].
//!
//! No exported function panics: every failure is reported as a pending Python
//! exception (`rpy_exc_type` / `rpy_exc_value`) and a dummy return value.
//!
//! Safety, for every `unsafe fn` here: object pointer arguments must be null (read as
//! empty where a str or list is expected) or point to live objects of the layout
//! `abi` gives for their role; the runtime is used from one thread at a time.
#![allow(clippy::missing_safety_doc)]

pub mod abi;
pub mod ascii_transform;
pub mod dict;
pub mod exceptions;
pub mod file;
pub mod float_format;
pub mod float_ops;
pub mod float_parse;
pub mod float_repr;
pub mod gc;
pub mod global;
pub mod heap;
pub mod int_ops;
pub mod int_parse;
pub mod jit;
pub mod libmath;
pub mod list;
pub mod list_compare;
pub mod list_methods;
pub mod list_repr;
pub mod output;
pub mod process;
pub mod str_builder;
pub mod str_case;
pub mod str_format;
pub mod str_percent;
pub mod str_repr;
pub mod str_search;
pub mod str_slice;
pub mod str_split;
pub mod str_units;
pub mod strobj;
pub mod strops;
pub mod traceback;
pub mod unicode_case;
pub mod unicode_classes;
pub mod unicode_tables;

#[cfg(test)]
mod tests;
