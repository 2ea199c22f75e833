"""Two accounts' statements one below the other on one sheet (round 33's c08a: a net-banking
`All accounts` download). The first was read and the second's lines were reported as rows
'after the statement's summary', with the hint to remove the summary, which would have joined
two accounts into one BRS. Now the warning names the other account and says how to reconcile
it; the first statement is read as before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_reconcile import HDFC_HEAD
from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.statement import read_statement

HEAD = HDFC_HEAD[3]
"""HDFC's header row."""


def block(
    account: str, opening: float, rows: list[list[Any]], period: str = "01/11/2026 To : 30/11/2026"
) -> list[list[Any]]:
    """HDFC's statement of `account` with its summary block."""
    balance, body = opening, []
    for day, narration, ref, withdrawal, deposit in rows:
        balance += (deposit or 0) - (withdrawal or 0)
        body.append([day, narration, ref, day, withdrawal, deposit, round(balance, 2)])
    debits = [r[3] for r in rows if r[3]]
    credits = [r[4] for r in rows if r[4]]
    return [
        ["HDFC BANK Ltd."],
        [f"Account No : {account}"],
        [f"Statement From : {period}"],
        [],
        HEAD,
        ["********"],
        *body,
        ["********"],
        ["STATEMENT SUMMARY :-"],
        ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
        [opening, len(debits), len(credits), sum(debits), sum(credits), round(balance, 2)],
    ]


CURRENT = block(
    "50200012345678",
    100000,
    [
        ["03/11/26", "NEFT CR-SBIN0001234-ARUL TEXTILES-N307", "N307", None, 118000],
        ["05/11/26", "CHQ PAID-100201-LAKSHMI ESTATES", "100201", 35000, None],
        ["25/11/26", "CHARGES FOR NEFT INCL GST", "", 354, None],
    ],
)
OVERDRAFT = block(
    "50200099998888",
    50000,
    [
        ["04/11/26", "NEFT CR-UTIB0000123-VELAN AGENCIES-N401", "N401", None, 40000],
        ["12/11/26", "CHQ PAID-200301-GANESH PACKAGING", "200301", 12000, None],
    ],
)


def test_another_accounts_statement_below_is_named_and_left_out(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Statement": [*CURRENT, [], [], *OVERDRAFT]}, name="all-accounts.xlsx")
    statement = read_statement(str(path))
    assert statement.account == "50200012345678"
    assert len(statement.frame) == 3
    assert statement.frame["narration"].iat[0].startswith("NEFT CR-SBIN0001234-ARUL")
    assert statement.frame["narration"].iat[-1] == "CHARGES FOR NEFT INCL GST"
    assert statement.closing == 18264600  # 1,82,646.00, the first account's
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert warning.cell == "A22"
    assert warning.problem == (
        "the sheet holds another account's statement below this one's: A/c 50200099998888, "
        "2 line(s) from row 22; it was not read, and this BRS is of A/c 50200012345678 alone"
    )
    assert "copy its rows to a sheet of their own" in warning.hint


def test_another_account_below_without_a_summary_between_ends_the_first(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/d: no summary block under the first statement; its lines and the
    second's were read as one statement, the closing balance the second account's."""
    first = CURRENT[: CURRENT.index(["********"], 6)]  # title, header and lines alone
    path = xlsx({"Statement": [*first, [], *OVERDRAFT]}, name="all-accounts.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 3
    assert statement.closing == 18264600
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert warning.problem.startswith(
        "the sheet holds another account's statement below this one's: A/c 50200099998888, "
        "2 line(s) from row 17"
    )


def test_three_accounts_stacked_are_each_named_with_their_own_lines(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/c: only the second was named, its count holding the third's line."""
    third = block("50100011122233", 7000, [["20/11/26", "SB INTEREST", "", None, 70]])
    path = xlsx({"Statement": [*CURRENT, [], *OVERDRAFT, [], *third]}, name="all.xlsx")
    [warning] = [i for i in read_statement(str(path)).issues if i.severity is Severity.WARNING]
    assert warning.problem == (
        "the sheet holds other accounts' statements below this one's: A/c 50200099998888, 2 "
        "line(s) from row 21; A/c 50100011122233, 1 line(s) from row 34; they were not read, "
        "and this BRS is of A/c 50200012345678 alone"
    )


def test_a_ledger_of_the_account_below_is_refused_naming_it(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-121's c10/b: the ledger names the second account's number; the BRS was drawn
    against the first's lines, nothing matched, the gap blamed on last month's items."""
    bank = xlsx({"Statement": [*CURRENT, [], [], *OVERDRAFT]}, name="all-accounts.xlsx")
    books = xlsx(
        {
            "Ledger": [
                ["Nilgiri Agro Foods Pvt Ltd"],
                ["HDFC Bank OD A/c 50200099998888"],
                ["Ledger Account"],
                ["1-Nov-2026 to 30-Nov-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 11, 1), "Opening Balance", None, None, 50000, None],
                [date(2026, 11, 4), "Velan Agencies", "Receipt", "1", 40000, None],
            ]
        },
        name="od-books.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2, said
    assert (
        "od-books.xlsx is of A/c 50200099998888, whose statement is below A/c 50200012345678's "
        "on sheet Statement of all-accounts.xlsx, and was not read"
    ) in said
    assert not out.exists()


DECEMBER = [
    ["02/12/26", "NEFT CR-ICIC0000456-VELAN AGENCIES-N512", "N512", None, 40000],
    ["09/12/26", "CHQ PAID-100202-LAKSHMI ESTATES", "100202", 35000, None],
]
"""The same account's next month, running on from CURRENT's closing balance of 1,82,646.00."""


def test_one_accounts_months_stacked_are_read_as_one_each_summary_checking_its_own(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/f: November's summary figures (its opening balance under Date) were read
    as a line ('100000.0 is a date of the year 2173'), and December's summary was checked
    against both months' lines (four false findings)."""
    december = block("50200012345678", 182646, DECEMBER, "01/12/2026 To : 31/12/2026")
    path = xlsx({"Statement": [*CURRENT, [], [], *december]}, name="nov-dec.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 5
    assert statement.frame["narration"].iat[-1] == "CHQ PAID-100202-LAKSHMI ESTATES"
    assert statement.opening == 10000000  # November's opening, 1,00,000.00
    assert statement.closing == 18764600  # December's last balance, 1,87,646.00
    assert statement.findings == []
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    [note] = statement.issues
    assert note.severity is Severity.INFO
    assert note.cell == "A11"
    assert note.problem.startswith(
        "the sheet holds 2 statements of A/c 50200012345678, one under another "
        "(summaries at rows 11, 25): each one's lines run on from the last one's balance"
    )


def test_a_stacked_months_summary_that_disagrees_with_its_own_lines_is_found_at_its_row(
    xlsx: Callable[..., Path],
) -> None:
    """November's summary says debits of 36,354.00 where its lines add to 35,354.00: found at
    November's figures row, and December's summary (right) finds nothing."""
    november = [list(row) for row in CURRENT]
    november[-1][3] = 36354
    december = block("50200012345678", 182646, DECEMBER, "01/12/2026 To : 31/12/2026")
    path = xlsx({"Statement": [*november, [], [], *december]}, name="nov-dec.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 5
    [finding] = statement.findings
    assert finding.row == 13
    assert finding.detail.startswith(
        "Row 13: the statement gives total debits of 36,354.00, but the lines read add up to "
        "35,354.00 (difference 1,000.00)"
    )


def test_the_first_line_of_an_account_below_its_header_is_counted_as_its_own(
    xlsx: Callable[..., Path],
) -> None:
    """helper-121's c10/d again, with no `********` rule under the header: the next account's
    first line sat under its header's `Closing Balance` and was taken for this statement's
    closing figure, so the warning counted one line too few, from the row after it."""
    first = [row for row in CURRENT[: CURRENT.index(["********"], 6)] if row != ["********"]]
    second = [row for row in OVERDRAFT if row != ["********"]]
    second = second[: second.index(["STATEMENT SUMMARY :-"])]
    path = xlsx({"Statement": [*first, [], *second]}, name="all-accounts.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 3
    [warning] = [i for i in statement.issues if i.severity is Severity.WARNING]
    assert warning.problem.startswith(
        "the sheet holds another account's statement below this one's: A/c 50200099998888, "
        "2 line(s) from row 15"
    )


def newest_first(statement: list[list[Any]]) -> list[list[Any]]:
    """`block`'s statement with its lines newest first (SBI, ICICI, Kotak downloads)."""
    rule = [at for at, row in enumerate(statement) if row == ["********"]]
    return [
        *statement[: rule[0] + 1],
        *statement[rule[0] + 1 : rule[1]][::-1],
        *statement[rule[1] :],
    ]


DECEMBER_STATEMENT = block("50200012345678", 182646, DECEMBER, "01/12/2026 To : 31/12/2026")


def test_a_later_month_pasted_above_the_earlier_is_read_with_it_in_date_order(
    xlsx: Callable[..., Path],
) -> None:
    """December's download pasted above November's: December alone was read, and November's
    three lines were 'rows after the summary', with the hint to remove the summary (which
    would have left the lines out of date order). Now both, November first, each summary
    checked against its own lines."""
    path = xlsx({"Statement": [*DECEMBER_STATEMENT, [], [], *CURRENT]}, name="dec-nov.xlsx")
    statement = read_statement(str(path))
    assert statement.frame["narration"].tolist() == [
        "NEFT CR-SBIN0001234-ARUL TEXTILES-N307",
        "CHQ PAID-100201-LAKSHMI ESTATES",
        "CHARGES FOR NEFT INCL GST",
        "NEFT CR-ICIC0000456-VELAN AGENCIES-N512",
        "CHQ PAID-100202-LAKSHMI ESTATES",
    ]
    assert statement.frame["row"].tolist() == [21, 22, 23, 7, 8]  # their own Excel rows
    assert statement.opening == 10000000  # November's, 1,00,000.00
    assert statement.closing == 18764600  # December's last balance
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.findings == []
    [note] = statement.issues
    assert note.severity is Severity.INFO
    assert note.problem.startswith(
        "the sheet holds two statements of A/c 50200012345678, one under another: the one whose "
        "lines start at row 21 comes before the one above it (its closing balance is the "
        "other's opening), so they were read as one statement in their dates' order"
    )


def test_three_months_pasted_newest_on_top_are_read_oldest_first(
    xlsx: Callable[..., Path],
) -> None:
    january = block(
        "50200012345678",
        187646,
        [["05/01/27", "NEFT CR-ICIC0000456-VELAN AGENCIES-N612", "N612", None, 10000]],
        "01/01/2027 To : 31/01/2027",
    )
    path = xlsx({"Statement": [*january, [], *DECEMBER_STATEMENT, [], *CURRENT]}, name="q.xlsx")
    statement = read_statement(str(path))
    assert [d.month for d in statement.frame["date"]] == [11, 11, 11, 12, 12, 1]
    assert (statement.opening, statement.closing) == (10000000, 19764600)
    assert statement.period == (date(2026, 11, 1), date(2027, 1, 31))
    assert statement.findings == []


@pytest.mark.parametrize("later_on_top", [False, True])
def test_months_each_newest_first_stacked_either_way_are_one_statement(
    xlsx: Callable[..., Path], later_on_top: bool
) -> None:
    """Each month's download newest first: December's above November's ran on (the balances
    read upwards) but took December's opening and period, so November's lines were 'outside
    the period'; November's above December's ran on from nowhere and December was left
    unread."""
    months = [newest_first(CURRENT), newest_first(DECEMBER_STATEMENT)]
    first, then = months[::-1] if later_on_top else months
    path = xlsx({"Statement": [*first, [], *then]}, name="nd.xlsx")
    statement = read_statement(str(path))
    assert [d.day for d in statement.frame["date"]] == [3, 5, 25, 2, 9]
    assert (statement.opening, statement.closing) == (10000000, 18764600)
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.findings == []
    assert [i.severity for i in statement.issues] == [Severity.INFO]


def test_the_same_month_pasted_twice_is_read_once_and_said_so(
    xlsx: Callable[..., Path],
) -> None:
    """The same account's statement again below (downloaded twice into one sheet): the warning
    was the summary's, whose hint, 'remove the summary rows above them', would have doubled
    every line."""
    path = xlsx({"Statement": [*CURRENT, [], [], *CURRENT]}, name="twice.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 3
    assert statement.closing == 18264600
    [warning] = statement.issues
    assert warning.problem == (
        "the 3 line(s) from row 22 are this statement's lines again (the same dates, amounts "
        "and balances): the same statement pasted twice, read once"
    )


def test_december_above_november_reconciles_against_both_months_books(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": [*DECEMBER_STATEMENT, [], [], *CURRENT]}, name="dec-nov.xlsx")
    books = xlsx(
        {
            "Ledger": [
                ["Nilgiri Agro Foods Pvt Ltd"],
                ["HDFC Bank A/c 50200012345678"],
                ["Ledger Account"],
                ["1-Nov-2026 to 31-Dec-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 11, 1), "Opening Balance", None, None, 100000, None],
                [date(2026, 11, 3), "Arul Textiles", "Receipt", "1", 118000, None],
                [date(2026, 11, 4), "Lakshmi Estates", "Payment", "2", None, 35000],
                [date(2026, 11, 25), "Bank Charges", "Journal", "3", None, 354],
                [date(2026, 12, 2), "Velan Agencies", "Receipt", "4", 40000, None],
                [date(2026, 12, 8), "Lakshmi Estates", "Payment", "5", None, 35000],
            ]
        },
        name="books.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert said.out.startswith("5 matches, 0 bank and 0 ledger lines unmatched"), said.out
    assert "BRS difference 0.00" in said.out


def without_summary(statement: list[list[Any]]) -> list[list[Any]]:
    """`block`'s statement without its summary (up to its closing `********` rule)."""
    return statement[: statement.index(["STATEMENT SUMMARY :-"])]


@pytest.mark.parametrize(
    "november",
    [
        without_summary(CURRENT),  # downloaded without its summary
        [*without_summary(CURRENT), ["TRANSACTION TOTAL", None, None, None, 35354, 118000]],
        [*CURRENT[:-1], [None, 2, 1, 35354, 118000, 182646]],  # no opening in its summary
    ],
    ids=["no-summary", "a-total-only", "a-summary-without-opening"],
)
def test_months_whose_first_states_no_whole_summary_are_one_statement_by_their_titles(
    xlsx: Callable[..., Path], november: list[list[Any]]
) -> None:
    """helper-127's c03, c10 and c14: December's lines were read, but the period stayed
    November's (the BRS 'as on 30 November' with December's balance, December's lines 'outside
    the period'), and December's summary was checked against both months' lines. December's
    title rows say where its statement starts."""
    path = xlsx({"Statement": [*november, [], *DECEMBER_STATEMENT]}, name="nov-dec.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 5
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.closing == 18764600
    assert statement.opening in (None, 10000000)  # November's, where it is stated
    assert statement.findings == []
    [note] = statement.issues
    assert note.problem.startswith("the sheet holds 2 statements of A/c 50200012345678")


def test_a_pages_titles_repeated_over_its_header_start_no_new_statement(
    xlsx: Callable[..., Path],
) -> None:
    """A statement printed page by page repeats its titles and header on each page: the same
    period is no next month."""
    body = without_summary(CURRENT)
    page_two = [*body[:5], ["25/11/26", "NEFT CR-X-N999", "N999", "25/11/26", None, 1000, 183646]]
    path = xlsx({"Statement": [*body, [], *page_two]}, name="pages.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 4
    assert statement.period == (date(2026, 11, 1), date(2026, 11, 30))
    assert statement.issues == []


def test_a_month_without_lines_between_two_months_is_its_own_statement(
    xlsx: Callable[..., Path],
) -> None:
    """helper-127's c16: December without a transaction, its summary alone, between November and
    January: its summary was taken as a row of November's, the period ended on 31 December, and
    January's line was 'outside the period'."""
    december = block("50200012345678", 182646, [], "01/12/2026 To : 31/12/2026")
    december[-1] = [182646, 0, 0, 0, 0, 182646]
    january = block(
        "50200012345678",
        182646,
        [["04/01/27", "NEFT CR-ICIC0000456-VELAN AGENCIES-N612", "N612", None, 25000]],
        "01/01/2027 To : 31/01/2027",
    )
    path = xlsx({"Statement": [*CURRENT, [], *december, [], *january]}, name="q.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 4
    assert (statement.opening, statement.closing) == (10000000, 20764600)
    assert statement.period == (date(2026, 11, 1), date(2027, 1, 31))
    assert statement.findings == []
    [note] = statement.issues
    assert note.problem.startswith("the sheet holds 3 statements of A/c 50200012345678")


def kotak(period: str, opening: int, rows: list[list[Any]]) -> list[list[Any]]:
    """A month with its summary above its lines, as Kotak prints it: the titles, the opening,
    debits, credits and closing, then the header and the lines."""
    balance, body = opening, []
    for day, narration, ref, withdrawal, deposit in rows:
        balance += (deposit or 0) - (withdrawal or 0)
        body.append([day, narration, ref, day, withdrawal, deposit, balance])
    return [
        ["KOTAK MAHINDRA BANK"],
        ["Account No : 50200012345678"],
        [f"Statement From : {period}"],
        ["Opening Balance", opening],
        ["Total Debits", sum(r[3] or 0 for r in rows)],
        ["Total Credits", sum(r[4] or 0 for r in rows)],
        ["Closing Balance", balance],
        [],
        HEAD,
        *body,
    ]


def test_months_each_with_its_summary_above_its_lines_are_one_statement(
    xlsx: Callable[..., Path],
) -> None:
    """helper-127's c11: December's summary, above its lines, was checked against November's
    (four false findings), the opening was December's and the period November's alone."""
    november = kotak("01/11/2026 To : 30/11/2026", 100000, _rows(CURRENT))
    december = kotak("01/12/2026 To : 31/12/2026", 182646, DECEMBER)
    path = xlsx({"Statement": [*november, [], *december]}, name="kotak.xlsx")
    statement = read_statement(str(path))
    assert len(statement.frame) == 5
    assert (statement.opening, statement.closing) == (10000000, 18764600)
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.findings == []
    # and a month's summary that disagrees with its own lines is found at its row
    december[5] = ["Total Credits", 41000]
    path = xlsx({"Statement": [*november, [], *december]}, name="kotak2.xlsx")
    [finding] = read_statement(str(path)).findings
    assert finding.row == 19
    assert "total credits of 41,000.00, but the lines read add up to 40,000.00" in finding.detail


def _rows(statement: list[list[Any]]) -> list[list[Any]]:
    """`block`'s lines as its rows were given (day, narration, reference, out, in)."""
    rule = [at for at, row in enumerate(statement) if row == ["********"]]
    return [[r[0], r[1], r[2], r[4], r[5]] for r in statement[rule[0] + 1 : rule[1]]]


def _newest_first_kotak(month: list[list[Any]]) -> list[list[Any]]:
    """`kotak`'s month with its lines newest first."""
    header = month.index(HEAD)
    return [*month[: header + 1], *month[header + 1 :][::-1]]


@pytest.mark.parametrize(
    "order",
    ["december-above", "newest-first-november-above", "newest-first-december-above"],
)
def test_months_with_their_summaries_above_their_lines_in_any_order_are_one_statement(
    xlsx: Callable[..., Path], order: str
) -> None:
    """helper-132's c10a–c: December's month above November's, or each newest first either
    way, with Kotak's summary above each month's lines: the BRS was 'as on 30 November' with
    December's balance, December's opening, or one month's summary checked against the other's
    lines."""
    november = kotak("01/11/2026 To : 30/11/2026", 100000, _rows(CURRENT))
    december = kotak("01/12/2026 To : 31/12/2026", 182646, DECEMBER)
    if order.startswith("newest-first"):
        november, december = _newest_first_kotak(november), _newest_first_kotak(december)
    first, then = (
        (november, december)
        if order == "newest-first-november-above"
        else (
            december,
            november,
        )
    )
    statement = read_statement(str(xlsx({"Statement": [*first, [], *then]}, name="k.xlsx")))
    assert sorted(statement.frame["date"]) == statement.frame["date"].tolist()
    assert len(statement.frame) == 5
    assert (statement.opening, statement.closing) == (10000000, 18764600)
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.findings == []


def test_a_later_month_above_with_no_summaries_is_read_in_date_order(
    xlsx: Callable[..., Path],
) -> None:
    """helper-132's c13a: December's lines, then November's titles, header and lines, no
    summary anywhere: the lines were read in the file's order, the closing November's, and a
    balance break found between them."""
    rows = [*without_summary(DECEMBER_STATEMENT), [], *without_summary(CURRENT)]
    statement = read_statement(str(xlsx({"Statement": rows}, name="dn.xlsx")))
    assert [d.month for d in statement.frame["date"]] == [11, 11, 11, 12, 12]
    assert statement.closing == 18764600
    assert statement.period == (date(2026, 11, 1), date(2026, 12, 31))
    assert statement.findings == []


def test_a_balance_breaking_at_a_pages_repeated_titles_keeps_the_pages_lines(
    xlsx: Callable[..., Path],
) -> None:
    """Titles of the same period over the next page's header start no month, even where the
    balance does not run on there: the page's lines are read (the break is a finding of the
    Integrity sheet), never set aside as another statement's."""
    body = without_summary(CURRENT)
    page_two = [*body[:5], ["26/11/26", "NEFT CR-X-N999", "N999", "26/11/26", None, 1000, 99999]]
    statement = read_statement(str(xlsx({"Statement": [*body, [], *page_two]}, name="p.xlsx")))
    assert len(statement.frame) == 4
    assert statement.issues == []


@pytest.mark.parametrize("order", ["DNJ", "JND", "NJD", "DJN", "DDN"])
def test_months_pasted_in_any_order_are_read_in_date_order(
    xlsx: Callable[..., Path], order: str
) -> None:
    """helper-132's c3 and c18c: December, November and January pasted in turn left January
    unread with a hint to delete the summary; December twice above November left November
    unread. Each month is read as a sheet of its own would be, a copy once, and they are joined
    where their balances run on in their dates' order."""
    january = block(
        "50200012345678",
        187646,
        [["05/01/27", "NEFT CR-ICIC0000456-VELAN AGENCIES-N612", "N612", None, 10000]],
        "01/01/2027 To : 31/01/2027",
    )
    months = {"N": CURRENT, "D": DECEMBER_STATEMENT, "J": january}
    rows: list[list[Any]] = []
    for month in order:
        rows += [*months[month], []]
    statement = read_statement(str(xlsx({"Statement": rows}, name="q.xlsx")))
    expected = 5 if order == "DDN" else 6
    assert len(statement.frame) == expected
    assert sorted(statement.frame["date"]) == statement.frame["date"].tolist()
    assert statement.opening == 10000000
    assert statement.closing == (18764600 if order == "DDN" else 19764600)
    assert statement.findings == []
    said = [issue.problem for issue in statement.issues]
    assert not any("were not read as lines" in text for text in said)
    assert any(text.startswith("the sheet holds") for text in said)


PART_OF_NOVEMBER = block(
    "50200012345678",
    100000,
    [
        ["03/11/26", "NEFT CR-SBIN0001234-ARUL TEXTILES-N307", "N307", None, 118000],
        ["05/11/26", "CHQ PAID-100201-LAKSHMI ESTATES", "100201", 35000, None],
    ],
    "01/11/2026 To : 20/11/2026",
)


@pytest.mark.parametrize("part_on_top", [True, False])
def test_part_of_the_month_beside_the_whole_month_is_read_as_the_whole(
    xlsx: Callable[..., Path], part_on_top: bool
) -> None:
    """1–20 November downloaded before the month was out, and the whole month pasted below it
    (or above): the whole month is read, its lines once. The part above left the whole month
    below unread ('rows after the summary were not read'), and the BRS went without the NEFT
    charges of the 25th."""
    sheet = (
        [*PART_OF_NOVEMBER, [], [], *CURRENT]
        if part_on_top
        else [*CURRENT, [], [], *PART_OF_NOVEMBER]
    )
    statement = read_statement(str(xlsx({"Statement": sheet}, name="part.xlsx")))
    assert [d.day for d in statement.frame["date"]] == [3, 5, 25]
    assert statement.frame["narration"].iat[-1] == "CHARGES FOR NEFT INCL GST"
    assert (statement.opening, statement.closing) == (10000000, 18264600)
    assert statement.period == (date(2026, 11, 1), date(2026, 11, 30))
    assert statement.findings == []
    [warning] = statement.issues
    part_row = 7 if part_on_top else 22
    assert warning.cell == f"A{part_row}"
    assert warning.problem.startswith(f"the 2 line(s) from row {part_row} are 2 of the 3 lines")
    assert "part of it downloaded or pasted apart" in warning.problem


def test_a_statement_left_unread_is_still_said_where_part_of_a_month_is_read_whole(
    xlsx: Callable[..., Path],
) -> None:
    """Part of November, then January (which does not run on), then the whole of November: the
    whole of November is read, and January is still said to be left unread (helper-142: the
    warning was the part's, and went with it)."""
    january = block(
        "50200012345678",
        200000,
        [["05/01/27", "NEFT CR-UTIB0000123-OM SAI-N1", "N1", None, 50000]],
        "01/01/2027 To : 31/01/2027",
    )
    sheet = [*PART_OF_NOVEMBER, [], *january, [], *CURRENT]
    statement = read_statement(str(xlsx({"Statement": sheet}, name="three.xlsx")))
    assert [d.day for d in statement.frame["date"]] == [3, 5, 25]
    problems = [i.problem for i in statement.issues]
    assert any("row 20" in p and "were not read" in p for p in problems)
    assert any("part of it downloaded or pasted apart" in p for p in problems)


def test_the_whole_month_pasted_without_its_heading_keeps_the_parts_account(
    xlsx: Callable[..., Path],
) -> None:
    whole = list(CURRENT[4:])  # the header, lines and summary, no title rows
    sheet = [*PART_OF_NOVEMBER, [], [], *whole]
    statement = read_statement(str(xlsx({"Statement": sheet}, name="untitled.xlsx")))
    assert [d.day for d in statement.frame["date"]] == [3, 5, 25]
    assert statement.account == "50200012345678"
    assert statement.bank == "HDFC"


def test_a_month_pasted_twice_above_the_next_month_reads_both_months(
    xlsx: Callable[..., Path],
) -> None:
    """November, November again, then December (hostile37 c06): November was read alone and
    December left unread; the second November runs on into December, and holds the first."""
    sheet = [*CURRENT, [], *CURRENT, [], *DECEMBER_STATEMENT]
    statement = read_statement(str(xlsx({"Statement": sheet}, name="nov-twice.xlsx")))
    assert [(d.month, d.day) for d in statement.frame["date"]] == [
        (11, 3),
        (11, 5),
        (11, 25),
        (12, 2),
        (12, 9),
    ]
    assert (statement.opening, statement.closing) == (10000000, 18764600)
    assert any("part of it downloaded or pasted apart" in i.problem for i in statement.issues)
