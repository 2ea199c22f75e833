from decimal import Decimal
from enum import StrEnum

import pytest

from xlbo.cells import (
    clean_text,
    excel_error,
    is_blank,
    parse_choice,
    parse_percent,
    parse_whole_number,
    parse_yes_no,
)
from xlbo.states import find_state


class Colour(StrEnum):
    RED = "Red"
    DARK_BLUE = "Dark Blue"


def test_text_cleaning_folds_the_spaces_that_break_lookups() -> None:
    assert clean_text("  SPL019\u00a0") == "SPL019"
    assert clean_text("Asha\u00a0\u00a0 Rao") == "Asha Rao"
    assert clean_text("\u200bV001") == "V001"
    assert clean_text(50100234567.0) == "50100234567"
    assert clean_text("=SUM(A1:A9)") == "=SUM(A1:A9)"
    assert clean_text("SPL019") == "SPL019"
    assert clean_text("a\tb") == "a b"
    assert clean_text("#12, MG Road") == "#12, MG Road"


@pytest.mark.parametrize("cell", [None, "", "  ", "\u00a0", "\u200b", float("nan")])
def test_blank(cell: object) -> None:
    assert is_blank(cell)
    assert clean_text(cell) is None


def test_excel_errors_are_recognised() -> None:
    assert excel_error(" #n/a ") == "#N/A"
    assert excel_error("#REF!") == "#REF!"
    assert excel_error("N/A") is None
    with pytest.raises(ValueError, match="Excel error #DIV/0!"):
        clean_text("#DIV/0!")


@pytest.mark.parametrize(
    ("cell", "value"),
    [("Yes", True), ("y", True), ("TRUE", True), (1, True), ("No", False), (0, False)],
)
def test_yes_no(cell: object, value: bool) -> None:
    assert parse_yes_no(cell) is value


def test_yes_no_refuses_maybe() -> None:
    with pytest.raises(ValueError, match="choose Yes or No"):
        parse_yes_no("maybe")


@pytest.mark.parametrize(
    ("cell", "rate"),
    [("12%", "0.12"), (0.12, "0.12"), (12, "0.12"), ("8.33%", "0.0833"), (1, "1"), ("0", "0")],
)
def test_percent_rule(cell: object, rate: str) -> None:
    assert parse_percent(cell) == Decimal(rate)


def test_percent_out_of_range() -> None:
    with pytest.raises(ValueError, match="between 0% and 100%"):
        parse_percent("150%")


def test_choices_forgive_case_spacing_and_aliases() -> None:
    assert parse_choice("dark  blue", Colour) is Colour.DARK_BLUE
    assert parse_choice("RED", Colour) is Colour.RED
    assert parse_choice("r", Colour, {"R": Colour.RED}) is Colour.RED
    with pytest.raises(ValueError, match="not one of: Red, Dark Blue"):
        parse_choice("Green", Colour)


def test_whole_numbers() -> None:
    assert parse_whole_number("30") == 30
    assert parse_whole_number(45.0) == 45
    with pytest.raises(ValueError, match="type digits"):
        parse_whole_number("thirty")
    with pytest.raises(ValueError, match="not a whole number"):
        parse_whole_number(2.5)


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("Maharashtra", "Maharashtra"),
        ("  maharashtra ", "Maharashtra"),
        ("27", "Maharashtra"),
        (27.0, "Maharashtra"),
        ("MH", "Maharashtra"),
        ("tamilnadu", "Tamil Nadu"),
        ("Orissa", "Odisha"),
        ("Pondicherry", "Puducherry"),
        ("Jammu & Kashmir", "Jammu and Kashmir"),
        ("97", "Other Territory"),
        ("38", "Ladakh"),
    ],
)
def test_states_as_people_type_them(cell: object, name: str) -> None:
    state = find_state(cell)
    assert state is not None
    assert state.name == name


def test_misspelt_state() -> None:
    with pytest.raises(ValueError, match="'Maharastra' is not an Indian state"):
        find_state("Maharastra")
