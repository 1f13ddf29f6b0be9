//! List definitions: a union-find over list creation sites, each class sharing one item
//! annotation, plus the blocks that read items (re-flowed when the item type widens).

use crate::model::{union, Ann, Collect, ListDefId, UnionConflict};
use cranelift_entity::PrimaryMap;
use frontend::prebuilt::Snapshot;
use frontend::source::Span;

#[derive(Clone, Debug)]
pub struct ListDefData {
    parent: Option<ListDefId>,
    pub item: Ann,
    /// Where the item type was first set (for messages).
    pub item_origin: Option<Span>,
    /// Blocks (graph index, block index) that depend on the item type.
    pub readers: Vec<(u32, u32)>,
    /// Whether the list is ever resized (append, pop...); fixed-size lists come later.
    pub resized: bool,
}

#[derive(Default, Debug)]
pub struct ListDefs {
    defs: PrimaryMap<ListDefId, ListDefData>,
    /// Dict definitions that met while joining items; the annotator unifies them.
    pub pending_dicts: Vec<(crate::model::DictDefId, crate::model::DictDefId)>,
}

impl ListDefs {
    pub fn new_def(&mut self) -> ListDefId {
        self.defs.push(ListDefData {
            parent: None,
            item: Ann::Impossible,
            item_origin: None,
            readers: vec![],
            resized: false,
        })
    }

    pub fn find(&self, mut d: ListDefId) -> ListDefId {
        while let Some(p) = self.defs[d].parent {
            d = p;
        }
        d
    }

    pub fn get(&self, d: ListDefId) -> &ListDefData {
        &self.defs[self.find(d)]
    }

    pub fn get_mut(&mut self, d: ListDefId) -> &mut ListDefData {
        let r = self.find(d);
        &mut self.defs[r]
    }

    pub fn item(&self, d: ListDefId) -> Ann {
        self.get(d).item.clone()
    }

    /// Joins `ann` into the item type; returns the readers to re-flow if it changed.
    pub fn generalize(
        &mut self,
        snapshot: &Snapshot,
        d: ListDefId,
        ann: &Ann,
        origin: Span,
    ) -> Result<Vec<(u32, u32)>, (UnionConflict, Ann, Ann, Option<Span>)> {
        let old = self.item(d);
        let mut ctx = Collect::new(snapshot);
        let new = union(&old, ann, &mut ctx)
            .map_err(|e| (e, old.clone(), ann.clone(), self.get(d).item_origin))?;
        let mut wake = Vec::new();
        if new != old {
            let data = self.get_mut(d);
            data.item = new;
            if data.item_origin.is_none() {
                data.item_origin = Some(origin);
            }
            wake.extend(data.readers.iter().copied());
        }
        self.pending_dicts.extend(ctx.dicts);
        for (a, b) in ctx.lists {
            wake.extend(self.unify(snapshot, a, b, origin)?);
        }
        Ok(wake)
    }

    /// Merges two list definitions; returns readers to re-flow.
    pub fn unify(
        &mut self,
        snapshot: &Snapshot,
        a: ListDefId,
        b: ListDefId,
        origin: Span,
    ) -> Result<Vec<(u32, u32)>, (UnionConflict, Ann, Ann, Option<Span>)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(vec![]);
        }
        let item_b = self.defs[rb].item.clone();
        // Check first, so a conflict names the two item types and changes nothing.
        let item_a = self.defs[ra].item.clone();
        if let Err(e) = union(&item_a, &item_b, &mut Collect::new(snapshot)) {
            return Err((e, item_a, item_b, self.defs[ra].item_origin));
        }
        let resized = self.defs[rb].resized;
        let readers_b = std::mem::take(&mut self.defs[rb].readers);
        self.defs[rb].parent = Some(ra);
        self.defs[ra].resized |= resized;
        let mut wake = readers_b.clone();
        self.defs[ra].readers.extend(readers_b);
        wake.extend(self.defs[ra].readers.iter().copied());
        wake.extend(self.generalize(snapshot, ra, &item_b, origin)?);
        Ok(wake)
    }

    pub fn add_reader(&mut self, d: ListDefId, reader: (u32, u32)) {
        let data = self.get_mut(d);
        if !data.readers.contains(&reader) {
            data.readers.push(reader);
        }
    }
}
