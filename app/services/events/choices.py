"""The pick-lists the event form offers: theme months (主题月) and the policies a policy
briefing (政策宣贯会) may explain."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.periods import CHINA_TIME
from app.models import Policy
from app.services import pick_lists


@dataclass(frozen=True)
class PolicyChoice:
    id: uuid.UUID
    title: str
    issuer: str
    issued_on: date | None

    @property
    def label(self) -> str:
        return f"{self.title}（{self.issuer}）" if self.issuer else self.title


@dataclass(frozen=True)
class ThemeChoices:
    """Theme tags a form may offer: code → label (the active list) and every label known."""

    active: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def theme_choices(session: Session) -> ThemeChoices:
    return ThemeChoices(
        pick_lists.active_codes(session, pick_lists.EVENT_THEME), pick_lists.labels(session, pick_lists.EVENT_THEME)
    )


def policy_choices(session: Session, *, include: tuple[uuid.UUID, ...] = ()) -> list[PolicyChoice]:
    """Live policies a briefing can explain, newest first (`include`: ids already chosen,
    listed even when they have expired since)."""
    rows = session.execute(
        select(Policy.id, Policy.title, Policy.issuer, Policy.issued_on, Policy.expires_on)
        .where(Policy.deleted.is_(False))
        .order_by(Policy.issued_on.desc(), Policy.title)
    ).all()
    today = datetime.now(CHINA_TIME).date()
    return [
        PolicyChoice(r.id, r.title, r.issuer, r.issued_on)
        for r in rows
        if r.expires_on is None or r.expires_on >= today or r.id in include
    ]
