"""What each ribbon button does to the open workbook: read it through the xlwings adapter, run
the job, write the result sheets into it. The classic add-in's `macros/` handlers and the Lite
`main.py` scripts call these, so both doors run the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from xlbo.book.excel import ExcelBook
from xlbo.issues import count_by_severity, describe_counts
from xlbo.jobs.validate import validate as validate_master


def validate(book: Any) -> str:
    """Validate the open master workbook: write `Summary` and `Issues` sheets into it, fill each
    bad cell lightly and note the problem on it. Returns the one-line outcome."""
    excel = ExcelBook(book)
    report = validate_master(excel)
    excel.write(report.sheets)
    marked = excel.mark(report.issues)
    counts = describe_counts(count_by_severity(report.issues))
    return f"{counts}: {marked} cells marked; see the Issues sheet."


def payroll_month(excel: ExcelBook, today: date | None = None) -> str:
    """The month the Run Payroll button pays: the latest month on the Attendance sheet, or else
    last month."""
    from xlbo.payroll.attendance import HEADERS, month_key

    if excel.has("Attendance"):
        frame = excel.read_table("Attendance", HEADERS).frame
        if "Month" in frame.columns:
            months = []
            for value in frame["Month"].tolist():
                try:
                    key = month_key(value)
                except ValueError:
                    continue
                if key:
                    months.append(key)
            if months:
                return max(months)
    day = (today or date.today()).replace(day=1) - timedelta(days=1)
    return f"{day:%Y-%m}"


def run_payroll(book: Any) -> str:
    """Run Payroll on the open master workbook for the latest Attendance month: write the
    Register, Working, Issues and Journal sheets into it (payslips, ECR, ESIC and bank files come
    from `xlbo payroll` on the command line, which can write files)."""
    from xlbo.jobs.payroll import compute_payroll
    from xlbo.payroll.outputs import esi_sheet

    excel = ExcelBook(book)
    month = payroll_month(excel)
    result = compute_payroll(excel, month, {})
    excel.write([*result.sheets(), esi_sheet(result.lines, result.month)])
    counts = describe_counts(count_by_severity(result.issues))
    return f"Payroll {result.month:%B %Y}: {len(result.lines)} employees; {counts}."


STATEMENT_SHEETS = ("bank statement", "statement")
LEDGER_SHEETS = ("bank ledger", "ledger")


def reconcile(book: Any) -> str:
    """Reconcile the bank statement and the bank ledger pasted into this workbook (sheets named
    Bank Statement and Ledger, or a Journal with the first account of Bank Accounts), and write
    the Summary, Matches, Unmatched, Suggestions, BRS and Integrity sheets into it."""
    from xlbo.bank.ledger import read_ledger
    from xlbo.bank.statement import read_statement
    from xlbo.book.table import header_key
    from xlbo.errors import UserError
    from xlbo.jobs.reconcile import reconcile_lines

    excel = ExcelBook(book)
    names = {header_key(n): n for n in excel.sheet_names()}
    statement_sheet = next((names[k] for k in STATEMENT_SHEETS if k in names), None)
    if statement_sheet is None:
        raise UserError(
            "Paste the bank statement into a sheet named 'Bank Statement', then click Reconcile."
        )
    ledger_sheet = next((names[k] for k in LEDGER_SHEETS if k in names), None)
    account = None
    if ledger_sheet is None:
        if "journal" not in names or "bank accounts" not in names:
            raise UserError(
                "Paste the bank ledger (Tally export) into a sheet named 'Ledger', or keep the "
                "Journal and Bank Accounts sheets in this workbook."
            )
        banks = excel.read_table(names["bank accounts"], ["Account"]).frame
        account = str(banks["Account"].dropna().iloc[0]) if len(banks) else None
    statement = read_statement(excel, statement_sheet)
    ledger = read_ledger(excel, account, sheet=ledger_sheet)
    company = ""
    if "company" in names:  # the master's Company sheet names the company on the BRS
        found = excel.read_table(names["company"], ["Name"]).frame
        if "Name" in found.columns and len(found.dropna(subset=["Name"])):
            company = str(found["Name"].dropna().iloc[0]).strip()
    result = reconcile_lines(statement, ledger, company=company)
    excel.write(result.sheets)
    difference = result.brs.difference
    return (
        f"{result.match_count} matches; {len(result.bank_open)} bank and {len(result.ledger_open)} ledger "
        f"lines for the BRS; difference {difference / 100 if difference is not None else 'unknown'}."
        + (f" {result.unlikely}" if result.unlikely else "")  # a 0.00 that proves nothing
    )


def latest_journal_month(excel: ExcelBook, today: date | None = None) -> str:
    """The month the Reports button reports on: the month of the Journal's latest date up to a
    month from today, or else last month."""
    from xlbo.dates import parse_date
    from xlbo.journal_layout import HEADERS

    latest: date | None = None
    limit = (today or date.today()) + timedelta(days=31)
    if excel.has("Journal"):
        for value in excel.read_table("Journal", HEADERS).frame["Date"].tolist():
            try:
                day = parse_date(value)
            except ValueError:
                continue
            # a date typed in the future (09-10-2062) must not move the whole pack there
            if day is not None and day <= limit and (latest is None or day > latest):
                latest = day
    if latest is None:
        latest = (today or date.today()).replace(day=1) - timedelta(days=1)
    return f"{latest:%Y-%m}"


def reports(book: Any) -> str:
    """Build the report pack for the Journal's latest month from this workbook's Journal and
    Accounts (with its Budget and Tasks sheets when present): write the report sheets into it,
    mark the journal cells that were left out, and — when the workbook is saved in a folder —
    save the pack beside it as a workbook to share (with its charts and print set-up)."""
    from pathlib import Path

    from xlbo.book import write_workbook
    from xlbo.book.atomic import collect_kept, result_set
    from xlbo.errors import UserError
    from xlbo.jobs.report import ReportKind, run_report

    excel = ExcelBook(book)
    month = latest_journal_month(excel)
    report = run_report(ReportKind.PACK, excel, month)
    excel.write(report.sheets)
    excel.mark(report.issues)
    agrees = "agrees" if report.totals[0] == report.totals[1] else "does NOT agree"
    outcome = f"Reports for {month}: trial balance {agrees}; {len(report.problems)} problems."
    folder = Path(str(getattr(book, "fullname", ""))).parent
    if str(folder) not in ("", ".") and folder.is_dir():
        out = folder / f"reports-{month}.xlsx"
        try:
            with collect_kept() as kept, result_set(folder):  # an earlier pack kept as previous
                write_workbook(out, report.sheets, title=f"Reports {month}")
        except OSError as error:
            raise UserError(
                f"The report sheets are in this workbook, but {out} could not be saved "
                f"({error.strerror}); close it if it is open in Excel and click Reports again."
            ) from None
        outcome += f" Saved {out.name} beside this workbook." + "".join(f" {k}" for k in kept)
    return outcome


@dataclass(frozen=True)
class Button:
    """A ribbon button: its label, its group on the xlbo tab, and what it runs."""

    name: str
    label: str
    group: str
    run: Callable[[Any], str]
    help: str


BUTTONS: tuple[Button, ...] = (
    Button(
        "validate",
        "Validate",
        "Master data",
        validate,
        "Check every sheet of this master workbook and list each problem on an Issues sheet.",
    ),
    Button(
        "reconcile",
        "Reconcile",
        "Bank",
        reconcile,
        "Match the pasted bank statement to the ledger and draw up the BRS in this workbook.",
    ),
    Button(
        "run_payroll",
        "Run Payroll",
        "Payroll",
        run_payroll,
        "Compute the latest Attendance month's payroll and write the register into this workbook.",
    ),
    Button(
        "reports",
        "Reports",
        "Reports",
        reports,
        "Build the month's report pack from the Journal: trial balance, P&L, balance sheet, "
        "monthly, annual, ageing, budget and progress.",
    ),
)
"""Every button, in ribbon order; later jobs add theirs."""
