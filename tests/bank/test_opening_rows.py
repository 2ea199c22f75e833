"""Opening-balance rows as banks print them above the first line (helper-19a openings.py): a
row of layout, never a line, though the bank dates it and writes its figure in the Deposit
column, with the balance equal to it. Each statement holds the same month: four lines, the
first the ₹45,000.00 deposit, and the opening balance ₹1,00,000.00 stated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from tests.bank.test_pdf_conversions import HEAD, LINES, Row
from xlbo.readers.statement import read_statement

OPENINGS: dict[str, Row] = {
    # helper-19a mini_opening_bal_credit. Before: read as a deposit of ₹1,00,000.00
    "OPENING BAL in the Deposit column": [
        "01/10/2026", "OPENING BAL", None, None, "1,00,000.00", "1,00,000.00"
    ],
    "Balance Brought Forward in the Deposit column": [
        "01/10/2026", "Balance Brought Forward", None, None, "1,00,000.00", "1,00,000.00"
    ],
    "B/F with Cr in the Deposit column": [
        "01/10/2026", "B/F", None, None, "1,00,000.00 Cr", "1,00,000.00 Cr"
    ],
    "BAL B/F": ["01/10/2026", "BAL B/F", None, None, None, "1,00,000.00"],
    "B/F BALANCE": ["01/10/2026", "B/F BALANCE", None, None, None, "1,00,000.00"],
    "BALANCE FORWARD": ["01/10/2026", "BALANCE FORWARD", None, None, None, "1,00,000.00"],
}  # fmt: skip


@pytest.mark.parametrize("name", OPENINGS)
def test_an_opening_balance_row_is_no_line(name: str, xlsx: Callable[..., Path]) -> None:
    rows = [HEAD, OPENINGS[name], *LINES]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines)[0] == (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000)
    assert chains(lines)
    assert lines.opening == 10000000
    assert lines.closing == 26374925


def test_a_party_named_like_a_balance_is_still_a_line(xlsx: Callable[..., Path]) -> None:
    """Hostile: `BALANCE FORWARD LOGISTICS` is a party, not a layout row."""
    first = ["01/10/2026", "BALANCE FORWARD LOGISTICS", None, None, "45,000.00", "1,45,000.00"]
    rows = [HEAD, first, *LINES[1:]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines)[0] == 4
    assert first_and_last(lines)[0] == (date(2026, 10, 1), "BALANCE FORWARD LOGISTICS", 4500000)
