"""String building, after ``rpython.rlib.rstring``."""


class StringBuilder(object):
    """Collects pieces of a str and joins them once in ``build()``.

    ``init_size`` is a capacity hint for the translated program; ignored here.
    """

    def __init__(self, init_size=-1):
        self._pieces = []
        self._length = 0

    def append(self, s):
        """Append the str ``s``."""
        self._pieces.append(s)
        self._length += len(s)

    def append_slice(self, s, start, end):
        """Append ``s[start:end]`` (0 <= start <= end <= len(s))."""
        assert 0 <= start <= end <= len(s), "append_slice: bad bounds"
        self.append(s[start:end])

    def append_multiple_char(self, c, times):
        """Append the one-character str ``c`` ``times`` times."""
        assert len(c) == 1, "append_multiple_char: c must be one character"
        self.append(c * times)

    def append_charpsize(self, s, size):
        """Append the first ``size`` characters of ``s``."""
        self.append_slice(s, 0, size)

    def getlength(self):
        """The length of the str built so far."""
        return self._length

    def build(self):
        """The str built so far; the builder stays usable."""
        s = "".join(self._pieces)
        self._pieces = [s]
        return s


UnicodeBuilder = StringBuilder
