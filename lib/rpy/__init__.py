"""rpy's helper package: hints and fixed-width arithmetic for programs that rpy translates.

The modules mirror RPython's ``rpython.rlib`` names so that an existing RPython
interpreter ports by changing its imports:

    rpython.rlib.jit          ->  rpy.jit
    rpython.rlib.rarithmetic  ->  rpy.rarithmetic
    rpython.rlib.objectmodel  ->  rpy.objectmodel
    rpython.rlib.rstring      ->  rpy.rstring

Under CPython every hint is a no-op and every helper has its plain-Python meaning
(``intmask`` wraps a big int to 64 bits, ``ovfcheck`` raises OverflowError when the
value does not fit), so a program behaves the same run by ``python3`` as translated
by ``rpy``.  The translator recognises these functions by name and gives them their
translated meaning.
"""
