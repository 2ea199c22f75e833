"""The reconciliation workbook as an accountant reads it, on screen and printed: a Kotak statement
and a Tally-style ledger written by hand (not by xlbo), reconciled, the workbook opened and
printed to PDF by LibreOffice. Why text is read whole, the Summary heads as the BRS does and
keeps money out and money in apart, a row link stands clear of the next cell, an empty table
says what its emptiness means."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import xlbo.book.xlsx as xlsx_writer
from xlbo.book import Column, Kind, ResultSheet, write_workbook
from xlbo.book.display import LINE_POINTS, Figure, wrapped_lines
from xlbo.book.edit import write_into
from xlbo.cli import main
from xlbo.money import INR_DR_CR_FORMAT, INR_NUMBER_FORMAT

KOTAK = """Account Statement
Account No.,1234567890
Account Name,ACME TRADERS PVT LTD
Period,01-04-2024 to 30-04-2024

Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Amount,Dr / Cr,Balance,Dr / Cr
1,02-04-2024,02-04-2024,NEFT-SHREE SUPPLIERS-INV 101,NEFT0001,"25,000.00",DR,"1,75,000.00",CR
2,03-04-2024,03-04-2024,IMPS-RAVI KUMAR CUSTOMER,IMPS4455,"50,000.00",CR,"2,25,000.00",CR
3,05-04-2024,05-04-2024,CHQ PAID 000123,000123,"12,345.67",DR,"2,12,654.33",CR
4,10-04-2024,10-04-2024,CHRG: SMS ALERT CHARGES,,59.00,DR,"2,12,595.33",CR
5,15-04-2024,15-04-2024,INT.PD:1234567890:01-04-2024 TO 15-04-2024,,412.00,CR,"2,13,007.33",CR
6,20-04-2024,21-04-2024,UPI/ABC STORES/412345678901,412345678901,"1,500.50",DR,"2,11,506.83",CR

Opening balance,Total Debit,Total Credit,Closing balance
"2,00,000.00","38,905.17","50,412.00","2,11,506.83"
"""
LEDGER = """Date,Particulars,Vch Type,Vch No.,Debit,Credit
01-04-2024,Opening Balance,,,"2,00,000.00",
02-04-2024,Shree Suppliers,Payment,P-101,,"25,000.00"
03-04-2024,Ravi Kumar,Receipt,R-55,"50,000.00",
04-04-2024,Mehta & Co (Chq 000123),Payment,P-102,,"12,345.67"
28-04-2024,Gupta Enterprises (Chq 000130),Payment,P-103,,"8,000.00"
29-04-2024,Cash deposit,Receipt,R-56,"15,000.00",
20-04-2024,ABC Stores,Payment,P-104,,"1,050.50"
16-04-2024,Interest received,Receipt,R-57,421.00,
"""
NO_FINDINGS = "No integrity findings: every balance follows from the line before it."


@dataclass(frozen=True)
class Printed:
    book: openpyxl.Workbook
    pages: dict[str, str]
    """Each sheet's printed text (pdftotext -layout), by the sheet's name in the page header."""
    empty: str
    """The printed text of a workbook whose only table is empty."""


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The U1 month reconciled into sheets, and a workbook with an empty table, both printed
    by LibreOffice at once."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and poppler are not installed; .ci/run should install them")
        pytest.skip("LibreOffice or pdftotext is not installed")
    folder = tmp_path_factory.mktemp("view")
    (folder / "kotak.csv").write_text(KOTAK, encoding="utf-8")
    (folder / "ledger.csv").write_text(LEDGER, encoding="utf-8")
    out = folder / "brs.xlsx"
    code = main(
        [
            "reconcile",
            "--bank",
            str(folder / "kotak.csv"),
            "--ledger",
            str(folder / "ledger.csv"),
            "--out",
            str(out),
            "--detail",
            "xlsx",
        ]
    )
    assert code == 0
    empty = write_workbook(
        folder / "empty.xlsx",
        [
            ResultSheet(
                "Integrity",
                pd.DataFrame(columns=["Bank Row", "Check", "Finding"]),
                when_empty=NO_FINDINGS,
            )
        ],
    )
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{(folder / 'profile').resolve()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            str(out),
            str(empty),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    pages: dict[str, str] = {}
    for page in _pdf_pages(folder / "pdf" / "brs.pdf"):
        name = page.strip().splitlines()[0].split()[-1]  # the page header's right part
        pages[name] = pages.get(name, "") + page
    (empty_page,) = _pdf_pages(folder / "pdf" / "empty.pdf")
    return Printed(openpyxl.load_workbook(out), pages, empty_page)


def _words_in_order(text: str, printed: str) -> bool:
    """Every word of `text` appears in `printed`, in order (a wrapped cell prints its words
    on lines of their own, the next cells' text between them)."""
    words = iter(printed.split())
    return all(any(word == seen for seen in words) for word in text.split())


def test_the_why_text_is_printed_whole_in_rows_tall_enough(printed: Printed) -> None:
    """Was cut at the column's edge: '… in another orde'."""
    sheet = printed.book["Suggestions"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Bank Row")
    why = [c.value for c in sheet[header]].index("Why") + 1
    reasons = [sheet.cell(r, why).value for r in (header + 1, header + 2)]
    assert reasons == [
        "412.00 and 421.00 have the same digits in another order",
        "1,500.50 and 1,050.50 have the same digits in another order",
    ]
    for row in (header + 1, header + 2):
        cell = sheet.cell(row, why)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        assert sheet.row_dimensions[row].height >= 2 * LINE_POINTS  # two lines at width 45
    page = printed.pages["Suggestions"]
    for reason in reasons:
        assert _words_in_order(reason, page), page
    assert "orde\n" not in page and not re.search(r"\borde\b", page)


def test_the_summary_heads_as_the_brs_and_keeps_money_out_and_in_apart(
    printed: Printed,
) -> None:
    """Was titled with the files' names, and added withdrawals to deposits (89,317.17)."""
    sheet = printed.book["Summary"]
    assert [sheet.cell(r, 1).value for r in range(1, 6)] == [
        "ACME TRADERS PVT LTD",
        "Bank reconciliation as on 30 April 2024",
        "A/c No. 1234567890",
        "From the statement kotak.csv and the ledger ledger.csv",
        "The BRS ties: difference 0.00.",
    ]
    rows = list(sheet.iter_rows(min_row=7, values_only=True))
    assert rows[0] == ("Item", "Count", "Money out", "Money in")
    found = {r[0]: r[1:] for r in rows[1:]}
    money = {
        k: tuple(None if v is None else Decimal(str(v)) for v in f[1:]) for k, f in found.items()
    }
    assert found["Bank lines"][0] == 6
    assert money["Bank lines"] == (Decimal("38905.17"), Decimal("50412"))
    assert found["Ledger lines"][0] == 7  # the opening balance is no line
    assert money["Ledger lines"] == (Decimal("46396.17"), Decimal("65421"))
    assert money["Unmatched bank lines"] == (Decimal("1559.5"), Decimal("412"))
    assert money["Unmatched ledger lines"] == (Decimal("9050.5"), Decimal("15421"))
    assert found["Suggestions to review"] == (2, None, None)
    page = printed.pages["Summary"]
    assert re.search(r"Bank lines +6 +38,905\.17 +50,412\.00\n", page), page
    assert "89,317.17" not in page  # the two added together, as before


def test_a_row_link_stands_clear_of_the_next_cells_text(printed: Printed) -> None:
    """Row numbers (links) were right-aligned against the next column's text: '5Reference'."""
    sheet = printed.book["Matches"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Match ID")
    headers = [c.value for c in sheet[header]]
    first = {h: sheet.cell(header + 1, i + 1) for i, h in enumerate(headers)}
    assert first["Bank Row"].hyperlink is not None
    for link in ("Bank Row", "Ledger Row"):
        assert (first[link].alignment.horizontal, first[link].alignment.indent) == ("left", 1)
    for figure in ("Match ID", "Score", "Bank Amount"):
        assert (first[figure].alignment.horizontal, first[figure].alignment.indent) == (
            "right",
            1,
        )
    page = printed.pages["Matches"]
    assert re.search(r"\b1 +9 +5 +Reference +100 +reference 000123", page), page  # as written
    assert not re.search(r"\d(Reference|Amount and date|same amount|CHQ|NEFT|IMPS)", page), page
    unmatched = printed.pages["Bank"]  # "Unmatched Bank"
    assert re.search(r"\n *10 +10-04-2024 +CHRG: SMS ALERT CHARGES", unmatched), unmatched


def test_an_empty_table_prints_the_line_that_says_so(printed: Printed) -> None:
    """An auditor reads 'No integrity findings' instead of a page with a bare header."""
    assert NO_FINDINGS in printed.empty
    assert re.search(r"Bank Row +Check +Finding", printed.empty)


def test_the_months_empty_integrity_page_says_what_it_means(printed: Printed) -> None:
    """The U1 month has no integrity findings: its printed page says so. (The Rules sheet keeps
    its header in row 1, where the user types rules under it.)"""
    assert _words_in_order(
        "No integrity findings: the running balance follows", printed.pages["Integrity"]
    )
    assert printed.book["Rules"].cell(1, 1).value == "Narration Contains"


def test_wrapped_rows_are_as_tall_written_in_bulk_as_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 100,000-line month's sheets are written in bulk: their long text wraps alike."""
    why = ["same amount; +0 days", "1,500.50 and 1,050.50 have the same digits in another order"]
    frame = pd.DataFrame({"Why": why * 20, "Amount": [Decimal("12.50")] * 40})
    sheet = ResultSheet("Matches", frame, columns={"Why": Column(kind=Kind.LONG_TEXT, width=30)})
    cells = write_workbook(tmp_path / "cells.xlsx", [sheet])
    monkeypatch.setattr(xlsx_writer, "BULK_ROWS", 10)
    bulk = write_workbook(tmp_path / "bulk.xlsx", [sheet])
    heights = []
    for path in (cells, bulk):
        ws = openpyxl.load_workbook(path)["Matches"]
        heights.append([ws.row_dimensions[r].height for r in range(2, 42)])
        assert all(ws.cell(r, 1).alignment.wrap_text for r in range(2, 42))
    assert heights[0] == heights[1]
    assert heights[0][:2] == [None, 2 * LINE_POINTS]  # one line: Excel's own height


def test_a_line_holds_about_the_columns_width_of_text() -> None:
    texts = pd.Series(
        [
            "412.00 and 421.00 have the same digits in another order",  # 55 characters
            "INT.PD:1234567890:01-04-2024 TO 15-04-2024",
            "A" * 200,
            "two\nlines",
            None,
            12,
        ]
    )
    assert wrapped_lines(texts, 45).tolist() == [2, 1, 6, 2, 1, 1]
    assert wrapped_lines(pd.Series(["x " * 10_000]), 45).tolist() == [15]  # never past 15
    assert wrapped_lines(pd.Series([], dtype=object), 45).dtype == np.int64


def test_a_upi_narration_wraps_only_after_its_hyphens() -> None:
    """HDFC's narration of 82 characters in the Matches sheet's Narration column (50 wide): a
    spreadsheet ends a line only after a space or a hyphen, and capitals are wider than
    digits, so it takes three lines, not the two its length alone suggests."""
    narration = (
        "UPI-SIDDHARTH RAO KODIKA-SIDDHARTH.RAO.2003@OKHDFCBANK-KARB0000513-230952761445-UPI"
    )
    # UPI-SIDDHARTH RAO KODIKA- / SIDDHARTH.RAO.2003@OKHDFCBANK-KARB0000513- / 230952761445-UPI
    assert wrapped_lines(pd.Series([narration]), 50).tolist() == [3]
    # a word longer than the line is cut where it fills it: 100 digits are 700 pixels
    assert wrapped_lines(pd.Series(["9" * 100]), 45).tolist() == [3]
    assert wrapped_lines(pd.Series(["9" * 44]), 45).tolist() == [1]
    assert wrapped_lines(pd.Series(["9" * 46]), 45).tolist() == [2]


def test_a_balance_with_its_side_and_wrapped_text_read_alike_new_and_edited(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """`Figure`: a number in a format of its own (the BRS's balances); the same cells from the
    new-file writer and from the writer that adds sheets to a workbook the user has."""
    frame = pd.DataFrame(
        {
            "Particulars": ["Balance as per bank statement", "1,500.50 and 1,050.50 " * 4],
            "Total": [Figure(Decimal("-123456.00"), INR_DR_CR_FORMAT), Decimal("9050.50")],
        }
    )
    sheet = ResultSheet(
        "BRS",
        frame,
        columns={
            "Particulars": Column(kind=Kind.LONG_TEXT, width=30),
            "Total": Column(kind=Kind.MONEY),
        },
    )
    new = write_workbook(tmp_path / "new.xlsx", [sheet])
    edited = write_into(xlsx({"Mine": [["kept"]]}), [sheet], tmp_path / "edited.xlsx")
    for path in (new, edited):
        ws = openpyxl.load_workbook(path)["BRS"]
        assert (ws["B2"].value, ws["B2"].number_format) == (-123456, INR_DR_CR_FORMAT), path.name
        assert (ws["B3"].value, ws["B3"].number_format) == (9050.5, INR_NUMBER_FORMAT), path.name
        assert ws["A3"].alignment.wrap_text and ws.row_dimensions[3].height == 3 * LINE_POINTS
        assert (ws["B2"].alignment.horizontal, ws["B2"].alignment.indent) == ("right", 1)
