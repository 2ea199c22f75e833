"""`xlbo gst-recon` with 2B's other parts, in the portal's layout (india-compliance's
test_gstr_2b.json): bills of entry (impg, impgsez) matched to the books' imports, ISD credit
listed (isda replacing isd), and a part not read named on the Summary and in the messages."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.gstrecon.builders import GANESH, OURS, VENDORS, books, import_bill, invoice, purchase
from tests.gstrecon.test_gst_recon import sheet
from xlbo.cli import main
from xlbo.gstrecon.portal import read_gstr2b

SEZ = "19AAACR4849R3ZG"
ISD_GSTIN = "16DEFPS8555D1Z7"
IMPORT_VENDORS = [
    *VENDORS,
    ["V010", "Shenzhen Parts Co", None, None],
    ["V011", "Falta SEZ Unit", SEZ, "AAACR4849R"],
]


def entry(number: str, day: str, port: str, taxable: float, igst: float, **extra: Any) -> dict:
    """A bill of entry as 2B gives it (impg, or inside an impgsez supplier's `boe`)."""
    return {
        "refdt": "20-10-2026",
        "recdt": "21-10-2026",
        "portcode": port,
        "boenum": number,
        "boedt": day,
        "isamd": "N",
        "txval": taxable,
        "igst": igst,
        "cess": 0.0,
        **extra,
    }


def isd_document(number: str, kind: str, cgst: float, sgst: float, **extra: Any) -> dict:
    return {
        "doctyp": kind,
        "docnum": number,
        "docdt": "03-10-2026",
        "oinvnum": "",
        "oinvdt": "",
        "igst": 0,
        "cgst": cgst,
        "sgst": sgst,
        "cess": 0,
        "itcelg": "Y",
        **extra,
    }


def two_b(path: Path) -> Path:
    isd_entry = {"ctin": ISD_GSTIN, "trdnm": "HEAD OFFICE ISD", "supprd": "102026"}
    docdata = {
        "b2b": [
            {
                "ctin": GANESH,
                "trdnm": "SHREE GANESH TRADERS",
                "supfildt": "11-11-2026",
                "supprd": "102026",
                "inv": [invoice("INV-042", "05-10-2026", 10000, cgst=900, sgst=900)],
            }
        ],
        "impg": [
            entry("2566282", "18-10-2026", "INNSA1", 100000, 18000),  # matched
            entry("2566290", "19-10-2026", "INNSA1", 50000, 8000),  # books say 9,000: mismatch
            entry("2566301", "25-10-2026", "INMAA1", 20000, 3600, isamd="Y"),  # not booked
        ],
        "impgsez": [
            {
                "ctin": SEZ,
                "trdnm": "FALTA SEZ UNIT",
                "boe": [entry("SEZ/123", "27-10-2026", "INCCU6", 40000, 7200)],  # matched
            }
        ],
        "isd": [
            isd_entry
            | {
                "doclist": [
                    isd_document("ISD-7", "ISDI", 500, 500),  # amended below
                    isd_document("ISD-8", "ISDI", 300, 300, itcelg="N"),
                    isd_document("ISD-9", "ISDC", 100, 100, oinvnum="ISD-2", oinvdt="01-09-2026"),
                ]
            }
        ],
        "isda": [
            isd_entry
            | {
                "doclist": [
                    isd_document("ISD-7", "ISDI", 400, 400, odocnum="ISD-7", odoctyp="ISDI")
                ]
            }
        ],
        "impga": [{"boenum": "1000001", "igst": 1800}],  # a part this version does not read
    }
    data = {"gstin": OURS, "rtnprd": "102026", "version": "1.0", "gendt": "14-11-2026"}
    path.write_text(json.dumps({"chksum": "X", "data": data | {"docdata": docdata}}), "utf-8")
    return path


PURCHASES = [
    purchase("V001", "INV/26-27/042", "05-10-2026", 10000, cgst=900, sgst=900),
    import_bill("V010", "SZ-881", "02-10-2026", 100000, 18000, "2566282", "18-10-2026", "INNSA1"),
    import_bill("V010", "SZ-882", "03-10-2026", 50000, 9000, "2566290", "19-10-2026", "INNSA1"),
    import_bill("V010", "SZ-890", "09-10-2026", 30000, 5400, "2566400", "22-10-2026", "INNSA1"),
    import_bill("V011", "FS-12", "26-10-2026", 40000, 7200, "SEZ-123", "27-10-2026", None),
]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, list[str]]:
    folder = tmp_path_factory.mktemp("imports")
    book = books(folder / "books.xlsx", PURCHASES, IMPORT_VENDORS)
    portal = two_b(folder / "2B-102026.json")
    out = folder / "recon.xlsx"
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        code = main(
            ["gst-recon", "--purchases", str(book), "--gstr2b", str(portal), "--out", str(out)]
        )
    lines = said.getvalue().splitlines()
    return code, out, lines


def test_bills_of_entry_are_matched_to_the_books_imports(run: tuple[int, Path, list[str]]) -> None:
    code, out, _ = run
    assert code == 1
    rows = {
        (r["Bill of Entry (Books)"] or r["Bill of Entry (2B)"]): r
        for r in sheet_from(out, "Imports", "Stage")
    }
    assert {k: r["Stage"] for k, r in rows.items()} == {
        "2566282": "Matched",
        "2566290": "Mismatched",
        "SEZ-123": "Matched",  # SEZ/123 in 2B: the same number folded; no port in the books
        "2566301": "Missing in Books",
        "2566400": "Missing in 2B",
    }
    mismatch = rows["2566290"]
    assert "IGST 9,000.00 in the books, 8,000.00 in 2B" in mismatch["Why"]
    assert mismatch["ITC at Risk"] == pytest.approx(1000)
    assert rows["2566400"]["ITC at Risk"] == pytest.approx(5400)
    assert rows["SEZ-123"]["GSTIN"] == SEZ and rows["SEZ-123"]["Section"] == "impgsez"
    assert rows["2566301"]["ITC at Risk"] == 0 and "book it" in rows["2566301"]["Why"]
    assert rows["2566282"]["Supplier"] == "Shenzhen Parts Co"
    # an import is not a domestic bill: the only bill of the b2b side is Ganesh's, matched
    summary = {r["Stage"]: r for r in sheet(out, "Summary")}
    assert summary["Matched"]["Bills"] == 1 and summary["Missing in 2B"]["Bills"] == 0
    assert summary["Imports Matched"]["Bills"] == 2
    assert summary["Imports Mismatched"]["ITC at Risk"] == pytest.approx(1000)
    assert summary["Imports Missing in Books"]["Tax (2B)"] == pytest.approx(3600)
    assert summary["Imports Missing in 2B"]["ITC at Risk"] == pytest.approx(5400)
    assert summary["Total"]["ITC at Risk"] == pytest.approx(6400)


def test_isd_credit_is_listed_with_its_amendment_in_place(run: tuple[int, Path, list[str]]) -> None:
    _, out, lines = run
    rows = sheet_from(out, "ISD Credit", "GSTIN")
    got = [(r["Document No"], r["Kind"], r["CGST"], r["ITC Available"]) for r in rows]
    assert got == [
        ("ISD-8", "ISD Invoice", 300, "No"),
        ("ISD-9", "ISD Credit Note", -100, "Yes"),
        ("ISD-7", "ISD Invoice", 400, "Yes"),  # isda's figures, not isd's 500
    ]
    assert rows[2]["Amended"] == "amends ISD-7"
    assert "4(A)(4)" in rows[2]["Why"] and "not eligible" in rows[0]["Why"]
    summary = {r["Stage"]: r for r in sheet(out, "Summary")}
    assert summary["ISD Credit"]["Tax (2B)"] == pytest.approx(600)  # 800 - 200; ISD-8 not
    assert any("ISD credit: 3 documents, ₹600.00 eligible" in line for line in lines)


def test_a_part_not_read_is_named_on_the_summary_and_in_the_run(
    run: tuple[int, Path, list[str]],
) -> None:
    _, out, lines = run
    titles = [c.value for c in openpyxl.load_workbook(out)["Summary"]["A"][:8] if c.value]
    assert any("Not read from 2B" in t and "docdata.impga (1 entry)" in t for t in titles)
    assert any(line.startswith("Not read from 2B: 2B-102026.json: docdata.impga") for line in lines)
    assert any("Imports (bills of entry): 2 matched, 1 mismatched" in line for line in lines)


def test_the_portal_sample_reads_its_imports_and_isd_exactly(tmp_path: Path) -> None:
    """india-compliance's test_gstr_2b.json, its impg, impgsez and isd parts as they are."""
    boe = {"refdt": "28-11-2019", "recdt": "30-11-2019", "portcode": "18272A"}
    boe |= {"boenum": "2566282", "boedt": "18-11-2019", "isamd": "N"}
    boe |= {"txval": 123.02, "igst": 123.02, "cess": 0.5}
    isd = {"doctyp": "ISDI", "docnum": "S0080", "docdt": "03-03-2016", "oinvnum": "P0079"}
    isd |= {"oinvdt": "03-03-2016", "igst": 0, "cgst": 200, "sgst": 200, "cess": 0}
    docdata = {
        "impg": [boe],
        "impgsez": [{"ctin": "01AABCE2207R1Z5", "trdnm": "GSTN", "boe": [boe]}],
        "isd": [{"ctin": ISD_GSTIN, "trdnm": "GSTN", "supprd": "022020", "doclist": [isd]}],
    }
    path = tmp_path / "2b.json"
    data = {"gstin": "01AABCE2207R1Z5", "rtnprd": "112019", "docdata": docdata}
    path.write_text(json.dumps({"chksum": "X", "data": data}), "utf-8")
    read = read_gstr2b([path])
    imports = read.imports[["section", "gstin", "boe_no", "port", "taxable", "igst", "cess"]]
    assert imports.values.tolist() == [
        ["impg", "", "2566282", "18272A", 12302, 12302, 50],
        ["impgsez", "01AABCE2207R1Z5", "2566282", "18272A", 12302, 12302, 50],
    ]
    assert str(read.imports["boe_date"].iloc[0].date()) == "2019-11-18"
    (doc,) = read.isd.itertuples()
    assert (doc.bill_no, doc.invoice, doc.cgst, doc.sgst, doc.itc_available) == (
        "S0080",
        "P0079",
        20000,
        20000,
        True,
    )
    assert read.unread == () and read.records.empty


def sheet_from(path: Path, name: str, first: str) -> list[dict[str, Any]]:
    rows = list(openpyxl.load_workbook(path, data_only=True)[name].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == first)
    return [dict(zip(rows[top], r, strict=True)) for r in rows[top + 1 :] if any(r)]


def test_a_tally_register_carries_its_imports_too(tmp_path: Path) -> None:
    """Tally's Purchase Register with its Bill of Entry No., Bill of Entry Date and Port
    columns: the import row goes to the imports, not among the bills."""
    from tests.conftest import write_xlsx
    from xlbo.gstrecon.register import read_register

    header = ["Date", "Particulars", "Supplier Invoice No.", "Supplier Invoice Date",
              "GSTIN/UIN", "Taxable Value", "Integrated Tax", "Central Tax", "State Tax",
              "Bill of Entry No.", "Bill of Entry Date", "Port"]  # fmt: skip
    rows = [
        ["05-10-2026", "Shree Ganesh Traders", "INV-042", "05-10-2026", GANESH, 10000, None,
         900, 900, None, None, None],
        ["18-10-2026", "Shenzhen Parts Co", "SZ-881", "02-10-2026", None, 100000, 18000, None,
         None, "2566282", "18-10-2026", "innsa1"],
    ]  # fmt: skip
    register = read_register(write_xlsx(tmp_path / "r.xlsx", {"Register": [header, *rows]}))
    assert register.bills["bill_no"].tolist() == ["INV-042"]
    (entry,) = register.imports.itertuples()
    assert (entry.boe_no, entry.port, entry.igst, str(entry.boe_date.date())) == (
        "2566282",
        "INNSA1",
        1800000,
        "2026-10-18",
    )
