"""The report pack printed: LibreOffice turns the workbook `xlbo report pack` writes into a PDF
in which every sheet fits one page and the trial balance's totals read as Indians write them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest

from xlbo.cli import main
from xlbo.money import INR_NUMBER_FORMAT

ACCOUNTS = [
    ["Account", "Group", "Sub-group", "Nature", "Opening Debit", "Opening Credit"],
    ["Share Capital", "Equity", "Share Capital", "Equity", None, 10000000],
    ["HDFC Bank Current A/c", "Current Assets", "Cash and Cash Equivalents", "Asset", 10000000, None],
    ["Trade Receivables", "Current Assets", "Trade Receivables", "Asset", None, None],
    ["Sales - Goods", "Income", "Revenue from Operations", "Income", None, None],
    ["Output IGST", "Current Liabilities", "Other Current Liabilities", "Liability", None, None],
    ["Rent", "Expenses", "Other Expenses", "Expense", None, None],
    ["Interest Income", "Income", "Other Income", "Income", None, None],
]  # fmt: skip
HEAD = [
    "Date",
    "Voucher No",
    "Voucher Type",
    "Account",
    "Debit",
    "Credit",
    "Party",
    "Cost Centre",
    "Narration",
]
OCT = date(2026, 10, 1)
JOURNAL = [
    [OCT.replace(day=3), "SAL/1", "Sales", "Trade Receivables", 2360000, None, "Vardhaman", None, "Invoice 1"],
    [OCT.replace(day=3), "SAL/1", "Sales", "Sales - Goods", None, 2000000, None, None, "Invoice 1"],
    [OCT.replace(day=3), "SAL/1", "Sales", "Output IGST", None, 360000, None, None, "Invoice 1"],
    [OCT.replace(day=7), "PMT/1", "Payment", "Rent", 125000, None, None, "Pune", "October rent"],
    [OCT.replace(day=7), "PMT/1", "Payment", "HDFC Bank Current A/c", None, 125000, None, None, "October rent"],
    [OCT.replace(day=20), "RCT/1", "Receipt", "HDFC Bank Current A/c", 1180000, None, None, None, "Against SAL/1"],
    [OCT.replace(day=20), "RCT/1", "Receipt", "Trade Receivables", None, 1180000, "Vardhaman", None, "Against SAL/1"],
    [OCT.replace(day=31), "JV/1", "Journal", "HDFC Bank Current A/c", 4321.5, None, None, None, "Interest"],
    [OCT.replace(day=31), "JV/1", "Journal", "Interest Income", None, 4321.5, None, None, "Interest"],
]  # fmt: skip
BUDGET = [
    ["Account", "Month", "Amount"],
    ["Rent", "2026-10", 100000],
    ["Interest Income", "2026-10", 5000],
]
PERIOD_TOTAL = "36,69,321.50"
"""Debits (and credits) in October: 23,60,000 + 1,25,000 + 11,80,000 + 4,321.50."""
CLOSING_TOTAL = "1,23,64,321.50"
"""Closing debits (and credits): the bank's 1,10,59,321.50, receivables 11,80,000, rent 1,25,000."""


@pytest.mark.libreoffice
def test_pack_prints_one_page_a_sheet_with_indian_totals(
    xlsx: Callable[..., Path], libreoffice: Callable[[Path, str], Path], tmp_path: Path
) -> None:
    book = xlsx(
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks", "Maharashtra"]],
            "Accounts": ACCOUNTS,
            "Journal": [HEAD, *JOURNAL],
            "Budget": BUDGET,
        },
        name="books.xlsx",
    )
    out = tmp_path / "pack.xlsx"
    assert main(["report", "pack", str(book), "--period", "2026-10", "--out", str(out)]) == 0

    written = openpyxl.load_workbook(out)
    sheets = written.sheetnames
    assert sheets[:2] == ["Contents", "Trial Balance"]
    assert any(name.startswith("Budget") for name in sheets)  # the Budget sheet was used
    tb = written["Trial Balance"]
    total = next(row for row in tb.iter_rows() if row[0].value == "Total")
    debit, credit, closing_debit, closing_credit = total[3:7]
    assert (debit.value, credit.value) == (3669321.5, 3669321.5)
    assert (closing_debit.value, closing_credit.value) == (12364321.5, 12364321.5)
    assert {c.number_format for c in total[3:7]} == {INR_NUMBER_FORMAT}  # lakh and crore grouping

    pdf = libreoffice(out, "pdf") / "pack.pdf"
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf).pages]
    # The page header names the sheet at its right (&A), so each page says which sheet it is.
    printed = [
        max((s for s in sheets if text.splitlines()[0].endswith(s)), key=len, default="?")
        for text in pages
    ]
    assert printed == sheets, f"{len(pages)} pages for {len(sheets)} sheets: {printed}"

    tb_page = pages[sheets.index("Trial Balance")]
    assert "Account Group Opening Debit Credit Closing Debit Closing Credit" in tb_page
    total_line = next(line for line in tb_page.splitlines() if line.startswith("Total "))
    assert total_line.split()[-4:] == [PERIOD_TOTAL, PERIOD_TOTAL, CLOSING_TOTAL, CLOSING_TOTAL]
    assert "Vardhaman Receivable 11,80,000.00 11,80,000.00" in pages[sheets.index("Ageing")]
    # Statements and budget: lakh and crore grouping, and a negative with a minus sign (as in
    # every sheet and message), never in brackets.
    assert "Share Capital 1,00,00,000.00" in pages[sheets.index("Balance Sheet")]
    budget_page = pages[next(i for i, s in enumerate(sheets) if s.startswith("Budget"))]
    assert "Interest Income 2026-10 5,000.00 4,321.50 -678.50" in budget_page
    assert "(678.50)" not in budget_page
