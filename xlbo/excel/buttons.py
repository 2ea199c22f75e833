"""What each ribbon button does to the open workbook: read its settings from it, run the job
through the registry (`xlbo.jobs.registry.run`, as the command line does) with the workbook
(the xlwings adapter) as its input, and write the result sheets back into it. The classic
add-in's `macros/` handlers and the Lite `main.py` scripts call these, so both Excel doors run
the same code, and the same job as `xlbo` on the command line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from xlbo.book.display import ResultSheet
from xlbo.book.excel import ExcelBook
from xlbo.book.table import sheet_name
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
    Summary, Register, Working, Issues, Salary Journal (the workbook's own Journal, the books,
    is never replaced) and ESI Contribution sheets into it, and the
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
    excel.write(_beside_journal(result.sheets, "Salary Journal"))
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


def letters(book: Any) -> str:
    """Merge the letters ticked on the Letters sheet (Merge: Yes) with their sheet's rows: the
    first click adds that sheet, listing xlbo's letters. Each letter's text goes on the Merged
    Letters sheet; when the workbook is saved in a folder, the .docx letters, their PDFs and
    mail drafts go into its letters folder (as `xlbo letters` writes them), and the payroll
    folder beside it gives the salary certificates their months."""
    import pandas as pd

    from xlbo.jobs.letters import LETTERS_SHEET, MERGED_SHEET, ticked_letters
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
    chosen, unread = ticked_letters(excel)
    excel.mark(unread)
    unread_said = [f"{i.sheet}!{i.cell}: {i.problem}." for i in unread]
    if not chosen:
        raise UserError(
            " ".join(
                [
                    "Type Yes under Merge on the Letters sheet beside the letters to write.",
                    *unread_said,
                ]
            )
        )
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
    return " ".join([*outcomes, *unread_said])


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

    excel = ExcelBook(book)
    settings = CalendarSettings(None, None, today or date.today())  # the job's twelve months
    result = run("calendar", {"book": excel}, settings)
    excel.write(result.sheets)
    return f"{_outcome(result)}. The .ics file: xlbo calendar on the command line."


def _beside_journal(sheets: Iterable[ResultSheet], name: str) -> list[ResultSheet]:
    """A job's journal (purchase vouchers, payments) as the sheet `name`: the open workbook's
    own Journal sheet, the books, is never replaced."""
    return [
        replace(s, name=name, excel_table=name.replace(" ", "")) if s.name == "Journal" else s
        for s in sheets
    ]


def payables(book: Any, today: date | None = None) -> str:
    """Propose the payment run as on today from this workbook's Purchases (with Vendors, TDS
    Rules, Payment Layouts, and the Journal's payments already made): the Payment Run sheet
    (due date, MSME, s.43B(h) risk, TDS, net to pay), the Purchase Journal and Issues. Clicked
    again, it keeps the Pay ticks of the bills still open, as `xlbo payables` run again does."""
    from xlbo.jobs.registry import PayablesSettings
    from xlbo.readers.payment_run import RUN_SHEET

    excel = ExcelBook(book)
    settings = PayablesSettings(as_on=today or date.today())
    result = run("payables", {"book": excel, "earlier": excel}, settings)
    told = (
        "Tick Pay beside each bill to pay, then click Pay Ticked (Payables again keeps the ticks)."
    )
    sheets = [  # what to do next, in this workbook: not the command line's --confirm
        replace(s, title=(*s.title[:1], told)) if s.name == RUN_SHEET else s
        for s in _beside_journal(result.sheets, "Purchase Journal")
    ]
    excel.write(sheets)
    return f"{_outcome(result)} Tick Pay beside the bills to pay, then click Pay Ticked."


def pay_ticked(book: Any) -> str:
    """Pay the bills ticked on the Payment Run sheet, as `xlbo payables --confirm` does: the
    Payments, the Payment Journal (vendor, TDS payable, bank) to post into the Journal, a
    payment advice per vendor, and the bank file's lines on the Bank File sheet (a file to
    upload: xlbo payables --confirm writes it)."""
    from xlbo.jobs.registry import PayablesSettings

    excel = ExcelBook(book)
    result = run("payables", {"run": excel}, PayablesSettings())
    excel.write(_beside_journal(result.sheets, "Payment Journal"))
    return " ".join([*result.lines, *result.warnings])


STATEMENTS_NOTE = (
    "Each customer's statement is on its SOA sheet; as .xlsx and PDF files, one a customer: "
    "xlbo statements BOOK.xlsx --as-on DATE --out DIR."
)


def statements(book: Any, today: date | None = None) -> str:
    """Draw up each customer's statement of account as on today from this workbook's Journal
    (Opening Bills, Customers, Accounts): the Statements summary, the Reminders (invoices past
    their credit days), an SOA sheet per customer and Issues. The PDFs: xlbo statements."""
    from xlbo.jobs.registry import StatementsSettings
    from xlbo.jobs.statements import statement_sheet

    excel = ExcelBook(book)
    settings = StatementsSettings(as_on=today or date.today(), pdf=False)
    result = run("statements", {"book": excel}, settings)
    company = ""
    if excel.has("Company"):
        from xlbo.master.load import load

        data, _ = load(excel)
        company = data.company.name if data.company else ""
    taken: set[str] = set()
    each = [
        replace(
            statement_sheet(s, company), name=sheet_name(f"SOA {s.customer.customer_code}", taken)
        )
        for s in result.value
    ]
    shown = [
        replace(
            s, title=(f"Statements of account as on {settings.as_on:%d-%m-%Y}", STATEMENTS_NOTE)
        )
        if s.name == "Statements"
        else s
        for s in result.sheets
    ]
    excel.write([*shown, *each])
    return f"{_outcome(result)}. {STATEMENTS_NOTE}"


GSTR2B_FOLDER = "gstr2b"
"""The folder beside a saved workbook where the GST Recon button also finds GSTR-2B JSON files."""
GSTR2B_SHEETS = "GSTR-2B"
"""Sheets whose name starts so hold a GSTR-2B JSON pasted into column A."""


def pasted_gstr2b(excel: ExcelBook, folder: Path) -> list[Path]:
    """The GSTR-2B JSON pasted into each sheet named GSTR-2B… (one a month: GSTR-2B Oct,
    GSTR-2B Nov), written into `folder` for the portal's reader: the text of column A, top to
    bottom (a cell holds 32,767 characters; a longer file goes on in A2, A3, …, and a file
    pasted line by line lands a line a row: either way the cells joined are the file)."""
    written = []
    for sheet in excel.sheet_names():
        if not sheet.casefold().startswith(GSTR2B_SHEETS.casefold()):
            continue
        cells = [row[0] for row in excel.sheet_rows(sheet) if row and row[0] not in (None, "")]
        if not cells:
            continue
        target = folder / f"{re.sub(r'[^0-9A-Za-z ._-]', '-', sheet)} (pasted).json"
        target.write_text("".join(str(c) for c in cells), encoding="utf-8")
        written.append(target)
    return written


def gst_recon(book: Any) -> str:
    """Reconcile this workbook's Purchases sheet (with Vendors) with the GSTR-2B JSON pasted
    into its GSTR-2B sheets (and, beside a saved workbook, the JSON files in its gstr2b
    folder): the Summary, Matched, Suggested (type Accept or Reject under Decision and click
    again), Mismatched, Missing in Books, Missing in 2B, ITC at Risk and Follow-up sheets go
    into this workbook, as `xlbo gst-recon` writes them into its file."""
    import tempfile

    from xlbo.jobs.registry import GstReconSettings

    excel = ExcelBook(book)
    folder = saved_folder(book)
    downloads = folder / GSTR2B_FOLDER if folder is not None else None
    files = sorted(downloads.glob("*.json")) if downloads and downloads.is_dir() else []
    with tempfile.TemporaryDirectory() as scratch:  # Lite: the browser's own memory
        pasted = pasted_gstr2b(excel, Path(scratch))
        if not files and not pasted:
            raise UserError(
                "Download each month's GSTR-2B from the GST portal as JSON, open it in Notepad, "
                "copy all and paste it into cell A1 of a sheet named GSTR-2B (a month a sheet: "
                "GSTR-2B Oct, GSTR-2B Nov; a cell holds 32,767 characters, so a longer file goes "
                "on in A2, A3, …)"
                + (f", or put the files in the folder {downloads}" if downloads else "")
                + "; then click GST Recon again."
            )
        settings = GstReconSettings(None, (*files, *pasted))
        result = run("gst-recon", {"purchases": excel, "earlier": excel}, settings)
    excel.write(result.sheets)
    read = [
        *(f.name for f in files),
        *(f"sheet {p.name.removesuffix(' (pasted).json')}" for p in pasted),
    ]
    return f"{_outcome(result)} GSTR-2B read: {', '.join(read)}."


VERIFY_SHEET = "Audit Verify"


def audit_verify(book: Any) -> str:
    """Check this workbook's audit trail: the chain of the hidden xlbo log sheet where the
    buttons log their runs, and, for a workbook saved in a folder with a log file beside it
    (BOOK.xlbo-log.jsonl, which xlbo on the command line writes), that log's chain, the head
    hash the workbook carries and the Journal and master rows against the last snapshot, as
    `xlbo audit verify` does. The findings go on the Audit Verify sheet."""
    import pandas as pd

    from xlbo.audit.hook import LITE_SHEET
    from xlbo.audit.log import log_path
    from xlbo.jobs.registry import AuditSettings

    excel = ExcelBook(book)
    folder = saved_folder(book)
    saved = Path(str(book.fullname)) if folder is not None else None
    checks: list[tuple[str, Any]] = []
    if saved is not None and saved.is_file() and log_path(saved).is_file():
        checks.append((f"{log_path(saved).name} beside the saved file", saved))
    if excel.has(LITE_SHEET) or not checks:
        checks.append((f"the {LITE_SHEET} sheet of this workbook", excel))
    rows: list[list[str]] = []
    said: list[str] = []
    for what, source in checks:
        try:
            lines = list(run("audit", {"book": source}, AuditSettings("verify")).lines)
            verdict = "holds"
        except UserError as problem:
            lines, verdict = problem.message.splitlines(), "does NOT hold"
        rows += [[what, verdict, line] for line in lines]
        said.append(lines[0])
    if saved is None:
        rows.append(
            [
                "the log file and the snapshot",
                "not checked",
                "No saved file to check beside (xlwings Lite, in the browser, sees no files). "
                "The log file beside saved books, the head hash and the rows edited since the "
                "last run: Audit Verify in the classic add-in, or xlbo audit verify BOOK.xlsx.",
            ]
        )
    frame = pd.DataFrame(rows, columns=["Checked", "Outcome", "Finding"], dtype=object)
    from xlbo.book.display import Column, Kind

    excel.write(
        [
            ResultSheet(
                VERIFY_SHEET,
                frame,
                columns={
                    "Checked": Column(width=34),
                    "Outcome": Column(width=14),
                    "Finding": Column(kind=Kind.LONG_TEXT, width=90),
                },
                title=(f"Audit trail of {excel.name}",),
            )
        ]
    )
    return " ".join(said)


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
    Button(
        "audit_verify",
        "Audit Verify",
        "Office",
        audit_verify,
        "Check the audit trail: the chain of this workbook's log and, beside a saved workbook, "
        "the log file, its head hash and the books' rows against the last snapshot.",
        "audit",
    ),
    Button(
        "payables",
        "Payables",
        "Vendors",
        payables,
        "Propose the payment run as on today from Purchases: due dates (MSME), s.43B(h) risk, "
        "TDS and the net to pay; tick Pay, then Pay Ticked. Ticks survive a new run.",
        "payables",
    ),
    Button(
        "pay_ticked",
        "Pay Ticked",
        "Vendors",
        pay_ticked,
        "Pay the bills ticked on the Payment Run: payments, payment journal, advices and the "
        "bank file's lines on a sheet (the file itself: xlbo payables --confirm).",
        "payables",
    ),
    Button(
        "gst_recon",
        "GST Recon",
        "Vendors",
        gst_recon,
        "Match the Purchases sheet with the GSTR-2B JSON pasted into GSTR-2B sheets (or in the "
        "gstr2b folder beside a saved workbook): matched, suggested, mismatched, missing, ITC.",
        "gst-recon",
    ),
    Button(
        "statements",
        "Statements",
        "Customers",
        statements,
        "Each customer's statement of account as on today from the Journal, with ageing, "
        "advances, credit limit and the reminders due (the PDFs: xlbo statements).",
        "statements",
    ),
)
"""Every button, in ribbon order; later jobs add theirs."""
