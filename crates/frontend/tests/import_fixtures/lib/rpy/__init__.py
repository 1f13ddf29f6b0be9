"""A stand-in for rpy's library package, for the import tests."""
