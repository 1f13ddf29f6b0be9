//! Runs the embedded CPython helper on a target and reads its snapshot. (Being written.)
