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


# The awkward cases of the genre in one small build (tests/store/test_union.py compares every named
# question across engines on it, tests/view/test_counts_agree.py the counts shown elsewhere):
# news pages without a year (tests/ask/corpus/*-undated.txt and the sample digest), untitled
# speeches and speeches without a party (the news reports), one person at three meetings for two
# units (张建军: 农工党乾县总支, and a committee of the 政协 at 10-2), one problem at dated and undated
# meetings, one only at undated meetings, regions several pages share (乾县, 礼泉县), and one meeting
# reported twice under two names, once in traditional characters (婺源 11-4).
AWKWARD_CORPUS = ("tests/ask/corpus", "tests/data/news/qianxian-cppcc-10-3-report.txt",
                  "tests/data/news/wuyuan-cppcc-11-4-report.txt",
                  "tests/data/news-holdout/wuyuan-cppcc-11-4-report-hant.txt",
                  "data/jinzhong-cppcc-5-3-speeches.txt", "tests/data/digests/jinzhong-cppcc-5-4-speeches.txt")


@pytest.fixture(scope="session")
def awkward_build(tmp_path_factory):
    """The awkward corpus built by the real CLI (`kg build … -o OUT --no-page`); OUT and what it printed."""
    import subprocess
    import sys

    from paths import REPO

    out = tmp_path_factory.mktemp("awkward") / "outputs"
    done = subprocess.run([sys.executable, "-m", "kg", "build", *AWKWARD_CORPUS, "-o", str(out), "--no-page",
                           "-j", "2"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out, done.stdout + done.stderr
