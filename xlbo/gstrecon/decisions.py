"""The accountant's decisions on suggested pairs, read back from an earlier reconciliation.

The Suggested sheet of `xlbo gst-recon` has a Decision column. Accept (or Yes, Y, x, ✓, any
case: the words the bank reconciliation's Accept takes, read by its own parser) takes the pair:
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
from xlbo.errors import UserError
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
    (`xlbo.jobs.reconcile._decision`)."""
    from xlbo.jobs.reconcile import _decision

    accept = _decision(value, "accept")
    if accept:
        return Decision.ACCEPT
    if accept is False:
        return False
    return Decision.REJECT if _decision(value, "reject") else None


def read_decisions(earlier: Path | Reader) -> tuple[list[Marked], list[Issue]]:
    """The decisions on the Suggested sheet of `earlier` (an earlier result of gst-recon, or
    the open books the GST Recon button wrote it into), and an Issue for each Decision cell
    xlbo cannot read. A file that is not such a result, or cannot be read, holds no decisions."""
    if isinstance(earlier, Path) and not earlier.is_file():
        return [], []
    try:
        book = FileBook(earlier) if isinstance(earlier, Path) else earlier
        if not book.has(SUGGESTED):
            return [], []
        table = book.read_table(SUGGESTED, (*KEY_HEADERS, DECISION))
    except UserError:
        return [], []
    frame = table.frame
    if not {*KEY_HEADERS, DECISION} <= set(frame.columns):
        return [], []
    marked: list[Marked] = []
    issues: list[Issue] = []
    for label, row in zip(frame.index, frame.to_dict("records"), strict=True):
        value = row.get(DECISION)
        decision = _decision_of(value)
        cell = table.cell(int(label), DECISION)
        key = pair_key(*(row.get(h) for h in KEY_HEADERS))
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
