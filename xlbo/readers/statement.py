"""Bank statements as banks export them: title lines, a header row found by its words,
transactions, and summary, total or legend blocks that end them.

What the file says about itself is read and used: the title lines give `Lines.company`,
`Lines.account` and `Lines.period`; a summary block (HDFC's `STATEMENT SUMMARY`, Axis's
`OPENING BALANCE` … `TRANSACTION TOTAL DR/CR` … `CLOSING BALANCE`) gives `Lines.opening` and
`Lines.closing`, and its totals and counts are checked against the lines read — a line missed
or misread is an error, not a BRS that will not tie.

Money in either column keeps its sign: a withdrawal written as a negative number is a
reversal, money back in (a deposit of that amount); a negative deposit is money out.

A workbook with a statement on several sheets (one a month) is read sheet after sheet, and
each line carries its `sheet`. A statement dated only by its `Value Date` (ICICI's corporate
export) is dated by it. One copied by hand may write the day alone (`7`): the day of the month
its title (`For the month of November 2026`, the statement's period) or its sheet's name
(`Nov-26`) gives, and a ditto mark (`"`, `do`, `〃`) for the date of the row above; and its
amounts in rupees and paise apart (`Rs.` | `Ps.`: `xlbo.readers.paise_columns`).

A summary or footer figure the lines do not add up to is no unreadable cell: every line may
have been read. It is an integrity finding (`Statement total`) left on the lines' frame for
`xlbo.bank.integrity.check_statement`, naming the footer's row, its figure and the lines'.

Sides are read as the banks write them: `Dr`/`Cr` after a figure (`1,45,000.00 Cr.`, PNB),
in brackets (`45,000.00 (Cr)`, Union Bank), or in a `Dr/Cr` column. A `Dr/Cr` column right
after the balance is the balance's side (Federal Bank, Kotak): an overdraft or cash-credit
account's balance is owed to the bank, a negative balance.

A side column is read by its words only (`Dr`, `Cr.`, `Debit`, `Credit`, `Withdrawal`,
`Deposit`): a `Transaction Type` that holds the channel (`CLG`, `DD`) says no side, and the
amount's own `Dr`/`Cr` or sign decides. A column headed `Debit/Credit` that holds signed
figures is the amount. Where withdrawal and deposit columns are both there, an `Amount` beside
them is not the money (Ujjivan). A header written over two rows (`Transaction` over `Date`)
is read as one.

Amounts that are formulas saved without their values (a file a script wrote, never saved by
Excel or LibreOffice) read as empty: the statement is refused, naming the cells.

Rows that are layout are never lines, dated or not: `B/F`, `C/F`, `Opening Balance`, `Total`,
`By Opening Balance` (their figures are balances and page totals). A row holding nothing but narration, right under
a line, is the rest of that line's narration (a statement converted from print wraps it); a
page number or a footer there is not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.banks import account_mask, same_account
from xlbo.bank.columns import (
    CREDIT_MARK,
    DEBIT_MARK,
    balance_sides,
    reference_texts,
    reversals,
    says_sides,
    side_marks,
)
from xlbo.bank.integrity import Finding, opening_and_closing
from xlbo.bank.lines import Lines
from xlbo.book import FileBook, build_table
from xlbo.book.files import TEXT_SUFFIXES
from xlbo.book.limits import uncalculated_formulas
from xlbo.book.rows import FrameRows, RowSource, sheet_table
from xlbo.book.table import HEADER_SCAN_ROWS, HEADER_SEARCH_ROWS, Table, header_key
from xlbo.cells import is_blank
from xlbo.columns import (
    amount_present,
    comma_cells,
    contains,
    date_column,
    day_numbers,
    ditto_dates,
    has_date,
    is_text,
    joined_cuts,
    paise_column,
    point_cells,
    strings,
    swapped_by_excel,
    swapped_said,
    text_column,
    unsure_commas,
    unsure_points,
)
from xlbo.dates import rest_of_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, format_money, from_paise
from xlbo.readers.header_words import (
    HINDI_CLOSING,
    HINDI_OPENING,
    HINDI_TOTAL,
    renamed,
    two_row_header,
    word_key,
)
from xlbo.readers.headerless import LOOKED_AT, by_content, by_letters, described
from xlbo.readers.line_issues import (
    STATEMENT,
    _issues_for,
    _undated,
    cut_off,
    not_calculated,
    tried_both,
    uncalculated,
    unseen,
)
from xlbo.readers.mt940 import MT940_SUFFIXES, NotMt940, is_mt940, read_mt940
from xlbo.readers.paise_columns import rupees_and_paise
from xlbo.readers.roles import BALANCE_SIDES, Role, column_role, has_amounts, roles_in
from xlbo.readers.statement_summary import (
    Summary,
    Titles,
    block_rows,
    currency_in,
    figures_only,
    merged,
    month_in,
    read_summary,
    read_titles,
)

MONEY = (Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT, Role.BALANCE)
SUMMARY_ROWS = 200
"""How many rows of a summary block (and of rows above the first line) are read for figures."""


class NoStatement(SheetProblem):
    """A sheet without a statement's header row (a notes or summary sheet of a workbook)."""


class OneSided(NoStatement):
    """A sheet whose header row has a date and only one known amount column: a statement with
    a column deleted or headed in words xlbo does not know. Of a workbook's sheets, the one
    such is said as it is (a Notes sheet beside it does not hide it)."""


def _find_header(
    rows: Sequence[Sequence[Any]],
    mapping: Mapping[Role, str],
    where: str = "",
    two_rows: list[list[str]] | None = None,
) -> int:
    """The index of the header row: the row that names most columns among the first
    HEADER_SCAN_ROWS rows; where none does, the first that names a date and an amount column
    further down (to HEADER_SEARCH_ROWS: a PDF's pages of account summary and terms come first)
    with the best of the HEADER_SCAN_ROWS rows from it. Headers named with --map (`mapping`)
    are looked for down the whole sheet, past HEADER_SEARCH_ROWS by their names alone (so a
    million-line file is not read a row at a time for header words).

    A header written over two rows (`Txn` over `Date`, `Withdrawal` over `Amount`) counts as
    the lower row, its words joined to those above; the joined words are put in `two_rows`
    (when given) for the columns to be named by them."""
    wanted = {header_key(h) for h in mapping.values()}
    best, best_count = -1, 0
    best_joined: list[str] | None = None
    # a date and one side only: (row, the side's header, the side missing, headers not known)
    one_side: tuple[int, str, str, list[str]] | None = None
    end = HEADER_SCAN_ROWS
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        if index >= end and best >= 0:
            break
        row = rows[index]
        joined = two_row_header(rows[index - 1], row, _known) if index else None
        for cells in (row, joined):
            if cells is None:
                continue
            found = roles_in(cells)
            count = len(found) + sum(
                1 for c in cells if isinstance(c, str) and header_key(c) in wanted
            )
            dated = Role.DATE in found or Role.VALUE_DATE in found  # ICICI's corporate export
            money = has_amounts(found) or Role.SIDE in found  # a `Debit/Credit` of amounts
            if dated and not money and one_side is None and cells is row:
                for side, other in ((Role.WITHDRAWAL, "deposits"), (Role.DEPOSIT, "withdrawals")):
                    if side in found:
                        unknown = [
                            str(c).strip()
                            for i, c in enumerate(cells)
                            if isinstance(c, str) and c.strip() and i not in found.values()
                        ]
                        one_side = (index, str(cells[found[side]]).strip(), other, unknown)
            if (dated or wanted) and (money or wanted) and count > best_count:
                if best < 0 and index >= HEADER_SCAN_ROWS:
                    end = index + HEADER_SCAN_ROWS
                best, best_count = index, count
                best_joined = None if cells is row else joined
    if best < 0 and wanted and len(rows) > HEADER_SEARCH_ROWS:  # --map's names only
        best = _first_naming(rows, wanted, HEADER_SEARCH_ROWS)
    if two_rows is not None and best_joined is not None:
        two_rows.append(best_joined)
    if best < 0 and wanted:
        raise NoStatement(
            f"{where}: no row holds the headers --map names ({', '.join(mapping.values())}); "
            "check them against the header row as the file writes it."
        )
    if best < 0 and one_side is not None:
        at, named, missing, unknown = one_side
        role = "deposit" if missing == "deposits" else "withdrawal"
        known = f"{'withdrawal' if role == 'deposit' else 'deposit'}={named}"
        if unknown:  # the other side may be there under a header xlbo does not know
            others = ", ".join(f"'{u}'" for u in unknown[:8])
            raise OneSided(
                f"{where}: row {at + 1} has the headers of a statement, but of its amount "
                f"columns only '{named}' is known, and none of the row's other headers "
                f"({others}) is known as the {missing}; name that column with --map (e.g. "
                f'--map "{known},{role}={unknown[0]}"), or export the statement with both '
                "withdrawals and deposits."
            )
        raise OneSided(
            f"{where}: row {at + 1} has the headers of a statement but only one amount column "
            f"('{named}', no column of {missing} beside it); export the statement with both "
            "withdrawals and deposits (or one Amount column with Dr/Cr), or name the columns "
            'with --map (e.g. --map "withdrawal=Debit,deposit=Credit").'
        )
    if best < 0:
        raise NoStatement(
            f"{where}: no header row with a date and amount columns was found in the first "
            f'{HEADER_SEARCH_ROWS:,} rows; name the columns with --map (e.g. --map "date=Txn Dt,'
            'narration=Details,withdrawal=Debit,deposit=Credit").'
        )
    return best


def _first_naming(rows: Sequence[Sequence[Any]], wanted: set[str], start: int) -> int:
    """The first row from `start` holding a header `wanted` names, or -1: a file's rows are
    searched a column at a time (`FrameRows.first_naming`), the rows of a workbook open in
    Excel one by one."""
    if isinstance(rows, FrameRows):
        return rows.first_naming(wanted, start)
    for index in range(start, len(rows)):
        if any(isinstance(c, str) and header_key(c) in wanted for c in rows[index]):
            return index
    return -1


def _known(header: str) -> bool:
    """Whether a header names a statement's column (for a header over two rows)."""
    return column_role(header) is not None


def _columns(frame: pd.DataFrame, mapping: Mapping[Role, str]) -> dict[Role, str]:
    headers = [str(header) for header in frame.columns]
    columns = {role: headers[at] for role, at in roles_in(headers).items()}
    for role, header in mapping.items():
        match = next((c for c in frame.columns if header_key(c) == header_key(header)), None)
        if match is None:
            raise NoStatement(
                f"--map names a column '{header}' that the file does not have "
                f"(it has: {', '.join(map(str, frame.columns))})."
            )
        columns[role] = str(match)
    return columns


def _balance_side(
    frame: pd.DataFrame, columns: dict[Role, str], mapping: Mapping[Role, str]
) -> str:
    """The `Dr/Cr` column that says which side the balance is on: the one right after the
    balance column (Federal Bank's `Balance, Dr/Cr`; Kotak's `Amount, Dr / Cr, Balance,
    Dr / Cr`), or "". It is then no longer the amount's side column, unless another `Dr/Cr`
    column is there to take that place, or the amount has no other (an `Amount, Balance,
    Dr/Cr` layout keeps reading it as the amount's side, as before)."""
    headers = [str(h) for h in frame.columns]
    if Role.BALANCE not in columns or Role.SIDE in mapping:
        return ""
    after = headers.index(columns[Role.BALANCE]) + 1
    if after >= len(headers):
        return ""
    if column_role(headers[after]) is not Role.SIDE:
        # Kotak's CSV with debit and credit columns writes the balance's Dr/Cr in a column
        # with no header (its rows one field longer than its header)
        unnamed = headers[after].startswith(UNNAMED)
        return (
            headers[after]
            if unnamed and says_sides(frame[headers[after]].iloc[:SAMPLE_ROWS])
            else ""
        )
    side = headers[after]
    own = word_key(side) in BALANCE_SIDES  # `Balance Dr/Cr`: the balance's, whatever else
    if columns.get(Role.SIDE) == side:
        other = [h for h in headers if h != side and column_role(h) is Role.SIDE]
        if other:
            columns[Role.SIDE] = other[0]
        elif Role.AMOUNT in columns and not own:
            return ""
        else:
            del columns[Role.SIDE]
    return side


UNNAMED = "Column "
"""How a column with no header is named (`Column I`)."""


def _amounts_only(cells: pd.Series) -> bool:
    """Whether a column's first filled cells are all amounts (and some are): a column headed
    as a side that holds the money itself."""
    head = cells.iloc[:SAMPLE_ROWS]
    present = amount_present(head)
    if not present.any():
        return False
    _, problems = paise_column(head)
    return not problems


SAMPLE_ROWS = 1000
"""How many rows of a money column show how the bank writes it."""
_BRACKETED_SIDE = r"\s*\(\s*([DdCc][Rr])\.?\s*\)\s*$"
"""`45,000.00 (Cr)`: a side written in brackets after the figure (Union Bank)."""


def _unbracket_sides(frame: pd.DataFrame, columns: Mapping[Role, str]) -> None:
    """Money cells written `45,000.00 (Cr)` rewritten `45,000.00 Cr`, the way every other bank
    writes a side, in place; only the text cells that end so are touched. A bank writes a
    column one way, so a column whose first rows show no such cell is left as it is (a cell
    further down is then reported as no amount, never misread)."""
    for role in MONEY:
        name = columns.get(role)
        if name is None:
            continue
        cells = frame[name]
        head = cells.iloc[:SAMPLE_ROWS]
        sample = np.flatnonzero(is_text(head))
        if (
            not len(sample)
            or not contains(
                strings(pd.Series(head.to_numpy(dtype=object)[sample], dtype=object)),
                _BRACKETED_SIDE,
            ).any()
        ):
            continue
        where = np.flatnonzero(is_text(cells))
        if not len(where):
            continue
        text = strings(pd.Series(cells.to_numpy(dtype=object)[where], dtype=object))
        found = contains(text, _BRACKETED_SIDE)
        if not found.any():
            continue
        values = cells.to_numpy(dtype=object).copy()
        values[where[found]] = (
            text[found].str.replace(_BRACKETED_SIDE, r" \1", regex=True).to_numpy(dtype=object)
        )
        frame[name] = pd.Series(values, index=frame.index, dtype=object)


def _sheet_name(book: RowSource, sheet: str) -> str:
    names = book.sheet_names()
    if sheet in names:
        return sheet
    for name in names:
        if header_key(name) == header_key(sheet):
            return name
    raise SheetProblem(
        f"{book.name} has no sheet named '{sheet}' (it has: {', '.join(names) or 'no sheets'}); "
        "give one of those names."
    )


def _named_mt940(path: Path) -> None:
    """Refuse a file named as an MT940 statement (`.sta`, `.940`; not `.txt`, which may be a
    CSV's text) that holds none, saying what it lacks: not "not a file xlbo reads"."""
    suffix = path.suffix.lower()
    if suffix in MT940_SUFFIXES and suffix not in TEXT_SUFFIXES and path.is_file():
        raise NotMt940(
            f"{path.name} is named as an MT940 statement ({suffix}), but its first lines hold "
            "no MT940 fields (:20:, then :25:, :60F: or :61:). Download the statement from the "
            "bank again as MT940 (SWIFT), or as an Excel or CSV file, and give that file."
        )


def read_statement(
    source: str | RowSource,
    sheet: str | None = None,
    mapping: Mapping[Role, str] | None = None,
    skip: Sequence[str] = (),
    period: tuple[date | None, date | None] = (None, None),
) -> Lines:
    """A bank statement as banks export it, read a column at a time (a million lines from CSV
    or Parquet take seconds). `sheet=None` reads every sheet Excel shows that holds a
    statement (a sheet a month), lines one after another, the sheets in their dates' order,
    but those `skip` names (the ledger's, when one workbook holds both); `sheet="Oct"` just
    that one, hidden or not. `period`: the days the statement should cover where its title
    says none (the ledger's, `xlbo.jobs.reconcile`), which decides whether dates no cell
    decides (`11/02/2026`, every day 12 or less) are day or month first. The frame's `sheet`
    column names each line's sheet; `Lines.sheet` is the first sheet joined."""
    if isinstance(source, str) and is_mt940(Path(source)):  # SWIFT's statement: no sheets
        return read_mt940(Path(source))
    if isinstance(source, str):
        _named_mt940(Path(source))
    book = FileBook(source) if isinstance(source, str) else source
    names = [_sheet_name(book, sheet)] if sheet is not None else book.sheet_names()
    names = [n for n in names if n not in skip] or names
    hidden = set(book.hidden_sheets()) if sheet is None else set()
    read: list[Lines] = []
    unshown: list[Lines] = []  # statements on hidden sheets: not read unless named
    unreadable: list[Issue] = []  # hidden sheets that look like a statement but cannot be read
    headerless: list[str] = []  # shown sheets without a header row: pages of the statement?
    one_sided: list[OneSided] = []  # of those, a header with one known amount column
    for name in names:
        # a sheet without title lines (a workbook's second page) dates a day written without
        # its year by the period an earlier sheet gives
        given = next((part.period for part in read if None not in part.period), period)
        try:
            (unshown if name in hidden else read).append(
                _read_sheet(book, name, mapping or {}, given)
            )
        except NoStatement as problem:
            # a download with no header row at all: its columns named by what they hold, or
            # by letter with --map
            if (
                len(names) == 1
                and not isinstance(problem, OneSided)
                and (lines := _headerless(book, name, mapping or {}, given)) is not None
            ):
                read.append(lines)
                continue
            if len(names) == 1:
                raise
            if name not in hidden:
                headerless.append(name)
                if isinstance(problem, OneSided):
                    one_sided.append(problem)
        except SheetProblem as problem:
            if name not in hidden:
                raise
            unreadable.append(_hidden_unreadable(book.name, name, problem))
    if not read and len(one_sided) == 1 and not unshown:
        raise one_sided[0]
    if not read:
        raise NoStatement(
            f"{book.name}: none of its sheets ({', '.join(names)}) holds a statement: no header "
            f"row with a date and amount columns in the first {HEADER_SEARCH_ROWS:,} rows of any"
            + (
                " that Excel shows ("
                + (
                    f"sheet '{unshown[0].sheet}' holds one, but is hidden"
                    if len(unshown) == 1
                    else f"sheets {', '.join(repr(u.sheet) for u in unshown)} hold one each, but "
                    "are hidden"
                )
                + ": give --sheet with its name to read it)"
                if unshown
                else ""
            )
            + ". Check the file, or name the statement's sheet and its columns, e.g. --sheet "
            f'"{names[-1]}" --map "date=Txn Dt,narration=Details,withdrawal=Debit,deposit=Credit".'
        )
    pages: list[Lines] = []
    for name in headerless if read else []:
        page = _next_page(book, name, read[0], mapping or {})
        if isinstance(page, Lines):
            pages.append(page)
        elif page is not None:
            unreadable.append(page)
    read, yours = _the_banks_sheets(book.name, [*read, *pages], pages)
    if len(read) > 1:
        read = _one_account(book.name, read)
    lines = read[0] if len(read) == 1 else _joined(read)
    lines.issues.extend(_hidden_statement(book.name, part) for part in unshown)
    lines.issues.extend(unreadable)
    lines.issues.extend(yours)
    set_aside = [i for i in lines.issues if i.severity is Severity.ERROR]
    if lines.frame.empty and not set_aside and _no_transactions(lines):
        lines.issues.append(
            Issue(
                severity=Severity.INFO,
                sheet=lines.sheet,
                cell="",
                problem="the statement has no transactions"
                + (
                    f" from {lines.period[0]:%d-%m-%Y} to {lines.period[1]:%d-%m-%Y}"
                    if lines.period[0] is not None and lines.period[1] is not None
                    else ""
                )
                + f": its opening and closing balance are both "
                f"{format_inr(from_paise(lines.closing or 0))}",
                hint="The BRS lists every entry of the books' period as not yet in the bank.",
                file=book.name,
            )
        )
        return lines
    if lines.frame.empty:
        raise SheetProblem(
            f"{book.name}: no statement lines were read from "
            + ", ".join(f"sheet {part.sheet}" for part in read)
            + (
                f"; {len(set_aside)} line(s) could not be read, the first: {set_aside[0].problem}"
                if set_aside
                else ""
            )
            + ". Check that this is the bank's statement export with its transactions, or name "
            "the columns with --map."
        )
    return lines


SIDES_SAID = 0.5
"""The share of its filled cells a Dr/Cr column must say a side in (`_says_sides`)."""


def _says_sides(cells: pd.Series, *, whole: bool = False) -> bool:
    """Whether a column says the side of most of its filled cells' lines (SIDES_SAID), or, with
    `whole`, of every one (a column found by its cells alone, no header naming it, must hold
    nothing else: D and C, Dr and Cr), in a column filled on most rows."""
    filled = cells.notna().to_numpy(dtype=bool) & (text_column(cells) != "").to_numpy(dtype=bool)
    if not filled.any() or (whole and filled.mean() < SIDES_SAID):
        return False
    said = side_marks(cells, alone=True)[filled] != ""
    return bool(said.all() if whole else said.mean() >= SIDES_SAID)


def _balance_says(
    frame: pd.DataFrame, columns: Mapping[Role, str]
) -> tuple[np.ndarray, np.ndarray] | None:
    """Each line's amount (paise, as signed as written) and the side its running balance says
    (`balance_sides`: "" where it says none); None without a balance column."""
    if Role.BALANCE not in columns:
        return None
    amount, _ = paise_column(frame[columns[Role.AMOUNT]])
    balance, _ = paise_column(frame[columns[Role.BALANCE]])
    shown = amount_present(frame[columns[Role.BALANCE]])
    return amount, balance_sides(np.abs(amount), balance, shown)


def _sides_the_balance_says(frame: pd.DataFrame, columns: Mapping[Role, str], name: str) -> bool:
    """Whether column `name`, found by its cells alone, says the sides the running balance
    does, beside an unsigned amount: both sides, and agreeing on nine lines in ten the balance
    decides (a `Status` column of `C`, cleared, says nothing of which way the money went)."""
    said = _balance_says(frame, columns)
    if said is None or (said[0] < 0).any():  # signed: its minus says the side
        return False
    by_balance = said[1]
    marks = side_marks(frame[name], alone=True)
    both = (by_balance != "") & (marks != "")
    if int(both.sum()) < 2 or not {DEBIT_MARK, CREDIT_MARK} <= set(marks[both].tolist()):
        return False
    return bool((by_balance[both] == marks[both]).mean() >= 0.9)


def _signs_the_balance_says(frame: pd.DataFrame, columns: Mapping[Role, str]) -> bool:
    """Whether a signed amount's signs (a minus: money out) are the sides the running balance
    says, on nine lines in ten it decides, where the Dr/Cr column says otherwise on most."""
    said = _balance_says(frame, columns)
    if said is None or not (said[0] < 0).any():
        return False
    amount, by_balance = said
    by_sign = np.where(amount < 0, DEBIT_MARK, CREDIT_MARK)
    marks = side_marks(frame[columns[Role.SIDE]], alone=True)
    decided = (by_balance != "") & (amount != 0)
    if int(decided.sum()) < 2:
        return False
    signs_agree = (by_sign[decided] == by_balance[decided]).mean()
    marks_agree = (marks[decided] == by_balance[decided]).mean()
    return bool(signs_agree >= 0.9 and marks_agree < 0.5)


def _headerless(
    book: RowSource, name: str, mapping: Mapping[Role, str], given: tuple[date | None, date | None]
) -> Lines | None:
    """The statement on sheet `name`, which has no header row, read under the header its
    columns' cells say (`headerless.by_content`: HSBC's `date,description,amount` download) or
    --map names by letter (`headerless.by_letters`), with a note saying how each column was
    read; None where neither names its columns."""
    rows = book.sheet_rows(name)
    width = max((len(row) for row in rows[:LOOKED_AT]), default=0)
    header = by_letters(mapping, width) if mapping else by_content(rows)
    if header is None:
        return None
    try:
        lines = _read_sheet(book, name, {}, given, header=header)
    except SheetProblem:
        return None
    how = "as --map names them" if mapping else "by what they hold"
    lines.issues.insert(
        0,
        Issue(
            severity=Severity.INFO,
            sheet=name,
            cell="A1",
            problem=(
                f"the file has no header row: its columns were read {how}, {described(header)}"
            ),
            hint=(
                "If a column was read as what it is not, add a header row (Date, Narration, "
                'Amount, Balance) or name the columns by letter with --map (e.g. --map "date=A,'
                'narration=B,amount=C").'
            ),
            file=book.name,
        ),
    )
    return lines


def _no_transactions(lines: Lines) -> bool:
    """A statement of a month without a transaction, as banks export one: the header, a
    line such as `No transactions found for the selected period`, and the summary's opening
    balance equal to its closing. That is a statement to reconcile against (every entry of
    the books is then not yet in the bank), not a file that failed to read."""
    return lines.opening is not None and lines.opening == lines.closing


def _next_page(
    book: RowSource, sheet: str, first: Lines, mapping: Mapping[Role, str]
) -> Lines | Issue | None:
    """A shown sheet without a header row, read as the next page of the statement on `first`'s
    sheet, when it is one: a PDF converted to Excel a sheet a page puts the header on the first
    page's sheet only. Its rows are read under that header when they fit it (no cell right of
    its last column, a date in its date column and amounts in its amount columns: some line is
    read). Failing that, an error naming the sheet when it holds rows with a date and an
    amount (money that was not read is never passed over in silence); else None (a notes
    sheet)."""
    header = [""] * (max(map(_column_index, first.letters.values()), default=-1) + 1)
    for name, letter in first.letters.items():
        header[_column_index(letter)] = name
    try:
        page = _read_sheet(book, sheet, mapping, first.period, header=header)
    except SheetProblem:
        page = None
    if page is not None and not page.frame.empty:
        return page
    rows = _dated_money_rows(book.sheet_rows(sheet))
    if not rows:
        return None
    return Issue(
        severity=Severity.ERROR,
        sheet=sheet,
        cell=f"A{rows[0]}",
        problem=f"the sheet has no header row, and its {len(rows):,} row(s) with a date and an "
        f"amount, from row {rows[0]}, do not fit the columns of sheet '{first.sheet}': they were "
        "not read",
        hint=f"If they are lines of this statement, copy the header row of sheet '{first.sheet}' "
        "above them (or move them under its lines) and reconcile again.",
        file=book.name,
    )


def _fields_past_header(table: Table, where: str, frame: pd.DataFrame, lines: np.ndarray) -> None:
    """Refuse a CSV whose lines have more fields than its header: the commas in amounts written
    unquoted (`12,500.00` as two fields, `12` and `500.00`) would shift every figure after
    them. Kotak's one headerless column of the balance's `Dr`/`Cr` after the header is no
    such field."""
    named = [table.letters[str(n)] for n in table.frame.columns if not str(n).startswith(UNNAMED)]
    last = max(map(_column_index, named), default=-1)
    extra = [
        str(n)
        for n in table.frame.columns
        if str(n).startswith(UNNAMED) and _column_index(table.letters[str(n)]) > last
    ]
    if not extra or (len(extra) == 1 and says_sides(frame[extra[0]].iloc[:SAMPLE_ROWS])):
        return
    filled = np.zeros(len(frame), dtype=bool)
    for name in extra:
        filled |= (text_column(frame[name]) != "").to_numpy(dtype=bool)
    past = np.flatnonzero(filled & lines)
    if not len(past):
        return
    row = int(frame["Row"].to_numpy(dtype=np.int64)[past[0]])
    raise SheetProblem(
        f"{where}: row {row} has more fields than the header row ({last + 1}), as do "
        f"{len(past):,} line(s) in all: a comma inside a cell (an amount's, 1,50,000.00, or a "
        "narration's) is not quoted, so its figures cannot be told apart from the columns. "
        "Download the statement again as Excel, or as a CSV with such cells in quotes "
        '("1,50,000.00"), and reconcile again.'
    )


def _date_rests(cells: pd.Series) -> np.ndarray:
    """Which cells of a date column could be a date's rest wrapped under it (a year, a month's
    name: `dates.rest_of_date`), each distinct cell asked once."""
    if not len(cells) or not (
        pd.api.types.is_object_dtype(cells.dtype) or pd.api.types.is_string_dtype(cells.dtype)
    ):
        return np.zeros(len(cells), dtype=bool)
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    could = [
        at
        for at, value in enumerate(distinct)
        if rest_of_date("1 Jan", value) or rest_of_date("1", value)
    ]
    return np.isin(codes, could) if could else np.zeros(len(cells), dtype=bool)


def _date_rest_joined(cells: pd.Series, rests: np.ndarray) -> pd.Series | None:
    """`cells` (a date column) with each date a PDF converted to Excel wrapped over rows joined
    on its first row (`2 Nov` over `2026`, or `2` over `Nov` over `2026`: `dates.rest_of_date`),
    the `rests` under it left blank, so that they are the narration they hold wrapped under the
    line; None where no date is so wrapped."""
    values = cells.to_numpy(dtype=object).copy()
    joined_into = np.arange(len(values))  # the row each row's date was joined on
    changed = False
    for position in np.flatnonzero(rests).tolist():
        if position == 0:
            continue
        above = int(joined_into[position - 1])
        if (whole := rest_of_date(values[above], values[position])) is None:
            continue
        values[above], values[position] = whole, None
        joined_into[position] = above
        changed = True
    return pd.Series(values, index=cells.index, dtype=object) if changed else None


def _dated_by_merges(
    book: RowSource, sheet: str, rows: np.ndarray, column: int, dates: list[date | None]
) -> None:
    """Dates each row under a date cell merged down over it with that cell's date (a day's
    lines under its date written once: a web page's `rowspan`, a sheet's merged cells), where
    the row has none of its own. Before, the lines below the first were refused as amounts
    without a date."""
    merges = getattr(book, "merged_ranges", None)
    spans = [
        (top + 1, bottom + 1)  # Excel's row numbers
        for (top, left), (bottom, right) in (merges(sheet) if merges is not None else [])
        if bottom > top and left <= column <= right
    ]
    if not spans:
        return
    position = {int(row): at for at, row in enumerate(rows.tolist())}
    for top, bottom in spans:
        first = position.get(top)
        if first is None or dates[first] is None:  # a header's cell, or no date in it
            continue
        for row in range(top + 1, bottom + 1):
            at = position.get(row)
            if at is not None and dates[at] is None:
                dates[at] = dates[first]


def _column_index(letter: str) -> int:
    """`A` → 0, `AB` → 27."""
    index = 0
    for char in letter:
        index = index * 26 + ord(char) - 64
    return index - 1


def _continued_table(book: RowSource, sheet: str, header: Sequence[str]) -> Table:
    """A sheet without a header row read under `header` (another sheet's), its rows keeping
    their own Excel row numbers. NoStatement when a row has a cell right of the header's last
    column: the sheet is no page of that table."""
    rows = book.sheet_rows(sheet)
    width = len(header)
    if any(any(c not in ("", None) for c in row[width:]) for row in rows):
        raise NoStatement(f"{book.name}, sheet {sheet}: wider than the statement's header")
    table = build_table(book.name, sheet, [list(header), *rows], 0)
    frame = table.frame.set_axis(
        pd.Index(table.frame.index.to_numpy() - 1, name="Row"), axis="index"
    )
    return replace(table, frame=frame, header_row=0)


def _dated_money_rows(rows: list[list[Any]]) -> list[int]:
    """The Excel rows (from 1) of `rows` that hold a date in one cell and an amount in
    another."""
    width = max(map(len, rows), default=0)
    if not width:
        return []
    cells = pd.DataFrame([[*row, *[""] * (width - len(row))] for row in rows], dtype=object)
    amounts = np.zeros((len(cells), width), dtype=bool)
    dates = np.zeros((len(cells), width), dtype=bool)
    for at in range(width):
        column = cells[at].where(cells[at] != "", None)
        dates[:, at] = has_date(date_column(column)[0])
        _, bad = paise_column(column)
        amounts[:, at] = amount_present(column) & ~dates[:, at]
        amounts[list(bad), at] = False
    dated = dates.any(axis=1)
    money = amounts.any(axis=1)
    return [int(n) + 1 for n in np.flatnonzero(dated & money)]


_COUNTERPARTY = re.compile(
    r"(?:remitter|beneficiary|counter ?party|payer|payee|sender|receiver|party)"
    r"(?: ?(?:/|or|&) ?(?:remitter|beneficiary|payer|payee|sender|receiver))?(?: name)?"
)
"""A column of the other party's name beside the narration (`Remitter / Beneficiary`,
`Beneficiary Name`, `Counterparty`, `Payee/Payer`), as Standard Chartered and corporate
portals export it."""


def _with_counterparty(
    narration: pd.Series, frame: pd.DataFrame, columns: Mapping[Role, Any]
) -> pd.Series:
    """The narration with the other party's name from its own column after it (`NEFT CR` and
    `ARUL TEXTILES` are `NEFT CR ARUL TEXTILES`): left unread, two receipts of 50,000.00 from
    two customers could not be told apart."""
    taken = {str(name) for name in columns.values()}
    named = [
        name
        for name in frame.columns
        if str(name) not in taken and _COUNTERPARTY.fullmatch(header_key(str(name)))
    ]
    if not named:
        return narration
    party = text_column(frame[named[0]])
    return (narration + " " + party).str.strip()


def _the_banks_sheets(
    file: str, read: list[Lines], pages: Sequence[Lines] = ()
) -> tuple[list[Lines], list[Issue]]:
    """Of the sheets read, those that are the bank's. Where a sheet's lines carry the bank's
    running balance and narrations, a sheet of the user's own beside it, within its days (or
    its period), is left out and a note says so — joined, it read each line twice and the BRS
    was nonsense:
    - a sheet under a header of its own, other than that sheet's, that gives no balance or no
      narration: the day's totals (`Date | Withdrawals | Deposits`), cheques pending, a cheque
      register;
    - a sheet without a header (`pages`, read under that sheet's header) whose lines give no
      balance and no narration of words: an account summary's one row of figures.
    A page of the statement is kept, balance or not (a bank that prints the balance on each
    day's last line only leaves a busy day's page without one), and so are sheets a month each,
    and a statement with no balance on any sheet."""
    banks = [part for part in read if _balance_given(part) and _narrated(part)]
    if not banks or len(banks) == len(read):
        return read, []
    days = [d for part in banks for d in (*part.period, *part.frame["date"].dropna()) if d]
    first, last = min(days), max(days)
    columns = set(banks[0].letters)
    kept, notes = [], []
    for part in read:
        dates = part.frame["date"].dropna()
        within = dates.empty or bool(((dates >= first) & (dates <= last)).any())
        page = any(part is p for p in pages)
        own = (
            not _balance_given(part) and not _narrated(part, words=True)
            if page
            else set(part.letters) != columns and not (_balance_given(part) and _narrated(part))
        )
        if not within or not own:
            kept.append(part)
            continue
        notes.append(
            Issue(
                severity=Severity.INFO,
                sheet=part.sheet,
                cell="A1",
                problem=f"sheet '{part.sheet}' "
                + (f"({_span(part)}, {len(part.frame):,} line(s)) " if len(part.frame) else "")
                + f"gives no {'narration' if _balance_given(part) else 'balance'}"
                + (" and falls within the days of" if len(part.frame) else ", unlike")
                + f" sheet '{banks[0].sheet}', whose lines carry the bank's narrations and "
                "balance: it was not read as lines of the statement (a sheet of your own beside "
                "it?)",
                hint=f'To reconcile that sheet instead, give --sheet "{part.sheet}".',
                file=file,
            )
        )
    return kept, notes


def _balance_given(part: Lines) -> bool:
    """Whether a sheet's lines carry a running balance."""
    return bool(len(part.frame) and part.frame["balance"].notna().any())


def _narrated(part: Lines, words: bool = False) -> bool:
    """Whether a sheet's lines carry narrations (with `words`, of letters: not an account
    summary's figures read under the narration's column)."""
    text = part.frame["narration"].astype(str).str.strip()
    return bool(
        len(part.frame) and (text.str.contains("[A-Za-z]{2}") if words else text.ne("")).any()
    )


def _one_account(file: str, read: list[Lines]) -> list[Lines]:
    """The sheets in the order their dates run (the workbook's order where they tie: a
    workbook may keep November's sheet before October's), to be joined so. Refuse to join sheets that are no one statement: their headings name different accounts,
    or, taken in date order, a sheet covering the same days as the sheet before has a balance
    that does not run on from it (the current account's statement beside the overdraft's). One
    account's months on their own sheets follow each other; where a month's balance does not run
    on from the last, a line is missing, and the joined statement's balance chain says where.
    Sheets without balances cannot be checked so, and are joined."""
    numbers = [n for n in (account_mask(part.account) for part in read) if n]
    # a number masked on one sheet (XXXXXX5678, 5010XXXXXX8901) is the number written whole on
    # another; two that differ in a digit both show are two accounts
    differ = any(not same_account(a, b) for a, b in itertools.combinations(numbers, 2))
    parts = sorted(read, key=lambda part: _first_day(part) or date.max)
    ends = [_ends(part) for part in parts]
    pairs = list(itertools.pairwise(ends))
    # a balance that does not run on between two sheets of one period is another account; between
    # months in turn it is a line missing, which the balance chain reports as a break
    broken = any(
        before[1] is not None and after[0] is not None and before[1] != after[0] and overlap
        for (before, after), overlap in zip(pairs, _overlaps(parts), strict=True)
    )
    # numbers read as different from the headings (a customer ID taken for one) are one account
    # still where every sheet's balance runs on from the last's
    runs_on = all(before[1] is not None and before[1] == after[0] for before, after in pairs)
    if not broken and not differ:
        return parts
    if not broken and runs_on:
        parts[-1].issues.append(_numbers_differ(file, parts))
        return parts
    described = "; ".join(
        f"sheet '{part.sheet}'"
        + (f" (account {part.account})" if part.account else "")
        + f" {_span(part)}, opening {_balance_text(opening)}, closing {_balance_text(closing)}"
        for part, (opening, closing) in zip(parts, ends, strict=True)
    )
    why = (
        "their headings name different accounts"
        if differ
        else "they cover the same days, and one sheet's balance does not run on from the other's"
    )
    raise SheetProblem(
        f"{file} holds statements on {len(parts)} sheets that are not one statement ({why}): "
        f"{described}. Give --sheet with the name of the one to reconcile (and reconcile each "
        "account against its own ledger)."
    )


def _numbers_differ(file: str, parts: list[Lines]) -> Issue:
    """The warning for sheets joined although their headings' account numbers differ: every
    sheet's balance runs on from the last's, which another account's would not."""
    named = ", ".join(f"sheet '{part.sheet}' {part.account}" for part in parts if part.account)
    return Issue(
        severity=Severity.WARNING,
        sheet=parts[-1].sheet,
        cell="",
        problem=f"the sheets' headings give different account numbers ({named}), but each "
        "sheet's balance runs on from the last's: they were read as one account's statement",
        hint="If they are two accounts, give --sheet with the name of the one to reconcile.",
        file=file,
    )


def _overlaps(parts: list[Lines]) -> list[bool]:
    """For each two sheets in turn (in date order), whether the later one's lines begin before
    the earlier one's end: they cover one period, not a month and the next."""
    ends = [part.frame["date"].dropna() for part in parts]
    return [bool(len(a) and len(b) and b.min() < a.max()) for a, b in itertools.pairwise(ends)]


def _first_day(part: Lines) -> date | None:
    dates = part.frame["date"].dropna()
    return dates.min() if len(dates) else None


def _span(part: Lines) -> str:
    dates = part.frame["date"].dropna()
    return f"{dates.min():%d-%m-%Y} to {dates.max():%d-%m-%Y}" if len(dates) else "(no dates)"


def _ends(part: Lines) -> tuple[int | None, int | None]:
    """A sheet's opening and closing balances in paise: from its lines' running balance, else
    as it states them (a sheet that repeats the month's summary states the month's)."""
    opening, closing = opening_and_closing(part.frame)
    return (
        opening if opening is not None else part.opening,
        closing if closing is not None else part.closing,
    )


def _balance_text(paise: int | None) -> str:
    return "not given" if paise is None else format_inr(from_paise(paise))


def _hidden_statement(file: str, part: Lines) -> Issue:
    """The warning for statement lines on a hidden sheet, left unread: a sheet the user cannot
    see is no part of what they mean to reconcile (last month's, another account's), unless
    they name it."""
    span = f", {_span(part)}" if part.frame["date"].notna().any() else ""
    return Issue(
        severity=Severity.WARNING,
        sheet=part.sheet,
        cell="",
        problem=f"the sheet is hidden and holds {len(part.frame):,} statement line(s){span}: "
        "they were not read",
        hint=f'If they belong to this statement, unhide the sheet, or give --sheet "{part.sheet}" '
        "to reconcile that sheet alone.",
        file=file,
    )


def _hidden_unreadable(file: str, sheet: str, problem: SheetProblem) -> Issue:
    """The warning for a hidden sheet that could not be read as a statement: a sheet the user
    does not see stops no run; what was wrong with it is said, in case they meant it."""
    return Issue(
        severity=Severity.WARNING,
        sheet=sheet,
        cell="",
        problem=f"the sheet is hidden and was not read; read as a statement, it gives: {problem}",
        hint=f'If it belongs to this statement, unhide it and correct it, or give --sheet "{sheet}" '
        "to reconcile that sheet alone.",
        file=file,
    )


def _joined(read: list[Lines]) -> Lines:
    """Statements of several sheets as one: lines in the order of `read` (their dates' order),
    the first sheet's opening and the last one's closing, the first title facts found."""
    starts = [lines.period[0] for lines in read if lines.period[0] is not None]
    ends = [lines.period[1] for lines in read if lines.period[1] is not None]
    frame = pd.concat([lines.frame for lines in read], ignore_index=True)
    return Lines(
        frame,
        read[0].source,
        read[0].sheet,
        dict(read[0].letters),
        [issue for lines in read for issue in lines.issues],
        opening=read[0].opening,
        closing=read[-1].closing,
        company=next((lines.company for lines in read if lines.company), ""),
        account=next((lines.account for lines in read if lines.account), ""),
        period=(min(starts) if starts else None, max(ends) if ends else None),
        bank=next((lines.bank for lines in read if lines.bank), ""),
        currency=next((lines.currency for lines in read if lines.currency), ""),
        accounts_below=[number for lines in read for number in lines.accounts_below],
        findings=[found for lines in read for found in lines.findings],
    )


@dataclass
class _Money:
    """A sheet's money columns read: what went out and in (paise, reversals turned round), the
    amounts as the columns write them (for the summary's totals), and the cells that failed."""

    debit: np.ndarray
    credit: np.ndarray
    written_debit: np.ndarray
    written_credit: np.ndarray
    problems: dict[int, tuple[Role, str]]
    currency: str = ""
    """The account's currency where the statement names one (its figures said in it)."""


def _read_sheet(
    book: RowSource,
    name: str,
    mapping: Mapping[Role, str],
    given: tuple[date | None, date | None] = (None, None),
    *,
    header: Sequence[str] | None = None,
    rest: list[tuple[int, Issue]] | None = None,
) -> Lines:
    """One sheet's statement; with `header`, a sheet without a header row read under another
    sheet's (`_next_page`). With `rest`, the statement above a summary alone, and where lines
    follow it, their start and the warning that they were not read put in `rest` (for
    `_with_statement_below`, which reads the sheet's statements in turn)."""
    where = f"{book.name}, sheet {name}"
    head: list[list[Any]] = []
    two_rows: list[list[str]] = []

    def find(rows: Sequence[Sequence[Any]]) -> int:
        index = _find_header(rows, mapping, where, two_rows)
        head[:] = [list(row) for row in rows[: max(HEADER_SCAN_ROWS, index + 1)]]
        return index

    table = (
        sheet_table(book, name, find) if header is None else _continued_table(book, name, header)
    )
    if two_rows:  # a header over two rows: the columns are named by both
        table = renamed(table, two_rows[0], _known)
        if 0 <= table.header_row - 2 < len(head):
            head[table.header_row - 2] = []  # its upper row is no title line
    if header is None:
        table = rupees_and_paise(table)  # `Rs.` | `Ps.`: one amount
    columns = _columns(table.frame, mapping)
    if {Role.WITHDRAWAL, Role.DEPOSIT} <= set(columns) and Role.AMOUNT not in mapping:
        # Ujjivan's `…, Withdrawal, Deposit, Balance, Amount`: the two columns say which way
        # the money went; an amount column beside them says nothing more
        columns.pop(Role.AMOUNT, None)
    if (
        Role.SIDE in columns
        and Role.SIDE not in mapping
        and not ({Role.WITHDRAWAL, Role.DEPOSIT} <= set(columns) or Role.AMOUNT in columns)
        and _amounts_only(table.frame[columns[Role.SIDE]])
    ):
        # `Debit/Credit` or `Dr/Cr` over signed figures (`-500.00`, `+25,000.00`): the column
        # is the amount, its sign the side
        columns[Role.AMOUNT] = columns.pop(Role.SIDE)
    if (
        Role.SIDE in columns
        and Role.SIDE not in mapping
        and Role.AMOUNT in columns
        and _signs_the_balance_says(table.frame, columns)
    ):
        # a signed amount whose signs the running balance bears out, beside a `Type` column
        # that says otherwise (all `C`): the signs say the sides
        columns.pop(Role.SIDE)
    if Role.AMOUNT in columns and Role.SIDE not in mapping:
        # a `Type` column of codes (Finacle's TRAN_TYPE: T, L, C) says no side; the column of
        # D and C beside it (PART_TRAN_TYPE, under a header no list knows) does
        said = columns.get(Role.SIDE)
        if said is None or not _says_sides(table.frame[said]):
            sides = next(
                (
                    name
                    for name in table.frame.columns
                    if name not in columns.values()
                    and _says_sides(table.frame[name], whole=True)
                    and _sides_the_balance_says(table.frame, columns, name)
                ),
                None,
            )
            if sides is not None:
                columns[Role.SIDE] = sides
    by_value_date = Role.DATE not in columns and Role.VALUE_DATE in columns
    if by_value_date:
        # ICICI's corporate export dates its lines by `Value Date` and a `Txn Posted Date`
        # with the time: the value date is the line's date (and the Issues sheet says so: a
        # posting date under a header no list knows, `Post Dt`, would be passed over)
        columns[Role.DATE] = columns[Role.VALUE_DATE]
    if Role.DATE not in columns or not (
        {Role.WITHDRAWAL, Role.DEPOSIT} <= set(columns) or Role.AMOUNT in columns
    ):
        raise NoStatement(
            f"{where}: found no date column or no amount columns under row "
            f"{table.header_row}; name them with --map."
        )
    frame = table.frame.reset_index()
    balance_side = _balance_side(table.frame, columns, mapping)
    _unbracket_sides(frame, columns)
    rows = frame["Row"].to_numpy(dtype=np.int64)
    count = len(frame)

    def column(role: Role) -> pd.Series:
        if role in columns:
            return frame[columns[role]]
        return pd.Series([None] * count, dtype=object)

    def letter(role: Role) -> str:
        return table.letters.get(columns.get(role, ""), "A")

    titles = read_titles(head[: max(table.header_row - 1, 0)])
    # the period that dates a day written alone (`7`) or without its year (`25 Oct`): the
    # title's, else the month the sheet's name gives (`Nov-26`), else an earlier sheet's
    period = titles.period if None not in titles.period else month_in(table.sheet) or given
    # SBI's `2 Nov` over `2026`, from a PDF: a rest beside narration, or in both date columns
    # (a `November` or `2027` heading alone is none)
    rests = {
        r: _date_rests(frame[columns[r]]) for r in (Role.DATE, Role.VALUE_DATE) if r in columns
    }
    if any(rest.any() for rest in rests.values()):
        none = np.zeros(count, dtype=bool)
        beside = amount_present(column(Role.NARRATION)) | (
            rests.get(Role.DATE, none) & rests.get(Role.VALUE_DATE, none)
        )
        # and no money of its own: a row with an amount is a line, its `24` a day written
        # alone (a book kept by hand: `3 Oct`, then `24`), never the year of the date above
        for role in (Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT):
            if role in columns:
                beside &= ~amount_present(column(role))
        for date_role, wrapped in rests.items():
            joined = _date_rest_joined(frame[columns[date_role]], wrapped & beside)
            if joined is not None:
                frame[columns[date_role]] = joined
    dates, _ = date_column(column(Role.DATE), serials_alone=True, period=period, working_years=True)
    swapped, swap_proved_by_texts = swapped_by_excel(column(Role.DATE), dates, period)
    _dated_by_merges(book, table.sheet, rows, _column_index(letter(Role.DATE)), dates)
    ditto_dates(dates, column(Role.DATE), rows)  # `"` or `do`: the date of the row above
    narration = _with_counterparty(text_column(column(Role.NARRATION)), frame, columns)
    # B/F, C/F, Opening Balance and Total rows are layout even when the bank dates them: their
    # figures are balances and page totals, not money that moved
    # (a page's `Total` may be written in the date column)
    layout = contains(narration, LAYOUT_NARRATION) | contains(
        text_column(column(Role.DATE)), LAYOUT_NARRATION
    )
    dated = has_date(dates) & ~layout
    marks, mark_problems = _decimal_marks({r: column(r) for r in MONEY if r in columns})
    balance_cells = column(Role.BALANCE)
    balance, bad_balance = paise_column(balance_cells, marks.get(Role.BALANCE, "."))
    bad_balance.update(mark_problems.get("balance", {}))
    # A balance marked Dr is overdrawn; one marked Cr is money in the account (not negative,
    # as a Cr amount is in a ledger). The mark is after the figure or in the balance's own
    # Dr/Cr column.
    marked = side_marks(balance_cells)
    if balance_side:
        marked = np.where(marked != "", marked, side_marks(frame[balance_side], alone=True))
    balance = np.where(
        marked == DEBIT_MARK,
        -np.abs(balance),
        np.where(marked == CREDIT_MARK, np.abs(balance), balance),
    )
    has_balance = amount_present(balance_cells)
    has_balance &= ~np.isin(np.arange(count), list(bad_balance))
    money = _money(column, columns, marks, (balance, has_balance))
    problems = {**mark_problems.get("lines", {}), **money.problems}
    money.currency = titles.currency or _headed_currency(columns)
    debit, credit = money.debit, money.credit
    moves = (debit != 0) | (credit != 0)
    # a line wrapped over two rows with its amounts on the second (a PDF converted to Excel
    # aligns its cells to the bottom): one line, where the balance confirms it
    blank_date = ~amount_present(column(Role.DATE))
    written = np.zeros(count, dtype=bool)  # an amount written, read or not
    for role in (Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT):
        if role in columns:
            written |= amount_present(column(role))
    below, unconfirmed = _amounts_below(
        dated,
        ~written,
        moves & ~layout & blank_date,
        has_balance,
        balance,
        credit - debit,
        (narration != "").to_numpy(dtype=bool),
    )
    if below:
        text = narration.to_numpy(dtype=object).copy()
        for line, above in below.items():
            dates[line] = dates[above]
            # the narration of every row from the date's down to the amounts' (ICICI's payee,
            # its remarks, then the amounts), the rows between no line's to wrap onto
            text[line] = " ".join(str(t) for t in text[above : line + 1] if t)
            text[above + 1 : line] = ""
        for on_date_row in (Role.REFERENCE, Role.VALUE_DATE):  # written on the date's row
            if on_date_row in columns:
                cells_of = frame[columns[on_date_row]].to_numpy(dtype=object, copy=True)
                for line, above in below.items():
                    if is_blank(cells_of[line]):
                        cells_of[line] = cells_of[above]
                frame[columns[on_date_row]] = cells_of
        narration = strings(pd.Series(text, index=narration.index, dtype=object))
        dated[list(below)] = True

    # a line whose amounts are on the row above its date and balance (South Indian Bank's PDF
    # as a converter lays out its text): one line, where the balance confirms it
    over = _amounts_above(
        dated,
        ~written,
        moves & ~layout & blank_date & ~has_balance,
        has_balance,
        balance,
        credit - debit,
    )
    if over:
        amounts_at, lines_to = list(over), list(over.values())
        moving = {id(a): a for a in (debit, credit, money.written_debit, money.written_credit)}
        for values in moving.values():
            values[lines_to] = values[amounts_at]
            values[amounts_at] = 0
        moves = (debit != 0) | (credit != 0)
        # the narration begun on the amounts' row runs on on the date's (`CHQ PAID-000451-`
        # over `KAVERI SUPPLIERS`)
        text = narration.to_numpy(dtype=object).copy()
        for amount, line in over.items():
            text[line] = " ".join(str(t) for t in (text[amount], text[line]) if t)
            text[amount] = ""
        narration = strings(pd.Series(text, index=narration.index, dtype=object))

    # a day's date written once, on its first line: the day's other lines under it, undated,
    # are that day's where the running balance confirms them
    once = _dated_once_a_day(
        dated & moves,
        moves & ~layout & blank_date & (narration != "").to_numpy(dtype=bool) & ~dated,
        has_balance,
        balance,
        credit - debit,
    )
    for line, above in once.items():
        dates[line] = dates[above]
        dated[line] = True

    # Title lines above the header; summary rows above the first line and from the block that
    # ends the lines.
    lines_at = np.flatnonzero(dated & moves)
    moved = credit.astype(np.int64) - debit.astype(np.int64)

    def runs_on(block: int, line: int) -> bool:
        """Whether the line below a block at `block` is the next of the lines above it: its
        balance runs on from the last one's (either way, for a statement newest first), or,
        without balances to tell, it is dated within a month of it."""
        before = lines_at[: np.searchsorted(lines_at, block)]
        if not len(before):
            return False
        last = int(before[-1])
        if has_balance[last] and has_balance[line]:
            onward = bool(balance[line] == balance[last] + moved[line])
            back = bool(balance[last] == balance[line] + moved[last])
            if len(before) > 1 and has_balance[before[-2]]:  # the way the lines above run
                earlier = int(before[-2])
                forward = balance[last] == balance[earlier] + moved[last]
                backward = balance[earlier] == balance[last] + moved[earlier]
                if forward != backward:  # (the same month again would run on the other way)
                    return onward if forward else back
            return onward or back
        days = day_numbers(pd.Series([dates[last], dates[line]], dtype=object))
        return abs(int(days[1] - days[0])) <= PAGE_DAYS

    cells = frame.drop(columns="Row")
    stops, ran_past = _lines_end(cells, dated, lines_at, runs_on)
    end = min(
        stops,
        _next_account(cells, dated, frame[columns[Role.DATE]], columns[Role.DATE], titles.account),
    )
    if _figures_over(cells, rows, dated, end):
        end -= 1  # a summary's figures printed over its labels (Airtel): the block's own
        stops = min(stops, end)
    heading = _heading_above(cells, end, lines_at)
    if heading is None and end == count:  # no block ends the lines: a month's titles may
        heading = _month_apart(cells, dated, lines_at, frame, columns, runs_on, titles)
    if heading is not None:  # the next statement's title rows over its summary (Kotak), or
        end = heading  # over its header alone: its own, with the lines under it, never this
        # one's end
    summary = _summary(cells, rows, dated, (end, stops), columns, head, table)
    blocks = _blocks_run_past(cells, rows, [p for p in ran_past if p < end], lines_at, columns)
    # HDFC's opening balance under Date, and the figures of every block the lines run past
    figures = np.isin(rows, list(summary.used.union(*(found.used for _, found in blocks))))
    statements = [(position, found) for position, found in blocks if _states_a_statement(found)]
    statements = _months_titled(
        statements,
        blocks,
        cells,
        lines_at,
        _headers_again(cells, dated, frame[columns[Role.DATE]], columns[Role.DATE], end),
        titles,
    )
    if statements:  # October's statement and November's: the period runs to the last one's end
        titles = _run_on_to(titles, cells, statements[-1][0], lines_at)
    before_end = np.arange(count) < end
    if getattr(book, "kind", "") == "text":
        _fields_past_header(table, where, frame, dated & before_end)

    # a line whose date and amount are both unreadable (`31/09/2026`, `12,5O0.00`) is reported
    # by both, never passed over as no line (`tried_both`: not a page's title or footer)
    both_bad = np.zeros(count, dtype=bool)
    both_bad[list(problems)] = True
    both_bad &= ~dated & before_end & ~layout & ~figures
    for position in np.flatnonzero(both_bad).tolist():
        role = problems[position][0]
        both_bad[position] = tried_both(column(Role.DATE).iat[position], column(role).iat[position])
    undated = _undated(
        dates, column(Role.DATE), (moves | both_bad) & before_end & ~layout & ~figures, rows
    )
    issues: list[Issue] = []
    if by_value_date:
        issues.append(
            Issue(
                severity=Severity.INFO,
                sheet=table.sheet,
                cell=f"{letter(Role.VALUE_DATE)}{table.header_row}",
                value=str(columns[Role.VALUE_DATE]),
                problem="no posting-date column was found: the lines are dated by their value "
                "date, and a line posted on the last day but valued the next is left out of "
                "this month",
                hint="If another column holds the date each line was posted, name it with "
                '--map "date=<its header>" and reconcile again.',
            )
        )
    for position, (role, problem) in sorted(problems.items()):
        if (dated[position] or both_bad[position]) and before_end[position]:  # not a title,
            # rule, summary or footer row
            issues += _issues_for(
                {position: problem},
                rows,
                book.name,
                table.sheet,
                letter(role),
                cells=column(role),
            )
    issues += _issues_for(
        {p: m for p, m in bad_balance.items() if dated[p] and moves[p] and before_end[p]},
        rows,
        book.name,
        table.sheet,
        letter(Role.BALANCE),
        cells=column(Role.BALANCE),
        severity=Severity.WARNING,
        hint="The line is matched; its balance is not checked until the cell is fixed.",
    )
    if Role.NARRATION not in columns and header is None and (dated & moves).any():
        # (said once, on the sheet with the header: a page read under it says nothing more)
        # the payers' names are in the narration: without it lines pair on amounts and dates
        # alone, a cheque by its number only where a reference column holds it
        headers = [str(c) for c in table.frame.columns if str(c) not in columns.values()]
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet=table.sheet,
                cell=f"{min(table.letters.values(), key=_column_index, default='A')}"
                f"{table.header_row}",
                problem="no narration column was found in the header row"
                + (f" (other headers: {', '.join(headers[:6])})" if headers else "")
                + ": the lines are matched on amounts, dates and references alone, without the "
                "payers' names",
                hint="Name the column that describes each line with --map, e.g. --map "
                '"narration=Transaction Details", and reconcile again.',
                file=book.name,
            )
        )
    issues += _issues_for(
        undated, rows, book.name, table.sheet, letter(Role.DATE), cells=column(Role.DATE)
    )
    issues += _issues_for(
        _loose_money(
            cells, dated, moves & blank_date & ~layout & before_end & ~figures, unconfirmed, dates
        ),
        rows,
        book.name,
        table.sheet,
        letter(Role.DATE),
        cells=column(Role.DATE),
        hint="Write the line's date on its row (or join it to the dated row above it) and "
        "reconcile again; the amount was left out.",
    )
    issues += _issues_for(
        {
            line: f"no date of its own: read as of {dates[line]:%d-%m-%Y}, the date of the line "
            "above (a day's date written on its first line only), as the running balance "
            "confirms"
            for line in once
            if before_end[line]
        },
        rows,
        book.name,
        table.sheet,
        letter(Role.DATE),
        cells=column(Role.DATE),
        severity=Severity.INFO,
        hint="If the line is of another day, write its date on its row and reconcile again.",
    )
    after = np.flatnonzero(dated & moves & ~before_end & ~figures)
    month_below: tuple[int, Issue] | None = None
    others = _accounts_below(cells, dated, end, after, titles.account)
    if others:
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet=table.sheet,
                cell=f"{letter(Role.DATE)}{int(rows[after[0]])}",
                problem="the sheet holds "
                + (
                    "another account's statement"
                    if len(others) == 1
                    else "other accounts' statements"
                )
                + " below this one's: "
                + "; ".join(
                    f"A/c {number}, {lines:,} line(s) from row {int(rows[first])}"
                    for number, first, lines in others
                )
                + f"; {'it was' if len(others) == 1 else 'they were'} not read, and this BRS is of "
                + (f"A/c {titles.account}" if titles.account else "the first statement")
                + " alone",
                hint="To reconcile that account, copy its rows to a sheet of their own (or "
                "download its statement alone), give --sheet with that sheet's name, and its "
                "own ledger.",
                file=book.name,
            )
        )
    elif len(after):
        unread = Issue(
            severity=Severity.WARNING,
            sheet=table.sheet,
            cell=f"{letter(Role.DATE)}{int(rows[after[0]])}",
            problem=f"{len(after)} row(s) with a date and an amount, from row "
            f"{int(rows[after[0]])}, come after the statement's summary or totals at row "
            f"{int(rows[end])} and were not read as lines",
            hint="If they are another statement of this account (a month downloaded apart), "
            "save each statement on a sheet of its own: the sheets are read in their dates' "
            "order. If they are this statement's own lines, remove the summary or total rows "
            "above them. Then reconcile again.",
            file=book.name,
        )
        issues.append(unread)
        # (perhaps the same account's month before, pasted below: `_with_statement_below`)
        start_below = end if heading is not None else _block_end(cells, end, int(after[0]))
        month_below = (int(rows[start_below]), unread)
    failed = np.isin(np.arange(count), list(problems))
    keep = dated & ~failed & moves & before_end
    # an amount a script wrote as a formula, saved without its value, reads as none: its line
    # would be no line, without a word
    amounts = [letter(r) for r in (Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT) if r in columns]
    blank = rows[dated & ~layout & ~moves & ~failed & before_end]
    if formulas := uncalculated(book, table.sheet, amounts, blank):
        raise not_calculated(book.name, table.sheet, formulas)
    wrapped = ~dated & ~layout & ~moves & ~has_balance & before_end & (narration != "").to_numpy()
    owner = None
    if wrapped.any():  # rows of narration alone, not a failed date nor a footer
        wrapped &= ~amount_present(column(Role.DATE)) & ~contains(narration, NOT_NARRATION)
        owner = _owners(narration, keep, wrapped, frame.drop(columns="Row"))
        narration = _unwrapped(narration, owner)
    set_aside = sum(issue.severity is Severity.ERROR for issue in issues)
    # each block run past checks its own lines, or every line above it (a PDF's page footer
    # of the month's running totals); the summary at the end its own or the whole statement's
    footer, start, own = [], 0, []

    def row_of(at: int) -> int:
        """The Excel row of line `at`, or the row under the last (a statement of no lines)."""
        return int(rows[at]) if at < len(rows) else table.header_row + 1

    # each month's summary above its lines (Kotak: its title rows, then its opening, debits,
    # credits and closing, then the header), the first one's above the header: each checks the
    # lines under it
    on_top = (
        bool(statements)
        and summary.rows.get("opening", table.header_row) < table.header_row
        and all(_titled_above(cells, position, lines_at) for position, _ in statements)
    )
    if on_top:
        summaries = [summary, *(stated for _, stated in statements)]
        starts = [0, *(position for position, _ in statements)]
        for place, stated in enumerate(summaries):
            stop = starts[place + 1] if place + 1 < len(starts) else count
            found, by_itself = _checked(
                stated, money, keep, (starts[place], stop), set_aside, row_of(starts[place])
            )
            footer += found
            own.append(by_itself)
    else:
        for position, stated in statements:
            found, by_itself = _checked(
                stated, money, keep, (start, position), set_aside, row_of(start)
            )
            footer += found
            own.append(by_itself)
            start = position
        last = max([start, *(position for position, _ in blocks)])  # a page's totals too
        found, by_itself = _checked(
            summary, money, keep, (last, count), set_aside, row_of(last), whole_first=True
        )
        footer += found
        own.append(by_itself)
    titled = on_top or all(_titled_below(cells, position, lines_at) for position, _ in statements)
    if statements and all(own) and titled:  # one account's months, one under another
        at = [int(rows[position]) for position, stated in statements if stated.used]
        at += [int(rows[end])] if end < count else []
        issues.append(_statements_run_on(book.name, table.sheet, at, len(statements) + 1, titles))

    reference = reference_texts(column(Role.REFERENCE))
    if owner is not None and Role.REFERENCE in columns:
        reference = _unwrapped(reference, owner, joiner="")
    value_dates = (
        date_column(column(Role.VALUE_DATE), serials_alone=True, period=period)[0]
        if Role.VALUE_DATE in columns
        else dates
    )
    lines = pd.DataFrame(
        {
            "row": rows,
            "date": pd.Series(dates, dtype=object),
            "value_date": _or(value_dates, dates),
            "narration": narration.array,
            "reference": reference.array,
            "debit": debit.astype(np.int64),
            "credit": credit.astype(np.int64),
            "balance": pd.array(np.where(has_balance, balance, 0), dtype="Int64"),
        }
    )
    lines.loc[~has_balance, "balance"] = pd.NA
    # the closing balance is the last balance written on a line, even one whose amount could
    # not be read (it is reported and left out, but the bank's balance still stands)
    # (and one whose date could not be read: the BRS then shows the line missing, not a
    # difference of nothing on a balance before it)
    undated_line = np.isin(np.arange(count), list(undated))
    balanced = np.flatnonzero(
        has_balance & before_end & ((dated & (moves | failed)) | undated_line)
    )
    lines = lines[keep].reset_index(drop=True)
    issues += unseen(
        book,
        table,
        lines["row"].to_numpy(),
        letter(Role.DATE),
        [*columns.values(), *([balance_side] if balance_side else [])],
        STATEMENT,
    )
    issues += cut_off(book, table, STATEMENT)
    newest_first = False
    if len(lines) > 1:  # newest first (SBI, ICICI, Kotak downloads): put in the order it happened
        steps = np.diff(day_numbers(lines["date"]))
        later, earlier = int((steps > 0).sum()), int((steps < 0).sum())
        newest_first = earlier > later or (earlier == later and _balances_run_back(lines))
        if newest_first:
            lines = lines.iloc[::-1].reset_index(drop=True)
    last_balance = None
    if len(balanced):
        last_balance = int(balance[balanced[0] if newest_first else balanced[-1]])
    lines["sheet"] = pd.Categorical.from_codes(
        np.zeros(len(lines), dtype=np.int8), pd.Index([table.sheet])
    )
    read = Lines(
        lines,
        book.name,
        table.sheet,
        dict(table.letters),
        issues,
        # (months newest first: the last statement on the sheet is the first in time; each
        # month's summary above its lines: the first's above the header)
        opening=(
            statements[-1][1].opening
            if statements and newest_first and on_top
            else statements[0][1].opening
            if statements and not newest_first and not on_top
            else summary.opening
        ),
        closing=last_balance if last_balance is not None else summary.closing,
        company=titles.company,
        account=titles.account,
        period=titles.period,
        bank=titles.bank,
        currency=titles.currency or _headed_currency(columns),
        accounts_below=[number for number, _, _ in others],
        findings=[
            *footer,
            *_outside(lines, titles.period),  # the sheet's own title: another's is its month
            *_swapped_finding(
                swapped,
                rows,
                dates,
                letter(Role.DATE),
                texts=swap_proved_by_texts,
            ),
            *_uncalculated_balances(book, table.sheet, columns, letter, lines),
        ],
    )
    if month_below is None:
        return read
    if rest is not None:
        rest.append(month_below)
        return read
    return _with_statement_below(book, name, mapping, given, read, month_below)


def _with_statement_below(
    book: RowSource,
    name: str,
    mapping: Mapping[Role, str],
    given: tuple[date | None, date | None],
    read: Lines,
    below: tuple[int, Issue],
) -> Lines:
    """`read`, the statement above a summary, joined with the statements whose lines come after
    it on its sheet (from Excel row `below[0]`, each after the last one's summary) where they
    are the same account's months: read as a sheet each would be (each summary checked against
    its own lines), a month pasted twice read once, they are put in their dates' order and
    joined where each one's closing balance is the next one's opening (November's download
    under December's; December, November and January pasted in turn). A statement that runs on
    from none of them, or another account's, is left unread with the warning that said so;
    with none joined, `read` as it is."""
    parts, warnings = [read], [below[1]]
    start = below[0]
    sheet = book.sheet_rows(name)  # once, for every statement below
    while True:
        rest: list[tuple[int, Issue]] = []
        try:
            part = _read_sheet(_RowsFrom(book, name, start, sheet), name, mapping, given, rest=rest)
        except SheetProblem:
            break
        if part.frame.empty or read.frame.empty or _other_account(read, part):
            break
        parts.append(part)
        if not rest:
            break
        start, issue = rest[0]
        warnings.append(issue)
    return _in_date_order(parts, warnings, book.name)


def _in_date_order(parts: list[Lines], warnings: list[Issue], file: str) -> Lines:
    """One account's statements read from one sheet (`parts`, in the sheet's order; each but
    the last with the warning that the next was not read, `warnings`), joined in their dates'
    order as far as their balances run on from the first one's (see `_with_statement_below`).
    A statement pasted twice is read once; one whose lines are a run of another's (part of the
    month, downloaded before the rest) is read as that fuller one."""
    unique: list[int] = []  # the parts' places, a part pasted twice (or held by another) once
    twice: list[Issue] = []
    for at, part in enumerate(parts):
        same = next((u for u in unique if _same_lines(parts[u], part)), None)
        if same is not None:
            twice.append(
                warnings[at - 1].model_copy(
                    update={
                        "problem": f"the {len(part.frame):,} line(s) from row "
                        f"{_first_row(part)} are "
                        + (
                            "this statement's lines"
                            if same == 0
                            else f"the lines of the statement from row {_first_row(parts[same])}"
                        )
                        + " again (the same dates, amounts and balances): the same statement "
                        "pasted twice, read once",
                        "hint": "Nothing to do if it is the same download again; delete the copy "
                        "to keep the sheet clear.",
                    }
                )
            )
            continue
        held = next((u for u in unique if _holds(parts[u], part)), None)
        fuller = (
            None if held is not None else next((u for u in unique if _holds(part, parts[u])), None)
        )
        if held is not None:
            whole, shorter = parts[held], part
        elif fuller is not None:  # the fuller one is read in the other's place, titled as it
            whole, shorter = part, parts[fuller]
            unique[unique.index(fuller)] = at
            _titled_as(part, shorter)
        else:
            unique.append(at)
            continue
        column = warnings[at - 1].cell.rstrip("0123456789")
        twice.append(
            warnings[at - 1].model_copy(
                update={
                    "cell": f"{column}{_first_row(shorter)}",
                    "problem": f"the {len(shorter.frame):,} line(s) from row {_first_row(shorter)}"
                    f" are {len(shorter.frame):,} of the {len(whole.frame):,} lines of the "
                    f"statement from row {_first_row(whole)} (the same dates, amounts and "
                    "balances): part of it downloaded or pasted apart; the fuller statement "
                    "was read, so these lines count once",
                    "hint": "Nothing to do if it is an earlier download of the same account; "
                    "delete it to keep the sheet clear.",
                }
            )
        )
    ordered = sorted(unique, key=lambda at: min(parts[at].frame["date"]))
    # the run of months in date order that holds the first one read, each running on
    place = ordered.index(unique[0])
    low, high = place, place
    while low > 0 and _runs_into(parts[ordered[low - 1]], parts[ordered[low]]):
        low -= 1
    while high + 1 < len(ordered) and _runs_into(parts[ordered[high]], parts[ordered[high + 1]]):
        high += 1
    run = ordered[low : high + 1]
    taken = set(run) | {at for at in range(len(parts)) if at not in unique}
    # a warning that the next part was not read stays only where that part was not
    kept_warnings = [warnings[at] for at in range(len(warnings)) if at + 1 not in taken]
    dropped = {id(w) for w in warnings} - {id(w) for w in kept_warnings}

    def said(issues: list[Issue]) -> list[Issue]:
        """`issues` less the warnings of parts read after all, with those of parts left unread
        that another part held (the part of a month read as its whole month held them) and
        the notes of parts read once."""
        own = [issue for issue in issues if id(issue) not in dropped]
        held = {id(issue) for issue in own}
        return own + [w for w in kept_warnings if id(w) not in held] + twice

    if len(run) == 1:  # none runs on: the first alone (a copy of it said to be one)
        first = parts[run[0]]
        first.issues = said(first.issues)
        return first
    joined = _joined([parts[at] for at in run])
    joined.issues = said(joined.issues)
    account = f"A/c {joined.account}" if joined.account else "the account"
    if len(run) == 2:
        lower = parts[max(run)]  # the one further down the sheet
        problem = (
            f"the sheet holds two statements of {account}, one under another: the one whose "
            f"lines start at row {int(lower.frame['row'].min())} "
            + (
                "comes before the one above it (its closing balance is the other's opening)"
                if run[0] > run[1]
                else "follows the one above it (its opening balance is the other's closing)"
            )
            + ", so they were read as one statement in their dates' order, and each summary "
            "was checked against its own lines"
        )
    else:
        starts = ", ".join(str(int(parts[at].frame["row"].min())) for at in sorted(run))
        problem = (
            f"the sheet holds {len(run)} statements of {account}, one under another (their "
            f"lines from rows {starts}): each one's balance runs on from another's, so they "
            "were read as one statement in their dates' order, and each summary was checked "
            "against its own lines"
        )
    joined.issues.append(
        Issue(
            severity=Severity.INFO,
            sheet=parts[0].sheet,
            cell=warnings[0].cell,
            problem=problem,
            hint="Nothing to do if they are one account's months. If a statement is another "
            "account's, save it on a sheet of its own and reconcile it with its own ledger.",
            file=file,
        )
    )
    return joined


def _block_end(cells: pd.DataFrame, end: int, stop: int) -> int:
    """The position of the first row after the summary or totals block at `end` that is no part
    of it, up to `stop`: a blank row, the header again, or a title row naming an account or a
    period (the next statement's heading)."""
    for position in range(end + 1, stop):
        row = cells.iloc[position]
        if all(is_blank(cell) for cell in row.tolist()) or _repeats_header(row):
            return position
        titles = read_titles([row.tolist()])
        if titles.account or titles.period != (None, None):
            return position
    return stop


_LINE_KEYS = ["date", "debit", "credit", "balance"]
"""What tells one statement's lines from another's: a line pasted again has them all alike."""


def _same_lines(one: Lines, other: Lines) -> bool:
    """Whether two statements hold the same lines: dates, amounts and balances, in turn."""
    return len(one.frame) == len(other.frame) and bool(
        one.frame[_LINE_KEYS]
        .reset_index(drop=True)
        .equals(other.frame[_LINE_KEYS].reset_index(drop=True))
    )


def _titled_as(statement: Lines, other: Lines) -> None:
    """Give `statement` what the heading of `other` (part of its month, read in its place) says
    and its own does not: the account, the bank, the company, the currency, the period's start
    (not its end: the part ended early)."""
    statement.account = statement.account or other.account
    statement.bank = statement.bank or other.bank
    statement.company = statement.company or other.company
    statement.currency = statement.currency or other.currency
    if statement.period == (None, None) and other.period[0] is not None:
        statement.period = (other.period[0], None)


def _first_row(statement: Lines) -> int:
    """The Excel row of a statement's first line."""
    return int(statement.frame["row"].min())


def _holds(whole: Lines, part: Lines) -> bool:
    """Whether the lines of statement `part` are a run of the more lines of `whole` (the same
    dates, amounts and balances in turn): 1 to 20 November, downloaded before the month was
    out, beside the whole month."""
    size = len(part.frame)
    if not 0 < size < len(whole.frame):
        return False
    big = whole.frame[_LINE_KEYS].reset_index(drop=True)
    small = part.frame[_LINE_KEYS].reset_index(drop=True)
    first = small.iloc[0]
    starts = np.flatnonzero(
        (big["date"] == first["date"]).to_numpy(dtype=bool)
        & (big["debit"] == first["debit"]).to_numpy(dtype=bool)
        & (big["credit"] == first["credit"]).to_numpy(dtype=bool)
    )
    return any(
        big.iloc[start : start + size].reset_index(drop=True).equals(small)
        for start in starts
        if start + size <= len(big)
    )


def _other_account(one: Lines, other: Lines) -> bool:
    """Whether two statements' headings name different account numbers (on the digits both
    show)."""
    mine, theirs = account_mask(one.account), account_mask(other.account)
    return bool(mine and theirs and not same_account(mine, theirs))


def _runs_into(first: Lines, then: Lines) -> bool:
    """Whether statement `then` runs on from `first`: its opening balance (its first balance
    undone by its line, else the one its summary states) is `first`'s closing, and its dates
    start where `first`'s end or later."""
    opening = opening_and_closing(then.frame)[0]
    if opening is None:
        opening = then.opening
    return (
        first.closing is not None
        and opening == first.closing
        and first.frame["date"].max() <= then.frame["date"].min()
    )


class _RowsFrom:
    """`book`, but with sheet `sheet`'s rows (`rows`, read once) above Excel row `start` blank:
    a statement below another on one sheet, read as if on a sheet of its own (its Excel rows
    as they are)."""

    def __init__(self, book: RowSource, sheet: str, start: int, rows: list[list[Any]]) -> None:
        self._book, self._sheet, self._start, self._rows = book, sheet, start, rows

    def sheet_rows(self, sheet: str) -> list[list[Any]]:
        if sheet != self._sheet:
            return self._book.sheet_rows(sheet)
        rows = self._rows  # the sheet's cells as read once (`_with_statement_below`)
        return [[""] * len(row) for row in rows[: self._start - 1]] + rows[self._start - 1 :]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._book, name)


def _next_account(
    cells: pd.DataFrame, dated: np.ndarray, date_cells: pd.Series, date_header: str, account: str
) -> int:
    """Where another account's statement begins below this one's without a summary between
    (a net-banking `All accounts` download): the first row after this statement's last line
    above a repeat of the header whose title rows name another account number than `account`;
    the row count where none (or where this statement names no account)."""
    count = len(cells)
    mine = account_mask(account)
    lines = np.flatnonzero(dated)
    if not mine or not len(lines):
        return count
    for position in _headers_again(cells, dated, date_cells, date_header, count):
        start = int(lines[np.searchsorted(lines, position) - 1]) + 1
        theirs = account_mask(read_titles(cells.iloc[start:position].to_numpy().tolist()).account)
        if theirs and not same_account(mine, theirs):
            return start
    return count


def _headers_again(
    cells: pd.DataFrame, dated: np.ndarray, date_cells: pd.Series, date_header: str, stop: int
) -> list[int]:
    """The positions of the rows below the first line, up to `stop`, that repeat the header (a
    page's, or the next statement's). A repeat of the header says the date column's header in
    the date column: only the rows without a date are asked (a million lines' dates are never
    cast to text)."""
    lines = np.flatnonzero(dated)
    if not len(lines):
        return []
    undated = np.flatnonzero(~dated[:stop])
    undated = undated[undated > lines[0]]
    said = date_cells.iloc[undated].astype(str).str.strip().str.casefold() == date_header.casefold()
    return [
        position
        for position in undated[said.to_numpy(dtype=bool)].tolist()
        if _repeats_header(cells.iloc[position])
    ]


def _months_titled(
    statements: list[tuple[int, Summary]],
    blocks: list[tuple[int, Summary]],
    cells: pd.DataFrame,
    lines_at: np.ndarray,
    headers: list[int],
    titles: Titles,
) -> list[tuple[int, Summary]]:
    """`statements` (the blocks the lines ran past that state a whole statement) with the next
    months' starts that title rows name: the header again under rows giving another period than
    `titles`' (November's lines, then `Statement From : 01/12/2026 To : 31/12/2026` and the
    header), each at the block the lines ran past above it (Axis's TRANSACTION TOTAL, a summary
    without its opening), or with no figures where none is (a month downloaded without its
    summary). A page's header again under the same period's titles is no month's start."""
    found = dict(statements)
    for header in headers:
        before = lines_at[: np.searchsorted(lines_at, header)]
        if not len(before):
            continue
        start = int(before[-1]) + 1
        period = read_titles(cells.iloc[start:header].to_numpy().tolist()).period
        if None in period or period == titles.period:
            continue
        block = [(position, summary) for position, summary in blocks if start <= position < header]
        position, summary = block[0] if block else (start, Summary())
        found.setdefault(position, summary)
    return sorted(found.items())


TITLE_ROWS_BELOW = 200
"""Rows without a line below a statement's end searched at most for other accounts' titles."""


def _accounts_below(
    cells: pd.DataFrame, dated: np.ndarray, end: int, after: np.ndarray, account: str
) -> list[tuple[str, int, int]]:
    """The other accounts whose statements are below this one's on its sheet, each as (its
    number as printed, the position of its first line, how many lines it has), from the title
    rows between the lines after `end`; [] where none names another account than `account`."""
    if not len(after) or after[0] <= end:
        return []
    rows = np.flatnonzero(~dated[end : int(after[-1])])[:TITLE_ROWS_BELOW] + end
    mine = account_mask(account)
    found: list[tuple[str, int]] = []  # (number, title row position)
    for position in rows.tolist():
        number = read_titles([cells.iloc[position].tolist()]).account
        theirs = account_mask(number)
        if not theirs or (found and same_account(account_mask(found[-1][0]), theirs)):
            continue
        if not found and mine and same_account(mine, theirs):
            return []  # this account's own statement again below: the summary's warning
        found.append((number, position))
    if not found:
        return []
    # each account's lines: those after its title rows, up to the next account's
    starts = np.searchsorted(after, [position for _, position in found])
    ends = [*starts[1:].tolist(), len(after)]
    return [
        (number, int(after[start]), int(end - start))
        for (number, _), start, end in zip(found, starts.tolist(), ends, strict=True)
    ]


def _headed_currency(columns: Mapping[Role, str]) -> str:
    """The currency the amount columns' headers name (`Withdrawal Amt (USD)`), or ""."""
    return next(
        (
            code
            for role in MONEY
            if (code := currency_in(str(columns.get(role, "")), where="header"))
        ),
        "",
    )


OUTSIDE_THE_PERIOD = "Date outside the period"
DATES_READ_MONTH_FIRST = "Dates read month first by Excel"


def _swapped_finding(
    swapped: list[int],
    rows: np.ndarray,
    dates: list[date | None],
    letter: str,
    texts: bool,
) -> list[Finding]:
    """The finding for the date cells Excel read month first (`swapped_by_excel`), which the
    BRS takes day first; `texts`: whether the column's text dates proved it (else the
    statement's period did)."""
    if not swapped:
        return []
    first = swapped[0]
    row = int(rows[first])
    day = dates[first]
    assert day is not None  # swapped cells are dates
    return [
        Finding(
            row,
            DATES_READ_MONTH_FIRST,
            swapped_said(len(swapped), f"of column {letter}", texts)
            + f", the first at row {row} as {day:%d-%m-%Y}. Check them, and open the bank's "
            "file with the dates as text (Data > From Text/CSV, Date DMY).",
        )
    ]


def _balances_run_back(lines: pd.DataFrame) -> bool:
    """Whether the running balance runs from each line to the one above it (newest first)
    more often than to the one below: the order of a statement whose dates cannot tell it (a
    busy account's page of one day)."""
    balance = lines["balance"].to_numpy(dtype=np.float64, na_value=np.nan)
    flow = (lines["credit"] - lines["debit"]).to_numpy(dtype=np.float64)
    down = int(np.sum(balance[1:] == balance[:-1] + flow[1:]))  # oldest first
    up = int(np.sum(balance[:-1] == balance[1:] + flow[:-1]))  # newest first
    return up > down


def _outside(lines: pd.DataFrame, period: tuple[date | None, date | None]) -> list[Finding]:
    """The finding for lines dated outside the period the statement's title gives: a date
    typed without its year that Excel gave the year it was opened in (28-Dec in a December–
    January statement, opened in 2026), or a line of another statement pasted in."""
    start, end = period
    if start is None or end is None or lines.empty:
        return []
    days = pd.to_datetime(lines["date"], errors="coerce")
    outside = np.flatnonzero(
        ((days < pd.Timestamp(start)) | (days > pd.Timestamp(end))).to_numpy(dtype=bool)
    )
    if not len(outside):
        return []
    first = int(outside[0])
    row = int(lines["row"].to_numpy(dtype=np.int64)[first])
    return [
        Finding(
            row,
            OUTSIDE_THE_PERIOD,
            f"{len(outside):,} line(s) are dated outside the period the statement's title gives "
            f"({start:%d-%m-%Y} to {end:%d-%m-%Y}), the first at row {row} "
            f"({lines['date'].iat[first]:%d-%m-%Y}). Check their dates: Excel gives a date "
            "written without its year the year it is opened in.",
        )
    ]


BALANCE_NOT_CALCULATED = "Balance not calculated"


def _uncalculated_balances(
    book: RowSource,
    sheet: str,
    columns: Mapping[Role, str],
    letter: Callable[[Role], str],
    lines: pd.DataFrame,
) -> list[Finding]:
    """The finding for a Balance column of formulas no program calculated (a file written by a
    script and never saved by Excel): calamine reads them as empty, and the statement's balance
    can be neither checked nor reconciled to."""
    path = getattr(book, "path", None)
    if Role.BALANCE not in columns or lines.empty or lines["balance"].notna().any():
        return []
    if not isinstance(path, Path) or path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return []
    formulas = uncalculated_formulas(path, sheet, letter(Role.BALANCE))
    if not formulas:
        return []
    cell, formula = formulas[0]
    return [
        Finding(
            int(lines["row"].to_numpy(dtype=np.int64)[0]),
            BALANCE_NOT_CALCULATED,
            f"The Balance column ({letter(Role.BALANCE)}) holds {len(formulas):,} formula(s) "
            f"Excel never calculated ({cell}: {formula}): no balance could be read or checked. "
            "Open the file in Excel (or LibreOffice) and save it, then reconcile again.",
        )
    ]


_BAL = r"bal(?:ance)?\.?"
_CARRY = (
    r"(?:b/f|c/f|b\.f\.|c\.f\.|b/d|c/d|b/fwd\.?|c/fwd\.?|bf|cf"
    r"|(?:brought|carried)\s+(?:forward|fwd\.?|over|down)|forward"
    r"|transferred\s+(?:to|from)\s+(?:the\s+)?(?:next|previous|prev\.?)\s+page)"
)
_LAYOUT_WORDS = (
    r"(?:(?:by|to)\s+)?(?:(?:" + _BAL + r"\s*)?" + _CARRY + r"(?:\s+" + _BAL + r")?"
    r"|(?:opening|closing|opg\.?|op\.?|cl\.?|clg\.?|previous|last|available|ledger|net)\s*"
    + _BAL
    + r"|ob|cb|"
    + _BAL
    + r"\s+as\s+(?:on|of|at)\b"
    r"|(?:page\s+|grand\s+|sub[\s-]*|day\s+|daily\s+|transaction\s+)?totals?"
    r"(?:\s+(?:c/f|b/f|c/d|b/d))?"
    r"|" + HINDI_OPENING + "|" + HINDI_CLOSING + "|" + HINDI_TOTAL + ")"
)
_LAYOUT_TAIL = (
    r"(?:[\s:.\-(),/]|as\s+(?:on|of|at)\b|to\b|from\b|of\b|the\b|next\b|previous\b|prev\b"
    r"|page\b|no\b|inr\b|rs\b|₹|dr\b|cr\b|[0-9]+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec)[a-z]*\b)*"
)
LAYOUT_NARRATION = (
    r"(?i)^\s*" + _LAYOUT_WORDS + r"(?:\s*/\s*" + _LAYOUT_WORDS + r")?" + _LAYOUT_TAIL + r"$"
)
"""A narration that is the whole of a layout row's text (`B/F`, `Carried Forward`, `Opening
Balance as on 01/10/2026`, `OPENING BAL`, `BAL B/F`, `B/F BALANCE`, `BALANCE FORWARD`,
`Total`, `Sub Total`, `Day Total`, and with a ledger's `By`/`To` before it, as co-operative
banks print `By Opening Balance`; a page's carry however worded, `Balance Carried Over`,
`Transferred to next page`, `Balance C/F to Page 2`, `Closing Balance of Page 1`, `Bal.
B/Fwd.`, `To Balance c/d`, `Total C/F`; `Op. Bal`, `OPG. BAL.`, `OB`, `Previous Balance`,
`Available Balance`, `Balance as of 30-Nov-2026`, `Opening Balance (INR)`, Hindi's `अथ शेष`
and `अथ शेष / Opening Balance`, `कुल / Total`): never a line, dated or not, though its figure stands in a
money column (an opening balance written as the first row's deposit; a page's carry written
as a withdrawal and brought forward as a deposit, which cancel and let the BRS tie on two
invented lines: helper-135). Only a date, a page, a side, a currency and an amount may follow
the words: `TOTAL ENERGIES LTD`, `BALANCE FORWARD LOGISTICS`, `OB ENTERPRISES` and `NET
BALANCE TRANSFER` are lines."""


NOT_NARRATION = (
    r"(?i)^\s*page\s*(?:no\.?\s*)?:?\s*\d+(?:\s*(?:of|/)\s*\d+)?\s*$"
    r"|computer\s+generated|system\s+generated|end\s+of\s+statement|unless\s+the\s+constituent"
    r"|does\s+not\s+require|^[\s*=_-]+$"
)
"""`Page 2 of 5`, `This is a computer generated statement`, a rule of asterisks: a page's or
the statement's own words under a line, no part of its narration."""


def _owners(
    narration: pd.Series, keep: np.ndarray, wrapped: np.ndarray, cells: pd.DataFrame
) -> np.ndarray:
    """The line (row position) each row of narration alone is part of (-1: none; a line's own
    row, itself): a narration wrapped onto the next rows, as statements converted from print
    do, is the line's above it; a repeated header is no one's.

    A converter that centres each line's cells on its narration puts some of it above the dated
    row too. The sign is narration alone right above the first line, under the header
    (CENTRED_LEAD_ROWS at most): then the rows between two lines are split where the next
    line's narration begins — at a row that begins with a word a narration begins with (the
    first of those rows', UPI, NEFT, IMPS, …, BY and TO of SBI's `TO TRANSFER-` over `UPI/…`;
    where none does, none if the next dated row begins so) — or,
    where no row says, half to each (the line above the odd one)."""
    candidates = np.flatnonzero(wrapped)
    header = [p for p in candidates.tolist() if _repeats_header(cells.iloc[p])]
    wrapped = wrapped.copy()
    wrapped[header] = False
    positions = np.arange(len(wrapped))
    # the row each wrapped row continues: the last row above it that is not a wrapped row
    above = np.maximum.accumulate(np.where(wrapped, -1, positions))
    owner = np.where(keep, positions, -1)
    taken = wrapped & (above >= 0)
    taken[taken] &= keep[above[taken]]
    owner[taken] = above[taken]
    lines = np.flatnonzero(keep)
    if not len(lines):
        return owner
    first = int(lines[0])
    lead = 0
    while lead < first and wrapped[first - lead - 1]:
        lead += 1
    text = narration.to_numpy(dtype=object)
    if lead == 0:
        if not _centred_between(text, lines, wrapped):
            return owner
        word = _first_words(text)
        starts = set(NARRATION_STARTS)
    else:
        if lead > CENTRED_LEAD_ROWS:
            return owner
        word = _first_words(text)
        begins = str(word[first - lead])
        if begins not in NARRATION_STARTS and (not begins or (word[wrapped] == begins).sum() < 3):
            return owner  # a note under the header, not the start of a line's narration
        starts = {*NARRATION_STARTS, begins}
        after = [p for p in np.flatnonzero(wrapped).tolist() if p > first]
        alike = PAIRED_STARTS if begins in PAIRED_STARTS else {begins}
        if word[first] in starts and not any(word[p] in alike for p in after):
            # the first line's narration begins on its dated row and no row between the lines
            # begins as the row above it does: top aligned, and that row a title (`CASH CREDIT
            # A/C …` over `NEFT CR-…`, or over SBI's `BY TRANSFER-` with `NEFT*…` under it)
            return owner
        owner[first - lead : first] = first
    for line, following in itertools.pairwise(lines.tolist()):
        gap = [p for p in range(line + 1, following) if wrapped[p]]
        if not gap or gap[-1] != following - 1:
            continue
        if len(gap) != following - line - 1:
            # rows of other kinds between (a page's header repeated, its total): the rows of
            # narration alone right above the next line, under them, are its own
            top = following
            while top - 1 > line and wrapped[top - 1]:
                top -= 1
            owner[top:following] = following
            continue
        at = next((at for at, p in enumerate(gap) if word[p] in starts), None)
        if at is None and word[following] in starts:
            continue  # the next narration begins on its dated row: all the line's above
        # a row that begins as a narration does begins the next line's, even where its dated
        # row begins so too (SBI's `TO TRANSFER-` over `UPI/DR/…`)
        split = at if at is not None else (len(gap) + 1) // 2
        owner[gap[split:]] = following
    return owner


def _centred_between(text: np.ndarray, lines: np.ndarray, wrapped: np.ndarray) -> bool:
    """Whether a statement whose first line has nothing above it is still centred on its
    narrations: of the lines with rows of narration alone right above them, two or more, and
    more than not, have a dated row that does not begin as a narration does and a row above
    it that does (`IMPS/629812345678/` over `KAVITA`), where a top-aligned statement's dated
    rows begin so (`NEFT CR-…` with `TRADERS` under it)."""
    if len(lines) < 3:
        return False
    # a converter lays every page out alike: the first CENTRED_SAMPLE lines say (a 1,00,000-line
    # statement is not read twice over for it)
    lines = lines[:CENTRED_SAMPLE]
    text, wrapped = text[: lines[-1] + 1], wrapped[: lines[-1] + 1]
    begins = np.isin(_first_words(text), NARRATION_STARTS)
    # rows of narration alone, and those of them that begin a narration, up to each row
    alone = np.r_[0, np.cumsum(wrapped)]
    begun = np.r_[0, np.cumsum(wrapped & begins)]
    line, following = lines[:-1], lines[1:]
    gap = following - line - 1
    pure = (gap > 0) & (alone[following] - alone[line + 1] == gap)
    said = begun[following] - begun[line + 1] > 0
    dated = begins[following]
    says = int((pure & said & ~dated).sum())
    against = int((pure & ~(said & ~dated)).sum())
    return says >= 2 and says > against


CENTRED_SAMPLE = 200
"""The lines whose rows say whether a statement whose first line has nothing above it is
centred (`_centred_between`)."""
PAIRED_STARTS = frozenset(("BY", "TO"))
"""SBI's `BY TRANSFER-` (a credit) and `TO TRANSFER-` (a debit): one way a narration begins,
whichever the first line is."""
CENTRED_LEAD_ROWS = 3
"""Rows of narration alone above a statement's first line that say a converter centred each
line on its narration (a narration of seven rows puts three above): more is a note under the
header, not a line's words."""
NARRATION_STARTS = (
    "UPI", "NEFT", "IMPS", "RTGS", "MMT", "BIL", "ACH", "NACH", "CLG", "ATM", "POS", "INF",
    "INFT", "TRF", "TRANSFER", "BY", "TO", "CHQ", "CASH", "ECS", "SMS", "INT", "NWD", "EAW",
)  # fmt: skip
"""Words a bank's narration begins with (the channel): where the rest of a line's narration
under it ends and the next line's begins, in a statement converted from print with its cells
centred."""


def _first_words(texts: np.ndarray) -> np.ndarray:
    """Each narration's first word, its letters upper case (`UPI/5505…` → UPI, `BY TRANSFER-`
    → BY, `000451-MEHTA` → "")."""
    first = (
        pd.Series(texts, dtype=object)
        .fillna("")
        .astype(str)
        .str.extract(r"^\s*([^\W\d_]+)", expand=False)
        .fillna("")
        .str.upper()
    )
    return first.to_numpy(dtype=object)


def _unwrapped(narration: pd.Series, owner: np.ndarray, joiner: str = " ") -> pd.Series:
    """Each line's narration with the rows of narration alone that are part of it (`_owners`),
    in the order of the rows: a space between rows, none where a PDF converter cut the column
    at a fixed width onto the rows below (Airtel Payments Bank's 26 characters a row, `CHQ
    PAID-000451-KAVERI SUP` over `PLIERS`: `joined_cuts`). The same for a reference wrapped
    with it, `joiner=""` (a UTR has no spaces: `SBIN1262` over `74123456` is
    `SBIN126274123456`)."""
    text = narration.to_numpy(dtype=object).copy()
    parts = np.flatnonzero((owner >= 0) & (owner != np.arange(len(owner))))
    if not len(parts):
        return narration
    rows: dict[int, list[int]] = {}
    for position in parts.tolist():
        rows.setdefault(int(owner[position]), []).append(position)
    lines = [[p for p in sorted([line, *below]) if text[p]] for line, below in rows.items()]
    pieces = [str(text[p]) for positions in lines for p in positions]
    glued = np.ones(len(pieces), dtype=bool)
    if joiner:
        whose = np.repeat(np.arange(len(lines)), [len(positions) for positions in lines])
        glued = joined_cuts(pd.Series(pieces, dtype=object), whose, trimmed=True)
    at = 0
    for line, positions in zip(rows, lines, strict=True):
        own, marks = pieces[at : at + len(positions)], glued[at : at + len(positions)].tolist()
        text[line] = "".join(
            piece + ("" if no_space else joiner)
            for piece, no_space in zip(own[:-1], marks[:-1], strict=True)
        ) + (own[-1] if own else "")
        at += len(positions)
    return strings(pd.Series(text, index=narration.index, dtype=object))


def _or(values: Any, fallback: Any) -> pd.Series:
    """Each value, or the fallback's where it is missing (a line without a value date keeps its
    transaction date)."""
    if values is fallback:
        return pd.Series(fallback, dtype=object)
    given = pd.Series(values, dtype=object)
    return given.where(given.notna(), pd.Series(fallback, dtype=object))


def _decimal_marks(
    cells: dict[Role, pd.Series],
) -> tuple[dict[Role, str], dict[str, dict[int, Any]]]:
    """Each money column's decimal mark, decided from all its cells: `,` where some cell can
    only be a decimal comma (`999,00`) and none shows a decimal point, else `.`. In a file with
    decimal commas, a cell like `1,234` or `1.234` in a column that does not prove its mark is
    reported, not guessed; so is a decimal comma in a column of decimal points."""
    marks = dict.fromkeys(cells, ".")
    commas = {role: comma_cells(values) for role, values in cells.items()}
    lines: dict[int, tuple[Role, str]] = {}
    balances: dict[int, str] = {}
    if not any(len(found) for found in commas.values()):
        return marks, {}
    for role, values in cells.items():
        points = len(point_cells(values)) > 0
        if len(commas[role]) and not points:
            marks[role] = ","
        doubtful: dict[int, str] = {}
        if not points:
            unsure = unsure_commas(values).tolist()
            if not len(commas[role]):  # 1.234 is 1234 only where the column writes , decimals
                unsure += unsure_points(values).tolist()
            for position in unsure:
                cell = str(values.iat[position]).strip()
                other = cell.translate(str.maketrans(",.", ".,"))
                doubtful[position] = (
                    f"'{cell}' could be {cell} or {other}: this file writes decimal commas, "
                    "and this column's cells do not show which mark it uses; type the amount "
                    "with its paise (1.234,00 or 1,234.00)"
                )
        elif len(commas[role]):
            for position in commas[role].tolist():
                doubtful[position] = (
                    f"'{values.iat[position]}' has a decimal comma where the rest of the column "
                    "writes a decimal point; type it with a point"
                )
        if role is Role.BALANCE:
            balances.update(doubtful)
        else:
            lines.update((p, (role, m)) for p, m in doubtful.items())
    return marks, {"lines": lines, "balance": balances}


def _money(
    column: Any,
    columns: Mapping[Role, str],
    marks: Mapping[Role, str],
    balances: tuple[np.ndarray, np.ndarray],
) -> _Money:
    """The money of each row; `balances`: the running balance (paise, overdrawn negative) and
    where it is written, which says the side of an unsigned amount."""
    problems: dict[int, tuple[Role, str]] = {}
    if Role.AMOUNT in columns:
        # One amount column: the Dr/Cr column says which way the money went; failing that, a
        # Dr or Cr written after the amount; failing that, a minus sign or brackets (money
        # out). The amount's size is the money (some banks sign every debit as well).
        cells = column(Role.AMOUNT)
        amount, bad = paise_column(cells, marks.get(Role.AMOUNT, "."))
        problems.update((p, (Role.AMOUNT, m)) for p, m in bad.items())
        said = side_marks(column(Role.SIDE), alone=True)
        suffix = side_marks(cells)
        # a column that writes money out with a minus writes money in without one
        signed_column = bool((amount < 0).any()) and Role.SIDE not in columns
        unmarked = np.where(amount < 0, "D", "C" if signed_column else "")
        if not signed_column and Role.BALANCE in columns:  # unsigned: the balance moves by it
            unmarked = balance_sides(amount, *balances)
        side = np.where(np.isin(said, ["D", "C"]), said, np.where(suffix != "", suffix, unmarked))
        amount = np.abs(amount)
        unsigned = (amount != 0) & ~np.isin(side, ["D", "C"])
        for position in np.flatnonzero(unsigned).tolist():
            problems.setdefault(
                position,
                (
                    Role.SIDE if Role.SIDE in columns else Role.AMOUNT,
                    "neither a Dr/Cr column nor the amount nor a balance before it says which "
                    "way the money went: write Cr (money in) or Dr (money out) after the "
                    "amount, e.g. 45,000.00 Cr"
                    if Role.SIDE not in columns
                    else "neither a Dr/Cr column nor the amount says which way the money went",
                ),
            )
        debit = np.where(side == "D", amount, 0)
        credit = np.where(side == "C", amount, 0)
        return _Money(debit, credit, debit, credit, problems)
    out, bad_out = paise_column(column(Role.WITHDRAWAL), marks.get(Role.WITHDRAWAL, "."))
    into, bad_in = paise_column(column(Role.DEPOSIT), marks.get(Role.DEPOSIT, "."))
    out = reversals(column(Role.WITHDRAWAL), out)
    into = reversals(column(Role.DEPOSIT), into)
    problems.update((p, (Role.WITHDRAWAL, m)) for p, m in bad_out.items())
    problems.update((p, (Role.DEPOSIT, m)) for p, m in bad_in.items())
    # a negative withdrawal is a reversal (money back in), a negative deposit money out
    return _Money(
        debit=np.where(out > 0, out, 0) + np.where(into < 0, -into, 0),
        credit=np.where(into > 0, into, 0) + np.where(out < 0, -out, 0),
        written_debit=out,
        written_credit=into,
        problems=problems,
    )


ROWS_TO_AMOUNTS = 3
"""How many rows below its date a line's amounts may be, the rows between holding narration
alone (ICICI's PDF converted to Excel: payee, remarks, then the amounts)."""


def _amounts_below(
    dated: np.ndarray,
    bare: np.ndarray,
    undated_money: np.ndarray,
    has_balance: np.ndarray,
    balance: np.ndarray,
    moved: np.ndarray,
    narrated: np.ndarray,
) -> tuple[dict[int, int], dict[int, int]]:
    """Lines whose amounts are on a row below their date: a dated row with no amount written
    (`bare`) and no balance, above a row with amounts and no date (`undated_money`), with at
    most ROWS_TO_AMOUNTS - 1 rows of narration alone between (ICICI's PDF converted to Excel:
    the date and the payee, the remarks, then the amounts and balance, which holds no narration
    of its own: a line of its own whose date is missing is not a memo's above it). Each such row
    (position → the dated row's) is one line with the dated row where its balance runs on from
    the line before it or to the line after it (either way: newest first too); the others are
    returned apart, to be reported. A statement with no balance at all whose every line is so
    written is taken as it is: that is its layout."""
    amounts = np.flatnonzero(undated_money & ~dated)
    filler = ~dated & bare & ~has_balance & ~undated_money  # narration alone
    pairs: dict[int, int] = {}
    walking = amounts[amounts > 0]
    for step in range(1, ROWS_TO_AMOUNTS + 1):
        if not len(walking):
            break
        walking = walking[walking - step >= 0]
        up = walking - step
        found = dated[up] & bare[up] & ~has_balance[up] & ((step == 1) | ~narrated[walking])
        pairs.update(zip(walking[found].tolist(), up[found].tolist(), strict=True))
        walking = walking[~found & filler[up]]  # past a row of narration, on up
    if not pairs:
        return {}, {}
    if len(pairs) == len(amounts) and not (dated & (moved != 0)).any():
        if not has_balance.any() and len(pairs) > 1:
            # no balance to confirm any of them, but every line is so written: the layout
            return pairs, {}
        if len(pairs) == 1 and not (has_balance & ~undated_money).any():
            # a month of one line so written, and no balance before it to confirm it
            return pairs, {}
    # the lines, and the rows of a balance alone (`OPENING BALANCE`, a page's B/F) that a first
    # line's balance runs on from
    sequence = sorted(
        set(pairs)
        | set(np.flatnonzero(dated & (moved != 0)).tolist())
        | set(np.flatnonzero(~dated & has_balance & (moved == 0) & ~undated_money).tolist())
    )

    def chained(older: int, newer: int) -> bool:
        return bool(
            has_balance[older]
            and has_balance[newer]
            and (
                balance[newer] == balance[older] + moved[newer]
                or balance[older] == balance[newer] + moved[older]
            )
        )

    confirmed: dict[int, int] = {}
    doubtful: dict[int, int] = {}
    for at, line in enumerate(sequence):
        if line not in pairs:
            continue
        near = sequence[max(at - 1, 0) : at] + sequence[at + 1 : at + 2]
        ok = any(chained(min(n, line), max(n, line)) for n in near)
        (confirmed if ok else doubtful)[line] = pairs[line]
    return confirmed, doubtful


def _figures_over(cells: pd.DataFrame, rows: np.ndarray, dated: np.ndarray, end: int) -> bool:
    """Whether the row above the block at `end` that ends the lines is that block's figures,
    printed over its labels (Airtel: `₹54231.03 | ₹54364.91 | …` over `Opening Balance |
    Closing Balance | …`), not a line whose date could not be read."""
    if not 0 < end < len(cells) or dated[end - 1]:
        return False
    above = cells.iloc[end - 1].tolist()
    if not figures_only(above):
        return False
    # (with the row under the labels: figures there are theirs, HDFC's, under a page's totals)
    region = [
        (int(rows[at]), cells.iloc[at].tolist()) for at in range(end - 1, min(end + 2, len(cells)))
    ]
    return int(rows[end - 1]) in read_summary(region).used


def _amounts_above(
    dated: np.ndarray,
    bare: np.ndarray,
    undated_money: np.ndarray,
    has_balance: np.ndarray,
    balance: np.ndarray,
    moved: np.ndarray,
) -> dict[int, int]:
    """Lines whose amounts are on the row above their date: a row with amounts and no date or
    balance (`undated_money`; the narration's start or none) directly above a dated row with a
    balance and no amount written (`bare`), as a converter lays out South Indian Bank's PDF
    text (the amount, then the serial number, date, narration and balance). Each such amounts row
    (position → the dated row's) is one line with the dated row where the balance confirms it:
    the dated row's balance is the balance before it (the row above's, or for a statement
    newest first the row below's) moved by the amount. The others are left to be reported (a
    dated row with a balance and no amount is an opening row, and the amount with no date an
    Error: never money passed over), but for the first line's, which no balance before it can
    confirm, where every other line is so written and confirmed (two at least)."""
    amounts = np.flatnonzero(undated_money & ~dated)
    amounts = amounts[amounts + 1 < len(dated)]
    lines = amounts + 1
    keep = dated[lines] & bare[lines] & has_balance[lines]
    amounts, lines = amounts[keep], lines[keep]
    if not len(amounts):
        return {}
    balanced = np.flatnonzero(has_balance)
    at = np.searchsorted(balanced, lines)  # each dated row's place among the balances
    found: dict[int, int] = {}
    first: dict[int, int] = {}  # the first line's, with no balance before it to confirm it
    failed = False
    # the first amounts row before any date says the layout (the amounts over each date);
    # else an amounts row the dated row above fits as well is in doubt
    leads = not dated[: int(amounts[0])].any()
    for amount, line, place in zip(amounts.tolist(), lines.tolist(), at.tolist(), strict=True):
        if not leads and _owned_above(amount, dated, bare, has_balance, balance, moved, balanced):
            continue  # the dated row above may as well be its line: a doubt, reported
        older = [int(balanced[place - 1])] if place > 0 else []
        older += [int(balanced[place + 1])] if place + 1 < len(balanced) else []
        if any(balance[line] == balance[o] + moved[amount] for o in older):
            found[amount] = line
        elif place == 0:
            first[amount] = line
        else:
            failed = True
    # where every other line is so written and confirmed, the first one is too: its layout
    if first and not failed and len(found) >= 2:
        found.update(first)
    return found


DAY_ROWS = 200
"""Rows at most from an undated line of a day to the balance written on the day's last line
(`_dated_once_a_day`)."""


def _dated_once_a_day(
    lines: np.ndarray,
    undated: np.ndarray,
    has_balance: np.ndarray,
    balance: np.ndarray,
    moved: np.ndarray,
) -> dict[int, int]:
    """The `undated` rows of money (each with its narration) that are lines of the day of the
    line right above them (an export that writes a day's date on its first line only, the
    balance on its last: ICICI's `05/11/2026 ATM WDL` with no balance, then `CHQ PAID 000456`
    with no date and the day's balance), each with the row whose date it takes: only where the
    next balance written, on it or on a line below, is the last balance above moved by every
    line between. An undated amount no balance confirms stays an Error (`_loose_money`)."""
    taken: dict[int, int] = {}
    if not undated.any() or not has_balance.any():
        return taken
    line = lines.copy()
    count = len(line)
    # the balances to move on from: the lines', and one above the first line (the opening's)
    first = int(np.argmax(lines)) if lines.any() else count
    balanced = np.flatnonzero(has_balance & (lines | (np.arange(count) < first)))
    for row in np.flatnonzero(undated).tolist():
        if row == 0 or not line[row - 1]:
            continue
        place = int(np.searchsorted(balanced, row))
        if place == 0:
            continue  # no balance above to move on from
        start = int(balanced[place - 1])
        after, last = row, min(count, row + DAY_ROWS)
        while after < last and not has_balance[after]:
            after += 1
            if after < last and moved[after] and not (line[after] or undated[after]):
                after = last  # money on a row that is no line: nothing confirms it
        if after >= last or not (line[after] or undated[after]):
            continue
        between = np.arange(start + 1, after + 1)
        between = between[line[between] | undated[between]]
        if balance[after] == balance[start] + int(moved[between].sum()):
            taken[row] = row - 1 if row - 1 not in taken else taken[row - 1]
            line[row] = True
    return taken


def _owned_above(
    amount: int,
    dated: np.ndarray,
    bare: np.ndarray,
    has_balance: np.ndarray,
    balance: np.ndarray,
    moved: np.ndarray,
    balanced: np.ndarray,
) -> bool:
    """Whether the amounts row at `amount` fits the dated row right above it as well (a date
    and balance with its amounts on the row below: the balance before it moved by the
    amount), as one of equal amounts in turn does: then which line it is, is no layout's to
    say."""
    above = amount - 1
    if above < 0 or not (dated[above] and bare[above] and has_balance[above]):
        return False
    place = int(np.searchsorted(balanced, above))  # no balance before it: nothing tells
    return place == 0 or bool(balance[above] == balance[balanced[place - 1]] + moved[amount])


def _loose_money(
    cells: pd.DataFrame,
    dated: np.ndarray,
    undated_money: np.ndarray,
    unconfirmed: Mapping[int, int],
    dates: Sequence[Any],
) -> dict[int, str]:
    """Rows under the header with an amount but no date at all (above the first line too: a
    line's amount a converter put on a row of its own under the header), that no block's words
    (`TOTAL C/F`, `Page Total`) make layout: problems to report, never money left out in
    silence."""
    loose = np.flatnonzero(undated_money & ~dated)
    if len(loose):
        loose = loose[~block_rows(cells.iloc[loose])]
    problems: dict[int, str] = {}
    for position in loose.tolist():
        problems[position] = "an amount with no date: it was not read as a line"
        if position in unconfirmed:
            dated_at = unconfirmed[position]
            day = dates[dated_at]
            problems[position] += (
                f" (the row above has the date {day:%d-%m-%Y} but no amount, and the running "
                "balance does not confirm that the two rows are one line)"
                if dated_at == position - 1
                else f" ({position - dated_at} rows above, a row has the date {day:%d-%m-%Y} "
                "but no amount, and the running balance does not confirm that those rows are "
                "one line)"
            )
    return problems


PAGE_DAYS = 31
"""How far apart in days the last line above a page's total and the first below it may be, to
be one statement's, where no balance tells."""


def _lines_end(
    cells: pd.DataFrame,
    dated: np.ndarray,
    lines_at: np.ndarray,
    runs_on: Callable[[int, int], bool],
) -> tuple[int, list[int]]:
    """Where the lines end: the position of the first row of a summary, total or legend block
    below the first dated line that no line running on from the lines above follows
    (`runs_on(block, line)`), or the row count; and the positions of the block rows the lines
    ran on past. A statement converted from print totals each page (`Total`, `TOTAL C/F`, a
    page's `Closing Balance` and the next one's `Opening Balance`), and wraps a narration onto
    a row of its own that may begin with such a word (`TOTAL ENERGIES MARKETING…`, `SUMMARY
    INFOTECH LLP`); one account's statements downloaded month by month are pasted one under
    the other, each with its summary: the lines below run on, and those rows are layout, not
    the end. Another statement's lines below a summary are no part of this one's (they are
    reported)."""
    count = len(cells)
    first = int(np.argmax(dated)) if dated.any() else count
    candidates = np.flatnonzero(~dated)
    candidates = candidates[candidates > first]
    ran_past: list[int] = []
    for position in candidates[block_rows(cells.iloc[candidates])].tolist():
        if _repeats_header(cells.iloc[position]):  # a page's header again is no end
            continue
        below = lines_at[np.searchsorted(lines_at, position) :]
        if not len(below) or not runs_on(position, int(below[0])):
            return int(position), ran_past
        ran_past.append(int(position))
    return count, ran_past


def _blocks_run_past(
    cells: pd.DataFrame,
    rows: np.ndarray,
    ran_past: list[int],
    lines_at: np.ndarray,
    columns: Mapping[Role, str],
) -> list[tuple[int, Summary]]:
    """The figures of each block the lines run on past (`_lines_end`), with the position of
    its first row: the block's rows up to the next line. Its figures are no lines (HDFC writes
    a summary's opening balance under Date: `100000` is no date of the year 2173)."""
    roles = _roles(cells, columns)
    starts: list[int] = []
    for position in ran_past:
        if starts and _one_block(cells, starts[-1], position, lines_at):
            continue  # another row of the same block
        starts.append(position)
    blocks: list[tuple[int, Summary]] = []
    for at, position in enumerate(starts):
        following = int(np.searchsorted(lines_at, position))
        stop = int(lines_at[following]) if following < len(lines_at) else len(cells)
        if at + 1 < len(starts):  # a month without lines: its own summary is the next block
            stop = min(stop, starts[at + 1])
        region = _region(cells, rows, range(position, min(stop, position + SUMMARY_ROWS)))
        blocks.append((position, read_summary(region, roles)))
    return blocks


def _one_block(cells: pd.DataFrame, start: int, position: int, lines_at: np.ndarray) -> bool:
    """Whether the block row at `position` is of the block from `start`: no line between, and no
    blank row or header again (a month without lines, between two months' summaries: its title
    rows, its header and its own summary)."""
    if np.searchsorted(lines_at, start) != np.searchsorted(lines_at, position):
        return False
    if position == start + 1:
        return True
    between = cells.iloc[start + 1 : position]
    blank = between.isna() | between.astype(str).apply(lambda column: column.str.strip() == "")
    if blank.all(axis=1).any():
        return False
    return not any(_repeats_header(row) for _, row in between.iterrows())


def _states_a_statement(summary: Summary) -> bool:
    """Whether a block states a whole statement (opening and closing balances and its debits,
    credits or counts, as HDFC's STATEMENT SUMMARY does), not a page's totals or balances: a
    page's closing balance above the next page's opening (C/F, then B/F) is no summary."""
    totals = (summary.debits, summary.credits, summary.debit_count, summary.credit_count)
    return (
        summary.opening is not None
        and summary.closing is not None
        and any(total is not None for total in totals)
        and summary.rows.get("opening", 0) <= summary.rows.get("closing", 0)
    )


def _checked(
    summary: Summary,
    money: _Money,
    keep: np.ndarray,
    span: tuple[int, int],
    set_aside: int,
    above: int,
    *,
    whole_first: bool = False,
) -> tuple[list[Finding], bool]:
    """`_check` of a block's figures against the lines of `span` (its own: from the block above
    it), or, where they disagree, against every line above it (a statement's summary at the
    end, or a page footer of running totals), whichever agrees (`whole_first`: the whole first,
    where both do); with whether its own lines were the ones. Where neither agrees, its own
    lines' findings (the whole's, `whole_first`). `above` is the Excel row `span` starts at."""
    start, stop = span
    if start == 0:
        return _check(summary, money, keep & _between(len(keep), 0, stop), set_aside), True
    # its own lines' opening is the balance at `start`: an opening stated above it (the month's,
    # above the first line) is no part of them
    mine = (
        summary if summary.rows.get("opening", above) >= above else replace(summary, opening=None)
    )
    own = _check(mine, money, keep & _between(len(keep), start, stop), set_aside)
    whole = _check(summary, money, keep & _between(len(keep), 0, stop), set_aside)
    if whole_first and not whole:
        return whole, False
    if not own:
        return own, True
    return (whole, False) if not whole or whole_first else (own, True)


def _titled_below(cells: pd.DataFrame, block: int, lines_at: np.ndarray) -> bool:
    """Whether title rows naming the account or a period sit between the block at `block` and
    the next line (another statement's heading), not only a page's number and the header."""
    following = lines_at[np.searchsorted(lines_at, block) :]
    stop = int(following[0]) if len(following) else len(cells)
    titles = read_titles(cells.iloc[block:stop].to_numpy().tolist())
    return bool(titles.account) or titles.period != (None, None)


def _month_apart(
    cells: pd.DataFrame,
    dated: np.ndarray,
    lines_at: np.ndarray,
    frame: pd.DataFrame,
    columns: Mapping[Role, str],
    runs_on: Callable[[int, int], bool],
    titles: Titles,
) -> int | None:
    """Where another month's title rows (another period than `titles`') over the header again
    start, whose lines do not run on from the lines above (December's download above
    November's, no summary between): the lines end there, to be read as a statement of their
    own and joined in their dates' order (`_with_statement_below`); None where every month
    runs on. A page's titles repeating the statement's period start no month: a balance that
    breaks there is a finding, its lines read."""
    count = len(cells)
    for header in _headers_again(
        cells, dated, frame[columns[Role.DATE]], columns[Role.DATE], count
    ):
        after = lines_at[np.searchsorted(lines_at, header) :]
        position = _period_row(cells, header, lines_at)
        if position is None or not len(after):
            continue
        period = read_titles([cells.iloc[position].tolist()]).period
        if period != titles.period and not runs_on(position, int(after[0])):
            return position
    return None


def _period_row(cells: pd.DataFrame, stop: int, lines_at: np.ndarray) -> int | None:
    """The first row between the last line above `stop` and `stop` whose title names a period
    (`Statement From : 01/12/2026 To : 31/12/2026`: the next month's heading); None where no
    line is above or no such row."""
    before = lines_at[: np.searchsorted(lines_at, stop)]
    if not len(before):
        return None
    for position in range(int(before[-1]) + 1, stop):
        if read_titles([cells.iloc[position].tolist()]).period != (None, None):
            return position
    return None


def _heading_above(cells: pd.DataFrame, end: int, lines_at: np.ndarray) -> int | None:
    """Where title rows naming a period start, between the last line and the block at `end`
    that ends the lines, where lines follow it: the next statement's heading over its own
    summary (Kotak's months, the later pasted above or each newest first). None where the
    block is this statement's own (HDFC's summary under its lines)."""
    if end >= len(cells) or end >= int(lines_at[-1] if len(lines_at) else -1):
        return None
    return _period_row(cells, end, lines_at)


def _titled_above(cells: pd.DataFrame, block: int, lines_at: np.ndarray) -> bool:
    """Whether title rows naming a period sit between the last line above the block at `block`
    and the block: the next month's heading over its own summary."""
    return _period_row(cells, block, lines_at) is not None


def _run_on_to(titles: Titles, cells: pd.DataFrame, block: int, lines_at: np.ndarray) -> Titles:
    """`titles` with the period running to the end the title rows after the summary block at
    `block` give (the next statement's, up to its first line), where they give a later one, and
    from their start where it is earlier (months newest first, December's above November's)."""
    following = lines_at[np.searchsorted(lines_at, block) :]
    stop = int(following[0]) if len(following) else len(cells)
    start, last = read_titles(cells.iloc[block:stop].to_numpy().tolist()).period
    if start is None and _titled_above(cells, block, lines_at):  # titles over their summary
        before = lines_at[: np.searchsorted(lines_at, block)]
        start, last = read_titles(
            cells.iloc[int(before[-1]) + 1 : block].to_numpy().tolist()
        ).period
    first, end = titles.period
    if first is None or end is None or start is None or last is None:
        return titles
    return replace(titles, period=(min(first, start), max(end, last)))


def _between(count: int, start: int, stop: int) -> np.ndarray:
    """The positions from `start` up to `stop`, as a mask over `count` rows."""
    positions = np.arange(count)
    return (positions >= start) & (positions < stop)


def _statements_run_on(file: str, sheet: str, rows: list[int], count: int, titles: Titles) -> Issue:
    """A note that the sheet holds `count` of one account's statements one under another (their
    summaries at Excel `rows`, the last one's where it has one), read as one."""
    account = f"A/c {titles.account}" if titles.account else "the account"
    summaries = (
        f" (summaries at rows {', '.join(map(str, rows))})"
        if len(rows) > 1
        else f" (a summary at row {rows[0]})"
        if rows
        else ""
    )
    return Issue(
        severity=Severity.INFO,
        sheet=sheet,
        cell=f"A{rows[0]}" if rows else "A1",
        problem=f"the sheet holds {count} statements of {account}, one under another"
        f"{summaries}: each one's lines run "
        "on from the last one's balance, so they were read as one statement, and each "
        "summary was checked against its own lines",
        hint="Nothing to do if they are one account's months in turn. If a statement is "
        "another account's, save it on a sheet of its own and reconcile it with its own "
        "ledger.",
        file=file,
    )


def _summary(
    cells: pd.DataFrame,
    rows: np.ndarray,
    dated: np.ndarray,
    ends: tuple[int, int],
    columns: Mapping[Role, str],
    head: list[list[Any]],
    table: Any,
) -> Summary:
    """The figures the statement states: in the block that ends the lines, above the first
    line and in the title lines. `ends` holds where the lines end and where a summary, total
    or legend block ends them (`_lines_end`): the block is read where it is the end (where
    another account's title ends the lines, its rows hold that account's figures)."""
    count = len(cells)
    first = int(np.argmax(dated)) if dated.any() else count
    roles = _roles(cells, columns)
    end, block = ends
    stop = min(count, end + SUMMARY_ROWS)
    below = (
        read_summary(_region(cells, rows, range(end, stop)), roles) if end == block else Summary()
    )
    days = _first_and_last_day(cells, dated, columns)
    above = read_summary(
        _region(cells, rows, range(min(first, SUMMARY_ROWS))), roles, top=True, lines=days
    )
    titles = read_summary(
        [(n + 1, r) for n, r in enumerate(head[: max(table.header_row - 1, 0)])],
        top=True,
        lines=days,
    )
    return merged(merged(below, above), titles)


def _first_and_last_day(
    cells: pd.DataFrame, dated: np.ndarray, columns: Mapping[Role, str]
) -> tuple[date, date] | None:
    """The earliest and the latest day of the first and the last dated line (a statement may
    list its newest line first), as their cells say (for a `Balance as on …` heading,
    `read_summary`); None where either cannot be read."""
    if not dated.any() or columns.get(Role.DATE) not in cells.columns:
        return None
    at = np.flatnonzero(dated)
    found, _ = date_column(cells[columns[Role.DATE]].iloc[[at[0], at[-1]]])
    first, last = found
    if first is None or last is None:
        return None
    return (min(first, last), max(first, last))


def _roles(cells: pd.DataFrame, columns: Mapping[Role, str]) -> dict[int, Role]:
    """Each read column's role by its position among `cells`' columns."""
    return {
        index: role
        for role, header in columns.items()
        for index, name in enumerate(cells.columns)
        if name == header
    }


def _region(
    cells: pd.DataFrame, rows: np.ndarray, positions: range
) -> list[tuple[int, Sequence[Any]]]:
    """The rows at `positions` as (Excel row, cells), blanks as None: for `read_summary`."""
    block = cells.iloc[list(positions)].astype(object)
    values = block.where(block.notna(), None).values.tolist()
    return list(zip(rows[list(positions)].tolist(), values, strict=True))


def _repeats_header(row: pd.Series) -> bool:
    """Whether a row repeats the header (as a statement printed page by page does)."""
    same = sum(
        isinstance(cell, str) and header_key(cell) == header_key(name) for name, cell in row.items()
    )
    return same >= 2


BROUGHT_ROWS = 3
"""Rows above a statement's first line where a `Brought Forward` row may write the opening
balance in a money column, which a Grand Total at the foot may count (`_check`)."""


def _check(summary: Summary, money: _Money, keep: np.ndarray, set_aside: int) -> list[Finding]:
    """The summary's or footer's figures against the lines read: totals and counts of each
    column as written, and opening + credits - debits = closing. Each figure that disagrees is
    an integrity finding at its row, with the statement's figure and the lines' (every line may
    have been read: the file disagrees with itself, or a line is missing from the download);
    `set_aside` lines with cells that could not be read (reported as issues) may explain it."""
    because = (
        f" {set_aside} line(s) could not be read (see the Issues sheet), which may explain it."
        if set_aside
        else " A line may be missing from the download, or the figure is wrong: compare the "
        "lines with the bank's statement."
    )
    out, into = money.written_debit[keep], money.written_credit[keep]
    read = {
        "debits": int(out.sum()),
        "credits": int(into.sum()),
        "debit_count": int(np.count_nonzero(out)),
        "credit_count": int(np.count_nonzero(into)),
    }
    # a Grand Total that counts the opening balance a `Brought Forward` row above the first
    # line writes in a money column (Indian Bank, RBL) adds up too
    lines_at = np.flatnonzero(keep)
    first = int(lines_at[0]) if len(lines_at) else 0
    lead = np.arange(max(first - BROUGHT_ROWS, 0), first)
    brought = {
        "debits": int(money.written_debit[lead].sum()),
        "credits": int(money.written_credit[lead].sum()),
    }
    findings: list[Finding] = []
    for key, lines_say in read.items():
        said = getattr(summary, key)
        if (
            said is None
            or said == lines_say
            or (brought.get(key) and said == lines_say + brought[key])
        ):
            continue
        row = summary.rows.get(key, 0)
        if key.endswith("count"):
            side = "debit" if key == "debit_count" else "credit"
            found = f"counts {said} {side} line(s), but {lines_say} were read"
        else:
            found = (
                f"gives total {key} of {format_money(from_paise(said), money.currency)}, but the lines read add "
                f"up to {format_money(from_paise(lines_say), money.currency)} (difference "
                f"{format_money(from_paise(said - lines_say), money.currency)})"
            )
        findings.append(Finding(row, FOOTER_CHECK, f"Row {row}: the statement {found}." + because))
    if summary.opening is not None and summary.closing is not None and not findings:
        moved = int((money.credit[keep]).sum()) - int((money.debit[keep]).sum())
        lines_close = summary.opening + moved
        if lines_close != summary.closing:
            row = summary.rows.get("closing", 0)
            findings.append(
                Finding(
                    row,
                    FOOTER_CHECK,
                    f"Row {row}: the statement gives a closing balance of "
                    f"{format_money(from_paise(summary.closing), money.currency)}, but its opening balance "
                    f"{format_money(from_paise(summary.opening), money.currency)} and the lines read come to "
                    f"{format_money(from_paise(lines_close), money.currency)} (difference "
                    f"{format_money(from_paise(summary.closing - lines_close), money.currency)})."
                    + because,
                )
            )
    return findings


FOOTER_CHECK = "Statement total"
"""The Integrity sheet's name for a summary or footer figure the lines do not add up to."""
