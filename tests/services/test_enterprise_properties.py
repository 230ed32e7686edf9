"""Hypothesis on the enterprise form: whatever is typed, the service either saves one whole
row or raises a UserError naming a field — never another exception, never a partial save."""

from __future__ import annotations

import uuid
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.credit_code import ALPHABET, make_code
from app.domain.districts import NAMES
from app.domain.errors import UserError
from app.models import Enterprise
from app.models.database import Database
from app.services.enterprises import registry as svc
from app.services.enterprises.registry import FIELD_LABELS, EnterpriseInput
from app.services.station.identity import NewStation, create_station, current_station

codes = st.text(alphabet=ALPHABET, min_size=17, max_size=17).map(make_code)
cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=12)
amounts = st.one_of(
    st.none(), st.integers(min_value=0, max_value=10**6), st.decimals(min_value=0, max_value=10**6, places=2),
    st.sampled_from(["1,234.5", "12.5万", "1.2亿", "３００", "", "5人", "0"]),
)
# Mostly plausible form values (so that many examples save) …
plausible = st.fixed_dictionaries({
    "credit_code": st.one_of(
        st.just(""), codes,
        codes.map(lambda c: c[:17] + ALPHABET[(ALPHABET.index(c[17]) + 1) % 31]),  # wrong check character
        codes.map(lambda c: " " + c.lower().replace("9", "９") + "-"),  # full width, lower case, spaces
    ),
    "name": st.one_of(cjk.map(lambda n: f"广州{n}有限公司"), st.sampled_from(["广州云帆科技有限公司", "云帆科枝（广州）有限公司"])),
    "industry_section": st.sampled_from(["", "", "C", "制造业"]),
    "industry_code": st.sampled_from(["", "6510", "5212", "7010", "13", "软件和信息技术服务业"]),
    "district": st.sampled_from([*NAMES, "天河", "440106", "萝岗区"]),
    "address": cjk, "legal_representative": cjk, "contact_name": cjk,
    "contact_phone": st.sampled_from(
        ["", "13800138000", "020-38881380", "13800138000/02038881380", "+86 139 2200 1234"]
    ),
    "employees": st.one_of(
        st.none(), st.integers(min_value=0, max_value=10**5), st.sampled_from(["1,200", "５０", "8人"])
    ),
    "revenue": amounts, "assets": amounts,
    "size_year": st.one_of(st.none(), st.integers(min_value=2000, max_value=2025)),
    "status": st.sampled_from(["active", "正常", "迁出", "", "closed"]),
    "notes": st.text(max_size=300),
})
# … with up to three fields replaced by anything at all.
anything = st.one_of(
    st.none(), st.booleans(), st.text(max_size=60), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(["-1", "1e400", "(5)", "很多", "x" * 201, "\x00", "NaN", "Infinity", "9" * 40]),
    st.binary(max_size=5), st.lists(st.integers(), max_size=2),
)
inputs = st.builds(
    lambda base, junk: EnterpriseInput(**(base | junk)),
    plausible,
    st.dictionaries(st.sampled_from(list(FIELD_LABELS)), anything, max_size=3),
)


def _rows(db: Database) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Enterprise)) or 0)


def _assert_names_a_field(error: UserError) -> None:
    assert error.field in FIELD_LABELS, error
    assert FIELD_LABELS[error.field].split("（")[0] in error.message, error.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=inputs, confirm=st.booleans())
def test_create_saves_whole_or_names_a_field(db: Database, data: EnterpriseInput, confirm: bool) -> None:
    with db.begin() as s:
        if current_station(s) is None:
            create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="王站长"))
    before = _rows(db)
    try:
        with db.begin() as s:
            saved = svc.create(s, data, confirm_check_warning=confirm)
    except UserError as error:
        event(f"refused: {error.field}")
        _assert_names_a_field(error)
        assert _rows(db) == before
        return
    event("saved")
    assert _rows(db) == before + 1
    assert saved.name.strip() and saved.district in NAMES
    assert saved.revenue is None or (saved.revenue >= 0 and saved.revenue == saved.revenue.quantize(Decimal("0.01")))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attempt=inputs)
def test_update_changes_all_or_nothing(db: Database, attempt: EnterpriseInput) -> None:
    with db.begin() as s:
        if current_station(s) is None:
            create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="王站长"))
            svc.create(s, EnterpriseInput(name="广州固定测试有限公司", district="天河区"))
        target: uuid.UUID = s.scalars(select(Enterprise.id).where(Enterprise.name_initials == "gzgdcsyxgs")).one()
        before = svc.get(s, target)
    try:
        with db.begin() as s:
            after = svc.update(s, target, attempt, before.version, confirm_check_warning=True)
    except UserError as error:
        event(f"refused: {error.field}")
        _assert_names_a_field(error)
        with db.begin() as s:
            assert svc.get(s, target) == before
        return
    event("saved")
    assert after.version == before.version + 1
    with db.begin() as s:  # put the fixed row back for the next example
        svc.update(s, target, EnterpriseInput(name="广州固定测试有限公司", district="天河区"), after.version)
