"""JIT hints, after ``rpython.rlib.jit``.

A translated program built with ``rpy translate --jit`` gets a tracing JIT generated
from its interpreter loop; these hints tell the generator where that loop is and
what it may assume.  Under CPython they do nothing, except that ``JitDriver``
checks the names passed to ``jit_merge_point`` and ``can_enter_jit`` against its
``greens`` and ``reds`` so a mistake shows up before translation.
"""

PARAMETERS = {
    "threshold": 1039,  # loop iterations before tracing: just above 1024, prime
    "function_threshold": 1619,  # calls before tracing a function from its start
    "trace_eagerness": 200,  # guard failures before a bridge is traced
    "decay": 40,  # how fast counters decay (0 = never, 1000 = at once)
    "trace_limit": 6000,  # operations in a trace before it is aborted
    "inlining": 1,  # inline calls to other JIT-ed functions
    "loop_longevity": 1000,  # how long unused compiled loops are kept
    "retrace_limit": 0,  # retraces of a loop with a new specialisation
    "max_retrace_guards": 15,  # guards in a loop that still allow retracing
    "max_unroll_loops": 0,  # extra unrollings a loop may cause
    "disable_unrolling": 200,  # above this many operations, do not unroll
    "enable_opts": "all",  # optimisations to enable, ':'-separated
    "max_unroll_recursion": 7,  # levels of a recursive function to unroll
    "vec": 0,  # vectorisation (not supported by rpy; accepted for compatibility)
    "vec_all": 0,
    "vec_cost": 0,
}


class JitHintError(Exception):
    """Inconsistent JIT hints."""


# ____________________________________________________________
# The driver


class JitDriver(object):
    """Declares an interpreter's main loop to the JIT generator.

    ``greens`` are the variables that identify a position in the user program
    (typically the program counter and the code object); ``reds`` are the other
    variables live across the loop, or ``'auto'`` to let the translator find them.
    """

    def __init__(
        self,
        greens=None,
        reds=None,
        virtualizables=None,
        get_printable_location=None,
        is_recursive=False,
        name="jitdriver",
        get_unique_id=None,
        confirm_enter_jit=None,
        can_never_inline=None,
        should_unroll_one_iteration=None,
        check_untranslated=True,
        vectorize=False,
        get_location=None,
        **extra
    ):
        if greens is None:
            raise JitHintError("JitDriver: 'greens' is required")
        if reds is None:
            raise JitHintError("JitDriver: 'reds' is required (a list of names, or 'auto')")
        self.greens = list(greens)
        if reds == "auto":
            self.autoreds = True
            self.reds = []
        else:
            self.autoreds = False
            self.reds = list(reds)
        for name_ in self.greens + self.reds:
            if not isinstance(name_, str):
                raise JitHintError("JitDriver: green and red names must be str, got %r" % (name_,))
        both = set(self.greens) & set(self.reds)
        if both:
            raise JitHintError("JitDriver: %s both green and red" % ", ".join(sorted(both)))
        self.virtualizables = list(virtualizables or [])
        for v in self.virtualizables:
            if v not in self.reds:
                raise JitHintError("JitDriver: virtualizable %r must be one of the reds" % (v,))
        self.get_printable_location = get_printable_location
        self.get_unique_id = get_unique_id
        self.get_location = get_location
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.is_recursive = is_recursive
        self.name = name
        self.check_untranslated = check_untranslated
        self.vectorize = vectorize
        self.extra = extra
        # Names with a dot ('frame.pc') name fields; they are not passed as keywords.
        self._livevars = set(n for n in self.greens + self.reds if "." not in n)

    def _freeze_(self):
        return True

    def _check_arguments(self, what, livevars):
        # Comparing the keys view with the set allocates nothing: the check stays cheap
        # (it runs at every bytecode of an interpreter running under CPython).
        if not self.check_untranslated or livevars.keys() == self._livevars:
            return
        got = set(livevars)
        if got != self._livevars:
            missing = sorted(self._livevars - got)
            unexpected = sorted(got - self._livevars)
            parts = []
            if missing:
                parts.append("missing %s" % ", ".join(missing))
            if unexpected:
                parts.append("unexpected %s" % ", ".join(unexpected))
            raise TypeError(
                "%s.%s(): the keyword arguments must be the greens and reds (%s): %s"
                % (self.name, what, ", ".join(sorted(self._livevars)), "; ".join(parts))
            )

    def jit_merge_point(_self, **livevars):
        """Marks the top of the interpreter loop (one bytecode dispatched per pass)."""
        _self._check_arguments("jit_merge_point", livevars)

    def can_enter_jit(_self, **livevars):
        """Marks a backward jump in the user program: a place a loop may close."""
        _self._check_arguments("can_enter_jit", livevars)

    def loop_header(_self):
        """Marks a loop header of an ``'auto'``-reds driver."""
        pass


# ____________________________________________________________
# Decorators on functions


def elidable(func):
    """The function's result depends only on its arguments and it has no side effect
    (it may raise); the JIT may remove or reuse calls with constant arguments."""
    func._elidable_function_ = True
    return func


purefunction = elidable


def elidable_promote(promote_args="all"):
    """Like ``elidable``, and promote the arguments (all, or the given indices
    as a comma-separated str) to constants first."""

    def decorator(func):
        func._elidable_function_ = True
        func._elidable_promote_args_ = promote_args
        return func

    return decorator


purefunction_promote = elidable_promote


def unroll_safe(func):
    """The function's loops are bounded: the JIT may trace through them."""
    func._jit_unroll_safe_ = True
    return func


def dont_look_inside(func):
    """The JIT calls this function instead of tracing into it."""
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """The JIT traces into this function (overrides a default policy)."""
    func._jit_look_inside_ = True
    return func


def look_inside_iff(predicate):
    """The JIT traces into the function only when ``predicate(*args)`` is true
    with the arguments known to be constants."""

    def decorator(func):
        func._jit_look_inside_iff_ = predicate
        return func

    return decorator


def loop_invariant(func):
    """The function's result does not change within one loop iteration."""
    func._jit_loop_invariant_ = True
    return func


def not_rpython(func):
    """Mark a function as CPython-only: the translator refuses to translate it."""
    func._not_rpython_ = True
    return func


def oopspec(spec):
    """Describe a function's meaning to the JIT (recorded, otherwise unused)."""

    def decorator(func):
        func.oopspec = spec
        return func

    return decorator


# ____________________________________________________________
# Hints on values


def promote(x):
    """Tell the JIT to treat ``x`` as a constant from here on (it guards on its value)."""
    return x


def promote_string(x):
    """``promote`` for a str, compared by value."""
    return x


def hint(x, **kwds):
    """Generic hint on ``x`` (``promote=True``, ``access_directly=True``,
    ``force_virtualizable=True``, ...); returns ``x``."""
    return x


def we_are_jitted():
    """True in code the JIT compiled; False in the interpreter and under CPython."""
    return False


def isconstant(x):
    """True if the JIT knows ``x`` as a constant at this point; False otherwise."""
    return False


def isvirtual(x):
    """True if ``x`` is a virtual (not yet allocated) object in the trace."""
    return False


def record_exact_class(x, cls):
    """Assert that ``type(x) is cls`` and let the JIT rely on it."""
    assert type(x) is cls, "record_exact_class: %r is not exactly a %s" % (x, cls.__name__)


def assert_green(x):
    """Assert that ``x`` is a constant in the trace (checked only when jitted)."""
    pass


def current_trace_length():
    """Operations recorded so far in the current trace; -1 when not tracing."""
    return -1


# ____________________________________________________________
# Parameters


def set_param(driver, name, value):
    """Set a JIT parameter (see PARAMETERS) for ``driver`` (None: all drivers)."""
    if name not in PARAMETERS:
        raise ValueError("unknown JIT parameter %r" % (name,))
    if name == "enable_opts":
        if not isinstance(value, str):
            raise TypeError("enable_opts takes a str")
    elif not isinstance(value, int):
        raise TypeError("JIT parameter %r takes an int" % (name,))


def set_user_param(driver, text):
    """Set parameters from a user's string: ``'name=value,name=value'``,
    ``'off'`` to disable the JIT or ``'default'`` to restore the defaults.
    Raises ValueError on a malformed string or an unknown name."""
    if text == "off":
        set_param(driver, "threshold", -1)
        set_param(driver, "function_threshold", -1)
        return
    if text == "default":
        for name, value in PARAMETERS.items():
            set_param(driver, name, value)
        return
    for item in text.split(","):
        parts = item.strip(" ").split("=")
        if len(parts) != 2:
            raise ValueError("JIT parameters: expected name=value, got %r" % (item,))
        name, value = parts
        if name == "enable_opts":
            set_param(driver, name, value)
        elif name in PARAMETERS:
            set_param(driver, name, int(value))
        else:
            raise ValueError("unknown JIT parameter %r" % (name,))
