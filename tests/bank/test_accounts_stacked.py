"""Two accounts' statements one below the other on one sheet (round 33's c08a: a net-banking
`All accounts` download). The first was read and the second's lines were reported as rows
'after the statement's summary', with the hint to remove the summary, which would have joined
two accounts into one BRS. Now the warning names the other account and says how to reconcile
it; the first statement is read as before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_reconcile import HDFC_HEAD
from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.statement import read_statement

HEAD = HDFC_HEAD[3]
"""HDFC's header row."""


def block(account: str, opening: float, rows: list[list[Any]]) -> list[list[Any]]:
    """HDFC's statement of `account` with its summary block."""
    balance, body = opening, []
    for day, narration, ref, withdrawal, deposit in rows:
        balance += (deposit or 0) - (withdrawal or 0)
        body.append([day, narration, ref, day, withdrawal, deposit, round(balance, 2)])
    debits = [r[3] for r in rows if r[3]]
    credits = [r[4] for r in rows if r[4]]
    return [
        ["HDFC BANK Ltd."],
        [f"Account No : {account}"],
        ["Statement From : 01/11/2026 To : 30/11/2026"],
        [],
        HEAD,
        ["********"],
        *body,
        ["********"],
        ["STATEMENT SUMMARY :-"],
        ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
        [opening, len(debits), len(credits), sum(debits), sum(credits), round(balance, 2)],
    ]


CURRENT = block(
    "50200012345678",
    100000,
    [
        ["03/11/26", "NEFT CR-SBIN0001234-ARUL TEXTILES-N307", "N307", None, 118000],
        ["05/11/26", "CHQ PAID-100201-LAKSHMI ESTATES", "100201", 35000, None],
        ["25/11/26", "CHARGES FOR NEFT INCL GST", "", 354, None],
    ],
)
OVERDRAFT = block(
    "50200099998888",
    50000,
    [
        ["04/11/26", "NEFT CR-UTIB0000123-VELAN AGENCIES-N401", "N401", None, 40000],
        ["12/11/26", "CHQ PAID-200301-GANESH PACKAGING", "200301", 12000, None],
    ],
)


def test_another_accounts_statement_below_is_named_and_left_out(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Statement": [*CURRENT, [], [], *OVERDRAFT]}, name="all-accounts.xlsx")
    statement = read_statement(str(path))
    assert statement.account == "50200012345678"
    assert len(statement.frame) == 3
    assert statement.frame["narration"].iat[0].startswith("NEFT CR-SBIN0001234-ARUL")
    assert statement.frame["narration"].iat[-1] == "CHARGES FOR NEFT INCL GST"
    assert statement.closing == 18264600  # 1,82,646.00, the first account's
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert warning.cell == "A22"
    assert warning.problem == (
        "the sheet holds another account's statement below this one's: A/c 50200099998888, "
        "2 line(s) from row 22; it was not read, and this BRS is of A/c 50200012345678 alone"
    )
    assert "copy its rows to a sheet of their own" in warning.hint


def test_lines_below_a_summary_with_no_other_account_keep_the_old_warning(
    xlsx: Callable[..., Path],
) -> None:
    """The same account's statement again below (downloaded twice into one sheet): nothing
    says it is another account, and the warning is the summary's."""
    path = xlsx({"Statement": [*CURRENT, [], [], *CURRENT]}, name="twice.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 3
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert "come after the statement's summary or totals" in warning.problem


def test_another_account_below_without_a_summary_between_ends_the_first(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/d: no summary block under the first statement; its lines and the
    second's were read as one statement, the closing balance the second account's."""
    first = CURRENT[: CURRENT.index(["********"], 6)]  # title, header and lines alone
    path = xlsx({"Statement": [*first, [], *OVERDRAFT]}, name="all-accounts.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 3
    assert statement.closing == 18264600
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert warning.problem.startswith(
        "the sheet holds another account's statement below this one's: A/c 50200099998888, "
        "2 line(s) from row 17"
    )


def test_three_accounts_stacked_are_each_named_with_their_own_lines(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/c: only the second was named, its count holding the third's line."""
    third = block("50100011122233", 7000, [["20/11/26", "SB INTEREST", "", None, 70]])
    path = xlsx({"Statement": [*CURRENT, [], *OVERDRAFT, [], *third]}, name="all.xlsx")
    [warning] = [i for i in read_statement(str(path)).issues if i.severity is Severity.WARNING]
    assert warning.problem == (
        "the sheet holds other accounts' statements below this one's: A/c 50200099998888, 2 "
        "line(s) from row 21; A/c 50100011122233, 1 line(s) from row 34; they were not read, "
        "and this BRS is of A/c 50200012345678 alone"
    )


def test_a_ledger_of_the_account_below_is_refused_naming_it(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-121's c10/b: the ledger names the second account's number; the BRS was drawn
    against the first's lines, nothing matched, the gap blamed on last month's items."""
    bank = xlsx({"Statement": [*CURRENT, [], [], *OVERDRAFT]}, name="all-accounts.xlsx")
    books = xlsx(
        {
            "Ledger": [
                ["Nilgiri Agro Foods Pvt Ltd"],
                ["HDFC Bank OD A/c 50200099998888"],
                ["Ledger Account"],
                ["1-Nov-2026 to 30-Nov-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 11, 1), "Opening Balance", None, None, 50000, None],
                [date(2026, 11, 4), "Velan Agencies", "Receipt", "1", 40000, None],
            ]
        },
        name="od-books.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2, said
    assert (
        "od-books.xlsx is of A/c 50200099998888, whose statement is below A/c 50200012345678's "
        "on sheet Statement of all-accounts.xlsx, and was not read"
    ) in said
    assert not out.exists()
