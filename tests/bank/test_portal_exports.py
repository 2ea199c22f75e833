"""Statements as more banks' portals download them, each the same month (three lines, ₹12,517.70
out and ₹45,000.00 in, closing ₹1,32,482.30, the balance chaining), in the file its portal
writes: Canara's CSV with `="000451"` cells, SBI's `.xls` that is tab-separated text, HDFC's
"delimited" `.txt` with padded fields, Kotak's CSV, AU's dashes for nothing, a `Credit/Debit`
side column, a reference wrapped with its narration, dates written `20261001`.

Only facts were taken (header words, cell styles); the lines are made up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from xlbo.bank.integrity import check_statement
from xlbo.readers.statement import read_statement

LAST = (date(2026, 10, 31), "SMS CHARGES", -1770)

STATEMENTS: dict[str, tuple[str, str, str]] = {
    # Canara Bank's CSV keeps leading zeros by writing cells as formulas Excel shows as text.
    # Before: the cheque number read as `="000451"` (no cheque could match) and the account
    # number not at all.
    'Canara (="000451")': (
        "canara.csv",
        'Account Number,="0123101012345"\n'
        "Account Holder Name,KAVERI TRADERS\n"
        "Statement From,01-10-2026 to 31-10-2026\n"
        "\n"
        "Txn Date,Value Date,Cheque No.,Description,Branch Code,Debit,Credit,Balance\n"
        "01-10-2026 10:15:33,01-10-2026,,NEFT CR-SBIN0001234-KAVERI TRADERS,123,,"
        '"45,000.00","1,45,000.00"\n'
        '05-10-2026 11:00:01,05-10-2026,="000451",CHQ PAID-MICR CTS-SHARMA ENTERPRISES,123,'
        '"12,500.00",,"1,32,500.00"\n'
        '31-10-2026 21:00:00,31-10-2026,,SMS CHARGES,123,17.70,,"1,32,482.30"\n',
        "0123101012345",
    ),
    # AU Small Finance Bank: `Trans Date, …, Chq./Ref. No., Debit (Dr.), Credit (Cr.)`, dates
    # `01 Oct 2026`, a dash for no amount and no cheque. Before: the dash read as a reference
    # shared by every line without a cheque.
    "AU Small Finance (dashes)": (
        "au.csv",
        "AU SMALL FINANCE BANK\n"
        "Account No,2121212121212121\n"
        "Statement Period,01 Oct 2026 - 31 Oct 2026\n"
        "Trans Date,Value Date,Description/Narration,Chq./Ref. No.,Debit (Dr.),Credit (Cr.),"
        "Balance\n"
        '01 Oct 2026,01 Oct 2026,NEFT CR-SBIN0001234-KAVERI TRADERS,-,-,"45,000.00",'
        '"1,45,000.00"\n'
        '05 Oct 2026,05 Oct 2026,CHQ PAID-SHARMA ENTERPRISES,000451,"12,500.00",-,"1,32,500.00"\n'
        '31 Oct 2026,31 Oct 2026,SMS CHARGES,-,17.70,-,"1,32,482.30"\n',
        "2121212121212121",
    ),
    # The sides named the other way round: `Credit/Debit`, as `Cr/Dr` is to `Dr/Cr`. Before:
    # every line refused ("neither a Dr/Cr column nor the amount says which way").
    "Credit/Debit column": (
        "sides.csv",
        "Date,Narration,Chq No,Amount,Credit/Debit,Balance\n"
        "01/10/2026,NEFT CR-SBIN0001234-KAVERI TRADERS,,45000.00,CR,145000.00\n"
        "05/10/2026,CHQ PAID-SHARMA ENTERPRISES,000451,12500.00,DR,132500.00\n"
        "31/10/2026,SMS CHARGES,,17.70,DR,132482.30\n",
        "",
    ),
    # Dates written year first without separators, as files converted for accounting software
    # have them. Before: refused ("'20261001' is not a date").
    "20261001 dates": (
        "compact.csv",
        "Date,Narration,Cheque No,Debit,Credit,Balance\n"
        "20261001,NEFT CR-SBIN0001234-KAVERI TRADERS,,,45000.00,145000.00\n"
        "20261005,CHQ PAID-SHARMA ENTERPRISES,000451,12500.00,,132500.00\n"
        "20261031,SMS CHARGES,,17.70,,132482.30\n",
        "",
    ),
    # Guard: SBI's "Excel" download is tab-separated text named .xls, dates `1 Oct 2026`, a
    # space for no amount, a footer legend.
    "SBI (.xls of tab-separated text)": (
        "sbi.xls",
        "Account Name\t:\tKAVERI TRADERS\n"
        "Account Number\t:\t_00000012345678901\n"
        "Start Date\t:\t1 Oct 2026\n"
        "End Date\t:\t31 Oct 2026\n"
        "\n"
        "Txn Date\tValue Date\tDescription\tRef No./Cheque No.\t        Debit\tCredit\tBalance\n"
        "1 Oct 2026\t1 Oct 2026\tNEFT CR-SBIN0001234-KAVERI TRADERS\t\t \t45,000.00\t1,45,000.00\n"
        "5 Oct 2026\t5 Oct 2026\tCHQ PAID-SHARMA ENTERPRISES\t000451\t12,500.00\t \t1,32,500.00\n"
        "31 Oct 2026\t31 Oct 2026\tSMS CHARGES\t\t17.70\t \t1,32,482.30\n"
        "**This is a computer generated statement and does not require a signature\n",
        "00000012345678901",
    ),
    # Guard: HDFC's "delimited" .txt: fields padded with spaces, `dd/mm/yy`, zeros for no
    # amount and a run of zeros for no cheque, the reference after the value date.
    "HDFC (delimited .txt)": (
        "hdfc.txt",
        "  Date     ,Narration                             ,Value Dat,Debit Amount       ,"
        "Credit Amount      ,Chq/Ref Number   ,Closing Balance\n"
        " 01/10/26  ,NEFT CR-SBIN0001234-KAVERI TRADERS    ,01/10/26 ,0.00               ,"
        "45000.00           ,SBIN126274123456 ,145000.00\n"
        " 05/10/26  ,CHQ PAID-SHARMA ENTERPRISES           ,05/10/26 ,12500.00           ,"
        "0.00               ,0000000000000451 ,132500.00\n"
        " 31/10/26  ,SMS CHARGES                           ,31/10/26 ,17.70              ,"
        "0.00               ,0000000000000000 ,132482.30\n",
        "",
    ),
    # Guard: Kotak's CSV: a `#` column, `Withdrawal (Dr.)`, `Deposit (Cr.)`, `01 Oct 2026`.
    "Kotak (CSV)": (
        "kotak.csv",
        "Kotak Mahindra Bank\n"
        "Account No.,1234567890\n"
        "Period,01 Oct 2026 to 31 Oct 2026\n"
        "#,Transaction Date,Value Date,Description,Chq/Ref. No.,Withdrawal (Dr.),Deposit (Cr.),"
        "Balance\n"
        '1,01 Oct 2026,01 Oct 2026,NEFT CR-SBIN0001234-KAVERI TRADERS,,,"45,000.00",'
        '"1,45,000.00"\n'
        '2,05 Oct 2026,05 Oct 2026,CHQ PAID-SHARMA ENTERPRISES,000451,"12,500.00",,'
        '"1,32,500.00"\n'
        '3,31 Oct 2026,31 Oct 2026,SMS CHARGES,,17.70,,"1,32,482.30"\n',
        "1234567890",
    ),
}


@pytest.mark.parametrize("bank", list(STATEMENTS))
def test_portal_export(bank: str, tmp_path: Path) -> None:
    name, text, account = STATEMENTS[bank]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000 + 1770, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-SBIN0001234-KAVERI TRADERS", 4500000),
        LAST,
    ]
    assert lines.frame["reference"].tolist()[1] in {"000451", "0000000000000451"}
    assert set(lines.frame["reference"].tolist()[::2]) <= {"", "SBIN126274123456"}
    assert chains(lines)
    assert lines.closing == 13248230
    assert lines.account == account


def test_a_reference_wrapped_with_its_narration_is_one_reference(tmp_path: Path) -> None:
    """A statement converted from print wraps the narration and the reference onto the rows
    below (`Chq/Ref` cut to fit): the reference's rest joins it without a space. Before: the
    `Chq/Ref` column was not known, no line had a reference."""
    path = tmp_path / "wrapped.csv"
    path.write_text(
        "Date,Narration,Chq/Ref,Debit,Credit,Balance\n"
        "01/10/2026,NEFT CR-SBIN0001234-,SBIN1262,,45000.00,145000.00\n"
        ",KAVERI TRADERS-,74123456,,,\n"
        ",INV 1045,,,,\n"
        "05/10/2026,CHQ PAID-MICR CTS-,000451,12500.00,,132500.00\n"
        ",SHARMA ENTERPRISES,,,,\n"
        "31/10/2026,SMS CHARGES,,17.70,,132482.30\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000 + 1770, 4500000)
    assert lines.frame["narration"].tolist()[:2] == [
        "NEFT CR-SBIN0001234- KAVERI TRADERS- INV 1045",
        "CHQ PAID-MICR CTS- SHARMA ENTERPRISES",
    ]
    assert lines.frame["reference"].tolist() == ["SBIN126274123456", "000451", ""]
    assert chains(lines)


def test_an_unsigned_amount_the_balance_cannot_side_says_what_to_write(tmp_path: Path) -> None:
    """One `Amount` column, unsigned, beside balances: each line's side is the way its balance
    moved, but the first line has no balance before it. It is refused with what to write in the
    cell. Before: "Fix the cell", without saying how."""
    path = tmp_path / "unsigned.csv"
    path.write_text(
        "Tran Date,Particulars,Amount,Balance\n"
        '01-10-2026,NEFT CR-SBIN0001234-KAVERI TRADERS,"45,000.00","1,45,000.00"\n'
        '05-10-2026,CHQ PAID-SHARMA ENTERPRISES,"12,500.00","1,32,500.00"\n'
        '31-10-2026,SMS CHARGES,17.70,"1,32,482.30"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert totals(lines) == (2, 1250000 + 1770, 0)
    assert [(i.cell, i.value, i.problem) for i in lines.issues] == [
        (
            "C2",
            "45,000.00",
            "Row 2: neither a Dr/Cr column nor the amount nor a balance before it says which way "
            "the money went: write Cr (money in) or Dr (money out) after the amount, e.g. "
            "45,000.00 Cr",
        )
    ]


def test_a_line_printed_again_after_a_page_break_is_read_once(tmp_path: Path) -> None:
    """A statement converted from print repeats the page's last line under the next page's
    header: the line is read once, and Integrity names both rows and the page break. Before:
    read once, but the finding spoke of an overlapping download only."""
    path = tmp_path / "paged.csv"
    path.write_text(
        "Date,Narration,Chq No,Withdrawal,Deposit,Balance\n"
        '01/10/2026,NEFT CR-SBIN0001234-KAVERI TRADERS,,,"45,000.00","1,45,000.00"\n'
        '05/10/2026,CHQ PAID-SHARMA ENTERPRISES,000451,"12,500.00",,"1,32,500.00"\n'
        "Page 1 of 2,,,,,\n"
        "Date,Narration,Chq No,Withdrawal,Deposit,Balance\n"
        '05/10/2026,CHQ PAID-SHARMA ENTERPRISES,000451,"12,500.00",,"1,32,500.00"\n'
        '31/10/2026,SMS CHARGES,,17.70,,"1,32,482.30"\n',
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    findings, kept = check_statement(lines.frame, lines.findings)
    assert [(f.row, f.check, f.detail) for f in findings] == [
        (
            6,
            "Duplicate line",
            "Row 6 repeats row 3 (same date, narration, reference, amount and balance): an "
            "overlapping download, or a line printed again after a page break. It was left out "
            "of matching.",
        )
    ]
    assert (len(kept), int(kept["debit"].sum()), int(kept["credit"].sum())) == (3, 1251770, 4500000)


def test_a_date_merged_over_the_days_lines_dates_each(xlsx: Callable[..., Path]) -> None:
    """A day's date written once in a cell merged down over its lines, as exports laid out for
    print have it. Before: the second line refused ("an amount with no date") and the balance
    chain broken."""
    rows: list[list[Any]] = [
        ["Account No : 123401000012345"],
        ["Date", "Narration", "Debit", "Credit", "Balance"],
        ["01/10/2026", "NEFT CR-SBIN0001234-KAVERI TRADERS", None, 45000, 145000],
        [None, "UPI/631212345678/OM SAI", 500, None, 144500],
        ["05/10/2026", "CHQ PAID-SHARMA ENTERPRISES", 12000, None, 132500],
        ["31/10/2026", "SMS CHARGES", 17.7, None, 132482.3],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, merged={"Statement": ["A3:A4"]})))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1770, 4500000)
    assert lines.frame["date"].tolist()[:2] == [date(2026, 10, 1), date(2026, 10, 1)]
    assert chains(lines)


def test_a_web_page_statement_with_a_date_spanning_rows(tmp_path: Path) -> None:
    """The same as a web page saved as .xls (`rowspan`): Excel opens the date merged down over
    both lines and the next row's cells in their own columns. Before: the second line's cells
    shifted left under the date (`'UPI/…/OM SAI' is not a date`), the line refused."""
    path = tmp_path / "statement.xls"
    path.write_text(
        "<html><body><table>\n"
        "<tr><td>Account No : 123401000012345</td></tr>\n"
        "<tr><th>Date</th><th>Narration</th><th>Debit</th><th>Credit</th><th>Balance</th></tr>\n"
        '<tr><td rowspan="2">01/10/2026</td><td>NEFT CR-SBIN0001234-KAVERI TRADERS</td><td></td>'
        "<td>45,000.00</td><td>1,45,000.00</td></tr>\n"
        "<tr><td>UPI/631212345678/OM SAI</td><td>500.00</td><td></td><td>1,44,500.00</td></tr>\n"
        "<tr><td>05/10/2026</td><td>CHQ PAID-SHARMA ENTERPRISES</td><td>12,000.00</td><td></td>"
        "<td>1,32,500.00</td></tr>\n"
        "<tr><td>31/10/2026</td><td>SMS CHARGES</td><td>17.70</td><td></td>"
        "<td>1,32,482.30</td></tr>\n"
        "</table></body></html>\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1770, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-SBIN0001234-KAVERI TRADERS", 4500000),
        LAST,
    ]
    assert lines.frame.iloc[1][["date", "narration", "debit"]].tolist() == [
        date(2026, 10, 1),
        "UPI/631212345678/OM SAI",
        50000,
    ]
    assert chains(lines)


def test_a_web_page_statement_whose_title_spans_a_billion_columns(tmp_path: Path) -> None:
    """A title cell claiming `colspan="999999999"` (or `"100"`, to span "all") is cut to
    MAX_COLSPAN blank cells, not a billion: the statement below it reads as it is."""
    path = tmp_path / "statement.xls"
    path.write_text(
        "<html><body><table>\n"
        '<tr><td colspan="999999999">Account No : 123401000012345</td></tr>\n'
        '<tr><td colspan="100">Statement from 01/10/2026 to 31/10/2026</td></tr>\n'
        "<tr><th>Date</th><th>Narration</th><th>Debit</th><th>Credit</th><th>Balance</th></tr>\n"
        "<tr><td>01/10/2026</td><td>NEFT CR-SBIN0001234-KAVERI TRADERS</td><td></td>"
        "<td>45,000.00</td><td>1,45,000.00</td></tr>\n"
        "<tr><td>31/10/2026</td><td>SMS CHARGES</td><td>17.70</td><td></td>"
        "<td>1,44,982.30</td></tr>\n"
        "</table></body></html>\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (2, 1770, 4500000)
    assert lines.frame["narration"].tolist() == [
        "NEFT CR-SBIN0001234-KAVERI TRADERS",
        "SMS CHARGES",
    ]


def test_a_web_page_statement_with_its_amounts_grouped_under_one_heading(tmp_path: Path) -> None:
    """A web page's header over two rows: `Date`, `Particulars` and `Balance` spanning both,
    `Amount (INR)` over `Debit | Credit`. Before: `Debit` and `Credit` were taken for the first
    two columns' lower words and the deposit of ₹45,000.00 was lost without a word."""
    path = tmp_path / "statement.xls"
    path.write_text(
        "<html><body><table>\n"
        "<tr><td>Account No : 123401000012345</td></tr>\n"
        '<tr><th rowspan="2">Date</th><th rowspan="2">Particulars</th>'
        '<th colspan="2">Amount (INR)</th><th rowspan="2">Balance</th></tr>\n'
        "<tr><th>Debit</th><th>Credit</th></tr>\n"
        "<tr><td>01/10/2026</td><td>NEFT CR-SBIN0001234-KAVERI TRADERS</td><td></td>"
        "<td>45,000.00</td><td>1,45,000.00</td></tr>\n"
        "<tr><td>05/10/2026</td><td>CHQ PAID-SHARMA ENTERPRISES</td><td>12,500.00</td><td></td>"
        "<td>1,32,500.00</td></tr>\n"
        "<tr><td>31/10/2026</td><td>SMS CHARGES</td><td>17.70</td><td></td>"
        "<td>1,32,482.30</td></tr>\n"
        "</table></body></html>\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (3, 1250000 + 1770, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-SBIN0001234-KAVERI TRADERS", 4500000),
        LAST,
    ]
    assert chains(lines)


def test_a_web_page_s_empty_row_under_a_date_spanning_rows(tmp_path: Path) -> None:
    """A date spanning two rows, the second an empty `<tr></tr>`, as a browser shows it: the
    date spans the NEFT line and the empty row; the UPI line below has no date of its own.
    Before: the empty row was dropped but the span still counted two lines, so the NEFT
    line's date landed on the UPI line, read as of 01/10/2026 without a word. Now the UPI line,
    with no date of its own under the NEFT line's and its balance running on from it, is read
    as a day's line under its date written once, and an Info issue says so."""
    path = tmp_path / "statement.xls"
    path.write_text(
        "<html><body><table>\n"
        "<tr><td>Account No : 123401000012345</td></tr>\n"
        "<tr><th>Date</th><th>Narration</th><th>Debit</th><th>Credit</th><th>Balance</th></tr>\n"
        '<tr><td rowspan="2">01/10/2026</td><td>NEFT CR-SBIN0001234-KAVERI TRADERS</td><td></td>'
        "<td>45,000.00</td><td>1,45,000.00</td></tr>\n"
        "<tr></tr>\n"
        "<tr><td></td><td>UPI/631212345678/OM SAI</td><td>500.00</td><td></td>"
        "<td>1,44,500.00</td></tr>\n"
        "<tr><td>05/10/2026</td><td>CHQ PAID-SHARMA ENTERPRISES</td><td>12,000.00</td><td></td>"
        "<td>1,32,500.00</td></tr>\n"
        "<tr><td>31/10/2026</td><td>SMS CHARGES</td><td>17.70</td><td></td>"
        "<td>1,32,482.30</td></tr>\n"
        "</table></body></html>\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert [(row.date, row.narration) for row in lines.frame.itertuples()] == [
        (date(2026, 10, 1), "NEFT CR-SBIN0001234-KAVERI TRADERS"),
        (date(2026, 10, 1), "UPI/631212345678/OM SAI"),
        (date(2026, 10, 5), "CHQ PAID-SHARMA ENTERPRISES"),
        (date(2026, 10, 31), "SMS CHARGES"),
    ]
    assert [(i.severity.name, i.cell, i.problem) for i in lines.issues] == [
        (
            "INFO",
            "A4",
            "Row 4: no date of its own: read as of 01-10-2026, the date of the line above (a "
            "day's date written on its first line only), as the running balance confirms",
        )
    ]
