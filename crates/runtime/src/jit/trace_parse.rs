//! Reads the text form of a trace back (for optimizer and backend tests).
//!
//! Variables keep the numbers written (`i7` is `Var(7)`, an int), so an expected
//! output can name the variables of its input. A guard's `[a, b]` becomes a snapshot
//! of one frame (jitcode 0, pc 0) whose registers 0, 1, ... are those values.

use super::trace::*;

/// Parses a trace; errors name the line.
pub fn parse(text: &str) -> Result<Trace, String> {
    let mut t = Trace::default();
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let first = lines.next().ok_or("empty trace")?;
    let inner = first
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .ok_or_else(|| format!("first line must be the inputs `[i0, p1]`: {first}"))?;
    for a in split_args(inner) {
        match parse_arg(&mut t, &a)? {
            Arg::Var(v) => t.inputs.push(v),
            Arg::Const(_) => return Err(format!("constant among the inputs: {a}")),
        }
    }
    for line in lines {
        let op = parse_op(&mut t, line).map_err(|e| format!("{e}: in `{line}`"))?;
        t.ops.push(op);
    }
    Ok(t)
}

fn parse_op(t: &mut Trace, line: &str) -> Result<Op, String> {
    let (result, rest) = match line.split_once(" = ") {
        Some((r, rest)) if !r.contains('(') => (Some(r.trim()), rest.trim()),
        _ => (None, line),
    };
    let open = rest.find('(').ok_or("no `(`")?;
    let name = &rest[..open];
    let opcode = Opcode::from_name(name).ok_or_else(|| format!("unknown operation {name}"))?;
    let close = matching_paren(rest, open).ok_or("no matching `)`")?;
    let mut op = Op::new(opcode, vec![], None);
    for a in split_args(&rest[open + 1..close]) {
        op.args.push(parse_arg(t, &a)?);
    }
    if let Some(r) = result {
        match parse_arg(t, r)? {
            Arg::Var(v) => op.result = Some(v),
            Arg::Const(_) => return Err("result must be a variable".into()),
        }
    }
    let mut tail = rest[close + 1..].trim();
    while !tail.is_empty() {
        if let Some(r) = tail.strip_prefix('<') {
            let end = r.find('>').ok_or("no `>` after descr")?;
            // `>` also separates argument and result letters: take the second one.
            let end2 = r[end + 1..]
                .find('>')
                .map(|e| end + 1 + e)
                .ok_or("no closing `>` after descr")?;
            op.descr = Some(Box::new(parse_descr(&r[..end2])?));
            tail = r[end2 + 1..].trim();
        } else if let Some(r) = tail.strip_prefix("->loop") {
            let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            op.target = Some(r[..end].parse().map_err(|_| "bad loop number")?);
            tail = r[end..].trim();
        } else if let Some(r) = tail.strip_prefix('"') {
            let end = r.find('"').ok_or("unterminated text")?;
            op.text = Some(r[..end].to_string());
            tail = r[end + 1..].trim();
        } else if let Some(r) = tail.strip_prefix('[') {
            let end = r.find(']').ok_or("no `]` after fail arguments")?;
            let mut regs = vec![];
            for (k, a) in split_args(&r[..end]).iter().enumerate() {
                let sa = match parse_arg(t, a)? {
                    Arg::Var(v) => SnapArg::Var(v),
                    Arg::Const(c) => SnapArg::Const(c),
                };
                regs.push((k as u16, sa));
            }
            let snap = Snapshot {
                frames: vec![FrameSnap {
                    jitcode: 0,
                    pc: 0,
                    regs,
                }],
                virtuals: vec![],
                exception: opcode == Opcode::GuardNoException,
            };
            op.snapshot = Some(t.add_snapshot(snap));
            tail = r[end + 1..].trim();
        } else {
            return Err(format!("unexpected `{tail}`"));
        }
    }
    if opcode.is_guard() && op.snapshot.is_none() {
        op.snapshot = Some(t.add_snapshot(Snapshot {
            frames: vec![FrameSnap {
                jitcode: 0,
                pc: 0,
                regs: vec![],
            }],
            ..Default::default()
        }));
    }
    Ok(op)
}

fn parse_descr(s: &str) -> Result<CallDescr, String> {
    let mut words = s.split_whitespace();
    let sig = words.next().ok_or("empty descr")?;
    let (a, r) = sig.split_once('>').ok_or("descr needs `args>result`")?;
    let ty = |c: char| -> Result<Type, String> {
        Ok(match c {
            'i' => Type::Int,
            'p' => Type::Ref,
            'f' => Type::Float,
            'v' => Type::Void,
            _ => return Err(format!("bad type letter {c}")),
        })
    };
    let mut d = CallDescr {
        args: a.chars().map(ty).collect::<Result<_, _>>()?,
        ret: ty(r.chars().next().ok_or("no result letter")?)?,
        can_raise: false,
        elidable: false,
        writes_heap: true,
        ret_i1: false,
    };
    for w in words {
        match w {
            "raise" => d.can_raise = true,
            "pure" => d.elidable = true,
            "nowrite" => d.writes_heap = false,
            "i1" => d.ret_i1 = true,
            _ => return Err(format!("unknown descr flag {w}")),
        }
    }
    Ok(d)
}

fn matching_paren(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

fn split_args(s: &str) -> Vec<String> {
    s.split(',')
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

fn parse_arg(t: &mut Trace, a: &str) -> Result<Arg, String> {
    let mut chars = a.chars();
    let first = chars.next().ok_or("empty argument")?;
    let rest = chars.as_str();
    if matches!(first, 'i' | 'p' | 'f')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        let n: u32 = rest.parse().map_err(|_| format!("bad variable {a}"))?;
        let ty = match first {
            'i' => Type::Int,
            'p' => Type::Ref,
            _ => Type::Float,
        };
        while t.types.len() <= n as usize {
            t.types.push(Type::Void);
        }
        let old = t.types[n as usize];
        if old != Type::Void && old != ty {
            return Err(format!("{a}: variable {n} used with two types"));
        }
        t.types[n as usize] = ty;
        return Ok(Arg::Var(Var(n)));
    }
    if a == "null" {
        return Ok(Arg::Const(Const::ptr(0)));
    }
    if let Some(h) = a.strip_prefix("0x") {
        let bits = u64::from_str_radix(h, 16).map_err(|_| format!("bad pointer {a}"))?;
        return Ok(Arg::Const(Const::ptr(bits)));
    }
    if let Ok(i) = a.parse::<i64>() {
        return Ok(Arg::Const(Const::int(i)));
    }
    if let Ok(x) = a.parse::<f64>() {
        return Ok(Arg::Const(Const::float(x)));
    }
    Err(format!("bad argument `{a}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "\
[i0, p1, f2]
label(i0, p1, f2)
i3 = int_add(i0, -1)
i4 = int_lt(i3, 100)
guard_true(i4) [i3, p1]
p5 = getfield_r(p1, 16)
i6 = call_i(0x1000, i3, p5) <ip>i raise>
guard_no_exception() [i6]
f7 = float_add(f2, 1.5)
setfield(p5, 8, null)
debug_merge_point() \"pc=3\"
jump(i3, p5, f7)
";
        let t = parse(text).unwrap();
        assert_eq!(t.to_text(), text);
        assert_eq!(
            t.ops[5].descr.as_ref().unwrap().args,
            vec![Type::Int, Type::Ref]
        );
        assert!(t.snapshots[1].exception);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("[i0]\ni1 = int_frob(i0)\n").unwrap_err();
        assert!(e.contains("int_frob"), "{e}");
    }
}
