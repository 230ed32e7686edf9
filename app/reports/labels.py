"""Codes → the Chinese a reader expects, in the order tables list them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.domain import districts, industries
from app.domain.catalogue import CHANNELS, EVENT_TYPES, FEE_TYPES, INSTITUTION_STATUSES, STAFF_ROLES
from app.domain.enterprise_size import SIZE_LABELS
from app.domain.industry_data import SECTIONS

NOT_FILLED = "未填写"
SIZES = {size.value: label for size, label in SIZE_LABELS.items()}


def pick(labels: dict[str, str], code: str | None) -> str:
    """A pick-list label (service category, theme); the code itself when the list lacks it."""
    return labels.get(code or "", code or NOT_FILLED)


def size_label(code: str) -> str:
    return SIZES.get(code, code or "未划型")


def section_label(letter: str) -> str:
    return f"{letter} {industries.label(letter)}" if letter in SECTIONS else (letter or NOT_FILLED)


def district_label(name: str) -> str:
    return name or NOT_FILLED


def channel_label(code: str) -> str:
    return CHANNELS.get(code, code or NOT_FILLED)


def fee_label(code: str) -> str:
    return FEE_TYPES.get(code, code or NOT_FILLED)


def event_type_label(code: str) -> str:
    return EVENT_TYPES.get(code, code or NOT_FILLED)


def role_label(code: str) -> str:
    return STAFF_ROLES.get(code, code)


def institution_status_label(code: str) -> str:
    return INSTITUTION_STATUSES.get(code, code)


def ordered(counts: Mapping[str, int], order: Sequence[str]) -> list[tuple[str, int]]:
    """Known keys in the given order (zeros left out), then the rest by count."""
    known = [(k, counts[k]) for k in order if counts.get(k)]
    rest = sorted(((k, n) for k, n in counts.items() if k not in order and n), key=lambda kv: (-kv[1], kv[0]))
    return known + rest


SIZE_ORDER = [*SIZES, ""]
SECTION_ORDER = [*SECTIONS, ""]
DISTRICT_ORDER = [*districts.NAMES, ""]
CHANNEL_ORDER = list(CHANNELS)
FEE_ORDER = list(FEE_TYPES)
EVENT_TYPE_ORDER = list(EVENT_TYPES)
