//! Shapes for the garbage collector: the size and reference offsets of every kind of
//! tuple and of every class's instances. The header of a tuple or an instance carries
//! its shape number (`runtime::gc::layout`); the backend emits the table
//! ([`crate::LlProgram::gc_shapes`]) and the runtime reads it when tracing.

use crate::classes::ClassTable;
use crate::repr::is_gc;
use annotator::model::Ann;
use rpyrt::abi::{Tid, EXC_MSG, TUPLE_ITEMS};
use rpyrt::gc::layout::make_tid;
use std::cell::RefCell;
use std::collections::HashMap;

/// Interned shapes `[size, nrefs, offsets...]`; number 0 is the runtime's builtin
/// exception layout and is not stored here.
#[derive(Default)]
pub struct Shapes {
    list: Vec<Vec<i64>>,
    index: HashMap<Vec<i64>, u64>,
    /// The shape of each class's instances, by class index.
    pub classes: Vec<u64>,
}

impl Shapes {
    /// The table for the backend: entry 0 is empty (the runtime's own shape 0).
    pub fn table(&self) -> Vec<Vec<i64>> {
        std::iter::once(vec![])
            .chain(self.list.iter().cloned())
            .collect()
    }

    fn intern(&mut self, size: i64, refs: Vec<i64>) -> u64 {
        let mut s = vec![size, refs.len() as i64];
        s.extend(refs);
        if let Some(&k) = self.index.get(&s) {
            return k;
        }
        self.list.push(s.clone());
        let k = self.list.len() as u64;
        self.index.insert(s, k);
        k
    }

    /// Computes the shape of every class.
    pub fn for_classes(table: &ClassTable) -> Shapes {
        let mut sh = Shapes::default();
        for c in 0..table.classes.len() {
            let mut refs = vec![];
            let mut k = Some(c);
            let mut is_exc = false;
            while let Some(cc) = k {
                let info = &table.classes[cc];
                refs.extend(info.fields.iter().filter(|f| is_gc(&f.2)).map(|f| f.1));
                if info.user.is_none() {
                    is_exc = true;
                }
                k = info.parent;
            }
            if is_exc {
                refs.push(EXC_MSG);
            }
            refs.sort_unstable();
            let s = sh.intern(table.classes[c].size, refs);
            sh.classes.push(s);
        }
        sh
    }
}

thread_local! {
    /// The shapes of the program being rtyped (rtyping is one pass per thread).
    static SHAPES: RefCell<Shapes> = RefCell::new(Shapes::default());
}

/// Starts a program: the class shapes first.
pub fn start(table: &ClassTable) {
    SHAPES.with(|s| *s.borrow_mut() = Shapes::for_classes(table));
}

/// Ends a program: its shapes.
pub fn finish() -> Shapes {
    SHAPES.with(|s| std::mem::take(&mut *s.borrow_mut()))
}

/// The header word of a new tuple of these items.
pub fn tuple_header(items: &[Ann]) -> i64 {
    let refs = items
        .iter()
        .enumerate()
        .filter(|(_, a)| is_gc(a))
        .map(|(k, _)| TUPLE_ITEMS + 8 * k as i64)
        .collect();
    let size = TUPLE_ITEMS + 8 * items.len() as i64;
    let k = SHAPES.with(|s| s.borrow_mut().intern(size, refs));
    make_tid(Tid::Tuple, k) as i64
}

/// The header word of a new instance of class `c`.
pub fn instance_header(c: usize) -> i64 {
    let k = SHAPES.with(|s| s.borrow().classes.get(c).copied().unwrap_or(0));
    make_tid(Tid::Instance, k) as i64
}
