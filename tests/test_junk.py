"""The junk sweep: every cell reader is fed what Excel cells really send and either reads it or
says why not — a ValueError with a message, never another exception."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from xlbo import ids
from xlbo.cells import clean_text, parse_percent, parse_whole_number, parse_yes_no
from xlbo.dates import parse_date
from xlbo.master import fields
from xlbo.money import parse_amount, parse_money
from xlbo.states import find_state

JUNK: list[Any] = [
    None,
    "",
    "   ",
    "\u00a0",
    0,
    0.0,
    -1,
    False,
    True,
    1e15,
    1e300,
    float("nan"),
    float("inf"),
    "#N/A",
    "#REF!",
    "#VALUE!",
    date(2025, 4, 1),
    datetime(2025, 4, 1, 10, 30),
    time(10, 30),
    "x" * 10_000,
    "9" * 400,
    "महाराष्ट्र",
    "₹₹₹",
    "😀",
    "=1+1",
    "+91",
    "@SUM(A1)",
    object(),
    [1, 2],
    Decimal("NaN"),
]

READERS: dict[str, Callable[[Any], Any]] = {
    "clean_text": clean_text,
    "parse_amount": parse_amount,
    "parse_money": parse_money,
    "parse_date": parse_date,
    "parse_percent": parse_percent,
    "parse_whole_number": parse_whole_number,
    "parse_yes_no": parse_yes_no,
    "find_state": find_state,
}

FIELD_TYPES: dict[str, Any] = {
    name: getattr(fields, name)
    for name in (
        "Text",
        "OptText",
        "Id",
        "OptId",
        "Money",
        "OptMoney",
        "Day",
        "OptDay",
        "Rate",
        "Count",
        "YesNo",
        "StateName",
        "OptStateName",
        "Months",
        "FinancialYear",
    )
}


@pytest.mark.parametrize("reader", READERS.values(), ids=list(READERS))
@pytest.mark.parametrize("cell", JUNK, ids=[repr(j)[:20] for j in JUNK])
def test_readers_read_or_explain(reader: Callable[[Any], Any], cell: Any) -> None:
    try:
        reader(cell)
    except ValueError as error:
        assert str(error), "a refusal must say why"
        assert "Traceback" not in str(error)


@pytest.mark.parametrize("kind", FIELD_TYPES.values(), ids=list(FIELD_TYPES))
@pytest.mark.parametrize("cell", JUNK, ids=[repr(j)[:20] for j in JUNK])
def test_master_cell_types_read_or_explain(kind: Any, cell: Any) -> None:
    try:
        TypeAdapter(kind).validate_python(cell)
    except ValidationError as error:
        assert error.errors()[0]["msg"]


def test_excel_error_values_are_named_not_blank() -> None:
    for reader in READERS.values():
        with pytest.raises(ValueError, match="Excel error #N/A"):
            reader("#N/A")


@pytest.mark.parametrize("kind", list(ids.IdKind))
@pytest.mark.parametrize("cell", JUNK, ids=[repr(j)[:20] for j in JUNK])
def test_identifiers_refuse_junk_with_a_reason(kind: ids.IdKind, cell: Any) -> None:
    assert ids.is_valid(kind, cell) is False
    reason = ids.explain(kind, cell)
    assert reason
    assert len(reason) < 300
    with pytest.raises(ids.InvalidIdentifier):
        ids.validate(kind, cell)
