"""`xlbo invoices` at the door, each case in its own process (tests/hostile/harness.py): exit
code, the sentence the user reads, memory, inputs unchanged, no stray files."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_xlsx
from tests.documents.books import book, line
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo


def test_a_book_without_an_invoices_sheet_is_refused(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "books.xlsx", {"Journal": [["Date", "Voucher No"]]})
    folder = Folder(tmp_path)
    outcome = run_xlbo("invoices", "books.xlsx", "--out", "out", "--no-pdf", cwd=tmp_path)
    outcome.plain()
    assert "books.xlsx has no Invoices sheet" in outcome.err
    assert "xlbo init" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def test_an_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    book(tmp_path, [line()])
    (tmp_path / "out").write_text("notes")
    folder = Folder(tmp_path)
    outcome = run_xlbo("invoices", "book.xlsx", "--out", "out", "--no-pdf", cwd=tmp_path)
    outcome.plain()
    assert "--out out is a file" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def test_a_register_xlbo_did_not_write_is_left_alone(tmp_path: Path) -> None:
    book(tmp_path, [line()])
    (tmp_path / "out").mkdir()
    write_xlsx(tmp_path / "out" / "invoice-register.xlsx", {"Sheet1": [["Invoice", "Amount"]]})
    folder = Folder(tmp_path)
    outcome = run_xlbo("invoices", "book.xlsx", "--out", "out", "--no-pdf", cwd=tmp_path)
    outcome.plain()
    assert "invoice-register.xlsx is not an Invoice Register xlbo wrote" in outcome.err
    assert "move it away" in outcome.err
    folder.unchanged()


def test_a_good_run_writes_the_register_and_the_documents_only(tmp_path: Path) -> None:
    book(tmp_path, [line(), line("KAV")])
    folder = Folder(tmp_path)
    outcome = run_xlbo("invoices", "book.xlsx", "--out", "out", "--no-pdf", cwd=tmp_path)
    assert outcome.code == 0, outcome.said
    assert "Issued 2 documents (INV/26-27/0001 to INV/26-27/0002)" in outcome.out
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert folder.inputs_unchanged() == [
        "out/documents/INV-26-27-0001.json",  # B2B: the e-invoice
        "out/documents/INV-26-27-0001.xlsx",
        "out/documents/INV-26-27-0002.json",
        "out/documents/INV-26-27-0002.xlsx",
        "out/gstr1-2026-10.json",  # the month's return, from the whole register
        "out/invoice-register.xlsx",
    ]
