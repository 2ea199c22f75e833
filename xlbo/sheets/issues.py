"""The Issues sheet every job writes, from the Issue records engines and readers return."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from xlbo.book.display import Colour, Column, Highlight, Kind, Link, ResultSheet
from xlbo.issues import ISSUE_HEADERS, Issue, Severity, worst_first


def issues_sheet(
    issues: Iterable[Issue], link_file: str = "", files: Mapping[str, str] | None = None
) -> ResultSheet:
    """The `Issues` sheet every job writes: Severity, Sheet, Cell, Value, Problem, Hint, worst
    first, each Cell a hyperlink to the cell (in `link_file`, when the issues are about another
    workbook; or in `files[issue.file]` when they are about several)."""
    rows = [
        [
            issue.severity.value,
            issue.sheet,
            Link(
                issue.cell,
                issue.sheet,
                issue.cell,
                file=(files or {}).get(issue.file or "", link_file),
            )
            if issue.cell
            else "",
            issue.value,
            issue.problem,
            issue.hint,
        ]
        for issue in worst_first(issues)
    ]
    return ResultSheet(
        "Issues",
        pd.DataFrame(rows, columns=list(ISSUE_HEADERS), dtype=object),
        columns={
            "Severity": Column(width=10),
            "Sheet": Column(width=16),
            "Cell": Column(width=8),
            "Value": Column(width=24),
            "Problem": Column(kind=Kind.LONG_TEXT, width=70),
            "Hint": Column(kind=Kind.LONG_TEXT, width=60),
        },
        highlights=(
            Highlight("Severity", Severity.ERROR.value, Colour.ERROR),
            Highlight("Severity", Severity.WARNING.value, Colour.WARNING),
        ),
    )
