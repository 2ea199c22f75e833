"""The Report job: `xlbo report KIND BOOK.xlsx --period P --out REPORT.xlsx`.

KIND is trial-balance, profit-loss, balance-sheet, monthly, annual, ageing, budget, progress or
pack (all of them with a contents sheet). The
Journal comes from BOOK; the chart of accounts from BOOK's Accounts sheet or the --master
workbook; the parties' bills on the day the books begin from BOOK's Opening Bills sheet (for the
ageing, which ends with a check against the trial balance). Bad journal lines are listed on an
Issues sheet (with links) and left out; the first sheet says plainly when there are any, or when
no line falls in the period. A period outside the books (before they begin, after their last
line) is refused with their first and last dates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

import pandas as pd

from xlbo.book import FileBook, Reader, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.book.display import ResultSheet
from xlbo.errors import SheetProblem, UserError
from xlbo.issues import Issue, Severity
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    ReportSettings,
    Source,
    file_of,
    refuse_to_replace_inputs,
    workbook_out,
)
from xlbo.master.load import load
from xlbo.money import format_inr, from_paise
from xlbo.periods import APRIL, Period, financial_year
from xlbo.readers.budget import read_budget
from xlbo.readers.journal import journal_lines
from xlbo.readers.opening_bills import opening_bills
from xlbo.readers.tasks import read_tasks
from xlbo.reports.ageing import ageing
from xlbo.reports.budget import budget_vs_actual
from xlbo.reports.journal import parse_period
from xlbo.reports.progress import progress
from xlbo.reports.statements import (
    Books,
    balance_sheet,
    profit_and_loss,
    trial_balance,
)
from xlbo.reports.summary import profit_by_month
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.report import (
    ageing_sheet,
    budget_sheet,
    contents_sheet,
    progress_sheets,
    statement_sheet,
    summary_sheet,
    trial_balance_sheet,
)


class ReportKind(StrEnum):
    TRIAL_BALANCE = "trial-balance"
    PROFIT_LOSS = "profit-loss"
    BALANCE_SHEET = "balance-sheet"
    MONTHLY = "monthly"
    ANNUAL = "annual"
    AGEING = "ageing"
    BUDGET = "budget"
    PROGRESS = "progress"
    PACK = "pack"


@dataclass(frozen=True)
class Report:
    sheets: list[ResultSheet]
    issues: list[Issue]
    totals: tuple[int, int]
    figures: dict[str, tuple[int, int]]

    @property
    def problems(self) -> list[Issue]:
        """The issues that left something out (errors), not the notes."""
        return [i for i in self.issues if i.severity is Severity.ERROR]


def _progress(
    reader: Reader, period: Period, *, required: bool
) -> tuple[list[tuple[str, ResultSheet]], list[Issue]]:
    """The progress sheets from the Tasks sheet. When the report is progress alone (`required`) a
    missing or headerless Tasks sheet stops it; in the pack it is noted and the rest builds."""
    if not reader.has("Tasks"):
        if required:
            raise UserError(
                f"{reader.name} has no Tasks sheet (Project, Task, Owner, Start, Due, "
                "% Complete, Status)."
            )
        return [], []
    try:
        tasks, issues = read_tasks(reader)
    except SheetProblem as problem:
        if required:
            raise
        return [], [
            Issue(
                severity=Severity.ERROR,
                sheet="Tasks",
                cell="A1",
                problem=problem.message,
                hint="Project progress was left out of the pack.",
                file=reader.name,
            )
        ]
    summary, overdue = progress_sheets(*progress(tasks, period), period.end)
    return [("Project progress", summary), ("Overdue tasks", overdue)], issues


def _within_books(
    given: str,
    period: Period,
    lines: pd.DataFrame,
    begins: date | None,
    name: str,
    left_out: bool = False,
) -> None:
    """Stop a report of a period the books do not reach: it would show nothing but zeros (or
    the opening balances) and say every line was used. The books run from the day they begin
    (the Company sheet's Books Begin, else the first journal line) to the last journal line;
    books with no usable line reach only their opening day (unless lines were left out as bad:
    then the report is their list)."""
    book = Path(name).name
    if lines.empty:
        if left_out:
            return  # every line was bad: the Issues sheet says why, and that is the report
        if begins is None:
            raise UserError(
                f"{book} has no journal lines to report (its Journal sheet is empty); add the "
                "vouchers, or give the Company sheet's Books Begin to report opening balances."
            )
        if period.end < begins:
            raise UserError(
                f"--period {given.strip()[:40]}: the books in {book} begin on {begins:%d-%m-%Y}; "
                "choose a period from then on."
            )
        return
    first = begins or lines["date"].min()
    last = max(lines["date"].max(), first)
    if period.end < first or period.start > last:
        raise UserError(
            f"--period {given.strip()[:40]}: the books in {book} run from "
            f"{first:%d-%m-%Y} to {last:%d-%m-%Y}, so there is nothing to report for it; choose "
            "a period within those dates."
        )


def run_report(
    kind: ReportKind,
    book: Path | Reader,
    period_text: str,
    master: Path | Reader | None = None,
) -> Report:
    """Build the `kind` report for the period from `book`'s Journal (a file, or the workbook open
    in Excel) and the chart of accounts in `master` (default: `book`)."""
    reader = FileBook(book) if isinstance(book, Path) else book
    source = FileBook(master) if isinstance(master, Path) else master or reader
    data, _ = load(source)  # master-data problems are the Validate job's to report
    fy_start = data.company.fy_start if data.company else APRIL
    period = parse_period(period_text, fy_start)
    if not data.accounts:
        name = Path(source.name).name
        raise UserError(
            f"{name} has no chart of accounts (an Accounts sheet); give the master with --master."
            if not source.has("Accounts")
            else f"{name}: the Accounts sheet has no account xlbo can use (empty, or a required "
            f"column missing: `xlbo validate {name}` says which); fix it or give another --master."
        )
    lines, issues = journal_lines(
        reader,
        {a.account for a in data.accounts},
        begins=data.company.books_begin if data.company else None,
        until=period.end,
    )
    begins = data.company.books_begin if data.company else None
    left_out = any(i.severity is Severity.ERROR for i in issues)
    _within_books(period_text, period, lines, begins, reader.name, left_out)
    books = Books(data.accounts, lines)
    company = data.company.name if data.company else ""
    heading = (company, period.label) if company else (period.label,)
    tb, totals = trial_balance(books, period)
    pl = profit_and_loss(books, period)
    bs = balance_sheet(books, period)
    pack = kind is ReportKind.PACK

    def wanted(*kinds: ReportKind) -> bool:  # build only what the report shows
        return pack or kind in kinds

    chosen: list[tuple[str, ResultSheet]] = []
    if wanted(ReportKind.TRIAL_BALANCE):
        chosen.append(("Trial Balance", trial_balance_sheet(tb)))
    if wanted(ReportKind.PROFIT_LOSS):
        chosen.append(("Statement of Profit and Loss", statement_sheet(pl)))
    if wanted(ReportKind.BALANCE_SHEET):
        chosen.append(("Balance Sheet", statement_sheet(bs)))
    if wanted(ReportKind.MONTHLY):
        chosen.append(
            (
                "Monthly profit and loss by account",
                summary_sheet(profit_by_month(books, period, annual=False)),
            )
        )
    if wanted(ReportKind.ANNUAL):
        year = financial_year(period.end, fy_start)
        chosen.append(
            (
                f"Profit and loss for {year.label} to {period.end:%b %Y}, month by month",
                summary_sheet(profit_by_month(books, period, annual=True, fy_start=fy_start)),
            )
        )
    if wanted(ReportKind.AGEING):
        openings, opening_issues = opening_bills(reader, begins)
        issues += opening_issues
        aged = ageing(lines, period.end, openings, books.balances(period.end))
        chosen.append(("Receivables and payables ageing", ageing_sheet(aged, period.end)))
    if wanted(ReportKind.BUDGET):
        budgeted, budget_issues = read_budget(reader, data.accounts, period)
        issues += budget_issues
        if budgeted is not None:
            budget = budget_sheet(budget_vs_actual(budgeted, lines, period))
            chosen.append(("Budget against actual", budget))
        elif not pack:
            raise UserError(
                f"{reader.name} has no Budget sheet (Account, Month as YYYY-MM, Amount)."
            )
    if wanted(ReportKind.PROGRESS):
        progress, task_issues = _progress(reader, period, required=not pack)
        issues += task_issues
        chosen += progress
    footer = f"xlbo report {kind.value} from {Path(reader.name).name}, {period.label}"
    sheets = [
        replace(
            sheet,
            title=(f"{title} — {period.label}", *heading[:1]),
            landscape=True,
            footer=footer,
        )
        for title, sheet in chosen
    ]
    errors = sum(1 for i in issues if i.severity is Severity.ERROR)
    in_period = int(lines["date"].between(period.start, period.end).sum()) if len(lines) else 0
    warning = (
        f"{errors} problems were found and those rows left out: see the Issues sheet."
        if errors
        else (
            "Every journal line was used."
            if in_period
            else f"No journal line falls in {period.label}: the figures are the balances "
            "brought forward."
        )
        + (" Notes are on the Issues sheet." if issues else "")
    )
    agree = (
        "The trial balance agrees."
        if totals[0] == totals[1]
        else f"The trial balance does not agree: debits exceed credits by {format_inr(from_paise(totals[0] - totals[1]), symbol=True)}."
    )
    first = sheets[0]
    sheets[0] = replace(first, title=(*first.title, agree, warning))
    if kind is ReportKind.PACK:
        sheets.insert(
            0,
            contents_sheet(
                (f"{company} — reports for {period.label}".strip(" —"), agree, warning), sheets
            ),
        )
    sheets.append(issues_sheet(issues))
    figures = {**pl.figures, **bs.figures}
    return Report(sheets, [*issues], totals, figures)


def report_job(inputs: Mapping[str, Source], settings: ReportSettings) -> JobResult:
    """The Report job of every door: `book` (a file, or the workbook open in Excel) with the
    chart of accounts from `master` (default: `book`); the report is written to `settings.out`
    when given, and its sheets come back for an open workbook."""
    book, master = inputs["book"], inputs.get("master")
    out = settings.out
    if out is not None:
        workbook_out(out, "the report")
        refuse_to_replace_inputs(out, file_of(book), file_of(master))
        check_output_file(out, file_of(book), file_of(master))
    report = run_report(settings.kind, book, settings.period, master)
    agrees = report.totals[0] == report.totals[1]
    files: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    if out is not None:
        try:
            with result_set(out.parent):  # an earlier report kept as NAME (previous).xlsx
                write_workbook(
                    out, report.sheets, title=settings.title or f"{settings.kind} {settings.period}"
                )
            files = (out,)
        except OSError as error:
            if isinstance(book, Path):
                raise
            warnings = (  # the sheets still go into the open workbook
                f"The report sheets are in this workbook, but {out} could not be saved "
                f"({error.strerror}); close it if it is open in Excel and click Reports again.",
            )
    said = "agrees" if agrees else "does not agree"
    return JobResult(
        EXIT_FINDINGS if report.problems or not agrees or warnings else EXIT_OK,
        (
            f"{settings.kind} for {settings.period}: {len(report.problems)} problems; trial "
            f"balance {said}." + (f" Report: {out}" if files else ""),
        ),
        warnings,
        sheets=tuple(report.sheets),
        issues=tuple(report.issues),
        files=files,
        headline=f"Reports for {settings.period}: trial balance "
        f"{'agrees' if agrees else 'does NOT agree'}; {len(report.problems)} problems.",
        value=report,
    )
