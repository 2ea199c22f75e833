"""The worksheet functions, as plain Python: Excel cells in, Excel cells out.

Each is reached as `=XLBO.<NAME>(…)` in xlwings Lite and as `=XLBO_<NAME>(…)` in the classic
add-in (VBA names cannot hold a dot); `udfs/` and the Lite `main.py` only bind them. Every
function takes a single cell or a whole range and answers in the same shape, and answers a
problem with a readable `#XLBO! …` text, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from xlbo import __version__, ids
from xlbo.book.table import header_key
from xlbo.cells import clean_text, excel_error, is_blank
from xlbo.excel import payroll_functions
from xlbo.excel.cells import as_rows, each_cell, each_row, readable, worksheet_function
from xlbo.gst import gst_split as split_gst
from xlbo.money import format_inr, parse_amount
from xlbo.words import amount_in_words as words
from xlbo.words import language as words_language


@worksheet_function
def version() -> str:
    """The xlbo version answering the worksheet functions."""
    return f"xlbo {__version__}"


def _key(value: Any) -> str:
    text = clean_text(value) if excel_error(value) is None else None
    return (text or "").casefold()


@worksheet_function
def lookup(table: Any, key: Any, field: Any) -> Any:
    """A value from a table with a header row, found by the key in its first column:
    `=XLBO.LOOKUP(Vendors[#All], "V001", "GSTIN")`. Keys match whatever their case and stray
    spaces; a column of keys gives a column of values."""
    rows = as_rows(table)
    if not rows or len(rows) < 2:
        raise ValueError("give the whole table with its header row, e.g. Vendors[#All]")
    headers = [header_key(h) for h in rows[0]]
    wanted = header_key(field)
    if wanted not in headers:
        raise ValueError(
            f"the table has no column '{field}'; its columns are "
            + ", ".join(str(h) for h in rows[0] if h not in (None, ""))
        )
    column = headers.index(wanted)
    index: dict[str, Any] = {}
    for row in rows[1:]:
        index.setdefault(_key(row[0]), row[column] if column < len(row) else None)

    def find(one: Any) -> Any:
        if is_blank(one):
            return readable("the key is blank")
        found = index.get(_key(one), index)
        if found is index:
            return readable(f"{clean_text(one)} is not in the table's first column ({rows[0][0]})")
        return "" if found is None else found

    return each_cell(find, key)


def _explain_cell(kind: ids.IdKind) -> Callable[[Any], str]:
    return lambda value: ids.explain(kind, value)


@worksheet_function
def validate(values: Any, kind: Any) -> Any:
    """Why an identifier is not valid — empty text when it is: `=XLBO.VALIDATE(A2:A500,"GSTIN")`.
    Kinds: PAN, GSTIN, TAN, IFSC, AADHAAR, UAN, MOBILE, PIN, EMAIL."""
    return each_cell(_explain_cell(ids.id_kind(kind)), values)


@worksheet_function
def is_valid(values: Any, kind: Any) -> Any:
    """TRUE when an identifier is valid, FALSE when not: `=XLBO.IS_VALID(B2,"PAN")`."""
    known = ids.id_kind(kind)
    return each_cell(lambda value: ids.is_valid(known, value), values)


def _guarded(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def cell(value: Any) -> Any:
        try:
            return function(value)
        except ValueError as error:
            return readable(str(error))

    return cell


@worksheet_function
def normalize(values: Any, kind: Any) -> Any:
    """An identifier written the standard way (upper case, no spaces; Aadhaar in fours,
    mobiles as +91 98200 12345), or why it cannot be."""
    known = ids.id_kind(kind)
    return each_cell(_guarded(lambda value: ids.normalize(known, value)), values)


@worksheet_function
def gstin_state(values: Any) -> Any:
    """The state a GSTIN is registered in: `=XLBO.GSTIN_STATE("27AAPFU0939F1ZV")` → Maharashtra."""
    return each_cell(_guarded(lambda value: ids.gstin.state(value).name), values)


@worksheet_function
def gstin_pan(values: Any) -> Any:
    """The PAN inside a GSTIN: `=XLBO.GSTIN_PAN("27AAPFU0939F1ZV")` → AAPFU0939F."""
    return each_cell(_guarded(ids.gstin.pan_of), values)


def _amount(value: Any) -> Decimal:
    amount = parse_amount(value)
    if amount is None:
        raise ValueError("the amount is blank")
    return amount


@worksheet_function
def amount_in_words(values: Any, language: Any = None) -> Any:
    """An amount in words for invoices and cheques: 125000.50 → Rupees One Lakh Twenty-Five
    Thousand and Fifty Paise Only; `=XLBO.AMOUNT_IN_WORDS(A2, "hi")` writes it in Hindi
    (रुपये एक लाख पच्चीस हज़ार और पचास पैसे मात्र). The language is optional: en by default."""
    rows = as_rows(language)
    chosen = words_language(
        rows[0][0] if rows and len(rows) == 1 and len(rows[0]) == 1 else language
    )
    return each_cell(_guarded(lambda value: words(_amount(value), chosen)), values)


@worksheet_function
def inr(values: Any) -> Any:
    """An amount as text with Indian grouping: 1234567.5 → 12,34,567.50."""
    return each_cell(_guarded(lambda value: format_inr(_amount(value))), values)


@worksheet_function
def gst_split(taxable: Any, rate: Any, supplier_state: Any, place_of_supply: Any) -> Any:
    """CGST, SGST (or UTGST) and IGST as a row: `=XLBO.GST_SPLIT(10000, 18%, "Maharashtra",
    "Karnataka")` → 0, 0, 1800. Columns of inputs give a block of rows."""

    def row(*args: Any) -> list[Any]:
        try:
            split = split_gst(*args)
        except ValueError as error:
            return [readable(str(error)), "", ""]
        return [float(split.cgst), float(split.sgst), float(split.igst)]

    return each_row(row, taxable, rate, supplier_state, place_of_supply)


@dataclass(frozen=True)
class WorksheetFunction:
    """A worksheet function as both doors declare it."""

    name: str
    implementation: Callable[..., Any]
    ranges: tuple[str, ...] = ()
    """Parameters that take a range (declared ndim=2, so one cell and a block look alike)."""

    @property
    def classic_name(self) -> str:
        return f"XLBO_{self.name}"

    @property
    def lite_name(self) -> str:
        return f"XLBO.{self.name}"


WORKSHEET_FUNCTIONS: tuple[WorksheetFunction, ...] = (
    WorksheetFunction("VERSION", version),
    WorksheetFunction("LOOKUP", lookup, ranges=("table",)),
    WorksheetFunction("VALIDATE", validate),
    WorksheetFunction("IS_VALID", is_valid),
    WorksheetFunction("NORMALIZE", normalize),
    WorksheetFunction("GSTIN_STATE", gstin_state),
    WorksheetFunction("GSTIN_PAN", gstin_pan),
    WorksheetFunction("AMOUNT_IN_WORDS", amount_in_words),
    WorksheetFunction("INR", inr),
    WorksheetFunction(
        "GST_SPLIT", gst_split, ranges=("taxable", "rate", "supplier_state", "place_of_supply")
    ),
    WorksheetFunction("PF", payroll_functions.pf, ranges=("pf_wage",)),
    WorksheetFunction("ESI", payroll_functions.esi, ranges=("gross",)),
    WorksheetFunction("PT", payroll_functions.pt, ranges=("gross",)),
    WorksheetFunction("INCOME_TAX", payroll_functions.income_tax_for, ranges=("annual_taxable",)),
    WorksheetFunction("TDS_MONTHLY", payroll_functions.tds_monthly),
)
"""Every worksheet function, in the order the help lists them."""
