"""Unified social credit code (统一社会信用代码, GB 32100-2015)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from app.domain.messages import Msg
from app.domain.text_normalise import tidy_text

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = [pow(3, i, 31) for i in range(17)]
# Per position, each character's weighted value mod 31: the check sum is one C-level
# map over the code (an import checks 10,000 codes; the generator took ~40 % of `check`).
_WEIGHTED = [{ch: VALUES[ch] * w % 31 for ch in ALPHABET} for w in WEIGHTS]
_SHAPE = re.compile(f"[{ALPHABET}]{{18}}")  # 18 characters of the alphabet: the usual code


class CodeCheck(enum.Enum):
    VALID = "valid"
    BAD_CHECK = "bad_check"  # well shaped, check character disagrees: accepted only after a warning
    BAD_SHAPE = "bad_shape"  # wrong length or alphabet: rejected


@dataclass(frozen=True)
class CodeResult:
    code: str
    status: CodeCheck
    message: str  # Chinese, empty when valid
    expected_check: str | None = None


def normalise(raw: object) -> str:
    """Full-width to half-width, drop spaces, zero-width characters and dashes, upper-case."""
    text = tidy_text(raw)
    if text.isalnum():  # nothing to drop (the usual case): skip the per-character pass
        return text.upper()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-—_").upper()


def check_character(first17: str) -> str:
    """The check character for 17 well-shaped characters (ValueError otherwise)."""
    if len(first17) != 17 or any(ch not in VALUES for ch in first17):
        raise ValueError(f"need 17 characters from {ALPHABET}, got {first17!r}")
    return _check_of(first17)


def _check_of(code: str) -> str:
    """The check character of a code whose first 17 characters are in the alphabet:
    31 − (Σ value·weight mod 31), written as 0 when that is 31, i.e. −Σ mod 31."""
    return ALPHABET[-sum(map(dict.__getitem__, _WEIGHTED, code)) % 31]  # map stops after the 17 tables


def check(raw: object) -> CodeResult:
    code = normalise(raw)
    if _SHAPE.fullmatch(code):  # well shaped (most codes): only the check character is left
        expected = _check_of(code)
        if expected == code[17]:
            return CodeResult(code, CodeCheck.VALID, "")
        return _bad_check(code, expected)
    if len(code) != 18:
        return CodeResult(code, CodeCheck.BAD_SHAPE, Msg("统一社会信用代码应为18位，现在是%1位。", len(code)))
    bad = sorted(set(code).difference(VALUES))
    if bad:
        return CodeResult(
            code,
            CodeCheck.BAD_SHAPE,
            Msg("统一社会信用代码含有不允许的字符：%1（只能是数字和除 I、O、S、V、Z 以外的大写字母）。", '、'.join(bad)),
        )
    raise AssertionError(f"{code!r}: 18 characters of the alphabet, yet not well shaped")  # pragma: no cover


def _bad_check(code: str, expected: str) -> CodeResult:
    return CodeResult(
        code,
        CodeCheck.BAD_CHECK,
        Msg("统一社会信用代码的校验位应为“%1”，现在是“%2”。请核对；如确认无误（少数早期代码如此），可确认后保存，并将列入数据质量复核。", expected, code[17]),
        expected,
    )


def make_code(prefix17: str) -> str:
    """Complete 17 characters with their check character (demo data, tests)."""
    return prefix17 + check_character(prefix17)
