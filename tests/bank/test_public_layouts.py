"""Statements in layouts found in public code that reads Indian banks' exports, outside what
xlbo's own fixtures assumed: an "Excel" download that is tab-separated text, a delimited
download with padded fields, dates with a time, sides written `Cr.`, columns spread over merged
cells, a co-operative bank's `By Opening Balance` row, a corporate export dated by its value
date. Each test names its source (repository and path); only facts were taken from it (header
words, where the header sits, date and amount styles, title and footer rows), never code or
data. Names, numbers and amounts here are made up.

Each checks what a user would: lines read, money out and in, the first and last line, that the
running balance chains (the signs are right), and the opening and closing balances."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from xlbo.bank.lines import Lines
from xlbo.cli import main
from xlbo.errors import FileProblem
from xlbo.issues import Severity
from xlbo.readers.statement import read_statement

Row = list[Any]
MALAY = "github.com/MalayPalace/Bank-Statement-Utility"
"""A desktop tool that loads its author's downloads from six Indian banks (config_writer.py
names where each bank's table starts and which columns it uses)."""


def summary(lines: Lines) -> tuple[int, int, int, int | None, int | None]:
    """Lines read, money out and money in (paise), opening and closing balance."""
    return (*totals(lines), lines.opening, lines.closing)


# -- State Bank of India: the "Excel" download is tab-separated text ---------------------------
# Sources: MALAY (README: SBI "Download in MS Excel format"; config_writer.py: the table starts
# at the row beginning `Txn Date`); a public SBI reader's parse_sbi_statement, which reads the
# `.xls` as tab-separated text: `key : value` account lines above a `Txn Date, Value Date,
# Description, Ref No./Cheque No., Debit, Credit, Balance` table, dates `1 Oct 2026`, one footer
# line. Before: refused ("not an Excel workbook: it is a text file").

SBI_TSV = (
    "Account Name\t:\tKAVERI TRADERS\n"
    "Address\t:\t12, M G ROAD\n"
    "\t\tPUNE\n"
    "Date\t:\t2 Nov 2026\n"
    "Account Number\t:\t_00000031234567890\n"
    "Account Description\t:\tCURRENT ACCOUNT-BUSINESS\n"
    "Branch\t:\tPUNE CITY\n"
    "IFS Code\t:\tSBIN0001234\n"
    "Balance as on 1 Oct 2026\t:\t12,345.67\n"
    "\n"
    "Account Statement from 1 Oct 2026 to 31 Oct 2026\n"
    "\n"
    "Txn Date\tValue Date\tDescription\tRef No./Cheque No.\t        Debit\tCredit\tBalance\n"
    "1 Oct 2026\t1 Oct 2026\tTO TRANSFER-UPI/DR/627412345678/OM SAI/SBIN/omsai@sbi/Paym--\t"
    "TRANSFER TO 4897690162095\t500.00\t \t11,845.67\n"
    "5 Oct 2026\t5 Oct 2026\tBY TRANSFER-NEFT*HDFC0000001*N278261234*VARDHAMAN RETAIL--\t"
    "TRANSFER FROM 3199411044308\t \t25,000.00\t36,845.67\n"
    "31 Oct 2026\t31 Oct 2026\tDEBIT-ATMCard AMC 0000 GST--\t\t236.00\t \t36,609.67\n"
    "**This is a computer generated statement and does not require a signature\n"
)


def test_sbi_excel_download_that_is_tab_separated_text(tmp_path: Path) -> None:
    bank = tmp_path / "1234567890_statement.xls"
    bank.write_text(SBI_TSV, encoding="utf-8")
    lines = read_statement(str(bank))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 23600, 2500000, 1234567, 3660967)
    assert first_and_last(lines) == [
        (
            date(2026, 10, 1),
            "TO TRANSFER-UPI/DR/627412345678/OM SAI/SBIN/omsai@sbi/Paym--",
            -50000,
        ),
        (date(2026, 10, 31), "DEBIT-ATMCard AMC 0000 GST--", -23600),
    ]
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS", "00000031234567890")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Opening Balance,,,12345.67,\n"
        "01/10/2026,Om Sai Logistics,Payment,1,,500.00\n"
        "05/10/2026,Vardhaman Retail,Receipt,2,25000.00,\n"
        "31/10/2026,Bank Charges,Payment,3,,236.00\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 0


def test_sbi_tab_separated_download_of_a_month_with_one_transaction(tmp_path: Path) -> None:
    # a quiet account: the header and one line (and no account block) are still a table
    bank = tmp_path / "statement.xls"
    bank.write_text(
        "Txn Date\tValue Date\tDescription\tRef No./Cheque No.\tDebit\tCredit\tBalance\n"
        "5 Oct 2026\t5 Oct 2026\tBY TRANSFER-NEFT*HDFC0000001*N278261234*VARDHAMAN RETAIL--\t"
        "TRANSFER FROM 3199411044308\t \t25,000.00\t36,845.67\n",
        encoding="utf-8",
    )
    lines = read_statement(str(bank))
    assert lines.issues == []
    assert totals(lines) == (1, 0, 2500000)
    assert lines.closing == 3684567


def test_a_text_file_with_a_workbook_name_that_holds_no_table_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "statement.xls"
    path.write_text("Dear customer,\nyour statement is attached.\n", encoding="utf-8")
    with pytest.raises(FileProblem, match="statement.xls is not an Excel workbook: it is a text"):
        read_statement(str(path))


# -- HDFC Bank: "Download as Delimited" ---------------------------------------------------------
# Source: MALAY, bank_statement_utility/services/HdfcDebitStatementProcessor.py (README: a .txt
# file): `Date, Narration, Value Dat, Debit Amount, Credit Amount, Chq/Ref Number, Closing
# Balance`, dates dd/mm/yy, both amount columns filled (0.00 in the other), a reversal as a
# negative debit; the reader strips every field (they are padded). Read right before.


def test_hdfc_delimited_download_with_padded_fields(tmp_path: Path) -> None:
    pad = "{:<40}".format
    path = tmp_path / "50200012345678_1762080000000.txt"
    path.write_text(
        "\n"
        f"  Date     ,{pad('Narration')},Value Dat,Debit Amount       ,Credit Amount      ,"
        "Chq/Ref Number   ,Closing Balance\n"
        f"  01/10/26  ,{pad('UPI-OM SAI LOGISTICS-627412345678')},01/10/26 ,         500.00     ,"
        "           0.00    ,0000627412345678 ,       11845.67\n"
        f"  05/10/26  ,{pad('NEFT CR-SBIN0001234-VARDHAMAN RETAIL')},05/10/26 ,           0.00  "
        "   ,       25000.00    ,SBINN52026100512 ,       36845.67\n"
        f"  31/10/26  ,{pad('REV-UPI-OM SAI LOGISTICS-627412345678')},31/10/26 ,        -500.00  "
        "   ,           0.00    ,0000627412345678 ,       37345.67\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    # the reversal is money back in, not out
    assert summary(lines) == (3, 50000, 2500000 + 50000, None, 3734567)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI-OM SAI LOGISTICS-627412345678", -50000),
        (date(2026, 10, 31), "REV-UPI-OM SAI LOGISTICS-627412345678", 50000),
    ]
    assert lines.frame["reference"].tolist()[0] == "0000627412345678"
    assert chains(lines)


# -- Kotak Mahindra Bank: CSV whose transaction date carries the time --------------------------
# Source: MALAY, services/KotakDebitStatementProcessor.py and config_writer.py: the table starts
# at `Sl. No.` and ends at the `Opening balance` footer; `Transaction Date` is `dd-mm-yyyy` or
# `dd-mm-yyyy HH:MM:SS`, `Value Date` `dd-mm-yyyy`; `Debit`, `Credit`, `Balance`, `Chq / Ref
# No.`. Read right before; the footer's totals check the lines.

KOTAK_WITH_TIME = (
    "Account Statement\n"
    "Account No.,4512345678\n"
    "Period,01-10-2026 to 31-10-2026\n"
    "\n"
    "Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Debit,Credit,Balance,Dr / Cr\n"
    "1,01-10-2026 10:12:45,01-10-2026,UPI/OM SAI LOGISTICS/627412345678,UPI-627412345678,"
    '500.00,,"11,845.67",CR\n'
    "2,05-10-2026 14:02:11,05-10-2026,NEFT VARDHAMAN RETAIL,KKBKN52026100500001,,"
    '"25,000.00","36,845.67",CR\n'
    '3,31-10-2026 23:59:00,31-10-2026,Chrg: SMS ALERT CHARGES,,17.70,,"36,827.97",CR\n'
    "\n"
    "Opening balance,Total Debit,Total Credit,Closing balance\n"
    '"12,345.67","517.70","25,000.00","36,827.97"\n'
)


def test_kotak_csv_transaction_date_with_its_time(tmp_path: Path) -> None:
    path = tmp_path / "Statement_4512345678.csv"
    path.write_text(KOTAK_WITH_TIME, encoding="utf-8")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert chains(lines)  # the footer agrees with the lines
    assert summary(lines) == (3, 50000 + 1770, 2500000, 1234567, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/OM SAI LOGISTICS/627412345678", -50000),
        (date(2026, 10, 31), "Chrg: SMS ALERT CHARGES", -1770),
    ]


# -- IDBI Bank: a side written `Cr.`/`Dr.`, dates with the time or ISO -----------------------
# Source: MALAY, services/IdbiDebitStatmentProcessor.py and config_writer.py: the table from row
# 7, columns D to K: `Txn Date` (`dd/mm/yyyy` and the time, sometimes `yyyy-mm-dd`), `Value
# Date`, `Description`, `Cheque No`, `CR/DR` (`Cr.`, `Dr.`), `Amount (INR)`, `Balance (INR)`.
# Read right before.


def test_idbi_amount_with_a_cr_dr_column_and_dates_with_the_time(
    xlsx: Callable[..., Path],
) -> None:
    def line(number: int, when: str, text: str, cheque: str, side: str, amount: str) -> Row:
        return [number, None, None, when, when[:10], text, cheque, side, "INR", amount]

    rows: list[Row] = [
        ["IDBI BANK LTD"],
        ["Statement of Account"],
        ["A/C NO: 0123104000123456"],
        ["Period: 01/10/2026 to 31/10/2026"],
        [],
        [
            "Srl",
            None,
            None,
            "Txn Date",
            "Value Date",
            "Description",
            "Cheque No",
            "CR/DR",
            "CCY",
            "Amount (INR)",
            "Balance (INR)",
        ],
        [
            *line(1, "01/10/2026 10:12:45 AM", "UPI/627412345678/OM SAI", "", "Dr.", "500.00"),
            "11,845.67",
        ],
        [
            *line(2, "05/10/2026 02:02:11 PM", "NEFT-VARDHAMAN RETAIL", "", "Cr.", "25,000.00"),
            "36,845.67",
        ],
        [
            *line(
                3, "2026-10-31 23:59:00", "CHQ 000451 KAVERI ELECTRICALS", "000451", "Dr.", "17.70"
            ),
            "36,827.97",
        ],
    ]
    rows[-1][4] = "31/10/2026"
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="IDBI.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI", -50000),
        (date(2026, 10, 31), "CHQ 000451 KAVERI ELECTRICALS", -1770),
    ]
    assert lines.frame["reference"].tolist()[-1] == "000451"
    assert chains(lines)
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- Bank of Baroda: two downloads, columns spread over merged cells ---------------------------
# Sources: MALAY, config_writer.py (the mini statement: data from row 10 in columns D, H, O, Q
# and U: `Date`, `Description`, `Instrument ID`, `Amount (INR)` signed, `Balance (INR)`);
# github.com/sakthipriyan/xfina, bank-accounts/bob/src/parser.rs (OpTransactionHistory.xls: a
# `TRAN DATE` header in A with the time after the date, value date in C, narration in F,
# withdrawal in L, deposit in R, balance in Y written `…Cr`, account facts in label cells
# above, `Page` and "This is computer-generated statement" rows below). Both read right before.


def _spread(cells: dict[int, Any], width: int = 26) -> Row:
    return [cells.get(column) for column in range(width)]


def test_bank_of_baroda_mini_statement_signed_amounts(xlsx: Callable[..., Path]) -> None:
    rows: list[Row] = [["Bank of Baroda"], [], ["Account Statement"], []]
    rows += [["Account Number: 12345678901234"], [], [], []]
    rows.append(
        _spread(
            {3: "Date", 7: "Description", 14: "Instrument ID", 16: "Amount (INR)"}
            | {20: "Balance (INR)"}
        )
    )
    for day, text, cheque, amount, balance in (
        ("01/10/2026", "UPI/627412345678/OM SAI", "", "-500.00", "11,845.67"),
        ("05/10/2026", "NEFT-VARDHAMAN RETAIL", "", "25,000.00", "36,845.67"),
        ("31/10/2026", "CHQ PAID 000451", "000451", "-17.70", "36,827.97"),
    ):
        rows.append(_spread({3: day, 7: text, 14: cheque, 16: amount, 20: balance}))
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="MiniStatement.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI", -50000),
        (date(2026, 10, 31), "CHQ PAID 000451", -1770),
    ]
    assert lines.frame["reference"].tolist() == ["", "", "000451"]
    assert chains(lines)


def test_bank_of_baroda_transaction_history_with_times_and_cr_balances(
    xlsx: Callable[..., Path],
) -> None:
    def line(when: str, text: str, out: str, into: str, balance: str) -> Row:
        return _spread({0: when, 2: when[:10], 5: text, 11: out, 17: into, 24: balance})

    rows: list[Row] = [
        _spread({1: "Account Holder Name: KAVERI TRADERS"}),
        [],
        _spread({0: "Customer Id:", 3: "123456789", 9: "Account No:", 15: "12345678901234"}),
        _spread({0: "Branch Name:", 3: "PUNE CAMP"}),
        _spread({0: "IFSC Code:", 4: "BARB0PUNECA"}),
        _spread(
            {
                0: "Your Account Statement as on 02/11/2026",
                10: "Statement Period from 01/10/2026 to 31/10/2026",
            }
        ),
        [],
        _spread(
            {0: "TRAN DATE", 2: "VALUE DATE", 5: "NARRATION", 8: "CHQ.NO."}
            | {11: "WITHDRAWAL(DR)", 17: "DEPOSIT(CR)", 24: "BALANCE(INR)"}
        ),
        line("01/10/2026 10:12:45", "UPI/627412345678/OM SAI", "500.00", "", "11,845.67Cr"),
        line("05/10/2026 14:02:11", "NEFT-VARDHAMAN RETAIL", "", "25,000.00", "36,845.67Cr"),
        _spread({0: "Page 1 of 2"}),
        line("31/10/2026 23:59:00", "SMS CHARGES", "17.70", "", "36,827.97Cr"),
        _spread({0: "This is computer-generated statement and does not require signature"}),
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="OpTransactionHistory.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI", -50000),
        (date(2026, 10, 31), "SMS CHARGES", -1770),
    ]
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS", "12345678901234")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- a co-operative bank: `By Opening Balance`, written as a ledger is -------------------------
# Source: MALAY, services/SvcSavingStatementProcessor.py (SVC Co-operative Bank's .xls: table
# from row 16, `Date` a real date or `01 Oct 2026`, `Particulars`, `Chq No.` a number, `Debit`,
# `Credit`, `Balance`; its first row `By Opening Balance` is skipped by hand). Before: that row
# was read as a deposit of the opening balance.


def test_a_by_opening_balance_row_is_the_opening_not_a_deposit(xlsx: Callable[..., Path]) -> None:
    rows: list[Row] = [
        ["SVC CO-OPERATIVE BANK LTD"],
        ["Statement of Account"],
        ["Account No : 100012345678"],
        [],
        ["Date", "Particulars", "Chq No.", "Debit", "Credit", "Balance"],
        ["01 Oct 2026", "By Opening Balance", None, None, 12345.67, 12345.67],
        ["01 Oct 2026", "To UPI OM SAI LOGISTICS", 0, 500.0, None, 11845.67],
        ["05 Oct 2026", "By NEFT VARDHAMAN RETAIL", 0, None, 25000.0, 36845.67],
        ["31 Oct 2026", "To Clearing Chq 451", 451, 17.7, None, 36827.97],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="svc.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, 1234567, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "To UPI OM SAI LOGISTICS", -50000),
        (date(2026, 10, 31), "To Clearing Chq 451", -1770),
    ]
    assert chains(lines)


# -- ICICI Bank: the corporate current account's export ----------------------------------------
# Source: github.com/Dmoment/StmtIQ, spec/fixtures/statements/icici/README.md and
# app/services/bank_parsers/icici/current_parser.rb: `Transaction ID | Value Date | Description
# | Transaction Amount(INR) | Cr/Dr | Available Balance(INR)` (no transaction date column). Before:
# refused ("no header row with a date and amount columns"); the value date is its date.


def test_icici_corporate_export_dated_by_its_value_date(xlsx: Callable[..., Path]) -> None:
    rows: list[Row] = [
        ["Transactions List - KAVERI TRADERS PVT LTD (INR) - 000405012345"],
        [],
        [
            "No.",
            "Transaction ID",
            "Value Date",
            "Description",
            "Transaction Amount(INR)",
            "Cr/Dr",
            "Available Balance(INR)",
        ],
        [1, "S12345678", "01/10/2026", "UPI/627412345678/OM SAI", "500.00", "DR", "11,845.67"],
        [2, "S12345679", "05/10/2026", "NEFT-VARDHAMAN RETAIL", "25,000.00", "CR", "36,845.67"],
        [3, "S12345680", "31/10/2026", "CLG/KAVERI ELECTRICALS/451", "17.70", "DR", "36,827.97"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="OpTransactionHistory.xlsx")))
    # a note that the value date dates the lines (a posting date under another header would
    # be passed over without it)
    assert [(i.severity, i.value) for i in lines.issues] == [(Severity.INFO, "Value Date")]
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI", -50000),
        (date(2026, 10, 31), "CLG/KAVERI ELECTRICALS/451", -1770),
    ]
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "000405012345")


# -- Axis Bank: the .xls of net banking --------------------------------------------------------
# Source: github.com/sakthipriyan/xfina, bank-accounts/axis/src/parser.rs (a real row in its
# comment): the table under `SRL NO` (with `Tran Date, CHQNO, PARTICULARS, DR, CR, BAL, SOL`),
# amounts as text padded with spaces, an empty amount a single space, `-` for no cheque, the
# lines ending at a blank row, `BRANCH ADDRESS - …` and `Legend :`. Read right before.


def test_axis_xls_srl_no_layout_ending_at_its_legend(xlsx: Callable[..., Path]) -> None:
    def axis(number: str, day: str, cheque: str, text: str, *money: str) -> Row:
        padded = [f"{figure:>21}" if figure else " " for figure in money]  # as the bank pads
        return [number, day, cheque, text, *padded, "014"]

    rows: list[Row] = [
        ["Name :- KAVERI TRADERS PVT LTD"],
        ["Joint Holder :- -"],
        ["12 MG ROAD"],
        ["Customer ID :- 948377135"],
        ["IFSC Code :- UTIB0000123"],
        [
            "Statement of Account No - 914010032444462 for the period (From : 01-10-2026 To : "
            "31-10-2026)"
        ],
        [],
        ["SRL NO", "Tran Date", "CHQNO", "PARTICULARS", "DR", "CR", "BAL", "SOL"],
        axis(
            "1",
            "01-10-2026",
            "-",
            "SB:914010032444462:Int.Pd:01-07-2026 to 30-09-2026",
            "",
            "793.00",
            "80748.07",
        ),
        axis("2", "09-10-2026", "000451", "CLG/KAVERI ELECTRICALS", "12000.00", "", "68748.07"),
        axis("3", "31-10-2026", "-", "UPI/P2A/627412345678/OM SAI", "", "2250.50", "70998.57"),
        [],
        ["BRANCH ADDRESS - PUNE CAMP [014], 12 MG ROAD, PUNE"],
        ["Legend :"],
        ["ICONN - Transaction through Internet Banking"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="Axis.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 1200000, 79300 + 225050, None, 7099857)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "SB:914010032444462:Int.Pd:01-07-2026 to 30-09-2026", 79300),
        (date(2026, 10, 31), "UPI/P2A/627412345678/OM SAI", 225050),
    ]
    assert lines.frame["reference"].tolist() == ["", "000451", ""]
    assert chains(lines)
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- ICICI Bank: OpTransactionHistory.xls ------------------------------------------------------
# Source: github.com/sakthipriyan/xfina, bank-accounts/icici/src/parser.rs (a real row in its
# comment): `Account Number` in A with `000011112222 ( INR )  - <holder>` in C, `Transaction
# Period` (which may say `Last 1 Month`), the table under `S No.`, dates `05-Jun-2026`, `0.00`
# in the unused amount column, the lines ending at `Legends Used in Account Statement`. Read
# right before; the holder's name was not taken from the account line (now it is).


def test_icici_transaction_history_with_the_holder_after_the_account(
    xlsx: Callable[..., Path],
) -> None:
    balances = iter(["11845.67", "36845.67", "36827.97"])

    def line(number: str, day: str, cheque: str, text: str, out: str, into: str) -> Row:
        return [number, day, day, cheque, text, out, into, next(balances)]

    rows: list[Row] = [
        ["ICICI Bank"],
        [],
        ["Account Number", None, "000405012345 ( INR )  - KAVERI TRADERS PVT LTD"],
        ["Transaction Date", None, "from 01-Oct-2026 to 31-Oct-2026"],
        ["Transaction Period", None, "Last 1 Month"],
        [],
        [
            "S No.",
            "Value Date",
            "Transaction Date",
            "Cheque Number",
            "Transaction Remarks",
            "Withdrawal Amount (INR )",
            "Deposit Amount (INR )",
            "Balance (INR )",
        ],
        line("1", "01-Oct-2026", "", "UPI/627412345678/OM SAI/Payment", "500.00", "0.00"),
        line(
            "2", "05-Oct-2026", "", "NEFT-HDFCN52026100512345-VARDHAMAN RETAIL", "0.00", "25000.00"
        ),
        line("3", "31-Oct-2026", "451", "CLG/KAVERI ELECTRICALS", "17.70", "0.00"),
        [],
        ["Legends Used in Account Statement"],
        ["BIL - Internet Bill Payment", None, "CLG - Clearing"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="OpTransactionHistory02-11-2026.xlsx")))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI/Payment", -50000),
        (date(2026, 10, 31), "CLG/KAVERI ELECTRICALS", -1770),
    ]
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "000405012345")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- HDFC Bank: a statement of several pages ---------------------------------------------------
# Source: github.com/sakthipriyan/xfina, bank-accounts/hdfc/src/parser.rs: between pages the
# .xls has a `**Continue**` row, then the page's title block again (`HDFC BANK Ltd. … Page No
# .: 2`, the account and address lines) and the header row between rows of asterisks; the
# `STATEMENT SUMMARY` after the last page. Read right before (every page's lines, none of the
# title rows).

HDFC_HEAD: Row = [
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Value Dt",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
]


def _hdfc_page(page: int) -> list[Row]:
    return [
        [f"HDFC BANK Ltd.{' ' * 38}Page No .:   {page}{' ' * 42}Statement of accounts"],
        [],
        ["Account Branch :PUNE CAMP"],
        ["M/S.    KAVERI TRADERS PVT LTD", None, None, None, "Address :12 MG ROAD"],
        ["12 MG ROAD", None, None, None, "City :PUNE"],
        ["JOINT HOLDERS :", None, None, None, "OD Limit :0   Currency :INR"],
        ["Nomination  :  Not Registered", None, None, None, "Account No :50200012345678  OTHER"],
        ["Statement From  :  01/10/26         To  :  31/10/26"],
        [],
        ["*" * 120],
        HDFC_HEAD,
        ["*" * 8, "*" * 34, "*" * 12, "*" * 8, "*" * 18, "*" * 18, "*" * 18],
    ]


def test_hdfc_statement_of_several_pages(xlsx: Callable[..., Path]) -> None:
    balances = iter([11845.67, 36845.67, 36827.97])

    def hdfc(day: str, text: str, ref: str, out: float | None, into: float | None) -> Row:
        return [day, text, ref, day, out, into, next(balances)]

    rows: list[Row] = [
        *_hdfc_page(1),
        hdfc("01/10/26", "UPI-OM SAI LOGISTICS-627412345678", "0000627412345678", 500.0, None),
        hdfc("05/10/26", "NEFT CR-SBIN0001234-VARDHAMAN RETAIL", "SBINN52026100512", None, 25000.0),
        [],
        ["**Continue**"],
        [],
        *_hdfc_page(2),
        hdfc("31/10/26", "CHQ PAID-MICR CLG-KAVERI ELECTRICALS", "0000000000000451", 17.7, None),
        [],
        ["*" * 120],
        ["STATEMENT SUMMARY  :-"],
        ["Opening Balance", None, None, None, "Debits", "Credits", "Closing Bal"],
        [12345.67, None, None, None, 517.7, 25000.0, 36827.97],
        [],
        [None, None, None, None, "Dr Count", "Cr Count"],
        [None, None, None, None, 2, 1],
        [],
        ["This is a computer generated statement and does not require signature."],
    ]
    lines = read_statement(str(xlsx({"Sheet 1": rows}, name="Acct_Statement_XX5678.xlsx")))
    assert lines.issues == []
    assert chains(lines)  # the summary agrees, the balances chain
    assert summary(lines) == (3, 50000 + 1770, 2500000, 1234567, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI-OM SAI LOGISTICS-627412345678", -50000),
        (date(2026, 10, 31), "CHQ PAID-MICR CLG-KAVERI ELECTRICALS", -1770),
    ]
    assert lines.frame["narration"].tolist()[1] == "NEFT CR-SBIN0001234-VARDHAMAN RETAIL"
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "50200012345678")


# -- ICICI Bank: the Detailed Statement as the web page its "Excel" download is ----------------
# Source: a public JavaScript port of NavoditaERP's BankingViews/StatementParser.swift (the
# search index shows its text, not its repository; its section "HTML Parsing (ICICI Detailed
# Statement)" reads `<tr>`/`<td>` rows and cleans multi-line headers): the .xls is a web page,
# its title in a table of its own above the statement's, header cells broken with `<br>`
# (`Withdrawal <br>Amount (INR )`), `&nbsp;` in empty cells. Before: refused ("a web page
# (HTML) saved with a spreadsheet name").

ICICI_HTML = """<html><head><meta charset="utf-8"><title>Detailed Statement</title></head><body>
<table><tr><td colspan="8"><b>DETAILED STATEMENT</b></td></tr>
<tr><td colspan="8">Transactions List - KAVERI TRADERS PVT LTD (INR) - 000405012345</td></tr>
<tr><td colspan="8">Transaction Date from 01/10/2026 to 31/10/2026</td></tr></table>
<table border="1"><tr><th>S No.</th><th>Value Date</th><th>Transaction Date</th>
<th>Cheque Number</th><th>Transaction Remarks</th><th>Withdrawal <br>Amount (INR )</th>
<th>Deposit <br>Amount (INR )</th><th>Balance (INR )</th></tr>
<tr><td>1</td><td>01/10/2026</td><td>01/10/2026</td><td>&nbsp;</td>
<td>UPI/627412345678/OM SAI &amp; SONS/Payment</td><td>500.00</td><td>0.00</td><td>11,845.67</td></tr>
<tr><td>2</td><td>05/10/2026</td><td>05/10/2026</td><td>-</td>
<td>NEFT-HDFCN52026100512345-VARDHAMAN RETAIL</td><td>0.00</td><td>25,000.00</td>
<td>36,845.67</td></tr>
<tr><td>3</td><td>31/10/2026</td><td>31/10/2026</td><td>451</td><td>CLG/KAVERI ELECTRICALS/451</td>
<td>17.70</td><td>0.00</td><td>36,827.97</td></tr></table>
<table><tr><td>Legends Used in Account Statement</td></tr>
<tr><td>BIL - Internet Bill Payment</td><td>CLG - Clearing</td></tr></table>
</body></html>
"""


def test_icici_detailed_statement_saved_as_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "DetailedStatement.xls"
    path.write_text(ICICI_HTML, encoding="utf-8")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert summary(lines) == (3, 50000 + 1770, 2500000, None, 3682797)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/627412345678/OM SAI & SONS/Payment", -50000),
        (date(2026, 10, 31), "CLG/KAVERI ELECTRICALS/451", -1770),
    ]
    assert lines.frame["reference"].tolist() == ["", "", "451"]
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "000405012345")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- Kotak Mahindra Bank: the balance's Dr/Cr in a column with no header -----------------------
# Source: MALAY, config_writer.py (`skip_data_column_no = 9` for Kotak's CSV with Debit and
# Credit columns: a ninth field on each line the reader must drop) with
# services/KotakDebitStatementProcessor.py (it uses `Debit`, `Credit`, `Balance`). The ninth
# field is taken here as the balance's side, the `Dr / Cr` Kotak's one-amount layout names
# (HEADER_LIST in test_more_banks.py). Before: an overdrawn balance read as money in the
# account, and the balances did not chain.


def test_kotak_balance_side_in_a_column_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "Statement_4512345678.csv"
    path.write_text(
        "Account Statement\n"
        "Account No.,4512345678\n"
        "\n"
        "Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Debit,Credit,Balance\n"
        "1,01-10-2026,01-10-2026,UPI/OM SAI LOGISTICS/627412345678,UPI-627412345678,500.00,,"
        '"12,845.67",DR\n'
        '2,05-10-2026,05-10-2026,NEFT VARDHAMAN RETAIL,KKBKN52026100500001,,"25,000.00",'
        '"12,154.33",CR\n'
        '3,31-10-2026,31-10-2026,Chrg: SMS ALERT CHARGES,,17.70,,"12,136.63",CR\n'
        "\n"
        "Opening balance,Total Debit,Total Credit,Closing balance\n"
        '"12,345.67 DR","517.70","25,000.00","12,136.63 CR"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert lines.frame["balance"].tolist() == [-1284567, 1215433, 1213663]
    assert chains(lines)  # chains, and the footer agrees
    assert summary(lines) == (3, 50000 + 1770, 2500000, -1234567, 1213663)
