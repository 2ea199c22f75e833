"""The `Tasks` sheet: a project's tasks for the progress report (`xlbo.reports.progress`).

Headers: `Project`, `Task`, `Owner`, `Start`, `Due`, `% Complete`, `Status`. A task is done when
its status says so (Done, Completed, Closed) or it is 100% complete. A row whose due date or
% Complete cannot be read is an Issue and is left out; a sheet without Project, Task or Due is
refused.
"""

from __future__ import annotations

from decimal import Decimal

from xlbo.book import Reader
from xlbo.cells import clean_text, parse_percent
from xlbo.dates import parse_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.reports.progress import Task

HEADERS = ("Project", "Task", "Owner", "Start", "Due", "% Complete", "Status")
DONE_WORDS = frozenset({"done", "complete", "completed", "closed", "finished"})


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
