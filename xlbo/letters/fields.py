"""A sheet row as the fields of a letter: each column by a name a Word template can use.

A template names a column by its header made into a Jinja name — every run of characters other
than letters, digits and `_` becomes one `_` (`Employee Name` → `{{ Employee_Name }}`,
`Date of Joining` → `{{ Date_of_Joining }}`, `Payment Terms (days)` → `{{ Payment_Terms_days }}`)
— or by the header itself through `row`: `{{ row["Father's Name"] }}` (a header that is not on the
sheet stops the merge; `{{ row.get("Father's Name", "") }}` leaves it blank instead).

Every field is text as the letter prints it: dates day-first (`01-04-2026`), amounts of the
master's money columns with Indian grouping (`1,25,000.00`), whole numbers without `.0`, Yes/No
as typed. Filters turn text back into figures: `{{ Basic|inr }}` (₹ grouping), `{{ Basic|words }}`
(the amount in words, in the letter's language), `{{ Aadhaar|mask }}` (XXXX XXXX 1234).

    >>> jinja_name("Employee Name"), jinja_name("PF on Actual Wages"), jinja_name("1st Contact")
    ('Employee_Name', 'PF_on_Actual_Wages', '_1st_Contact')
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from xlbo.cells import excel_error, is_blank
from xlbo.money import format_inr, parse_amount
from xlbo.words import Language, amount_in_words

_NOT_NAME = re.compile(r"[^0-9A-Za-z_]+")
_JINJA_WORDS = {"true", "false", "none", "and", "or", "not", "in", "is", "if", "else", "for"}


def jinja_name(header: str) -> str:
    """A column header as a name a Jinja tag can hold (see the module's docstring)."""
    name = _NOT_NAME.sub("_", header.strip()).strip("_")
    if not name:
        return ""
    if name[0].isdigit():
        name = f"_{name}"
    if keyword.iskeyword(name) or name.lower() in _JINJA_WORDS:
        name = f"{name}_"
    return name


def field_text(value: Any, money: bool = False) -> str:
    """A cell as a letter prints it: '' for a blank or an Excel error, dates day-first, whole
    numbers without '.0', a money column's amount with Indian grouping."""
    if is_blank(value) or excel_error(value) is not None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):  # a datetime too
        return value.strftime("%d-%m-%Y")
    if money:
        try:
            amount = parse_amount(value)
        except ValueError:
            amount = None
        if amount is not None:
            return format_inr(amount)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value).strip()


def row_fields(
    headers: Sequence[str], values: Sequence[Any], money: frozenset[str] = frozenset()
) -> dict[str, str]:
    """A row's fields by header (`row["Employee Name"]`), each as text (`field_text`); `money`
    are the headers of amount columns."""
    return {
        header: field_text(value, header in money)
        for header, value in zip(headers, values, strict=True)
        if header
    }


def names_of(headers: Sequence[str]) -> dict[str, str]:
    """Each header's Jinja name → the header (the first header wins a name two share)."""
    names: dict[str, str] = {}
    for header in headers:
        name = jinja_name(header)
        if name and name not in names:
            names[name] = header
    return names


# -- filters a template can use -----------------------------------------------------------------


def _amount(text: Any) -> Decimal | None:
    try:
        return parse_amount(text)
    except (ValueError, InvalidOperation):
        return None


def with_symbol(text: Any) -> str:
    """`{{ Basic|inr }}`: an amount with Indian grouping and ₹ (text that is no amount stays)."""
    amount = _amount(text)
    return format_inr(amount, symbol=True) if amount is not None else str(text or "")


def mask(text: Any) -> str:
    """`{{ Aadhaar|mask }}`: only the last four characters shown (XXXX XXXX 1234), as an
    Aadhaar number must be printed on a letter that is not for UIDAI."""
    plain = re.sub(r"\s+", "", str(text or ""))
    if len(plain) <= 4:
        return plain
    hidden = "X" * (len(plain) - 4) + plain[-4:]
    first = len(hidden) % 4 or 4  # in fours from the right: XX XXXX XXXX 5678
    return " ".join([hidden[:first], *(hidden[i : i + 4] for i in range(first, len(hidden), 4))])


def words_filter(language: Language) -> Any:
    """`{{ Total|words }}`: the amount in words in the letter's language."""

    def words(text: Any) -> str:
        amount = _amount(text)
        if amount is None:
            return ""
        try:
            return amount_in_words(amount, language)
        except ValueError:
            return ""

    return words


def filters(language: Language) -> Mapping[str, Any]:
    """The filters every letter's template may use."""
    return {"inr": with_symbol, "mask": mask, "words": words_filter(language)}
