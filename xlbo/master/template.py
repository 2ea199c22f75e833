"""Write a master-data workbook: `xlbo init` (empty, with the shipped rules and chart of
accounts) and the demo company (filled).

Every sheet is a real Excel Table with a styled, frozen header, Indian money format, dd-mm-yyyy
dates, ID columns formatted as text, a note on each header saying what the column means, and
dropdowns for every enumeration. The first sheet, About, says what each sheet is for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd

from xlbo import __version__
from xlbo.book.display import Column, Kind, ResultSheet
from xlbo.book.xlsx import write_workbook
from xlbo.errors import FileProblem
from xlbo.master.records import Record
from xlbo.master.schema import (
    DATA_TAB,
    DOCUMENT_TABLES,
    MASTER_TABLES,
    OFFICE_TABLES,
    RULE_TAB,
    VENDOR_TABLES,
    MasterTable,
    cell_value,
)


def records_frame(table: MasterTable, records: Sequence[Record]) -> pd.DataFrame:
    """Records as the sheet shows them: one column per header, cells as a user would type."""
    names = [name for name, _ in table.fields]
    rows = [[cell_value(getattr(r, n)) for n in names] for r in records]
    return pd.DataFrame(rows, columns=list(table.headers), dtype=object)


def about_sheet(company: str) -> ResultSheet:
    rows = [
        [t.sheet, "Rules (pre-filled)" if t.is_rule else "Your data", t.about]
        for t in (*MASTER_TABLES, *DOCUMENT_TABLES, *VENDOR_TABLES, *OFFICE_TABLES)
    ]
    rows.append(
        [
            "How to use",
            "",
            "Type or paste into the tables; each header has a note saying what goes in it, and "
            "dropdowns offer the allowed values. Dates as dd-mm-yyyy, amounts in rupees. Check "
            "the workbook any time with the Validate button or `xlbo validate` on the command line.",
        ]
    )
    frame = pd.DataFrame(rows, columns=["Sheet", "Kind", "What it holds"], dtype=object)
    return ResultSheet(
        "About",
        frame,
        columns={
            "Sheet": Column(width=20),
            "Kind": Column(width=18),
            "What it holds": Column(kind=Kind.LONG_TEXT, width=100),
        },
        title=(
            f"{company} — master data" if company else "Master data",
            f"Made by xlbo {__version__}",
        ),
        autofilter=False,
    )


def master_sheets(
    data: Mapping[str, Sequence[Record]] | None = None, company_name: str = ""
) -> list[ResultSheet]:
    """The master workbook's sheets, filled with `data` (sheet → records) or the shipped
    defaults (rule sheets and chart of accounts; data sheets empty)."""
    sheets = [about_sheet(company_name)]
    for table in (*MASTER_TABLES, *DOCUMENT_TABLES, *VENDOR_TABLES, *OFFICE_TABLES):
        records = (data or {}).get(table.sheet)
        if records is None:
            records = table.shipped()
        sheets.append(
            ResultSheet(
                table.sheet,
                records_frame(table, records),
                columns=table.columns(),
                excel_table=table.excel_table,
                spare_rows=table.spare_rows if records or table.spare_rows else 1,
                tab_colour=RULE_TAB if table.is_rule else DATA_TAB,
            )
        )
    return sheets


def write_master(
    path: str | Path,
    data: Mapping[str, Sequence[Record]] | None = None,
    *,
    force: bool = False,
    company_name: str = "",
    created: datetime | None = None,
) -> Path:
    """Write a master workbook to `path`; refuse to replace an existing file unless `force`."""
    target = Path(path)
    if target.suffix.lower() not in {".xlsx"}:
        raise FileProblem(f"{target.name}: the master workbook must be an .xlsx file.")
    if target.exists() and not force:
        raise FileProblem(
            f"{target} already exists; xlbo will not overwrite it. "
            "Choose another name, or add --force to replace it."
        )
    return write_workbook(
        target,
        master_sheets(data, company_name),
        title="xlbo master data",
        created=created,
        active="About",
    )
