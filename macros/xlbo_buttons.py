"""Button handlers of the classic xlwings add-in.

Each job has a handler that takes the workbook (`def validate(book)`) — testable with any
book — and an entry point the ribbon's VBA calls through RunPython, which hands over the calling
workbook:

    RunPython "import xlbo_buttons; xlbo_buttons.validate_caller()"
"""

from typing import Any

import xlwings as xw

from xlbo.excel import buttons


def validate(book: Any) -> str:
    """Validate the master workbook `book`; results go into new sheets of it."""
    return buttons.validate(book)


def validate_caller() -> None:
    """RunPython entry point of the Validate button."""
    book = xw.Book.caller()
    book.app.status_bar = validate(book)


def run_payroll(book: Any) -> str:
    """Run the latest Attendance month's payroll; the register goes into new sheets of `book`."""
    return buttons.run_payroll(book)


def run_payroll_caller() -> None:
    """RunPython entry point of the Run Payroll button."""
    book = xw.Book.caller()
    book.app.status_bar = run_payroll(book)
