//! `repr()` of lists of ints, floats, bools and strs: `[1, 2]`, `[1.5, inf]`,
//! `[True, False]`, `['a', "it's"]`.

use crate::abi::ItemKind;
use crate::float_repr::write_float_repr;
use crate::list::items;
use crate::list_compare::item_kind;
use crate::str_repr::repr_code_points;
use crate::strobj::{chars, str_from_code_points};

/// `repr(l)` for a list whose items are of `kind`.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_repr(l: *mut u8, kind: i64) -> *mut u8 {
    let k = item_kind(kind);
    let mut out: Vec<u32> = vec!['[' as u32];
    let mut text = String::new();
    for (i, &x) in items(l).iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&[',' as u32, ' ' as u32]);
        }
        text.clear();
        match k {
            ItemKind::Int | ItemKind::Ref => text.push_str(&x.to_string()),
            ItemKind::Float => write_float_repr(&mut text, f64::from_bits(x as u64)),
            ItemKind::Bool => text.push_str(if x != 0 { "True" } else { "False" }),
            ItemKind::Str => {
                out.extend(repr_code_points(chars(x as *const u8)));
                continue;
            }
        }
        out.extend(text.bytes().map(|b| b as u32));
    }
    out.push(']' as u32);
    str_from_code_points(&out)
}
