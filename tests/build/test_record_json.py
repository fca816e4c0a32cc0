"""record_json gives json.dumps(…, ensure_ascii=False, indent=1)'s bytes for any JSON value: real
records, and values made up by hypothesis (odd strings, floats, nesting, non-string keys)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from paths import REPO

from kg.build.record_json import record_json
from kg.pipeline import extract_file
from kg.records import to_record

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                      | st.tuples(inner, inner)
                      | st.dictionaries(st.integers(), inner, max_size=2), max_leaves=30)


def reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def test_real_records() -> None:
    for path in sorted((REPO / "tests" / "data" / "digests").glob("*.txt"))[:4]:
        record = to_record(extract_file(path))
        assert record["speeches"]
        assert record_json(record) == reference(record)


@given(VALUES)
def test_any_json_value(value: object) -> None:
    assert record_json(value) == reference(value)
