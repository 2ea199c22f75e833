"""The sample portal files (xlbo.gstrecon.samples) that the demo can reconcile: each planted
slip lands in its stage, and the same books give the same files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import write_xlsx
from tests.gstrecon.builders import OURS, books, purchase
from tests.gstrecon.test_tds_recon import CUSTOMERS, RECEIPTS
from xlbo.book import FileBook
from xlbo.gstrecon.receivable import Customer, read_receivable
from xlbo.gstrecon.samples import form26as_text, gstr2b_json
from xlbo.jobs.gst_recon import gst_reconcile
from xlbo.jobs.tds_recon import tds_reconcile


def test_a_sample_2b_of_the_books_shows_every_slip(tmp_path: Path) -> None:
    bills = [
        purchase(
            "V001", f"INV/26-27/{n:03d}", f"{n:02d}-10-2026", 1000 * n, cgst=90 * n, sgst=90 * n
        )
        for n in range(1, 9)
    ]
    bills.append(purchase("V002", "CN/7", "20-10-2026", -500, igst=-90))
    bills.append(purchase("V002", "KL-12", "02-11-2026", 700, igst=126))  # November's
    book = books(tmp_path / "b.xlsx", bills)
    from tests.gstrecon.test_gst_recon import vendor_gstins_of
    from xlbo.gstrecon.register import read_register

    register = read_register(book, vendor_gstins_of(book))
    sample = gstr2b_json(register.bills, OURS, "2026-10")
    assert sample == gstr2b_json(register.bills, OURS, "2026-10")
    portal = tmp_path / "2B-102026.json"
    portal.write_text(json.dumps(sample))
    recon = gst_reconcile(book, (portal,)).recon
    stage_of = dict(
        zip(recon.books["bill_no"].iloc[recon.pairs["b"]], recon.pairs["stage"], strict=True)
    )
    assert stage_of["INV/26-27/002"] == "Matched"  # written inv-26-27-002 by the supplier
    assert stage_of["INV/26-27/004"] == "Mismatched"  # a tenth lower
    assert stage_of["CN/7"] == "Matched"
    assert sorted(recon.missing_in_2b["bill_no"]) == ["INV/26-27/006", "KL-12"]
    assert recon.missing_in_books["bill_no"].tolist() == ["X-9001"]


def test_a_sample_26as_of_the_receipts_shows_each_status(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "books.xlsx", {"Customers": CUSTOMERS, "Receipts": RECEIPTS})
    customers = [Customer(str(r[0]), str(r[1]), str(r[4] or "")) for r in CUSTOMERS[1:]]
    receipts = read_receivable(FileBook(book), customers).rows
    text = form26as_text(receipts, "AAACS1234F", "2026-27")
    assert text == form26as_text(receipts, "AAACS1234F", "2026-27")
    path = tmp_path / "26AS.txt"
    path.write_text(text, encoding="utf-8")
    result = tds_reconcile(path, book)
    assert set(result.recon.credits["status"]) == {"F", "P", "U", "O"}
    assert result.recon.only_26as["tan"].tolist() == ["MUMA99999Z"]
    # the fifth receipt with a TAN is not reported; Lotus has no TAN to be reported under
    assert result.recon.only_books["customer"].tolist() == [
        "Pune Municipal Corporation",
        "Lotus Hotels Private Limited",
    ]
