from pathlib import Path

import pytest

from kg.store import GraphStore

FIXTURE = Path(__file__).parent / "fixture.ttl"
TWO_MEETINGS = Path(__file__).parents[1] / "data" / "query_fixture.ttl"  # 晋中, 2023 and 2024


@pytest.fixture(scope="session")
def fixture_store() -> GraphStore:
    return GraphStore.from_file(FIXTURE)


@pytest.fixture(scope="session")
def two_meetings_store() -> GraphStore:
    return GraphStore.from_file(TWO_MEETINGS)
