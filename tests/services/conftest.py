"""Fixtures the service tests share (`station` and `mark_enrolled` are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from . import World, make_world


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    """The seeded station of tests/services/__init__.py; a module may define its own."""
    return make_world(db)
