"""Reading tables from files: the header found under title lines, row numbers kept, and a plain
message for every way a file can be wrong."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from xlbo.book import FileBook
from xlbo.book.files import DEFAULT_PASSWORD
from xlbo.errors import FileProblem, SheetProblem

BANK_EXPORT = [
    ["HDFC BANK Ltd."],
    ["SAHYADRI TRADELINKS PRIVATE LIMITED", None, None, "Account No : 50200012345678"],
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
    [
        "01/10/26",
        "NEFT CR-SBIN0004567-VARDHAMAN RETAIL",
        "SBINN26100112345",
        "01/10/26",
        None,
        50000,
        150000,
    ],
    [],
    ["02/10/26", "CHQ PAID-MICR CTS-PUNE-OM SAI", "000453", "02/10/26", 12000, None, 138000],
]


def test_header_found_under_title_lines(xlsx: Callable[..., Path]) -> None:
    table = FileBook(xlsx({"Statement": BANK_EXPORT})).read_table("Statement")
    assert table.header_row == 5
    assert list(table.frame.columns)[:3] == ["Date", "Narration", "Chq./Ref.No."]
    assert table.frame.index.tolist() == [6, 8]
    assert table.blank_rows == (7,)
    assert table.cell(8, "Withdrawal Amt.") == "E8"
    assert table.frame.loc[8, "Withdrawal Amt."] == 12000


def test_expected_headers_guide_the_search_and_fix_case(xlsx: Callable[..., Path]) -> None:
    rows = [["Employee list"], ["employee id", "NAME ", "Basic"], ["E1", "Asha", 20000]]
    table = FileBook(xlsx({"Employees": rows})).read_table("employees", ["Employee ID", "Name"])
    assert table.sheet == "Employees"
    assert list(table.frame.columns) == ["Employee ID", "Name", "Basic"]
    assert table.renamed_headers == {"employee id": "Employee ID", "NAME": "Name"}


def test_excel_table_by_name(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data")
    sheet.write("A1", "Notes above the table")
    sheet.add_table(
        "B3:C5",
        {
            "name": "Rates",
            "columns": [{"header": "Rate"}, {"header": "Since"}],
            "data": [["5%", "22-09-2025"], ["18%", "22-09-2025"]],
        },
    )
    book.close()
    table = FileBook(path).read_table("Rates")
    assert table.sheet == "Data"
    assert table.frame.to_dict("list") == {"Rate": ["5%", "18%"], "Since": ["22-09-2025"] * 2}
    assert table.frame.index.tolist() == [4, 5]
    assert table.letters == {"Rate": "B", "Since": "C"}


def test_error_cells_come_back_as_their_error(xlsx: Callable[..., Path]) -> None:
    path = xlsx(
        {"S": [["ID", "State"], ["V1", None], ["V2", None]]},
        errors={"S": {"B2": "#N/A", "B3": "#REF!"}},
    )
    table = FileBook(path).read_table("S")
    assert table.frame["State"].tolist() == ["#N/A", "#REF!"]


def test_csv_with_title_lines_semicolons_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_bytes(
        "Bank statement\n\nDate;Narration;Amount\n01/10/2026;Café rent;1.234,50\n".encode("cp1252")
    )
    table = FileBook(path).read_table("statement")
    assert list(table.frame.columns) == ["Date", "Narration", "Amount"]
    assert table.frame.loc[4, "Narration"] == "Café rent"


def test_dates_and_numbers_come_as_excel_holds_them(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"S": [["When", "Amount"], [date(2025, 4, 1), 1234.5]]})
    row = FileBook(path).read_table("S").frame.iloc[0]
    assert row["When"] == date(2025, 4, 1)
    assert row["Amount"] == 1234.5


def test_duplicate_headers_are_told_apart(xlsx: Callable[..., Path]) -> None:
    table = FileBook(xlsx({"S": [["Amount", "Amount"], [1, 2]]})).read_table("S")
    assert list(table.frame.columns) == ["Amount", "Amount (2)"]


# -- every way a file can be wrong -------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="master.xlsx was not found"):
        FileBook(tmp_path / "master.xlsx")


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "books.xlsx").mkdir()
    with pytest.raises(FileProblem, match="is a folder, not a workbook"):
        FileBook(tmp_path / "books.xlsx")


def test_unknown_kind_of_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("hello")
    with pytest.raises(FileProblem, match=r"not a file xlbo reads; use an Excel workbook \(.xlsx"):
        FileBook(path)


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        (b"Date,Narration,Amount\n01/10/2026,rent,100\n", "it is a text file"),
        (b"%PDF-1.7\n...", "it is a PDF document"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "web page (HTML)"),
        (b"\x00\x01\x02\x03garbage\xff\xfe", "it is not a spreadsheet"),
    ],
)
def test_not_an_excel_file_renamed_xlsx(tmp_path: Path, content: bytes, looks_like: str) -> None:
    path = tmp_path / "statement.xlsx"
    path.write_bytes(content)
    with pytest.raises(
        FileProblem, match=f"statement.xlsx is not an Excel workbook: .*{re.escape(looks_like)}"
    ):
        FileBook(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    with pytest.raises(FileProblem, match=r"empty.xlsx is empty \(0 bytes\)"):
        FileBook(path)


def test_truncated_xlsx(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    whole = xlsx({"S": [["a"], [1]] * 200}).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(FileProblem, match="cut.xlsx is damaged or incomplete"):
        FileBook(path)


def test_corrupt_xlsx(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx({"S": [["a", "b"], [1, "x" * 50]] * 300})
    with zipfile.ZipFile(source) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    whole = bytearray(source.read_bytes())
    middle = sheet.header_offset + 100 + sheet.compress_size // 2
    whole[middle : middle + 200] = b"\x00" * 200
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(bytes(whole))
    with pytest.raises(FileProblem, match="corrupt.xlsx is damaged or incomplete"):
        FileBook(path).read_table("S")


def test_password_protected_workbook(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    plain = xlsx({"S": [["a"], [1]]})
    encrypted = io.BytesIO()
    with plain.open("rb") as handle:
        OOXMLFile(handle).encrypt("secret", encrypted)
    path = tmp_path / "salaries.xlsx"
    path.write_bytes(encrypted.getvalue())
    with pytest.raises(
        FileProblem,
        match="salaries.xlsx is password-protected. Open it in Excel, remove the password",
    ):
        FileBook(path)


def test_file_locked_by_another_program(
    xlsx: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = xlsx({"S": [["a"], [1]]})

    def locked(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(
        FileProblem, match=r"is locked by another program \(Excel\?\).*Close it there"
    ):
        FileBook(path)


def test_missing_sheet_names_what_is_there(xlsx: Callable[..., Path]) -> None:
    book = FileBook(xlsx({"Staff": [["a"]], "Parties": [["b"]]}))
    with pytest.raises(
        SheetProblem, match=r"book.xlsx has no sheet named 'Employees' \(it has: Staff, Parties\)"
    ):
        book.read_table("Employees")


def test_csv_that_is_really_a_workbook(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(xlsx({"S": [["a"]]}).read_bytes())
    with pytest.raises(FileProblem, match="export.csv is an Excel workbook with a .csv name"):
        FileBook(path)


def test_reading_never_changes_the_file(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"S": BANK_EXPORT})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    FileBook(path).read_table("S")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.libreoffice
def test_old_xls_workbooks_are_read(
    xlsx: Callable[..., Path], libreoffice: Callable[[Path, str], Path]
) -> None:
    source = xlsx({"Statement": BANK_EXPORT}, name="statement.xlsx")
    outdir = libreoffice(source, "xls")
    table = FileBook(outdir / "statement.xls").read_table("Statement")
    assert table.header_row == 5
    assert table.frame.loc[6, "Narration"] == "NEFT CR-SBIN0004567-VARDHAMAN RETAIL"
    assert table.frame.loc[8, "Withdrawal Amt."] == 12000


@pytest.mark.libreoffice
def test_xls_content_under_an_xlsx_name_is_still_read(
    xlsx: Callable[..., Path], libreoffice: Callable[[Path, str], Path], tmp_path: Path
) -> None:
    outdir = libreoffice(xlsx({"S": [["ID", "Amount"], ["V1", 5]]}, name="s.xlsx"), "xls")
    misnamed = tmp_path / "export.xlsx"
    misnamed.write_bytes((outdir / "s.xls").read_bytes())
    assert FileBook(misnamed).read_table("S").frame.to_dict("list") == {
        "ID": ["V1"],
        "Amount": [5.0],
    }


def test_macro_workbooks_are_read(xlsx: Callable[..., Path]) -> None:
    path = xlsx(
        {"Vendors": [["Vendor Code", "Name"], ["V001", "Shree Balaji Traders"]]}, name="book.xlsm"
    )
    assert FileBook(path).read_table("Vendors").frame["Name"].tolist() == ["Shree Balaji Traders"]


# -- limits before reading (xlbo.book.limits) --------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def one_sheet(path: Path, sheet_data: str, dimension: str | None = "A1") -> Path:
    """A workbook whose one sheet, 'S', has exactly this <sheetData> inside."""
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{MAIN}">'
            + (f'<dimension ref="{dimension}"/>' if dimension else "")
            + f"<sheetData>{sheet_data}</sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row>'


@pytest.mark.parametrize(
    "far",
    [
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        '<row r="9"><c s="0" r="XFD9"><v>1</v></c></row>',  # r not the first attribute
        "<row r='9'><c r='XFD9'><v>1</v></c></row>",  # single quotes
        '<row r="9"><c r="xfd9"><v>1</v></c></row>',  # lower case
        '<row r="9"><c r="A0000001048576"><v>1</v></c></row>',  # leading zeros
        '<row r="9"><c\n r = "XFD9"><v>1</v></c></row>',  # spaces around =
        f'<row r="9"><x:c xmlns:x="{MAIN}" r="XFD9"><x:v>1</x:v></x:c></row>',  # prefix
        '<row r="1048576">' + "<c><v>1</v></c>" * 20 + "</row>",  # no r: placed in turn
        '<row r="9"><c r="XFD9" t="inlineStr"><is><t></t></is></c></row>',  # empty text
    ],
    ids=["plain", "order", "quotes", "lower", "zeros", "spaces", "prefix", "no-ref", "is"],
)
def test_a_far_value_is_refused_before_it_is_read(
    tmp_path: Path, far: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlbo.book.limits as limits

    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 1_000)
    path = one_sheet(tmp_path / "far.xlsx", A1 + far)
    with pytest.raises(FileProblem, match=r"far.xlsx: S is larger than xlbo reads \([\d,]+ cells"):
        FileBook(path).read_table("S")


@pytest.mark.parametrize(
    ("dimension", "extra"),
    [
        ("A1:XFD1048576", '<row r="1048576"><c r="XFD1048576" s="1"/></row>'),  # formatted
        ("A1", '<row r="5000"><c r="XFD5000"><f>1+1</f></c></row>'),  # formula, no value
        ("A1:B2", '<row r="3"><c r="C3"><v>7</v></c></row>'),  # dimension a little wrong
        (None, '<row r="3"><c r="C3"><v>7</v></c></row>'),  # no dimension at all
    ],
    ids=["formatted-far-cell", "formula-without-value", "understated", "no-dimension"],
)
def test_what_calamine_would_not_allocate_still_reads(
    tmp_path: Path, dimension: str | None, extra: str
) -> None:
    rows = FileBook(one_sheet(tmp_path / "ok.xlsx", A1 + extra, dimension)).sheet_rows("S")
    assert rows[0][0] == "Date"
    assert len(rows) <= 3 and len(rows[0]) <= 3


def test_the_sheet_limit_is_the_named_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlbo.book.limits as limits

    body = "".join(f'<row r="{n}"><c r="D{n}"><v>{n}</v></c></row>' for n in range(1, 51))
    path = one_sheet(tmp_path / "statement.xlsx", body, "A1:D50")
    assert len(FileBook(path).sheet_rows("S")) == 50
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 199)
    with pytest.raises(
        FileProblem,
        match=r"statement.xlsx: S is larger than xlbo reads \(about 204 cells / under 0.1 MB "
        r"unpacked; it reaches D\d\d\); if it is a real bank statement or ledger, export it as CSV",
    ):
        FileBook(path).sheet_rows("S")
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 150)  # the dimension, when it can be used
    path = one_sheet(tmp_path / "statement.xlsx", body, "A1:D40")  # and it is a little short
    with pytest.raises(FileProblem, match=r"\(about 204 cells / .*; it reaches D\d\d\)"):
        FileBook(path).sheet_rows("S")


def test_unpacked_size_past_the_setting_names_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlbo.book.limits as limits

    body = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"x" * 900}</t></is></c></row>'
        for n in range(1, 2000)
    )
    path = one_sheet(tmp_path / "big.xlsx", body, "A1:A1999")
    monkeypatch.setattr(limits, "MAX_UNPACKED_MB", 1)
    with pytest.raises(FileProblem, match=r"big.xlsx: S is larger than xlbo reads \(1.8 MB unp"):
        FileBook(path)


def test_xls_cell_records_are_sized_per_sheet() -> None:
    from xlbo.book.limits import biff_grid

    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    bof = record(0x0809, b"\x00" * 16)
    number = lambda row, col: record(0x0203, struct.pack("<HHHd", row, col, 0, 1.0))  # noqa: E731
    mulrk = record(0x00BD, struct.pack("<HH", 4, 1) + b"\x00" * 12 + struct.pack("<H", 9))
    blank = record(0x0201, struct.pack("<HHH", 60000, 60000, 0))  # calamine keeps no blanks
    dimensions = record(0x0200, struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 0xFFFF, 0))
    stream = bof + bof + number(99, 1) + blank + record(0x000A, b"") + bof + number(2, 3) + mulrk
    assert biff_grid(stream) == (100, 2, 0)
    assert biff_grid(bof + number(0xFFFF, 0xFFFF)) == (65536, 65536, 0)
    assert biff_grid(bof + dimensions + number(0, 0)) == (1, 1, 0xFFFFFFFF * 0xFFFF)


ODS_SPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods(path: Path, rows: str) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_SPACES}>'
        f'<office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
        'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
        '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def ods_cell(text: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell office:value-type="string" table:number-columns-repeated="{repeat}">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def test_ods_runs_of_empty_cells_cost_nothing(tmp_path: Path) -> None:
    """LibreOffice ends every row with its empty columns and every sheet with its empty rows,
    each written once with a repeat count."""
    empty_tail = '<table:table-cell table:number-columns-repeated="16382"/>'
    row = f"<table:table-row>{ods_cell('Date')}{ods_cell('Amount')}{empty_tail}</table:table-row>"
    empty_rows = (
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    rows = FileBook(ods(tmp_path / "s.ods", row + empty_rows)).sheet_rows("S")
    assert rows == [["Date", "Amount"]]


def test_ods_repeated_values_are_counted_out(tmp_path: Path) -> None:
    row = (
        '<table:table-row table:number-rows-repeated="5000">'
        f"{ods_cell('x', 5000)}</table:table-row>"
    )
    with pytest.raises(
        FileProblem, match=r"s.ods: S is larger than xlbo reads \(25,000,000 cells .* GJH5000\)"
    ):
        FileBook(ods(tmp_path / "s.ods", row))


def test_an_xls_stream_past_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlbo.book.limits as limits
    from xlbo.excel.vba.cfb import compound_file

    path = tmp_path / "old.xls"
    path.write_bytes(compound_file({"Workbook": b"\x09\x08\x10\x00" + b"\x00" * 9000}))
    monkeypatch.setattr(limits, "MAX_XLS_MB", 0)
    with pytest.raises(FileProblem, match=r"old.xls is larger than xlbo reads \(under 0.1 MB"):
        FileBook(path)


@pytest.mark.parametrize("module", ["xlbo.book.sheet_reach", "xlbo.book.files"])
def test_worked_examples(module: str) -> None:
    import doctest
    import importlib

    failed, tried = doctest.testmod(importlib.import_module(module))
    assert tried and not failed


def test_an_excel_table_past_the_limit_is_refused_before_calamine_cuts_it(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "rates.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Data").add_table(
        "B3:C5", {"name": "Rates", "columns": [{"header": "Rate"}, {"header": "Since"}]}
    )
    book.close()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/tables/table1.xml"] = parts["xl/tables/table1.xml"].replace(
        b'ref="B3:C5"', b'ref="B3:XFD1048576"', 1
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(
        FileProblem,
        match=r"rates.xlsx: table Rates \(B3:XFD1048576\) on Data is larger than xlbo reads "
        r"\(17,178,787,842 cells\)",
    ):
        FileBook(path).read_table("Rates")


def test_a_csv_line_of_a_million_commas_is_refused_either_way(tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_text("Date,Amount\n" + "," * 1_000_000 + "\n" + "01/10/2026,5\n" * 100)
    book = FileBook(path)
    with pytest.raises(FileProblem, match=r"statement.csv is larger than xlbo reads \(102 lines"):
        book.sheet_rows("statement")
    with pytest.raises(FileProblem, match="check the separator"):
        book.sheet_frame("statement")


def test_a_csv_cell_past_the_csv_module_limit_is_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_text("Date,Narration\n01/10/2026," + "x" * 200_000 + "\n")
    with pytest.raises(FileProblem, match="statement.csv cannot be read as CSV .* one cell is"):
        FileBook(path).sheet_rows("statement")


def test_a_csv_past_the_size_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlbo.book.limits as limits

    path = tmp_path / "statement.csv"
    path.write_text("Date,Amount\n" + "01/10/2026,5\n" * 100_000)
    monkeypatch.setattr(limits, "MAX_TEXT_MB", 1)
    with pytest.raises(FileProblem, match=r"statement.csv is larger than xlbo reads as CSV \(1 MB"):
        FileBook(path).sheet_frame("statement")


def test_a_zip_with_encrypted_parts(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    """Not how Excel protects a workbook (that is an OLE file, above), but a zip tool's."""
    whole = bytearray(xlsx({"S": [["a"], [1]]}).read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = whole.find(signature)
        while at >= 0:
            whole[at + flags_at] |= 0x1
            at = whole.find(signature, at + 4)
    path = tmp_path / "locked.xlsx"
    path.write_bytes(bytes(whole))
    with pytest.raises(FileProblem, match="locked.xlsx is password-protected"):
        FileBook(path)


class PanicException(BaseException):
    """What pyo3 raises when calamine panics on a damaged file: a BaseException, no Exception."""


class _PanickingWorkbook:
    sheet_names = ("Statement",)

    def get_sheet_by_name(self, name: str) -> None:
        raise PanicException("range end index 64 out of range for slice of length 1")


@pytest.mark.parametrize("where", ["opening", "sheet"])
def test_a_panic_of_calamine_on_a_damaged_file_is_a_clear_message(
    xlsx: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
) -> None:
    """Found on a fuzzed .xls of Apache POI's test data: calamine's Rust code panicked, pyo3
    raised its PanicException (a BaseException, which `except Exception` lets through) and the
    CLI ended in a traceback, exit 1. Now: exit 2, the file named, what to do."""
    from xlbo.book import files
    from xlbo.cli import main

    path = xlsx({"Statement": [["Date", "Narration", "Amount"], ["01/10/2026", "rent", 100]]})

    class Calamine:
        CalamineError = files.calamine.CalamineError
        PasswordError = files.calamine.PasswordError

        class CalamineWorkbook:
            @staticmethod
            def from_path(*args: object, **kwargs: object) -> _PanickingWorkbook:
                if where == "opening":
                    raise PanicException("range end index 64 out of range for slice of length 1")
                return _PanickingWorkbook()

    monkeypatch.setattr(files, "calamine", Calamine)
    with pytest.raises(FileProblem, match=r"is damaged or incomplete and cannot be read"):
        FileBook(path).sheet_rows("Statement")
    out = str(path.with_name("brs.xlsx"))
    assert main(["reconcile", "--bank", str(path), "--ledger", str(path), "--out", out]) == 2
    said = capsys.readouterr().err
    assert f"{path.name} is damaged or incomplete and cannot be read" in said
    assert "Traceback" not in said


def test_the_quick_look_at_sheet_names_reads_no_directory_past_the_parts_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by review (F9): the look at an .xlsx's sheet names (the audit's, `--sheet`'s)
    read a zip directory of any size, before FileBook's limit on parts was checked. A zip
    declaring more parts than MAX_PARTS is left to FileBook, which refuses it by name."""
    from xlbo.book import limits

    path = tmp_path / "books.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        for n in range(limits.MAX_PARTS + 1):
            archive.writestr(f"xl/media/x{n}.bin", b"")
    opened: list[object] = []
    monkeypatch.setattr(limits.zipfile, "ZipFile", lambda *a, **k: opened.append(a))
    assert limits.zip_sheet_names(path) is None
    assert opened == []
    monkeypatch.undo()
    with pytest.raises(FileProblem, match=r"books.xlsx holds 10,00\d parts, more than xlbo"):
        FileBook(path)


def test_a_workbook_encrypted_with_excels_default_password_is_read_as_excel_opens_it(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """Excel encrypts with `VelvetSweatshop` where the user chose no password, and opens such a
    file without asking; it was refused as password-protected. Read from a private copy: the
    file itself is unchanged, and messages name it."""
    plain = xlsx({"Statement": [["Date", "Amount"], ["03/11/2026", 118000]]})
    encrypted = io.BytesIO()
    with plain.open("rb") as handle:
        OOXMLFile(handle).encrypt(DEFAULT_PASSWORD, encrypted)
    path = tmp_path / "statement.xlsx"
    path.write_bytes(encrypted.getvalue())
    before = path.read_bytes()
    book = FileBook(path)
    assert book.name == "statement.xlsx"
    assert book.sheet_names() == ["Statement"]
    assert book.sheet_rows("Statement")[1] == ["03/11/2026", 118000]
    copy = book.path
    assert copy != path and copy.exists()
    del book
    assert not copy.exists() and not copy.parent.exists()
    assert path.read_bytes() == before


def test_a_workbook_is_surveyed_again_once_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job opens one result several times; its survey (the limits, read by inflating every
    sheet) is made once while the file stays the same, and again once it is written over."""
    import xlbo.book.limits as limits

    surveyed: list[Path] = []
    survey = limits._survey_zip
    monkeypatch.setattr(limits, "_survey_zip", lambda path: surveyed.append(path) or survey(path))
    path = one_sheet(tmp_path / "brs.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', "A1")
    for _ in range(3):
        assert FileBook(path).sheet_rows("S") == [[1.0]]
    assert surveyed == [path]

    body = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"x" * 900}</t></is></c></row>'
        for n in range(1, 2000)
    )
    one_sheet(path, body, "A1:A1999")  # written over: a file too large for the setting
    monkeypatch.setattr(limits, "MAX_UNPACKED_MB", 1)
    with pytest.raises(FileProblem, match=r"brs.xlsx: S is larger than xlbo reads"):
        FileBook(path)
    assert surveyed == [path, path]
