"""Bank statements and bank ledgers as frames of lines in exact paise.

A statement line: `row` (its Excel row), `date`, `value_date`, `narration`, `reference`,
`debit` and `credit` (integer paise, money out and money in as the bank sees it), `balance`
(paise, or missing). A ledger line: `row`, `date`, `particulars`, `voucher_type`, `voucher_no`,
`narration`, `debit`, `credit` (paise, as the books see it: a deposit is a debit).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from xlbo.bank.roles import Role, column_role, has_amounts, roles_in
from xlbo.book import FileBook, Table, build_table
from xlbo.book.table import HEADER_SCAN_ROWS, header_key
from xlbo.cells import clean_text, is_blank
from xlbo.dates import DateOrder, date_order, parse_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import parse_amount, to_paise

PLACEHOLDER_REFERENCE = re.compile(r"^0*$")


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


def _find_header(rows: Sequence[Sequence[Any]], mapping: Mapping[Role, str]) -> int:
    wanted = {header_key(h) for h in mapping.values()}
    best, best_count = -1, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = roles_in(row)
        count = len(found) + sum(1 for c in row if isinstance(c, str) and header_key(c) in wanted)
        if (Role.DATE in found or wanted) and (has_amounts(found) or wanted) and count > best_count:
            best, best_count = index, count
    if best < 0:
        raise SheetProblem(
            "No header row with a date and amount columns was found in the first "
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


def _paise(value: Any) -> int:
    amount = parse_amount(value)
    return to_paise(abs(amount)) if amount is not None else 0


def _dates(values: list[Any]) -> list[Any]:
    """Dates of a column in the order the column itself proves; None where a cell is no date.
    Each distinct cell is read once (a statement repeats its dates)."""
    day_first = date_order(values) is not DateOrder.MONTH_FIRST
    seen: dict[tuple[type, Any], Any] = {}
    parsed = []
    for value in values:
        key = (type(value), value)
        if key not in seen:
            try:
                seen[key] = parse_date(value, day_first=day_first)
            except ValueError:
                seen[key] = None
        parsed.append(seen[key])
    return parsed


def fingerprint(*parts: Any) -> str:
    """A short stable hash of a line, so re-importing an overlapping download is recognised."""
    text = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


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
    transactions, and summary lines (ignored)."""
    book = FileBook(source) if isinstance(source, str) else source
    name = sheet or book.sheet_names()[0]
    rows = book.sheet_rows(name)
    header = _find_header(rows, mapping or {})
    table = build_table(book.name, name, rows, header)
    columns = _columns(table.frame, mapping or {})
    if Role.DATE not in columns or not (
        {Role.WITHDRAWAL, Role.DEPOSIT} <= set(columns) or Role.AMOUNT in columns
    ):
        raise SheetProblem(
            f"{book.name}: found no date column or no amount columns under row "
            f"{table.header_row}; name them with --map."
        )
    frame = table.frame
    count = len(frame)

    def column(role: Role) -> list[Any]:
        return frame[columns[role]].tolist() if role in columns else [None] * count

    dates = _dates(column(Role.DATE))
    value_dates = _dates(column(Role.VALUE_DATE)) if Role.VALUE_DATE in columns else dates
    numbers = [int(r) for r in frame.index.tolist()]
    narrations, references, balances = (
        column(Role.NARRATION),
        column(Role.REFERENCE),
        column(Role.BALANCE),
    )
    amounts, sides = column(Role.AMOUNT), column(Role.SIDE)
    withdrawals, deposits = column(Role.WITHDRAWAL), column(Role.DEPOSIT)
    single = Role.AMOUNT in columns
    issues: list[Issue] = []
    out = []
    for position in range(count):
        number, day = numbers[position], dates[position]
        if day is None:
            continue  # title, rule, summary and footer lines
        try:
            if single:
                amount = parse_amount(amounts[position])
                side = (clean_text(sides[position]) or "").upper()[:1]
                if amount is not None and amount < 0:
                    side, amount = "D", -amount
                if amount and side not in ("D", "C"):
                    raise ValueError("the Dr/Cr column does not say which way the money went")
                debit = to_paise(amount) if amount is not None and side == "D" else 0
                credit = to_paise(amount) if amount is not None and side == "C" else 0
            else:
                debit, credit = _paise(withdrawals[position]), _paise(deposits[position])
            balance_cell = balances[position]
            balance_amount = parse_amount(balance_cell)
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=f"A{number}",
                    problem=f"Row {number}: {error}",
                    hint="Fix the cell; the line was left out.",
                    file=book.name,
                )
            )
            continue
        if not (debit or credit):
            continue
        narration = clean_text(narrations[position]) or ""
        reference = clean_text(references[position]) or ""
        if PLACEHOLDER_REFERENCE.match(reference):
            reference = ""
        balance = to_paise(balance_amount) if balance_amount is not None else None
        if (
            isinstance(balance_cell, str)
            and balance_cell.strip().upper().endswith("DR")
            and balance
        ):
            balance = -abs(balance)
        out.append(
            {
                "row": number,
                "date": day,
                "value_date": value_dates[position] or day,
                "narration": narration,
                "reference": reference,
                "debit": debit,
                "credit": credit,
                "balance": balance,
                "fingerprint": fingerprint(day, narration, reference, debit, credit, balance),
            }
        )
    lines = pd.DataFrame(
        out,
        columns=[
            "row",
            "date",
            "value_date",
            "narration",
            "reference",
            "debit",
            "credit",
            "balance",
            "fingerprint",
        ],
    )
    lines["balance"] = lines["balance"].astype("Int64")
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
    rows = book.sheet_rows(name)
    headers = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
    from xlbo.book.table import find_header_row

    header = find_header_row(rows, headers)
    table = build_table(book.name, name, rows, header, headers)
    frame = table.frame
    for needed in ("Date", "Particulars", "Debit", "Credit"):
        if needed not in frame.columns:
            raise SheetProblem(
                f"{book.name} has no '{needed}' column under row {table.header_row}; "
                "export the ledger from Tally with Date, Particulars, Vch Type, Vch No., Debit, Credit."
            )
    dates = _dates(frame["Date"].tolist())
    numbers = [int(r) for r in frame.index.tolist()]

    def column(header: str) -> list[Any]:
        return frame[header].tolist() if header in frame.columns else [None] * len(frame)

    particulars_, types, vouchers = column("Particulars"), column("Vch Type"), column("Vch No.")
    debits, credits = column("Debit"), column("Credit")
    out = []
    opening = closing = None
    for position in range(len(frame)):
        particulars = clean_text(particulars_[position]) or ""
        debit, credit = _paise(debits[position]), _paise(credits[position])
        if particulars.casefold() == "opening balance":
            opening = debit - credit
            continue
        if particulars.casefold() == "closing balance":
            closing = credit - debit  # shown on the other side to total the ledger
            continue
        if dates[position] is None or not (debit or credit):
            continue
        out.append(
            {
                "row": numbers[position],
                "date": dates[position],
                "particulars": particulars,
                "voucher_type": clean_text(types[position]) or "",
                "voucher_no": clean_text(vouchers[position]) or "",
                "narration": "",
                "debit": debit,
                "credit": credit,
            }
        )
    lines = pd.DataFrame(out, columns=list(LEDGER_COLUMNS))
    return Lines(lines, book.name, table.sheet, dict(table.letters), [], opening, closing)


def _journal_lines(book: RowSource, account: str) -> Lines:
    from xlbo.reports.journal import HEADERS

    table = book.read_table("Journal", HEADERS)
    frame = table.frame
    mine = frame[
        frame["Account"].map(lambda v: (clean_text(v) or "").casefold() == account.casefold())
    ]
    dates = _dates(mine["Date"].tolist())
    out = []
    for position, (row, cells) in enumerate(mine.iterrows()):
        debit, credit = _paise(cells.get("Debit")), _paise(cells.get("Credit"))
        if dates[position] is None or not (debit or credit):
            continue
        voucher = clean_text(cells.get("Voucher No")) or ""
        others = frame[(frame["Voucher No"] == cells.get("Voucher No")) & (frame.index != row)]
        party = (
            clean_text(cells.get("Party"))
            or next(
                (clean_text(v) for v in others["Party"].tolist() if not is_blank(v)),
                clean_text(others["Account"].iloc[0]) if len(others) else "",
            )
            or ""
        )
        out.append(
            {
                "row": int(str(row)),
                "date": dates[position],
                "particulars": party,
                "voucher_type": clean_text(cells.get("Voucher Type")) or "",
                "voucher_no": voucher,
                "narration": clean_text(cells.get("Narration")) or "",
                "debit": debit,
                "credit": credit,
            }
        )
    lines = pd.DataFrame(out, columns=list(LEDGER_COLUMNS))
    return Lines(lines, book.name, table.sheet, dict(table.letters))
