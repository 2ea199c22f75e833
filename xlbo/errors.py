"""Errors a user can act on.

A `UserError` is bad input the user can fix (a missing file, a sheet that is not there, a file
Excel holds open). Its message is one or two plain sentences naming the file, the sheet or cell
and what to do; the command line prints it and exits non-zero, the Excel doors show it in a cell
or a message box. Anything else that raises is a bug in xlbo.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Bad input that stops a job; the message says what is wrong and what to do."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with what it holds, whatever its class's own arguments (an error raised in a
        second process, `xlbo.together`, is raised again in the first)."""
        return (_rebuilt, (type(self), self.args, dict(self.__dict__)))


def _rebuilt(kind: type[UserError], args: tuple[Any, ...], held: dict[str, Any]) -> UserError:
    """A `UserError` of `kind` as it was pickled, its `__init__` not run again."""
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(held)
    return error


class FileProblem(UserError):
    """A workbook or data file that cannot be opened, read or written."""


class SheetProblem(UserError):
    """A workbook that opens but lacks a sheet, a table or a column a job needs."""
