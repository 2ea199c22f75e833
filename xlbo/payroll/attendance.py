"""One employee's month as the payroll engine takes it: days paid, loss of pay and the month's
one-off amounts, or why the employee is held this month. The `Attendance` sheet is read into
these by `xlbo.readers.attendance`; an employee without a record is paid the full month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Attendance:
    """One employee's month: days and one-off amounts."""

    paid_days: Decimal | None = None
    """Days paid (half days allowed); None: the days on the rolls less LOP."""
    lop_days: Decimal = Decimal(0)
    overtime: Decimal = Decimal(0)
    arrears: Decimal = Decimal(0)
    bonus: Decimal = Decimal(0)
    other_earnings: Decimal = Decimal(0)
    other_deductions: Decimal = Decimal(0)
    loan_recovery: Decimal = Decimal(0)
    held: tuple[str, str] | None = None
    """Why the employee is not paid this month, and what to do (a bad cell in the row, or two
    rows for the month); None for a row that was read."""
