"""Bank statements as banks export them: title lines, a header row found by its words,
transactions, and summary or footer lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.lines import Lines, RowSource, _issues_for, _sheet_table, _undated, fingerprints
from xlbo.bank.roles import Role, column_role, has_amounts, roles_in
from xlbo.book import FileBook
from xlbo.book.table import HEADER_SCAN_ROWS, header_key
from xlbo.columns import (
    amount_present,
    date_column,
    has_date,
    paise_column,
    strings,
    text_column,
)
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity


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
