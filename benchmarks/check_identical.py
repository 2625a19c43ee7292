"""Behaviour check for refactors: every output table on fixed inputs, hashed.

Runs ``pdcnlp extract`` (the command line, the one path every user takes) on

* ``seeds/`` (the five bundled articles), and
* the first 200 records of each JSONL file of ``../shared/data/political_corpora``
  (they hold 88 records in all, so all of them), written to one JSONL input
  at a FIXED path (``/tmp/pdcnlp_check_input/political.jsonl``) so that the
  ``path`` column is the same on every run,

and writes the measurements and entities tables (CSV) and the errors log
into OUT, with ``hashes.json`` (sha256 of each table). Run it before and
after a change and compare:

    python benchmarks/check_identical.py /tmp/before
    python benchmarks/check_identical.py /tmp/after
    python benchmarks/check_identical.py --compare /tmp/before /tmp/after

Why the command line and not a Python function: module paths change in a
restructure; the command and its outputs are the contract.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PDCNLP_SHARED_DATA", ROOT.parent / "shared" / "data"))
INPUT_DIR = Path("/tmp/pdcnlp_check_input")
N_RECORDS = 200
TABLES = ("seeds.csv", "seeds.entities.csv", "seeds.csv.errors.jsonl",
          "political.csv", "political.entities.csv", "political.csv.errors.jsonl")


def political_input() -> Path:
    """The first N_RECORDS records of each political corpus file, as one JSONL."""
    INPUT_DIR.mkdir(parents=True, exist_ok=True)
    out = INPUT_DIR / "political.jsonl"
    lines = []
    for f in sorted((SHARED / "political_corpora").glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= N_RECORDS:
                    break
                lines.append(line if line.endswith("\n") else line + "\n")
    out.write_text("".join(lines), encoding="utf-8")
    return out


def extract(args, output: Path):
    cmd = [sys.executable, "-m", "pdcnlp.cli", "extract", *args, "-o", str(output), "-q"]
    rc = subprocess.run(cmd, cwd=ROOT).returncode
    if rc not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} exited {rc}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    extract(["seeds/"], out / "seeds.csv")
    extract([str(political_input()), "--text-field", "content"], out / "political.csv")
    hashes = {name: sha256(out / name) for name in TABLES}
    (out / "hashes.json").write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")
    return hashes


def compare(a: Path, b: Path) -> int:
    ha = json.loads((a / "hashes.json").read_text())
    hb = json.loads((b / "hashes.json").read_text())
    bad = [k for k in TABLES if ha.get(k) != hb.get(k)]
    for k in TABLES:
        print(f"{'same' if k not in bad else 'DIFFERENT':9s} {k} {hb.get(k, '-')[:16]}")
    return 1 if bad else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dirs", nargs="+", type=Path, help="OUT, or two OUT folders with --compare")
    p.add_argument("--compare", action="store_true")
    a = p.parse_args()
    if a.compare:
        sys.exit(compare(*a.dirs))
    for k, v in run(a.dirs[0]).items():
        print(v[:16], k)


if __name__ == "__main__":
    main()
