"""The size inputs' memo (validation._number) and the lone-mobile shortcut (validation._phone)
answer as the general path would, for any cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.services.enterprises import validation

_FIELDS = ("employees", "revenue", "assets", "size_year")
_CELLS = (st.none() | st.booleans() | st.integers(-5, 10**16) | st.floats(allow_nan=True)
          | st.decimals(allow_nan=False, places=3) | st.text(alphabet="0123456789.,-万元人 ", max_size=8))


def _fresh(value: object, field: str) -> tuple[object, str | None]:
    try:
        return validation._parse_number(value, field), None
    except ValidationError as exc:
        return None, exc.message


def _memo(value: object, field: str) -> tuple[object, str | None]:
    try:
        return validation._number(value, field), None
    except ValidationError as exc:
        assert exc.field == field
        return None, exc.message


@given(st.lists(st.tuples(_CELLS, st.sampled_from(_FIELDS)), max_size=12))
@example([(1, "employees"), (True, "employees"), (1.0, "employees")])
@example([("1.5", "revenue"), ("1.5", "employees")])
@example([(Decimal("1.50"), "revenue"), (Decimal("1.5"), "revenue"), (1.5, "revenue")])
def test_the_memo_answers_as_a_fresh_parse(cells: list[tuple[object, str]]) -> None:
    validation._NUMBERS.clear()
    for _ in range(2):  # the first time fills the memo, the second reads it
        for value, field in cells:
            mine, fresh = _memo(value, field), _fresh(value, field)
            assert mine == fresh
            assert type(mine[0]) is type(fresh[0])
            if isinstance(mine[0], Decimal):
                assert str(mine[0]) == str(fresh[0])


def test_a_bool_is_not_taken_for_the_number_it_equals() -> None:
    validation._NUMBERS.clear()
    assert validation._number(1, "employees") == 1
    with pytest.raises(ValidationError, match="从业人员"):
        validation._number(True, "employees")


@given(st.text(alphabet="0123456789", min_size=10, max_size=12) | st.from_regex(r"1[0-9]{10}", fullmatch=True)
       | st.text(alphabet="0123456789 -+()/、转86", max_size=16))
@example("13800138000")
@example("12345678901")
@example("1380013800")
@example("138001380001")
def test_a_lone_mobile_number_is_taken_as_the_general_path_takes_it(raw: str) -> None:
    try:
        general: tuple[object, str | None] = validation._phones(raw), None
    except ValidationError as exc:
        general = None, exc.message
    try:
        mine: tuple[object, str | None] = validation._phone(raw, validation._as_is), None
    except ValidationError as exc:
        mine = None, exc.message
    assert mine == general
