//! Module globals reassigned at run time: each lives in a static cell whose annotation
//! is the union of its import-time value and every value stored into it.

use crate::driver::{obj_const, Annotator, GlobalCell};
use crate::model::Ann;
use frontend::diag::Diagnostic;
use frontend::entities::ObjId;
use frontend::prebuilt::Obj;
use frontend::source::Span;

impl Annotator<'_> {
    /// The cell of a mutable module global, made on first use with its import-time value.
    pub fn global_cell(
        &mut self,
        module: ObjId,
        name: &str,
        span: Span,
    ) -> Result<usize, Diagnostic> {
        if let Some(i) = self
            .p
            .global_cells
            .iter()
            .position(|c| c.module == module && c.name == name)
        {
            return Ok(i);
        }
        let Obj::Module { globals, .. } = &self.snapshot.objects[module] else {
            return Err(Diagnostic::new(
                "E0280",
                "internal: global of a non-module",
                Some(span),
            ));
        };
        let Some((_, initial)) = globals.iter().find(|(n, _)| n == name) else {
            return Err(Diagnostic::new(
                "E0281",
                format!("global `{name}` has no value at import time"),
                Some(span),
            )
            .help("give it an initial value at module level, so its type is known"));
        };
        let initial = *initial;
        let ann = self.const_ann(&obj_const(self.snapshot, initial));
        self.p.global_cells.push(GlobalCell {
            module,
            name: name.to_string(),
            ann,
            initial,
            origin: None,
            readers: vec![],
        });
        Ok(self.p.global_cells.len() - 1)
    }

    pub fn read_global(
        &mut self,
        module: ObjId,
        name: &str,
        span: Span,
    ) -> Result<Ann, Diagnostic> {
        let i = self.global_cell(module, name, span)?;
        let cur = self.current;
        if !self.p.global_cells[i].readers.contains(&cur) {
            self.p.global_cells[i].readers.push(cur);
        }
        Ok(self.p.global_cells[i].ann.clone())
    }

    pub fn write_global(
        &mut self,
        module: ObjId,
        name: &str,
        value: &Ann,
        span: Span,
    ) -> Result<Ann, Diagnostic> {
        let i = self.global_cell(module, name, span)?;
        let old = self.p.global_cells[i].ann.clone();
        let new = self.join(&old, value, span).map_err(|_| {
            let first = self.p.global_cells[i]
                .origin
                .or_else(|| self.module_assignment(span, name));
            self.conflict(
                "E0282",
                &format!("the global `{name}`"),
                (&old, first),
                (value, span),
            )
            .note("its value at the end of the import gives it its first type")
            .help("a global keeps one type for the whole program")
        })?;
        if new != old {
            self.p.global_cells[i].ann = new;
            self.p.global_cells[i].origin.get_or_insert(span);
            for (g, b) in self.p.global_cells[i].readers.clone() {
                self.schedule(g, b);
            }
        }
        Ok(Ann::None)
    }
}
