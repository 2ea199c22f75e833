"""Excel's XML Spreadsheet 2003, as NetSuite's GL export and Ujjivan Small Finance Bank's
statement download write it and name it `.xls` (helpers 136 and 137: both were refused, 'Save As
.xlsx', which every such user would have to do every month)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from xlbo.book.files import FileBook
from xlbo.errors import FileProblem
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

HEAD = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
)


def cell(value: object) -> str:
    if value is None:
        return "<Cell/>"
    if isinstance(value, datetime):
        return f'<Cell><Data ss:Type="DateTime">{value:%Y-%m-%dT%H:%M:%S}.000</Data></Cell>'
    if isinstance(value, int | float):
        return f'<Cell><Data ss:Type="Number">{value}</Data></Cell>'
    return f'<Cell><Data ss:Type="String">{value}</Data></Cell>'


def workbook(sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> str:
    parts = [HEAD]
    for name, rows in sheets.items():
        parts.append(f'<Worksheet ss:Name="{name}"><Table>')
        parts += ["<Row>" + "".join(cell(v) for v in row) + "</Row>" for row in rows]
        parts.append("</Table>")
        if name in hidden:
            parts.append(
                "<x:WorksheetOptions><x:Visible>SheetHidden</x:Visible></x:WorksheetOptions>"
            )
        parts.append("</Worksheet>")
    return "".join(parts) + "</Workbook>"


def test_ujjivans_statement_download_is_read(tmp_path: Path) -> None:
    path = tmp_path / "statement.xls"
    path.write_text(
        workbook(
            {
                "Statement": [
                    ["UJJIVAN SMALL FINANCE BANK"],
                    ["Account Number", "1234110010012345"],
                    ["Period", "01/11/2026 - 30/11/2026"],
                    [],
                    ["Date", "Particular", "Chq./Ref.no.", "Withdrawal", "Deposit", "Balance"],
                    [datetime(2026, 11, 2), "NEFT CR-SHARMA TRADERS", "N30811", None, 118000,
                     430450.75],
                    [datetime(2026, 11, 4), "CHQ PAID 000456 RAJ SUPPLIERS", "000456", 35400,
                     None, 395050.75],
                ]
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist() == [date(2026, 11, 2), date(2026, 11, 4)]
    assert (lines.frame["credit"].sum(), lines.frame["debit"].sum()) == (11_800_000, 3_540_000)
    assert lines.closing == 39_505_075
    assert lines.account == "1234110010012345"


def test_netsuites_gl_export_is_read_with_its_sheets_and_cells_skipped(tmp_path: Path) -> None:
    """`ss:Index` skips to a column (an empty cell is not written); a hidden sheet is said."""
    path = tmp_path / "GeneralLedger.xls"
    text = workbook(
        {
            "General Ledger": [
                ["Shreeji Polymers Private Limited"],
                ["Date", "Type", "Document Number", "Name", "Memo", "Debit", "Credit"],
                [datetime(2026, 11, 2), "Payment", "PYMT231", "Jay Ambe Traders", "Inv 231",
                 45000],
            ],
            "Parameters": [["Subsidiary", "India"]],
        },
        hidden=("Parameters",),
    )  # fmt: skip
    # the payment: its Debit cell not written, the Credit one placed by ss:Index
    text = text.replace(
        "</Table></Worksheet><Worksheet",
        "<Row>"
        + cell(datetime(2026, 11, 3))
        + cell("Bill Payment")
        + cell("BP77")
        + cell("Mehta &amp; Co")
        + cell("Bill 77")
        + '<Cell ss:Index="7"><Data ss:Type="Number">12500</Data></Cell></Row>'
        + "</Table></Worksheet><Worksheet",
        1,
    )
    path.write_text(text, encoding="utf-8")
    book = FileBook(path)
    assert (book.sheet_names(), book.hidden_sheets()) == (
        ["General Ledger", "Parameters"],
        ["Parameters"],
    )
    lines = read_ledger(str(path))
    assert lines.frame["particulars"].tolist() == ["Jay Ambe Traders", "Mehta & Co"]
    assert lines.frame["debit"].tolist() == [4_500_000, 0]
    assert lines.frame["credit"].tolist() == [0, 1_250_000]


def test_an_xml_spreadsheet_that_declares_entities_is_refused_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xls"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">&lol;</Data></Cell>'
        "</Row></Table></Worksheet></Workbook>",
        encoding="utf-8",
    )
    with pytest.raises(FileProblem, match="declares entities, which xlbo does not expand"):
        FileBook(path)


@pytest.mark.parametrize(
    "cell",
    [
        '<Cell ss:Index="100000000"><Data ss:Type="String">x</Data></Cell>',
        '<Cell ss:MergeAcross="99999999"><Data ss:Type="String">x</Data></Cell>',
    ],
)
def test_a_cell_past_excels_last_column_is_refused_not_allocated(cell: str, tmp_path: Path) -> None:
    """helper-139: 450 bytes asking for a cell of column 100,000,000 took 2.4 GB."""
    path = tmp_path / "big.xls"
    path.write_text(
        f'{HEAD}<Worksheet ss:Name="GL"><Table><Row>{cell}</Row></Table></Worksheet></Workbook>',
        encoding="utf-8",
    )
    with pytest.raises(FileProblem, match="past Excel's last row or column"):
        FileBook(path)


def test_a_hidden_row_and_column_are_said_as_an_xlsxs_are(tmp_path: Path) -> None:
    """An XML Spreadsheet 2003's `ss:Hidden` rows were read without a word, where an .xlsx's
    hidden rows get a warning (the user may have hidden them to leave them out)."""
    rows = [
        ["Date", "Particular", "Withdrawal", "Deposit", "Balance"],
        [datetime(2026, 11, 2), "NEFT CR-SHARMA TRADERS", None, 118000, 430450.75],
        [datetime(2026, 11, 4), "CHQ PAID 000456 RAJ SUPPLIERS", 35400, None, 395050.75],
    ]
    text = workbook({"Statement": rows})
    text = text.replace("<Table>", '<Table><Column ss:Index="2" ss:Hidden="1"/>').replace(
        '<Row><Cell><Data ss:Type="DateTime">2026-11-04',
        '<Row ss:Hidden="1"><Cell><Data ss:Type="DateTime">2026-11-04',
    )
    path = tmp_path / "statement.xls"
    path.write_text(text, encoding="utf-8")
    hidden = FileBook(path).hidden_rows("Statement")
    assert (hidden.rows, hidden.columns) == ((3,), ((2, 2),))
    said = [str(i) for i in read_statement(str(path)).issues]
    assert any("1 line(s) on rows Excel does not show (hidden: row 3)" in s for s in said), said
    assert len(read_statement(str(path)).frame) == 2
