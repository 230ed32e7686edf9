"""A policy's targets (适用行业、规模、区域), as stored: comma-separated codes, empty = all.

One definition for the station's own policy form (app.services.policies.library) and
HQ's policy library (app.hq.libraries.policies): a target HQ publishes is normalised and
refused by the same words a station manager sees.
"""

from __future__ import annotations

import re

from app.domain import districts as district_names
from app.domain.enterprise_size import LABEL_TO_SIZE, Size
from app.domain.errors import ValidationError
from app.domain.industry_data import DIVISIONS, SECTIONS
from app.domain.messages import Msg
from app.domain.text_normalise import checked_text

LABELS = {"industries": "适用行业", "sizes": "适用规模", "districts": "适用区域"}
SIZE_CODES = tuple(size.value for size in Size)
MAX_TARGET_CHARS = 2000
_SPLIT = re.compile(r"[\s,，、;；/]+")


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", LABELS[fld], text), fld)


def _tokens(value: object, fld: str) -> list[str]:
    text = checked_text(value, fld, LABELS[fld], max_len=MAX_TARGET_CHARS)
    seen: list[str] = []
    for token in _SPLIT.split(text):
        if token and token not in seen:
            seen.append(token)
    return seen


def normalise_industries(value: object) -> str:
    """"c, I65 ,6510" → "C,65,6510": section letters, division codes, or finer codes of a known division."""
    out: list[str] = []
    for token in _tokens(value, "industries"):
        code = token.upper()
        if code[:1] in SECTIONS and code[1:].isdigit():  # "I65": the letter adds nothing
            code = code[1:]
        if not (code in SECTIONS or (code.isdigit() and 2 <= len(code) <= 4 and code[:2] in DIVISIONS)):
            raise _err("industries", Msg("“%1”不是国民经济行业分类（GB/T 4754-2017）的门类字母或行业代码，请填写如“C”（制造业）或“65”（软件和信息技术服务业），多个用逗号分隔；留空表示全部行业。", token))
        if code not in out:
            out.append(code)
    return ",".join(out)


def normalise_sizes(value: object) -> str:
    """"小型、micro" → "small,micro", in the standard's order."""
    found: set[str] = set()
    for token in _tokens(value, "sizes"):
        size = LABEL_TO_SIZE.get(token) or LABEL_TO_SIZE.get(token + "型") or (
            Size(token.lower()) if token.lower() in SIZE_CODES else None)
        if size is None:
            raise _err("sizes", Msg("“%1”不是企业规模，请从“大型、中型、小型、微型”中选择，多个用逗号分隔；留空表示全部规模。", token))
        found.add(size.value)
    return ",".join(code for code in SIZE_CODES if code in found)


def normalise_districts(value: object) -> str:
    """"天河, 黄埔区" → "天河区,黄埔区"."""
    out: list[str] = []
    for token in _tokens(value, "districts"):
        name = district_names.parse_district(token)
        if name is None:
            raise _err("districts", Msg("“%1”不是广州市的区，请从“%2”中选择，多个用逗号分隔；留空表示全市。", token, '、'.join(district_names.NAMES)))
        if name not in out:
            out.append(name)
    return ",".join(out)
