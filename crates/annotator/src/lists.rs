//! Annotation of list methods.

use crate::driver::Annotator;
use crate::model::{Ann, ListDefId};
use frontend::diag::Diagnostic;
use frontend::source::Span;

/// The list methods rpy supports.
pub const METHODS: &[&str] = &[
    "append", "pop", "insert", "extend", "index", "count", "remove", "reverse", "sort", "copy",
    "clear",
];

/// Items that `index`/`count`/`remove`/`sort` can compare (by value, or instances by
/// identity for the searches).
fn comparable(item: &Ann) -> bool {
    matches!(
        item,
        Ann::Int | Ann::Bool(_) | Ann::Float | Ann::Str { nullable: false } | Ann::Impossible
    )
}

fn searchable(item: &Ann) -> bool {
    comparable(item) || matches!(item, Ann::Instance { .. } | Ann::List { .. })
}

pub fn call_method(
    a: &mut Annotator,
    def: ListDefId,
    m: &str,
    pos: Vec<(Ann, Span)>,
    kw: Vec<(String, Ann, Span)>,
    span: Span,
) -> Result<Ann, Diagnostic> {
    let bad = |why: &str| Diagnostic::new("E0278", format!("list.{m}(): {why}"), Some(span));
    let item = a.read_list(def);
    let npos = pos.len();
    if m != "sort" && !kw.is_empty() {
        return Err(bad("takes no keyword arguments"));
    }
    match (m, npos) {
        ("append", 1) => {
            a.p.listdefs.get_mut(def).resized = true;
            a.generalize_list(def, &pos[0].0, pos[0].1);
            Ok(Ann::None)
        }
        ("pop", 0) => {
            a.p.listdefs.get_mut(def).resized = true;
            Ok(item)
        }
        ("pop", 1) if pos[0].0.is_int_like() => {
            a.p.listdefs.get_mut(def).resized = true;
            Ok(item)
        }
        ("insert", 2) if pos[0].0.is_int_like() => {
            a.p.listdefs.get_mut(def).resized = true;
            a.generalize_list(def, &pos[1].0, pos[1].1);
            Ok(Ann::None)
        }
        ("extend", 1) => match &pos[0].0 {
            Ann::List {
                def: other,
                nullable: false,
            } => {
                a.p.listdefs.get_mut(def).resized = true;
                let it = a.read_list(*other);
                a.generalize_list(def, &it, pos[0].1);
                Ok(Ann::None)
            }
            _ => Err(bad("the argument must be a list")),
        },
        ("index" | "count", 1) | ("remove", 1) if searchable(&item) => {
            if m == "remove" {
                a.p.listdefs.get_mut(def).resized = true;
            }
            Ok(if m == "remove" { Ann::None } else { Ann::Int })
        }
        ("reverse" | "clear", 0) => {
            if m == "clear" {
                a.p.listdefs.get_mut(def).resized = true;
            }
            Ok(Ann::None)
        }
        ("copy", 0) => Ok(Ann::List {
            def,
            nullable: false,
        }),
        ("sort", 0) => {
            for (k, v, s) in &kw {
                match (k.as_str(), v) {
                    ("reverse", x) if x.is_int_like() => {}
                    ("key", Ann::Const(crate::model::Desc::Function(f))) => {
                        let key = a.call_function(*f, vec![(item.clone(), *s)], vec![], *s)?;
                        if !comparable(&key) && key != Ann::Impossible {
                            return Err(bad(&format!(
                                "the key must return ints, floats or strs, not {}",
                                a.describe(&key)
                            )));
                        }
                    }
                    _ => {
                        return Err(bad(&format!(
                            "unsupported keyword `{k}` (use key=<function>, reverse=<bool>)"
                        )))
                    }
                }
            }
            if !kw.iter().any(|(k, _, _)| k == "key") && !comparable(&item) {
                return Err(bad(&format!(
                    "cannot order {} items without key=",
                    a.describe(&item)
                )));
            }
            Ok(Ann::None)
        }
        _ => {
            let shown: Vec<String> = pos.iter().map(|(t, _)| a.describe(t)).collect();
            let usage = match m {
                "append" => "list.append(item)",
                "pop" => "list.pop() or list.pop(index: int)",
                "insert" => "list.insert(index: int, item)",
                "extend" => "list.extend(other_list)",
                "index" => "list.index(item)",
                "count" => "list.count(item)",
                "remove" => "list.remove(item)",
                "sort" => "list.sort(key=function, reverse=bool)",
                _ => "",
            };
            let d = bad("wrong number or types of arguments")
                .note(format!("called with ({})", shown.join(", ")));
            Err(if usage.is_empty() {
                d
            } else {
                d.help(format!("it takes {usage}"))
            })
        }
    }
}
