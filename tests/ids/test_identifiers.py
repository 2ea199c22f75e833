"""Identifiers: valid and invalid cases with the message a colleague would write."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from stdnum.in_ import aadhaar as stdnum_aadhaar
from stdnum.in_ import gstin as stdnum_gstin
from stdnum.in_ import pan as stdnum_pan

from xlbo import ids
from xlbo.ids import IdKind, gstin, pan
from xlbo.ids.checksums import gstin_check_character, verhoeff_check_digit

VALID = [
    (IdKind.PAN, " aapfu0939f ", "AAPFU0939F"),
    (IdKind.PAN, "ABCPE1234F", "ABCPE1234F"),
    (IdKind.GSTIN, "27AAPFU0939F1ZV", "27AAPFU0939F1ZV"),
    (IdKind.GSTIN, "27 aapfu 0939f 1zv", "27AAPFU0939F1ZV"),
    (IdKind.GSTIN, "38" + "AAPFU0939F1Z" + gstin_check_character("38AAPFU0939F1Z"), None),
    (IdKind.GSTIN, "97" + "AAPFU0939F1Z" + gstin_check_character("97AAPFU0939F1Z"), None),
    (IdKind.GSTIN, "99" + "AAPFU0939F1Z" + gstin_check_character("99AAPFU0939F1Z"), None),
    (IdKind.TAN, "pnes12345a", "PNES12345A"),
    (IdKind.IFSC, "hdfc0001234", "HDFC0001234"),
    (IdKind.IFSC, "SBIN0ABC123", "SBIN0ABC123"),
    (IdKind.AADHAAR, "2341 2341 2346", "234123412346"),
    (IdKind.AADHAAR, 234123412346.0, "234123412346"),
    (IdKind.UAN, "100123456789", "100123456789"),
    (IdKind.UAN, 100123456789, "100123456789"),
    (IdKind.MOBILE, "+91 98200-12345", "9820012345"),
    (IdKind.MOBILE, "09820012345", "9820012345"),
    (IdKind.MOBILE, 9820012345.0, "9820012345"),
    (IdKind.PIN, 411045.0, "411045"),
    (IdKind.PIN, "411 045", "411045"),
    (IdKind.EMAIL, "Accounts@Sahyadri.CO.IN", "Accounts@sahyadri.co.in"),
]

INVALID = [
    (
        IdKind.PAN,
        "AAPFU0939",
        "PAN has 10 characters (5 letters, 4 digits, 1 letter); 'AAPFU0939' has 9",
    ),
    (
        IdKind.PAN,
        "AAPF10939F",
        "PAN character 5 should be a letter, not '1'; the shape is ABCDE1234F",
    ),
    (
        IdKind.PAN,
        "AAPFUO939F",
        "PAN character 6 should be a digit, not 'O' (the digit zero, not the letter O)",
    ),
    (
        IdKind.PAN,
        "AAPXU0939F",
        "PAN's 4th letter is the holder type (A, B, C, F, G, H, J, L, P, T); 'X' is not one",
    ),
    (IdKind.PAN, "AAPFU0000F", "PAN serial 0000 is never issued"),
    (IdKind.GSTIN, "27AAPFU0939F1ZF", "GSTIN check character should be V, not F"),
    (
        IdKind.GSTIN,
        "40AAPFU0939F1ZV",
        "GSTIN state code 40 is not issued (state codes run 01–38, plus 97 and 99)",
    ),
    (
        IdKind.GSTIN,
        "27AAPXU0939F1ZV",
        "GSTIN characters 3–12 should be the holder's PAN: PAN's 4th letter is the holder type",
    ),
    (
        IdKind.GSTIN,
        "27AAPFU0939F0ZV",
        "GSTIN's 13th character (the entity number) is 1–9 or A–Z, never 0",
    ),
    (IdKind.GSTIN, "27AAPFU0939F1YV", "GSTIN's 14th character should be Z, not Y"),
    (IdKind.GSTIN, "27AAPFU0939F1Z", "GSTIN has 15 characters; '27AAPFU0939F1Z' has 14"),
    (IdKind.GSTIN, "27AAPFU0939F1Z#", "GSTIN holds only letters and digits; '#' is neither"),
    (IdKind.TAN, "PNE123456A", "TAN character 4 should be a letter, not '1'"),
    (IdKind.IFSC, "HDFCO001234", "IFSC's 5th character is the digit 0 (zero), not the letter O"),
    (IdKind.IFSC, "HDFC1001234", "IFSC's 5th character is always 0 (zero), not 1"),
    (IdKind.IFSC, "HDFC000123", "IFSC has 11 characters (like HDFC0001234); 'HDFC000123' has 10"),
    (IdKind.AADHAAR, "234123412345", "Aadhaar check digit should be 6, not 5; a digit is mistyped"),
    (IdKind.AADHAAR, "134123412346", "Aadhaar numbers never start with 1"),
    (IdKind.AADHAAR, 1e15, "Aadhaar 1e+15 was stored as a number and Excel kept only 15 digits"),
    (IdKind.AADHAAR, 23412341234, "Aadhaar has 12 digits; '23412341234' has 11"),
    (IdKind.UAN, "10012345678", "UAN has 12 characters"),
    (IdKind.MOBILE, "5820012345", "Indian mobile numbers start with 6, 7, 8 or 9, not 5"),
    (IdKind.MOBILE, "98200 1234", "a mobile number has 10 digits; '982001234' has 9"),
    (IdKind.PIN, "041045", "PIN codes never start with 0"),
    (IdKind.EMAIL, "accounts@sahyadri", "'sahyadri' is not a mail domain like example.co.in"),
    (IdKind.EMAIL, "a b@x.in", "the part before @ in 'a b@x.in' is not valid"),
    (IdKind.EMAIL, "a@@x.in", "an e-mail address has exactly one @; 'a@@x.in' has 2"),
]


@pytest.mark.parametrize(("kind", "value", "standard"), VALID)
def test_valid(kind: IdKind, value: Any, standard: str | None) -> None:
    assert ids.validate(kind, value) == (standard or str(value).upper())
    assert ids.is_valid(kind, value)
    assert ids.explain(kind, value) == ""


@pytest.mark.parametrize(("kind", "value", "message"), INVALID)
def test_invalid_says_which_part(kind: IdKind, value: Any, message: str) -> None:
    with pytest.raises(ids.InvalidIdentifier) as error:
        ids.validate(kind, value)
    assert str(error.value).startswith(message)
    assert not ids.is_valid(kind, value)
    assert ids.explain(kind, value).startswith(message)


@pytest.mark.parametrize("kind", ["gstin", " Pan ", "pincode", "e-mail", "Aadhar", IdKind.UAN])
def test_kind_as_typed_in_a_cell(kind: str | IdKind) -> None:
    assert ids.id_kind(kind) in IdKind


def test_unknown_kind_is_named() -> None:
    with pytest.raises(
        ValueError, match="'VOTER ID' is not a kind xlbo checks; use one of PAN, GSTIN"
    ):
        ids.validate("VOTER ID", "x")


def test_normalize_writes_them_conventionally() -> None:
    assert ids.normalize("AADHAAR", "234123412346") == "2341 2341 2346"
    assert ids.normalize("mobile", "09820012345") == "+91 98200 12345"
    assert ids.normalize("gstin", "27aapfu0939f1zv") == "27AAPFU0939F1ZV"


def test_gstin_parts() -> None:
    assert gstin.state("27AAPFU0939F1ZV").name == "Maharashtra"
    assert gstin.pan_of("27AAPFU0939F1ZV") == "AAPFU0939F"
    assert pan.holder_type("AAPFU0939F") == "Firm or LLP"


def test_annotated_types_in_a_model() -> None:
    class Vendor(BaseModel):
        pan: ids.PAN
        gstin: ids.GSTIN | None = None

    assert Vendor(pan="aapfu0939f", gstin="27AAPFU0939F1ZV").pan == "AAPFU0939F"
    with pytest.raises(ValidationError, match="GSTIN check character should be V, not F"):
        Vendor(pan="AAPFU0939F", gstin="27AAPFU0939F1ZF")


# -- agreement with python-stdnum where it is right ------------------------------------------

_letters = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=1)
_digits = st.text(alphabet="0123456789", min_size=1, max_size=1)
_pan_like = st.builds(
    lambda a, b, c, holder, e, d1, d2, d3, d4, z: a + b + c + holder + e + d1 + d2 + d3 + d4 + z,
    _letters,
    _letters,
    _letters,
    st.sampled_from("ABCFGHJLPTXQ"),
    _letters,
    _digits,
    _digits,
    _digits,
    _digits,
    _letters,
)


@given(_pan_like)
def test_pan_agrees_with_stdnum(number: str) -> None:
    assert pan.is_valid(number) == stdnum_pan.is_valid(number)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_aadhaar_agrees_with_stdnum(number: str) -> None:
    assert ids.is_valid("AADHAAR", number) == stdnum_aadhaar.is_valid(number)


@given(st.integers(1, 37), _pan_like, st.sampled_from("123456789ABZ"), st.booleans())
def test_gstin_agrees_with_stdnum_except_its_state_code_bug(
    code: int, holder_pan: str, entity: str, correct: bool
) -> None:
    first14 = f"{code:02d}{holder_pan}{entity}Z"
    check = gstin_check_character(first14)
    number = first14 + (check if correct else ("0" if check != "0" else "1"))
    assert gstin.is_valid(number) == stdnum_gstin.is_valid(number)


def test_verhoeff_digit_makes_a_valid_aadhaar() -> None:
    assert ids.is_valid("AADHAAR", "99999999999" + verhoeff_check_digit("99999999999"))


# -- the bulk path agrees with the explaining validators ------------------------------------

from xlbo.ids.bulk import valid_mask  # noqa: E402

_noise = st.one_of(
    st.none(),
    st.integers(-10, 10**13),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -./@a", max_size=16),
)


@given(st.lists(_noise, max_size=30))
def test_bulk_agrees_with_validators_on_noise(values: list[Any]) -> None:
    for kind in IdKind:
        mask = valid_mask(kind, values)
        for value, fast in zip(values, mask.tolist(), strict=True):
            if fast:
                assert ids.is_valid(kind, value), (kind, value)


@given(
    st.lists(
        st.tuples(st.integers(1, 38), _pan_like, st.sampled_from("123456789AZ"), st.booleans()),
        max_size=20,
    )
)
def test_bulk_gstins_agree(cases: list[tuple[int, str, str, bool]]) -> None:
    numbers = []
    for code, holder, entity, correct in cases:
        first14 = f"{code:02d}{holder}{entity}Z"
        check = gstin_check_character(first14)
        numbers.append(first14 + (check if correct else ("0" if check != "0" else "1")))
    assert valid_mask(IdKind.GSTIN, numbers).tolist() == [gstin.is_valid(n) for n in numbers]


@given(st.lists(st.text(alphabet="0123456789", min_size=12, max_size=12), max_size=20))
def test_bulk_aadhaar_agrees(numbers: list[str]) -> None:
    assert valid_mask(IdKind.AADHAAR, numbers).tolist() == [
        ids.is_valid("AADHAAR", n) for n in numbers
    ]


@pytest.mark.parametrize(("kind", "value", "standard"), VALID)
def test_bulk_accepts_every_valid_text_case(kind: IdKind, value: Any, standard: str | None) -> None:
    if isinstance(value, str):
        assert valid_mask(kind, [value]).tolist() == [True]
