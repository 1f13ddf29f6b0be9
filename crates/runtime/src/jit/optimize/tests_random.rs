//! Randomized tests: random integer traces (bridges and loops), recorded like a tracer
//! would (guards hold for the sample input they were generated with), run by a small
//! reference evaluator written here independently of `fold.rs`, before and after
//! optimization, on several inputs. The optimizer must never change what a trace does:
//! the same guard fails with the same saved values, or the same final values come out.

use super::*;
use crate::jit::trace_parse::parse;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const INTERESTING: &[i64] = &[
    0,
    1,
    -1,
    2,
    3,
    7,
    8,
    63,
    64,
    65,
    255,
    -8,
    1000,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
];

/// How a run ends.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// A guard failed: its saved values (the first is the guard's id).
    Fail(Vec<i64>),
    /// The trace ended (`finish`'s saved values, or the loop's iteration cap).
    End(Vec<i64>),
}

fn floordiv(a: i64, d: i64) -> i64 {
    let (a, d) = (a as i128, d as i128);
    let mut r = a.rem_euclid(d);
    if d < 0 && r != 0 {
        r += d;
    }
    ((a - r) / d) as i64
}

fn modulo(a: i64, d: i64) -> i64 {
    let (a, d) = (a as i128, d as i128);
    let mut r = a.rem_euclid(d);
    if d < 0 && r != 0 {
        r += d;
    }
    r as i64
}

/// Evaluates an int trace; `None` for an `*_ovf` whose guard sees an overflow.
fn eval_op(op: Opcode, a: &[i64], overflow: &mut bool) -> i64 {
    let x = a.first().copied().unwrap_or(0);
    let y = a.get(1).copied().unwrap_or(0);
    let b = |c: bool| c as i64;
    let ovf = |r: i128, o: &mut bool| {
        *o = r < i64::MIN as i128 || r > i64::MAX as i128;
        r as i64
    };
    match op {
        Opcode::IntAdd => x.wrapping_add(y),
        Opcode::IntSub => x.wrapping_sub(y),
        Opcode::IntMul => ((x as i128) * (y as i128)) as i64,
        Opcode::IntFloorDiv => floordiv(x, y),
        Opcode::IntMod => modulo(x, y),
        Opcode::IntAnd => x & y,
        Opcode::IntOr => x | y,
        Opcode::IntXor => x ^ y,
        Opcode::IntLShift => {
            if (0..64).contains(&y) {
                ((x as i128) << y) as i64
            } else {
                0
            }
        }
        Opcode::IntRShift => {
            if (0..64).contains(&y) {
                x >> y
            } else if x < 0 {
                -1
            } else {
                0
            }
        }
        Opcode::IntNeg => 0i64.wrapping_sub(x),
        Opcode::IntInvert => -1 - (x as i128) as i64,
        Opcode::IntLt => b(x < y),
        Opcode::IntLe => b(x <= y),
        Opcode::IntEq => b(x == y),
        Opcode::IntNe => b(x != y),
        Opcode::IntGt => b(x > y),
        Opcode::IntGe => b(x >= y),
        Opcode::UintLt => b((x as u64) < (y as u64)),
        Opcode::IntIsZero => b(x == 0),
        Opcode::IntAddOvf => ovf(x as i128 + y as i128, overflow),
        Opcode::IntSubOvf => ovf(x as i128 - y as i128, overflow),
        Opcode::IntMulOvf => ovf(x as i128 * y as i128, overflow),
        Opcode::SameAsI => x,
        Opcode::SelectI => {
            if x != 0 {
                y
            } else {
                a[2]
            }
        }
        _ => panic!("evaluator: {op:?}"),
    }
}

fn run(t: &Trace, inputs: &[i64]) -> Outcome {
    let mut vals = vec![0i64; t.types.len()];
    for (v, &x) in t.inputs.iter().zip(inputs) {
        vals[v.0 as usize] = x;
    }
    let last_label = t.ops.iter().rposition(|o| o.opcode == Opcode::Label);
    let mut overflow = false;
    let mut pc = 0;
    let mut jumps = 0;
    loop {
        let op = &t.ops[pc];
        let arg = |a: Arg, vals: &Vec<i64>| match a {
            Arg::Var(v) => vals[v.0 as usize],
            Arg::Const(c) => c.as_int(),
        };
        let saved = |vals: &Vec<i64>| -> Vec<i64> {
            let s = &t.snapshots[op.snapshot.unwrap().0 as usize];
            s.frames[0]
                .regs
                .iter()
                .map(|(_, a)| match *a {
                    SnapArg::Var(v) => vals[v.0 as usize],
                    SnapArg::Const(c) => c.as_int(),
                    SnapArg::Virtual(_) => panic!("no virtuals in int traces"),
                })
                .collect()
        };
        let args: Vec<i64> = op.args.iter().map(|&a| arg(a, &vals)).collect();
        let ok = match op.opcode {
            Opcode::GuardTrue => args[0] != 0,
            Opcode::GuardFalse => args[0] == 0,
            Opcode::GuardValue => args[0] == args[1],
            Opcode::GuardNoOverflow => !overflow,
            Opcode::Label | Opcode::DebugMergePoint => true,
            Opcode::Finish => return Outcome::End(saved(&vals)),
            Opcode::Jump => {
                jumps += 1;
                if jumps > 50 || op.target.is_some() {
                    return Outcome::End(args);
                }
                let l = last_label.expect("jump without label");
                for (a, x) in t.ops[l].args.iter().zip(&args) {
                    vals[a.var().unwrap().0 as usize] = *x;
                }
                pc = l + 1;
                continue;
            }
            _ => {
                let r = eval_op(op.opcode, &args, &mut overflow);
                vals[op.result.unwrap().0 as usize] = r;
                true
            }
        };
        if !ok {
            return Outcome::Fail(saved(&vals));
        }
        pc += 1;
    }
}

const OPS: &[Opcode] = &[
    Opcode::IntAdd,
    Opcode::IntSub,
    Opcode::IntMul,
    Opcode::IntFloorDiv,
    Opcode::IntMod,
    Opcode::IntAnd,
    Opcode::IntOr,
    Opcode::IntXor,
    Opcode::IntLShift,
    Opcode::IntRShift,
    Opcode::IntNeg,
    Opcode::IntInvert,
    Opcode::IntLt,
    Opcode::IntLe,
    Opcode::IntEq,
    Opcode::IntNe,
    Opcode::IntGt,
    Opcode::IntGe,
    Opcode::UintLt,
    Opcode::IntIsZero,
    Opcode::IntAddOvf,
    Opcode::IntSubOvf,
    Opcode::IntMulOvf,
    Opcode::SameAsI,
    Opcode::SelectI,
];

/// Random operations appended to `text`, over the variables `vars` whose values for
/// the sample input are `vals`; guards are written to hold for the sample.
fn gen_ops(
    rng: &mut Rng,
    text: &mut String,
    vars: &mut Vec<(u32, i64)>,
    next: &mut u32,
    n: usize,
    guard_id: &mut i64,
) {
    let pick = |rng: &mut Rng, vars: &Vec<(u32, i64)>| -> (String, i64) {
        if rng.below(3) == 0 {
            let c = if rng.below(2) == 0 {
                INTERESTING[rng.below(INTERESTING.len())]
            } else {
                rng.below(21) as i64 - 10
            };
            (c.to_string(), c)
        } else {
            let (v, x) = vars[rng.below(vars.len())];
            (format!("i{v}"), x)
        }
    };
    let mut k = 0;
    while k < n {
        let op = OPS[rng.below(OPS.len())];
        let arity = match op {
            Opcode::IntNeg | Opcode::IntInvert | Opcode::IntIsZero | Opcode::SameAsI => 1,
            Opcode::SelectI => 3,
            _ => 2,
        };
        let mut args: Vec<(String, i64)> = (0..arity).map(|_| pick(rng, vars)).collect();
        if matches!(op, Opcode::IntFloorDiv | Opcode::IntMod) {
            let d = [1, -1, 2, 3, -7, 8, i64::MIN, i64::MAX][rng.below(8)];
            args[1] = (d.to_string(), d);
        }
        let xs: Vec<i64> = args.iter().map(|a| a.1).collect();
        let mut overflow = false;
        let r = eval_op(op, &xs, &mut overflow);
        if overflow {
            continue;
        }
        let names: Vec<String> = args.into_iter().map(|a| a.0).collect();
        let v = *next;
        *next += 1;
        text.push_str(&format!("i{v} = {}({})\n", op.name(), names.join(", ")));
        let saved = |rng: &mut Rng, vars: &Vec<(u32, i64)>, id: i64| -> String {
            let mut s = vec![id.to_string()];
            for _ in 0..rng.below(3) {
                s.push(format!("i{}", vars[rng.below(vars.len())].0));
            }
            s.join(", ")
        };
        if op.is_ovf() {
            *guard_id += 1;
            let s = saved(rng, vars, *guard_id);
            text.push_str(&format!("guard_no_overflow() [{s}]\n"));
        }
        vars.push((v, r));
        if rng.below(4) == 0 {
            *guard_id += 1;
            let s = saved(rng, vars, *guard_id);
            match rng.below(3) {
                0 => text.push_str(&format!("guard_value(i{v}, {r}) [{s}]\n")),
                _ if r != 0 => text.push_str(&format!("guard_true(i{v}) [{s}]\n")),
                _ => text.push_str(&format!("guard_false(i{v}) [{s}]\n")),
            }
        }
        k += 1;
    }
}

const CONFIGS: &[&str] = &[
    "all",
    "intbounds:rewrite:virtualize:pure:heap",
    "intbounds",
    "rewrite",
    "pure",
    "intbounds:rewrite",
    "rewrite:pure:unroll",
    "intbounds:pure:unroll",
];

/// Checks the optimized trace against the original on `inputs`; returns whether the
/// output has a peeled loop (two labels).
fn compare(t: &Trace, text: &str, cfg: &str, inputs: &[Vec<i64>], is_loop: bool) -> bool {
    let c = OptConfig::parse(cfg).unwrap();
    let res = if is_loop {
        optimize_loop(t.clone(), &c)
    } else {
        optimize_bridge(t.clone(), &c)
    };
    let out = match res {
        Ok(o) => o,
        Err(e) => {
            // Allowed only if no run gets through.
            for inp in inputs {
                assert!(
                    matches!(run(t, inp), Outcome::Fail(_)),
                    "{cfg}: {e} but {inp:?} passes:\n{text}"
                );
            }
            return false;
        }
    };
    for inp in inputs {
        let (a, b) = (run(t, inp), run(&out, inp));
        assert_eq!(a, b, "{cfg}, inputs {inp:?}\n{text}\noptimized:\n{out}");
    }
    out.ops.iter().filter(|o| o.opcode == Opcode::Label).count() == 2
}

#[test]
fn random_bridges_keep_their_meaning() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for _ in 0..400 {
        let sample: Vec<i64> = (0..3).map(|_| INTERESTING[rng.below(16)]).collect();
        let mut vars: Vec<(u32, i64)> = (0..3).map(|i| (i as u32, sample[i])).collect();
        let mut text = String::from("[i0, i1, i2]\n");
        let mut next = 3;
        let mut gid = 0;
        let n = 5 + rng.below(30);
        gen_ops(&mut rng, &mut text, &mut vars, &mut next, n, &mut gid);
        let outs: Vec<String> = (0..4)
            .map(|_| format!("i{}", vars[rng.below(vars.len())].0))
            .collect();
        text.push_str(&format!("finish() [-1, {}]\n", outs.join(", ")));
        let t = parse(&text).unwrap();
        let mut inputs = vec![sample.clone()];
        for _ in 0..6 {
            inputs.push((0..3).map(|_| INTERESTING[rng.below(16)]).collect());
        }
        assert!(matches!(run(&t, &sample), Outcome::End(_)));
        for cfg in CONFIGS {
            compare(&t, &text, cfg, &inputs, false);
        }
    }
}

#[test]
fn random_loops_keep_their_meaning() {
    let mut rng = Rng(0x2545f4914f6cdd1d);
    let mut peeled = 0;
    for _ in 0..300 {
        let sample: Vec<i64> = (0..4)
            .map(|i| {
                if i == 0 {
                    0
                } else {
                    INTERESTING[rng.below(16)]
                }
            })
            .collect();
        // i0 counts iterations: the loop leaves at its guard after at most 6.
        let mut text = String::from(
            "[i0, i1, i2, i3]\nlabel(i0, i1, i2, i3)\ni4 = int_add(i0, 1)\n\
             i5 = int_lt(i4, 6)\nguard_true(i5) [0, i1, i2, i3]\n",
        );
        let mut vars: Vec<(u32, i64)> = vec![(1, sample[1]), (2, sample[2]), (3, sample[3])];
        vars.push((4, 1));
        let mut next = 6;
        let mut gid = 0;
        let n = 3 + rng.below(20);
        gen_ops(&mut rng, &mut text, &mut vars, &mut next, n, &mut gid);
        let outs: Vec<String> = (0..3)
            .map(|_| format!("i{}", vars[rng.below(vars.len())].0))
            .collect();
        text.push_str(&format!("jump(i4, {})\n", outs.join(", ")));
        let t = parse(&text).unwrap();
        let mut inputs = vec![sample.clone()];
        for _ in 0..5 {
            inputs.push(
                (0..4)
                    .map(|i| {
                        if i == 0 {
                            0
                        } else {
                            INTERESTING[rng.below(16)]
                        }
                    })
                    .collect(),
            );
        }
        for cfg in CONFIGS {
            if compare(&t, &text, cfg, &inputs, true) && *cfg == "all" {
                peeled += 1;
            }
        }
    }
    // Most loops are peeled (the others fail in their second iteration).
    assert!(peeled > 150, "only {peeled} of 300 loops peeled");
}

/// A ~1000-operation trace of the generator's kind, loop and bridge: optimizing must take
/// well under a millisecond per 100 operations.
#[test]
fn optimizing_speed() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut text = String::from(
        "[i0, i1, i2, i3]\nlabel(i0, i1, i2, i3)\ni4 = int_add(i0, 1)\n\
         i5 = int_lt(i4, 6)\nguard_true(i5) [0, i1, i2, i3]\n",
    );
    let mut vars: Vec<(u32, i64)> = vec![(1, 5), (2, -3), (3, 1000), (4, 1)];
    let (mut next, mut gid) = (6, 0);
    gen_ops(&mut rng, &mut text, &mut vars, &mut next, 800, &mut gid);
    text.push_str(&format!(
        "jump(i4, i{}, i{}, i{})\n",
        next - 1,
        next - 2,
        next - 3
    ));
    let t = parse(&text).unwrap();
    let n = t.ops.len();
    assert!(n >= 1000, "{n} ops");
    let cfg = OptConfig::all();
    let start = std::time::Instant::now();
    let rounds = 20;
    let mut out_len = 0;
    for _ in 0..rounds {
        out_len = optimize_loop(t.clone(), &cfg).unwrap().ops.len();
    }
    let per = start.elapsed() / rounds;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        optimize_linear(&t, &cfg).unwrap();
    }
    let lin = start.elapsed() / rounds;
    eprintln!("optimize_loop: {n} ops -> {out_len} in {per:?} (one pass: {lin:?})");
    assert!(
        per < std::time::Duration::from_millis(10),
        "{per:?} for {n} ops"
    );
}
