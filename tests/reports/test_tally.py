"""A Tally Day Book export becomes Journal lines the reports can use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from tests.reports.test_statements import ACCOUNTS
from xlbo.cli import main
from xlbo.jobs.report import ReportKind, run_report
from xlbo.jobs.tally import import_day_book
from xlbo.money import to_paise

DAY_BOOK = [
    ["Sahyadri Tradelinks Private Limited"],
    ["Day Book"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
    [datetime(2026, 10, 3), "Vardhaman Agencies", "Sales", "S/101", 118000, None],
    [None, "Sales - Goods", None, None, None, 100000],
    [None, "Output IGST", None, None, None, 18000],
    [None, "Being goods sold on invoice S/101", None, None, None, None],
    ["07-10-2026", "Rent", "Payment", "P/55", "30,000.00", None],
    [None, "HDFC Bank Current A/c", None, None, None, "30,000.00"],
    [datetime(2026, 10, 9), "Vardhaman Agencies", "Receipt", "R/12", None, 50000],
    [datetime(2026, 10, 12), "Rent", "Journal", "J/1", "abc", None],
    [None, "HDFC Bank Current A/c", None, None, None, 10],
    [None, "Grand Total", None, None, 178000, 178000],
]


def test_day_book_becomes_balanced_journal_vouchers(xlsx: Callable[..., Path]) -> None:
    master = xlsx(
        {
            "Accounts": ACCOUNTS,
            "Customers": [["Customer Code", "Name"], ["C1", "Vardhaman Agencies"]],
        },
        name="master.xlsx",
    )
    book = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx")
    result = import_day_book(book, master)
    journal = result.journal
    assert journal["Voucher No"].tolist() == ["S/101", "S/101", "S/101", "P/55", "P/55"]
    sale = journal[journal["Voucher No"] == "S/101"]
    assert sale["Account"].tolist() == ["Trade Receivables", "Sales - Goods", "Output IGST"]
    assert sale["Party"].tolist()[0] == "Vardhaman Agencies"
    assert sale["Narration"].iloc[0] == "Being goods sold on invoice S/101"
    assert str(sale["Debit"].iloc[0]) == "118000.00"
    assert journal[journal["Voucher No"] == "P/55"]["Date"].tolist() == [date(2026, 10, 7)] * 2
    problems = {i.cell: i.problem for i in result.issues}
    assert "Voucher R/12 of 09-10-2026 does not balance" in problems["D11"]
    assert "'abc'" in problems["E12"]
    assert len(result.issues) == 2


def test_import_tally_then_report(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    master = xlsx({"Accounts": ACCOUNTS}, name="master.xlsx")
    book = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx")
    out = tmp_path / "books.xlsx"
    assert main(["import-tally", str(book), "--out", str(out)]) == 1
    sheets = CalamineWorkbook.from_path(str(out)).sheet_names
    assert sheets[:2] == ["Journal", "Issues"]
    first = out.read_bytes()
    assert main(["import-tally", str(book), "--out", str(out)]) == 1  # the earlier one is kept
    assert (tmp_path / "books (previous).xlsx").read_bytes() == first
    report = run_report(ReportKind.TRIAL_BALANCE, out, "2026-10", master)
    assert report.totals[0] == report.totals[1]
    names = {i.problem for i in report.issues}
    assert any("'Vardhaman Agencies' is not in the chart of accounts" in n for n in names)


@pytest.mark.parametrize("junk", [None, "", "#N/A", 0, "x" * 5000])
def test_day_book_without_columns_is_refused(
    xlsx: Callable[..., Path], tmp_path: Path, junk: object
) -> None:
    book = xlsx({"Sheet1": [["Date", "Narration"], [junk, junk]]}, name="junk.xlsx")
    assert main(["import-tally", str(book), "--out", str(tmp_path / "b.xlsx")]) == 2


def test_day_book_in_other_spellings(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["DAY BOOK"],
        ["DATE", "PARTICULARS", "Voucher Type", "Voucher No.", "Debit", "Credit"],
        ["01-10-2026", "Rent", "Payment", "7", "500.00 Dr", None],
        [None, "HDFC Bank Current A/c", None, None, None, "500.00 Cr"],
        ["02-10-2026", "Rent", "Payment", "8", 100, None],
        [None, "HDFC Bank Current A/c", None, None, None, "5OO"],
    ]
    result = import_day_book(xlsx({"Day Book": rows}, name="daybook.xlsx"))
    journal = result.journal
    assert journal[["Voucher No", "Voucher Type", "Account"]].values.tolist() == [
        ["7", "Payment", "Rent"],
        ["7", "Payment", "HDFC Bank Current A/c"],
    ]
    assert [str(journal["Debit"].iloc[0]), str(journal["Credit"].iloc[1])] == ["500.00", "500.00"]
    assert [i.cell for i in result.issues] == ["F6"]


# -- vouchers Tally keeps out of the books ------------------------------------------------------
# Tally's Day Book shown with "Show optional vouchers: Yes" writes optional vouchers among the
# rest, `(Optional)` after their type, and memorandum ones of type `Memorandum`; a cancelled
# voucher keeps its date, type and number, `(cancelled)` for its ledger and no amount. Tally posts
# none of them to a ledger: read as Journal lines, the optional payment and the memorandum
# receipt put in the books money Tally never posted, and the cancelled voucher was an error
# ("does not balance: debits 0.00, credits 0.00") for a voucher nobody can mend.

REGULAR = [
    [datetime(2026, 11, 2), "HDFC Bank A/c", "Receipt", "41", 5000, None],
    [None, "Balaji Traders", None, None, None, 5000],
    [None, "Ch. No. 123456", None, None, None, None],
]
OPTIONAL_PAYMENT = [
    [datetime(2026, 11, 3), "Shree Ganesh Stationers", "Payment (Optional)", "18", 3000, None],
    [None, "HDFC Bank A/c", None, None, None, 2950],
    [None, "TDS Payable", None, None, None, 50],
    [None, "Ch. No. 000460 to be handed over on delivery", None, None, None, None],
]
KAVERI = [
    [datetime(2026, 11, 4), "Kaveri Home Needs", "Payment", "17", 2000.75, None],
    [None, "HDFC Bank A/c", None, None, None, 2000.75],
]
CANCELLED = [[datetime(2026, 11, 5), "(cancelled)", "Payment", "19", None, None]]
MEMORANDUM = [
    [datetime(2026, 11, 15), "Om Sai Logistics", "Memorandum", "1", 50000, None],
    [None, "HDFC Bank A/c", None, None, None, 50000],
    [None, "Being advance expected against PO 77", None, None, None, None],
]
LAST = [
    [datetime(2026, 11, 28), "HDFC Bank A/c", "Receipt", "42", 1250000.50, None],
    [None, "Om Sai Logistics", None, None, None, 1250000.50],
    [None, "Grand Total", None, None, 1257001.25, 1257001.25],
]
NOVEMBER = [
    ["Sahyadri Tradelinks Private Limited"],
    ["Day Book"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
]
OUTSIDE_HINT = (
    "Nothing to do if it is to stay out of the books. If it belongs in them, make it a regular "
    "voucher in Tally (an optional one: open it and mark it Regular) and export the Day Book "
    "again."
)


def test_optional_memorandum_and_cancelled_vouchers_are_no_journal_lines(
    xlsx: Callable[..., Path],
) -> None:
    rows = [*NOVEMBER, *REGULAR, *OPTIONAL_PAYMENT, *KAVERI, *CANCELLED, *MEMORANDUM, *LAST]
    result = import_day_book(xlsx({"Day Book": rows}, name="daybook.xlsx"))
    journal = result.journal
    assert journal[["Voucher No", "Voucher Type", "Account"]].values.tolist() == [
        ["41", "Receipt", "HDFC Bank A/c"],
        ["41", "Receipt", "Balaji Traders"],
        ["17", "Payment", "Kaveri Home Needs"],
        ["17", "Payment", "HDFC Bank A/c"],
        ["42", "Receipt", "HDFC Bank A/c"],
        ["42", "Receipt", "Om Sai Logistics"],
    ]
    paise = [
        [to_paise(v) if v is not None else None for v in journal[c]] for c in ("Debit", "Credit")
    ]
    assert paise == [
        [500000, None, 200075, None, 125000050, None],
        [None, 500000, None, 200075, None, 125000050],
    ]
    assert sum(p for p in paise[0] if p) == sum(p for p in paise[1] if p) == 125700125
    assert journal["Date"].tolist() == [date(2026, 11, d) for d in (2, 2, 4, 4, 28, 28)]
    # the optional voucher's narration went with it, not onto the voucher above
    assert journal["Narration"].tolist()[:2] == ["Ch. No. 123456"] * 2
    assert [(i.severity, i.sheet, i.cell, i.value, i.file) for i in result.issues] == [
        ("Warning", "Day Book", "C8", "Payment (Optional)", "daybook.xlsx"),
        ("Warning", "Day Book", "C15", "Memorandum", "daybook.xlsx"),
    ]
    assert [i.problem for i in result.issues] == [
        "an optional voucher (Payment (Optional) 18 of 03-11-2026, 3,000.00) is not in the "
        "books: Tally posts it to no ledger and leaves it out of every ledger's balance, so its "
        "lines were not read",
        "a memorandum voucher (Memorandum 1 of 15-11-2026, 50,000.00) is not in the books: "
        "Tally posts it to no ledger and leaves it out of every ledger's balance, so its lines "
        "were not read",
    ]
    assert [i.hint for i in result.issues] == [OUTSIDE_HINT] * 2

    # nothing else changes: the regular vouchers alone give the same Journal and no issue
    alone = import_day_book(
        xlsx({"Day Book": [*NOVEMBER, *REGULAR, *KAVERI, *LAST]}, name="regular.xlsx")
    )
    assert alone.issues == []
    assert alone.journal.equals(journal)


def test_optional_written_in_particulars_and_cancelled_with_amounts(
    xlsx: Callable[..., Path],
) -> None:
    """`(Optional)` may stand after the ledger in Particulars, the type left plain; a voucher
    marked cancelled that still carries amounts is no voucher Tally wrote: left out, and said."""
    rows = [
        *NOVEMBER,
        *REGULAR,
        [datetime(2026, 11, 3), "Shree Ganesh Stationers (Optional)", "Payment", "18", 3000, None],
        [None, "HDFC Bank A/c", None, None, None, 3000],
        [datetime(2026, 11, 5), "Kaveri Home Needs", "Payment (Cancelled)", "19", 700.5, None],
        [None, "HDFC Bank A/c", None, None, None, 700.5],
        *KAVERI,
    ]
    result = import_day_book(xlsx({"Day Book": rows}, name="daybook.xlsx"))
    assert result.journal["Voucher No"].tolist() == ["41", "41", "17", "17"]
    assert [(i.severity, i.cell, i.value) for i in result.issues] == [
        ("Warning", "C8", "Payment"),
        ("Warning", "C10", "Payment (Cancelled)"),
    ]
    assert result.issues[0].problem.startswith(
        "an optional voucher (Payment 18 of 03-11-2026, 3,000.00) is not in the books"
    )
    assert result.issues[1].problem == (
        "Voucher 19 of 05-11-2026 is marked cancelled but has amounts (700.50): Tally writes a "
        "cancelled voucher with none, so it was left out"
    )


def test_a_type_or_ledger_merely_named_like_the_marks_is_a_voucher(
    xlsx: Callable[..., Path],
) -> None:
    """Tally marks an optional voucher `(Optional)` and a memorandum one by its type
    `Memorandum`; a voucher type of the user's naming that begins `Memo` (`Memo Payment`) and a
    ledger named `Optional` are regular vouchers, in the books (before, both were left out as
    not in the books)."""
    rows = [
        *NOVEMBER,
        *REGULAR,
        [datetime(2026, 11, 6), "Shree Ganesh Stationers", "Memo Payment", "20", 1500, None],
        [None, "HDFC Bank A/c", None, None, None, 1500],
        [datetime(2026, 11, 7), "Optional", "Journal", "21", 250, None],
        [None, "Kaveri Home Needs", None, None, None, 250],
        [datetime(2026, 11, 8), "Om Sai Logistics", "Memorandum  Voucher", "2", 900, None],
        [None, "HDFC Bank A/c", None, None, None, 900],
    ]
    result = import_day_book(xlsx({"Day Book": rows}, name="daybook.xlsx"))
    assert result.journal[["Voucher No", "Voucher Type", "Account"]].values.tolist() == [
        ["41", "Receipt", "HDFC Bank A/c"],
        ["41", "Receipt", "Balaji Traders"],
        ["20", "Memo Payment", "Shree Ganesh Stationers"],
        ["20", "Memo Payment", "HDFC Bank A/c"],
        ["21", "Journal", "Optional"],
        ["21", "Journal", "Kaveri Home Needs"],
    ]
    # the memorandum voucher, its type's spaces doubled, is still one
    assert [(i.cell, i.problem[:40]) for i in result.issues] == [
        ("C12", "a memorandum voucher (Memorandum Voucher")
    ]
