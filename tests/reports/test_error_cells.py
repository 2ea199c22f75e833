"""An Excel error (#REF!, #N/A) where a report expects text is an issue at its cell, never an
internal error: the Journal's Account or Voucher No leaves the line out, its Narration or Party
is read as blank and said; a bad Opening Bills, Budget or Tasks row is left out; a Day Book
voucher with one is left out whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.reports.test_ageing import ACCOUNTS, COMPANY, JOURNAL, OPENING_BILLS
from tests.reports.test_tally import DAY_BOOK
from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.jobs.report import ReportKind, run_report
from xlbo.jobs.tally import import_day_book

BUDGET = [["Account", "Month", "Amount"], ["Sales - Goods", "2026-10", 10000]]
TASKS = [
    ["Project", "Task", "Owner", "Start", "Due", "% Complete", "Status"],
    ["Close", "BRS", "Priya", datetime(2026, 10, 1), datetime(2026, 10, 9), 0.5, "Open"],
]
SHEETS = {
    "Company": COMPANY,
    "Accounts": ACCOUNTS,
    "Journal": JOURNAL,
    "Opening Bills": OPENING_BILLS,
    "Budget": BUDGET,
    "Tasks": TASKS,
}


@pytest.mark.parametrize(
    ("sheet", "cell", "severity"),
    [
        ("Journal", "D3", Severity.ERROR),  # Account: the line is left out
        ("Journal", "B2", Severity.ERROR),  # Voucher No
        ("Journal", "G3", Severity.WARNING),  # Party: read as blank
        ("Opening Bills", "B2", Severity.ERROR),
        ("Opening Bills", "A3", Severity.ERROR),
        ("Budget", "A2", Severity.ERROR),
        ("Tasks", "A2", Severity.ERROR),
        ("Tasks", "G2", Severity.ERROR),
    ],
)
def test_an_excel_error_in_a_text_cell_is_an_issue_at_it(
    xlsx: Callable[..., Path], sheet: str, cell: str, severity: Severity
) -> None:
    book = xlsx(SHEETS, name="books.xlsx", errors={sheet: {cell: "#REF!"}})
    report = run_report(ReportKind.PACK, book, "2026-10")
    found = [i for i in report.issues if i.sheet == sheet and i.cell == cell]
    assert len(found) == 1, [str(i) for i in report.issues]
    assert "the cell shows the Excel error #REF!" in found[0].problem
    assert found[0].severity is severity


def test_a_day_book_voucher_with_an_error_cell_is_left_out_whole(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    book = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx", errors={"Day Book": {"B5": "#N/A"}})
    result = import_day_book(book)
    assert "S/101" not in set(result.journal["Voucher No"])  # its first line's Particulars
    assert "P/55" in set(result.journal["Voucher No"])
    assert any(i.cell == "B5" and "#N/A" in i.problem for i in result.issues)
    assert main(["import-tally", str(book), "--out", str(tmp_path / "books.xlsx")]) == 1
