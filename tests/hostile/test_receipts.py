"""Hostile receipts: a reconciliation that is missing or is not one, and a Receipts sheet of
junk (words for amounts, an unknown mode, an impossible date, a formula-like narration, an
amount past what xlbo writes in words). Bad options end with exit 2, a plain sentence and
nothing written; bad cells are Issues at their cells, the rest is issued."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import write_xlsx
from tests.documents.books import COMPANY, CUSTOMERS, INVOICE_HEADERS, line
from tests.documents.test_receipts import RECEIPT_HEADERS, receipt
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo


def _book(folder: Path, receipts: list[list[object]]) -> Path:
    return write_xlsx(
        folder / "book.xlsx",
        {
            "Company": COMPANY,
            "Customers": CUSTOMERS,
            "Invoices": [INVOICE_HEADERS, line("KAV", "01-10-2026", place="Karnataka")],
            "Receipts": [RECEIPT_HEADERS, *receipts],
        },
    )


def test_a_reconciliation_missing_or_not_one_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    _book(tmp_path, [])
    write_xlsx(tmp_path / "notes.xlsx", {"Notes": [["Bank Row", "Amount"], [1, 2]]})
    folder = Folder(tmp_path)
    for given, said in (("brs.xlsx", "does not exist"), ("notes.xlsx", "has no Matches sheet")):
        outcome = run_xlbo(
            "invoices", "book.xlsx", "--out", "out", "--from-reconciliation", given, cwd=tmp_path
        )
        outcome.plain()
        assert said in outcome.said, outcome.said
        assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def test_junk_on_the_receipts_sheet_is_issues_at_their_cells(tmp_path: Path) -> None:
    _book(
        tmp_path,
        [
            receipt("KAV", "10-10-2026", "twelve thousand", "NEFT", "N1"),  # row 2
            receipt("KAV", "10-10-2026", 1000, "Bitcoin", "N2"),  # row 3
            receipt("KAV", "31/02/2026", 1000, "UPI", "U3"),  # row 4
            receipt("KAV", "11-10-2026", 10**15, "RTGS", "R4"),  # row 5: past words
            receipt("KAV", "12-10-2026", 500, "UPI", "+N281077"),  # row 6: text stays text
        ],
    )
    folder = Folder(tmp_path)
    outcome = run_xlbo("invoices", "book.xlsx", "--out", "out", "--no-pdf", cwd=tmp_path)
    assert outcome.code == 1, outcome.said
    assert "Traceback" not in outcome.said
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    added = folder.inputs_unchanged()
    audit = {"book.xlbo-log.jsonl", "book.xlbo-snapshot.json"}  # the books' audit trail
    assert all(name.startswith("out/") or name in audit for name in added), added
    book = openpyxl.load_workbook(tmp_path / "out" / "invoice-register.xlsx", read_only=True)
    cells = {
        (r[1], r[2])
        for r in book["Issues"].iter_rows(min_row=2, values_only=True)
        if r[0] == "Error"
    }
    assert cells == {("Receipts", "C2"), ("Receipts", "D3"), ("Receipts", "A4"), ("Receipts", "C5")}
    register = list(book["Receipt Register"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[8]) for r in register] == [("RCT/26-27/0001", "+N281077")]
