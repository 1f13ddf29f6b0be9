//! Python AST → flow graph. (Being written.)

use crate::diag::Diagnostic;
use crate::entities::ObjId;
use crate::ops::FlowGraph;
use crate::prebuilt::Snapshot;
use crate::source::SourceMap;

/// Builds the flow graph of one prebuilt function object.
pub fn build_flow_graph(_snapshot: &Snapshot, _func: ObjId, _sources: &mut SourceMap) -> Result<FlowGraph, Vec<Diagnostic>> {
    Err(vec![Diagnostic::new("E0000", "flow graphs are not built yet", None)])
}
