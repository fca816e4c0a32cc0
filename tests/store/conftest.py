"""What the store tests build from: the sample and the first three tuning digests, copied into a
folder of their own (tests add, rename and remove files there)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import REPO, SAMPLE_DIR

DIGESTS = REPO / "tests" / "data" / "digests"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for src in [*SAMPLE_DIR.glob("*.txt"), *sorted(DIGESTS.glob("*.txt"))[:3]]:
        shutil.copy(src, folder / src.name)
    return folder
