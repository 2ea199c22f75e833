"""What each ribbon button does to the open workbook: read it through the xlwings adapter, run
the job, write the result sheets into it. The classic add-in's `macros/` handlers and the Lite
`main.py` scripts call these, so both doors run the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from xlbo.book.excel import ExcelBook
from xlbo.issues import count_by_severity, describe_counts
from xlbo.jobs.validate import validate as validate_master


def validate(book: Any) -> str:
    """Validate the open master workbook: write `Summary` and `Issues` sheets into it, fill each
    bad cell lightly and note the problem on it. Returns the one-line outcome."""
    excel = ExcelBook(book)
    report = validate_master(excel)
    excel.write(report.sheets)
    marked = excel.mark(report.issues)
    counts = describe_counts(count_by_severity(report.issues))
    return f"{counts}: {marked} cells marked; see the Issues sheet."


@dataclass(frozen=True)
class Button:
    """A ribbon button: its label, its group on the xlbo tab, and what it runs."""

    name: str
    label: str
    group: str
    run: Callable[[Any], str]
    help: str


BUTTONS: tuple[Button, ...] = (
    Button(
        "validate",
        "Validate",
        "Master data",
        validate,
        "Check every sheet of this master workbook and list each problem on an Issues sheet.",
    ),
)
"""Every button, in ribbon order; later jobs add theirs."""
