"""`xlbo tds-recon`: Form 26AS Part I as TRACES exports it (one deductor with each booking
status) against the Receipts sheet, read back from the workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.conftest import write_xlsx
from tests.gstrecon.test_gst_recon import sheet
from xlbo.cli import main
from xlbo.gstrecon.form26as import read_26as
from xlbo.gstrecon.tds import quarter
from xlbo.jobs.tds_recon import tds_reconcile

TEXT_26AS = """\
^Annual Tax Statement^
File Creation Date^Permanent Account Number (PAN)^Current Status of PAN^Financial Year^Assessment Year^Name of Assessee
14-12-2026^AAACS1234F^Active^2026-27^2027-28^SAHYADRI TRADELINKS PRIVATE LIMITED
^
PART-I - Details of Tax Deducted at Source^
Sr. No.^Name of Deductor^TAN of Deductor^^^^^Total Amount Paid / Credited(Rs.)^Total Tax Deducted(Rs.)^Total TDS Deposited(Rs.)
1^KAVERI FOODS PRIVATE LIMITED^PNEK12345C^^^^^1,50,000.00^15,000.00^15,000.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194J^15-Jun-2026^F^20-Aug-2026^-^1,00,000.00^10,000.00^10,000.00
^2^194J^30-Sep-2026^F^15-Nov-2026^-^50,000.00^5,000.00^5,000.00
2^DECCAN INFRA LIMITED^MUMD23456E^^^^^2,00,000.00^4,000.00^0.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194C^05-Jul-2026^U^-^-^2,00,000.00^4,000.00^0.00
3^PUNE MUNICIPAL CORPORATION^PNEM34567F^^^^^3,00,000.00^6,000.00^6,000.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194C^10-Aug-2026^P^30-Oct-2026^-^3,00,000.00^6,000.00^6,000.00
4^ZENITH RETAIL LLP^BLRZ45678G^^^^^80,000.00^1,600.00^1,600.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194H^01-Sep-2026^O^25-Oct-2026^-^80,000.00^1,600.00^1,600.00
5^LOTUS HOTELS PRIVATE LIMITED^PNEL56789H^^^^^30,000.00^3,000.00^3,000.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194J^12-Jul-2026^F^30-Oct-2026^-^30,000.00^3,000.00^3,000.00
^
PART-II - Details of Tax Deducted at Source for 15G / 15H^
Sr. No.^Name of Deductor^TAN of Deductor^^^^^Total Amount Paid / Credited(Rs.)^Total Tax Deducted(Rs.)^Total TDS Deposited(Rs.)
1^SOME BANK^MUMS99999Z^^^^^9,999.00^0.00^0.00
^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
^1^194A^31-Mar-2027^F^30-Apr-2027^-^9,999.00^999.00^999.00
"""

CUSTOMERS: list[list[Any]] = [
    ["Customer Code", "Name", "GSTIN", "PAN", "TAN"],
    ["C001", "Kaveri Foods Pvt Ltd", None, None, "PNEK12345C"],
    ["C002", "Deccan Infra Ltd", None, None, "MUMD23456E"],
    ["C003", "Pune Municipal Corporation", None, None, "PNEM34567F"],
    ["C004", "Zenith Retail LLP", None, None, "BLRZ45678G"],
    ["C005", "Lotus Hotels Private Limited", None, None, None],
]
RECEIPTS: list[list[Any]] = [
    ["Receipt Date", "Customer Code", "Amount", "Mode", "TDS Deducted", "TDS Section"],
    ["25-06-2026", "C001", 90000, "NEFT", 10000, "194J"],  # same quarter
    ["10-10-2026", "C001", 45000, "NEFT", 5000, "194J"],  # 26AS has it in Q2 (booked in Sept)
    ["20-07-2026", "C002", 196000, "RTGS", 4000, "194C"],  # 26AS: U
    ["15-08-2026", "C002", 98000, "RTGS", 2000, "194C"],  # not in 26AS
    ["20-08-2026", "C003", 294000, "NEFT", 6000, "194J"],  # 26AS: P, and 194C there
    ["20-07-2026", "C005", 27000, "UPI", 3000, "194J"],  # no TAN in the master: by name
    ["21-07-2026", "C004", 5000, "UPI", None, None],  # no TDS: not in the reconciliation
]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    folder = tmp_path_factory.mktemp("tds")
    text = folder / "26AS.txt"
    text.write_text(TEXT_26AS, encoding="utf-8")
    book = write_xlsx(folder / "books.xlsx", {"Customers": CUSTOMERS, "Receipts": RECEIPTS})
    out = folder / "tds.xlsx"
    code = main(["tds-recon", "--26as", str(text), "--books", str(book), "--out", str(out)])
    return code, out


def test_the_text_26as_reads_part_one_only(tmp_path: Path) -> None:
    text = tmp_path / "26AS.txt"
    text.write_text(TEXT_26AS, encoding="utf-8")
    frame, issues = read_26as(text)
    assert not issues
    assert frame["status"].tolist() == ["F", "F", "U", "P", "O", "F"]  # not Part II's 194A
    first = frame.iloc[0]
    assert (first["deductor"], first["tan"], first["section"]) == (
        "KAVERI FOODS PRIVATE LIMITED",
        "PNEK12345C",
        "194J",
    )
    assert (first["amount"], first["tds"], first["deposited"]) == (10000000, 1000000, 1000000)
    assert str(first["transaction_date"]) == "2026-06-15"
    assert frame["booking_date"].iloc[2] is None  # '-' for a row not booked
    days = pd.Series(["2026-06-15", "2027-03-31", "2027-04-01"], dtype="datetime64[ns]")
    assert quarter(days).tolist() == ["FY2026-27 Q1", "FY2026-27 Q4", "FY2027-28 Q1"]


def test_each_booking_status_is_matched_and_explained(run: tuple[int, Path]) -> None:
    code, out = run
    assert code == 1
    matched = {(r["TAN"], r["Status"]): r for r in sheet(out, "Matched")}
    assert set(matched) == {
        ("PNEK12345C", "F"),
        ("MUMD23456E", "U"),
        ("PNEM34567F", "P"),
        ("PNEL56789H", "F"),
    }
    assert len(sheet(out, "Matched")) == 5
    unmatched = matched[("MUMD23456E", "U")]
    assert unmatched["Credit at Risk"] == 4000
    assert "Unmatched: the deductor has not deposited the tax" in unmatched["Why"]
    provisional = matched[("PNEM34567F", "P")]
    assert provisional["Credit at Risk"] == 0
    assert provisional["Why"] == (
        "Same TAN, TDS and quarter; section 194C in 26AS, 194J in the books: correct the books "
        "or ask the customer"
    )
    lotus = matched[("PNEL56789H", "F")]
    assert lotus["Customer"] == "Lotus Hotels Private Limited"


def test_a_receipt_in_a_later_quarter_than_26as_is_matched_and_said(run: tuple[int, Path]) -> None:
    rows = [r for r in sheet(run[1], "Matched") if r["TAN"] == "PNEK12345C"]
    later = next(r for r in rows if r["TDS (Books)"] == 5000)
    assert later["Quarter (26AS)"] == "FY2026-27 Q2"
    assert "26AS has it in FY2026-27 Q2, the books in FY2026-27 Q3" in later["Why"]
    assert later["Amount Credited (26AS)"] == later["Amount (Books)"] == 50000


def test_what_is_left_on_each_side(run: tuple[int, Path]) -> None:
    (only_26as,) = sheet(run[1], "In 26AS not in Books")
    assert (only_26as["TAN"], only_26as["Status"], only_26as["TDS"]) == ("BLRZ45678G", "O", 1600)
    assert "not yet credit. Overbooked: the deductor's return claims more" in only_26as["Why"]
    (only_books,) = sheet(run[1], "In Books not in 26AS")
    assert (only_books["Customer"], only_books["TDS"], only_books["Quarter"]) == (
        "Deccan Infra Ltd",
        2000,
        "FY2026-27 Q2",
    )
    assert "has not filed its TDS return (26Q)" in only_books["Why"]


def test_the_summary_per_customer_and_quarter(run: tuple[int, Path]) -> None:
    from openpyxl import load_workbook

    rows = {(r["Customer"], r["Quarter"]): r for r in sheet(run[1], "Summary")}
    deccan = rows[("Deccan Infra Ltd", "FY2026-27 Q2")]
    assert (deccan["TDS in 26AS"], deccan["Claimable (F, P)"], deccan["TDS in Books"]) == (
        4000,
        0,
        6000,
    )
    assert rows[("Total", "")]["TDS in Books"] == 30000
    # the receipt of October matched to September's credit counts in September's quarter
    kaveri = rows[("Kaveri Foods Pvt Ltd", "FY2026-27 Q2")]
    assert (kaveri["Claimable (F, P)"], kaveri["TDS in Books"]) == (5000, 5000)
    assert ("Kaveri Foods Pvt Ltd", "FY2026-27 Q3") not in rows
    assert rows[("ZENITH RETAIL LLP", "FY2026-27 Q2")]["TDS in 26AS"] == 1600
    titles = [r[0] for r in load_workbook(run[1])["Summary"].iter_rows(max_row=4, values_only=True)]
    assert any("Lotus Hotels Private Limited has no TAN" in str(t) for t in titles)


def test_26as_as_a_sheet_reads_the_same(tmp_path: Path) -> None:
    rows = [
        [
            "Name of Deductor",
            "TAN of Deductor",
            "Section",
            "Transaction Date",
            "Status of Booking",
            "Date of Booking",
            "Amount Paid / Credited(Rs.)",
            "Tax Deducted(Rs.)",
            "TDS Deposited(Rs.)",
        ],
        [
            "KAVERI FOODS PRIVATE LIMITED",
            "PNEK12345C",
            "194J",
            "15-Jun-2026",
            "F",
            "20-Aug-2026",
            "1,00,000.00",
            "10,000.00",
            "10,000.00",
        ],
        ["DECCAN INFRA LIMITED", "MUMD23456E", "194C", "05-Jul-2026", "U", "-", 200000, 4000, 0],
    ]
    frame, issues = read_26as(write_xlsx(tmp_path / "26as.xlsx", {"26AS": rows}))
    assert not issues
    assert frame[["tan", "status", "amount", "tds"]].values.tolist() == [
        ["PNEK12345C", "F", 10000000, 1000000],
        ["MUMD23456E", "U", 20000000, 400000],
    ]


def test_the_journal_serves_when_there_is_no_receipts_sheet(tmp_path: Path) -> None:
    text = tmp_path / "26AS.txt"
    text.write_text(TEXT_26AS, encoding="utf-8")
    journal = [
        ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party"],
        ["25-06-2026", "RCT/1", "Receipt", "HDFC Bank", 90000, None, None],
        ["25-06-2026", "RCT/1", "Receipt", "TDS Receivable", 10000, None, None],
        [
            "25-06-2026",
            "RCT/1",
            "Receipt",
            "Trade Receivables",
            None,
            100000,
            "Kaveri Foods Pvt Ltd",
        ],
    ]
    book = write_xlsx(tmp_path / "books.xlsx", {"Customers": CUSTOMERS, "Journal": journal})
    result = tds_reconcile(text, book)
    assert result.receivable.source == "Journal"
    (pair,) = result.recon.pairs.itertuples()
    books = result.recon.books.iloc[pair.b]
    assert (books["customer"], books["amount"], books["tds"]) == (
        "Kaveri Foods Pvt Ltd",
        10000000,
        1000000,
    )


def test_a_file_that_is_not_26as_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "26AS.txt"
    text.write_text("Sr. No.^Name^Amount\n1^X^100\n", encoding="utf-8")
    book = write_xlsx(tmp_path / "books.xlsx", {"Customers": CUSTOMERS, "Receipts": RECEIPTS})
    code = main(
        ["tds-recon", "--26as", str(text), "--books", str(book), "--out", str(tmp_path / "o.xlsx")]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "26AS.txt has no 'PART-I - Details of Tax Deducted at Source'" in err
    assert not (tmp_path / "o.xlsx").exists()


def test_a_bad_amount_in_26as_is_an_issue_and_the_rest_is_read(tmp_path: Path) -> None:
    text = tmp_path / "26AS.txt"
    text.write_text(
        TEXT_26AS.replace("^5,000.00^5,000.00\n", "^5,0x0.00^5,000.00\n"), encoding="utf-8"
    )
    frame, issues = read_26as(text)
    (issue,) = issues
    assert issue.cell == "line 10"
    assert "cannot be read" in issue.problem
    assert len(frame) == 5


def test_a_26as_csv_and_bad_receipts_cells(tmp_path: Path) -> None:
    csv = tmp_path / "26as.csv"
    csv.write_text(
        "Name of Deductor,TAN of Deductor,Section,Transaction Date,Status of Booking,"
        "Date of Booking,Amount Paid / Credited(Rs.),Tax Deducted(Rs.),TDS Deposited(Rs.)\n"
        'KAVERI FOODS PRIVATE LIMITED,PNEK12345C,194J,15-Jun-2026,F,20-Aug-2026,"1,00,000.00",'
        '"10,000.00","10,000.00"\n',
        encoding="utf-8",
    )
    receipts = [
        *RECEIPTS[:2],
        ["31-02-2026", "C001", 100, "NEFT", 10, "194J"],
        ["25-06-2026", "C009", 100, "NEFT", 10, "194J"],
        ["25-06-2026", "C001", 100, "NEFT", "ten", "194J"],
    ]
    book = write_xlsx(tmp_path / "books.xlsx", {"Customers": CUSTOMERS, "Receipts": receipts})
    result = tds_reconcile(csv, book)
    assert len(result.recon.pairs) == 1
    said = {i.cell: i.problem for i in result.issues}
    assert said == {
        "A3": "Receipt Date '31-02-2026' is not a date",
        "B4": "Customer Code 'C009' is not on the Customers sheet",
        "E5": "TDS Deducted: 'ten' is not an amount; type a number such as 1,23,456.50",
    }


def test_a_status_traces_does_not_use_is_said_and_not_claimed() -> None:
    from xlbo.gstrecon.tds import CLAIMABLE, explain_status

    said = explain_status(pd.Series(["F", "Z", ""])).tolist()
    assert said[0].startswith("Final: deposited and matched")
    assert said[1] == "'Z' is not a booking status TRACES uses (U, P, F, O)"
    assert said[2] == "'' is not a booking status TRACES uses (U, P, F, O)"
    assert "Z" not in CLAIMABLE


@pytest.mark.parametrize("empty", ["26as", "books", "both"])
def test_an_empty_side_reconciles(tmp_path: Path, empty: str) -> None:
    text = tmp_path / "26AS.txt"
    lines = TEXT_26AS if empty == "books" else "PART-I - Details of Tax Deducted at Source\n"
    text.write_text(lines, encoding="utf-8")
    receipts = RECEIPTS[:1] if empty != "26as" else RECEIPTS
    book = write_xlsx(tmp_path / "books.xlsx", {"Customers": CUSTOMERS, "Receipts": receipts})
    out = tmp_path / "t.xlsx"
    code = main(["tds-recon", "--26as", str(text), "--books", str(book), "--out", str(out)])
    assert code == (0 if empty == "both" else 1)
    assert len(sheet(out, "In 26AS not in Books")) == (6 if empty == "books" else 0)
    assert len(sheet(out, "In Books not in 26AS")) == (6 if empty == "26as" else 0)
