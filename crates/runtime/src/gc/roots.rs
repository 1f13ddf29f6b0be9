//! The roots of a collection.
//!
//! - The **shadow stack**: generated functions that hold references across a call
//!   that can collect push a frame of slots (`rpy_ss_top` moves up by the frame's size on
//!   entry and back on return), store those references there before such a call and
//!   reload them after it. Slots hold object references, null, or addresses the
//!   collector does not own (static data, vtables), which it leaves alone.
//! - **Module globals**: the cells of module-level variables that hold references,
//!   registered by the generated `main` ([`rpy_gc_init`]).
//! - **Runtime globals**: the pending exception.
//! - **Ranges** pushed by runtime code that must keep references across a collection
//!   it triggers itself ([`push_range`]).

use crate::global::Global;

/// Slots of the shadow stack: as many bytes as the program's native stack (committed as
/// it is used). A reference saved across a call also occupies at least a word of the
/// caller's native frame (a spill slot or a pushed callee-saved register), so the
/// native stack's RecursionError check comes first.
const SHADOW_WORDS: usize = crate::process::PROGRAM_STACK / 8;

#[no_mangle]
pub static mut rpy_ss_top: *mut *mut u8 = std::ptr::null_mut();
static SS_BASE: Global<*mut *mut u8> = Global::new(std::ptr::null_mut());

struct Cells {
    cells: *const *mut *mut u8,
    n: usize,
}

static CELLS: Global<Cells> = Global::new(Cells {
    cells: std::ptr::null(),
    n: 0,
});

static RANGES: Global<Vec<(*mut *mut u8, usize)>> = Global::new(Vec::new());

/// Called by the generated `main` before anything else runs: the shape table of tuples
/// and instances (see `layout`), and the module-global cells that hold references.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_init(
    shapes: *const *const i64,
    nshapes: i64,
    cells: *const *mut *mut u8,
    ncells: i64,
) {
    super::layout::set_shapes(shapes, nshapes.max(0) as usize);
    *CELLS.get() = Cells {
        cells,
        n: ncells.max(0) as usize,
    };
    init_shadow_stack();
    super::gc();
}

unsafe fn init_shadow_stack() {
    if !(*SS_BASE.get()).is_null() {
        return;
    }
    let layout = std::alloc::Layout::array::<*mut u8>(SHADOW_WORDS).expect("layout");
    let base = std::alloc::alloc_zeroed(layout) as *mut *mut u8;
    if base.is_null() {
        eprintln!("fatal: cannot allocate the GC shadow stack");
        std::process::exit(1);
    }
    *SS_BASE.get() = base;
    rpy_ss_top = base;
}

/// Keeps `n` words at `p` as roots (updated when their objects move) until the
/// matching [`pop_range`].
pub unsafe fn push_range(p: *mut *mut u8, n: usize) {
    (*RANGES.get()).push((p, n));
}

pub unsafe fn pop_range() {
    (*RANGES.get()).pop();
}

/// Calls `f` on every root slot.
pub unsafe fn for_each_root(mut f: impl FnMut(*mut *mut u8)) {
    let base = *SS_BASE.get();
    if !base.is_null() {
        let mut p = base;
        while p < rpy_ss_top {
            f(p);
            p = p.add(1);
        }
    }
    let c = &*CELLS.get();
    for k in 0..c.n {
        f(*c.cells.add(k));
    }
    f(std::ptr::addr_of_mut!(crate::exceptions::rpy_exc_value));
    for &(p, n) in (*RANGES.get()).iter() {
        for k in 0..n {
            f(p.add(k));
        }
    }
}

static PERMANENT: Global<Vec<*mut u8>> = Global::new(Vec::new());

/// Old objects kept alive for the rest of the run (addresses compiled code embeds).
pub unsafe fn permanent() -> &'static mut Vec<*mut u8> {
    &mut *PERMANENT.get()
}
