"""The month's attendance and one-off pay items, from the `Attendance` sheet.

Headers: `Employee ID`, `Month` (YYYY-MM), `Paid Days`, `LOP Days`, `Overtime`, `Arrears`,
`Bonus`, `Other Earnings`, `Other Deductions`, `Loan Recovery`. An employee without a row for
the month is paid for the full month with no extras. Bad cells become issues, and the employee
is not paid this month (left out of the bank file, listed as not paid with the cell): a salary
worked out without a row the accountant typed would be a wrong figure in the bank, so xlbo holds
it until the row is fixed. What makes a row bad:

- a cell that is not an amount or a number of days;
- a minus sign in a money column: every one is an amount added (Overtime, Bonus…) or deducted
  (Loan Recovery, Other Deductions) as typed, so -20,000 of Loan Recovery would pay 20,000 more;
- a second row for the same employee and month (which one is right, or are they to be added?);
- Paid Days or LOP Days past the days of the month (40 paid days in October).

    >>> parse_item("-20000", "Loan Recovery")
    Traceback (most recent call last):
    ...
    ValueError: -20,000.00 is negative; type the amount without a minus sign (a refund of a loan or a deduction is an Other Earnings)
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import Any

from xlbo.book import Reader
from xlbo.cells import clean_text, is_blank
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, parse_amount, parse_money
from xlbo.payroll.attendance import Attendance

HEADERS = (
    "Employee ID",
    "Month",
    "Paid Days",
    "LOP Days",
    "Overtime",
    "Arrears",
    "Bonus",
    "Other Earnings",
    "Other Deductions",
    "Loan Recovery",
)
MONEY = ("Overtime", "Arrears", "Bonus", "Other Earnings", "Other Deductions", "Loan Recovery")


def parse_days(value: Any) -> Decimal | None:
    """Days: whole or half (2.5), not negative."""
    amount = parse_amount(value)
    if amount is None:
        return None
    if amount < 0 or (amount * 2) != (amount * 2).to_integral_value():
        raise ValueError(f"'{_days(amount)}' is not a number of days; whole or half days, e.g. 2.5")
    return amount


_DEDUCTIONS = ("Other Deductions", "Loan Recovery")


def parse_item(value: Any, header: str) -> Decimal:
    """A one-off amount of the month: blank is nil; an amount with a minus sign is refused."""
    amount = parse_money(value) or Decimal(0)
    if amount < 0:
        cure = (
            "a refund of a loan or a deduction is an Other Earnings"
            if header in _DEDUCTIONS
            else "a recovery from pay is an Other Deductions"
        )
        raise ValueError(
            f"{format_inr(amount)} is negative; type the amount without a minus sign ({cure})"
        )
    return amount


def _days(amount: Decimal) -> str:
    """Days as typed: 40, 2.5 (not 40.0)."""
    return f"{amount.normalize():f}"


def month_key(value: Any) -> str | None:
    """`2026-10` from a cell holding 2026-10, 10-2026, Oct-2026 or a date in the month."""
    if is_blank(value):
        return None
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    text = (clean_text(value) or "").replace("/", "-")
    parts = text.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        first, second = (int(p) for p in parts)
        year, month = (first, second) if first > 12 else (second, first)
        if 1 <= month <= 12 and year > 1900:
            return f"{year:04d}-{month:02d}"
    from xlbo.dates import parse_date

    try:
        day = parse_date("01-" + text) if not text[:1].isdigit() else parse_date(text)
    except ValueError:
        raise ValueError(f"'{value}' is not a month; write it as YYYY-MM, e.g. 2026-10") from None
    if day is None:
        return None
    return f"{day.year:04d}-{day.month:02d}"


def load_attendance(reader: Reader, month: str) -> tuple[dict[str, Attendance], list[Issue]]:
    """Attendance rows for `month` (YYYY-MM) by Employee ID, and issues for bad cells."""
    if not reader.has("Attendance"):
        return {}, []
    table = reader.read_table("Attendance", HEADERS)
    issues: list[Issue] = []
    missing = [h for h in ("Employee ID", "Month") if h not in table.frame.columns]
    if missing:
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=f"A{table.header_row}",
                problem=f"The Attendance sheet has no {' or '.join(repr(m) for m in missing)} column",
                hint=f"Its headers are: {', '.join(HEADERS)}.",
                file=reader.name,
            )
        )
        return {}, issues
    found: dict[str, Attendance] = {}
    first_row: dict[str, int] = {}
    year, month_number = (int(part) for part in month.split("-"))
    days = calendar.monthrange(year, month_number)[1]
    hold = "{code} is not paid this month until this is fixed; the register, ECR and ESI show a full month without the row's items."
    for row, cells in table.frame.iterrows():
        number = int(str(row))
        try:
            if month_key(cells.get("Month")) != month:
                continue
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(number, "Month"),
                    value=cells.get("Month"),
                    problem=f"Month: {error}",
                    file=reader.name,
                )
            )
            continue
        try:
            code = clean_text(cells.get("Employee ID"))
        except ValueError as error:  # an Excel error (#REF!) where the ID should be
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(number, "Employee ID"),
                    value=cells.get("Employee ID"),
                    problem=f"Employee ID: {error}",
                    hint="The row was left out: whoever it is for is paid the full month.",
                    file=reader.name,
                )
            )
            continue
        if not code:
            continue
        key = code.upper()
        if key in first_row:
            cell = table.cell(number, "Employee ID")
            problem = (
                f"{code} has a second row for {month} (rows {first_row[key]} and {number}); "
                "xlbo does not guess which is right or add them up"
            )
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=cell,
                    value=cells.get("Employee ID"),
                    problem=problem,
                    hint=f"Keep one row for {code} in {month} (add the two together if both "
                    f"are right). " + hold.format(code=code),
                    file=reader.name,
                )
            )
            found[key] = Attendance(
                held=(
                    f"two {table.sheet} rows for {month} (rows {first_row[key]} and {number})",
                    f"Keep one row for {code} in {month}, then run the payroll again.",
                )
            )
            continue
        first_row[key] = number
        values: dict[str, Any] = {}
        bad: list[str] = []
        for header in HEADERS[2:]:
            raw = cells.get(header)
            try:
                if header in MONEY:
                    values[header] = parse_item(raw, header)
                else:
                    values[header] = parse_days(raw)
                if header in ("Paid Days", "LOP Days") and (values[header] or 0) > days:
                    raise ValueError(
                        f"{_days(values[header])} days is more than the {days} days of {month}"
                    )
            except ValueError as error:
                bad.append(f"{header} at {table.sheet}!{table.cell(number, header)}: {error}")
                issues.append(
                    Issue(
                        severity=Severity.ERROR,
                        sheet=table.sheet,
                        cell=table.cell(number, header),
                        value=raw,
                        problem=f"{code}: {header}: {error}",
                        hint=hold.format(code=code),
                        file=reader.name,
                    )
                )
        if bad:
            found[key] = Attendance(
                held=(
                    "; ".join(bad),
                    f"Correct the Attendance row for {code}, then run the payroll again.",
                )
            )
            continue
        found[key] = Attendance(
            paid_days=values["Paid Days"],
            lop_days=values["LOP Days"] or Decimal(0),
            overtime=values["Overtime"],
            arrears=values["Arrears"],
            bonus=values["Bonus"],
            other_earnings=values["Other Earnings"],
            other_deductions=values["Other Deductions"],
            loan_recovery=values["Loan Recovery"],
        )
    return found, issues
