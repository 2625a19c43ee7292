"""The one document type every reader returns and every step reads.

A :class:`Document` is the whole decoded text of one input (a file, or one
record of a .jsonl) with what was found in it: the body's range, the title,
metadata fields with their offsets, and where it came from. Offsets always
point into ``text``; :meth:`Document.parts` says what the pipeline runs on.
Inputs that cannot be read come back as :class:`Skip` (with the reason),
never as an exception in the middle of a run; inputs read with a repair
(a few undecodable bytes replaced) carry a note in ``Document.notes`` so the
run can log it.

Ids: ``doc_id`` is given by the reader, never derived from a file stem
(1,000 files named ``report.txt`` in 200 folders must stay 1,000 documents):
the path relative to the input root, plus ``:RECORD`` for a JSONL record,
or the value of the user's ``--id-field``.
"""
from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

MAX_BYTES_DEFAULT = 50 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file cannot be read as Chinese text; the message says why."""


def display_path(path) -> str:
    """``path`` as printable UTF-8 text: bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates) are shown as ``\\xNN``, so a
    name never makes a CSV, JSON or log line fail to encode."""
    s = str(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def os_reason(e: OSError) -> str:
    """A short reason for an OS error met while walking or reading."""
    if e.errno == errno.ENAMETOOLONG:
        return "path too long for the file system"
    if e.errno == errno.ELOOP:
        return "symlink loop"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.ENOENT:
        return "dangling symlink or vanished file"
    return f"{type(e).__name__}: {e.strerror or e}"


@dataclass
class Document:
    """One document: the whole decoded text and what was found in it."""

    text: str
    body_start: int
    body_end: int
    title: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict)
    meta_spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    path: Optional[str] = None          # the input file (display form)
    encoding: str = "utf-8"
    id: Optional[str] = None            # set by the reader (see module docstring)
    record: Optional[int] = None        # 1-based line number of a .jsonl record
    extra: Dict[str, str] = field(default_factory=dict)   # other .jsonl fields, kept as columns
    notes: List[str] = field(default_factory=list)        # repairs made while reading (logged)

    @property
    def body(self) -> str:
        return self.text[self.body_start:self.body_end]

    @property
    def doc_id(self) -> str:
        if self.id is not None:
            return self.id
        return Path(self.path).name if self.path else "text"

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
    """An input, or one record of it, that was not read (or was read with a
    repair, ``action="salvaged"``), and why."""

    path: str
    reason: str
    doc_id: Optional[str] = None
    record: Optional[int] = None
    action: str = "skipped"

    def as_dict(self) -> dict:
        return {"path": self.path, "record": self.record, "doc_id": self.doc_id,
                "reason": self.reason, "action": self.action}
