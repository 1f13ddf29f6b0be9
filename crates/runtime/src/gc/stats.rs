//! `RPY_GC_STATS=1`: what the collector did, printed to stderr at exit.

use std::time::Duration;

#[derive(Default)]
pub struct Stats {
    pub minor: u64,
    pub major: u64,
    pub time: Duration,
    /// Bytes allocated (nursery and old generation, rounded sizes).
    pub allocated: usize,
    /// The largest the heap got: old generation plus the nursery.
    pub peak: usize,
    /// Cards of old arrays scanned by minor collections (instead of whole arrays).
    pub cards: u64,
}

/// Prints the statistics if `RPY_GC_STATS` is set (called at exit).
pub fn report() {
    if std::env::var_os("RPY_GC_STATS").is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    let g = super::gc();
    let s = &g.stats;
    let in_nursery = unsafe { super::rpy_gc_nursery_free as usize }
        .saturating_sub(g.nursery as usize)
        .min(g.nursery_size);
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    eprintln!(
        "rpy gc: {} minor and {} major collections, {:.3} s in the GC, peak heap {:.1} MiB, {:.1} MiB allocated, {} cards scanned",
        s.minor,
        s.major,
        s.time.as_secs_f64(),
        mib(s.peak.max(g.old.bytes + g.nursery_size)),
        mib(s.allocated + in_nursery),
        s.cards
    );
}
