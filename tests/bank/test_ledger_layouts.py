"""The bank ledger as accountants export it: Tally's Ledger Vouchers report to Excel and CSV,
Tally's XML (Day Book and Ledger Vouchers), and the xlbo Journal filtered to the bank ledger.
Each fixture is written in the layout the export has: title lines, header words, To/By,
narration rows under their voucher, balance and total lines."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlbo.errors import FileProblem, SheetProblem
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger

TITLE = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Office 402, Pinnacle Business Park, Baner Road, Pune 411045"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    [],
]


def totals(lines: Any) -> tuple[int, int]:
    return int(lines.frame["debit"].sum()), int(lines.frame["credit"].sum())


def first_and_last(lines: Any) -> list[dict[str, Any]]:
    frame = lines.frame.drop(columns=["row"])
    return [frame.iloc[0].to_dict(), frame.iloc[-1].to_dict()]


# -- Ledger Vouchers to Excel: To/By in a column of its own, a second header row -------------

LEDGER_VOUCHERS_XLSX = [
    *TITLE,
    ["Date", "Particulars", None, "Vch Type", "Vch No.", "Debit", "Credit"],
    [None, None, None, None, None, "Amount", "Amount"],
    [datetime(2026, 10, 1), None, "Opening Balance", None, None, 4845230.50, None],
    [datetime(2026, 10, 1), "By", "Salary Payable", "Payment", "12", None, 2395860],
    [
        None,
        None,
        "Being salary for September 2026 paid through bulk upload",
        None,
        None,
        None,
        None,
    ],
    [datetime(2026, 10, 3), "To", "Balaji Traders", "Receipt", "45", 118000, None],
    [None, None, "Ch. No. : 123456", None, None, None, None],
    [None, None, "Being payment against bill 232", None, None, None, None],
    [datetime(2026, 10, 5), "By", "(cancelled)", "Payment", "13", None, None],
    [None, None, "Cheque spoilt", None, None, None, None],
    [datetime(2026, 10, 9), "To", "Cash", "Contra", "3", 50000, None],
    [datetime(2026, 10, 15), "By", "Kaveri Home Needs", "Payment", "14", None, 77500.25],
    [None, None, "Kaveri Home Needs", None, None, 77500.25, None],  # the detailed view
    [None, None, "HDFCN52026101512345", None, None, None, None],
    [datetime(2026, 10, 20), "By", "(as per details)", "Payment", "15", None, 118000],
    [None, None, "Trade Payables", None, None, "1,18,000.00 Dr", None],
    [None, None, "TDS Payable - 194C", None, None, "1,180.00 Cr", None],
    [None, "By", "Closing Balance", None, None, None, 2421870.25],
    [None, None, "Total", None, None, 5013230.50, 5013230.50],
]


def test_ledger_vouchers_excel_with_to_by_column(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"Ledger Vouchers": LEDGER_VOUCHERS_XLSX}, name="hdfc-ledger.xlsx")
    lines = read_ledger(str(path))
    assert len(lines.frame) == 5  # the cancelled voucher and the balance lines are not lines
    assert totals(lines) == (16800000, 259136025)
    assert (lines.opening, lines.closing) == (484523050, 242187025)
    assert lines.opening + totals(lines)[0] - totals(lines)[1] == lines.closing
    assert (lines.company, lines.account) == (
        "Sahyadri Tradelinks Pvt Ltd",
        "HDFC Bank A/c 50200012345678",
    )
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))
    assert first_and_last(lines) == [
        {
            "date": date(2026, 10, 1),
            "particulars": "Salary Payable",
            "voucher_type": "Payment",
            "voucher_no": "12",
            "narration": "Being salary for September 2026 paid through bulk upload",
            "reference": "",
            "debit": 0,
            "credit": 239586000,
        },
        {
            "date": date(2026, 10, 20),
            "particulars": "Trade Payables, TDS Payable - 194C",
            "voucher_type": "Payment",
            "voucher_no": "15",
            "narration": "",
            "reference": "",
            "debit": 0,
            "credit": 11800000,
        },
    ]
    by_voucher = lines.frame.set_index("voucher_no")
    assert by_voucher.loc["45", "narration"] == ("Ch. No. : 123456 Being payment against bill 232")
    assert by_voucher.loc["45", "particulars"] == "Balaji Traders"
    assert by_voucher.loc["3", ["particulars", "voucher_type", "debit"]].tolist() == [
        "Cash",
        "Contra",
        5000000,
    ]
    assert by_voucher.loc["14", "narration"] == "HDFCN52026101512345"
    assert "13" not in by_voucher.index
    assert lines.issues == []


# -- Ledger Vouchers to CSV: To/By written before the name, a cheque column, TallyPrime's footer --

LEDGER_VOUCHERS_CSV = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    [],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Chq. No.", "Debit", "Credit"],
    ["01-10-2026", "By Dr Reddy's Laboratories", "Payment", "21", "000451", "", "25,000.00"],
    ["", "Being advance for reagents", "", "", "", "", ""],
    ["02-10-2026", "To Balaji Traders", "Receipt", "46", "", "1,18,000.00", ""],
    ["", "Ch. No. : 654321", "", "", "", "", ""],
    ["", "To Om Sai Enterprises", "Receipt", "47", "", "5,000.50", ""],
    ["31-10-2026", "By Bank Charges", "Payment", "22", "000000", "", "17.70"],
    ["", "Opening Balance", "", "", "", "1,00,000.00", ""],
    ["", "Current Total", "", "", "", "1,23,000.50", "25,017.70"],
    ["", "Closing Balance", "", "", "", "1,97,982.80", ""],
]


def test_ledger_vouchers_csv_to_by_inline_and_cheque_column(tmp_path: Path) -> None:
    path = tmp_path / "hdfc-ledger.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(LEDGER_VOUCHERS_CSV)
    lines = read_ledger(str(path))
    assert len(lines.frame) == 4
    assert totals(lines) == (12300050, 2501770)
    assert (lines.opening, lines.closing) == (10000000, 19798280)  # Current Total: own side
    assert lines.frame["particulars"].tolist() == [
        "Dr Reddy's Laboratories",  # only the By goes
        "Balaji Traders",
        "Om Sai Enterprises",
        "Bank Charges",
    ]
    assert lines.frame["reference"].tolist() == ["000451", "", "", ""]  # zeros are no cheque
    assert lines.frame["narration"].tolist() == [
        "Being advance for reagents",
        "Ch. No. : 654321",
        "",
        "",
    ]
    # a voucher of the same day with its date left out takes the date above it
    assert lines.frame["date"].tolist() == [
        date(2026, 10, 1),
        date(2026, 10, 2),
        date(2026, 10, 2),
        date(2026, 10, 31),
    ]
    assert lines.account == "HDFC Bank A/c 50200012345678"
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_names_are_kept_whole_where_the_file_writes_no_to_by(xlsx: Callable[..., Path]) -> None:
    rows = [
        *TITLE,
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        ["1-Oct-2026", "Opening Balance", None, None, "50,000.00", None],
        ["2-Oct-2026", "Dr Reddy's Laboratories", "Receipt", "1", "12,000.00", None],
        ["3-Oct-2026", "To Let Services", "Payment", "2", None, "3,000.00"],
        ["4-Oct-2026", "Cash", "Contra", "3", None, "1,000.00"],
        [None, "Closing Balance", None, None, None, "58,000.00"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows})))
    assert lines.frame["particulars"].tolist() == [
        "Dr Reddy's Laboratories",
        "To Let Services",
        "Cash",
    ]
    assert totals(lines) == (1200000, 400000)
    assert (lines.opening, lines.closing) == (5000000, 5800000)


def test_dr_cr_before_names_and_an_instrument_column(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["Ledger Account"],
        ["ICICI Bank Current A/c"],
        ["1-Apr-2026 to 31-Mar-2027"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Instrument No.", "Debit", "Credit"],
        ["1-Apr-2026", "Dr Opening Balance", None, None, None, "10,000.00", None],
        ["5-Apr-2026", "Dr Kaveri Home Needs", "Receipt", "R/1", "HDFCN52026040512345", 2500, None],
        ["6-Apr-2026", "Cr Salary Payable", "Payment", "P/1", "", None, 9000],
        ["6-Apr-2026", "Cr Balaji Traders", "Payment", "P/2", "000452", None, "31/09/2026"],
        [None, "Cr Closing Balance", None, None, None, None, 3500],
        [None, "Total", None, None, None, 12500, 12500],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows})))
    assert lines.frame["particulars"].tolist() == ["Kaveri Home Needs", "Salary Payable"]
    assert lines.frame["reference"].tolist() == ["HDFCN52026040512345", ""]
    assert (lines.opening, lines.closing) == (1000000, 350000)
    assert (lines.company, lines.account) == (
        "Sahyadri Tradelinks Pvt Ltd",
        "ICICI Bank Current A/c",
    )
    assert lines.period == (date(2026, 4, 1), date(2027, 3, 31))
    # the unreadable amount is reported at its cell, and its line left out
    assert [(i.cell, i.sheet) for i in lines.issues] == [("G9", "Ledger")]
    assert "31/09/2026" in lines.issues[0].problem


# -- the Journal, filtered to the bank ledger ---------------------------------------------------

JOURNAL = [
    ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party", "Narration"],
    ["02-10-2026", "RCT/1", "Receipt", "HDFC Bank Current A/c", 11800, None, None, "NEFT"],
    ["02-10-2026", "RCT/1", "Receipt", "Trade Receivables", None, 11800, "Balaji Traders", ""],
    ["03-10-2026", "PMT/1", "Payment", "Salaries Payable", 5000, None, None, ""],
    ["03-10-2026", "PMT/1", "Payment", "HDFC Bank Current A/c", None, 5000, None, "Salary"],
    ["04-10-2026", "CTR/1", "Contra", "ICICI Bank Current A/c", 2000, None, None, ""],
    ["04-10-2026", "CTR/1", "Contra", "HDFC Bank Current A/c", None, 2000, None, ""],
    ["05-10-2026", "JRN/1", "Journal", "Rent", 900, None, None, ""],
    ["05-10-2026", "JRN/1", "Journal", "Cash", None, 900, None, ""],
]


def test_journal_account_matched_without_case_or_spaces(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"Journal": JOURNAL}, name="books.xlsx")
    lines = read_ledger(str(path), "hdfc  bank current a/c")
    assert len(lines.frame) == 3
    assert totals(lines) == (1180000, 700000)
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Salaries Payable",
        "ICICI Bank Current A/c",
    ]
    assert lines.account == "HDFC Bank Current A/c"


def test_an_account_not_in_the_journal_is_an_error_naming_the_banks(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Journal": JOURNAL}, name="books.xlsx")
    with pytest.raises(SheetProblem) as raised:
        read_ledger(str(path), "HDFC Bank A/c")
    message = str(raised.value)
    assert "--account 'HDFC Bank A/c' names no ledger account in books.xlsx" in message
    assert "'HDFC Bank Current A/c', 'ICICI Bank Current A/c'" in message
    assert "Rent" not in message and "Cash" not in message
    with pytest.raises(SheetProblem, match="name the bank ledger with --account"):
        read_ledger(str(path))


# -- Tally XML: the Day Book ------------------------------------------------------------------

DAY_BOOK = """<?xml version="1.0" encoding="UTF-16"?>
<ENVELOPE>
 <HEADER>
  <TALLYREQUEST>Import Data</TALLYREQUEST>
 </HEADER>
 <BODY>
  <IMPORTDATA>
   <REQUESTDESC>
    <REPORTNAME>Vouchers</REPORTNAME>
    <STATICVARIABLES>
     <SVCURRENTCOMPANY>Sahyadri Tradelinks Pvt Ltd</SVCURRENTCOMPANY>
    </STATICVARIABLES>
   </REQUESTDESC>
   <REQUESTDATA>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0001" VCHKEY="a1:0001" VCHTYPE="Receipt" ACTION="Create" OBJVIEW="Accounting Voucher View">
      <DATE>20261003</DATE>
      <GUID>a1-0001</GUID>
      <NARRATION>Received against bill 232</NARRATION>
      <VOUCHERTYPENAME>Receipt</VOUCHERTYPENAME>
      <VOUCHERNUMBER>45</VOUCHERNUMBER>
      <PARTYLEDGERNAME>Balaji Traders</PARTYLEDGERNAME>
      <ISCANCELLED>No</ISCANCELLED>
      <ISOPTIONAL>No</ISOPTIONAL>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>Balaji Traders</LEDGERNAME>
       <GSTCLASS>&#4; Not Applicable</GSTCLASS>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <ISPARTYLEDGER>Yes</ISPARTYLEDGER>
       <AMOUNT>118000.00</AMOUNT>
       <BILLALLOCATIONS.LIST>
        <NAME>232</NAME>
        <BILLTYPE>Agst Ref</BILLTYPE>
        <AMOUNT>118000.00</AMOUNT>
       </BILLALLOCATIONS.LIST>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <GSTCLASS>&#4; Not Applicable</GSTCLASS>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-118000.00</AMOUNT>
       <BANKALLOCATIONS.LIST>
        <DATE>20261003</DATE>
        <INSTRUMENTDATE>20261003</INSTRUMENTDATE>
        <TRANSACTIONTYPE>Cheque</TRANSACTIONTYPE>
        <PAYMENTFAVOURING>Balaji Traders</PAYMENTFAVOURING>
        <INSTRUMENTNUMBER>123456</INSTRUMENTNUMBER>
        <AMOUNT>-118000.00</AMOUNT>
       </BANKALLOCATIONS.LIST>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0002" VCHTYPE="Payment" ACTION="Create" OBJVIEW="Accounting Voucher View">
      <DATE>20261015</DATE>
      <NARRATION>Paid Kaveri Home Needs and Om Sai Enterprises</NARRATION>
      <VOUCHERTYPENAME>Payment</VOUCHERTYPENAME>
      <VOUCHERNUMBER>14</VOUCHERNUMBER>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>Trade Payables</LEDGERNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-97500.25</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>97500.25</AMOUNT>
       <BANKALLOCATIONS.LIST>
        <DATE>20261015</DATE>
        <TRANSACTIONTYPE>NEFT</TRANSACTIONTYPE>
        <UNIQUEREFERENCENUMBER>HDFCN52026101512345</UNIQUEREFERENCENUMBER>
        <AMOUNT>77500.25</AMOUNT>
       </BANKALLOCATIONS.LIST>
       <BANKALLOCATIONS.LIST>
        <DATE>20261015</DATE>
        <TRANSACTIONTYPE>Cheque</TRANSACTIONTYPE>
        <INSTRUMENTNUMBER>000453</INSTRUMENTNUMBER>
        <UNIQUEREFERENCENUMBER>HDFCN52026101500077</UNIQUEREFERENCENUMBER>
        <AMOUNT>20000.00</AMOUNT>
       </BANKALLOCATIONS.LIST>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0003" VCHTYPE="Payment" ACTION="Create">
      <DATE>20261016</DATE>
      <NARRATION>Cheque spoilt</NARRATION>
      <VOUCHERTYPENAME>Payment</VOUCHERTYPENAME>
      <VOUCHERNUMBER>15</VOUCHERNUMBER>
      <ISCANCELLED>Yes</ISCANCELLED>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>Trade Payables</LEDGERNAME>
       <AMOUNT>-5000.00</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <AMOUNT>5000.00</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0004" VCHTYPE="Contra" ACTION="Create">
      <DATE>20261020</DATE>
      <NARRATION>Cash deposited</NARRATION>
      <VOUCHERTYPENAME>Contra</VOUCHERTYPENAME>
      <VOUCHERNUMBER>3</VOUCHERNUMBER>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-50000.00</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>Cash</LEDGERNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>50000.00</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0005" VCHTYPE="Contra" ACTION="Create">
      <DATE>20261021</DATE>
      <VOUCHERTYPENAME>Contra</VOUCHERTYPENAME>
      <VOUCHERNUMBER>4</VOUCHERNUMBER>
      <PARTYLEDGERNAME>HDFC Bank A/c</PARTYLEDGERNAME>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>ICICI Bank Current Account</LEDGERNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-200000.00</AMOUNT>
       <BANKALLOCATIONS.LIST>
        <TRANSACTIONTYPE>Inter Bank Transfer</TRANSACTIONTYPE>
        <AMOUNT>-200000.00</AMOUNT>
       </BANKALLOCATIONS.LIST>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>200000.00</AMOUNT>
       <BANKALLOCATIONS.LIST>
        <TRANSACTIONTYPE>Inter Bank Transfer</TRANSACTIONTYPE>
        <UNIQUEREFERENCENUMBER>HDFCN26102100012345</UNIQUEREFERENCENUMBER>
        <AMOUNT>200000.00</AMOUNT>
       </BANKALLOCATIONS.LIST>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="a1-0006" VCHTYPE="Sales" ACTION="Create" OBJVIEW="Invoice Voucher View">
      <DATE>20261022</DATE>
      <VOUCHERTYPENAME>Sales</VOUCHERTYPENAME>
      <VOUCHERNUMBER>GST/26-27/101</VOUCHERNUMBER>
      <PARTYLEDGERNAME>Balaji Traders</PARTYLEDGERNAME>
      <LEDGERENTRIES.LIST>
       <LEDGERNAME>Balaji Traders</LEDGERNAME>
       <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE>
       <AMOUNT>-59000.00</AMOUNT>
      </LEDGERENTRIES.LIST>
      <LEDGERENTRIES.LIST>
       <LEDGERNAME>Output IGST</LEDGERNAME>
       <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>
       <AMOUNT>9000.00</AMOUNT>
      </LEDGERENTRIES.LIST>
      <ALLINVENTORYENTRIES.LIST>
       <STOCKITEMNAME>Steel Rack</STOCKITEMNAME>
       <AMOUNT>50000.00</AMOUNT>
      </ALLINVENTORYENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
   </REQUESTDATA>
  </IMPORTDATA>
 </BODY>
</ENVELOPE>
"""


def write_utf16(path: Path, text: str) -> Path:
    """As Tally writes its XML: UTF-16 little-endian with a byte-order mark, CRLF lines."""
    path.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    return path


def test_day_book_xml_bank_entries_become_lines(tmp_path: Path) -> None:
    path = write_utf16(tmp_path / "DayBook.xml", DAY_BOOK)
    lines = read_ledger(str(path), "hdfc bank a/c")
    assert len(lines.frame) == 5  # 1 receipt, a payment by two instruments, 2 contras
    assert totals(lines) == (16800000, 29750025)
    assert (lines.company, lines.account, lines.sheet) == (
        "Sahyadri Tradelinks Pvt Ltd",
        "HDFC Bank A/c",
        "Day Book",
    )
    assert first_and_last(lines) == [
        {
            "date": date(2026, 10, 3),
            "particulars": "Balaji Traders",
            "voucher_type": "Receipt",
            "voucher_no": "45",
            "narration": "Received against bill 232",
            "reference": "123456",
            "debit": 11800000,
            "credit": 0,
        },
        {
            "date": date(2026, 10, 21),
            "particulars": "ICICI Bank Current Account",
            "voucher_type": "Contra",
            "voucher_no": "4",
            "narration": "",
            "reference": "HDFCN26102100012345",
            "debit": 0,
            "credit": 20000000,
        },
    ]
    split = lines.frame[lines.frame["voucher_no"] == "14"]
    assert split["credit"].tolist() == [7750025, 2000000]
    assert split["reference"].tolist() == ["HDFCN52026101512345", "000453"]
    assert split["narration"].tolist()[1].endswith("UTR HDFCN52026101500077")
    cash = lines.frame[lines.frame["voucher_no"] == "3"].iloc[0]
    assert (cash["particulars"], cash["debit"]) == ("Cash", 5000000)
    assert lines.frame["row"].is_unique
    assert lines.issues == []


def test_day_book_xml_in_utf8_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "DayBook.xml"
    path.write_text(DAY_BOOK.replace('encoding="UTF-16"', 'encoding="UTF-8"'), encoding="utf-8")
    assert totals(read_ledger(str(path), "HDFC Bank A/c")) == (16800000, 29750025)


def test_day_book_xml_needs_a_known_bank_account(tmp_path: Path) -> None:
    path = write_utf16(tmp_path / "DayBook.xml", DAY_BOOK)
    with pytest.raises(SheetProblem) as raised:
        read_ledger(str(path), "HDFC Current")
    message = str(raised.value)
    assert "--account 'HDFC Current' names no ledger account in DayBook.xml" in message
    assert "'HDFC Bank A/c', 'ICICI Bank Current Account'" in message
    assert "Trade Payables" not in message
    with pytest.raises(SheetProblem, match="name the bank ledger with --account"):
        read_ledger(str(path))


def _voucher(key: str, day: str, kind: str, number: str, amount: str, optional: str) -> str:
    """A Day Book voucher paying Om Sai Logistics `amount` from HDFC Bank A/c."""
    return f"""    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER REMOTEID="{key}" VCHTYPE="{kind}" ACTION="Create">
      <DATE>{day}</DATE>
      <VOUCHERTYPENAME>{kind}</VOUCHERTYPENAME>
      <VOUCHERNUMBER>{number}</VOUCHERNUMBER>
      <ISOPTIONAL>{optional}</ISOPTIONAL>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>Om Sai Logistics</LEDGERNAME>
       <AMOUNT>-{amount}</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
      <ALLLEDGERENTRIES.LIST>
       <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
       <AMOUNT>{amount}</AMOUNT>
      </ALLLEDGERENTRIES.LIST>
     </VOUCHER>
    </TALLYMESSAGE>
"""


def test_day_book_xml_optional_and_memorandum_vouchers_are_said_not_read(
    tmp_path: Path,
) -> None:
    """An optional voucher (ISOPTIONAL Yes) and a memorandum one post to no ledger: no line,
    and a Warning naming each, as the Excel Day Book says them (before, the optional one was
    dropped without a word and the memorandum one read as money paid); a type of the user's
    naming, `Memo Payment`, is a payment."""
    more = (
        _voucher("a1-0007", "20261023", "Payment", "16", "3000.00", "Yes")
        + _voucher("a1-0008", "20261024", "Memorandum", "1", "50000.00", "No")
        + _voucher("a1-0009", "20261025", "Memo Payment", "2", "1500.50", "No")
    )
    text = DAY_BOOK.replace("   </REQUESTDATA>", more + "   </REQUESTDATA>")
    lines = read_ledger(str(write_utf16(tmp_path / "DayBook.xml", text)), "HDFC Bank A/c")
    assert totals(lines) == (16800000, 29750025 + 150050)
    assert lines.frame["voucher_type"].iloc[-1] == "Memo Payment"
    assert [(i.severity, i.sheet, i.value, i.problem) for i in lines.issues] == [
        (
            Severity.WARNING,
            "Day Book",
            "Payment",
            "an optional voucher (Payment 16 of 23-10-2026, 3,000.00 Cr) is not in the books: "
            "Tally posts it to no ledger and leaves it out of the ledger's balances, so it was "
            "not read as a line",
        ),
        (
            Severity.WARNING,
            "Day Book",
            "Memorandum",
            "a memorandum voucher (Memorandum 1 of 24-10-2026, 50,000.00 Cr) is not in the "
            "books: Tally posts it to no ledger and leaves it out of the ledger's balances, so "
            "it was not read as a line",
        ),
    ]
    assert lines.issues[0].hint.endswith("and export the Day Book again.")


# -- Tally XML: the Ledger Vouchers report ------------------------------------------------------

LEDGER_VOUCHERS_XML = """<ENVELOPE>
 <DSPVCHDATE>1-Oct-26</DSPVCHDATE>
 <DSPVCHLEDACCOUNT>Salary Payable</DSPVCHLEDACCOUNT>
 <NAMEFIELD></NAMEFIELD>
 <INFOFIELD></INFOFIELD>
 <DSPVCHTYPE>Pymt</DSPVCHTYPE>
 <DSPVCHDRAMT></DSPVCHDRAMT>
 <DSPVCHCRAMT>2395860.00</DSPVCHCRAMT>
 <DSPEXPLVCHNUMBER>(No. :12)</DSPEXPLVCHNUMBER>
 <VCHLEDNARREXPLOSION>Being salary for September 2026</VCHLEDNARREXPLOSION>
 <DSPVCHDATE>3-Oct-26</DSPVCHDATE>
 <DSPVCHLEDACCOUNT>Balaji Traders &amp; Sons</DSPVCHLEDACCOUNT>
 <NAMEFIELD></NAMEFIELD>
 <INFOFIELD></INFOFIELD>
 <DSPVCHTYPE>Rcpt</DSPVCHTYPE>
 <DSPVCHDRAMT>-118000.00</DSPVCHDRAMT>
 <DSPVCHCRAMT></DSPVCHCRAMT>
 <DSPEXPLVCHNUMBER>(No. :45)</DSPEXPLVCHNUMBER>
 <VCHLEDNARREXPLOSION>Ch. No. : 123456</VCHLEDNARREXPLOSION>
 <DSPVCHDATE>5-Oct-26</DSPVCHDATE>
 <DSPVCHLEDACCOUNT>(cancelled)</DSPVCHLEDACCOUNT>
 <DSPVCHTYPE>Pymt</DSPVCHTYPE>
 <DSPVCHDRAMT></DSPVCHDRAMT>
 <DSPVCHCRAMT></DSPVCHCRAMT>
 <DSPEXPLVCHNUMBER>(No. :13)</DSPEXPLVCHNUMBER>
 <DSPVCHDATE>9-Oct-26</DSPVCHDATE>
 <DSPVCHLEDACCOUNT>Cash</DSPVCHLEDACCOUNT>
 <DSPVCHTYPE>Ctra</DSPVCHTYPE>
 <DSPVCHDRAMT>-50000.00</DSPVCHDRAMT>
 <DSPVCHCRAMT></DSPVCHCRAMT>
 <DSPEXPLVCHNUMBER>(No. :3)</DSPEXPLVCHNUMBER>
 <DSPVCHDATE>20-Oct-26</DSPVCHDATE>
 <DSPVCHLEDACCOUNT>(as per details)</DSPVCHLEDACCOUNT>
 <DSPVCHTYPE>Pymt</DSPVCHTYPE>
 <DSPVCHDRAMT></DSPVCHDRAMT>
 <DSPVCHCRAMT>116820.00</DSPVCHCRAMT>
 <DSPEXPLVCHNUMBER>(No. :15)</DSPEXPLVCHNUMBER>
 <DSPVCHEXPLACCOUNT>Trade Payables</DSPVCHEXPLACCOUNT>
 <DSPVCHEXPLVALUE>
  <DSPVCHEXPLDRAMTEXCELEXPORT>118000.00</DSPVCHEXPLDRAMTEXCELEXPORT>
  <DSPVCHEXPLCRAMTEXCELEXPORT></DSPVCHEXPLCRAMTEXCELEXPORT>
 </DSPVCHEXPLVALUE>
 <DSPVCHEXPLACCOUNT>TDS Payable - 194C</DSPVCHEXPLACCOUNT>
 <DSPVCHEXPLVALUE>
  <DSPVCHEXPLDRAMTEXCELEXPORT></DSPVCHEXPLDRAMTEXCELEXPORT>
  <DSPVCHEXPLCRAMTEXCELEXPORT>1180.00</DSPVCHEXPLCRAMTEXCELEXPORT>
 </DSPVCHEXPLVALUE>
</ENVELOPE>
"""


def test_ledger_vouchers_xml(tmp_path: Path) -> None:
    path = write_utf16(tmp_path / "LedgerVouchers.xml", LEDGER_VOUCHERS_XML)
    lines = read_ledger(str(path))
    assert len(lines.frame) == 4
    assert totals(lines) == (16800000, 251268000)
    assert lines.frame["voucher_no"].tolist() == ["12", "45", "3", "15"]
    assert first_and_last(lines) == [
        {
            "date": date(2026, 10, 1),
            "particulars": "Salary Payable",
            "voucher_type": "Pymt",
            "voucher_no": "12",
            "narration": "Being salary for September 2026",
            "reference": "",
            "debit": 0,
            "credit": 239586000,
        },
        {
            "date": date(2026, 10, 20),
            "particulars": "Trade Payables, TDS Payable - 194C",
            "voucher_type": "Pymt",
            "voucher_no": "15",
            "narration": "",
            "reference": "",
            "debit": 0,
            "credit": 11682000,
        },
    ]
    assert lines.frame["particulars"].iloc[1] == "Balaji Traders & Sons"
    assert lines.frame["narration"].iloc[1] == "Ch. No. : 123456"


def test_ledger_vouchers_xml_optional_voucher_is_said_not_read(tmp_path: Path) -> None:
    """Asked to show optional vouchers, the report writes `(Optional)` after the type: no line,
    a Warning, as for the Excel export of the same report."""
    text = LEDGER_VOUCHERS_XML.replace(
        "<DSPVCHTYPE>Ctra</DSPVCHTYPE>", "<DSPVCHTYPE>Ctra (Optional)</DSPVCHTYPE>"
    )
    lines = read_ledger(str(write_utf16(tmp_path / "LedgerVouchers.xml", text)))
    assert lines.frame["voucher_no"].tolist() == ["12", "45", "15"]
    assert [(i.severity, i.value, i.problem[:58]) for i in lines.issues] == [
        (
            Severity.WARNING,
            "Ctra (Optional)",
            "an optional voucher (Ctra (Optional) 3 of 09-10-2026, 50,0",
        )
    ]


# -- XML that would expand entities is refused ------------------------------------------------


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE ENVELOPE [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE ENVELOPE [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE ENVELOPE SYSTEM "http://example.invalid/tally.dtd">',
    ],
)
def test_doctype_and_entities_are_refused(tmp_path: Path, doctype: str) -> None:
    text = DAY_BOOK.replace("<ENVELOPE>", doctype + "\n<ENVELOPE>", 1).replace(
        "<NARRATION>Cash deposited</NARRATION>", "<NARRATION>&b;</NARRATION>"
    )
    path = write_utf16(tmp_path / "DayBook.xml", text)
    with pytest.raises(FileProblem, match="DayBook.xml declares a DOCTYPE or entities"):
        read_ledger(str(path), "HDFC Bank A/c")


def test_broken_xml_gets_a_plain_message(tmp_path: Path) -> None:
    path = write_utf16(tmp_path / "DayBook.xml", DAY_BOOK[: len(DAY_BOOK) // 2])
    with pytest.raises(FileProblem, match="DayBook.xml is not well-formed XML"):
        read_ledger(str(path), "HDFC Bank A/c")


# -- end to end: a month reconciled against the Day Book --------------------------------------


def test_reconcile_against_a_day_book(tmp_path: Path, xlsx: Callable[..., Path]) -> None:
    from xlbo.jobs.reconcile import run_reconcile

    statement = xlsx(
        {
            "Statement": [
                ["HDFC BANK Ltd."],
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                [],
                [
                    "Date",
                    "Narration",
                    "Chq./Ref.No.",
                    "Value Dt",
                    "Withdrawal Amt.",
                    "Deposit Amt.",
                    "Closing Balance",
                ],
                [
                    "03/10/26",
                    "CHQ DEP-MICR CLG-BALAJI TRADERS",
                    "123456",
                    "03/10/26",
                    None,
                    118000,
                    218000,
                ],
                [
                    "15/10/26",
                    "NEFT DR-KKBK0000123-KAVERI HOME NEEDS-HDFCN52026101512345",
                    "HDFCN52026101512345",
                    "15/10/26",
                    77500.25,
                    None,
                    140499.75,
                ],
                [
                    "17/10/26",
                    "CHQ PAID-MICR CTS-PUNE-OM SAI ENTERPRISES",
                    "000453",
                    "17/10/26",
                    20000,
                    None,
                    120499.75,
                ],
                ["20/10/26", "CASH DEP BANER", "", "20/10/26", None, 50000, 170499.75],
                [
                    "21/10/26",
                    "NEFT DR-ICIC0000012-OWN A/C-HDFCN26102100012345",
                    "HDFCN26102100012345",
                    "21/10/26",
                    200000,
                    None,
                    -29500.25,
                ],
            ]
        },
        name="statement.xlsx",
    )
    books = write_utf16(tmp_path / "DayBook.xml", DAY_BOOK)
    result = run_reconcile(statement, books, account="HDFC Bank A/c")
    assert result.match_count == 5
    assert len(result.bank_open) == 0 and len(result.ledger_open) == 0


@pytest.mark.parametrize(
    "header", ["Cheque/Ref No.", "Chq. No.", "Instrument No.", "Ref. No.", "Cheque No."]
)
def test_a_cheque_or_reference_column_is_the_reference(
    xlsx: Callable[..., Path], header: str
) -> None:
    rows = [
        *TITLE,
        ["Date", "Particulars", "Vch Type", "Vch No.", header, "Debit", "Credit"],
        ["1-Oct-2026", "Opening Balance", None, None, None, "1,000.00", None],
        ["2-Oct-2026", "By Balaji Traders", "Payment", "7", "000452", None, "500.00"],
        [
            "3-Oct-2026",
            "To Kaveri Home Needs",
            "Receipt",
            "8",
            "SBINN26100312345678",
            "250.00",
            None,
        ],
        [None, "By Closing Balance", None, None, None, None, "750.00"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows})))
    assert lines.frame["reference"].tolist() == ["000452", "SBINN26100312345678"]
    assert lines.frame["particulars"].tolist() == ["Balaji Traders", "Kaveri Home Needs"]
    assert (lines.opening, lines.closing) == (100000, 75000)


def test_an_amount_on_no_voucher_is_reported_not_dropped(xlsx: Callable[..., Path]) -> None:
    rows = [
        *TITLE,
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        ["1-Oct-2026", "Opening Balance", None, None, "1,000.00", None],
        [None, "Closing Balance", None, None, None, "1,000.00"],
        [None, "Suspense", None, None, "40.00", None],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows})))
    assert lines.frame.empty
    assert [(i.cell, i.problem) for i in lines.issues] == [
        ("A10", "Row 10: an amount with no date and no voucher")
    ]


def test_day_book_xml_unreadable_amount_is_an_issue(tmp_path: Path) -> None:
    text = DAY_BOOK.replace("<AMOUNT>-50000.00</AMOUNT>", "<AMOUNT>-50,000.0O</AMOUNT>")
    lines = read_ledger(str(write_utf16(tmp_path / "DayBook.xml", text)), "HDFC Bank A/c")
    assert len(lines.frame) == 4
    assert [(i.sheet, i.cell, i.value) for i in lines.issues] == [("Day Book", "", "-50,000.0O")]
    assert lines.issues[0].problem.startswith("Voucher Contra 3 of 20-Oct-2026: ")


def test_a_journal_without_a_needed_column_is_refused_and_optional_ones_may_be_left_out(
    tmp_path: Path,
) -> None:
    import openpyxl

    from xlbo.readers.ledger import read_ledger

    short = tmp_path / "short.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Journal"
    sheet.append(["Date", "Voucher No", "Account", "Debit", "Credit"])
    sheet.append([datetime(2026, 10, 1), "1", "HDFC Bank", 100, None])
    sheet.append([datetime(2026, 10, 1), "1", "Sales", None, 100])
    book.save(short)
    lines = read_ledger(str(short), "HDFC Bank").frame
    assert lines["debit"].tolist() == [10000]
    assert lines["voucher_type"].tolist() == [""]
    sheet.delete_cols(2)  # no Voucher No
    book.save(short)
    with pytest.raises(SheetProblem, match="no Voucher No column"):
        read_ledger(str(short), "HDFC Bank")


def test_a_ledger_for_the_year_to_date_against_a_months_statement(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tally's Ledger Vouchers from 1 April against October's statement: April to September are
    in earlier statements, not this one. They were all listed as outstanding (a difference of
    2,40,000.00); they go into the books' opening at 30 September, and the BRS ties."""
    import openpyxl

    from xlbo.cli import main

    ledger: list[list[Any]] = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c 50200012345678"],
        ["1-Apr-2026 to 31-Oct-2026"],
        [],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 4, 1), "Opening Balance", None, None, 300000, None],
    ]
    for month in range(4, 10):
        ledger.append(
            [datetime(2026, month, 5), "Om Sai Enterprises", "Receipt", "R", 100000, None]
        )
        ledger.append([datetime(2026, month, 25), "Rent", "Payment", "P", None, 60000])
    ledger.append([datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", "R10", 250000, None])
    ledger.append([None, "Closing Balance", None, None, 790000, None])
    statement = [
        ["Statement From : 01/10/2026 To : 31/10/2026"],
        [
            "Date",
            "Narration",
            "Chq./Ref.No.",
            "Value Dt",
            "Withdrawal Amt.",
            "Deposit Amt.",
            "Balance",
        ],
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", "05/10/26", None, 250000, 790000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "0 bank and 0 ledger lines unmatched" in said and "BRS difference 0.00" in said
    summary = [r[0] for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)]
    assert any(
        str(line).startswith("The ledger runs from before the statement (01-10-2026): 12 book")
        and "taken as cleared by earlier statements" in str(line)
        for line in summary
    )


def test_a_bank_book_kept_by_hand_with_balance_b_d_and_c_d(xlsx: Callable[..., Path]) -> None:
    """`To Balance b/d` opens a hand-kept bank book and `By Balance c/d` closes it; the one
    brought down again under the totals is for the next period."""
    path = xlsx(
        {
            "Bank Book": [
                ["Kaveri Traders"],
                ["HDFC Bank Current A/c - Bank Book"],
                [],
                ["Date", "Particulars", "Vch No.", "Debit", "Credit"],
                [datetime(2026, 10, 1), "To Balance b/d", None, 400000, None],
                [datetime(2026, 10, 4), "To Om Sai Enterprises", "R55", 250000, None],
                [datetime(2026, 10, 6), "By Cash", "C7", None, 20000],
                [datetime(2026, 10, 31), "By Balance c/d", None, None, 630000],
                [None, "Total", None, 650000, 650000],
                [datetime(2026, 11, 1), "To Balance b/d", None, 630000, None],
            ]
        },
        name="book.xlsx",
    )
    lines = read_ledger(str(path))
    assert (lines.opening, lines.closing) == (40000000, 63000000)
    assert lines.frame["particulars"].tolist() == ["Om Sai Enterprises", "Cash"]


def test_tallys_minus_is_money_the_other_way_not_its_size(xlsx: Callable[..., Path]) -> None:
    """Tally writes a negative as `(-)25,000.00`: an opening overdraft, and a journal that
    reverses a receipt in the Debit column. Read as 0, and as another receipt, before."""
    path = xlsx(
        {
            "Ledger": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["HDFC Bank A/c"],
                ["1-Oct-2026 to 31-Oct-2026"],
                [],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                ["1-Oct-2026", "Opening Balance", "", "", "(-)25,000.00", ""],
                ["4-Oct-2026", "To Om Sai Enterprises", "Receipt", "55", "2,50,000.00", ""],
                ["9-Oct-2026", "To Om Sai Enterprises", "Journal", "J2", "(-)2,50,000.00", ""],
                ["10-Oct-2026", "By Rent", "Payment", "57", "", "5,000.00"],
                ["12-Oct-2026", "By Kaveri Home", "Payment", "56", "", "-1,000.00"],
            ]
        },
        name="tally.xlsx",
    )
    lines = read_ledger(str(path))
    assert lines.opening == -2500000
    assert lines.frame["debit"].tolist() == [25000000, 0, 0, 100000]  # a payment returned
    assert lines.frame["credit"].tolist() == [0, 25000000, 500000, 0]
    assert lines.issues == []


BANK_BOOK = [
    ["KAVERI TRADERS"],
    ["BANK BOOK - HDFC CURRENT A/C"],
    [],
    ["Date", "Particulars", "Chq No.", "Receipt", "Payment", "Balance"],
    [datetime(2026, 10, 1), "Opening Balance", None, None, None, 500000],
    [datetime(2026, 10, 2), "Balaji Traders", "000452", None, 118000, 382000],
    [None, "Sharma Logistics", "000453", None, 30000, 352000],
    [datetime(2026, 10, 4), "Om Sai Enterprises - chq dep", "784512", 250000, None, 602000],
    [None, "Cash withdrawn", "SELF", None, 20000, 582000],
    [datetime(2026, 10, 15), "Rent Oct", "000454", None, 60000, 522000],
    [None, "Total", None, 250000, 228000, None],
    [None, "Closing Balance", None, None, None, 522000],
]


def test_a_bank_book_that_writes_the_day_once(xlsx: Callable[..., Path]) -> None:
    """A bank book kept by hand writes each day's date once: the rows under it with their own
    cheque number are that day's vouchers, not a voucher's details (two of five were dropped,
    silently, and the BRS tied)."""
    lines = read_ledger(str(xlsx({"Bank Book": BANK_BOOK}, name="book.xlsx")))
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Sharma Logistics",
        "Om Sai Enterprises - chq dep",
        "Cash withdrawn",
        "Rent Oct",
    ]
    assert lines.frame["date"].tolist()[:2] == [date(2026, 10, 2)] * 2
    assert (lines.opening, lines.closing) == (50000000, 52200000)


def test_a_bank_book_that_writes_the_day_once_and_numbers_no_voucher(
    xlsx: Callable[..., Path],
) -> None:
    """helper-110 (session 30): the same hand-kept book without its cheque-number column, To/By
    before the names and the b/d and c/d balances: the day's second row is an entry of its own.
    Before, it was taken for a detail of the entry above and left out without a word, and the
    c/d balance read the other way round (a difference of 30,48,406.32 for a gap of 23,600)."""
    rows = [
        ["KAVERI TRADERS"],
        ["BANK BOOK - HDFC CURRENT A/C"],
        [],
        ["Date", "Particulars", "Receipt", "Payment"],
        [datetime(2026, 11, 1), "To Balance b/d", 500000, None],
        [datetime(2026, 11, 2), "To Om Sai Enterprises", 250000, None],
        [None, "By Mehta & Co Chq 000123", None, 23600],
        [datetime(2026, 11, 4), "By Cash", None, 20000],
        [None, "To Jay Ambe Traders", 45000, None],
        [datetime(2026, 11, 30), "By Balance c/d", None, 751400],
        [None, "Total", 795000, 795000],
    ]
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))
    assert lines.frame["particulars"].tolist() == [
        "Om Sai Enterprises",
        "Mehta & Co Chq 000123",
        "Cash",
        "Jay Ambe Traders",
    ]
    assert lines.frame["date"].tolist()[1] == date(2026, 11, 2)
    assert lines.frame["debit"].tolist() == [25000000, 0, 0, 4500000]
    assert lines.frame["credit"].tolist() == [0, 2360000, 2000000, 0]
    assert (lines.opening, lines.closing) == (50000000, 75140000)
    assert lines.issues == []


def test_a_details_voucher_keeps_its_ledgers_under_it_in_a_book_without_voucher_columns(
    xlsx: Callable[..., Path],
) -> None:
    # an entry `(as per details)` lists its ledgers under it with their amounts: they are its
    # details, not entries of their own, with or without a voucher column
    rows = [
        ["Date", "Particulars", "Debit", "Credit"],
        [datetime(2026, 11, 1), "Opening Balance", 500000, None],
        [datetime(2026, 11, 3), "(as per details)", 300000, None],
        [None, "Om Sai Enterprises", 200000, None],
        [None, "Jay Ambe Traders", 100000, None],
        [datetime(2026, 11, 5), "Rent", None, 50000],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="book.xlsx")))
    assert lines.frame["debit"].tolist() == [30000000, 0]
    assert lines.frame["particulars"].tolist()[1] == "Rent"


def test_a_two_sided_bank_book_is_read_as_one_list(xlsx: Callable[..., Path]) -> None:
    """helper-110: receipts on the left (Dr.), payments on the right (Cr.), each side with its own
    Date, Particulars, V.No. and Amount, the sides' totals under a ruled line, the left side run
    out before the right. Before, the right side was lost without a word and the BRS tied; then
    it was refused. Each side's entries are read, the receipts as debits and the payments as
    credits, with their sheet rows, and the balances b/d and c/d as the opening and closing."""
    rows = [
        ["KAVERI TRADERS"],
        ["Bank Book (HDFC Bank) - November 2026"],
        ["Dr.", None, None, None, None, None, None, "Cr."],
        ["Date", "Particulars", "V.No.", "Amount (Rs.)", "Date", "Particulars", "V.No.", "Amount (Rs.)"],
        [datetime(2026, 11, 1), "To Balance b/d", None, 500000, datetime(2026, 11, 2), "By Rent Chq 000123", "P1", 50000],
        [datetime(2026, 11, 3), "To Om Sai Traders UTR N305260012345", "R1", 250000, datetime(2026, 11, 4), "By Cash", "C1", 15000],
        [None, None, None, None, datetime(2026, 11, 30), "By Balance c/d", None, 685000],
        [None, None, None, 750000, None, None, None, 750000],
    ]  # fmt: skip
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))
    frame = lines.frame
    assert frame["particulars"].tolist() == [
        "Om Sai Traders UTR N305260012345",
        "Rent Chq 000123",
        "Cash",
    ]
    assert frame["date"].tolist() == [date(2026, 11, 3), date(2026, 11, 2), date(2026, 11, 4)]
    assert frame["debit"].tolist() == [25000000, 0, 0]
    assert frame["credit"].tolist() == [0, 5000000, 1500000]
    assert frame["row"].tolist() == [6, 5, 6]
    assert (lines.opening, lines.closing) == (50000000, 68500000)
    assert lines.issues == []


def test_a_two_sided_bank_book_is_found_by_its_columns_however_each_side_heads_them(
    xlsx: Callable[..., Path],
) -> None:
    """helper-114: the right side headed `Dt.` or in capitals. Before, only a Date header written
    alike on both sides was seen, and the payments side was lost without a word."""
    for right in (["Dt.", "Particulars", "Amount"], ["DATE", "PARTICULARS", "AMOUNT (RS.)"]):
        rows = [
            ["Date", "Particulars", "Amount", *right],
            [datetime(2026, 11, 1), "To Balance b/d", 500000, datetime(2026, 11, 2), "By Rent", 50000],
            [datetime(2026, 11, 3), "To Om Sai", 250000, datetime(2026, 11, 30), "By Balance c/d", 700000],
            [None, None, 750000, None, None, 750000],
        ]  # fmt: skip
        lines = read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))
        assert lines.frame["particulars"].tolist() == ["Om Sai", "Rent"], right
        assert lines.frame["credit"].tolist() == [0, 5000000], right
        assert (lines.opening, lines.closing) == (50000000, 70000000), right


def test_a_two_sided_bank_books_closing_balance_is_a_debit_where_the_book_does_not_add_up(
    xlsx: Callable[..., Path],
) -> None:
    """helper-113/114: `By Balance c/d` on the Cr. side is the books' debit balance, under the
    sides' totals; a c/d cast 100.00 too high stays a debit, and the BRS shows the 100.00.
    Before, it was read as an overdraft of the same figure."""
    rows = [
        ["Date", "Particulars", "Amount", "Date", "Particulars", "Amount"],
        [datetime(2026, 11, 1), "To Balance b/d", 500000, datetime(2026, 11, 2), "By Rent", 50000],
        [datetime(2026, 11, 3), "To Om Sai", 250000, datetime(2026, 11, 30), "By Balance c/d", 700100],
        [None, None, 750000, None, None, 750100],
    ]  # fmt: skip
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))
    assert (lines.opening, lines.closing) == (50000000, 70010000)


def test_a_two_sided_bank_book_with_a_third_block_is_refused(xlsx: Callable[..., Path]) -> None:
    """helper-114: an `As per Pass Book` block beside the two sides. Before, its amounts were
    read as the payments' and the BRS tied on them."""
    rows = [
        ["Date", "Particulars", "Amount", "Date", "Particulars", "Amount", "Date", "Particulars", "Amount"],
        [datetime(2026, 11, 1), "To Balance b/d", 500000, datetime(2026, 11, 2), "By Rent", 50000, datetime(2026, 11, 2), "Rent", 50000],
    ]  # fmt: skip
    with pytest.raises(SheetProblem, match="third block of columns from column G"):
        read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))


def test_ledger_dates_excel_read_month_first_are_read_day_first_and_said(
    xlsx: Callable[..., Path],
) -> None:
    """helper-110: a Tally export of November opened in Excel set to the US: the 1st to the 12th
    became real dates of 11 January to 11 December, the 13th on left as text. Before, taken as
    they stood (a cheque of 11-01-2026 was stale and to be written back)."""
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 1, 11), "To Om Sai Enterprises", "Receipt", "55", 250000, None],
        [datetime(2026, 3, 11), "By Rent", "Payment", "57", None, 5000],
        ["15/11/2026", "By Kaveri Home", "Payment", "58", None, 1000],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="tally.xlsx")))
    assert [d.isoformat() for d in lines.frame["date"]] == [
        "2026-11-01",
        "2026-11-03",
        "2026-11-15",
    ]
    (issue,) = lines.issues
    assert issue.severity is Severity.WARNING and issue.cell == "A5"
    assert "2 date cell(s) of the column are real dates with day and month exchanged" in (
        issue.problem
    )


def test_a_ledger_whose_lines_fall_short_of_its_closing_balance_does_not_tie(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A line the reader leaves out (an amount it cannot read) no longer lets the BRS tie on
    the lines read: the ledger's own closing balance is the books' figure."""
    from xlbo.cli import main

    book = [list(row) for row in BANK_BOOK]
    book[6][4] = "30,000.00 approx"  # Sharma Logistics' payment, unreadable
    books = xlsx({"Bank Book": book}, name="book.xlsx")
    statement = [
        ["Statement From : 01/10/2026 To : 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"],
        ["05/10/26", "CLG 784512 OM SAI", "784512", None, 250000, 750000],
        ["06/10/26", "CASH WDL SELF", "", 20000, None, 730000],
        ["08/10/26", "CHQ PAID 000452 BALAJI", "000452", 118000, None, 612000],
        ["09/10/26", "CHQ PAID 000453 SHARMA", "000453", 30000, None, 582000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 1 and "BRS difference 30,000.00" in said, said
    import openpyxl

    summary = [r[0] for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)]
    said_closing = next(str(line) for line in summary if "own closing balance" in str(line))
    assert said_closing.startswith(
        "The ledger's own closing balance, 5,22,000.00, is not its opening balance and the "
        "lines read (5,52,000.00"
    )
    assert "(see the Issues sheet)" in said_closing
    assert "Issues" in openpyxl.load_workbook(out).sheetnames
    # every cell read, but the closing balance typed 1,000.00 off: no Issues sheet to point to
    # (the Summary sent the user to one that was not written)
    book = [list(row) for row in BANK_BOOK]
    book[-1][5] = 521000
    books = xlsx({"Bank Book": book}, name="book2.xlsx")
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    capsys.readouterr()
    written = openpyxl.load_workbook(out)
    summary = [str(r[0]) for r in written["Summary"].iter_rows(values_only=True)]
    said_closing = next(line for line in summary if "own closing balance" in line)
    assert "Issues" not in written.sheetnames and "Issues sheet" not in said_closing
    assert "compare the Matches and Unmatched Ledger sheets' lines with the ledger" in said_closing


LEDGER_SHEET = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["1-Oct-2026 to 31-Oct-2026"],
    [],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    [datetime(2026, 10, 1), "Opening Balance", None, None, 500000, None],
    [datetime(2026, 10, 4), "To Om Sai Enterprises", "Receipt", "55", 250000, None],
    [datetime(2026, 10, 6), "By Cash", "Contra", "7", None, 20000],
    [None, "Closing Balance", None, None, None, 730000],
]


def test_the_ledger_is_found_on_a_later_sheet_and_beside_the_statement(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A notes sheet before the ledger (it was 'sheet Notes: no header row'), and the statement
    and the ledger on two sheets of one workbook (the statement's sheet was read as the
    ledger, and refused)."""
    from xlbo.cli import main

    notes = [["Prepared by", "Ravi (Accounts)"], ["Note", "Ledger on the next sheet"]]
    lines = read_ledger(str(xlsx({"Notes": notes, "HDFC Ledger": LEDGER_SHEET}, name="l.xlsx")))
    assert (lines.sheet, len(lines.frame)) == ("HDFC Ledger", 2)
    statement = [
        ["Statement From : 01/10/2026 To : 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Debit", "Credit", "Balance"],
        ["05/10/26", "CLG OM SAI", "", None, 250000, 750000],
        ["06/10/26", "CASH WDL SELF", "", 20000, None, 730000],
    ]
    both = xlsx({"Statement": statement, "Ledger": LEDGER_SHEET}, name="both.xlsx")
    out = both.parent / "brs.xlsx"
    args = ["reconcile", "--bank", str(both), "--ledger", str(both), "--sheet", "Statement"]
    code = main([*args, "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0 and "2 matches, 0 bank and 0 ledger lines unmatched" in said, said
    # without --sheet: the sheet whose header names a voucher column (Vch Type, Vch No.) is the
    # ledger's, not a second statement (it was refused as two statements of the same days)
    code = main(["reconcile", "--bank", str(both), "--ledger", str(both), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0 and "2 matches, 0 bank and 0 ledger lines unmatched" in said, said


ONE_MONTH_STATEMENT = [
    ["Statement From : 01/11/2026 To : 30/11/2026"],
    ["Date", "Narration", "Chq./Ref.No.", "Debit", "Credit", "Balance"],
    ["02/11/26", "CHQ PAID-000123-RAMESH PROPERTIES", "000123", 50000, None, 450000],
    ["03/11/26", "NEFT CR-OM SAI TRADERS", "N305260012345", None, 250000, 700000],
    ["05/11/26", "CASH WDL SELF", "", 15000, None, 685000],
]
TWO_SIDED_BOOK = [
    ["KAVERI TRADERS"],
    ["Bank Book (HDFC Bank) - November 2026"],
    ["Date", "Particulars", "V.No.", "Amount (Rs.)", "Date", "Particulars", "V.No.", "Amount (Rs.)"],
    [datetime(2026, 11, 1), "To Balance b/d", None, 500000, datetime(2026, 11, 2), "By Ramesh Properties Chq 000123", "P1", 50000],
    [datetime(2026, 11, 3), "To Om Sai Traders", "R1", 250000, datetime(2026, 11, 5), "By Cash", "C1", 15000],
    [None, None, None, None, datetime(2026, 11, 30), "By Balance c/d", None, 685000],
    [None, None, None, 750000, None, None, None, 750000],
]  # fmt: skip
"""A two-sided book whose row 5 holds a receipt (left) and a payment (right)."""


def test_a_two_sided_bank_book_beside_the_statement_in_one_workbook_is_the_books(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-114 (c19): the statement and a two-sided bank book (no Vch Type or Voucher No.
    column: `V.No.`) on two sheets of one workbook. The book's sheet was also read as a second
    statement: unreadable cells on the Issues sheet, exit 1, where the BRS tied."""
    from xlbo.cli import main

    both = xlsx({"HDFC Statement": ONE_MONTH_STATEMENT, "Bank Book": TWO_SIDED_BOOK})
    out = both.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(both), "--ledger", str(both), "--out", str(out)])
    said = capsys.readouterr().out
    assert "3 matches, 0 bank and 0 ledger lines unmatched" in said, said
    assert "0 unreadable cells" in said and "BRS difference 0.00" in said
    assert code == 0


def test_one_statement_given_as_both_files_is_refused(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-116 (c04o): the statement given as --bank and --ledger was matched against itself,
    line for line, its title's 'HDFC BANK Ltd.' the company."""
    from xlbo.cli import main

    bank = xlsx({"Statement": ONE_MONTH_STATEMENT}, name="hdfc.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(bank), "--out", str(out)])
    said = capsys.readouterr()
    assert code == 2 and not out.exists()
    assert (
        "hdfc.xlsx was given as both --bank and --ledger, but its sheets hold the statement and "
        "no ledger: give the bank ledger's own file with --ledger"
    ) in said.out + said.err


def test_confirm_rejects_the_payment_of_a_two_sided_row_not_its_receipt(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Row 5 of the book holds Om Sai's receipt and the cash withdrawal: a Reject on the cash
    pair's Matches row (Ledger Row 5) undoes that pair, not Om Sai's, and is not refused as
    about other money (the first line of the row was taken for it)."""
    from xlbo.cli import main

    bank = xlsx({"Statement": ONE_MONTH_STATEMENT}, name="bank.xlsx")
    books = xlsx({"Bank Book": TWO_SIDED_BOOK}, name="book.xlsx")
    out = bank.parent / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(out)
    matches = book["Matches"]
    headers = [cell.value for cell in matches[1]]
    rows = {
        (r[headers.index("Ledger Row")].value, r[headers.index("Particulars")].value): r
        for r in matches.iter_rows(min_row=2)
    }
    assert set(rows) >= {(5, "Om Sai Traders"), (5, "Cash")}, set(rows)
    rows[5, "Cash"][headers.index("Reject")].value = "Reject"
    book.save(out)
    assert main(["reconcile", "--confirm", str(out)]) == 0  # the BRS lists the cash on both sides
    said = capsys.readouterr().out
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said, said
    result = openpyxl.load_workbook(out)
    assert "Issues" not in result.sheetnames  # the Reject applied, nothing refused
    kept = [
        r[headers.index("Particulars")]
        for r in result["Matches"].iter_rows(min_row=2, values_only=True)
    ]
    assert sorted(kept) == ["Om Sai Traders", "Ramesh Properties Chq 000123"]
    unmatched = list(result["Unmatched Ledger"].iter_rows(min_row=2, values_only=True))
    assert len(unmatched) == 1 and "Cash" in unmatched[0]


@pytest.mark.parametrize(
    ("money_in", "money_out"),
    [
        ("Dr Amt", "Cr Amt"),
        ("Amount Dr", "Amount Cr"),
        ("Deposit Amt.", "Withdrawal Amt."),
        ("Received", "Paid"),
        ("Money In", "Money Out"),
        ("Inflow", "Outflow"),
    ],
)
def test_a_bank_books_other_words_for_money_in_and_out(
    money_in: str, money_out: str, xlsx: Callable[..., Path]
) -> None:
    """Bank books and cash books head their columns their own way; each was refused."""
    path = xlsx(
        {
            "Book": [
                ["Date", "Particulars", "Vch No.", money_in, money_out, "Short Narration"],
                [datetime(2026, 10, 4), "Om Sai Enterprises", "R1", 250000, None, "Chq 784512"],
                [datetime(2026, 10, 6), "Cash", "C1", None, 20000, ""],
            ]
        },
        name="book.xlsx",
    )
    lines = read_ledger(str(path))
    assert lines.frame["debit"].tolist() == [25000000, 0]
    assert lines.frame["credit"].tolist() == [0, 2000000]
    assert lines.frame["narration"].tolist()[0] == "Chq 784512"  # Busy's Short Narration


@pytest.mark.parametrize(
    ("ledger_name", "warned"),
    [
        ("ICICI Bank A/c 001205001234", True),
        ("HDFC Bank A/c 50200012345678", False),
        ("HDFC Bank A/c XXXXXXXXXX5678", False),
        ("HDFC Bank Current A/c", False),
        ("HDFC OD A/c 2026-27", False),
    ],
)
def test_a_ledger_of_another_account_is_said_to_be_one(
    ledger_name: str, warned: bool, xlsx: Callable[..., Path]
) -> None:
    from xlbo.jobs.reconcile import run_reconcile

    statement = [
        ["Account No : 50200012345678"],
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"],
        ["05/10/26", "CLG OM SAI", "", None, 250000, 750000],
    ]
    books = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        [ledger_name],
        ["Ledger Account"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 10, 1), "Opening Balance", None, None, 500000, None],
        [datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", "55", 250000, None],
    ]
    result = run_reconcile(
        xlsx({"Statement": statement}, name="bank.xlsx"),
        xlsx({"Ledger": books}, name="books.xlsx"),
    )
    said = [n for n in result.notes if "their numbers differ" in n]
    assert bool(said) is warned, result.notes


@pytest.mark.parametrize(
    "rows",
    [
        [  # a Type of Receipt or Payment beside an unsigned Amount
            ["Date", "Particulars", "Type", "Amount", "Balance"],
            [datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", 250000, 750000],
            [datetime(2026, 10, 6), "Cash withdrawn", "Payment", 20000, 730000],
        ],
        [  # a Type of Contra or Journal: the running balance falls by the amount
            ["Date", "Particulars", "Type", "Amount", "Balance"],
            [datetime(2026, 10, 1), "Opening Balance", None, None, 500000],
            [datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", 250000, 750000],
            [datetime(2026, 10, 6), "Cash withdrawn", "Contra", 20000, 730000],
        ],
        [  # a signed Amount, and the balance's side after the balance
            ["Date", "Particulars", "Vch No.", "Amount", "Balance", "Dr/Cr"],
            [datetime(2026, 10, 4), "Om Sai Enterprises", "55", 250000, 750000, "Dr"],
            [datetime(2026, 10, 6), "Cash withdrawn", "7", -20000, 730000, "Dr"],
        ],
    ],
)
def test_one_amount_column_takes_its_side_from_what_says_it(
    rows: list[list[Any]], xlsx: Callable[..., Path]
) -> None:
    """Both read the cash withdrawn as money in, and tied the BRS on it."""
    lines = read_ledger(str(xlsx({"Book": rows}, name="book.xlsx")))
    assert lines.frame["debit"].tolist() == [25000000, 0]
    assert lines.frame["credit"].tolist() == [0, 2000000]


def test_an_unpresented_cheque_shows_its_number_from_the_narration_row(
    xlsx: Callable[..., Path],
) -> None:
    """Tally keeps the cheque number in the narration row under the voucher; the BRS and the
    Unmatched Ledger sheet showed only the voucher number (103)."""
    from xlbo.jobs.reconcile import run_reconcile

    statement = [
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"],
        ["05/10/26", "CLG OM SAI", "", None, 250000, 750000],
    ]
    books = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["Ledger Account"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 10, 1), "Opening Balance", None, None, 500000, None],
        [datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", "55", 250000, None],
        [datetime(2026, 10, 28), "Sharma Logistics", "Payment", "103", None, 30000],
        [None, "Ch. No. : 000453", None, None, None, None],
    ]
    result = run_reconcile(
        xlsx({"Statement": statement}, name="bank.xlsx"),
        xlsx({"Ledger": books}, name="books.xlsx"),
    )
    sheets = {sheet.name: sheet.frame for sheet in result.sheets}
    assert sheets["Unmatched Ledger"]["Reference"].tolist() == ["000453"]
    assert "103 / 000453" in sheets["BRS"]["Vch No. / Ref."].tolist()


@pytest.mark.parametrize(
    ("titles", "company", "account"),
    [
        (
            [["HDFC Bank A/c 50200012345678"], ["Ledger Account"], ["1-Oct-2026 to 31-Oct-2026"]],
            "",  # no company line: the ledger's name was taken for the company
            "HDFC Bank A/c 50200012345678",
        ),
        (
            [["Sahyadri Tradelinks"], ["HDFC Bank A/c"], ["1 Oct 2026 to 31 Oct 2026"]],
            "Sahyadri Tradelinks",
            "HDFC Bank A/c",
        ),
        (
            [
                ["Sahyadri Tradelinks"],
                ["Account : HDFC Bank - 5678"],
                ["From 01/10/2026 To 31/10/2026"],
            ],
            "Sahyadri Tradelinks",
            "HDFC Bank - 5678",  # Zoho Books
        ),
        # a book kept by hand names its bank among the words that say it is a book, and its
        # month: the BRS's account line read `Bank Book - HDFC - October 2026, A/c No. …`
        (
            [["Sahyadri Tradelinks"], ["Bank Book - HDFC - October 2026"]],
            "Sahyadri Tradelinks",
            "HDFC",
        ),
        (
            [["Sahyadri Tradelinks"], ["HDFC Bank Book for 1-Oct-2026 to 31-Oct-2026"]],
            "Sahyadri Tradelinks",
            "HDFC Bank",
        ),
        (
            [["Sahyadri Tradelinks"], ["HDFC BANK A/C - BANK BOOK 1-Oct-2026 to 31-Oct-2026"]],
            "Sahyadri Tradelinks",
            "HDFC BANK A/C",
        ),
        (
            [["Sahyadri Tradelinks"], ["Cashbook - HDFC Bank (Online)"], ["October 2026"]],
            "Sahyadri Tradelinks",
            "HDFC Bank (Online)",
        ),
        (
            [
                ["Sahyadri Tradelinks"],
                ["Ledger Account : HDFC Bank"],
                ["Period : 01-10-2026 to 31-10-2026"],
            ],
            "Sahyadri Tradelinks",
            "HDFC Bank",
        ),
        (
            [
                ["Sahyadri Tradelinks"],
                ["Ledger Statement - HDFC Bank"],
                ["For the month of October 2026"],
            ],
            "Sahyadri Tradelinks",
            "HDFC Bank",
        ),
        # Vyapar's `Bank Statement` names no account: the BRS gives the statement's number alone
        (
            [["Sahyadri Tradelinks"], ["Bank Statement"], ["01/10/2026 to 31/10/2026"]],
            "Sahyadri Tradelinks",
            "",
        ),
    ],
)
def test_a_ledgers_title_lines(
    titles: list[list[Any]], company: str, account: str, xlsx: Callable[..., Path]
) -> None:
    body = [
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 10, 4), "To Om Sai", "Receipt", "55", 250000, None],
    ]
    lines = read_ledger(str(xlsx({"Ledger": [*titles, [], *body]}, name="l.xlsx")))
    assert (lines.company, lines.account) == (company, account)
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_tallys_group_vouchers_report_is_refused_saying_what_to_export(
    xlsx: Callable[..., Path],
) -> None:
    """The Bank Accounts group's vouchers (HDFC's and ICICI's lines mixed) were read as one
    ledger: ICICI's lines became HDFC's receipts not yet credited."""
    path = xlsx(
        {
            "Group Vouchers": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["Bank Accounts"],
                ["Group Vouchers"],
                ["1-Oct-2026 to 31-Oct-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [datetime(2026, 10, 4), "HDFC Bank A/c", "Receipt", "55", 250000, None],
                [datetime(2026, 10, 9), "ICICI Bank A/c", "Receipt", "61", 50000, None],
            ]
        },
        name="group.xlsx",
    )
    with pytest.raises(SheetProblem, match="is Tally's Group Vouchers report"):
        read_ledger(str(path))


TALLY_BRS = [
    ["Nilgiri Agro Foods Pvt Ltd"],
    ["Bank Reconciliation"],
    ["Indian Bank A/c"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Instrument No.", "Instrument Date", "Bank Date", "Debit",
     "Credit"],
    [datetime(2026, 11, 27), "Ganesh Packaging", "Payment", "100202", None, None, None, 28900],
    [None, "Balance as per Company Books :", None, None, None, None, 375858.5, None],
]  # fmt: skip


def test_tallys_bank_reconciliation_report_is_no_ledger(xlsx: Callable[..., Path]) -> None:
    """helper-116 (c03f): Tally's own Bank Reconciliation report (the vouchers not yet
    cleared) was read as the ledger: nothing matched, the statement's opening taken as the
    books', exit 0 'ties'. It is refused, saying what to export; a sheet of it before the
    ledger's is passed over."""
    with pytest.raises(SheetProblem, match="is a bank reconciliation .* Export the bank's own"):
        read_ledger(str(xlsx({"BRS": TALLY_BRS}, name="brs.xlsx")))
    both = xlsx({"BRS": TALLY_BRS, "Ledger": LEDGER_SHEET}, name="books.xlsx")
    assert read_ledger(str(both)).sheet == "Ledger"


def test_payments_written_negative_stay_payments_beside_a_positive_opening(
    xlsx: Callable[..., Path],
) -> None:
    """A Credit column that writes every payment negative (a convention), with the overdrawn
    opening in it as +30,000.00: the opening says nothing of how the payments are written
    (they were read as receipts)."""
    path = xlsx(
        {
            "Ledger": [
                ["HDFC OD A/c"],
                [],
                ["Date", "Particulars", "Vch No.", "Debit", "Credit"],
                [datetime(2026, 10, 1), "Opening Balance", None, None, 30000],
                [datetime(2026, 10, 4), "Om Sai Enterprises", "55", 250000, None],
                [datetime(2026, 10, 6), "Cash withdrawn", "7", None, -20000],
                [datetime(2026, 10, 9), "Rent", "8", None, -5000],
                [None, "Total", None, 250000, -25000],
            ]
        },
        name="od.xlsx",
    )
    lines = read_ledger(str(path))
    assert lines.opening == -3000000
    assert lines.frame["debit"].tolist() == [25000000, 0, 0]
    assert lines.frame["credit"].tolist() == [0, 2000000, 500000]


def test_a_closing_on_the_other_side_keeps_its_side_when_a_line_is_lost(
    xlsx: Callable[..., Path],
) -> None:
    """Closing Dr 1,000 written on the Credit side above the Total (to total the ledger), and a
    receipt that cannot be read: the closing is still Dr 1,000, so the BRS's difference is the
    lost line's 3,000, not the side's."""
    path = xlsx(
        {
            "Ledger": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["HDFC Bank A/c"],
                ["1-Oct-2026 to 31-Oct-2026"],
                [],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [datetime(2026, 10, 1), "Opening Balance", None, None, None, 2000],
                [
                    datetime(2026, 10, 4),
                    "Om Sai Enterprises",
                    "Receipt",
                    "55",
                    "3,000 approx",
                    None,
                ],
                [None, "Closing Balance", None, None, None, 1000],
                [None, "Total", None, None, 3000, 3000],
            ]
        },
        name="l.xlsx",
    )
    lines = read_ledger(str(path))
    assert (lines.opening, lines.closing) == (-200000, 100000)


def test_a_ledger_for_the_year_to_date_with_last_months_brs(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """September's BRS leaves cheque 000452 outstanding; October's ledger runs from 1 September.
    The cheque was a carried item and a September line at once: two candidates for October's
    CHQ PAID, and a BRS that tied on the item listed twice. The ledger's September entries
    now go into the books' opening, and the carried item clears."""
    from xlbo.cli import main

    head = ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"]
    titles = [["Sahyadri Tradelinks Pvt Ltd"], ["HDFC Bank A/c"]]
    columns = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
    september = [
        [datetime(2026, 9, 1), "Opening Balance", None, None, 500000, None],
        [datetime(2026, 9, 5), "Om Sai Enterprises", "Receipt", "R1", 100000, None],
        [datetime(2026, 9, 28), "Balaji Traders Ch. No. 000452", "Payment", "P1", None, 50000],
    ]
    sep = xlsx(
        {
            "Statement": [
                ["Statement From : 01/09/2026 To : 30/09/2026"],
                head,
                ["05/09/26", "CLG OM SAI ENTERPRISES", "", None, 100000, 600000],
            ]
        },
        name="sep-bank.xlsx",
    )
    sep_books = xlsx(
        {"Ledger": [*titles, ["1-Sep-2026 to 30-Sep-2026"], columns, *september]},
        name="sep-books.xlsx",
    )
    sep_brs = sep.parent / "sep-brs.xlsx"
    main(["reconcile", "--bank", str(sep), "--ledger", str(sep_books), "--out", str(sep_brs)])
    october = xlsx(
        {
            "Statement": [
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                head,
                ["06/10/26", "CHQ PAID 000452 BALAJI TRADERS", "000452", 50000, None, 550000],
                ["10/10/26", "NEFT KAVERI HOME", "", None, 20000, 570000],
            ]
        },
        name="oct-bank.xlsx",
    )
    oct_books = xlsx(
        {
            "Ledger": [
                *titles,
                ["1-Sep-2026 to 31-Oct-2026"],
                columns,
                *september,
                [datetime(2026, 10, 10), "Kaveri Home", "Receipt", "R2", 20000, None],
            ]
        },
        name="oct-books.xlsx",
    )
    capsys.readouterr()
    out = sep.parent / "oct-brs.xlsx"
    args = ["--bank", str(october), "--ledger", str(oct_books), "--last-brs", str(sep_brs)]
    code = main(["reconcile", *args, "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "0 bank and 0 ledger lines unmatched, 0 suggestions" in said
    assert "BRS difference 0.00" in said


def test_a_cheque_issued_and_cancelled_in_the_books_is_no_item_of_the_brs(
    xlsx: Callable[..., Path],
) -> None:
    """Cheque 000452, lost, reversed by a journal the same month: it never reaches the bank. It
    was listed under both headings of the BRS; it is no item, and the Summary names it."""
    from xlbo.jobs.reconcile import run_reconcile

    statement = [
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"],
        ["05/10/26", "CLG 784512 OM SAI", "784512", None, 250000, 750000],
    ]
    books = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["Ledger Account"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 10, 1), "Opening Balance", None, None, 500000, None],
        [datetime(2026, 10, 3), "By Balaji Traders", "Payment", "101", None, 118000],
        [None, "Ch. No. : 000452", None, None, None, None],
        [datetime(2026, 10, 4), "To Om Sai Enterprises", "Receipt", "55", 250000, None],
        [datetime(2026, 10, 20), "To Balaji Traders", "Journal", "J4", 118000, None],
        [None, "Being cheque no. 000452 cancelled - lost in transit", None, None, None, None],
        [datetime(2026, 10, 22), "By Kaveri Home", "Payment", "102", None, 5000],
        [None, "Ch. No. : 000453", None, None, None, None],
    ]
    result = run_reconcile(
        xlsx({"Statement": statement}, name="bank.xlsx"),
        xlsx({"Ledger": books}, name="books.xlsx"),
    )
    assert result.brs.difference == 0
    sheets = {sheet.name: sheet.frame for sheet in result.sheets}
    assert sheets["Unmatched Ledger"]["Particulars"].tolist() == ["Kaveri Home"]
    assert not any("Balaji" in str(t) for t in sheets["BRS"]["Particulars"].tolist())
    assert any(
        "1 pair(s) of book entries cancel each other" in note
        and "Balaji Traders, 1,18,000.00, 000452, of 03-10-2026 and 20-10-2026" in note
        for note in result.notes
    ), result.notes


def test_a_word_in_the_reference_column_names_no_cheque_to_cancel(
    xlsx: Callable[..., Path],
) -> None:
    """The second reader's case: a receipt and a payment of Kaveri Traders of one amount, each
    with `NEFT` in the Chq./Ref. No. column, were taken for a cheque issued and reversed and
    left off the BRS."""
    from xlbo.jobs.reconcile import run_reconcile

    statement = [
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"],
        ["05/10/26", "CLG 784512 OM SAI", "784512", None, 250000, 750000],
    ]
    books = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Chq./Ref. No.", "Debit", "Credit"],
        [datetime(2026, 10, 1), "Opening Balance", None, None, None, 500000, None],
        [datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", "55", "784512", 250000, None],
        [datetime(2026, 10, 30), "Kaveri Traders", "Receipt", "13", "NEFT", 10000, None],
        [datetime(2026, 10, 31), "Kaveri Traders", "Payment", "14", "NEFT", None, 10000],
    ]
    result = run_reconcile(
        xlsx({"Statement": statement}, name="bank.xlsx"),
        xlsx({"Ledger": books}, name="books.xlsx"),
    )
    assert (result.brs.deposits_not_credited, result.brs.cheques_not_presented) == (
        1000000,
        1000000,
    )
    assert not any("cancel each other" in note for note in result.notes)


@pytest.mark.parametrize(
    ("left", "right", "cells"),
    [
        # a payment's date on the right side was named in the left side's column (A6)
        (("03/11/2026", 250000), ("31/11/2026", 15000), ["E6"]),
        # a line whose date and amount are both unreadable was passed over without a word
        (("03/11/2026", 250000), ("31/11/2026", "15,0O0"), ["H6", "E6"]),
        (("31/11/2026", "2,5O,000"), ("04/11/2026", 15000), ["D6", "A6"]),
    ],
)
def test_a_two_sided_books_bad_cells_are_named_on_their_own_side(
    xlsx: Callable[..., Path], left: tuple[Any, Any], right: tuple[Any, Any], cells: list[str]
) -> None:
    rows = [
        ["KAVERI TRADERS"],
        ["Bank Book (HDFC Bank) - November 2026"],
        ["Date", "Particulars", "V.No.", "Amount (Rs.)", "Date", "Particulars", "V.No.", "Amount (Rs.)"],
        [datetime(2026, 11, 1), "To Balance b/d", None, 500000, datetime(2026, 11, 2), "By Rent Chq 000123", "P1", 50000],
        [left[0], "To Om Sai Traders", "R1", left[1], right[0], "By Cash", "C1", right[1]],
        [None, None, None, None, datetime(2026, 11, 30), "By Balance c/d", None, 685000],
    ]  # fmt: skip
    rows.insert(2, ["Dr.", None, None, None, None, None, None, "Cr."])
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="book.xlsx")))
    assert [issue.cell for issue in lines.issues] == cells
    assert len(lines.frame) == 2  # the line with the bad cell is left out, and said so


# -- a ledger without an opening row: its running balance, checked balance by balance ---------

NO_OPENING = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["01-11-2026 to 30-11-2026"],
    ["Date", "Particulars", "Vch No.", "Debit", "Credit", "Balance"],
    ["02-11-2026", "Balaji Traders", "R41", "5,000.00", None, "95,000.00"],
    ["04-11-2026", "Kaveri Home Needs", "P17", None, "2,000.00", "93,000.00"],
    ["28-11-2026", "Om Sai Logistics", "R42", "12,50,000.50", None, "13,43,000.50"],
]


def test_a_running_balance_out_of_step_once_still_gives_the_opening_and_is_said(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile 37's r07: one typo in the last line's balance (13,43,000.05) threw the whole
    Balance column away without a word; the statement's opening was taken as the books'
    (1,00,000.00, a balance in no file) and the BRS tied, exit 0."""
    rows = [list(row) for row in NO_OPENING]
    rows[-1][-1] = "13,43,000.05"
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="typo.xlsx")))
    assert lines.opening == 9000000 and len(lines.frame) == 3
    [warning] = [issue for issue in lines.issues if issue.severity is Severity.WARNING]
    assert (warning.sheet, warning.cell, warning.value) == ("Ledger", "F7", "13,43,000.05")
    assert warning.problem == (
        "the running balance 13,43,000.05 is not the balance on row 6 and the lines since, "
        "13,43,000.50: a typo, or a line missing or misread"
    )
    assert any("running balance gives 90,000.00" in issue.problem for issue in lines.issues)


def test_a_balance_written_only_on_each_days_last_line_gives_the_opening(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile 37's r08: the balance printed only under the day's last voucher (`93,000.00
    Dr` under the 2nd's receipt and payment); the column was passed over without a word."""
    rows = [list(row) for row in NO_OPENING]
    rows[4][1:] = ["Balaji Traders", "R41", "5,000.00", None, None]
    rows[5][0] = "02-11-2026"
    rows[5][-1] = "93,000.00 Dr"
    rows[6][-1] = "13,43,000.50 Dr"
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="daily.xlsx")))
    assert (lines.opening, lines.closing) == (9000000, 134300050)
    assert not [issue for issue in lines.issues if issue.severity is not Severity.INFO]
    [note] = lines.issues
    assert note.problem == (
        "the ledger states no opening balance; its running balance gives 90,000.00 (the first "
        "balance written, on row 6, less the 2 lines up to it), taken as the books' opening "
        "balance"
    )


def test_a_ledger_whose_names_stand_under_a_header_no_export_we_know_writes(
    xlsx: Callable[..., Path],
) -> None:
    """myBillBook-like: `Date | Voucher | Sr No | Credit | Debit | Balance`, the names in the
    Voucher column (`Payment In - Jay Ambe Traders`), amounts written `₹ 45,000.00`. It was
    refused for want of a Particulars column (helper-134's credit_first_cols)."""
    rows = [
        ["Shree Ganesh Traders"],
        ["Ledger Statement - HDFC Bank"],
        ["01-11-2026 to 30-11-2026"],
        [],
        ["Date", "Voucher", "Sr No", "Credit", "Debit", "Balance"],
        ["01-11-2026", "Opening Balance", None, None, None, "₹ 1,25,000.00"],
        ["02-11-2026", "Payment In - Jay Ambe Traders", 1, None, "₹ 45,000.00", "₹ 1,70,000.00"],
        ["03-11-2026", "Payment Out - Mehta & Co", 2, "₹ 12,500.00", None, "₹ 1,57,500.00"],
        ["30-11-2026", "Closing Balance", None, None, None, "₹ 1,57,500.00"],
    ]
    lines = read_ledger(str(xlsx({"Sheet": rows}, name="mybillbook.xlsx")))
    frame = lines.frame
    assert frame["particulars"].tolist() == [
        "Payment In - Jay Ambe Traders",
        "Payment Out - Mehta & Co",
    ]
    assert (frame["debit"].sum(), frame["credit"].sum()) == (4_500_000, 1_250_000)
    assert (lines.opening, lines.closing) == (12_500_000, 15_750_000)
    said = [i for i in lines.issues if i.cell == "B5"]
    assert [i.severity for i in said] == [Severity.INFO]
    assert "'Voucher' is read as each entry's particulars" in said[0].problem


def test_a_ledger_with_no_column_of_names_is_still_refused(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Date", "Sr No", "Debit", "Credit"],
        ["02-11-2026", 1, "45,000.00", None],
        ["03-11-2026", 2, None, "12,500.00"],
    ]
    with pytest.raises(SheetProblem, match="has no 'Particulars' column"):
        read_ledger(str(xlsx({"Sheet": rows}, name="numbers.xlsx")))


RUNNING_BALANCE_ONLY = [
    ["Date", "Particulars", "Vch No.", "Balance"],
    ["02-11-2026", "To Jay Ambe Traders", "1", "1,70,000.00 Dr"],
    ["03-11-2026", "By Mehta & Co", "2", "1,57,500.00 Dr"],
    ["15-11-2026", "By Kaveri Suppliers", "3", "1,52,067.90 Dr"],
    [None, "Closing Balance", None, "1,52,067.90 Dr"],
]


def test_a_book_that_keeps_only_its_running_balance_moves_by_each_entry(
    xlsx: Callable[..., Path],
) -> None:
    """helper-134's runbal_only: `Date | Particulars | Vch No. | Balance`, the opening only in
    the title. It was refused for want of an amount column; each entry's amount is what it
    moved the balance by."""
    title = [
        ["Shree Ganesh Traders"],
        ["Ledger : HDFC Bank A/c"],
        ["Opening Balance: 1,25,000.00 Dr"],
        [],
    ]
    lines = read_ledger(str(xlsx({"Ledger": [*title, *RUNNING_BALANCE_ONLY]}, name="l.xlsx")))
    frame = lines.frame
    assert frame["particulars"].tolist() == ["Jay Ambe Traders", "Mehta & Co", "Kaveri Suppliers"]
    assert frame["debit"].tolist() == [4_500_000, 0, 0]
    assert frame["credit"].tolist() == [0, 1_250_000, 543_210]
    assert (lines.opening, lines.closing) == (12_500_000, 15_206_790)
    assert [i.severity for i in lines.issues if i.cell == "D5"] == [Severity.INFO]


def test_a_running_balance_book_opens_on_its_opening_line_and_may_be_overdrawn(
    xlsx: Callable[..., Path],
) -> None:
    rows = [
        ["Date", "Particulars", "Vch No.", "Balance"],
        ["01-11-2026", "Opening Balance", None, "10,000.00 Cr"],
        ["02-11-2026", "To Jay Ambe Traders", "1", "35,000.00 Dr"],
        ["03-11-2026", "By Mehta & Co", "2", "5,000.00 Cr"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="od.xlsx")))
    assert lines.frame["debit"].tolist() == [4_500_000, 0]
    assert lines.frame["credit"].tolist() == [0, 4_000_000]
    assert lines.opening == -1_000_000  # 10,000.00 Cr: overdrawn


def test_a_running_balance_book_that_states_no_opening_is_refused_naming_its_first_entry(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Ledger": RUNNING_BALANCE_ONLY}, name="noopening.xlsx")
    with pytest.raises(
        SheetProblem,
        match=r"states no opening balance: the first entry's amount \(row 2, balance D2\)",
    ):
        read_ledger(str(path))


def test_a_running_balance_written_with_a_minus_for_a_credit_keeps_its_sign(
    xlsx: Callable[..., Path],
) -> None:
    """A balance of -10,000.00 (overdrawn, no Dr/Cr written) was read as 10,000.00 Dr: the
    entries moved it by 25,000.00 and 30,000.00, not 45,000.00 and 40,000.00."""
    rows = [
        ["Date", "Particulars", "Vch No.", "Balance"],
        ["01-11-2026", "Opening Balance", None, "-10,000.00"],
        ["02-11-2026", "To Jay Ambe Traders", "1", "35,000.00"],
        ["03-11-2026", "By Mehta & Co", "2", "-5,000.00"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="minus.xlsx")))
    assert lines.frame["debit"].tolist() == [4_500_000, 0]
    assert lines.frame["credit"].tolist() == [0, 4_000_000]
    assert lines.opening == -1_000_000
