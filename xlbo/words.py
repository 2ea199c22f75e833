"""Amounts in words, the Indian way, for invoices, receipts and cheques.

    >>> amount_in_words(Decimal("125000.50"))
    'Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only'
    >>> amount_in_words(Decimal("123456789.05"))
    'Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Five Paise Only'

Lakh and crore, not million and billion; above a hundred crore the crores are themselves counted
in lakhs and thousands ("One Lakh Crore"). Hyphens in twenty-one to ninety-nine; "and" only
before the paise. Amounts are rounded half up to the paisa first.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_ONES = (
    "",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
)
_TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")

LARGEST_IN_WORDS = Decimal("99999999999999.99")
"""The largest amount written in words (₹99,99,99,99,99,999.99: ninety-nine lakh crore and more)."""


def _below_hundred(number: int) -> str:
    if number < 20:
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    parts = [f"{_ONES[hundreds]} Hundred"] if hundreds else []
    if rest:
        parts.append(_below_hundred(rest))
    return " ".join(parts)


def whole_in_words(number: int) -> str:
    """A whole number in Indian words: 1234567 → 'Twelve Lakh Thirty-Four Thousand Five Hundred
    Sixty-Seven'; 0 → 'Zero'."""
    if number == 0:
        return "Zero"
    crores, rest = divmod(number, 10_000_000)
    lakhs, rest = divmod(rest, 100_000)
    thousands, rest = divmod(rest, 1_000)
    parts = []
    if crores:
        parts.append(f"{whole_in_words(crores)} Crore")
    if lakhs:
        parts.append(f"{_below_hundred(lakhs)} Lakh")
    if thousands:
        parts.append(f"{_below_hundred(thousands)} Thousand")
    if rest:
        parts.append(_below_thousand(rest))
    return " ".join(parts)


def amount_in_words(amount: Decimal | int | str, currency: str = "Rupees") -> str:
    """An amount in rupees as words, e.g. for the 'Amount in words' line of an invoice."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(value) > LARGEST_IN_WORDS:
        raise ValueError(
            f"{value} is more than xlbo writes in words (up to ₹99,99,99,99,99,999.99)"
        )
    sign = "Minus " if value < 0 else ""
    rupees, paise = divmod(int(abs(value) * 100), 100)
    text = f"{sign}{currency} {whole_in_words(rupees)}"
    if paise:
        text += f" and {_below_hundred(paise)} Paise"
    return text + " Only"
