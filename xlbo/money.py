"""Money as Indians write it, kept exact.

Amounts are `Decimal` rupees at the edges and integer paise inside frames; there is no float
arithmetic on money. `parse_amount` reads what users and bank exports put in cells:

    >>> parse_amount("1,23,456.50")
    Decimal('123456.50')
    >>> parse_amount("Rs. 500/-"), parse_amount("(1,234.00)"), parse_amount("1,234.00 Cr")
    (Decimal('500'), Decimal('-1234.00'), Decimal('-1234.00'))

Sign rule for `Dr`/`Cr` suffixes: a debit is positive and a credit negative, as in a trial
balance.

Money written out, in one way everywhere (messages, Why and working columns, the terminal,
printed pages), by `format_inr` alone: Indian grouping, two decimals, a minus sign before a
negative amount (and before the ₹ when it is shown):

    >>> format_inr(Decimal("-123456.78")), format_inr(Decimal("-123456.78"), symbol=True)
    ('-1,23,456.78', '-₹1,23,456.78')

Money in cells follows the same rule through one number format, `INR_NUMBER_FORMAT` (a minus
sign, never brackets), so a figure reads the same in a sheet and in the sentence beside it;
`INR_WHOLE_FORMAT` for amounts the law rounds to the rupee and `INR_DR_CR_FORMAT` for a balance
shown with its side are the same figures without paise or with Dr/Cr in place of the sign.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from xlbo.cells import is_blank, refuse_error, visible

PAISE = Decimal("0.01")
LARGEST_AMOUNT = Decimal(10) ** 15
"""No amount a back office handles reaches ₹10^15 (a thousand lakh crore); a cell that does is a
mistake (an account number in an amount column) and would overflow exact arithmetic."""

FLOAT_EXACT_RUPEES = 2.0**46
"""From ₹2^46 (about ₹70 lakh crore) a number cell's binary steps are more than a paisa apart:
`98765432109876.54` comes back as `…876.55`. Such a cell is refused (beyond LARGEST_AMOUNT it is
too large anyway); text is read exactly. Up to ₹2^47 a whole number still is what was typed
(the steps are under two paise, so no X.01 comes back as X.00)."""

INDIAN_LOCALE = "[$-4009]"
"""The locale tag English (India) at the head of a number format. LibreOffice groups `#,##0` the
way that locale writes numbers (12,34,56,789), whatever the reader's own locale; Excel groups as
the computer's region says (Windows' English (India) region groups 3;2, as Indians write), and a
reader elsewhere sees 123,456,789 with the same sign and figures."""

INR_NUMBER_FORMAT = f"{INDIAN_LOCALE}#,##0.00"
"""Money: two decimals, lakh and crore grouping, a minus sign before a negative amount.

    1,23,45,67,890.00   -15,12,086.68   0.00   12,345.00   -0.01

One plain section, no conditions. Excel's conditional sections (`[>=10000000]##\\,##\\,##0.00`)
allow two conditions, so three ranges, and the six a signed amount needs (crore, lakh, below a
lakh, each way) do not fit: a negative past a lakh lost its Indian grouping in Excel and its
minus sign in LibreOffice, which reads the last section of a conditional format as the negative
one. A single section shows the minus sign in every spreadsheet; the grouping comes from the
locale (see `INDIAN_LOCALE`)."""

INR_BRACKETS_FORMAT = f"{INDIAN_LOCALE}#,##0.00_);{INDIAN_LOCALE}(#,##0.00)"
"""Money with a negative in brackets: (15,12,086.68). No sheet xlbo writes uses it any more (a
BRS or a balance sheet showed (15,12,086.68) beside a Summary's -15,12,086.68 and a message's
-15,12,086.68); it stays only while `xlbo.book.display.Column.brackets` offers it."""

INR_WHOLE_FORMAT = f"{INDIAN_LOCALE}#,##0"
"""Money in whole rupees (EPF wages, chart axes): 12,34,567 and -12,34,567."""

INR_DR_CR_FORMAT = f'{INDIAN_LOCALE}#,##0.00" Dr";{INDIAN_LOCALE}#,##0.00" Cr";"–"'
"""A balance with its side instead of a sign, as a ledger prints it: 12,34,567.00 Dr (positive, a
debit), 15,12,086.68 Cr (negative, a credit), – for nil."""

FOREIGN_LOCALE = "[$-409]"
"""The locale tag English (United States): LibreOffice groups `#,##0` by thousands under it."""


def foreign(currency: str) -> bool:
    """Whether `currency` (an ISO code; "" where a file states none) is other than the rupee."""
    return currency not in ("", "INR")


def format_in(currency: str, rupee_format: str = INR_NUMBER_FORMAT) -> str:
    """`rupee_format`, a number format of money in rupees, for money in `currency` (an ISO
    code; "" is the rupee): in another currency (an EEFC account's dollars) grouped by
    thousands as it is written, 1,234,567.00, where lakhs would show 12,34,567.00.

    >>> format_in("USD"), format_in("INR", INR_DR_CR_FORMAT) == INR_DR_CR_FORMAT
    ('[$-409]#,##0.00', True)
    """
    return (
        rupee_format.replace(INDIAN_LOCALE, FOREIGN_LOCALE) if foreign(currency) else rupee_format
    )


_CURRENCY = re.compile(
    r"^(?:(?:₹|\u00e2\u201a\u00b9|rs\.?|inr|rupees)\s*|\?(?=\d))|\s*(?:/-|₹|rs\.?|inr)$",
    re.IGNORECASE,
)
"""The currency written before or after a figure. A ₹ lost to an encoding counts too: `?` (an
export saved as ANSI writes ₹ so), only directly before the digits, and `â‚¹` (UTF-8's ₹ read
as Windows-1252 and saved again)."""
_SIDE = re.compile(r"\s*\b(dr|cr)\.?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{2,3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")


_MINUS_SIGNS = str.maketrans("\u2212\u2010\u2011\u2013\u2014\ufe63\uff0d", "-------")
"""Signs a word processor or a web page writes for a minus: the minus sign (−), the hyphen and
non-breaking hyphen, en and em dashes, the small and full-width hyphen-minus. `−35,000.00` is minus 35,000."""

NO_AMOUNT = frozenset({"-", "–", "—", "--", "Nil", "NIL", "nil"})
"""What an amount cell writes for nothing: a lone dash, or Nil (as Indian documents write a
zero: `TDS: Nil`). Read as blank."""


def parse_amount(value: Any) -> Decimal | None:
    """An amount in rupees from a cell, exactly; None for a blank cell or a lone dash.

    Accepts numbers, and text with commas (Indian or Western grouping), `₹`, `Rs.`, `INR` (after
    a sign too: `- Rs.500`, `+ ₹25,000`), a ₹ an encoding turned into `?45,000.00` or
    `â‚¹45,000.00`, a trailing `/-`, brackets, a minus or Tally's `(-)` for
    negatives, and a `Dr`/`Cr` suffix (credit negative).
    Raises ValueError with a message for anything else.
    """
    amount = _parse_amount(value)
    if amount is not None and abs(amount) >= LARGEST_AMOUNT:
        raise ValueError(f"'{value}' is too large to be an amount; check the column")
    return amount


def _parse_amount(value: Any) -> Decimal | None:
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not an amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"'{value}' is not an amount")
        whole = value.is_integer() and abs(value) < 2 * FLOAT_EXACT_RUPEES  # X.01 is no X.00
        if FLOAT_EXACT_RUPEES <= abs(value) < float(LARGEST_AMOUNT) and not whole:
            raise ValueError(
                f"'{value:.2f}' has more digits than a spreadsheet number keeps exactly (15 or "
                "so), so its paise cannot be told for certain; check the cell, and if the "
                "amount is right, give it as text (or the file as CSV)"
            )
        return Decimal(repr(float(value)))  # numpy 2 writes np.float64(...) for its own
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"'{value}' is not an amount")
        return value
    if not isinstance(value, str):
        raise ValueError(f"'{value}' is not an amount; type a number such as 1,23,456.50")
    text = visible(value).replace("\u00a0", " ").translate(_MINUS_SIGNS).strip()
    if text in NO_AMOUNT:
        return None
    negative = False
    side = _SIDE.search(text)
    if side:
        negative = side.group(1).lower() == "cr"
        text = text[: side.start()].strip()
    if text.startswith("(-)"):  # Tally's negative: `(-)25,000.00`
        negative, text = not negative, text[3:].strip()
    elif text.startswith("(") and text.endswith(")"):
        negative, text = not negative, text[1:-1].strip()
    text = _without_currency(text)
    if text.startswith("-"):
        negative, text = not negative, text[1:].strip()
    elif text.endswith("-"):
        negative, text = not negative, text[:-1].strip()
    elif text.startswith("+"):
        text = text[1:].strip()
    text = _without_currency(text)  # the sign before the currency: `- Rs.500` (Paytm)
    text = text.replace(" ", "")
    if not _NUMBER.match(text):
        raise ValueError(f"'{value}' is not an amount; type a number such as 1,23,456.50")
    amount = Decimal(text.replace(",", ""))
    return -amount if negative else amount


def _without_currency(text: str) -> str:
    """`text` without the currency written before or after its figure, however many are
    (`Rs. 500/-`, `₹ 500 INR`): what is left is the sign and the figure."""
    while True:
        bare = _CURRENCY.sub("", text).strip()
        if bare == text:
            return bare
        text = bare


def to_paise(amount: Decimal) -> int:
    """Rupees to integer paise, rounding half up (₹0.005 → 1 paisa)."""
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_paise(paise: int) -> Decimal:
    """Integer paise to rupees with two decimals."""
    return (Decimal(paise) / 100).quantize(PAISE)


def parse_money(value: Any) -> Decimal | None:
    """A money cell: `parse_amount`, then held to paise.

    A float that differs from its paise value only by binary noise (0.30000000000000004) is
    rounded; a real third decimal (333.333) is refused, because an accountant must decide how to
    round it.
    """
    amount = parse_amount(value)
    if amount is None:
        return None
    rounded = amount.quantize(PAISE, rounding=ROUND_HALF_UP)
    if rounded != amount:
        if isinstance(value, float) and abs(rounded - amount) < Decimal("0.000001"):
            return rounded
        raise ValueError(
            f"'{value}' has more than two decimal places; round it to paise (=ROUND(x, 2))"
        )
    return rounded


def group_indian(whole: int) -> str:
    """Digits of a non-negative whole number grouped the Indian way: 1234567 → '12,34,567'."""
    digits = str(whole)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    if head:
        pairs.insert(0, head)
    return ",".join([*pairs, tail])


def format_inr(amount: Decimal | int | None, symbol: bool = False) -> str:
    """Money as text, the one way xlbo writes it: Indian grouping (lakh, crore), two decimals,
    a minus sign before a negative amount and before its ₹; "" for no amount. An `int` is whole
    rupees; paise go through `from_paise` first (`format_inr(from_paise(paise))`).

    >>> format_inr(Decimal("1234567.5")), format_inr(0), format_inr(Decimal("-0.01"))
    ('12,34,567.50', '0.00', '-0.01')
    >>> format_inr(Decimal("-1512086.68"), symbol=True)
    '-₹15,12,086.68'
    """
    if amount is None:
        return ""
    value = Decimal(amount).quantize(PAISE, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    return f"{sign}{'₹' if symbol else ''}{group_indian(int(whole))}.{fraction or '00'}"


def format_money(amount: Decimal | int | None, currency: str = "") -> str:
    """`format_inr`, and in another currency (an EEFC account's dollars; `currency` an ISO
    code) the amount grouped by thousands, as it is written there.

    >>> format_money(Decimal("1234567.5")), format_money(Decimal("-1234567.5"), "USD")
    ('12,34,567.50', '-1,234,567.50')
    """
    if amount is None or not foreign(currency):
        return format_inr(amount)
    return f"{Decimal(amount).quantize(PAISE, rounding=ROUND_HALF_UP):,f}"


def decimal_text(amount: Decimal | int | str | None) -> str:
    """Rupees as a plain decimal with two places (`1234.50`, `-0.05`): money in a log or a file
    that a program reads back, never grouped for people (that is `format_inr`); '' for blank,
    and text that is no amount comes back as it is."""
    if amount is None or amount == "":
        return ""
    try:
        return format(Decimal(str(amount)).quantize(PAISE, rounding=ROUND_HALF_UP), "f")
    except ArithmeticError:
        return str(amount)
