//! Expressions: literals, names, operators, calls, attributes, subscripts, displays and
//! f-strings. (Conditions, `and`/`or`, `x if c else y` are in `cond.rs`; comprehensions
//! in `loops.rs`.)
//!
//! Operands are evaluated left to right; every operand that must survive the evaluation
//! of a later one is [held](Builder::hold), since a later operand may end the block
//! (a raising operation inside `try`, or any short-circuit).

use super::Builder;
use crate::entities::Value;
use crate::graph::{Exit, Link};
use crate::ops::{Const, FlowOp};
use rustpython_parser::ast::{
    self, CmpOp, Constant, ConversionFlag, Expr, Operator, Ranged, UnaryOp,
};
use rustpython_parser::text_size::TextRange;

/// The flow operation of a binary operator (`None` for `@`).
pub(super) fn binop(op: Operator) -> Option<FlowOp> {
    Some(match op {
        Operator::Add => FlowOp::Add,
        Operator::Sub => FlowOp::Sub,
        Operator::Mult => FlowOp::Mul,
        Operator::Div => FlowOp::TrueDiv,
        Operator::FloorDiv => FlowOp::FloorDiv,
        Operator::Mod => FlowOp::Mod,
        Operator::Pow => FlowOp::Pow,
        Operator::LShift => FlowOp::LShift,
        Operator::RShift => FlowOp::RShift,
        Operator::BitAnd => FlowOp::And,
        Operator::BitOr => FlowOp::Or,
        Operator::BitXor => FlowOp::Xor,
        Operator::MatMult => return None,
    })
}

/// Builtins whose only argument may be a generator expression (built as a list).
const GENEXP_CONSUMERS: &[&str] = &["sum", "any", "all", "min", "max", "sorted", "list", "tuple"];

impl<'a> Builder<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Value {
        match e {
            Expr::Constant(c) => self.constant(&c.value, c.range),
            Expr::Name(n) => self.read_name(&n.id, n.range),
            Expr::BinOp(b) => {
                let l = self.expr(&b.left);
                let hl = self.hold(l);
                let r = self.expr(&b.right);
                let l = self.get(&hl);
                match binop(b.op) {
                    Some(op) => self.emit(op, vec![l, r], b.range),
                    None => {
                        self.unsupported(
                            "`@`",
                            b.range,
                            "call a method instead of using the matrix-multiplication operator",
                        );
                        self.konst(Const::None)
                    }
                }
            }
            Expr::UnaryOp(u) => self.unary(u),
            Expr::BoolOp(b) => self.bool_op(b),
            Expr::Compare(c) => self.compare(c),
            Expr::IfExp(x) => self.if_exp(x),
            Expr::Call(c) => self.call(c),
            Expr::Attribute(a) => {
                let obj = self.expr(&a.value);
                let name = self.konst(Const::Str(a.attr.to_string()));
                self.emit(FlowOp::GetAttr, vec![obj, name], a.range)
            }
            Expr::Subscript(s) => {
                let obj = self.expr(&s.value);
                let h = self.hold(obj);
                if let Expr::Slice(sl) = &*s.slice {
                    let mut parts = vec![h];
                    for p in [&sl.lower, &sl.upper, &sl.step] {
                        let v = match p {
                            Some(p) => self.expr(p),
                            None => self.konst(Const::None),
                        };
                        parts.push(self.hold(v));
                    }
                    let args = parts.iter().map(|h| self.get(h)).collect();
                    self.emit(FlowOp::GetSlice, args, s.range)
                } else {
                    let i = self.expr(&s.slice);
                    let obj = self.get(&h);
                    self.emit(FlowOp::GetItem, vec![obj, i], s.range)
                }
            }
            Expr::List(l) => {
                let args = self.elements(&l.elts);
                self.emit(FlowOp::NewList, args, l.range)
            }
            Expr::Tuple(t) => {
                let args = self.elements(&t.elts);
                self.emit(FlowOp::NewTuple, args, t.range)
            }
            Expr::Dict(d) => {
                let mut held = vec![];
                for (k, v) in d.keys.iter().zip(&d.values) {
                    let Some(k) = k else {
                        self.unsupported(
                            "`**` unpacking",
                            v.range(),
                            "build the dict with explicit keys or `update()`",
                        );
                        continue;
                    };
                    let kv = self.expr(k);
                    held.push(self.hold(kv));
                    let vv = self.expr(v);
                    held.push(self.hold(vv));
                }
                let args = held.iter().map(|h| self.get(h)).collect();
                self.emit(FlowOp::NewDict, args, d.range)
            }
            Expr::JoinedStr(j) => self.joined_str(j),
            Expr::FormattedValue(f) => {
                let v = self.formatted_value(f);
                self.emit(FlowOp::BuildString, vec![v], f.range)
            }
            Expr::ListComp(c) => self.list_comp(&c.elt, &c.generators, c.range),
            Expr::GeneratorExp(g) => {
                self.unsupported(
                    "a generator expression",
                    g.range,
                    "use a list comprehension `[...]`",
                );
                self.konst(Const::None)
            }
            Expr::SetComp(s) => {
                self.comprehension(super::loops::Comp::Set, &s.elt, &s.generators, s.range)
            }
            Expr::DictComp(d) => self.comprehension(
                super::loops::Comp::Dict(&d.value),
                &d.key,
                &d.generators,
                d.range,
            ),
            Expr::Set(s) => self.set_display(&s.elts, s.range),
            Expr::Lambda(l) => self.closure("<lambda>", true, &l.args, false, l.range),
            Expr::NamedExpr(n) => {
                let mut names = std::collections::HashSet::new();
                super::scope::collect_target(&n.target, &mut names);
                self.poison(names);
                self.refuse(n.range, "`:=`", "assign the value in a separate statement")
            }
            Expr::Await(a) => {
                self.refuse(a.range, "`await`", "rpy translates synchronous code only")
            }
            Expr::Yield(y) => self.refuse(
                y.range,
                "`yield`",
                "return a list instead of making a generator",
            ),
            Expr::YieldFrom(y) => self.refuse(
                y.range,
                "`yield from`",
                "return a list instead of making a generator",
            ),
            Expr::Starred(s) => self.refuse(
                s.range,
                "`*` unpacking",
                "pass or build the items explicitly",
            ),
            Expr::Slice(s) => self.refuse(
                s.range,
                "a slice outside a subscript",
                "write the slice inside `obj[...]`",
            ),
        }
    }

    fn refuse(&mut self, r: TextRange, what: &str, help: &str) -> Value {
        self.unsupported(what, r, help);
        self.konst(Const::None)
    }

    fn constant(&mut self, c: &Constant, r: TextRange) -> Value {
        let k = match c {
            Constant::None => Const::None,
            Constant::Bool(b) => Const::Bool(*b),
            Constant::Str(s) => Const::Str(s.clone()),
            Constant::Bytes(b) => Const::Bytes(b.clone()),
            Constant::Float(f) => Const::Float(*f),
            Constant::Int(i) => match i64::try_from(i) {
                Ok(i) => Const::Int(i),
                Err(_) => {
                    self.error(
                        "E0103",
                        "integer literal does not fit in 64 bits",
                        r,
                        "rpy ints are machine words (64 bits), as in RPython; keep the value within 64 bits, or use a float or a str",
                    );
                    Const::Int(0)
                }
            },
            Constant::Ellipsis => return self.refuse(r, "`...`", "use `None` as a placeholder"),
            Constant::Complex { .. } => {
                return self.refuse(r, "a complex number", "use two floats")
            }
            Constant::Tuple(_) => {
                return self.refuse(r, "a constant tuple", "write a tuple display")
            }
        };
        let span = self.span(r);
        self.g.new_const_at(k, span)
    }

    fn unary(&mut self, u: &'a ast::ExprUnaryOp) -> Value {
        // `-1`, `-2.5` and `-9223372036854775808` are literals.
        if let (UnaryOp::USub, Expr::Constant(c)) = (u.op, &*u.operand) {
            match &c.value {
                Constant::Int(i) => return self.constant(&Constant::Int(-i.clone()), u.range),
                Constant::Float(f) => {
                    let span = self.span(u.range);
                    return self.g.new_const_at(Const::Float(-f), span);
                }
                _ => {}
            }
        }
        let v = self.expr(&u.operand);
        match u.op {
            UnaryOp::Not => self.not(v, u.range),
            UnaryOp::USub => self.emit(FlowOp::Neg, vec![v], u.range),
            UnaryOp::UAdd => self.emit(FlowOp::Pos, vec![v], u.range),
            UnaryOp::Invert => self.emit(FlowOp::Invert, vec![v], u.range),
        }
    }

    /// `not v`, folded when the truth of `v` is known.
    pub(super) fn not(&mut self, v: Value, r: TextRange) -> Value {
        if let Some(t) = self.truth_of(v) {
            return self.konst(Const::Bool(!t));
        }
        let res = self.emit(FlowOp::Not, vec![v], r);
        self.bool_values.insert(res);
        res
    }

    /// Evaluates display items left to right (refusing `*x`).
    pub(super) fn elements(&mut self, elts: &'a [Expr]) -> Vec<Value> {
        let mut held = vec![];
        for e in elts {
            if let Expr::Starred(s) = e {
                self.unsupported(
                    "`*` unpacking",
                    s.range,
                    "list the items explicitly or concatenate with `+`",
                );
                continue;
            }
            let v = self.expr(e);
            held.push(self.hold(v));
        }
        held.iter().map(|h| self.get(h)).collect()
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> Value {
        let n = c.ops.len();
        let mut left = self.expr(&c.left);
        let mut left_start = c.left.range().start();
        let mut join = None;
        for (i, (op, comp)) in c.ops.iter().zip(&c.comparators).enumerate() {
            let hl = self.hold(left);
            let right = self.expr(comp);
            let hr = self.hold(right);
            let (l, r) = (self.get(&hl), self.get(&hr));
            let res = self.cmp_op(*op, l, r, TextRange::new(left_start, comp.range().end()));
            if n == 1 {
                return res;
            }
            let j = *join.get_or_insert_with(|| {
                let j = self.new_block(1);
                let p = self.param(j, 0);
                self.bool_values.insert(p);
                j
            });
            let b = self.cur();
            if i == n - 1 {
                self.set_exit(
                    b,
                    Exit::Goto(Link {
                        target: j,
                        args: vec![res],
                    }),
                );
            } else {
                let next = self.new_block(0);
                let (if_true, if_false) = (
                    Link {
                        target: next,
                        args: vec![],
                    },
                    Link {
                        target: j,
                        args: vec![res],
                    },
                );
                self.set_exit(
                    b,
                    Exit::Branch {
                        cond: res,
                        if_true,
                        if_false,
                    },
                );
                self.seal(next);
                self.cur = Some(next);
                left = self.get(&hr);
                left_start = comp.range().start();
            }
        }
        let j = join.unwrap_or_else(|| self.cur());
        self.seal(j);
        self.cur = Some(j);
        self.param(j, 0)
    }

    /// One comparison; its result is a bool for branches.
    fn cmp_op(&mut self, op: CmpOp, l: Value, r: Value, range: TextRange) -> Value {
        let (fop, args, negate) = match op {
            CmpOp::Eq => (FlowOp::Eq, vec![l, r], false),
            CmpOp::NotEq => (FlowOp::Ne, vec![l, r], false),
            CmpOp::Lt => (FlowOp::Lt, vec![l, r], false),
            CmpOp::LtE => (FlowOp::Le, vec![l, r], false),
            CmpOp::Gt => (FlowOp::Gt, vec![l, r], false),
            CmpOp::GtE => (FlowOp::Ge, vec![l, r], false),
            CmpOp::Is => (FlowOp::Is, vec![l, r], false),
            CmpOp::IsNot => (FlowOp::Is, vec![l, r], true),
            CmpOp::In => (FlowOp::Contains, vec![r, l], false),
            CmpOp::NotIn => (FlowOp::Contains, vec![r, l], true),
        };
        let res = self.emit(fop, args, range);
        self.bool_values.insert(res);
        if negate {
            let n = self.emit(FlowOp::Not, vec![res], range);
            self.bool_values.insert(n);
            return n;
        }
        res
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> Value {
        let genexp_ok = c.args.len() == 1 && c.keywords.is_empty() && self.consumes_genexp(&c.func);
        let f = self.expr(&c.func);
        let mut held = vec![self.hold(f)];
        let mut names = vec![];
        for a in &c.args {
            let v = match a {
                Expr::Starred(s) => {
                    self.unsupported(
                        "`*args` in a call",
                        s.range,
                        "pass the arguments one by one",
                    );
                    continue;
                }
                Expr::GeneratorExp(g) if genexp_ok => {
                    self.list_comp(&g.elt, &g.generators, g.range)
                }
                a => self.expr(a),
            };
            held.push(self.hold(v));
        }
        for k in &c.keywords {
            let Some(name) = &k.arg else {
                self.unsupported(
                    "`**kwargs`",
                    k.range,
                    "pass the keyword arguments one by one",
                );
                continue;
            };
            names.push(name.to_string());
            let v = self.expr(&k.value);
            held.push(self.hold(v));
        }
        let mut args: Vec<Value> = held.iter().map(|h| self.get(h)).collect();
        let res = if names.is_empty() {
            self.emit(FlowOp::SimpleCall, args, c.range)
        } else {
            let names = self.konst(Const::Str(names.join(",")));
            args.insert(1, names);
            self.emit(FlowOp::CallKw, args, c.range)
        };
        if let Expr::Name(n) = &*c.func {
            if self.is_builtin_name(&n.id, "isinstance") || self.is_builtin_name(&n.id, "hasattr") {
                self.bool_values.insert(res);
            }
        }
        res
    }

    /// Whether `func` is a builtin (or `"sep".join`) that may take a generator expression.
    fn consumes_genexp(&mut self, func: &Expr) -> bool {
        match func {
            Expr::Name(n) => GENEXP_CONSUMERS
                .iter()
                .any(|b| n.id.as_str() == *b && self.is_builtin_name(b, b)),
            Expr::Attribute(a) => {
                a.attr.as_str() == "join"
                    && matches!(&*a.value, Expr::Constant(c) if matches!(c.value, Constant::Str(_)))
            }
            _ => false,
        }
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> Value {
        let mut held = vec![];
        for part in &j.values {
            let v = match part {
                Expr::FormattedValue(f) => self.formatted_value(f),
                other => self.expr(other),
            };
            held.push(self.hold(v));
        }
        let parts: Vec<Value> = held.iter().map(|h| self.get(h)).collect();
        let mut text = String::new();
        for &p in &parts {
            match self.g.const_of(p) {
                Some(Const::Str(s)) => text.push_str(s),
                _ => return self.emit(FlowOp::BuildString, parts, j.range),
            }
        }
        self.konst(Const::Str(text))
    }

    /// `format_value(value, conversion, spec)` of one `{...}` field of an f-string.
    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> Value {
        let v = self.expr(&f.value);
        let conv = match f.conversion {
            ConversionFlag::None => "",
            ConversionFlag::Str => "s",
            ConversionFlag::Repr => "r",
            ConversionFlag::Ascii => "a",
        };
        let mut spec = String::new();
        if let Some(s) = &f.format_spec {
            let parts: &[Expr] = match &**s {
                Expr::JoinedStr(j) => &j.values,
                other => std::slice::from_ref(other),
            };
            for p in parts {
                match p {
                    Expr::Constant(ast::ExprConstant {
                        value: Constant::Str(t),
                        ..
                    }) => spec.push_str(t),
                    other => {
                        self.unsupported(
                            "a nested replacement field in a format spec",
                            other.range(),
                            "write the format spec literally, e.g. `{x:>8}`",
                        );
                    }
                }
            }
        }
        let conv = self.konst(Const::Str(conv.to_string()));
        let spec = self.konst(Const::Str(spec));
        self.emit(FlowOp::FormatValue, vec![v, conv, spec], f.range)
    }
}
