"""GB/T 4754-2017 industries: look-ups and parsing of what spreadsheets contain.

``parse_industry`` understands section letters (``C``), division codes in any
dress (``52``, ``C52``, ``５２``, ``52.0``, ``5`` for 05 after Excel dropped the
zero), finer codes (``7010``, ``6510``), official section / division names with
or without 和/及/、, and the everyday words in ``industry_data.SYNONYMS``; a
code may be followed by its name (``I65 软件和信息技术服务业``).

Decisions:
- A name naming a whole section gives the section with ``code=None``:
  ``批发零售业`` → F.  The size standard then cannot pick wholesale or retail,
  so ``enterprise_size.standard_row`` returns None and the user is asked.
- Words spanning sections (工业, 服务业) give None rather than a guess.
- A code and a name, or a letter and a code, that disagree (``52 批发业``,
  ``C52`` — 52 is in F) give None.
- A finer code is accepted when its division exists; its label is the finer
  name when ``FINER`` knows it, else the division's.  Trap: Excel turns the
  class ``0511`` into ``511``, which reads as group 511 of wholesale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain.industry_data import DIVISIONS, FINER, SECTION_RANGES, SECTIONS, SYNONYMS
from app.domain.text_normalise import tidy_text

DIVISION_SECTION: dict[str, str] = {
    f"{n:02d}": letter for letter, (first, last) in SECTION_RANGES.items() for n in range(first, last + 1)
}


@dataclass(frozen=True)
class IndustryMatch:
    section: str  # A–T
    code: str | None  # division (2 digits) or finer (3–4 digits); None = section only
    label: str


_DROP = re.compile(r"[\s、,，.。·・()（）\[\]【】\-—_/:：和及与]")
_SUFFIXES = ("行业", "企业", "类", "业")
_CODE = re.compile(r"^([A-Z])?[-_:.\s]*(\d{1,4})(?:\.0+)?$")
_COMBINED = re.compile(r"^[(\[【]?([A-Z])?[-_:.\s]*(\d{1,4})?[-_:.、)）\]】\s]*([^\d\-_:.、)）\]】\s].*)$")


def _key(text: str) -> str:
    return _DROP.sub("", text.upper())


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for target, name in [*SECTIONS.items(), *DIVISIONS.items()]:
        index[_key(name)] = target  # a division named like its section (70, 83, 97) wins
    index |= {_key(name): code for code, name in FINER.items() if len(code) == 4}
    for word, target in SYNONYMS.items():
        index.setdefault(_key(word), target)
    for key, target in list(index.items()):  # 零售业 → 零售, unless that is taken
        if key.endswith("业") and len(key) > 2:
            index.setdefault(key[:-1], target)
    return index


_INDEX = _build_index()


def section_of(code: str | None) -> str | None:
    """The section letter of a division or finer code (``"5210"`` → ``"F"``); a letter maps to itself."""
    code = tidy_text(code).upper()
    if code in SECTIONS:
        return code
    if code.isdigit() and 2 <= len(code) <= 4:
        return DIVISION_SECTION.get(code[:2])
    return None


def label(section: str | None, code: str | None = None) -> str:
    """The most specific official name known: finer, then division, then section; "" if none."""
    code = tidy_text(code)
    return FINER.get(code) or DIVISIONS.get(code[:2], "") or SECTIONS.get(tidy_text(section).upper(), "")


def divisions_of(section: str) -> list[tuple[str, str]]:
    """(code, name) of the section's divisions, for pick-lists."""
    return [(code, DIVISIONS[code]) for code, letter in DIVISION_SECTION.items() if letter == section]


def _match(target: str) -> IndustryMatch | None:
    if target in SECTIONS:
        return IndustryMatch(target, None, SECTIONS[target])
    section = section_of(target)
    return IndustryMatch(section, target, label(section, target)) if section else None


def _from_code(letter: str | None, digits: str) -> IndustryMatch | None:
    code = digits.zfill(2)
    found = _match(code) if len(code) <= 4 else None
    if found is None or (letter and letter != found.section):
        return None
    return found


def _from_name(text: str) -> IndustryMatch | None:
    key = _key(text)
    for _ in range(3):  # 餐饮行业 → 餐饮; 软件业 → 软件; 服务业 → 服务 → unknown
        if key in _INDEX:
            return _match(_INDEX[key])
        suffix = next((s for s in _SUFFIXES if key.endswith(s) and len(key) > len(s)), None)
        if suffix is None:
            return None
        key = key[: -len(suffix)]
    return None


def parse_industry(text: object) -> IndustryMatch | None:
    """Best reading of a spreadsheet cell, or None when it is empty, unknown or ambiguous."""
    if isinstance(text, Decimal) and text.is_finite() and text == text.to_integral_value():
        text = int(text)  # clean_text already renders the float 52.0 as "52"
    cleaned = tidy_text(text).upper()
    if not cleaned:
        return None
    if cleaned in SECTIONS:
        return _match(cleaned)
    if match := _CODE.match(cleaned):
        return _from_code(match.group(1), match.group(2))
    if found := _from_name(cleaned):
        return found
    match = _COMBINED.match(cleaned)
    if match is None or not (match.group(1) or match.group(2)):
        return None
    letter, digits, name = match.groups()
    by_name = _from_name(name)
    if digits:
        by_code = _from_code(letter, digits)
        if by_code is None or by_name is None:
            return by_code  # an unrecognised name after a good code is ignored
        a = by_code.code or ""
        b = by_name.code or a  # a section name agrees with any code in it
        agrees = by_name.section == by_code.section and (a.startswith(b) or b.startswith(a))
        return by_code if agrees else None
    if letter not in SECTIONS or by_name is None or by_name.section != letter:
        return None
    return by_name
