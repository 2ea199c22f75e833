"""The rule row in force on a day (`xlbo.master.effective`): both ends counted, the latest
Effective From wins, a blank date leaves its side open, ties found; and a tie on a rule sheet of
the master is an Issue at its cell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from xlbo.master.effective import choose, covers, in_force, ties


@dataclass(frozen=True)
class Row:
    name: str
    effective_from: date | None
    effective_to: date | None = None
    kind: str = "EL"


OLD = Row("old", date(2017, 12, 19))
NEW = Row("new", date(2026, 1, 1))
CLOSED = Row("closed", date(2020, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2017, 12, 18), None),  # before every row
        (date(2017, 12, 19), "old"),  # the first day counts
        (date(2023, 6, 1), "closed"),  # the later From wins while it lasts
        (date(2024, 12, 31), "closed"),  # the last day counts
        (date(2025, 1, 1), "old"),  # closed: back to the open row
        (date(2026, 1, 1), "new"),
    ],
)
def test_the_latest_from_covering_the_day_wins(day: date, expected: str | None) -> None:
    found = in_force([OLD, NEW, CLOSED], day)
    assert (found.name if found else None) == expected


def test_a_blank_from_is_since_always_and_loses_to_any_dated_row() -> None:
    always = Row("always", None)
    assert covers(always, date(1900, 1, 1))
    assert in_force([always, OLD], date(2020, 1, 1)) == OLD
    assert in_force([always, OLD], date(2000, 1, 1)) == always


def test_two_rows_from_the_same_day_are_a_tie_the_first_taken() -> None:
    twin = Row("twin", date(2026, 1, 1))
    choice = choose([OLD, NEW, twin], date(2026, 5, 1))
    assert (choice.rule, choice.tied) == (NEW, (twin,))
    assert choose([OLD, NEW], date(2026, 5, 1)).tied == ()
    [tie] = ties([OLD, NEW, twin, Row("other kind", date(2026, 1, 1), kind="CL")], lambda r: r.kind)
    assert tie.positions == (1, 2)
    assert tie.problem("Earned Leave in Maharashtra").startswith(
        "2 rows for Earned Leave in Maharashtra take effect on 01-01-2026 and overlap"
    )
    # a row that ends before it starts never holds: no tie with it
    assert ties([NEW, Row("void", date(2026, 1, 1), date(2025, 1, 1))], lambda r: r.kind) == []


def test_a_tie_on_the_leave_rules_sheet_is_an_issue_at_its_cell(tmp_path: Path) -> None:
    from xlbo.book import FileBook
    from xlbo.jobs.leave import hr_sheet

    headers = ["State", "Leave Type", "Accrues", "Per", "Days Worked", "Effective From"]
    path = write_xlsx(
        tmp_path / "master.xlsx",
        {
            "Leave Rules": [
                headers,
                ["Maharashtra", "Earned Leave", 1, "Days Worked", 20, date(2017, 12, 19)],
                ["Maharashtra", "Casual Leave", 2, "Quarter", None, date(2017, 12, 19)],
                ["Maharashtra", "Earned Leave", 1, "Days Worked", 15, date(2017, 12, 19)],
            ]
        },
    )
    _, _, _, issues = hr_sheet(FileBook(path), "Leave Rules")
    [tie] = [i for i in issues if "take effect" in i.problem]
    assert (tie.sheet, tie.cell, tie.value) == ("Leave Rules", "F4", "19-12-2017")
    assert "2 rows for Earned Leave in Maharashtra" in tie.problem
