"""Statements converted from PDF to Excel, as a hostile tester built them (helper-19a): the
converter keeps each page's totals and balances between the lines, wraps a narration onto a
row of its own, puts each page on a sheet of its own, or aligns a wrapped line's amounts with
its last row. Every case holds the same month of four lines, so a user checks the same
figures: four lines read, the first and the last, and the closing balance ₹2,63,749.25."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_more_banks import chains, first_and_last, totals
from xlbo.errors import SheetProblem
from xlbo.issues import Severity
from xlbo.jobs.reconcile import run_reconcile
from xlbo.readers.statement import read_statement

Row = list[Any]
HEAD: Row = ["Date", "Narration", "Chq./Ref.No.", "Withdrawal", "Deposit", "Balance"]
LINES: list[Row] = [
    ["01/10/2026", "NEFT CR-JAY AMBE TRADERS", "N274261234567", None, "45,000.00", "1,45,000.00"],
    ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", None, "1,32,500.00"],
    ["15/10/2026", "IMPS/629812345678/KAVITA QURESHI", "629812345678", None, "1,50,000.00",
     "2,82,500.00"],
    ["20/10/2026", "NEFT DR-OM SAI FREIGHT", "N293261234999", "18,750.75", None, "2,63,749.25"],
]  # fmt: skip


def _read_right(lines: Any, *, narration: str = "NEFT DR-OM SAI FREIGHT") -> None:
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), narration, -1875075),
    ]
    assert chains(lines)
    assert lines.closing == 26374925


# -- a page's totals and balances between the lines ---------------------------------------------

PAGE_BREAKS: dict[str, list[Row]] = {
    # helper-19a mini_total_midsheet: the page's total, the header again
    "Total": [[None, "Total", None, "12,500.00", "45,000.00", None], HEAD],
    # pagebreaks.py pb1: the page's total, the balance brought forward
    "Total, B/F": [
        [None, "Total", None, "12,500.00", "45,000.00", None],
        [None, "B/F", None, None, None, "1,32,500.00"],
    ],
    # pb2: `TOTAL C/F` with the balance carried
    "TOTAL C/F": [[None, "TOTAL C/F", None, "12,500.00", "45,000.00", "1,32,500.00"], [], HEAD],
    # pb4: the page's closing balance and the next page's opening balance
    "Closing Balance, Opening Balance": [
        [None, "Closing Balance", None, None, None, "1,32,500.00"],
        [None, "Opening Balance", None, None, None, "1,32,500.00"],
    ],
    # pb6: `Total` written in the date column, with the balance
    "Total in the date column": [["Total", None, None, "12,500.00", "45,000.00", "1,32,500.00"]],
    # helper-108 (session 30): a subtotal or the day's totals under the day's lines; before,
    # each was an amount with no date, reported as a line left out, and the BRS could not tie
    "Sub Total": [[None, "Sub Total", None, "12,500.00", "45,000.00", None]],
    "SUB-TOTAL": [[None, "SUB-TOTAL", None, "12,500.00", "45,000.00", None]],
    "Subtotal": [[None, "Subtotal", None, "12,500.00", "45,000.00", None]],
    "Day Total": [[None, "Day Total", None, "12,500.00", "45,000.00", "1,32,500.00"]],
    "Daily Total": [[None, "Daily Total", None, "12,500.00", "45,000.00", None]],
}


@pytest.mark.parametrize("name", PAGE_BREAKS)
def test_a_pages_total_or_balances_between_the_lines_do_not_end_them(
    name: str, xlsx: Callable[..., Path]
) -> None:
    """Before: the first such row ended the statement, and the lines below it were dropped
    (a warning at most), the BRS tied on the first page's balance."""
    rows = [HEAD, *LINES[:2], *PAGE_BREAKS[name], *LINES[2:]]
    _read_right(read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx"))))


@pytest.mark.parametrize(
    "wrapped",
    [
        "TOTAL ENERGIES MARKETING INDIA PVT LTD",
        "LEGEND BUILDERS AND DEVELOPERS",
        "SUMMARY INFOTECH LLP",
    ],
)
def test_a_wrapped_narration_that_begins_with_a_summarys_word_is_narration(
    wrapped: str, xlsx: Callable[..., Path]
) -> None:
    """wrap_block_words.py: the rest of line 3's narration on a row of its own, no date and no
    amount, begins `TOTAL`, `LEGEND` or `SUMMARY`. Before: it ended the statement there."""
    third = ["15/10/2026", "NEFT CR-ICIC0000456-", *LINES[2][2:]]
    rows = [HEAD, *LINES[:2], third, [None, wrapped, None, None, None, None], LINES[3]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    _read_right(lines)
    assert lines.frame["narration"].iat[2] == f"NEFT CR-ICIC0000456- {wrapped}"


def test_a_summary_at_the_end_still_ends_the_lines_and_checks_them(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile: a page's total in the middle and the statement's own total at its end: the
    lines end at the last; its figures are checked against all four lines (it agrees)."""
    rows = [
        HEAD,
        *LINES[:2],
        [None, "Total", None, "12,500.00", "45,000.00", None],
        *LINES[2:],
        [None, "Grand Total", None, "31,250.75", "1,95,000.00", None],
        ["** End of statement **"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    _read_right(lines)
    assert lines.findings == []


# -- a sheet a page --------------------------------------------------------------------------


def test_a_page_on_a_sheet_of_its_own_without_the_header_is_read_on(
    xlsx: Callable[..., Path],
) -> None:
    """helper-19a mini_sheet_per_page: the header and the title on sheet `Page 1` only, the
    next page's lines on sheet `Page 2` in the same columns. Before: `Page 2` was passed over
    in silence (two lines, the BRS tied on the first page's balance)."""
    path = xlsx(
        {
            "Page 1": [
                ["Statement of account for the period 01/10/2026 to 31/10/2026"],
                HEAD,
                *LINES[:2],
            ],
            "Page 2": LINES[2:],
        },
        name="statement.xlsx",
    )
    lines = read_statement(str(path))
    _read_right(lines)
    assert lines.frame["sheet"].tolist() == ["Page 1", "Page 1", "Page 2", "Page 2"]
    assert lines.frame["row"].tolist() == [3, 4, 1, 2]


def test_a_sheet_of_lines_that_do_not_fit_the_header_is_an_error_never_passed_over(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile: the second sheet's rows have a date and an amount but a column more than the
    first sheet's table (another layout): not read, and an error names the sheet and its row."""
    other = [[*line, "SBIN0001234"] for line in LINES[2:]]
    path = xlsx({"Page 1": [HEAD, *LINES[:2]], "Page 2": other}, name="statement.xlsx")
    lines = read_statement(str(path))
    assert totals(lines) == (2, 1250000, 4500000)
    [issue] = lines.issues
    assert (issue.severity, issue.sheet, issue.cell) == (Severity.ERROR, "Page 2", "A1")
    assert "2 row(s) with a date and an amount, from row 1" in issue.problem


def test_a_notes_sheet_without_a_header_is_still_no_statement(xlsx: Callable[..., Path]) -> None:
    """Hostile: a sheet of notes (no date beside an amount) is neither read nor reported."""
    notes = [["Notes"], ["Cheque 000451 was presented on 03/10/2026"]]
    path = xlsx({"Statement": [HEAD, *LINES], "Notes": notes}, name="statement.xlsx")
    _read_right(read_statement(str(path)))


# -- a line's amounts on the row below its date ------------------------------------------------


def test_a_line_whose_amounts_are_on_the_row_below_its_date_is_one_line(
    xlsx: Callable[..., Path],
) -> None:
    """helper-19a mini_amount_second_row: the converter wraps line 3 over two rows and puts
    its amounts, reference and balance on the second (cells aligned to the bottom). Before:
    the ₹1,50,000.00 deposit was dropped with no issue."""
    rows = [
        HEAD,
        *LINES[:2],
        ["15/10/2026", "IMPS/629812345678/", None, None, None, None],
        [None, "KAVITA QURESHI", "629812345678", None, "1,50,000.00", "2,82,500.00"],
        LINES[3],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    _read_right(lines)
    third = lines.frame.iloc[2]
    assert (third["date"], third["narration"], third["reference"], third["credit"]) == (
        date(2026, 10, 15),
        "IMPS/629812345678/ KAVITA QURESHI",
        "629812345678",
        15000000,
    )


def test_every_line_over_two_rows_amounts_below(xlsx: Callable[..., Path]) -> None:
    """quirks.py q03: every line so wrapped; the balances of the lines so joined run on."""
    rows: list[Row] = [HEAD]
    for day, narration, reference, out, into, balance in LINES:
        rows += [[day, narration[:8], reference, None, None, None]]
        rows += [[None, narration[8:], None, out, into, balance]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR- JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), "NEFT DR- OM SAI FREIGHT", -1875075),
    ]
    assert chains(lines)
    assert lines.closing == 26374925


def test_amounts_below_a_date_that_the_balance_does_not_confirm_are_an_error(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile: the row below the dated row has amounts whose balance does not run on from
    the line before nor to the line after: not joined, and an error names its row."""
    rows = [
        HEAD,
        *LINES[:2],
        ["15/10/2026", "IMPS/629812345678/", None, None, None, None],
        [None, "KAVITA QURESHI", "629812345678", None, "1,50,000.00", "9,99,999.00"],
        LINES[3],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (3, 1250000 + 1875075, 4500000)
    [issue] = lines.issues
    assert (issue.severity, issue.cell) == (Severity.ERROR, "A5")
    assert issue.problem.startswith("Row 5: an amount with no date: it was not read as a line")
    assert "the row above has the date 15-10-2026 but no amount" in issue.problem


def test_an_amount_with_no_date_between_the_lines_is_an_error(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile: a row of money with no date under a line that has its own (no page's total):
    reported, never dropped in silence."""
    rows = [
        HEAD,
        *LINES[:2],
        [None, "IMPS/629812345678/KAVITA QURESHI", "629812345678", None, "1,50,000.00", None],
        *LINES[2:],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (4, 1250000 + 1875075, 19500000)
    [issue] = lines.issues
    assert (issue.severity, issue.cell) == (Severity.ERROR, "A4")
    assert issue.problem == "Row 4: an amount with no date: it was not read as a line"


CENTRED_LAST_TWO: list[Row] = [
    [None, "IMPS/629812345678/", None, None, None, None],
    ["15/10/2026", "KAVITA", "629812345678", None, "1,50,000.00", "2,82,500.00"],
    [None, "QURESHI", None, None, None, None],
    [None, "NEFT DR-OM SAI", None, None, None, None],
    ["20/10/2026", "FREIGHT", "N293261234999", "18,750.75", None, "2,63,749.25"],
]
"""The month's last two lines, each centred on its narration (some of it above its dated row,
some below), as a converter of print lays them out."""


def test_a_narration_centred_on_its_dated_row_is_read_whole(xlsx: Callable[..., Path]) -> None:
    """A converter that centres each line's cells on its narration: some of it above the dated
    row, some below. Before: the part above the first line was dropped, and each line took the
    next line's first words (its UPI reference and payer) while losing its own."""
    rows = [
        HEAD,
        [None, "NEFT CR-", None, None, None, None],
        ["01/10/2026", "JAY AMBE", "N274261234567", None, "45,000.00", "1,45,000.00"],
        [None, "TRADERS", None, None, None, None],
        ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", None, "1,32,500.00"],
        *CENTRED_LAST_TWO,
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert chains(lines)
    assert lines.closing == 26374925
    assert lines.frame["narration"].tolist() == [
        "NEFT CR- JAY AMBE TRADERS",
        "CHQ PAID-000451-MEHTA & CO",
        "IMPS/629812345678/ KAVITA QURESHI",
        "NEFT DR-OM SAI FREIGHT",
    ]


def test_a_note_under_the_header_does_not_make_a_statement_centred(
    xlsx: Callable[..., Path],
) -> None:
    """A note under the header (no narration's first word) leaves narration wrapped under each
    line as it is: the line's own."""
    rows = [
        HEAD,
        [None, "Amounts in INR", None, None, None, None],
        LINES[0],
        ["03/10/2026", "CHQ PAID-000451-", "000451", "12,500.00", None, "1,32,500.00"],
        [None, "MEHTA & CO", None, None, None, None],
        *LINES[2:],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist()[:2] == [
        "NEFT CR-JAY AMBE TRADERS",
        "CHQ PAID-000451- MEHTA & CO",
    ]


# the third line's first word: with TO, the first line is the only one that begins BY
@pytest.mark.parametrize("credit", ["BY", "TO"])
def test_a_centred_sbi_statement_keeps_by_transfer_with_its_own_line(
    xlsx: Callable[..., Path], credit: str
) -> None:
    """SBI's narrations begin `BY TRANSFER-` / `TO TRANSFER-` on a row of their own and go on
    `NEFT*…`, `UPI/…` on the next: centred, the `TO TRANSFER-` above a dated row that begins
    `UPI/` is that line's, not the line's above."""
    rows = [
        HEAD,
        [None, "BY TRANSFER-", None, None, None, None],
        ["01/10/2026", "NEFT*HDFC0000240*N27426", "N274261234567", None, "45,000.00",
         "1,45,000.00"],
        [None, "*JAY AMBE TRADERS", None, None, None, None],
        [None, "TO TRANSFER-", None, None, None, None],
        ["03/10/2026", "UPI/DR/629812345678/", "629812345678", "12,500.00", None, "1,32,500.00"],
        [None, "MEHTA & CO/SBIN", None, None, None, None],
        [None, f"{credit} TRANSFER-", None, None, None, None],
        ["15/10/2026", "IMPS/629812345679/", "629812345679", None, "1,50,000.00", "2,82,500.00"],
        [None, "KAVITA QURESHI", None, None, None, None],
        [None, "TO TRANSFER-", None, None, None, None],
        ["20/10/2026", "NEFT*UTIB0000123*N29326", "N293261234999", "18,750.75", None,
         "2,63,749.25"],
        [None, "*OM SAI FREIGHT", None, None, None, None],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist() == [
        "BY TRANSFER- NEFT*HDFC0000240*N27426 *JAY AMBE TRADERS",
        "TO TRANSFER- UPI/DR/629812345678/ MEHTA & CO/SBIN",
        f"{credit} TRANSFER- IMPS/629812345679/ KAVITA QURESHI",
        "TO TRANSFER- NEFT*UTIB0000123*N29326 *OM SAI FREIGHT",
    ]


def test_a_title_under_the_header_does_not_make_a_top_aligned_statement_centred(
    xlsx: Callable[..., Path],
) -> None:
    """A cash credit account's title under the header begins with CASH, as a cash deposit's
    narration does; the statement's narrations wrap under their dated rows (top aligned): each
    line keeps its own rows under it, and the title is no line's."""
    rows = [
        HEAD,
        [None, "CASH CREDIT A/C 50200012345678", None, None, None, None],
        LINES[0],
        ["03/10/2026", "CHQ PAID-000451-", "000451", "12,500.00", None, "1,32,500.00"],
        [None, "MEHTA & CO-", None, None, None, None],
        [None, "BUILDING MATERIALS", None, None, None, None],
        *LINES[2:],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist()[:3] == [
        "NEFT CR-JAY AMBE TRADERS",
        "CHQ PAID-000451- MEHTA & CO- BUILDING MATERIALS",
        "IMPS/629812345678/KAVITA QURESHI",
    ]


def test_a_title_over_a_top_aligned_sbi_statement_leaves_each_line_its_rows(
    xlsx: Callable[..., Path],
) -> None:
    """SBI top aligned: `BY TRANSFER-` on the dated row, `NEFT*…` wrapped under it. Under a
    title that begins with CASH, each line keeps its `NEFT*…` rows (not the next line's)."""
    rows = [
        HEAD,
        [None, "CASH CREDIT A/C 50200012345678", None, None, None, None],
        ["01/10/2026", "BY TRANSFER-", "N274261234567", None, "45,000.00", "1,45,000.00"],
        [None, "NEFT*HDFC0000240*N27426", None, None, None, None],
        [None, "*JAY AMBE TRADERS", None, None, None, None],
        ["03/10/2026", "TO TRANSFER-", "629812345678", "12,500.00", None, "1,32,500.00"],
        [None, "UPI/DR/629812345678/", None, None, None, None],
        [None, "MEHTA & CO/SBIN", None, None, None, None],
        ["15/10/2026", "BY TRANSFER-", "629812345679", None, "1,50,000.00", "2,82,500.00"],
        [None, "IMPS/629812345679/", None, None, None, None],
        [None, "KAVITA QURESHI", None, None, None, None],
        ["20/10/2026", "TO TRANSFER-", "N293261234999", "18,750.75", None, "2,63,749.25"],
        [None, "NEFT*UTIB0000123*N29326", None, None, None, None],
        [None, "*OM SAI FREIGHT", None, None, None, None],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist() == [
        "BY TRANSFER- NEFT*HDFC0000240*N27426 *JAY AMBE TRADERS",
        "TO TRANSFER- UPI/DR/629812345678/ MEHTA & CO/SBIN",
        "BY TRANSFER- IMPS/629812345679/ KAVITA QURESHI",
        "TO TRANSFER- NEFT*UTIB0000123*N29326 *OM SAI FREIGHT",
    ]


def test_a_centred_line_under_a_repeated_header_keeps_its_words_above_it(
    xlsx: Callable[..., Path],
) -> None:
    """Centred, over two pages: the second page's header repeated between the lines, then the
    first line of that page with part of its narration above its dated row (`IMPS/…/`): that
    part is the line's, not dropped."""
    rows = [
        HEAD,
        [None, "NEFT CR-", None, None, None, None],
        ["01/10/2026", "JAY AMBE", "N274261234567", None, "45,000.00", "1,45,000.00"],
        [None, "TRADERS", None, None, None, None],
        ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", None, "1,32,500.00"],
        HEAD,
        *CENTRED_LAST_TWO,
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist() == [
        "NEFT CR- JAY AMBE TRADERS",
        "CHQ PAID-000451-MEHTA & CO",
        "IMPS/629812345678/ KAVITA QURESHI",
        "NEFT DR-OM SAI FREIGHT",
    ]


def test_a_centred_statement_whose_first_line_is_one_row_is_read_whole(
    xlsx: Callable[..., Path],
) -> None:
    """Centred on the narration, the first line's narration one row (nothing above it): the
    next lines' narrations still begin above their dated rows (`IMPS/…/`, `NEFT DR-…`) and
    are theirs, not the line's above."""
    rows = [
        HEAD,
        LINES[0],
        [None, "CHQ PAID-", None, None, None, None],
        ["03/10/2026", "000451-MEHTA", "000451", "12,500.00", None, "1,32,500.00"],
        [None, "& CO", None, None, None, None],
        *CENTRED_LAST_TWO,
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist() == [
        "NEFT CR-JAY AMBE TRADERS",
        "CHQ PAID- 000451-MEHTA & CO",
        "IMPS/629812345678/ KAVITA QURESHI",
        "NEFT DR-OM SAI FREIGHT",
    ]


# -- a date wrapped in SBI's narrow date column (helper-123, round 36's F1 and F3) ------------

SBI_WRAPPED = [
    ["Txn Date", "Value Date", "Description", "Ref No./Cheque No.", "Debit", "Credit", "Balance"],
    ["1 Oct", "1 Oct", "BY TRANSFER-", "N274261234567", None, "45,000.00", "1,45,000.00"],
    ["2026", "2026", "NEFT CR-JAY AMBE TRADERS", None, None, None, None],
    ["3 Oct", "3 Oct", "TO CLEARING-", "000451", "12,500.00", None, "1,32,500.00"],
    ["2026", "2026", "CHQ PAID-000451-MEHTA & CO", None, None, None, None],
    ["15 Oct", "15 Oct", "BY TRANSFER-", "629812345678", None, "1,50,000.00", "2,82,500.00"],
    ["2026", "2026", "IMPS/629812345678/KAVITA QURESHI", None, None, None, None],
    ["20 Oct", "20 Oct", "TO TRANSFER-", "N293261234999", "18,750.75", None, "2,63,749.25"],
    ["2026", "2026", "NEFT DR-OM SAI FREIGHT", None, None, None, None],
]  # fmt: skip
"""SBI's PDF prints `1 Oct` and, under it in its narrow column, `2026`, the narration's rest
beside the year: converted to Excel, each line is two rows. The second rows were passed over
without a word, every narration cut to `BY TRANSFER-`, and two customers' equal receipts then
paired crosswise."""


def _sbi(rows: list[Row]) -> list[Row]:
    return [["Account Number", ":", "00000034512345678"], [], *rows]


def test_a_year_wrapped_under_its_day_and_month_joins_its_rows_narration(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Page 1": _sbi(SBI_WRAPPED)}, name="sbi.xlsx")
    lines = read_statement(str(path))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER- NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), "TO TRANSFER- NEFT DR-OM SAI FREIGHT", -1875075),
    ]
    assert lines.closing == 26374925


def test_a_date_wrapped_over_three_rows_is_one_date(xlsx: Callable[..., Path]) -> None:
    """`1` over `Oct` over `2026`, the narration's rest on the rows beside them."""
    rows: list[Row] = [SBI_WRAPPED[0]]
    for line, rest in zip(SBI_WRAPPED[1::2], SBI_WRAPPED[2::2], strict=True):
        day, month = line[0].split()
        rows += [
            [day, day, *line[2:]],
            [month, month, rest[2][:8], None, None, None, None],  # `NEFT CR-`
            ["2026", "2026", rest[2][8:], None, None, None, None],
        ]
    lines = read_statement(str(xlsx({"Page 1": _sbi(rows)}, name="sbi.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines)[0] == (
        date(2026, 10, 1),
        "BY TRANSFER- NEFT CR- JAY AMBE TRADERS",
        4500000,
    )


@pytest.mark.parametrize(
    ("top", "rest"),
    [
        (lambda day: f"{day} Oct", "26"),  # a year of two digits
        (lambda day: f"{int(day):02d}-Oct-", "2026"),  # the date cut after its separator
        (lambda day: f"{int(day):02d}/10/", "2026"),
    ],
    ids=["two-digit-year", "dash", "slash"],
)
def test_a_date_wrapped_in_other_shapes_is_one_date_and_keeps_its_narration(
    xlsx: Callable[..., Path], top: Callable[[str], str], rest: str
) -> None:
    """helper-127's s08 and s07: `3 Oct` over `26` left each narration's rest unread
    (`BY TRANSFER-` alone), and two customers' equal receipts were paired crosswise by date;
    `01-Oct-` or `01/10/` over `2026` had the statement refused ('01-Oct-' is not a date)."""
    rows: list[Row] = [SBI_WRAPPED[0]]
    for line, below in zip(SBI_WRAPPED[1::2], SBI_WRAPPED[2::2], strict=True):
        first = top(line[0].split()[0])
        rows += [[first, first, *line[2:]], [rest, rest, *below[2:]]]
    lines = read_statement(str(xlsx({"Page 1": _sbi(rows)}, name="sbi.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "BY TRANSFER- NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), "TO TRANSFER- NEFT DR-OM SAI FREIGHT", -1875075),
    ]


def test_a_date_cell_holding_a_line_break_is_one_date(xlsx: Callable[..., Path]) -> None:
    """`1 Oct⏎2026` in one cell, as converters that keep a PDF cell's lines give it: the whole
    statement was refused ('1 Oct⏎2026' is not a date)."""
    rows: list[Row] = [SBI_WRAPPED[0]]
    for line, rest in zip(SBI_WRAPPED[1::2], SBI_WRAPPED[2::2], strict=True):
        date_cell = f"{line[0]}\n2026"
        rows.append([date_cell, date_cell, f"{line[2]}\n{rest[2]}", *line[3:]])
    lines = read_statement(str(xlsx({"Page 1": _sbi(rows)}, name="sbi.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines)[-1] == (
        date(2026, 10, 20),
        "TO TRANSFER- NEFT DR-OM SAI FREIGHT",
        -1875075,
    )


def test_a_year_under_a_full_date_is_no_part_of_it(xlsx: Callable[..., Path]) -> None:
    """A figure of 2026 under Date below a line dated in full is not taken as its year (a
    summary's count, a page number): the line keeps its date, and the row is what it was."""
    rows = [HEAD, *LINES, ["2026", None, None, None, None, None]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="s.xlsx")))
    assert first_and_last(lines)[-1] == (date(2026, 10, 20), "NEFT DR-OM SAI FREIGHT", -1875075)


# -- a line over three rows: date and payee, remarks, amounts (helper-123, round 36's F2) -----


def _three_rows(line: Row) -> list[Row]:
    """ICICI's PDF converted to Excel: the date, cheque number and payee; the remarks; then the
    amounts and the balance."""
    day, narration, reference, out, into, balance = line
    return [
        [day, narration.split("-")[-1].split("/")[-1], reference, None, None, None],
        [None, narration, None, None, None, None],
        [None, None, None, out, into, balance],
    ]


def test_every_line_over_three_rows_is_one_line_each(xlsx: Callable[..., Path]) -> None:
    """The whole statement was refused ('Row 6: an amount with no date'), with a hint to use
    --map that could not help."""
    rows: list[Row] = [HEAD]
    for line in LINES:
        rows += _three_rows(line)
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "JAY AMBE TRADERS NEFT CR-JAY AMBE TRADERS", 4500000),
        (date(2026, 10, 20), "OM SAI FREIGHT NEFT DR-OM SAI FREIGHT", -1875075),
    ]
    assert lines.frame["reference"].tolist()[1] == "000451"  # written on the date's row
    assert chains(lines)
    assert lines.closing == 26374925


def test_lines_of_three_rows_and_of_two_among_each_other_are_each_one_line(
    xlsx: Callable[..., Path],
) -> None:
    """Long remarks wrap to three rows, short ones to two: ten of eighteen lines were left out,
    among them two-row lines whose balance could not be confirmed because the three-row line
    before was not read, and Integrity reported balance breaks that are not in the statement."""
    rows: list[Row] = [HEAD]
    for at, line in enumerate(LINES):
        if at % 2:
            day, narration, reference, out, into, balance = line
            rows += [[day, narration, reference, None, None, None]]
            rows += [[None, None, None, out, into, balance]]
        else:
            rows += _three_rows(line)
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.issues == []
    assert lines.findings == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist()[1] == "CHQ PAID-000451-MEHTA & CO"
    assert lines.closing == 26374925


def test_amounts_three_rows_below_a_date_that_the_balance_does_not_confirm_say_so(
    xlsx: Callable[..., Path],
) -> None:
    rows: list[Row] = [HEAD, *LINES[:2], *_three_rows(LINES[2]), LINES[3]]
    rows[5][5] = "9,99,999.00"  # the third line's balance, which runs on from nothing
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (3, 1250000 + 1875075, 4500000)
    [issue] = [i for i in lines.issues if i.severity is Severity.ERROR]
    assert issue.cell == "A6"
    assert "(2 rows above, a row has the date 15-10-2026 but no amount" in issue.problem


# -- narrations cut at a fixed width inside their cells (helper-123, round 36's F4) ------------


def _cut(text: str, width: int) -> str:
    return "\n".join(text[at : at + width] for at in range(0, len(text), width))


def test_a_narration_cut_inside_its_cell_at_a_fixed_width_is_joined_whole(
    xlsx: Callable[..., Path],
) -> None:
    """Bank of Maharashtra's PDF converted to Excel keeps each Particulars cell's printed lines,
    22 characters each, cut inside words: `SHREE GA⏎NESH` was read `SHREE GA NESH`, and two
    customers' receipts went unmatched, the suggestions naming the wrong party."""
    rows = [HEAD, *[[d, _cut(n, 10), r, o, i, b] for d, n, r, o, i, b in LINES]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist() == [line[1] for line in LINES]


def test_a_narration_wrapped_at_its_spaces_keeps_a_space_at_each_break(
    xlsx: Callable[..., Path],
) -> None:
    """Lines of differing lengths, each break at a space: a space, as before."""
    wrapped = ["NEFT CR\nJAY AMBE\nTRADERS", "CHQ PAID-000451\nMEHTA & CO", "IMPS\nKAVITA",
               "NEFT DR-OM\nSAI FREIGHT"]  # fmt: skip
    rows = [
        HEAD,
        *[[d, w, r, o, i, b] for (d, _, r, o, i, b), w in zip(LINES, wrapped, strict=True)],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist()[:2] == [
        "NEFT CR JAY AMBE TRADERS",
        "CHQ PAID-000451 MEHTA & CO",
    ]


def test_a_line_whose_date_and_amount_are_both_unreadable_is_reported_by_both(
    xlsx: Callable[..., Path],
) -> None:
    """`31/09/2026` and `12,5O0.00` on one line: it was passed over without a word (neither a
    dated line with a bad amount nor an amount with a bad date)."""
    bad = ["31/09/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,5O0.00", None, "1,32,500.00"]
    rows = [HEAD, LINES[0], bad, *LINES[2:]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines)[0] == 3
    assert [(issue.severity, issue.cell) for issue in lines.issues] == [
        (Severity.ERROR, "D3"),
        (Severity.ERROR, "A3"),
    ]


@pytest.mark.parametrize(
    "cells",
    [
        # helper-124's c10: the RRN's line is always 19 characters; glued, it was no reference
        ["UPI/CR/629812345671\nJAY AMBE TRADERS", "UPI/CR/629812345672\nMEHTA & CO",
         "UPI/CR/629812345673\nKAVITA QURESHI", "UPI/CR/629812345674\nOM SAI FREIGHT"],
        # and c06: a voucher's cheque line of 13 characters, then its words
        ["Chq No 000451\nbeing rent", "Chq No 000452\nbeing fees", "Chq No 000453\nbeing tea",
         "Chq No 000454\nbeing pay"],
        # hostile-37's w01: three lines, the first two 13 characters each by the voucher's
        # shape (never cut inside a word or a number): read `…000451Dt 02-10-2026being rent`
        ["Chq No 000451\nDt 02-10-2026\nbeing rent", "Chq No 000452\nDt 03-10-2026\nbeing rent",
         "Chq No 000453\nDt 04-10-2026\nbeing rent", "Chq No 000454\nDt 05-10-2026\nbeing fee"],
        # a template's first line, the longest, a letter either side of each break
        ["TRANSFER FROM A/C\nJAY AMBE TRADERS", "TRANSFER FROM A/C\nMEHTA & CO",
         "TRANSFER FROM A/C\nKAVITA QURESHI", "TRANSFER FROM A/C\nOM SAI FREIGHT"],
        # SBI's channel on a line of its own, each line 12 characters at most
        ["BY TRANSFER-\nNEFT*JAY", "TO CLEARING-\nCHQ 000451", "BY TRANSFER-\nIMPS*KAVITA",
         "TO TRANSFER-\nNEFT*OM SAI"],
    ],
)  # fmt: skip
def test_lines_the_bank_ends_at_one_length_keep_a_space(
    xlsx: Callable[..., Path], cells: list[str]
) -> None:
    """Two pieces a cell, the first of one length: a line the bank (or the books) ended, not a
    cut at a fixed width."""
    rows = [HEAD, *[[d, c, r, o, i, b] for (d, _, r, o, i, b), c in zip(LINES, cells, strict=True)]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist() == [c.replace("\n", " ") for c in cells]


def test_a_narration_cut_into_two_lines_inside_its_cell_is_joined_whole(
    xlsx: Callable[..., Path],
) -> None:
    """Tamilnad Mercantile Bank's Particulars converted from PDF, cut every 40 characters: a
    narration of 41 to 80 makes two lines (`…BALAJI TRADERS-SBINN⏎26110212345678`). It was
    read with a space, the UTR split in two, and the pair matched by amount and date alone,
    if at all."""
    rows = [HEAD, *[[d, _cut(n, 20), r, o, i, b] for d, n, r, o, i, b in LINES]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist() == [line[1] for line in LINES]


def test_cheques_whose_vouchers_narrations_run_in_lines_of_one_length_pair_by_number(
    xlsx: Callable[..., Path],
) -> None:
    """hostile-37's w01: three cheques of ₹12,500 to one party, the vouchers booked on one day
    in another order, each narration `Chq No 000451⏎Dt 02-10-2026⏎being rent`. Its first two
    lines, 13 characters each, were taken for a converter's cut and run together (`Chq No
    000451Dt 02-10-2026being rent`): the cheque numbers were lost, and cheque 000451 was
    paired with the voucher of 000453 (exit 0, nothing said)."""
    bank = [
        HEAD,
        ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", None, "87,500.00"],
        ["05/10/2026", "CHQ PAID-000452-MEHTA & CO", "000452", "12,500.00", None, "75,000.00"],
        ["07/10/2026", "CHQ PAID-000453-MEHTA & CO", "000453", "12,500.00", None, "62,500.00"],
    ]
    books: list[Row] = [
        ["Sahyadri Tradelinks Private Limited"],
        ["ICICI Bank A/c 000405001234"],
        ["Ledger Account"],
        ["1-Oct-2026 to 31-Oct-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [date(2026, 10, 1), "Opening Balance", None, None, 100000, None],
    ]
    for cheque in ("000453", "000451", "000452"):
        books += [
            [date(2026, 10, 2), "By Mehta & Co", "Payment", f"P{cheque[-1]}", None, 12500],
            [None, f"Chq No {cheque}\nDt 02-10-2026\nbeing rent", None, None, None, None],
        ]
    result = run_reconcile(
        xlsx({"Statement": bank}, name="bank.xlsx"), xlsx({"Ledger": books}, name="books.xlsx")
    )
    assert result.ledger["narration"].tolist()[0] == "Chq No 000453 Dt 02-10-2026 being rent"
    paired = result.matches.merge(result.bank, left_on="bank", right_index=True)
    paired = paired.merge(result.ledger, left_on="ledger", right_index=True)
    assert sorted(zip(paired["reference_x"], paired["narration_y"].str[7:13], strict=True)) == [
        ("000451", "000451"),
        ("000452", "000452"),
        ("000453", "000453"),
    ]
    assert (paired["rule"] == "Reference").all()


# -- narrations cut at a fixed width onto the rows below (helper-125's Airtel Payments Bank) ---

AIRTEL_HEAD: Row = ["Date", "Transaction ID", "Particulars", "Debit", "Credit", "Balance"]
AIRTEL: list[tuple[str, str, str, str, str]] = [
    ("02-11-2026", "NEFT CR-SBIN0004567-BALAJI TRADERS-SBINN26110212345678", "-", "11800.00",
     "66031.03"),
    ("03-11-2026", "CHQ PAID-000451-KAVERI SUPPLIERS", "4500.00", "-", "61531.03"),
    ("05-11-2026", "RTGS DR-UTIB0000123-VISHWAKARMA POLYMERS-IDBIR52026110500123", "25000.00",
     "-", "36531.03"),
    ("16-11-2026", "GST PAYMENT CPIN 26112900012345", "4231.80", "-", "32299.23"),
    ("18-11-2026", "UPI/CR/632212345678/MEERA ENTERPRISES/ICIC", "-", "875.00", "33174.23"),
    ("25-11-2026", "SMS ALERT CHGS INCL GST", "1.77", "-", "33172.46"),
]  # fmt: skip


def _airtel(narrations: list[str] | None = None) -> list[Row]:
    """Airtel Payments Bank's statement converted from PDF: the Particulars cut every 26
    characters onto the rows below, each row's ends trimmed."""
    rows = [AIRTEL_HEAD]
    for at, (day, narration, out, into, balance) in enumerate(AIRTEL):
        text = narration if narrations is None else narrations[at]
        pieces = [text[i : i + 26].strip() for i in range(0, len(text), 26)]
        rows.append([day, f"AB{at + 1:015d}", pieces[0], out, into, balance])
        rows += [[None, None, piece, None, None, None] for piece in pieces[1:]]
    return rows


def test_a_narration_cut_at_a_fixed_width_onto_the_rows_below_is_joined_whole(
    xlsx: Callable[..., Path],
) -> None:
    """Read `KAVERI SUP PLIERS`, `SBINN261102123456 78`, `CPIN 261129000 12345`: the party
    named wrong, the UTRs and the CPIN no reference, 8 of 19 lines of the month matched by
    reference. `TRADERS-SBINN261102123456` lost the space it began with to the trimming: one
    short of 26, the UTR running on across its end, the cut is there, the space before it."""
    lines = read_statement(str(xlsx({"Statement": _airtel()}, name="statement.xlsx")))
    assert lines.issues == []
    assert lines.frame["narration"].tolist() == [line[1] for line in AIRTEL]


def test_cuts_at_a_fixed_width_onto_the_rows_below_find_the_references(
    xlsx: Callable[..., Path],
) -> None:
    """The books' vouchers name each UTR, the RTGS reference, the CPIN: the lines cut were
    paired by amount and date alone (or, of two alike, wrongly)."""
    books: list[Row] = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["Airtel Payments Bank A/c 0000004321"],
        ["Ledger Account"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [date(2026, 11, 1), "Opening Balance", None, None, 54231.03, None],
    ]
    for day, party, narration, into, out in [
        (2, "Balaji Traders", "NEFT SBINN26110212345678 against bill 232", 11800, None),
        (3, "Kaveri Suppliers", "Ch. No. 000451", None, 4500),
        (5, "Vishwakarma Polymers", "RTGS IDBIR52026110500123", None, 25000),
        (16, "GST Payable", "GST for Oct 2026 CPIN 26112900012345", None, 4231.80),
        (18, "Meera Enterprises", "UPI 632212345678", 875, None),
        (25, "Bank Charges", "SMS charges", None, 1.77),
    ]:
        books += [
            [date(2026, 11, day), party, "Receipt" if into else "Payment", None, into, out],
            [None, narration, None, None, None, None],
        ]
    result = run_reconcile(
        xlsx({"Statement": _airtel()}, name="bank.xlsx"), xlsx({"Ledger": books}, name="books.xlsx")
    )
    assert result.brs.difference == 0
    rules = dict(zip(result.matches["bank"], result.matches["rule"], strict=True))
    assert [rules[line] for line in range(6)] == [*["Reference"] * 5, "Amount and date"]
    why = dict(zip(result.matches["bank"], result.matches["why"], strict=True))
    assert why[0].startswith("reference SBINN26110212345678 on both sides")


def test_a_narration_wrapped_onto_the_rows_below_at_its_words_keeps_its_spaces(
    xlsx: Callable[..., Path],
) -> None:
    """Rows below ending where words end, of differing lengths: a space at each, as before."""
    wrapped = [
        ["NEFT CR-SBIN0004567", "BALAJI TRADERS", "SBINN26110212345678"],
        ["CHQ PAID-000451-KAVERI", "SUPPLIERS"],
        ["RTGS DR-UTIB0000123", "VISHWAKARMA POLYMERS", "IDBIR52026110500123"],
        ["GST PAYMENT CPIN", "26112900012345"],
        ["UPI/CR/632212345678 MEERA", "ENTERPRISES ICIC"],
        ["SMS ALERT CHGS INCL GST"],
    ]
    rows = [AIRTEL_HEAD]
    for at, ((day, _, out, into, balance), (first, *rest)) in enumerate(
        zip(AIRTEL, wrapped, strict=True)
    ):
        rows.append([day, f"AB{at + 1:015d}", first, out, into, balance])
        rows += [[None, None, piece, None, None, None] for piece in rest]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert lines.frame["narration"].tolist() == [" ".join(pieces) for pieces in wrapped]


# -- page footers are not statements stacked one under another (helper-124's c02) ---------------

FOOTER_HEAD: Row = ["Opening Balance", "Total Debits", "Total Credits", "Closing Balance"]


@pytest.mark.parametrize(
    "footers",
    [
        # each page's own figures, no summary of the month
        (["1,00,000.00", "12,500.00", "45,000.00", "1,32,500.00"],
         ["1,32,500.00", "18,750.75", "1,50,000.00", "2,63,749.25"]),
        # the month's figures run on from its first day on each page
        (["1,00,000.00", "12,500.00", "45,000.00", "1,32,500.00"],
         ["1,00,000.00", "31,250.75", "1,95,000.00", "2,63,749.25"]),
    ],
)  # fmt: skip
def test_page_footers_of_a_pdf_are_no_statements_of_their_own(
    xlsx: Callable[..., Path], footers: tuple[Row, Row]
) -> None:
    """A false note ('the sheet holds 2 statements') and false Statement total findings: each
    page's footer was taken for a month's summary and checked against the wrong lines."""
    first, second = footers
    rows = [
        ["Account No : 50200012345678"],
        ["Period : 01/10/2026 to 31/10/2026"],
        HEAD, *LINES[:2], FOOTER_HEAD, first, ["Page 1 of 2"],
        HEAD, *LINES[2:], FOOTER_HEAD, second, ["Page 2 of 2"],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    _read_right(lines)
    assert lines.findings == []


def test_a_pages_opening_total_and_closing_rows_check_that_page(xlsx: Callable[..., Path]) -> None:
    """Each page: `Opening Balance`, its lines, `Total`, `Closing Balance`; the last page's total
    was checked against the month's lines (total debits of 18,750.75 against 31,250.75)."""
    rows = [
        HEAD,
        [None, "Opening Balance", None, None, None, "1,00,000.00"],
        *LINES[:2],
        [None, "Total", None, "12,500.00", "45,000.00", None],
        [None, "Closing Balance", None, None, None, "1,32,500.00"],
        ["Page 1 of 2"],
        HEAD,
        [None, "Opening Balance", None, None, None, "1,32,500.00"],
        *LINES[2:],
        [None, "Total", None, "18,750.75", "1,50,000.00", None],
        [None, "Closing Balance", None, None, None, "2,63,749.25"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    _read_right(lines)
    assert lines.findings == []


def test_a_year_heading_alone_under_a_line_is_no_part_of_its_date(
    xlsx: Callable[..., Path],
) -> None:
    """helper-124's c04: `31 Dec`, then a `2027` heading row of its own, then `3 Jan`: the
    heading was joined into the line above (31-12-2027, a year out). A date's rest sits beside
    the narration's rest, or in both date columns; a heading alone is none."""
    head = SBI_WRAPPED[0]  # SBI's header
    rows = [
        ["Account Number", ":", "00000034512345678"],
        ["Statement From", ":", "1 Dec 2026 to 31 Jan 2027"],
        head,
        ["15 Dec", "15 Dec", "NEFT CR-JAY AMBE TRADERS", "N1", None, "45,000.00", "1,45,000.00"],
        ["31 Dec", "31 Dec", "CHQ PAID-000451-MEHTA & CO", "000451", "12,500.00", None, "1,32,500.00"],
        ["2027"],
        ["3 Jan", "3 Jan", "IMPS/629812345678/KAVITA", "62981", None, "1,50,000.00", "2,82,500.00"],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Page 1": rows}, name="sbi.xlsx")))
    assert lines.frame["date"].tolist() == [
        date(2026, 12, 15),
        date(2026, 12, 31),
        date(2027, 1, 3),
    ]


def test_a_line_missing_its_date_two_rows_under_a_memo_is_not_the_memos(
    xlsx: Callable[..., Path],
) -> None:
    """helper-124's c05: a dated memo row with no amount, a row of words, then a line of its
    own with its narration and amounts but no date: it was joined to the memo (its date), in
    silence. A line's amounts two rows below its date carry no narration of their own."""
    _, narration, reference, out, into, balance = LINES[1]
    rows = [
        HEAD,
        LINES[0],
        ["02/10/2026", "CHEQUE BOOK ISSUED", None, None, None, None],
        [None, "25 LEAVES", None, None, None, None],
        [None, narration, reference, out, into, balance],
        *LINES[2:],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines)[0] == 3
    [issue] = [i for i in lines.issues if i.severity is Severity.ERROR]
    assert (issue.cell, issue.problem.split(":")[0]) == ("A5", "Row 5")


def test_the_same_months_statement_again_below_is_not_read_twice(
    xlsx: Callable[..., Path],
) -> None:
    """helper-124's c01: two lines whose balances a copy of them below also fits read backwards
    (as a statement newest first would run): the copy was read as the month's next lines."""
    two = [HEAD, *LINES[:2]]
    summary = [
        ["STATEMENT SUMMARY"],
        FOOTER_HEAD,
        ["1,00,000.00", "12,500.00", "45,000.00", "1,32,500.00"],
    ]
    rows = [*two, *summary, [], *two, *summary]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines)[0] == 2
    assert any(
        i.problem.endswith("the same statement pasted twice, read once") for i in lines.issues
    )


def test_every_line_over_two_rows_without_balances_is_read_as_its_layout(
    xlsx: Callable[..., Path],
) -> None:
    """helper-124's c05: no Balance column, every line's amounts on the row under its date: the
    statement was refused, saying 'the running balance does not confirm' a balance it has not."""
    head = HEAD[:-1]
    rows: list[Row] = [head]
    for day, narration, reference, out, into, _ in LINES:
        rows += [[day, narration, reference, None, None], [None, None, None, out, into]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="statement.xlsx")))
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].tolist()[0] == "NEFT CR-JAY AMBE TRADERS"


# -- a line's amounts on the row above its date (helper-128's South Indian Bank) --------------


def _amount_above(line: Row) -> list[Row]:
    """`line` as a converter lays out South Indian Bank's PDF text: its amounts on a row of
    their own above its date, narration and balance."""
    return [[None, None, None, line[3], line[4], None], [*line[:3], None, None, line[5]]]


@pytest.mark.parametrize("which", [(1, 3), (0, 1, 2, 3)], ids=["every-second", "every"])
def test_amounts_on_the_row_above_the_date_are_the_lines_where_the_balance_confirms_them(
    xlsx: Callable[..., Path], which: tuple[int, ...]
) -> None:
    """Each such amount was 'an amount with no date', and its dated row with only a balance no
    line: nine lines of nineteen left out of the BRS. The first line, with no balance before it
    to confirm it, is read so where every other is."""
    rows = [HEAD]
    for at, line in enumerate(LINES):
        rows += _amount_above(line) if at in which else [line]
    _read_right(read_statement(str(xlsx({"Statement": rows}, name="sib.xlsx"))))


def test_a_first_lines_amount_alone_under_the_header_is_reported_never_dropped(
    xlsx: Callable[..., Path],
) -> None:
    """helper-128's sib_ymd_first: the 1,18,000.00 under the header was dropped without a word,
    its dated row read as the opening balance, and the Summary blamed the openings."""
    rows = [HEAD, *_amount_above(LINES[0]), *LINES[1:]]
    lines = read_statement(str(xlsx({"Statement": rows}, name="sib.xlsx")))
    assert totals(lines)[0] == 3
    [issue] = lines.issues
    assert issue.severity is Severity.ERROR
    assert issue.cell == "A2"  # its date cell, where the date is missing
    assert "an amount with no date: it was not read as a line" in issue.problem


def test_a_summarys_figures_printed_over_its_labels_are_its_own_not_a_line(
    xlsx: Callable[..., Path],
) -> None:
    """helper-128's Airtel Payments Bank: `₹…` figures over `Opening Balance | Closing Balance
    | Total Credit | Total Debit`; the figures row was read as a line whose date
    ('₹1,00,000.00') is no date, and the BRS was 'not complete'."""
    rows = [
        HEAD,
        *LINES,
        ["₹100000.00", "₹263749.25", "₹195000.00", "₹31250.75"],
        ["Opening Balance", "Closing Balance", "Total Credit", "Total Debit"],
        ["End of statement"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="airtel.xlsx")))
    _read_right(lines)
    assert lines.opening == 10000000
    assert lines.findings == []


def test_a_summarys_figures_over_its_labels_that_disagree_are_found(
    xlsx: Callable[..., Path],
) -> None:
    rows = [
        HEAD,
        *LINES,
        ["₹100000.00", "₹263749.25", "₹195000.00", "₹32250.75"],
        ["Opening Balance", "Closing Balance", "Total Credit", "Total Debit"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="airtel.xlsx")))
    [finding] = lines.findings
    assert finding.row == 6
    assert "total debits of 32,250.75, but the lines read add up to 31,250.75" in finding.detail


def test_a_month_of_one_line_wrapped_with_its_amounts_below_is_read(
    xlsx: Callable[..., Path],
) -> None:
    """helper-127's i02b and i02c: a month of one line, its amounts on its last row, was refused
    ('the running balance does not confirm'): an OPENING BALANCE row above confirms it, and
    without one there is nothing else it could be."""
    line = ["01/10/2026", "JAY AMBE", "N274261234567", None, None, None]
    amounts: Row = [None, "NEFT CR-JAY AMBE TRADERS", None, None, "45,000.00", "1,45,000.00"]
    opening: Row = [None, "OPENING BALANCE", None, None, None, "1,00,000.00"]
    remarks: Row = [None, "NEFT CR-JAY AMBE TRADERS", None, None, None, None]
    for rows in ([HEAD, opening, line, remarks, [None, None, *amounts[2:]]],
                 [HEAD, line, amounts]):  # fmt: skip
        lines = read_statement(str(xlsx({"Statement": rows}, name="icici.xlsx")))
        assert lines.issues == []
        assert totals(lines) == (1, 0, 4500000)
        assert lines.closing == 14500000


def test_a_narration_begun_on_the_amounts_row_above_the_date_runs_on_on_the_dates(
    xlsx: Callable[..., Path],
) -> None:
    """helper-128's sib_ymd_text: `CHQ PAID-` and 12,500.00 on a row, `000451-MEHTA & CO`
    under it with the date and the balance."""
    rows = [HEAD, LINES[0]]
    for line in LINES[1:]:
        start, rest = line[1][:9], line[1][9:]
        rows += [[None, start, None, line[3], line[4], None], [line[0], rest, line[2], None, None, line[5]]]  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="sib.xlsx")))
    assert lines.issues == []
    assert totals(lines) == (4, 1250000 + 1875075, 4500000 + 15000000)
    assert lines.frame["narration"].iat[1] == "CHQ PAID- 000451-MEHTA & CO"
    assert chains(lines)


def test_a_pages_unlabelled_totals_over_a_summarys_labels_are_not_its_figures(
    xlsx: Callable[..., Path],
) -> None:
    """helper-132's c15c: the page's totals (12,500.00 | 1,95,000.00) over HDFC's labels, the
    summary's own figures under them: the totals were taken for the summary's, and a line
    missing from the download went unfound (the BRS 'tied')."""
    rows = [
        HEAD,
        *LINES[:3],
        [None, None, None, "12,500.00", "1,95,000.00", None],
        ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
        ["1,00,000.00", 2, 2, "31,250.75", "1,95,000.00", "2,63,749.25"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="hdfc.xlsx")))
    said = " ".join(finding.detail for finding in lines.findings)
    assert "total debits of 31,250.75, but the lines read add up to 12,500.00" in said


def test_a_line_with_a_broken_date_over_a_summarys_labels_is_still_reported(
    xlsx: Callable[..., Path],
) -> None:
    """helper-132's c5b: a last line whose date cannot be read, over Airtel-style labels, was
    taken for the summary's figures: its Error vanished and its date became the opening."""
    rows = [
        HEAD,
        *LINES[:3],
        ["2O/10/2026", None, None, "18,750.75", None, "2,63,749.25"],
        ["Opening Balance", "Closing Balance", "Total Credit", "Total Debit"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="airtel.xlsx")))
    assert totals(lines)[0] == 3
    assert [issue.severity for issue in lines.issues] == [Severity.ERROR]
    assert lines.opening != 201020  # no date read as a figure


def test_a_day_alone_under_a_date_in_a_book_kept_by_hand_is_no_year(
    xlsx: Callable[..., Path],
) -> None:
    """helper-132's c6c: `3 Oct` then `24` (the 24th, with its own amount) was joined as 3
    October 2024, and the 24th's payment was an amount with no date."""
    rows = [
        ["Bank Book - October 2025"],
        ["Date", "Particulars", "Withdrawal", "Deposit", "Balance"],
        ["3 Oct", "Opening cash deposited", None, "5,000.00", "5,000.00"],
        ["24", "Rent paid", "3,000.00", None, "2,000.00"],
        ["28", "Sales", None, "1,000.00", "3,000.00"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="book.xlsx")))
    assert lines.issues == []
    assert [d.day for d in lines.frame["date"]] == [3, 24, 28]
    assert {d.year for d in lines.frame["date"]} == {2025}


def test_an_amounts_row_that_fits_the_dated_row_above_as_well_is_left_in_doubt(
    xlsx: Callable[..., Path],
) -> None:
    """helper-132's c14a: dates with the balance, each line's amounts on the row below, equal
    amounts in turn: each amounts row was paired with the next line's date (the rent of shop 1
    read as shop 2's); it is the row above's as well, so it is reported, never misplaced."""
    rows = [
        HEAD,
        ["01/10/2026", "RENT RECD SHOP 1", None, None, None, "1,10,000.00"],
        [None, None, None, None, "10,000.00", None],
        ["05/10/2026", "RENT RECD SHOP 2", None, None, None, "1,20,000.00"],
        [None, None, None, None, "10,000.00", None],
    ]
    with pytest.raises(SheetProblem, match="2 line.s. could not be read, the first: Row 3: an "):
        read_statement(str(xlsx({"Statement": rows}, name="rent.xlsx")))


def test_two_line_imps_narrations_beside_longer_ones_keep_their_space(
    xlsx: Callable[..., Path],
) -> None:
    """helper-133: `IMPS/P2A/631112223334⏎9876543210/ARUL`, each first line 21 long by its
    shape, the break between two numbers, was taken for a converter's cut at 21: the reference
    and the mobile number ran together into 22 digits, and a month's IMPS lines went unmatched.
    A cutter cuts every narration longer than its width: a NEFT's narration of fifty
    characters on one line says these lines were broken by the bank."""
    rows: list[Row] = [HEAD]
    balance = 100000.0
    for day in range(1, 7):
        balance -= 1000
        rows.append(
            [f"0{day}/10/2026", f"IMPS/P2A/63111222333{day}\n98765432{day}0/ARUL", "", "1,000.00",
             None, f"{balance:,.2f}"]
        )  # fmt: skip
    rows.append(
        ["07/10/2026", "NEFT CR-SBIN0004567-BALAJI TRADERS-SBINN26110212345678", "", None,
         "5,000.00", f"{balance + 5000:,.2f}"]
    )  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="imps.xlsx")))
    assert lines.frame["narration"].iat[0] == "IMPS/P2A/631112223331 9876543210/ARUL"
