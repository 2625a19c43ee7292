"""Writers: rows to tables in CSV, JSONL or Parquet, durably; the done-log
that makes resume safe at any kill point; the lock that keeps two runs off
one output.

Durability and resume. After each task (a file, or a record range of a
.jsonl) the writer appends its rows, fsyncs, and then appends one line to
the done-log (``OUT.done``) with the task's key and the byte size of every
table *after* its rows. A resumed run reads the done-log up to its last
complete line and truncates each table back to the sizes recorded there:
whatever a killed run wrote after its last finished task (rows of an
unfinished file, a header with no rows, a row cut in the middle of a UTF-8
character by ``kill -9`` or a full disk) is cut off and redone. No table is
ever re-parsed, so a damaged tail cannot make resume fail, and the CSV
header is written exactly once, by whichever run finds the table empty.
Parquet tables are folders of parts: parts not in the done-log are
removed. Temporary part names carry the process id.

Sidecars are named from the *full* output name (``out.parquet.done``,
``out.csv.errors.jsonl``), so ``out.csv`` and ``out.parquet`` in one folder
keep their own; the entities table is ``STEM.entities.FORMAT`` beside it.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

from ..schema import FLOAT_COLUMNS, INT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet")


class UsageError(ValueError):
    """A bad request (format, output name, a second run on one output):
    the CLI prints the message as one line and exits 2."""


class OutputError(OSError):
    """An output could not be written (disk full, no permission): the CLI
    exits with :data:`pdcnlp.cli.EXIT_OUTPUT`, after writing the summary
    if it still can."""


def output_format(output: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The table format: ``fmt`` if given (it must agree with the output's
    suffix when there is one), else from the suffix; UsageError otherwise."""
    suffix = Path(output).suffix.lstrip(".").lower()
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if suffix in FORMATS:
        if fmt and fmt != suffix:
            raise UsageError(f"-o {output} ends in .{suffix} but --format is {fmt}: "
                             f"name the output .{fmt} or drop --format")
        fmt = suffix
    elif suffix and not fmt:
        raise UsageError(f"cannot write .{suffix} tables: name the output .csv, .jsonl or .parquet "
                         "(or give --format)")
    fmt = fmt or "csv"
    if fmt != "parquet" and Path(output).is_dir():
        raise UsageError(f"-o {output} is a folder: name the table file (for example {Path(output) / 'out.csv'})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError("Parquet output needs pyarrow: pip install 'pdcnlp[tables]' "
                             "(or write .csv or .jsonl)") from None
    return fmt


def output_paths(output: Union[str, Path], fmt: str) -> Dict[str, Path]:
    """measurements at OUTPUT; entities at STEM.entities.FORMAT; errors,
    done-log, summary and lock at OUTPUT.errors.jsonl, .done, .summary.json, .lock."""
    out = Path(output)
    stem = out.with_suffix("") if out.suffix.lower() in (".csv", ".jsonl", ".parquet") else out
    return {
        "measurements": out,
        "entities": Path(f"{stem}.entities.{fmt}"),
        "errors": Path(f"{out}.errors.jsonl"),
        "done": Path(f"{out}.done"),
        "summary": Path(f"{out}.summary.json"),
        "lock": Path(f"{out}.lock"),
    }


class OutputLock:
    """An exclusive, non-blocking lock on ``OUT.lock`` for the whole run:
    a second run on the same output is refused with a clear message instead
    of interleaving its rows with the first's. The lock is the kernel's
    (``flock``), so it goes away with the process however it ends. A run
    that ends removes the file while it still holds the lock (a killed run
    leaves it behind, harmless); a run that locks a file another run has
    just removed notices (the path no longer names the file it holds) and
    locks the new one instead, so two runs never both hold a lock."""

    def __init__(self, path: Path, output: Union[str, Path]):
        self.path, self.output = path, output
        self._f = None

    def __enter__(self):
        for _ in range(8):
            self._lock_once()
            try:
                same = os.path.samestat(os.stat(self.path), os.fstat(self._f.fileno()))
            except OSError:
                same = False
            if same:
                break
            self._f.close()       # removed (or replaced) by a run that just ended: lock the new file
        else:  # pragma: no cover - eight runs ending in a row under our feet
            raise OutputError(f"cannot lock {self.path}: it keeps being replaced")
        self._f.seek(0)
        self._f.truncate()
        self._f.write(f"{os.getpid()}\n")
        self._f.flush()
        return self

    def _lock_once(self) -> None:
        try:
            self._f = open(self.path, "a+", encoding="utf-8")
        except OSError as e:
            raise OutputError(f"cannot create {self.path}: {e.strerror or e}") from None
        try:
            import fcntl

            fcntl.flock(self._f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            try:
                msvcrt.locking(self._f.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                self._busy()
        except OSError:
            self._busy()

    def _busy(self):
        try:
            self._f.seek(0)
            pid = self._f.read().strip()
        except OSError:  # pragma: no cover
            pid = "?"
        self._f.close()
        raise UsageError(f"another pdcnlp extract (pid {pid or '?'}) is writing to {self.output}: "
                         "wait for it to finish, or choose another -o")

    def __exit__(self, *exc):
        if self._f is not None:
            try:
                os.unlink(self.path)   # still locked: a run waiting on this file re-checks (see __enter__)
            except OSError:
                pass
            self._f.close()
        return False


def _io_error(path: Path, e: OSError) -> OutputError:
    return OutputError(e.errno, f"cannot write {path}: {e.strerror or e}")


class TableWriter:
    """Appends rows to one table in CSV, JSONL or Parquet (a folder of parts).

    ``bom`` writes a UTF-8 byte-order mark at the start of a new CSV, which
    is what Excel on Windows needs to read UTF-8 (``--excel``)."""

    def __init__(self, path: Path, fmt: str, columns: Sequence[str], bom: bool = False):
        self.path, self.fmt, self.columns = path, fmt, list(columns)
        self._part = 0
        try:
            if fmt == "parquet":
                path.mkdir(parents=True, exist_ok=True)
                self._part = len(list(path.glob("part-*.parquet")))
                return
            new = not path.exists() or path.stat().st_size == 0
            self._f = open(path, "ab")
            if fmt == "csv":
                if not new:
                    self._check_header()
                else:
                    buf = io.StringIO()
                    csv.writer(buf).writerow(self.columns)
                    self._f.write((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
                    self._f.flush()
        except OSError as e:
            raise _io_error(path, e) from None

    def _check_header(self):
        with open(self.path, "rb") as f:
            first = f.readline()
        header = next(csv.reader([first.decode("utf-8-sig", errors="replace")]), [])
        if header != self.columns:
            raise UsageError(f"{self.path} has other columns than this run would write "
                             "(different --keep-fields or inputs?): rerun without --resume, or use another -o")

    def write(self, rows: List[Dict[str, object]]) -> Optional[str]:
        """Write rows durably; returns the part file name for Parquet."""
        try:
            if self.fmt == "parquet":
                return self._write_parquet(rows)
            buf = io.StringIO()
            if self.fmt == "csv":
                w = csv.writer(buf)
                for r in rows:
                    w.writerow([r.get(c) for c in self.columns])
            else:
                for r in rows:
                    buf.write(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n")
            self._f.write(buf.getvalue().encode("utf-8", "backslashreplace"))
            self._f.flush()
            os.fsync(self._f.fileno())
            return None
        except OSError as e:
            raise _io_error(self.path, e) from None

    def _write_parquet(self, rows):
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"part-{self._part:06d}.parquet"
        self._part += 1
        table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in rows],
                                     schema=_arrow_schema(self.columns))
        tmp = self.path / f".{name}.{os.getpid()}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, self.path / name)
        return name

    def size(self) -> int:
        return 0 if self.fmt == "parquet" else self._f.tell()

    def close(self):
        if self.fmt != "parquet":
            try:
                self._f.close()
            except OSError:  # a full disk at close: the done-log says what is safe
                pass


def _arrow_schema(columns):
    import pyarrow as pa

    def arrow_type(c):
        return pa.float64() if c in FLOAT_COLUMNS else pa.int64() if c in INT_COLUMNS else pa.string()

    return pa.schema([(c, arrow_type(c)) for c in columns])


def read_done(done_file: Path) -> Tuple[List[dict], int]:
    """The complete entries of a done-log, and the byte length they take
    (a line cut by a kill is not an entry)."""
    if not done_file.exists():
        return [], 0
    data = done_file.read_bytes()
    entries, good = [], 0
    for line in data.split(b"\n")[:-1] if data else []:
        try:
            entries.append(json.loads(line))
        except ValueError:
            break
        good += len(line) + 1
    return entries, good


def prepare_resume(paths: Dict[str, Path], fmt: str) -> Tuple[Set[str], List[dict]]:
    """Tables and logs cut back to the last finished task (see module
    docstring); returns the keys of the finished tasks and the done-log's
    entries (whose counts the summary adds up)."""
    entries, good = read_done(paths["done"])
    try:
        if paths["done"].exists():
            os.truncate(paths["done"], good)
        sizes = entries[-1].get("sizes", {}) if entries else {}
        for key in ("measurements", "entities", "errors"):
            p = paths[key]
            if key != "errors" and fmt == "parquet":
                if p.exists():
                    keep = {part for e in entries for part in e.get("parts", {}).get(key, [])}
                    for f in p.glob("part-*.parquet"):
                        if f.name not in keep:
                            f.unlink()
                    for f in p.glob(".*.tmp"):
                        f.unlink()
                continue
            if not p.exists():
                continue
            want = sizes.get(key, 0)
            have = p.stat().st_size
            if have < want:
                raise UsageError(f"cannot resume: {p} is shorter than {paths['done']} records "
                                 "(edited or replaced?): rerun without --resume")
            if have > want:
                os.truncate(p, want)
    except OSError as e:
        raise OutputError(e.errno, f"cannot prepare {paths['measurements']} for --resume: {e.strerror or e}") from None
    return {e["key"] for e in entries}, entries
