//! What the tracer may trace into (RPython's JitPolicy): functions marked
//! `dont_look_inside` or `elidable` are called, not traced; functions with loops are
//! called unless marked `unroll_safe` (decided at run time from `JitCode::has_loops`);
//! the portals themselves are called (a recursive interpreter re-enters the JIT there).

use frontend::entities::Block;
use rtyper::LlFunction;
use std::collections::HashSet;

/// What the function object's hint attributes say.
#[derive(Clone, Copy, Debug, Default)]
pub struct FuncFlags {
    /// `@elidable`.
    pub elidable: bool,
    /// `@dont_look_inside` (Some(false)) or `@look_inside` (Some(true)).
    pub look_inside: Option<bool>,
    /// `@unroll_safe`.
    pub unroll_safe: bool,
}

/// Whether the graph has a cycle (a loop).
pub fn has_loops(f: &LlFunction) -> bool {
    // Depth-first search for a back edge.
    fn dfs(
        f: &LlFunction,
        b: Block,
        on_stack: &mut HashSet<Block>,
        done: &mut HashSet<Block>,
    ) -> bool {
        if on_stack.contains(&b) {
            return true;
        }
        if !done.insert(b) {
            return false;
        }
        on_stack.insert(b);
        for s in f.graph.blocks[b].exit.successors() {
            if dfs(f, s, on_stack, done) {
                return true;
            }
        }
        on_stack.remove(&b);
        false
    }
    dfs(f, f.graph.entry, &mut HashSet::new(), &mut HashSet::new())
}
