"""统一社会信用代码: shape, check character, normalisation (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.credit_code import ALPHABET, WEIGHTS, CodeCheck, check, check_character, make_code

# Independent copies from domain-facts.md (not imported from the module under test).
DOC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
DOC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
VALID = "91350100M000100Y43"


def doc_check_char(first17: str) -> str:
    value = 31 - sum(DOC_ALPHABET.index(c) * w for c, w in zip(first17, DOC_WEIGHTS, strict=True)) % 31
    return DOC_ALPHABET[0 if value == 31 else value]


codes17 = st.text(alphabet=DOC_ALPHABET, min_size=17, max_size=17)


def test_alphabet_and_weights_match_the_standard() -> None:
    assert ALPHABET == DOC_ALPHABET and len(ALPHABET) == 31
    assert not set("IOSVZ") & set(ALPHABET)
    assert WEIGHTS == DOC_WEIGHTS
    assert all(w % 31 for w in WEIGHTS)  # every position takes part: single substitutions are detected


def test_worked_examples() -> None:
    assert check(VALID).status is CodeCheck.VALID
    assert check(VALID).message == ""
    bad = check("91350100M000100Y4Z")
    assert bad.status is CodeCheck.BAD_SHAPE  # Z is not in the alphabet, so shape, not checksum
    assert "Z" in bad.message


@pytest.mark.parametrize("wrong", [c for c in DOC_ALPHABET if c != "3"])
def test_every_wrong_check_character_is_bad_check_with_the_expected_one(wrong: str) -> None:
    result = check(VALID[:17] + wrong)
    assert result.status is CodeCheck.BAD_CHECK
    assert result.expected_check == "3"
    assert "“3”" in result.message and "数据质量" in result.message


def test_check_value_31_is_written_as_0() -> None:
    assert check_character("0" * 17) == "0"
    prefix = "1" + "0" * 14 + "Y" + "0"  # 1·1 + 30·30 = 901 = 29·31 + 2 -> check 29 = "X"
    assert check_character(prefix) == doc_check_char(prefix) == "X"
    zero_sum = next(p for p in (f"{a}{b}" + "0" * 15 for a in DOC_ALPHABET for b in DOC_ALPHABET)
                    if p != "0" * 17 and doc_check_char(p) == "0")
    assert check(make_code(zero_sum)).status is CodeCheck.VALID and make_code(zero_sum).endswith("0")


@pytest.mark.parametrize("raw", ["", "9135010", VALID[:17], VALID + "0", VALID + VALID])
def test_wrong_length_is_bad_shape(raw: str) -> None:
    result = check(raw)
    assert result.status is CodeCheck.BAD_SHAPE
    assert "18位" in result.message


@pytest.mark.parametrize("letter", list("IOSVZ"))
@pytest.mark.parametrize("position", [0, 8, 17])
def test_letters_outside_the_alphabet_are_bad_shape(letter: str, position: int) -> None:
    raw = VALID[:position] + letter + VALID[position + 1 :]
    result = check(raw)
    assert result.status is CodeCheck.BAD_SHAPE
    assert letter in result.message


@pytest.mark.parametrize("raw", ["91350100m000100y43", "９１３５０１００Ｍ０００１００Ｙ４３", " 9135 0100-M000 100Y43 ",
                                 "91350100M000100Y43\u200b", "\ufeff91350100M000100Y43", "91350100M000100Y43\u3000"])
def test_normalisation(raw: str) -> None:
    result = check(raw)
    assert result.status is CodeCheck.VALID
    assert result.code == VALID


def test_non_text_and_empty_inputs() -> None:
    assert check(None).status is CodeCheck.BAD_SHAPE  # type: ignore[arg-type]
    assert check(913501001000100143).code == "913501001000100143"  # a number cell is read as text
    with pytest.raises(ValueError):
        make_code("I" * 17)
    with pytest.raises(ValueError):
        make_code("0" * 16)


@given(codes17)
def test_make_code_is_always_valid(prefix: str) -> None:
    code = make_code(prefix)
    assert code[17] == doc_check_char(prefix)
    assert check(code).status is CodeCheck.VALID


@given(codes17, st.integers(0, 17), st.sampled_from(DOC_ALPHABET + "IOSVZ#a"))
def test_a_single_substitution_is_never_valid(prefix: str, position: int, new: str) -> None:
    code = make_code(prefix)
    if new.upper() == code[position]:
        return
    changed = code[:position] + new + code[position + 1 :]
    result = check(changed)
    assert result.status is not CodeCheck.VALID
    expected = CodeCheck.BAD_CHECK if new.upper() in DOC_ALPHABET else CodeCheck.BAD_SHAPE
    assert result.status is expected


@given(st.text(alphabet=DOC_ALPHABET, min_size=17, max_size=17), st.sampled_from(DOC_ALPHABET + "IOSVZ"))
def test_check_agrees_with_the_standard_on_every_last_character(prefix: str, last: str) -> None:
    """The table-driven check (check's shortcut for well-shaped codes) against the standard's formula."""
    result = check(prefix + last)
    expected = doc_check_char(prefix)
    if last not in DOC_ALPHABET:
        assert result.status is CodeCheck.BAD_SHAPE
    elif last == expected:
        assert result.status is CodeCheck.VALID and result.message == ""
    else:
        assert result.status is CodeCheck.BAD_CHECK and result.expected_check == expected
