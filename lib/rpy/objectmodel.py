"""Translation-time helpers, after ``rpython.rlib.objectmodel``.

Under CPython: ``we_are_translated()`` is False and every decorator returns its
function unchanged (it may leave a marker attribute that the translator reads).
"""


def we_are_translated():
    """False under CPython; True in the translated program."""
    return False


def not_rpython(func):
    """Mark a function as CPython-only: the translator refuses to translate it."""
    func._not_rpython_ = True
    return func


def always_inline(func):
    """Ask the translator to inline every call to ``func``."""
    func._always_inline_ = True
    return func


def dont_inline(func):
    """Ask the translator never to inline ``func``."""
    func._dont_inline_ = True
    return func


class _Specialize(object):
    """``@specialize.xxx(...)``: translate one copy of a function per key.

    Each form returns a decorator that records the request in
    ``func._annspecialcase_`` (RPython's spelling) and returns ``func``.
    """

    def _tag(self, tag):
        def decorator(func):
            func._annspecialcase_ = tag
            return func

        return decorator

    def memo(self):
        """One copy per tuple of (constant) argument values, evaluated at translation."""
        return self._tag("specialize:memo")

    def arg(self, *args):
        """One copy per constant value of the given arguments."""
        return self._tag("specialize:arg" + repr(args).replace(" ", ""))

    def arg_or_var(self, *args):
        """Like ``arg``, with one more copy for non-constant values."""
        return self._tag("specialize:arg_or_var" + repr(args).replace(" ", ""))

    def argtype(self, *args):
        """One copy per type of the given arguments."""
        return self._tag("specialize:argtype" + repr(args).replace(" ", ""))

    def argtypes(self, *args):
        """Alias of ``argtype``."""
        return self.argtype(*args)

    def call_location(self):
        """One copy per call site."""
        return self._tag("specialize:call_location")

    def ll(self):
        """One copy per low-level argument types."""
        return self._tag("specialize:ll")


specialize = _Specialize()


def compute_hash(x):
    """The hash the translated program will use; plain ``hash`` under CPython."""
    return hash(x)


def compute_identity_hash(x):
    """An identity-based hash; ``id``-derived under CPython."""
    return hash(id(x))


def keepalive_until_here(*values):
    """Keep ``values`` alive up to this point (no-op under CPython)."""
    pass
