//! The runtime every translated binary links (as a staticlib). (Being written.)
pub mod abi;
