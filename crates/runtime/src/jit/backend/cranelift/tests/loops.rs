//! Loops and bridges: a counting loop, a loop with a preamble, bridges attached after
//! the loop ran (jumping back into it, or finishing), and ten million loop → bridge →
//! loop transitions, which would overflow the stack if each one grew it.

use super::{backend, compile, compile_err, exit, i, run};
use crate::jit::backend::Backend;
use crate::jit::trace::SnapshotId;

const COUNTING: &str = "\
[i0, i1]
label(i0, i1)
debug_merge_point() \"loop\"
i2 = int_add(i0, 1)
i3 = int_add(i1, i0)
i4 = int_lt(i2, 1000)
guard_true(i4) [i2, i3]
jump(i2, i3)
";

#[test]
fn counting_loop_exits_by_its_guard() {
    let mut b = backend();
    compile(&mut b, 0, COUNTING);
    let (e, fr) = run(&b, 0, &[0, 0]);
    assert_eq!(e, exit(0, 0));
    assert_eq!(&fr[..2], &[1000, (0..1000).sum::<u64>()]);
    let (e, fr) = run(&b, 0, &[5000, 7]);
    assert_eq!((e, &fr[..2]), (exit(0, 0), &[5001, 5007][..]));
}

/// `x += step` until `x >= 100`; the preamble computes `step = 3 * s` once.
const PREAMBLE: &str = "\
[i0, i1]
label(i0, i1)
i2 = int_mul(i1, 3)
i3 = int_add(i0, 0)
label(i3, i2)
i4 = int_add(i3, i2)
i5 = int_lt(i4, 100)
guard_true(i5) [i4, i2]
jump(i4, i2)
";

#[test]
fn loop_with_a_preamble() {
    let mut b = backend();
    compile(&mut b, 0, PREAMBLE);
    let (e, fr) = run(&b, 0, &[0, 5]);
    assert_eq!((e, &fr[..2]), (exit(0, 0), &[105, 15][..]));
}

#[test]
fn a_bridge_enters_the_loop_from_the_top() {
    let mut b = backend();
    compile(&mut b, 0, PREAMBLE);
    // On exit: one more to the step, take 150 from x, and back into the loop from the
    // top (its preamble multiplies the new step by 3), until the step reaches 40.
    let bridge = "\
[i4, i2]
i6 = int_add(i2, 1)
i7 = int_lt(i6, 40)
guard_true(i7) [i4, i6]
i8 = int_sub(i4, 150)
jump(i8, i6) ->loop0
";
    compile(&mut b, 1, bridge);
    b.attach_bridge(0, SnapshotId(0), 1);
    let (e, fr) = run(&b, 0, &[0, 5]);
    let (mut x, mut step) = (0i64, 15i64);
    loop {
        x += step;
        if x >= 100 {
            let s = step + 1;
            if s >= 40 {
                step = s;
                break;
            }
            x -= 150;
            step = 3 * s;
        }
    }
    assert_eq!((e, &fr[..2]), (exit(1, 0), &[i(x), i(step)][..]));
}

#[test]
fn operations_after_the_last_label_may_not_use_the_preamble() {
    let mut b = backend();
    let text = "\
[i0, i1]
label(i0, i1)
i2 = int_mul(i1, 3)
label(i0)
i4 = int_add(i0, i2)
jump(i4)
";
    let e = compile_err(&mut b, 0, text);
    assert!(e.contains("i2 is defined before the last label"), "{e}");
}

#[test]
fn bridges_attached_after_the_loop_ran() {
    let mut b = backend();
    // Counts i0 up to 1000; odd numbers leave by the second guard.
    let lp = "\
[i0, i1]
label(i0, i1)
i2 = int_lt(i0, 1000)
guard_true(i2) [i0, i1]
i3 = int_and(i0, 1)
guard_false(i3) [i0, i1]
i4 = int_add(i0, 1)
i5 = int_add(i1, 2)
jump(i4, i5)
";
    compile(&mut b, 0, lp);
    let (e, fr) = run(&b, 0, &[0, 0]);
    assert_eq!((e, &fr[..2]), (exit(0, 1), &[1, 2][..]));
    // The odd case adds 3 and goes back to the loop.
    compile(
        &mut b,
        7,
        "[i0, i1]\ni2 = int_add(i0, 1)\ni3 = int_add(i1, 3)\njump(i2, i3) ->loop0\n",
    );
    b.attach_bridge(0, SnapshotId(1), 7);
    let (e, fr) = run(&b, 0, &[0, 0]);
    assert_eq!((e, &fr[..2]), (exit(0, 0), &[1000, 500 * 2 + 500 * 3][..]));
    // The loop's exit now goes to a bridge that finishes with its own snapshot.
    compile(
        &mut b,
        8,
        "[i0, i1]\ni2 = int_mul(i1, 10)\nfinish() [i2, i0]\n",
    );
    b.attach_bridge(0, SnapshotId(0), 8);
    let (e, fr) = run(&b, 0, &[0, 0]);
    assert_eq!((e, &fr[..2]), (exit(8, 0), &[25000, 1000][..]));
    // A bridge can be attached to a finish too.
    compile(&mut b, 9, "[i0, i1]\ni2 = int_sub(i0, i1)\nfinish() [i2]\n");
    b.attach_bridge(8, SnapshotId(0), 9);
    let (e, fr) = run(&b, 0, &[0, 0]);
    assert_eq!((e, fr[0]), (exit(9, 0), 24000));
}

#[test]
fn ten_million_transitions_do_not_grow_the_stack() {
    // A smaller stack than the main thread's makes growth fail sooner.
    let (e, fr) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(ten_million_transitions)
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(
        (e, &fr[..2]),
        (exit(0, 0), &[10_000_000, 5_000_000 * 5][..])
    );
}

fn ten_million_transitions() -> (crate::jit::backend::Exit, Vec<u64>) {
    let mut b = backend();
    let lp = "\
[i0, i1]
label(i0, i1)
i2 = int_lt(i0, 10000000)
guard_true(i2) [i0, i1]
i3 = int_and(i0, 1)
guard_false(i3) [i0, i1]
i4 = int_add(i0, 1)
i5 = int_add(i1, 2)
jump(i4, i5)
";
    compile(&mut b, 0, lp);
    // Every odd number goes through the bridge, which goes through a second bridge.
    compile(
        &mut b,
        1,
        "[i0, i1]\ni2 = int_add(i0, 1)\nguard_true(0) [i2, i1]\nfinish() [i0]\n",
    );
    compile(
        &mut b,
        2,
        "[i0, i1]\ni2 = int_add(i1, 3)\njump(i0, i2) ->loop0\n",
    );
    b.attach_bridge(0, SnapshotId(1), 1);
    b.attach_bridge(1, SnapshotId(0), 2);
    run(&b, 0, &[0, 0])
}
