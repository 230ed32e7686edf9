"""中小企业划型标准: every bound of all 16 rows, mixed cases, row mapping, monotonicity."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.enterprise_size import STANDARD, Size, classify, missing_inputs, size_for, standard_row

# Independent copy of the table in domain-facts.md: row -> indicator -> (large, medium, small).
TABLE: dict[str, dict[str, tuple[int, int, int]]] = {
    "agriculture": {"revenue": (20000, 500, 50)},
    "industry": {"employees": (1000, 300, 20), "revenue": (40000, 2000, 300)},
    "construction": {"revenue": (80000, 6000, 300), "assets": (80000, 5000, 300)},
    "wholesale": {"employees": (200, 20, 5), "revenue": (40000, 5000, 1000)},
    "retail": {"employees": (300, 50, 10), "revenue": (20000, 500, 100)},
    "transport": {"employees": (1000, 300, 20), "revenue": (30000, 3000, 200)},
    "warehousing": {"employees": (200, 100, 20), "revenue": (30000, 1000, 100)},
    "postal": {"employees": (1000, 300, 20), "revenue": (30000, 2000, 100)},
    "accommodation": {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)},
    "catering": {"employees": (300, 100, 10), "revenue": (10000, 2000, 100)},
    "information_transmission": {"employees": (2000, 100, 10), "revenue": (100000, 1000, 100)},
    "software": {"employees": (300, 100, 10), "revenue": (10000, 1000, 50)},
    "real_estate": {"revenue": (200000, 1000, 100), "assets": (10000, 5000, 2000)},
    "property_management": {"employees": (1000, 300, 100), "revenue": (5000, 1000, 500)},
    "leasing": {"employees": (300, 100, 10), "assets": (120000, 8000, 100)},
    "other": {"employees": (300, 100, 10)},
}
LEVELS = [Size.LARGE, Size.MEDIUM, Size.SMALL, Size.MICRO]
RANK = {size: rank for rank, size in enumerate(reversed(LEVELS))}  # micro 0 … large 3
STEP = {"employees": 1, "revenue": Decimal("0.01"), "assets": Decimal("0.01")}

BOUNDARY_CASES = [
    (row, indicator, level)
    for row, bounds in TABLE.items()
    for indicator in bounds
    for level in range(3)
]


def run(row: str, values: dict[str, object]) -> Size | None:
    return classify(row, values.get("employees"), values.get("revenue"), values.get("assets"))  # type: ignore[arg-type]


def test_module_table_matches_the_reference() -> None:
    assert len(TABLE) == 16
    assert {row: dict(r.bounds) for row, r in STANDARD.items()} == TABLE


@pytest.mark.parametrize(("row", "indicator", "level"), BOUNDARY_CASES)
def test_exactly_at_the_bound_and_one_step_below(row: str, indicator: str, level: int) -> None:
    bounds = TABLE[row]
    at = {ind: b[level] for ind, b in bounds.items()}  # every indicator exactly at this level
    assert run(row, at) is LEVELS[level]
    below = at | {indicator: bounds[indicator][level] - STEP[indicator]}
    assert run(row, below) is LEVELS[level + 1]
    if indicator != "employees":  # floats from Excel behave the same
        assert run(row, at | {indicator: float(bounds[indicator][level]) - 0.01}) is LEVELS[level + 1]
        assert run(row, at | {indicator: float(bounds[indicator][level])}) is LEVELS[level]


@pytest.mark.parametrize("row", [row for row, bounds in TABLE.items() if len(bounds) == 2])
def test_mixed_levels_take_the_lower(row: str) -> None:
    first, second = TABLE[row]
    for high in range(3):
        for low in range(high, 4):
            low_value = TABLE[row][second][2] - STEP[second] if low == 3 else TABLE[row][second][low]
            values = {first: TABLE[row][first][high], second: low_value}
            assert run(row, values) is LEVELS[low]
            swapped = {second: TABLE[row][second][high],
                       first: TABLE[row][first][2] - STEP[first] if low == 3 else TABLE[row][first][low]}
            assert run(row, swapped) is LEVELS[low]


@pytest.mark.parametrize("row", list(TABLE))
def test_micro_when_any_one_indicator_is_below_small(row: str) -> None:
    huge = {ind: b[0] * 10 for ind, b in TABLE[row].items()}
    assert run(row, huge) is Size.LARGE
    for ind in TABLE[row]:
        assert run(row, huge | {ind: 0}) is Size.MICRO


@pytest.mark.parametrize(
    ("section", "code", "employees", "revenue", "assets", "expected"),
    [
        ("C", None, 350, 2500, None, Size.MEDIUM),
        ("C", None, 350, 250, None, Size.MICRO),
        ("F", "52", 60, 300, None, Size.SMALL),
        ("E", None, None, 7000, 4000, Size.SMALL),
    ],
)
def test_worked_examples(section, code, employees, revenue, assets, expected) -> None:  # type: ignore[no-untyped-def]
    assert size_for(section, code, employees, revenue, assets) is expected


@pytest.mark.parametrize("row", list(TABLE))
def test_missing_inputs_give_none(row: str) -> None:
    full = {ind: b[1] for ind, b in TABLE[row].items()}
    assert run(row, full) is Size.MEDIUM  # indicators the row does not use may stay empty
    assert missing_inputs(row, full.get("employees"), full.get("revenue"), full.get("assets")) == []
    for ind in TABLE[row]:
        partial = full | {ind: None}
        assert run(row, partial) is None
        assert len(missing_inputs(row, partial.get("employees"), partial.get("revenue"), partial.get("assets"))) == 1
    assert classify(None, 10, 10, 10) is None
    assert missing_inputs(None, 1, 1, 1) == ["所属行业（需细到大类）"]


@pytest.mark.parametrize("bad", [-1, Decimal("-0.01"), float("nan"), float("inf")])
def test_impossible_inputs_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        classify("other", bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("section", "code", "row"),
    [
        ("A", None, "agriculture"), ("A", "05", "agriculture"), ("B", "06", "industry"), ("C", None, "industry"),
        ("C", "39", "industry"), ("D", "44", "industry"), ("E", None, "construction"), ("E", "50", "construction"),
        ("F", "51", "wholesale"), ("F", "5131", "wholesale"), ("F", "52", "retail"), ("F", None, None),
        ("G", None, None), ("G", "53", "other"), ("G", "54", "transport"), ("G", "58", "transport"),
        ("G", "59", "warehousing"), ("G", "60", "postal"), ("H", "61", "accommodation"), ("H", "62", "catering"),
        ("H", None, "accommodation"), ("I", None, None), ("I", "63", "information_transmission"),
        ("I", "64", "information_transmission"), ("I", "65", "software"), ("I", "6510", "software"),
        ("K", None, None), ("K", "70", None), ("K", "701", "real_estate"), ("K", "7010", "real_estate"),
        ("K", "702", "property_management"), ("K", "7020", "property_management"), ("K", "703", "other"),
        ("L", None, "leasing"), ("L", "72", "leasing"), ("M", None, "other"), ("O", "80", "other"),
        ("J", "66", "other"), ("c", " 39 ", "industry"), (None, "52", "retail"), (None, "7010", "real_estate"),
        (None, None, None), ("", "", None), ("C", "52", None), ("X", None, None), (None, "98", None),
    ],
)
def test_standard_row(section: str | None, code: str | None, row: str | None) -> None:
    assert standard_row(section, code) == row


def test_accommodation_and_catering_share_bounds() -> None:
    # standard_row("H") without a division relies on this.
    assert TABLE["accommodation"] == TABLE["catering"]


def test_labels() -> None:
    assert [s.label for s in LEVELS] == ["大型", "中型", "小型", "微型"]


amounts = st.decimals(min_value=0, max_value=300000, places=2, allow_nan=False)


@given(
    st.sampled_from(list(TABLE)),
    st.integers(0, 3000), amounts, amounts,
    st.sampled_from(["employees", "revenue", "assets"]),
    st.decimals(min_value=0, max_value=100000, places=2),
)
def test_raising_an_input_never_lowers_the_size(row, employees, revenue, assets, which, extra) -> None:  # type: ignore[no-untyped-def]
    before = classify(row, employees, revenue, assets)
    values = {"employees": employees, "revenue": revenue, "assets": assets}
    values[which] += int(extra) if which == "employees" else extra
    after = classify(row, values["employees"], values["revenue"], values["assets"])
    assert before is not None and after is not None
    assert RANK[after] >= RANK[before]


def _by_the_definition(row: str, values: dict[str, object]) -> Size | None:
    """The standard read literally: the first level all of the row's indicators reach."""
    if any(values[ind] is None for ind in TABLE[row]):
        return None
    for level, size in enumerate((Size.LARGE, Size.MEDIUM, Size.SMALL)):
        if all(Decimal(str(values[ind])) >= TABLE[row][ind][level] for ind in TABLE[row]):
            return size
    return Size.MICRO


_INPUT = st.none() | st.integers(0, 300_000) | st.decimals(0, 300_000, places=2) | st.sampled_from([0, 5, 10, 20, 50, 100, 300, 1000, 2000, 5000, 10000, 40000])


@given(st.sampled_from(sorted(TABLE)), _INPUT, _INPUT, _INPUT)
def test_classify_is_the_definition(row: str, employees, revenue, assets) -> None:  # type: ignore[no-untyped-def]
    values = {"employees": employees, "revenue": revenue, "assets": assets}
    assert classify(row, employees, revenue, assets) is _by_the_definition(row, values)
