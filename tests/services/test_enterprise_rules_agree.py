"""The enterprise form and HQ check one definition (app/domain/row_rules): whatever the
form accepts, at its longest, HQ accepts too, and one character more the form refuses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.credit_code import make_code
from app.domain.errors import ValidationError
from app.domain.row_rules import row_problem
from app.domain.row_rules.tables import ENTERPRISE
from app.services.enterprises.validation import EnterpriseInput, check_fields

LONGEST = EnterpriseInput(
    credit_code=make_code("91440101MA59UQXX8"),
    name="名" * 200,
    district="天河区",
    address="址" * 300,
    legal_representative="法" * 100,
    contact_name="联" * 100,
    contact_phone="13800138000",
    employees=10,
    revenue="12.34",
    assets=5,
    size_year=2024,
    status="正常",
    notes="备" * 2000,
    industry_section="C",
)


def wire(columns: dict[str, object]) -> dict[str, object]:
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in columns.items()}


def test_the_longest_form_values_pass_hqs_rules() -> None:
    values, _ = check_fields(LONGEST)
    assert row_problem("enterprise", wire(values.columns())) is None


@pytest.mark.parametrize("field", ["name", "address", "legal_representative", "contact_name", "notes"])
def test_one_character_over_the_shared_limit_is_refused_by_the_form(field: str) -> None:
    limit = ENTERPRISE[field].max_len
    assert limit is not None
    with pytest.raises(ValidationError) as caught:
        check_fields(EnterpriseInput(**{**LONGEST.__dict__, field: "长" * (limit + 1)}))
    assert caught.value.field == field
