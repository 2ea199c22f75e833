"""Statements in the exact layouts Indian bank portals export: title lines, asterisk rules,
summary and total blocks, legends, the banks' own header words and number quirks, several
sheets, decimal commas and the encodings a CSV arrives in. Each test checks what a user would:
how many lines were read, the totals of withdrawals and deposits, the first and last line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from xlbo.bank.integrity import check_statement
from xlbo.bank.lines import Lines
from xlbo.cli import main
from xlbo.dates import to_excel_serial
from xlbo.errors import SheetProblem
from xlbo.issues import Severity
from xlbo.readers import statement
from xlbo.readers.roles import Role
from xlbo.readers.statement import NoStatement, read_statement

Row = list[Any]


def first_and_last(lines: Lines) -> list[tuple[date, str, int]]:
    """(date, narration, money in less money out in paise) of the first and the last line."""
    frame = lines.frame
    return [
        (row.date, row.narration, int(row.credit) - int(row.debit))
        for row in frame.iloc[[0, -1]].itertuples()
    ]


def totals(lines: Lines) -> tuple[int, int, int]:
    """Lines read, withdrawals and deposits (paise)."""
    frame = lines.frame
    return len(frame), int(frame["debit"].sum()), int(frame["credit"].sum())


# -- HDFC: net banking's .xls as Excel shows it ------------------------------------------------

HDFC_HEAD = [
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Value Dt",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
]
HDFC_RULE = ["********", "*" * 34, "*" * 12, "********", "*" * 18, "*" * 18, "*" * 18]
# date, narration, reference, value date, withdrawal, deposit, balance; opening 13,399.36.
# The card payment of 4 Oct is reversed on 5 Oct: HDFC writes the reversal as a negative
# withdrawal, and its summary counts it among the debits.
HDFC_LINES: list[tuple[date, str, str, float | None, float | None, float]] = [
    (
        date(2026, 10, 1),
        "NEFT CR-SBIN0001234-VARDHAMAN RETAIL-SBINN52026100112345",
        "SBINN52026100112345",
        None,
        12000.0,
        25399.36,
    ),
    (
        date(2026, 10, 4),
        "POS 419188XXXXXX2165 UBER INDIA SYSTE",
        "0000527607066185",
        530.44,
        None,
        24868.92,
    ),
    (
        date(2026, 10, 5),
        "POS 419188XXXXXX2165 UBER INDIA SYSTE",
        "0000527807061234",
        -530.44,
        None,
        25399.36,
    ),
    (
        date(2026, 10, 10),
        "CHQ PAID-MICR CTS-NO-KAVERI ELECTRICALS",
        "0000000000000451",
        8500.0,
        None,
        16899.36,
    ),
    (
        date(2026, 10, 31),
        "UPI-OM SAI LOGISTICS-omsai@okaxis-UTIB0000123-630412345678-INV 77",
        "0000630412345678",
        None,
        2250.5,
        19149.86,
    ),
]


def hdfc_rows(date_cell: Callable[[date], Any], lines: list[Any] = HDFC_LINES) -> list[Row]:
    blank4: Row = [None] * 4
    rows: list[Row] = [
        [
            "HDFC BANK Ltd.                                      Page No .:   1          "
            "                                Statement of accounts"
        ],
        [],
        [],
        [],
        [*blank4, "Account Branch :SECTOR-53"],
        ["M/S.    KAVERI TRADERS PVT LTD", None, None, None, "Address :VATIKA ATRIUM, A-BLOCK"],
        ["B-113 SARVODAYA ENCLAVE", None, None, None, "GOLF COURSE ROAD"],
        ["NEW DELHI", None, None, None, "SECTOR-53"],
        [".", None, None, None, "City :GURGAON"],
        ["NEW DELHI 110017", None, None, None, "State :HARYANA"],
        [*blank4, "Phone no. :18002600/18001600"],
        [*blank4, "Email :"],
        ["JOINT HOLDERS :", None, None, None, "OD Limit :0   Currency :INR"],
        [*blank4, "Cust ID :329788386"],
        ["Nomination  :  Not Registered", None, None, None, "Account No :50200012345678   OTHER"],
        [
            "Statement From  :  01/10/2026         To  :  31/10/2026",
            None,
            None,
            None,
            "A/C Open Date :19/07/2020",
        ],
        [*blank4, "Account Status :Regular"],
        [*blank4, "RTGS/NEFT IFSC :HDFC0000572   MICR :110240093"],
        [],
        ["*" * 180],
        HDFC_HEAD,
        HDFC_RULE,
    ]
    for day, narration, reference, out, into, balance in lines:
        rows.append([date_cell(day), narration, reference, date_cell(day), out, into, balance])
    rows += [
        [],
        HDFC_RULE,
        ["*" * 129],
        [],
        ["STATEMENT SUMMARY  :-"],
        ["Opening Balance", None, None, None, "Debits", "Credits", "Closing Bal"],
        [13399.36, None, None, None, 8500.0, 14250.5, 19149.86],
        [],
        [*blank4, "Dr Count", "Cr Count"],
        [*blank4, 3, 2],
        [],
        [],
        [
            "Generated On:",
            "02-NOV-2026 15:03:26",
            "Generated By:",
            "329788386",
            "Requesting Branch Code:",
            "NET",
        ],
        [],
        ["This is a computer generated statement and does not require signature."],
        ["HDFC BANK LIMITED."],
        ["*Closing balance includes funds earmarked for hold and uncleared funds"],
        [],
        ["State account branch GSTN:", "06AAACH2702H1Z4"],
        ["---  End Of Statement ---"],
    ]
    return rows


DATE_CELLS: dict[str, Callable[[date], Any]] = {
    "text dd/mm/yy": lambda day: day.strftime("%d/%m/%y"),
    "real dates": lambda day: datetime(day.year, day.month, day.day),
    "serial numbers": to_excel_serial,  # date cells that lost their format
}


@pytest.mark.parametrize("kind", sorted(DATE_CELLS))
def test_hdfc_statement_with_its_summary_block(kind: str, xlsx: Callable[..., Path]) -> None:
    path = xlsx({"Sheet 1": hdfc_rows(DATE_CELLS[kind])}, name="Acct_Statement_XX5678.xlsx")
    lines = read_statement(str(path))
    assert lines.issues == []  # the summary's 13399.36 under Date is no date, nor an error
    # the reversal of 5 Oct is money back in: 530.44 in, not out
    assert totals(lines) == (5, 53044 + 850000, 1200000 + 53044 + 225050)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-SBIN0001234-VARDHAMAN RETAIL-SBINN52026100112345", 1200000),
        (
            date(2026, 10, 31),
            "UPI-OM SAI LOGISTICS-omsai@okaxis-UTIB0000123-630412345678-INV 77",
            225050,
        ),
    ]
    assert lines.frame["row"].tolist() == [23, 24, 25, 26, 27]
    assert (lines.opening, lines.closing) == (1339936, 1914986)
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "50200012345678")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))
    findings, _ = check_statement(lines.frame, lines.findings)
    assert findings == []  # the running balance chains through the reversal


def test_hdfc_summary_that_disagrees_with_the_lines_is_an_integrity_finding(
    xlsx: Callable[..., Path],
) -> None:
    """Every line is read (no issue); the summary's figures that the lines do not add up to
    are findings at the summary's row, the statement's figure beside the lines'."""
    without_cheque = [line for line in HDFC_LINES if "CHQ PAID" not in line[1]]
    rows = hdfc_rows(DATE_CELLS["text dd/mm/yy"], without_cheque)
    lines = read_statement(str(xlsx({"Sheet 1": rows}, name="hdfc.xlsx")))
    assert totals(lines) == (4, 53044, 1478094)
    assert lines.issues == []
    findings, _ = check_statement(
        lines.frame, lines.findings
    )  # the footer's first, then the balance break
    assert [(f.row, f.check) for f in findings] == [
        (33, "Statement total"),
        (36, "Statement total"),
        (26, "Balance break"),
    ]
    assert [f.detail.split(". ")[0] for f in findings[:2]] == [
        "Row 33: the statement gives total debits of 8,500.00, but the lines read add up to "
        "0.00 (difference 8,500.00)",
        "Row 36: the statement counts 3 debit line(s), but 2 were read",
    ]


def test_hdfc_clean_statement_reconciles_with_exit_0(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    bank = xlsx({"Sheet 1": hdfc_rows(DATE_CELLS["text dd/mm/yy"])}, name="hdfc.xlsx")
    books = tmp_path / "books.xlsx"
    ledger = [
        ["Kaveri Traders Pvt Ltd"],
        ["HDFC Bank Ledger"],
        ["1-Oct-2026 to 31-Oct-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        ["01-10-2026", "Opening Balance", None, None, 13399.36, None],
        ["01-10-2026", "Vardhaman Retail", "Receipt", "R1", 12000.0, None],
        ["04-10-2026", "Uber India", "Payment", "P1", None, 530.44],
        ["05-10-2026", "Uber India", "Receipt", "R2", 530.44, None],
        ["10-10-2026", "Kaveri Electricals", "Payment", "P2", None, 8500.0],
        ["31-10-2026", "Om Sai Logistics", "Receipt", "R3", 2250.5, None],
        [None, "Closing Balance", None, None, None, 19149.86],
    ]
    xlsx({"Ledger": ledger}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 0


# -- Axis Bank: the CSV of net banking ---------------------------------------------------------

AXIS_CSV = (
    "Name :- BELZ INSTRUMENTS PVT LTD  .\r\n"
    '"Joint Holder :-- "\r\n'
    '"5L-123, NIT"\r\n'
    "FARIDABAD\r\n"
    "HARYANA\r\n"
    "121001\r\n"
    "Currency :-    INR\r\n"
    "Customer No :-    891261531\r\n"
    "Scheme :-    RURAL BUSINESS BANKING( CASH CREDIT FACILITY)\r\n"
    "IFSC Code :-    UTIB0003202\r\n"
    "MICR Code :-    110211196\r\n"
    "Nominee Registered :-    null\r\n"
    "CKYC Number :-    **********9948\r\n"
    "Statement of Account No - 922030048910705 for the period (From : 01/10/2026 To : "
    "31/10/2026)\r\n"
    "S.No,Transaction Date (dd/mm/yyyy),Value Date (dd/mm/yyyy),Particulars,Amount(INR),"
    "Debit/Credit,Balance(INR),Cheque Number,Branch Name(SOL)\r\n"
    '1,,,OPENING BALANCE,,,"-,77,65,682.30",,FARIDABAD BK CH FAR HR\r\n'
    "2,01/10/2026,01/10/2026,NEFT/HDFCH00395034887/MARUTI SUZUKI INDIA LTD/HDFC BANK/0001173122,"
    '"\t7,560.00",CR,"-,77,58,122.30",,"FARIDABAD BK CH FAR HR (248) "\r\n'
    "3,01/10/2026,01/10/2026,AUR079208695217_EMI_01-10-2026_BELZ INSTRUMENTS PV,"
    '"\t20,867.00",DR,"-,77,78,989.30",,"FARIDABAD BK CH FAR HR (245) "\r\n'
    "4,15/10/2026,15/10/2026,INB/NEFT/AXOIC21326107074/VAISHALI NEHRA/KOTAK MAHINDRA BANK /,"
    '"\t1,50,000.00",DR,"-,79,28,989.30",,"FARIDABAD BK CH FAR HR (3202) "\r\n'
    "5,31/10/2026,31/10/2026,NEFT/SCBLH23100758250/SUN PHARMA LABORATORIES LIMI/STANDARD "
    'CHARTERED B/VC 0010004284,"\t3,11,760.00",CR,"-,76,17,229.30",,"FARIDABAD BK CH FAR HR '
    '(248) "\r\n'
    '6,,,TRANSACTION TOTAL DR/CR,"\t1,70,867.00/\t3,19,320.00",,,,FARIDABAD BK CH FAR HR\r\n'
    '7,,,CLOSING BALANCE,,,"-,76,17,229.30",,FARIDABAD BK CH FAR HR\r\n'
    '"Unless the constituent notifies the bank immediately of any discrepancy found by him/her '
    "in this statement of Account, it will be taken that he/she has found the account correct.\r\n"
    "The closing balance as shown/displayed includes not only the credit balance and / or "
    "overdraft limit, but also funds which are under clearing.\r\n"
    "\r\n"
    "REGISTERED OFFICE - AXIS BANK LTD,TRISHUL,Opp. Samartheswar Temple, Near Law Garden, "
    'Ellisbridge, Ahmedabad .380006.This is a system generated output and requires no signature."\r\n'
    "legend :\r\n"
    "\r\n"
    "ICONN    -  Transaction trough Internet Banking\r\n"
    "CLG        -  Cheque Clearing Transaction\r\n"
    "Int.pd     -  Interest paid to customer\r\n"
)


def test_axis_csv_with_tabbed_amounts_and_an_overdrawn_balance(tmp_path: Path) -> None:
    path = tmp_path / "Account_Statement_Report_01-11-2026_1012hrs.CSV"
    path.write_bytes(AXIS_CSV.encode("ascii"))
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (4, 2086700 + 15000000, 756000 + 31176000)
    assert first_and_last(lines) == [
        (
            date(2026, 10, 1),
            "NEFT/HDFCH00395034887/MARUTI SUZUKI INDIA LTD/HDFC BANK/0001173122",
            756000,
        ),
        (
            date(2026, 10, 31),
            "NEFT/SCBLH23100758250/SUN PHARMA LABORATORIES LIMI/STANDARD CHARTERED B/VC 0010004284",
            31176000,
        ),
    ]
    assert lines.frame["balance"].tolist() == [-775812230, -777898930, -792898930, -761722930]
    assert (lines.opening, lines.closing) == (-776568230, -761722930)
    assert (lines.company, lines.account) == ("BELZ INSTRUMENTS PVT LTD", "922030048910705")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_axis_total_that_disagrees_with_the_lines_is_an_integrity_finding(
    tmp_path: Path,
) -> None:
    path = tmp_path / "axis.csv"
    path.write_text(AXIS_CSV.replace("1,70,867.00", "1,70,876.00"), encoding="ascii")
    lines = read_statement(str(path))
    assert len(lines.frame) == 4
    assert lines.issues == []
    [finding] = check_statement(lines.frame, lines.findings)[0]
    assert finding.row == 21  # TRANSACTION TOTAL DR/CR
    assert finding.detail.startswith(
        "Row 21: the statement gives total debits of 1,70,876.00, but the lines read add up to "
        "1,70,867.00 (difference 9.00)."
    )


def test_a_summary_mismatch_explained_by_an_unreadable_cell_says_so(tmp_path: Path) -> None:
    path = tmp_path / "axis.csv"
    path.write_text(AXIS_CSV.replace('"\t20,867.00"', '"\t20,8x67.00"'), encoding="ascii")
    lines = read_statement(str(path))
    assert totals(lines) == (3, 15000000, 756000 + 31176000)
    [cell] = lines.issues
    assert (cell.severity, cell.cell) == (Severity.ERROR, "E18")
    assert "'20,8x67.00' is not an amount" in cell.problem
    finding, balance_break = check_statement(lines.frame, lines.findings)[0]
    assert balance_break.check == "Balance break"
    assert finding.detail.endswith(
        "1 line(s) could not be read (see the Issues sheet), which may explain it."
    )


# Kotak's CSV (`Sl. No., Transaction Date, Value Date, Description, Chq / Ref No., Amount,
# Dr / Cr, Balance, Dr / Cr`) with its footer of labels over figures; this one's Closing
# balance is 100.00 more than the lines come to (found on a user's file, rebuilt here).
KOTAK_BAD_FOOTER = (
    "Account Statement\n"
    "Account No.,1234567890\n"
    "Account Name,ACME TRADERS PVT LTD\n"
    "Period,01-04-2026 to 30-04-2026\n"
    "\n"
    "Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Amount,Dr / Cr,Balance,"
    "Dr / Cr\n"
    '1,02-04-2026,02-04-2026,NEFT-SHREE SUPPLIERS-INV 101,NEFT0001,"25,000.00",DR,'
    '"1,75,000.00",CR\n'
    '2,03-04-2026,03-04-2026,IMPS-RAVI KUMAR CUSTOMER,IMPS4455,"50,000.00",CR,"2,25,000.00",CR\n'
    '3,05-04-2026,05-04-2026,CHQ PAID 000123,000123,"12,345.67",DR,"2,12,654.33",CR\n'
    '4,20-04-2026,21-04-2026,UPI/ABC STORES/412345678901,412345678901,"1,500.50",DR,'
    '"2,11,153.83",CR\n'
    "\n"
    "Opening balance,Total Debit,Total Credit,Closing balance\n"
    '"2,00,000.00","38,846.17","50,000.00","2,11,253.83"\n'
)


def test_a_footer_that_disagrees_is_a_finding_not_an_unreadable_line(tmp_path: Path) -> None:
    """Every line read: the BRS says so (no "could not be read"), no Issues sheet; the
    Integrity sheet names the footer's row, its figure and the lines'."""
    from xlbo.jobs.reconcile import run_reconcile

    bank = tmp_path / "kotak.csv"
    bank.write_text(KOTAK_BAD_FOOTER, encoding="utf-8")
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/04/2026,Opening Balance,,,200000.00,\n"
        "02/04/2026,Shree Suppliers,Payment,1,,25000.00\n"
        "03/04/2026,Ravi Kumar,Receipt,2,50000.00,\n"
        "05/04/2026,Cheque 000123,Payment,3,,12345.67\n"
        "20/04/2026,ABC Stores,Payment,4,,1500.50\n",
        encoding="utf-8",
    )
    lines = read_statement(str(bank))
    assert lines.issues == []
    assert totals(lines) == (4, 2500000 + 1234567 + 150050, 5000000)
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    result = run_reconcile(bank, books, report=out)
    assert result.issues == [] and result.brs.difference == 0
    sheets = {sheet.name: sheet for sheet in result.sheets}
    assert "Issues" not in sheets
    assert not any("could not be read" in line for line in sheets["Summary"].title)
    assert (
        "The BRS ties: difference 0.00. Look at the 1 integrity finding(s) first: the statement "
        "does not agree with itself." in sheets["Summary"].title
    )
    assert sheets["Integrity"].frame.values.tolist() == [
        [
            13,
            "Statement total",
            "Row 13: the statement gives a closing balance of 2,11,253.83, but its opening "
            "balance 2,00,000.00 and the lines read come to 2,11,153.83 (difference 100.00). A "
            "line may be missing from the download, or the figure is wrong: compare the lines "
            "with the bank's statement.",
        ]
    ]


def test_axis_tran_date_layout_with_padded_amounts(tmp_path: Path) -> None:
    path = tmp_path / "Axis 086 account.csv"
    path.write_text(
        "Name :- SAURABH VIKAS GADKARI (HUF)\n"
        "Joint Holder :- -\n"
        "FLAT NO B 602 WOODSVILLE PHASE 2 NEAR\n"
        "Customer ID :- 948377135\n"
        "IFSC Code :- UTIB0004875\n"
        "MICR Code :- 411211079\n"
        "\n"
        "Statement of Account No - 923010008070086 for the period (From : 01-10-2026 To : "
        "31-10-2026)\n"
        "\n"
        "Tran Date,CHQNO,PARTICULARS,DR,CR,BAL,SOL\n"
        "02-10-2026,-,NBSM/96863804/CRED(RAZORPAY)/,              4439.59, ,           604111.30,4875\n"
        "09-10-2026,-,SB:923010008070086:Int.Pd:01-07-2026 to 30-09-2026, ,              4538.00,"
        "           608649.30,4875\n"
        "21-10-2026,000451,IMPS/P2A/511110688643/SHUBHANG/ICICIBAN/IMPSTran, ,            "
        "200000.00,           808649.30,4875\n"
        "30-10-2026,-,NBSM/102638216/DREAMPLUG TECHNOLOGIES PVT LTD (PA,             62995.63, ,"
        "           745653.67,4875\n"
        "\n"
        '"Unless the constituent notifies the bank immediately of any discrepancy found by '
        "him/her in this statement of Account, it will be taken that he/she has found the "
        'account correct. "\n'
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (4, 443959 + 6299563, 453800 + 20000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 2), "NBSM/96863804/CRED(RAZORPAY)/", -443959),
        (date(2026, 10, 30), "NBSM/102638216/DREAMPLUG TECHNOLOGIES PVT LTD (PA", -6299563),
    ]
    # a dash is no cheque: no reference the lines could share (statements3)
    assert lines.frame["reference"].tolist() == ["", "", "000451", ""]
    assert (lines.company, lines.account) == ("SAURABH VIKAS GADKARI (HUF)", "923010008070086")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- ICICI Bank: the Detailed Statement --------------------------------------------------------


def test_icici_detailed_statement(xlsx: Callable[..., Path]) -> None:
    rows: list[Row] = [
        [None, "DETAILED STATEMENT"],
        [],
        [None, "Transactions List - DECCAN OFFICE SUPPLIES (INR) - 000405012345"],
        [],
        [None, "Transaction Date from 01/10/2026 to 31/10/2026"],
        [],
        [
            None,
            "S No.",
            "Value Date",
            "Transaction Date",
            "Cheque Number",
            "Transaction Remarks",
            "Withdrawal Amt (INR)",
            "Deposit Amt (INR)",
            "Balance (INR )",
        ],
        [
            None,
            1,
            "02/10/2026",
            "01/10/2026",
            "-",
            "NEFT-HDFCN52026100112345-KAVERI ELECTRICALS",
            0,
            15000.0,
            65000.0,
        ],
        [
            None,
            2,
            "03/10/2026",
            "03/10/2026",
            "451",
            "CLG/SHREE BALAJI TRADERS/451",
            7250.5,
            0,
            57749.5,
        ],
        [
            None,
            3,
            "15/10/2026",
            "15/10/2026",
            "-",
            "BIL/ONL/000123456789/BESCOM/BANGALORE",
            1980.0,
            0,
            55769.5,
        ],
        [
            None,
            4,
            "31/10/2026",
            "31/10/2026",
            "-",
            "UPI/630412345678/OM SAI LOGIST/omsai@okaxis/Axis Bank",
            0,
            4200.0,
            59969.5,
        ],
        [],
        [None, "Legends Used in Account Statement"],
        [None, "INF - Internet Fund Transfer"],
        [None, "BIL - Internet Bill Payment"],
        [None, "CLG - Cheque Clearing"],
    ]
    lines = read_statement(str(xlsx({"OpTransactionHistory": rows}, name="DetailedStatement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 725050 + 198000, 1500000 + 420000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT-HDFCN52026100112345-KAVERI ELECTRICALS", 1500000),
        (date(2026, 10, 31), "UPI/630412345678/OM SAI LOGIST/omsai@okaxis/Axis Bank", 420000),
    ]
    assert lines.frame["value_date"].iloc[0] == date(2026, 10, 2)
    assert lines.frame["reference"].tolist() == ["", "451", "", ""]
    assert (lines.company, lines.account) == ("DECCAN OFFICE SUPPLIES", "000405012345")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- Central Bank of India ---------------------------------------------------------------------


def test_central_bank_of_india_reads_its_account_description(xlsx: Callable[..., Path]) -> None:
    rows: list[Row] = [
        ["CENTRAL BANK OF INDIA"],
        ["Account Statement"],
        ["Account Name", ":", "SHREE BALAJI TRADERS"],
        ["Account Number", ":", "3456789012"],
        ["Period", ":", "01/10/2026 to 31/10/2026"],
        [],
        [
            "Post Date",
            "Value Date",
            "Branch Code",
            "Cheque Number",
            "Account Description",
            "Debit",
            "Credit",
            "Balance",
        ],
        [
            "01/10/2026",
            "01/10/2026",
            "3172",
            None,
            "BY TRANSFER-UPI/CR/630412345678/RAMESH KUMAR/SBIN",
            None,
            "500.00",
            "10,500.00Cr",
        ],
        [
            "01/10/2026",
            "01/10/2026",
            "3172",
            None,
            "BY TRANSFER-UPI/CR/630412349999/SURESH PATEL/HDFC",
            None,
            "500.00",
            "11,000.00Cr",
        ],
        [
            "20/10/2026",
            "20/10/2026",
            "3172",
            "000117",
            "TO CLG-CHQ 000117 MAHALAXMI STEEL",
            "7,400.00",
            None,
            "3,600.00Cr",
        ],
        [
            "31/10/2026",
            "31/10/2026",
            "3172",
            None,
            "BY TRANSFER-NEFT-SBIN0001234-GANESH AGENCIES",
            None,
            "2,100.00",
            "5,700.00Cr",
        ],
        [],
        ["** This is a computer generated statement and does not require a signature **"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="cbi.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 740000, 310000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER-UPI/CR/630412345678/RAMESH KUMAR/SBIN", 50000),
        (date(2026, 10, 31), "BY TRANSFER-NEFT-SBIN0001234-GANESH AGENCIES", 210000),
    ]
    findings, unique = check_statement(lines.frame, lines.findings)
    assert findings == [] and len(unique) == 4  # two UPI credits of 500 the same day: two lines
    assert (lines.company, lines.account) == ("SHREE BALAJI TRADERS", "3456789012")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- SBI: a reversal written as a negative deposit ---------------------------------------------


def test_negative_amounts_are_reversals_not_their_size(tmp_path: Path) -> None:
    path = tmp_path / "sbi.csv"
    path.write_text(
        "State Bank of India\n"
        "Account Name,:,MR RAVI SHANKAR\n"
        "Account Number,:,00000031234567890\n"
        "Account Statement from 1 Oct 2026 to 31 Oct 2026\n"
        "\n"
        "Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n"
        '1 Oct 2026,1 Oct 2026,BY TRANSFER-NEFT*SBIN0001*KAVERI HOME,,,"5,000.00","15,000.00"\n'
        '2 Oct 2026,2 Oct 2026,REV-BY TRANSFER-NEFT*SBIN0001*KAVERI HOME,,,"-5,000.00","10,000.00"\n'
        '3 Oct 2026,3 Oct 2026,TO TRANSFER-UPI/DR/630412345678/BESCOM,,"1,200.00",,"8,800.00"\n'
        '4 Oct 2026,4 Oct 2026,REV-UPI/DR/630412345678/BESCOM,,(1200.00),,"10,000.00"\n'
        "\n"
        "**This is a computer generated statement and does not require a signature\n"
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert lines.frame["debit"].tolist() == [0, 500000, 120000, 0]
    assert lines.frame["credit"].tolist() == [500000, 0, 0, 120000]
    assert totals(lines) == (4, 620000, 620000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER-NEFT*SBIN0001*KAVERI HOME", 500000),
        (date(2026, 10, 4), "REV-UPI/DR/630412345678/BESCOM", 120000),
    ]
    assert (
        check_statement(lines.frame, lines.findings)[0] == []
    )  # the balances chain: the signs were right
    assert (lines.company, lines.account) == ("MR RAVI SHANKAR", "00000031234567890")


# -- several sheets, one a month ---------------------------------------------------------------

SBI_HEAD = [
    "Txn Date",
    "Value Date",
    "Description",
    "Ref No./Cheque No.",
    "Debit",
    "Credit",
    "Balance",
]


def test_every_sheet_with_a_statement_is_read_in_workbook_order(
    xlsx: Callable[..., Path],
) -> None:
    october = [
        ["Account Statement from 1 Oct 2026 to 31 Oct 2026"],
        SBI_HEAD,
        ["1 Oct 2026", "1 Oct 2026", "BY TRANSFER-NEFT-A", None, None, 1000.0, 11000.0],
        ["30 Oct 2026", "30 Oct 2026", "TO CLG-CHQ 000451-B", "000451", 250.75, None, 10749.25],
    ]
    november = [
        ["Account Statement from 1 Nov 2026 to 30 Nov 2026"],
        [],
        SBI_HEAD,
        ["2 Nov 2026", "2 Nov 2026", "BY TRANSFER-NEFT-C", None, None, 500.0, 11249.25],
        ["28 Nov 2026", "28 Nov 2026", "TO TRANSFER-UPI-D", None, 49.25, None, 11200.0],
        ["**This is a computer generated statement"],
    ]
    notes = [["Statements downloaded for the audit"], ["Prepared by", "Accounts"]]
    path = xlsx({"Read Me": notes, "Oct 2026": october, "Nov 2026": november}, name="sbi.xlsx")

    lines = read_statement(str(path))
    assert lines.sheet == "Oct 2026"
    assert totals(lines) == (4, 25075 + 4925, 100000 + 50000)
    assert lines.frame["sheet"].astype(str).tolist() == ["Oct 2026"] * 2 + ["Nov 2026"] * 2
    assert lines.frame["row"].tolist() == [3, 4, 4, 5]
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER-NEFT-A", 100000),
        (date(2026, 11, 28), "TO TRANSFER-UPI-D", -4925),
    ]
    assert lines.period == (date(2026, 10, 1), date(2026, 11, 30))
    assert (
        check_statement(lines.frame, lines.findings)[0] == []
    )  # the balance runs on from sheet to sheet

    november_only = read_statement(str(path), sheet="Nov 2026")
    assert november_only.sheet == "Nov 2026"
    assert totals(november_only) == (2, 4925, 50000)
    assert november_only.frame["sheet"].astype(str).tolist() == ["Nov 2026"] * 2

    with pytest.raises(SheetProblem, match=r"sbi.xlsx has no sheet named 'Dec 2026' \(it has: "):
        read_statement(str(path), sheet="Dec 2026")
    with pytest.raises(SheetProblem, match="Read Me: no header row"):
        read_statement(str(path), sheet="Read Me")


def test_a_hidden_sheet_is_not_read_unless_named(xlsx: Callable[..., Path]) -> None:
    # October's statement, and September's left on a sheet someone hid: the hidden one is not
    # read into October (its line and its balance would be), the user is told, --sheet reads it
    october = [
        SBI_HEAD,
        ["1 Oct 2026", "1 Oct 2026", "BY TRANSFER-NEFT-A", None, None, 1000.0, 11000.0],
        ["30 Oct 2026", "30 Oct 2026", "TO CLG-CHQ 000451-B", "000451", 250.75, None, 10749.25],
    ]
    september = [
        SBI_HEAD,
        ["3 Sep 2026", "3 Sep 2026", "BY TRANSFER-OLD SEPT LINE", None, None, 777.0, 10000.0],
    ]
    path = xlsx({"Oct": october, "Old": september}, name="sbi.xlsx")
    book = openpyxl.load_workbook(path)
    book["Old"].sheet_state = "hidden"
    book.save(path)

    lines = read_statement(str(path))
    assert totals(lines) == (2, 25075, 100000)
    assert lines.frame["sheet"].astype(str).unique().tolist() == ["Oct"]
    (issue,) = [i for i in lines.issues if i.sheet == "Old"]
    assert issue.severity is Severity.WARNING
    assert issue.problem == (
        "the sheet is hidden and holds 1 statement line(s), 03-09-2026 to 03-09-2026: they were "
        "not read"
    )
    assert '--sheet "Old"' in issue.hint
    assert totals(read_statement(str(path), sheet="Old")) == (1, 0, 77700)

    book["Oct"].sheet_state = "hidden"  # nothing shown holds a statement: say where one is
    book["Old"].sheet_state = "visible"
    book.create_sheet("Read Me", 0).append(["Statements for the audit"])
    book.active = 0
    book["Old"].sheet_state = "hidden"
    book.save(path)
    with pytest.raises(NoStatement, match=r"sheets 'Oct', 'Old' hold one each, but are hidden"):
        read_statement(str(path))


def test_a_hidden_sheet_that_cannot_be_read_stops_no_run(
    xlsx: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # whatever stops a hidden sheet's reading (here any SheetProblem past "no statement") is a
    # warning naming the sheet: the user does not see that sheet and did not ask for it
    october = [SBI_HEAD, ["1 Oct 2026", "1 Oct 2026", "BY NEFT-A", None, None, 1000.0, 11000.0]]
    path = xlsx({"Oct": october, "Old": october}, name="sbi.xlsx")
    book = openpyxl.load_workbook(path)
    book["Old"].sheet_state = "hidden"
    book.save(path)
    reader = statement._read_sheet

    def refusing(source: Any, sheet: str, mapping: Any, *period: Any) -> Lines:
        if sheet == "Old":
            raise SheetProblem("sbi.xlsx, sheet Old: the Balance column holds a date")
        return reader(source, sheet, mapping, *period)

    monkeypatch.setattr(statement, "_read_sheet", refusing)
    lines = read_statement(str(path))
    assert totals(lines) == (1, 0, 100000)
    (issue,) = lines.issues
    assert (issue.severity, issue.sheet) == (Severity.WARNING, "Old")
    assert issue.problem == (
        "the sheet is hidden and was not read; read as a statement, it gives: sbi.xlsx, sheet "
        "Old: the Balance column holds a date"
    )
    book["Old"].sheet_state = "visible"  # a sheet the user sees: its problem stops the run
    book.save(path)
    with pytest.raises(SheetProblem, match="the Balance column holds a date"):
        read_statement(str(path))


def test_two_accounts_on_two_sheets_are_not_joined_into_one_statement(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # the current account and the overdraft, each on its own sheet with the same columns: the
    # second's balance does not run on from the first's, so they are no one statement
    current = [
        SBI_HEAD,
        ["2 Oct 2026", "2 Oct 2026", "BY TRANSFER-NEFT-A", None, None, 1000.0, 11000.0],
        ["20 Oct 2026", "20 Oct 2026", "TO CHARGES", None, 590.0, None, 10410.0],
    ]
    overdraft = [
        SBI_HEAD,
        ["4 Oct 2026", "4 Oct 2026", "TO OD INTEREST", None, 8888.0, None, -508888.0],
    ]
    path = xlsx({"CA 1234": current, "OD 9999": overdraft}, name="sbi.xlsx")
    with pytest.raises(SheetProblem) as refused:
        read_statement(str(path))
    assert str(refused.value) == (
        "sbi.xlsx holds statements on 2 sheets that are not one statement (they cover the same "
        "days, and one sheet's balance does not run on from the other's): sheet 'CA 1234' "
        "02-10-2026 to 20-10-2026, "
        "opening 10,000.00, closing 10,410.00; sheet 'OD 9999' 04-10-2026 to 04-10-2026, opening "
        "-5,00,000.00, closing -5,08,888.00. Give --sheet with the name of the one to reconcile "
        "(and reconcile each account against its own ledger)."
    )
    assert totals(read_statement(str(path), sheet="OD 9999")) == (1, 888800, 0)
    books = xlsx({"Ledger": [["Date", "Particulars", "Debit", "Credit"]]}, name="books.xlsx")
    out = path.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(path), "--ledger", str(books), "--out", str(out)])
    assert code == 2 and "Give --sheet with the name" in capsys.readouterr().err
    assert not out.exists()


def test_a_month_whose_balance_does_not_run_on_from_the_last_is_joined_and_the_break_found(
    xlsx: Callable[..., Path],
) -> None:
    # October then November, a line missing between them: one account's months still, read
    # together, and the balance chain says where the break is
    october = [SBI_HEAD, ["1 Oct 2026", "1 Oct 2026", "BY NEFT-A", None, None, 1000.0, 11000.0]]
    november = [SBI_HEAD, ["2 Nov 2026", "2 Nov 2026", "BY NEFT-C", None, None, 500.0, 12500.0]]
    path = xlsx({"Oct": october, "Nov": november}, name="sbi.xlsx")
    lines = read_statement(str(path))
    assert totals(lines) == (2, 0, 150000)
    (finding,) = check_statement(lines.frame, lines.findings)[0]
    assert finding.check == "Balance break" and "difference 1,000.00" in finding.detail


@pytest.mark.parametrize(
    ("november_account", "november_opening", "joined"),
    [
        ("00000098765432100", 11000.0, True),  # balances run on: one account, a warning
        ("00000098765432100", 15000.0, False),  # nor do they run on: another account
        ("XXXXXXXXXXXXX8901", 15000.0, True),  # masked: the same number, a break in the chain
        ("000000123XXXX8901", 15000.0, True),  # masked in the middle, as HDFC prints it
        ("000000129XXXX8901", 15000.0, False),  # masked in the middle, other digits shown
    ],
)
def test_sheets_whose_headings_name_other_accounts_are_not_one_statement(
    xlsx: Callable[..., Path], november_account: str, november_opening: float, joined: bool
) -> None:
    # the headings' numbers decide, compared on the digits both show from the right; numbers
    # that differ are another account's unless every balance runs on from the last sheet's
    def sheet(account: str, line: list[Any]) -> list[list[Any]]:
        return [["Account Number", ":", account], [], SBI_HEAD, line]

    october = sheet(
        "00000012345678901", ["1 Oct 2026", "1 Oct 2026", "BY NEFT-A", None, None, 1000.0, 11000.0]
    )
    november = sheet(
        november_account,
        ["2 Nov 2026", "2 Nov 2026", "BY NEFT-C", None, None, 500.0, november_opening + 500.0],
    )
    path = xlsx({"Oct": october, "Nov": november}, name="sbi.xlsx")
    if not joined:
        with pytest.raises(SheetProblem, match=r"\(their headings name different accounts\): "):
            read_statement(str(path))
        return
    lines = read_statement(str(path))
    assert totals(lines) == (2, 0, 150000)
    warnings = [i.problem for i in lines.issues if i.severity is Severity.WARNING]
    if november_account.startswith("000000987"):
        assert warnings == [
            "the sheets' headings give different account numbers (sheet 'Oct' "
            "00000012345678901, sheet 'Nov' 00000098765432100), but each sheet's balance runs "
            "on from the last's: they were read as one account's statement"
        ]
    else:
        assert warnings == []


# -- decimal commas ----------------------------------------------------------------------------


def test_decimal_commas_are_read_at_their_value(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Account statement;;;;\n"
        "Date;Description;Debit;Credit;Balance\n"
        "01/10/2026;NEFT CR VARDHAMAN RETAIL;;1.234,56;11.234,56\n"
        "02/10/2026;CHQ 000451 KAVERI;999,00;;10.235,56\n"
        "03/10/2026;SMS CHGS;12,5;;10.223,06\n"
        "31/10/2026;NEFT CR OM SAI;;2.000.000,00;2.010.223,06\n"
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert lines.frame["debit"].tolist() == [0, 99900, 1250, 0]
    assert totals(lines) == (4, 101150, 123456 + 200000000)
    assert lines.frame["balance"].tolist() == [1123456, 1023556, 1022306, 201022306]
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR VARDHAMAN RETAIL", 123456),
        (date(2026, 10, 31), "NEFT CR OM SAI", 200000000),
    ]


def test_a_column_that_does_not_prove_its_decimal_mark_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Date;Description;Debit;Credit;Balance\n"
        "01/10/2026;NEFT CR VARDHAMAN RETAIL;;1.234,56;11.234,56\n"
        "02/10/2026;CHQ 000451 KAVERI;1,234;;10.000,56\n"  # ₹1,234 or ₹1.234?
        "03/10/2026;NEFT CR OM SAI;;500,00;10.500,56\n"
        "04/10/2026;CHQ 000452 OM SAI;2.500;;8.000,56\n"  # ₹2,500 or ₹2.500?
    )
    lines = read_statement(str(path))
    assert totals(lines) == (2, 0, 123456 + 50000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR VARDHAMAN RETAIL", 123456),
        (date(2026, 10, 3), "NEFT CR OM SAI", 50000),
    ]
    first, second = lines.issues
    assert (first.severity, first.cell) == (Severity.ERROR, "C3")
    assert "'1,234' could be 1,234 or 1.234" in first.problem
    assert (second.severity, second.cell) == (Severity.ERROR, "C5")
    assert "'2.500' could be 2.500 or 2,500" in second.problem


def test_indian_grouping_is_not_a_decimal_comma(tmp_path: Path) -> None:
    path = tmp_path / "hdfc.csv"
    path.write_text(
        "Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        '01/10/26,NEFT CR-A,,01/10/26,,"1,23,456.50","12,34,567.00"\n'
        '02/10/26,CHQ PAID-B,000451,02/10/26,"1,000",,"12,33,567.00"\n'
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (2, 100000, 12345650)


# -- encodings ---------------------------------------------------------------------------------

ENCODED_ROWS = [
    ["Account Name", ":", "CAFÉ MOCHA – PUNE’S"],
    ["Txn Date", "Value Date", "Description", "Ref No./Cheque No.", "Debit", "Credit", "Balance"],
    ["01-10-2026", "01-10-2026", "BY TRANSFER-NEFT-CAFÉ MOCHA", "", "", "2500.00", "12500.00"],
    ["02-10-2026", "02-10-2026", "TO TRANSFER-UPI-D’SOUZA – RENT", "", "1200.00", "", "11300.00"],
]


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [("utf-16", "\t"), ("utf-16", ","), ("utf-8-sig", ","), ("cp1252", ","), ("utf-8", ";")],
)
def test_csv_encodings_are_detected(encoding: str, separator: str, tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    text = "\r\n".join(separator.join(row) for row in ENCODED_ROWS) + "\r\n"
    path.write_bytes(text.encode(encoding))
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (2, 120000, 250000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER-NEFT-CAFÉ MOCHA", 250000),
        (date(2026, 10, 2), "TO TRANSFER-UPI-D’SOUZA – RENT", -120000),
    ]
    assert lines.company == "CAFÉ MOCHA – PUNE’S"


def test_utf8_with_one_stray_windows_byte_keeps_its_rupee_signs(tmp_path: Path) -> None:
    """A UTF-8 export with ₹ before every figure and one narration typed on Windows (an en dash,
    byte 0x96). Before: the whole file was decoded as Windows-1252, every ₹ became `â‚¹` and
    no amount was read; now the stray byte alone is read as Windows-1252."""
    path = tmp_path / "statement.csv"
    path.write_bytes(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        '01/10/2026,NEFT CR-JAY AMBE TRADERS,,"₹45,000.00","₹3,70,000.00"\n'.encode()
        + b'20/10/2026,NEFT DR-OM SAI FREIGHT \x96 OCT,"\xe2\x82\xb918,750.75",,'
        + '"₹3,51,249.25"\n'.encode()
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (2, 1875075, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), "NEFT DR-OM SAI FREIGHT – OCT", -1875075),
    ]
    assert lines.frame["balance"].tolist() == [37000000, 35124925]


def test_a_rupee_sign_saved_as_a_question_mark_is_read(tmp_path: Path) -> None:
    """An export saved as ANSI turns ₹ into `?`: `?45,000.00` is read as ₹45,000.00."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "Transaction Date,Transaction Remarks,Withdrawal Amount (INR ),Deposit Amount (INR ),"
        "Balance (INR )\n"
        '01-10-2026,NEFT CR-JAY AMBE TRADERS,,"?45,000.00","?3,70,000.00"\n'
        '20-10-2026,NEFT DR-OM SAI FREIGHT,"?18,750.75",,"?3,51,249.25"\n',
        encoding="cp1252",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (2, 1875075, 4500000)
    assert lines.frame["balance"].tolist() == [37000000, 35124925]


TERMS = "Customers are requested to verify the entries and report discrepancies within 15 days."
DEEP_LINES: list[Row] = [
    ["Date", "Narration", "Chq./Ref.No.", "Withdrawal", "Deposit", "Balance"],
    ["01/10/2026", "NEFT CR-JAY AMBE TRADERS", "N274261234567", "", "45,000.00", "3,70,000.00"],
    ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", "", "3,57,500.00"],
]


def test_a_header_under_45_rows_of_account_summary_and_terms_is_found(
    xlsx: Callable[..., Path],
) -> None:
    """A statement converted from a PDF whose first page is the account block and the terms:
    the header on row 46. Before: refused, the search stopping at row 40 (and --map too)."""
    rows: list[Row] = [["Account Statement"], ["Account No : 60123456789"]]
    rows += [[f"Note {n}: {TERMS}"] for n in range(1, 44)] + DEEP_LINES
    lines = read_statement(str(xlsx({"Statement": rows}, name="long-terms.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (2, 1250000, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 3), "CHQ PAID-000451-MEHTA & CO", -1250000),
    ]
    assert lines.frame["balance"].tolist() == [37000000, 35750000]


def test_map_finds_its_header_however_far_down_it_is(tmp_path: Path) -> None:
    """Past the first 1,000 rows only the headers --map names find the header row; the message
    that refuses such a file says how far was searched and recommends --map."""
    path = tmp_path / "deep.csv"
    terms = "".join(f"Note {n}: {TERMS}\n" for n in range(1, 1201))
    path.write_text(
        terms
        + "Posting Dt,Remarks,Money Out,Money In,Bal\n"
        + '01/10/2026,NEFT CR-JAY AMBE TRADERS,,"45,000.00","3,70,000.00"\n'
        + '03/10/2026,CHQ PAID-000451-MEHTA & CO,"12,500.00",,"3,57,500.00"\n',
        encoding="utf-8",
    )
    with pytest.raises(NoStatement, match=r"deep.csv, sheet deep: .* first 1,000 rows.*--map"):
        read_statement(str(path))
    mapping = {
        Role.DATE: "Posting Dt",
        Role.NARRATION: "Remarks",
        Role.WITHDRAWAL: "Money Out",
        Role.DEPOSIT: "Money In",
        Role.BALANCE: "Bal",
    }
    lines = read_statement(str(path), mapping=mapping)
    assert lines.issues == []
    assert totals(lines) == (2, 1250000, 4500000)
    assert lines.frame["balance"].tolist() == [37000000, 35750000]
    with pytest.raises(SheetProblem, match="--map names a column 'Posting Date' that the file"):
        read_statement(str(path), mapping={**mapping, Role.DATE: "Posting Date"})
    with pytest.raises(
        NoStatement,
        match=r"deep.csv, sheet deep: no row holds the headers --map names \(Txn Dt, Credit\)",
    ):
        read_statement(str(path), mapping={Role.DATE: "Txn Dt", Role.DEPOSIT: "Credit"})
    # the rows of a workbook open in Excel come as a list, searched the same way
    rows: list[Row] = [[f"Note {n}: {TERMS}"] for n in range(1, 1201)] + DEEP_LINES
    rows[1200] = ["Posting Dt", "Remarks", "Chq No", "Money Out", "Money In", "Bal"]
    assert statement._find_header(rows, mapping) == 1200


def test_a_statement_with_no_lines_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty-month.csv"
    path.write_text(
        "Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n"
        "**This is a computer generated statement\n"
    )
    with pytest.raises(SheetProblem, match="empty-month.csv: no statement lines were read"):
        read_statement(str(path))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_statement_of_its_header_alone_is_an_error_naming_the_file_never_a_crash(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the reconcile fuzz: an export cut to its titles and header (no line, no footer) ended in
    # "internal error (IndexError …)", exit 70
    header = ["Date", "Narration", "Chq./Ref.No.", "Value Dt", "Withdrawal Amt.", "Deposit Amt."]
    header.append("Closing Balance")
    titles = [["HDFC BANK Ltd.", "", "", "", "Page No .:  1"], ["Statement From : 01/10/2026"]]
    path = tmp_path / f"cut.{kind}"
    if kind == "csv":
        path.write_text(",".join(header) + "\n")
    else:
        book = openpyxl.Workbook()
        for row in [*titles, ["*" * 20] * 7, header]:
            book.active.append(row)
        book.save(path)
    books = tmp_path / "ledger.csv"
    books.write_text("Date,Particulars,Debit,Credit\n01/10/2026,Opening Balance,1000.00,\n")
    code = main(["reconcile", "--bank", str(path), "--ledger", str(books)])
    said = capsys.readouterr().err
    assert code == 2
    assert f"{path.name}: no statement lines were read" in said
    assert "internal error" not in said


# -- title lines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "titles",
    [
        [
            ["Customer Name :", "KAVERI TRADERS"],
            ["Account No. : 50200012345678"],
            ["Statement From : 01/10/2026 To : 31/10/2026"],
        ],
        [
            ["Account Holder", "KAVERI TRADERS"],
            ["A/c No", ":", "50200012345678"],
            ["Period: 01/10/2026 to 31/10/2026"],
        ],
        [
            ["Name :- KAVERI TRADERS"],
            [
                "Statement of account number 50200012345678 for the period 01-Oct-2026 to 31-Oct-2026"
            ],
        ],
    ],
)
def test_title_lines_name_the_account_and_the_period(
    titles: list[Row], xlsx: Callable[..., Path]
) -> None:
    rows = [
        *titles,
        [],
        SBI_HEAD,
        ["1 Oct 2026", "1 Oct 2026", "BY TRANSFER-NEFT-A", None, None, 1000.0, 11000.0],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert (lines.company, lines.account) == ("KAVERI TRADERS", "50200012345678")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_lines_after_a_total_are_reported_not_read(xlsx: Callable[..., Path]) -> None:
    """Lines below a total whose balance does not run on from the lines above it (another
    account's statement pasted under this one's) are reported, not read. (A page's total
    with the lines running on below it is layout: test_pdf_conversions.)"""
    rows = [
        SBI_HEAD,
        ["1 Oct 2026", "1 Oct 2026", "BY TRANSFER-NEFT-A", None, None, 1000.0, 11000.0],
        ["2 Oct 2026", "2 Oct 2026", "TO TRANSFER-UPI-B", None, 200.0, None, 10800.0],
        ["Total", None, None, None, 200.0, 1000.0, None],
        ["5 Oct 2026", "5 Oct 2026", "BY TRANSFER-NEFT-C", None, None, 300.0, 50300.0],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (2, 20000, 100000)
    [issue] = lines.issues
    assert (issue.severity, issue.cell) == (Severity.WARNING, "A5")
    assert "come after the statement's summary or totals at row 4" in issue.problem


def test_a_header_repeated_on_each_page_does_not_end_the_lines(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Statement of accounts", None, None, None, None, None, "Page 1"],
        HDFC_HEAD,
        ["01/10/26", "NEFT CR-A", "0000000000000000", "01/10/26", None, 1000.0, 11000.0],
        ["Statement of accounts", None, None, None, None, None, "Page 2"],
        HDFC_HEAD,
        ["02/10/26", "CHQ PAID-B", "000451", "02/10/26", 250.0, None, 10750.0],
        [],
        ["STATEMENT SUMMARY  :-"],
        ["Opening Balance", None, None, None, "Debits", "Credits", "Closing Bal"],
        [10000.0, None, None, None, 250.0, 1000.0, 10750.0],
    ]
    lines = read_statement(str(xlsx({"Sheet 1": rows}, name="pages.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (2, 25000, 100000)
    assert (lines.opening, lines.closing) == (1000000, 1075000)


def test_a_parquet_statement_keeps_its_lines_and_sheet(tmp_path: Path) -> None:
    path = tmp_path / "bank.parquet"
    pd.DataFrame(
        {
            "Date": ["01/10/2026", "02/10/2026", "03/10/2026"],
            "Narration": ["NEFT CR-A", "POS UBER", "POS UBER REVERSAL"],
            "Withdrawal Amt.": [None, 250.75, -250.75],
            "Deposit Amt.": [1500.0, None, None],
        }
    ).to_parquet(path)
    lines = read_statement(str(path))
    assert totals(lines) == (3, 25075, 150000 + 25075)  # the negative withdrawal came back in
    assert lines.frame["sheet"].astype(str).tolist() == ["bank"] * 3


def test_a_column_that_writes_every_withdrawal_negative_has_no_reversals(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "01/10/2026,NEFT CR-A,,1500.00,11500.00\n"
        "02/10/2026,ATM WDL,-2000.00,,9500.00\n"
        "03/10/2026,CHQ PAID-B,-250.75,,9249.25\n"
    )
    lines = read_statement(str(path))
    assert totals(lines) == (3, 225075, 150000)
    assert check_statement(lines.frame, lines.findings)[0] == []


def test_a_statement_exported_newest_first_is_read_in_the_order_it_happened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sbi-newest-first.csv"
    path.write_text(
        "Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n"
        "03/10/2026,03/10/2026,NEFT*HDFC0000001*SBINN1*OM SAI LOGISTICS,,,7000.00,144999.50\n"
        "02/10/2026,02/10/2026,TO TRANSFER-NEFT*KAVERI HOME,,12000.50,,137999.50\n"
        "01/10/2026,01/10/2026,BY TRANSFER-VARDHAMAN RETAIL,,,50000.00,150000.00\n",
        encoding="utf-8",
    )
    read = read_statement(str(path))
    assert [d.day for d in read.frame["date"]] == [1, 2, 3]
    assert read.frame["row"].tolist() == [4, 3, 2]  # each line keeps its row in the file
    findings, _ = check_statement(read.frame, read.findings)
    assert findings == []  # the balance chain holds in the order it happened


def test_one_signed_amount_column_money_out_with_a_minus(tmp_path: Path) -> None:
    path = tmp_path / "signed.csv"
    path.write_text(
        "Date,Description,Amount,Balance\n"
        "01/10/2026,NEFT CR VARDHAMAN RETAIL,50000.00,150000.00\n"
        "02/10/2026,NEFT DR KAVERI HOME,-12000.50,137999.50\n"
        "03/10/2026,UPI OM SAI LOGISTICS,7000.00,144999.50\n",
        encoding="utf-8",
    )
    read = read_statement(str(path))
    assert read.issues == []
    assert read.frame["credit"].tolist() == [5000000, 0, 700000]
    assert read.frame["debit"].tolist() == [0, 1200050, 0]


def test_a_line_left_out_keeps_the_banks_balance_and_the_brs_says_it_is_not_complete(
    tmp_path: Path,
) -> None:
    from xlbo.jobs.reconcile import run_reconcile

    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "01/10/2026,NEFT CR-VARDHAMAN RETAIL,,50000.00,150000.00\n"
        "02/10/2026,NEFT DR-KAVERI HOME,12000.50,,137999.50\n"
        "03/10/2026,NEFT CR-OM SAI LOGISTICS,,7000.0O,144999.50\n",
        encoding="utf-8",
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Opening Balance,,,100000.00,\n"
        "01/10/2026,Vardhaman Retail,Receipt,1,50000.00,\n"
        "02/10/2026,Kaveri Home,Payment,2,,12000.50\n"
        "03/10/2026,Om Sai Logistics,Receipt,3,7000.00,\n",
        encoding="utf-8",
    )
    result = run_reconcile(bank, books, report=tmp_path / "brs.xlsx")
    assert result.brs.bank_balance == 14499950  # the last balance the bank wrote
    summary = next(sheet for sheet in result.sheets if sheet.name == "Summary")
    assert any("not complete" in line for line in summary.title)


def test_canara_and_federal_headers(tmp_path: Path) -> None:
    """Headers from layouts xlbo was not built on (a public list of Indian banks' export
    headers): Canara's TRANS DATE, REF/CHQ.NO, WITHDRAWS and its opening balance as a footer
    line; Bank of India's Instrument Id; Federal Bank's Cheque Details."""
    canara = tmp_path / "canara.csv"
    canara.write_text(
        "Canara Bank - Account Statement\n"
        "Account Number,1234567890123\n"
        "\n"
        "TRANS DATE,VALUE DATE,BRANCH,REF/CHQ.NO,DESCRIPTION,WITHDRAWS,DEPOSIT,BALANCE\n"
        '01-10-2026,01-10-2026,BANER,NEFT/HDFCN26100111111111,NEFT-KAVERI TRADERS,,"45,000.00",'
        '"1,45,000.00"\n'
        '03-10-2026,03-10-2026,BANER,000451,CHQ PAID 000451 SHARMA,"12,500.00",,"1,32,500.00"\n'
        '07-10-2026,07-10-2026,BANER,,SMS CHARGES,17.70,,"1,32,482.30"\n'
        "\n"
        'Opening Balance,"1,00,000.00"\n'
    )
    lines = read_statement(str(canara))
    assert lines.issues == []
    assert totals(lines) == (3, 1251770, 4500000)
    assert lines.frame["reference"].tolist()[1] == "000451"
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT-KAVERI TRADERS", 4500000),
        (date(2026, 10, 7), "SMS CHARGES", -1770),
    ]
    from xlbo.readers.roles import Role, column_role

    assert column_role("Instrument Id") is Role.REFERENCE
    assert column_role("Cheque Details") is Role.REFERENCE


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Txn Posted Date", "date"),  # ICICI
        ("Narrative", "narration"),
        ("Transaction Particulars", "narration"),
        ("Instrument No.", "reference"),
        ("Instrument Number", "reference"),
        ("UTR Number", "reference"),  # Union Bank of India
        ("Bank Reference", "reference"),  # IndusInd Bank
        ("Transaction Reference", "reference"),
        ("Dr Amt", "withdrawal"),
        ("Cr Amt", "deposit"),
    ],
)
def test_more_header_words_banks_use(header: str, role: str) -> None:
    from xlbo.readers.roles import column_role

    found = column_role(header)
    assert found is not None and found.value == role


def test_dates_without_their_year_take_it_from_the_statements_period(
    xlsx: Callable[..., Path],
) -> None:
    """A passbook-style export writes `28 Dec` and `03 Jan` under a title giving the period:
    each date takes the year that puts it in the period, across the year's end too."""
    path = xlsx(
        {
            "Statement": [
                ["Account Statement for the period 01-Dec-2025 to 31-Jan-2026"],
                ["Account No: 50200087543792"],
                [],
                ["Txn Date", "Value Date", "Description", "Debit", "Credit", "Balance"],
                ["28 Dec", "27 Dec", "NEFT CR-SHARMA TRADERS", None, "5,000.00", "15,000.00"],
                ["31-Dec", "31-Dec", "ATM WDL", "2,000.00", None, "13,000.00"],
                ["03 Jan", "02 Jan", "CHQ PAID-000451-KAVERI", "1,500.50", None, "11,499.50"],
            ]
        },
        name="passbook.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist() == [
        date(2025, 12, 28),
        date(2025, 12, 31),
        date(2026, 1, 3),
    ]
    assert lines.frame["value_date"].tolist()[::2] == [date(2025, 12, 27), date(2026, 1, 2)]
    assert lines.frame["debit"].tolist() == [0, 200000, 150050]
    assert lines.issues == []


def test_dates_without_their_year_and_no_period_say_what_would_give_it(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx(
        {
            "Statement": [
                ["Date", "Narration", "Withdrawal", "Deposit", "Balance"],
                ["01/10/2026", "NEFT CR-SHARMA TRADERS", None, "5,000.00", "15,000.00"],
                ["25 Oct", "ATM WDL", "2,000.00", None, "13,000.00"],
            ]
        },
        name="bank.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist() == [date(2026, 10, 1)]
    [issue] = lines.issues
    assert (issue.cell, issue.value) == ("A3", "25 Oct")
    assert "'25 Oct' is a date without its year" in issue.problem
    assert "Statement from" in issue.problem


@pytest.mark.parametrize(
    "titles",
    [
        [["From Date : 01/10/2026", "To Date : 31/10/2026"]],
        [["Date From", "01/10/2026", "Date To", "31/10/2026"]],
        [["Period From", "01-10-2026", "Period To", "31-10-2026"]],
        [["Start Date", ":", "1 Oct 2026"], ["End Date", ":", "31 Oct 2026"]],  # SBI
        [["Account Statement 01 Oct 2026 - 31 Oct 2026"]],
        [["01 Oct 2026 - 31 Oct 2026"]],  # Kotak's net banking
        [["Date Range: 01/10/2026 - 31/10/2026"]],
        [["Requested for the period between 01-10-2026 and 31-10-2026"]],
        [["for the period  October 01, 2026 - October 31, 2026"]],
        [
            ["Cheques for collection 01/09/2026 - 05/09/2026"],
            ["Statement period 01/10/2026 to 31/10/2026"],
        ],
        [["Statement Date : 04/12/2026 for the period 01/10/2026 to 31/10/2026"]],
    ],
)
def test_the_period_as_banks_word_it(titles: list[Row]) -> None:
    """A period the reader misses makes the BRS as on the last line's day, and the book entries
    after it 'belong to the next BRS': a cheque issued on the 29th drops off."""
    from xlbo.readers.statement_summary import read_titles

    assert read_titles(titles).period == (date(2026, 10, 1), date(2026, 10, 31))


def test_a_period_that_ends_later_than_the_last_line_dates_the_brs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from xlbo.cli import main

    bank = tmp_path / "kotak.csv"
    bank.write_text(
        "01 Oct 2026 - 31 Oct 2026\n\n"
        "Date,Narration,Chq/Ref No,Withdrawal (Dr),Deposit (Cr),Balance\n"
        "01-10-2026,NEFT CR-SHARMA TRADERS,N27426,,50000.00,150000.00\n"
        "02-10-2026,CLG CHQ 000451 OM SAI,000451,15000.00,,135000.00\n",
        encoding="utf-8",
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Opening Balance,,,100000.00,\n"
        "01-10-2026,Sharma Traders,Receipt,1,50000.00,\n"
        "01-10-2026,Om Sai Logistics,Payment,000451,,15000.00\n"
        "29-10-2026,Shree Balaji Enterprises,Payment,000452,,4500.00\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    brs = openpyxl.load_workbook(out, read_only=True)["BRS"]
    cells = [str(c) for row in brs.iter_rows(values_only=True) for c in row if c is not None]
    assert "Bank Reconciliation Statement as on 31 October 2026" in cells, said
    assert any("Shree Balaji Enterprises" in c for c in cells)  # the cheque not yet presented
    assert code == 0, said


def test_a_second_page_without_titles_dates_its_days_by_the_first_pages_period(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx(
        {
            "Page 1": [
                ["Statement From : 01/12/2025 To : 31/01/2026"],
                [],
                HDFC_HEAD,
                ["28 Dec", "NEFT CR-SHARMA", "", "28 Dec", None, 5000, 15000],
                ["31 Dec", "ATM WDL", "", "31 Dec", 2000, None, 13000],
            ],
            "Page 2": [
                HDFC_HEAD,
                ["03 Jan", "CHQ PAID-000451", "000451", "03 Jan", 1500.5, None, 11499.5],
                ["10 Jan", "INT CREDIT", "", "10 Jan", None, 100, 11599.5],
            ],
        },
        name="hdfc.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist()[2:] == [date(2026, 1, 3), date(2026, 1, 10)]
    assert lines.closing == 1159950
    assert lines.issues == []


def test_the_last_balance_stands_when_the_last_lines_dates_cannot_be_read(
    xlsx: Callable[..., Path],
) -> None:
    """Lines left out for their date: the bank's closing balance is still the one it printed
    last, so the BRS shows them missing, not a tie on a balance before them."""
    path = xlsx(
        {
            "Statement": [
                HDFC_HEAD,
                ["28/12/2025", "NEFT CR-SHARMA", "", "28/12/2025", None, 5000, 15000],
                ["03 Jan", "CHQ PAID-000451", "000451", "03 Jan", 1500.5, None, 13499.5],
            ]
        },
        name="hdfc.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["credit"].tolist() == [500000]
    assert lines.closing == 1349950
    [issue] = lines.issues
    assert issue.cell == "A3" and "without its year" in issue.problem


def test_dates_without_their_year_in_a_month_first_column_are_month_first(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx(
        {
            "Statement": [
                ["Statement for the period 12/01/2025 to 01/31/2026"],
                ["Date", "Description", "Debit", "Credit", "Balance"],
                ["12/20/2025", "NEFT CR-SHARMA", None, 5000, 15000],
                ["01/03", "ATM WDL", 100, None, 14900],
                ["01/12", "ATM WDL", 100, None, 14800],
            ]
        },
        name="us.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist() == [date(2025, 12, 20), date(2026, 1, 3), date(2026, 1, 12)]


def test_lines_dated_outside_the_titles_period_are_a_finding(xlsx: Callable[..., Path]) -> None:
    """A December–January statement saved from a CSV Excel opened in 2026: its `28-Dec` became
    28-12-2026."""
    path = xlsx(
        {
            "Statement": [
                ["Statement for the period 01-Dec-2025 to 31-Jan-2026"],
                HDFC_HEAD,
                [datetime(2026, 12, 28), "NEFT CR-SHARMA", "", None, None, 5000, 15000],
                [datetime(2026, 1, 3), "CHQ PAID-000451", "000451", None, 1500.5, None, 13499.5],
            ]
        },
        name="hdfc.xlsx",
    )
    lines = read_statement(str(path))
    [finding] = lines.findings
    assert (finding.row, finding.check) == (3, "Date outside the period")
    assert "1 line(s) are dated outside the period the statement's title gives" in finding.detail
    assert "(01-12-2025 to 31-01-2026), the first at row 3 (28-12-2026)" in finding.detail


AU_HEAD = [
    "Transaction Date",
    "Value Date",
    "Description",
    "Cheque/Reference No.",
    "Debit",
    "Credit",
    "Balance",
]
AU_DAY_1, AU_DAY_2 = ["01 Oct 2026"] * 2, ["02 Oct 2026"] * 2


@pytest.mark.parametrize("total_credit", [": 5,000.00", ": 5,500.00"])
def test_au_small_finance_bank_writes_a_colon_before_each_value(
    total_credit: str, xlsx: Callable[..., Path]
) -> None:
    path = xlsx(
        {
            "Statement": [
                ["AU SMALL FINANCE BANK"],
                ["Account Statement"],
                ["Customer Name", ": M/S KAVERI TRADERS"],
                ["Account Number", ": 2121201131234567"],
                ["Statement Period", ": 01-Oct-2026 to 31-Oct-2026"],
                ["Opening Balance", ": 10,000.00"],
                [],
                AU_HEAD,
                [
                    *AU_DAY_1,
                    "NEFT/AUBLN52026100112/SHARMA",
                    "AUBLN52026",
                    "-",
                    "5,000.00",
                    "15,000.00",
                ],
                [
                    *AU_DAY_2,
                    "UPI/DR/627812345678/OM SAI",
                    "627812345678",
                    "2,000.00",
                    "-",
                    "13,000.00",
                ],
                [],
                ["Closing Balance", ": 13,000.00"],
                ["Total Debit", ": 2,000.00"],
                ["Total Credit", total_credit],
                ["This is a system generated statement"],
            ]
        },
        name="au.xlsx",
    )
    lines = read_statement(str(path))
    assert (lines.company, lines.account) == ("KAVERI TRADERS", "2121201131234567")
    assert (lines.opening, lines.closing) == (1000000, 1300000)
    assert lines.frame["credit"].tolist() == [500000, 0]
    findings, _ = check_statement(lines.frame, lines.findings)
    if total_credit == ": 5,000.00":
        assert findings == []
    else:
        [finding] = findings
        assert "5,500.00" in finding.detail and "5,000.00" in finding.detail


def test_a_later_sheet_without_titles_is_no_line_outside_the_first_sheets_period(
    xlsx: Callable[..., Path],
) -> None:
    """A sheet a month, the bank's title on October's only: November's lines, dated with their
    year, are no finding (an earlier sheet's period only dates days written without a year)."""
    path = xlsx(
        {
            "Oct": [
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                HDFC_HEAD,
                ["28/10/2026", "NEFT CR-SHARMA", "", "28/10/2026", None, 5000, 15000],
            ],
            "Nov": [
                HDFC_HEAD,
                ["03/11/2026", "ATM WDL", "", "03/11/2026", 1000, None, 14000],
            ],
        },
        name="hdfc.xlsx",
    )
    lines = read_statement(str(path))
    assert len(lines.frame) == 2
    assert [f.check for f in lines.findings] == []
