"""The accountant's decisions on suggested pairs, read back from an earlier reconciliation.

The Suggested sheet of `xlbo gst-recon` has a Decision column. Accept (or Yes, Y, x, ✓, any
case: the words the bank reconciliation's Accept takes, `xlbo.decisions`) takes the pair:
the next run counts it as Matched. Reject splits it: its bill goes to Missing in 2B, its record
to Missing in Books. A blank (or No) leaves it a suggestion. Anything else is an Issue at its
cell, and the pair stays a suggestion.

A pair is known again by what the accountant sees on its row, not by where it stood:

    GSTIN | Bill No (Books) | Bill No (2B) | 2B Period

so a rerun after a row was inserted in the Purchases sheet, or with another 2B file added,
still finds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from xlbo.book import FileBook, Reader
from xlbo.cells import clean_text
from xlbo.decisions import column_copied, decision_columns, disagreeing, marked_column, marks
from xlbo.errors import FileProblem, SheetProblem
from xlbo.gstrecon.engine import Decision
from xlbo.issues import Issue, Severity, display_value

SUGGESTED = "Suggested"
DECISION = "Decision"
KEY_HEADERS = ("GSTIN", "Bill No (Books)", "Bill No (2B)", "2B Period")
CHOICES = ("Accept", "Reject", "Yes", "Y", "x", "✓")
"""Offered in the Decision cell's list: Accept and its marks, Reject."""

PairKey = tuple[str, str, str, str]


def pair_key(gstin: Any, books_no: Any, portal_no: Any, period: Any) -> PairKey:
    """How a pair is known from one run to the next (case and spaces aside)."""
    return (
        (clean_text(gstin) or "").upper(),
        (clean_text(books_no) or "").casefold(),
        (clean_text(portal_no) or "").casefold(),
        clean_text(period) or "",
    )


@dataclass(frozen=True)
class Marked:
    """One decision the accountant wrote: the pair, the decision, the cell it was written in."""

    key: PairKey
    decision: Decision | None
    """None: a word xlbo cannot read (an Issue says so; the word is carried to the next run)."""
    cell: str
    value: str


def _decision_of(value: Any) -> Decision | Literal[False] | None:
    """The decision a cell holds: Accept, Reject, False for none (blank, No), None for a word
    that is neither (to be reported). The words are the bank reconciliation's own
    (`xlbo.decisions`)."""
    accept = marks(value, "accept")
    if accept:
        return Decision.ACCEPT
    if accept is False:
        return False
    return Decision.REJECT if marks(value, "reject") else None


def read_decisions(earlier: Path | Reader) -> tuple[list[Marked], list[Issue]]:
    """The decisions on the Suggested sheet of `earlier` (an earlier result of gst-recon, or
    the open books the GST Recon button wrote it into), and an Issue for each Decision cell
    xlbo cannot read. No file yet, or a workbook gst-recon never wrote into, holds no decisions.
    A result whose decisions cannot be read is refused (`SheetProblem`, or the `FileProblem` of
    a file that cannot be opened), rather than run as if nothing had been decided: its Suggested
    sheet renamed or gone, or its Decision column or a column a pair is known by renamed."""
    if isinstance(earlier, Path) and not earlier.is_file():
        return [], []
    try:
        book = FileBook(earlier) if isinstance(earlier, Path) else earlier
    except FileProblem as problem:
        raise FileProblem(
            f"{problem.message} It is the earlier result of this reconciliation, whose "
            "Suggested sheet holds your decisions: repair it, or move it out of the way to "
            "start afresh; then run again."
        ) from None
    again = (
        "run again with the same --out" if isinstance(earlier, Path) else "click GST Recon again"
    )
    if not book.has(SUGGESTED):
        _no_suggested_sheet(book, again)
        return [], []
    table = book.read_table(SUGGESTED, (*KEY_HEADERS, DECISION))
    frame = table.frame
    lost = [h for h in (*KEY_HEADERS, DECISION) if h not in frame.columns]
    if lost and len(frame):
        found = ", ".join(f"'{c}'" for c in frame.columns[:14])
        raise SheetProblem(
            f"{Path(book.name).name}, sheet {table.sheet}: no "
            + " or ".join(f"'{h}'" for h in lost)
            + f" column (its headers: {found}), so the decisions you typed there cannot be "
            f"read. xlbo knows each pair by {', '.join(KEY_HEADERS)} and reads {DECISION}: "
            f"give the column{'' if len(lost) == 1 else 's'} that name again; then {again}."
        )
    if lost:
        return [], []
    marked: list[Marked] = []
    issues: list[Issue] = []
    columns = decision_columns(table, DECISION)
    if len(columns) > 1:
        issues.append(column_copied(table, DECISION, columns))
    for label, row in zip(frame.index, frame.to_dict("records"), strict=True):
        column = marked_column(columns, row, _decision_of)
        value = row.get(column)
        decision = _decision_of(value)
        cell = table.cell(int(label), column)
        key = pair_key(*(row.get(h) for h in KEY_HEADERS))
        if (both := disagreeing(columns, row, _decision_of)) is not None:
            first, second = (table.cell(int(label), c) for c in both)
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=SUGGESTED,
                    cell=table.cell(int(label), both[1]),
                    value=display_value(row.get(both[1])),
                    problem=(
                        f"the Decision in {first} says '{display_value(row.get(both[0]))}' and "
                        f"the one in {second} '{display_value(row.get(both[1]))}'; the pair (bill "
                        f"{display_value(row.get('Bill No (Books)'))}, 2B "
                        f"{display_value(row.get('Bill No (2B)'))}) was left a suggestion"
                    ),
                    hint="Clear the decision you do not mean; then run again.",
                    file=Path(book.name).name,
                )
            )
            # kept as both words, no decision: said again each run until the user settles it
            both_words = " / ".join(display_value(row.get(c)).strip() for c in both)
            marked.append(Marked(key, None, cell, both_words))
            continue
        if decision is None:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=SUGGESTED,
                    cell=cell,
                    value=display_value(value),
                    problem=(
                        f"'{display_value(value)}' under Decision is not a decision xlbo "
                        f"understands; the pair (bill {display_value(row.get('Bill No (Books)'))}"
                        f", 2B {display_value(row.get('Bill No (2B)'))}) was left a suggestion"
                    ),
                    hint="Type Accept (or Yes, Y, x, ✓) to take the pair, Reject to split it, "
                    "or leave the cell empty; then run again.",
                    file=Path(book.name).name,
                )
            )
        if decision is not False:
            marked.append(Marked(key, decision, cell, display_value(value)))
    return marked, issues


RESULT_SHEETS = ("Missing in 2B", "ITC at Risk")
"""Sheets only a gst-recon result has: a workbook with them and no Suggested sheet lost it."""


def _no_suggested_sheet(book: Reader, again: str) -> None:
    """Refuse a result of gst-recon (it has the sheets only gst-recon writes) whose Suggested
    sheet was renamed or deleted while its Summary counts suggestions: the decisions typed
    there would be dropped without a word. A workbook gst-recon never wrote into (the books
    before the first click), or whose last run suggested nothing, passes."""
    if not all(book.has(sheet) for sheet in RESULT_SHEETS) or _suggested_in_summary(book) == 0:
        return
    names = book.sheet_names()
    renamed = [n for n in names if "suggested" in n.casefold()]
    if renamed:
        raise SheetProblem(
            f"{Path(book.name).name} has no {SUGGESTED} sheet but has "
            + " and ".join(f"'{n}'" for n in renamed[:3])
            + f", so the decisions you typed there cannot be read. Name the sheet {SUGGESTED} "
            f"again (xlbo reads it by that name); then {again}."
        )
    afresh = (
        "move or delete this result"
        if isinstance(book, FileBook)
        else f"delete the other sheets of the last GST Recon ({', '.join(RESULT_SHEETS)}…)"
    )
    found = ", ".join(f"'{n}'" for n in names[:14])
    raise SheetProblem(
        f"{Path(book.name).name} is a GSTR-2B reconciliation with suggested pairs but has no "
        f"{SUGGESTED} sheet (its sheets: {found}), so the decisions typed there cannot be read. "
        f"If you renamed it, name it {SUGGESTED} again; if you deleted it, {afresh} to start "
        f"afresh; then {again}."
    )


def _suggested_in_summary(book: Reader) -> int | None:
    """The Bills of the Suggested row on the Summary sheet (None when it cannot be read)."""
    if not book.has("Summary"):
        return None
    frame = book.read_table("Summary", ("Stage", "Bills")).frame
    if not {"Stage", "Bills"} <= set(frame.columns):
        return None
    for stage, bills in zip(frame["Stage"], frame["Bills"], strict=True):
        if clean_text(stage) == SUGGESTED:
            try:
                return int(float(bills))
            except (TypeError, ValueError):
                return None
    return None
