"""Shared fixtures: the loaded pipeline (once per session) and the data.

Tests that read ``../shared/data`` skip with a reason when it is absent (a
user's clone); CI sets PDCNLP_REQUIRE_SHARED_DATA=1 so they fail instead of
skipping silently.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = Path(os.environ.get("PDCNLP_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def require_shared(sub: str) -> Path:
    path = SHARED_DATA / sub
    if not path.exists():
        if os.environ.get("PDCNLP_REQUIRE_SHARED_DATA") == "1":
            pytest.fail(f"{path} is required in CI but missing")
        pytest.skip(f"{path} not present (shared data lives beside the checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    import pdcnlp

    return pdcnlp.load()


@pytest.fixture(scope="session")
def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in SEED_FILES}


# training/ is a top-level package of the repository, not of the installed
# distribution: make it importable when tests run from a checkout.
import sys as _sys

if str(ROOT) not in _sys.path:
    _sys.path.insert(0, str(ROOT))
