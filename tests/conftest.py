"""Shared fixtures."""

from __future__ import annotations

import json

import pytest
from paths import shared_or_skip


@pytest.fixture(scope="session")
def sample_gold() -> dict:
    shared = shared_or_skip()
    (gold,) = sorted((shared / "gold").glob("*.json"))
    return json.loads(gold.read_text(encoding="utf-8"))
