"""What the bank readers (`statement`, `ledger`, `tally_xml`) share: an Issue for each line's
bad cell, the lines with money whose date cell is no date, the rows and columns read that
Excel does not show, a sheet cut off at its format's last row, and amounts that are formulas
saved without their values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book.filter_criteria import column_number
from xlbo.book.hidden_rows import HiddenRows
from xlbo.book.limits import uncalculated_formulas
from xlbo.book.table import EXCEL_ROWS, XLS_ROWS, Table, cell_parts
from xlbo.columns import amount_present, has_date
from xlbo.dates import day_alone, day_and_month, far_date_said, is_ditto
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity, display_value

LEFT_OUT = "Fix the cell and reconcile again; the line was left out."
SAVE_CALCULATED = (
    "Open the file in Excel or LibreOffice and save it so the values are stored, then "
    "reconcile again."
)
"""What to do about formulas saved without their values (`uncalculated`)."""


def uncalculated(
    book: Any, sheet: str, letters: Sequence[str], rows: np.ndarray
) -> list[tuple[str, str]]:
    """(cell, formula) of each cell in the columns `letters` on the sheet's Excel `rows` that
    holds a formula saved without its value, as a program that does not calculate (a script
    with openpyxl) writes it; Excel and LibreOffice store each value, and a cell without one is
    read as empty. None where there are no rows to look at (the sheet is then not read again)
    or the file is no .xlsx (or .xlsm) on disk."""
    path = getattr(book, "path", None)
    if not len(rows) or not isinstance(path, Path) or path.suffix.lower() not in XLSX:
        return []
    wanted = set(rows.tolist())
    return [
        (cell, formula)
        for cell, formula in uncalculated_formulas(path, sheet, sorted(set(letters)))
        if cell_parts(cell)[1] in wanted
    ]


XLSX = (".xlsx", ".xlsm")


def cells_said(cells: Sequence[tuple[str, str]], most: int = 5) -> str:
    """`D6 (=200000+50000), D7 (=45000)`, the first `most` and `…` after them."""
    shown = ", ".join(f"{cell} ({formula})" for cell, formula in cells[:most])
    return shown + (", …" if len(cells) > most else "")


def not_calculated(
    file: str, sheet: str, cells: Sequence[tuple[str, str]], what: str = "amount"
) -> SheetProblem:
    """The error for amounts (or balances that tell an amount's side: `what` is then `money`)
    that are formulas saved without their values (`uncalculated`): read as empty, their lines
    would be left out, or taken as none, without a word."""
    return SheetProblem(
        f"{file}, sheet {sheet}: {len(cells):,} {what} cell(s) hold a formula saved without "
        f"its value, as a program that does not calculate (a script) writes it: "
        f"{cells_said(cells)}. xlbo reads no value there: the lines, balances or sides they give "
        f"would be missing from the BRS. {SAVE_CALCULATED}"
    )


def _issues_for(
    problems: dict[int, str],
    rows: np.ndarray,
    book: str,
    sheet: str,
    letter: str,
    *,
    severity: Severity = Severity.ERROR,
    hint: str = LEFT_OUT,
    cells: pd.Series | None = None,
) -> list[Issue]:
    """An Issue for each line's problem, at the cell in column `letter` of its row; `cells` are
    that column's values, so the Issue shows what was written."""
    return [
        Issue(
            severity=severity,
            sheet=sheet,
            cell=f"{letter}{int(rows[position])}",
            value=display_value(cells.iat[position]) if cells is not None else "",
            problem=f"Row {int(rows[position])}: {problem}",
            hint=hint,
            file=book,
        )
        for position, problem in sorted(problems.items())
    ]


def _undated(
    dates: list[Any], cells: pd.Series, moves: np.ndarray, rows: np.ndarray
) -> dict[int, str]:
    """Lines with money but a date cell that is no date (31/09/2026): problems to report, not
    title or footer lines to skip quietly."""
    dated = has_date(dates)
    return {
        position: _not_a_date(cells.iat[position])
        for position in np.flatnonzero(~dated & amount_present(cells) & moves).tolist()
    }


_DATE_ATTEMPT = re.compile(r"^\d{1,4}[\s/.\-]*[a-z0-9]{1,9}\.?[\s/.\-,]*\d{0,4}$", re.IGNORECASE)
_AMOUNT_ATTEMPT = re.compile(r"^[^a-z]*\d[^a-z]*$|^[^a-z]*\d[\d,.]*[a-z][\d,.]*$", re.IGNORECASE)


def tried_both(date_cell: Any, amount_cell: Any) -> bool:
    """Whether a row whose date and amount could not be read is a line written wrongly
    (`31/09/2026` and `12,5O0.00`: reported by both, never passed over as no line), not a page's
    title or footer (`From : 01/10/2026`, `City :PUNE`): the date cell is shaped as a date,
    the amount as an amount with at most one letter slipped in.

    >>> tried_both("31/09/2026", "12,5O0.00"), tried_both("31-Sep-2026", "1,250.0O")
    (True, True)
    >>> tried_both("From : 01/10/2026", "City :PUNE"), tried_both("Page 2", "1,200.00")
    (False, False)
    """
    date_text, amount_text = str(date_cell).strip(), str(amount_cell).strip()
    return bool(_DATE_ATTEMPT.match(date_text) and _AMOUNT_ATTEMPT.match(amount_text))


def _not_a_date(cell: Any) -> str:
    """Why a date cell is no date; a date written without its year says what would give it."""
    if (far := far_date_said(cell)) is not None:
        return far
    if is_ditto(cell):
        return (
            f"'{cell}' is a ditto mark (the date of the row above), and no row above it has a "
            "date; write its date"
        )
    if (day := day_alone(cell)) is not None:
        return (
            f"'{day}' is a day of the month alone, and neither the sheet's title nor its name "
            "gives a month it falls in (For the month of November 2026, a sheet named Nov-26); "
            "write the month in the title above the table, or the dates in full (dd-mm-yyyy)"
        )
    if day_and_month(cell) is None:
        return f"'{cell}' is not a date"
    return (
        f"'{cell}' is a date without its year, and the sheet's title gives no period that "
        "tells the year (none, one the day does not fall in, or one longer than a year); write "
        "the dates with their year (dd-mm-yyyy), or keep the bank's title lines (Statement "
        "from … to …) above the table"
    )


@dataclass(frozen=True)
class Document:
    """What a reader reads, as its warnings about unseen cells name it: the document
    (`statement`), why every row of it is read (`every row of the statement is the bank's
    transaction`), and how a column read is named otherwise (`name the columns to read with
    --map`), if it can be."""

    name: str
    why: str
    rename: str = ""
    into: str = "this reconciliation"
    """What the lines after a cut are missing from (`cut_off`'s error)."""


STATEMENT = Document(
    "statement",
    "every row of the statement is the bank's transaction",
    "name the columns to read with --map (or delete it in a copy of the statement and "
    "reconcile the copy)",
)
LEDGER = Document("ledger", "every voucher row of the ledger is an entry in the books")
BOTH_WAYS = "clear the filter and unhide rows to see them."
"""The hint for rows hidden under a filter whose criteria could not be judged on them (a
top-10 or colour filter, a number in a custom format, an .xls's filter): the filter or the
user hid them, so both are undone to see them."""


def unseen(
    book: Any,
    table: Table,
    rows: np.ndarray,
    letter: str,
    used: Sequence[str],
    document: Document,
) -> list[Issue]:
    """The warnings for cells read that Excel does not show: lines read from hidden rows
    (`rows`, Excel's numbers of the lines read, the cell named in column `letter`) and the
    columns read from (`used`, headers of `table`) that are hidden. Every row and column
    of the document is read, so a user who hid some to leave them out learns that they were
    not left out. A workbook that cannot tell (a CSV, Excel open through xlwings) gives none."""
    shown = getattr(book, "hidden_rows", None)
    hidden = shown(table.sheet) if shown is not None else HiddenRows()
    if not hidden.rows and not hidden.columns:  # most sheets
        return []
    return _unseen_rows(book.name, table.sheet, hidden, rows, letter, document) + _unseen_columns(
        book.name, table, hidden, used, document
    )


def _unseen_rows(
    file: str, sheet: str, hidden: HiddenRows, rows: np.ndarray, letter: str, document: Document
) -> list[Issue]:
    """Rows an AutoFilter left out, rows hidden by hand, and rows hidden under a filter whose
    criteria could not be judged on them get a warning each, as each is shown again its own
    way (clear the filter; unhide; both)."""
    issues = []
    for unshown, how, see in (
        (hidden.filtered, "filtered out by the AutoFilter", "clear the filter to see them."),
        (hidden.under_filter, "hidden under the AutoFilter", BOTH_WAYS),
        (hidden.by_hand, "hidden", "unhide them to see them."),
    ):
        read = rows[np.isin(rows, unshown)]
        if not len(read):
            continue
        listed = ("rows " if len(read) > 1 else "row ") + ", ".join(str(int(r)) for r in read[:5])
        listed += ", …" if len(read) > 5 else ""
        issues.append(
            _warning(
                file,
                sheet,
                f"{letter}{int(read[0])}",
                f"{len(read):,} line(s) on rows Excel does not show ({how}: {listed}) "
                f"were read and reconciled: {document.why}",
                "If you hid them to leave them out, delete those rows in a copy of the "
                f"{document.name} and reconcile the copy; {see}",
            )
        )
    return issues


def _unseen_columns(
    file: str, table: Table, hidden: HiddenRows, used: Sequence[str], document: Document
) -> list[Issue]:
    """A column the document was read from that Excel does not show (a Withdrawal or
    Balance column the user hid) gets a warning: its figures are those reconciled. A hidden
    column that was not read changes nothing reconciled and is not mentioned."""
    issues = []
    for header in dict.fromkeys(used):  # in order, each once
        letter = table.letters.get(header, "")
        if not letter or not hidden.column_hidden(column_number(letter)):
            continue
        rename = (
            document.rename or f"delete it in a copy of the {document.name} and reconcile the copy"
        )
        issues.append(
            _warning(
                file,
                table.sheet,
                f"{letter}{table.header_row}",
                f"column {letter} ({header}), which Excel does not show (hidden), was read "
                f"and reconciled: the {document.name}'s lines are read from it",
                f"If you hid it to leave it out, {rename}; unhide it to see it.",
            )
        )
    return issues


def _warning(file: str, sheet: str, cell: str, problem: str, hint: str) -> Issue:
    """The warning for cells read that Excel does not show: read they were, and the user who
    hid them to leave them out must learn it."""
    return Issue(
        severity=Severity.WARNING, sheet=sheet, cell=cell, problem=problem, hint=hint, file=file
    )


CUT_OFF = "the export was most likely cut off there"
"""What `cut_off`'s error says, by which a job's summary tells it from an unreadable cell."""


def cut_sentences(cut: Sequence[Issue]) -> str:
    """Each cut-off export (`cut_off`'s errors) in a sentence: file, sheet, what is missing; a
    job's summary says them first."""
    return "".join(f"{issue.file}, sheet {issue.sheet}: {issue.problem}. " for issue in cut)


def cut_off(book: Any, table: Table, document: Document) -> list[Issue]:
    """An error where the sheet holds a value on the last row its format has (1,048,576; an
    .xls 65,536), or a text file as many lines as an Excel sheet has rows (saved from one): an
    export longer than a sheet is cut off there by the program that wrote it, without a word
    (a Tally ledger of a busy year, its narration rows included), and every line after is
    missing from the reconciliation."""
    kind = getattr(book, "kind", "")
    if kind in ("parquet", "html"):  # no rows of a sheet: nothing cuts them off
        return []
    last = XLS_ROWS if kind == "ole" else EXCEL_ROWS
    frame = table.frame
    if not len(frame) or int(frame.index.max()) != last:  # almost every sheet
        return []
    cells = frame.loc[frame.index == frame.index.max()].to_numpy(dtype=object).ravel()
    if not any(cell is not None and str(cell).strip() for cell in cells):
        return []
    filled = f"fills the sheet to row {last:,}"
    if kind == "text":  # no program writes a CSV to a sheet's length but one saved from a sheet
        filled = f"ends on line {last:,}"
        hint = (
            f"It was most likely opened in Excel (which loads {last:,} rows) and saved again. "
            f"Take the {document.name} from the program that made it, as CSV and not through "
            "Excel, or export it in parts (a fortnight or a month each); check that its last "
            "line is the period's last."
        )
    else:
        hint = (
            f"Export the {document.name} in parts (a fortnight or a month each) or as CSV, "
            "which has no row limit; check that its last line is the period's last."
        )
    return [
        Issue(
            severity=Severity.ERROR,
            sheet=table.sheet,
            cell=f"A{last}",
            problem=(
                f"the {document.name} {filled}, the last row "
                f"{'an .xls' if last == XLS_ROWS else 'a sheet'} has: {CUT_OFF}, and its lines "
                f"after that row are missing from {document.into}"
            ),
            hint=hint,
            file=book.name,
        )
    ]
