"""Header words of statements a hostile tester wrote in the layouts banks and PDF converters
use (helper-19a): each header row holds the same month, so the assertions are the same: three
lines, ₹12,500.00 out and ₹1,95,000.00 in, the first and the last line with its narration, the
cheque number read as the reference, and a balance that chains to ₹2,82,500.00.

Before, each was refused ("no header row"), read with every narration blank (the lines then
matched by amount alone), read without its cheque numbers, or read without its balance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from xlbo.readers.statement import read_statement

LINES = (
    ("01/10/2026", "NEFT CR-JAY AMBE TRADERS", "N274261234567", "", "45,000.00", "1,45,000.00"),
    ("03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", "", "1,32,500.00"),
    ("15/10/2026", "IMPS/KAVITA QURESHI", "629812345678", "", "1,50,000.00", "2,82,500.00"),
)
"""Date, narration, cheque or reference, withdrawal, deposit, balance."""

HEADERS = {
    # helper-19a's mini_debits_credits: `Debits`, `Credits`
    "Date, Transaction details, Debits, Credits": (
        "Date,Transaction details,Ref No,Debits,Credits,Balance"
    ),
    # mini_debit_amt: a Finacle export's `Debit Amt`, `Balance Amt`, `Instrument No.`
    "Tran Date, Instrument No., Debit Amt, Balance Amt": (
        "Tran Date,Particulars,Instrument No.,Debit Amt,Credit Amt,Balance Amt"
    ),
    # mini_txn_dt: `Txn Dt`, `Chq No`
    "Txn Dt, Chq No": "Txn Dt,Narration,Chq No,Debit,Credit,Balance",
    # mini_ledger_balance: `Ledger Balance`
    "Posting Date, Ledger Balance": (
        "Posting Date,Narration,Reference No.,Withdrawal,Deposit,Ledger Balance"
    ),
    # narr_lost.py: narrations under `Txn Description`, `Transaction Narration`, `Remark`,
    # `Tran Particulars`, `Txn Details`
    "Txn Description": "Txn Date,Txn Description,Ref No,Debit,Credit,Balance",
    "Transaction Narration": "Date,Transaction Narration,Ref No,Debit,Credit,Balance",
    "Remark": "Date,Remark,Ref No,Debit,Credit,Balance",
    "Tran Particulars": "Tran Date,Tran Particulars,Ref No,Debit,Credit,Balance",
    "Txn Details": "Txn Date,Txn Details,Ref No,Debit,Credit,Balance",
    # cheque_col.py: Standard Chartered's `Cheque`, Bank of Maharashtra's `Cheque/Reference No`
    "Cheque (Standard Chartered)": "Date,Description,Cheque,Withdrawal,Deposit,Balance",
    "Cheque/Reference No (Bank of Maharashtra)": (
        "Date,Particulars,Cheque/Reference No,Debit,Credit,Balance"
    ),
    # statements3: headers cut or spelt as converters and co-operative banks print them;
    # before, the reference, the narration or the withdrawals were not read
    "Chq/Ref (cut)": "Date,Narration,Chq/Ref,Debit,Credit,Balance",
    "Chq/DD No": "Date,Particulars,Chq/DD No,Debit,Credit,Balance",
    "Chq.No/Ref.No": "Date,Particulars,Chq.No/Ref.No,Debit,Credit,Balance",
    "Instr. No.": "Date,Particulars,Instr. No.,Debit,Credit,Balance",
    "Posting Dt, Transaction Detail": "Posting Dt,Transaction Detail,Ref,Debit,Credit,Balance",
    "Withdrawls": "Date,Particulars,Cheque No,Withdrawls,Deposits,Balance",
    # helper-108 (session 30): IDFC First's `Ref/Cheque No`, and headers of real exports
    # (a public study of 162 Indian statements): the reference, before, was not read, and a
    # cheque of 000451 was paired with the books' 000452 as identical lines
    "Ref/Cheque No (IDFC First)": "Date,Transaction Details,Ref/Cheque No,Debit,Credit,Balance",
    "Cheque No/UTR": "Date,Narration,Cheque No/UTR,Debit,Credit,Balance",
    "Ref No/Chq No": "Date,Narration,Ref No/Chq No,Debit,Credit,Balance",
    "Chq/UTR No": "Date,Narration,Chq/UTR No,Debit,Credit,Balance",
    "Reference No./Cheque No.": "Date,Narration,Reference No./Cheque No.,Debit,Credit,Balance",
    "Tran Ref Num": "Tran Date,Particulars,Tran Ref Num,Debit,Credit,Balance",
    "CHQ-NUM": "DATE,PARTICULARS,CHQ-NUM,DEBIT,CREDIT,BALANCE",
    "Instrument Num.": "Date,Particulars,Instrument Num.,Debit,Credit,Balance",
    "REF NUM": "DATE,DESCRIPTION,REF NUM,DEBIT,CREDIT,BALANCE",
    # and narrations under `TRAN PARTICULAR`, `Tran. Remarks`, `Txn Remarks`: before, none
    # was read and every line was matched on its amount alone
    "TRAN PARTICULAR": "TRAN DATE,TRAN PARTICULAR,CHQ NO,DEBIT,CREDIT,BALANCE",
    "Tran. Remarks": "Tran. Date,Tran. Remarks,Ref No,Debit,Credit,Balance",
    "Txn Remarks": "Txn Date,Txn Remarks,Ref No,Debit,Credit,Balance",
}


def _csv(header: str, lines: tuple[tuple[str, ...], ...] = LINES) -> str:
    return header + "\n" + "".join(",".join(f'"{c}"' for c in line) + "\n" for line in lines)


@pytest.mark.parametrize("name", HEADERS)
def test_a_header_word_of_a_bank_or_converter_is_read(name: str, tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_text(_csv(HEADERS[name]), encoding="utf-8")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 15), "IMPS/KAVITA QURESHI", 15000000),
    ]
    assert lines.frame["reference"].tolist() == ["N274261234567", "000451", "629812345678"]
    assert chains(lines)
    assert lines.closing == 28250000


def test_remarks_and_cheque_beside_the_narration_and_reference_take_neither(
    tmp_path: Path,
) -> None:
    """Hostile: a `Remarks` column before the `Narration` and a `Cheque` column before the
    `Chq./Ref.No.` (a cheque's mark, `Y`), and a `Cheque Amount`: the narration and the
    reference stay the columns so named; `Cheque Amount` is no reference."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "Date,Remarks,Narration,Cheque,Chq./Ref.No.,Cheque Amount,Withdrawal,Deposit,Balance\n"
        + "".join(
            f'"{d}",BRANCH 0042,"{n}",Y,"{r}","",' + f'"{w}","{c}","{b}"\n'
            for d, n, r, w, c, b in LINES
        ),
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000, 19500000)
    assert first_and_last(lines)[0] == (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000)
    assert lines.frame["reference"].tolist() == ["N274261234567", "000451", "629812345678"]
    assert lines.closing == 28250000


@pytest.mark.parametrize(
    ("side", "out", "into"),
    [
        ("Txn Type", "DR", "CR"),
        ("Dr/Cr Flag", "D", "C"),
        ("D/C", "D", "C"),
        ("Indicator", "DR", "CR"),
    ],
)
def test_a_side_column_beside_one_amount_says_which_way_the_money_went(
    side: str, out: str, into: str, tmp_path: Path
) -> None:
    """One unsigned `Amount` column with the side in a column of its own, headed as the bank
    heads it. Before: the side column was not known and every line was refused."""
    path = tmp_path / "statement.csv"
    path.write_text(
        f"Date,Narration,Chq No,Amount,{side},Balance\n"
        + "".join(
            f'"{d}","{n}","{r}","{w or c}",{out if w else into},"{b}"\n'
            for d, n, r, w, c, b in LINES
        ),
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000, 19500000)
    assert chains(lines)
    assert lines.closing == 28250000


def test_a_channel_type_beside_a_dr_cr_column_is_not_the_side(tmp_path: Path) -> None:
    """Hostile: `Txn Type` holding the channel (`NEFT`, `CLG`) before a `Dr/Cr` column: the
    `Dr/Cr` column says the side; the channel is not taken for it (every line refused)."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "Date,Narration,Txn Type,Amount,Dr/Cr,Balance\n"
        + "".join(
            f'"{d}","{n}",CLG,"{w or c}",{"Dr" if w else "Cr"},"{b}"\n'
            for d, n, _, w, c, b in LINES
        ),
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000, 19500000)
    assert lines.closing == 28250000


def test_a_statement_without_a_narration_column_says_so(tmp_path: Path) -> None:
    # a header of words no bank writes for its narration (`Comments`): the lines are read,
    # and the Issues sheet says that they were matched without the payers' names and how to
    # name the column (before: nothing said, every line matched on its amount alone)
    path = tmp_path / "statement.csv"
    path.write_text(_csv("Date,Comments,Ref No,Debit,Credit,Balance"), encoding="utf-8")
    lines = read_statement(str(path))
    assert totals(lines) == (3, 1250000, 4500000 + 15000000)
    assert [issue.cell for issue in lines.issues] == ["A1"]
    assert "no narration column was found" in lines.issues[0].problem
    assert "Comments" in lines.issues[0].problem
    assert "--map" in lines.issues[0].hint
    # a table that begins in column C (two blank columns before it): its header's first cell
    shifted = tmp_path / "shifted.csv"
    rows = _csv("Date,Comments,Ref No,Debit,Credit,Balance").splitlines()
    shifted.write_text("".join(f",,{row}\n" for row in rows), encoding="utf-8")
    assert [issue.cell for issue in read_statement(str(shifted)).issues] == ["C1"]
