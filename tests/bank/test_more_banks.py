"""Statements of banks xlbo was not built on, each in the layout its portal downloads: the
header words, the title and account block above the table, the footers and legends below it,
the date and amount styles. Each test names where the layout was found and checks what a user
would: how many lines were read, the totals of money out and in, the first and last line, and
that the running balance chains (so the signs are right).

The layouts were gathered from public code that reads Indian banks' exports (header lists,
parsers and their test fixtures); only the facts were taken (header words, date and amount
styles, where the header sits), never the code. The lines themselves are made up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from xlbo.bank.integrity import check_statement
from xlbo.bank.lines import Lines
from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.readers.statement import read_statement

Row = list[Any]
HEADER_LIST = "github.com/Amit49/Bank-Statement-to-csv-form, All_Bank_Header_List.md"
"""A public list of the header rows of about twenty Indian banks' statements."""

UNLESS = (
    "Unless the constituent notifies the bank immediately of any discrepancy found by him/her "
    "in this statement of Account, it will be taken that he/she has found the account correct."
)


def first_and_last(lines: Lines) -> list[tuple[date, str, int]]:
    """(date, narration, money in less money out in paise) of the first and the last line."""
    frame = lines.frame
    return [
        (row.date, row.narration, int(row.credit) - int(row.debit))
        for row in frame.iloc[[0, -1]].itertuples()
    ]


def totals(lines: Lines) -> tuple[int, int, int]:
    """Lines read, money out and money in (paise)."""
    frame = lines.frame
    return len(frame), int(frame["debit"].sum()), int(frame["credit"].sum())


def chains(lines: Lines) -> bool:
    """Whether each line's balance is the one before it plus what came in less what went out."""
    findings, _ = check_statement(lines.frame, lines.findings)
    return findings == []


# -- Punjab National Bank ----------------------------------------------------------------------


PNB_ROWS: list[Row] = [
    ["PUNJAB NATIONAL BANK"],
    ["Account Statement"],
    [],
    ["Customer Name", ":", "GANESH AGENCIES"],
    ["Account No.", ":", "0123456789012345"],
    ["Branch", ":", "SECTOR 17 CHANDIGARH"],
    ["IFSC", ":", "PUNB0123400"],
    ["Statement Period", ":", "From 01/10/2026 To 31/10/2026"],
    [],
    ["Transaction Date", "Cheque Number", "Withdrawal", "Deposit", "Balance", "Narration"],
    [
        "01/10/2026",
        "",
        "",
        "45,000.00",
        "1,45,000.00 Cr.",
        "NEFT_IN:SBIN0001234:KAVERI TRADERS",
    ],
    [
        "05/10/2026",
        "000451",
        "12,500.00",
        "",
        "1,32,500.00 Cr.",
        "CLG/000451/SHARMA ENTERPRISES",
    ],
    ["10/10/2026", "", "17.70", "", "1,32,482.30 Cr.", "SMS CHRG FOR:01-07-2026to30-09-2026"],
    ["31/10/2026", "", "", "2,250.50", "1,34,732.80 Cr.", "UPI/630412345678/OM SAI LOGISTICS"],
    [],
    [UNLESS],
    ["This is a computer generated statement and does not require signature."],
]


def test_punjab_national_bank(xlsx: Callable[..., Path]) -> None:
    """PNB's net banking statement: `Transaction Date, Cheque Number, Withdrawal, Deposit,
    Balance, Narration` (the narration last), from the header list in HEADER_LIST; balances
    marked Cr after the figure (xlbo's notes name PNB among the banks writing `10,500.00Cr`;
    written here the harder way, `1,45,000.00 Cr.`), dates dd/mm/yyyy (a public PNB PDF
    reader's), an account block above and the `Unless the constituent notifies…` footer."""
    rows = PNB_ROWS
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="PNB_Statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1770, 4500000 + 225050)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT_IN:SBIN0001234:KAVERI TRADERS", 4500000),
        (date(2026, 10, 31), "UPI/630412345678/OM SAI LOGISTICS", 225050),
    ]
    assert lines.frame["balance"].tolist() == [14500000, 13250000, 13248230, 13473280]
    assert lines.frame["reference"].tolist()[1] == "000451"
    assert chains(lines)
    assert (lines.company, lines.account) == ("GANESH AGENCIES", "0123456789012345")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_punjab_national_bank_as_the_xls_its_portal_downloads(
    xlsx: Callable[..., Path], libreoffice: Callable[[Path, str], Path]
) -> None:
    """The same statement saved as a real Excel 97-2003 .xls (what PNB's portal names its
    download), read to the same figures."""
    source = xlsx({"Sheet1": PNB_ROWS}, name="PNB_Statement.xlsx")
    xls = libreoffice(source, "xls:MS Excel 97") / "PNB_Statement.xls"
    lines = read_statement(str(xls))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1770, 4500000 + 225050)
    assert lines.frame["balance"].tolist() == [14500000, 13250000, 13248230, 13473280]
    assert chains(lines)


# -- Bank of Baroda ----------------------------------------------------------------------------

BOB_HEAD = [
    "TRAN DATE",
    "VALUE DATE",
    "NARRATION",
    "CHQ.NO.",
    "WITHDRAWAL(DR)",
    "DEPOSIT(CR)",
    "BALANCE(INR)",
]


def bob_rows() -> list[Row]:
    """An overdraft account: every balance is owed to the bank, written `…Dr`."""
    return [
        ["Bank of Baroda"],
        ["Account Statement"],
        ["Overdraft Account - 03240400000456"],
        ["Name", ":", "M/S SHREE BALAJI TRADERS"],
        ["Statement of account for the period 01/10/2026 to 31/10/2026"],
        [],
        BOB_HEAD,
        ["", "", "Opening Balance", "", "", "", "2,00,000.00Dr"],
        [
            "01/10/2026",
            "01/10/2026",
            "NEFT-HDFCN52026100112345-VARDHAMAN RETAIL",
            "",
            "",
            "50,000.00",
            "1,50,000.00Dr",
        ],
        [
            "03/10/2026",
            "03/10/2026",
            "CHQ PAID-000451-KAVERI ELECTRICALS",
            "000451",
            "12,345.67",
            "",
            "1,62,345.67Dr",
        ],
        [],
        ["Page 1 of 2"],
        BOB_HEAD,
        [
            "15/10/2026",
            "15/10/2026",
            "RTGS-YESBR12026101500012-PAYTM PAYMENTS SERVICE",
            "",
            "",
            "75,000.00",
            "87,345.67Dr",
        ],
        [
            "31/10/2026",
            "31/10/2026",
            "INT.COLL:01-10-2026 TO 31-10-2026",
            "",
            "1,234.00",
            "",
            "88,579.67Dr",
        ],
        [],
        ["Page 2 of 2"],
        ["This is a computer generated statement and does not require signature"],
    ]


def test_bank_of_baroda_overdraft(xlsx: Callable[..., Path]) -> None:
    """Bank of Baroda: `TRAN DATE, VALUE DATE, NARRATION, CHQ.NO., WITHDRAWAL(DR), DEPOSIT(CR),
    BALANCE(INR)` (a public BoB PDF reader's header and a BoB CSV test fixture, which writes
    balances `16000.00Cr`; HEADER_LIST has the same words). An overdraft account: the balance
    is `…Dr`, an opening-balance line inside the table, the header repeated on page 2."""
    lines = read_statement(str(xlsx({"Statement": bob_rows()}, name="BOB_OD.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1234567 + 123400, 5000000 + 7500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT-HDFCN52026100112345-VARDHAMAN RETAIL", 5000000),
        (date(2026, 10, 31), "INT.COLL:01-10-2026 TO 31-10-2026", -123400),
    ]
    assert lines.frame["balance"].tolist() == [-15000000, -16234567, -8734567, -8857967]
    assert chains(lines)
    assert lines.opening == -20000000  # the opening line is the statement's own figure
    assert lines.closing == -8857967
    assert lines.company == "SHREE BALAJI TRADERS"
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_bank_of_baroda_reconciles_from_the_command_line(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """`xlbo reconcile` on the overdraft statement against its Tally ledger: exit 0."""
    bank = xlsx({"Statement": bob_rows()}, name="BOB_OD.xlsx")
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Opening Balance,,,,200000.00\n"
        "01-10-2026,Vardhaman Retail,Receipt,R1,50000.00,\n"
        "03-10-2026,Kaveri Electricals,Payment,P1,,12345.67\n"
        "15-10-2026,Paytm Payments Service,Receipt,R2,75000.00,\n"
        "31-10-2026,Interest on OD,Journal,J1,,1234.00\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 0
    assert out.exists()


# -- Union Bank of India -----------------------------------------------------------------------


def test_union_bank_of_india_one_amount_column_marked_cr_or_dr(xlsx: Callable[..., Path]) -> None:
    """Union Bank: `Tran Id, Tran Date, Remarks, Amount (Rs.), Balance (Rs.)` (HEADER_LIST):
    one amount column, its side written after the figure in brackets (`45,000.00 (Cr)`,
    `12,500.00 (Dr)`), the balance likewise (as Union Bank prints them; no public fixture of
    this was found, so this quirk is from the statements themselves, not a file); dates
    dd-mm-yyyy (as a public Union Bank PDF reader parses them). Two UPI credits of the same amount on one day stay two lines."""
    rows: list[Row] = [
        ["UNION BANK OF INDIA"],
        ["Statement of Account"],
        ["Account Name", ":", "GANESH AGENCIES"],
        ["Account Number", ":", "520101234567890"],
        ["Statement Period", ":", "01-10-2026 to 31-10-2026"],
        [],
        ["Tran Id", "Tran Date", "Remarks", "Amount (Rs.)", "Balance (Rs.)"],
        [
            "S81234567",
            "01-10-2026",
            "NEFT:SBIN0001234:KAVERI TRADERS:SBINN52026100112345",
            "45,000.00 (Cr)",
            "1,45,000.00 (Cr)",
        ],
        [
            "S81234999",
            "01-10-2026",
            "UPI/630412345678/RAMESH KUMAR",
            "500.00 (Cr)",
            "1,45,500.00 (Cr)",
        ],
        [
            "S81235000",
            "01-10-2026",
            "UPI/630412349999/SURESH PATEL",
            "500.00 (Cr)",
            "1,46,000.00 (Cr)",
        ],
        [
            "S81299999",
            "12-10-2026",
            "CHQ PAID 000451 SHARMA ENTERPRISES",
            "12,500.00 (Dr)",
            "1,33,500.00 (Cr)",
        ],
        [
            "M1234567",
            "31-10-2026",
            "SMS CHRG FOR:01-07-2026to30-09-2026",
            "17.70 (Dr)",
            "1,33,482.30 (Cr)",
        ],
        [],
        ["This is a system generated statement and does not require signature."],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="UBI_Statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (5, 1250000 + 1770, 4500000 + 50000 + 50000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT:SBIN0001234:KAVERI TRADERS:SBINN52026100112345", 4500000),
        (date(2026, 10, 31), "SMS CHRG FOR:01-07-2026to30-09-2026", -1770),
    ]
    assert lines.frame["balance"].tolist()[-1] == 13348230
    assert chains(lines)
    assert (lines.company, lines.account) == ("GANESH AGENCIES", "520101234567890")


# -- IDFC FIRST Bank ---------------------------------------------------------------------------


def test_idfc_first_bank_header_on_row_20_with_its_summary_above(
    xlsx: Callable[..., Path],
) -> None:
    """IDFC FIRST's .xlsx: 19 rows of account details, the header on row 20 (`Transaction
    Date, Value Date, Particulars, Cheque No., Debit, Credit, Balance`), dates `01-Oct-2026`,
    amounts as numbers, a `Total` row under the lines (a public Rust reader of IDFC FIRST
    exports); the statement's `Opening Balance, Total Debit, Total Credit, Closing Balance`
    (the four figures a public IDFC statement parser checks its lines against), placed here
    in the account block above the table."""
    head: list[Row] = [
        ["IDFC FIRST Bank"],
        [],
        ["CUSTOMER NAME", "KAVERI TRADERS PVT LTD"],
        ["CUSTOMER ID", "5734305184"],
        ["ACCOUNT NO", "10012345678"],
        ["ACCOUNT TYPE", "CURRENT ACCOUNT"],
        ["ACCOUNT BRANCH", "PUNE - BANER BRANCH"],
        ["IFSC", "IDFB0041351"],
        ["MICR", "411751052"],
        ["CURRENCY", "INR"],
        ["STATEMENT PERIOD", "01-Oct-2026 TO 31-Oct-2026"],
        [],
        ["ACCOUNT SUMMARY"],
        ["Opening Balance", "Total Debit", "Total Credit", "Closing Balance"],
        [6521.77, 13250.0, 25112.0, 18383.77],
        [],
        [],
        [],
        [],
    ]
    assert len(head) == 19
    rows: list[Row] = [
        *head,
        [
            "Transaction Date",
            "Value Date",
            "Particulars",
            "Cheque No.",
            "Debit",
            "Credit",
            "Balance",
        ],
        [
            "01-Oct-2026",
            "01-Oct-2026",
            "UPI/CR/630412345678/VARDHAMAN RETAIL/YESB/vardhaman@ybl",
            None,
            None,
            25000.0,
            31521.77,
        ],
        [
            "04-Oct-2026",
            "04-Oct-2026",
            "IMPS/P2A/627712345678/OM SAI LOGISTICS",
            None,
            8250.0,
            None,
            23271.77,
        ],
        ["20-Oct-2026", "20-Oct-2026", "NACH/ICCL/MUTUAL FUND SIP", None, 5000.0, None, 18271.77],
        ["31-Oct-2026", "31-Oct-2026", "Credit Interest", None, None, 112.0, 18383.77],
        [],
        ["Total", None, None, None, 13250.0, 25112.0, None],
        [],
        ["This is a system generated statement and does not require a signature."],
    ]
    lines = read_statement(str(xlsx({"Account Statement": rows}, name="IDFC.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1325000, 2511200)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "UPI/CR/630412345678/VARDHAMAN RETAIL/YESB/vardhaman@ybl", 2500000),
        (date(2026, 10, 31), "Credit Interest", 11200),
    ]
    assert lines.frame["row"].tolist() == [21, 22, 23, 24]
    assert (lines.opening, lines.closing) == (652177, 1838377)
    assert chains(lines)
    assert (lines.company, lines.account) == ("KAVERI TRADERS PVT LTD", "10012345678")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


def test_idfc_first_summary_that_disagrees_is_a_finding(xlsx: Callable[..., Path]) -> None:
    """The summary above the table checks the lines as HDFC's below it does."""
    rows: list[Row] = [
        ["Opening Balance", "Total Debit", "Total Credit", "Closing Balance"],
        [6521.77, 13250.0, 25112.0, 18383.77],
        [],
        [
            "Transaction Date",
            "Value Date",
            "Particulars",
            "Cheque No.",
            "Debit",
            "Credit",
            "Balance",
        ],
        ["01-Oct-2026", "01-Oct-2026", "UPI/CR/VARDHAMAN", None, None, 25000.0, 31521.77],
        ["04-Oct-2026", "04-Oct-2026", "IMPS/OM SAI", None, 8250.0, None, 23271.77],
        ["31-Oct-2026", "31-Oct-2026", "Credit Interest", None, None, 112.0, 23383.77],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="IDFC.xlsx")))
    assert lines.issues == []
    [finding] = check_statement(lines.frame, lines.findings)[0]
    assert finding.row == 2  # the figures under the labels
    assert "gives total debits of 13,250.00, but the lines read add up to 8,250.00" in (
        finding.detail
    )


# -- Yes Bank ----------------------------------------------------------------------------------


def test_yes_bank_csv_with_iso_dates_and_balance_lines(tmp_path: Path) -> None:
    """Yes Bank: `Transaction Date, Value Date, Cheque No/Reference No, Description,
    Withdrawals, Deposits, Running Balance` (a public Yes Bank statement parser's layout
    note), dates `2026-10-01` (yyyy-mm-dd, as another public parser lists Yes Bank's); an
    `OPENING BALANCE` line before the first transaction and `CLOSING BALANCE` after the last."""
    path = tmp_path / "YesBank_Statement.csv"
    path.write_text(
        "YES BANK LIMITED\n"
        "Account Statement\n"
        "Customer Name :,OM SAI LOGISTICS\n"
        "Account Number :,001234567890123\n"
        "Statement Period :,01-Oct-2026 to 31-Oct-2026\n"
        "\n"
        "Transaction Date,Value Date,Cheque No/Reference No,Description,Withdrawals,Deposits,"
        "Running Balance\n"
        ',,,OPENING BALANCE,,,"1,00,000.00"\n'
        '2026-10-01,2026-10-01,YESBN52026100100012,NEFT CR-KAVERI TRADERS,,"45,000.00",'
        '"1,45,000.00"\n'
        '2026-10-02,2026-10-02,000451,CHQ PAID-SHARMA ENTERPRISES,"12,500.00",,"1,32,500.00"\n'
        '2026-10-31,2026-10-31,,INTEREST CREDIT,,"1,234.56","1,33,734.56"\n'
        ',,,CLOSING BALANCE,,,"1,33,734.56"\n'
        "\n"
        "*** This is a computer generated statement ***\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000, 4500000 + 123456)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-KAVERI TRADERS", 4500000),
        (date(2026, 10, 31), "INTEREST CREDIT", 123456),
    ]
    assert lines.frame["reference"].tolist() == ["YESBN52026100100012", "000451", ""]
    assert (lines.opening, lines.closing) == (10000000, 13373456)
    assert chains(lines)
    assert (lines.company, lines.account) == ("OM SAI LOGISTICS", "001234567890123")
    assert lines.period == (date(2026, 10, 1), date(2026, 10, 31))


# -- IndusInd Bank -----------------------------------------------------------------------------


def test_indusind_bank_with_its_withdrawl_header(xlsx: Callable[..., Path]) -> None:
    """IndusInd: `Date, Particulars, Chq./Ref.No., Withdrawl, Deposit, Balance` — `Withdrawl`
    spelt so (HEADER_LIST); dates written here dd-Mon-yy (`01-Oct-26`)."""
    rows: list[Row] = [
        ["IndusInd Bank"],
        ["Statement of Account"],
        ["Account Holder", "VARDHAMAN RETAIL LLP"],
        ["Account No", "259812345678"],
        ["Period", "01-Oct-2026 to 31-Oct-2026"],
        [],
        ["Date", "Particulars", "Chq./Ref.No.", "Withdrawl", "Deposit", "Balance"],
        [
            "01-Oct-26",
            "NEFT/SBIN52026100112345/KAVERI TRADERS",
            "SBIN52026100112345",
            "",
            "50,000.00",
            "2,50,000.00",
        ],
        [
            "07-Oct-26",
            "IMPS/627712345678/KAVERI HOME",
            "627712345678",
            "18,000.00",
            "",
            "2,32,000.00",
        ],
        ["31-Oct-26", "CHARGES FOR PORD CUSTOMER PAYMENT", "", "59.00", "", "2,31,941.00"],
        [],
        ["*** End of Statement ***"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="IndusInd.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 1800000 + 5900, 5000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT/SBIN52026100112345/KAVERI TRADERS", 5000000),
        (date(2026, 10, 31), "CHARGES FOR PORD CUSTOMER PAYMENT", -5900),
    ]
    assert chains(lines)
    assert (lines.company, lines.account) == ("VARDHAMAN RETAIL LLP", "259812345678")


@pytest.mark.parametrize(
    ("withdrawn", "deposited"),
    [("Withdrawn Amt. ", "Deposit Amt."), ("Amount Withdrawn", "Amount Deposited")],
)
def test_withdrawn_and_deposited_name_the_sides(
    xlsx: Callable[..., Path], withdrawn: str, deposited: str
) -> None:
    """HDFC's statement as a PDF converter writes it heads the withdrawals `Withdrawn Amt. `
    (a space after); before, no header row was found and the statement was refused."""
    rows: list[Row] = [
        ["Date", "Narration", "Chq./Ref.No.", "Value Dt", withdrawn, deposited, "Closing Balance"],
        [
            "01/10/26",
            "NEFT CR-KAVERI TRADERS",
            "N123",
            "01/10/26",
            None,
            "45,000.00",
            "1,45,000.00",
        ],
        ["02/10/26", "UPI-BALAJI TRADERS", "U456", "02/10/26", "1,200.00", None, "1,43,800.00"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="hdfc.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (2, 120000, 4500000)
    assert chains(lines)


# -- Federal Bank ------------------------------------------------------------------------------


def test_federal_bank_cash_credit_with_a_dr_cr_column_for_the_balance(
    xlsx: Callable[..., Path],
) -> None:
    """Federal Bank: `Date, Value Date, Particulars, Tran Type, Tran ID, Cheque Details,
    Withdrawals, Deposits, Balance, Dr/Cr` (HEADER_LIST) — the Dr/Cr column, after the
    balance, says which side the balance is on, not the line's money. A cash-credit account,
    its balance owed (Dr); dates dd/mm/yy; an opening-balance line inside the table."""
    rows: list[Row] = [
        ["THE FEDERAL BANK LTD"],
        ["Name", ":", "KAVERI TRADERS PVT LTD"],
        ["Account Number", ":", "15550200012345"],
        ["Statement of account for the period 01/10/2026 to 31/10/2026"],
        [],
        [
            "Date",
            "Value Date",
            "Particulars",
            "Tran Type",
            "Tran ID",
            "Cheque Details",
            "Withdrawals",
            "Deposits",
            "Balance",
            "Dr/Cr",
        ],
        [None, None, "Opening Balance", None, None, None, None, None, "3,00,000.00", "Dr"],
        [
            "01/10/26",
            "01/10/26",
            "FT-NEFT-VARDHAMAN RETAIL",
            "TFR",
            "S1234567",
            None,
            None,
            "1,00,000.00",
            "2,00,000.00",
            "Dr",
        ],
        [
            "09/10/26",
            "09/10/26",
            "CHQ 000451 SHARMA ENTERPRISES",
            "CLG",
            "S1234999",
            "000451",
            "25,000.00",
            None,
            "2,25,000.00",
            "Dr",
        ],
        [
            "31/10/26",
            "31/10/26",
            "INTEREST DEBIT",
            "TFR",
            "S1299999",
            None,
            "2,750.00",
            None,
            "2,27,750.00",
            "Dr",
        ],
        [],
        ["Abbreviations: TFR - Transfer, CLG - Clearing"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="Federal.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 2500000 + 275000, 10000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "FT-NEFT-VARDHAMAN RETAIL", 10000000),
        (date(2026, 10, 31), "INTEREST DEBIT", -275000),
    ]
    assert lines.frame["reference"].tolist() == ["", "000451", ""]
    assert lines.frame["balance"].tolist() == [-20000000, -22500000, -22775000]
    assert chains(lines)
    assert lines.opening == -30000000


# -- Bank of India -----------------------------------------------------------------------------


def test_bank_of_india_with_blank_rows_between_lines(xlsx: Callable[..., Path]) -> None:
    """Bank of India: `Transaction Date, Instrument Id, Narration, Debit, Credit, Balance`
    (HEADER_LIST); dates as real Excel dates, a blank row between lines, the `Unless the
    constituent notifies…` footer."""
    rows: list[Row] = [
        ["BANK OF INDIA"],
        ["Account Statement"],
        ["Account Name : MAHALAXMI STEEL"],
        ["Account No : 012310110001234"],
        ["Statement From : 01/10/2026 To : 31/10/2026"],
        [],
        ["Transaction Date", "Instrument Id", "Narration", "Debit", "Credit", "Balance"],
        [
            datetime(2026, 10, 1),
            None,
            "NEFT/SBIN52026100112345/VARDHAMAN RETAIL",
            None,
            30000.0,
            80000.0,
        ],
        [],
        [datetime(2026, 10, 15), "451", "CHQ/000451/SHREE BALAJI TRADERS", 7250.5, None, 72749.5],
        [],
        [datetime(2026, 10, 31), None, "SMS CHARGES", 17.7, None, 72731.8],
        [],
        [UNLESS],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="BOI.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 725050 + 1770, 3000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT/SBIN52026100112345/VARDHAMAN RETAIL", 3000000),
        (date(2026, 10, 31), "SMS CHARGES", -1770),
    ]
    assert lines.frame["row"].tolist() == [8, 10, 12]
    assert chains(lines)
    assert (lines.company, lines.account) == ("MAHALAXMI STEEL", "012310110001234")


# -- Indian Bank -------------------------------------------------------------------------------

INDIAN_HEAD = ["Date", "Particulars", "Debit", "Credit", "Balance"]


@pytest.mark.parametrize("dated", [False, True], ids=["undated B/F", "dated B/F and C/F"])
def test_indian_bank_with_brought_and_carried_forward_lines(
    dated: bool, xlsx: Callable[..., Path]
) -> None:
    """Indian Bank: `Date, Particulars, Debit, Credit, Balance` (a public TypeScript reader
    of Indian banks' PDFs); dates `01-Oct-2026`, balances `1,00,000.00 CR`. The `B/F` that
    opens it and the `C/F` that ends each page with the page's totals, brought forward under
    the repeated header, are the passbook-style layout issue #11 names (constructed, not from
    a file): layout, not money, whether or not the bank writes a date on them."""

    def on(day: str) -> str | None:
        return day if dated else None

    rows: list[Row] = [
        ["INDIAN BANK"],
        ["Customer Name : OM SAI LOGISTICS"],
        ["Account Number : 6012345678"],
        ["Statement for the period 01-Oct-2026 to 31-Oct-2026"],
        [],
        INDIAN_HEAD,
        [on("01-Oct-2026"), "B/F", None, None, "1,00,000.00 CR"],
        ["01-Oct-2026", "BY NEFT VARDHAMAN RETAIL", None, "40,000.00", "1,40,000.00 CR"],
        ["06-Oct-2026", "TO CHQ 000451 KAVERI ELECTRICALS", "5,000.00", None, "1,35,000.00 CR"],
        [on("06-Oct-2026"), "C/F", "5,000.00", "40,000.00", "1,35,000.00 CR"],
        [],
        INDIAN_HEAD,
        [on("06-Oct-2026"), "B/F", "5,000.00", "40,000.00", "1,35,000.00 CR"],
        ["20-Oct-2026", "BY UPI 630412345678 RAMESH KUMAR", None, "2,500.00", "1,37,500.00 CR"],
        ["31-Oct-2026", "TO SMS CHARGES", "17.70", None, "1,37,482.30 CR"],
        [],
        ["This is a computer generated statement"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="IndianBank.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 500000 + 1770, 4000000 + 250000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY NEFT VARDHAMAN RETAIL", 4000000),
        (date(2026, 10, 31), "TO SMS CHARGES", -1770),
    ]
    assert lines.opening == 10000000
    assert lines.closing == 13748230
    assert chains(lines)
    assert (lines.company, lines.account) == ("OM SAI LOGISTICS", "6012345678")


def test_a_narration_wrapped_onto_the_rows_below_is_one_narration(tmp_path: Path) -> None:
    """Yes Bank's statement as converted from its PDF (a public Yes Bank parser handles its
    "multi-line descriptions"): the rest of a description sits on the rows below, with no
    date and no money. It is part of the line above (the payer's name is often there), and
    a line named TOTAL ENERGIES is a line, not a total; a page number or a footer is neither."""
    path = tmp_path / "yes_converted.csv"
    path.write_text(
        "Transaction Date,Value Date,Cheque No/Reference No,Description,Withdrawals,Deposits,"
        "Running Balance\n"
        '2026-10-01,2026-10-01,YESBN52026100100012,NEFT CR-SBIN0001234-,,"45,000.00",'
        '"1,45,000.00"\n'
        ",,,KAVERI TRADERS PVT LTD-,,,\n"
        ",,,INV 232,,,\n"
        '2026-10-02,2026-10-02,000451,CHQ PAID-SHARMA ENTERPRISES,"12,500.00",,"1,32,500.00"\n'
        '2026-10-31,2026-10-31,,TOTAL ENERGIES LTD,"2,500.00",,"1,30,000.00"\n'
        ",,,This is a computer generated statement.,,,\n"
        ",,,Page 1 of 1,,,\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert lines.frame["narration"].tolist() == [
        "NEFT CR-SBIN0001234- KAVERI TRADERS PVT LTD- INV 232",
        "CHQ PAID-SHARMA ENTERPRISES",
        "TOTAL ENERGIES LTD",
    ]
    assert totals(lines) == (3, 1250000 + 250000, 4500000)
    assert chains(lines)


# -- RBL Bank ----------------------------------------------------------------------------------


def test_rbl_bank_header_on_row_30(xlsx: Callable[..., Path]) -> None:
    """RBL Bank: `Transaction Date, Transaction Details, Cheque ID, Value Date, Withdrawal
    Amt, Deposit Amt, Balance` (a public RBL statement parser's column list), the header on
    row 30 of its Excel download under the account block (`Accountholder Name`, `CIF ID`,
    `A/c Type`…, another public RBL reader's header row and field names)."""
    details: list[Row] = [
        ["RBL BANK LTD"],
        [],
        ["Accountholder Name", ":", "SHREE BALAJI TRADERS"],
        ["Customer Address", ":", "12, MG ROAD"],
        [None, None, "PUNE 411001"],
        ["Phone", ":", "+91 20 12345678"],
        ["Email Id", ":", "accounts@balaji.example"],
        ["CIF ID", ":", "201234567"],
        ["A/c Currency", ":", "INR"],
        ["A/c Open Date", ":", "12/04/2019"],
        ["A/c Type", ":", "CURRENT ACCOUNT"],
        ["A/c Status", ":", "ACTIVE"],
        ["A/c Number", ":", "409001234567"],
        ["Statement Period", ":", "01/10/2026 to 31/10/2026"],
    ]
    rows: list[Row] = [*details, *([[]] * (29 - len(details)))]
    rows += [
        [
            "Transaction Date",
            "Transaction Details",
            "Cheque ID",
            "Value Date",
            "Withdrawal Amt",
            "Deposit Amt",
            "Balance",
        ],
        [
            "01/10/2026",
            "NEFT/RATN52026100100001/KAVERI TRADERS",
            None,
            "01/10/2026",
            None,
            60000.0,
            160000.0,
        ],
        [
            "14/10/2026",
            "CHQ PAID 000451 MAHALAXMI STEEL",
            "000451",
            "14/10/2026",
            42500.0,
            None,
            117500.0,
        ],
        ["31/10/2026", "GST ON CHARGES", None, "31/10/2026", 10.62, None, 117489.38],
        [],
        ["Opening Balance", 100000.0, "Closing Balance", 117489.38],
        ["*** End of Statement ***"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="RBL.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 4250000 + 1062, 6000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT/RATN52026100100001/KAVERI TRADERS", 6000000),
        (date(2026, 10, 31), "GST ON CHARGES", -1062),
    ]
    assert lines.frame["row"].tolist() == [31, 32, 33]
    assert (lines.opening, lines.closing) == (10000000, 11748938)
    assert chains(lines)
    assert (lines.company, lines.account) == ("SHREE BALAJI TRADERS", "409001234567")


# -- what xlbo cannot read ---------------------------------------------------------------------


def test_a_statement_without_amount_columns_is_refused_naming_file_and_sheet(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """A statement whose amount columns carry words xlbo does not know is refused with what
    to do, exit 2, never read as no lines."""
    rows: list[Row] = [
        ["Value Dt", "Txn Remarks", "Sent", "Received", "Bal"],
        ["01/10/2026", "NEFT CR-A", None, 100.0, 1100.0],
    ]
    bank = xlsx({"Oct": rows}, name="unknown_bank.xlsx")
    with pytest.raises(SheetProblem, match=r"unknown_bank.xlsx, sheet Oct: no header row"):
        read_statement(str(bank))


def test_a_workbook_whose_sheets_hold_no_known_statement_names_sheet_and_map(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A notes sheet and a statement whose headers xlbo does not know: exit 2, the message
    lists the sheets and shows --sheet and --map; with them the statement is read."""
    rows: list[Row] = [
        ["Booked On", "Remarks", "Money Out", "Money In", "Bal"],  # `Posting Dt` is known now
        ["01/10/2026", "UPI OM SAI", "500.00", "", "11845.67"],
        ["05/10/2026", "NEFT VARDHAMAN RETAIL", "", "25000.00", "36845.67"],
    ]
    bank = xlsx({"Notes": [["Statement for October"]], "Oct": rows}, name="odd_bank.xlsx")
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Opening Balance,,,12345.67,\n"
        "01/10/2026,Om Sai,Payment,1,,500.00\n"
        "05/10/2026,Vardhaman Retail,Receipt,2,25000.00,\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "odd_bank.xlsx: none of its sheets (Notes, Oct) holds a statement" in err
    assert '--sheet "Oct" --map "date=' in err
    mapping = "date=Booked On,narration=Remarks,withdrawal=Money Out,deposit=Money In,balance=Bal"
    options = ["--sheet", "Oct", "--map", mapping, "--out", str(out)]
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), *options]) == 0


# -- Kotak Mahindra Bank and Bank of Baroda's short export: one amount column and a side ----


def test_kotak_two_dr_cr_columns_one_for_the_amount_one_for_the_balance(
    xlsx: Callable[..., Path],
) -> None:
    """Kotak's `Sl.No., Date, Description, Chq / Ref number, Amount, Dr / Cr, Balance,
    Dr / Cr` (HEADER_LIST, Kotak Pattern13): the first `Dr / Cr` is the amount's side, the
    second the balance's. An overdraft account, its balance owed (Dr)."""
    rows: list[Row] = [
        ["Kotak Mahindra Bank"],
        ["Account No. 4512345678"],
        ["Period 01-10-2026 to 31-10-2026"],
        [],
        [
            "Sl.No.",
            "Date",
            "Description",
            "Chq / Ref number",
            "Amount",
            "Dr / Cr",
            "Balance",
            "Dr / Cr",
        ],
        [
            1,
            "01-10-2026",
            "NEFT VARDHAMAN RETAIL",
            "KKBKN52026100100001",
            "50,000.00",
            "CR",
            "50,000.00",
            "DR",
        ],
        [
            2,
            "08-10-2026",
            "CHQ 000451 KAVERI ELECTRICALS",
            "000451",
            "12,000.00",
            "DR",
            "62,000.00",
            "DR",
        ],
        [
            3,
            "31-10-2026",
            "UPI OM SAI LOGISTICS",
            "630412345678",
            "70,000.00",
            "CR",
            "8,000.00",
            "CR",
        ],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="Kotak.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 1200000, 5000000 + 7000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT VARDHAMAN RETAIL", 5000000),
        (date(2026, 10, 31), "UPI OM SAI LOGISTICS", 7000000),
    ]
    assert lines.frame["balance"].tolist() == [-5000000, -6200000, 800000]
    assert chains(lines)


def test_bank_of_baroda_short_export_amount_and_type(tmp_path: Path) -> None:
    """Bank of Baroda's `Date, Description, Amount, Type` (HEADER_LIST, BoB Pattern21): one
    amount column, `DR` or `CR` in the Type column, no balance."""
    path = tmp_path / "bob_short.csv"
    path.write_text(
        "Date,Description,Amount,Type\n"
        '01/10/2026,NEFT-VARDHAMAN RETAIL,"50,000.00",CR\n'
        '08/10/2026,CHQ 000451 KAVERI ELECTRICALS,"12,000.00",DR\n'
        "31/10/2026,SMS CHARGES,17.70,DR\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1200000 + 1770, 5000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT-VARDHAMAN RETAIL", 5000000),
        (date(2026, 10, 31), "SMS CHARGES", -1770),
    ]


WEB_PAGES = {
    "tags closed": (
        "<html><body><table>"
        "<tr><th>Txn Date</th><th>Description</th><th>Debit</th><th>Credit</th></tr>"
        "<tr><td>1 Oct 2026</td><td>BY TRANSFER-NEFT</td><td></td><td>5,000.00</td></tr>"
        "<tr><td>2 Oct 2026</td><td>TO CLG CHQ 451</td><td>1,250.50</td><td></td></tr>"
        "</table></body></html>"
    ),
    "cells and rows left open": (  # as old server pages write them
        "<HTML><BODY><TABLE BORDER=1>"
        "<TR><TD>Txn Date<TD>Description<TD>Debit<TD>Credit"
        "<TR><TD>1 Oct 2026<TD>BY TRANSFER-NEFT<TD>&nbsp;<TD>5,000.00"
        "<TR><TD>2 Oct 2026<TD>TO CLG CHQ 451<TD>1,250.50<TD>&nbsp;"
        "</TABLE></BODY></HTML>"
    ),
    # The page begins with no <html> at all: a <div> (xlrd issue #350's "AccountTransaction.xls",
    # a CRLF and a tab before the table), a <meta> or a <style> (ASP.NET and Java portals).
    # Before: read as text and refused ("no header row ... --map").
    "a <div> first, CRLF and a tab": (
        '<div>\r\n\t<table border="1">\r\n'
        "<tr><td>Txn Date</td><td>Description</td><td>Debit</td><td>Credit</td></tr>\r\n"
        "<tr><td>1 Oct 2026</td><td>BY TRANSFER-NEFT</td><td></td><td>5,000.00</td></tr>\r\n"
        "<tr><td>2 Oct 2026</td><td>TO CLG CHQ 451</td><td>1,250.50</td><td></td></tr>\r\n"
        "</table>\r\n</div>"
    ),
    "a <meta> first": (
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n<table>'
        "<tr><th>Txn Date</th><th>Description</th><th>Debit</th><th>Credit</th></tr>"
        "<tr><td>1 Oct 2026</td><td>BY TRANSFER-NEFT</td><td></td><td>5,000.00</td></tr>"
        "<tr><td>2 Oct 2026</td><td>TO CLG CHQ 451</td><td>1,250.50</td><td></td></tr>"
        "</table>"
    ),
    "a <style> first, longer than the bytes first looked at": (
        "<style> td { font-family: Arial; font-size: 10pt; border: 0.5pt solid #000; } "
        + '.num { mso-number-format:"#,##0.00"; } ' * 20
        + "</style>\n<table>"
        "<tr><th>Txn Date</th><th>Description</th><th>Debit</th><th>Credit</th></tr>"
        "<tr><td>1 Oct 2026</td><td>BY TRANSFER-NEFT</td><td></td><td>5,000.00</td></tr>"
        "<tr><td>2 Oct 2026</td><td>TO CLG CHQ 451</td><td>1,250.50</td><td></td></tr>"
        "</table>"
    ),
    "XHTML under an XML prolog and a long comment": (
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generated by a statement export '
        "service, do not edit; for queries contact your branch. " + "-" * 200 + " -->\n"
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><table>'
        "<tr><th>Txn Date</th><th>Description</th><th>Debit</th><th>Credit</th></tr>"
        "<tr><td>1 Oct 2026</td><td>BY TRANSFER-NEFT</td><td></td><td>5,000.00</td></tr>"
        "<tr><td>2 Oct 2026</td><td>TO CLG CHQ 451</td><td>1,250.50</td><td></td></tr>"
        "</table></body></html>"
    ),
}


@pytest.mark.parametrize("page", WEB_PAGES.values(), ids=WEB_PAGES.keys())
def test_a_bank_download_that_is_a_web_page_is_read_as_excel_opens_it(
    tmp_path: Path, page: str
) -> None:
    """Many banks' "Excel" download is an HTML table saved as .xls; Excel opens it, and so
    does xlbo: its table's rows are the sheet's rows."""
    bank = tmp_path / "AccountStatement.xls"
    bank.write_text(page, encoding="utf-8")
    lines = read_statement(str(bank))
    assert lines.issues == []
    assert totals(lines) == (2, 125050, 500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER-NEFT", 500000),
        (date(2026, 10, 2), "TO CLG CHQ 451", -125050),
    ]


@pytest.mark.parametrize("name", ["AccountTransaction.xlsx", "AccountTransaction.csv"])
def test_a_web_page_named_xlsx_or_csv_is_read_as_its_table(tmp_path: Path, name: str) -> None:
    """A portal's web page saved under another spreadsheet name is read as the web page it is.
    Before: an .xlsx name was refused as no workbook, a .csv name read as text and refused."""
    bank = tmp_path / name
    bank.write_text(WEB_PAGES["a <div> first, CRLF and a tab"], encoding="utf-8")
    lines = read_statement(str(bank))
    assert lines.issues == []
    assert totals(lines) == (2, 125050, 500000)


def test_a_web_page_without_a_statement_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A download that is a web page saying the session ended: `xlbo reconcile` exits 2 naming
    the file and how to save a statement as a workbook, never a traceback or an empty BRS."""
    bank = tmp_path / "AccountStatement.xls"
    bank.write_text(
        "<html><body><p>Your session has expired. Please login again.</p></body></html>",
        encoding="utf-8",
    )
    books = tmp_path / "books.csv"
    books.write_text("Date,Particulars,Debit,Credit\n01-10-2026,Kaveri,5000.00,\n")
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books)])
    err = capsys.readouterr().err
    assert code == 2
    assert "AccountStatement.xls is not an Excel workbook" in err
    assert "Save As > Excel Workbook (.xlsx)" in err
    assert "Traceback" not in err
