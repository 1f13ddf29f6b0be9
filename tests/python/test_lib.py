"""Tests of the pure-Python package lib/rpy under CPython.

Run: python3 -m unittest discover -s tests/python
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))

from rpy import jit, objectmodel, rarithmetic, rstring  # noqa: E402
from rpy.rarithmetic import LONG_BIT, intmask, is_valid_int, maxint, ovfcheck, r_uint, widen  # noqa: E402

MININT = -maxint - 1


class TestRarithmetic(unittest.TestCase):
    def test_constants(self):
        self.assertEqual(LONG_BIT, 64)
        self.assertEqual(maxint, 2**63 - 1)
        self.assertIs(rarithmetic.r_int, int)

    def test_intmask(self):
        self.assertEqual(intmask(5), 5)
        self.assertEqual(intmask(-5), -5)
        self.assertEqual(intmask(maxint), maxint)
        self.assertEqual(intmask(maxint + 1), MININT)
        self.assertEqual(intmask(MININT - 1), maxint)
        self.assertEqual(intmask(2**64), 0)
        self.assertEqual(intmask(2**64 + 7), 7)
        self.assertEqual(intmask(2**64 - 1), -1)
        self.assertEqual(intmask(-(2**64) - 3), -3)
        self.assertEqual(intmask(r_uint(-1)), -1)
        self.assertIs(type(intmask(r_uint(3))), int)
        self.assertEqual(intmask(True), 1)
        self.assertRaises(TypeError, intmask, 1.5)

    def test_intmask_hash_loop(self):
        h = 0
        for c in "hello, world":
            h = intmask(h * 1000003 + ord(c))
            self.assertTrue(is_valid_int(h))
        expected = 0
        for c in "hello, world":
            expected = (expected * 1000003 + ord(c)) % 2**64
        if expected >= 2**63:
            expected -= 2**64
        self.assertEqual(h, expected)

    def test_ovfcheck(self):
        self.assertEqual(ovfcheck(maxint), maxint)
        self.assertEqual(ovfcheck(MININT), MININT)
        self.assertEqual(ovfcheck(0), 0)
        self.assertRaises(OverflowError, ovfcheck, maxint + 1)
        self.assertRaises(OverflowError, ovfcheck, MININT - 1)
        self.assertRaises(OverflowError, ovfcheck, 2**100)
        self.assertRaises(TypeError, ovfcheck, r_uint(1))

    def test_is_valid_int(self):
        self.assertTrue(is_valid_int(0))
        self.assertTrue(is_valid_int(maxint))
        self.assertTrue(is_valid_int(MININT))
        self.assertTrue(is_valid_int(True))
        self.assertFalse(is_valid_int(maxint + 1))
        self.assertFalse(is_valid_int(1.0))
        self.assertFalse(is_valid_int("1"))

    def test_widen(self):
        self.assertEqual(widen(7), 7)

    def test_r_uint_construct(self):
        self.assertEqual(r_uint(-1), 2**64 - 1)
        self.assertEqual(r_uint(2**64 + 5), 5)
        self.assertIsInstance(r_uint(3), int)
        self.assertEqual(str(r_uint(-1)), "18446744073709551615")
        self.assertEqual(repr(r_uint(3)), "r_uint(3)")

    def test_r_uint_arith_wraps(self):
        big = r_uint(2**64 - 1)
        cases = [
            (big + 1, 0),
            (1 + big, 0),
            (r_uint(0) - 1, 2**64 - 1),
            (1 - r_uint(2), 2**64 - 1),
            (big * 2, 2**64 - 2),
            (3 * big, 2**64 - 3),
            (big // 2, 2**63 - 1),
            (100 // r_uint(7), 14),
            (big % 10, 5),
            (r_uint(5) + (-1), 4),
            (-r_uint(1), 2**64 - 1),
            (~r_uint(0), 2**64 - 1),
            (r_uint(1) << 63, 2**63),
            (r_uint(1) << 64, 0),
            (r_uint(3) << 63, 2**63),
            (big >> 60, 15),
            (r_uint(0xF0) & 0x3C, 0x30),
            (0x3C | r_uint(0xF0), 0xFC),
            (r_uint(0xFF) ^ -1, 2**64 - 256),
            (r_uint(3) ** 41, 3**41 % 2**64),
            (r_uint(2) ** 64, 0),
        ]
        for got, want in cases:
            self.assertIsInstance(got, r_uint)
            self.assertEqual(int(got), want)
        q, r = divmod(r_uint(17), 5)
        self.assertEqual((q, r), (3, 2))
        self.assertIsInstance(q, r_uint)

    def test_r_uint_shift_negative(self):
        self.assertRaises(ValueError, lambda: r_uint(1) << -1)
        self.assertRaises(ValueError, lambda: r_uint(1) >> -1)

    def test_r_uint_fnv_hash(self):
        h = r_uint(14695981039346656037)
        for c in "abc":
            h = (h ^ ord(c)) * 1099511628211
        self.assertEqual(int(h), 0xE71FA2190541574B)


class TestJit(unittest.TestCase):
    def test_driver_checks_names(self):
        d = jit.JitDriver(greens=["pc", "code"], reds=["frame", "acc"])
        d.jit_merge_point(pc=0, code="x", frame=None, acc=1)
        d.can_enter_jit(code="x", pc=0, acc=1, frame=None)
        d.loop_header()
        with self.assertRaises(TypeError) as cm:
            d.jit_merge_point(pc=0, code="x", frame=None)
        self.assertIn("acc", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            d.can_enter_jit(pc=0, code="x", frame=None, acc=1, extra=2)
        self.assertIn("extra", str(cm.exception))

    def test_driver_auto_reds(self):
        d = jit.JitDriver(greens=["pc"], reds="auto")
        self.assertTrue(d.autoreds)
        d.jit_merge_point(pc=3)
        self.assertRaises(TypeError, d.jit_merge_point, pc=3, other=1)

    def test_driver_dotted_greens(self):
        d = jit.JitDriver(greens=["frame.pc"], reds=["frame"], virtualizables=["frame"])
        d.jit_merge_point(frame=None)

    def test_driver_options(self):
        def loc(pc):
            return "pc=%d" % pc

        d = jit.JitDriver(
            greens=["pc"], reds=["x"], get_printable_location=loc, is_recursive=True, name="main"
        )
        self.assertIs(d.get_printable_location, loc)
        self.assertTrue(d.is_recursive)
        self.assertEqual(d.name, "main")

    def test_driver_bad_declarations(self):
        self.assertRaises(jit.JitHintError, jit.JitDriver, greens=["a"], reds=["a"])
        self.assertRaises(jit.JitHintError, jit.JitDriver, greens=["a"])
        self.assertRaises(jit.JitHintError, jit.JitDriver, greens=["a"], reds=["b"], virtualizables=["c"])

    def test_decorators_return_function(self):
        def f(x):
            return x + 1

        for deco in (
            jit.elidable,
            jit.purefunction,
            jit.unroll_safe,
            jit.dont_look_inside,
            jit.look_inside,
            jit.not_rpython,
            jit.loop_invariant,
            jit.elidable_promote(),
            jit.elidable_promote("0"),
            jit.look_inside_iff(lambda x: True),
            jit.oopspec("f(x)"),
        ):
            self.assertIs(deco(f), f)
            self.assertEqual(f(1), 2)

    def test_value_hints(self):
        obj = object()
        self.assertIs(jit.promote(obj), obj)
        self.assertEqual(jit.promote_string("abc"), "abc")
        self.assertIs(jit.hint(obj, promote=True, access_directly=True), obj)
        self.assertFalse(jit.we_are_jitted())
        self.assertFalse(jit.isconstant(1))
        self.assertFalse(jit.isvirtual(obj))
        jit.record_exact_class(3, int)
        self.assertRaises(AssertionError, jit.record_exact_class, True, int)

    def test_parameters(self):
        p = jit.PARAMETERS
        self.assertEqual(p["threshold"], 1039)
        self.assertEqual(p["function_threshold"], 1619)
        self.assertEqual(p["trace_eagerness"], 200)
        self.assertEqual(p["trace_limit"], 6000)
        self.assertEqual(p["enable_opts"], "all")
        d = jit.JitDriver(greens=["pc"], reds=["x"])
        jit.set_param(d, "threshold", 3)
        jit.set_param(None, "trace_limit", 20000)
        self.assertRaises(ValueError, jit.set_param, d, "no_such_param", 1)
        jit.set_user_param(d, "threshold=5,trace_eagerness=3")
        jit.set_user_param(d, "off")
        jit.set_user_param(d, "default")
        jit.set_user_param(d, "enable_opts=intbounds:rewrite")
        self.assertRaises(ValueError, jit.set_user_param, d, "threshold")
        self.assertRaises(ValueError, jit.set_user_param, d, "bogus=1")
        self.assertRaises(ValueError, jit.set_user_param, d, "threshold=abc")


class TestObjectmodel(unittest.TestCase):
    def test_we_are_translated(self):
        self.assertFalse(objectmodel.we_are_translated())

    def test_specialize(self):
        def f(x):
            return x

        for deco in (
            objectmodel.specialize.memo(),
            objectmodel.specialize.arg(0),
            objectmodel.specialize.arg(0, 1),
            objectmodel.specialize.argtype(0),
            objectmodel.specialize.call_location(),
            objectmodel.always_inline,
            objectmodel.dont_inline,
            objectmodel.not_rpython,
        ):
            self.assertIs(deco(f), f)
        self.assertEqual(objectmodel.specialize.arg(0, 1)(f)._annspecialcase_, "specialize:arg(0,1)")

    def test_compute_hash(self):
        self.assertEqual(objectmodel.compute_hash("abc"), hash("abc"))
        self.assertEqual(objectmodel.compute_hash(7), hash(7))


class TestStringBuilder(unittest.TestCase):
    def test_build(self):
        b = rstring.StringBuilder()
        self.assertEqual(b.getlength(), 0)
        self.assertEqual(b.build(), "")
        b.append("abc")
        b.append_slice("0123456", 2, 5)
        b.append_multiple_char("x", 3)
        b.append_multiple_char("y", 0)
        self.assertEqual(b.getlength(), 9)
        self.assertEqual(b.build(), "abc234xxx")
        b.append("!")
        self.assertEqual(b.build(), "abc234xxx!")
        self.assertEqual(b.getlength(), 10)

    def test_init_size(self):
        b = rstring.StringBuilder(100)
        b.append("a")
        self.assertEqual(b.build(), "a")

    def test_bad_slice(self):
        b = rstring.StringBuilder()
        self.assertRaises(AssertionError, b.append_slice, "abc", 2, 1)
        self.assertRaises(AssertionError, b.append_slice, "abc", 0, 4)


if __name__ == "__main__":
    unittest.main()
