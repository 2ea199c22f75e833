"""Statements as each major Indian bank exports them; CSV and Parquet inputs past Excel's size;
the long tables written as files beside the result, and decisions read back from them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest

from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.jobs.reconcile import Detail, detail_files, run_reconcile, write_result
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

# Header rows as the banks' net-banking exports have them, and one deposit of 1,500.00 and one
# withdrawal of 250.75 in each bank's own way of writing them.
LAYOUTS: dict[str, tuple[list[Any], list[Any], list[Any]]] = {
    "SBI": (
        [
            "Txn Date",
            "Value Date",
            "Description",
            "Ref No./Cheque No.",
            "Debit",
            "Credit",
            "Balance",
        ],
        [
            "01 Oct 2026",
            "01 Oct 2026",
            "BY TRANSFER-NEFT*SBIN0001",
            "",
            "",
            "1,500.00",
            "11,500.00",
        ],
        ["02 Oct 2026", "02 Oct 2026", "TO CLG CHQ 000451", "000451", "250.75", "", "11,249.25"],
    ),
    "HDFC": (
        [
            "Date",
            "Narration",
            "Chq./Ref.No.",
            "Value Dt",
            "Withdrawal Amt.",
            "Deposit Amt.",
            "Closing Balance",
        ],
        ["01/10/26", "NEFT CR-SBIN0001-A", "0000000000000000", "01/10/26", None, 1500, 11500],
        ["02/10/26", "CHQ PAID-MICR", "000451", "02/10/26", 250.75, None, 11249.25],
    ),
    "ICICI": (
        [
            "S No.",
            "Value Date",
            "Transaction Date",
            "Cheque Number",
            "Transaction Remarks",
            "Withdrawal Amount (INR )",
            "Deposit Amount (INR )",
            "Balance (INR )",
        ],
        [1, "01/10/2026", "01/10/2026", "-", "NEFT-A", 0, 1500, 11500],
        [2, "02/10/2026", "02/10/2026", "451", "CLG/B", 250.75, 0, 11249.25],
    ),
    "Axis": (
        ["Tran Date", "CHQNO", "PARTICULARS", "DR", "CR", "BAL", "SOL"],
        ["01-10-2026", "", "NEFT/A", "", "1500.00", "11500.00", "123"],
        ["02-10-2026", "451", "CLG/B", "250.75", "", "11249.25", "123"],
    ),
    "Kotak": (
        [
            "Sl. No.",
            "Transaction Date",
            "Value Date",
            "Description",
            "Chq / Ref No.",
            "Amount",
            "Dr / Cr",
            "Balance",
            "Dr / Cr",
        ],
        [1, "01-10-2026", "01-10-2026", "NEFT A", "", "1,500.00", "CR", "11,500.00", "CR"],
        [2, "02-10-2026", "02-10-2026", "CLG B", "451", "250.75", "DR", "11,249.25", "CR"],
    ),
    "PNB": (
        ["Transaction Date", "Cheque Number", "Withdrawal", "Deposit", "Balance", "Narration"],
        ["01/10/2026", "", "", "1500.00", "11500.00 Cr.", "NEFT A"],
        ["02/10/2026", "451", "250.75", "", "11249.25 Cr.", "CLG B"],
    ),
    "Bank of Baroda": (
        [
            "TRAN DATE",
            "VALUE DATE",
            "NARRATION",
            "CHQ.NO.",
            "WITHDRAWAL(DR)",
            "DEPOSIT(CR)",
            "BALANCE(INR)",
        ],
        ["01-10-2026", "01-10-2026", "NEFT A", "", "", "1,500.00", "11,500.00"],
        ["02-10-2026", "02-10-2026", "CLG B", "451", "250.75", "", "11,249.25"],
    ),
    "Canara": (
        [
            "Txn Date",
            "Value Date",
            "Cheque No.",
            "Description",
            "Branch Code",
            "Debit",
            "Credit",
            "Balance",
        ],
        ["01-10-2026", "01-10-2026", "", "NEFT A", "1234", "", "1500", "11500"],
        ["02-10-2026", "02-10-2026", "451", "CLG B", "1234", "250.75", "", "11249.25"],
    ),
    "Yes": (
        [
            "Transaction Date",
            "Value Date",
            "Cheque No/Reference No",
            "Description",
            "Withdrawals",
            "Deposits",
            "Running Balance",
        ],
        ["01/10/2026", "01/10/2026", "", "NEFT A", "", "1,500.00", "11,500.00"],
        ["02/10/2026", "02/10/2026", "451", "CLG B", "250.75", "", "11,249.25"],
    ),
    "IDFC First": (
        [
            "Transaction Date",
            "Value Date",
            "Particulars",
            "Cheque No.",
            "Debit",
            "Credit",
            "Balance",
        ],
        ["01-Oct-2026", "01-Oct-2026", "NEFT A", "", "", "1500.00", "11500.00"],
        ["02-Oct-2026", "02-Oct-2026", "CLG B", "451", "250.75", "", "11249.25"],
    ),
}


@pytest.mark.parametrize("bank", sorted(LAYOUTS))
def test_each_banks_layout_is_read(bank: str, xlsx: Callable[..., Path], tmp_path: Path) -> None:
    head, deposit, withdrawal = LAYOUTS[bank]
    rows = [
        [f"{bank} Bank"],
        ["Account statement for 01-10-2026 to 31-10-2026"],
        [],
        head,
        deposit,
        withdrawal,
        [],
        ["** Computer generated statement **"],
    ]
    for path in (
        xlsx({"Statement": rows}, name="statement.xlsx"),
        _csv(tmp_path / "statement.csv", rows),
    ):
        lines = read_statement(str(path)).frame
        assert lines["date"].tolist() == [date(2026, 10, 1), date(2026, 10, 2)], path.name
        assert lines["credit"].tolist() == [150000, 0], path.name
        assert lines["debit"].tolist() == [0, 25075], path.name
        assert lines["balance"].tolist() == [1150000, 1124925], path.name
        assert lines["row"].tolist() == [5, 6], path.name


def _csv(path: Path, rows: list[list[Any]]) -> Path:
    width = max(len(r) for r in rows)
    padded = [[*r, *[None] * (width - len(r))] for r in rows]
    pd.DataFrame(padded).to_csv(path, header=False, index=False)
    return path


STATEMENT = pd.DataFrame(
    {
        "Date": ["01/10/26", "03/10/26", "05/10/26"],
        "Narration": [
            "NEFT CR-SBIN0004567-VARDHAMAN RETAIL-SBINN26100112345678",
            # Kaveri Home Needs' UPI from a handle of digits, its name nowhere: less TDS, a
            # suggestion (by name it would be taken as a receipt less TDS)
            "UPI-9840012345@okhdfcbank-HDFC0000240-629845123456-INV",
            "=cmd|' /C calc'!A0",
        ],
        "Chq./Ref.No.": ["SBINN26100112345678", "629845123456", "000000"],
        "Withdrawal Amt.": [None, None, 590.0],
        "Deposit Amt.": [12000.0, 9900.0, None],
        "Closing Balance": [112000.0, 121900.0, 121310.0],
    }
)
LEDGER = pd.DataFrame(
    {
        "Date": ["30-09-2026", "03-10-2026"],
        "Particulars": ["Vardhaman Retail Pvt Ltd", "Kaveri Home Needs"],
        "Vch Type": ["Receipt", "Receipt"],
        "Vch No.": ["RCT/1", "RCT/2"],
        "Debit": [12000.0, 10000.0],
        "Credit": [None, None],
    }
)


def test_parquet_statement_and_ledger_are_read_typed(tmp_path: Path) -> None:
    bank, books = tmp_path / "bank.parquet", tmp_path / "books.parquet"
    STATEMENT.to_parquet(bank)
    LEDGER.to_parquet(books)
    lines = read_statement(str(bank)).frame
    assert lines["row"].tolist() == [2, 3, 4]  # the header is row 1, as in a sheet
    assert lines["credit"].tolist() == [1200000, 990000, 0]
    assert lines["reference"].tolist() == ["SBINN26100112345678", "629845123456", ""]
    assert read_ledger(str(books)).frame["debit"].tolist() == [1200000, 1000000]


def test_csv_inputs_write_the_long_tables_beside_the_workbook(tmp_path: Path) -> None:
    bank, books = tmp_path / "bank.csv", tmp_path / "books.csv"
    STATEMENT.to_csv(bank, index=False)
    LEDGER.to_csv(books, index=False)
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) in (
        0,
        1,
    )
    names = sorted(p.name for p in tmp_path.iterdir())
    assert {
        "brs-matches.csv",
        "brs-unmatched-bank.csv",
        "brs-unmatched-ledger.csv",
        "brs-suggestions.csv",
    } <= set(names)
    book = openpyxl.load_workbook(out)
    assert "Matches" not in book.sheetnames and {"Summary", "BRS", "Integrity"} <= set(
        book.sheetnames
    )
    summary = " ".join(str(c.value) for row in book["Summary"].iter_rows() for c in row if c.value)
    assert "brs-matches.csv" in summary
    matches = pd.read_csv(tmp_path / "brs-matches.csv", dtype=str)
    assert matches["Bank Row"].tolist() == ["2"]
    assert matches["Rule"].tolist() == ["Amount and date"]  # Tally shows no UTR
    assert matches["Bank Date"].tolist() == ["01-10-2026"]  # day first
    unmatched = pd.read_csv(tmp_path / "brs-unmatched-bank.csv", dtype=str)
    assert "'=cmd|' /C calc'!A0" in unmatched["Narration"].tolist()  # never a formula

    # The user accepts the TDS-short suggestion in the CSV; --confirm reads it back.
    suggestions = pd.read_csv(tmp_path / "brs-suggestions.csv", dtype=str)
    row = suggestions.index[suggestions["Kind"] == "TDS deducted"][0]
    suggestions.loc[row, "Accept"] = "Yes"
    suggestions.to_csv(tmp_path / "brs-suggestions.csv", index=False)
    assert main(["reconcile", "--confirm", str(out)]) in (0, 1)
    again = pd.read_csv(tmp_path / "brs-matches.csv", dtype=str)
    assert sorted(again["Rule"].tolist()) == ["Amount and date", "Confirmed"]


def test_parquet_detail_and_the_sheet_limit(tmp_path: Path) -> None:
    bank, books = tmp_path / "bank.parquet", tmp_path / "books.parquet"
    STATEMENT.to_parquet(bank)
    LEDGER.to_parquet(books)
    out = tmp_path / "brs.xlsx"
    result = run_reconcile(bank, books, report=out)
    assert result.detail is Detail.PARQUET
    written = write_result(result, out)
    assert written[1:] == detail_files(result, out)
    matches = pd.read_parquet(tmp_path / "brs-matches.parquet")
    assert matches["Bank Date"].tolist() == [date(2026, 10, 1)]
    assert str(matches["Bank Amount"].iloc[0]) == "12000.00"  # exact decimals, not floats
    assert result.brs.difference == 0


def test_demo_upi_collections_tie_and_leave_only_what_is_really_open(tmp_path: Path) -> None:
    from xlbo.demo.collections import build_collections

    upi = build_collections(tmp_path, lines=4000, seed=7)
    again = build_collections(tmp_path / "again", lines=4000, seed=7)
    assert upi.statement.read_bytes() == again.statement.read_bytes()  # same seed, same files
    out = tmp_path / "brs.xlsx"
    result = run_reconcile(upi.statement, upi.ledger, report=out)
    assert result.detail is Detail.CSV
    assert result.brs.difference == 0
    bank_lines = len(result.bank)
    # plan prices repeat all year: only real doubt (same amount, same-named payers, same days)
    # is left open, and the open lines are the planted ones plus those doubtful pairs
    assert result.match_count >= 0.95 * bank_lines
    charges = result.bank["narration"].str.contains("CHGS").to_numpy()
    assert set(np.flatnonzero(charges)) <= set(result.bank_open)  # charges are for booking
    assert (result.suggestions["kind"] == "Ambiguous").all()


def test_unreadable_cells_are_reported_not_lost(tmp_path: Path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        '01/10/26,NEFT CR-A,,,"1,20,0x0.50","1,00,000.00"\n'  # a typing slip in the amount
        "02/10/26,ATM WDL,,2000.00,,-\n"  # a lone dash: no balance shown, not a balance of 0
        "31/09/26,NEFT CR-B,,,500.00,98500.00\n"  # no such date
        '03/10/26,NEFT CR-C,,,"5,000.00","1,03,500.00 Cr"\n'
    )
    books = tmp_path / "books.csv"
    LEDGER.iloc[:1].to_csv(books, index=False)  # a ledger with no lines is refused
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    result = run_reconcile(bank, books, report=out)
    problems = {i.cell: i.problem for i in result.issues}
    assert "is not an amount" in problems["E2"]
    assert "is not a date" in problems["A4"]
    balances = result.bank["balance"]
    assert pd.isna(balances.iloc[0]) and balances.iloc[1] == 10350000  # the ATM line; a Cr balance
    write_result(result, out)
    book = openpyxl.load_workbook(out)
    assert "Issues" in book.sheetnames
    summary = " ".join(str(c.value) for row in book["Summary"].iter_rows() for c in row if c.value)
    assert "2 line(s) could not be read" in summary


def test_a_single_amount_column_says_its_side_itself(tmp_path: Path) -> None:
    path = tmp_path / "kotak.csv"
    path.write_text(
        "Transaction Date,Description,Amount,Dr / Cr,Balance\n"
        '01-10-2026,NEFT A,"5,000.00 Cr",CR,"1,05,000.00"\n'
        '02-10-2026,CHQ B,"2,000.00 Dr",,"1,03,000.00"\n'
        "03-10-2026,CHQ C,-300.00,,102700.00\n"
    )
    lines = read_statement(str(path)).frame
    assert lines["credit"].tolist() == [500000, 0, 0]
    assert lines["debit"].tolist() == [0, 200000, 30000]


def test_a_statement_without_a_header_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("just some text\n")
    with pytest.raises(SheetProblem, match="notes.csv, sheet notes: no header row"):
        read_statement(str(path))
