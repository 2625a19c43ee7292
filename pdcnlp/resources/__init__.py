"""Rules kept as data: the packaged files, and the one way to open them.

Every module that reads a file here goes through these three functions, so
where the data lives (a wheel, a zip, a source checkout) is decided once.
"""
from __future__ import annotations

import json
from importlib import resources


def path(name: str):
    """A path-like handle to a packaged file (for libraries that want a file name)."""
    return resources.files(__name__).joinpath(name)


def read_text(name: str) -> str:
    return path(name).read_text("utf-8")


def read_json(name: str) -> dict:
    return json.loads(read_text(name))
