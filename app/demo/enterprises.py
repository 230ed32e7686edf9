"""Demo enterprises: unique names and credit codes, industries, sizes computed by the standard."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from app.demo import names
from app.demo.context import Ctx
from app.demo.industries import INDUSTRIES, size_inputs
from app.demo.names import Pick, between
from app.demo.texts import ENTERPRISE_NOTES
from app.domain import districts
from app.domain.credit_code import ALPHABET, VALUES, make_code
from app.domain.enterprise_size import classify
from app.models import Enterprise

COLUMNS = ("id", "name", "name_initials", "credit_code", "credit_code_warning", "industry_section", "industry_code",
           "district", "address", "legal_representative", "contact_name", "contact_phone", "employees", "revenue",
           "assets", "size_year", "size", "status", "notes")
STATUSES = Pick([("active", 95), ("closed", 3), ("moved", 2)])
NOTES = Pick(ENTERPRISE_NOTES)
DIGITS = "0123456789"


def district_pick(home: str) -> Pick[str]:
    """Half the enterprises sit in the station's own district, the rest spread over the city."""
    others = [(name, 1.0) for name in districts.NAMES if name != home]
    return Pick([(home, float(len(others))), *others])


def org_code(rng: random.Random) -> str:
    """Nine characters of GB 11714: post-2015 `MA…` codes mostly, older all-digit ones too."""
    if rng.random() < 0.7:
        return "MA" + "".join(ALPHABET[int(rng.random() * 31)] for _ in range(7))
    return "".join(DIGITS[int(rng.random() * 10)] for _ in range(8)) + "0123456789X"[int(rng.random() * 11)]


def existing_keys(ctx: Ctx) -> tuple[set[str], set[str]]:
    """Names and 17-character code bodies already in the database (a second run must not collide)."""
    table = Enterprise.__table__
    rows = ctx.conn.execute(select(table.c.name, table.c.credit_code)).all()
    return {name for name, _ in rows}, {code[:17] for _, code in rows if code}


def enterprise_rows(ctx: Ctx, count: int, bind: Any) -> Iterator[tuple[Any, ...]]:
    """Rows in COLUMNS order, already bound; appends each new id to ctx.enterprise_ids."""
    rng = ctx.rng("enterprise")
    rnd = rng.random
    taken_names, taken_codes = existing_keys(ctx)
    pick_district = district_pick(ctx.station_district)
    bind_revenue, bind_assets = bind("revenue"), bind("assets")
    flag = {True: bind("credit_code_warning")(True), False: bind("credit_code_warning")(False)}
    size_year = ctx.today.year - 1
    for _ in range(count):
        district = pick_district(rng)
        industry = INDUSTRIES(rng)
        word = industry.words[int(rnd() * len(industry.words))]
        name, initials = names.company_name(rng, word, taken_names.__contains__)
        taken_names.add(name)
        code, warning = _credit_code(rng, district, taken_codes)
        legal = names.person(rng)
        contact = legal if rnd() < 0.6 else names.person(rng)
        phone = names.mobile(rng) if rnd() < 0.95 else ""
        employees, revenue, assets = size_inputs(rng, industry)
        size = classify(industry.row, employees, revenue, assets)
        new_id = ctx.new_id()
        ctx.enterprise_ids.append(new_id)
        yield (new_id, name, initials, code, flag[warning], industry.section, industry.code, district,
               names.address(rng, district), legal, contact, phone, employees, bind_revenue(revenue),
               bind_assets(assets), size_year, size.value if size else None, STATUSES(rng), NOTES(rng))


def _credit_code(rng: random.Random, district: str, taken: set[str]) -> tuple[str | None, bool]:
    roll = rng.random()
    if roll < 0.02:
        return None, False  # not known yet: shows up on the data-quality list
    while True:
        body = "91" + districts.DISTRICTS[district] + org_code(rng)
        if body not in taken:
            taken.add(body)
            break
    code = make_code(body)
    if roll < 0.03:  # an early pilot code that fails the checksum, accepted with a warning
        wrong = ALPHABET[(VALUES[code[17]] + between(rng, 1, 30)) % 31]
        return body + wrong, True
    return code, False
