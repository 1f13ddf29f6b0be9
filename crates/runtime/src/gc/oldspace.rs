//! The old generation: objects that survived a minor collection (or were too large for
//! the nursery). They never move, so compiled code may embed their addresses.
//!
//! Small objects (up to [`SMALL_MAX`] bytes) live in pages of one size class each, carved
//! from 1 MiB-aligned chunks, with a free list per class; large ones are allocated one
//! by one from the system allocator. A major collection marks live objects (header flag
//! [`FLAG_MARK`](super::FLAG_MARK)) and [`OldSpace::sweep`] frees the rest.

use super::layout::{header, round_size, size_of};
use super::FLAG_MARK;
use std::alloc::{alloc, alloc_zeroed, dealloc, Layout};
use std::collections::{HashMap, HashSet};

/// The largest object kept in size-class pages.
pub const SMALL_MAX: usize = 1024;
const GRANULE: usize = 16;
const CLASSES: usize = SMALL_MAX / GRANULE + 1;
const PAGE: usize = 16 * 1024;
const CHUNK: usize = 1 << 20;
const PAGES_PER_CHUNK: usize = CHUNK / PAGE;

struct Page {
    start: *mut u8,
    class: usize,
    /// Free slots of this page (a slot is free when its header word is 0; its second
    /// word links to the next free slot).
    free: *mut u8,
    nfree: usize,
}

#[derive(Default)]
pub struct OldSpace {
    pages: Vec<Page>,
    /// Per size class: pages that may have free slots.
    avail: Vec<Vec<usize>>,
    /// Pages not yet given to a class.
    spare: Vec<*mut u8>,
    /// Chunk numbers (address >> 20) of our chunks, to recognise our objects.
    chunks: HashSet<usize>,
    /// Page index by page address >> 14.
    page_of: HashMap<usize, usize>,
    large: HashMap<usize, usize>,
    /// Bytes in objects (rounded sizes), live or not yet swept.
    pub bytes: usize,
}

impl OldSpace {
    /// Allocates `size` bytes (already rounded); zeroed when `zero`, else the caller
    /// fills every byte. Returns null when the system refuses.
    pub unsafe fn alloc(&mut self, size: usize, zero: bool) -> *mut u8 {
        debug_assert_eq!(size, round_size(size));
        self.bytes += size;
        if size > SMALL_MAX {
            let Ok(layout) = Layout::from_size_align(size, GRANULE) else {
                return std::ptr::null_mut();
            };
            let p = if zero {
                alloc_zeroed(layout)
            } else {
                alloc(layout)
            };
            if !p.is_null() {
                self.large.insert(p as usize, size);
            }
            return p;
        }
        let class = size / GRANULE;
        if self.avail.is_empty() {
            self.avail = (0..CLASSES).map(|_| Vec::new()).collect();
        }
        loop {
            let Some(&pi) = self.avail[class].last() else {
                if !self.new_page(class) {
                    return std::ptr::null_mut();
                }
                continue;
            };
            let page = &mut self.pages[pi];
            if page.free.is_null() {
                self.avail[class].pop();
                continue;
            }
            let p = page.free;
            page.free = *(p.add(8) as *mut *mut u8);
            page.nfree -= 1;
            if zero {
                std::ptr::write_bytes(p, 0, size);
            } else {
                *(p.add(8) as *mut u64) = 0;
            }
            return p;
        }
    }

    unsafe fn new_page(&mut self, class: usize) -> bool {
        if self.spare.is_empty() {
            let Ok(layout) = Layout::from_size_align(CHUNK, CHUNK) else {
                return false;
            };
            let c = alloc_zeroed(layout);
            if c.is_null() {
                return false;
            }
            self.chunks.insert(c as usize >> 20);
            for k in (0..PAGES_PER_CHUNK).rev() {
                self.spare.push(c.add(k * PAGE));
            }
        }
        let start = self.spare.pop().expect("a spare page");
        let size = class * GRANULE;
        let n = PAGE / size;
        // Thread the free list through the slots, lowest address first.
        let mut free = std::ptr::null_mut::<u8>();
        for k in (0..n).rev() {
            let s = start.add(k * size);
            *(s as *mut u64) = 0;
            *(s.add(8) as *mut *mut u8) = free;
            free = s;
        }
        let pi = self.pages.len();
        self.page_of.insert(start as usize / PAGE, pi);
        self.pages.push(Page {
            start,
            class,
            free,
            nfree: n,
        });
        self.avail[class].push(pi);
        true
    }

    /// Whether `p` is (the start of) an object of the old generation. Cheap enough for
    /// roots, which may also hold addresses of static data or vtables.
    pub unsafe fn contains(&self, p: *const u8) -> bool {
        let a = p as usize;
        if a % GRANULE != 0 {
            return false;
        }
        if self.chunks.contains(&(a >> 20)) {
            let Some(&pi) = self.page_of.get(&(a / PAGE)) else {
                return false;
            };
            let page = &self.pages[pi];
            let size = page.class * GRANULE;
            let off = a - page.start as usize;
            return off % size == 0 && off / size < PAGE / size && header(p) != 0;
        }
        self.large.contains_key(&a)
    }

    /// Frees every object without [`FLAG_MARK`] and clears the mark of the others.
    /// Returns the bytes still in use.
    pub unsafe fn sweep(&mut self) -> usize {
        let mut live = 0;
        for (pi, page) in self.pages.iter_mut().enumerate() {
            let size = page.class * GRANULE;
            let was_full = page.free.is_null();
            for k in 0..PAGE / size {
                let s = page.start.add(k * size);
                let h = *(s as *const u64);
                if h == 0 {
                    continue;
                }
                if h & FLAG_MARK != 0 {
                    *(s as *mut u64) = h & !FLAG_MARK;
                    live += size;
                } else {
                    *(s as *mut u64) = 0;
                    *(s.add(8) as *mut *mut u8) = page.free;
                    page.free = s;
                    page.nfree += 1;
                }
            }
            if was_full && !page.free.is_null() {
                self.avail[page.class].push(pi);
            }
        }
        let mut dead = vec![];
        for (&a, &size) in &self.large {
            let p = a as *mut u8;
            let h = header(p);
            if h & FLAG_MARK != 0 {
                *(p as *mut u64) = h & !FLAG_MARK;
                live += size;
            } else {
                dead.push((a, size));
            }
        }
        for (a, size) in dead {
            self.large.remove(&a);
            dealloc(
                a as *mut u8,
                Layout::from_size_align_unchecked(size, GRANULE),
            );
        }
        self.bytes = live;
        live
    }
}

/// The rounded size of an old object.
pub unsafe fn old_size(obj: *const u8) -> usize {
    round_size(size_of(obj))
}
