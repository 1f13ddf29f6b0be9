//! Virtualizables (RPython's `virtualizables=[...]`, the frame class's
//! `_virtualizable_`): in a trace, the listed fields of the interpreter's frame object
//! (scalars, and the items of fixed-size lists such as the value stack) are boxes, not
//! memory: loops carry them as extra label arguments, so a value pushed on the stack
//! can stay virtual. Memory is brought up to date where it is read: a failing guard's
//! snapshot has a first pseudo-frame ([`MARKER`]) with the frame object and every field,
//! which resume writes back; residual calls get explicit writes before and reads after.
//!
//! Slots, in order: the scalars, then for each list field the list, its items array and
//! its items (the list lengths are fixed for a compiled loop).

use super::jitcode::VableInfo;
use super::trace::{Arg, Type};
use crate::abi::{ARRAY_ITEMS, LIST_ITEMS, LIST_LENGTH};

/// The jitcode number of the pseudo-frame that carries a snapshot's virtualizable.
pub const MARKER: u32 = u32::MAX;

/// The boxes of a virtualizable's fields while tracing.
#[derive(Clone, Debug)]
pub struct Vable {
    pub info: VableInfo,
    /// The frame object's box.
    pub obj: Arg,
    pub scalars: Vec<Arg>,
    pub lists: Vec<VList>,
}

#[derive(Clone, Debug)]
pub struct VList {
    pub list: Arg,
    pub items_arr: Arg,
    pub items: Vec<Arg>,
}

/// The slots' types and the list lengths of the virtualizable at `obj` now.
///
/// # Safety
/// `obj` must be an object of the virtualizable class.
pub unsafe fn shape(info: &VableInfo, obj: u64) -> (Vec<Type>, Vec<usize>) {
    let mut types: Vec<Type> = info.scalars.iter().map(|s| s.1).collect();
    let mut lens = vec![];
    for &(off, t) in &info.arrays {
        let list = read(obj, off);
        let len = read(list, LIST_LENGTH) as usize;
        types.push(Type::Ref);
        types.push(Type::Ref);
        types.extend(std::iter::repeat_n(t, len));
        lens.push(len);
    }
    (types, lens)
}

unsafe fn read(p: u64, off: i64) -> u64 {
    *((p as i64 + off) as *const u64)
}

unsafe fn write(p: u64, off: i64, v: u64) {
    crate::gc::rpy_gc_wb_value(p as *mut u8, v);
    *((p as i64 + off) as *mut u64) = v;
}

/// Whether the lists of the virtualizable at `obj` have the lengths `lens` (what a
/// compiled loop was made for). Checked at every entry into compiled code: no allocation.
///
/// # Safety
/// As [`shape`].
pub unsafe fn fits(info: &VableInfo, obj: u64, lens: &[usize]) -> bool {
    info.arrays.len() == lens.len()
        && info
            .arrays
            .iter()
            .zip(lens)
            .all(|(&(off, _), &len)| read(read(obj, off), LIST_LENGTH) as usize == len)
}

/// Appends the slots' current values, read from memory, to `out`.
///
/// # Safety
/// As [`shape`].
pub unsafe fn read_slots_into(info: &VableInfo, obj: u64, out: &mut Vec<u64>) {
    out.extend(info.scalars.iter().map(|&(off, _)| read(obj, off)));
    for &(off, _) in &info.arrays {
        let list = read(obj, off);
        let arr = read(list, LIST_ITEMS);
        let len = read(list, LIST_LENGTH) as usize;
        out.push(list);
        out.push(arr);
        out.extend((0..len).map(|j| read(arr, ARRAY_ITEMS + 8 * j as i64)));
    }
}

/// Writes the slots' values back into the frame object (the lists themselves stay).
///
/// # Safety
/// `values` must be the slots of the virtualizable at `obj`, in order.
pub unsafe fn write_slots(info: &VableInfo, obj: u64, values: &[u64]) {
    let mut k = 0;
    for &(off, _) in &info.scalars {
        write(obj, off, values[k]);
        k += 1;
    }
    for _ in &info.arrays {
        let list = values[k];
        let arr = values[k + 1];
        k += 2;
        let len = read(list, LIST_LENGTH) as usize;
        for j in 0..len {
            write(arr, ARRAY_ITEMS + 8 * j as i64, values[k]);
            k += 1;
        }
    }
}

impl Vable {
    /// From boxes in slot order.
    pub fn from_slots(info: &VableInfo, obj: Arg, slots: &[Arg], lens: &[usize]) -> Vable {
        let mut k = info.scalars.len();
        let scalars = slots[..k].to_vec();
        let mut lists = vec![];
        for &len in lens {
            lists.push(VList {
                list: slots[k],
                items_arr: slots[k + 1],
                items: slots[k + 2..k + 2 + len].to_vec(),
            });
            k += 2 + len;
        }
        Vable {
            info: info.clone(),
            obj,
            scalars,
            lists,
        }
    }

    /// The boxes in slot order.
    pub fn slots(&self) -> Vec<Arg> {
        let mut out = self.scalars.clone();
        for l in &self.lists {
            out.push(l.list);
            out.push(l.items_arr);
            out.extend(l.items.iter().copied());
        }
        out
    }

    pub fn lens(&self) -> Vec<usize> {
        self.lists.iter().map(|l| l.items.len()).collect()
    }

    /// The scalar at byte offset `off`, if the object is the virtualizable.
    pub fn scalar_index(&self, obj: Arg, off: i64) -> Option<usize> {
        if obj != self.obj {
            return None;
        }
        self.info.scalars.iter().position(|s| s.0 == off)
    }

    /// The list field at byte offset `off`, if the object is the virtualizable.
    pub fn list_field(&self, obj: Arg, off: i64) -> Option<usize> {
        if obj != self.obj {
            return None;
        }
        self.info.arrays.iter().position(|s| s.0 == off)
    }

    /// The list whose box is `b`.
    pub fn list_of(&self, b: Arg) -> Option<usize> {
        self.lists.iter().position(|l| l.list == b)
    }

    /// The list whose items array's box is `b`.
    pub fn array_of(&self, b: Arg) -> Option<usize> {
        self.lists.iter().position(|l| l.items_arr == b)
    }
}
