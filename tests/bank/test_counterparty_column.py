"""The other party's name in a column of its own beside the narration (Standard Chartered's
Straight2Bank `Remitter / Beneficiary`, a portal's `Beneficiary Name`): read with the narration.
Left unread (helper-116, c07c), two receipts of 50,000.00 of one day from two customers were
four suggestions and four BRS items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from xlbo.cli import main
from xlbo.readers.statement import read_statement

STATEMENT = [
    ["STANDARD CHARTERED BANK"],
    ["Account: 0123456789012 NILGIRI AGRO FOODS PRIVATE LIMITED"],
    ["From 01/11/2026 To 30/11/2026"],
    [],
    ["Transaction Date", "Value Date", "Description", "Remitter / Beneficiary", "Reference",
     "Debit", "Credit", "Running Balance"],
    ["12/11/2026", "12/11/2026", "NEFT CR", "PRIYA ENTERPRISES", "CNRBN001", None, 50000, 150000],
    ["12/11/2026", "12/11/2026", "NEFT CR", "SELVAM AND SONS", "UBINN002", None, 50000, 200000],
    ["13/11/2026", "13/11/2026", "CHQ PAID 100201 LAKSHMI ESTATES", None, "100201", 35000, None,
     165000],
]  # fmt: skip
LEDGER = [
    ["Nilgiri Agro Foods Pvt Ltd"],
    ["Standard Chartered Bank A/c"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    [date(2026, 11, 1), "Opening Balance", None, None, 100000, None],
    [date(2026, 11, 12), "Selvam & Sons", "Receipt", "7", 50000, None],
    [date(2026, 11, 12), "Priya Enterprises", "Receipt", "8", 50000, None],
    [date(2026, 11, 13), "Lakshmi Estates Chq 100201", "Payment", "9", None, 35000],
]


@pytest.mark.parametrize("header", ["Remitter / Beneficiary", "Beneficiary Name", "Counterparty"])
def test_the_other_partys_column_is_read_with_the_narration(
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    header: str,
) -> None:
    rows = [list(r) for r in STATEMENT]
    rows[4][3] = header
    bank = xlsx({"Statement": rows}, name="bank.xlsx")
    lines = read_statement(str(bank))
    assert lines.frame["narration"].tolist()[:2] == [
        "NEFT CR PRIYA ENTERPRISES",
        "NEFT CR SELVAM AND SONS",
    ]
    books = xlsx({"Ledger": LEDGER}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert "3 matches, 0 bank and 0 ledger lines unmatched, 0 suggestions" in said, said
    assert code == 0
    matches = list(openpyxl.load_workbook(out)["Matches"].iter_rows(values_only=True))[1:]
    assert {(r[7], r[10]) for r in matches} >= {
        ("NEFT CR PRIYA ENTERPRISES", "Priya Enterprises"),
        ("NEFT CR SELVAM AND SONS", "Selvam & Sons"),
    }
