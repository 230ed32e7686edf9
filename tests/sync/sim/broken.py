"""Broken variants of HQ's trust boundary, for showing that the simulation notices (the
test's and the soak's `--broken`): each swaps one check in app/hq for a no-op while active."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from app.hq import enterprise_requests, merge
from app.hq import push as hq_push

# name → (module, attribute, stand-in)
HQ_BROKEN: dict[str, tuple[Any, str, Any]] = {
    "no_row_validation": (hq_push, "_valid", lambda ctx, row: True),  # app.hq.push._valid: every row passes
    "no_clamp": (merge, "clamp", lambda ctx, hlc: hlc),  # far-future stamps kept as sent
    "no_hold": (enterprise_requests, "others_stake", lambda *args: False),  # every deletion and merge applied
}


@contextlib.contextmanager
def hq_broken(name: str | None) -> Iterator[None]:
    if name is None:
        yield
        return
    module, attribute, stand_in = HQ_BROKEN[name]
    original = getattr(module, attribute)
    setattr(module, attribute, stand_in)
    try:
        yield
    finally:
        setattr(module, attribute, original)
