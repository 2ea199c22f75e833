"""What Excel does not show, told truly: a row hidden by hand inside an active AutoFilter is
hidden, not filtered out (clearing the filter would not show it); a row under criteria that
cannot be judged here is "hidden under the AutoFilter", both ways to see it given; and a
column the statement was read from that the user hid is named. Before: every hidden row under
a filter with criteria was "filtered out", and hidden columns were read without a word.

The workbooks are written as Excel writes them: shared strings, dates as serial numbers in a
date format, amounts in `#,##0.00`, the filter's criteria in the sheet's `<autoFilter>`."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from tests.bank.test_hidden_rows import ods_statement, statement, table_statement
from tests.bank.test_more_banks import totals
from xlbo.book.hidden_rows import HiddenRows
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
INDIAN = r"[&gt;=10000000]##\,##\,##\,##0.00;[&gt;=100000]##\,##\,##0.00;##,##0.00"
"""The lakh-and-crore grouping Indian users give their amounts (`12,34,567.00`): the filter
compares the text it shows, which is not reproduced here."""

LINES: list[list[Any]] = [
    ["HDFC BANK Ltd."],
    ["Account No : 50100012345678"],
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    [],
    ["Date", "Narration", "Mode", "Withdrawal Amt.", "Deposit Amt.", "Closing Balance"],
    [date(2026, 10, 1), "NEFT CR-KAVERI TRADERS", "NEFT", None, 45000, 145000],
    [date(2026, 10, 5), "CHQ PAID-SHARMA ENTERPRISES", "CHQ", 12500, None, 132500],
    [date(2026, 10, 12), "UPI/631212345678/OM SAI", "UPI", 500, None, 132000],
    [date(2026, 10, 31), "SMS CHARGES", "CHARGES", 17.70, None, 131982.30],
]
"""Rows 1-9: the lines on rows 6 (NEFT), 7 (CHQ), 8 (UPI) and 9 (charges)."""


def excel_statement(
    path: Path,
    hidden: tuple[int, ...],
    auto_filter: str = "",
    *,
    columns: str = "",
    amount_format: str = "",
) -> Path:
    """LINES as Excel saves them, rows `hidden` (`hidden="1"`), `auto_filter` the sheet's
    `<autoFilter>` element, `columns` its `<cols>`, amounts in `amount_format` (a custom
    format code; else the built-in #,##0.00)."""
    strings: list[str] = []

    def cell(reference: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            serial = (value - date(1899, 12, 30)).days
            return f'<c r="{reference}" s="1"><v>{serial}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{reference}" s="2"><v>{value}</v></c>'
        if value not in strings:
            strings.append(value)
        return f'<c r="{reference}" t="s"><v>{strings.index(value)}</v></c>'

    rows = []
    for number, values in enumerate(LINES, start=1):
        cells = "".join(cell(f"{'ABCDEF'[i]}{number}", v) for i, v in enumerate(values))
        flag = ' hidden="1"' if number in hidden else ""
        rows.append(f'<row r="{number}" spans="1:6"{flag} x14ac:dyDescent="0.25">{cells}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'mc:Ignorable="x14ac xr xr2 xr3" '
        'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
        'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
        'xr:uid="{00000000-0001-0000-0000-000000000000}">'
        '<dimension ref="A1:F9"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
        f"{columns}<sheetData>{''.join(rows)}</sheetData>{auto_filter}"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    custom = (
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{amount_format}"/></numFmts>'
        if amount_format
        else ""
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
        f'{custom}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="3">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        f'<xf numFmtId="{164 if amount_format else 4}" fontId="0" fillId="0" borderId="0" '
        'xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELATIONSHIPS}"><workbookPr defaultThemeVersion="166925"/><sheets>'
            '<sheet name="Statement" sheetId="1" r:id="rId1"/></sheets>'
            + (
                '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
                'hidden="1">Statement!$A$5:$F$9</definedName></definedNames>'
                if auto_filter
                else ""
            )
            + "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PACKAGE}">'
            f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def auto_filter(*columns: str) -> str:
    """The sheet's AutoFilter over the lines, A5:F9, with `columns` (`<filterColumn>`s) as
    Excel writes it."""
    return (
        '<autoFilter ref="A5:F9" xr:uid="{5B0D0C4E-2C1E-4F0A-9D7C-0E3F6A2B1C11}">'
        + "".join(columns)
        + "</autoFilter>"
    )


def told(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    """What the user is told: each issue's severity, file, sheet, cell, problem and hint."""
    lines = read_statement(str(path))
    assert totals(lines)[0] == 4  # every line read, shown or not
    return [(i.severity.value, i.file, i.sheet, i.cell, i.problem, i.hint) for i in lines.issues]


def rows_said(how: str, rows: str, count: int = 1) -> str:
    return (
        f"{count} line(s) on rows Excel does not show ({how}: {rows}) were read and "
        "reconciled: every row of the statement is the bank's transaction"
    )


def hint(see: str) -> str:
    return (
        "If you hid them to leave them out, delete those rows in a copy of the statement and "
        f"reconcile the copy; {see}"
    )


FILTERED = hint("clear the filter to see them.")
BY_HAND = hint("unhide them to see them.")
BOTH = hint("clear the filter and unhide rows to see them.")


def test_a_row_hidden_by_hand_inside_an_active_filter_is_called_hidden(tmp_path: Path) -> None:
    """The filter on Mode shows NEFT, CHQ and CHARGES: row 8 (UPI) it left out; row 7 (CHQ)
    passes it, so the user hid it by hand, and clearing the filter would not show it. Before:
    both were "filtered out by the AutoFilter"."""
    shown = '<filters><filter val="CHARGES"/><filter val="chq"/><filter val="NEFT"/></filters>'
    bank = excel_statement(
        tmp_path / "hand.xlsx",
        (7, 8),
        auto_filter(f'<filterColumn colId="2">{shown}</filterColumn>'),
    )
    assert told(bank) == [
        (
            "Warning",
            "hand.xlsx",
            "Statement",
            "A8",
            rows_said("filtered out by the AutoFilter", "row 8"),
            FILTERED,
        ),
        ("Warning", "hand.xlsx", "Statement", "A7", rows_said("hidden", "row 7"), BY_HAND),
    ]


def test_comparisons_of_amounts_and_of_text_are_judged(tmp_path: Path) -> None:
    """`Withdrawal >= 500 and < 20,000` leaves out the charges of 17.70 (row 9); the cheque of
    12,500.00 (row 7) passes, hidden by hand. `Narration does not begin with UPI/` leaves out
    row 8; row 9 passes it. Before: all "filtered out"."""
    amounts = (
        '<filterColumn colId="3"><customFilters and="1">'
        '<customFilter operator="greaterThanOrEqual" val="500"/>'
        '<customFilter operator="lessThan" val="20000"/></customFilters></filterColumn>'
    )
    bank = excel_statement(tmp_path / "amounts.xlsx", (7, 9), auto_filter(amounts))
    assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
        ("A9", rows_said("filtered out by the AutoFilter", "row 9"), FILTERED),
        ("A7", rows_said("hidden", "row 7"), BY_HAND),
    ]
    text = (
        '<filterColumn colId="1"><customFilters>'
        '<customFilter operator="notEqual" val="upi/*"/></customFilters></filterColumn>'
    )
    bank = excel_statement(tmp_path / "text.xlsx", (8, 9), auto_filter(text))
    assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
        ("A8", rows_said("filtered out by the AutoFilter", "row 8"), FILTERED),
        ("A9", rows_said("hidden", "row 9"), BY_HAND),
    ]


def test_a_filter_of_dates_is_judged_by_the_days_it_keeps(tmp_path: Path) -> None:
    """Excel writes a filter on a column of dates as `<dateGroupItem>`s: keeping 1 and 12
    October leaves out row 7 (5 October); row 8 (12 October) was hidden by hand. A filter
    keeping the whole month leaves out neither."""
    days = (
        '<filterColumn colId="0"><filters>'
        '<dateGroupItem year="2026" month="10" day="1" dateTimeGrouping="day"/>'
        '<dateGroupItem year="2026" month="10" day="12" dateTimeGrouping="day"/>'
        "</filters></filterColumn>"
    )
    bank = excel_statement(tmp_path / "days.xlsx", (7, 8), auto_filter(days))
    assert [(cell, problem) for *_, cell, problem, _ in told(bank)] == [
        ("A7", rows_said("filtered out by the AutoFilter", "row 7")),
        ("A8", rows_said("hidden", "row 8")),
    ]
    month = (
        '<filterColumn colId="0"><filters>'
        '<dateGroupItem year="2026" month="10" dateTimeGrouping="month"/>'
        "</filters></filterColumn>"
    )
    bank = excel_statement(tmp_path / "month.xlsx", (7, 8), auto_filter(month))
    assert [(cell, problem) for *_, cell, problem, _ in told(bank)] == [
        ("A7", rows_said("hidden", "rows 7, 8", 2)),
    ]


def test_criteria_that_cannot_be_judged_call_the_rows_hidden_under_the_filter(
    tmp_path: Path,
) -> None:
    """A top-10 filter, a colour filter, and a list of amounts shown in the Indian grouping
    (the text the filter compares is not reproduced here): whether the filter or the user hid
    row 7 is not known, so the user is told both ways to see it. A criterion that fails on
    the row still settles it: row 8 (UPI) fails the Mode filter beside the colour filter."""
    top = '<filterColumn colId="5"><top10 val="2" filterVal="145000"/></filterColumn>'
    bank = excel_statement(tmp_path / "top.xlsx", (7,), auto_filter(top))
    assert told(bank) == [
        (
            "Warning",
            "top.xlsx",
            "Statement",
            "A7",
            rows_said("hidden under the AutoFilter", "row 7"),
            BOTH,
        ),
    ]
    amounts = '<filterColumn colId="3"><filters><filter val="12,500.00"/></filters></filterColumn>'
    bank = excel_statement(
        tmp_path / "lakhs.xlsx", (7,), auto_filter(amounts), amount_format=INDIAN
    )
    assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
        ("A7", rows_said("hidden under the AutoFilter", "row 7"), BOTH),
    ]
    colour = '<filterColumn colId="1"><colorFilter dxfId="0"/></filterColumn>'
    mode = '<filterColumn colId="2"><filters><filter val="CHQ"/></filters></filterColumn>'
    bank = excel_statement(tmp_path / "colour.xlsx", (7, 8), auto_filter(colour, mode))
    assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
        ("A8", rows_said("filtered out by the AutoFilter", "row 8"), FILTERED),
        ("A7", rows_said("hidden under the AutoFilter", "row 7"), BOTH),
    ]


def test_a_filter_that_cannot_be_read_never_stops_the_reading(tmp_path: Path) -> None:
    """Broken criteria XML, a column the filter does not name or names past Excel's last,
    and a `<col>` span to Excel's last column (or far past it): no traceback, no hang; the
    rows are at worst "hidden under the AutoFilter", and hidden columns past the statement's
    are not mentioned."""
    past = '<cols><col min="7" max="16384" width="9.140625" hidden="1"/></cols>'
    for name, columns in (
        ('<filterColumn colId="2"><filters><filter val="CHQ"></filters></filterColumn>', past),
        ('<filterColumn colId="C"><filters><filter val="CHQ"/></filters></filterColumn>', ""),
        ('<filterColumn colId="99999"><filters><filter val="CHQ"/></filters></filterColumn>', ""),
        (
            '<filterColumn colId="-1"><filters><filter val="CHQ"/></filters></filterColumn>',
            '<cols><col min="7" max="99999999999" hidden="1"/></cols>',
        ),
    ):
        bank = excel_statement(tmp_path / "odd.xlsx", (7,), auto_filter(name), columns=columns)
        assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
            ("A7", rows_said("hidden under the AutoFilter", "row 7"), BOTH),
        ], name


COLUMN_HINT = (
    "If you hid it to leave it out, name the columns to read with --map (or delete it in a "
    "copy of the statement and reconcile the copy); unhide it to see it."
)


def column_said(letter: str, header: str) -> str:
    return (
        f"column {letter} ({header}), which Excel does not show (hidden), was read and "
        "reconciled: the statement's lines are read from it"
    )


def test_a_hidden_column_the_statement_was_read_from_is_named(tmp_path: Path) -> None:
    """The user hid Withdrawal Amt. (E) and an empty column H: E's amounts were read, and
    the user is told so; H was not read and is not mentioned. A column of width 0 (as some
    programs hide one) is hidden too. Before: read silently."""
    bank = statement(tmp_path / "columns.xlsx", ())
    book = openpyxl.load_workbook(bank)
    book["Statement"].column_dimensions["E"].hidden = True
    book["Statement"].column_dimensions["H"].hidden = True
    book["Statement"].row_dimensions[2].hidden = False
    book.save(bank)
    assert told(bank) == [
        (
            "Warning",
            "columns.xlsx",
            "Statement",
            "E5",
            column_said("E", "Withdrawal Amt."),
            COLUMN_HINT,
        ),
    ]
    narrow = '<cols><col min="6" max="6" width="0" customWidth="1"/></cols>'
    bank = excel_statement(tmp_path / "narrow.xlsx", (), columns=narrow)
    assert told(bank) == [
        (
            "Warning",
            "narrow.xlsx",
            "Statement",
            "F5",
            column_said("F", "Closing Balance"),
            COLUMN_HINT,
        ),
    ]


def test_an_ods_statement_s_hidden_column_is_named(tmp_path: Path) -> None:
    """LibreOffice writes a hidden column as `<table:table-column table:visibility="collapse">`
    among repeated ones: here G, Closing Balance, after a run of six shown columns."""
    bank = ods_statement(tmp_path / "columns.ods")
    with zipfile.ZipFile(bank) as archive:
        parts = {item.filename: archive.read(item.filename) for item in archive.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b'<table:table-column table:number-columns-repeated="7"/>',
        b'<table:table-column table:number-columns-repeated="6"/>'
        b'<table:table-column table:visibility="collapse"/>'
        b'<table:table-column table:number-columns-repeated="16377"/>',
    )
    with zipfile.ZipFile(bank, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    said = [(i.cell, i.problem, i.hint) for i in read_statement(str(bank)).issues]
    assert ("G6", column_said("G", "Closing Balance"), COLUMN_HINT) in said


def test_an_xls_statement_s_hidden_column_is_named(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """The .xls (BIFF8, LibreOffice's from the .xlsx) keeps a hidden column as a COLINFO
    record with fHidden: Deposit Amt. (F) hidden is named."""
    source = statement(tmp_path / "columns.xlsx", ())
    book = openpyxl.load_workbook(source)
    book["Statement"].column_dimensions["F"].hidden = True
    book.save(source)
    converted = libreoffice(source, "xls") / "columns.xls"
    said = [(i.file, i.cell, i.problem, i.hint) for i in read_statement(str(converted)).issues]
    assert ("columns.xls", "F5", column_said("F", "Deposit Amt."), COLUMN_HINT) in said


def test_a_row_hidden_by_hand_inside_an_excel_table_s_filter_is_called_hidden(
    tmp_path: Path,
) -> None:
    """An Excel Table's own filter (criteria in xl/tables/table1.xml) shows 1, 5 and 31
    October: row 8 (12 October) it left out; row 7 (5 October) passes, hidden by hand.
    Before: both "filtered out by the AutoFilter"."""
    shown = ("01/10/26", "05/10/26", "31/10/26")
    bank = table_statement(tmp_path / "table.xlsx", (7, 8), shown)
    assert [(cell, problem, said) for *_, cell, problem, said in told(bank)] == [
        ("A8", rows_said("filtered out by the AutoFilter", "row 8"), FILTERED),
        ("A7", rows_said("hidden", "row 7"), BY_HAND),
    ]


def test_a_sheet_with_nothing_hidden_is_not_read_again(tmp_path: Path, monkeypatch: Any) -> None:
    """Most sheets hide nothing: the marks seen as the file was opened say so, and the
    sheet's XML is not read again to look for hidden rows. Before: the `right="0.7"` of the
    `<pageMargins>` Excel writes on every sheet passed for a row of no height (`ht="0`), and
    every Excel sheet was read again whole (some 180 ms on 100,000 lines)."""
    looked: list[str] = []

    def spy(archive: zipfile.ZipFile, part: str) -> HiddenRows:
        looked.append(part)
        return HiddenRows()

    monkeypatch.setattr("xlbo.book.files.hidden_rows", spy)
    bank = excel_statement(tmp_path / "shown.xlsx", ())
    with zipfile.ZipFile(bank) as archive:
        assert b'<pageMargins left="0.7" right="0.7"' in archive.read("xl/worksheets/sheet1.xml")
    assert told(bank) == []
    assert looked == []


def test_a_ledger_s_hidden_voucher_row_and_hidden_column_are_named(tmp_path: Path) -> None:
    """Tally's Ledger Vouchers exported to Excel, the voucher of 12-10-2026 (row 8) hidden
    and the Credit column (F) hidden: both were read into the books' side, and the user is
    told, as for a statement. Before: read silently."""
    path = tmp_path / "books.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ledger"
    for row in (
        ["Kaveri Exports Pvt Ltd"],
        ["HDFC Bank A/c"],
        ["1-Oct-2026 to 31-Oct-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        ["01-10-2026", "Opening Balance", None, None, 100000, None],
        ["01-10-2026", "Kaveri Traders", "Receipt", "R1", 45000, None],
        ["05-10-2026", "Sharma Enterprises", "Payment", "P1", None, 12500],
        ["12-10-2026", "Om Sai", "Payment", "P2", None, 500],
        ["31-10-2026", "Bank Charges", "Journal", "J1", None, 17.70],
    ):
        sheet.append(row)
    sheet.row_dimensions[8].hidden = True
    sheet.column_dimensions["F"].hidden = True
    book.save(path)
    lines = read_ledger(str(path))
    assert len(lines.frame) == 4
    assert [
        (i.severity.value, i.file, i.sheet, i.cell, i.problem, i.hint) for i in lines.issues
    ] == [
        (
            "Warning",
            "books.xlsx",
            "Ledger",
            "A8",
            "1 line(s) on rows Excel does not show (hidden: row 8) were read and reconciled: "
            "every voucher row of the ledger is an entry in the books",
            "If you hid them to leave them out, delete those rows in a copy of the ledger and "
            "reconcile the copy; unhide them to see them.",
        ),
        (
            "Warning",
            "books.xlsx",
            "Ledger",
            "F4",
            "column F (Credit), which Excel does not show (hidden), was read and reconciled: "
            "the ledger's lines are read from it",
            "If you hid it to leave it out, delete it in a copy of the ledger and reconcile the "
            "copy; unhide it to see it.",
        ),
    ]
