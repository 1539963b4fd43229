"""Each test leaves the process's FAQ retriever as it found it (faq.live is process-wide)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from faq import live


@pytest.fixture(autouse=True)
def fresh_retriever() -> Iterator[None]:
    live.swap(None)
    yield
    live.swap(None)


# The support desk's app, staff and logged-in clients (tests/support/conftest.py).
from tests.support.conftest import client, clock, stack  # noqa: E402, F401
