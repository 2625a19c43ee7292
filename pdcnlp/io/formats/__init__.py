"""Input formats, one module each; importing this package registers them all
(in this order, which is the order of the default suffixes)."""
from . import text, html, jsonl  # noqa: F401
