//! Tests of loop peeling (`unroll`): preamble plus peeled loop.

use super::tests::{check, optimize};
use crate::jit::trace::Opcode;

#[test]
fn boxed_counter_is_not_allocated_in_the_loop() {
    check(
        "all",
        "[p0]
        label(p0)
        i1 = getfield_i(p0, 16)
        i2 = int_add(i1, 1)
        p3 = new(24, 4)
        setfield(p3, 8, 0x1000)
        setfield(p3, 16, i2)
        jump(p3)",
        "[p0]
        label(p0)
        i1 = getfield_i(p0, 16)
        i2 = int_add(i1, 1)
        label(i2)
        i6 = int_add(i2, 1)
        jump(i6)",
    );
}

#[test]
fn invariant_load_and_pure_op_stay_in_the_preamble() {
    check(
        "all",
        "[p0, i1]
        label(p0, i1)
        i2 = getfield_i(p0, 16)
        i3 = int_mul(i2, 3)
        i4 = int_add(i1, i3)
        i5 = int_lt(i4, 1000)
        guard_true(i5) [i4]
        jump(p0, i4)",
        "[p0, i1]
        label(p0, i1)
        i2 = getfield_i(p0, 16)
        i3 = int_mul(i2, 3)
        i4 = int_add(i1, i3)
        i5 = int_lt(i4, 1000)
        guard_true(i5) [i4]
        label(i4, i3)
        i8 = int_add(i4, i3)
        i9 = int_lt(i8, 1000)
        guard_true(i9) [i8]
        jump(i8, i3)",
    );
}

#[test]
fn load_invalidated_in_the_loop_is_reloaded() {
    // The call writes the heap: the loop must load the field itself every iteration.
    check(
        "all",
        "[p0, i1]
        label(p0, i1)
        i2 = getfield_i(p0, 16)
        i3 = int_add(i1, i2)
        call_n(0x100, i3) <i>v>
        jump(p0, i3)",
        "[p0, i1]
        label(p0, i1)
        i2 = getfield_i(p0, 16)
        i3 = int_add(i1, i2)
        call_n(0x100, i3) <i>v>
        label(p0, i3)
        i4 = getfield_i(p0, 16)
        i5 = int_add(i3, i4)
        call_n(0x100, i5) <i>v>
        jump(p0, i5)",
    );
}

#[test]
fn boxed_counter_with_guards_and_virtual_snapshots() {
    let out = check(
        "all",
        "[p0]
        label(p0)
        guard_nonnull(p0) [p0]
        guard_class(p0, 0x1000) [p0]
        i1 = getfield_i(p0, 16)
        i2 = int_add_ovf(i1, 1)
        guard_no_overflow() [p0]
        i3 = int_lt(i2, 100)
        guard_true(i3) [p0]
        p4 = new(24, 4)
        setfield(p4, 8, 0x1000)
        setfield(p4, 16, i2)
        jump(p4)",
        "[p0]
        label(p0)
        guard_nonnull(p0) [p0]
        guard_class(p0, 0x1000) [p0]
        i1 = getfield_i(p0, 16)
        i2 = int_add_ovf(i1, 1)
        guard_no_overflow() [p0]
        i3 = int_lt(i2, 100)
        guard_true(i3) [p0]
        label(i2)
        i7 = int_add_ovf(i2, 1)
        guard_no_overflow() [i2]
        i8 = int_lt(i7, 100)
        guard_true(i8) [i2]
        jump(i7)",
    );
    assert!(out.ops.iter().filter(|o| o.opcode == Opcode::New).count() == 0);
    let g = out.ops[out.ops.len() - 2].snapshot.unwrap();
    assert_eq!(
        out.snapshot_text(g),
        "#5: jitcode0@0[r0=virtual0] virtual0=new(24, 4){8=0x1000, 16=i2}"
    );
}

#[test]
fn invalid_peeled_loop_falls_back_to_the_plain_loop() {
    // The second iteration would fail `guard_value(i1, 0)` (i1 is 1 there): no peeling.
    check(
        "all",
        "[p0, i1]
        label(p0, i1)
        guard_value(i1, 0) [i1]
        p3 = new(24, 4)
        setfield(p3, 16, i1)
        i4 = int_add(i1, 1)
        jump(p3, i4)",
        "[p0, i1]
        label(p0, i1)
        guard_value(i1, 0) [i1]
        p3 = new(24, 4)
        jump(p3, 1)",
    );
}

#[test]
fn virtual_passed_twice_is_forced() {
    // One object in two slots cannot be passed as fields: the second slot is made
    // generic, so the object is allocated (in the preamble and in the loop).
    check(
        "all",
        "[p0, p1]
        label(p0, p1)
        i2 = getfield_i(p0, 16)
        i3 = int_add(i2, 1)
        p4 = new(24, 4)
        setfield(p4, 16, i3)
        jump(p4, p4)",
        "[p0, p1]
        label(p0, p1)
        i2 = getfield_i(p0, 16)
        i3 = int_add(i2, 1)
        p4 = new(24, 4)
        setfield(p4, 16, i3)
        label(i3)
        i7 = int_add(i3, 1)
        p8 = new(24, 4)
        setfield(p8, 16, i7)
        jump(i7)",
    );
}

#[test]
fn constant_slot_and_swapped_slots() {
    // Slot 1 is the constant 5 each time; slots 2 and 3 swap.
    check(
        "all",
        "[i0, i1, i2, i3]
        label(i0, i1, i2, i3)
        i4 = int_add(i0, i1)
        i5 = int_lt(i4, i2)
        guard_true(i5) [i4]
        jump(i4, 5, i3, i2)",
        "[i0, i1, i2, i3]
        label(i0, i1, i2, i3)
        i4 = int_add(i0, i1)
        i5 = int_lt(i4, i2)
        guard_true(i5) [i4]
        label(i4, i3, i2)
        i6 = int_add(i4, 5)
        i7 = int_lt(i6, i3)
        guard_true(i7) [i6]
        jump(i6, i2, i3)",
    );
}

#[test]
fn bridges_are_not_peeled() {
    let out = optimize(
        "all",
        "[i0]
        i1 = int_add(i0, 1)
        jump(i1) ->loop3",
    )
    .unwrap();
    assert_eq!(
        out.to_text(),
        "[i0]\ni1 = int_add(i0, 1)\njump(i1) ->loop3\n"
    );
}
