"""The `Purchases` sheet: vendors' bills, read into `PurchaseBill` records with an Issue at each
cell that cannot be read (a bill with a bad cell is set aside, the others go on).

Headers (`xlbo.master.schema.PURCHASES`): Vendor Code, Bill No, Bill Date, Accepted Date,
Expense Account, Description, Taxable Value, IGST, CGST, SGST, Cess, Place of Supply, Reverse
Charge, TDS Section, Agreed Due Date. The sheet is in the books or the master workbook
(`xlbo init` writes it); the payables job and the GSTR-2B reconciliation read it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xlbo.book import Reader
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity
from xlbo.master.load import load_sheet
from xlbo.master.records import PurchaseBill
from xlbo.master.schema import PURCHASES


@dataclass(frozen=True)
class Purchases:
    """The bills read, the Excel row of each, the column letter of each header, and the
    problems found."""

    bills: tuple[PurchaseBill, ...]
    rows: tuple[int, ...]
    letters: dict[str, str]
    issues: tuple[Issue, ...]

    def cell(self, index: int, header: str) -> str:
        """A1 address of a header's cell in the `index`-th bill's row."""
        return f"{self.letters.get(header, 'A')}{self.rows[index]}"


TAX_COLUMNS = ("IGST", "CGST", "SGST", "Cess")


def _louder(issue: Issue) -> Issue:
    """A tax column missing from the sheet (misspelt, or named otherwise) is more than a note:
    every bill's tax reads as 0 and what is owed to the vendors is short by it."""
    missing = next(
        (t for t in TAX_COLUMNS
         if issue.problem.startswith(f"The Purchases sheet has no '{t}' column;")),
        None,
    )  # fmt: skip
    if missing is None or issue.severity is not Severity.INFO:
        return issue
    return issue.model_copy(
        update={
            "severity": Severity.WARNING,
            "problem": f"The Purchases sheet has no '{missing}' column: every bill's {missing} "
            "is read as 0, and what is owed is short by it",
            "hint": f"If a column holds the {missing} under another header, name it {missing}.",
        }
    )


def read_purchases(reader: Reader) -> Purchases:
    """The Purchases sheet of `reader`; a `UserError` naming the headers when it has none."""
    if not reader.has(PURCHASES.sheet):
        raise UserError(
            f"{Path(reader.name).name} has no {PURCHASES.sheet} sheet; add one with the headers "
            f"{', '.join(PURCHASES.headers)} (`xlbo init NEW.xlsx` writes it)."
        )
    records, rows, letters, issues = load_sheet(reader, PURCHASES)
    issues = [_louder(i) for i in issues]
    bills = [(r, row) for r, row in zip(records, rows, strict=True) if isinstance(r, PurchaseBill)]
    return Purchases(
        bills=tuple(b for b, _ in bills),
        rows=tuple(row for _, row in bills),
        letters=dict(letters),
        issues=tuple(issues),
    )
