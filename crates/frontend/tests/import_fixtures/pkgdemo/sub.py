"""A submodule of pkgdemo."""

VALUE = 42
OTHER = 7


def get():
    return VALUE
