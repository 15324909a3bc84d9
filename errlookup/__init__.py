"""errlookup: every vendor's meaning of an error code, offline, in one command.

The package is usable as a library: :mod:`errlookup.catalog` loads catalogues,
:mod:`errlookup.index` answers exact look-ups, :mod:`errlookup.lookup` resolves
queries. None of them prints.
"""

__version__ = "0.1.0"
