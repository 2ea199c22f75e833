"""Bank statements and bank ledgers as frames of lines in exact paise.

A statement line: `row` (its Excel row), `date`, `value_date`, `narration`, `reference`,
`debit` and `credit` (integer paise, money out and money in as the bank sees it), `balance`
(paise, or missing). A ledger line: `row`, `date`, `particulars`, `voucher_type`, `voucher_no`,
`narration`, `debit`, `credit` (paise, as the books see it: a deposit is a debit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from xlbo.bank.roles import Role, column_role, has_amounts, roles_in
from xlbo.book import FileBook, Table, build_table
from xlbo.book.files import frame_table
from xlbo.book.table import HEADER_SCAN_ROWS, find_header_row, header_key
from xlbo.columns import (
    amount_present,
    date_column,
    day_numbers,
    has_date,
    paise_column,
    strings,
    text_column,
)
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity


@dataclass
class Lines:
    """Lines read from one file, the issues met, and what was found about the file."""

    frame: pd.DataFrame
    source: str
    sheet: str
    letters: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    opening: int | None = None
    """Opening balance in paise, when the file states it (a ledger's Opening Balance line)."""
    closing: int | None = None


def _find_header(
    rows: Sequence[Sequence[Any]], mapping: Mapping[Role, str], where: str = ""
) -> int:
    wanted = {header_key(h) for h in mapping.values()}
    best, best_count = -1, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = roles_in(row)
        count = len(found) + sum(1 for c in row if isinstance(c, str) and header_key(c) in wanted)
        if (Role.DATE in found or wanted) and (has_amounts(found) or wanted) and count > best_count:
            best, best_count = index, count
    if best < 0:
        raise SheetProblem(
            f"{where}: no header row with a date and amount columns was found in the first "
            f'{HEADER_SCAN_ROWS} rows; name the columns with --map (e.g. --map "date=Txn Dt,'
            'narration=Details,withdrawal=Debit,deposit=Credit").'
        )
    return best


def _columns(frame: pd.DataFrame, mapping: Mapping[Role, str]) -> dict[Role, str]:
    columns: dict[Role, str] = {}
    for header in frame.columns:
        role = column_role(header)
        if role is not None and role not in columns:
            columns[role] = str(header)
    for role, header in mapping.items():
        match = next((c for c in frame.columns if header_key(c) == header_key(header)), None)
        if match is None:
            raise SheetProblem(
                f"--map names a column '{header}' that the file does not have "
                f"(it has: {', '.join(map(str, frame.columns))})."
            )
        columns[role] = str(match)
    return columns


LEFT_OUT = "Fix the cell and reconcile again; the line was left out."


def _issues_for(
    problems: dict[int, str],
    rows: np.ndarray,
    book: str,
    sheet: str,
    letter: str,
    *,
    severity: Severity = Severity.ERROR,
    hint: str = LEFT_OUT,
) -> list[Issue]:
    return [
        Issue(
            severity=severity,
            sheet=sheet,
            cell=f"{letter}{int(rows[position])}",
            problem=f"Row {int(rows[position])}: {problem}",
            hint=hint,
            file=book,
        )
        for position, problem in sorted(problems.items())
    ]


def _undated(
    dates: list[Any], cells: pd.Series, moves: np.ndarray, rows: np.ndarray
) -> dict[int, str]:
    """Lines with money but a date cell that is no date (31/09/2026): problems to report, not
    title or footer lines to skip quietly."""
    dated = has_date(dates)
    return {
        position: f"'{cells.iat[position]}' is not a date"
        for position in np.flatnonzero(~dated & amount_present(cells) & moves).tolist()
    }


def fingerprints(frame: pd.DataFrame) -> np.ndarray:
    """A stable 64-bit hash of each line's date, narration, reference, amounts and balance, so a
    line downloaded twice (overlapping statements) is recognised."""
    parts = frame[["narration", "reference", "debit", "credit"]].copy()
    parts["day"] = day_numbers(frame["date"])
    parts["balance"] = frame["balance"].fillna(-(2**62)).astype("int64")
    return np.asarray(pd.util.hash_pandas_object(parts, index=False).to_numpy(), dtype=np.uint64)


def _sheet_table(
    book: RowSource, name: str, find: Any, expected: Sequence[str] | None = None
) -> Table:
    """The sheet's table under the header row `find(first rows)` picks (headers matching
    `expected` but for case and spacing renamed to it); files are read in bulk."""
    if isinstance(book, FileBook):
        cells, named = book.sheet_frame(name)
        if named:
            return frame_table(book.name, name, cells, -1, expected)
        head = cells.head(HEADER_SCAN_ROWS).astype(object)
        first_rows = head.where(head.notna(), "").values.tolist()
        return frame_table(book.name, name, cells, find(first_rows), expected)
    rows = book.sheet_rows(name)
    return build_table(book.name, name, rows, find(rows), expected)


class RowSource(Protocol):
    """A workbook that hands over a sheet's cells (a file, or the workbook open in Excel)."""

    name: str

    def sheet_names(self) -> list[str]: ...

    def has(self, name: str) -> bool: ...

    def sheet_rows(self, sheet: str) -> list[list[Any]]: ...

    def read_table(
        self, name: str, headers: Sequence[str] | None = None, *, title: str | None = None
    ) -> Table: ...


def read_statement(
    source: str | RowSource, sheet: str | None = None, mapping: Mapping[Role, str] | None = None
) -> Lines:
    """A bank statement as banks export it: title lines, a header row found by its words,
    transactions, and summary lines (ignored). Read a column at a time: a million lines from
    CSV or Parquet take seconds."""
    book = FileBook(source) if isinstance(source, str) else source
    name = sheet or book.sheet_names()[0]
    table = _sheet_table(
        book, name, lambda rows: _find_header(rows, mapping or {}, f"{book.name}, sheet {name}")
    )
    columns = _columns(table.frame, mapping or {})
    if Role.DATE not in columns or not (
        {Role.WITHDRAWAL, Role.DEPOSIT} <= set(columns) or Role.AMOUNT in columns
    ):
        raise SheetProblem(
            f"{book.name}: found no date column or no amount columns under row "
            f"{table.header_row}; name them with --map."
        )
    frame = table.frame.reset_index()
    rows = frame["Row"].to_numpy(dtype=np.int64)
    count = len(frame)

    def column(role: Role) -> pd.Series:
        if role in columns:
            return frame[columns[role]]
        return pd.Series([None] * count, dtype=object)

    def letter(role: Role) -> str:
        return table.letters.get(columns.get(role, ""), "A")

    dates, _ = date_column(column(Role.DATE))
    dated = has_date(dates)
    problems: dict[int, tuple[Role, str]] = {}
    if Role.AMOUNT in columns:
        # One amount column: the Dr/Cr column says which way the money went; failing that, a
        # Dr or Cr written after the amount; failing that, a minus sign or brackets (money out).
        amount, bad = paise_column(column(Role.AMOUNT))
        problems.update((p, (Role.AMOUNT, m)) for p, m in bad.items())
        said = text_column(column(Role.SIDE)).str.upper().str[:1].to_numpy(dtype=object)
        cell = strings(column(Role.AMOUNT).astype(object).where(column(Role.AMOUNT).notna(), ""))
        cell = cell.astype(str).str.strip().str.upper().str.rstrip(".")
        suffix = np.where(
            cell.str.endswith("DR").to_numpy(dtype=bool),
            "D",
            np.where(cell.str.endswith("CR").to_numpy(dtype=bool), "C", ""),
        )
        side = np.where(
            np.isin(said, ["D", "C"]),
            said,
            np.where(suffix != "", suffix, np.where(amount < 0, "D", "")),
        )
        amount = np.abs(amount)
        unsigned = (amount != 0) & ~np.isin(side, ["D", "C"])
        for position in np.flatnonzero(unsigned).tolist():
            problems.setdefault(
                position,
                (
                    Role.SIDE if Role.SIDE in columns else Role.AMOUNT,
                    "neither a Dr/Cr column nor the amount says which way the money went",
                ),
            )
        debit = np.where(side == "D", amount, 0)
        credit = np.where(side == "C", amount, 0)
    else:
        debit, bad_out = paise_column(column(Role.WITHDRAWAL))
        credit, bad_in = paise_column(column(Role.DEPOSIT))
        debit, credit = np.abs(debit), np.abs(credit)
        problems.update((p, (Role.WITHDRAWAL, m)) for p, m in bad_out.items())
        problems.update((p, (Role.DEPOSIT, m)) for p, m in bad_in.items())
    balance_cells = column(Role.BALANCE)
    balance, bad_balance = paise_column(balance_cells)
    # A balance marked Dr is overdrawn; one marked Cr is money in the account (not negative,
    # as a Cr amount is in a ledger).
    balance_text = strings(balance_cells.astype(str)).str.strip().str.upper().str.rstrip(".")
    marked_dr = balance_text.str.endswith("DR").to_numpy(dtype=bool)
    marked_cr = balance_text.str.endswith("CR").to_numpy(dtype=bool)
    balance = np.where(marked_dr, -np.abs(balance), np.where(marked_cr, np.abs(balance), balance))
    has_balance = amount_present(balance_cells)
    has_balance &= ~np.isin(np.arange(count), list(bad_balance))
    moves = (debit != 0) | (credit != 0)
    issues: list[Issue] = []
    for position, (role, problem) in sorted(problems.items()):
        if dated[position]:  # title, rule, summary and footer lines are not lines
            issues += _issues_for({position: problem}, rows, book.name, table.sheet, letter(role))
    issues += _issues_for(
        {p: m for p, m in bad_balance.items() if dated[p] and moves[p]},
        rows,
        book.name,
        table.sheet,
        letter(Role.BALANCE),
        severity=Severity.WARNING,
        hint="The line is matched; its balance is not checked until the cell is fixed.",
    )
    undated = _undated(dates, column(Role.DATE), moves, rows)
    issues += _issues_for(undated, rows, book.name, table.sheet, letter(Role.DATE))
    failed = np.isin(np.arange(count), list(problems))
    keep = dated & ~failed & moves
    reference = text_column(column(Role.REFERENCE))
    reference = reference.where(~reference.str.fullmatch(r"0*").to_numpy(dtype=bool), "")
    value_dates = date_column(column(Role.VALUE_DATE))[0] if Role.VALUE_DATE in columns else dates
    lines = pd.DataFrame(
        {
            "row": rows,
            "date": pd.Series(dates, dtype=object),
            "value_date": pd.Series(
                [v or d for v, d in zip(value_dates, dates, strict=True)], dtype=object
            ),
            "narration": text_column(column(Role.NARRATION)).array,
            "reference": reference.array,
            "debit": debit.astype(np.int64),
            "credit": credit.astype(np.int64),
            "balance": pd.array(np.where(has_balance, balance, 0), dtype="Int64"),
        }
    )
    lines.loc[~has_balance, "balance"] = pd.NA
    lines = lines[keep].reset_index(drop=True)
    lines["fingerprint"] = fingerprints(lines)
    return Lines(lines, book.name, table.sheet, dict(table.letters), issues)


LEDGER_COLUMNS = (
    "row",
    "date",
    "particulars",
    "voucher_type",
    "voucher_no",
    "narration",
    "debit",
    "credit",
)
"""The columns of a ledger-lines frame, whichever file it came from."""
LEDGER_HEADERS = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]


def read_ledger(
    source: str | RowSource, account: str | None = None, sheet: str | None = None
) -> Lines:
    """The bank account as the books have it: a Tally ledger export (Date, Particulars,
    Vch Type, Vch No., Debit, Credit, with Opening and Closing Balance lines), or an xlbo
    Journal sheet filtered to the bank ledger `account`."""
    book = FileBook(source) if isinstance(source, str) else source
    if book.has("Journal") and account:
        return _journal_lines(book, account)
    name = sheet or book.sheet_names()[0]
    table = _sheet_table(
        book, name, lambda rows: find_header_row(rows, LEDGER_HEADERS), LEDGER_HEADERS
    )
    frame = table.frame.reset_index()
    for needed in ("Date", "Particulars", "Debit", "Credit"):
        if needed not in frame.columns:
            raise SheetProblem(
                f"{book.name} has no '{needed}' column under row {table.header_row}; "
                "export the ledger from Tally with Date, Particulars, Vch Type, Vch No., Debit, Credit."
            )
    count = len(frame)

    def column(header: str) -> pd.Series:
        return frame[header] if header in frame.columns else pd.Series([None] * count, dtype=object)

    dates, _ = date_column(frame["Date"])
    particulars = text_column(frame["Particulars"])
    debit, bad_debit = paise_column(frame["Debit"])
    credit, bad_credit = paise_column(frame["Credit"])
    debit, credit = np.abs(debit), np.abs(credit)
    rows = frame["Row"].to_numpy(dtype=np.int64)
    issues = _issues_for(bad_debit, rows, book.name, table.sheet, table.letters["Debit"])
    issues += _issues_for(bad_credit, rows, book.name, table.sheet, table.letters["Credit"])
    folded = particulars.str.casefold()
    opening = closing = None
    opening_rows = np.flatnonzero((folded == "opening balance").to_numpy(dtype=bool))
    closing_rows = np.flatnonzero((folded == "closing balance").to_numpy(dtype=bool))
    if len(opening_rows):
        opening = int(debit[opening_rows[-1]] - credit[opening_rows[-1]])
    if len(closing_rows):  # shown on the other side to total the ledger
        closing = int(credit[closing_rows[-1]] - debit[closing_rows[-1]])
    dated = has_date(dates)
    balances = folded.isin(["opening balance", "closing balance"]).to_numpy(dtype=bool)
    moves = ((debit != 0) | (credit != 0)) & ~balances
    undated = _undated(dates, frame["Date"], moves, rows)
    issues += _issues_for(undated, rows, book.name, table.sheet, table.letters["Date"])
    keep = dated & moves & ~np.isin(np.arange(count), [*bad_debit, *bad_credit])
    lines = pd.DataFrame(
        {
            "row": rows,
            "date": pd.Series(dates, dtype=object),
            "particulars": particulars.array,
            "voucher_type": text_column(column("Vch Type")).array,
            "voucher_no": text_column(column("Vch No.")).array,
            "narration": "",
            "debit": debit,
            "credit": credit,
        }
    )[keep].reset_index(drop=True)
    return Lines(
        lines[list(LEDGER_COLUMNS)],
        book.name,
        table.sheet,
        dict(table.letters),
        issues,
        opening,
        closing,
    )


def _journal_lines(book: RowSource, account: str) -> Lines:
    """The bank account's lines of an xlbo Journal; each line's party is its own Party, else the
    first Party (else Account) on the other lines of its voucher."""
    from xlbo.reports.journal import HEADERS

    table = book.read_table("Journal", HEADERS)
    frame = table.frame.reset_index()
    accounts = text_column(frame["Account"]).str.casefold()
    is_bank = (accounts == account.casefold()).to_numpy(dtype=bool)
    voucher = text_column(frame["Voucher No"])
    party = text_column(frame["Party"]) if "Party" in frame.columns else voucher.map(lambda _: "")
    others = pd.DataFrame(
        {
            "voucher": voucher[~is_bank],
            "party": party[~is_bank],
            "account": text_column(frame["Account"])[~is_bank],
        }
    )
    named = others[others["party"] != ""].drop_duplicates("voucher").set_index("voucher")["party"]
    first_account = others.drop_duplicates("voucher").set_index("voucher")["account"]
    mine = frame[is_bank]
    own_party = party[is_bank]
    their_party = voucher[is_bank].map(named).fillna(voucher[is_bank].map(first_account)).fillna("")
    dates, _ = date_column(mine["Date"])
    debit, bad_debit = paise_column(mine["Debit"])
    credit, bad_credit = paise_column(mine["Credit"])
    debit, credit = np.abs(debit), np.abs(credit)
    rows = mine["Row"].to_numpy(dtype=np.int64)
    issues = _issues_for(bad_debit, rows, book.name, table.sheet, table.letters["Debit"])
    issues += _issues_for(bad_credit, rows, book.name, table.sheet, table.letters["Credit"])
    moves = (debit != 0) | (credit != 0)
    issues += _issues_for(
        _undated(dates, mine["Date"], moves, rows),
        rows,
        book.name,
        table.sheet,
        table.letters["Date"],
    )
    lines = pd.DataFrame(
        {
            "row": mine["Row"].to_numpy(dtype=np.int64),
            "date": pd.Series(dates, dtype=object),
            "particulars": np.where(own_party != "", own_party, their_party).astype(object),
            "voucher_type": text_column(mine["Voucher Type"]).to_numpy(dtype=object),
            "voucher_no": voucher[is_bank].to_numpy(dtype=object),
            "narration": text_column(mine["Narration"]).to_numpy(dtype=object),
            "debit": debit,
            "credit": credit,
        }
    )
    dated = has_date(dates)
    failed = np.isin(np.arange(len(mine)), [*bad_debit, *bad_credit])
    lines = lines[dated & moves & ~failed].reset_index(drop=True)
    return Lines(lines[list(LEDGER_COLUMNS)], book.name, table.sheet, dict(table.letters), issues)
