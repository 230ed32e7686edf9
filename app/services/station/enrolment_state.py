"""Whether this profile is enrolled with HQ: the one check behind every "HQ maintains
this, read-only here" rule (pick-lists, policies, institutions and experts, the
station's own profile).

The profile_meta keys are the ones app.sync.enrolment writes (SERVER_KEY, CODE_KEY).
They are repeated here rather than imported: importing app.sync loads the HTTP client
and the keyring, which the GUI's start-up path must not pay for
(tests/test_startup_imports.py).  tests/services/test_enrolment_state.py checks that
the names stay equal.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ProfileMeta

SERVER_KEY = "sync_server"
CODE_KEY = "sync_station_code"


def is_enrolled(session: Session) -> bool:
    """True once the profile is linked to HQ (server and station code both recorded)."""
    keys = (SERVER_KEY, CODE_KEY)
    found = dict(session.execute(select(ProfileMeta.key, ProfileMeta.value).where(ProfileMeta.key.in_(keys))).all())
    return all(found.get(key) for key in keys)


# An HQ profile (app.hqdesk.profile: MODE_KEY, HQ_MODE) opens the HQ desk, not a station's pages.
MODE_KEY = "mode"
HQ_MODE = "hq"


def is_hq_profile(session: Session) -> bool:
    """True for a profile made by enrolling an HQ desk user's code (服务总站模式)."""
    return session.scalar(select(ProfileMeta.value).where(ProfileMeta.key == MODE_KEY)) == HQ_MODE
