"""Deciding a suggested pair on the Suggested sheet: a rerun with the same --out applies the
Decision column (Accept, Reject, Yes, Y, x, ✓ in any case; anything else reported), keeps it
for the run after, and keeps the marked-up file as 'recon (previous).xlsx'."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.gstrecon.scenario import month
from tests.gstrecon.test_gst_recon import sheet
from xlbo.cli import main


def run(book: Path, october: Path, november: Path, out: Path) -> int:
    args = ["gst-recon", "--purchases", str(book), "--gstr2b", str(october)]
    return main([*args, "--gstr2b", str(november), "--out", str(out)])


def decide(out: Path, word: str) -> None:
    """Write `word` in the Decision cell of the one suggestion, as the accountant would."""
    book = openpyxl.load_workbook(out)
    rows = list(book["Suggested"].iter_rows())
    header = next(r for r in rows if r[0].value == "GSTIN")
    column = next(c.column for c in header if c.value == "Decision")
    (pair,) = [r for r in rows[rows.index(header) + 1 :] if r[0].value]
    book["Suggested"].cell(row=pair[0].row, column=column, value=word)
    book.save(out)


def decide_in_a_copy(out: Path, word: str) -> str:
    """Copy the Decision header to the sheet's end, as a user copies the column, and write
    `word` there for the one suggestion; the copy's letter."""
    book = openpyxl.load_workbook(out)
    suggested = book["Suggested"]
    rows = list(suggested.iter_rows())
    header = next(r for r in rows if r[0].value == "GSTIN")
    copy = suggested.max_column + 1
    suggested.cell(row=header[0].row, column=copy, value="Decision")
    (pair,) = [r for r in rows[rows.index(header) + 1 :] if r[0].value]
    suggested.cell(row=pair[0].row, column=copy, value=word)
    book.save(out)
    return str(openpyxl.utils.get_column_letter(copy))


def stages(out: Path) -> dict[str, int]:
    return {r["Stage"]: r["Bills"] for r in sheet(out, "Summary")}


@pytest.fixture
def first(tmp_path: Path) -> tuple[tuple[Path, Path, Path], Path]:
    inputs = month(tmp_path)
    out = tmp_path / "recon.xlsx"
    assert run(*inputs, out) == 1
    (pair,) = sheet(out, "Suggested")
    assert (pair["Bill No (Books)"], pair["Bill No (2B)"], pair["Decision"]) == (
        "KL-778",
        "KLT/778",
        None,
    )
    return inputs, out


@pytest.mark.parametrize("word", ["accept", "✓", " Y "])
def test_an_accepted_pair_moves_to_matched_and_stays_there(
    first: tuple[tuple[Path, Path, Path], Path], word: str
) -> None:
    inputs, out = first
    decide(out, word)
    assert run(*inputs, out) == 1
    assert stages(out)["Matched"] == 6 and stages(out)["Suggested"] == 0
    accepted = [r for r in sheet(out, "Matched") if r["Bill No (Books)"] == "KL-778"]
    assert accepted[0]["Why"].startswith("Accepted by you on the Suggested sheet: Numbers differ")
    (kept,) = sheet(out, "Suggested")  # still listed, with the decision written again
    assert kept["Decision"] == word
    assert (out.parent / "recon (previous).xlsx").is_file()  # the marked-up file is kept
    assert run(*inputs, out) == 1  # and the run after keeps the decision
    assert stages(out)["Matched"] == 6


def test_a_rejected_pair_is_split_to_both_missing_sheets(
    first: tuple[tuple[Path, Path, Path], Path],
) -> None:
    inputs, out = first
    decide(out, "REJECT")
    assert run(*inputs, out) == 1
    assert stages(out) | {"Total": 0} == {
        "Matched": 5,
        "Suggested": 0,
        "Mismatched": 2,
        "Missing in Books": 0,
        "Missing in 2B": 2,
        "Total": 0,
    }
    (not_booked,) = [r for r in sheet(out, "Missing in Books") if r["Bill No"] == "KLT/778"]
    assert not_booked["Why"].startswith(
        "You rejected the suggested pair with the books' bill KL-778"
    )
    (not_reported,) = [r for r in sheet(out, "Missing in 2B") if r["Bill No"] == "KL-778"]
    assert not_reported["Why"].startswith("You rejected the suggested pair with 2B's KLT/778")
    assert not_reported["ITC at Risk"] == pytest.approx(9000)


def test_a_word_that_is_no_decision_is_reported_and_the_pair_stays_suggested(
    first: tuple[tuple[Path, Path, Path], Path],
) -> None:
    inputs, out = first
    decide(out, "maybe")
    assert run(*inputs, out) == 1
    assert stages(out)["Suggested"] == 1
    (kept,) = sheet(out, "Suggested")
    assert kept["Decision"] == "maybe"
    issues = list(openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True))
    said = " ".join(str(c) for row in issues for c in row if c)
    assert "'maybe' under Decision is not a decision xlbo understands" in said
    assert "Type Accept (or Yes, Y, x, ✓) to take the pair, Reject to split it" in said


def test_a_decision_in_a_copied_decision_column_is_applied_and_the_copy_said(
    first: tuple[tuple[Path, Path, Path], Path],
) -> None:
    """A second column headed Decision was read as `Decision (2)`: an Accept typed there was
    dropped without a word."""
    inputs, out = first
    letter = decide_in_a_copy(out, "Accept")
    assert run(*inputs, out) == 1
    assert stages(out)["Matched"] == 6 and stages(out)["Suggested"] == 0
    issues = list(openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True))
    problem = issues[0].index("Problem")
    assert (
        f"the Suggested sheet has 2 columns headed Decision (P and {letter}): the marks in each "
        "of them were read"
    ) in [row[problem] for row in issues[1:]]


@pytest.mark.parametrize(
    ("first_word", "copy_word", "matched", "said"),
    [
        ("maybe", "Accept", 6, ""),  # the Accept in the copy taken, the word beside it no error
        ("Reject", "Accept", 5, "the Decision in P"),  # two decisions: neither, and said
    ],
)
def test_a_copied_decision_column_holding_another_word(
    first: tuple[tuple[Path, Path, Path], Path],
    first_word: str,
    copy_word: str,
    matched: int,
    said: str,
) -> None:
    inputs, out = first
    decide(out, first_word)
    decide_in_a_copy(out, copy_word)
    assert run(*inputs, out) == 1
    assert stages(out)["Matched"] == matched
    issues = list(openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True))
    problems = [str(row[issues[0].index("Problem")]) for row in issues[1:]]
    assert not [p for p in problems if "is not a decision" in p]
    if said:
        [conflict] = [p for p in problems if p.startswith(said)]
        assert "says 'Reject' and the one in" in conflict and "was left a suggestion" in conflict
        # both words kept in the next result's Decision, not one of them taken on the next run
        assert run(*inputs, out) == 1
        assert stages(out)["Matched"] == matched
        (kept,) = sheet(out, "Suggested")
        assert kept["Decision"] == "Reject / Accept"
