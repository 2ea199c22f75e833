"""A statement headed with `Balance as on <day> : <figure>`: the opening where the day is the
first line's or before, the closing where it is the last line's or after (helper-137, V13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlbo.readers.statement import read_statement

LINES = [
    '02-11-2026,NEFT CR-HDFC0000240-SHREE BALAJI TRADERS,N306261234567,,"1,18,000.00"',
    '04-11-2026,CLG/000452/KAVERI PACKAGING,000452,"35,400.00",',
    '30-11-2026,CREDIT INTEREST,,,"1,236.00"',
]


def statement(tmp_path: Path, heading: str) -> str:
    path = tmp_path / "statement.csv"
    path.write_text(
        "\n".join(
            [
                "Statement of Account",
                "Account No : 3456789012",
                "Period : 01-11-2026 to 30-11-2026",
                f'"{heading}"',
                "",
                "Date,Narration,Ref No,Debit,Credit",
                *LINES,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return str(path)


def test_a_heading_as_on_the_last_day_is_the_closing_of_a_statement_without_balances(
    tmp_path: Path,
) -> None:
    """A transaction history drawn at the month's end, with no balance column: its heading's
    balance was read as the opening and the BRS had no balance to reconcile to."""
    lines = read_statement(statement(tmp_path, "Balance as on 30-11-2026 : 1,87,774.05 Cr"))
    assert (lines.opening, lines.closing) == (None, 18777405)
    assert len(lines.frame) == 3


@pytest.mark.parametrize(
    ("heading", "opening", "closing"),
    [
        ("Balance as on 01-11-2026 : 1,04,000.00", 10400000, None),
        ("Balance as on 15-11-2026 : 1,04,000.00", None, None),  # a day in between: neither
        ("Balance as on : 1,04,000.00", 10400000, None),  # no day: the opening, as SBI's
    ],
)
def test_a_heading_as_on_the_first_day_or_none_is_the_opening(
    tmp_path: Path, heading: str, opening: int | None, closing: int | None
) -> None:
    lines = read_statement(statement(tmp_path, heading))
    assert (lines.opening, lines.closing) == (opening, closing)


@pytest.mark.parametrize(
    "heading",
    ["Balance as on 30-NOV-2026 12:00", "Balance as on 2026-11-30", "Balance as on Nov 30, 2026"],
)
def test_a_heading_with_its_figure_in_the_next_cell_is_read_however_the_day_is_written(
    heading: str,
) -> None:
    """helper-141: a time after the day, or the day written ISO or US fashion, lost the figure
    in the next cell (the rest of the heading was taken for it)."""
    from datetime import date

    from xlbo.readers.statement_summary import read_summary

    found = read_summary(
        [(4, [heading, "1,87,774.05"])], top=True, lines=(date(2026, 11, 2), date(2026, 11, 30))
    )
    assert (found.opening, found.closing) == (None, 18777405)
