"""Issues: bad data as data.

A job never stops on a user's bad cell. It records an `Issue` that points at the cell (sheet and
address), shows the value found, says what is wrong in a colleague's words and what to do about
it, and goes on with the good rows. The Validate job lists issues on an `Issues` sheet whose cell
references are hyperlinks; the command line prints a count.

Example:
    >>> Issue(severity=Severity.ERROR, sheet="Employees", cell="E7", value="31/02/2025",
    ...       problem="Date of Joining 31/02/2025 is not a real date",
    ...       hint="Type the date as dd-mm-yyyy, e.g. 01-04-2025").where
    'Employees!E7'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator


class Severity(StrEnum):
    """How much an issue matters.

    ERROR: the row cannot be used as it stands (a job sets it aside).
    WARNING: the row is used, but a person should look (a suspicious value, a cleaned cell).
    INFO: something xlbo did for the user that they may want to know about.
    """

    ERROR = "Error"
    WARNING = "Warning"
    INFO = "Info"


class Issue(BaseModel):
    """One problem found in a user's data, pointing at the cell that holds it."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    sheet: str
    """Sheet name (or the file name for CSV inputs)."""
    cell: str
    """A1-style address of the cell, or of the row's first cell when the whole row is at fault;
    empty when the problem is the sheet itself (a missing column)."""
    value: str = ""
    """The value as found, as text, so the user recognises it."""
    problem: str
    """What is wrong, in plain words."""
    hint: str = ""
    """What to do about it."""
    file: str = ""
    """The workbook's file name, when the issue comes from a file."""

    @field_validator("value", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> str:
        return display_value(value)

    @property
    def where(self) -> str:
        """`Sheet!A1` style reference (sheet quoted when it has spaces)."""
        sheet = f"'{self.sheet}'" if " " in self.sheet or "-" in self.sheet else self.sheet
        return f"{sheet}!{self.cell}" if self.cell else sheet

    def __str__(self) -> str:
        place = f"{self.file}: " if self.file else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{place}{self.where}: {self.problem}.{hint}".replace("..", ".")


ISSUE_HEADERS: tuple[str, ...] = ("Severity", "Sheet", "Cell", "Value", "Problem", "Hint")


def display_value(value: Any, limit: int = 200) -> str:
    """A cell value as the user would recognise it in an issue (long text is shortened)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif hasattr(value, "strftime") and not isinstance(value, str):
        text = value.strftime("%d-%m-%Y")
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


SEVERITY_ORDER: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def worst_first(issues: Iterable[Issue]) -> list[Issue]:
    """Issues ordered errors, then warnings, then notes (each kind in the order found)."""
    return sorted(issues, key=lambda i: SEVERITY_ORDER[i.severity])


def describe_counts(counts: dict[Severity, int]) -> str:
    """'2 errors, 1 warning, 3 notes'."""

    def plural(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    return ", ".join(
        plural(counts[severity], word)
        for severity, word in (
            (Severity.ERROR, "error"),
            (Severity.WARNING, "warning"),
            (Severity.INFO, "note"),
        )
    )


def count_by_severity(issues: Sequence[Issue]) -> dict[Severity, int]:
    """How many issues of each severity (every severity present, zero when none)."""
    counts = dict.fromkeys(Severity, 0)
    for issue in issues:
        counts[issue.severity] += 1
    return counts
