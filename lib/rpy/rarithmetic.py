"""Machine-integer helpers, after ``rpython.rlib.rarithmetic``.

Translated ints are signed 64-bit and wrap on overflow.  Under CPython ints are
unbounded, so a program that relies on wrapping says so with ``intmask``, and a
program that wants to notice overflow uses ``ovfcheck``; both then agree with the
translated binary.
"""

import sys

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
maxint = sys.maxsize
assert maxint == LONG_TEST - 1, "rpy targets 64-bit machines"

r_int = int


def is_valid_int(r):
    """True if ``r`` is an int (or bool) that fits in a signed machine word."""
    return isinstance(r, int) and -maxint - 1 <= r <= maxint


def intmask(n):
    """Wrap ``n`` to a signed 64-bit int, as the machine would.

    Translated, this is a no-op on ints (and reinterprets an ``r_uint``).
    """
    if isinstance(n, float):
        raise TypeError("intmask() of a float: use int() first")
    n = int(n)
    if -maxint - 1 <= n <= maxint:
        return n
    n &= LONG_MASK
    if n >= LONG_TEST:
        n -= 2 * LONG_TEST
    return n


def ovfcheck(r):
    """Return ``r`` if it fits in a signed 64-bit int, else raise OverflowError.

    Use it around a single arithmetic operation: ``ovfcheck(a + b)``.  Translated,
    the operation is done with an overflow check instead of wrapping.
    """
    if isinstance(r, r_uint):
        raise TypeError("ovfcheck() of an r_uint: unsigned arithmetic does not overflow")
    if not -maxint - 1 <= r <= maxint:
        raise OverflowError("signed integer expression did overflow")
    return r


def widen(n):
    """Widen a smaller integer type to a machine int; machine ints are unchanged."""
    return n


def _unsigned(n):
    return int(n) & LONG_MASK


class r_uint(int):
    """An unsigned 64-bit machine int: arithmetic wraps modulo 2**64.

    Mixing an ``r_uint`` with an ``int`` gives an ``r_uint``, as in RPython.
    ``intmask(u)`` reinterprets it as signed.
    """

    __slots__ = ()

    def __new__(cls, value=0):
        if isinstance(value, float):
            value = int(value)
        return int.__new__(cls, int(value) & LONG_MASK)

    def __repr__(self):
        return "r_uint(%d)" % int(self)

    def __str__(self):
        return str(int(self))

    def __add__(self, other):
        return r_uint(int(self) + _unsigned(other))

    __radd__ = __add__

    def __sub__(self, other):
        return r_uint(int(self) - _unsigned(other))

    def __rsub__(self, other):
        return r_uint(_unsigned(other) - int(self))

    def __mul__(self, other):
        return r_uint(int(self) * _unsigned(other))

    __rmul__ = __mul__

    def __floordiv__(self, other):
        return r_uint(int(self) // _unsigned(other))

    def __rfloordiv__(self, other):
        return r_uint(_unsigned(other) // int(self))

    def __mod__(self, other):
        return r_uint(int(self) % _unsigned(other))

    def __rmod__(self, other):
        return r_uint(_unsigned(other) % int(self))

    def __divmod__(self, other):
        return (self // other, self % other)

    def __rdivmod__(self, other):
        return (other // self, other % self)

    def __pow__(self, other, mod=None):
        if mod is None:
            return r_uint(pow(int(self), int(other), 1 << LONG_BIT))
        return r_uint(pow(int(self), int(other), _unsigned(mod)))

    def __and__(self, other):
        return r_uint(int(self) & _unsigned(other))

    __rand__ = __and__

    def __or__(self, other):
        return r_uint(int(self) | _unsigned(other))

    __ror__ = __or__

    def __xor__(self, other):
        return r_uint(int(self) ^ _unsigned(other))

    __rxor__ = __xor__

    def __lshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        if n >= LONG_BIT:
            return r_uint(0)
        return r_uint(int(self) << n)

    def __rshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        return r_uint(int(self) >> n)

    def __neg__(self):
        return r_uint(-int(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return self

    def __invert__(self):
        return r_uint(~int(self))


r_ulonglong = r_uint
r_longlong = int
