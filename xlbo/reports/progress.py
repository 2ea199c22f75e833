"""Project progress from the `Tasks` sheet.

`Project`, `Task`, `Owner`, `Start`, `Due`, `% Complete`, `Status`. A task is done when its
status says so (Done, Completed, Closed) or it is 100% complete. As at the end of the period, an
open task is overdue when its due date has passed, and due this period when it falls due within
it. A project's % complete is the average of its tasks'. The sheet has a chart of done, open and
overdue tasks by project; a second sheet lists the overdue tasks, oldest first, with owners.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from xlbo.book import Reader
from xlbo.book.display import Chart, ChartKind, Column, Kind, ResultSheet
from xlbo.cells import clean_text, parse_percent
from xlbo.dates import parse_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.periods import Period

HEADERS = ("Project", "Task", "Owner", "Start", "Due", "% Complete", "Status")
DONE_WORDS = frozenset({"done", "complete", "completed", "closed", "finished"})


@dataclass(frozen=True)
class Task:
    project: str
    task: str
    owner: str
    due: date | None
    complete: Decimal
    done: bool
    cell: str


def read_tasks(reader: Reader) -> tuple[list[Task], list[Issue]]:
    """The Tasks sheet's rows; rows with an unreadable date or percentage become issues."""
    table = reader.read_table("Tasks", HEADERS)
    missing = [h for h in ("Project", "Task", "Due") if h not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{reader.name}, sheet '{table.sheet}': no {', '.join(repr(m) for m in missing)} "
            f"column under row {table.header_row}. The Tasks sheet's headers are "
            f"{', '.join(HEADERS)}."
        )
    tasks: list[Task] = []
    issues: list[Issue] = []
    for row, cells in zip(table.frame.index.tolist(), table.frame.to_dict("records"), strict=True):
        number = int(row)
        texts: dict[str, str] = {}
        for header in ("Project", "Task", "Owner", "Status"):
            try:
                texts[header] = clean_text(cells.get(header)) or ""
            except ValueError as error:  # an Excel error (#REF!, #N/A) where text should be
                cell = table.cell(number, header)
                issues.append(_issue(reader, table.sheet, cell, error, "The task was left out."))
                break
        if len(texts) < 4:
            continue
        project, name = texts["Project"], texts["Task"]
        if not project and not name:
            continue
        try:
            parse_date(cells.get("Start"))
        except ValueError as error:
            issues.append(_issue(reader, table.sheet, table.cell(number, "Start"), error))
        header = "Due"
        try:
            due = parse_date(cells.get("Due"))
            header = "% Complete"
            complete = _complete(cells.get("% Complete"))
        except ValueError as error:
            issues.append(_issue(reader, table.sheet, table.cell(number, header), error))
            continue
        status = texts["Status"].casefold()
        done = status in DONE_WORDS or complete >= 1
        tasks.append(
            Task(
                project or "(no project)",
                name,
                texts["Owner"],
                due,
                Decimal(1) if done else complete,
                done,
                table.cell(number, "Task"),
            )
        )
    return tasks, issues


def _complete(value: object) -> Decimal:
    """% Complete as a fraction; more than 100% (over-delivered, or a typing slip) counts as
    done rather than leaving the task out."""
    try:
        return parse_percent(value) or Decimal(0)
    except ValueError:
        text = str(value).strip().rstrip("%").replace(",", "") if value is not None else ""
        try:
            number = Decimal(text)
        except ArithmeticError:
            raise ValueError(f"'{value}' is not a percentage; type it like 40%") from None
        if number.is_finite() and number > 100:
            return Decimal(1)
        raise


def _issue(reader: Reader, sheet: str, cell: str, error: ValueError, hint: str = "") -> Issue:
    return Issue(
        severity=Severity.ERROR,
        sheet=sheet,
        cell=cell,
        problem=f"Tasks: {error}",
        hint=hint
        or "Type dates day-first (31-10-2026) and % Complete like 40%. The task was left out "
        "where its due date or % Complete could not be read.",
        file=reader.name,
    )


def progress_sheets(tasks: list[Task], period: Period) -> tuple[ResultSheet, ResultSheet]:
    """The per-project summary (with its chart) and the overdue tasks."""
    as_at = period.end
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    completes: dict[str, list[Decimal]] = defaultdict(list)
    overdue: list[Task] = []
    for task in tasks:
        count = counts[task.project]
        count[0] += 1
        completes[task.project].append(task.complete)
        if task.done:
            count[1] += 1
            continue
        count[2] += 1
        if task.due is not None and period.start <= task.due <= as_at:
            count[3] += 1
        if task.due is not None and task.due < as_at:
            count[4] += 1
            overdue.append(task)
    rows = [
        [project, *count, float(sum(completes[project]) / len(completes[project]))]
        for project, count in sorted(counts.items())
    ]
    frame = pd.DataFrame(
        rows,
        columns=["Project", "Tasks", "Done", "Open", "Due This Period", "Overdue", "% Complete"],
        dtype=object,
    )
    whole = Column(kind=Kind.INTEGER, width=10)
    summary = ResultSheet(
        "Progress",
        frame,
        columns={
            "Project": Column(width=32),
            "Tasks": whole,
            "Done": whole,
            "Open": whole,
            "Due This Period": Column(kind=Kind.INTEGER, width=14),
            "Overdue": whole,
            "% Complete": Column(kind=Kind.PERCENT, width=12),
        },
        autofilter=False,
        charts=(
            Chart(
                ChartKind.BAR,
                f"Tasks by project as at {as_at:%d-%m-%Y}",
                categories="Project",
                values=("Done", "Open", "Overdue"),
            ),
        ),
    )
    overdue.sort(key=lambda t: (t.due or as_at, t.project, t.task))
    overdue_rows = [
        [t.project, t.task, t.owner, t.due, (as_at - t.due).days if t.due else 0, float(t.complete)]
        for t in overdue
    ]
    late = ResultSheet(
        "Overdue Tasks",
        pd.DataFrame(
            overdue_rows,
            columns=["Project", "Task", "Owner", "Due", "Days Overdue", "% Complete"],
            dtype=object,
        ),
        columns={
            "Project": Column(width=28),
            "Task": Column(width=40),
            "Owner": Column(width=18),
            "Due": Column(kind=Kind.DATE),
            "Days Overdue": Column(kind=Kind.INTEGER, width=13),
            "% Complete": Column(kind=Kind.PERCENT, width=12),
        },
    )
    return summary, late
