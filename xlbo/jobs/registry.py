"""The jobs, each registered once: what it reads, its settings, what it gives back; and one way
to run any of them, `run(job, inputs, settings)`, which every door calls.

    >>> from pathlib import Path
    >>> from xlbo.jobs.registry import ReconcileSettings, run
    >>> result = run(
    ...     "reconcile",
    ...     {"bank": Path("hdfc-statement.xlsx"), "ledger": Path("tally-hdfc-ledger.xlsx")},
    ...     ReconcileSettings(out=Path("brs.xlsx")),
    ... )  # doctest: +SKIP
    >>> result.exit_code, result.lines  # doctest: +SKIP
    (0, ('53 matches, 3 bank and 2 ledger lines unmatched, …; BRS difference 0.00. Report: brs.xlsx',))

The doors differ only in where the inputs come from and where the result goes:

- the command line (`xlbo.cli`) turns its options into the settings, names the files as inputs
  and prints `lines` (and `warnings` on stderr); the job writes its files (`settings.out`);
- a ribbon button of the classic add-in and a Lite script (`xlbo.excel.buttons`) hand over the
  open workbook (the xlwings adapter, a `Reader`) as the input, with settings read from that
  workbook, and write `sheets` back into it;
- the demo (`xlbo.jobs.demo`) runs the jobs one after another on the demo company's files.

So the same inputs give the same figures from every door: `tests/test_doors.py` holds them to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlbo.book import Reader, ResultSheet
from xlbo.errors import UserError
from xlbo.issues import Issue
from xlbo.office.settlement import Leaving
from xlbo.payroll.compute import DaysBasis
from xlbo.progress import long_lived_work

if TYPE_CHECKING:
    from xlbo.audit.records import AuditRecord
    from xlbo.bank.match import Window
    from xlbo.jobs.reconcile import Detail
    from xlbo.jobs.report import ReportKind
    from xlbo.readers.roles import Role

EXIT_OK, EXIT_FINDINGS, EXIT_USER_ERROR, EXIT_BUG = 0, 1, 2, 70
"""0 done and clean; 1 done, with findings for the user (errors in the data, a BRS that does
not tie); 2 the user's input could not be used (a plain message says why); 70 a bug in xlbo."""

Source = Path | Reader
"""An input: a file, or a workbook already open in Excel (the xlwings adapter)."""


# -- what a job gives back ---------------------------------------------------------------------


@dataclass(frozen=True)
class JobResult:
    """What a job gives back to the door that ran it."""

    exit_code: int
    """EXIT_OK or EXIT_FINDINGS (a job that cannot run raises a UserError instead)."""
    lines: tuple[str, ...] = ()
    """What the job tells the user, in order (the command line prints them)."""
    warnings: tuple[str, ...] = ()
    """What the user must not miss (the command line puts them on stderr)."""
    sheets: tuple[ResultSheet, ...] = ()
    """The result tables, for a door that writes them into an open workbook."""
    issues: tuple[Issue, ...] = ()
    """Bad cells of the inputs, each with its sheet and cell (a button marks them)."""
    files: tuple[Path, ...] = ()
    """Every file the job wrote."""
    headline: str = ""
    """The outcome in one sentence, for Excel's status bar or Lite's output pane."""
    value: Any = None
    """The job's own result (a `Reconciliation`, `PayrollRun`, `Report`, …) for its figures."""
    records: tuple[AuditRecord, ...] = ()
    """The rows the job posted (Journal lines, rows added to a sheet of the books), for the
    audit log (`xlbo.audit`)."""


# -- each job's settings -----------------------------------------------------------------------


@dataclass(frozen=True)
class ValidateSettings:
    """`xlbo validate MASTER [--out REPORT]`."""

    out: Path | None = None
    """The report workbook; by default MASTER-issues.xlsx beside a master file. An open
    workbook gets the report's sheets instead, and no file."""


@dataclass(frozen=True)
class ReconcileSettings:
    """`xlbo reconcile --bank … --ledger … [options]`, `xlbo reconcile --confirm RESULT`, or the
    Reconcile button."""

    out: Path | None = None
    """The result workbook (with --confirm: the earlier result, updated); None for an open
    workbook, which gets the result sheets."""
    account: str | None = None
    """With a Journal: the bank ledger's name (the button takes the first of Bank Accounts)."""
    mapping: Mapping[Role, str] = field(default_factory=dict)
    """Column roles for a statement whose headers xlbo does not know (--map)."""
    window: Window | None = None
    """Days a bank date may lie before and after the books'; None: 3 and 7, or what the
    earlier result's Run sheet says on --confirm."""
    detail: Detail | None = None
    """Where the long tables go (sheets, CSV or Parquet files beside the workbook)."""
    sheet: str | None = None
    """The statement's sheet (by default every sheet that holds statement lines)."""
    ledger_sheet: str | None = None
    """The ledger's sheet, in an open workbook that holds both (Ledger)."""
    company: str = ""
    """The company named on the BRS when neither the statement nor the ledger names it."""


@dataclass(frozen=True)
class PayrollSettings:
    """`xlbo payroll MASTER --month M [--out FOLDER]`, or the Run Payroll button."""

    month: str
    """YYYY-MM."""
    out: Path | None = None
    """The folder of the month's files, whose earlier registers give the year to date; None:
    nothing written and no year to date (estimated, and said on the Issues sheet)."""
    basis: DaysBasis = DaysBasis.CALENDAR
    payslips: bool = True


@dataclass(frozen=True)
class ReportSettings:
    """`xlbo report KIND BOOK --period P [--master M] [--out REPORT]`, or the Reports button."""

    kind: ReportKind
    period: str
    """YYYY-MM, YYYY-MM:YYYY-MM or FY2026-27."""
    out: Path | None = None
    """The report workbook; None: only the sheets."""
    title: str = ""
    """The workbook's title (document properties); by default 'KIND PERIOD'."""


@dataclass(frozen=True)
class TallySettings:
    """`xlbo import-tally DAYBOOK --out BOOKS [--master M] [--sheet S]`."""

    out: Path
    sheet: str | None = None


@dataclass(frozen=True)
class WorkbooksSettings:
    """`xlbo workbooks build --out FOLDER`."""

    out: Path


@dataclass(frozen=True)
class InvoicesSettings:
    """`xlbo invoices BOOK [--master MASTER] --out DIR [--no-pdf]`, or the Invoices button."""

    out: Path | None
    """The folder of the documents and the Invoice Register (whose numbers the next run
    continues); None for an open workbook, which gets the Documents, Invoice Register and
    Invoice Journal sheets instead (and its Invoice Register sheet gives the next numbers)."""
    pdf: bool = True
    reconciliation: Path | None = None
    """A reconciliation result (`xlbo reconcile`) whose matched customer credits become receipts."""


@dataclass(frozen=True)
class GstReconSettings:
    """`xlbo gst-recon --purchases BOOK --gstr2b 2B.json [--gstr2b …] [--master M] --out R`, or
    the GST Recon button."""

    out: Path | None
    """The reconciliation workbook; None for the open books (the GST Recon button), which get
    its sheets instead."""
    gstr2b: tuple[Path, ...] = ()
    """The GSTR-2B JSON files, one a period."""


@dataclass(frozen=True)
class TdsReconSettings:
    """`xlbo tds-recon --26as 26AS.txt --books BOOK [--master M] --out R`."""

    out: Path


@dataclass(frozen=True)
class LettersSettings:
    """`xlbo letters TEMPLATE --data BOOK --sheet SHEET --out DIR [options]`, `xlbo letters
    --template NAME --out FILE.docx`, or the Letters button."""

    template: str
    """A Word template (.docx) or the name of one of xlbo's letters (appointment, …)."""
    out: Path | None
    """The folder of the letters (with write_template: the .docx to write); None for an open
    workbook with no folder: the letters' text goes on a sheet."""
    sheet: str | None = None
    """The sheet of the rows to merge (xlbo's letters know theirs)."""
    subject: str = ""
    """The mails' subject; by default the template's title."""
    attach: str = "pdf"
    """What the mail drafts carry: pdf (when made) or docx."""
    pdf: bool = True
    as_at: date | None = None
    """The letters' date, and the day overdue invoices are counted to (default: today)."""
    payroll: Path | None = None
    """The folder of the payroll registers (salary certificate)."""
    language: str = ""
    """en or hi for every row (default: each row's Language, else the Company sheet's)."""
    write_template: bool = False
    """Write xlbo's template `template` to `out` instead of merging."""


@dataclass(frozen=True)
class DemoSettings:
    """`xlbo demo [FOLDER] [--seed N]`."""

    outdir: Path
    seed: int = 2026


@dataclass(frozen=True)
class PayablesSettings:
    """`xlbo payables BOOK --as-on DATE --out RUN [--master M]`, or `xlbo payables --confirm RUN
    [--date D] [--layout L] [--bank-account A] [--out DIR]`."""

    as_on: date | None = None
    """The day the run is for (the proposal); --confirm reads it from the run."""
    out: Path | None = None
    """The run workbook; with --confirm the folder of the bank file, journal and advices."""
    pay_date: date | None = None
    """--confirm: the day the bank pays (default: the run's As On day)."""
    layout: str | None = None
    """--confirm: the Payment Layouts layout (default: the first of your own, else the generic)."""
    bank_account: str | None = None
    """--confirm: the Bank Accounts row paid from (default: the first)."""


@dataclass(frozen=True)
class ContractsSettings:
    """`xlbo contracts BOOK --as-on DATE [--days N] [--master M] [--out ALERTS]`."""

    as_on: date
    days: int = 30
    """How far ahead to look."""
    out: Path | None = None
    """The alerts workbook (the .ics beside it); None: only the sheets."""


@dataclass(frozen=True)
class StatementsSettings:
    """`xlbo statements BOOK --as-on DATE [--from DATE] [--master M] [--no-pdf] --out DIR`."""

    as_on: date
    start: date | None = None
    """First day of the statements; None: the start of the financial year of `as_on`."""
    out: Path | None = None
    """The folder of the statements and the summary; None: only the sheets."""
    pdf: bool = True


@dataclass(frozen=True)
class AuditSettings:
    """`xlbo audit verify BOOK` or `xlbo audit report BOOK [--from D] [--to D] --out R`."""

    action: str
    """verify: check the log's chain and the books against the last snapshot; report: the
    auditor's workbook."""
    out: Path | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class StockSettings:
    """`xlbo stock BOOK --as-on DATE [--master M] [--out STOCK]`, or the Stock button."""

    as_on: date
    out: Path | None = None
    """The stock workbook (register, reorder, proposed requests); None: only the sheets."""


@dataclass(frozen=True)
class CalendarSettings:
    """`xlbo calendar BOOK [--from DATE] [--to DATE] [--as-on DATE] [--master M] --out CAL.ics`,
    or the Calendar button."""

    start: date | None
    """None: the first day of the month of `as_on`."""
    end: date | None
    """None: twelve months from the first day of the month of `start`
    (`xlbo.jobs.calendar.window`)."""
    as_on: date
    """The day the Due sheet counts overdue and the next 7 days from."""
    out: Path | None = None
    """The .ics file (the Due workbook beside it); None: only the sheets."""


@dataclass(frozen=True)
class LeaveSettings:
    """`xlbo leave MASTER --as-on DATE [--out LEAVE]`."""

    as_on: date
    out: Path | None = None
    """The leave workbook (balances, ledger, employee files); None: only the sheets."""


@dataclass(frozen=True)
class SettlementSettings:
    """`xlbo final-settlement MASTER --employee ID --leaving DATE [options] --out DIR`."""

    employee: str
    leaving: date
    """The last working day."""
    out: Path | None = None
    """The folder of the settlement workbook; None: only the sheets."""
    reason: Leaving = Leaving.RESIGNATION
    notice_given: date | None = None
    """The day notice was given (resignation); None: notice taken as served in full."""
    bonus_rate: Decimal | None = None
    """The bonus rate declared for the year; None: the Bonus Rules' minimum (8.33%)."""
    payroll: Path | None = None
    """The folder of the year's payroll registers (the year to date for TDS)."""


def _leave(inputs: Mapping[str, Source], settings: LeaveSettings) -> JobResult:
    from xlbo.jobs.leave import leave_job

    return leave_job(inputs, settings)


def _settlement(inputs: Mapping[str, Source], settings: SettlementSettings) -> JobResult:
    from xlbo.jobs.settlement import settlement_job

    return settlement_job(inputs, settings)


# -- the registry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One input of a job: its name in `run`'s inputs, and what it is to the user."""

    name: str
    meaning: str
    required: bool = True


@dataclass(frozen=True)
class Job:
    """A job: its name (the command's), what it reads, its settings' type and how it runs."""

    name: str
    inputs: tuple[Input, ...]
    settings: type
    runner: Callable[[Mapping[str, Source], Any], JobResult]
    outside_excel: str = ""
    """Why the job has no button in the workbooks (empty: it has one, in the classic add-in and
    in the Lite workbooks): a job that builds files for a machine runs from its command line."""


def _validate(inputs: Mapping[str, Source], settings: ValidateSettings) -> JobResult:
    from xlbo.jobs.validate import validate_job

    return validate_job(inputs, settings)


def _reconcile(inputs: Mapping[str, Source], settings: ReconcileSettings) -> JobResult:
    from xlbo.jobs.reconcile import reconcile_job

    return reconcile_job(inputs, settings)


def _payroll(inputs: Mapping[str, Source], settings: PayrollSettings) -> JobResult:
    from xlbo.jobs.payroll import payroll_job

    return payroll_job(inputs, settings)


def _report(inputs: Mapping[str, Source], settings: ReportSettings) -> JobResult:
    from xlbo.jobs.report import report_job

    return report_job(inputs, settings)


def _tally(inputs: Mapping[str, Source], settings: TallySettings) -> JobResult:
    from xlbo.jobs.tally import tally_job

    return tally_job(inputs, settings)


def _workbooks(inputs: Mapping[str, Source], settings: WorkbooksSettings) -> JobResult:
    from xlbo.jobs.workbooks import workbooks_job

    return workbooks_job(settings)


def _invoices(inputs: Mapping[str, Source], settings: InvoicesSettings) -> JobResult:
    from xlbo.jobs.invoices import invoices_job

    return invoices_job(inputs, settings)


def _gst_recon(inputs: Mapping[str, Source], settings: GstReconSettings) -> JobResult:
    from xlbo.jobs.gst_recon import gst_recon_job

    return gst_recon_job(inputs, settings)


def _letters(inputs: Mapping[str, Source], settings: LettersSettings) -> JobResult:
    from xlbo.jobs.letters import letters_job

    return letters_job(inputs, settings)


def _tds_recon(inputs: Mapping[str, Source], settings: TdsReconSettings) -> JobResult:
    from xlbo.jobs.tds_recon import tds_recon_job

    return tds_recon_job(inputs, settings)


def _demo(inputs: Mapping[str, Source], settings: DemoSettings) -> JobResult:
    from xlbo.jobs.demo import demo_job

    return demo_job(settings)


def _payables(inputs: Mapping[str, Source], settings: PayablesSettings) -> JobResult:
    from xlbo.jobs.payables import payables_job

    return payables_job(inputs, settings)


def _contracts(inputs: Mapping[str, Source], settings: ContractsSettings) -> JobResult:
    from xlbo.jobs.contracts import contracts_job

    return contracts_job(inputs, settings)


def _statements(inputs: Mapping[str, Source], settings: StatementsSettings) -> JobResult:
    from xlbo.jobs.statements import statements_job

    return statements_job(inputs, settings)


def _audit(inputs: Mapping[str, Source], settings: AuditSettings) -> JobResult:
    from xlbo.jobs.audit import audit_job

    return audit_job(inputs, settings)


def _stock(inputs: Mapping[str, Source], settings: StockSettings) -> JobResult:
    from xlbo.jobs.stock import stock_job

    return stock_job(inputs, settings)


def _calendar(inputs: Mapping[str, Source], settings: CalendarSettings) -> JobResult:
    from xlbo.jobs.calendar import calendar_job

    return calendar_job(inputs, settings)


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job(
            "validate", (Input("master", "the master-data workbook"),), ValidateSettings, _validate
        ),
        Job(
            "reconcile",
            (
                Input("bank", "the bank statement", required=False),
                Input("ledger", "the bank ledger (Tally export, or books with a Journal)", False),
                Input("earlier", "an earlier result with your Accept, Reject and Rules", False),
                Input("rules", "an earlier month's result whose Rules are reused", False),
                Input("master", "the master workbook naming the company and its banks", False),
                Input(
                    "last_brs",
                    "last month's result, whose outstanding items this month's lines clear",
                    False,
                ),
            ),
            ReconcileSettings,
            _reconcile,
        ),
        Job("payroll", (Input("master", "the master-data workbook"),), PayrollSettings, _payroll),
        Job(
            "report",
            (
                Input("book", "the workbook with the Journal"),
                Input("master", "the master workbook with the chart of accounts", False),
            ),
            ReportSettings,
            _report,
        ),
        Job(
            "import-tally",
            (
                Input("daybook", "the Day Book exported from Tally"),
                Input("master", "the master workbook naming customers and vendors", False),
            ),
            TallySettings,
            _tally,
            "it reads a Day Book file that Tally wrote on the same machine (xlwings Lite, in the "
            "browser, sees no files); it writes the Journal the other buttons then read",
        ),
        Job(
            "workbooks",
            (),
            WorkbooksSettings,
            _workbooks,
            "it builds the workbooks themselves, and the add-in",
        ),
        Job(
            "invoices",
            (
                Input("book", "the workbook with the Invoices sheet"),
                Input("master", "the master workbook with the company and customers", False),
            ),
            InvoicesSettings,
            _invoices,
        ),
        Job(
            "gst-recon",
            (
                Input("purchases", "the books with the Purchases sheet (or Tally's register)"),
                Input("master", "the master workbook with the vendors' GSTINs", False),
                Input(
                    "earlier", "an earlier result whose Suggested sheet holds your Decisions", False
                ),
            ),
            GstReconSettings,
            _gst_recon,
        ),
        Job(
            "tds-recon",
            (
                Input("form26as", "Form 26AS (the text TRACES exports, or a sheet)"),
                Input("books", "the books with the Receipts sheet or the Journal"),
                Input("master", "the master workbook with the customers' TANs", False),
            ),
            TdsReconSettings,
            _tds_recon,
            "it reads Form 26AS as TRACES exports it (a text file); issue 15 asks buttons for "
            "payables, statements and the GST reconciliation only",
        ),
        Job(
            "letters",
            (
                Input("data", "the workbook with the rows to merge", required=False),
                Input("master", "the master workbook with the Company sheet", False),
                Input("books", "the books with the Journal (reminders, payment advice)", False),
            ),
            LettersSettings,
            _letters,
        ),
        Job(
            "payables",
            (
                Input("book", "the books with the Purchases sheet", False),
                Input("master", "the master workbook with Vendors and Bank Accounts", False),
                Input("run", "a payment run whose Pay column you ticked (--confirm)", False),
                Input("earlier", "the run ticked before, whose ticks a new run keeps", False),
            ),
            PayablesSettings,
            _payables,
        ),
        Job(
            "contracts",
            (
                Input("book", "the workbook with the Contracts sheet"),
                Input("master", "the master workbook with Vendors", False),
            ),
            ContractsSettings,
            _contracts,
            "it writes a calendar file (.ics) beside the alerts; in Excel the Calendar button's "
            "Due sheet lists the same contract dates",
        ),
        Job(
            "statements",
            (
                Input("book", "the books with the Journal"),
                Input("master", "the master workbook with Customers and Accounts", False),
            ),
            StatementsSettings,
            _statements,
        ),
        Job(
            "audit",
            (Input("book", "the books whose log (BOOK.xlbo-log.jsonl) to check"),),
            AuditSettings,
            _audit,
        ),
        Job(
            "stock",
            (
                Input("book", "the workbook with the Stock Items sheet"),
                Input("master", "the master workbook with the Company and Vendors", False),
            ),
            StockSettings,
            _stock,
        ),
        Job(
            "calendar",
            (
                Input("book", "the workbook with Meetings, Compliance Rules or Contracts"),
                Input("master", "the master workbook with the Company sheet", False),
            ),
            CalendarSettings,
            _calendar,
        ),
        Job(
            "leave",
            (Input("master", "the master workbook with Employees and Leave Taken"),),
            LeaveSettings,
            _leave,
            "issue 16 asks buttons for stock, calendar, audit verify and final settlement (which "
            "counts the leave encashed); the leave register: xlbo leave",
        ),
        Job(
            "final-settlement",
            (Input("master", "the master workbook with Employees"),),
            SettlementSettings,
            _settlement,
        ),
        Job("demo", (), DemoSettings, _demo, "it writes a whole demo folder of files"),
    )
}
"""Every job, by name; a new job adds its entry here, and each door reaches it through `run`."""


def run(job_name: str, inputs: Mapping[str, Source], settings: Any) -> JobResult:
    """Run the job `job_name` on `inputs` (name → file or open workbook) with `settings` (the
    job's settings type). A door that hands a job the wrong settings or an input it does not
    know is a bug (TypeError); a required input left out is the user's to give (UserError)."""
    job = JOBS.get(job_name)
    if job is None:
        raise TypeError(f"no job named {job_name!r}; the jobs are {', '.join(JOBS)}")
    if not isinstance(settings, job.settings):
        raise TypeError(f"{job_name} takes {job.settings.__name__}, not {type(settings).__name__}")
    known = {i.name for i in job.inputs}
    unknown = set(inputs) - known
    if unknown:
        raise TypeError(f"{job_name} reads no {', '.join(sorted(unknown))}")
    for wanted in job.inputs:
        if wanted.required and inputs.get(wanted.name) is None:
            raise UserError(f"{job_name} needs {wanted.meaning}.")
    from xlbo.audit.hook import before_run, record_run  # every run that wrote or posted

    before = before_run(job_name, inputs, settings)  # outside edits to books the job replaces
    with long_lived_work():
        result = job.runner(inputs, settings)
    return record_run(job_name, inputs, settings, result, before)


# -- checks on the files a job writes (before it reads anything) ------------------------------


def refuse_to_replace_inputs(out: Path, *inputs: Path | None) -> None:
    """Stop before a report is written over a workbook the job reads (nothing is lost)."""
    target = out.resolve()
    for source in inputs:
        if source is not None and source.resolve() == target:
            what = (
                "the workbook it checks" if len(inputs) == 1 else f"{source.name}, which it reads"
            )
            raise UserError(f"The report would replace {what}; choose another --out.")


def workbook_out(out: Path, what: str, option: str = "--out") -> None:
    """Stop, before any reading, an `--out` that would give an Excel workbook another extension
    (`v.csv`, `p.ods`): Excel would refuse it or show its bytes as text."""
    if out.is_dir() or (out.suffix.lower() == ".xlsx" and out.stem not in ("", ".xlsx")):
        return  # a folder: check_output_file says so
    stem = out.stem if out.suffix and out.stem and not out.name.startswith(".") else ""
    example = f"{stem or 'report'}.xlsx"
    raise UserError(
        f"{option} {out.name}: {what} is an Excel workbook; name it with .xlsx "
        f"(e.g. {option} {example})."
    )


def file_of(source: Source | None) -> Path | None:
    """The file an input is, or None for an open workbook (or none given)."""
    return source if isinstance(source, Path) else None


def workbook_output(out: Path | None, what: str, inputs: Mapping[str, Source]) -> None:
    """Check a job's workbook `--out` before anything is read: named .xlsx, and no input of the
    run (see `workbook_out`, `check_output_file`)."""
    if out is None:
        return
    from xlbo.book.atomic import check_output_file

    workbook_out(out, what)
    check_output_file(out, *(file_of(source) for source in inputs.values()))


def book_and_master(inputs: Mapping[str, Source]) -> tuple[Reader, Reader]:
    """A job's `book` and `master` inputs opened as readers; the master is the book itself when
    none is given (the master's sheets kept in the books)."""
    from xlbo.book import FileBook

    book, master = inputs["book"], inputs.get("master")
    reader = FileBook(book) if isinstance(book, Path) else book
    return reader, FileBook(master) if isinstance(master, Path) else master or reader
