//! The garbage collector: precise and generational, in the spirit of RPython's
//! incminimark (without the incremental part).
//!
//! - **Nursery**: new objects are bump-allocated in a zeroed nursery (4 MiB, or
//!   `RPY_GC_NURSERY` bytes). Generated code does the bump inline
//!   (`rpy_gc_nursery_free` / `rpy_gc_nursery_top`) and calls [`rpy_gc_alloc_slow`] when
//!   it is full.
//! - **Minor collection** ([`minor`]): survivors are copied out of the nursery into the
//!   old generation ([`oldspace`]), where objects never move.
//! - **Write barrier**: an old (or static) object whose header has [`FLAG_TRACK_YOUNG`]
//!   is added to the remembered set by [`write_barrier`] the first time a reference is
//!   stored into it after a collection; minor collections scan the remembered set.
//! - **Major collection** ([`major`]): mark and sweep of the old generation, when it has
//!   grown by [`MAJOR_GROWTH`] over the size that survived the last one.
//! - **Roots** ([`roots`]): the shadow stack that generated code keeps (the backend saves
//!   the references live across every call that can collect and reloads them after),
//!   the module globals, static objects that were written to, and the runtime's own
//!   globals.
//!
//! Only two entry points collect: [`rpy_gc_alloc_slow`] and [`rpy_gc_poll`], both called
//! by generated code at points where its references are on the shadow stack. The
//! runtime's own allocations ([`alloc`]) never collect (when the nursery is full they go
//! to the old generation and ask for a collection at the next poll), so runtime code
//! may hold raw pointers across them. While the JIT runs (tracing, compiled code, the
//! blackhole interpreter) collections are inhibited ([`inhibit`]) for the same reason.

mod collect;
pub mod layout;
pub mod oldspace;
pub mod roots;
pub mod stats;

use crate::exceptions::raise_memory_error;
use crate::global::Global;
use layout::round_size;
use oldspace::OldSpace;

/// Header flags (the high 32 bits; `abi::FLAG_STATIC` is bit 32).
pub const FLAG_TRACK_YOUNG: u64 = 1 << 33;
pub const FLAG_FORWARDED: u64 = 1 << 34;
pub const FLAG_MARK: u64 = 1 << 35;
/// A static object already in the list of static roots.
pub const FLAG_STATIC_ROOT: u64 = 1 << 36;
/// An old array of references with a card table after its items: one byte per
/// [`CARD_ITEMS`] items, set by the write barrier when a reference is stored there, so
/// that minor collections scan only those items (incminimark's card marking).
pub const FLAG_HAS_CARDS: u64 = 1 << 37;
/// The array is in the list of arrays with marked cards.
pub const FLAG_CARDS_SET: u64 = 1 << 38;
/// Items per card (a power of two: the barrier shifts by [`CARD_SHIFT`]).
pub const CARD_SHIFT: u32 = 7;
pub const CARD_ITEMS: usize = 1 << CARD_SHIFT;
/// Arrays of references with at least this capacity get cards when they become old.
pub const CARD_MIN_ITEMS: usize = 1024;

/// The old generation may grow by this factor over what the last major collection
/// left before the next one (incminimark's major_collection_threshold).
pub const MAJOR_GROWTH: f64 = 1.82;
/// ...and is allowed at least this many bytes.
const MIN_MAJOR_THRESHOLD: usize = 8 << 20;
const DEFAULT_NURSERY: usize = 4 << 20;
/// Requests larger than this are refused with MemoryError.
const MAX_ALLOC: usize = 1 << 46;

/// The next free byte of the nursery (generated code bumps it).
#[no_mangle]
pub static mut rpy_gc_nursery_free: *mut u8 = std::ptr::null_mut();
/// Where inline allocation must stop: the nursery's end, or its current free pointer
/// when a collection has been requested (so that the next inline allocation takes
/// the slow path).
#[no_mangle]
pub static mut rpy_gc_nursery_top: *mut u8 = std::ptr::null_mut();
/// Nonzero when the runtime wants a collection at the next poll.
#[no_mangle]
pub static mut rpy_gc_requested: i64 = 0;

pub struct Gc {
    nursery: *mut u8,
    nursery_end: *mut u8,
    nursery_size: usize,
    /// Larger objects are allocated in the old generation directly.
    large_young: usize,
    pub old: OldSpace,
    /// Old and static objects that may point to young ones.
    remembered: Vec<*mut u8>,
    /// Arrays with marked cards (see [`FLAG_HAS_CARDS`]).
    carded: Vec<*mut u8>,
    /// Static objects that were written to: roots of every major collection.
    static_roots: Vec<*mut u8>,
    major_threshold: usize,
    inhibited: u32,
    /// Young objects whose identity was taken: the old-generation place each will be
    /// copied to (so that its identity, the address, never changes).
    shadows: std::collections::HashMap<usize, usize>,
    pub stats: stats::Stats,
}

static GC: Global<Option<Gc>> = Global::new(None);

/// The collector, created on first use.
pub fn gc() -> &'static mut Gc {
    // SAFETY: single-threaded runtime (see `global`).
    unsafe {
        let g = &mut *GC.get();
        if g.is_none() {
            *g = Some(Gc::new());
        }
        g.as_mut().expect("just created")
    }
}

fn nursery_size_from_env() -> usize {
    std::env::var("RPY_GC_NURSERY")
        .ok()
        .and_then(|s| parse_size(&s))
        .map(|n| n.max(1024))
        .unwrap_or(DEFAULT_NURSERY)
}

/// `4096`, `512k`, `4M`...
fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mul) = match s.char_indices().last()? {
        (i, 'k' | 'K') => (&s[..i], 1 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<usize>().ok()?.checked_mul(mul)
}

impl Gc {
    fn new() -> Gc {
        let size = round_size(nursery_size_from_env());
        let layout = std::alloc::Layout::from_size_align(size, 16).expect("nursery layout");
        // SAFETY: a fresh zeroed block of nonzero size.
        let nursery = unsafe { std::alloc::alloc_zeroed(layout) };
        if nursery.is_null() {
            eprintln!("fatal: cannot allocate the GC nursery ({size} bytes)");
            std::process::exit(1);
        }
        let end = unsafe { nursery.add(size) };
        unsafe {
            rpy_gc_nursery_free = nursery;
            rpy_gc_nursery_top = end;
        }
        Gc {
            nursery,
            nursery_end: end,
            nursery_size: size,
            large_young: (size / 2).min(64 << 10),
            old: OldSpace::default(),
            remembered: vec![],
            carded: vec![],
            static_roots: vec![],
            major_threshold: MIN_MAJOR_THRESHOLD,
            inhibited: 0,
            shadows: Default::default(),
            stats: stats::Stats::default(),
        }
    }

    /// Whether `p` points into the nursery.
    #[inline]
    pub fn is_young(&self, p: *const u8) -> bool {
        p >= self.nursery as *const u8 && p < self.nursery_end as *const u8
    }

    /// Allocates `size` (rounded) bytes in the old generation, zeroed, remembered (it
    /// is about to be filled without write barrier).
    unsafe fn alloc_old(&mut self, size: usize, tid: u64) -> *mut u8 {
        // A large array of references gets its card table after its items (the
        // caller's size is `ARRAY_ITEMS + 8 * capacity`).
        let cap = (size.saturating_sub(crate::abi::ARRAY_ITEMS as usize)) / 8;
        let cards = layout::wants_cards(tid, cap);
        let size = if cards {
            round_size(size + layout::card_bytes(cap))
        } else {
            size
        };
        let p = self.old.alloc(size, true);
        if p.is_null() {
            return p;
        }
        *(p as *mut u64) = if cards { tid | FLAG_HAS_CARDS } else { tid };
        // Scratch structs of the JIT (tid 0) have no header once written to.
        if tid & layout::TID_MASK != 0 {
            self.remembered.push(p);
        }
        self.stats.allocated += size;
        if self.old.bytes > self.major_threshold {
            self.request();
        }
        p
    }

    fn request(&mut self) {
        unsafe {
            rpy_gc_requested = 1;
            rpy_gc_nursery_top = rpy_gc_nursery_free;
        }
    }

    /// Allocation that never collects.
    unsafe fn alloc_nocollect(&mut self, size: usize, tid: u64) -> *mut u8 {
        if size <= self.large_young {
            let p = rpy_gc_nursery_free;
            if (self.nursery_end as usize) - (p as usize) >= size {
                rpy_gc_nursery_free = p.add(size);
                if rpy_gc_requested == 0 {
                    rpy_gc_nursery_top = self.nursery_end;
                }
                *(p as *mut u64) = tid;
                return p;
            }
            self.request();
        }
        self.alloc_old(size, tid)
    }

    /// Forbids collections until the matching [`release`].
    pub fn inhibit(&mut self) {
        self.inhibited += 1;
    }

    pub fn release(&mut self) {
        self.inhibited = self.inhibited.saturating_sub(1);
    }
}

fn checked_size(size: i64) -> Option<usize> {
    usize::try_from(size)
        .ok()
        .filter(|&s| s <= MAX_ALLOC)
        .map(round_size)
}

/// Allocates a zeroed object of `size` bytes with header `tid` without ever
/// collecting. Null with MemoryError pending on failure.
pub unsafe fn alloc(size: usize, tid: u64) -> *mut u8 {
    let Some(size) = i64::try_from(size).ok().and_then(checked_size) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let p = gc().alloc_nocollect(size, tid);
    if p.is_null() {
        raise_memory_error();
    }
    p
}

/// The slow path of generated code's inline allocation: collects if allowed, then
/// allocates. Every reference of the caller is on the shadow stack.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_alloc_slow(size: i64, tid: i64) -> *mut u8 {
    let Some(size) = checked_size(size) else {
        raise_memory_error();
        return std::ptr::null_mut();
    };
    let g = gc();
    if g.inhibited == 0 && size <= g.large_young {
        collect::collect(g, false);
    }
    let p = g.alloc_nocollect(size, tid as u64);
    if p.is_null() {
        raise_memory_error();
    }
    p
}

/// Collects if a collection was requested (generated code calls it after runtime
/// functions that allocate).
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_poll() {
    let g = gc();
    if rpy_gc_requested != 0 && g.inhibited == 0 {
        collect::collect(g, false);
    }
}

/// The write barrier's slow path: `obj` had [`FLAG_TRACK_YOUNG`] and a reference is
/// being stored into it.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_wb(obj: *mut u8) {
    let h = obj as *mut u64;
    if *h & FLAG_TRACK_YOUNG == 0 {
        return;
    }
    *h &= !FLAG_TRACK_YOUNG;
    let g = gc();
    g.remembered.push(obj);
    if *h & crate::abi::FLAG_STATIC != 0 && *h & FLAG_STATIC_ROOT == 0 {
        *h |= FLAG_STATIC_ROOT;
        g.static_roots.push(obj);
    }
}

/// The barrier of a store into item `index` of an array with cards (generated code
/// calls it when that item's card is still clear).
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_wb_card(arr: *mut u8, index: i64) {
    let h = arr as *mut u64;
    if *h & FLAG_HAS_CARDS == 0 {
        rpy_gc_wb(arr);
        return;
    }
    *layout::card(arr, index.max(0) as usize) = 1;
    if *h & FLAG_CARDS_SET == 0 {
        *h |= FLAG_CARDS_SET;
        gc().carded.push(arr);
    }
}

/// The write barrier for code that does not know whether `value` is a reference (the
/// JIT's executors): only a young object stored into a tracked object needs it.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_wb_value(obj: *mut u8, value: u64) {
    if !obj.is_null() && gc().is_young(value as *const u8) {
        write_barrier(obj);
    }
}

/// The write barrier: call before storing a reference into `obj` (an object that may
/// be old or static; not needed for objects allocated since the last poll).
#[inline]
pub unsafe fn write_barrier(obj: *mut u8) {
    if !obj.is_null() && *(obj as *const u64) & FLAG_TRACK_YOUNG != 0 {
        rpy_gc_wb(obj);
    }
}

/// The identity of object `p` (what identity hashes and `id()` use): its address, or
/// for a young object the address it will have once copied out of the nursery (as
/// incminimark's shadows).
pub unsafe fn identity(p: *const u8) -> usize {
    let g = gc();
    if !g.is_young(p) {
        return p as usize;
    }
    if let Some(&q) = g.shadows.get(&(p as usize)) {
        return q;
    }
    let size = round_size(layout::size_of(p));
    let q = g.old.alloc(size, true);
    if q.is_null() {
        collect::out_of_memory();
    }
    // A placeholder header until the object is copied there (swept if it dies).
    *(q as *mut u64) = crate::abi::Tid::Str as u64;
    g.shadows.insert(p as usize, q as usize);
    q as usize
}

/// Collects now, with these words as extra roots (updated if their objects move).
/// The caller's generated code saved its own references (see `backend-llvm`'s
/// `gcroots`: calls of the JIT's entry points can collect).
pub unsafe fn collect_with_roots(words: &[*mut *mut u8]) {
    let g = gc();
    if g.inhibited != 0 {
        return;
    }
    for &w in words {
        roots::push_range(w, 1);
    }
    collect::collect(g, false);
    for _ in words {
        roots::pop_range();
    }
}

/// A full collection (minor, then major) with these roots; for tests.
pub unsafe fn collect_full_with_roots(roots: &mut [*mut u8]) {
    let g = gc();
    for r in roots.iter_mut() {
        roots::push_range(r as *mut *mut u8, 1);
    }
    collect::collect(g, true);
    for _ in roots.iter() {
        roots::pop_range();
    }
}

/// Whether `p` is in the nursery (it will move at the next collection).
pub fn is_young(p: *const u8) -> bool {
    gc().is_young(p)
}

/// Keeps the objects at these addresses alive for the rest of the run (compiled code
/// embeds them). Fails if one of them is young: it would move.
pub fn pin_for_jit(addrs: &[u64]) -> Result<(), ()> {
    let g = gc();
    if addrs.iter().any(|&a| g.is_young(a as *const u8)) {
        g.request();
        return Err(());
    }
    // SAFETY: single-threaded runtime.
    let perm = unsafe { roots::permanent() };
    perm.extend(addrs.iter().map(|&a| a as *mut u8));
    perm.sort_unstable();
    perm.dedup();
    Ok(())
}

pub fn inhibit() {
    gc().inhibit();
}

pub fn release() {
    gc().release();
}
