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

from tests.vendors.books import PURCHASES, books
from tests.vendors.test_payables_job import run_rows, tick
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


def test_confirmed_twice_on_two_dates_the_second_pays_nothing_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _confirmed(tmp_path, capsys)
    tick(run, {"KC/7": "x"})  # AC/101 and R-11 still ticked, a third bill added
    code = main(["payables", "--confirm", str(run), "--date", "01-12-2026"])
    said = capsys.readouterr().out
    assert code == 1, said
    assert "1 payments, ₹78,400.00 (1 bills)" in said
    assert (
        "Payment Run A5: Not paid again: bill AC/101 was confirmed for payment on 30-11-2026 in "
        "payments-2026-11-30 (PMT/20261130/001); not yet in the Journal: post that payment "
        "journal, or delete that folder if its bank file was never uploaded, then confirm again"
        in said
    )
    assert "Payment Run A6: Not paid again: bill R-11 was confirmed for payment on 30-11" in said
    out = tmp_path / "payments-2026-12-01"
    assert (out / "NEFT-RTGS-20261201.csv").read_bytes() == (
        b"Payment Type,Beneficiary Name,Beneficiary Account,IFSC,Amount,Value Date,Reference,"
        b"Remarks,Beneficiary Email\r\n"
        b"NEFT,Kulkarni Consultants,9988776655,ICIC0000789,78400.00,01/12/2026,"
        b"PMT/20261201/001,KC/7,\r\n"
    )
    issues = FileBook(out / "payments.xlsx").read_table("Issues", ("Cell", "Problem")).frame
    assert sorted(issues["Cell"]) == ["A5", "A6"]
    assert all("(PMT/20261130/00" in p for p in issues["Problem"])
    # confirmed a third time with only those two ticked: nothing is paid, nothing written
    tick(run, {"KC/7": None})
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["payables", "--confirm", str(run), "--date", "02-12-2026"]) == 1
    said = capsys.readouterr().out
    assert "0 payments" in said and "the ticked bills were held back" in said
    assert "in payments-2026-11-30 (PMT/20261130/002)" in said  # R-11's own voucher
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_confirmed_again_into_the_same_folder_pays_only_the_new_bills(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same day again: the folder's payments.xlsx holds the first payments (then kept as
    its previous), and is still read the third time."""
    run = _confirmed(tmp_path, capsys)
    tick(run, {"KC/7": "x"})
    assert main(["payables", "--confirm", str(run), "--date", "30-11-2026"]) == 1
    said = capsys.readouterr().out
    assert "1 payments, ₹78,400.00" in said and "bill AC/101 was confirmed for payment" in said
    assert main(["payables", "--confirm", str(run), "--date", "30-11-2026"]) == 1
    said = capsys.readouterr().out
    assert "0 payments" in said
    assert "in payments-2026-11-30/payments (previous).xlsx (PMT/20261130/001)" in said
    assert "bill KC/7 was confirmed for payment on 30-11-2026 in payments-2026-11-30 (" in said


def _post(books_file: Path, payments: Path) -> None:
    """Paste the payment journal of `payments` under the books' Journal, as an accountant does."""
    lines = FileBook(payments).read_table("Journal", HEADERS).frame
    book = openpyxl.load_workbook(books_file)
    for line in lines[list(HEADERS)].itertuples(index=False):
        book["Journal"].append([None if v != v else v for v in line])
    book.save(books_file)


def test_once_posted_the_bill_is_paid_and_the_vendors_new_bill_is_paid_normally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_bill = ["V01", "AC/102", "01-12-2026", None, "Staff Welfare", "Canteen Nov", 10000,
                None, 900, 900, None, None, None, None, None]  # fmt: skip
    run = _confirmed(tmp_path, capsys)
    _post(tmp_path / "books.xlsx", tmp_path / "payments-2026-11-30" / "payments.xlsx")
    books(tmp_path, purchases=[*PURCHASES, new_bill], extra=_sheets(tmp_path / "books.xlsx"))
    tick(run, {"KC/7": "x"})  # AC/101 and R-11 still ticked on the old run: paid since
    assert main(["payables", "--confirm", str(run), "--date", "01-12-2026"]) == 1
    said = capsys.readouterr().out
    assert "1 payments, ₹78,400.00" in said
    assert "no longer open in the books (paid since" in said and "confirmed for" not in said
    again = tmp_path / "again.xlsx"
    assert main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "02-12-2026",
                 "--out", str(again)]) == 0  # fmt: skip
    said = capsys.readouterr().out
    assert "1 bills were confirmed for payment earlier" in said  # KC/7, paid on 01-12
    rows = run_rows(again)
    assert list(rows) == ["AC/102", "KC/7", "DC-55"]  # AC/101 and R-11 paid
    assert rows["AC/102"]["Awaiting Posting"] is None
    assert "payments-2026-12-01 (PMT/20261201/001)" in str(rows["KC/7"]["Awaiting Posting"])
    tick(again, {"AC/102": "Yes"})
    assert main(["payables", "--confirm", str(again), "--date", "02-12-2026"]) == 0
    said = capsys.readouterr().out
    assert "1 payments, ₹11,800.00 (1 bills)" in said  # 194C: below ₹30,000 a bill, no TDS
    csv = (tmp_path / "payments-2026-12-02" / "NEFT-RTGS-20261202.csv").read_text()
    assert "NEFT,Annapurna Caterers,50100012345678,HDFC0001234,11800.00,02/12/2026," in csv
    assert csv.count("\n") == 2 and ",AC/102," in csv


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    """The Journal of the books at `path`, as rows (to write the books again with it)."""
    book = openpyxl.load_workbook(path)
    return {"Journal": [list(r) for r in book["Journal"].iter_rows(values_only=True)]}


def test_a_run_made_again_shows_the_bills_awaiting_posting_and_does_not_tick_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _confirmed(tmp_path, capsys)
    tick(run, {"KC/7": "x"})  # ticked, not confirmed yet: its tick is kept
    code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "01-12-2026",
                 "--out", str(run)])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    assert "Kept your ticks on 1 bills still open" in said
    assert "2 bills were confirmed for payment earlier" in said
    assert "Post the Journal of payments-2026-11-30 into the books" in said
    rows = run_rows(run)
    assert {n: r["Pay"] for n, r in rows.items()} == {
        "AC/101": None,
        "R-11": None,
        "KC/7": "Yes",
        "DC-55": None,
    }
    assert rows["AC/101"]["Awaiting Posting"] == (
        "Confirmed for payment on 30-11-2026 in payments-2026-11-30 (PMT/20261130/001): "
        "awaiting posting, do not tick"
    )
    assert rows["KC/7"]["Awaiting Posting"] is None


def test_a_payments_file_that_cannot_be_read_is_said_and_the_rest_is_paid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _confirmed(tmp_path, capsys)
    broken = tmp_path / "payments-2026-11-15"
    broken.mkdir()
    (broken / "payments.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    tick(run, {"AC/101": None, "R-11": None, "KC/7": "x"})
    assert main(["payables", "--confirm", str(run), "--date", "01-12-2026"]) == 0
    out = capsys.readouterr()
    assert "1 payments, ₹78,400.00" in out.out
    assert "payments-2026-11-15: its payments cannot be read" in out.err


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


def test_pay_ticked_clicked_again_pays_nothing_twice_in_the_open_workbook(tmp_path: Path) -> None:
    """The buttons: a second Pay Ticked before the Payment Journal is posted pays nothing and
    keeps the Payments sheet of the first; Payables clicked again notes the bills awaiting
    posting and does not tick them."""
    import importlib

    from tests.test_doors import _pay_column, _tick, book_of, book_table

    handlers = importlib.import_module("macros.xlbo_buttons")
    book = book_of(books(tmp_path), name="books.xlsx")
    handlers.payables(book)
    _tick(book, {"AC/101": "Yes", "R-11": "Yes"})
    assert handlers.pay_ticked(book).startswith("2 payments, ₹1,22,800.00 (2 bills).")
    first = book_table(book, "Payments", "Voucher No")
    handlers.payables(book)
    assert _pay_column(book) == {"AC/101": None, "R-11": None, "KC/7": None, "DC-55": None}
    notes = {r[3]: r[-1] for r in book_table(book, "Payment Run", "Pay")[1:] if r[3]}
    assert str(notes["R-11"]).startswith(
        f"Confirmed for payment on {date.today():%d-%m-%Y} in this workbook's Payments sheet "
        f"(PMT/{date.today():%Y%m%d}/002): awaiting posting"
    )
    _tick(book, {"AC/101": "Yes", "KC/7": "x"})
    said = handlers.pay_ticked(book)
    assert said.startswith("0 payments"), said
    assert "Not paid again: bill AC/101 was confirmed for payment" in said
    assert "delete the Payments and Bank File sheets" in said
    assert "Bill KC/7 was not paid: this workbook's Payments sheet holds payments" in said
    assert book_table(book, "Payments", "Voucher No") == first
