//! Tests of the single-pass optimizations, in the style of PyPy's
//! `test_optimizebasic.py`: an input trace and the expected output, both in text form.

use super::*;
use crate::jit::trace_parse::parse;

/// Every pass but `unroll`.
pub const BASIC: &str = "intbounds:rewrite:virtualize:pure:heap";

/// Optimizes `input` (a loop if it has a label, else a bridge) with `cfg`.
pub fn optimize(cfg: &str, input: &str) -> Result<Trace, OptError> {
    let t = parse(input).unwrap();
    let cfg = OptConfig::parse(cfg).unwrap();
    if t.ops.iter().any(|o| o.opcode == Opcode::Label) {
        optimize_loop(t, &cfg)
    } else {
        optimize_bridge(t, &cfg)
    }
}

pub fn check(cfg: &str, input: &str, expected: &str) -> Trace {
    let out = optimize(cfg, input).unwrap_or_else(|e| panic!("{e}"));
    let want = parse(expected).unwrap().to_text();
    assert_eq!(out.to_text(), want, "\ngot:\n{}\nwant:\n{}", out, want);
    out
}

fn invalid(cfg: &str, input: &str) {
    match optimize(cfg, input) {
        Err(OptError::InvalidLoop(_)) => {}
        Ok(t) => panic!("expected InvalidLoop, got\n{t}"),
    }
}

#[test]
fn config_parse() {
    assert_eq!(OptConfig::parse("all").unwrap(), OptConfig::all());
    let c = OptConfig::parse("intbounds:heap").unwrap();
    assert!(c.intbounds && c.heap && !c.rewrite && !c.unroll && !c.pure);
    assert_eq!(OptConfig::parse("").unwrap(), OptConfig::none());
    assert!(OptConfig::parse("rewrite:frob").is_err());
    assert_eq!(OptConfig::default(), OptConfig::all());
}

#[test]
fn constant_folding_chain() {
    check(
        BASIC,
        "[i0]
        i1 = int_add(3, 4)
        i2 = int_mul(i1, 2)
        i3 = int_sub(i2, 14)
        i4 = int_add(i0, i3)
        i5 = int_floordiv(-7, 2)
        i6 = int_mod(-7, 2)
        i7 = int_lshift(1, 64)
        i8 = int_rshift(-8, 70)
        i9 = int_floordiv(-9223372036854775808, -1)
        i10 = uint_lt(-1, 3)
        i11 = int_add(9223372036854775807, 1)
        jump(i4, i5, i6, i7, i8, i9, i10, i11) ->loop0",
        "[i0]
        jump(i0, -4, 1, 0, -1, -9223372036854775808, 0, -9223372036854775808) ->loop0",
    );
}

#[test]
fn float_folding() {
    check(
        BASIC,
        "[f0]
        f1 = float_add(1.5, 2.25)
        i2 = float_lt(1.0, f1)
        f3 = cast_int_to_float(3)
        f4 = float_mul(f0, 1.0)
        f5 = float_neg(f0)
        f6 = float_neg(f5)
        i7 = float_to_bits(2.0)
        jump(f1, i2, f3, f4, f6, i7) ->loop0",
        "[f0]
        jump(3.75, 1, 3.0, f0, f0, 4611686018427387904) ->loop0",
    );
}

#[test]
fn algebraic_rewrites() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_add(i0, 0)
        i3 = int_mul(1, i2)
        i4 = int_sub(i3, i3)
        i5 = int_le(i0, i0)
        i6 = int_lt(i0, i1)
        i7 = int_is_zero(i6)
        guard_true(i7) [i0]
        i8 = same_as_i(i1)
        i9 = int_xor(i1, i1)
        i10 = int_or(i0, 0)
        i11 = int_and(i1, -1)
        i12 = int_ne(i1, i1)
        jump(i3, i4, i5, i8, i9, i10, i11, i12) ->loop0",
        "[i0, i1]
        i7 = int_ge(i0, i1)
        guard_true(i7) [i0]
        jump(i0, 0, 1, i1, 0, i0, i1, 0) ->loop0",
    );
}

#[test]
fn rewrites_need_the_pass() {
    // Without `rewrite` (and `intbounds`), nothing is folded.
    check(
        "pure:heap",
        "[i0]
        i1 = int_add(3, 4)
        i2 = int_add(i0, 0)
        jump(i1, i2) ->loop0",
        "[i0]
        i1 = int_add(3, 4)
        i2 = int_add(i0, 0)
        jump(i1, i2) ->loop0",
    );
}

#[test]
fn guards_on_constants() {
    check(
        BASIC,
        "[i0]
        guard_true(1) [i0]
        guard_false(0) [i0]
        guard_value(5, 5) [i0]
        guard_nonnull(0x10) [i0]
        guard_isnull(null) [i0]
        jump(i0) ->loop0",
        "[i0]
        jump(i0) ->loop0",
    );
    invalid(BASIC, "[i0]\nguard_false(1) [i0]\njump(i0) ->loop0");
    invalid(BASIC, "[i0]\nguard_value(4, 5) [i0]\njump(i0) ->loop0");
    invalid(BASIC, "[i0]\nguard_nonnull(null) [i0]\njump(i0) ->loop0");
    invalid(
        BASIC,
        "[i0]\ni1 = int_add_ovf(9223372036854775807, 1)\nguard_no_overflow() [i0]\njump(i1) ->loop0",
    );
}

#[test]
fn guard_value_makes_a_constant() {
    check(
        BASIC,
        "[i0, p1]
        guard_value(i0, 7) [i0]
        i2 = int_add(i0, 1)
        guard_value(p1, 0x500) [i0]
        guard_value(p1, 0x500) [i0]
        jump(i2, p1) ->loop0",
        "[i0, p1]
        guard_value(i0, 7) [i0]
        guard_value(p1, 0x500) [7]
        jump(8, 0x500) ->loop0",
    );
    invalid(
        BASIC,
        "[i0]\nguard_value(i0, 7) [i0]\nguard_value(i0, 8) [i0]\njump(i0) ->loop0",
    );
}

#[test]
fn guard_true_makes_one_and_cse_reuses_it() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_lt(i0, i1)
        guard_true(i2) [i0]
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0]
        i4 = int_add(i2, i3)
        i5 = int_eq(i2, 1)
        jump(i4, i5) ->loop0",
        "[i0, i1]
        i2 = int_lt(i0, i1)
        guard_true(i2) [i0]
        jump(2, 1) ->loop0",
    );
}

#[test]
fn guard_value_of_a_bool_becomes_guard_true() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_lt(i0, i1)
        guard_value(i2, 0) [i0]
        i3 = int_ge(i0, i1)
        jump(i3) ->loop0",
        "[i0, i1]
        i2 = int_lt(i0, i1)
        guard_false(i2) [i0]
        i3 = int_ge(i0, i1)
        jump(i3) ->loop0",
    );
}

#[test]
fn ptr_eq_of_distinct_refs() {
    check(
        "rewrite",
        "[p0]
        p1 = new(16, 4)
        i2 = ptr_eq(p0, p1)
        i3 = ptr_eq(p0, p0)
        i4 = ptr_eq(null, 0x10)
        i5 = ptr_ne(p1, null)
        guard_nonnull(p0) [p0]
        i6 = ptr_eq(p0, null)
        jump(i2, i3, i4, i5, i6, p1) ->loop0",
        "[p0]
        p1 = new(16, 4)
        guard_nonnull(p0) [p0]
        jump(0, 1, 0, 1, 0, p1) ->loop0",
    );
}

#[test]
fn cse_of_pure_ops_and_elidable_calls() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_add(i0, i1)
        i3 = int_add(i1, i0)
        i4 = call_pure_i(0x500, i0) <i>i raise pure>
        guard_no_exception() [i0]
        i5 = call_pure_i(0x500, i0) <i>i raise pure>
        guard_no_exception() [i1]
        i8 = call_pure_i(0x500, i1) <i>i raise pure>
        guard_no_exception() [i1]
        i6 = int_mul(i2, i3)
        i7 = int_add(i4, i5)
        jump(i6, i7, i8) ->loop0",
        "[i0, i1]
        i2 = int_add(i0, i1)
        i4 = call_pure_i(0x500, i0) <i>i raise pure>
        guard_no_exception() [i0]
        i8 = call_pure_i(0x500, i1) <i>i raise pure>
        guard_no_exception() [i1]
        i6 = int_mul(i2, i2)
        i7 = int_add(i4, i4)
        jump(i6, i7, i8) ->loop0",
    );
}

#[test]
fn cse_of_ovf_drops_the_second_guard() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_add_ovf(i0, i1)
        guard_no_overflow() [i0]
        i3 = int_add_ovf(i0, i1)
        guard_no_overflow() [i1]
        jump(i2, i3) ->loop0",
        "[i0, i1]
        i2 = int_add_ovf(i0, i1)
        guard_no_overflow() [i0]
        jump(i2, i2) ->loop0",
    );
}

#[test]
fn heap_cache_hits() {
    check(
        BASIC,
        "[p0, i1, p5]
        setfield(p0, 16, i1)
        i2 = getfield_i(p0, 16)
        i3 = getfield_i(p0, 24)
        i4 = getfield_i(p0, 24)
        setfield(p0, 24, i4)
        i6 = getarrayitem_i(p5, i1)
        i7 = getarrayitem_i(p5, i1)
        setarrayitem(p5, 3, i2)
        i8 = getarrayitem_i(p5, 3)
        jump(i2, i3, i4, i6, i7, i8) ->loop0",
        "[p0, i1, p5]
        setfield(p0, 16, i1)
        i3 = getfield_i(p0, 24)
        i6 = getarrayitem_i(p5, i1)
        setarrayitem(p5, 3, i1)
        jump(i1, i3, i3, i6, i6, i1) ->loop0",
    );
}

#[test]
fn heap_cache_invalidation() {
    check(
        BASIC,
        "[p0, p1, i2]
        i3 = getfield_i(p0, 16)
        call_n(0x100, i2) <i>v nowrite>
        i4 = getfield_i(p0, 16)
        setfield(p1, 24, i2)
        i5 = getfield_i(p0, 16)
        setfield(p1, 16, i2)
        i6 = getfield_i(p0, 16)
        i7 = getfield_i(p1, 16)
        call_n(0x100, i2) <i>v>
        i8 = getfield_i(p1, 16)
        jump(i3, i4, i5, i6, i7, i8) ->loop0",
        "[p0, p1, i2]
        i3 = getfield_i(p0, 16)
        call_n(0x100, i2) <i>v nowrite>
        setfield(p1, 24, i2)
        setfield(p1, 16, i2)
        i6 = getfield_i(p0, 16)
        call_n(0x100, i2) <i>v>
        i8 = getfield_i(p1, 16)
        jump(i3, i3, i3, i6, i2, i8) ->loop0",
    );
}

#[test]
fn array_items_invalidation() {
    check(
        BASIC,
        "[p0, p1, i2]
        i3 = getarrayitem_i(p0, 1)
        i4 = getarrayitem_i(p0, 2)
        setarrayitem(p0, 1, i2)
        i5 = getarrayitem_i(p0, 2)
        setarrayitem(p1, i2, 7)
        i6 = getarrayitem_i(p0, 1)
        i7 = getarrayitem_i(p0, 2)
        jump(i3, i4, i5, i6, i7) ->loop0",
        "[p0, p1, i2]
        i3 = getarrayitem_i(p0, 1)
        i4 = getarrayitem_i(p0, 2)
        setarrayitem(p0, 1, i2)
        setarrayitem(p1, i2, 7)
        i6 = getarrayitem_i(p0, 1)
        i7 = getarrayitem_i(p0, 2)
        jump(i3, i4, i4, i6, i7) ->loop0",
    );
}

#[test]
fn setfield_on_a_fresh_object_does_not_alias_older_ones_only() {
    check(
        "rewrite:pure:heap",
        "[p0, i1]
        i2 = getfield_i(p0, 16)
        p3 = new(24, 4)
        setfield(p3, 16, i1)
        i4 = getfield_i(p0, 16)
        p5 = getfield_r(p0, 8)
        setfield(p5, 16, i1)
        i6 = getfield_i(p0, 16)
        i7 = getfield_i(p3, 16)
        jump(i2, i4, i6, i7) ->loop0",
        "[p0, i1]
        i2 = getfield_i(p0, 16)
        p3 = new(24, 4)
        setfield(p3, 16, i1)
        p5 = getfield_r(p0, 8)
        setfield(p5, 16, i1)
        i6 = getfield_i(p0, 16)
        i7 = getfield_i(p3, 16)
        jump(i2, i2, i6, i7) ->loop0",
    );
}

#[test]
fn guard_dedup() {
    check(
        BASIC,
        "[p0, i1]
        guard_nonnull(p0) [i1]
        guard_class(p0, 0x1000) [i1]
        guard_class(p0, 0x1000) [i1]
        guard_nonnull(p0) [i1]
        p2 = getfield_r(p0, 8)
        guard_value(i1, 3) [i1]
        guard_value(i1, 3) [i1]
        jump(p2) ->loop0",
        "[p0, i1]
        guard_nonnull(p0) [i1]
        guard_class(p0, 0x1000) [i1]
        guard_value(i1, 3) [i1]
        jump(0x1000) ->loop0",
    );
    invalid(
        BASIC,
        "[p0]\nguard_class(p0, 0x1000) []\nguard_class(p0, 0x2000) []\njump(p0) ->loop0",
    );
}

#[test]
fn guards_on_new_objects() {
    check(
        "rewrite:heap",
        "[i0]
        p1 = new(24, 4)
        guard_nonnull(p1) [i0]
        setfield(p1, 8, 0x1000)
        guard_class(p1, 0x1000) [i0]
        call_n(0x100, p1) <p>v>
        jump(i0) ->loop0",
        "[i0]
        p1 = new(24, 4)
        setfield(p1, 8, 0x1000)
        call_n(0x100, p1) <p>v>
        jump(i0) ->loop0",
    );
}

#[test]
fn intbounds_remove_bounds_checks() {
    check(
        BASIC,
        "[i0, i1]
        i2 = int_ge(i0, 0)
        guard_true(i2) [i0]
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0]
        i4 = uint_lt(i0, i1)
        guard_true(i4) [i0]
        i5 = int_and(i0, 255)
        i6 = int_le(i5, 255)
        guard_true(i6) [i0]
        i7 = int_lt(i0, 0)
        guard_false(i7) [i0]
        i8 = int_gt(i1, 0)
        guard_true(i8) [i0]
        i9 = int_and(i5, 255)
        i10 = int_mod(i0, 8)
        i11 = int_lt(i10, 8)
        guard_true(i11) [i0]
        jump(i9) ->loop0",
        "[i0, i1]
        i2 = int_ge(i0, 0)
        guard_true(i2) [i0]
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0]
        i5 = int_and(i0, 255)
        jump(i5) ->loop0",
    );
}

#[test]
fn intbounds_array_capacity_is_nonnegative() {
    check(
        BASIC,
        "[p0, i1]
        i2 = getfield_i(p0, 8)
        i3 = int_ge(i1, 0)
        guard_true(i3) [i1]
        i4 = uint_lt(i1, i2)
        guard_true(i4) [i1]
        i5 = getarrayitem_i(p0, i1)
        i6 = int_lt(i1, i2)
        guard_true(i6) [i1]
        jump(i5) ->loop0",
        "[p0, i1]
        i2 = getfield_i(p0, 8)
        i3 = int_ge(i1, 0)
        guard_true(i3) [i1]
        i4 = int_lt(i1, i2)
        guard_true(i4) [i1]
        i5 = getarrayitem_i(p0, i1)
        jump(i5) ->loop0",
    );
}

#[test]
fn intbounds_no_overflow() {
    check(
        BASIC,
        "[i0]
        i1 = int_and(i0, 1023)
        i2 = int_add_ovf(i1, 1)
        guard_no_overflow() [i0]
        i3 = int_add_ovf(i0, 1)
        guard_no_overflow() [i0]
        i4 = int_mul_ovf(i1, i1)
        guard_no_overflow() [i0]
        jump(i2, i3, i4) ->loop0",
        "[i0]
        i1 = int_and(i0, 1023)
        i2 = int_add(i1, 1)
        i3 = int_add_ovf(i0, 1)
        guard_no_overflow() [i0]
        i4 = int_mul(i1, i1)
        jump(i2, i3, i4) ->loop0",
    );
}

#[test]
fn virtual_not_allocated() {
    check(
        BASIC,
        "[i0]
        p1 = new(24, 4)
        setfield(p1, 8, 0x1000)
        setfield(p1, 16, i0)
        guard_class(p1, 0x1000) [i0]
        guard_nonnull(p1) [i0]
        i2 = getfield_i(p1, 16)
        i3 = getfield_i(p1, 24)
        i4 = int_add(i2, i3)
        i5 = ptr_eq(p1, 0x1000)
        jump(i4, i5) ->loop0",
        "[i0]
        jump(i0, 0) ->loop0",
    );
    invalid(
        BASIC,
        "[i0]\np1 = new(24, 4)\nsetfield(p1, 8, 0x1000)\nguard_class(p1, 0x2000) []\njump(i0) ->loop0",
    );
}

#[test]
fn virtual_forced_at_escape_and_in_snapshot() {
    let out = check(
        BASIC,
        "[i0, p5]
        p1 = new(32, 4)
        setfield(p1, 8, 0x1000)
        setfield(p1, 16, i0)
        p2 = new(24, 4)
        setfield(p2, 16, p1)
        setfield(p1, 24, 0)
        guard_true(i0) [p2]
        call_n(0x200, p2) <p>v>
        i3 = getfield_i(p1, 16)
        jump(i3) ->loop0",
        "[i0, p5]
        guard_true(i0) [i0]
        p2 = new(24, 4)
        p1 = new(32, 4)
        setfield(p1, 8, 0x1000)
        setfield(p1, 16, i0)
        setfield(p2, 16, p1)
        call_n(0x200, p2) <p>v>
        i3 = getfield_i(p1, 16)
        jump(i3) ->loop0",
    );
    let g = out.ops[0].snapshot.unwrap();
    assert_eq!(
        out.snapshot_text(g),
        "#0: jitcode0@0[r0=virtual0] virtual0=new(24, 4){16=virtual1} \
         virtual1=new(32, 4){8=0x1000, 16=i0, 24=0}"
    );
}

#[test]
fn virtual_stored_into_escaped_object_is_forced() {
    check(
        BASIC,
        "[p0, i1]
        p2 = new(24, 4)
        setfield(p2, 16, i1)
        setfield(p0, 16, p2)
        p3 = getfield_r(p0, 16)
        i4 = getfield_i(p3, 16)
        jump(i4) ->loop0",
        "[p0, i1]
        p2 = new(24, 4)
        setfield(p2, 16, i1)
        setfield(p0, 16, p2)
        jump(i1) ->loop0",
    );
}

#[test]
fn virtual_array_items() {
    check(
        BASIC,
        "[i0]
        p1 = new(40, 3)
        setfield(p1, 8, 3)
        setarrayitem(p1, 0, i0)
        i2 = getarrayitem_i(p1, 0)
        i3 = getarrayitem_i(p1, 2)
        i4 = getfield_i(p1, 8)
        jump(i2, i3, i4) ->loop0",
        "[i0]
        jump(i0, 0, 3) ->loop0",
    );
}

#[test]
fn dce_keeps_guards_and_effects() {
    check(
        BASIC,
        "[i0, p1]
        i2 = int_add(i0, 1)
        i3 = getfield_i(p1, 16)
        i4 = int_lt(i0, 5)
        guard_true(i4) [i0]
        setfield(p1, 24, i0)
        i5 = call_i(0x300, i0) <i>i>
        i6 = call_pure_i(0x400, i0) <i>i pure raise>
        guard_no_exception() [i0]
        debug_merge_point() \"pc=3\"
        finish() [i0]",
        "[i0, p1]
        i4 = int_lt(i0, 5)
        guard_true(i4) [i0]
        setfield(p1, 24, i0)
        i5 = call_i(0x300, i0) <i>i>
        debug_merge_point() \"pc=3\"
        finish() [i0]",
    );
}

#[test]
fn linear_loop_without_unroll() {
    check(
        BASIC,
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
        p3 = new(24, 4)
        setfield(p3, 8, 0x1000)
        setfield(p3, 16, i2)
        jump(p3)",
    );
}
