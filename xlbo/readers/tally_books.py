"""A Tally Day Book export as Journal lines.

Tally exports the Day Book (Display More Reports → Day Book, in detailed format, Alt+F5) to
Excel as title lines (company, "Day Book", period), then `Date`, `Particulars`, `Vch Type`,
`Vch No.`, `Debit Amount`, `Credit Amount`. A voucher starts on a dated row, which names its
first ledger; the rows below it with no date name the voucher's other ledgers and their amounts;
a row under a voucher with text and no amount is its narration. Totals rows are not vouchers.

Each voucher becomes Journal lines with the same Voucher No. A voucher whose debits and credits
differ (a Day Book exported condensed shows only the first ledger) is an issue and left out, with
how to export it in detail. A voucher Tally keeps out of the books (`Payment (Optional)`, or
`(Optional)` after its ledger, shown when the Day Book is asked to show optional vouchers; Vch
Type `Memorandum`) is left out whole, its other ledgers and narration too, with a Warning that
names it; a cancelled one (`(cancelled)`, no amount) is no voucher and no issue. Ledger names
are kept as Tally has them: a party's own ledger (a debtor or creditor) shows in the Party
column as well, when `parties` names its group ledger.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book.rows import RowSource, sheet_table
from xlbo.book.table import Table, find_header_row, header_key
from xlbo.cells import ERROR_VALUES
from xlbo.columns import (
    amount_present,
    date_column,
    has_date,
    joined_in_order,
    paise_column,
    text_column,
)
from xlbo.dates import far_date_said, parse_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity, display_value
from xlbo.journal_layout import HEADERS
from xlbo.money import format_inr, from_paise
from xlbo.readers.line_issues import Document, cut_off
from xlbo.readers.tally_marks import (
    cancelled_rows,
    outside_books,
    outside_books_hint,
    outside_books_problem,
)

DAY_BOOK_HEADERS = ("Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount")
HEADER_ALIASES = {
    header_key(alias): canonical
    for canonical, aliases in {
        "Date": ("Date",),
        "Particulars": ("Particulars", "Ledger", "Ledger Name"),
        "Vch Type": ("Vch Type", "Voucher Type"),
        "Vch No.": ("Vch No.", "Voucher No.", "Voucher No", "Voucher Number", "Vch No"),
    }.items()
    for alias in aliases
}
TOTAL_WORDS = ("total", "grand total", "closing balance", "opening balance")
DAY_BOOK_COLUMNS = ("Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit")
"""What a Day Book's columns hold; `day_book_lines` takes the header of each (the voucher
type and number may be missing)."""
DAY_BOOK = Document(
    "Day Book", "every voucher row of the Day Book is an entry in the books", into="these books"
)
"""The Day Book as `cut_off` names it when a Day Book is read as the books (import-tally)."""
_EXPORT = (
    "Export the Day Book from Tally in detailed format (Alt+F5) with the columns "
    + ", ".join(DAY_BOOK_HEADERS)
    + "."
)


def day_book_journal(
    source: RowSource,
    sheet: str | None = None,
    parties: Mapping[str, str] | None = None,
    *,
    with_rows: bool = False,
) -> tuple[pd.DataFrame, list[Issue]]:
    """The Day Book's vouchers as a frame with the Journal's headers, and the issues; with
    `with_rows`, a `Row` column gives the row of the Day Book each voucher starts on.

    `parties` maps a party ledger (as Tally names it) to the account it belongs to in the chart
    (Trade Receivables, Trade Payables): such lines go to that account with the party named."""
    name = sheet or source.sheet_names()[0]
    table = sheet_table(source, name, lambda rows: find_header_row(rows, DAY_BOOK_HEADERS))
    columns: dict[str, str] = {}
    for header in map(str, table.frame.columns):  # Tally's own spellings and any case
        key = header_key(header)
        role = HEADER_ALIASES.get(key) or next(
            (side for side in ("Debit", "Credit") if key.startswith(side.casefold())), None
        )
        if role is not None and role not in columns:
            columns[role] = header
    lines, issues = day_book_lines(table, columns, parties)
    issues = cut_off(source, table, DAY_BOOK) + issues
    return journal_of(lines, with_rows=with_rows), issues


def journal_of(lines: pd.DataFrame, *, with_rows: bool = False) -> pd.DataFrame:
    """A Day Book's lines (`day_book_lines`' columns; `xlbo.readers.tally_xml.day_book_xml`'s)
    as a frame with the Journal's headers; with `with_rows`, a `Row` column gives the row of the
    Day Book (an XML export: the place in the file) each voucher starts on."""
    journal = pd.DataFrame(
        {
            "Date": lines["date"].astype(object),
            "Voucher No": lines["voucher_no"].astype(object),
            "Voucher Type": lines["voucher_type"].astype(object),
            "Account": lines["account"].astype(object),
            "Debit": _rupees(lines["debit"]),
            "Credit": _rupees(lines["credit"]),
            "Party": lines["party"].astype(object),
            "Cost Centre": pd.Series([None] * len(lines), dtype=object),
            "Narration": lines["narration"].astype(object),
        },
        columns=list(HEADERS),
    )
    if with_rows:
        journal["Row"] = lines["row"].astype("int64")
    return journal


def _rupees(paise: pd.Series) -> pd.Series:
    """Paise as `Decimal` rupees, None for nothing (the Journal's Debit and Credit cells)."""
    values = [from_paise(p) if p else None for p in paise.tolist()]
    return pd.Series(values, dtype=object)


def day_book_lines(
    table: Table, columns: Mapping[str, str], parties: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """The ledger lines of the Day Book's balanced vouchers, a column at a time: `row` (the row
    its voucher starts on), `date`, `voucher_no`, `voucher_type`, `account`, `party`, `debit`
    and `credit` (paise), `narration`; and the issues. `columns` names the header of each of
    DAY_BOOK_COLUMNS in `table`.

    A dated row starts a voucher and names its first ledger; the rows below with a ledger and an
    amount are its other ledgers, those with text and no amount its narration. A totals row (or
    a date that is no date) ends it, and the rows below belong to no voucher until the next
    date. A voucher with an Excel error in a text cell or an amount that cannot be read is left
    out, the cell reported; so is one whose debits and credits differ."""
    for needed in ("Date", "Particulars", "Debit", "Credit"):
        if needed not in columns:
            raise SheetProblem(
                f"{table.source}, sheet '{table.sheet}': no "
                f"'{needed if needed in ('Date', 'Particulars') else needed + ' Amount'}' "
                f"column under row {table.header_row}. " + _EXPORT
            )
    frame = table.frame
    count = len(frame)
    rows = frame.index.to_numpy(dtype=np.int64)

    def column(role: str) -> pd.Series:
        if role in columns:
            return frame[columns[role]]
        return pd.Series([None] * count, index=frame.index, dtype=object)

    issues: dict[int, Issue] = {}  # by position: one problem a row, reported in row order

    def report(positions: Sequence[int], role: str, problem: Mapping[int, str], hint: str) -> None:
        cells = column(role)
        for position in positions:
            issues[position] = Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=table.cell(int(rows[position]), columns.get(role, "")),
                value=display_value(cells.iat[position]),
                problem=problem[position],
                hint=hint,
                file=table.source,
            )

    texts = {role: text_column(column(role)) for role in ("Particulars", "Vch Type", "Vch No.")}
    # an Excel error (#REF!, #N/A) where text should be: the first such cell of the row
    error_role = np.full(count, "", dtype=object)
    for role in ("Vch No.", "Vch Type", "Particulars"):
        shows_error = texts[role].str.upper().isin(ERROR_VALUES).to_numpy(dtype=bool)
        error_role[shows_error] = role
    erred = error_role != ""
    for role in ("Particulars", "Vch Type", "Vch No."):
        at = np.flatnonzero(error_role == role).tolist()
        shown = {p: str(texts[role].iat[p]).strip().upper() for p in at}
        report(
            at,
            role,
            {
                p: f"the cell shows the Excel error {e}; fix the formula or type the value"
                for p, e in shown.items()
            },
            "The voucher is left out.",
        )

    particulars = texts["Particulars"]
    dates, _ = date_column(column("Date"), working_years=True)
    dated = has_date(dates)
    not_a_date = amount_present(column("Date")) & ~dated
    total = particulars.str.casefold().isin(TOTAL_WORDS).to_numpy(dtype=bool)
    bad_date = not_a_date & ~erred & ~total
    report(
        np.flatnonzero(bad_date).tolist(),
        "Date",
        {p: _date_problem(column("Date").iat[p]) for p in np.flatnonzero(bad_date).tolist()},
        "Type the date day-first; the voucher is left out.",
    )

    # Each dated row opens a voucher; a totals row or a date that is no date closes the one
    # above, and the rows under it belong to none.
    opens = dated & (erred | ~total)
    closes = ~erred & (total | bad_date) & ~opens
    group = np.cumsum(opens | closes) - 1
    groups = int(group.max()) + 1 if count else 0
    is_voucher = np.zeros(groups + 1, dtype=bool)
    starts = np.flatnonzero(opens | closes)
    is_voucher[group[starts]] = opens[starts]
    group_of = np.where(group >= 0, group, groups)
    in_voucher = is_voucher[group_of]
    named = (particulars != "").to_numpy(dtype=bool)
    rows_of_voucher = opens | (in_voucher & ~opens & ~closes & named)
    # A voucher whose dated row Tally marks cancelled, optional or memorandum is in no ledger:
    # every row of it (its other ledgers, its narration) is set aside, its cells unjudged.
    kinds = column("Vch Type")
    void = np.zeros(groups + 1, dtype=bool)
    void[group[opens]] = cancelled_rows(kinds, particulars)[opens]
    aside = np.zeros(groups + 1, dtype=bool)
    aside[group[opens]] = outside_books(kinds, particulars)[opens]
    aside &= ~void
    set_aside = (void | aside)[group_of] & in_voucher
    read = ~erred & rows_of_voucher & ~set_aside

    debit, bad_debit = paise_column(column("Debit"))
    credit, bad_credit = paise_column(column("Credit"))
    debit, credit = np.abs(debit), np.abs(credit)  # the column gives the side
    debit_fails = np.zeros(count, dtype=bool)
    debit_fails[list(bad_debit)] = True
    credit_fails = np.zeros(count, dtype=bool)
    credit_fails[list(bad_credit)] = True
    debit_fails &= read
    credit_fails &= read & ~debit_fails
    hint = "Type the amount as a number (1,23,456.50); the voucher is left out."
    report(np.flatnonzero(debit_fails).tolist(), "Debit", bad_debit, hint)
    report(np.flatnonzero(credit_fails).tolist(), "Credit", bad_credit, hint)

    failed = debit_fails | credit_fails
    bad = np.zeros(groups + 1, dtype=bool)
    bad[group_of[(erred | failed) & in_voucher]] = True
    moves = (debit != 0) | (credit != 0)
    line = read & ~failed & moves
    note = read & ~failed & ~moves & ~opens

    voucher_rows = np.flatnonzero(opens)
    kind = texts["Vch Type"].to_numpy(dtype=object)
    written_no = texts["Vch No."].to_numpy(dtype=object)
    number = written_no.copy()
    number[voucher_rows] = voucher_numbers(
        written_no[voucher_rows], kind[voucher_rows], rows[voucher_rows]
    )
    line_count = np.bincount(group_of[line], minlength=groups + 1)
    debit_sum = exact_sums(group_of[line], debit[line], groups + 1)
    credit_sum = exact_sums(group_of[line], credit[line], groups + 1)
    unbalanced = (
        is_voucher & ~bad & ~void & ~aside & ((line_count == 0) | (debit_sum != credit_sum))
    )
    late: list[Issue] = []
    for position in voucher_rows[unbalanced[group[voucher_rows]]].tolist():
        g = int(group[position])
        gap = int(debit_sum[g] - credit_sum[g])
        day = dates[position]
        late.append(
            Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=table.cell(int(rows[position]), columns.get("Vch No.", columns["Date"])),
                value=str(number[position]),
                problem=f"Voucher {voucher_label(number[position], day)} does not balance: "
                f"debits {format_inr(from_paise(int(debit_sum[g])))}, credits "
                f"{format_inr(from_paise(int(credit_sum[g])))} (difference "
                f"{format_inr(from_paise(abs(gap)))})",
                hint="Export the Day Book in detailed format (Alt+F5 in Tally) so every ledger "
                "of each voucher is listed; the voucher is left out.",
                file=table.source,
            )
        )

    # the amount of a voucher set aside: its larger side (a condensed export shows one ledger)
    held = ~erred & rows_of_voucher & set_aside
    amount = np.maximum(
        exact_sums(group_of[held], debit[held], groups + 1),
        exact_sums(group_of[held], credit[held], groups + 1),
    )
    hint = outside_books_hint("the Day Book")
    at_column = columns.get("Vch Type", columns["Particulars"])
    for position in voucher_rows[(void | aside)[group[voucher_rows]]].tolist():
        g = int(group[position])
        if void[g] and not amount[g]:
            continue  # a cancelled voucher: Tally writes it with no amount, nothing to do
        day, written = dates[position], str(kind[position])
        worth = format_inr(from_paise(int(amount[g])))
        if void[g]:
            problem = (
                f"Voucher {voucher_label(number[position], day)} is marked cancelled but has "
                f"amounts ({worth}): Tally writes a cancelled voucher with none, so it was "
                "left out"
            )
            told = (
                "If the voucher stands, take '(cancelled)' out of its Particulars or Vch Type "
                "(or export the Day Book from Tally again) and import it again."
            )
        else:
            problem = outside_books_problem(
                written,
                str(written_no[position]),
                worth,
                day=day,
                left_out="leaves it out of every ledger's balance, so its lines were not read",
            )
            told = hint
        late.append(
            Issue(
                severity=Severity.WARNING,
                sheet=table.sheet,
                cell=table.cell(int(rows[position]), at_column),
                value=display_value(
                    column("Vch Type" if "Vch Type" in columns else "Particulars").iat[position]
                ),
                problem=problem,
                hint=told,
                file=table.source,
            )
        )
    late.sort(key=lambda issue: _row_of(issue.cell))
    good = is_voucher & ~bad & ~unbalanced & ~void & ~aside
    keep = line & good[group_of]
    opener = np.zeros(groups + 1, dtype=np.int64)
    opener[group[voucher_rows]] = voucher_rows
    first = opener[group_of[keep]]
    told = note & good[group_of]
    narration = joined_in_order(group_of[told], particulars[told], groups + 1)
    ledger = particulars[keep].to_numpy(dtype=object)
    account, party = accounts(ledger, parties)
    lines = pd.DataFrame(
        {
            "row": rows[first],
            "date": pd.Series(dates, dtype=object).to_numpy()[first],
            "voucher_no": number[first],
            "voucher_type": kind[first],
            "account": account,
            "party": party,
            "debit": debit[keep].astype(np.int64),
            "credit": credit[keep].astype(np.int64),
            "narration": narration[group_of[keep]],
        }
    )
    return lines, [issues[p] for p in sorted(issues)] + late


def _row_of(cell: str) -> int:
    """The row number of a cell's address (`C9`: 9)."""
    return int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def voucher_label(number: Any, day: Any) -> str:
    """How a voucher of the books is named in a message: `P/55 of 07-10-2026` (its number
    alone where its date is none)."""
    return f"{number} of {day:%d-%m-%Y}" if isinstance(day, date) else str(number)


def voucher_numbers(written: np.ndarray, kind: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Each voucher's number as written; one Tally left unnumbered by its type and its row of
    the Day Book (its place in an XML export): `Payment/17`."""
    number = np.asarray(written, dtype=object).copy()
    blank = np.flatnonzero(number == "")
    number[blank] = [f"{kind[p] or 'Voucher'}/{row[p]}" for p in blank.tolist()]
    return number


def exact_sums(groups: np.ndarray, paise: np.ndarray, count: int) -> np.ndarray:
    """Each group's total of `paise`, exactly (integers, not a float's sum)."""
    out = np.zeros(count, dtype=np.int64)
    np.add.at(out, groups, paise.astype(np.int64))
    return out


def accounts(ledgers: np.ndarray, parties: Mapping[str, str] | None) -> tuple[Any, Any]:
    """Each line's account and party: a party ledger named in `parties` goes to the account it
    belongs to with the party named; any other ledger is its own account, with no party."""
    party = np.full(len(ledgers), None, dtype=object)
    if not parties:
        return ledgers, party
    groups = {k.casefold(): v for k, v in parties.items()}
    folded = pd.Series(ledgers, dtype=object).str.casefold()
    found = folded.isin(list(groups)).to_numpy(dtype=bool)
    account = ledgers.copy()
    account[found] = folded[found].map(groups).to_numpy(dtype=object)
    party[found] = ledgers[found]
    return account, party


def _date_problem(value: Any) -> str:
    """What `parse_date` says of a date cell that is no date."""
    if (far := far_date_said(value)) is not None:
        return far
    try:
        parse_date(value)
    except ValueError as error:
        return str(error)
    return f"'{value}' is not a date"
