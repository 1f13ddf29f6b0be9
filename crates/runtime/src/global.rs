//! [`Global`]: a process-wide mutable cell for the runtime's private state (stdout
//! buffer, traceback buffer, argv). Translated programs are single-threaded, so the
//! runtime never synchronizes; callers access the contents through raw pointers.

use std::cell::UnsafeCell;

pub struct Global<T>(UnsafeCell<T>);

// SAFETY: the runtime is only ever used from one thread at a time (translated programs
// are single-threaded; the unit tests serialize themselves with a lock).
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    pub const fn new(value: T) -> Self {
        Global(UnsafeCell::new(value))
    }

    pub fn get(&self) -> *mut T {
        self.0.get()
    }
}
