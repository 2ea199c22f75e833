"""`xlbo invoices`: literal Invoices sheets in, documents, register and journal out.

Run in-process through the command line (`xlbo.cli.main`), without PDFs except where the PDF is
what is checked."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import soffice
from tests.documents.books import CUSTOMERS, book, line
from xlbo.cli import main
from xlbo.documents.einvoice import schema_errors
from xlbo.documents.gstr1 import schema_errors as gstr1_errors
from xlbo.master.template import write_master


def rows_of(path: Path, sheet: str) -> list[dict[str, Any]]:
    """A sheet of an output as dicts by header (money as Decimal to the paisa)."""
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    values = list(ws.iter_rows(values_only=True))
    header = values[0]
    return [
        {
            str(h): Decimal(str(v)).quantize(Decimal("0.01")) if isinstance(v, float) else v
            for h, v in zip(header, row, strict=False)
            if h is not None
        }
        for row in values[1:]
        if any(v is not None for v in row)
    ]


def issue(folder: Path, *args: str) -> int:
    return main(["invoices", *map(str, args), "--out", str(folder / "out"), "--no-pdf"])


def register(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        r["Document No"]: r
        for r in rows_of(folder / "out" / "invoice-register.xlsx", "Invoice Register")
    }


def test_intra_state_cgst_sgst_and_inter_state_igst(tmp_path: Path) -> None:
    source = book(tmp_path, [line("SAH"), line("KAV", place="Karnataka")])
    assert issue(tmp_path, source) == 0
    documents = register(tmp_path)
    pune, bengaluru = documents["INV/26-27/0001"], documents["INV/26-27/0002"]
    assert pune["Customer Code"] == "SAH" and pune["Place of Supply"] == "Maharashtra"
    assert (pune["Taxable 18%"], pune["CGST"], pune["SGST"], pune["IGST"]) == (
        Decimal("25000.00"), Decimal("2250.00"), Decimal("2250.00"), Decimal("0.00"),
    )  # fmt: skip
    assert bengaluru["State Code"] == "29"
    assert (bengaluru["CGST"], bengaluru["SGST"], bengaluru["IGST"], bengaluru["Total"]) == (
        Decimal("0.00"), Decimal("0.00"), Decimal("4500.00"), Decimal("29500.00"),
    )  # fmt: skip
    files = sorted(p.name for p in (tmp_path / "out" / "documents").iterdir())
    assert files == [
        "INV-26-27-0001.json",  # B2B documents: the e-invoice beside the workbook
        "INV-26-27-0001.xlsx",
        "INV-26-27-0002.json",
        "INV-26-27-0002.xlsx",
    ]
    sheets = openpyxl.load_workbook(tmp_path / "out" / "documents" / files[1]).sheetnames
    assert sheets == ["Original", "Duplicate", "Triplicate"]  # goods: Rule 48 triplicate


def test_a_union_territory_without_legislature_charges_utgst(tmp_path: Path) -> None:
    company = [
        ["Name", "Address", "State", "GSTIN"],
        ["Sukhna Traders LLP", "Sector 22, Chandigarh 160022", "Chandigarh", "04AAPFU0939F1Z3"],
    ]
    source = book(tmp_path, [line("CHD", hsn="998719", quantity=None, unit=None)], company=company)
    assert issue(tmp_path, source) == 0
    document = register(tmp_path)["INV/26-27/0001"]
    assert (document["CGST"], document["SGST"], document["UTGST"], document["IGST"]) == (
        Decimal("1125.00"), Decimal("0.00"), Decimal("1125.00"), Decimal("0.00"),
    )  # fmt: skip
    accounts = [
        r["Account"] for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
    ]
    assert accounts == ["Trade Receivables", "Sales - Services", "Output CGST", "Output UTGST"]
    path = tmp_path / "out" / "documents" / "INV-26-27-0001.xlsx"
    assert openpyxl.load_workbook(path).sheetnames == ["Original", "Duplicate"]  # a service


def test_numbers_restart_with_the_financial_year(tmp_path: Path) -> None:
    source = book(
        tmp_path,
        [
            line("SAH", "31-03-2027"),
            line("KAV", "01-04-2027"),
            line("KAV", "31-03-2027", series="EXP"),
            line("SAH", "30-03-2027"),
        ],
    )
    assert issue(tmp_path, source) == 0
    documents = register(tmp_path)
    by_date = {
        (r["Customer Code"], r["Series"], r["Date"].date().isoformat()): n
        for n, r in documents.items()
    }
    assert by_date == {
        ("SAH", "INV", "2027-03-30"): "INV/26-27/0001",
        ("SAH", "INV", "2027-03-31"): "INV/26-27/0002",
        ("KAV", "EXP", "2027-03-31"): "EXP/26-27/0001",
        ("KAV", "INV", "2027-04-01"): "INV/27-28/0001",
    }


def test_a_rerun_never_gives_a_number_twice(tmp_path: Path) -> None:
    first = book(tmp_path, [line("SAH"), line("KAV")])
    assert issue(tmp_path, first) == 0
    assert set(register(tmp_path)) == {"INV/26-27/0001", "INV/26-27/0002"}
    # the second run's sheet keeps the first document, drops the second, adds a third
    second = book(tmp_path, [line("SAH"), line("CHD", "16-10-2026")], name="book2.xlsx")
    assert issue(tmp_path, second) == 0
    documents = register(tmp_path)
    assert set(documents) == {"INV/26-27/0001", "INV/26-27/0002", "INV/26-27/0003"}
    assert documents["INV/26-27/0003"]["Customer Code"] == "CHD"
    assert (tmp_path / "out" / "invoice-register (previous).xlsx").exists()
    journal = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
    assert sorted({r["Voucher No"] for r in journal}) == sorted(documents)
    # an issued document whose rows were changed is not issued again: a note corrects it
    changed = book(tmp_path, [line("SAH", rate=13000)], name="book3.xlsx")
    assert issue(tmp_path, changed) == 1
    problems = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert "issued already as INV/26-27/0001" in problems[0]["Problem"]
    assert "Credit Note" in problems[0]["Hint"]
    assert len(register(tmp_path)) == 3


@pytest.mark.parametrize(
    ("rate", "total", "round_off"),
    [
        ("10", "11.00", "0.50"),  # 10.00 + 0.25 + 0.25 = 10.50: fifty paise go up (s.170)
        ("10.98", "12.00", "0.48"),  # 10.98 + 0.27 + 0.27 = 11.52 → 12
        ("99.49", "104.00", "-0.47"),  # 99.49 + 2.49 + 2.49 = 104.47 → 104
    ],
)
def test_the_total_is_rounded_to_the_rupee_half_up(
    tmp_path: Path, rate: str, total: str, round_off: str
) -> None:
    source = book(tmp_path, [line("SAH", quantity=1, rate=rate, gst="5%")])
    assert issue(tmp_path, source) == 0
    document = register(tmp_path)["INV/26-27/0001"]
    assert (document["Total"], document["Round Off"]) == (Decimal(total), Decimal(round_off))
    journal = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
    debits = sum((r["Debit"] or Decimal(0)) for r in journal)
    credits = sum((r["Credit"] or Decimal(0)) for r in journal)
    assert debits == credits
    debtor = next(r for r in journal if r["Account"] == "Trade Receivables")
    rounding = next(r for r in journal if r["Account"] == "Round Off")
    assert debtor["Debit"] == Decimal(total)
    assert (rounding["Credit"] or -rounding["Debit"]) == Decimal(round_off)


def test_a_missing_field_holds_back_its_document_only(tmp_path: Path) -> None:
    customers = [*CUSTOMERS, ["BAD", "Typo Traders", "27AAGCS4321P1ZA", "Maharashtra", "Pune"]]
    source = book(
        tmp_path,
        [
            line("SAH", hsn=None),  # row 2: HSN missing on a B2B invoice
            line("BAD"),  # row 3: the customer's GSTIN check character is wrong
            line("KAV"),  # row 4: good
            line("SAH", "16-10-2026", gst="7%"),  # row 5: no GST rate of 7%
        ],
        customers=customers,
    )
    assert issue(tmp_path, source) == 1
    assert list(register(tmp_path)) == ["INV/26-27/0001"]
    assert register(tmp_path)["INV/26-27/0001"]["Customer Code"] == "KAV"
    problems = {
        (r["Sheet"], r["Cell"]): r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    }
    assert "HSN/SAC is blank" in problems[("Invoices", "F2")]
    assert "GSTIN is wrong" in problems[("Customers", "C6")]
    assert "GST Rate 7% is not a GST rate" in problems[("Invoices", "L5")]
    assert len(problems) == 3


def test_hsn_needs_six_digits_above_five_crore(tmp_path: Path) -> None:
    company = [
        ["Name", "Address", "State", "GSTIN", "PIN", "Turnover Previous FY"],
        ["Big Co Ltd", "Pune", "Maharashtra", "27AAPFU0939F1ZV", "411026", 60000000],
    ]
    source = book(tmp_path, [line("SAH"), line("KAV", hsn="940320")], company=company)
    assert issue(tmp_path, source) == 1
    assert [r["Customer Code"] for r in register(tmp_path).values()] == ["KAV"]
    (problem,) = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert (problem["Cell"], problem["Value"]) == ("F2", "9403")
    assert "must show 6" in problem["Problem"]


def test_a_credit_note_needs_an_invoice_xlbo_issued(tmp_path: Path) -> None:
    assert issue(tmp_path, book(tmp_path, [line("KAV")])) == 0
    notes = book(
        tmp_path,
        [
            line(
                "KAV",
                "20-10-2026",
                kind="Credit Note",
                series="CN",
                quantity=1,
                original="INV/26-27/0099",
            ),
            line(
                "KAV",
                "21-10-2026",
                kind="Credit Note",
                series="CN",
                quantity=1,
                original="INV/26-27/0001",
            ),
        ],
        name="notes.xlsx",
    )
    assert issue(tmp_path, notes) == 1
    documents = register(tmp_path)
    assert set(documents) == {"INV/26-27/0001", "CN/26-27/0001"}
    assert documents["CN/26-27/0001"]["Original Invoice"] == "INV/26-27/0001"
    (problem,) = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert problem["Cell"] == "P2"
    assert "INV/26-27/0099 is not an invoice xlbo issued" in problem["Problem"]
    note = [
        (r["Account"], r["Debit"], r["Credit"])
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
        if r["Voucher No"] == "CN/26-27/0001"
    ]
    assert note == [
        ("Trade Receivables", None, Decimal("14750.00")),
        ("Sales - Goods", Decimal("12500.00"), None),
        ("Output IGST", Decimal("2250.00"), None),
    ]


def test_the_trial_balance_after_the_run_holds_the_sales(tmp_path: Path) -> None:
    source = book(
        tmp_path,
        [
            line("SAH", quantity=1, rate="999.50"),
            line("SAH", description="Installation", hsn="998719", quantity=None, unit=None,
                 rate=1500),
            line("KAV"),
            line("CHD", gst="5%", cess="1%"),
        ],
    )  # fmt: skip
    assert issue(tmp_path, source) == 0
    documents = register(tmp_path)
    journal = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
    for number in documents:  # every voucher balances
        lines = [r for r in journal if r["Voucher No"] == number]
        assert sum(r["Debit"] or 0 for r in lines) == sum(r["Credit"] or 0 for r in lines)
    chart = write_master(tmp_path / "master.xlsx")  # `xlbo init`: the shipped chart of accounts
    report = tmp_path / "tb.xlsx"
    code = main(
        ["report", "trial-balance", str(tmp_path / "out" / "invoice-register.xlsx"),
         "--master", str(chart), "--period", "2026-10", "--out", str(report)]
    )  # fmt: skip
    assert code == 0
    balances = {
        r["Account"]: (
            r.get("Debit") or r.get("Closing Debit"),
            r.get("Credit") or r.get("Closing Credit"),
        )
        for r in trial_balance_rows(report)
    }
    taxable = sum(d["Taxable Value"] for d in documents.values())
    total = sum(d["Total"] for d in documents.values())
    assert balances["Trade Receivables"][0] == total
    assert balances["Sales - Goods"][1] + balances["Sales - Services"][1] == taxable
    assert balances["Sales - Services"][1] == Decimal("1500.00")
    assert balances["Output IGST"][1] == Decimal("4500.00") + Decimal("1250.00")
    assert balances["Output Cess"][1] == Decimal("250.00")


def trial_balance_rows(report: Path) -> list[dict[str, Any]]:
    """The trial balance's account rows (below its title lines)."""
    ws = openpyxl.load_workbook(report, data_only=True)["Trial Balance"]
    values = list(ws.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(values) if row and row[0] == "Account")
    header = values[start]
    return [
        {
            str(h): Decimal(str(v)).quantize(Decimal("0.01")) if isinstance(v, float) else v
            for h, v in zip(header, row, strict=False)
            if h is not None
        }
        for row in values[start + 1 :]
        if row and row[0]
    ]


def test_sheet_junk_becomes_issues_at_their_cells(tmp_path: Path) -> None:
    source = book(
        tmp_path,
        [
            line("SAH", rate="twelve thousand"),  # row 2
            line(None),  # row 3: blank customer code
            line("SAH", "31-02-2026"),  # row 4: no such day
            line("SAH", gst=7),  # row 5: a GST rate of 7 (read as 7%? or 700%?)
            line("SAH", kind="Proforma"),  # row 6: not a document type
            line("SAH", quantity="-2"),  # row 7
            line("SAH", series="0INV"),  # row 8: a number may not start with 0
            line("KAV"),  # row 9: good
        ],
    )
    assert issue(tmp_path, source) == 1
    assert list(register(tmp_path)) == ["INV/26-27/0001"]
    cells = {r["Cell"] for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")}
    assert {"J2", "D3", "C4", "L5", "A6", "H7", "B8"} <= cells


def test_an_item_code_fills_the_line_from_the_items_sheet(tmp_path: Path) -> None:
    source = book(
        tmp_path,
        [line("SAH", description="alm", hsn=None, unit=None, rate=None, gst=None, quantity=2)],
        items=True,
    )
    assert issue(tmp_path, source) == 0
    document = register(tmp_path)["INV/26-27/0001"]
    assert (document["Taxable 18%"], document["Total"]) == (
        Decimal("25000.00"),
        Decimal("29500.00"),
    )


def test_the_pdf_carries_the_mandatory_fields(tmp_path: Path) -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
        pytest.skip("LibreOffice is not installed")
    from pypdf import PdfReader

    source = book(tmp_path, [line("KAV", place="Karnataka", shipping="Plot 7, Peenya, Bengaluru")])
    assert main(["invoices", str(source), "--out", str(tmp_path / "out")]) == 0
    pdf = PdfReader(tmp_path / "out" / "documents" / "INV-26-27-0001.pdf")
    assert len(pdf.pages) == 3  # goods: original, duplicate, triplicate (Rule 48)
    text = " ".join((pdf.pages[0].extract_text() or "").split())
    for field in (
        "TAX INVOICE",
        "ORIGINAL FOR RECIPIENT",
        "Sahyadri Tradelinks Private Limited",  # supplier
        "27AAPFU0939F1ZV",  # its GSTIN
        "INV/26-27/0001",
        "15-10-2026",
        "Kaveri Foods Pvt Ltd",  # recipient, its GSTIN, State and code
        "29AABCK1234L1ZI",
        "Karnataka (29)",  # place of supply
        "Plot 7, Peenya, Bengaluru",  # delivery address
        "9403",  # HSN
        "NOS",
        "IGST",
        "Reverse Charge: No",
        "Rupees Twenty-Nine Thousand Five Hundred Only",
        "Authorised Signatory",
    ):
        assert field in text, field
    copies = [" ".join((p.extract_text() or "").split()) for p in pdf.pages[1:]]
    assert "DUPLICATE FOR TRANSPORTER" in copies[0]
    assert "TRIPLICATE FOR SUPPLIER" in copies[1]


def test_no_document_is_issued_without_the_suppliers_gstin(tmp_path: Path) -> None:
    company = [
        ["Name", "Address", "State", "GSTIN"],
        ["Sahyadri Tradelinks", "Pune", "Maharashtra", None],
    ]
    assert issue(tmp_path, book(tmp_path, [line("SAH"), line("KAV")], company=company)) == 1
    assert register(tmp_path) == {}
    (problem,) = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert (problem["Sheet"], problem["Cell"]) == ("Company", "D2")
    assert "GSTIN is blank" in problem["Problem"]


def test_each_b2b_document_gets_an_e_invoice_that_holds_to_the_schema(tmp_path: Path) -> None:
    company = [
        ["Name", "Address", "State", "GSTIN", "PIN"],
        ["Sahyadri Tradelinks Private Limited", "Plot 12, MIDC Bhosari, Pune", "Maharashtra",
         "27AAPFU0939F1ZV", "411026"],
    ]  # fmt: skip
    source = book(
        tmp_path,
        [
            line("KAV", place="Karnataka"),
            line("KAV", place="Karnataka", description="Fitting", hsn="998719", quantity=None,
                 unit=None, rate="1234.56", discount=34.56),
            line("SAH", cess="1%"),
            line("CHD"),  # its address has no PIN: issued, but no e-invoice
            line("WALK", hsn=None),  # unregistered: no e-invoice
        ],
        company=company,
        customers=[
            *CUSTOMERS[:2],
            ["CHD", "Chandigarh Cycles Ltd", "04AAACC5678M1ZD", "Chandigarh", "Sector 17"],
            *CUSTOMERS[3:],
        ],
    )  # fmt: skip
    assert issue(tmp_path, source) == 0
    documents = register(tmp_path)
    folder = tmp_path / "out" / "documents"
    made = sorted(p.name for p in folder.glob("*.json"))
    assert made == ["INV-26-27-0001.json", "INV-26-27-0002.json"]
    for name in made:
        (payload,) = json.loads((folder / name).read_text())
        assert schema_errors([payload]) == []
        row = documents[payload["DocDtls"]["No"]]
        values = payload["ValDtls"]
        for key, header in (("AssVal", "Taxable Value"), ("CgstVal", "CGST"),
                            ("SgstVal", "SGST"), ("IgstVal", "IGST"), ("CesVal", "Cess"),
                            ("RndOffAmt", "Round Off"), ("TotInvVal", "Total")):  # fmt: skip
            assert Decimal(str(values[key])) == row[header], (name, key)
        items = payload["ItemList"]
        assert sum(Decimal(str(i["AssAmt"])) for i in items) == row["Taxable Value"]
    (first,) = json.loads((folder / made[0]).read_text())
    assert first["BuyerDtls"] == {
        "Gstin": "29AABCK1234L1ZI", "LglNm": "Kaveri Foods Pvt Ltd",
        "Addr1": "12 MG Road, Bengaluru 560001", "Loc": "Bengaluru", "Pin": 560001,
        "Stcd": "29", "Pos": "29",
    }  # fmt: skip
    assert first["ItemList"][1]["IsServc"] == "Y"
    assert (first["DocDtls"]["Typ"], first["DocDtls"]["Dt"]) == ("INV", "15/10/2026")
    notes = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert [(n["Severity"], n["Sheet"]) for n in notes] == [("Warning", "Customers")]
    assert "no six-digit PIN" in notes[0]["Problem"]


def test_the_schema_catches_a_broken_e_invoice() -> None:
    broken = {"Version": "1.1", "DocDtls": {"Typ": "INV", "No": "0INV/1", "Dt": "2026-10-15"}}
    errors = schema_errors([broken])
    assert any("DocDtls/No" in e for e in errors)
    assert any("DocDtls/Dt" in e for e in errors)
    assert any("'SellerDtls' is a required property" in e for e in errors)


def test_a_number_in_the_journal_is_not_given_again_when_its_register_row_is_gone(
    tmp_path: Path,
) -> None:
    assert issue(tmp_path, book(tmp_path, [line("SAH"), line("KAV")])) == 0
    path = tmp_path / "out" / "invoice-register.xlsx"
    edited = openpyxl.load_workbook(path)
    edited["Invoice Register"].delete_rows(3)  # INV/26-27/0002's row
    edited.save(path)
    assert issue(tmp_path, book(tmp_path, [line("CHD")], name="later.xlsx")) == 0
    assert set(register(tmp_path)) == {"INV/26-27/0001", "INV/26-27/0003"}


def test_a_document_past_what_xlbo_writes_in_words_is_not_issued(tmp_path: Path) -> None:
    source = book(tmp_path, [line("SAH", quantity=1_000_000, rate=1_000_000_000), line("KAV")])
    assert issue(tmp_path, source) == 1
    assert [r["Customer Code"] for r in register(tmp_path).values()] == ["KAV"]
    (problem,) = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    assert problem["Cell"] == "J2"
    assert "more than xlbo issues on one document" in problem["Problem"]


def test_the_months_gstr1_adds_up_to_the_register(tmp_path: Path) -> None:
    first = book(
        tmp_path,
        [
            line("SAH"),  # B2B, intra-State
            line("KAV", cess="1%"),  # B2B, inter-State
            line("WALK", hsn=None, quantity=1, rate=999),  # B2C small, intra: b2cs
            line("SHOP", place="Karnataka", quantity=10),  # B2C inter-State above 1 lakh: b2cl
            line("WALK", "16-10-2026", kind="Bill of Supply", series="BOS", hsn="0713",
                 gst=None, quantity=5, rate=80),  # exempt: nil
        ],
        customers=[*CUSTOMERS, ["SHOP", "Hubli Stores", None, "Karnataka", "Hubli 580020"]],
    )  # fmt: skip
    assert issue(tmp_path, first) == 0
    note = book(
        tmp_path,
        [line("KAV", "20-10-2026", kind="Credit Note", series="CN", quantity=1,
              original="INV/26-27/0002")],
        name="note.xlsx",
    )  # fmt: skip
    assert issue(tmp_path, note) == 0
    documents = register(tmp_path)
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert gstr1_errors(report) == []
    assert (report["gstin"], report["fp"]) == ("27AAPFU0939F1ZV", "102026")

    def taxable(items: list[dict[str, Any]]) -> Decimal:
        return sum((Decimal(str(i["itm_det"]["txval"])) for i in items), Decimal(0))

    b2b = {inv["inum"]: inv for party in report["b2b"] for inv in party["inv"]}
    assert set(b2b) == {"INV/26-27/0001", "INV/26-27/0002"}
    for number, invoice in b2b.items():
        assert taxable(invoice["itms"]) == documents[number]["Taxable Value"]
        assert Decimal(str(invoice["val"])) == documents[number]["Total"]
    assert b2b["INV/26-27/0002"]["pos"] == "29"
    assert b2b["INV/26-27/0002"]["itms"][0]["itm_det"]["csamt"] == 250.0
    (large,) = report["b2cl"]
    assert (large["pos"], large["inv"][0]["val"]) == ("29", 147500.0)
    (small,) = report["b2cs"]
    assert (small["sply_ty"], small["pos"], small["rt"], small["txval"]) == (
        "INTRA",
        "27",
        18,
        999.0,
    )
    assert report["nil"]["inv"] == [
        {"sply_ty": "INTRAB2C", "nil_amt": 0.0, "expt_amt": 400.0, "ngsup_amt": 0.0}
    ]
    (party,) = report["cdnr"]
    (credit,) = party["nt"]
    assert (party["ctin"], credit["ntty"], credit["nt_num"]) == (
        "29AABCK1234L1ZI",
        "C",
        "CN/26-27/0001",
    )
    hsn = [*report["hsn"]["hsn_b2b"], *report["hsn"]["hsn_b2c"]]
    taxed = sum(
        (d["Taxable Value"] * (-1 if d["Document Type"] == "Credit Note" else 1)
         for d in documents.values() if d["Document Type"] != "Bill of Supply"),
        Decimal(0),
    )  # fmt: skip
    assert sum((Decimal(str(h["txval"])) for h in hsn), Decimal(0)) == taxed
    kinds = {d["doc_num"]: d["docs"] for d in report["doc_issue"]["doc_det"]}
    assert kinds[1] == [
        {"num": 1, "from": "INV/26-27/0001", "to": "INV/26-27/0004", "totnum": 4, "cancel": 0,
         "net_issue": 4}
    ]  # fmt: skip
    assert kinds[5][0]["totnum"] == 1
    assert (tmp_path / "out" / "gstr1-2026-10 (previous).json").exists()


def test_a_shipping_address_typed_once_holds_for_the_documents_other_rows(tmp_path: Path) -> None:
    """An accountant types the delivery address on the first row of a document; the rows under
    it that leave it blank share it. Two different addresses on one document are an Issue."""
    plot = "Plot 7, Peenya, Bengaluru"
    source = book(
        tmp_path,
        [
            line("KAV", place="Karnataka", shipping=plot),
            line("KAV", place="Karnataka", description="Installation service", hsn="998719"),
            line("SAH", "16-10-2026", shipping="Godown 1, Bhosari"),
            line("SAH", "16-10-2026", shipping="Godown 2, Chakan"),  # row 5: another address
        ],
    )
    assert issue(tmp_path, source) == 1
    issued = register(tmp_path)
    assert list(issued) == ["INV/26-27/0001"]
    assert issued["INV/26-27/0001"]["Customer Code"] == "KAV"
    problems = {
        r["Cell"]: r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Sheet"] == "Invoices"
    }
    assert problems == {"O5": "Shipping Address differs from row 4 of the same document"}


def test_pdfs_libreoffice_made_are_kept_when_it_fails_on_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A LibreOffice that dies on one document (here a stand-in that never converts
    INV-26-27-0002, even when asked again) costs that document's PDF only: the others are
    kept, and the warning names the one left with its workbook."""
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(
        "#!/usr/bin/env python3\n"
        "import sys, pathlib\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        "for name in args[args.index('--outdir') + 2:]:\n"
        "    stem = pathlib.Path(name).stem\n"
        "    if stem.endswith('0002'):\n"
        "        sys.exit(1)  # dies here: the rest of its share is not converted\n"
        "    (out / (stem + '.pdf')).write_bytes(b'%PDF-1.4 stand-in')\n"
    )
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    days = ("01-11-2026", "02-11-2026", "03-11-2026", "04-11-2026")
    source = book(tmp_path, [line("SAH", day) for day in days])
    code = main(["invoices", str(source), "--out", str(tmp_path / "out")])
    said = capsys.readouterr()
    assert code == 1  # a warning
    documents = tmp_path / "out" / "documents"
    assert sorted(p.name for p in documents.glob("*.pdf")) == [
        "INV-26-27-0001.pdf",
        "INV-26-27-0003.pdf",
        "INV-26-27-0004.pdf",
    ]
    assert (documents / "INV-26-27-0002.xlsx").exists()
    assert "made no PDF of 1 of the 4 documents (INV-26-27-0002.xlsx)" in said.err + said.out


def test_documents_written_side_by_side_are_those_written_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many documents' workbooks are written by a process a core; each is the workbook the job
    writes on its own (every copy's cells)."""
    import xlbo.jobs.invoice_files as files

    days = [f"{day:02d}-11-2026" for day in range(1, 6)]
    source = book(tmp_path, [line(code, day) for day in days for code in ("SAH", "KAV")])

    def cells(out: Path) -> dict[str, list[list[Any]]]:
        found = {}
        for path in sorted((out / "documents").glob("*.xlsx")):
            workbook = openpyxl.load_workbook(path)
            found[path.name] = [
                [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
            ]
        return found

    monkeypatch.setattr(files, "IN_PARALLEL_FROM", 2)
    assert main(["invoices", str(source), "--out", str(tmp_path / "side"), "--no-pdf"]) == 0
    monkeypatch.setattr(files, "IN_PARALLEL_FROM", 10**9)
    assert main(["invoices", str(source), "--out", str(tmp_path / "one"), "--no-pdf"]) == 0
    side, one = cells(tmp_path / "side"), cells(tmp_path / "one")
    assert len(side) == 10 and side == one
