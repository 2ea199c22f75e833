"""What each ribbon button does to the open workbook: read its settings from it, run the job
through the registry (`xlbo.jobs.registry.run`, as the command line does) with the workbook
(the xlwings adapter) as its input, and write the result sheets back into it. The classic
add-in's `macros/` handlers and the Lite `main.py` scripts call these, so both Excel doors run
the same code, and the same job as `xlbo` on the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from xlbo.book.excel import ExcelBook
from xlbo.errors import UserError
from xlbo.jobs.registry import (
    JobResult,
    PayrollSettings,
    ReconcileSettings,
    ReportSettings,
    ValidateSettings,
    run,
)


def saved_folder(book: Any) -> Path | None:
    """The folder the open workbook is saved in; None for a workbook never saved, or one Excel
    keeps where Python cannot see (SharePoint, the browser: Lite)."""
    folder = Path(str(getattr(book, "fullname", ""))).parent
    return folder if str(folder) not in ("", ".") and folder.is_dir() else None


def _outcome(result: JobResult) -> str:
    """The job's one sentence, and what it warns about."""
    return " ".join([result.headline, *result.warnings])


def validate(book: Any) -> str:
    """Validate the open master workbook: write `Summary` and `Issues` sheets into it, fill each
    bad cell lightly and note the problem on it. Returns the one-line outcome."""
    excel = ExcelBook(book)
    result = run("validate", {"master": excel}, ValidateSettings())
    excel.write(result.sheets)
    marked = excel.mark(result.issues)
    return f"{result.headline}: {marked} cells marked; see the Issues sheet."


def payroll_month(excel: ExcelBook, today: date | None = None) -> str:
    """The month the Run Payroll button pays: the latest month on the Attendance sheet, or else
    last month."""
    from xlbo.readers.attendance import HEADERS, month_key

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


PAYROLL_FOLDER = "payroll"
"""The payroll folder beside a saved master workbook: where `xlbo payroll MASTER` run in the
workbook's folder writes (its default --out), and so where the Run Payroll button reads the
earlier registers (the year to date) and writes the month's files."""


def run_payroll(book: Any) -> str:
    """Run Payroll on the open master workbook for the latest Attendance month: write the
    Summary, Register, Working, Issues, Journal and ESI Contribution sheets into it, and the
    register again as `Register YYYY-MM`, which next month's click reads for the year to date.
    When the workbook is saved in a folder, the earlier registers in its payroll folder give the
    year to date (before those sheets), and the month's files (register, payslips, ECR, ESIC and
    bank files) go there, as `xlbo payroll` run in that folder does."""
    from xlbo.book.atomic import collect_kept

    excel = ExcelBook(book)
    folder = saved_folder(book)
    out = folder / PAYROLL_FOLDER if folder is not None else None
    with collect_kept() as kept:  # the month's earlier files, kept as previous
        result = run("payroll", {"master": excel}, PayrollSettings(payroll_month(excel), out))
    excel.write(result.sheets)
    where = (
        f" Its files are in the {PAYROLL_FOLDER} folder beside this workbook."
        + "".join(f" {k}" for k in kept)
        if out is not None
        else f" Its register stays in this workbook as the sheet Register {result.value.month:%Y-%m} "
        "for next month's year to date; save the workbook in a folder to get the month's files "
        "(payslips, ECR, ESIC and bank files) too."
    )
    return result.headline + where


STATEMENT_SHEETS = ("bank statement", "statement")
LEDGER_SHEETS = ("bank ledger", "ledger")


def reconcile_settings(excel: ExcelBook) -> ReconcileSettings:
    """What the Reconcile button reads from the workbook: the sheet the statement was pasted
    into, the ledger's sheet (or, with a Journal, the first account of Bank Accounts) and the
    company named on the Company sheet."""
    from xlbo.book.table import header_key

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
    company = ""
    if "company" in names:  # the master's Company sheet names the company on the BRS
        found = excel.read_table(names["company"], ["Name"]).frame
        if "Name" in found.columns and len(found.dropna(subset=["Name"])):
            company = str(found["Name"].dropna().iloc[0]).strip()
    return ReconcileSettings(
        account=account, sheet=statement_sheet, ledger_sheet=ledger_sheet, company=company
    )


def reconcile(book: Any) -> str:
    """Reconcile the bank statement and the bank ledger pasted into this workbook (sheets named
    Bank Statement and Ledger, or a Journal with the first account of Bank Accounts), and write
    the Summary, Matches, Unmatched, Suggestions, BRS, Integrity and Rules sheets into it. Click
    again after marking Accept (Suggestions), Reject (Matches) or adding Rules: they are applied,
    as `xlbo reconcile --confirm` applies them."""
    excel = ExcelBook(book)
    settings = reconcile_settings(excel)
    result = run("reconcile", {"bank": excel, "ledger": excel}, settings)
    excel.write(result.sheets)
    return result.headline


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
    from xlbo.book.atomic import collect_kept
    from xlbo.jobs.report import ReportKind

    excel = ExcelBook(book)
    month = latest_journal_month(excel)
    folder = saved_folder(book)
    out = folder / f"reports-{month}.xlsx" if folder is not None else None
    settings = ReportSettings(ReportKind.PACK, month, out, title=f"Reports {month}")
    with collect_kept() as kept:  # an earlier pack kept as previous
        result = run("report", {"book": excel}, settings)
    excel.write(result.sheets)
    excel.mark(result.issues)
    outcome = _outcome(result)
    if result.files:
        outcome += f" Saved {result.files[0].name} beside this workbook." + "".join(
            f" {k}" for k in kept
        )
    return outcome


@dataclass(frozen=True)
class Button:
    """A ribbon button: its label, its group on the xlbo tab, what it runs, and the job of the
    registry it runs (the command line's `xlbo JOB`)."""

    name: str
    label: str
    group: str
    run: Callable[[Any], str]
    help: str
    job: str


BUTTONS: tuple[Button, ...] = (
    Button(
        "validate",
        "Validate",
        "Master data",
        validate,
        "Check every sheet of this master workbook and list each problem on an Issues sheet.",
        "validate",
    ),
    Button(
        "reconcile",
        "Reconcile",
        "Bank",
        reconcile,
        "Match the pasted bank statement to the ledger and draw up the BRS in this workbook.",
        "reconcile",
    ),
    Button(
        "run_payroll",
        "Run Payroll",
        "Payroll",
        run_payroll,
        "Compute the latest Attendance month's payroll and write the register into this workbook.",
        "payroll",
    ),
    Button(
        "reports",
        "Reports",
        "Reports",
        reports,
        "Build the month's report pack from the Journal: trial balance, P&L, balance sheet, "
        "monthly, annual, ageing, budget and progress.",
        "report",
    ),
)
"""Every button, in ribbon order; later jobs add theirs."""
