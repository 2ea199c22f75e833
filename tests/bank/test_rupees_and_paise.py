"""Amounts written in two columns, rupees and paise, as a bank book kept by hand rules its money
columns: `Rs.` | `Ps.` under an `Amount` heading merged over both (the hostile tester's c09b),
under `Receipts` and `Payments`, or headed `Debit Rs.` | `Ps.` on one row; a statement copied
so. Before, the paise column was passed over without a word: 8,432.75 was read as 8,432.00 and
1,20,000.50 as 1,20,000.00, and the BRS was off by the paise with every line 'read'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from xlbo.cli import main
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement


def test_a_two_sided_books_amount_in_rupees_and_paise_under_one_heading(
    xlsx: Callable[..., Path],
) -> None:
    rows = [
        ["KAVERI TRADERS"],
        ["Bank Book - HDFC Bank A/c 50200012345678"],
        ["Dr.", None, None, None, None, None, None, None, None, "Cr."],
        ["Date", "Particulars", "V.No.", "Amount", None, "Date", "Particulars", "V.No.", "Amount", None],
        [None, None, None, "Rs.", "Ps.", None, None, None, "Rs.", "Ps."],
        [datetime(2026, 11, 1), "To Balance b/d", None, 500000, "00", datetime(2026, 11, 2), "By Ramesh Properties (Rent)", "P1", 50000, "00"],
        [datetime(2026, 11, 3), "To Om Sai Traders", "R1", 250000, "00", datetime(2026, 11, 10), "By BESCOM Electricity", "P2", 8432, "75"],
        [datetime(2026, 11, 18), "To Gupta & Sons", "R3", 120000, "50", datetime(2026, 11, 30), "By Balance c/d", None, 811567, "75"],
        [None, None, None, 870000, "50", None, None, None, 870000, "50"],
    ]  # fmt: skip
    path = xlsx({"Bank Book": rows}, merged={"Bank Book": ["D4:E4", "I4:J4"]})
    lines = read_ledger(str(path))
    frame = lines.frame
    assert frame["particulars"].tolist() == [
        "Om Sai Traders",
        "Gupta & Sons",
        "Ramesh Properties (Rent)",
        "BESCOM Electricity",
    ]
    assert frame["debit"].tolist() == [25000000, 12000050, 0, 0]
    assert frame["credit"].tolist() == [0, 0, 5000000, 843275]
    assert frame["date"].tolist()[-1] == date(2026, 11, 10)
    assert (lines.opening, lines.closing) == (50000000, 81156775)
    assert lines.issues == []


BOOK = [
    ["KAVERI TRADERS"],
    ["Bank Book - November 2026"],
    ["Date", "Particulars", "Receipts", None, "Payments", None],
    [None, None, "Rs.", "Ps.", "Rs.", "Ps."],
    [datetime(2026, 11, 1), "To Balance b/d", 500000, "00", None, None],
    [datetime(2026, 11, 3), "To Om Sai Traders", 1250, 50, None, None],
    [datetime(2026, 11, 10), "By BESCOM", None, None, 8432, "75"],
    [datetime(2026, 11, 12), "By Cash", None, None, 5000, "-"],
    [datetime(2026, 11, 20), "By Bank Charges", None, None, None, "59"],
    [datetime(2026, 11, 30), "By Balance c/d", None, None, 487817, "16"],
]
"""Receipts and Payments each over `Rs.` | `Ps.`: 1,250.50 in; 8,432.75, 5,000.00 (paise `-`)
and 0.59 (paise alone) out; 5,00,000.00 b/d and 4,87,817.16 c/d."""


def test_receipts_and_payments_each_in_rupees_and_paise(xlsx: Callable[..., Path]) -> None:
    lines = read_ledger(str(xlsx({"Bank Book": BOOK})))
    frame = lines.frame
    assert frame["particulars"].tolist() == ["Om Sai Traders", "BESCOM", "Cash", "Bank Charges"]
    assert frame["debit"].tolist() == [125050, 0, 0, 0]
    assert frame["credit"].tolist() == [0, 843275, 500000, 59]
    assert (lines.opening, lines.closing) == (50000000, 48781716)
    assert lines.issues == []


def test_debit_rs_and_ps_headed_on_one_row(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch No.", "Debit Rs.", "Ps.", "Credit Rs.", "Ps."],
        [datetime(2026, 11, 1), "Opening Balance", None, 100000, 0, None, None],
        [datetime(2026, 11, 4), "Balaji Traders", "R41", 5000, 5, None, None],
        [datetime(2026, 11, 6), "Kaveri Home Needs", "P17", None, None, 2000, 99],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows})))
    assert lines.frame["debit"].tolist() == [500005, 0]
    assert lines.frame["credit"].tolist() == [0, 200099]
    assert lines.opening == 10000000
    assert lines.issues == []


def test_a_statement_copied_in_rupees_and_paise(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Statement of Account No 50200012345678 for the period 01/11/2026 to 30/11/2026"],
        ["Date", "Narration", "Withdrawal", None, "Deposit", None, "Balance", None],
        [None, None, "Rs.", "Ps.", "Rs.", "Ps.", "Rs.", "Ps."],
        ["03/11/2026", "NEFT CR-OM SAI TRADERS", None, None, 1250, 50, 501250, 50],
        ["10/11/2026", "NEFT DR-BESCOM", 8432, 75, None, None, 492817, 75],
        ["30/11/2026", "SMS CHARGES", 17, 70, None, None, 492800, "05"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, merged={"Statement": ["C2:D2"]})))
    frame = lines.frame
    assert frame["credit"].tolist() == [125050, 0, 0]
    assert frame["debit"].tolist() == [0, 843275, 1770]
    assert frame["balance"].tolist() == [50125050, 49281775, 49280005]
    assert lines.closing == 49280005
    assert lines.issues == []
    assert lines.findings == []


@pytest.mark.parametrize(
    ("rupees", "paise", "shown"),
    [
        (1250, "5x", "1250 Rs. 5x Ps."),
        (1250, 150, "1250 Rs. 150 Ps."),
        (1250.5, 50, "1250.5 Rs. 50 Ps."),
    ],
)
def test_a_paise_cell_that_is_no_paise_is_said_and_its_line_left_out(
    xlsx: Callable[..., Path], rupees: float, paise: object, shown: str
) -> None:
    rows = [list(row) for row in BOOK]
    rows[5][2:4] = [rupees, paise]
    lines = read_ledger(str(xlsx({"Bank Book": rows})))
    assert lines.frame["particulars"].tolist() == ["BESCOM", "Cash", "Bank Charges"]
    [issue] = lines.issues
    assert issue.cell == "C6"
    assert issue.problem == (
        f"Row 6: '{shown}' is not an amount; type a number such as 1,23,456.50"
    )


def test_a_book_in_rupees_and_paise_reconciles_to_the_paisa(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx(
        {
            "Statement": [
                ["Statement From : 01/11/2026 To : 30/11/2026"],
                ["Date", "Narration", "Withdrawal Amt.", "Deposit Amt.", "Closing Balance"],
                ["03/11/2026", "NEFT CR-OM SAI TRADERS", None, 1250.50, 501250.50],
                ["10/11/2026", "NEFT DR-BESCOM", 8432.75, None, 492817.75],
                ["12/11/2026", "CHQ WDL SELF", 5000, None, 487817.75],
                ["20/11/2026", "SMS CHARGES", 0.59, None, 487817.16],
            ]
        },
        name="bank.xlsx",
    )
    books = xlsx({"Bank Book": BOOK}, name="book.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "4 matches, 0 bank and 0 ledger lines unmatched" in said
    assert "0 unreadable cells; BRS difference 0.00" in said
