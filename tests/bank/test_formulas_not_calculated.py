"""Amounts written as formulas by a program that does not calculate (a script with openpyxl
writes `=200000+50000` and no value; Excel and LibreOffice store the value when they save).
Such a cell reads as empty. Before, a ledger's vouchers of them were left out without a word
(the BRS 'tied' on the opening balance alone, exit 0), its opening balance was 0.00, and a
statement of them was 'no statement lines' with nothing said of formulas. Now the file, the
sheet and the cells are named, exit 2; a closing balance of one is a warning (the lines say
it), and a Total row of them is layout, as ever."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

SAVE = (
    "Open the file in Excel or LibreOffice and save it so the values are stored, then "
    "reconcile again."
)
TITLE = [["Kaveri Traders"], ["HDFC Bank A/c"], ["1-Nov-2026 to 30-Nov-2026"]]
HEADER = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]


def ledger(opening: Any = 500000, om_sai: Any = 250000, bescom: Any = 8432.75) -> list[list[Any]]:
    return [
        *TITLE,
        HEADER,
        [datetime(2026, 11, 1), "Opening Balance", None, None, opening, None],
        [datetime(2026, 11, 3), "Om Sai Traders", "Receipt", "1", om_sai, None],
        [datetime(2026, 11, 7), "Sharma Enterprises", "Receipt", "2", 45000, None],
        [datetime(2026, 11, 10), "BESCOM", "Payment", "3", None, bescom],
        [None, "Total", None, None, "=SUM(E5:E8)", "=SUM(F5:F8)"],
    ]


def statement(om_sai: Any = 250000, bescom: Any = 8432.75) -> list[list[Any]]:
    return [
        ["Statement From : 01/11/2026 To : 30/11/2026"],
        ["Date", "Narration", "Withdrawal", "Deposit", "Balance"],
        ["03/11/2026", "NEFT CR OM SAI TRADERS", None, om_sai, 750000],
        ["07/11/2026", "CHQ DEP SHARMA", None, 45000, 795000],
        ["10/11/2026", "NEFT DR BESCOM", bescom, None, 786567.25],
        [None, "Total", "=SUM(C3:C5)", "=SUM(D3:D5)", None],
    ]


def test_a_ledgers_amounts_saved_as_formulas_without_values_are_refused_naming_the_cells(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Ledger": ledger(om_sai="=200000+50000", bescom="=8000+432.75")}, name="l.xlsx")
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(path))
    assert str(refused.value) == (
        "l.xlsx, sheet Ledger: 2 amount cell(s) hold a formula saved without its value, as a "
        "program that does not calculate (a script) writes it: E6 (=200000+50000), F8 "
        "(=8000+432.75). xlbo reads no value there: the lines, balances or sides they give would "
        f"be missing from the BRS. {SAVE}"
    )


def test_a_ledgers_opening_balance_saved_as_a_formula_is_refused(
    xlsx: Callable[..., Path],
) -> None:
    """Read as empty, the opening balance was 0.00, and the BRS off by all of it."""
    path = xlsx({"Ledger": ledger(opening="=400000+100000")}, name="l.xlsx")
    with pytest.raises(SheetProblem, match=r"1 amount cell\(s\) .*: E5 \(=400000\+100000\)\."):
        read_ledger(str(path))


def test_a_statements_amounts_saved_as_formulas_are_refused_at_the_door(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Sheet1": statement(om_sai="=250000", bescom="=8432.75")}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger()}, name="books.xlsx")
    with pytest.raises(SheetProblem, match=r"D3 \(=250000\), C5 \(=8432\.75\)"):
        read_statement(str(bank))
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "xlbo: bank.xlsx, sheet Sheet1: 2 amount cell(s) hold a formula saved without its "
        "value, as a program that does not calculate (a script) writes it: D3 (=250000), C5 "
        "(=8432.75). xlbo reads no value there: the lines, balances or sides they give would be "
        f"missing from the BRS. {SAVE}\n"
    )
    assert not out.exists()


def test_a_ledger_of_formulas_is_refused_by_the_cli_not_reconciled_as_nothing(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: exit 0, '0 ledger lines', the BRS 'tied' on the opening balance."""
    rows = ledger(om_sai="=250000", bescom="=8432.75")
    rows[6][4] = "=45000"
    bank = xlsx({"Sheet1": statement()}, name="bank.xlsx")
    books = xlsx({"Ledger": rows}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "xlbo: books.xlsx, sheet Ledger: 3 amount cell(s) hold a formula saved without its "
        "value, as a program that does not calculate (a script) writes it: E6 (=250000), E7 "
        "(=45000), F8 (=8432.75)."
    )
    assert not out.exists()


def test_a_balance_that_tells_an_unsigned_amounts_side_saved_as_a_formula_is_refused(
    xlsx: Callable[..., Path],
) -> None:
    """One unsigned Amount beside a running Balance: the balance says which way the money went.
    Read as empty, the payment of 8,432.75 was taken for a receipt."""
    rows = [
        ["Bank Book - November 2026"],
        ["Date", "Particulars", "Amount", "Balance"],
        [datetime(2026, 11, 1), "Opening Balance", None, 500000],
        [datetime(2026, 11, 3), "Om Sai Traders", 250000, "=D3+C4"],
        [datetime(2026, 11, 10), "BESCOM", 8432.75, "=D4-C5"],
    ]
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(xlsx({"Bank Book": rows}, name="l.xlsx")))
    assert str(refused.value).startswith(
        "l.xlsx, sheet Bank Book: 2 money cell(s) hold a formula saved without its value, as a "
        "program that does not calculate (a script) writes it: D4 (=D3+C4), D5 (=D4-C5)."
    )


def test_totals_of_formulas_are_layout_and_the_lines_are_read(xlsx: Callable[..., Path]) -> None:
    lines = read_ledger(str(xlsx({"Ledger": ledger()}, name="l.xlsx")))
    assert lines.frame["debit"].tolist() == [25000000, 4500000, 0]
    assert lines.frame["credit"].tolist() == [0, 0, 843275]
    assert lines.issues == []
    bank = read_statement(str(xlsx({"Sheet1": statement()}, name="b.xlsx")))
    assert bank.frame["credit"].tolist() == [25000000, 4500000, 0]
    assert bank.issues == []


def test_a_hand_kept_books_running_balance_of_formulas_and_its_closing_balance(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The amounts are numbers, the Balance column formulas: the lines are read and the closing
    balance, a formula, is said; the BRS stands on the opening balance and the lines."""
    rows = [
        ["Kaveri Traders"],
        ["Bank Book - November 2026"],
        ["Date", "Particulars", "Receipts", "Payments", "Balance"],
        [datetime(2026, 11, 1), "Opening Balance", None, None, 500000],
        [datetime(2026, 11, 3), "Om Sai Traders", 250000, None, "=E4+C5-D5"],
        [datetime(2026, 11, 7), "Sharma Enterprises", 45000, None, "=E5+C6-D6"],
        [datetime(2026, 11, 10), "BESCOM", None, 8432.75, "=E6+C7-D7"],
        [None, "Closing Balance", None, None, "=E7"],
    ]
    books = xlsx({"Bank Book": rows}, name="books.xlsx")
    lines = read_ledger(str(books))
    assert lines.frame["particulars"].tolist() == ["Om Sai Traders", "Sharma Enterprises", "BESCOM"]
    assert (lines.opening, lines.closing) == (50000000, None)
    [issue] = lines.issues
    assert (issue.severity, issue.cell, issue.value) == (Severity.WARNING, "E8", "=E7")
    assert issue.problem == (
        "Row 8: the closing balance is a formula saved without its value: the ledger's own "
        "closing balance could not be read, and the BRS stands on its opening balance and lines"
    )
    assert issue.hint == SAVE
    bank = xlsx({"Sheet1": statement()}, name="bank.xlsx")
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert "BRS difference 0.00" in capsys.readouterr().out
