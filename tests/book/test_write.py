"""Writing result tables: what a user sees when they open the file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xlbo.book import (
    Colour,
    Column,
    FileBook,
    Highlight,
    Kind,
    Link,
    ResultSheet,
    atomic_path,
    write_workbook,
)
from xlbo.book.edit import write_into
from xlbo.book.xlsx import BULK_ROWS
from xlbo.errors import FileProblem
from xlbo.money import INR_BRACKETS_FORMAT, INR_NUMBER_FORMAT, INR_WHOLE_FORMAT

FRAME = pd.DataFrame(
    {
        "Cell": [Link("E7", "Employees", "E7", file="master.xlsx"), Link("B2", "Vendors", "B2")],
        "Value": ['=HYPERLINK("http://evil")', "+91 98200 12345"],
        "Amount": [Decimal("1234567.50"), Decimal("-12.05")],
        "Date": [date(2026, 10, 1), None],
        "Severity": ["Error", "Warning"],
        "State": ["Maharashtra", "Karnataka"],
    }
)


def sheet(**changes: object) -> ResultSheet:
    spec: dict[str, object] = {
        "name": "Issues",
        "frame": FRAME,
        "columns": {
            "Amount": Column(kind=Kind.MONEY),
            "Date": Column(kind=Kind.DATE),
            "State": Column(choices=("Maharashtra", "Karnataka", "West Bengal")),
        },
        "highlights": (Highlight("Severity", "Error", Colour.ERROR, whole_row=True),),
        "title": ("Validation of master.xlsx", "2 issues"),
    }
    spec.update(changes)
    return ResultSheet(**spec)  # type: ignore[arg-type]


def test_result_sheet_as_a_user_sees_it(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "report.xlsx", [sheet()])
    ws = openpyxl.load_workbook(path)["Issues"]
    assert [c.value for c in ws[4]] == ["Cell", "Value", "Amount", "Date", "Severity", "State"]
    assert ws["A1"].value == "Validation of master.xlsx"
    assert ws["A4"].font.bold
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:F6"
    assert ws["C5"].value == 1234567.5
    assert ws["C5"].number_format == INR_NUMBER_FORMAT
    assert ws["D5"].number_format == "dd-mm-yyyy"
    assert ws["A5"].value == "E7"
    assert ws["A5"].hyperlink.target == "master.xlsx"
    assert ws["A5"].hyperlink.location == "'Employees'!E7"
    assert ws["A6"].hyperlink.location == "'Vendors'!B2"
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert rules and rules[0].formula == ['$E5="Error"']
    validations = ws.data_validations.dataValidation
    assert validations[0].formula1 == '"Maharashtra,Karnataka,West Bengal"'


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "report.xlsx", [sheet()])
    ws = openpyxl.load_workbook(path)["Issues"]
    assert ws["B5"].data_type == "s"
    assert ws["B5"].value == '=HYPERLINK("http://evil")'
    assert ws["B6"].value == "+91 98200 12345"


def test_excel_table_with_spare_rows_and_long_dropdowns(tmp_path: Path) -> None:
    states = tuple(f"State {n}" for n in range(40))
    table = ResultSheet(
        "Data",
        FRAME.drop(columns=["Cell"]),
        excel_table="Things",
        spare_rows=10,
        columns={"State": Column(choices=states)},
    )
    path = write_workbook(tmp_path / "t.xlsx", [table])
    book = openpyxl.load_workbook(path)
    ws = book["Data"]
    assert ws.tables["Things"].ref == "A1:E13"
    assert ws.data_validations.dataValidation[0].formula1 == "Lists!$A$1:$A$40"
    assert book["Lists"].sheet_state == "hidden"
    assert book.sheetnames == ["Data", "Lists"]
    assert FileBook(path).read_table("Things").rows == 2


def test_long_text_is_cut_to_what_a_cell_holds(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Note": ["x" * 40000]})
    path = write_workbook(tmp_path / "t.xlsx", [ResultSheet("S", frame)])
    value = openpyxl.load_workbook(path)["S"]["A2"].value
    assert len(value) == 32767 and value.endswith("…")


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old report")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half a rep")
        raise RuntimeError("crash mid-write")
    assert target.read_bytes() == b"old report"
    assert list(tmp_path.iterdir()) == [target]


def test_output_open_in_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: object) -> None:
        raise PermissionError(13, "used by another process")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(
        FileProblem, match="report.xlsx is open in another program .*Close it there"
    ):
        write_workbook(tmp_path / "report.xlsx", [sheet()])
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder; give a file name"):
        write_workbook(tmp_path, [sheet()])


def test_write_into_adds_sheets_to_a_copy(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx({"Employees": [["Employee ID"], ["E1"]], "Issues": [["old"]]})
    before = source.read_bytes()
    out = write_into(source, [sheet(title=())], tmp_path / "checked.xlsx")
    assert source.read_bytes() == before
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Employees", "Issues"]
    ws = book["Issues"]
    assert [c.value for c in ws[1]] == ["Cell", "Value", "Amount", "Date", "Severity", "State"]
    assert ws["B2"].data_type == "s"
    assert ws["A2"].hyperlink.target == "master.xlsx#'Employees'!E7"
    assert ws.freeze_panes == "A2"
    assert ws["C2"].number_format == INR_NUMBER_FORMAT


def test_links_past_excels_limit_are_written_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("xlbo.book.xlsx.MAX_LINKS", 2)
    frame = pd.DataFrame({"Row": [Link(n, "Data", f"A{n}") for n in (5, 6, 7)]})
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "t.xlsx", [ResultSheet("S", frame)]))["S"]
    assert [ws.cell(r, 1).hyperlink is not None for r in (2, 3, 4)] == [True, True, False]
    assert ws["A4"].value == 7


def statement(rows: int = 2) -> ResultSheet:
    """A statement-like sheet: money with a minus, money in brackets, whole rupees, a colour."""
    frame = pd.DataFrame(
        {
            "Particulars": ["Sharma & Associates", "Overdraft"] * (rows // 2),
            "Amount": [Decimal("1512086.68"), Decimal("-1512086.68")] * (rows // 2),
            "Balance": [Decimal("12.50"), Decimal("-204128.70")] * (rows // 2),
            "Wages": [15000, 1234567] * (rows // 2),
        }
    )
    return ResultSheet(
        "Statement",
        frame,
        columns={
            "Amount": Column(kind=Kind.MONEY),
            "Balance": Column(kind=Kind.MONEY, brackets=True),
            "Wages": Column(kind=Kind.WHOLE_RUPEES),
        },
        highlights=(Highlight("Particulars", "Overdraft", Colour.WARNING),),
        title=("Sharma & Associates — statement",),
    )


@pytest.mark.parametrize("rows", [2, BULK_ROWS], ids=["cell by cell", "in bulk"])
def test_each_kind_of_figure_has_one_plain_format(
    xlsx: Callable[..., Path], tmp_path: Path, rows: int
) -> None:
    """Money with a minus sign, money in brackets, whole rupees: one format each on every
    cell, whichever writer wrote it; the only conditional format left is the colour."""
    new = write_workbook(tmp_path / "new.xlsx", [statement(rows)])
    edited = write_into(xlsx({"Mine": [["kept"]]}), [statement(rows)], tmp_path / "edited.xlsx")
    for path in (new, edited):
        ws = openpyxl.load_workbook(path)["Statement"]
        last = ws.max_row
        for column, number_format in (
            ("B", INR_NUMBER_FORMAT),
            ("C", INR_BRACKETS_FORMAT),
            ("D", INR_WHOLE_FORMAT),
        ):
            assert {ws[f"{column}{row}"].number_format for row in (4, 5, last)} == {number_format}
        rules = [rule for ranges in ws.conditional_formatting for rule in ranges.rules]
        assert len(rules) == 1 and rules[0].formula == ['"Overdraft"']
        assert rules[0].dxf.numFmt is None and rules[0].dxf.fill is not None


def test_figures_have_their_headers_over_them_and_every_sheet_prints_alike(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    new = write_workbook(tmp_path / "new.xlsx", [statement()])
    edited = write_into(xlsx({"Mine": [["kept"]]}), [statement()], tmp_path / "edited.xlsx")
    for path in (new, edited):
        ws = openpyxl.load_workbook(path)["Statement"]
        headers = [ws.cell(3, col).alignment for col in range(1, 5)]
        assert [(a.horizontal, a.indent) for a in headers] == [
            (None, 0),
            ("right", 1),
            ("right", 1),
            ("right", 1),
        ]
        assert ws.page_setup.paperSize == 9, path.name  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, path.name
        fit = (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight)  # 1 when left out
        assert fit == (1, 0), path.name  # one page wide, as many down as it takes
        assert ws.print_title_rows.replace("$", "") == "3:3", path.name  # the header row
        # a company's '&' is printed, not taken for a header code
        assert ws.oddHeader.left.text == "&BSharma && Associates — statement", path.name


def test_a_brs_prints_its_heading_on_every_page_and_an_empty_sheet_no_sentence_as_heading(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """A BRS of several pages repeats its company, `as on` day and account above the header on
    each page; a sheet with no title (Integrity, empty) is headed by nothing but its name, not
    by the sentence that says why it is empty."""
    brs = ResultSheet(
        "BRS",
        statement().frame,
        title=("Sharma & Associates", "Bank Reconciliation Statement as on 30 November 2026"),
        title_on_every_page=True,
    )
    empty = ResultSheet(
        "Integrity",
        pd.DataFrame({"Bank Row": [], "Finding": []}),
        when_empty="No integrity findings: the running balance follows from line to line.",
    )
    new = write_workbook(tmp_path / "new.xlsx", [brs, empty])
    edited = write_into(xlsx({"Mine": [["kept"]]}), [brs, empty], tmp_path / "edited.xlsx")
    for path in (new, edited):
        book = openpyxl.load_workbook(path)
        ws = book["BRS"]
        assert ws.print_title_rows.replace("$", "") == "1:4", path.name  # title, blank, header
        assert ws.cell(4, 1).value == "Particulars", path.name
        assert ws.oddHeader.left.text == "&BSharma && Associates", path.name
        integrity = book["Integrity"]
        assert integrity.cell(1, 1).value.startswith("No integrity findings"), path.name
        assert integrity.oddHeader.left.text in (None, "&B"), path.name
        assert integrity.oddHeader.right.text == "&A", path.name


def test_a_column_is_wide_enough_for_its_widest_figure(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """A figure wider than its cell prints as ###: columns of figures are widened to fit, even
    past a width the job gave, and never narrowed below it."""
    frame = pd.DataFrame(
        {
            "Amount": [Decimal("12.50"), Decimal("-9990000000.00")],  # -9,99,00,00,000.00
            "Balance": [Decimal("-1234567890.00"), Decimal("5")],  # (1,23,45,67,890.00)
            "Small": [Decimal("1.00"), Decimal("2.00")],
        }
    )
    spec = ResultSheet(
        "Figures",
        frame,
        columns={
            "Amount": Column(kind=Kind.MONEY),
            "Balance": Column(kind=Kind.MONEY, brackets=True, width=12),
            "Small": Column(kind=Kind.MONEY, width=20),
        },
    )
    new = write_workbook(tmp_path / "new.xlsx", [spec])
    edited = write_into(xlsx({"Mine": [["kept"]]}), [spec], tmp_path / "edited.xlsx")
    for path in (new, edited):
        widths = openpyxl.load_workbook(path)["Figures"].column_dimensions
        assert widths["A"].width >= 16  # 12 digits, 6 marks at half a digit, and a margin
        assert widths["B"].width >= 16
        assert 20 <= widths["C"].width < 21
