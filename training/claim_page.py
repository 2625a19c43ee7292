"""Claim a public page for annotation, so parallel annotators never take the same page.

    python -m training.claim_page URL ANNOTATOR

Refuses (exit 1) a page that is reserved for evaluation outside the
repository (``../shared/reserved/check_reserved.py --url``), or that another
annotator already claimed. Claims are one line each in
``corpus/pages/claims.tsv`` (URL, annotator), appended under an exclusive
file lock.
"""
from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "corpus" / "pages" / "claims.tsv"
RESERVED = ROOT.parent / "shared" / "reserved" / "check_reserved.py"


def norm_url(url: str) -> str:
    u = url.strip().lower()
    for p in ("https://", "http://"):
        if u.startswith(p):
            u = u[len(p):]
    if u.startswith("www."):
        u = u[4:]
    return u.rstrip("/")


def is_reserved(url: str) -> bool:
    if not RESERVED.exists():
        raise SystemExit(f"{RESERVED} is missing: cannot check reserved pages")
    out = subprocess.run([sys.executable, str(RESERVED), "--url", url], capture_output=True, text=True)
    return out.stdout.strip() == "reserved"


def claim(url: str, who: str) -> str:
    if is_reserved(url):
        return "reserved"
    CLAIMS.parent.mkdir(parents=True, exist_ok=True)
    with open(CLAIMS, "a+", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.seek(0)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts and norm_url(parts[0]) == norm_url(url):
                return "taken by " + (parts[1] if len(parts) > 1 else "?")
        f.write(f"{url.strip()}\t{who}\n")
        f.flush()
    return "claimed"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__)
        return 2
    res = claim(argv[0], argv[1])
    print(res)
    return 0 if res == "claimed" else 1


if __name__ == "__main__":
    sys.exit(main())
