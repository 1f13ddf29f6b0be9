//! The class table: every class of the program (the builtin exceptions, then the user
//! classes, parents first) with subclass ranges numbered in preorder, as RPython's
//! `subclassrange_min/max`, so that `isinstance` and `except` matching are two integer
//! comparisons; plus each class's instance layout and vtable slots.
//!
//! Layout: `{hdr, typeptr, [exception message], fields of the root..., fields of the
//! class}`, 8 bytes per field, so a field has one offset in the whole subtree. Vtables
//! are `{min, max, name, slot...}`; every vtable has every slot (a method called through
//! a receiver whose subclasses override it, or a class constant that differs).

use crate::lltype::{LlConst, LlType};
use crate::repr::slot_type;
use annotator::model::Ann;
use frontend::entities::ObjId;
use rpyrt::abi::{BUILTIN_EXCEPTIONS, EXC_SIZE, INST_TYPEPTR, VT_SIZE};

#[derive(Clone, Debug)]
pub struct ClassInfo {
    pub name: String,
    pub parent: Option<usize>,
    pub subclass_min: i64,
    pub subclass_max: i64,
    /// The prebuilt class object, for user classes.
    pub user: Option<ObjId>,
    /// Instance size in bytes.
    pub size: i64,
    /// Fields this class adds: name, byte offset, annotation.
    pub fields: Vec<(String, i64, Ann)>,
    /// Vtable slot values (see [`ClassTable::slot_names`]).
    pub slots: Vec<LlConst>,
}

#[derive(Clone, Debug, Default)]
pub struct ClassTable {
    pub classes: Vec<ClassInfo>,
    /// The names of vtable slots, in slot order.
    pub slot_names: Vec<String>,
}

impl ClassTable {
    /// The builtin exceptions, at indices equal to their position in
    /// `abi::BUILTIN_EXCEPTIONS`.
    pub fn with_builtins() -> Self {
        let mut t = ClassTable::default();
        for (name, parent) in BUILTIN_EXCEPTIONS {
            let parent = parent.map(|p| t.find(p).expect("builtin exception parents come first"));
            t.classes.push(ClassInfo {
                name: name.to_string(),
                parent,
                subclass_min: 0,
                subclass_max: 0,
                user: None,
                size: EXC_SIZE,
                fields: vec![],
                slots: vec![],
            });
        }
        t.number();
        t
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c.name == name)
    }

    /// Assigns preorder subclass ranges.
    pub fn number(&mut self) {
        let n = self.classes.len();
        let mut children = vec![vec![]; n];
        let mut roots = vec![];
        for (i, c) in self.classes.iter().enumerate() {
            match c.parent {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        let mut counter = 0i64;
        fn visit(i: usize, children: &[Vec<usize>], classes: &mut [ClassInfo], counter: &mut i64) {
            classes[i].subclass_min = *counter;
            *counter += 1;
            for &c in &children[i] {
                visit(c, children, classes, counter);
            }
            classes[i].subclass_max = *counter;
        }
        for r in roots {
            visit(r, &children, &mut self.classes, &mut counter);
        }
    }
}

impl ClassTable {
    /// Adds a user class (its parent must be in the table already).
    pub fn add_user(
        &mut self,
        obj: ObjId,
        name: String,
        parent: Option<usize>,
        own: Vec<(String, Ann)>,
    ) -> usize {
        let base = match parent {
            Some(p) => self.classes[p].size,
            None => INST_TYPEPTR + 8,
        };
        let fields: Vec<(String, i64, Ann)> = own
            .into_iter()
            .enumerate()
            .map(|(i, (n, a))| (n, base + 8 * i as i64, a))
            .collect();
        let size = base + 8 * fields.len() as i64;
        self.classes.push(ClassInfo {
            name,
            parent,
            subclass_min: 0,
            subclass_max: 0,
            user: Some(obj),
            size,
            fields,
            slots: vec![],
        });
        self.classes.len() - 1
    }

    pub fn user(&self, obj: ObjId) -> Option<usize> {
        self.classes.iter().position(|c| c.user == Some(obj))
    }

    /// A field of instances of class `c`: its offset and annotation (searching parents).
    pub fn field(&self, mut c: usize, name: &str) -> Option<(i64, Ann, LlType)> {
        loop {
            if let Some((_, off, a)) = self.classes[c].fields.iter().find(|(n, _, _)| n == name) {
                return Some((*off, a.clone(), slot_type(a)));
            }
            c = self.classes[c].parent?;
        }
    }

    /// The byte offset of a slot in every vtable.
    pub fn slot_offset(&self, name: &str) -> Option<i64> {
        self.slot_names
            .iter()
            .position(|n| n == name)
            .map(|i| VT_SIZE + 8 * i as i64)
    }

    pub fn is_subclass(&self, mut c: usize, of: usize) -> bool {
        loop {
            if c == of {
                return true;
            }
            match self.classes[c].parent {
                Some(p) => c = p,
                None => return false,
            }
        }
    }
}
