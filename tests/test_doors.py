"""Door parity: the same inputs through the command line (`xlbo.cli.main`) and through the Excel
doors (the classic add-in's button handlers and the Lite scripts, on the `xw.Book` double) give
the same figures, cell by cell, for every job a button runs.

The command line writes workbooks; a button writes the same result sheets into the open
workbook. Each test reads both back and compares the tables under their header rows (the title
lines above them name the file or the workbook, which differ by door)."""

from __future__ import annotations

import importlib
import re
import shutil
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import write_xlsx
from tests.xlwings_double import Book
from xlbo.cli import main
from xlbo.demo import DemoFiles, build_demo
from xlbo.excel.lite import run_script

Door = Callable[[str, Book], str]


def _classic(name: str, book: Book) -> str:
    """A ribbon button of the classic add-in: the handler RunPython calls."""
    outcome: str = getattr(importlib.import_module("macros.xlbo_buttons"), name)(book)
    return outcome


def _lite(name: str, book: Book) -> str:
    """A sheet button of a Lite workbook: the script main.py declares."""
    return run_script(name, book)


DOORS = pytest.mark.parametrize("door", [_classic, _lite], ids=["classic", "lite"])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"), seed=2026)


def _cell(value: Any) -> Any:
    """A cell as a user reads it, whichever door wrote it: a row number written as link text
    ("12") is the number 12, a whole float an int, an amount to the paisa, a midnight a date."""
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value):
        return int(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int | Decimal):
        number = Decimal(str(value)).quantize(Decimal("0.01"))
        return int(number) if number == number.to_integral_value() else number
    if value == "":
        return None
    return value


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    rows = [list(row) for row in rows]
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def file_table(path: Path, sheet: str, header: str) -> list[list[Any]]:
    """The rows of `sheet` in the workbook at `path`, from the row whose first cell is `header`."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [[_cell(v) for v in row] for row in book[sheet].iter_rows(values_only=True)]
    book.close()
    return _from_header(_trim(rows), header)


def book_table(book: Book, sheet: str, header: str) -> list[list[Any]]:
    """The same, from a sheet of the open workbook (the double)."""
    values = book.sheets[sheet].values
    last_row = max((r for r, _ in values), default=0)
    last_column = max((c for _, c in values), default=0)
    rows = [
        [_cell(values.get((r, c))) for c in range(1, last_column + 1)]
        for r in range(1, last_row + 1)
    ]
    return _from_header(_trim(rows), header)


def _from_header(rows: list[list[Any]], header: str) -> list[list[Any]]:
    first = next(i for i, row in enumerate(rows) if row and row[0] == header)
    return rows[first:]


def _as_xlwings_reads(value: Any) -> Any:
    """A cell as xlwings hands it: every number a double, a time of day its fraction of a day."""
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return value


def book_of(*paths: Path, name: str = "book.xlsx", folder: Path | None = None) -> Book:
    """The double holding every sheet of the workbooks at `paths`, as if typed or pasted there;
    saved in `folder` when given (else a book never saved)."""
    tables: dict[str, list[list[Any]]] = {}
    for path in paths:
        source = openpyxl.load_workbook(path, read_only=True)
        for sheet in source.worksheets:
            rows = [
                [_as_xlwings_reads(v) for v in row] for row in sheet.iter_rows(values_only=True)
            ]
            tables[sheet.title] = [[None] if not any(v is not None for v in r) else r for r in rows]
        source.close()
    book = Book.from_tables(tables, name=name)
    if folder is not None:
        book.fullname = str(folder / name)
    return book


# -- validate ----------------------------------------------------------------------------------


@DOORS
def test_validate_finds_the_same_issues_from_every_door(
    door: Door, demo: DemoFiles, tmp_path: Path
) -> None:
    report = tmp_path / "issues.xlsx"
    assert main(["validate", str(demo.master), "--out", str(report)]) == 1  # planted mistakes
    book = book_of(demo.master, name="master.xlsx")
    outcome = door("validate", book)
    cli = file_table(report, "Issues", "Severity")
    assert len(cli) > 5 and cli[0][:3] == ["Severity", "Sheet", "Cell"]
    assert book_table(book, "Issues", "Severity") == cli
    assert book_table(book, "Summary", "Sheet") == file_table(report, "Summary", "Sheet")
    errors = sum(row[0] == "Error" for row in cli[1:])
    assert outcome.startswith(f"{errors} error")


# -- payroll -----------------------------------------------------------------------------------


def master_with_september_bonus(demo: DemoFiles, folder: Path) -> Path:
    """The demo master with September's Attendance too: a bonus for the four best paid, so the
    year to date from September's register is not what an even estimate would give."""
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(shutil.copy(demo.master, folder / "master.xlsx"))
    book = openpyxl.load_workbook(path)
    attendance = book["Attendance"]
    headers = [c.value for c in attendance[1]]
    employees = book["Employees"]
    columns = [c.value for c in employees[1]]
    basic = {
        row[columns.index("Employee ID")]: row[columns.index("Basic")]
        for row in employees.iter_rows(min_row=2, values_only=True)
        if isinstance(row[columns.index("Basic")], int | float)
    }
    people = sorted(basic, key=lambda code: -basic[code])[:4]  # the best paid: they pay tax
    for code in people:
        row: list[Any] = [None] * len(headers)
        row[headers.index("Employee ID")] = code
        row[headers.index("Month")] = "2026-09"
        row[headers.index("Bonus")] = 400000
        attendance.append(row)
    book.save(path)
    return path


@DOORS
def test_payroll_after_an_earlier_month_has_the_same_tds_from_every_door(
    door: Door, demo: DemoFiles, tmp_path: Path
) -> None:
    """October after September: the year to date (September's register in the payroll folder)
    gives October's TDS, whether October is run on the command line or by the Run Payroll
    button of the master workbook saved in the same folder."""
    command = tmp_path / "command"
    master = master_with_september_bonus(demo, command)
    run = ["payroll", str(master), "--out", str(command / "payroll"), "--no-payslips"]
    assert main([*run, "--month", "2026-09"]) in (0, 1)
    excel = tmp_path / "excel"
    (excel / "payroll").mkdir(parents=True)
    shutil.copy(command / "payroll" / "payroll-register-2026-09.xlsx", excel / "payroll")
    assert main([*run, "--month", "2026-10"]) in (0, 1)

    book = book_of(master, name="master.xlsx", folder=excel)
    outcome = door("run_payroll", book)
    assert outcome.startswith("Payroll October 2026: ")
    cli = file_table(
        command / "payroll" / "payroll-register-2026-10.xlsx", "Register", "Employee ID"
    )
    tds = cli[0].index("TDS")
    assert sum(row[tds] or 0 for row in cli[1:-1]) > 0  # some pay tax: the test can tell
    assert book_table(book, "Register", "Employee ID") == cli
    for sheet, header in (("Summary", "Employee ID"), ("Working", "Employee ID")):
        assert book_table(book, sheet, header) == file_table(
            command / "payroll" / "payroll-register-2026-10.xlsx", sheet, header
        ), sheet


@DOORS
def test_payroll_in_a_workbook_never_saved_keeps_the_year_to_date_in_its_sheets(
    door: Door, demo: DemoFiles, tmp_path: Path
) -> None:
    """Lite in the browser has no folder to keep registers in: September's click keeps its
    register as a sheet (Register 2026-09) and October's click reads it, so October's TDS is
    what the command line gives with September's register in its payroll folder."""
    command = tmp_path / "command"
    master = master_with_september_bonus(demo, command)
    run = ["payroll", str(master), "--out", str(command / "payroll"), "--no-payslips"]
    assert main([*run, "--month", "2026-09"]) in (0, 1)
    assert main([*run, "--month", "2026-10"]) in (0, 1)

    book = book_of(master, name="master.xlsx")  # never saved
    attendance = book.sheets["Attendance"]
    rows = [
        [attendance.values.get((r, c)) for c in range(1, 11)]
        for r in range(1, max(r for r, _ in attendance.values) + 1)
    ]
    attendance.clear()  # September's attendance first: the button pays the latest month
    attendance.range((1, 1)).value = [rows[0], *(r for r in rows[1:] if r[1] == "2026-09")]
    assert door("run_payroll", book).startswith("Payroll September 2026: ")
    assert "Register 2026-09" in [s.name for s in book.sheets]
    attendance.clear()
    attendance.range((1, 1)).value = rows
    assert door("run_payroll", book).startswith("Payroll October 2026: ")

    register = command / "payroll" / "payroll-register-2026-10.xlsx"
    cli = file_table(register, "Register", "Employee ID")
    assert book_table(book, "Register", "Employee ID") == cli
    assert book_table(book, "Register 2026-10", "Employee ID") == cli


def test_payroll_button_tds_depends_on_the_earlier_register(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """Without September's register beside it the button's October TDS is estimated, and differs:
    the register is what the year to date is read from, from every door."""
    with_ytd = tmp_path / "with"
    master = master_with_september_bonus(demo, with_ytd)
    assert main(
        [
            "payroll",
            str(master),
            "--month",
            "2026-09",
            "--out",
            str(with_ytd / "payroll"),
            "--no-payslips",
        ]
    ) in (0, 1)
    book = book_of(master, name="master.xlsx", folder=with_ytd)
    _classic("run_payroll", book)
    without = book_of(master, name="master.xlsx")  # never saved: no folder, no registers
    assert _classic("run_payroll", without).endswith(
        "Its register stays in this workbook as the sheet Register 2026-10 for next month's year "
        "to date; save the workbook in a folder to get the month's files (payslips, ECR, ESIC "
        "and bank files) too."
    )
    register = book_table(book, "Register", "Employee ID")
    tds = register[0].index("TDS")
    assert [r[tds] for r in register] != [
        r[tds] for r in book_table(without, "Register", "Employee ID")
    ]
    assert (with_ytd / "payroll" / "payroll-register-2026-10.xlsx").exists()  # the next month's YTD


# -- reconcile ---------------------------------------------------------------------------------

STATEMENT = [
    ["HDFC BANK Ltd."],
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
        "05/10/26",
        "NEFT CR-SBIN0004567-OM SAI LOGISTICS-SBINN26100512345678",
        "SBINN26100512345678",
        "05/10/26",
        None,
        25000.0,
        125000.0,
    ],
    [
        "06/10/26",
        "CLG CHQ 448812 HDFC BANK",  # Kaveri Home Needs' cheque, less TDS: a suggestion
        "448812",
        "06/10/26",
        None,
        9900.0,
        134900.0,
    ],
    [
        "12/10/26",
        "IMPS-629100001234-SRI BALAJI AGENCIES-HDFC",
        "629100001234",
        "12/10/26",
        None,
        12000.0,
        146900.0,
    ],
    ["20/10/26", "ACH D- TP ACH BAJAJFIN-9876543", "9876543", "20/10/26", 15750.0, None, 131150.0],
    ["31/10/26", "SMS CHGS", None, "31/10/26", 17.7, None, 131132.3],
]
LEDGER = [
    ["HDFC Bank Current A/c"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
    [date(2026, 10, 4), "Om Sai Logistics", "Receipt", "RCT/1", 25000.0, None],
    [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.0, None],
    [date(2026, 10, 12), "Deccan Traders", "Receipt", "RCT/3", 12000.0, None],
    [date(2026, 10, 19), "Bajaj Finance Ltd - Loan EMI", "Payment", "PMT/7", None, 15750.0],
]
RULE = ["BAJAJFIN", "Bajaj Finance Ltd - Loan EMI"]
"""A rule the user types on the Rules sheet: this narration is this party."""
RESULT_SHEETS = {
    "Matches": "Match ID",
    "Unmatched Bank": "Bank Row",
    "Unmatched Ledger": "Ledger Row",
    "Suggestions": "Bank Row",
    "BRS": "Date",
    "Summary": "Item",
    "Rules": "Narration Contains",
}


def _mark(rows: list[list[Any]], header: str, wanted: Callable[[list[Any]], bool]) -> int:
    """The 1-based row (under a header in row 1) of the first data row `wanted` picks, and the
    column of `header`."""
    column = rows[0].index(header) + 1
    row = next(i for i, r in enumerate(rows[1:], start=2) if wanted(r))
    return row * 1000 + column


@DOORS
def test_reconcile_applies_rules_and_earlier_decisions_from_every_door(
    door: Door, tmp_path: Path
) -> None:
    """A first reconciliation, then the user's decisions (Accept a suggestion, Reject a match, a
    rule typed on the Rules sheet) applied: by `--confirm` on the command line, by clicking
    Reconcile again in the workbook. The same matches, the same BRS."""
    bank = write_xlsx(tmp_path / "hdfc.xlsx", {"Statement": STATEMENT})
    ledger = write_xlsx(tmp_path / "tally.xlsx", {"Ledger": LEDGER})
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(ledger), "--out", str(out)])
    book = Book.from_tables({"Bank Statement": STATEMENT, "Ledger": LEDGER}, name="brs.xlsx")
    door("reconcile", book)
    for sheet, header in RESULT_SHEETS.items():  # the first run agrees already
        assert book_table(book, sheet, header) == file_table(out, sheet, header), sheet

    suggestions = file_table(out, "Suggestions", "Bank Row")
    accept = _mark(suggestions, "Accept", lambda r: "CHQ 448812" in str(r[5]))
    matches = file_table(out, "Matches", "Match ID")
    reject = _mark(matches, "Reject", lambda r: r[10] == "Deccan Traders")
    result = openpyxl.load_workbook(out)
    result["Suggestions"].cell(accept // 1000, accept % 1000, "Yes")
    result["Matches"].cell(reject // 1000, reject % 1000, "x")
    result["Rules"].append(RULE)
    result.save(out)
    assert main(["reconcile", "--confirm", str(out)]) in (0, 1)

    book.sheets["Suggestions"].range((accept // 1000, accept % 1000)).value = "Yes"
    book.sheets["Matches"].range((reject // 1000, reject % 1000)).value = "x"
    book.sheets["Rules"].range((2, 1)).value = [RULE]
    outcome = door("reconcile", book)

    confirmed = file_table(out, "Matches", "Match ID")
    rules = [row[3] for row in confirmed[1:]]
    assert "Confirmed" in rules and "Rule" in rules  # the decisions and the rule were applied
    assert not any(row[10] == "Deccan Traders" for row in confirmed[1:])  # the rejected pair
    for sheet, header in RESULT_SHEETS.items():
        assert book_table(book, sheet, header) == file_table(out, sheet, header), sheet
    count = len({row[0] for row in confirmed[1:]})
    assert outcome.startswith(f"{count} matches; ")


# -- reports -----------------------------------------------------------------------------------


@DOORS
def test_report_pack_has_the_same_figures_from_every_door(
    door: Door, demo: DemoFiles, tmp_path: Path
) -> None:
    pack = tmp_path / "pack.xlsx"
    main(
        [
            "report",
            "pack",
            str(demo.books),
            "--master",
            str(demo.master),
            "--period",
            "2026-10",
            "--out",
            str(pack),
        ]
    )
    book = book_of(demo.master, demo.books, name="books.xlsx")
    outcome = door("reports", book)
    assert outcome.startswith("Reports for 2026-10: trial balance agrees")
    for sheet, header in (
        ("Trial Balance", "Account"),
        ("Balance Sheet", "Particulars"),
        ("Profit and Loss", "Particulars"),
        ("Ageing", "Party"),
    ):
        cli = file_table(pack, sheet, header)
        assert len(cli) > 3, sheet
        assert book_table(book, sheet, header) == cli, sheet


# -- final settlement ---------------------------------------------------------------------------


@DOORS
def test_final_settlement_has_the_same_figures_from_every_door(door: Door, tmp_path: Path) -> None:
    """The Final Settlement button's first click adds the sheet to fill in; the second draws up
    the settlement the command line writes, figure for figure."""
    from tests.office.test_settlement import master

    path = master(tmp_path)
    run = ["final-settlement", str(path), "--employee", "E001", "--leaving", "27-11-2026"]
    assert main([*run, "--notice-given", "10-11-2026", "--out", str(tmp_path / "fnf")]) == 0
    book = book_of(path, name="master.xlsx")
    assert door("final_settlement", book).startswith("Added the Final Settlement sheet")
    request = book.sheets["Final Settlement"]
    request.range((2, 1)).value = [["E001", datetime(2026, 11, 27), "Resignation",
                                    datetime(2026, 11, 10), None]]  # fmt: skip
    assert door("final_settlement", book).startswith("Final settlement of E001 Asha Patil: net")
    written = tmp_path / "fnf" / "final-settlement-E001.xlsx"
    for sheet, header in (("Settlement", "Particulars"), ("Settlement Journal", "Date")):
        cli = file_table(written, sheet, header)
        assert len(cli) > 5, sheet
        assert book_table(book, sheet, header) == cli, sheet


# -- payables ----------------------------------------------------------------------------------


def _tick(book: Book, marks: dict[str, str]) -> None:
    """Type `marks` (Bill No → a tick) into the Pay column of the open workbook's run."""
    sheet = book.sheets["Payment Run"]
    header = next(r for (r, c), v in sorted(sheet.values.items()) if c == 1 and v == "Pay")
    columns = {v: c for (r, c), v in sheet.values.items() if r == header}
    for (row, column), value in list(sheet.values.items()):
        if column == columns["Bill No"] and value in marks:
            sheet.range((row, columns["Pay"])).value = marks[value]


def _pay_column(book: Book) -> dict[str, Any]:
    rows = book_table(book, "Payment Run", "Pay")
    at = rows[0].index("Bill No")
    return {row[at]: row[0] for row in rows[1:] if len(row) > at and row[at]}


@DOORS
def test_payables_run_ticks_and_payments_are_the_command_lines(door: Door, tmp_path: Path) -> None:
    """Payables proposes the run the command line writes; a second click keeps the ticks of
    the bills still open; Pay Ticked pays the ticked bills as --confirm does, the bank
    file's lines on a sheet."""
    from tests.vendors.books import books
    from tests.vendors.test_payables_job import tick

    path = books(tmp_path)
    today = f"{date.today():%d-%m-%Y}"
    run_file = tmp_path / "run.xlsx"
    assert main(["payables", str(path), "--as-on", today, "--out", str(run_file)]) == 0
    book = book_of(path, name="books.xlsx")
    journal = book_table(book, "Journal", "Date")
    said = door("payables", book)
    assert said.startswith("4 open bills of 4 vendors: ₹2,71,400.00 outstanding")
    assert said.endswith("Tick Pay beside the bills to pay, then click Pay Ticked.")
    assert book_table(book, "Payment Run", "Pay") == file_table(run_file, "Payment Run", "Pay")
    vouchers = book_table(book, "Purchase Journal", "Date")
    assert len(vouchers) > 5 and vouchers == file_table(run_file, "Journal", "Date")
    assert book_table(book, "Journal", "Date") == journal  # the books' own Journal untouched
    assert book.sheets["Run"].visible is False
    assert (
        book.sheets["Payment Run"].cell("A2").startswith("Tick Pay beside each bill to pay, then")
    )
    marks = {"AC/101": "Yes", "R-11": "✓", "KC/7": "x"}
    _tick(book, marks)
    door("payables", book)  # made again: the ticks stay
    assert _pay_column(book) == {"AC/101": "Yes", "R-11": "Yes", "KC/7": "Yes", "DC-55": None}
    tick(run_file, marks)
    assert main(["payables", "--confirm", str(run_file)]) == 0
    said = door("pay_ticked", book)
    assert said.startswith("3 payments, ₹2,01,200.00 (3 bills).")
    assert "on the Bank File sheet" in said
    out = tmp_path / f"payments-{date.today():%Y-%m-%d}"
    paid = file_table(out / "payments.xlsx", "Journal", "Date")
    assert len(paid) == 1 + 3 * 3  # each payment: the vendor, its TDS and the bank
    assert book_table(book, "Payment Journal", "Date") == paid
    assert book_table(book, "Payments", "Voucher No") == file_table(
        out / "payments.xlsx", "Payments", "Voucher No"
    )
    csv = next(out.glob("NEFT-RTGS-*.csv"))
    lines = book_table(book, "Bank File", csv.name)
    assert [row[0] for row in lines[1:]] == csv.read_text().splitlines()
    assert book_table(book, "Journal", "Date") == journal
    again = door("pay_ticked", book)  # the Payment Journal not posted yet: the same bills
    assert "already held a Bank File sheet from an earlier Pay Ticked" in again


def test_pay_ticked_on_the_demo_books_pays_an_msme_vendor_whose_class_is_not_given(
    demo: DemoFiles,
) -> None:
    """The demo's MSME vendors have no class: the run's MSME column says Yes, which is no
    stray tick (it stopped every payment of the demo's run with six errors)."""
    book = book_of(demo.master, demo.books, name="books.xlsx")
    run_script("payables", book)
    assert _pay_column(book)["SBT/552"] is None
    _tick(book, {"SBT/552": "Yes"})
    said = run_script("pay_ticked", book)
    assert said.startswith("1 payments, ₹"), said
    assert "MSME column" not in said


def test_pay_ticked_without_a_run_says_what_to_click_first() -> None:
    from tests.vendors.books import JOURNAL
    from xlbo.errors import UserError

    book = Book.from_tables({"Journal": JOURNAL})
    with pytest.raises(UserError, match="holds no payment run yet: click Payables, tick Pay"):
        importlib.import_module("macros.xlbo_buttons").pay_ticked(book)


# -- statements --------------------------------------------------------------------------------


@DOORS
def test_statements_have_the_same_figures_from_every_door(door: Door, tmp_path: Path) -> None:
    from tests.customers.test_statements import books

    path = books(tmp_path)
    today = date.today()
    out = tmp_path / "st"
    run = ["statements", str(path), "--as-on", f"{today:%d-%m-%Y}", "--no-pdf"]
    assert main([*run, "--out", str(out)]) in (0, 1)
    book = book_of(path, name="books.xlsx")
    said = door("statements", book)
    assert said.startswith(f"2 statements 01-04-{today.year - (today.month < 4)} to")
    assert said.endswith("xlbo statements BOOK.xlsx --as-on DATE --out DIR.")
    for sheet, header in (("Statements", "Customer Code"), ("Reminders", "Days Overdue")):
        assert book_table(book, sheet, header) == file_table(out / "statements.xlsx", sheet, header)
    assert book.sheets["Statements"].cell("A2").startswith("Each customer's statement is on")
    for code in ("KAV", "SAH"):
        each = file_table(out / "statements" / f"{code}.xlsx", "Statement", "Date")
        assert len(each) > 2
        assert book_table(book, f"SOA {code}", "Date") == each
    assert "SOA IDLE" not in [s.name for s in book.sheets]  # no balance, no line: no statement


# -- GST reconciliation ------------------------------------------------------------------------


def _pasted(json_file: Path, cells: int = 1) -> list[list[Any]]:
    """A 2B JSON as a user pastes it into column A: whole, or split over `cells` cells."""
    text = json_file.read_text(encoding="utf-8")
    size = -(-len(text) // cells)
    return [[text[at : at + size]] for at in range(0, len(text), size)]


@DOORS
def test_gst_recon_from_the_2b_pasted_into_the_workbook_is_the_command_lines(
    door: Door, tmp_path: Path
) -> None:
    """Lite and the classic add-in alike: the open workbook's Purchases and Vendors, the 2B JSON
    pasted into GSTR-2B sheets (one split over three cells); the sheets `xlbo gst-recon`
    writes; a Decision typed on the Suggested sheet applied at the next click."""
    from tests.gstrecon.scenario import month

    path, october, november = month(tmp_path)
    cli = tmp_path / "recon.xlsx"
    run = ["gst-recon", "--purchases", str(path), "--gstr2b", str(october)]
    assert main([*run, "--gstr2b", str(november), "--out", str(cli)]) == 1
    book = book_of(path, name="books.xlsx")
    assert _lite("gst_recon", book).startswith("Download each month's GSTR-2B")
    book.sheets.add("GSTR-2B Oct").range((1, 1)).value = _pasted(october, cells=3)
    book.sheets.add("GSTR-2B Nov").range((1, 1)).value = _pasted(november)
    said = door("gst_recon", book)
    assert said.startswith("5 matched, 1 suggested, 2 mismatched, 1 missing in the books")
    assert said.endswith("GSTR-2B read: sheet GSTR-2B Oct, sheet GSTR-2B Nov.")
    for sheet, header in (
        ("Matched", "GSTIN"),
        ("Suggested", "GSTIN"),
        ("Mismatched", "GSTIN"),
        ("Missing in 2B", "GSTIN"),
        ("ITC at Risk", "GSTIN"),
    ):
        expected = file_table(cli, sheet, header)
        assert len(expected) > 1, sheet
        assert book_table(book, sheet, header) == expected, sheet
    suggested = book_table(book, "Suggested", "GSTIN")
    decision = suggested[0].index("Decision")
    row = next(r for (r, c), v in book.sheets["Suggested"].values.items() if v == "GSTIN") + 1
    book.sheets["Suggested"].range((row, decision + 1)).value = "Accept"
    assert door("gst_recon", book).startswith("6 matched, 0 suggested")


def test_gst_recon_also_reads_the_2b_files_beside_a_saved_workbook(tmp_path: Path) -> None:
    from tests.gstrecon.scenario import month

    downloads = tmp_path / "gstr2b"
    downloads.mkdir()
    path, _, _ = month(downloads)
    books = path.rename(tmp_path / "books.xlsx")
    book = book_of(books, name="books.xlsx", folder=tmp_path)
    said = importlib.import_module("macros.xlbo_buttons").gst_recon(book)
    assert said.startswith("5 matched, 1 suggested")
    assert said.endswith("GSTR-2B read: 2B-102026.json, 2B-112026.json.")


def test_gst_recon_says_plainly_when_the_pasted_text_is_no_2b(tmp_path: Path) -> None:
    from tests.gstrecon.scenario import month

    path, october, _ = month(tmp_path)
    book = book_of(path, name="books.xlsx")
    text = _pasted(october)[0][0]
    cut = text[: len(text) // 2]  # a paste Excel cut short at a cell's 32,767 characters
    book.sheets.add("GSTR-2B").range((1, 1)).value = [[cut]]
    said = _lite("gst_recon", book)
    assert said.startswith("GSTR-2B (pasted).json: is not a JSON file")
    assert "Traceback" not in said


# -- audit verify ------------------------------------------------------------------------------


@DOORS
def test_audit_verify_checks_the_log_sheet_the_buttons_keep(door: Door) -> None:
    from xlbo.audit.hook import LITE_SHEET

    book = Book.from_tables(
        {
            "Stock Items": [["Item Code", "Description", "Unit"], ["P1", "Paper", "ream"]],
            "Stock Moves": [
                ["Date", "Item Code", "Type", "Quantity", "Rate"],
                [datetime(2026, 11, 2), "P1", "Receipt", 10.0, 250.0],
            ],
        }
    )
    door("stock", book)
    door("stock", book)
    log_sheet = book.sheets[LITE_SHEET]
    assert log_sheet.visible is False  # hidden in Lite as in the classic add-in
    said = door("audit_verify", book)
    assert said.startswith(f"The {LITE_SHEET} sheet of master.xlsx holds: 2 entries chained")
    verify = book_table(book, "Audit Verify", "Checked")
    assert verify[1][:2] == [f"the {LITE_SHEET} sheet of this workbook", "holds"]
    assert verify[-1][:2] == ["the log file and the snapshot", "not checked"]
    first = next(c for (r, c), v in log_sheet.values.items() if r == 2 and c == 3)
    entry = log_sheet.values[(2, first)]
    log_sheet.values[(2, first)] = entry.replace('"job":"stock"', '"job":"stick"')
    said = door("audit_verify", book)
    assert said.startswith(f"The {LITE_SHEET} sheet is broken at entry 1: entry 1 was changed")
    assert book_table(book, "Audit Verify", "Checked")[1][1] == "does NOT hold"


def test_audit_verify_of_a_saved_workbook_checks_the_log_file_beside_it(tmp_path: Path) -> None:
    """A workbook saved in a folder, whose books xlbo ran on from the command line: the log
    file beside it, its head and the rows against the snapshot, as xlbo audit verify checks."""
    from tests.vendors.books import books

    path = books(tmp_path)
    assert (
        main(["payables", str(path), "--as-on", "30-11-2026", "--out", str(tmp_path / "r.xlsx")])
        == 0
    )
    book = book_of(path, name="books.xlsx", folder=tmp_path)
    verify = importlib.import_module("macros.xlbo_buttons").audit_verify
    assert verify(book).startswith("The audit log of books.xlsx holds: 1 entry chained")
    rows = book_table(book, "Audit Verify", "Checked")
    assert rows[1][:2] == ["books.xlbo-log.jsonl beside the saved file", "holds"]
    assert all(r[0] != "the log file and the snapshot" for r in rows)
    saved = openpyxl.load_workbook(path)
    saved["Journal"]["E2"] = 21000  # edited outside xlbo
    saved.save(path)
    said = verify(book)
    assert "changed outside xlbo since the last logged run" in said
    findings = [r[2] for r in book_table(book, "Audit Verify", "Checked")[1:]]
    assert any("Journal!E2" in f for f in findings), findings


# -- calendar and letters: the job decides, not the button -----------------------------------


@DOORS
def test_calendar_spans_the_same_twelve_months_from_every_door(door: Door, tmp_path: Path) -> None:
    """Neither --from nor --to: the calendar job's own window (twelve months from the first of
    this month), the one the Calendar button runs with."""
    from tests.office.test_calendar import books

    path = books(tmp_path)
    ics = tmp_path / "calendar.ics"
    assert main(["calendar", str(path), "--out", str(ics)]) in (0, 1)
    book = book_of(path, name="books.xlsx")
    door("calendar", book)
    for sheet, header in (("Calendar", "Date"), ("Due", "Date"), ("Compliance", "What")):
        cli = file_table(ics.with_suffix(".xlsx"), sheet, header)
        assert len(cli) > 1, sheet
        assert book_table(book, sheet, header) == cli, sheet
    days = [row[0] for row in file_table(ics.with_suffix(".xlsx"), "Calendar", "Date")[1:]]
    first = date.today().replace(day=1)
    assert first <= min(days) and max(days) < first.replace(year=first.year + 1)


def test_calendar_options_left_out_or_crossed_are_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.office.test_calendar import books

    path = books(tmp_path)
    ics = str(tmp_path / "c.ics")
    assert main(["calendar", str(path), "--as-on", "02-12-2026", "--to", "01-01-2020",
                 "--out", ics]) == 2  # fmt: skip
    assert "--to 01-01-2020 is before 01-12-2026, the first day of the --as-on month" in (
        capsys.readouterr().err
    )
    assert main(["calendar", str(path), "--from", "01-02-2027", "--to", "01-01-2027",
                 "--out", ics]) == 2  # fmt: skip
    assert "--to 01-01-2027 is before --from 01-02-2027; swap them." in capsys.readouterr().err
    assert main(["calendar", str(path), "--as-on", "15-02-2027", "--out", ics]) in (0, 1)
    assert "from 01-02-2027 to 31-01-2028" in capsys.readouterr().out


def test_a_merge_cell_neither_yes_nor_no_is_an_issue_at_its_cell() -> None:
    """Which rows count as Merge = Yes is the letters job's (`ticked_letters`): an unreadable
    cell is said and marked at its cell, not quietly taken as No."""
    from xlbo.book.excel import ExcelBook
    from xlbo.jobs.letters import ticked_letters

    book = Book.from_tables(
        {
            "Letters": [
                ["Template", "Sheet", "Merge"],
                ["appointment", "Employees", "Maybe"],
                ["experience", "Employees", "No"],
            ]
        }
    )
    chosen, issues = ticked_letters(ExcelBook(book))
    assert chosen == []
    assert [(i.sheet, i.cell, i.value) for i in issues] == [("Letters", "C2", "Maybe")]
    assert "appointment was not merged" in issues[0].problem
    said = run_script("letters", book)
    assert said.startswith("Type Yes under Merge on the Letters sheet")
    assert "Letters!C2: Merge: 'Maybe' is not Yes or No" in said
    assert book.sheets["Letters"].notes[(2, 3)].startswith("xlbo: Merge: 'Maybe' is not Yes")


# -- one registry ------------------------------------------------------------------------------


def test_every_button_runs_a_job_of_the_registry_and_the_command_line_has_each_job() -> None:
    from xlbo.cli import build_parser
    from xlbo.excel.buttons import BUTTONS
    from xlbo.jobs.registry import JOBS

    assert {b.job for b in BUTTONS} <= set(JOBS)
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(JOBS) <= set(commands)


def test_the_registry_refuses_what_a_door_should_never_hand_it(tmp_path: Path) -> None:
    from xlbo.errors import UserError
    from xlbo.jobs.registry import PayrollSettings, ValidateSettings, run

    with pytest.raises(TypeError, match="validate takes ValidateSettings, not PayrollSettings"):
        run("validate", {"master": tmp_path / "m.xlsx"}, PayrollSettings("2026-10"))
    with pytest.raises(TypeError, match="validate reads no ledger"):
        run("validate", {"master": tmp_path / "m.xlsx", "ledger": tmp_path}, ValidateSettings())
    with pytest.raises(TypeError, match="no job named 'payrol'"):
        run("payrol", {}, ValidateSettings())
    with pytest.raises(UserError, match="validate needs the master-data workbook"):
        run("validate", {}, ValidateSettings())


def test_the_command_line_does_no_step_of_a_job() -> None:
    """Each command turns options into settings and runs the job through the registry: no
    reading, matching, computing or writing of a job's own is left in cli.py."""
    source = (Path(__file__).resolve().parents[1] / "xlbo" / "cli.py").read_text()
    for step in (
        "write_workbook",
        "write_result",
        "run_settings",
        "run_reconcile",
        "run_payroll",
        "run_report",
        "import_day_book",
        "build_demo",
        " validate(",
    ):
        assert step not in source, step
    from xlbo.jobs.registry import JOBS

    # every job is reached through the registry, and nothing else is
    assert set(re.findall(r'\brun\("([^"]+)"', source)) == set(JOBS)
