//! The text form of jitcodes (`--dump DIR` writes it as `6-jitcodes.txt`).

use rpyrt::jit::jitcode::{Callee, Insn, JConst, JitCode, JitData, Opnd};
use std::fmt::Write;

fn opnd(jc: &JitCode, o: Opnd) -> String {
    let n = jc.regs.len();
    if (o as usize) < n {
        return format!("{}{o}", jc.regs[o as usize].letter());
    }
    match &jc.consts[o as usize - n] {
        (_, JConst::Int(i)) => format!("${i}"),
        (_, JConst::Float(b)) => format!("${:?}", f64::from_bits(*b)),
        (_, JConst::Addr(a)) => format!("$addr{a}"),
    }
}

fn list(jc: &JitCode, xs: &[Opnd]) -> String {
    xs.iter()
        .map(|&o| opnd(jc, o))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn jitcode(data: &JitData, jc: &JitCode) -> String {
    let mut s = String::new();
    let params: Vec<String> = jc.params.iter().map(|&r| opnd(jc, r)).collect();
    let _ = writeln!(
        s,
        "jitcode {}({}) -> {:?}{}",
        jc.name,
        params.join(", "),
        jc.ret,
        if jc.has_loops { " [loops]" } else { "" }
    );
    for (pc, insn) in jc.code.iter().enumerate() {
        let d = |r: Option<u16>| r.map(|r| format!("{} = ", opnd(jc, r))).unwrap_or_default();
        let line = match insn {
            Insn::Op { op, args, dst } => format!("{}{}({})", d(*dst), op.name(), list(jc, args)),
            Insn::PureLoad { op, args, dst } => {
                format!("{}{}_pure({})", d(Some(*dst)), op.name(), list(jc, args))
            }
            Insn::Ovf { op, args, dst, exc } => format!(
                "{}{}({}) exc->{:?}",
                d(Some(*dst)),
                op.name(),
                list(jc, args),
                exc.catch
            ),
            Insn::Move { dst, src } => format!("{} = {}", opnd(jc, *dst), opnd(jc, *src)),
            Insn::Goto(t) => format!("goto {t}"),
            Insn::Branch { cond, if_false } => {
                format!("if not {} goto {if_false}", opnd(jc, *cond))
            }
            Insn::Call {
                callee,
                args,
                dst,
                exc,
            } => {
                let (kind, t) = match callee {
                    Callee::Jitcode { target, .. } => ("call", *target),
                    Callee::Residual(t) => ("residual_call", *t),
                };
                format!(
                    "{}{kind} {}({}) exc->{:?}",
                    d(*dst),
                    data.targets[t as usize].name,
                    list(jc, args),
                    exc.catch
                )
            }
            Insn::IndirectCall {
                fnptr,
                args,
                dst,
                exc,
            } => format!(
                "{}indirect_call {}({}) exc->{:?}",
                d(*dst),
                opnd(jc, *fnptr),
                list(jc, args),
                exc.catch
            ),
            Insn::Raise { value, reraise, .. } => format!(
                "{} {}",
                if *reraise { "reraise" } else { "raise" },
                opnd(jc, *value)
            ),
            Insn::Catch { cases, .. } => {
                let cs: Vec<String> = cases
                    .iter()
                    .map(|(c, r, t)| {
                        format!(
                            "{} as {} -> {t}",
                            c.map(|c| opnd(jc, c)).unwrap_or("*".into()),
                            opnd(jc, *r)
                        )
                    })
                    .collect();
                format!("catch [{}]", cs.join(", "))
            }
            Insn::Return(v) => format!("return {}", v.map(|v| opnd(jc, v)).unwrap_or_default()),
            Insn::Promote { dst, src } => {
                format!("{} = promote({})", opnd(jc, *dst), opnd(jc, *src))
            }
            Insn::MergePoint(dr) => format!(
                "jit_merge_point {}",
                data.drivers
                    .get(*dr as usize)
                    .map(|x| x.name.as_str())
                    .unwrap_or("?")
            ),
            Insn::CanEnter(dr) => format!("can_enter_jit {dr}"),
            Insn::Unreachable => "unreachable".into(),
        };
        let _ = writeln!(s, "  {pc:4}: {line}");
    }
    s
}

pub fn all(data: &JitData) -> String {
    let mut s = String::new();
    for d in &data.drivers {
        let _ = writeln!(
            s,
            "driver {}: portal jitcode {} merge point at {}, greens {:?} reds {:?}",
            d.name, d.portal, d.merge_pc, d.greens, d.reds
        );
    }
    for jc in &data.jitcodes {
        s.push_str(&jitcode(data, jc));
        s.push('\n');
    }
    s
}
