"""Project progress from the tasks of the `Tasks` sheet (read by `xlbo.readers.tasks`).

A task is done when its status says so (Done, Completed, Closed) or it is 100% complete. As at the end of the period, an
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

from xlbo.periods import Period


@dataclass(frozen=True)
class Task:
    project: str
    task: str
    owner: str
    due: date | None
    complete: Decimal
    done: bool
    cell: str


def progress(tasks: list[Task], period: Period) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-project summary (Project, Tasks, Done, Open, Due This Period, Overdue,
    % Complete) and the overdue tasks, oldest first (Project, Task, Owner, Due, Days Overdue,
    % Complete), as at the end of `period`."""
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
    overdue.sort(key=lambda t: (t.due or as_at, t.project, t.task))
    overdue_rows = [
        [t.project, t.task, t.owner, t.due, (as_at - t.due).days if t.due else 0, float(t.complete)]
        for t in overdue
    ]
    late = pd.DataFrame(
        overdue_rows,
        columns=["Project", "Task", "Owner", "Due", "Days Overdue", "% Complete"],
        dtype=object,
    )
    return frame, late
