"""The one document type every reader returns and every step reads.

A :class:`Document` is the whole decoded text of one input (a file, or one
line of a .jsonl) with what was found in it: the body's range, the title,
metadata fields with their offsets, and where it came from. Offsets always
point into ``text``; :meth:`Document.parts` says what the pipeline runs on.
Inputs that cannot be read come back as :class:`Skip` (with the reason),
never as an exception in the middle of a run.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

MAX_BYTES_DEFAULT = 50 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file cannot be read as Chinese text; the message says why."""


@dataclass
class Document:
    """One document: the whole decoded text and what was found in it."""

    text: str
    body_start: int
    body_end: int
    title: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict)
    meta_spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    path: Optional[str] = None          # a file, or FILE:LINE for a .jsonl record
    encoding: str = "utf-8"
    id: Optional[str] = None            # set by formats that carry ids (.jsonl)

    @property
    def body(self) -> str:
        return self.text[self.body_start:self.body_end]

    @property
    def doc_id(self) -> str:
        if self.id is not None:
            return self.id
        return Path(self.path).stem if self.path else "text"

    def parts(self) -> List[Tuple[str, int, int]]:
        """``(name, start, end)`` of the text to analyse: the title (unless
        the body repeats it as its first line) and the body."""
        out: List[Tuple[str, int, int]] = []
        if "title" in self.meta_spans:
            ts, te = self.meta_spans["title"]
            first_line = self.body.lstrip().split("\n", 1)[0].strip()
            if self.text[ts:te].strip() != first_line:
                out.append(("title", ts, te))
        if self.body.strip():
            out.append(("body", self.body_start, self.body_end))
        return out


@dataclass
class Skip:
    """An input, or one record of it, that was not read, and why."""

    path: str
    reason: str
    doc_id: Optional[str] = None
