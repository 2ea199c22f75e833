from decimal import Decimal

import pytest

from xlbo.money import format_inr, from_paise, group_indian, parse_amount, parse_money, to_paise


@pytest.mark.parametrize(
    ("cell", "rupees"),
    [
        ("1,23,456.50", "123456.50"),
        ("123,456.50", "123456.50"),
        ("₹ 1,234", "1234"),
        ("Rs. 500/-", "500"),
        ("Rs 500", "500"),
        ("INR 2,50,000.00", "250000.00"),
        ("(1,234.00)", "-1234.00"),
        ("-1,234.00", "-1234.00"),
        ("1234-", "-1234"),
        ("1,234.00 Dr", "1234.00"),
        ("1,234.00 Cr", "-1234.00"),
        ("1,234.00 CR.", "-1234.00"),
        ("\u00a01,234.50\u00a0", "1234.50"),
        ("- Rs.500", "-500"),  # Paytm Payments Bank: the sign before the currency
        ("+ Rs.25,000", "25000"),
        ("-₹1,234.50", "-1234.50"),
        # ₹ lost to an encoding: `?` (saved as ANSI) or `â‚¹` (UTF-8 read as Windows-1252)
        ("?45,000.00", "45000.00"),
        ("-?1,234.50", "-1234.50"),
        ("\u00e2\u201a\u00b945,000.00", "45000.00"),
        # a minus a word processor or web page wrote (helper-116: five debits 'not an
        # amount', the BRS 95,686.00 off): the minus sign, an en or em dash; a zero-width space
        ("\u221235,000.00", "-35000.00"),
        ("\u20139,876.00", "-9876.00"),
        ("\u2014 Rs.500", "-500"),
        ("(\u2212)2,500.00", "-2500.00"),
        ("1,000\u200b.00", "1000.00"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (500, "500"),
        (Decimal("99.99"), "99.99"),
    ],
)
def test_amounts_as_indians_write_them(cell: object, rupees: str) -> None:
    assert parse_amount(cell) == Decimal(rupees)


@pytest.mark.parametrize("cell", [None, "", "   ", "-", "—", float("nan"), "Nil", " NIL "])
def test_blank_and_dash_are_no_amount(cell: object) -> None:
    assert parse_amount(cell) is None


def test_nil_in_an_amount_column_is_nothing_not_a_bad_cell() -> None:
    """`Nil` is how Indian documents write a zero (a narration row's Debit and Credit, `TDS:
    Nil`); read a column at a time it was an unreadable cell, one at a time too."""
    import pandas as pd

    from xlbo.columns import amount_present, paise_column

    cells = pd.Series(["Nil", "1,000.00", "NIL", "-", "nil", None])
    paise, problems = paise_column(cells)
    assert paise.tolist() == [0, 100000, 0, 0, 0, 0] and problems == {}
    assert amount_present(cells).tolist() == [False, True, False, False, False, False]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("12,500/- approx", "'12,500/- approx' is not an amount"),
        ("1.234,56", "is not an amount"),
        ("#N/A", "Excel error #N/A"),
        (True, "is not an amount"),
        ("abc", "type a number such as 1,23,456.50"),
        ("- Rs.-500", "is not an amount"),  # two signs are no amount, not a plus
        # a `?` is a lost ₹ only directly before the figure
        ("? 45,000.00", "is not an amount"),
        ("45,000.00?", "is not an amount"),
        ("??45,000.00", "is not an amount"),
        ("?abc", "is not an amount"),
    ],
)
def test_not_amounts_say_why(cell: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_amount(cell)


def test_money_rounds_float_noise_but_refuses_a_third_decimal() -> None:
    assert parse_money(0.1 + 0.2) == Decimal("0.30")
    with pytest.raises(ValueError, match="more than two decimal places"):
        parse_money("333.333")


def test_a_number_cell_past_what_it_keeps_exactly_is_refused_not_read_a_paisa_off() -> None:
    """₹98,765,432,109,876.54 in a number cell comes back as …876.55: refused, naming why;
    the same amount as text is read exactly, and the largest a cell keeps exactly is read."""
    with pytest.raises(ValueError, match="more digits than a spreadsheet number keeps exactly"):
        parse_amount(98765432109876.54)
    assert parse_amount("98,765,432,109,876.54") == Decimal("98765432109876.54")
    assert parse_amount(70_368_744_177_663.99) == Decimal("70368744177663.99")
    assert parse_amount(-12_345_678_901_234.34) == Decimal("-12345678901234.34")
    assert parse_amount(1e14) == Decimal("100000000000000")  # whole, and below 2^47: exact
    import numpy as np

    assert parse_amount(np.float64(8e11 + 0.25)) == Decimal("800000000000.25")  # Parquet's cells
    with pytest.raises(ValueError, match="more digits than a spreadsheet number keeps"):
        parse_amount(2.0**47)  # 2^47 + 0.01 comes back as this too


@pytest.mark.parametrize(
    ("whole", "text"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (100000, "1,00,000"), (123456789, "12,34,56,789")],
)
def test_indian_grouping(whole: int, text: str) -> None:
    assert group_indian(whole) == text


def test_format_inr_and_paise_round_trip() -> None:
    assert format_inr(Decimal("1234567.5")) == "12,34,567.50"
    assert format_inr(Decimal("-100000"), symbol=True) == "-₹1,00,000.00"
    assert to_paise(Decimal("10.005")) == 1001
    assert from_paise(123456) == Decimal("1234.56")


@pytest.mark.parametrize(
    ("amount", "text", "with_symbol"),
    [
        (Decimal("0"), "0.00", "₹0.00"),
        (Decimal("-0.00"), "0.00", "₹0.00"),  # no minus on nil
        (Decimal("-0.01"), "-0.01", "-₹0.01"),
        (Decimal("0.005"), "0.01", "₹0.01"),  # half a paisa up
        (Decimal("999.5"), "999.50", "₹999.50"),
        (Decimal("100000"), "1,00,000.00", "₹1,00,000.00"),
        (Decimal("-123456.78"), "-1,23,456.78", "-₹1,23,456.78"),  # a negative past a lakh
        (Decimal("-1512086.68"), "-15,12,086.68", "-₹15,12,086.68"),
        (Decimal("1234567890"), "1,23,45,67,890.00", "₹1,23,45,67,890.00"),
        (12345, "12,345.00", "₹12,345.00"),  # an int is whole rupees
        (from_paise(-1234567890), "-1,23,45,678.90", "-₹1,23,45,678.90"),  # paise go through
    ],
)
def test_money_as_text_one_way(amount: Decimal | int, text: str, with_symbol: str) -> None:
    """The one money-text format: Indian grouping, two decimals, a minus before a negative and
    before its ₹."""
    assert format_inr(amount) == text
    assert format_inr(amount, symbol=True) == with_symbol


def test_no_amount_is_no_text() -> None:
    assert format_inr(None) == "" and format_inr(None, symbol=True) == ""
