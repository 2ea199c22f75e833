"""A payment run workbook as the user hands it back (`xlbo payables --confirm run.xlsx`): the
bills ticked in its `Pay` column, and the books and day its hidden `Run` sheet names.

A tick is what reconcile takes for an Accept: Yes, Y, x, ✓ (any case; TRUE and 1 as Excel may
turn a tick into them); a blank or No leaves the bill unpaid; anything else is an Issue at its
cell, and that bill is not paid.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlbo.book import FileBook, Reader
from xlbo.cells import clean_text
from xlbo.decisions import column_copied, decision_columns, marked_column, marks
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, display_value

if TYPE_CHECKING:
    from xlbo.book.excel import ExcelBook

RUN_SHEET = "Payment Run"


SETTINGS_SHEET = "Run"


PAY = "Pay"


KEY_HEADERS = (PAY, "Vendor Code", "Bill No")


STRAY = frozenset({"yes", "y", "x", "✓", "✔"})
"""A tick typed outside the Pay column (in Due Date, Net to Pay, …): reported, never paid."""


NAMES = frozenset({PAY, "Vendor Code", "Vendor", "Bill No", "MSME"})
"""Columns whose text may be a Y or an X of its own (a vendor's code or name, a bill number,
MSME: Yes for a registered vendor whose class is not given)."""


def _ticked(value: Any) -> bool | None:
    """True for a tick (the decision words of `xlbo.decisions`, or Pay), False for a blank or
    No, None for anything else (to be reported)."""
    return marks(value, "pay")


def run_issue(file: str, cell: str, *, value: str, problem: str, hint: str) -> Issue:
    """An error at a cell of the Payment Run sheet of `file`: that bill (or tick) is not paid."""
    return Issue(
        severity=Severity.ERROR,
        sheet=RUN_SHEET,
        cell=cell,
        value=value,
        problem=problem,
        hint=hint,
        file=file,
    )


def read_ticks(run: Path | Reader) -> tuple[list[tuple[tuple[str, str], str]], list[Issue]]:
    """The bills ticked in a run's Pay column ((vendor code, bill no) folded, with the cell),
    and an Issue for each Pay cell that holds something else. `run` is the run's file, or the
    open workbook the Payables button wrote its Payment Run sheet into."""
    book = FileBook(run) if isinstance(run, Path) else run
    name = Path(book.name).name
    if not book.has(RUN_SHEET):
        raise UserError(
            f"{name} has no '{RUN_SHEET}' sheet: --confirm takes the run workbook "
            "xlbo payables wrote (BOOK --as-on DATE --out run.xlsx)."
        )
    table = book.read_table(RUN_SHEET, KEY_HEADERS)
    if not set(KEY_HEADERS) <= set(table.frame.columns):
        raise UserError(
            f"{name}, sheet {RUN_SHEET}: the columns {', '.join(KEY_HEADERS)} are needed; "
            "make the run again with xlbo payables BOOK --as-on DATE --out run.xlsx."
        )
    ticks: list[tuple[tuple[str, str], str]] = []
    issues: list[Issue] = []
    columns = decision_columns(table, PAY) or [PAY]
    if len(columns) > 1:
        issues.append(column_copied(table, PAY, columns, name))
    for row, values in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        pay = marked_column(columns, values, _ticked)
        mark = _ticked(values.get(pay))
        code = clean_text(values.get("Vendor Code")) or ""
        number = clean_text(values.get("Bill No")) or ""
        cell = table.cell(int(row), pay)
        if mark is None:
            issues.append(
                run_issue(
                    name,
                    cell,
                    value=display_value(values.get(pay)),
                    problem="The Pay cell holds neither a tick nor a blank; the bill was not paid",
                    hint="Write Yes, Y, x or ✓ to pay the bill; leave it blank (or No) not to.",
                )
            )
        elif mark and not (code and number):
            issues.append(
                run_issue(
                    name,
                    cell,
                    value=display_value(values.get(pay)),
                    problem="A tick on a row without a Vendor Code and Bill No pays nothing",
                    hint="Tick the bills' own rows (the total row is not a bill).",
                )
            )
        elif mark:
            ticks.append(((code.casefold(), number.casefold()), cell))
        elif code and number:
            stray = next(
                (
                    header
                    for header, value in values.items()
                    if header not in NAMES
                    and isinstance(value, str)
                    and value.strip().casefold() in STRAY
                ),
                None,
            )
            if stray is not None:
                issues.append(
                    run_issue(
                        name,
                        table.cell(int(row), str(stray)),
                        value=display_value(values.get(stray)),
                        problem=f"A tick in the {stray} column, not in {PAY}: bill {number} "
                        "was not paid",
                        hint=f"Move the tick to the {PAY} column (the first) and confirm again.",
                    )
                )
    return ticks, issues


def run_settings(
    run: Path | ExcelBook, opened: FileBook | ExcelBook | None = None
) -> dict[str, str]:
    """The run's hidden Run sheet (Book, Master, As On); a run in the open workbook (the
    Payables button's) names no files: that workbook is its books. `opened`: the run's file
    already opened (its ticks are read from the same opening)."""
    book = opened if opened is not None else FileBook(run) if isinstance(run, Path) else run
    if not isinstance(run, Path) and not (book.has(SETTINGS_SHEET) and book.has(RUN_SHEET)):
        raise UserError(
            f"{Path(book.name).name} holds no payment run yet: click Payables, tick Pay beside "
            "the bills to pay, then click Pay Ticked."
        )
    if not book.has(SETTINGS_SHEET):
        raise UserError(
            f"{Path(book.name).name} is not a payment run made by xlbo (it has no Run sheet); "
            "make one with xlbo payables BOOK --as-on DATE --out run.xlsx."
        )
    settings = {}
    for row in book.sheet_rows(book.resolve(SETTINGS_SHEET)):
        if row and row[0] is not None:
            settings[str(row[0]).strip()] = "" if len(row) < 2 or row[1] is None else str(row[1])
    if not isinstance(run, Path):
        return settings
    named = Path(settings.get("Book", ""))
    if not settings.get("Book") or not named.is_file():
        raise UserError(
            f"{run.name}, sheet Run: the books it was made from ('{settings.get('Book', '')[:120]}')"
            " are not there; put the file back, or make the run again."
        )
    master = settings.get("Master", "")
    if master and not Path(master).is_file():
        raise UserError(
            f"{run.name}, sheet Run: the master workbook ('{master[:120]}') is not there; put it "
            "back, or make the run again."
        )
    return settings
