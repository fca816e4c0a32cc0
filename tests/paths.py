"""Where the repo, the sample and ../shared are, for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data"
SHARED = REPO.parent / "shared"


def shared_or_skip() -> Path:
    """../shared holds the gold and the scorer; without it these tests cannot run (but CI has it)."""
    if not (SHARED / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing under CI")
        pytest.skip(f"{SHARED} (gold records and scorer) is not beside the repo")
    return SHARED
