"""Shapes of worksheet-function arguments: one cell, a column, a block.

xlwings hands a UDF a scalar for one cell and nested lists for a range. Worksheet functions map
their work over every cell and give back the same shape, so `=XLBO.VALIDATE(A2:A10001,"PAN")` is
one call that spills 10,000 answers, not 10,000 calls. Errors never escape: a cell whose input
cannot be used shows a readable message, and a problem with the whole call (an unknown kind) is
one readable line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

ERROR_PREFIX = "#XLBO! "
"""How a worksheet function's own errors begin, so a user (and a filter) can tell them from data."""


def as_rows(value: Any) -> list[list[Any]] | None:
    """A range argument as a list of rows; None when it is a single cell."""
    if isinstance(value, list | tuple):
        if value and all(isinstance(row, list | tuple) for row in value):
            return [list(row) for row in value]
        return [[cell] for cell in value]
    return None


def each_cell(function: Callable[[Any], Any], value: Any) -> Any:
    """`function` applied to one cell, or to every cell of a range (keeping its shape)."""
    rows = as_rows(value)
    if rows is None:
        return function(value)
    return [[function(cell) for cell in row] for row in rows]


def each_row(function: Callable[..., list[Any]], *columns: Any) -> Any:
    """`function` applied row by row to parallel column arguments; scalars repeat down the
    column. Each call returns a row of results (e.g. CGST, SGST, IGST)."""
    shaped = [as_rows(c) for c in columns]
    shaped = [
        None if rows is not None and len(rows) == 1 and len(rows[0]) == 1 else rows
        for rows in shaped
    ]
    columns = tuple(
        as_rows(c)[0][0] if rows is None and as_rows(c) is not None else c  # type: ignore[index]
        for rows, c in zip(shaped, columns, strict=True)
    )
    length = max((len(rows) for rows in shaped if rows is not None), default=None)
    if length is None:
        return [function(*columns)]
    for rows in shaped:
        if rows is not None and len(rows) != length:
            raise ValueError("the ranges must have the same number of rows")
    return [
        function(
            *[
                rows[i][0] if rows is not None else column
                for rows, column in zip(shaped, columns, strict=True)
            ]
        )
        for i in range(length)
    ]


def readable(message: str) -> str:
    return f"{ERROR_PREFIX}{message}"


def worksheet_function(function: Callable[P, R]) -> Callable[P, R | str]:
    """Turn any exception into a one-line readable error for the cell (never a traceback)."""

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R | str:
        try:
            return function(*args, **kwargs)
        except ValueError as error:
            return readable(str(error))
        except Exception as error:  # a bug: still a readable cell, not a traceback
            return readable(f"internal error ({type(error).__name__}: {error}); please report it")

    return call
