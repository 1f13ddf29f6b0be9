//! The class table: every class of the program (for now the builtin exceptions) with
//! subclass ranges numbered in preorder, as RPython's `subclassrange_min/max`, so that
//! `isinstance` and `except` matching are two integer comparisons.

use rpyrt::abi::BUILTIN_EXCEPTIONS;

#[derive(Clone, Debug)]
pub struct ClassInfo {
    pub name: String,
    pub parent: Option<usize>,
    pub subclass_min: i64,
    pub subclass_max: i64,
}

#[derive(Clone, Debug, Default)]
pub struct ClassTable {
    pub classes: Vec<ClassInfo>,
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
