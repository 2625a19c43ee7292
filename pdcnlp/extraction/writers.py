"""Writers: rows to tables in CSV, JSONL or Parquet, durably, and the
resume logic that trims the tables of a killed run back to finished files.

Formats of the *output* tables; the columns come from :mod:`pdcnlp.schema`.
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Union

from ..schema import FLOAT_COLUMNS, INT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet")


def output_paths(output: Union[str, Path], fmt: str) -> Dict[str, Path]:
    """measurements at OUTPUT, entities / errors / done-log / summary beside it."""
    out = Path(output)
    stem = out.with_suffix("") if out.suffix.lower() in (".csv", ".jsonl", ".parquet") else out
    return {
        "measurements": out,
        "entities": Path(f"{stem}.entities.{fmt}"),
        "errors": Path(f"{stem}.errors.jsonl"),
        "done": Path(f"{stem}.done"),
        "summary": Path(f"{stem}.summary.json"),
    }


class TableWriter:
    """Appends rows to one table in CSV, JSONL or Parquet (a folder of parts)."""

    def __init__(self, path: Path, fmt: str, columns: Sequence[str]):
        self.path, self.fmt, self.columns = path, fmt, list(columns)
        self._part = 0
        if fmt == "parquet":
            path.mkdir(parents=True, exist_ok=True)
            self._part = len(list(path.glob("part-*.parquet")))
        else:
            new = not path.exists() or path.stat().st_size == 0
            self._f = open(path, "a", encoding="utf-8", newline="")
            if fmt == "csv":
                self._csv = csv.DictWriter(self._f, fieldnames=self.columns)
                if new:
                    self._csv.writeheader()

    def write(self, rows: List[Dict[str, object]]) -> Optional[str]:
        """Write rows durably; returns the part file name for Parquet."""
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            name = f"part-{self._part:06d}.parquet"
            self._part += 1
            table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in rows],
                                         schema=_arrow_schema(self.columns))
            tmp = self.path / f".{name}.tmp"
            pq.write_table(table, tmp)
            os.replace(tmp, self.path / name)
            return name
        for r in rows:
            if self.fmt == "csv":
                self._csv.writerow({c: r.get(c) for c in self.columns})
            else:
                self._f.write(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())
        return None

    def close(self):
        if self.fmt != "parquet":
            self._f.close()


def _arrow_schema(columns):
    import pyarrow as pa

    def arrow_type(c):
        return pa.float64() if c in FLOAT_COLUMNS else pa.int64() if c in INT_COLUMNS else pa.string()

    return pa.schema([(c, arrow_type(c)) for c in columns])


def _file_of(row_path: str) -> str:
    """The input file of a row's path (a .jsonl row's path is file:line)."""
    head, sep, tail = row_path.rpartition(":")
    return head if sep and tail.isdigit() else row_path


def prepare_resume(paths: Dict[str, Path], fmt: str) -> set:
    """Files recorded as done; rows of any other file are removed from the
    outputs (they belong to a file a killed run had not finished)."""
    done_file = paths["done"]
    if not done_file.exists():
        return set()
    done = {}
    for line in done_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            done[rec["file"]] = rec.get("parts", {})
    for table in ("measurements", "entities"):
        p = paths[table]
        if not p.exists():
            continue
        if fmt == "parquet":
            keep = {part for parts in done.values() for part in parts.get(table, [])}
            for f in p.glob("part-*.parquet"):
                if f.name not in keep:
                    f.unlink()
            for f in p.glob(".*.tmp"):
                f.unlink()
            continue
        tmp = p.with_name(p.name + ".resume-tmp")
        with open(p, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
            if fmt == "csv":
                reader = csv.DictReader(src)
                writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
                writer.writeheader()
                for row in reader:
                    if _file_of(row["path"]) in done:
                        writer.writerow(row)
            else:
                for line in src:
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut by the kill
                    if _file_of(row["path"]) in done:
                        dst.write(line)
        os.replace(tmp, p)
    return set(done)
