"""Enterprise names: pinyin initials for search, and the key that catches near-duplicates.

Both are pure functions of the name, shared by the form, the importer, the demo
data and the search index so that every writer stores the same `name_initials`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby
from types import ModuleType

# Longest first: "股份有限公司" must go before "有限公司".
_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司")
_CITY_PREFIXES = ("广州市", "广州")
_CITY_IN_BRACKETS = re.compile(r"[(（]\s*广州(?:市)?\s*[)）]")
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def _pypinyin() -> tuple[ModuleType, ModuleType, ModuleType]:
    # Imported on first use: its phrase dictionary costs ~0.4 s and ~56 MB, which the
    # window's first paint must not pay (tests/test_startup_imports.py).
    import pypinyin
    import pypinyin.constants
    import pypinyin.seg.mmseg

    return pypinyin, pypinyin.constants, pypinyin.seg.mmseg


@lru_cache(maxsize=50_000)
def _word_letters(word: str) -> str:
    pypinyin = _pypinyin()[0]
    return "".join(pypinyin.lazy_pinyin(word, style=pypinyin.Style.FIRST_LETTER))


@lru_cache(maxsize=8192)
def _is_han(ch: str) -> bool:
    return _pypinyin()[1].RE_HANS.match(ch) is not None


@lru_cache(maxsize=50_000)
def _run_letters(run: str, han: bool) -> str:
    # pypinyin.seg.simpleseg.seg, one run at a time: a run of Chinese characters is
    # segmented into words (mmseg), anything else stays one piece.
    if not han and run.isascii():
        return run  # lazy_pinyin keeps non-Chinese text as it is (digits, Latin, punctuation)
    _, constants, mmseg = _pypinyin()
    words = mmseg.seg.cut(run) if han and constants.PHRASES_DICT else (run,)
    return "".join(_word_letters(word) for word in words)


@lru_cache(maxsize=20_000)
def name_initials(name: str) -> str:
    """First pinyin letters of the whole name, lower-case: 广州市云帆科技有限公司 → gzsyfkjyxgs.

    Latin letters and digits are kept (lower-cased, full-width folded); spaces and
    punctuation are dropped so that typing skips over brackets.  Words are
    converted as pypinyin segments them (重庆 → cq, 银行 → yh) and cached per word:
    lazy_pinyin on a whole name costs ~125 µs, per cached word ~50 µs.  The text is
    split into runs of Chinese / other characters exactly as pypinyin's ``seg`` does
    and each run's letters are cached too (广州测试 / 科技有限公司 recur across a
    workbook), as is the whole name: an import of 10,000 rows spent ~8 % here.
    """
    text = unicodedata.normalize("NFKC", name or "")
    letters = "".join(_run_letters("".join(run), han) for han, run in groupby(text, key=_is_han))
    return _NOT_ALNUM.sub("", letters.lower())


def name_key(name: str) -> str:
    """The name reduced to what distinguishes one enterprise from another.

    Full-width folded, lower-cased; 广州/广州市 at the start or in brackets removed;
    有限公司/有限责任公司/股份有限公司 at the end removed; spaces and punctuation removed.
    Two names with the same key (or keys one edit apart) are possible duplicates.
    """
    text = unicodedata.normalize("NFKC", name or "").strip()
    text = _CITY_IN_BRACKETS.sub("", text)
    text = _NOT_ALNUM.sub("", text).lower()
    # A name that is nothing but the prefix or the suffix keeps it (the key must not be empty).
    prefix = next((p for p in _CITY_PREFIXES if text.startswith(p)), "")
    if len(text) > len(prefix):
        text = text[len(prefix) :]
    suffix = next((s for s in _LEGAL_SUFFIXES if text.endswith(s)), "")
    if len(text) > len(suffix):
        text = text[: len(text) - len(suffix)]
    return text


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b are equal or one insertion, deletion or substitution apart."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
