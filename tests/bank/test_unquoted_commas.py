"""A CSV written without quotes around its Indian-grouped amounts (helper-19a
u01_unquoted_commas.py): `12,500.00` is two fields, `12` and `500.00`, and every figure after
it moves a column. Before: read silently as ₹12.00 out, the balance as ₹3.00, and the BRS
built on them. Now refused, naming the row, with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.test_more_banks import totals
from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.readers.statement import read_statement

UNQUOTED = (
    "Date,Narration,Chq./Ref.No.,Withdrawal,Deposit,Balance\n"
    "01/10/2026,SMS CHARGES,,17.70,,982.30\n"
    "03/10/2026,CHQ PAID-000451-MEHTA & CO,000451,12,500.00,,3,57,500.00\n"
    "07/10/2026,UPI/627512345678/RAHUL GUPTA,627512345678,,8,260.50,3,65,760.50\n"
)


def test_amounts_with_unquoted_commas_are_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text(UNQUOTED, encoding="utf-8")
    with pytest.raises(SheetProblem) as refused:
        read_statement(str(path))
    assert str(refused.value).startswith(
        "bank.csv, sheet bank: row 3 has more fields than the header row (6), as do 2 line(s) "
        "in all: a comma inside a cell (an amount's, 1,50,000.00, or a narration's) is not "
        "quoted"
    )


def test_the_cli_refuses_it_with_exit_2_and_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(UNQUOTED, encoding="utf-8")
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Opening Balance,,,1000.00,\n"
        "03/10/2026,Mehta & Co,Payment,1,,12500.00\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "row 3 has more fields than the header row" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_the_same_amounts_quoted_are_read(tmp_path: Path) -> None:
    """The control: the same lines with the amounts quoted, as banks write them."""
    path = tmp_path / "bank.csv"
    path.write_text(
        "Date,Narration,Chq./Ref.No.,Withdrawal,Deposit,Balance\n"
        "01/10/2026,SMS CHARGES,,17.70,,982.30\n"
        '03/10/2026,CHQ PAID-000451-MEHTA & CO,000451,"12,500.00",,"3,57,500.00"\n'
        '07/10/2026,UPI/627512345678/RAHUL GUPTA,627512345678,,"8,260.50","3,65,760.50"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert totals(lines) == (3, 1770 + 1250000, 826050)
    assert lines.closing == 36576050
