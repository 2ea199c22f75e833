"""What the accountant gets: the BRS as an auditor reads it, the Suggestions to decide on, the
decisions read back (and junk reported), the matching window's bounds, a statement's sheet."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from tests.bank.test_reconcile import reconcile as reconcile_files
from xlbo.bank import brs as brs_of
from xlbo.bank.brs import Section, statement_lines
from xlbo.cli import main
from xlbo.jobs.reconcile import company_in
from xlbo.money import INDIAN_LOCALE, INR_DR_CR_FORMAT, INR_NUMBER_FORMAT

BANK_SIDE = f'{INDIAN_LOCALE}#,##0.00" Cr";{INDIAN_LOCALE}#,##0.00" Dr";"–"'
"""A bank's balance as its statement prints it: in credit Cr, overdrawn Dr."""

HEADER = [
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Value Dt",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
]
STATEMENT = [  # an HDFC Bank download: title lines, a rule of asterisks, lines, a summary
    ["HDFC BANK Ltd."],
    ["M/S. SAHYADRI TRADELINKS PRIVATE LIMITED"],
    ["Account No : 50200012345678"],
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    [],
    HEADER,
    ["********", "********", "********", "********", "********", "********", "********"],
    [
        "02/10/26",
        "NEFT CR-SBIN0004567-OM SAI LOGISTICS-SBINN26100212345678",
        "SBINN26100212345678",
        "02/10/26",
        None,
        25000.00,
        125000.00,
    ],
    [
        "05/10/26",
        "CHQ PAID-MICR CTS-PUNE-KAVERI ELECTRICALS",
        "000451",
        "05/10/26",
        18000.00,
        None,
        107000.00,
    ],
    [
        "15/10/26",
        "ACH D- HDFC LTD-LOAN EMI 000123456789",
        "000000000000",
        "15/10/26",
        12345.00,
        None,
        94655.00,
    ],
    ["31/10/26", "SMS CHGS JUL-SEP 2026 INCL GST", "", "31/10/26", 17.70, None, 94637.30],
    [
        "31/10/26",
        "INT.PD 01-07-2026 TO 30-09-2026 SAVINGS SWEEP DEPOSIT ACCOUNT 50300098765432",
        "",
        "31/10/26",
        None,
        1234.00,
        95871.30,
    ],
    [],
    ["STATEMENT SUMMARY :-"],
    ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
    ["1,00,000.00", "3", "2", "30,362.70", "26,234.00", "95,871.30"],
    ["Generated On: 01-Nov-2026"],
]
LEDGER = [  # a Tally ledger export: company, ledger, period, then the voucher lines
    ["Sahyadri Tradelinks Private Limited"],
    ["HDFC Bank Current A/c"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    [],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    [date(2026, 10, 1), "Opening Balance", None, None, 100000.00, None],
    [date(2026, 10, 1), "Om Sai Logistics", "Receipt", "RCT/1", 25000.00, None],
    [date(2026, 10, 4), "Kaveri Electricals", "Payment", "PMT/1", None, 18000.00],
    [date(2026, 10, 29), "Vardhaman Retail Pvt Ltd", "Receipt", "RCT/2", 50000.00, None],
    [date(2026, 10, 30), "Annapurna Caterers", "Payment", "PMT/2", None, 7500.00],
    [date(2026, 10, 30), "Shree Balaji Traders", "Payment", "PMT/3", None, 2500.00],
    [None, "Closing Balance", None, None, None, 147000.00],
]


def brs_rows(sheet: Any) -> list[tuple[Any, ...]]:
    """The BRS sheet's lines under its header: (date, particulars, reference, amount, total),
    dates as dates, figures as exact rupees, blanks as None ('' for no reference)."""
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(rows) if r[:2] == ["Date", "Particulars"])
    assert rows[top] == ["Date", "Particulars", "Vch No. / Ref.", "Amount", "Total"]

    def money(value: Any) -> Decimal | str | None:
        if value is None or isinstance(value, str):  # `Nil` under a heading with no lines
            return value
        return Decimal(str(value)).quantize(Decimal("0.01"))

    return [
        (
            r[0].date() if isinstance(r[0], datetime) else r[0],
            (r[1] or "").strip(),
            r[2] or "",
            money(r[3]),
            money(r[4]),
        )
        for r in rows[top + 1 :]
    ]


def figures(rows: Sequence[tuple[Any, ...]]) -> dict[str, Decimal]:
    """Label → figure of the balances and subtotals."""
    return {r[1]: r[4] for r in rows if r[4] is not None}


def listed(rows: Sequence[tuple[Any, ...]], heading: str) -> list[tuple[Any, ...]]:
    """The items under the heading that starts with `heading`: (date, text, reference, amount),
    the text carried on to following lines joined back."""
    start = next(i for i, r in enumerate(rows) if r[1].startswith(heading))
    if rows[start][4] == "Nil":
        return []
    items: list[tuple[Any, ...]] = []
    for row in rows[start + 1 :]:
        if row[4] is not None:  # the subtotal ends the section
            break
        if row[0] is None and row[3] is None:  # the text goes on
            last = items[-1]
            glue = "" if last[1].endswith(("-", "/")) else " "
            items[-1] = (last[0], last[1] + glue + row[1], *last[2:])
        else:
            items.append(row[:4])
    return items


@pytest.fixture
def inputs(xlsx: Callable[..., Path]) -> tuple[Path, Path]:
    bank = xlsx({"Statement": STATEMENT}, name="hdfc-oct.xlsx")
    books = xlsx({"Ledger": LEDGER}, name="tally-hdfc.xlsx")
    return bank, books


def reconcile(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["reconcile", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("sheet", ["Company", "company "])
def test_the_company_is_found_on_a_company_sheet_of_the_ledger_workbook(
    inputs: tuple[Path, Path], xlsx: Callable[..., Path], sheet: str
) -> None:
    """A ledger kept in a workbook that also holds the Company sheet (as typed, in any case)
    names the company; a Tally export, which has none, names none (and is not opened twice
    to find that out)."""
    books = xlsx({"Ledger": LEDGER, sheet: [["Name"], ["Konkan Agro Foods LLP"]]}, name="b.xlsx")
    assert company_in(books) == "Konkan Agro Foods LLP"
    _, tally = inputs
    assert company_in(tally) == ""


def test_brs_heading_items_subtotals_and_a_difference_of_nil(
    inputs: tuple[Path, Path], xlsx: Callable[..., Path], tmp_path: Path, capsys: Any
) -> None:
    bank, books = inputs
    master = xlsx(
        {"Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]]},
        name="master.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    code, printed, _ = reconcile(
        capsys,
        "--bank",
        str(bank),
        "--ledger",
        str(books),
        "--master",
        str(master),
        "--out",
        str(out),
    )
    assert "2 matches" in printed and "BRS difference 0.00" in printed
    sheet = openpyxl.load_workbook(out)["BRS"]
    heading = [sheet.cell(r, 1).value for r in (1, 2, 3)]
    assert heading[0] == "Sahyadri Tradelinks Private Limited"
    assert heading[1] == "Bank Reconciliation Statement as on 31 October 2026"
    assert heading[2].startswith("HDFC Bank Current A/c")  # the ledger's name in the books
    rows = brs_rows(sheet)
    assert rows[0][1:] == ("Balance as per bank statement", "", None, Decimal("95871.30"))
    assert listed(rows, "Add: Cheques deposited and receipts in the books not yet credited") == [
        (date(2026, 10, 29), "Vardhaman Retail Pvt Ltd", "RCT/2", Decimal("50000.00"))
    ]
    assert listed(rows, "Less: Cheques issued and payments in the books not yet debited") == [
        (date(2026, 10, 30), "Annapurna Caterers", "PMT/2", Decimal("7500.00")),
        (date(2026, 10, 30), "Shree Balaji Traders", "PMT/3", Decimal("2500.00")),
    ]
    assert listed(rows, "Add: Debits in the bank not yet in the books") == [
        (date(2026, 10, 15), "ACH D- HDFC LTD-LOAN EMI 000123456789", "", Decimal("12345.00")),
        (date(2026, 10, 31), "SMS CHGS JUL-SEP 2026 INCL GST", "", Decimal("17.70")),
    ]
    assert listed(rows, "Less: Credits in the bank not yet in the books") == [
        (
            date(2026, 10, 31),
            "INT.PD 01-07-2026 TO 30-09-2026 SAVINGS SWEEP DEPOSIT ACCOUNT 50300098765432",
            "",
            Decimal("1234.00"),
        )
    ]
    assert listed(rows, "Add: Differences on matches") == []
    assert figures(rows) == {
        "Balance as per bank statement": Decimal("95871.30"),
        "Total receipts in the books not yet credited": Decimal("50000.00"),
        "Total payments in the books not yet debited": Decimal("10000.00"),
        "Total debits in the bank not yet in the books": Decimal("12362.70"),
        "Total credits in the bank not yet in the books": Decimal("1234.00"),
        # a heading with nothing under it says Nil, as an accountant writes it, and no total
        "Add: Differences on matches, to be booked (TDS, charges)": "Nil",
        "Balance as per books (computed)": Decimal("147000.00"),
        "Balance as per books (ledger)": Decimal("147000.00"),
        "Difference": Decimal("0.00"),
    }
    assert code == 0
    # one money format, Indian grouping, a minus sign for a negative, on every figure but the
    # balances, which carry their side: the bank's Cr as the statement prints it, the books' Dr
    by_label = {
        sheet.cell(c.row, 2).value: c.number_format
        for c in sheet["E"]
        if isinstance(c.value, int | float)
    }
    assert {f for label, f in by_label.items() if "Balance as per" not in label} == {
        INR_NUMBER_FORMAT
    }
    assert by_label["Balance as per bank statement"] == BANK_SIDE
    assert by_label["Balance as per books (computed)"] == INR_DR_CR_FORMAT
    assert by_label["Balance as per books (ledger)"] == INR_DR_CR_FORMAT
    formats = {c.number_format for c in sheet["D"] if isinstance(c.value, int | float)}
    assert formats <= {INR_NUMBER_FORMAT, "General"}
    items = [str(c.value) for c in sheet["B"] if str(c.value or "").startswith(" ")]
    assert max(len(text) for text in items) <= sheet.column_dimensions["B"].width  # on to the next
    # the Summary's labels are printed whole (`Stale book entries (over 3 months): write back`
    # was cut at `write bac` in a PDF)
    summary = openpyxl.load_workbook(out)["Summary"]
    header = next(r for r in summary.iter_rows(min_col=1, max_col=1) if r[0].value == "Item")[0]
    labels = [str(c.value) for c in summary["A"][header.row :] if c.value]
    assert "Stale book entries (over 3 months): write back" in labels
    assert max(len(text) for text in labels) < summary.column_dimensions["A"].width


def test_brs_references_read_as_numbers_empty_headings_nil_and_no_noughts_on_the_other_side(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: Any
) -> None:
    """HDFC pads its reference column with noughts to 16 digits: on the BRS a UPI line's is its
    reference number and a cheque's its six digits, as an auditor looks them up. A heading with
    nothing under it says Nil; the Unmatched sheets leave the other side's cell blank, as a
    ledger prints it, and last month's BRS is still read back from them."""
    rows = [r[:] for r in STATEMENT]
    rows[9] = [
        "15/10/26",
        "UPI-CHIEF ACCOUNTS OFFIC-KARNATSRTC.BD@ICICI-ICIC0DC0099-232506734892-COLLECT",
        "0000232506734892",
        "15/10/26",
        12345.00,
        None,
        94655.00,
    ]
    rows[10] = ["31/10/26", "CHQ PAID-MICR CTS-MU-CLG", "0000000000004400", "31/10/26", 17.70]
    rows[10] += [None, 94637.30]
    bank = xlsx({"Statement": rows}, name="hdfc-oct.xlsx")
    books = xlsx({"Ledger": LEDGER}, name="tally-hdfc.xlsx")
    out = tmp_path / "brs.xlsx"
    code, printed, _ = reconcile(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out)
    )
    assert code == 0, printed
    book = openpyxl.load_workbook(out)
    brs = brs_rows(book["BRS"])
    assert listed(brs, "Add: Debits in the bank not yet in the books") == [
        (
            date(2026, 10, 15),
            "UPI-CHIEF ACCOUNTS OFFIC-KARNATSRTC.BD@ICICI-ICIC0DC0099-232506734892-COLLECT",
            "232506734892",
            Decimal("12345.00"),
        ),
        (date(2026, 10, 31), "CHQ PAID-MICR CTS-MU-CLG", "004400", Decimal("17.70")),
    ]
    assert figures(brs)["Add: Differences on matches, to be booked (TDS, charges)"] == "Nil"
    assert "Total differences on matches" not in figures(brs)
    unmatched = list(book["Unmatched Bank"].iter_rows(values_only=True))
    assert unmatched[0] == ("Bank Row", "Date", "Narration", "Reference", "Withdrawal", "Deposit")
    assert [(r[3], r[4], r[5]) for r in unmatched[1:]] == [
        ("0000232506734892", 12345, None),  # as the bank wrote it, on the sheet of its lines
        ("0000000000004400", 17.7, None),
        ("", None, 1234),
    ]
    ledger_rows = list(book["Unmatched Ledger"].iter_rows(values_only=True))
    assert [(r[2], r[-2], r[-1]) for r in ledger_rows[1:]] == [
        ("Vardhaman Retail Pvt Ltd", 50000, None),
        ("Annapurna Caterers", None, 7500),
        ("Shree Balaji Traders", None, 2500),
    ]
    from xlbo.readers.last_brs import read_last_brs

    carried = read_last_brs(out)
    assert carried.bank["debit"].tolist() == [1234500, 1770, 0]
    assert carried.bank["credit"].tolist() == [0, 0, 123400]
    assert carried.ledger["credit"].tolist() == [0, 750000, 250000]


def test_the_company_comes_from_the_master_when_the_files_do_not_name_it(
    tmp_path: Path, xlsx: Callable[..., Path]
) -> None:
    from xlbo.jobs.reconcile import run_reconcile

    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        '01/10/26,NEFT CR-OM SAI,,,"5,000.00","1,05,000.00"\n'
        "03/10/26,SMS CHGS,,17.70,,104982.30\n"
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Om Sai Logistics,Receipt,RCT/1,5000.00,\n"
    )
    master = xlsx({"Company": [["Name"], ["Konkan Agro Foods LLP"]]}, name="master.xlsx")
    result = run_reconcile(bank, books, master=master)
    brs = next(s for s in result.sheets if s.name == "BRS")
    assert brs.title[:2] == (
        "Konkan Agro Foods LLP",
        "Bank Reconciliation Statement as on 3 October 2026",  # the statement's last line
    )
    nameless = next(s for s in run_reconcile(bank, books).sheets if s.name == "BRS")
    assert nameless.title[0] == "Bank Reconciliation Statement as on 3 October 2026"


def test_the_heading_names_what_the_readers_found() -> None:
    import pandas as pd

    from xlbo.bank.lines import Lines
    from xlbo.jobs.reconcile import brs_heading

    statement = Lines(
        pd.DataFrame({"date": [date(2026, 10, 30)]}),
        "hdfc.xlsx",
        "Statement",
        company="M/S. SAHYADRI TRADELINKS PRIVATE LIMITED",
        account="50200012345678",
        period=(date(2026, 10, 1), date(2026, 10, 31)),
    )
    ledger = Lines(
        pd.DataFrame({"date": [date(2026, 10, 29)]}),
        "tally.xlsx",
        "Ledger",
        company="Sahyadri Tradelinks Private Limited",
        account="HDFC Bank Current A/c",
    )
    assert brs_heading(statement, ledger, statement.frame, ledger.frame, "Other") == (
        "Sahyadri Tradelinks Private Limited",
        "Bank Reconciliation Statement as on 31 October 2026",
        "HDFC Bank Current A/c, A/c No. 50200012345678",
    )


def test_long_lists_and_long_narrations_stay_readable() -> None:
    import pandas as pd

    from xlbo.bank.brs import BRS, Section
    from xlbo.jobs.reconcile import BRS_TEXT, brs_sheet

    narration = (
        "UPI/629000012037/VIVAAN VIKRAM NAIR/vivaan.nair@okaxis/SBIN/Payment for invoice 2231"
    )
    items = pd.DataFrame(
        {
            "date": [date(2026, 10, 3)] * 3,
            "particulars": [narration, "SMS CHGS", "NEFT CHGS"],
            "reference": ["", "", ""],
            "amount": [49900, 1770, 590],
        }
    )
    brs = BRS(0, 0, 0, 0, 52260, 52260, items={Section.BANK_CREDITS: items})
    frame = brs_sheet(brs, ("Bank Reconciliation Statement",)).frame
    texts = frame["Particulars"].tolist()
    start = texts.index(Section.BANK_CREDITS.value)
    first, *rest = (t.strip() for t in texts[start + 1 : start + 4])
    assert all(len(t) <= BRS_TEXT for t in (first, *rest))
    assert frame["Amount"].iloc[start + 1] == Decimal("499.00")
    assert frame["Amount"].iloc[start + 2 : start + 2 + len(rest)].isna().all()  # no figure
    assert [first, *rest] == [
        "UPI/629000012037/VIVAAN VIKRAM NAIR/",
        "vivaan.nair@okaxis/SBIN/Payment for invoice",
        "2231",
    ]

    import xlbo.jobs.reconcile as job

    original = job.BRS_ITEMS
    job.BRS_ITEMS = 1
    try:
        frame = brs_sheet(brs, ("BRS",)).frame
    finally:
        job.BRS_ITEMS = original
    texts = [t.strip() for t in frame["Particulars"].tolist()]
    more = texts.index("… and 2 more (see the unmatched lines)")
    assert frame["Amount"].iloc[more] == Decimal("23.60")
    assert frame["Total"].iloc[more + 1] == Decimal("522.60")  # the subtotal counts them all


def test_a_long_reference_goes_on_to_the_next_line_beside_its_particulars() -> None:
    """SBI writes `TRANSFER FROM 10664826461 / …` in its Ref No. column: on the BRS it was cut
    at the column's width."""
    import pandas as pd

    from xlbo.bank.brs import BRS, Section
    from xlbo.jobs.reconcile import BRS_REFERENCE, brs_sheet

    reference = "TRANSFER FROM 10664826461 / KAVERI HOME NEEDS"
    items = pd.DataFrame(
        {
            "date": [date(2026, 10, 3), date(2026, 10, 4)],
            "particulars": ["BY TRANSFER-NEFT*HDFC0000240*N2761*KAVERI", "SMS CHGS"],
            "reference": [reference, "IMPS 6290"],
            "amount": [1_234_500, 1770],
        }
    )
    brs = BRS(0, 0, 0, 0, 1_236_270, 1_236_270, items={Section.BANK_CREDITS: items})
    frame = brs_sheet(brs, ("Bank Reconciliation Statement",)).frame
    texts = ["" if pd.isna(t) else str(t).strip() for t in frame["Particulars"].tolist()]
    start = texts.index(Section.BANK_CREDITS.value) + 1
    refs = frame["Vch No. / Ref."].tolist()[start : start + 4]
    assert refs == ["TRANSFER FROM", "10664826461 / KAVERI", "HOME NEEDS", "IMPS 6290"]
    assert all(len(r) <= BRS_REFERENCE for r in refs)
    utr = "HDFCR52026103098765432"  # an RTGS UTR's 22 characters stay on one line
    items.loc[1, "reference"] = utr
    frame = brs_sheet(brs, ("Bank Reconciliation Statement",)).frame
    assert frame["Vch No. / Ref."].tolist()[start + 3 : start + 5] == [utr, ""]  # the next item

    from xlbo.jobs.reconcile import printed_lines

    # a date inside a voucher number is not broken at its hyphens
    assert printed_lines("CHQ 000452 dt 28-10-2026 drawn on SBI MG Road", BRS_REFERENCE) == [
        "CHQ 000452 dt",
        "28-10-2026 drawn on",
        "SBI MG Road",
    ]
    assert texts[start : start + 4] == [
        "BY TRANSFER-NEFT*HDFC0000240*N2761*KAVERI",
        "",
        "",
        "SMS CHGS",
    ]
    amounts = frame["Amount"].tolist()[start : start + 4]
    assert amounts[0] == Decimal("12345.00") and amounts[3] == Decimal("17.70")
    assert pd.isna(amounts[1]) and pd.isna(amounts[2])  # the figure once, on the first line


SUGGESTION_BANK = [
    [
        "06/10/26",
        "CLG CHQ 448812 HDFC BANK",  # Kaveri Home Needs' cheque: the bank names no one
        "",
        "06/10/26",
        None,
        9900.00,
        109900.00,
    ],
    [
        "08/10/26",
        "NEFT CR-SBIN0004567-OM SAI-SBINN26100833334444",
        "",
        "08/10/26",
        None,
        5000.00,
        114900.00,
    ],
]
SUGGESTION_BOOKS = [
    [date(2026, 10, 1), "Opening Balance", None, None, 100000.00, None],
    [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.00, None],
    [date(2026, 10, 8), "Om Sai Logistics", "Receipt", "RCT/3", 5000.00, None],
]


@pytest.fixture
def result_book(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A reconciliation with one match (Om Sai) and one suggestion (Kaveri, TDS deducted)."""
    bank = xlsx({"Statement": [*STATEMENT[:7], *SUGGESTION_BANK]}, name="bank.xlsx")
    books = xlsx({"Ledger": [*LEDGER[:6], *SUGGESTION_BOOKS]}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    reconcile(capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out))
    return out


def test_suggestions_show_both_lines_beside_the_reason(result_book: Path) -> None:
    sheet = openpyxl.load_workbook(result_book)["Suggestions"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "Bank Row",
        "Ledger Row",
        "Kind",
        "Why",
        "Bank Date",
        "Narration",
        "Bank Amount",
        "Ledger Date",
        "Particulars",
        "Ledger Amount",
        "Accept",
        "Reject",
    ]
    line = dict(zip(rows[0], rows[1], strict=True))
    assert (line["Bank Row"], line["Ledger Row"], line["Kind"]) == (8, 8, "TDS deducted")
    assert line["Bank Date"] == datetime(2026, 10, 6)
    assert line["Narration"] == "CLG CHQ 448812 HDFC BANK"
    assert line["Bank Amount"] == 9900
    assert line["Ledger Date"] == datetime(2026, 10, 6)
    assert line["Particulars"] == "Kaveri Home Needs"
    assert line["Ledger Amount"] == 10000
    assert line["Accept"] is None
    offered = [v.formula1 for v in sheet.data_validations.dataValidation]
    # the dropdowns offer what is understood
    assert offered == ['"Accept,Yes,Y,x,✓"', '"Reject,Yes,Y,x,✓"']
    reject = openpyxl.load_workbook(result_book)["Matches"].data_validations.dataValidation
    assert [v.formula1 for v in reject] == ['"Reject,Yes,Y,x,✓"']


def _mark(book_path: Path, sheet: str, column: str, value: Any) -> str:
    """Type `value` into `column` of the first row of `sheet`; return the cell's address."""
    book = openpyxl.load_workbook(book_path)
    headers = [c.value for c in book[sheet][1]]
    cell = book[sheet].cell(2, headers.index(column) + 1, value)
    book.save(book_path)
    return str(cell.coordinate)


@pytest.mark.parametrize("word", ["Accept", " accept ", "YES", "y", "X", "✓", True])
def test_each_accepted_word_confirms_the_suggestion(
    result_book: Path, word: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _mark(result_book, "Suggestions", "Accept", word)
    code, printed, err = reconcile(capsys, "--confirm", str(result_book))
    assert err == "" and "not applied" not in printed
    book = openpyxl.load_workbook(result_book)
    rules = [r[3] for r in book["Matches"].iter_rows(min_row=2, values_only=True)]
    assert sorted(rules) == ["Amount and date", "Confirmed"]
    assert figures(brs_rows(book["BRS"]))["Total differences on matches"] == 100
    assert "Issues" not in book.sheetnames
    assert code == 0


@pytest.mark.parametrize("word", ["Reject", "Yes", "y", "x", "✓", "REJECT "])
def test_each_rejecting_word_undoes_the_match(
    result_book: Path, word: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _mark(result_book, "Matches", "Reject", word)
    code, _, err = reconcile(capsys, "--confirm", str(result_book))
    assert err == "" and code == 0  # the BRS still ties: both lines are listed on it
    book = openpyxl.load_workbook(result_book)
    assert [r[0] for r in book["Matches"].iter_rows(min_row=2, values_only=True)] == []
    assert len(list(book["Unmatched Bank"].iter_rows(min_row=2))) == 2


def test_anything_else_typed_is_reported_and_nothing_is_decided(
    result_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accept = _mark(result_book, "Suggestions", "Accept", "Acept")
    reject = _mark(result_book, "Matches", "Reject", "maybe")
    code, printed, err = reconcile(capsys, "--confirm", str(result_book))
    assert code == 1
    assert "2 decisions not applied" in printed
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any(f"Suggestions!{accept}: 'Acept' under Accept is not a decision" in x for x in lines)
    assert any(f"Matches!{reject}: 'maybe' under Reject is not a decision" in x for x in lines)
    book = openpyxl.load_workbook(result_book)
    issues = list(book["Issues"].iter_rows(values_only=True))
    assert issues[0][:4] == ("Severity", "Sheet", "Cell", "Value")
    found = {(r[1], r[2], r[3]) for r in issues[1:]}
    assert found == {("Suggestions", accept, "Acept"), ("Matches", reject, "maybe")}
    problems = " ".join(str(r[4]) for r in issues[1:])
    assert "(bank row 8, ledger row 8) was left as it was" in problems
    rules = [r[3] for r in book["Matches"].iter_rows(min_row=2, values_only=True)]
    assert rules == ["Amount and date"]  # neither applied
    summary = " ".join(str(c) for r in book["Summary"].iter_rows(values_only=True) for c in r)
    assert "2 Accept or Reject cell(s) held no decision xlbo could apply" in summary


def test_reject_typed_under_accept_says_how_to_leave_a_suggestion(
    result_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _mark(result_book, "Suggestions", "Accept", "Reject")
    code, _, err = reconcile(capsys, "--confirm", str(result_book))
    assert code == 1
    assert "To keep a suggested pair apart, type Reject in its Reject column" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--days-before", "99999999999"),
        ("--days-after", "91"),
        ("--days-before", "-1"),
        ("--days-after", "a week"),
    ],
)
def test_the_matching_window_is_bounded_at_the_door(
    inputs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
) -> None:
    bank, books = inputs
    out = tmp_path / "brs.xlsx"
    code, printed, err = reconcile(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out), f"{option}={value}"
    )
    assert code == 2 and printed == ""
    assert err == (
        f"xlbo: {option} {value} is not a number of days from 0 to 90; give a whole number "
        "such as 3 (bank dates rarely lag the books by more).\n"
    )
    assert not out.exists()


def test_the_job_refuses_a_window_past_its_bounds(inputs: tuple[Path, Path]) -> None:
    from xlbo.errors import UserError
    from xlbo.jobs.reconcile import run_reconcile

    class Wide:  # a window made without the checks
        before, after = -400, 7

    with pytest.raises(UserError, match="must be 0 to 90 days before and after"):
        run_reconcile(*inputs, window=Wide())  # type: ignore[arg-type]


def test_an_edited_run_sheet_window_is_a_clear_error(
    result_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.load_workbook(result_book)
    run = book["Run"]
    row = next(r for r in run.iter_rows() if r[0].value == "Days After")
    row[1].value = 365
    book.save(result_book)
    code, _, err = reconcile(capsys, "--confirm", str(result_book))
    assert code == 2
    assert "brs.xlsx, sheet Run: '365' under Days After is not a number of days from 0 to 90" in err


def test_a_named_statement_sheet_and_links_to_each_lines_own_sheet(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx(
        {"Summary": [["Account summary"], ["Opening", 100000]], "Oct 2026": STATEMENT},
        name="bank.xlsx",
    )
    books = xlsx({"Ledger": LEDGER}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code, printed, _ = reconcile(
        capsys,
        "--bank",
        str(bank),
        "--ledger",
        str(books),
        "--out",
        str(out),
        "--sheet",
        "Oct 2026",
    )
    assert "2 matches" in printed and code == 0
    matches = openpyxl.load_workbook(out)["Matches"]
    assert matches["B2"].value == 8
    assert (matches["B2"].hyperlink.target, matches["B2"].hyperlink.location) == (
        "bank.xlsx",
        "'Oct 2026'!A8",
    )
    run = {r[0]: r[1] for r in openpyxl.load_workbook(out)["Run"].iter_rows(values_only=True)}
    assert run["Sheet"] == "Oct 2026"
    assert reconcile(capsys, "--confirm", str(out))[0] == 0  # read again from the same sheet


def test_links_follow_a_sheet_column_when_the_reader_keeps_one(
    xlsx: Callable[..., Path],
) -> None:
    from xlbo.jobs.reconcile import reconcile_lines
    from xlbo.readers.ledger import read_ledger
    from xlbo.readers.statement import read_statement

    bank = xlsx({"Oct": STATEMENT}, name="bank.xlsx")
    books = xlsx({"Ledger": LEDGER}, name="books.xlsx")
    statement = read_statement(str(bank))
    frame = statement.frame.copy()
    frame["sheet"] = ["Oct", "Nov", "Nov", "Nov", "Nov"]  # as if read from two month sheets
    statement.frame = frame
    result = reconcile_lines(statement, read_ledger(str(books)), bank_file="bank.xlsx")
    matches = next(s for s in result.sheets if s.name == "Matches").frame
    assert [link.sheet for link in matches["Bank Row"]] == ["Oct", "Nov"]
    unmatched = next(s for s in result.sheets if s.name == "Unmatched Bank").frame
    assert {link.sheet for link in unmatched["Bank Row"]} == {"Nov"}


def test_progress_on_a_terminal_and_silence_in_a_pipe(
    inputs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bank, books = inputs
    args = ("--bank", str(bank), "--ledger", str(books), "--out", str(tmp_path / "brs.xlsx"))
    assert reconcile(capsys, *args)[2] == ""  # tests and pipes: not a word on stderr
    monkeypatch.setattr("xlbo.jobs.reconcile.shown", lambda: True)
    err = reconcile(capsys, *args)[2].splitlines()
    said = [line.rsplit(" (", 1)[0] for line in err]
    assert sorted(said[:2]) == [  # both files are read at the same time: either is first
        "xlbo: read 5 ledger lines from tally-hdfc.xlsx",
        "xlbo: read 5 statement lines from hdfc-oct.xlsx",
    ]
    assert said[2:] == [
        "xlbo: matched 2 pairs; 3 bank and 3 ledger lines left for the BRS",
        "xlbo: wrote brs.xlsx",
    ]
    assert all(line.endswith(" s)") for line in err)  # seconds each step took


def test_an_overdrawn_account_ties_and_shows_its_balances_with_their_sides(
    xlsx: Callable[..., Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    libreoffice: Callable[[Path, str], Path],
) -> None:
    """An overdraft reads as an accountant writes it: the bank's balance Dr (as the statement
    prints it), the books' Cr; the cells keep the signed figures, so they add up. The BRS runs
    from the overdraft, Add and Less the other way round: under a balance shown 2,04,128.70 Dr,
    'Less: Cheques issued' read as the overdraft made smaller, where it is made larger."""
    overdrawn = [list(row) for row in STATEMENT]
    for row in overdrawn[7:12]:  # the same month with the account 3,00,000 overdrawn
        row[6] -= 300000
    books = [list(row) for row in LEDGER]
    books[6][4:6] = [None, 200000.00]  # the books open with a credit balance
    books[-1][4:6] = [153000.00, None]  # and close with one, on the other side to total
    bank = xlsx({"Statement": overdrawn}, name="od.xlsx")
    ledger = xlsx({"Ledger": books}, name="od-books.xlsx")
    out = tmp_path / "brs.xlsx"
    code, _, _ = reconcile(capsys, "--bank", str(bank), "--ledger", str(ledger), "--out", str(out))
    sheet = openpyxl.load_workbook(out)["BRS"]
    rows = brs_rows(sheet)
    found = figures(rows)
    assert found["Overdraft as per bank statement"] == Decimal("-204128.70")
    assert found["Overdraft as per books (ledger)"] == Decimal("-153000.00")
    assert found["Difference"] == 0 and code == 0
    headings = [r[1] for r in rows if r[1].startswith(("Add:", "Less:"))]
    assert [h.split(" in the")[0] for h in headings[:4]] == [
        "Less: Cheques deposited and receipts",
        "Add: Cheques issued and payments",
        "Less: Debits",
        "Add: Credits",
    ]
    # the overdraft, and each subtotal added or taken off as its heading says: the books'
    overdraft, sign = -found["Overdraft as per bank statement"], 0
    for _, text, _, _, total in rows:
        if text.startswith(("Add:", "Less:")):
            sign = 1 if text.startswith("Add") else -1
        elif text.startswith("Total "):
            overdraft += sign * total
    assert overdraft == -found["Overdraft as per books (computed)"] == Decimal("153000.00")
    pdf = libreoffice(out, "pdf") / "brs.pdf"
    printed = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Overdraft as per bank statement +2,04,128\.70 Dr\n", printed), printed
    assert re.search(r"Overdraft as per books \(computed\) +1,53,000\.00 Cr\n", printed), printed
    assert re.search(r"Overdraft as per books \(ledger\) +1,53,000\.00 Cr\n", printed), printed
    assert "-2,04,128.70" not in printed and "-1,53,000.00" not in printed


def test_a_statement_kept_a_sheet_a_fortnight_links_each_line_to_its_sheet(
    xlsx: Callable[..., Path],
) -> None:
    from xlbo.jobs.reconcile import run_reconcile

    head, lines, footer = STATEMENT[:7], STATEMENT[7:12], STATEMENT[12:]
    first, second = [*head, *lines[:2], *footer], [*head, *lines[2:], *footer]
    bank = xlsx({"1-15 Oct": first, "16-31 Oct": second}, name="bank.xlsx")
    books = xlsx({"Ledger": LEDGER}, name="books.xlsx")
    result = run_reconcile(bank, books, report=bank.with_name("brs.xlsx"))
    sheets = {s.name: s.frame for s in result.sheets}
    assert [(x.sheet, x.cell) for x in sheets["Matches"]["Bank Row"]] == [
        ("1-15 Oct", "A8"),
        ("1-15 Oct", "A9"),
    ]
    assert [(x.sheet, x.cell) for x in sheets["Unmatched Bank"]["Bank Row"]] == [
        ("16-31 Oct", "A8"),
        ("16-31 Oct", "A9"),
        ("16-31 Oct", "A10"),
    ]
    assert result.brs.difference == 0


def test_book_entries_after_the_statement_are_left_to_the_next_brs(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: Any
) -> None:
    """The ledger runs to 2 November, the statement to 31 October: the BRS as on 31 October
    takes the books' balance on that day, lists neither November entry, and the charge the
    books took up on 1 November is, on 31 October, still a debit in the bank alone."""
    later = [
        [date(2026, 11, 1), "Bank Charges", "Payment", "PMT/4", None, 17.70],
        [date(2026, 11, 2), "Sundaram Motors", "Payment", "PMT/5", None, 3000.00],
        [None, "Closing Balance", None, None, None, 143982.30],
    ]
    bank = xlsx({"Statement": STATEMENT}, name="hdfc-oct.xlsx")
    books = xlsx({"Ledger": LEDGER[:-1] + later}, name="tally-hdfc.xlsx")
    out = tmp_path / "brs.xlsx"
    code, printed, _ = reconcile(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out)
    )
    assert code == 0 and "BRS difference 0.00" in printed
    book = openpyxl.load_workbook(out)
    sheet = book["BRS"]
    assert sheet.cell(2, 1).value == "Bank Reconciliation Statement as on 31 October 2026"
    rows = brs_rows(sheet)
    assert [r[1] for r in listed(rows, "Less: Cheques issued and payments")] == [
        "Annapurna Caterers",
        "Shree Balaji Traders",
    ]
    assert [r[1] for r in listed(rows, "Add: Debits in the bank")] == [
        "ACH D- HDFC LTD-LOAN EMI 000123456789",
        "SMS CHGS JUL-SEP 2026 INCL GST",
    ]
    assert figures(rows)["Balance as per books (ledger)"] == Decimal("147000.00")
    assert figures(rows)["Difference"] == Decimal("0.00")
    summary = " ".join(
        str(v) for row in book["Summary"].iter_rows(values_only=True) for v in row if v
    )
    assert "2 book entries dated after 31-10-2026 (net -3,017.70) belong to the next BRS" in summary
    assert "1 of them matched a bank line of that day or before" in summary


def test_a_brs_off_by_the_openings_difference_says_it_is_last_months_items(
    tmp_path: Path,
) -> None:
    """Cheque 000123 was issued in March and presented on 5 April: the books opened April
    12,345.67 below the bank, and the BRS, which sees only April, is off by exactly that."""
    from tests.bank.test_workbook_view import KOTAK, LEDGER
    from xlbo.jobs.reconcile import run_reconcile

    bank, books = tmp_path / "kotak.csv", tmp_path / "ledger.csv"
    bank.write_text(KOTAK, encoding="utf-8")
    ledger_text = LEDGER.replace('"2,00,000.00"', '"1,87,654.33"', 1)
    ledger_text = "\n".join(line for line in ledger_text.splitlines() if "000123" not in line)
    books.write_text(ledger_text + "\n", encoding="utf-8")
    result = run_reconcile(bank, books)
    assert abs(result.brs.difference or 0) == 1234567
    summary = next(sheet for sheet in result.sheets if sheet.name == "Summary")
    assert any(
        "The difference, 12,345.67, is exactly the difference between the statement's opening "
        "balance and the books'" in line
        for line in summary.title
    )
    # a month whose openings agree says nothing of it
    books.write_text(LEDGER, encoding="utf-8")
    again = run_reconcile(bank, books)
    summary = next(sheet for sheet in again.sheets if sheet.name == "Summary")
    assert not any("opening balance and the books'" in line for line in summary.title)


def test_a_confirmed_pair_where_the_bank_has_more_goes_under_less_as_a_positive_figure() -> None:
    """A customer paid ₹500 more than the invoice booked, and the user confirmed the pair
    (helper-116, c15b): before, `-500.00` stood under 'Add: Differences on matches'.
    It is 500.00 under a Less heading of its own, shown only where there is such a pair; the
    TDS a customer kept stays under Add."""
    empty = pd.DataFrame({"date": [], "narration": [], "reference": [], "debit": [], "credit": []})
    ledger = pd.DataFrame(
        {
            "date": [],
            "particulars": [],
            "voucher_no": [],
            "reference": [],
            "debit": [],
            "credit": [],
        }
    )
    gaps = pd.DataFrame(
        {
            "date": [date(2026, 11, 3), date(2026, 11, 9)],
            "particulars": ["NEFT-N3072612-ARUL TEXTILES", "NEFT CR-KAVERI HOME NEEDS"],
            "reference": ["N3072612", ""],
            "amount": [-50_000, 20_000],  # books minus bank, paise
        }
    )
    brs = brs_of.reconcile(1_000_000, 970_000, empty, ledger, [], [], gaps)
    assert brs.matched_differences == 20_000 and brs.matched_excess == 50_000
    assert brs.difference == 0  # 10,000 + 200 - 500 = 9,700
    lines = statement_lines(brs)
    texts = lines["particulars"].tolist()
    at = texts.index(Section.MATCHED_EXCESS.value)
    assert texts[at + 1] == "NEFT-N3072612-ARUL TEXTILES" and lines["amount"][at + 1] == 50_000
    assert texts[at + 2] == "Total differences on matches, the bank's the greater"
    assert lines["total"][at + 2] == 50_000
    assert (lines["amount"].dropna() > 0).all() and (lines["total"].dropna() >= 0).all()
    # a BRS without such a pair has no such heading, not even Nil
    plain = statement_lines(brs_of.reconcile(1_000_000, 1_000_000, empty, ledger, [], []))
    assert Section.MATCHED_EXCESS.value not in plain["particulars"].tolist()


def test_a_receipt_entered_twice_is_marked_on_the_brs(xlsx: Callable[..., Path]) -> None:
    """Arul Textiles' receipt of the 3rd entered twice (Vch 1 and 6), the bank's one credit
    cleared by the first (helper-116, c02e): the second is outstanding, as before, and now
    says it may be the first again; another customer's equal receipt of that day does not."""
    arul = [date(2026, 10, 3), "Arul Textiles", "Receipt", "1", 118000, None]
    result = reconcile_files(
        xlsx,
        [["03/10/26", "NEFT-N307261234567-ARUL TEXTILES-SBIN0001234", "N3072612", None, 118000]],
        [
            arul,
            [*arul[:3], "6", *arul[4:]],
            [date(2026, 10, 3), "Kaveri Home Needs", "Receipt", "7", 118000, None],
        ],
    )
    items = result.brs.items[Section.DEPOSITS_NOT_CREDITED]
    assert items["particulars"].tolist() == [
        "Arul Textiles — entered twice? Vch 1 of the same day, party and amount is cleared",
        "Kaveri Home Needs",
    ]
    assert result.brs.twice_count == 1 and result.brs.difference == 0
    assert any("entered twice?" in note for note in result.notes)


def test_differences_on_matches_are_listed_by_date_as_every_other_heading() -> None:
    # receipts less TDS are taken as the matcher goes, not by date: the BRS lists them by date
    import numpy as np

    from xlbo.bank.brs import reconcile

    lines = pd.DataFrame(
        {
            "date": pd.Series([], dtype=object),
            "debit": pd.Series([], dtype=np.int64),
            "credit": pd.Series([], dtype=np.int64),
            "particulars": pd.Series([], dtype=object),
            "narration": pd.Series([], dtype=object),
            "reference": pd.Series([], dtype=object),
            "party": pd.Series([], dtype=object),
            "voucher_no": pd.Series([], dtype=object),
        }
    )
    differences = pd.DataFrame(
        {
            "date": [date(2026, 10, 27), date(2026, 10, 5), date(2026, 10, 16)],
            "particulars": ["SARAVANA & SONS", "MUTHU LABELS", "ELANGO ELASTICS"],
            "reference": ["", "", ""],
            "amount": [898000, 334000, -601000],
        }
    )
    brs = reconcile(0, 0, lines, lines, [], [], differences)
    listed = brs.items[Section.MATCHED_DIFFERENCES]
    assert listed["particulars"].tolist() == ["MUTHU LABELS", "SARAVANA & SONS"]
    assert brs.items[Section.MATCHED_EXCESS]["amount"].tolist() == [601000]
