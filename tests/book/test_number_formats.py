"""Amounts as a reader sees them: written by xlbo, printed by LibreOffice to PDF, read back as
text. Every magnitude from a paisa to 999 crore, nil, and each negative must print with its sign
(a minus, or brackets on a statement) and lakh/crore grouping."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pypdf
import pytest

from xlbo.book import Column, Kind, ResultSheet, write_workbook
from xlbo.book.edit import write_into
from xlbo.cli import main
from xlbo.money import format_inr

# case, amount, printed with a minus sign, printed on a statement, in whole rupees
AMOUNTS = [
    ("paisa", "0.01", "0.01", "0.01", "0"),
    ("rupees", "999", "999.00", "999.00", "999"),
    ("thousands", "12345", "12,345.00", "12,345.00", "12,345"),
    ("lakh", "123456.78", "1,23,456.78", "1,23,456.78", "1,23,457"),
    ("lakhs", "1512086.68", "15,12,086.68", "15,12,086.68", "15,12,087"),
    ("crore", "12345678.90", "1,23,45,678.90", "1,23,45,678.90", "1,23,45,679"),
    ("hundred-crore", "1234567890", "1,23,45,67,890.00", "1,23,45,67,890.00", "1,23,45,67,890"),
    ("999-crore", "9990000000", "9,99,00,00,000.00", "9,99,00,00,000.00", "9,99,00,00,000"),
    ("nil", "0", "0.00", "0.00", "0"),
    ("less-paisa", "-0.01", "-0.01", "(0.01)", "0"),
    ("less-rupees", "-999", "-999.00", "(999.00)", "-999"),
    ("less-thousands", "-12345", "-12,345.00", "(12,345.00)", "-12,345"),
    ("less-lakh", "-123456.78", "-1,23,456.78", "(1,23,456.78)", "-1,23,457"),
    ("less-lakhs", "-1512086.68", "-15,12,086.68", "(15,12,086.68)", "-15,12,087"),
    ("less-crore", "-12345678.90", "-1,23,45,678.90", "(1,23,45,678.90)", "-1,23,45,679"),
    ("less-hundred-crore", "-1234567890", "-1,23,45,67,890.00", "(1,23,45,67,890.00)",
     "-1,23,45,67,890"),
    ("less-999-crore", "-9990000000", "-9,99,00,00,000.00", "(9,99,00,00,000.00)",
     "-9,99,00,00,000"),
]  # fmt: skip


def amounts_sheet(name: str) -> ResultSheet:
    frame = pd.DataFrame(
        {
            "Case": [case for case, *_ in AMOUNTS],
            "Amount": [Decimal(amount) for _, amount, *_ in AMOUNTS],
            "Statement": [Decimal(amount) for _, amount, *_ in AMOUNTS],
            "Whole": [round(Decimal(amount)) for _, amount, *_ in AMOUNTS],
        }
    )
    return ResultSheet(
        name,
        frame,
        columns={
            "Amount": Column(kind=Kind.MONEY),  # widths fitted: no figure is ###
            "Statement": Column(kind=Kind.MONEY, brackets=True, width=12),
            "Whole": Column(kind=Kind.WHOLE_RUPEES),
        },
        title=(f"Amounts ({name})",),
    )


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


@pytest.mark.libreoffice
def test_every_magnitude_and_sign_prints_right_new_and_edited(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """The same column written by xlsxwriter (a new workbook) and by openpyxl (sheets added to
    a workbook the user has) prints the same, in LibreOffice."""
    new = write_workbook(tmp_path / "amounts.xlsx", [amounts_sheet("New")])
    both = write_into(new, [amounts_sheet("Edited")], tmp_path / "both.xlsx")
    pages = pdf_pages(libreoffice(both, "pdf") / "both.pdf")
    assert len(pages) == 2
    for page in pages:
        lines = {line.split()[0]: line.split()[1:] for line in page.splitlines() if line.strip()}
        for case, _, minus, brackets, whole in AMOUNTS:
            assert lines[case] == [minus, brackets, whole], case


def test_no_conditional_format_rewrites_a_number(tmp_path: Path) -> None:
    """Colours stay conditional; how a number is written is the cell's own format."""
    new = write_workbook(tmp_path / "amounts.xlsx", [amounts_sheet("New")])
    both = write_into(new, [amounts_sheet("Edited")], tmp_path / "both.xlsx")
    for ws in openpyxl.load_workbook(both):
        rules = [rule for ranges in ws.conditional_formatting for rule in ranges.rules]
        assert not [r for r in rules if r.dxf is not None and r.dxf.numFmt is not None]
        formats = {cell.number_format for cell in ws["C"][3:]}
        assert formats == {"[$-4009]#,##0.00_);[$-4009](#,##0.00)"}, ws.title


AMOUNT = re.compile(r"(?<![\w.,/-])-?\(?\d[\d,]*\.\d\d\)?(?![\d.%])")
INDIAN = re.compile(r"^-?\(?(?:\d{1,2},(?:\d{2},)*\d{3}|\d{1,3})\.\d\d\)?$")


def rows(ws: Any, first: str) -> list[dict[str, Any]]:
    """The table rows of a result sheet, by header, from the header row whose first cell is
    `first`."""
    table = list(ws.iter_rows(values_only=True))
    top = next(i for i, row in enumerate(table) if row[0] == first)
    return [dict(zip(table[top], row, strict=True)) for row in table[top + 1 :] if row[0]]


def printed(value: float, brackets: bool = False) -> str:
    """A figure as it should print: Indian grouping, a minus sign or brackets."""
    text = format_inr(Decimal(repr(value)))
    return f"({text[1:]})" if brackets and text.startswith("-") else text


def sheet_texts(pdf: Path, sheetnames: list[str]) -> dict[str, str]:
    """The printed text of each sheet: its pages, known by the sheet name the page header
    carries at its right."""
    texts: dict[str, str] = {}
    for text in pdf_pages(pdf):
        top = text.splitlines()[0]
        sheet = max((s for s in sheetnames if top.endswith(s)), key=len)
        texts[sheet] = texts.get(sheet, "") + text + "\n"
    return texts


CHECKED = {
    "reports": ("reports-*.xlsx", ("Trial Balance", "Profit and Loss", "Balance Sheet", "Ageing")),
    "brs": ("brs-hdfc-*.xlsx", ("Summary", "Matches", "Unmatched Bank", "Unmatched Ledger", "BRS")),
    "register": ("payroll/payroll-register-*.xlsx", ("Summary", "Register")),
}
"""The demo's workbooks (where the demo writes them) and the sheets whose figures are checked."""


@pytest.mark.libreoffice
def test_demo_trial_balance_ageing_brs_and_register_print_every_figure_right(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    demo = tmp_path / "demo"
    assert main(["demo", str(demo)]) == 0
    printed_sheets: dict[str, dict[str, str]] = {}
    books: dict[str, Any] = {}
    for name, (pattern, sheets) in CHECKED.items():
        path = sorted(demo.glob(pattern))[-1]  # the latest month
        books[name] = openpyxl.load_workbook(path)
        texts = sheet_texts(libreoffice(path, "pdf") / f"{path.stem}.pdf", books[name].sheetnames)
        printed_sheets[name] = {sheet: texts[sheet] for sheet in sheets}

    # Every figure that looks like money is grouped in lakhs and crores.
    for name, texts in printed_sheets.items():
        for sheet, text in texts.items():
            western = [a for a in AMOUNT.findall(text) if not INDIAN.match(a)]
            assert not western, (name, sheet, western[:5])

    def printed_line(sheet: str, first: str) -> str:
        """The printed line of a table row of a report, found by its first cell."""
        lines = printed_sheets["reports"][sheet].splitlines()
        found = [line for line in lines if line.startswith(first[:24])]
        assert found, first
        return f" {found[0]} "

    # Ageing: each party's outstanding (negatives among them) prints as format_inr says.
    ageing = [row for row in rows(books["reports"]["Ageing"], "Party") if row["Outstanding"]]
    assert max(abs(row["Outstanding"]) for row in ageing) >= 100_000  # lakhs to group
    for row in ageing:
        assert f" {printed(row['Outstanding'])} " in printed_line("Ageing", row["Party"])

    # Trial Balance: Debit/Credit in lakhs; the opening balance with its side, not a sign.
    for row in rows(books["reports"]["Trial Balance"], "Account"):
        line = printed_line("Trial Balance", row["Account"])
        opening = row["Opening"]
        if isinstance(opening, float) and opening:
            side = "Dr" if opening > 0 else "Cr"
            assert f" {printed(abs(opening))} {side} " in line
        for name in ("Debit", "Credit", "Closing Debit", "Closing Credit"):
            assert f" {printed(row[name])} " in line, (row["Account"], name)

    # BRS: a negative with a minus sign, as on every sheet.
    brs_text = printed_sheets["brs"]["BRS"].replace("\n", " ")
    figures = [c.value for c in books["brs"]["BRS"]["E"] if isinstance(c.value, float)]
    assert max(figures) >= 100_000
    for value in figures:
        assert f" {printed(value)} " in f" {brs_text} "

    # Payroll register: wages and deductions, in lakhs where they reach them.
    assert re.search(r" \d{1,2},\d{2},\d{3}\.\d\d ", printed_sheets["register"]["Register"])


def test_a_heading_line_wider_than_its_table_wraps_over_the_table(tmp_path: Path) -> None:
    # a Summary's note of two sentences ran on one row far past the table, and a printout
    # fitted to the page's width shrank the whole sheet to fit it; it wraps over the table's
    # columns, the text whole in its cell
    note = "The difference is exactly the openings' difference: last month's items. " * 4
    sheet = ResultSheet(
        "Summary",
        pd.DataFrame({"Item": ["Bank lines"], "Count": [5]}),
        columns={"Item": Column(width=30), "Count": Column(kind=Kind.INTEGER, width=9)},
        title=("Kaveri Traders", "as on 31 October 2026", note),
    )
    out = write_workbook(tmp_path / "summary.xlsx", [sheet])
    written = openpyxl.load_workbook(out)["Summary"]
    assert [str(r) for r in written.merged_cells.ranges] == ["A3:B3"]
    assert written["A3"].value == note and written["A3"].alignment.wrap_text
    assert written.row_dimensions[3].height >= 15 * 7  # 292 letters over 39 columns' width
    assert written["A2"].value == "as on 31 October 2026"
