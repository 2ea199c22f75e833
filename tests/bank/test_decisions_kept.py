"""The marks a user makes on a result, and what xlbo says when an edit of the sheet would lose
them: a decisions column deleted or renamed, a row number blanked, a Matches row deleted where
a Reject was meant, one line of a combination rejected, a result locked read-only."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import ledger, statement
from xlbo.cli import main

PATIL = "NEFT CR-SBIN0004567-PATIL BROTHERS-SBINN26101244445555"
OM_SAI = "NEFT CR-SBIN0004567-OM SAI LOGISTICS-SBINN26100833334444"
KAVERI = "CLG CHQ 448812 HDFC BANK"  # Kaveri Home Needs' cheque: the bank names no one


def _month(xlsx: Callable[..., Path]) -> tuple[Path, Path]:
    """Three receipts: Om Sai's 5,000.00 (one match), Patil's 20,000.00 against two bills of
    12,000.00 and 8,000.00 (a combination), Kaveri's 9,900.00 against 10,000.00 booked (a
    suggestion: TDS)."""
    bank = xlsx(
        {
            "Statement": statement(
                [
                    ["06/10/26", KAVERI, None, None, 9900],
                    ["08/10/26", OM_SAI, None, None, 5000],
                    ["12/10/26", PATIL, None, None, 20000],
                ]
            )
        },
        name="bank.xlsx",
    )
    books = xlsx(
        {
            "Ledger": ledger(
                [
                    [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "R/2", 10000, None],
                    [date(2026, 10, 8), "Om Sai Logistics", "Receipt", "R/3", 5000, None],
                    [date(2026, 10, 12), "Patil Brothers", "Receipt", "R/4", 12000, None],
                    [date(2026, 10, 12), "Patil Brothers", "Receipt", "R/5", 8000, None],
                ]
            )
        },
        name="books.xlsx",
    )
    return bank, books


@pytest.fixture
def result(xlsx: Callable[..., Path], tmp_path: Path) -> Path:
    bank, books = _month(xlsx)
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    return out


def rows(path: Path, name: str) -> list[dict[str, Any]]:
    table = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(table[0], row, strict=True)) for row in table[1:]]


def issues(path: Path) -> list[str]:
    """The problems on the Issues sheet (its Problem column); none where there is no sheet."""
    book = openpyxl.load_workbook(path)
    if "Issues" not in book.sheetnames:
        return []
    table = list(book["Issues"].iter_rows(values_only=True))
    at = table[0].index("Problem")
    return [str(row[at]) for row in table[1:]]


def summary(path: Path) -> dict[str, Any]:
    sheet = openpyxl.load_workbook(path)["Summary"]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}


def edit(path: Path, name: str, change: Callable[[Any, list[Any]], None]) -> None:
    """Change the sheet `name` of the result as a user would in Excel, and save it."""
    book = openpyxl.load_workbook(path)
    sheet = book[name]
    change(sheet, [c.value for c in sheet[1]])
    book.save(path)


def test_the_month_is_one_match_a_combination_and_a_suggestion(result: Path) -> None:
    assert [(m["Match ID"], m["Rule"]) for m in rows(result, "Matches")] == [
        (1, "Amount and date"),
        (2, "Combination"),
        (2, "Combination"),
    ]
    assert [s["Kind"] for s in rows(result, "Suggestions")] == ["TDS deducted"]


def test_an_accept_column_renamed_past_case_is_said_and_one_in_capitals_is_read(
    result: Path,
) -> None:
    """A renamed Accept header dropped every Accept on the sheet without a word."""

    def accept_renamed(header: str) -> Callable[[Any, list[Any]], None]:
        def change(sheet: Any, headers: list[Any]) -> None:
            at = headers.index("Accept") + 1
            sheet.cell(1, at).value = header
            sheet.cell(2, at).value = "Accept"

        return change

    edit(result, "Suggestions", accept_renamed("Accepted?"))
    assert main(["reconcile", "--confirm", str(result)]) == 1
    [said] = [i for i in issues(result) if "no Accept column" in i]
    assert said.startswith("the Suggestions sheet has no Accept column (its headers: 'Bank Row'")
    assert "so no Accept on it could be read" in said
    assert "Confirmed" not in [m["Rule"] for m in rows(result, "Matches")]

    edit(result, "Suggestions", accept_renamed(" ACCEPT "))  # the fresh result's Suggestions
    assert main(["reconcile", "--confirm", str(result)]) == 0
    assert next(m["Rule"] for m in rows(result, "Matches")) == "Confirmed"  # Kaveri's, first


def test_a_bank_row_column_deleted_says_no_mark_on_the_sheet_was_read(result: Path) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Reject") + 1).value = "Reject"
        sheet.delete_cols(headers.index("Bank Row") + 1)

    edit(result, "Matches", change)
    assert main(["reconcile", "--confirm", str(result)]) == 1
    [said] = [i for i in issues(result) if "Bank Row column" in i]
    assert "so no Accept, Reject or confirmed match on it could be read" in said
    assert next(m["Rule"] for m in rows(result, "Matches")) == "Amount and date"  # not undone


def test_a_marked_row_whose_bank_row_is_blanked_is_said(result: Path) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"
        sheet.cell(2, headers.index("Bank Row") + 1).value = None

    edit(result, "Suggestions", change)
    assert main(["reconcile", "--confirm", str(result)]) == 1
    assert "Accept is not applied: its Bank Row is empty, so xlbo cannot tell which lines" in (
        " ".join(issues(result))
    )

    def garbage(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"
        sheet.cell(2, headers.index("Ledger Row") + 1).value = "row 9"

    edit(result, "Suggestions", garbage)
    main(["reconcile", "--confirm", str(result)])
    assert "its Ledger Row ('row 9') is not a row number" in " ".join(issues(result))


def test_a_matches_row_deleted_is_matched_again_and_said(result: Path) -> None:
    """Deleting a row of Matches (as one strikes out a tick) undid nothing, without a word."""
    edit(result, "Matches", lambda sheet, _: sheet.delete_rows(2))
    assert main(["reconcile", "--confirm", str(result)]) == 1
    [said] = [i for i in issues(result) if "no longer on" in i]
    assert said == (
        "1 of the 2 matches this result's Summary counts are no longer on its Matches sheet "
        "(Match ID 1): deleting a row is not how a match is undone, and xlbo matched their lines "
        "again where its rules found them"
    )
    assert next(m["Rule"] for m in rows(result, "Matches")) == "Amount and date"
    assert main(["reconcile", "--confirm", str(result)]) == 0  # said once, not every run


def test_rejecting_one_line_of_a_combination_says_the_whole_match_is_undone(
    result: Path,
) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(3, headers.index("Reject") + 1).value = "Reject"  # Patil's 12,000.00

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    [said] = [i for i in issues(result) if "undid the whole" in i]
    assert said.startswith("Reject undid the whole of match 2, whose 2 rows pair its lines")
    assert "(bank row 8, ledger row 10)" in said
    assert [m["Rule"] for m in rows(result, "Matches")] == ["Amount and date"]


def test_the_summary_counts_the_pairs_rejected_listed_under_suggestions(result: Path) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Reject") + 1).value = "x"

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    counts = summary(result)
    assert counts["Suggestions to review"] == 1
    assert counts["Pairs you rejected (listed under the suggestions)"] == 1
    assert [s["Kind"] for s in rows(result, "Suggestions")] == ["TDS deducted", "Rejected by you"]


def test_a_result_made_read_only_is_not_replaced(
    result: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = result.read_bytes()
    os.chmod(result, 0o444)
    capsys.readouterr()
    assert main(["reconcile", "--confirm", str(result)]) == 2
    said = capsys.readouterr().err
    assert "--confirm brs.xlsx is read-only" in said
    assert "Untick Read-only in its Properties" in said
    assert result.read_bytes() == written
    assert not (result.parent / "brs (previous).xlsx").exists()


@pytest.mark.parametrize("option", ["--rules", "--last-brs"])
def test_last_months_result_with_marks_never_confirmed_is_said(
    option: str, result: Path, xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """An Accept typed into October's result and never confirmed taught no rule and left its
    pair on October's BRS; November's run took October's result as it stood, without a word."""

    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"

    edit(result, "Suggestions", change)
    bank = xlsx({"Statement": statement([["05/11/26", OM_SAI, None, None, 7000]])}, name="nov.xlsx")
    books = xlsx(
        {"Ledger": ledger([[date(2026, 11, 5), "Om Sai Logistics", "Receipt", "R/9", 7000, None]])},
        name="nov-books.xlsx",
    )
    out = tmp_path / "nov-brs.xlsx"
    command = ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]
    main([*command, option, str(result)])
    uses = "items brought forward" if option == "--last-brs" else "rules"
    assert (
        f"{option} brs.xlsx holds 1 Accept or Reject mark(s) never applied to it (no --confirm "
        f"since they were typed), so the {uses} taken from it are those of before the marks"
    ) in issues(out)

    main(["reconcile", "--confirm", str(result)])  # applied: November's run says nothing
    main([*command, option, str(result)])
    assert not any("never applied" in i for i in issues(out))


def test_a_users_remarks_column_follows_its_lines_and_an_own_sheet_is_said(
    result: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Remarks column typed beside the lines, and a sheet of the user's own, were left in
    `brs (previous).xlsx` by --confirm without a word (helper-138, c04/d)."""
    book = openpyxl.load_workbook(result)
    unmatched = book["Unmatched Bank"]
    at = unmatched.max_column + 1
    unmatched.cell(1, at).value = "Remarks"
    unmatched.cell(2, at).value = "asked Ravi for the TDS certificate"
    suggestions = book["Suggestions"]
    headers = [c.value for c in suggestions[1]]
    suggestions.cell(1, len(headers) + 1).value = "Remarks"
    suggestions.cell(2, len(headers) + 1).value = "Kaveri deducted TDS 1%"
    book.create_sheet("My Notes").append(["Call the bank about SMS charges"])
    book.save(result)
    capsys.readouterr()

    main(["reconcile", "--confirm", str(result)])
    said = capsys.readouterr().out
    assert said.startswith(
        "From your earlier brs.xlsx: carried your column(s) 'Remarks' to the same lines (2 of 2 "
        "noted row(s)). Your own sheet(s) 'My Notes' of the earlier brs.xlsx are not in the new result: "
        "they stay in the earlier file."
    ), said
    [kaveri] = rows(result, "Suggestions")
    assert kaveri["Remarks"] == "Kaveri deducted TDS 1%"
    [line] = rows(result, "Unmatched Bank")
    assert (line["Narration"], line["Remarks"]) == (KAVERI, "asked Ravi for the TDS certificate")
    assert "Remarks" not in rows(result, "Unmatched Ledger")[0]  # no note lands there: no column
    previous = openpyxl.load_workbook(result.parent / "brs (previous).xlsx")
    assert "My Notes" in previous.sheetnames

    def accept(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "x"

    edit(result, "Suggestions", accept)
    capsys.readouterr()
    main(["reconcile", "--confirm", str(result)])  # accepted: its note follows it to Matches
    assert "(2 of 2 noted row(s))" in capsys.readouterr().out
    confirmed = next(m for m in rows(result, "Matches") if m["Rule"] == "Confirmed")
    assert confirmed["Remarks"] == (  # the pair's and its bank line's, in one cell
        "Kaveri deducted TDS 1%; asked Ravi for the TDS certificate"
    )


def test_a_confirmed_matchs_row_deleted_is_undone_and_said_so_not_warned(result: Path) -> None:
    """helper-140 (C15): deleting a confirmed match's row does undo it (it is read from its
    row), where the warning said its lines were matched again."""

    def accept(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"

    edit(result, "Suggestions", accept)
    main(["reconcile", "--confirm", str(result)])
    confirmed = next(i for i, m in enumerate(rows(result, "Matches")) if m["Rule"] == "Confirmed")
    edit(result, "Matches", lambda sheet, _: sheet.delete_rows(confirmed + 2))
    main(["reconcile", "--confirm", str(result)])
    said = issues(result)
    assert not any("no longer on its Matches sheet" in i for i in said)
    assert (
        "1 match(es) you confirmed are no longer on the Matches sheet: deleting a confirmed "
        "match's row undoes it, and its pair is a suggestion again"
    ) in said
    assert [s["Kind"] for s in rows(result, "Suggestions")] == ["TDS deducted"]


def test_a_result_without_a_reject_column_on_suggestions_is_read_without_a_word(
    result: Path,
) -> None:
    """helper-140 (G1): a result made before Suggestions had a Reject column (none of its pairs
    listed as rejected) was told its Reject column was gone, its Accept counted not applied."""

    def older(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"
        sheet.delete_cols(headers.index("Reject") + 1)

    edit(result, "Suggestions", older)
    assert main(["reconcile", "--confirm", str(result)]) == 0
    assert next(m["Rule"] for m in rows(result, "Matches")) == "Confirmed"


def test_a_rejected_suggestion_stays_rejected_on_every_confirm(result: Path) -> None:
    """helper-140 (C18): Reject on the TDS suggestion came back as the same suggestion with
    Reject empty, and the next --confirm forgot it."""

    def reject(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Reject") + 1).value = "Reject"

    edit(result, "Suggestions", reject)
    for _ in range(2):
        main(["reconcile", "--confirm", str(result)])
        [kept] = rows(result, "Suggestions")
        assert (kept["Kind"], kept["Reject"]) == ("Rejected by you", "Reject")
        assert summary(result)["Suggestions to review"] == 0


def test_marks_typed_in_the_csv_beside_a_result_are_applied_by_a_plain_run(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """helper-140 (B5): a plain run over a `--detail csv` result looked for marks only when
    the workbook had changed; those typed in its CSV were dropped without a word."""
    import csv

    bank, books = _month(xlsx)
    out = tmp_path / "brs.xlsx"
    command = ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]
    main([*command, "--detail", "csv"])
    matches = tmp_path / "brs-matches.csv"
    with matches.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    table[1][table[0].index("Reject")] = "Reject"
    with matches.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(table)
    main([*command, "--detail", "csv"])
    with matches.open(encoding="utf-8-sig", newline="") as handle:
        again = list(csv.DictReader(handle))
    assert [m["Rule"] for m in again] == ["Combination", "Combination"]


def test_a_read_only_file_of_the_set_is_never_replaced_nor_thrown_away(
    result: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-140 (F2, F4c): a read-only `(previous)` was thrown away by the next run, and a
    read-only CSV beside a result was replaced."""
    bank, books = _month(xlsx)
    command = ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(result)]
    main(command)  # the first result kept as brs (previous).xlsx
    previous = result.parent / "brs (previous).xlsx"
    os.chmod(previous, 0o444)
    kept = previous.read_bytes()
    main(command)
    assert (result.parent / "brs (previous 2).xlsx").read_bytes() == kept

    main([*command, "--detail", "csv"])
    beside = result.parent / "brs-matches.csv"
    os.chmod(beside, 0o444)
    written, before = beside.read_bytes(), result.read_bytes()
    capsys.readouterr()
    assert main([*command, "--detail", "csv"]) == 2
    said = capsys.readouterr().err
    assert "brs-matches.csv in " in said and "is read-only: xlbo does not replace a file" in said
    assert (beside.read_bytes(), result.read_bytes()) == (written, before)


@pytest.mark.parametrize(("column", "header"), [("Bank Row", "BankRow"), ("Accept", "Accept ?")])
def test_a_decisions_header_written_without_its_space_or_with_a_mark_is_read(
    result: Path, column: str, header: str
) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(2, headers.index("Accept") + 1).value = "Accept"
        sheet.cell(1, headers.index(column) + 1).value = header

    edit(result, "Suggestions", change)
    assert main(["reconcile", "--confirm", str(result)]) == 0
    assert next(m["Rule"] for m in rows(result, "Matches")) == "Confirmed"


def test_notes_carried_once_are_carried_again_by_every_later_run(
    result: Path, xlsx: Callable[..., Path]
) -> None:
    """helper-141: the notes xlbo carried into a result were dropped by the next --confirm or
    plain run over it (a result as xlbo wrote it was taken to hold nothing of the user's)."""

    def note(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(1, len(headers) + 1).value = "Remarks"
        sheet.cell(2, len(headers) + 1).value = "ok per Ravi"

    edit(result, "Matches", note)
    main(["reconcile", "--confirm", str(result)])
    main(["reconcile", "--confirm", str(result)])
    assert next(m["Remarks"] for m in rows(result, "Matches")) == "ok per Ravi"
    bank, books = _month(xlsx)
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(result)])
    assert next(m["Remarks"] for m in rows(result, "Matches")) == "ok per Ravi"


def test_a_note_never_goes_into_a_column_xlbo_writes(result: Path) -> None:
    """helper-141: a user's `Date` column on Matches was carried into the Unmatched sheets'
    own Date column (`12-10-2026; called 15/11`), and next month's --last-brs refused it."""

    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(1, len(headers) + 1).value = "Date"
        sheet.cell(2, len(headers) + 1).value = "called 15/11"
        sheet.cell(2, headers.index("Reject") + 1).value = "Reject"  # Om Sai's match undone

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    line = next(r for r in rows(result, "Unmatched Bank") if r["Narration"] == OM_SAI)
    assert (str(line["Date"])[:10], line["Date (yours)"]) == ("2026-10-08", "called 15/11")


def test_a_row_of_a_combination_deleted_is_said_with_its_match_id(result: Path) -> None:
    """Deleting one of a combination's rows (Patil's 12,000.00 of 20,000.00) was remade into the
    same combination without a word: every Match ID was still on the sheet."""
    edit(result, "Matches", lambda sheet, _: sheet.delete_rows(3))
    assert main(["reconcile", "--confirm", str(result)]) == 1
    [said] = [i for i in issues(result) if "lost rows" in i]
    assert said == (
        "1 match of several lines (Match ID 2) lost rows on the Matches sheet: their bank lines "
        "no longer add up to their ledger lines. Deleting a row does not take a line out of a "
        "match; xlbo matched the lines again where its rules found them"
    )
    assert [m["Rule"] for m in rows(result, "Matches")] == [
        "Amount and date",
        "Combination",
        "Combination",
    ]
    assert main(["reconcile", "--confirm", str(result)]) == 0  # said once


def test_a_whole_match_deleted_is_not_said_as_a_match_cut(result: Path) -> None:
    edit(result, "Matches", lambda sheet, _: sheet.delete_rows(3, 2))  # both of Patil's rows
    main(["reconcile", "--confirm", str(result)])
    said = issues(result)
    assert not [i for i in said if "lost rows" in i]
    assert [i for i in said if "(Match ID 2)" in i and "no longer on" in i]


@pytest.mark.parametrize(
    ("sheet_name", "word", "letters"),
    [("Matches", "Reject", "M and N"), ("Suggestions", "Accept", "K and M")],
)
def test_a_mark_in_a_copied_decision_column_is_read_and_the_copy_said(
    result: Path, sheet_name: str, word: str, letters: str
) -> None:
    """A second column headed Reject (the first copied beside itself) was read as `Reject (2)`
    and its marks dropped without a word."""

    def change(sheet: Any, headers: list[Any]) -> None:
        at = len(headers) + 1
        sheet.cell(1, at).value = word
        sheet.cell(2, at).value = word.upper()
        sheet.cell(3, at).value = "maybe"

    edit(result, sheet_name, change)
    main(["reconcile", "--confirm", str(result)])
    said = issues(result)
    assert (
        f"the {sheet_name} sheet has 2 columns headed {word} ({letters}): the marks in each of "
        "them were read"
    ) in said
    if word == "Reject":  # Om Sai's match undone, listed under the suggestions
        assert "Rejected by you" in [s["Kind"] for s in rows(result, "Suggestions")]
        assert (
            "'maybe' under Reject is not a decision xlbo understands; the pair (bank row 8, "
            "ledger row 9) was left as it was"
        ) in said
    else:  # Kaveri's 9,900.00 taken against 10,000.00; below the one suggestion, no pair
        assert next(m["Rule"] for m in rows(result, "Matches")) == "Confirmed"
        assert (
            "'maybe' under Accept is not a decision xlbo understands, on a row that holds no pair"
            in said
        )


def test_a_two_sheet_statements_combination_is_not_said_to_have_lost_rows(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """Patil's 20,000.00 booked once, paid in two parts on two sheets of the statement, both on
    row 6 of their sheet: the result, unchanged, was said to have lost a row."""
    bank = xlsx(
        {
            "Oct-A": statement([["12/10/26", PATIL, None, None, 12000]]),
            "Oct-B": statement(
                [
                    ["13/10/26", PATIL.replace("4445555", "4446666"), None, None, 8000],
                    ["14/10/26", OM_SAI, None, None, 5000],
                ],
                opening=112000,
            ),
        },
        name="bank.xlsx",
    )
    books = xlsx(
        {
            "Ledger": ledger(
                [
                    [date(2026, 10, 12), "Patil Brothers", "Receipt", "R/4", 20000, None],
                    [date(2026, 10, 14), "Om Sai Logistics", "Receipt", "R/3", 5000, None],
                ]
            )
        },
        name="books.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    combined = [m for m in rows(out, "Matches") if m["Rule"] == "Combination"]
    assert [m["Bank Row"] for m in combined] == [6, 6]  # one row 6 on each sheet
    main(["reconcile", "--confirm", str(out)])
    assert not [i for i in issues(out) if "lost rows" in i]


def test_a_row_deleted_and_the_other_rejected_is_said_as_rejected_only(result: Path) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        sheet.cell(4, headers.index("Reject") + 1).value = "Reject"  # Patil's 8,000.00
        sheet.delete_rows(3)  # and his 12,000.00 deleted

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    said = issues(result)
    assert not [i for i in said if "lost rows" in i]
    assert "Rejected by you" in [s["Kind"] for s in rows(result, "Suggestions")]


def test_a_reject_in_a_copied_column_is_said_at_the_copys_cell_and_not_carried(
    result: Path,
) -> None:
    """A Reject typed in the copy on a combination's row was said at the original column's
    empty cell; and the copy came back on the next result as a column of notes, read as
    decisions again on every later run."""

    def change(sheet: Any, headers: list[Any]) -> None:
        at = len(headers) + 1
        sheet.cell(1, at).value = "Reject"
        sheet.cell(3, at).value = "x"  # Patil's 12,000.00, one line of match 2

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    book = openpyxl.load_workbook(result)
    table = list(book["Issues"].iter_rows(values_only=True))
    head = table[0]
    undone = [
        dict(zip(head, row, strict=True))
        for row in table[1:]
        if "undid the whole of match 2" in str(row[head.index("Problem")])
    ]
    assert [(u["Cell"], u["Value"]) for u in undone] == [("N3", "x")]
    for name in ("Matches", "Suggestions"):
        headers = [c.value for c in book[name][1]]
        assert headers.count("Reject") == 1 and not any("Reject (" in str(h) for h in headers)
    main(["reconcile", "--confirm", str(result)])
    assert not [i for i in issues(result) if "columns headed" in i]


def test_a_mark_in_a_copy_beside_a_word_in_the_column_is_taken_without_an_error(
    result: Path,
) -> None:
    def change(sheet: Any, headers: list[Any]) -> None:
        at = len(headers) + 1
        sheet.cell(1, at).value = "Reject"
        sheet.cell(2, headers.index("Reject") + 1).value = "maybe"
        sheet.cell(2, at).value = "Yes"  # Om Sai's match

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    assert not [i for i in issues(result) if "not a decision" in i]
    assert "Rejected by you" in [s["Kind"] for s in rows(result, "Suggestions")]


def test_a_batch_of_two_sheets_lines_on_one_row_and_day_is_not_said_to_have_lost_rows(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """October's charges booked in one journal of 1,770.00: GST of 225.00 on row 8 of one sheet
    and of 45.00 on row 8 of the other, both of the 12th; the untouched result was said to
    have lost a row (the two lines were taken for one)."""
    first = [
        ["08/10/26", OM_SAI, None, None, 5000],
        ["12/10/26", "NEFT CHGS", None, 1250, None],
        ["12/10/26", "GST", None, 225, None],
    ]
    second = [
        ["12/10/26", "SMS ALERT", None, None, 1],
        ["12/10/26", "IMPS CHGS", None, 250, None],
        ["12/10/26", "GST", None, 45, None],
    ]
    bank = xlsx(
        {
            "Oct-A": statement(first),
            "Oct-B": statement(second, opening=100000 + 5000 - 1250 - 225),
        },
        name="bank.xlsx",
    )
    books = xlsx(
        {
            "Ledger": ledger(
                [
                    [date(2026, 10, 8), "Om Sai Logistics", "Receipt", "R/3", 5000, None],
                    [date(2026, 10, 31), "Bank Charges", "Journal", "J-31", None, 1770],
                ]
            )
        },
        name="books.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    gst = [m for m in rows(out, "Matches") if m["Narration"] == "GST"]
    assert [m["Bank Row"] for m in gst] == [8, 8] and gst[0]["Match ID"] == gst[1]["Match ID"]
    main(["reconcile", "--confirm", str(out)])
    assert not [i for i in issues(out) if "lost rows" in i]


def test_a_users_own_accept_column_on_matches_is_carried_as_a_note(result: Path) -> None:
    """Only a copy of a sheet's own decision column is read as decisions and not carried: a
    column of the user's headed Accept on Matches (where xlbo reads Reject) is a note."""

    def change(sheet: Any, headers: list[Any]) -> None:
        at = len(headers) + 1
        sheet.cell(1, at).value = "Accept"
        sheet.cell(2, at).value = "ok per Ravi"

    edit(result, "Matches", change)
    main(["reconcile", "--confirm", str(result)])
    assert "ok per Ravi" in [m.get("Accept") for m in rows(result, "Matches")]
