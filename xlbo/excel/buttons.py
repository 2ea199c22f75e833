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


LETTERS_SHEET = "Letters"
"""The sheet the Letters button reads: which letters to merge (Template, Sheet, Merge)."""


def letters(book: Any) -> str:
    """Merge the letters ticked on the Letters sheet (Merge: Yes) with their sheet's rows: the
    first click adds that sheet, listing xlbo's letters. Each letter's text goes on the Merged
    Letters sheet; when the workbook is saved in a folder, the .docx letters, their PDFs and
    mail drafts go into its letters folder (as `xlbo letters` writes them), and the payroll
    folder beside it gives the salary certificates their months."""
    import pandas as pd

    from xlbo.book.display import ResultSheet
    from xlbo.cells import parse_yes_no
    from xlbo.jobs.letters import MERGED_SHEET
    from xlbo.jobs.registry import LettersSettings
    from xlbo.letters.shipped import SHIPPED

    excel = ExcelBook(book)
    if not excel.has(LETTERS_SHEET):
        listed = pd.DataFrame(
            [[s.name, s.sheet, "No", s.titles[0]] for s in SHIPPED.values()],
            columns=["Template", "Sheet", "Merge", "Letter"],
            dtype=object,
        )
        excel.write([ResultSheet(LETTERS_SHEET, listed)])
        return (
            "Added the Letters sheet listing xlbo's letters: type Yes under Merge beside those "
            "to write (or add a row naming your own .docx saved beside this workbook), then "
            "click Letters again."
        )
    wanted = excel.read_table(LETTERS_SHEET, ["Template", "Sheet", "Merge"]).frame
    chosen = []
    for row in wanted.to_dict("records"):
        try:
            merge = parse_yes_no(row.get("Merge"))
        except ValueError:
            merge = False
        if merge and str(row.get("Template") or "").strip():
            chosen.append((str(row["Template"]).strip(), str(row.get("Sheet") or "").strip()))
    if not chosen:
        raise UserError("Type Yes under Merge on the Letters sheet beside the letters to write.")
    folder = saved_folder(book)
    payroll = folder / PAYROLL_FOLDER if folder is not None else None
    outcomes: list[str] = []
    merged: list[pd.DataFrame] = []
    for template, sheet in chosen:
        if template not in SHIPPED and folder is not None:
            template = str(folder / template)
        settings = LettersSettings(
            template,
            folder / "letters" if folder is not None else None,
            sheet=sheet or None,
            payroll=payroll if payroll is not None and payroll.is_dir() else None,
        )
        result = run("letters", {"data": excel, "books": excel}, settings)
        outcomes.append(_outcome(result))
        merged.extend(s.frame for s in result.sheets if s.name == MERGED_SHEET)
    shown = next(s for s in result.sheets if s.name == MERGED_SHEET)
    excel.write([ResultSheet(MERGED_SHEET, pd.concat(merged, ignore_index=True), shown.columns)])
    return " ".join(outcomes)


def invoices(book: Any) -> str:
    """Issue the Invoices sheet's documents and the Receipts sheet's receipts into this
    workbook: the Documents sheet (each document's lines, totals and words), the Invoice
    Register (whose numbers the next click continues), Invoice Lines, the Receipt Register and
    the Invoice Journal (the Journal sheet, the books' own, is never written). No PDFs: Excel
    has no LibreOffice (`xlbo invoices` makes them). Nothing in the input is changed or marked;
    the Issues sheet names each cell to fix."""
    from xlbo.jobs.registry import InvoicesSettings

    excel = ExcelBook(book)
    result = run("invoices", {"book": excel}, InvoicesSettings(out=None, pdf=False))
    excel.write(result.sheets)
    return _outcome(result)


def final_settlement(book: Any) -> str:
    """Draw up the full-and-final of the employee named on the Final Settlement sheet (the
    first click adds that sheet to fill in): the Settlement, Settlement Working, Settlement
    Journal, Settlement Letter and Issues sheets go into this workbook; the payroll folder
    beside a saved workbook gives the year to date for TDS."""
    from xlbo.jobs.settlement import REQUEST_SHEET, request_sheet, settings_from_sheet

    excel = ExcelBook(book)
    if not excel.has(REQUEST_SHEET):
        excel.write([request_sheet()])
        return (
            f"Added the {REQUEST_SHEET} sheet: type the Employee ID and the Last Working Day "
            "(and the Reason, Notice Given, Bonus Rate), then click Final Settlement again."
        )
    folder = saved_folder(book)
    payroll = folder / PAYROLL_FOLDER if folder is not None else None
    settings = settings_from_sheet(excel, payroll if payroll and payroll.is_dir() else None)
    result = run("final-settlement", {"master": excel}, settings)
    excel.write(result.sheets)
    return _outcome(result)


def stock(book: Any, today: date | None = None) -> str:
    """Draw up the stock register as on today from this workbook's Stock Items, Stock Moves and
    Purchase Requests: the Stock Register, Stock Ledger, Reorder (with why), Proposed Requests
    (numbered after those already on Purchase Requests and on the last Proposed Requests: a
    repeat keeps its number) and Issues sheets go into it."""
    from xlbo.jobs.registry import StockSettings

    excel = ExcelBook(book)
    result = run("stock", {"book": excel}, StockSettings(as_on=today or date.today()))
    excel.write(result.sheets)
    return _outcome(result)


def calendar(book: Any, today: date | None = None) -> str:
    """Write the Due sheet (overdue, and the next 7 days, with owners), the Calendar of the
    twelve months from this month's first day (meetings, statutory dates of Compliance Rules,
    contract dates, bills falling due) and the Compliance sheet into this workbook. The .ics
    file needs the command line (`xlbo calendar`): Lite, in the browser, writes no files."""
    from xlbo.jobs.registry import CalendarSettings

    as_on = today or date.today()
    start = as_on.replace(day=1)
    end = start.replace(year=start.year + 1) - timedelta(days=1)
    excel = ExcelBook(book)
    result = run("calendar", {"book": excel}, CalendarSettings(start, end, as_on))
    excel.write(result.sheets)
    return f"{_outcome(result)}. The .ics file: xlbo calendar on the command line."


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
    Button(
        "letters",
        "Letters",
        "Documents",
        letters,
        "Merge the letters ticked on the Letters sheet (appointment, experience, salary "
        "certificate, payment reminder, payment advice, or your own .docx) with their rows.",
        "letters",
    ),
    Button(
        "invoices",
        "Invoices",
        "Documents",
        invoices,
        "Issue the Invoices sheet's documents and the Receipts sheet's receipts into this "
        "workbook: Documents, Invoice Register and Invoice Journal sheets (PDFs: xlbo invoices).",
        "invoices",
    ),
    Button(
        "final_settlement",
        "Final Settlement",
        "Payroll",
        final_settlement,
        "Draw up the full-and-final of the employee on the Final Settlement sheet: salary, "
        "leave encashment, gratuity, bonus, recoveries, TDS, pay-by date, journal and letter.",
        "final-settlement",
    ),
    Button(
        "stock",
        "Stock",
        "Office",
        stock,
        "Draw up the stock register (weighted average) as on today, what to reorder and why, "
        "and the purchase requests to raise, one per preferred vendor.",
        "stock",
    ),
    Button(
        "calendar",
        "Calendar",
        "Office",
        calendar,
        "List what is overdue and due in the next 7 days (statutory dates, meetings, contracts, "
        "bills) with who owns each, and the year's calendar; the .ics: xlbo calendar.",
        "calendar",
    ),
)
"""Every button, in ribbon order; later jobs add theirs."""
