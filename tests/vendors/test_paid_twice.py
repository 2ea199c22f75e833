"""A payment run never pays the same bills twice (#15): a bill that a payment confirmed earlier
covers (a `payments-*` folder beside the run, the open workbook's Payments sheet) and whose
payment journal is not in the books' Journal yet is not paid again at `--confirm` (an error at
its Pay cell naming that folder, voucher and day; the rest is paid), and a run made again shows
it awaiting posting, its tick not kept. Once that journal is posted the bill is paid, and the
vendor's new bill is paid as any other."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.vendors.books import books
from tests.vendors.test_payables_job import tick
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.journal_layout import HEADERS
from xlbo.readers.earlier_payments import confirmed_in, earlier_confirmed, hold_ticked
from xlbo.vendors.confirmed import ConfirmedPayment, awaiting_posting
from xlbo.vendors.run import OpenBill
from xlbo.vendors.settle import Payment

AC101 = ConfirmedPayment(
    "payments-2026-11-30", "PMT/20261130/001", date(2026, 11, 30), "V01", "AC/101"
)


@pytest.mark.parametrize(
    ("bills", "number", "covered"),
    [
        ("AC/101", "AC/101", True),
        ("ac/100, AC/101, AC/102", "Ac/101", True),
        ("AC/1011", "AC/101", False),  # a longer number is another bill
        ("AC/10", "AC/101", False),
        ("X, 7", "X, 7", True),  # a bill number with a comma of its own
    ],
)
def test_a_confirmed_payment_covers_the_bills_it_lists(
    bills: str, number: str, covered: bool
) -> None:
    payment = ConfirmedPayment("f", "PMT/1", None, "v01", bills)
    assert payment.covers("V01", number) is covered
    assert payment.covers("V02", number) is False  # another vendor's bill of that number


def _open(tmp_path: Path) -> list[OpenBill]:
    from xlbo.jobs.payables import _proposal, gather

    rows, _ = _proposal(gather(books(tmp_path), None), date(2026, 11, 30))
    return rows


def test_a_bill_awaits_posting_until_the_journal_holds_a_payment_naming_it(
    tmp_path: Path,
) -> None:
    rows = _open(tmp_path)
    assert set(awaiting_posting(rows, [AC101], [])) == {("v01", "ac/101")}
    before = Payment(date(2026, 11, 29), "Annapurna Caterers", 100, "Payment to X, bills AC/101")
    other = Payment(date(2026, 12, 1), "Annapurna Caterers", 100, "Payment, bills AC/99")
    still = awaiting_posting(rows, [AC101], [before, other])  # before it, or another bill
    assert set(still) == {("v01", "ac/101")}
    posted = Payment(date(2026, 12, 1), "V01", 5800000, "NEFT 4411; bills AC/101.")
    assert awaiting_posting(rows, [AC101], [posted]) == {}
    last_year = ConfirmedPayment("payments-2025-10-30", "PMT/20251030/004",
                                 date(2025, 10, 30), "V01", "AC/101")  # fmt: skip
    assert awaiting_posting(rows, [last_year], []) == {}  # before the bill: another AC/101


def _confirmed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The books, a run as on 30-11-2026 with AC/101 and R-11 ticked, confirmed that day."""
    book = books(tmp_path)
    run = tmp_path / "run.xlsx"
    assert main(["payables", str(book), "--as-on", "30-11-2026", "--out", str(run)]) == 0
    tick(run, {"AC/101": "Yes", "R-11": "Yes"})
    assert main(["payables", "--confirm", str(run), "--date", "30-11-2026"]) == 0
    said = capsys.readouterr().out
    assert "2 payments, ₹1,22,800.00 (2 bills)" in said
    return run


def _post(books_file: Path, payments: Path) -> None:
    """Paste the payment journal of `payments` under the books' Journal, as an accountant does."""
    lines = FileBook(payments).read_table("Journal", HEADERS).frame
    book = openpyxl.load_workbook(books_file)
    for line in lines[list(HEADERS)].itertuples(index=False):
        book["Journal"].append([None if v != v else v for v in line])
    book.save(books_file)


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    """The Journal of the books at `path`, as rows (to write the books again with it)."""
    book = openpyxl.load_workbook(path)
    return {"Journal": [list(r) for r in book["Journal"].iter_rows(values_only=True)]}


def test_the_open_workbooks_payments_sheet_holds_every_tick_until_posted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pay Ticked clicked again reads the workbook's own Payments sheet: its bills are not
    paid again, and no other bill is paid either (it would replace the Payments and Payment
    Journal sheets not yet posted)."""
    run = _confirmed(tmp_path, capsys)
    payments = FileBook(tmp_path / "payments-2026-11-30" / "payments.xlsx")
    found = confirmed_in(payments, "this workbook's Payments sheet", "Journal", folder=False)
    assert [(c.voucher, c.day, c.vendor_code, c.bills) for c in found] == [
        ("PMT/20261130/001", date(2026, 11, 30), "V01", "AC/101"),
        ("PMT/20261130/002", date(2026, 11, 30), "V02", "R-11"),
    ]
    rows = _open(tmp_path)
    awaiting = awaiting_posting(rows, found, [])
    ticks = [(("v01", "ac/101"), "A4"), (("v03", "kc/7"), "A6")]
    held, issues = hold_ticked(ticks, {r.key: r for r in rows}, awaiting, "books.xlsx",
                               in_workbook=True)  # fmt: skip
    assert held == {("v01", "ac/101"), ("v03", "kc/7")}
    assert "delete the Payments and Bank File sheets" in issues[0].problem
    assert "would replace it and its Payment Journal" in issues[1].problem
    on_files, unread = earlier_confirmed(run)
    assert len(on_files) == 2 and unread == []
