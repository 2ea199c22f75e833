"""A Tally Day Book export as Journal lines.

Tally exports the Day Book (Display More Reports → Day Book, in detailed format, Alt+F5) to
Excel as title lines (company, "Day Book", period), then `Date`, `Particulars`, `Vch Type`,
`Vch No.`, `Debit Amount`, `Credit Amount`. A voucher starts on a dated row, which names its
first ledger; the rows below it with no date name the voucher's other ledgers and their amounts;
a row under a voucher with text and no amount is its narration. Totals rows are not vouchers.

Each voucher becomes Journal lines with the same Voucher No. A voucher whose debits and credits
differ (a Day Book exported condensed shows only the first ledger) is an issue and left out, with
how to export it in detail. Ledger names are kept as Tally has them: a party's own ledger (a
debtor or creditor) shows in the Party column as well, when `parties` names its group ledger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd

from xlbo.book.files import build_table
from xlbo.book.rows import RowSource
from xlbo.book.table import find_header_row, header_key
from xlbo.cells import text_cells
from xlbo.dates import parse_date
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.journal_layout import HEADERS
from xlbo.money import format_inr, from_paise, parse_amount, to_paise

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


@dataclass
class _Voucher:
    row: int
    day: date
    kind: str
    number: str
    lines: list[tuple[str, int, int]] = field(default_factory=list)
    narration: list[str] = field(default_factory=list)
    bad: bool = False


def _amount_column(headers: list[str], word: str) -> str | None:
    for header in headers:
        key = header_key(header)
        if key.startswith(word):
            return header
    return None


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
    rows = source.sheet_rows(name)
    header = find_header_row(rows, DAY_BOOK_HEADERS)
    if rows:  # Tally's own spellings and any case (DATE, Voucher No.) become one set of names
        rows = list(rows)
        rows[header] = [
            HEADER_ALIASES.get(header_key(c), c) if isinstance(c, str) else c for c in rows[header]
        ]
    headers = [str(h) for h in rows[header]] if rows else []
    table = build_table(source.name, name, rows, header, None)
    frame = table.frame
    debit_column = _amount_column(headers, "debit")
    credit_column = _amount_column(headers, "credit")
    for needed, found in (
        ("Date", "Date" in frame.columns),
        ("Particulars", "Particulars" in frame.columns),
        ("Debit Amount", debit_column),
        ("Credit Amount", credit_column),
    ):
        if not found:
            raise SheetProblem(
                f"{source.name}, sheet '{name}': no '{needed}' column under row "
                f"{table.header_row}. Export the Day Book from Tally in detailed format "
                f"(Alt+F5) with the columns {', '.join(DAY_BOOK_HEADERS)}."
            )
    issues: list[Issue] = []
    vouchers: list[_Voucher] = []
    current: _Voucher | None = None

    def problem(row: int, column: str, value: Any, text: str, hint: str) -> None:
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=table.cell(row, column),
                value="" if value is None else str(value),
                problem=text,
                hint=hint,
                file=source.name,
            )
        )

    def cell(cells: Mapping[Any, Any], column: str | None) -> Any:
        return cells.get(column) if column else None

    for index, cells in zip(frame.index.tolist(), frame.to_dict("records"), strict=True):
        row = int(index)
        texts, bad = text_cells(cells, ("Particulars", "Vch Type", "Vch No."))
        if bad is not None:  # an Excel error (#REF!, #N/A) where text should be
            heading, error = bad
            problem(row, heading, cells.get(heading), str(error), "The voucher is left out.")
            try:  # the first row of a voucher starts it, left out whole; else its voucher is
                starts = parse_date(cells.get("Date"))
            except ValueError:
                starts = None
            if starts is not None:
                current = _Voucher(row, starts, "", "", bad=True)
                vouchers.append(current)
            elif current is not None:
                current.bad = True
            continue
        particulars = texts["Particulars"]
        if particulars.casefold() in TOTAL_WORDS:
            current = None
            continue
        raw_date = cells.get("Date")
        try:
            day = parse_date(raw_date)
        except ValueError as error:
            problem(
                row,
                "Date",
                raw_date,
                str(error),
                "Type the date day-first; the voucher is left out.",
            )
            current = None
            continue
        if day is not None:
            current = _Voucher(row, day, texts["Vch Type"], texts["Vch No."])
            vouchers.append(current)
        elif current is None or not particulars:
            continue
        column = debit_column
        try:
            # the column gives the side: "500.00 Cr" under Credit Amount is a credit of 500
            debit = abs(to_paise(parse_amount(cell(cells, debit_column)) or Decimal(0)))
            column = credit_column
            credit = abs(to_paise(parse_amount(cell(cells, credit_column)) or Decimal(0)))
        except ValueError as error:
            problem(row, str(column), cell(cells, column), str(error), "The voucher is left out.")
            current.bad = True
            continue
        if debit or credit:
            current.lines.append((particulars, debit, credit))
        elif day is None:
            current.narration.append(particulars)

    out: list[list[Any]] = []
    starts_on: list[int] = []
    ledgers = {k.casefold(): v for k, v in (parties or {}).items()}
    for voucher in vouchers:
        if voucher.bad:
            continue
        number = voucher.number or f"{voucher.kind or 'Voucher'}/{voucher.row}"
        debits = sum(d for _, d, _ in voucher.lines)
        credits = sum(c for _, _, c in voucher.lines)
        if not voucher.lines or debits != credits:
            gap = debits - credits
            problem(
                voucher.row,
                "Vch No." if "Vch No." in frame.columns else "Date",
                number,
                f"Voucher {number} of {voucher.day:%d-%m-%Y} does not balance: "
                f"debits {format_inr(from_paise(debits))}, credits "
                f"{format_inr(from_paise(credits))} (difference {format_inr(from_paise(abs(gap)))})",
                "Export the Day Book in detailed format (Alt+F5 in Tally) so every ledger of each "
                "voucher is listed; the voucher is left out.",
            )
            continue
        narration = " ".join(voucher.narration)
        for ledger, debit, credit in voucher.lines:
            account, party = ledger, None
            if ledger.casefold() in ledgers:
                account, party = ledgers[ledger.casefold()], ledger
            starts_on.append(voucher.row)
            out.append(
                [
                    voucher.day,
                    number,
                    voucher.kind,
                    account,
                    from_paise(debit) if debit else None,
                    from_paise(credit) if credit else None,
                    party,
                    None,
                    narration,
                ]
            )
    journal = pd.DataFrame(out, columns=list(HEADERS), dtype=object)
    if with_rows:
        journal["Row"] = pd.Series(starts_on, dtype="int64")
    return journal, issues
