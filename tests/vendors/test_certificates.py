"""Lower-deduction certificates (s.197; s.395(1) of the 2025 Act): the rate within the limit,
the limit used up across bills in date order, the usual rate past it or outside the validity,
a nil certificate; and the payment run reading the TDS Certificates sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.vendors.books import books
from tests.vendors.records import bill, vendor
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.vendors.certificates import TDSCertificate
from xlbo.vendors.rules import tds_rules
from xlbo.vendors.tds import BillTDS, tds_on_bills

RULES = tds_rules()
PROFESSIONAL = vendor("V02", tds_section="194J(b)")  # a company: 10%
HEADERS = ["Vendor Code", "Section", "Certificate No", "Rate", "Valid From", "Valid To",
           "Amount Limit"]  # fmt: skip


def certificate(**fields: object) -> TDSCertificate:
    row: dict[str, object] = {
        "Vendor Code": "V02",
        "Section": "194J(b)",
        "Certificate No": "LDC2627AB01",
        "Rate": "2%",
        "Valid From": "01-04-2026",
        "Valid To": "31-03-2027",
        "Amount Limit": 500000,
    }
    return TDSCertificate.model_validate(row | fields)


def taxes(bills: list, *certificates: TDSCertificate) -> list[BillTDS]:
    return tds_on_bills(bills, {"v02": PROFESSIONAL}, RULES, None, certificates)


def rupees(found: list[BillTDS]) -> list[int]:
    return [t.amount // 100 for t in found]


def test_the_rate_within_the_limit_and_the_usual_rate_past_it() -> None:
    days = [date(2026, 5, 4), date(2026, 6, 1), date(2026, 7, 1)]
    found = taxes([bill(300000, d, code="V02") for d in days], certificate())
    # 2% of 3,00,000; 2% of the 2,00,000 left and 10% of 1,00,000; 10% of 3,00,000
    assert rupees(found) == [6000, 14000, 30000]
    assert "certificate LDC2627AB01 (s.395(1)): 2% of ₹3,00,000.00" in found[0].why
    assert "(₹2,00,000.00 of its limit left)" in found[0].why
    assert "10% (Company PAN) of ₹1,00,000.00 beyond its limit" in found[1].why
    assert [t.certificate for t in found] == ["LDC2627AB01", "LDC2627AB01", ""]


def test_bills_use_the_limit_in_date_order_not_sheet_order() -> None:
    later, earlier = (
        bill(400000, date(2026, 9, 1), code="V02"),
        bill(200000, date(2026, 5, 1), code="V02"),
    )
    found = taxes([later, earlier], certificate())
    assert rupees(found) == [6000 + 10000, 4000]  # May used 2,00,000 first: 3,00,000 left


def test_outside_its_validity_or_for_another_section_the_usual_rate() -> None:
    march = bill(100000, date(2026, 3, 20), code="V02")  # before Valid From
    assert rupees(taxes([march], certificate())) == [10000]
    assert rupees(
        taxes([bill(100000, date(2026, 5, 1), code="V02")], certificate(Section="194C"))
    ) == [10000]


def test_a_nil_certificate_without_a_limit_and_one_under_the_1961_act() -> None:
    nil = certificate(Rate=0, **{"Amount Limit": None, "Certificate No": "NIL01"})
    found = taxes([bill(900000, date(2026, 5, 1), code="V02")], nil)
    assert (
        rupees(found) == [0] and "certificate NIL01 (s.395(1)): 0% of ₹9,00,000.00" in found[0].why
    )
    old = certificate(**{"Valid From": "01-04-2025", "Valid To": "31-03-2026", "Rate": "1%"})
    found = taxes([bill(100000, date(2025, 10, 1), code="V02")], old)
    assert rupees(found) == [1000] and "(s.197)" in found[0].why


def test_below_the_threshold_no_tds_and_no_limit_used() -> None:
    small, big = (
        bill(40000, date(2026, 5, 1), code="V02"),
        bill(60000, date(2026, 6, 1), code="V02"),
    )
    found = taxes([small, big], certificate(**{"Amount Limit": 60000}))
    # 40,000 is below 50,000: no TDS; then the year's 1,00,000 is taxed: 2% of the 60,000 limit,
    # 10% of the other 40,000
    assert rupees(found) == [0, 1200 + 4000]


def test_the_payment_run_reads_the_tds_certificates_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The landlord's certificate (2% instead of 10% on rent, limit 1,00,000) applies to its
    bill; the consultant's is not applied without a PAN on Vendors (s.206AA overrides it)."""
    sheet = [
        HEADERS,
        ["V02", "194I(b)", "LDC/SP/1", "2%", "01-04-2026", "31-03-2027", 100000],
        ["V03", "194J(b)", "LDC/KC/1", "1%", "01-04-2026", "31-03-2027", 100000],
    ]
    books(tmp_path, extra={"TDS Certificates": sheet})
    code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026",
                 "--out", str(tmp_path / "run.xlsx")])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0 and "TDS ₹19,000.00" in said, said  # 23,800 less 4,800 on the rent
    table = FileBook(tmp_path / "run.xlsx").read_table("Payment Run", ("Pay", "Bill No"))
    rows = {r["Bill No"]: r for r in table.frame.to_dict("records")}
    assert rows["R-11"]["TDS"] == 1200
    assert "certificate LDC/SP/1 (s.395(1)): 2% of ₹60,000.00" in rows["R-11"]["TDS Because"]
    assert rows["KC/7"]["TDS"] == 16000
    assert "certificate LDC/KC/1 not applied: no valid PAN" in rows["KC/7"]["TDS Because"]
