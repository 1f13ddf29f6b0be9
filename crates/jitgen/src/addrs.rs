//! The address table: link-time addresses jitcodes refer to (functions, their call
//! stubs, static objects, global cells, traceback locations). The backend emits it as
//! an array of pointers in the same order; jitcodes name entries by index.

use frontend::entities::GraphId;
use frontend::source::Span;
use rtyper::lltype::LlConst;
use rtyper::runtime_fns::RuntimeFn;
use std::collections::HashMap;

/// A function the JIT can call.
#[derive(Clone, Debug)]
pub enum Callable {
    Graph(GraphId),
    Runtime(&'static RuntimeFn),
}

#[derive(Clone, Debug)]
pub enum AddrEntry {
    /// The compiled function.
    Func(Callable),
    /// Its stub `void stub(const u64 *args, u64 *ret)`.
    Stub(Callable),
    /// A static object (str, vtable, prebuilt list, instance or dict, function pointer).
    Const(LlConst),
    /// A module global's static cell.
    GlobalCell(usize),
    /// A traceback location (`abi::TbLoc`) in graph's function.
    TbLoc(Span, GraphId),
}

impl AddrEntry {
    fn key(&self) -> String {
        match self {
            AddrEntry::Func(Callable::Runtime(f)) => format!("func {}", f.name),
            AddrEntry::Stub(Callable::Runtime(f)) => format!("stub {}", f.name),
            other => format!("{other:?}"),
        }
    }

    /// A name for dumps and logs.
    pub fn name(&self) -> String {
        match self {
            AddrEntry::Func(Callable::Graph(g)) => format!("&{g}"),
            AddrEntry::Func(Callable::Runtime(f)) => format!("&{}", f.name),
            AddrEntry::Stub(Callable::Graph(g)) => format!("stub {g}"),
            AddrEntry::Stub(Callable::Runtime(f)) => format!("stub {}", f.name),
            AddrEntry::Const(c) => format!("{c}"),
            AddrEntry::GlobalCell(i) => format!("global{i}"),
            AddrEntry::TbLoc(s, g) => format!("loc {g}:{}", s.start),
        }
    }
}

#[derive(Default)]
pub struct Addrs {
    pub entries: Vec<AddrEntry>,
    index: HashMap<String, u32>,
}

impl Addrs {
    /// The index of an entry, added if new.
    pub fn get(&mut self, e: AddrEntry) -> u32 {
        let key = e.key();
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.entries.push(e);
        let i = (self.entries.len() - 1) as u32;
        self.index.insert(key, i);
        i
    }
}
