"""A 2B supplier whose invoices are not there to read (`"inv": null`, missing, not a list, or
a document that is no object) is named in the run's messages and on the Summary, as a part of 2B
not read is (#15 review): before, its invoices were skipped without a word and the run looked
complete."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.gstrecon.builders import GANESH, KAVERI, books, gstr2b, invoice, purchase
from xlbo.cli import main
from xlbo.gstrecon.portal import read_gstr2b

BILL = invoice("INV/26-27/042", "05-10-2026", 10000, cgst=900, sgst=900)


def test_a_supplier_with_inv_null_is_said_in_the_run_and_on_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = books(
        tmp_path / "books.xlsx",
        [purchase("V001", "INV/26-27/042", "05-10-2026", 10000, cgst=900, sgst=900)],
    )
    portal = gstr2b(tmp_path / "2b.json", "102026", {"b2b": {GANESH: [BILL], KAVERI: None}})
    out = tmp_path / "recon.xlsx"
    args = ["gst-recon", "--purchases", str(book), "--gstr2b", str(portal), "--out", str(out)]
    assert main(args) == 1  # all matched, but a part of 2B was not read: not clean
    said = capsys.readouterr().out
    assert said.startswith("1 matched, 0 suggested")
    expected = f"2b.json: docdata.b2b supplier {KAVERI} (KAVERI LOGISTICS LLP): inv is null"
    assert f"Not read from 2B: {expected}, so no document of it was read." in said
    titles = [c.value for c in openpyxl.load_workbook(out)["Summary"]["A"][:8] if c.value]
    assert any(expected in t for t in titles)


@pytest.mark.parametrize(
    ("supplier", "said"),
    [
        ({"ctin": KAVERI}, "inv is missing"),
        ({"ctin": KAVERI, "inv": "SG/101"}, 'inv is "SG/101"'),
        ({"ctin": KAVERI, "inv": [7, BILL]}, "inv holds 7, not a document"),
    ],
    ids=["missing", "text", "a number among documents"],
)
def test_each_way_a_suppliers_documents_go_missing_is_named(
    tmp_path: Path, supplier: dict[str, object], said: str
) -> None:
    path = tmp_path / "2b.json"
    docdata = {"b2b": [{"ctin": GANESH, "inv": [BILL]}, supplier]}
    path.write_text(json.dumps({"data": {"rtnprd": "102026", "docdata": docdata}}), "utf-8")
    read = read_gstr2b([path])
    (unread,) = read.unread
    assert unread.startswith(f"2b.json: docdata.b2b supplier {KAVERI}: ") and said in unread
    assert len(read.records) == 1 + (supplier.get("inv") == [7, BILL])


def test_a_supplier_with_no_invoices_listed_loses_nothing(tmp_path: Path) -> None:
    portal = gstr2b(tmp_path / "2b.json", "102026", {"b2b": {GANESH: [BILL], KAVERI: []}})
    assert read_gstr2b([portal]).unread == ()
