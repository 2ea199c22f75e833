"""Rows of a statement sheet that Excel does not show: hidden by the user, or filtered out by an
AutoFilter left on. Every row of the bank's statement is its transaction, so they are read and
reconciled; but a user who hid rows to leave them out must learn that they were not left out.
Before: read silently."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.filters import CustomFilter, CustomFilters

from tests.bank.test_more_banks import first_and_last, totals
from xlbo.book.hidden_rows import xls_hidden_rows
from xlbo.cli import main
from xlbo.readers.statement import read_statement

ROWS: list[list[Any]] = [
    ["HDFC BANK Ltd."],
    ["Account No : 50100012345678"],
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    [],
    [
        "Date",
        "Narration",
        "Chq./Ref.No.",
        "Value Dt",
        "Withdrawal Amt.",
        "Deposit Amt.",
        "Closing Balance",
    ],
    ["01/10/26", "NEFT CR-KAVERI TRADERS", "SBIN1", "01/10/26", None, 45000, 145000],
    ["05/10/26", "CHQ PAID-SHARMA ENTERPRISES", "000451", "05/10/26", 12500, None, 132500],
    ["12/10/26", "UPI/631212345678/OM SAI", "631212345678", "12/10/26", 500, None, 132000],
    ["31/10/26", "SMS CHARGES", "0", "31/10/26", 17.70, None, 131982.30],
]


def statement(
    path: Path,
    hidden: tuple[int, ...],
    autofilter: str = "",
    shown: tuple[str, ...] = (),
    title: str = "Statement",
) -> Path:
    """The statement with rows `hidden`, an AutoFilter over `autofilter` that, given the dates
    `shown`, shows only the lines of those dates (as Excel writes it: the filter's criteria on
    column A, and the rows it leaves out hidden)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in ROWS:
        sheet.append(row)
    for number in (*hidden, 2):  # a hidden title row is no line
        sheet.row_dimensions[number].hidden = True
    if autofilter:
        sheet.auto_filter.ref = autofilter
    if shown:
        sheet.auto_filter.add_filter_column(0, list(shown))
    book.save(path)
    return path


def said(lines: Any) -> list[tuple[str, str, str]]:
    """Each issue's cell, problem and the last part of its hint."""
    return [(i.cell, i.problem, i.hint.split("; ")[-1]) for i in lines.issues]


def filtered_and_hidden(filtered: int, hidden: int) -> list[tuple[str, str, str]]:
    """What the user is told of row `filtered`, left out by the AutoFilter, and row `hidden`,
    hidden by hand."""
    read = "were read and reconciled: every row of the statement is the bank's transaction"
    return [
        (
            f"A{filtered}",
            f"1 line(s) on rows Excel does not show (filtered out by the AutoFilter: row "
            f"{filtered}) {read}",
            "clear the filter to see them.",
        ),
        (
            f"A{hidden}",
            f"1 line(s) on rows Excel does not show (hidden: row {hidden}) {read}",
            "unhide them to see them.",
        ),
    ]


def test_hidden_rows_are_read_and_the_user_is_told(tmp_path: Path) -> None:
    lines = read_statement(str(statement(tmp_path / "hidden.xlsx", (7, 8))))
    assert totals(lines) == (4, 1250000 + 50000 + 1770, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-KAVERI TRADERS", 4500000),
        (date(2026, 10, 31), "SMS CHARGES", -1770),
    ]
    assert [(i.severity.value, i.sheet, i.cell, i.problem, i.hint) for i in lines.issues] == [
        (
            "Warning",
            "Statement",
            "A7",
            "2 line(s) on rows Excel does not show (hidden: rows 7, 8) were read and "
            "reconciled: every row of the statement is the bank's transaction",
            "If you hid them to leave them out, delete those rows in a copy of the statement "
            "and reconcile the copy; unhide them to see them.",
        )
    ]


@pytest.mark.parametrize("title", ["Oct'26", "Sales > North", "\"Q3\" 'final'"])
def test_hidden_rows_are_found_on_a_sheet_named_with_quotes_or_a_bracket(
    tmp_path: Path, title: str
) -> None:
    """Found on month sheets named `Oct'26`: Excel writes the name in double quotes with the
    apostrophe as it is, and the look at workbook.xml took the name to end there (`Oct`), so the
    sheet's hidden rows were read without a word. Some programs write a `>` in a name as it is
    (here put so by hand), which ended the tag for the same look."""
    path = statement(tmp_path / "hidden.xlsx", (7,), title=title)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"&gt;", b">")
    assert title.encode() in parts["xl/workbook.xml"] or "'" in title
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    lines = read_statement(str(path))
    assert len(lines.frame) == 4
    assert [(i.sheet, i.cell, i.problem[:60]) for i in lines.issues] == [
        (title, "A7", "1 line(s) on rows Excel does not show (hidden: row 7) were r")
    ]
    assert len(read_statement(str(path), sheet=title).frame) == 4


def test_rows_an_autofilter_leaves_out_are_read_and_the_filter_named(tmp_path: Path) -> None:
    shown = ("01/10/26", "12/10/26", "31/10/26")  # row 7, of 05/10/26, left out
    lines = read_statement(str(statement(tmp_path / "filtered.xlsx", (7,), "A5:G9", shown)))
    assert totals(lines)[0] == 4
    assert [i.problem for i in lines.issues] == [
        "1 line(s) on rows Excel does not show (filtered out by the AutoFilter: row 7) were "
        "read and reconciled: every row of the statement is the bank's transaction"
    ]
    assert lines.issues[0].hint.endswith("clear the filter to see them.")


def test_a_row_hidden_by_hand_beside_an_autofilter_is_called_hidden(tmp_path: Path) -> None:
    """Before: every hidden row on a sheet with an AutoFilter was "filtered out by the
    AutoFilter", so the user cleared the filter and still did not see row 9, hidden by hand
    below the filter's range; and a filter with no criteria (only its drop-down buttons)
    hides nothing at all."""
    shown = ("01/10/26", "12/10/26")
    lines = read_statement(str(statement(tmp_path / "both.xlsx", (7, 9), "A5:G8", shown)))
    assert totals(lines)[0] == 4
    assert said(lines) == filtered_and_hidden(7, 9)
    buttons_only = read_statement(str(statement(tmp_path / "buttons.xlsx", (7,), "A5:G9")))
    assert [i.problem for i in buttons_only.issues] == [
        "1 line(s) on rows Excel does not show (hidden: row 7) were "
        "read and reconciled: every row of the statement is the bank's transaction"
    ]


def test_a_sheet_without_hidden_rows_says_nothing(tmp_path: Path) -> None:
    assert read_statement(str(statement(tmp_path / "shown.xlsx", ()))).issues == []


def test_reconcile_ties_with_the_hidden_rows_and_says_so(tmp_path: Path, capsys: Any) -> None:
    """The BRS ties with every line; the note keeps the exit at 1 (something to look at)."""
    bank = statement(tmp_path / "hidden.xlsx", (7,))
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Opening Balance,,,100000.00,\n"
        "01-10-2026,Kaveri Traders,Receipt,R1,45000.00,\n"
        "05-10-2026,Sharma Enterprises,Payment,P1,,12500.00\n"
        "12-10-2026,Om Sai,Payment,P2,,500.00\n"
        "31-10-2026,Bank Charges,Journal,J1,,17.70\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    said = capsys.readouterr().out
    assert "4 matches, 0 bank and 0 ledger lines unmatched" in said
    assert "1 warning(s) on the Issues sheet; BRS difference 0.00" in said


ODS_ROW = "<table:table-row{attributes}>{cells}</table:table-row>"


def ods_statement(path: Path, title: str = "Statement") -> Path:
    """The statement as LibreOffice writes an .ods, by hand: rows 4-5 one blank row repeated
    twice and hidden (so a reader that counts the element once numbers every row below one
    short), the header on row 6, the line of 05/10/26 on row 8 left out by a filter
    (`table:visibility="filter"`) and the line of 31/10/26 on row 10 hidden by hand
    (`"collapse"`)."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    visibility = {8: ' table:visibility="filter"', 10: ' table:visibility="collapse"'}
    rows = [ODS_ROW.format(attributes="", cells="".join(map(cell, row))) for row in ROWS[:3]]
    rows.append(
        ODS_ROW.format(
            attributes=' table:number-rows-repeated="2" table:visibility="collapse"',
            cells="<table:table-cell/>",
        )
    )
    for number, row in enumerate(ROWS[4:], start=6):
        attributes = visibility.get(number, "")
        rows.append(ODS_ROW.format(attributes=attributes, cells="".join(map(cell, row))))
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{title}">'
        '<table:table-column table:number-columns-repeated="7"/>'
        + "".join(rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_statement_s_hidden_and_filtered_rows_are_named(tmp_path: Path) -> None:
    """Before: rows hidden in an .ods were read without a word."""
    lines = read_statement(str(ods_statement(tmp_path / "hidden.ods")))
    assert totals(lines) == (4, 1250000 + 50000 + 1770, 4500000)
    assert said(lines) == filtered_and_hidden(8, 10)


def test_an_ods_sheet_named_with_an_apostrophe_keeps_its_hidden_rows(tmp_path: Path) -> None:
    """A program other than LibreOffice may write `Oct'26` as it is in double quotes."""
    lines = read_statement(str(ods_statement(tmp_path / "hidden.ods", title="Oct'26")))
    assert said(lines) == filtered_and_hidden(8, 10)
    assert {issue.sheet for issue in lines.issues} == {"Oct'26"}


def test_an_xls_statement_s_hidden_and_filtered_rows_are_named(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """Before: rows hidden in an .xls were read without a word. The .xls is LibreOffice's
    (BIFF8) from the .xlsx with row 7 left out by the filter over A5:G8 and row 9 hidden by
    hand; the .xls keeps both (ROW records with fDyZero, FILTERMODE, `_FilterDatabase`) and
    the filter's criterion (an AUTOFILTER record: LibreOffice keeps the first of the two
    dates, = 01/10/26), which row 7's 05/10/26 fails: filtered out. Row 9, below the filter,
    was hidden by hand. (Before session 24 the criteria were not judged: row 7 was "hidden
    under the AutoFilter".)"""
    shown = ("01/10/26", "12/10/26")
    source = statement(tmp_path / "both.xlsx", (7, 9), "A5:G8", shown)
    converted = libreoffice(source, "xls") / "both.xls"
    lines = read_statement(str(converted))
    assert totals(lines) == (4, 1250000 + 50000 + 1770, 4500000)
    assert said(lines) == filtered_and_hidden(7, 9)


def test_an_xls_amount_filter_leaves_out_one_row_and_another_was_hidden_by_hand(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """LibreOffice's .xls of a statement filtered on Withdrawal Amt. (< 1,000 or blank): row 7's
    12,500.00 fails it (filtered out); row 8's 500.00 passes it, so the user hid row 8 by hand
    (clearing the filter would not show it). The AUTOFILTER record holds a text "1000" with
    `<` and an (empty) condition, joined by OR."""
    source = statement(tmp_path / "amounts.xlsx", (7, 8), "A5:G9")
    book = openpyxl.load_workbook(source)
    sheet = book["Statement"]
    sheet.auto_filter.add_filter_column(4, [])
    column = sheet.auto_filter.filterColumn[-1]
    column.filters = None
    column.customFilters = CustomFilters(
        _and=False,
        customFilter=[CustomFilter(operator="lessThan", val="1000"), CustomFilter(val="")],
    )
    book.save(source)
    lines = read_statement(str(libreoffice(source, "xls") / "amounts.xls"))
    assert totals(lines) == (4, 1250000 + 50000 + 1770, 4500000)
    assert said(lines) == filtered_and_hidden(7, 8)


def test_an_xls_whose_records_cannot_be_followed_hides_nothing() -> None:
    """A cut or scrambled Workbook stream gives no hidden rows, never a crash."""
    assert xls_hidden_rows(b"") == {}
    assert xls_hidden_rows(b"\x85\x00\x08\x00\xff\xff\xff\x7f\x00\x00\x05\x01abc") == {}
    assert xls_hidden_rows(bytes(range(256)) * 4) == {}


def table_statement(path: Path, hidden: tuple[int, ...], shown: tuple[str, ...]) -> Path:
    """The statement's lines as an Excel Table (ListObject) over A5:G9 whose own filter, given
    the dates `shown`, shows only those dates (as Excel writes it: the criteria in the Table's
    part, xl/tables/table1.xml, none in the sheet's XML, and the rows left out hidden)."""
    from openpyxl.worksheet.filters import AutoFilter, FilterColumn, Filters
    from openpyxl.worksheet.table import Table

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Statement"
    for row in ROWS:
        sheet.append(row)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    table = Table(displayName="Lines", ref="A5:G9")
    table.autoFilter = AutoFilter(
        ref="A5:G9", filterColumn=[FilterColumn(colId=0, filters=Filters(filter=list(shown)))]
    )
    sheet.add_table(table)
    book.save(path)
    return path


def test_rows_an_excel_table_s_filter_leaves_out_are_called_filtered(
    tmp_path: Path, capsys: Any
) -> None:
    """Before: the Table's criteria are in its own part, not the sheet's <autoFilter>, so row 7
    was "hidden", and the user told to unhide a row that only clearing the filter shows."""
    bank = table_statement(tmp_path / "table.xlsx", (7,), ("01/10/26", "12/10/26", "31/10/26"))
    with zipfile.ZipFile(bank) as archive:
        assert b"<autoFilter" not in archive.read("xl/worksheets/sheet1.xml")
        assert b"<filterColumn" in archive.read("xl/tables/table1.xml")
    lines = read_statement(str(bank))
    assert totals(lines)[0] == 4
    assert [(i.cell, i.problem, i.hint.split("; ")[-1]) for i in lines.issues] == [
        (
            "A7",
            "1 line(s) on rows Excel does not show (filtered out by the AutoFilter: row 7) were "
            "read and reconciled: every row of the statement is the bank's transaction",
            "clear the filter to see them.",
        )
    ]
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Opening Balance,,,100000.00,\n"
        "01-10-2026,Kaveri Traders,Receipt,R1,45000.00,\n"
        "05-10-2026,Sharma Enterprises,Payment,P1,,12500.00\n"
        "12-10-2026,Om Sai,Payment,P2,,500.00\n"
        "31-10-2026,Bank Charges,Journal,J1,,17.70\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    assert "1 warning(s) on the Issues sheet; BRS difference 0.00" in capsys.readouterr().out
    issues = openpyxl.load_workbook(out)["Issues"]
    said = [str(cell.value) for row in issues.iter_rows() for cell in row if cell.value]
    assert any("(filtered out by the AutoFilter: row 7)" in text for text in said)


def test_a_broken_table_part_calls_its_rows_hidden(tmp_path: Path) -> None:
    """A Table part that cannot be read tells nothing of a filter: the row is hidden (no
    traceback, and no claim that a filter hid it)."""
    good = table_statement(tmp_path / "table.xlsx", (7,), ("01/10/26",))
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/tables/table1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    lines = read_statement(str(broken))
    assert [i.problem for i in lines.issues] == [
        "1 line(s) on rows Excel does not show (hidden: row 7) were "
        "read and reconciled: every row of the statement is the bank's transaction"
    ]


@pytest.mark.parametrize("space", [" ", "\n", "\t"])
def test_a_row_of_no_height_is_called_hidden(tmp_path: Path, space: str) -> None:
    """A row written `<row r="7" ht="0" customHeight="1">` with no `hidden` (as some programs
    hide a row) is not seen in Excel. Before: read silently. XML allows any white space
    between attributes: a writer's line break before `ht` hides the row as well."""
    bank = statement(tmp_path / "zero.xlsx", ())
    with zipfile.ZipFile(bank) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b' hidden="1"', b"")  # title row 2 shown
    assert sheet.count(b'<row r="7"') == 1
    assert b'hidden="' not in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b'<row r="7"', b'<row r="7"' + space.encode() + b'ht="0" customHeight="1"'
    )
    with zipfile.ZipFile(bank, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    lines = read_statement(str(bank))
    assert totals(lines)[0] == 4
    assert [i.problem for i in lines.issues] == [
        "1 line(s) on rows Excel does not show (hidden: row 7) were "
        "read and reconciled: every row of the statement is the bank's transaction"
    ]
