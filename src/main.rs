//! The `rpy` command line. (Being written.)
fn main() {}
