"""The figures a letter lists, read from the books and the payroll registers through the
workbook port (the arithmetic is `xlbo.letters.figures`'s): the Journal (with its Opening Bills)
for reminders and payment advice, the registers — `payroll-register-YYYY-MM.xlsx` files in a
payroll folder, or the `Register YYYY-MM` sheets the Run Payroll button keeps in a workbook — for
salary certificates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook, Reader
from xlbo.errors import FileProblem, SheetProblem, UserError
from xlbo.letters.fields import field_text
from xlbo.letters.figures import (
    SALARY_FIGURES,
    Overdue,
    Payments,
    Salary,
    overdue_by_party,
    party_key,
    payments_by_party,
    salary_by_employee,
)
from xlbo.letters.shipped import Needs
from xlbo.master.load import MasterData
from xlbo.money import format_inr, from_paise, parse_money


@dataclass(frozen=True)
class Figures:
    overdue: dict[str, Overdue]
    payments: dict[str, Payments]
    salary: dict[str, Salary]
    period: tuple[date, date] | None = None


def _journal(books: Reader, data: MasterData) -> pd.DataFrame:
    from xlbo.readers.journal import journal_lines
    from xlbo.readers.opening_bills import opening_bills

    if not books.has("Journal"):
        raise SheetProblem(
            f"{Path(books.name).name} has no Journal sheet; this letter lists figures from the "
            "books' Journal: give the books with --books (in Excel: keep the Journal in this "
            "workbook)."
        )
    begins = data.company.books_begin if data.company else None
    accounts = {a.account for a in data.accounts}
    if not accounts:  # no chart of accounts: the letters need only the parties' lines
        from xlbo.journal_layout import HEADERS

        named = books.read_table("Journal", HEADERS).frame.get("Account", pd.Series(dtype=object))
        accounts = {str(a).strip() for a in named.dropna().tolist() if str(a).strip()}
    lines, _ = journal_lines(books, accounts, begins=begins)
    openings, _ = opening_bills(books, begins)
    return lines if openings.empty else pd.concat([openings, lines], ignore_index=True)


Register = tuple[date, list[tuple[str, dict[str, Decimal]]]]


def _registers(folder: Path) -> list[Register]:
    """The months of the registers in the payroll folder."""
    from xlbo.dates import parse_month

    if not folder.is_dir():
        raise FileProblem(
            f"--payroll {folder}: no such folder; give the folder `xlbo payroll` writes its "
            "payroll-register-YYYY-MM.xlsx files into."
        )
    found = []
    for path in sorted(folder.glob("payroll-register-*.xlsx")):
        try:
            month = parse_month(path.stem.removeprefix("payroll-register-"))
        except (UserError, ValueError):
            continue  # a copy kept as (previous)
        found.append(_register(FileBook(path), "Register", path.name, month))
    if not found:
        raise FileProblem(
            f"--payroll {folder}: no payroll-register-YYYY-MM.xlsx in it; run `xlbo payroll` "
            "for the months to certify first."
        )
    return found


def _register_sheets(book: Reader) -> list[Register]:
    """The months a workbook keeps as `Register YYYY-MM` sheets (the Run Payroll button's, in
    a workbook with no folder)."""
    from xlbo.dates import parse_month

    found = []
    for name in book.sheet_names():
        if not name.startswith("Register "):
            continue
        try:
            month = parse_month(name.removeprefix("Register ").strip())
        except (UserError, ValueError):
            continue
        found.append(_register(book, name, Path(book.name).name, month))
    return found


def _register(book: Reader, sheet: str, name: str, month: date) -> Register:
    """One month's register: each employee's figures by `SALARY_FIGURES`."""
    table = book.read_table(sheet, ("Employee ID", *SALARY_FIGURES))
    rows = []
    for number, row in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        code = field_text(row.get("Employee ID")).strip()
        if not code or code == "Total":
            continue
        figures = {}
        for header in SALARY_FIGURES:
            try:
                figures[header] = parse_money(row.get(header)) or Decimal(0)
            except ValueError:
                raise SheetProblem(
                    f"{name}: '{sheet}'!{table.cell(int(number), header)} holds "
                    f"'{field_text(row.get(header))}', which is not an amount; put back the "
                    "figure xlbo wrote or run that month's payroll again."
                ) from None
        rows.append((code, figures))
    return month, rows


def read_figures(
    needs: Needs,
    *,
    books: Reader,
    workbook: Reader,
    rows: pd.DataFrame,
    data: MasterData,
    as_at: date,
    payroll: Path | None,
) -> Figures:
    """The figures `needs` asks for: from the registers in `payroll` (else the `Register
    YYYY-MM` sheets of `workbook`), or from the Journal of `books` as at `as_at` (a customer's
    credit days from the Credit Days column of `rows`, the sheet's rows)."""
    if needs is Needs.NOTHING:
        return Figures({}, {}, {})
    if needs is Needs.SALARY:
        kept = _register_sheets(workbook) if payroll is None else []
        if payroll is None and not kept:
            raise UserError(
                "The salary certificate lists the months paid from the payroll registers: give "
                "their folder with --payroll (where `xlbo payroll` wrote them)."
            )
        registers = _registers(payroll) if payroll is not None else kept
        return Figures({}, {}, salary_by_employee(registers))
    lines = _journal(books, data)
    if needs is Needs.PAYMENTS:
        start = as_at.replace(day=1)
        return Figures({}, payments_by_party(lines, start, as_at), {}, (start, as_at))
    days: dict[str, int] = {}
    for record in rows.to_dict("records"):
        try:
            credit = int(Decimal(field_text(record.get("Credit Days")) or "30"))
        except (ValueError, ArithmeticError):
            credit = 30
        for key in ("Name", "Customer Code"):
            if field_text(record.get(key)):
                days[party_key(field_text(record.get(key)))] = credit
    return Figures(overdue_by_party(lines, as_at, days), {}, {})


def row_figures(needs: Needs, figures: Figures, fields: Mapping[str, str]) -> dict[str, Any]:
    """The figures of one row, or {} when it has none (no letter for it)."""
    keys = [party_key(fields.get(h, "")) for h in ("Name", "Customer Code", "Vendor Code")]
    if needs is Needs.OVERDUE:
        owed = next((figures.overdue[k] for k in keys if k in figures.overdue), None)
        if owed is None:
            return {}
        return {"overdue": list(owed.rows), "overdue_total": format_inr(from_paise(owed.total))}
    if needs is Needs.PAYMENTS:
        paid = next((figures.payments[k] for k in keys if k in figures.payments), None)
        if paid is None or figures.period is None:
            return {}
        start, end = figures.period
        return {
            "payments": list(paid.rows),
            "paid_total": format_inr(from_paise(paid.total)),
            "settled_total": format_inr(from_paise(paid.settled)),
            "tds_total": format_inr(from_paise(paid.tds)) if paid.tds else "",
            "period": f"{start:%d-%m-%Y} to {end:%d-%m-%Y}",
        }
    if needs is Needs.SALARY:
        salary = figures.salary.get(fields.get("Employee ID", "").casefold())
        if salary is None:
            return {}
        first, last = salary.period
        return {
            "salary": list(salary.rows),
            "salary_total": salary.total,
            "salary_period": f"{first:%B %Y}" + (f" to {last:%B %Y}" if last != first else ""),
        }
    return {}
