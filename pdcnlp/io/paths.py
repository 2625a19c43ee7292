"""Which files to read: paths, folders and globs, expanded in a stable order,
each file once, every input accounted for.

A scraped corpus is a hostile file tree: folders a thousand levels deep,
paths longer than the system allows, names in no encoding, symlinks that
point nowhere or back at their own folder, FIFOs, folders and files the user
may not read. The walk is iterative (no recursion limit), follows symlinked
folders (their files are inputs like any other) but enters each real folder
once (a loop ends there), never opens what is not a regular file (a FIFO
would block the run), and turns every problem into a :class:`Skip` with the
reason, so it is logged, never fatal and never silent. Files of a suffix no
reader takes are reported too (``action="ignored"``), so a user sees what
the folder held that was not read.

Each file comes with its id: the path relative to the input root (the
common folder of all inputs), with ``/`` separators, so files named
``report.txt`` in 200 county folders stay 200 documents.
"""
from __future__ import annotations

import errno
import glob
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import formats  # noqa: F401  (registers the formats, so their suffixes are known)
from .document import Skip, display_path, os_reason as _why
from .registry import registered_suffixes


@dataclass(frozen=True)
class InputFile:
    """One file to read: its path, its id (path relative to the input root)
    and its size (for progress)."""

    path: str
    rel: str
    size: int


def _kind(mode: int) -> Optional[str]:
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return None


def _root_of(raw: str) -> str:
    """The folder an input's ids are relative to."""
    if glob.has_magic(raw):
        parts = Path(raw).parts
        fixed = []
        for part in parts:
            if glob.has_magic(part):
                break
            fixed.append(part)
        return os.path.abspath(os.path.join(*fixed) if fixed else ".")
    p = os.path.abspath(raw)
    return p if os.path.isdir(p) else os.path.dirname(p)


def input_root(inputs: Sequence[str]) -> str:
    """The common folder of all inputs (ids are relative to it)."""
    roots = [_root_of(str(r)) for r in inputs] or [os.getcwd()]
    try:
        return os.path.commonpath(roots)
    except ValueError:  # pragma: no cover - different drives on Windows
        return ""


def _rel(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root) if root else os.path.abspath(path)
    except ValueError:  # pragma: no cover
        rel = os.path.abspath(path)
    return display_path(rel.replace(os.sep, "/"))


class _Walk:
    def __init__(self, suffixes: Tuple[str, ...], root: str):
        self.suffixes, self.root = suffixes, root
        self.seen_files = {}
        self.seen_dirs = set()

    def file(self, path: str, st: os.stat_result, explicit: bool) -> Iterator[Union[InputFile, Skip]]:
        shown = display_path(path)
        kind = _kind(st.st_mode)
        if kind:
            yield Skip(shown, f"not a regular file ({kind})")
            return
        if not explicit and os.path.splitext(path)[1].lower() not in self.suffixes:
            yield Skip(shown, f"suffix {os.path.splitext(path)[1] or '(none)'!r} not read (see --suffix)",
                       action="ignored")
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_files:
            yield Skip(shown, f"same file as {self.seen_files[key]} (linked twice), read once", action="ignored")
            return
        rel = _rel(path, self.root)
        self.seen_files[key] = rel
        yield InputFile(path, rel, st.st_size)

    def folder(self, top: str) -> Iterator[Union[InputFile, Skip]]:
        """Depth first, by name, without recursion (no depth limit)."""
        stack: List[str] = [top]
        while stack:
            d = stack.pop()
            try:
                st = os.stat(d)
            except OSError as e:
                yield Skip(display_path(d), _why(e))
                continue
            key = (st.st_dev, st.st_ino)
            if key in self.seen_dirs:
                yield Skip(display_path(d), "folder already read (a symlink loop, or a second link to it)")
                continue
            self.seen_dirs.add(key)
            try:
                with os.scandir(d) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                yield Skip(display_path(d), f"cannot list folder: {_why(e)}")
                continue
            subdirs = []
            for entry in entries:
                path = entry.path
                try:
                    est = entry.stat(follow_symlinks=True)
                except OSError as e:
                    if entry.is_symlink() and e.errno == errno.ENOENT:
                        yield Skip(display_path(path), "dangling symlink")
                    else:
                        yield Skip(display_path(path), _why(e))
                    continue
                if stat.S_ISDIR(est.st_mode):
                    subdirs.append(path)
                else:
                    yield from self.file(path, est, explicit=False)
            # a folder's files first, then its subfolders, each by name
            stack.extend(reversed(subdirs))


def iter_inputs(inputs: Sequence[str], suffixes: Optional[Iterable[str]] = None
                ) -> Iterator[Union[InputFile, Skip]]:
    """Files from ``inputs`` (files, folders searched recursively, globs) as
    :class:`InputFile`, and a :class:`Skip` for everything not read (see
    the module docstring)."""
    suffixes = tuple(s.lower() if s.startswith(".") else "." + s.lower()
                     for s in (suffixes or registered_suffixes()))
    walk = _Walk(suffixes, input_root([str(i) for i in inputs]))
    for raw in inputs:
        raw = str(raw)
        if glob.has_magic(raw) and not os.path.lexists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Skip(display_path(raw), "no such file, folder or glob match")
            for m in matches:
                yield from _one(walk, m, explicit=True)
        else:
            yield from _one(walk, raw, explicit=True)


def _one(walk: _Walk, path: str, explicit: bool):
    try:
        st = os.stat(path)
    except OSError as e:
        if os.path.islink(path):
            yield Skip(display_path(path), "dangling symlink" if e.errno == errno.ENOENT else _why(e))
        else:
            yield Skip(display_path(path), "no such file, folder or glob match" if e.errno == errno.ENOENT
                       else _why(e))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from walk.folder(path)
    else:
        yield from walk.file(path, st, explicit)


def iter_paths(inputs: Sequence[str], suffixes: Optional[Iterable[str]] = None) -> Iterator[Union[Path, Skip]]:
    """Paths of the files :func:`iter_inputs` finds (skips as they come)."""
    for item in iter_inputs(inputs, suffixes):
        yield item if isinstance(item, Skip) else Path(item.path)
