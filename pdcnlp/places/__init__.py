"""Places to administrative divisions (GB/T 2260), the document's locality,
definite titles (县委 → 仪陇县委). See docs/places.md.

Pure modules: ``divisions`` (the data and lookup), ``resolve`` (a mention's
candidates and choice), ``titles`` (ORGs), ``locality``, ``document`` (one
document's pass); ``component`` registers the ``pdcnlp_divisions`` pipe.
"""
from . import component  # noqa: F401  (registers pdcnlp_divisions)
from .divisions import Division, Divisions  # noqa: F401
from .document import DocumentPlaces, Mention, resolve_document  # noqa: F401
