"""Tally's XML export of the Day Book (Display > Day Book > Export > XML) becomes the books, as
its Excel export does: every voucher's ledgers as Journal lines. Before, `import-tally
DayBook.xml` was refused ("not a file xlbo reads"), though Tally's XML holds every ledger of a
voucher where an Excel export in condensed format does not.

The vouchers are written as Tally writes them: UTF-16 with a byte-order mark, `&#4;` before
"Not Applicable", an AMOUNT below zero a debit, an item invoice's sales ledger allocated under
its stock item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from tests.reports.test_statements import ACCOUNTS
from xlbo.cli import main
from xlbo.jobs.report import ReportKind, run_report
from xlbo.jobs.tally import import_day_book
from xlbo.money import to_paise


def voucher(
    kind: str,
    number: str,
    day: str,
    entries: list[tuple[str, str]],
    *,
    narration: str = "",
    flags: str = "",
    items: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    entry_list: str = "ALLLEDGERENTRIES.LIST",
) -> str:
    """A VOUCHER as Tally exports it: ledger entries (ledger, AMOUNT) and stock items (item,
    sales or purchase ledger, AMOUNT) with their accounting allocations."""
    lines = "".join(
        f"<{entry_list}><LEDGERNAME>{ledger}</LEDGERNAME><GSTCLASS>&#4; Not Applicable"
        f"</GSTCLASS><AMOUNT>{amount}</AMOUNT></{entry_list}>"
        for ledger, amount in entries
    )
    stock = "".join(
        f"<ALLINVENTORYENTRIES.LIST><STOCKITEMNAME>{item}</STOCKITEMNAME><AMOUNT>{amount}"
        f"</AMOUNT><ACCOUNTINGALLOCATIONS.LIST><LEDGERNAME>{ledger}</LEDGERNAME><AMOUNT>{amount}"
        "</AMOUNT></ACCOUNTINGALLOCATIONS.LIST></ALLINVENTORYENTRIES.LIST>"
        for item, ledger, amount in items
    )
    return (
        f'<TALLYMESSAGE xmlns:UDF="TallyUDF"><VOUCHER VCHTYPE="{kind}" ACTION="Create">'
        f"<DATE>{day}</DATE><NARRATION>{narration}</NARRATION>"
        f"<VOUCHERTYPENAME>{kind}</VOUCHERTYPENAME><VOUCHERNUMBER>{number}</VOUCHERNUMBER>"
        f"{flags}{lines}{stock}</VOUCHER></TALLYMESSAGE>"
    )


SALE = voucher(
    "Sales",
    "S/101",
    "20261003",
    [("Vardhaman Agencies", "-118000.00"), ("Output IGST", "18000.00")],
    narration="Being goods sold on invoice S/101",
    items=[("Steel Rack", "Sales - Goods", "100000.00")],
    entry_list="LEDGERENTRIES.LIST",
)
RENT = voucher(
    "Payment",
    "P/55",
    "20261007",
    [("Rent", "-30000.00"), ("HDFC Bank Current A/c", "30000.00")],
    narration="Rent for October",
)
RECEIPT = voucher(
    "Receipt",
    "R/12",
    "20261009",
    [("HDFC Bank Current A/c", "-50000.50"), ("Vardhaman Agencies", "50000.50")],
)
OPTIONAL = voucher(
    "Payment",
    "P/56",
    "20261010",
    [("Rent", "-5000.00"), ("HDFC Bank Current A/c", "5000.00")],
    flags="<ISOPTIONAL>Yes</ISOPTIONAL>",
)
CANCELLED = voucher("Payment", "P/57", "20261011", [], flags="<ISCANCELLED>Yes</ISCANCELLED>")
SHORT = voucher(
    "Journal", "J/1", "20261012", [("Rent", "-700.00"), ("HDFC Bank Current A/c", "600.00")]
)
GARBLED = voucher(
    "Journal", "J/2", "20261013", [("Rent", "-7OO.00"), ("HDFC Bank Current A/c", "700.00")]
)


def day_book(path: Path, *vouchers: str) -> Path:
    """The Day Book's XML as Tally writes it: UTF-16 with a byte-order mark, CRLF lines."""
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<ENVELOPE><HEADER><TALLYREQUEST>Import Data'
        "</TALLYREQUEST></HEADER><BODY><IMPORTDATA><REQUESTDESC><REPORTNAME>Vouchers"
        "</REPORTNAME><STATICVARIABLES><SVCURRENTCOMPANY>Sahyadri Tradelinks Pvt Ltd"
        "</SVCURRENTCOMPANY></STATICVARIABLES></REQUESTDESC><REQUESTDATA>\n"
        + "\n".join(vouchers)
        + "\n</REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>\n"
    )
    path.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    return path


def test_every_voucher_becomes_journal_lines(tmp_path: Path, xlsx: Callable[..., Path]) -> None:
    master = xlsx(
        {
            "Accounts": ACCOUNTS,
            "Customers": [["Customer Code", "Name"], ["C1", "Vardhaman Agencies"]],
        },
        name="master.xlsx",
    )
    path = day_book(
        tmp_path / "DayBook.xml", SALE, RENT, RECEIPT, OPTIONAL, CANCELLED, SHORT, GARBLED
    )
    result = import_day_book(path, master)
    journal = result.journal
    shown = journal[["Voucher No", "Voucher Type", "Account", "Party"]].astype(object)
    assert shown.where(shown.notna(), None).values.tolist() == [
        ["S/101", "Sales", "Trade Receivables", "Vardhaman Agencies"],
        ["S/101", "Sales", "Output IGST", None],
        ["S/101", "Sales", "Sales - Goods", None],  # allocated under the stock item
        ["P/55", "Payment", "Rent", None],
        ["P/55", "Payment", "HDFC Bank Current A/c", None],
        ["R/12", "Receipt", "HDFC Bank Current A/c", None],
        ["R/12", "Receipt", "Trade Receivables", "Vardhaman Agencies"],
    ]
    paise = [
        [to_paise(v) if v is not None else None for v in journal[c]] for c in ("Debit", "Credit")
    ]
    assert paise == [
        [11800000, None, None, 3000000, None, 5000050, None],
        [None, 1800000, 10000000, None, 3000000, None, 5000050],
    ]
    assert journal["Date"].tolist() == [date(2026, 10, d) for d in (3, 3, 3, 7, 7, 9, 9)]
    assert journal["Narration"].tolist()[:4] == ["Being goods sold on invoice S/101"] * 3 + [
        "Rent for October"
    ]
    assert [(i.severity, i.sheet, i.value, i.problem) for i in result.issues] == [
        (
            "Warning",
            "Day Book",
            "Payment",
            "an optional voucher (Payment P/56 of 10-10-2026, 5,000.00) is not in the books: "
            "Tally posts it to no ledger and leaves it out of every ledger's balance, so its "
            "lines were not read",
        ),
        (
            "Error",
            "Day Book",
            "J/1",
            "Voucher J/1 of 12-10-2026 does not balance: debits 700.00, credits "
            "600.00 (difference 100.00)",
        ),
        (
            "Error",
            "Day Book",
            "-7OO.00",
            "Voucher J/2 of 13-10-2026, ledger Rent: '-7OO.00' is not an amount; type "
            "a number such as 1,23,456.50",
        ),
    ]
    assert result.issues[1].hint.startswith("Tally's XML holds every ledger of a voucher")


def test_import_tally_of_the_xml_then_a_trial_balance_that_agrees(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = day_book(tmp_path / "DayBook.xml", SALE, RENT, RECEIPT)
    out = tmp_path / "books.xlsx"
    assert main(["import-tally", str(path), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith("3 vouchers, 7 journal lines; 0 left out")
    assert CalamineWorkbook.from_path(str(out)).sheet_names[:2] == ["Journal", "Issues"]
    master = xlsx({"Accounts": ACCOUNTS}, name="master.xlsx")
    report = run_report(ReportKind.TRIAL_BALANCE, out, "2026-10", master)
    assert report.totals[0] == report.totals[1]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("<ENVELOPE><BODY/></ENVELOPE>", "holds no Tally vouchers"),
        ("<ENVELOPE><BODY>", "is not well-formed XML"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><ENVELOPE/>', "declares a DOCTYPE or entities"),
    ],
)
def test_an_xml_that_is_no_day_book_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    path = tmp_path / "DayBook.xml"
    path.write_text(text, encoding="utf-8")
    assert main(["import-tally", str(path), "--out", str(tmp_path / "books.xlsx")]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "books.xlsx").exists()


def test_an_xml_day_book_has_no_sheet_to_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = day_book(tmp_path / "DayBook.xml", RENT)
    code = main(
        ["import-tally", str(path), "--sheet", "Day Book", "--out", str(tmp_path / "b.xlsx")]
    )
    assert code == 2
    assert "DayBook.xml is an XML export: it has no sheets; leave out --sheet." in (
        capsys.readouterr().err
    )


def test_orders_and_goods_notes_are_said_and_stock_journals_left_out(tmp_path: Path) -> None:
    """A Sales Order carries its party's amount but Tally posts it to no ledger: a Warning, no
    lines. A Stock Journal moves goods, no ledger at all: no voucher of the books, no word. A
    file of cancelled vouchers only gives no lines and no issue."""
    order = voucher(
        "Sales Order",
        "SO/9",
        "20261002",
        [("Vardhaman Agencies", "-59000.00"), ("Sales - Goods", "59000.00")],
    )
    stock = voucher(
        "Stock Journal",
        "SJ/1",
        "20261004",
        [],
        items=[("Steel Rack", "", "0")],
    )
    result = import_day_book(day_book(tmp_path / "DayBook.xml", order, stock, RENT))
    assert result.journal["Voucher No"].tolist() == ["P/55", "P/55"]
    assert [(i.severity, i.value, i.problem) for i in result.issues] == [
        (
            "Warning",
            "Sales Order",
            "Voucher SO/9 of 02-10-2026, a Sales Order of 59,000.00: Tally posts orders and "
            "notes of goods to no ledger, so its lines were not read",
        )
    ]
    nothing = import_day_book(day_book(tmp_path / "Cancelled.xml", CANCELLED))
    assert nothing.journal.empty and nothing.issues == []


@pytest.mark.parametrize("day", ["00010101", "99991231"])
def test_a_voucher_dated_in_a_year_far_off_is_said_so_and_left_out(
    tmp_path: Path, day: str
) -> None:
    """A voucher of the year 1 or 9999 (a typing slip) was imported at that date without a
    word; it is an Error naming the year, as in the Excel Day Book and the bank's files."""
    far = voucher(
        "Payment", "P/60", day, [("Rent", "-100.00"), ("HDFC Bank Current A/c", "100.00")]
    )
    result = import_day_book(day_book(tmp_path / "DayBook.xml", far, RENT))
    assert result.journal["Voucher No"].tolist() == ["P/55", "P/55"]
    year = int(day[:4])
    assert [(i.severity, i.problem) for i in result.issues] == [
        (
            "Error",
            f"Voucher P/60: '{day}' is a date of the year {year}, outside the years xlbo works "
            "with (1900 to 2100); correct its year",
        )
    ]


def test_an_xml_past_the_size_xlbo_reads_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Parsed whole, a Tally XML of a gigabyte would take several gigabytes: refused by its
    size, with what to do (a sparse file: nothing is written to the disk)."""
    path = tmp_path / "DayBook.xml"
    with path.open("wb") as handle:
        handle.truncate(401 * 2**20)
    assert main(["import-tally", str(path), "--out", str(tmp_path / "books.xlsx")]) == 2
    assert (
        "DayBook.xml is 401 MB, more than xlbo reads of Tally's XML (400 MB). Export it from "
        "Tally a month or a quarter at a time." in capsys.readouterr().err
    )


@pytest.mark.parametrize("damage", ["cut in half", "random bytes", "bits flipped"])
def test_a_damaged_xml_day_book_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    import random

    good = day_book(tmp_path / "good.xml", SALE, RENT, RECEIPT).read_bytes()
    chance = random.Random(7)
    data = {
        "cut in half": good[: len(good) // 2],
        "random bytes": bytes(chance.randrange(256) for _ in range(3000)),
        "bits flipped": bytes(b ^ 0x20 if chance.random() < 0.01 else b for b in good),
    }[damage]
    path = tmp_path / "DayBook.xml"
    path.write_bytes(data)
    assert main(["import-tally", str(path), "--out", str(tmp_path / "books.xlsx")]) == 2
    assert "DayBook.xml is not well-formed XML" in capsys.readouterr().err
    assert not (tmp_path / "books.xlsx").exists()


def test_a_foreign_currency_voucher_is_booked_at_its_rupees(tmp_path: Path) -> None:
    """An export's receipt in dollars: Tally writes each AMOUNT as the dollars at the rate and
    the rupees after `=`; the books take the rupees. A voucher marked void is said, left out."""
    forex = voucher(
        "Receipt",
        "R/77",
        "20261014",
        [
            ("HDFC Bank Current A/c", "-$1,000.00 @ &#8377; 83.25/$ = -&#8377; 83,250.00"),
            ("Globex Inc", "$1,000.00 @ &#8377; 83.25/$ = &#8377; 83,250.00"),
        ],
    )
    void = voucher(
        "Payment",
        "P/58",
        "20261015",
        [("Rent", "-900.00"), ("HDFC Bank Current A/c", "900.00")],
        flags="<ISVOID>Yes</ISVOID>",
    )
    result = import_day_book(day_book(tmp_path / "DayBook.xml", forex, void))
    assert [(i.severity, i.problem) for i in result.issues] == [
        (
            "Warning",
            "Voucher P/58 of 15-10-2026 (900.00) is marked void in the export "
            "(ISVOID), so its lines were not read",
        )
    ]
    assert result.journal["Account"].tolist() == ["HDFC Bank Current A/c", "Globex Inc"]
    assert [to_paise(v) for v in result.journal["Debit"] if v is not None] == [8325000]
    assert [to_paise(v) for v in result.journal["Credit"] if v is not None] == [8325000]


# A sales invoice as another project writes Tally's voucher XML (a request to import into
# TallyPrime, posted to its port 9000; found in a public repository, not written to fit this
# reader): the type only in VCHTYPE, a comment among the entries, bill allocations under the
# party, ISLASTDEEMEDPOSITIVE, the sales ledger only under the stock item.
OTHERS_INVOICE = """<ENVELOPE>
  <HEADER>
    <VERSION>1</VERSION>
    <TALLYREQUEST>Import Data</TALLYREQUEST>
  </HEADER>
  <BODY>
    <IMPORTDATA>
      <REQUESTDESC>
        <REPORTNAME>Vouchers</REPORTNAME>
        <STATICVARIABLES>
          <SVEXPORTFORMAT>$$SysName:XML</SVEXPORTFORMAT>
        </STATICVARIABLES>
      </REQUESTDESC>
      <REQUESTDATA>
        <TALLYMESSAGE xmlns:UDF="TallyUDF">
          <VOUCHER VCHTYPE="Sales" ACTION="Create" OBJVIEW="Invoice Voucher View">
            <DATE>20260712</DATE>
            <EFFECTIVEDATE>20260712</EFFECTIVEDATE>
            <VOUCHERNUMBER>TEST-INV-001</VOUCHERNUMBER>
            <PARTYLEDGERNAME>BIW01 (Test Party)</PARTYLEDGERNAME>
            <ISINVOICE>Yes</ISINVOICE>
            <NARRATION>Test 1 - Inventory Bare Minimum</NARRATION>
            <LEDGERENTRIES.LIST>
              <LEDGERNAME>BIW01 (Test Party)</LEDGERNAME>
              <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
              <ISLASTDEEMEDPOSITIVE>Yes</ISLASTDEEMEDPOSITIVE>
              <ISPARTYLEDGER>Yes</ISPARTYLEDGER>
              <AMOUNT>-200.00</AMOUNT>
              <BILLALLOCATIONS.LIST>
                <NAME>TEST-INV-001</NAME>
                <BILLTYPE>New Ref</BILLTYPE>
                <TDSDEDUCTEEISSPECIALRATE>No</TDSDEDUCTEEISSPECIALRATE>
                <AMOUNT>-200.00</AMOUNT>
              </BILLALLOCATIONS.LIST>
            </LEDGERENTRIES.LIST>
            <LEDGERENTRIES.LIST>
              <LEDGERNAME>CGST</LEDGERNAME>
              <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
              <AMOUNT>4.76</AMOUNT>
            </LEDGERENTRIES.LIST>
            <LEDGERENTRIES.LIST>
              <LEDGERNAME>SGST</LEDGERNAME>
              <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
              <AMOUNT>4.76</AMOUNT>
            </LEDGERENTRIES.LIST>
            <!-- Removed "SS Bottle Sales Local 5%" ledger entry -->
            <ALLINVENTORYENTRIES.LIST>
              <STOCKITEMNAME>HYDRA STEEL WATER BOTTLE 1000ML</STOCKITEMNAME>
              <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
              <RATE>190.48/Nos</RATE>
              <AMOUNT>190.48</AMOUNT>
              <ACTUALQTY>1 Nos</ACTUALQTY>
              <BILLEDQTY>1 Nos</BILLEDQTY>
              <ACCOUNTINGALLOCATIONS.LIST>
                <LEDGERNAME>SS Bottle Sales Local 5%</LEDGERNAME>
                <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
                <AMOUNT>190.48</AMOUNT>
              </ACCOUNTINGALLOCATIONS.LIST>
            </ALLINVENTORYENTRIES.LIST>
          </VOUCHER>
        </TALLYMESSAGE>
      </REQUESTDATA>
    </IMPORTDATA>
  </BODY>
</ENVELOPE>
"""


def test_an_invoice_written_by_another_program_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sale.xml"
    path.write_text(OTHERS_INVOICE, encoding="utf-8")
    result = import_day_book(path)
    assert result.issues == []
    journal = result.journal
    assert journal[["Voucher No", "Voucher Type", "Account"]].values.tolist() == [
        ["TEST-INV-001", "Sales", "BIW01 (Test Party)"],
        ["TEST-INV-001", "Sales", "CGST"],
        ["TEST-INV-001", "Sales", "SGST"],
        ["TEST-INV-001", "Sales", "SS Bottle Sales Local 5%"],
    ]
    assert [to_paise(v) if v is not None else None for v in journal["Debit"]] == [
        20000,
        None,
        None,
        None,
    ]
    assert [to_paise(v) if v is not None else None for v in journal["Credit"]] == [
        None,
        476,
        476,
        19048,
    ]
    assert journal["Date"].tolist() == [date(2026, 7, 12)] * 4
