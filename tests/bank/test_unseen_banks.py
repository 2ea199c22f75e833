"""Statements of banks and export variants the earlier rounds had not seen, each written in
the layout its download has: the header words as the bank spells them (`NARATION`,
`Particular`, `Closing  Bal`), currencies and times after a header word (`Withdrawal INR`,
`DATE & TIME`), one amount column whose header names both sides, a sign before the currency
(`- Rs.500`), dates `03-NOV-26`, ₹ and non-breaking spaces in the figures, trailing empty
columns and a header repeated after a `Page 1 of 2` line.

Each case names where its layout fact came from. Only facts were taken (header words, date and
amount styles), never code or data; the lines are made up. Every case holds the same month so
the assertions are the same: three lines, ₹517.70 out and ₹25,000.00 in, the first and the
last line, and a balance that chains from ₹10,000.00 to ₹34,482.30 (so the signs are right)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from xlbo.errors import SheetProblem
from xlbo.readers.roles import column_role
from xlbo.readers.statement import read_statement

HEADER_LIST = "github.com/Amit49/Bank-Statement-to-csv-form, All_Bank_Header_List.md"
"""A public list of the header rows of about twenty Indian banks' statements."""
PDF_HEADERS = (
    "a public tabula-based statement reader's list of the headers it met in Indian banks' PDFs "
    "(`NARATION`, `PERTICULERS`, `Entry Date`, `Total Amount Dr/Cr`, `Withdrawal INR`)"
)
CLASSIFIER = (
    "a public header classifier for SBI, HDFC, ICICI, Axis, CUB, Kotak, PNB, Canara, BOI, Yes, "
    "IDBI, Federal, IndusInd, UCO, IOB, Bandhan, RBL and AU (`closing bal`, `debit rs`, "
    "`credit inr`)"
)

STATEMENTS: dict[str, tuple[str, str]] = {
    # Indian Overseas Bank: `DATE, CHQ NO, NARATION, COD, DEBIT, CREDIT, BALANCE`; the narration
    # header as the bank spells it (PDF_HEADERS), a transaction code column, balances `… CR`.
    # Before: every narration read as blank.
    "Indian Overseas Bank (NARATION)": (
        "iob.csv",
        "INDIAN OVERSEAS BANK\n"
        "Account Number : 123401000012345\n"
        "\n"
        "DATE,CHQ NO,NARATION,COD,DEBIT,CREDIT,BALANCE\n"
        '03/11/2026,,UPI/631212345678/OM SAI LOGISTICS,TR,500.00,,"9,500.00 CR"\n'
        '14/11/2026,,NEFT-HDFC0000001-VARDHAMAN RETAIL,TR,,"25,000.00","34,500.00 CR"\n'
        '30/11/2026,,SMS CHARGES,TR,17.70,,"34,482.30 CR"\n',
    ),
    # Kotak Mahindra Bank, Pattern12 in HEADER_LIST: `Date, Narration, Chq/Ref No, Withdrawal
    # (Dr)/Deposit (Cr), Balance` — one amount column, the side in brackets after each figure.
    # Before: refused (no header with amount columns).
    "Kotak (Withdrawal (Dr)/Deposit (Cr))": (
        "kotak.csv",
        "Date,Narration,Chq/Ref No,Withdrawal (Dr)/Deposit (Cr),Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,500.00(Dr),"9,500.00(Cr)"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00(Cr)","34,500.00(Cr)"\n'
        '30/11/2026,SMS CHARGES,,17.70(Dr),"34,482.30(Cr)"\n',
    ),
    # Paytm Payments Bank, Pattern15 in HEADER_LIST: `DATE & TIME, TRANSACTION DETAILS, AMOUNT,
    # AVAILABLE BALANCE`, newest first; amounts signed before the currency (`- Rs.500`,
    # `+ Rs.25,000`). Before: refused (no date header), then every amount refused.
    "Paytm Payments Bank (DATE & TIME, - Rs.500)": (
        "paytm.csv",
        "DATE & TIME,TRANSACTION DETAILS,AMOUNT,AVAILABLE BALANCE\n"
        '30/11/2026 10:15 AM,SMS CHARGES,- Rs.17.70,"Rs.34,482.30"\n'
        '14/11/2026 10:15 AM,NEFT-HDFC0000001-VARDHAMAN RETAIL,"+ Rs.25,000","Rs.34,500.00"\n'
        '03/11/2026 10:15 AM,UPI/631212345678/OM SAI LOGISTICS,- Rs.500,"Rs.9,500.00"\n',
    ),
    # Varachha Co-op Bank, Pattern18 in HEADER_LIST: `TRN.  Date, Value  Date, Narration,
    # Chq/Ref.No, Debit, Credit, Closing  Bal` (double spaces as printed). Before: lines read,
    # but the balance column was not known (no chain could be checked).
    "Varachha Co-op (Closing  Bal)": (
        "varachha.csv",
        "TRN.  Date,Value  Date,Narration,Chq/Ref.No,Debit,Credit,Closing  Bal\n"
        '03/11/2026,03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,500.00,,"9,500.00"\n'
        '14/11/2026,14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,,"25,000.00","34,500.00"\n'
        '30/11/2026,30/11/2026,SMS CHARGES,,17.70,,"34,482.30"\n',
    ),
    # Ujjivan Small Finance Bank ("UJJVALA" in HEADER_LIST): `Date, Particular, Chq./Ref.no.,
    # Withdrawal, Deposit, Balance, Amount` — an unsigned amount column after the balance.
    # Before: every narration read as blank, and the amount column taken for the money (no
    # side: every line refused) though the two columns beside it say which way it went.
    "Ujjivan (Particular, an Amount beside Withdrawal and Deposit)": (
        "ujjivan.csv",
        "Date,Particular,Chq./Ref.no.,Withdrawal,Deposit,Balance,Amount\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,500.00,,"9,500.00",500.00\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,,"25,000.00","34,500.00","25,000.00"\n'
        '30/11/2026,SMS CHARGES,,17.70,,"34,482.30",17.70\n',
    ),
    # A currency after the header word without brackets (PDF_HEADERS' `Withdrawal INR`;
    # CLASSIFIER's `debit inr`, `credit inr`, `closing balance inr`), in Equitas Small Finance
    # Bank's order as we remember its statement (`Reference No. / Cheque No.` before the
    # narration; not confirmed from a sample). Before: refused (no amount columns).
    "Withdrawal INR, Deposit INR, Closing Balance INR": (
        "equitas.csv",
        "Date,Reference No. / Cheque No.,Narration,Withdrawal INR,Deposit INR,"
        "Closing Balance INR\n"
        '03/11/2026,,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14/11/2026,,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30/11/2026,,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # `Entry Date` and `PERTICULERS` as printed statements spell them (PDF_HEADERS).
    # Before: refused (no date column).
    "Entry Date, PERTICULERS": (
        "perticulers.csv",
        "Entry Date,PERTICULERS,Chq No,Debit,Credit,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,500.00,,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,,"25,000.00","34,500.00"\n'
        '30/11/2026,SMS CHARGES,,17.70,,"34,482.30"\n',
    ),
    # `Total Amount Dr/Cr` (PDF_HEADERS): one amount column, `Dr` or `Cr` after the figure.
    # Before: refused (no amount columns).
    "Total Amount Dr/Cr": (
        "total-amount.csv",
        "Date,Particulars,Total Amount Dr/Cr,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00 Dr,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,"25,000.00 Cr","34,500.00"\n'
        '30/11/2026,SMS CHARGES,17.70 Dr,"34,482.30"\n',
    ),
    # A date header that says the time is in the cell, and the time there (CLASSIFIER's
    # `date of transaction` family; Paytm's `DATE & TIME`). Before: refused (no date column).
    "Transaction Date & Time, 03/11/2026 10:15:32": (
        "date-time.csv",
        "Transaction Date & Time,Description,Debit,Credit,Balance\n"
        '03/11/2026 10:15:32,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14/11/2026 10:15:32,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30/11/2026 10:15:32,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # Bank of Maharashtra: `Sr No, Date, Particulars, Cheque/Reference No, Debit, Credit,
    # Balance, Channel` (as we remember its net-banking export; not confirmed from a sample).
    # Read right before.
    "Bank of Maharashtra (Cheque/Reference No, Channel)": (
        "bom.csv",
        "Sr No,Date,Particulars,Cheque/Reference No,Debit,Credit,Balance,Channel\n"
        '1,03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,500.00,,"9,500.00",UPI\n'
        '2,14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,,"25,000.00","34,500.00",NEFT\n'
        '3,30/11/2026,SMS CHARGES,,17.70,,"34,482.30",SYSTEM\n',
    ),
    # Standard Chartered: `Date, Value Date, Description, Cheque, Deposit, Withdrawal, Balance`
    # — money in before money out (as we remember its statement). Read right before.
    "Standard Chartered (Deposit before Withdrawal)": (
        "scb.csv",
        "Date,Value Date,Description,Cheque,Deposit,Withdrawal,Balance\n"
        '03/11/2026,03/11/2026,UPI/631212345678/OM SAI LOGISTICS,,,500.00,"9,500.00"\n'
        '14/11/2026,14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00",,"34,500.00"\n'
        '30/11/2026,30/11/2026,SMS CHARGES,,,17.70,"34,482.30"\n',
    ),
    # Finacle's `dd-MON-yy` dates (CLASSIFIER's UCO/IOB; a `Tran Date, Particulars, Chq No,
    # Withdrawals, Deposits, Balance` table). Read right before.
    "UCO Bank (03-NOV-26)": (
        "uco.csv",
        "Tran Date,Particulars,Chq No,Withdrawals,Deposits,Balance\n"
        '03-NOV-26,UPI/631212345678/OM SAI LOGISTICS,,500.00,,"9,500.00"\n'
        '14-NOV-26,NEFT-HDFC0000001-VARDHAMAN RETAIL,,,"25,000.00","34,500.00"\n'
        '30-NOV-26,SMS CHARGES,,17.70,,"34,482.30"\n',
    ),
    # ₹ and non-breaking spaces in headers and figures (a web page copied into Excel keeps
    # `&nbsp;`). Read right before.
    "₹ and non-breaking spaces": (
        "nbsp.csv",
        "Date,Narration,Withdrawal\u00a0Amt.,Deposit\u00a0Amt.,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,₹\u00a0500.00,,"₹ 9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00\u00a0","₹ 34,500.00"\n'
        '30/11/2026,SMS CHARGES,₹\u00a017.70,,"₹ 34,482.30"\n',
    ),
    # Trailing empty columns (a sheet's used range wider than its table) and the header again
    # after a `Page 1 of 2` line, as statements printed page by page are exported. Read right
    # before.
    "trailing empty columns, Page 1 of 2, header repeated": (
        "pages.csv",
        "Date,Narration,Debit,Credit,Balance,,,\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00",,,\n'
        "Page 1 of 2,,,,,,,\n"
        "Date,Narration,Debit,Credit,Balance,,,\n"
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00",,,\n'
        '30/11/2026,SMS CHARGES,17.70,,"34,482.30",,,\n'
        "Page 2 of 2,,,,,,,\n",
    ),
    # A type column that names the side in words, `Withdrawal` and `Deposit` (the words the
    # earlier rounds' headers use for the two columns, here as cell values). Before: the
    # deposit read as money out (it begins with a D) and the withdrawals refused.
    "Type column: Withdrawal / Deposit": (
        "type-words.csv",
        "Date,Description,Amount,Type,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00,Withdrawal,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,"25,000.00",Deposit,"34,500.00"\n'
        '30/11/2026,SMS CHARGES,17.70,Withdrawal,"34,482.30"\n',
    ),
    # A `Transaction Type` column that holds the channel, not the side (`CLG`, `CASH`, `DD`),
    # beside an amount signed with Dr/Cr. Before: `CLG` and `CASH` read as credits (their
    # first letter), `DD` as a debit — whatever the amount said.
    "Transaction Type holds the channel (CLG, CASH, DD)": (
        "channel-type.csv",
        "Date,Description,Transaction Type,Amount,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,CLG,500.00 Dr,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,DD,"25,000.00 Cr","34,500.00"\n'
        '30/11/2026,SMS CHARGES,CASH,17.70 Dr,"34,482.30"\n',
    ),
    # Dates as an API download writes them, ISO with a `T` and a zone (an open-banking or
    # payout platform's CSV export). Before: refused ("not a date").
    "ISO dates 2026-11-03T10:15:32+05:30": (
        "api.csv",
        "Transaction Date,Description,Debit,Credit,Balance\n"
        '2026-11-03T10:15:32+05:30,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '2026-11-14T00:00:00Z,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '2026-11-30T23:59:59,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # The same as UTC timestamps (IST midnight is 18:30Z the day before), as a payout
    # platform's API export writes them. Before: each line dated the day before.
    "UTC timestamps 2026-11-02T18:30:00.000Z": (
        "utc.csv",
        "Date,Description,Debit,Credit,Balance\n"
        '2026-11-02T18:30:00.000Z,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '2026-11-14T04:45:00.000Z,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '2026-11-29T18:30:00.000Z,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # Dates as exports and Excel write them: Excel's forced text (`="03/11/2026"` in a CSV, a
    # leading apostrophe), a time to the millisecond, the year first with slashes (a
    # `Period: 2026/11/01 to 2026/11/30` title). Before: each refused ("not a date").
    "forced text, milliseconds, 2026/11/30": (
        "forced.csv",
        "Period: 2026/11/01 to 2026/11/30,,,,\n"
        "Date,Description,Debit,Credit,Balance\n"
        '="03/11/2026",UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        """'14-11-2026 10:15:32.000,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n"""
        '2026/11/30,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # `Paid out`, `Paid in` (CLASSIFIER's words for the two columns, as HSBC's statements head
    # them). Before: refused (no amount columns).
    "Paid out, Paid in": (
        "paid.csv",
        "Date,Transaction Details,Paid out,Paid in,Balance\n"
        '03 Nov 2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14 Nov 2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30 Nov 2026,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # ICICI's corporate (CIB) export: `Tran. Id, Value Date, Transaction Date, Transaction
    # Posted Date` (with the time), `Cheque. No./Ref. No., Transaction Remarks, Withdrawal Amt
    # (INR), Deposit Amt (INR), Balance (INR)`. Read right before.
    "ICICI corporate (Transaction Posted Date)": (
        "icici-cib.csv",
        "Tran. Id,Value Date,Transaction Date,Transaction Posted Date,Cheque. No./Ref. No.,"
        "Transaction Remarks,Withdrawal Amt (INR),Deposit Amt (INR),Balance (INR)\n"
        "S1,03/11/2026,03/11/2026,03/11/2026 10:15:32 AM,,UPI/631212345678/OM SAI LOGISTICS,"
        '500.00,,"9,500.00"\n'
        "S2,14/11/2026,14/11/2026,14/11/2026 01:15:32 PM,,NEFT-HDFC0000001-VARDHAMAN RETAIL,"
        ',"25,000.00","34,500.00"\n'
        'S3,30/11/2026,30/11/2026,30/11/2026 11:59:59 PM,,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # DBS Bank India: `Transaction Date, Value Date, Transaction Details, Debit, Credit,
    # Running Balance`, dates `03-Nov-2026` (as we remember its download). Read right before.
    "DBS (Running Balance, 03-Nov-2026)": (
        "dbs.csv",
        "Transaction Date,Value Date,Transaction Details,Debit,Credit,Running Balance\n"
        '03-Nov-2026,03-Nov-2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14-Nov-2026,14-Nov-2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30-Nov-2026,30-Nov-2026,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # Dates with dots (`03.11.2026`) and the time on a second line of the cell (a PDF table
    # pasted into Excel). Read right before.
    "03.11.2026 and a time on the cell's second line": (
        "dots.csv",
        "Date,Narration,Debit,Credit,Balance\n"
        '"03.11.2026\n10:15 AM",UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '"14.11.2026\n11:00 AM",NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '"30.11.2026\n09:00 PM",SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # A date column that lost its date format before the file was saved as CSV from Excel:
    # serial numbers as text (`46329` is 3 November 2026). Before: refused ("not a date").
    "Excel serial dates as text (46329)": (
        "serials.csv",
        "Date,Narration,Debit,Credit,Balance\n"
        '46329,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '46340,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '46356,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
    # HDFC's XLS download puts a rule of asterisks under the header and under the lines (as we
    # remember it). Read right before.
    "a rule of asterisks under the header (HDFC XLS)": (
        "hdfc-stars.csv",
        "Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "********,********,********,********,********,********,********\n"
        '03/11/26,UPI/631212345678/OM SAI LOGISTICS,0000631212345678,03/11/26,500.00,,"9,500.00"\n'
        '14/11/26,NEFT-HDFC0000001-VARDHAMAN RETAIL,N318261234,14/11/26,,"25,000.00",'
        '"34,500.00"\n'
        '30/11/26,SMS CHARGES,000000000000000,30/11/26,17.70,,"34,482.30"\n'
        "********,********,********,********,********,********,********\n",
    ),
    # Excel's `sep=;` first line (written so Excel opens a `;` file right), a byte-order mark
    # and `;` between fields. Read right before.
    "sep=; line, BOM, semicolons": (
        "sep.csv",
        "\ufeffsep=;\n"
        "Date;Narration;Debit;Credit;Balance\n"
        "03/11/2026;UPI/631212345678/OM SAI LOGISTICS;500.00;;9500.00\n"
        "14/11/2026;NEFT-HDFC0000001-VARDHAMAN RETAIL;;25000.00;34500.00\n"
        "30/11/2026;SMS CHARGES;17.70;;34482.30\n",
    ),
    # One amount column with a trailing minus for money out (`500.00-`, as SAP-style corporate
    # exports write it). Read right before.
    "trailing minus (500.00-)": (
        "trailing-minus.csv",
        "Date,Narration,Amount,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00-,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,"25,000.00","34,500.00"\n'
        '30/11/2026,SMS CHARGES,17.70-,"34,482.30"\n',
    ),
    # A column headed as a side that holds the signed money (CLASSIFIER maps `debit credit`,
    # `dr cr` and `amount debit credit` to one amount column), `#` for the serial number.
    # Before: refused (no amount columns).
    "Debit/Credit (₹) over signed figures": (
        "signed.csv",
        "#,Transaction Date,Value Date,Transaction Details,Chq / Ref No.,Debit/Credit(₹),"
        "Balance(₹)\n"
        '1,03 Nov 2026,03 Nov 2026,UPI/631212345678/OM SAI LOGISTICS,,-500.00,"9,500.00"\n'
        '2,14 Nov 2026,14 Nov 2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"+25,000.00","34,500.00"\n'
        '3,30 Nov 2026,30 Nov 2026,SMS CHARGES,,-17.70,"34,482.30"\n',
    ),
    # Bilingual headers, Hindi before English, as public-sector banks print them (the words
    # `विवरण (Description)`, `नामे / डेबिट (Debit ₹)`, `जमा / क्रेडिट (Credit ₹)` as a public
    # app's Hindi statement heads its columns). Read right before.
    "bilingual headers (नामे / डेबिट (Debit ₹))": (
        "bilingual.csv",
        "तारीख (Date),विवरण (Description),नामे / डेबिट (Debit ₹),जमा / क्रेडिट (Credit ₹),"
        "शेष (Balance ₹)\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30/11/2026,SMS CHARGES,17.70,,"34,482.30"\n',
    ),
}


@pytest.mark.parametrize("name", STATEMENTS)
def test_a_layout_not_seen_before_is_read_to_its_figures(name: str, tmp_path: Path) -> None:
    file_name, text = STATEMENTS[name]
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 50000 + 1770, 2500000)
    assert first_and_last(lines) == [
        (date(2026, 11, 3), "UPI/631212345678/OM SAI LOGISTICS", -50000),
        (date(2026, 11, 30), "SMS CHARGES", -1770),
    ]
    assert lines.frame["balance"].tolist() == [950000, 3450000, 3448230]
    assert chains(lines)
    assert lines.closing == 3448230


def test_a_statement_in_a_new_layout_with_no_lines_is_an_error_naming_the_file(
    tmp_path: Path,
) -> None:
    """Hostile: the header of a layout now known (Equitas-style `… INR` columns), then only a
    page line and the footer: an error that names the file, never an empty BRS."""
    path = tmp_path / "equitas-nov.csv"
    path.write_text(
        "Date,Reference No. / Cheque No.,Narration,Withdrawal INR,Deposit INR,"
        "Closing Balance INR\n"
        "Page 1 of 1,,,,,\n"
        "** This is a computer generated statement **,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(SheetProblem, match="equitas-nov.csv: no statement lines were read"):
        read_statement(str(path))


@pytest.mark.parametrize(
    "header",
    ["Amount & Time", "Lifetime Balance INR", "Opening Balance INR", "Narration INR"],
)
def test_a_currency_or_time_tail_does_not_make_any_header_a_column(header: str) -> None:
    """The tails are taken off money headers (a currency) and date headers (a time) only, and
    what is left must be a whole known header (`Opening Balance` is a summary's label)."""
    assert column_role(header) is None


def test_header_words_broken_over_lines_and_dates_with_their_time(
    xlsx: Callable[..., Path],
) -> None:
    """A real workbook whose header cells wrap (`Withdrawal⏎Amount (INR)`, as a bank's export
    sets wrap text on its header row), real date-time cells, numbers as numbers, and two empty
    columns past the table. Read right before."""
    rows: list[list[Any]] = [
        ["Statement of Account"],
        ["Account No", "50100012345678"],
        [],
        [
            "Txn\nDate",
            "Transaction\nDetails",
            "Withdrawal\nAmount (INR)",
            "Deposit\nAmount (INR)",
            "Balance\n(INR)",
            None,
            None,
        ],
        [
            datetime(2026, 11, 3, 10, 15, 32),
            "UPI/631212345678/OM SAI LOGISTICS",
            500.0,
            None,
            9500.0,
        ],
        [
            datetime(2026, 11, 14, 11, 0),
            "NEFT-HDFC0000001-VARDHAMAN RETAIL",
            None,
            25000.0,
            34500.0,
        ],
        [datetime(2026, 11, 30, 21, 0), "SMS CHARGES", 17.7, None, 34482.3],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 50000 + 1770, 2500000)
    assert first_and_last(lines) == [
        (date(2026, 11, 3), "UPI/631212345678/OM SAI LOGISTICS", -50000),
        (date(2026, 11, 30), "SMS CHARGES", -1770),
    ]
    assert chains(lines)
    assert lines.closing == 3448230


def test_a_serial_beside_written_dates_far_from_them_is_no_date(tmp_path: Path) -> None:
    """Hostile: a five-digit figure as text in a date column of written dates, far from
    them (a footer's count or amount), is not taken for a serial date: the line is reported."""
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Date,Narration,Debit,Credit,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '13399,SMS CHARGES,17.70,,"34,482.30"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert totals(lines) == (2, 50000, 2500000)
    assert [(issue.cell, issue.problem) for issue in lines.issues] == [
        ("A4", "Row 4: '13399' is not a date")
    ]


def test_a_header_written_over_two_rows(xlsx: Callable[..., Path]) -> None:
    """A header whose words are split over two rows, as statements converted from print have
    them (PDF_HEADERS: `TRANSACTION` over `DATE`, `Withdrawal (Dr)/` over the rest; HEADER_LIST,
    SBI Pattern4: `Ref No./Cheque` over `No.`). Before: the lower row alone was taken for the
    header (`Date`, `Amount`, `Amount`) and every line refused."""
    rows: list[list[Any]] = [
        ["STATEMENT OF ACCOUNT"],
        ["Account No : 123401000012345"],
        ["Transaction", "Narration", "Ref No./Cheque", "Withdrawal", "Deposit", "Balance"],
        ["Date", None, "No.", "Amount (Dr)", "Amount (Cr)", None],
        ["03/11/2026", "UPI/631212345678/OM SAI LOGISTICS", "631212345678", 500, None, 9500],
        ["14/11/2026", "NEFT-HDFC0000001-VARDHAMAN RETAIL", "N318261234", None, 25000, 34500],
        ["30/11/2026", "SMS CHARGES", None, 17.7, None, 34482.3],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="two-rows.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (3, 50000 + 1770, 2500000)
    assert first_and_last(lines) == [
        (date(2026, 11, 3), "UPI/631212345678/OM SAI LOGISTICS", -50000),
        (date(2026, 11, 30), "SMS CHARGES", -1770),
    ]
    assert lines.frame["reference"].tolist()[:2] == ["631212345678", "N318261234"]
    assert chains(lines)
    assert lines.closing == 3448230
    assert lines.account == "123401000012345"


def test_a_title_row_above_the_header_is_not_joined_to_it(tmp_path: Path) -> None:
    """Hostile: words in the row above a one-row header (a title, an account holder's name)
    are not joined to the header's: `Statement` over `Date` names no column, so the header
    stays as written and the lines are read as before."""
    path = tmp_path / "titled.csv"
    path.write_text(
        "Statement,Account Holder,KAVERI TRADERS,,\n"
        "Date,Narration,Debit,Credit,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,500.00,,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,,"25,000.00","34,500.00"\n'
        '30/11/2026,SMS CHARGES,17.70,,"34,482.30"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 50000 + 1770, 2500000)
    assert lines.frame["narration"].iloc[0] == "UPI/631212345678/OM SAI LOGISTICS"


def test_a_side_column_of_words_with_no_amount_is_still_refused(tmp_path: Path) -> None:
    """Hostile: `Dr/Cr` holding the words it should, but no amount column anywhere: refused
    naming the file, the sheet and what to do, never read as lines of nothing."""
    path = tmp_path / "no-amounts.csv"
    path.write_text(
        "Date,Narration,Dr/Cr,Balance\n"
        '03/11/2026,UPI/631212345678/OM SAI LOGISTICS,Dr,"9,500.00"\n'
        '14/11/2026,NEFT-HDFC0000001-VARDHAMAN RETAIL,Cr,"34,500.00"\n',
        encoding="utf-8",
    )
    with pytest.raises(SheetProblem, match=r"no-amounts.csv, sheet no-amounts: .*--map"):
        read_statement(str(path))
