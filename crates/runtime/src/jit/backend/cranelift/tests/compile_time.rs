//! Compile time of a 100-operation loop with 10 guards: printed (run with
//! `--nocapture`), not asserted, since the machine may be loaded. The loop also runs,
//! so the measured code is checked to be right.

use super::{compile, exit, run};
use crate::jit::backend::Backend;
use crate::jit::backend::CraneliftBackend;
use crate::jit::trace_parse::parse;
use std::time::Instant;

/// A loop over `i0` (counter) and `i1..i4` (accumulators) of about 100 operations: ten
/// rounds of arithmetic, each ending with a guard, plus the label and the jump.
pub fn hundred_op_loop() -> String {
    let mut s = String::from("[i0, i1, i2, i3, i4]\nlabel(i0, i1, i2, i3, i4)\n");
    let mut n = 5;
    let mut fresh = || {
        n += 1;
        format!("i{n}")
    };
    let (mut a, mut b2, mut c, mut d) = (
        "i1".to_string(),
        "i2".to_string(),
        "i3".to_string(),
        "i4".to_string(),
    );
    for round in 0..10 {
        let t1 = fresh();
        s += &format!("{t1} = int_add({a}, i0)\n");
        let t2 = fresh();
        s += &format!("{t2} = int_mul({t1}, 3)\n");
        let t3 = fresh();
        s += &format!("{t3} = int_xor({t2}, {b2})\n");
        let t4 = fresh();
        s += &format!("{t4} = int_and({t3}, 1023)\n");
        let t5 = fresh();
        s += &format!("{t5} = int_sub({c}, {t4})\n");
        let t6 = fresh();
        s += &format!("{t6} = int_rshift({t5}, 1)\n");
        let t7 = fresh();
        s += &format!("{t7} = int_floordiv({d}, 7)\n");
        let t8 = fresh();
        s += &format!("{t8} = int_add({t7}, {t6})\n");
        let t9 = fresh();
        s += &format!("{t9} = int_lt({t4}, 2000)\n");
        s += &format!("guard_true({t9}) [i0, {t1}, {t8}, {t3}]\n");
        a = t4;
        b2 = t5;
        c = t8;
        d = if round % 2 == 0 { t1 } else { t2 };
    }
    let next = fresh();
    s += &format!("{next} = int_add(i0, 1)\n");
    let cond = fresh();
    s += &format!("{cond} = int_lt({next}, 1000)\n");
    s += &format!("guard_true({cond}) [{next}, {a}, {b2}, {c}, {d}]\n");
    s += &format!("jump({next}, {a}, {b2}, {c}, {d})\n");
    s
}

#[test]
fn compile_time_of_a_100_op_trace() {
    let text = hundred_op_loop();
    let trace = parse(&text).unwrap();
    let guards = trace.ops.iter().filter(|o| o.opcode.is_guard()).count();
    assert!(trace.ops.len() >= 100 && guards >= 10);
    for opt in ["speed", "none"] {
        let mut b = CraneliftBackend::with_opt_level(opt).unwrap();
        compile(&mut b, 1000, &text); // warm up (first-use allocations)
        let runs = 50;
        let (mut wall, mut cpu) = (vec![], vec![]);
        for id in 0..runs {
            let (t0, c0) = (Instant::now(), thread_cpu_us());
            b.compile(id, &trace).unwrap();
            wall.push(t0.elapsed().as_secs_f64() * 1e6);
            cpu.push(thread_cpu_us() - c0);
        }
        wall.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        let n = runs as usize;
        eprintln!(
            "compile time (opt_level {opt}), {} operations, {guards} guards: wall median {:.0} \
             us (min {:.0}), thread CPU median {:.0} us (min {:.0})",
            trace.ops.len(),
            wall[n / 2],
            wall[0],
            cpu[n / 2],
            cpu[0],
        );
        let (e, fr) = run(&b, 0, &[0, 1, 2, 3, 4]);
        assert_eq!(
            e,
            exit(0, 10),
            "the loop ends by its counter: {:?}",
            &fr[..5]
        );
        assert_eq!(fr[0], 1000);
    }
}

/// The CPU time this thread has used, in microseconds.
fn thread_cpu_us() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e6 + ts.tv_nsec as f64 / 1e3
}
