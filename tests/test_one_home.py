"""One home for each shared idea (issue #13): money as text (`xlbo.money.format_inr`), the
financial year (`xlbo.periods.financial_year`), the Journal's layout (`xlbo.journal_layout`) and
the row protocol (`xlbo.book.rows.RowSource`). These tests read the source, so a second home
cannot grow back unnoticed."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import xlbo

PACKAGE = Path(xlbo.__file__).parent

ELSEWHERE = {
    "xlbo/demo/month.py": "writes bank statements in the layouts banks export (1,23,456.78, "
    "123,456.78, 123.456,78) and float cells, as a bank would: no money text of xlbo's own",
    "xlbo/gstrecon/samples.py": "writes a sample GSTR-2B JSON and Form 26AS text for the demo in "
    "the portal's and TRACES' own number forms (2B's JSON numbers, 26AS's plain 1234.50): no "
    "money text of xlbo's own",
}
"""Modules whose money-looking text imitates someone else's file, with the reason."""

KNOWN_GAPS: dict[str, str] = {}
"""Money text still written the old way, each with where and what it should become. The check
fails when a gap is closed and still listed here, so the list only shrinks."""


@functools.cache
def _parsed() -> tuple[tuple[str, ast.Module], ...]:
    return tuple(
        (name, ast.parse(path.read_text(encoding="utf-8"), filename=name))
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in [path.relative_to(PACKAGE.parent).as_posix()]
    )


def modules() -> Iterator[tuple[str, ast.Module]]:
    """xlbo's modules by path (xlbo/bank/match.py) with their syntax trees, parsed once."""
    return iter(_parsed())


def functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


MONEY_NAME = re.compile(r"rupee|inr|money|amount_text|paise_text", re.IGNORECASE)


def test_only_money_py_writes_money_as_text() -> None:
    """A function named for money that returns text is a money formatter; only `format_inr`
    may be one. (`_whole_rupees` returns an int, `parse_money` a Decimal: no text.)"""
    found = []
    for name, tree in modules():
        if name in ELSEWHERE or name == "xlbo/money.py":
            continue
        for function in functions(tree):
            returns = ast.unparse(function.returns) if function.returns else ""
            if MONEY_NAME.search(function.name) and returns in {"str", "'str'"}:
                found.append(f"{name}:{function.lineno} {function.name}")
    assert not found, f"money text written outside xlbo.money.format_inr: {found}"


def test_no_western_grouped_money_in_fstrings() -> None:
    """`{x:,.2f}` groups in thousands (123,456.78): money in a message goes through format_inr.
    Counts (`{n:,}`) and sizes (`{mb:,.1f}`) are no money and stay."""
    found = []
    for name, tree in modules():
        if name in ELSEWHERE:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                spec = ast.unparse(node.format_spec)
                if re.search(r",\.2f", spec):
                    found.append(name)
    assert set(found) == set(KNOWN_GAPS), f"money written with Western grouping: {found}"


def test_money_cells_keep_the_one_number_format() -> None:
    """No sheet asks for money in brackets (Column(brackets=True), INR_BRACKETS_FORMAT): a
    negative shows with INR_NUMBER_FORMAT's minus sign on every sheet, as in every message."""
    allowed = {"xlbo/money.py", "xlbo/book/display.py"}  # where the option is still defined
    found = []
    for name, tree in modules():
        if name in allowed:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "brackets":
                found.append(f"{name}:{node.value.lineno} brackets=")
            if isinstance(node, ast.Name | ast.alias) and "INR_BRACKETS_FORMAT" in (
                node.id if isinstance(node, ast.Name) else node.name
            ):
                found.append(f"{name} INR_BRACKETS_FORMAT")
    assert not found, f"money in brackets: {found}"


def test_paise_in_a_message_go_through_format_inr() -> None:
    """`{from_paise(x)}` prints 123456.78 (no grouping) and `{x / 100}` a float: money put
    into a sentence is `{format_inr(from_paise(x))}` (or `format_money`, which is format_inr
    for rupees and thousands for an EEFC account's dollars)."""
    found = []
    for name, tree in modules():
        if name in ELSEWHERE:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue):
                shown = ast.unparse(node.value)
                if re.search(r"from_paise\(|/ 100\b", shown) and not re.search(
                    r"format_(inr|money)\(", shown
                ):
                    found.append(name)
    assert set(found) == set(KNOWN_GAPS), f"paise written without format_inr: {found}"


def test_the_financial_year_has_one_rule() -> None:
    """Only xlbo.periods works out a financial year: no other `def financial_year`, no
    `date(<a year worked out>, 4, 1)` or `date(..., 3, 31)`. Literal dates (a law in force from
    1 April 2025) are no rule. ESI's contribution periods (April–September, October–March) are
    not the financial year."""
    allowed = {"xlbo/periods.py", "xlbo/payroll/esi.py"}
    found = []
    for name, tree in modules():
        if name in allowed:
            continue
        for function in functions(tree):
            if function.name.lstrip("_") in {"financial_year", "fy_end", "fy_start"}:
                found.append(f"{name}:{function.lineno} def {function.name}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) in {"date", "datetime.date"}
                and len(node.args) == 3
                and not isinstance(node.args[0], ast.Constant)
                and [ast.unparse(a) for a in node.args[1:]] in (["4", "1"], ["3", "31"])
            ):
                found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    assert not found, f"a financial year worked out outside xlbo.periods: {found}"


def test_the_journal_layout_and_the_row_protocol_have_one_home() -> None:
    """The Journal's headers are written out once (a literal naming both Voucher Type and
    Cost Centre is a copy of them); the row protocol (a Protocol with sheet_rows) once."""
    found = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Tuple | ast.List) and name != "xlbo/journal_layout.py":
                texts = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if {"Voucher Type", "Cost Centre"} <= texts:
                    found.append(f"{name}:{node.lineno} Journal headers")
            if isinstance(node, ast.ClassDef) and name != "xlbo/book/rows.py":
                bases = {ast.unparse(b) for b in node.bases}
                defines = {f.name for f in node.body if isinstance(f, ast.FunctionDef)}
                if "Protocol" in bases and "sheet_rows" in defines:
                    found.append(f"{name}:{node.lineno} class {node.name}")
    assert not found, f"a second home: {found}"


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("def rupees(paise: int) -> str:\n    return ''\n", "formatter"),
        ("x = f'{gap / 100:,.2f}'\n", "western"),
        ("x = f'difference {from_paise(gap)}'\n", "paise"),
        ("money = Column(kind=Kind.MONEY, brackets=True)\n", "brackets"),
        ("first = date(day.year, 4, 1)\n", "year"),
        ("HEADERS = ('Date', 'Voucher Type', 'Cost Centre')\n", "layout"),
    ],
)
def test_the_checks_catch_what_they_look_for(
    source: str, caught: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each check above passes on xlbo as it is and fails once one module is written the old
    way."""
    real = list(modules())
    tree = ast.parse(source)
    monkeypatch.setattr(f"{__name__}.modules", lambda: iter([*real, ("xlbo/somewhere.py", tree)]))
    check = {
        "formatter": test_only_money_py_writes_money_as_text,
        "western": test_no_western_grouped_money_in_fstrings,
        "paise": test_paise_in_a_message_go_through_format_inr,
        "brackets": test_money_cells_keep_the_one_number_format,
        "year": test_the_financial_year_has_one_rule,
        "layout": test_the_journal_layout_and_the_row_protocol_have_one_home,
    }[caught]
    with pytest.raises(AssertionError):
        check()
