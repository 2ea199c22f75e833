"""Advances paid to vendors and debit notes raised on them, both Journal debits to Trade
Payables with the vendor as Party: a debit note naming a bill settles that bill first (its TDS
in proportion to what is left); what is paid beyond every bill up to the day is an advance,
listed on the run's Advances sheet and said in its messages, and it settles the next bill."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.vendors.books import JOURNAL, books
from tests.vendors.records import bill, vendor
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.money import to_paise
from xlbo.vendors.rules import tds_rules
from xlbo.vendors.run import propose
from xlbo.vendors.settle import Payment, advances

CATERER = vendor("V01", name="Annapurna Caterers", tds_section="194C")
LANDLORD = vendor("V02", name="Shree Properties", tds_section="194I(b)", pan="ABCPS1234K")
VENDORS = {"v01": CATERER, "v02": LANDLORD}
BILLS = [
    bill(50000, date(2026, 10, 1), code="V01", number="AC/101"),
    bill(20000, date(2026, 11, 1), code="V01", number="AC/120"),
    bill(60000, date(2026, 10, 5), code="V02", number="R-10"),
]


def paise(rupees: int) -> int:
    return to_paise(Decimal(rupees))


def test_what_is_paid_beyond_the_bills_is_an_advance_until_the_next_bill() -> None:
    payments = [
        Payment(date(2026, 10, 5), "Annapurna Caterers", paise(60000), "AC/101 and advance"),
        Payment(date(2026, 10, 7), "V02", paise(5000), "advance for November"),
    ]
    # on 20-10 the November bill has not come: 10,000 of the caterer's is an advance; the
    # landlord's 5,000 was set against R-10
    assert advances(BILLS, VENDORS, payments, date(2026, 10, 20)) == {"V01": paise(10000)}
    # on 30-11 the caterer's advance settled half of AC/120
    assert advances(BILLS, VENDORS, payments, date(2026, 11, 30)) == {}
    rows, _ = propose(BILLS, VENDORS, tds_rules(), payments, date(2026, 11, 30))
    open_bills = {r.bill.bill_no: r for r in rows}
    assert open_bills["AC/120"].outstanding == paise(10000)
    assert "AC/101" not in open_bills
    # a vendor with no bill yet: all of it is an advance
    early = [Payment(date(2026, 9, 1), "Shree Properties", paise(25000), "deposit")]
    assert advances(BILLS, VENDORS, early, date(2026, 9, 30)) == {"V02": paise(25000)}


def test_a_debit_note_naming_a_bill_settles_it_first() -> None:
    note = Payment(date(2026, 10, 10), "V02", paise(12000), "Debit note DN/3 on R-10: rent")
    rows, _ = propose(BILLS, VENDORS, tds_rules(), [note], date(2026, 10, 31))
    rent = next(r for r in rows if r.bill.bill_no == "R-10")
    assert rent.outstanding == paise(48000)
    assert rent.tds_now == paise(4800)  # 6,000 × 48,000 / 60,000
    assert "part paid" in rent.tds_why


def test_the_run_lists_the_advances(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = [
        *JOURNAL,
        ["25-11-2026", "PMT/2", "Payment", "Trade Payables", 15000, None, "Deccan Couriers",
         None, "Advance for December"],
        ["25-11-2026", "PMT/2", "Payment", "HDFC Bank Current A/c", None, 15000, None, None,
         "Advance for December"],
    ]  # fmt: skip
    books(tmp_path, extra={"Journal": journal}, purchases=[])
    code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026",
                 "--out", str(tmp_path / "run.xlsx")])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 vendors hold advances of ₹35,000.00 not yet set against a bill" in said
    table = FileBook(tmp_path / "run.xlsx").read_table("Advances", ("Vendor Code", "Advance"))
    assert table.frame[["Vendor Code", "Advance"]].values.tolist() == [
        ["V01", 20000],
        ["V04", 15000],
    ]


def test_a_credit_note_on_the_purchases_sheet_is_taken_off_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A vendor's credit note as the GSTR-2B reconciliation reads it (a Purchases row of
    negative amounts) takes its total off the bill its description names; its voucher is on
    the run's Journal sheet, and once posted into the books it is not counted again."""
    from tests.vendors.books import PURCHASES
    from xlbo.journal_layout import HEADERS

    note = ["V02", "CN-4", "20-11-2026", None, "Rent", "Credit note on R-11", -10000, None,
            -900, -900, None, None, None, None, None]  # fmt: skip
    stranger = ["V09", "CN-5", "20-11-2026", None, "Rent", None, -500, None, None, None, None,
                None, None, None, None]  # fmt: skip
    books(tmp_path, purchases=[*PURCHASES, note, stranger])

    def run() -> tuple[int, str, dict[str, dict[str, object]]]:
        code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026",
                     "--out", str(tmp_path / "run.xlsx")])  # fmt: skip
        table = FileBook(tmp_path / "run.xlsx").read_table("Payment Run", ("Pay", "Bill No"))
        rows = {str(r["Bill No"]): r for r in table.frame.to_dict("records") if r["Bill No"]}
        return code, capsys.readouterr().out, rows

    code, said, rows = run()
    assert code == 1 and "Credit note CN-5: vendor V09 is not on the Vendors sheet" in said
    assert "is negative" not in said
    assert (rows["R-11"]["Outstanding"], rows["R-11"]["TDS"]) == (59000, 5000)  # 70,800 - 11,800
    journal = FileBook(tmp_path / "run.xlsx").read_table("Journal", HEADERS).frame
    voucher = journal[journal["Voucher No"] == "V02/CN-4"]
    assert voucher["Debit"].sum() == voucher["Credit"].sum() == 11800
    assert set(voucher["Voucher Type"]) == {"Credit Note"}
    book = openpyxl.load_workbook(tmp_path / "books.xlsx")  # posted into the books
    for line in voucher[list(HEADERS)].itertuples(index=False):
        book["Journal"].append([None if v != v else v for v in line])
    book.save(tmp_path / "books.xlsx")
    _, _, rows = run()
    assert rows["R-11"]["Outstanding"] == 59000  # not 47,200: counted once
