from pathlib import Path

import pytest

from kg.store import GraphStore

FIXTURE = Path(__file__).parent / "fixture.ttl"


@pytest.fixture(scope="session")
def fixture_store() -> GraphStore:
    return GraphStore.from_file(FIXTURE)
