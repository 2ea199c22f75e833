"""Hostile books for `xlbo statements`: a customer row that cannot be read (a credit limit in
words, a code twice) used to lose its statement without a word; a Trade Receivables line naming
no customer was on no statement and the total fell short of the ledger unsaid; two codes that
make one file name (KAV/1, KAV-1) overwrote each other. Junk in the Journal stays an Issue at its
cell; a books file that is no workbook is a plain exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from tests.customers.test_statements import COMPANY, CUSTOMERS, JOURNAL, OPENING, J
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.master.schema import BY_SHEET
from xlbo.master.template import records_frame


def _books(
    folder: Path,
    customers: list[list[object]] = CUSTOMERS,
    journal: list[list[object]] = JOURNAL,
) -> Path:
    accounts = BY_SHEET["Accounts"]
    chart = records_frame(accounts, accounts.shipped())
    return write_xlsx(
        folder / "books.xlsx",
        {
            "Company": COMPANY,
            "Customers": customers,
            "Accounts": [list(chart.columns), *chart.values.tolist()],
            "Opening Bills": OPENING,
            "Journal": journal,
        },
    )


def _run(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["statements", str(folder / "books.xlsx"), "--as-on", "31-10-2026",
                 "--out", str(folder / "out"), "--no-pdf"])  # fmt: skip
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    return code, captured.out + captured.err


def _issues(folder: Path) -> list[tuple[str, str, str, str]]:
    table = FileBook(folder / "out" / "statements.xlsx").read_table(
        "Issues", ("Severity", "Sheet", "Cell", "Problem")
    )
    return [(r["Severity"], r["Sheet"], r["Cell"], r["Problem"])
            for r in table.frame.to_dict("records")]  # fmt: skip


def test_a_customer_row_set_aside_is_said_not_silently_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = [list(r) for r in CUSTOMERS]
    customers[1][6] = "Rs 5 lakh"  # KAV's credit limit in words: the row is set aside
    customers.append(list(CUSTOMERS[2]))  # SAH again, row 5
    _books(tmp_path, customers)
    code, said = _run(tmp_path, capsys)
    assert code == 1, said  # was exit 0 with KAV's statement missing and no word of it
    assert "1 statements" in said
    found = _issues(tmp_path)
    errors = {(sheet, cell): problem for severity, sheet, cell, problem in found
              if severity == "Error"}  # fmt: skip
    assert set(errors) == {("Customers", "G2"), ("Customers", "A5")}
    assert "'Rs 5 lakh' is not an amount" in errors[("Customers", "G2")]
    assert "appears again" in errors[("Customers", "A5")]
    warned = [p for s, sheet, _, p in found if s == "Warning" and sheet == "Journal"]
    assert warned and "Kaveri Foods Pvt Ltd" in warned[0] and "on no statement" in warned[0]


def test_a_receivable_of_no_customer_is_a_warning_with_its_amount(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = [list(r) for r in JOURNAL]
    journal[5][J.index("Party")] = "Kaveri Foods"  # row 6: the name shortened
    _books(tmp_path, journal=journal)
    code, said = _run(tmp_path, capsys)
    assert code == 0, said  # a warning: the statements are right for the customers named
    assert "0 errors, 1 warning" in said
    assert _issues(tmp_path) == [
        ("Warning", "Journal", "A6",
         "1 Trade Receivables line of 'Kaveri Foods', who is not on the Customers sheet "
         "(₹59,000.00 Dr): on no statement")
    ]  # fmt: skip


def test_codes_that_make_one_file_name_get_a_file_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = [list(r) for r in CUSTOMERS]
    customers[1][0], customers[2][0] = "KAV-1", "KAV/1"
    customers[3][0] = "CON"  # no file of that name on Windows
    _books(tmp_path, customers)
    code, said = _run(tmp_path, capsys)
    assert code == 0, said
    written = sorted(p.name for p in (tmp_path / "out" / "statements").iterdir())
    assert written == ["KAV-1 (2).xlsx", "KAV-1.xlsx"]  # was one KAV-1.xlsx overwritten
    summary = FileBook(tmp_path / "out" / "statements.xlsx").read_table(
        "Statements", ("Customer Code", "Closing")
    )
    assert summary.frame["Customer Code"].tolist() == ["KAV-1", "KAV/1"]


def test_junk_in_the_journal_is_an_issue_at_each_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = [list(r) for r in JOURNAL]
    journal[1][J.index("Debit")] = "Rs. 1,18,000/-"  # row 2: read
    journal[5][J.index("Debit")] = "#REF!"  # row 6
    journal[6][J.index("Date")] = "31-02-2026"  # row 7
    _books(tmp_path, journal=journal)
    code, said = _run(tmp_path, capsys)
    assert code == 1, said
    cells = {(sheet, cell) for s, sheet, cell, _ in _issues(tmp_path) if s == "Error"}
    assert ("Journal", "E6") in cells and ("Journal", "A7") in cells
    statement = FileBook(tmp_path / "out" / "statements" / "SAH.xlsx").read_table(
        "Statement", ("Date", "Voucher", "Particulars", "Debit", "Credit", "Balance")
    )
    assert statement.frame["Debit"].tolist()[1] == 118000


def test_a_books_file_that_is_text_is_a_plain_refusal(tmp_path: Path) -> None:
    (tmp_path / "books.xlsx").write_text("Date,Account,Debit\n01-04-2026,Cash,100\n")
    folder = Folder(tmp_path)
    outcome = run_xlbo(
        "statements", "books.xlsx", "--as-on", "31-10-2026", "--out", "out", cwd=tmp_path
    )
    outcome.plain()
    assert "books.xlsx is not an Excel workbook" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()
