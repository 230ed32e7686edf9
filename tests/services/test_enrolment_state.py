"""The one "is this profile enrolled with HQ" check that every read-only-once-enrolled
rule uses (pick-lists, policies, institutions and experts, the station profile)."""

from __future__ import annotations

import pytest

from app.models import ProfileMeta
from app.services.station import enrolment_state
from app.sync import enrolment


def test_reads_the_keys_enrolment_writes() -> None:
    # repeated, not imported: app.sync loads the HTTP client and keyring (start-up path)
    assert (enrolment_state.SERVER_KEY, enrolment_state.CODE_KEY) == (enrolment.SERVER_KEY, enrolment.CODE_KEY)
    from app.hqdesk import profile_kinds  # an HQ profile's mark (issue 12)

    assert (enrolment_state.MODE_KEY, enrolment_state.HQ_MODE) == (profile_kinds.MODE_KEY, profile_kinds.HQ_MODE)


def test_enrolled_once_both_server_and_code_are_recorded(db, mark_enrolled) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        assert not enrolment_state.is_enrolled(s)
    mark_enrolled()
    with db.sessions() as s:
        assert enrolment_state.is_enrolled(s)


@pytest.mark.parametrize(
    "meta",
    [
        {enrolment.SERVER_KEY: "https://hq.example"},
        {enrolment.CODE_KEY: "GZ-TH-001"},
        {enrolment.SERVER_KEY: "https://hq.example", enrolment.CODE_KEY: ""},
        {enrolment.SERVER_KEY: "", enrolment.CODE_KEY: "GZ-TH-001"},
    ],
)
def test_half_a_link_is_not_enrolled(db, meta: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        s.add_all([ProfileMeta(key=key, value=value) for key, value in meta.items()])
    with db.sessions() as s:
        assert not enrolment_state.is_enrolled(s)
