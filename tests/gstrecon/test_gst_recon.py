"""`xlbo gst-recon`: October's purchases against the 2B of October and November, one bill a
stage (tests/gstrecon/scenario.py), read back from the workbook as an accountant would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from tests.gstrecon.builders import GANESH, KAVERI, OMSAI_GJ, books, gstr2b, invoice, purchase
from tests.gstrecon.scenario import month
from xlbo.cli import main
from xlbo.gstrecon.engine import Stage, reconcile
from xlbo.gstrecon.portal import read_gstr2b
from xlbo.gstrecon.register import read_register
from xlbo.jobs.gst_recon import gst_reconcile


def sheet(path: Path, name: str) -> list[dict[str, Any]]:
    """A result sheet's rows under its header (the first row whose first cell is a header)."""
    rows = list(openpyxl.load_workbook(path, data_only=True)[name].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] in ("GSTIN", "Stage", "Customer", "Deductor"))
    header = rows[top]
    return [dict(zip(header, r, strict=True)) for r in rows[top + 1 :] if any(r)]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    folder = tmp_path_factory.mktemp("gst")
    book, october, november = month(folder)
    out = folder / "recon.xlsx"
    code = main(
        [
            "gst-recon",
            "--purchases",
            str(book),
            "--gstr2b",
            str(october),
            "--gstr2b",
            str(november),
            "--out",
            str(out),
        ]
    )
    return code, "", out


def test_the_workbook_has_every_sheet_and_the_summary_adds_up(run: tuple[int, str, Path]) -> None:
    code, _, out = run
    assert code == 1  # findings: not everything is an exact match
    names = openpyxl.load_workbook(out).sheetnames
    assert names == [
        "Summary",
        "Matched",
        "Suggested",
        "Mismatched",
        "Missing in Books",
        "Missing in 2B",
        "ITC at Risk",
        "Follow-up",
    ]
    summary = {r["Stage"]: r for r in sheet(out, "Summary")}
    assert {s: summary[s]["Bills"] for s in summary} == {
        "Matched": 5,
        "Suggested": 1,
        "Mismatched": 2,
        "Missing in Books": 0,
        "Missing in 2B": 1,
        "Total": 9,
    }
    assert summary["Missing in Books"]["2B Records"] == 1
    # ITC at risk: the bill missing in 2B (1,800), 180 more CGST+SGST in the books on the
    # mismatched one, and 180 IGST 2B marks not available
    assert summary["Total"]["ITC at Risk"] == pytest.approx(2160)


def test_exact_matches_say_why_and_carry_the_later_period(run: tuple[int, str, Path]) -> None:
    matched = {r["Bill No (Books)"]: r for r in sheet(run[2], "Matched")}
    assert set(matched) == {"INV/26-27/042", "INV/26-27/044", "CN-12", "INV/26-27/045", "KL-779"}
    assert matched["INV/26-27/042"]["Bill No (2B)"] == "inv-042/2026-27"
    assert matched["INV/26-27/042"]["Why"] == (
        "Same GSTIN, bill number, date and amounts (each head within ₹1); numbers written "
        "differently, the same folded (INV42)"
    )
    assert matched["CN-12"]["Taxable (2B)"] == -5000  # a credit note is negative on both sides
    assert matched["INV/26-27/044"]["2B Period"] == "2026-11"
    assert "only in the 2B of 2026-11" in matched["INV/26-27/044"]["Why"]
    # the b2ba of November replaced October's wrong record: matched at 2,000, not late
    assert matched["INV/26-27/045"]["Taxable (2B)"] == 2000
    assert matched["INV/26-27/045"]["Section"] == "b2ba"
    assert "later" not in matched["INV/26-27/045"]["Why"]
    assert "not available (place of supply" in matched["KL-779"]["Why"]
    assert matched["KL-779"]["ITC at Risk"] == 180


def test_mismatches_name_the_head_and_the_gstin_of_the_same_pan(run: tuple[int, str, Path]) -> None:
    mismatched = {r["Bill No (Books)"]: r for r in sheet(run[2], "Mismatched")}
    assert mismatched["INV/26-27/043"]["Why"].startswith(
        "Same bill, but CGST 900.00 in the books, 810.00 in 2B (90.00 more in the books); "
        "SGST 900.00 in the books, 810.00 in 2B (90.00 more in the books)"
    )
    assert mismatched["INV/26-27/043"]["ITC at Risk"] == 180
    other = mismatched["OS/55"]
    assert other["GSTIN"] == OMSAI_GJ
    assert f"Reported under GSTIN {OMSAI_GJ}" in other["Why"]
    assert "same PAN AAJPS4321Q" in other["Why"]


def test_suggestion_and_the_missing_on_each_side(run: tuple[int, str, Path]) -> None:
    (suggested,) = sheet(run[2], "Suggested")
    assert (suggested["Bill No (Books)"], suggested["Bill No (2B)"]) == ("KL-778", "KLT/778")
    assert "digits are the same (778)" in suggested["Why"]
    assert "dates 1 day apart" in suggested["Why"]
    (in_2b_only,) = sheet(run[2], "Missing in Books")
    assert (in_2b_only["GSTIN"], in_2b_only["Bill No"], in_2b_only["IGST"]) == (
        KAVERI,
        "KL-900",
        1260,
    )
    missing = {r["Bill No"]: r for r in sheet(run[2], "Missing in 2B")}
    assert missing["INV/26-27/050"]["ITC at Risk"] == 1800
    assert missing["INV/26-27/050"]["Later 2B Period"] in (None, "")
    assert missing["INV/26-27/044"]["Later 2B Period"] == "2026-11"
    assert missing["INV/26-27/044"]["ITC at Risk"] == 0


def test_credit_at_risk_per_supplier_and_the_follow_up(run: tuple[int, str, Path]) -> None:
    risk = {r["GSTIN"]: r for r in sheet(run[2], "ITC at Risk")}
    assert risk[GANESH]["ITC at Risk"] == 1980
    assert risk[GANESH]["Bills Missing in 2B"] == 1
    assert risk[KAVERI]["ITC Not Available"] == 180
    assert risk["Total"]["ITC at Risk"] == 2160
    asks = sheet(run[2], "Follow-up")
    assert [(a["Supplier"], a["Bill No"]) for a in asks] == [
        ("Kaveri Logistics LLP", "KL-779"),
        ("Om Sai Enterprises", "OS/55"),
        ("Shree Ganesh Traders", "INV/26-27/043"),
        ("Shree Ganesh Traders", "INV/26-27/050"),
    ]
    assert asks[0]["Ask"].startswith("2B shows its credit not available (place of supply")
    assert "please report this bill in your GSTR-1" in asks[3]["Ask"]
    assert "please amend it in your GSTR-1 (B2BA)" in asks[2]["Ask"]


@pytest.mark.parametrize("written", ["INV/26-27/042", "inv-0042/2026-27", "FY26-27 INV 42"])
def test_one_bill_number_written_three_ways_is_matched(tmp_path: Path, written: str) -> None:
    book = books(
        tmp_path / "b.xlsx", [purchase("V001", "INV-42", "05-10-2026", 100, cgst=9, sgst=9)]
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {"b2b": {GANESH: [invoice(written, "05-10-2026", 100, cgst=9, sgst=9)]}},
    )
    recon = gst_reconcile(book, (portal,)).recon
    assert len(recon.stage(Stage.MATCHED)) == 1, recon.pairs


def test_within_a_rupee_is_exact_and_beyond_is_a_mismatch(tmp_path: Path) -> None:
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "A1", "01-10-2026", 1000.40, cgst=90, sgst=90),
            purchase("V001", "A2", "01-10-2026", 1000, cgst=90, sgst=90),
            purchase("V001", "A3", "01-10-2026", 1000, cgst=90, sgst=90),
        ],
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {
            "b2b": {
                GANESH: [
                    invoice("A1", "01-10-2026", 1001, cgst=90.99, sgst=89.01),
                    invoice("A2", "01-10-2026", 1000, cgst=91.01, sgst=90),
                    invoice("A3", "02-10-2026", 1000, cgst=90, sgst=90),
                ]
            }
        },
    )
    recon = gst_reconcile(book, (portal,)).recon
    stages = dict(
        zip(recon.books["bill_no"].iloc[recon.pairs["b"]], recon.pairs["stage"], strict=True)
    )
    assert stages == {"A1": "Matched", "A2": "Mismatched", "A3": "Mismatched"}
    differences = dict(
        zip(recon.books["bill_no"].iloc[recon.pairs["b"]], recon.pairs["differences"], strict=True)
    )
    assert differences["A2"] == "CGST 90.00 in the books, 91.01 in 2B (1.01 more in 2B)"
    assert differences["A3"] == "date 01-10-2026 in the books, 02-10-2026 in 2B"


def test_two_bills_with_one_number_pair_in_date_order(tmp_path: Path) -> None:
    """A supplier that restarts its numbering each year: two bills 'S-1' pair first with first."""
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "S-1", "20-10-2026", 200, cgst=18, sgst=18),
            purchase("V001", "S-1", "02-10-2026", 100, cgst=9, sgst=9),
        ],
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {
            "b2b": {
                GANESH: [
                    invoice("S1", "02-10-2026", 100, cgst=9, sgst=9),
                    invoice("S1", "20-10-2026", 200, cgst=18, sgst=18),
                ]
            }
        },
    )
    recon = gst_reconcile(book, (portal,)).recon
    assert list(recon.pairs["stage"]) == ["Matched", "Matched"]


TALLY_BLANK_NUMBER = ("08-10-2026", "Shree Ganesh Traders", "P/104", None, None, GANESH, 500,
                      None, 45, 45, None)  # fmt: skip
TALLY_NO_INVOICE_DATE = ("09-10-2026", "Shree Ganesh Traders", "P/105", "INV-77", None, GANESH,
                         800, None, 72, 72, None)  # fmt: skip


def test_a_tally_purchase_register_is_read_too(tmp_path: Path) -> None:
    from tests.conftest import write_xlsx

    tally = write_xlsx(
        tmp_path / "register.xlsx",
        {
            "Purchase Register": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["Purchase Register", None, None, None, None, None, None, None, None, None],
                ["1-Oct-26 to 31-Oct-26"],
                [
                    "Date",
                    "Particulars",
                    "Voucher No.",
                    "Supplier Invoice No.",
                    "Supplier Invoice Date",
                    "GSTIN/UIN",
                    "Taxable Value",
                    "Integrated Tax",
                    "Central Tax",
                    "State Tax",
                    "Cess",
                ],
                [
                    "05-10-2026",
                    "Shree Ganesh Traders",
                    "P/101",
                    "INV/26-27/042",
                    "05-10-2026",
                    GANESH,
                    10000,
                    None,
                    900,
                    900,
                    None,
                ],
                [
                    "06-10-2026",
                    "Kaveri Logistics LLP",
                    "P/102",
                    "KL-900",
                    "28-10-2026",
                    KAVERI,
                    7000,
                    1260,
                    None,
                    None,
                    None,
                ],
                [
                    "07-10-2026",
                    "Bad GSTIN Co",
                    "P/103",
                    "X-1",
                    "01-10-2026",
                    "27AABCG1234K1ZX",
                    100,
                    None,
                    9,
                    9,
                    None,
                ],
                [*TALLY_BLANK_NUMBER],
                [*TALLY_NO_INVOICE_DATE],  # no invoice date: the voucher's
            ]
        },
    )
    register = read_register(tally)
    assert register.layout == "Tally Purchase Register"
    assert register.bills["bill_no"].tolist() == ["INV/26-27/042", "KL-900", "INV-77"]
    assert str(register.bills["bill_date"].iloc[2]) == "2026-10-09"
    gstin_issue, blank_number = register.issues
    assert (gstin_issue.sheet, gstin_issue.cell) == ("Purchase Register", "F7")
    assert "is not a valid GSTIN" in gstin_issue.problem
    assert (blank_number.cell, blank_number.problem) == ("D8", "The bill number is blank")
    portal = read_gstr2b(
        [
            gstr2b(
                tmp_path / "2b.json",
                "102026",
                {
                    "b2b": {
                        GANESH: [invoice("INV-042", "05-10-2026", 10000, cgst=900, sgst=900)],
                        KAVERI: [invoice("KL/900", "28-10-2026", 7000, igst=1260)],
                    }
                },
            )
        ]
    ).records
    recon = reconcile(register.bills, portal)
    assert list(recon.pairs["stage"]) == ["Matched", "Matched"]
    assert recon.missing_in_2b["bill_no"].tolist() == ["INV-77"]


def test_bad_cells_of_the_purchases_sheet_become_issues(tmp_path: Path) -> None:
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "A1", "01-10-2026", 1000, cgst=90, sgst=90),
            purchase("V009", "A2", "01-10-2026", 1000, cgst=90, sgst=90),
            purchase("V001", "A3", "31-02-2026", 1000, cgst=90, sgst=90),
            purchase("V001", "A4", "01-10-2026", "ten", cgst=90, sgst=90),
        ],
    )
    register = read_register(book, vendor_gstins_of(book))
    assert register.bills["bill_no"].tolist() == ["A1"]
    said = {i.cell: i.problem for i in register.issues}
    assert said["A3"] == "Vendor Code 'V009' is not on the Vendors sheet"
    assert "is not a date" in said["C4"]
    assert "'ten' is not an amount" in said["G5"]


def vendor_gstins_of(book: Path) -> dict[str, tuple[str, str]]:
    from xlbo.book import FileBook
    from xlbo.jobs.gst_recon import _vendors

    return _vendors(FileBook(book))[0]


def test_the_money_stays_exact(tmp_path: Path) -> None:
    """Paise from the JSON's decimals, heads summed from the items when the invoice has none:
    0.1 + 0.2 is 0.30, never 0.30000000000000004."""
    bare = {
        k: v
        for k, v in invoice("A", "01-10-2026", 0).items()
        if k not in ("txval", "igst", "cgst", "sgst", "cess")
    }
    items = [
        {"num": 1, "rt": 18, "txval": 0.1, "igst": 0.1},
        {"num": 2, "rt": 18, "txval": 0.2, "igst": 0.2},
    ]
    path = gstr2b(tmp_path / "2b.json", "102026", {"b2b": {GANESH: [{**bare, "items": items}]}})
    portal = read_gstr2b([path]).records
    assert portal[["taxable", "igst"]].iloc[0].tolist() == [30, 30]
    assert pd.api.types.is_integer_dtype(portal["taxable"])


def test_another_bill_of_the_same_sum_is_never_offered(tmp_path: Path) -> None:
    """A landlord bills ₹50,000 every month: its bill 41 (booked, not in 2B) and bill 42 (in 2B,
    not booked) are two bills, not a suggestion; swapped digits (423, 432) on the same day are
    offered."""
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "RENT-41", "01-10-2026", 50000, cgst=4500, sgst=4500),
            purchase("V001", "RENT-423", "02-10-2026", 50000, cgst=4500, sgst=4500),
            purchase("V001", "RENT-516", "03-10-2026", 50000, cgst=4500, sgst=4500),
        ],
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {
            "b2b": {
                GANESH: [
                    invoice("RENT-42", "01-10-2026", 50000, cgst=4500, sgst=4500),
                    invoice("RENT-432", "02-10-2026", 50000, cgst=4500, sgst=4500),
                    invoice("RENT-561", "04-10-2026", 50000, cgst=4500, sgst=4500),
                ]
            }
        },
    )
    recon = gst_reconcile(book, (portal,)).recon
    (pair,) = recon.pairs.itertuples()
    assert pair.stage == "Suggested"
    assert recon.books["bill_no"].iat[pair.b] == "RENT-423"
    assert "same digits" in pair.why
    # digits in another order on another day: two bills too
    assert recon.missing_in_2b["bill_no"].tolist() == ["RENT-41", "RENT-516"]
    assert recon.missing_in_books["bill_no"].tolist() == ["RENT-42", "RENT-561"]


def test_a_vendor_gstin_that_is_not_valid_is_a_warning_and_its_bill_still_found(
    tmp_path: Path,
) -> None:
    from tests.gstrecon.builders import VENDORS

    vendors = [list(r) for r in VENDORS]
    vendors[1][2] = GANESH[:-1] + ("X" if GANESH[-1] != "X" else "Y")
    master = books(tmp_path / "master.xlsx", [], vendors=vendors)
    book = books(tmp_path / "b.xlsx", [purchase("V001", "A1", "01-10-2026", 100, cgst=9, sgst=9)])
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {"b2b": {GANESH: [invoice("A1", "01-10-2026", 100, cgst=9, sgst=9)]}},
    )
    result = gst_reconcile(book, (portal,), master)
    (warning,) = result.issues
    assert (warning.sheet, warning.cell, warning.severity.value) == ("Vendors", "C2", "Warning")
    assert "V001's GSTIN is not valid" in warning.problem
    (pair,) = result.recon.pairs.itertuples()
    assert pair.stage == "Mismatched"
    assert f"Reported under GSTIN {GANESH}" in pair.why


def test_the_issues_sheet_links_to_the_bad_cell_of_the_books(tmp_path: Path) -> None:
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "A1", "01-10-2026", 100, cgst=9, sgst=9),
            purchase("V001", "A2", "01-10-2026", "ten", cgst=9, sgst=9),
        ],
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {"b2b": {GANESH: [invoice("A1", "01-10-2026", 100, cgst=9, sgst=9)]}},
    )
    out = tmp_path / "out" / "recon.xlsx"
    assert (
        main(["gst-recon", "--purchases", str(book), "--gstr2b", str(portal), "--out", str(out)])
        == 1
    )
    issues = openpyxl.load_workbook(out)["Issues"]
    header = [c.value for c in issues[1]]
    cell = issues.cell(2, header.index("Cell") + 1)
    assert cell.value == "G3"
    assert cell.hyperlink.target == "..\\b.xlsx"  # the input, from the result's folder
    assert cell.hyperlink.location == "'Purchases'!G3"


def test_a_cdnra_replaces_the_note_it_amends_across_periods(tmp_path: Path) -> None:
    from tests.gstrecon.builders import note

    october = gstr2b(
        tmp_path / "10.json",
        "102026",
        {"cdnr": {KAVERI: [note("CN-7", "20-10-2026", 900, igst=162)]}},
    )
    amended = note(
        "CN-7", "20-10-2026", 1000, igst=180, ontnum="CN-7", ontdt="20-10-2026", onttyp="C"
    )
    november = gstr2b(tmp_path / "11.json", "112026", {"cdnra": {KAVERI: [amended]}})
    portal = read_gstr2b([october, november]).records
    (record,) = portal.itertuples()
    assert (record.section, record.kind, record.taxable, record.igst) == (
        "cdnra",
        "Credit Note",
        -100000,
        -18000,
    )
    assert record.amended == "amends CN-7 of 20-10-2026"
    book = books(tmp_path / "b.xlsx", [purchase("V002", "CN-7", "20-10-2026", -1000, igst=-180)])
    recon = gst_reconcile(book, (october, november)).recon
    assert list(recon.pairs["stage"]) == ["Matched"]


def test_an_invoice_and_a_credit_note_of_one_number_are_not_paired(tmp_path: Path) -> None:
    from tests.gstrecon.builders import note

    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V002", "77", "02-10-2026", -1000, igst=-180),
            purchase("V002", "77", "03-10-2026", 5000, igst=900),  # booked on another day
        ],
    )
    portal = gstr2b(
        tmp_path / "2b.json",
        "102026",
        {
            "b2b": {KAVERI: [invoice("77", "01-10-2026", 5000, igst=900)]},
            "cdnr": {KAVERI: [note("77", "02-10-2026", 1000, igst=180)]},
        },
    )
    recon = gst_reconcile(book, (portal,)).recon
    kinds = recon.portal["kind"].to_numpy()[recon.pairs["p"]]
    assert dict(zip(kinds, recon.pairs["stage"], strict=True)) == {
        "Credit Note": "Matched",
        "Invoice": "Mismatched",
    }
    (differences,) = recon.stage(Stage.MISMATCHED)["differences"]
    assert differences == "date 03-10-2026 in the books, 01-10-2026 in 2B"


def test_a_bill_dated_after_the_last_2b_is_not_missing_yet(tmp_path: Path) -> None:
    book = books(
        tmp_path / "b.xlsx",
        [
            purchase("V001", "D1", "02-12-2026", 100, cgst=9, sgst=9),
            purchase("V001", "S1", "30-09-2026", 100, cgst=9, sgst=9),
            purchase("V001", "O1", "15-10-2026", 100, cgst=9, sgst=9),
        ],
    )
    portal = gstr2b(tmp_path / "2b.json", "102026", {"b2b": {KAVERI: []}})
    recon = gst_reconcile(book, (portal,)).recon
    missing = recon.missing_in_2b.set_index("bill_no")
    assert missing.loc["D1", "why"] == (
        "Dated after the last 2B given (2026-10): it comes in a later 2B, not missing yet"
    )
    assert missing.loc["D1", "at_risk"] == 0
    assert (
        "dated before the first (2026-10): look in the 2B of its month" in missing.loc["S1", "why"]
    )
    assert missing.loc["S1", "at_risk"] == 1800
    assert missing.loc["O1", "why"].startswith("Not in the 2B given up to 2026-10: the supplier")
    assert missing.loc["O1", "at_risk"] == 1800
    from xlbo.sheets.gst_recon import _follow_up_sheet

    asked = _follow_up_sheet(recon).frame["Bill No"].tolist()
    assert asked == ["S1", "O1"]  # not D1: its 2B has not come yet
    out = tmp_path / "o.xlsx"
    assert (
        main(["gst-recon", "--purchases", str(book), "--gstr2b", str(portal), "--out", str(out)])
        == 1
    )
    titles = [
        r[0] for r in openpyxl.load_workbook(out)["Summary"].iter_rows(max_row=5, values_only=True)
    ]
    assert "1 bill is dated after the last 2B given: not missing yet, no credit at risk" in titles


@pytest.mark.parametrize("empty", ["2b", "books", "both"])
def test_an_empty_side_reconciles(tmp_path: Path, empty: str) -> None:
    bills = [] if empty != "2b" else [purchase("V001", "A1", "01-10-2026", 100, cgst=9, sgst=9)]
    book = books(tmp_path / "b.xlsx", bills)
    records = [] if empty != "books" else [invoice("A1", "01-10-2026", 100, cgst=9, sgst=9)]
    portal = gstr2b(tmp_path / "2b.json", "102026", {"b2b": {GANESH: records}})
    out = tmp_path / "o.xlsx"
    code = main(["gst-recon", "--purchases", str(book), "--gstr2b", str(portal), "--out", str(out)])
    assert code == (0 if empty == "both" else 1)
    assert len(sheet(out, "Missing in Books")) == (1 if empty == "books" else 0)
    assert len(sheet(out, "Missing in 2B")) == (1 if empty == "2b" else 0)


def test_the_portal_layout_of_a_public_sample_reads_with_its_ecom_part(tmp_path: Path) -> None:
    """A trimmed copy of india-compliance's test_gstr_2b.json (amounts at the invoice level,
    and parts for e-commerce operators' invoices, ISD and imports): b2ba, cdnra and ecoma
    replace what they amend; ISD and imports are not read."""
    import json

    heads = {"txval": 12200, "sgst": 0, "cgst": 0, "cess": 0, "igst": 183}
    common = {"typ": "R", "val": 729248.16, "pos": "06", "rev": "N", "diffprcnt": 1}
    unavailable = {"itcavl": "N", "rsn": "P"}
    inv = {"inum": "S008400", "dt": "24-11-2016", **common, **unavailable, **heads}
    nt = {"ntnum": "533515", "typ": "C", "suptyp": "R", "dt": "23-09-2016", "val": 729248.16}
    nt |= {"pos": "01", "rev": "N", "itcavl": "N", "rsn": "C", **heads}

    def supplier(ctin: str, listed: str, documents: list[dict[str, Any]]) -> dict[str, Any]:
        return {"ctin": ctin, "trdnm": "GSTN", "supfildt": "18-11-2019", "supprd": "112019"} | {
            listed: documents
        }

    eco = "07USERR0205A1ZS"
    ecom = {"dt": "01-01-2023", "inum": "doc1", "itcavl": "Y", "rsn": "", **common, **heads}
    docdata = {
        "b2b": [supplier("01AABCE2207R1Z5", "inv", [inv])],
        "b2ba": [supplier("01AABCE2207R1Z5", "inv", [inv | {"oinum": "S008400", "txval": 400}])],
        "cdnr": [supplier("01AAAAP1208Q1ZS", "nt", [nt])],
        "cdnra": [supplier("01AAAAP1208Q1ZS", "nt", [nt | {"ontnum": "533515", "onttyp": "C"}])],
        "isd": [supplier("16DEFPS8555D1Z7", "doclist", [{"docnum": "S0080", "cgst": 200}])],
        "impg": [{"portcode": "18272A", "boenum": "2566282", "txval": 123.02, "igst": 123.02}],
        "ecom": [supplier(eco, "inv", [ecom, ecom | {"inum": "E123", "dt": "01-05-2023"}])],
        "ecoma": [supplier(eco, "inv", [ecom | {"oinum": "doc1", "txval": 12000}])],
    }
    path = tmp_path / "2b.json"
    data = {"gstin": "01AABCE2207R1Z5", "rtnprd": "032020", "version": "1.0", "gendt": "14-04-2020"}
    path.write_text(json.dumps({"chksum": "X", "data": data | {"docdata": docdata}}), "utf-8")
    read = read_gstr2b([path])
    portal, recipient = read.records, read.recipient
    assert recipient == "01AABCE2207R1Z5"
    got = portal[["section", "bill_no", "kind", "taxable", "igst", "itc_available"]]
    assert got.values.tolist() == [
        ["b2ba", "S008400", "Invoice", 40000, 18300, False],
        ["cdnra", "533515", "Credit Note", -1220000, -18300, False],
        ["ecom", "E123", "Invoice", 1220000, 18300, True],
        ["ecoma", "doc1", "Invoice", 1200000, 18300, True],
    ]


def test_the_books_are_opened_once_without_a_master(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Vendors and Purchases (gst-recon), Customers and Receipts (tds-recon) come from one
    opening of the books when no --master is given."""
    from tests.conftest import write_xlsx
    from tests.gstrecon.test_tds_recon import CUSTOMERS, RECEIPTS, TEXT_26AS
    from xlbo.book import files
    from xlbo.jobs.tds_recon import tds_reconcile

    opened: list[str] = []
    real = files.FileBook.__init__

    def counting(self: files.FileBook, path: str | Path) -> None:
        opened.append(Path(path).name)
        real(self, path)

    monkeypatch.setattr(files.FileBook, "__init__", counting)
    book, october, _ = month(tmp_path)
    assert len(gst_reconcile(book, (october,)).recon.pairs) == 7
    assert opened == ["books.xlsx"]
    receipts = write_xlsx(
        tmp_path / "receipts.xlsx", {"Customers": CUSTOMERS, "Receipts": RECEIPTS}
    )
    text = tmp_path / "26AS.txt"
    text.write_text(TEXT_26AS, encoding="utf-8")
    opened.clear()
    assert len(tds_reconcile(text, receipts).recon.pairs) > 0
    assert opened == ["receipts.xlsx"]
