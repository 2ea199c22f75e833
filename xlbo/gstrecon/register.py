"""The purchase register, as the books hold it: xlbo's `Purchases` sheet, or Tally's Purchase
Register exported to Excel.

xlbo's sheet (a row a bill; the supplier's GSTIN comes from the Vendors sheet by Vendor Code):

    Vendor Code | Bill No | Bill Date | Accepted Date | Expense Account | Description |
    Taxable Value | IGST | CGST | SGST | Cess | Place of Supply | Reverse Charge | TDS Section |
    Agreed Due Date | Bill of Entry | Bill of Entry Date | Port Code

A row with a Bill of Entry is an import: its IGST was paid at customs and comes back in 2B's
imports (impg, impgsez), so it is matched there (`Register.imports`), not among the bills.

Tally's Purchase Register (Display More Reports → GST Reports → Purchase Register, exported with
the supplier's invoice details), a row a voucher:

    Date | Particulars | Supplier Invoice No. | Supplier Invoice Date | GSTIN/UIN |
    Taxable Value | Integrated Tax | Central Tax | State Tax | Cess

A credit note of a supplier is a row with negative amounts. A cell that cannot be read (an
amount that is not one, a date that is not a date, a vendor not on the Vendors sheet) becomes an
Issue at its cell and the row is left out; a bill of a vendor without a GSTIN has no credit to
match and is counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book import FileBook, Reader, Table
from xlbo.book.table import header_key
from xlbo.cells import clean_text
from xlbo.columns import date_column, paise_column, text_column
from xlbo.errors import SheetProblem
from xlbo.gstrecon.engine import BOOK_COLUMNS, HEADS
from xlbo.ids import IdKind, is_valid
from xlbo.issues import Issue, Severity

PURCHASES = "Purchases"
BOE_HEADERS = ("Bill of Entry", "Bill of Entry Date", "Port Code")
"""Optional: an import's customs bill of entry, in the xlbo sheet and in Tally's register."""
IMPORT_COLUMNS = (
    "ref",
    "gstin",
    "supplier",
    "bill_no",
    "boe_no",
    "boe_date",
    "port",
    "taxable",
    "igst",
    "cess",
)
XLBO_HEADERS = (
    "Vendor Code",
    "Bill No",
    "Bill Date",
    "Accepted Date",
    "Expense Account",
    "Description",
    "Taxable Value",
    "IGST",
    "CGST",
    "SGST",
    "Cess",
    "Place of Supply",
    "Reverse Charge",
    "TDS Section",
    "Agreed Due Date",
    *BOE_HEADERS,
)
XLBO_NEEDS = ("Vendor Code", "Bill No", "Bill Date", "Taxable Value", "IGST", "CGST", "SGST")
TALLY_HEADERS = (
    "Date",
    "Particulars",
    "Supplier Invoice No.",
    "Supplier Invoice Date",
    "GSTIN/UIN",
    "Taxable Value",
    "Integrated Tax",
    "Central Tax",
    "State Tax",
    "Cess",
    *BOE_HEADERS,
)
TALLY_NEEDS = ("Particulars", "Supplier Invoice No.", "GSTIN/UIN", "Taxable Value")
TALLY_ALIASES = {
    "supplier invoice no": "Supplier Invoice No.",
    "supplier inv no": "Supplier Invoice No.",
    "gstin": "GSTIN/UIN",
    "gstin/uin of supplier": "GSTIN/UIN",
    "integrated tax amount": "Integrated Tax",
    "central tax amount": "Central Tax",
    "state tax amount": "State Tax",
    "state/ut tax": "State Tax",
    "cess amount": "Cess",
    "bill of entry no": "Bill of Entry",
    "bill of entry number": "Bill of Entry",
    "port": "Port Code",
}


@dataclass(frozen=True)
class Register:
    """The bills of the register as the engine takes them, and what could not be read."""

    bills: pd.DataFrame
    issues: list[Issue]
    layout: str
    """'Purchases sheet' or 'Tally Purchase Register'."""
    unregistered: int = 0
    """Bills of vendors without a GSTIN (no credit to match)."""
    imports: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=IMPORT_COLUMNS))
    """The rows with a Bill of Entry (`IMPORT_COLUMNS`; amounts in paise, dates as datetimes),
    matched to 2B's imports."""


def read_register(
    book: Path | Reader, vendors: dict[str, tuple[str, str]] | None = None
) -> Register:
    """The purchase register of `book` (a file, or a workbook already opened): its Purchases
    sheet (with `vendors`, code → (GSTIN, name), from the master), else a Tally Purchase
    Register on its first sheet that has one."""
    reader = FileBook(book) if isinstance(book, Path) else book
    if reader.has(PURCHASES):
        return _xlbo_register(reader, vendors or {})
    for sheet in reader.sheet_names():
        table = reader.read_table(sheet, TALLY_HEADERS)
        table = _renamed(table)
        if all(h in table.frame.columns for h in TALLY_NEEDS):
            return _tally_register(table)
    raise SheetProblem(
        f"{Path(reader.name).name} has no Purchases sheet and no Tally Purchase Register (headers "
        f"{', '.join(TALLY_NEEDS)}). Give the books with the Purchases sheet "
        f"({', '.join(XLBO_NEEDS)}), or export the Purchase Register from Tally to Excel."
    )


def _renamed(table: Table) -> Table:
    names = {c: TALLY_ALIASES.get(header_key(c), c) for c in table.frame.columns}
    if all(k == v for k, v in names.items()):
        return table
    letters = {names.get(k, k): v for k, v in table.letters.items()}
    return Table(
        table.source,
        table.sheet,
        table.frame.rename(columns=names),
        table.header_row,
        letters,
    )


class _Cells:
    """Reads a table's columns in bulk, each bad cell an Issue; `bad` marks rows left out."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.frame = table.frame
        self.issues: list[Issue] = []
        self.bad = np.zeros(len(self.frame), dtype=bool)

    def issue(self, at: int, header: str, value: Any, problem: str, hint: str) -> None:
        self.bad[at] = True
        self.issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=self.table.sheet,
                cell=self.table.cell(int(self.frame.index[at]), header),
                value=value,
                problem=problem,
                hint=hint,
                file=self.table.source,
            )
        )

    def column(self, header: str) -> pd.Series:
        if header in self.frame.columns:
            return self.frame[header]
        return pd.Series([None] * len(self.frame), index=self.frame.index, dtype=object)

    def paise(self, header: str) -> np.ndarray:
        values = self.column(header)
        paise, problems = paise_column(values.reset_index(drop=True))
        for at, said in problems.items():
            self.issue(at, header, values.iat[at], f"{header}: {said}", "The bill was left out.")
        return paise

    def dates(self, header: str, required: bool) -> list[Any]:
        values = self.column(header).reset_index(drop=True)
        days, _ = date_column(values)
        for at, (day, raw) in enumerate(zip(days, values, strict=True)):
            if day is None and (required or raw is not None):
                said = "is blank" if raw is None else f"'{raw}' is not a date"
                self.issue(at, header, raw, f"{header} {said}", "Write it as DD-MM-YYYY.")
        return days

    def texts(self, header: str) -> pd.Series:
        return text_column(self.column(header).reset_index(drop=True))


def _frame(cells: _Cells, columns: dict[str, Any]) -> pd.DataFrame:
    columns |= {
        "boe_no": cells.texts("Bill of Entry"),
        "boe_date": cells.dates("Bill of Entry Date", required=False),
        "port": cells.texts("Port Code").str.upper().str.replace(" ", ""),
    }
    frame = pd.DataFrame(columns)
    keep = ~cells.bad & (frame["bill_no"] != "").to_numpy()
    header = "Bill No" if "Bill No" in cells.frame.columns else "Supplier Invoice No."
    for at in np.flatnonzero(~cells.bad & ~keep).tolist():  # amounts but no bill number
        if any(frame[h].iat[at] for h in HEADS):
            cells.issue(
                at,
                header,
                None,
                "The bill number is blank",
                "Write the supplier's invoice number as on the bill; the bill was left out.",
            )
    return frame[keep & ~cells.bad].reset_index(drop=True)[
        [*BOOK_COLUMNS, "row", "boe_no", "boe_date", "port"]
    ]


def _refs(table: Table, header: str) -> list[str]:
    return [f"{table.sheet}!{table.cell(int(r), header)}" for r in table.frame.index]


def _xlbo_register(reader: Reader, vendors: dict[str, tuple[str, str]]) -> Register:
    table = reader.read_table(PURCHASES, XLBO_HEADERS)
    missing = [h for h in XLBO_NEEDS if h not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{reader.name}: the Purchases sheet has no column {', '.join(missing)} (headers "
            f"row {table.header_row}); its headers are {', '.join(XLBO_HEADERS)}."
        )
    cells = _Cells(table)
    codes = cells.texts("Vendor Code")
    folded = codes.str.casefold()
    gstin = folded.map({c.casefold(): f[0] for c, f in vendors.items()}).fillna("")
    names = folded.map({c.casefold(): f[1] for c, f in vendors.items()}).fillna("")
    unknown = ~folded.isin({c.casefold() for c in vendors}).to_numpy(dtype=bool)
    written = (codes != "").to_numpy() | cells.column("Bill No").notna().to_numpy()
    for at in np.flatnonzero(unknown & written).tolist():
        code = str(codes.iat[at])
        cells.issue(
            at,
            "Vendor Code",
            code or None,
            f"Vendor Code '{code}' is not on the Vendors sheet" if code else "Vendor Code is blank",
            "Add the vendor (with its GSTIN) to the Vendors sheet; the bill was left out.",
        )
    amounts = {
        head: cells.paise(header)
        for head, header in zip(
            HEADS, ("Taxable Value", "IGST", "CGST", "SGST", "Cess"), strict=True
        )
    }
    days = cells.dates("Bill Date", required=True)
    bill_no = cells.texts("Bill No")
    sign = np.sign(amounts["taxable"])
    frame = _frame(
        cells,
        {
            "ref": _refs(table, "Bill No"),
            "gstin": gstin.to_numpy(dtype=object),
            "supplier": names.to_numpy(dtype=object),
            "bill_no": bill_no,
            "bill_date": days,
            "kind": np.where(sign < 0, "Credit Note", "Invoice"),
            **amounts,
            "row": table.frame.index.to_numpy(),
        },
    )
    return _without_unregistered(frame, cells, "Purchases sheet")


def _without_unregistered(frame: pd.DataFrame, cells: _Cells, layout: str) -> Register:
    """The bills apart from the imports (rows with a Bill of Entry), and apart from those of
    vendors without a GSTIN."""
    entry = (frame["boe_no"] != "").to_numpy(dtype=bool)
    imports = frame[entry].reset_index(drop=True)
    imports["boe_date"] = pd.to_datetime(imports["boe_date"])
    bills = frame[~entry]
    blank = bills["gstin"] == ""
    return Register(
        bills[~blank].reset_index(drop=True)[[*BOOK_COLUMNS, "row"]],
        cells.issues,
        layout,
        int(blank.sum()),
        imports[list(IMPORT_COLUMNS)],
    )


def _tally_register(table: Table) -> Register:
    cells = _Cells(table)
    gstin = cells.texts("GSTIN/UIN").str.upper().str.replace(" ", "")
    wrong = ~np.asarray([not g or is_valid(IdKind.GSTIN, g) for g in gstin.tolist()], dtype=bool)
    for at in np.flatnonzero(wrong).tolist():
        cells.issue(
            at,
            "GSTIN/UIN",
            gstin.iat[at],
            f"GSTIN/UIN '{gstin.iat[at]}' is not a valid GSTIN",
            "Correct the supplier's GSTIN in its Tally ledger; the bill was left out.",
        )
    amounts = {
        head: cells.paise(header)
        for head, header in zip(
            HEADS,
            ("Taxable Value", "Integrated Tax", "Central Tax", "State Tax", "Cess"),
            strict=True,
        )
    }
    invoice_days = cells.dates("Supplier Invoice Date", required=False)
    voucher_days = (
        cells.dates("Date", required=False)
        if "Date" in table.frame.columns
        else [None] * len(invoice_days)
    )
    days = [i or v for i, v in zip(invoice_days, voucher_days, strict=True)]
    sign = np.sign(amounts["taxable"])
    frame = _frame(
        cells,
        {
            "ref": _refs(table, "Supplier Invoice No."),
            "gstin": gstin.to_numpy(dtype=object),
            "supplier": cells.texts("Particulars").to_numpy(dtype=object),
            "bill_no": cells.texts("Supplier Invoice No."),
            "bill_date": days,
            "kind": np.where(sign < 0, "Credit Note", "Invoice"),
            **amounts,
            "row": table.frame.index.to_numpy(),
        },
    )
    return _without_unregistered(frame, cells, "Tally Purchase Register")


def vendor_gstins(vendors: Any) -> dict[str, tuple[str, str]]:
    """Vendor Code → (GSTIN, name) of the master's vendors (records with `vendor_code`,
    `gstin`, `name`)."""
    return {
        str(v.vendor_code): ((clean_text(v.gstin) or "").upper(), str(v.name or ""))
        for v in vendors
    }
