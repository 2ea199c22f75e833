"""The demo company: Sahyadri Tradelinks Private Limited, a Pune trading company with branches
in Bengaluru, Kolkata, Chennai, Ahmedabad and New Delhi.

`build_demo(outdir, seed)` writes its master workbook (64 employees in six states, 40 vendors,
30 customers, the chart of accounts with opening balances, two bank accounts, the statutory rule
sheets), its October 2026 journal, and the HDFC account's statement and Tally ledger for the month
— with a few deliberately bad cells of the kinds users make (listed in `BadCell`s, so tests can
check that every one is caught). The same seed gives the same company.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import Column, Kind, ResultSheet, write_workbook
from xlbo.book.table import column_letter
from xlbo.demo.books import make_books, opening_bills_sheet
from xlbo.demo.exports import write_hdfc_statement, write_tally_ledger
from xlbo.demo.invoices import ITEMS, make_invoice_lines, make_receipt_lines
from xlbo.demo.office import make_meetings, make_stock
from xlbo.demo.parties import (
    COMPANY_NAME,
    make_accounts,
    make_bank_accounts,
    make_company,
    make_customers,
    make_vendors,
)
from xlbo.demo.people import make_employees
from xlbo.demo.purchases import make_contracts, make_purchase_bills
from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS
from xlbo.master.records import Employee, Record
from xlbo.master.template import master_sheets
from xlbo.sheets.journal import journal_sheet

BUILT = datetime(2026, 11, 1, 9, 0, 0)


@dataclass(frozen=True)
class Copy:
    """A planted value copied from another cell of the demo (a number entered twice)."""

    sheet: str
    header: str
    index: int


@dataclass(frozen=True)
class BadCell:
    """A deliberate mistake in the demo master workbook."""

    sheet: str
    header: str
    index: int
    """Which record (0-based) of the sheet."""
    value: Any
    mistake: str

    def cell(self, headers: list[str]) -> str:
        return f"{column_letter(headers.index(self.header))}{self.index + 2}"


BAD_CELLS: tuple[BadCell, ...] = (
    BadCell("Employees", "Date of Joining", 6, "31/02/2024", "a date that does not exist"),
    BadCell("Employees", "Basic", 9, "12,500/- approx", "words in an amount"),
    BadCell("Employees", "Work State", 12, "Maharastra", "a misspelt state"),
    BadCell("Employees", "Gender", 15, None, "a required cell left blank"),
    BadCell("Employees", "Employee ID", 18, "SPL019\u00a0", "a non-breaking space after an ID"),
    BadCell("Employees", "Date of Leaving", 27, "01-01-2015", "leaving before joining"),
    BadCell("Vendors", "Vendor Code", 21, "V021", "a vendor code used twice"),
    BadCell("Vendors", "State", 8, "#N/A", "a failed lookup pasted as a value"),
    BadCell("Customers", "Credit Days", 4, "thirty", "a number written in words"),
    BadCell("Accounts", "Nature", 57, "Asset", "an expense account marked as an asset"),
    BadCell("Employees", "PAN", 30, "ABCDE1234", "a PAN one character short"),
    BadCell("Employees", "IFSC", 33, "HDFCO001234", "the letter O typed for the zero in an IFSC"),
    BadCell("Employees", "Aadhaar", 35, "234123412345", "an Aadhaar with a mistyped digit"),
    BadCell("Vendors", "GSTIN", 2, "27AAPFU0939F1ZF", "a GSTIN whose check character is wrong"),
    BadCell("Vendors", "State", 5, "Ladakh", "a state that disagrees with the GSTIN"),
    BadCell(
        "Vendors",
        "Name",
        39,
        "Sri Balaji Traders Private Limited",
        "a supplier entered twice (V001)",
    ),
    BadCell(
        "Vendors",
        "Bank Account",
        30,
        Copy("Employees", "Bank Account", 5),
        "a vendor paid into an employee's salary account",
    ),
)
"""Mistakes users make, planted in the demo (Vendor V022's code repeats V021's)."""

GOOD_BUT_ODD: tuple[BadCell, ...] = (
    BadCell("Employees", "Basic", 10, "18,500.00", "an amount typed as text: read as 18500"),
    BadCell("Employees", "Date of Birth", 11, "07-03-91", "a dd-mm-yy date: read as 07-03-1991"),
    BadCell("Employees", "Date of Joining", 13, 44652, "an Excel serial: read as 01-04-2022"),
    BadCell("Employees", "Work State", 14, "tamilnadu", "a state in lower case, no space"),
)
"""Cells typed the way people type them, which xlbo must read correctly."""


@dataclass(frozen=True)
class DemoFiles:
    master: Path
    books: Path
    statement: Path
    ledger: Path


def _plant(sheets: list[ResultSheet], cells: tuple[BadCell, ...]) -> list[ResultSheet]:
    by_name = {s.name: s for s in sheets}
    frames = {name: s.frame.copy() for name, s in by_name.items()}
    for bad in cells:
        frame = frames[bad.sheet]
        value = bad.value
        if isinstance(value, Copy):
            source = frames[value.sheet]
            value = source.iat[value.index, list(source.columns).index(value.header)]
        frame.iat[bad.index, list(frame.columns).index(bad.header)] = value
    return [replace(s, frame=frames[s.name]) for s in sheets]


def attendance_sheet(employees: list[Employee]) -> ResultSheet:
    """October 2026's attendance: leave without pay, overtime, a bonus, arrears, a loan being
    recovered, a canteen deduction — the month's one-off items payroll must take in."""
    from xlbo.readers.attendance import HEADERS

    ids = [e.employee_id for e in employees]
    rows = [
        [ids[5], "2026-10", None, 3, None, None, None, None, None, None],
        [ids[6], "2026-10", None, None, 2400, None, None, None, None, None],
        [ids[8], "2026-10", None, None, None, 5000, None, None, 250, 2000],
        [ids[20], "2026-10", None, 1, 1800, None, 15000, None, None, None],
        [ids[40], "2026-10", None, None, None, None, None, 3500, 400, 5000],
        [ids[41], "2026-09", 28, 2, None, None, None, None, None, None],
    ]
    frame = pd.DataFrame(rows, columns=list(HEADERS), dtype=object)
    money = {h: Column(kind=Kind.MONEY) for h in HEADERS[4:]}
    return ResultSheet(
        "Attendance",
        frame,
        columns={**money, "Month": Column(kind=Kind.TEXT, width=10)},
        excel_table="Attendance",
        spare_rows=200,
    )


def budget_sheet() -> ResultSheet:
    """October 2026's budget: some lines overrun, some come in under."""
    rows = [
        ["Sales - Goods", "2026-10", 10000000],
        ["Purchases - Goods", "2026-10", 3800000],
        ["Freight Outward", "2026-10", 500000],
        ["Insurance", "2026-10", 400000],
        ["Professional Fees", "2026-10", 300000],
        ["Interest on Term Loan", "2026-10", 23750],
    ]
    frame = pd.DataFrame(rows, columns=["Account", "Month", "Amount"], dtype=object)
    return ResultSheet(
        "Budget",
        frame,
        columns={
            "Account": Column(width=34),
            "Month": Column(kind=Kind.TEXT, width=10),
            "Amount": Column(kind=Kind.MONEY),
        },
        excel_table="Budget",
        spare_rows=50,
    )


def tasks_sheet() -> ResultSheet:
    """The back office's projects: the October close, the GST annual return, an office move."""
    from xlbo.readers.tasks import HEADERS

    d = datetime
    rows = [
        [
            "October close",
            "Bank reconciliation",
            "Priya",
            d(2026, 11, 1),
            d(2026, 11, 3),
            1,
            "Done",
        ],
        ["October close", "Payroll and ECR", "Rahul", d(2026, 10, 25), d(2026, 10, 31), 1, "Done"],
        ["October close", "TDS payment", "Priya", d(2026, 11, 1), d(2026, 11, 7), 0.5, "Open"],
        ["GST annual return", "Collect 2B", "Anil", d(2026, 9, 1), d(2026, 9, 30), 1, "Done"],
        ["GST annual return", "Reconcile ITC", "Anil", d(2026, 10, 1), d(2026, 10, 20), 0.6, ""],
        ["GST annual return", "File GSTR-9", "Meena", d(2026, 11, 1), d(2026, 12, 31), 0, ""],
        ["Office move", "Sign lease", "Meena", d(2026, 9, 15), d(2026, 10, 15), 1, "Done"],
        ["Office move", "Shift servers", "Rahul", d(2026, 10, 10), d(2026, 10, 30), 0.25, ""],
    ]
    frame = pd.DataFrame(rows, columns=list(HEADERS), dtype=object)
    return ResultSheet(
        "Tasks",
        frame,
        columns={
            "Project": Column(width=24),
            "Task": Column(width=28),
            "Start": Column(kind=Kind.DATE),
            "Due": Column(kind=Kind.DATE),
            "% Complete": Column(kind=Kind.PERCENT),
        },
        excel_table="Tasks",
        spare_rows=50,
    )


def build_demo(outdir: str | Path, seed: int = 2026) -> DemoFiles:
    """Write the demo company's files into `outdir` (created if needed)."""
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    company = make_company(rng)
    company = company.model_copy(update={"books_begin": datetime(2026, 10, 1).date()})
    customers = make_customers(rng)
    vendors = make_vendors(rng)
    employees = make_employees(rng)
    stock = make_stock(vendors)
    data: dict[str, list[Record]] = {
        "Company": [company],
        "Employees": list(employees),
        "Vendors": list(vendors),
        "Customers": list(customers),
        "Accounts": list(make_accounts()),
        "Bank Accounts": list(make_bank_accounts()),
        # November's sales, from a generator of their own (October's figures stay as they were)
        "Invoices": list[Record](make_invoice_lines(random.Random(seed + 11), customers)),
        "Items": list(ITEMS),
        "Receipts": list[Record](make_receipt_lines(customers)),
        "Purchases": list[Record](make_purchase_bills(vendors)),
        "Contracts": list[Record](make_contracts(vendors)),
        "Stock Items": list[Record](stock[0]),
        "Stock Moves": list[Record](stock[1]),
        "Purchase Requests": list[Record](stock[2]),
        "Meetings": list[Record](make_meetings()),
    }
    sheets = _plant(master_sheets(data, COMPANY_NAME), BAD_CELLS + GOOD_BUT_ODD)
    sheets.append(attendance_sheet(employees))
    master = write_workbook(
        folder / "master.xlsx",
        sheets,
        title=f"{COMPANY_NAME} — master data",
        created=BUILT,
        active="About",
    )
    books = make_books(rng, customers, vendors)
    lines = sorted(books.journal, key=lambda line: (line.day, line.voucher))
    books_path = write_workbook(
        folder / "books-2026-10.xlsx",
        [
            journal_sheet(
                pd.DataFrame(
                    [x.cells() for x in lines], columns=list(JOURNAL_HEADERS), dtype=object
                )
            ),
            opening_bills_sheet(books),
            budget_sheet(),
            tasks_sheet(),
        ],
        title=f"{COMPANY_NAME} — journal, October 2026",
        created=BUILT,
    )
    statement = write_hdfc_statement(books, folder / "hdfc-statement-2026-10.xlsx")
    ledger = write_tally_ledger(books, folder / "tally-hdfc-ledger-2026-10.xlsx")
    return DemoFiles(master=master, books=books_path, statement=statement, ledger=ledger)
