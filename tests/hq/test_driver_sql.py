"""`driver()`: text()-style parameters in psycopg's style, never inside quotes."""

from __future__ import annotations

import pytest

from app.hq.driver_sql import driver


def test_parameters_become_pyformat_and_casts_and_quoted_colons_stay() -> None:
    sql = "SELECT x::text, CAST(:ids AS uuid[]), 'credit_code:' || k, 'a :b' FROM t WHERE id = :id AND n = :n_2"
    assert driver(sql) == ("SELECT x::text, CAST(%(ids)s AS uuid[]), 'credit_code:' || k, 'a :b' FROM t "
                           "WHERE id = %(id)s AND n = %(n_2)s")


@pytest.mark.parametrize("sql", ["SELECT 'a%' WHERE x = :x", "SELECT 'unbalanced :x"])
def test_what_it_cannot_translate_safely_is_refused(sql: str) -> None:
    with pytest.raises(ValueError):
        driver(sql)
