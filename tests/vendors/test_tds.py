"""TDS by section from the shipped TDS Rules: each section's threshold crossed within a year,
the count starting afresh in a new year, the 1961/2025 Act boundary on 1 April 2026, no PAN."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.vendors.records import bill, vendor
from xlbo.master.records import PurchaseBill, Vendor
from xlbo.money import to_paise
from xlbo.vendors.rules import tds_rules
from xlbo.vendors.tds import BillTDS, tds_on_bills

RULES = tds_rules()


def taxes(
    bills: list[PurchaseBill], supplier: Vendor, turnover: Decimal | None = None
) -> list[BillTDS]:
    return tds_on_bills(bills, {supplier.vendor_code.casefold(): supplier}, RULES, turnover)


def rupees(results: list[BillTDS]) -> list[int]:
    return [r.amount // 100 for r in results]


def test_194c_single_then_aggregate_with_earlier_bills() -> None:
    contractor = vendor(tds_section="194C")  # a company: 2%
    days = [date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1)]
    found = taxes(
        [bill(n, d) for n, d in zip([25000, 25000, 40000, 20000], days, strict=True)], contractor
    )
    assert rupees(found) == [0, 0, 800, 1400]  # 2% of 40,000; then 2% of 20,000 + 50,000
    assert "below ₹30,000.00 single" in found[0].why
    assert "with ₹50,000.00 of earlier bills" in found[3].why
    assert found[3].base == to_paise(Decimal(70000))


def test_194c_individual_rate_and_a_new_year_starts_the_count_afresh() -> None:
    person = vendor(tds_section="194C", pan="ABCPK1234L")  # 4th letter P: 1%
    found = taxes(
        [bill(60000, date(2026, 1, 10)), bill(50000, date(2026, 3, 10)), bill(20000, date(2026, 4, 2))],
        person,
    )  # fmt: skip
    assert rupees(found) == [600, 500, 0]  # the 2026-27 bill is below both thresholds again


def test_194j_aggregate_of_50000_in_fy_2025_26() -> None:
    professional = vendor(tds_section="194J(b)")
    found = taxes([bill(30000, date(2025, 6, 1)), bill(25000, date(2025, 9, 1))], professional)
    assert rupees(found) == [0, 5500]  # 10% of 55,000 once the year passes 50,000


def test_194j_threshold_was_30000_in_fy_2024_25() -> None:
    found = taxes([bill(35000, date(2025, 2, 1))], vendor(tds_section="194J(b)"))
    assert rupees(found) == [3500]


def test_194i_rent_counts_by_month() -> None:
    landlord = vendor(tds_section="194I(b)")
    found = taxes(
        [bill(45000, date(2026, 10, 1)), bill(60000, date(2026, 11, 1)),
         bill(30000, date(2026, 12, 1)), bill(30000, date(2026, 12, 15))],
        landlord,
    )  # fmt: skip
    assert rupees(found) == [0, 6000, 0, 6000]


def test_194h_commission_above_20000() -> None:
    agent = vendor(tds_section="194H")
    found = taxes([bill(15000, date(2026, 5, 1)), bill(10000, date(2026, 6, 1))], agent)
    assert rupees(found) == [0, 500]  # 2% of 25,000


def test_194q_only_above_50_lakh_and_only_for_a_large_buyer() -> None:
    seller = vendor(tds_section="194Q")
    bills = [bill(4000000, date(2026, 5, 1)), bill(3000000, date(2026, 6, 1))]
    assert rupees(taxes(bills, seller, turnover=Decimal(200000000))) == [0, 2000]
    small_buyer = taxes(bills, seller, turnover=Decimal(50000000))
    assert rupees(small_buyer) == [0, 0]
    assert "turnover" in small_buyer[1].why


def test_the_act_changes_on_1_april_2026() -> None:
    contractor = vendor(tds_section="194C")
    march, april = taxes(
        [bill(40000, date(2026, 3, 31)), bill(40000, date(2026, 4, 1))], contractor
    )
    assert march.rule is not None and march.rule.act == 1961 and march.rule.provision == "s.194C"
    assert april.rule is not None and april.rule.act == 2025
    assert april.provision == "2025 Act s.393(1) Table Sl.6(i)"
    assert march.provision == "1961 Act s.194C"
    assert march.amount == april.amount == 80000  # rates unchanged: 2% of 40,000


def test_no_pan_is_20_percent_and_5_percent_for_194q() -> None:
    nameless = vendor(tds_section="194C", pan=None)
    (found,) = taxes([bill(40000, date(2026, 5, 1))], nameless)
    assert found.amount == to_paise(Decimal(8000)) and "no valid PAN" in found.why
    bad_pan = vendor(tds_section="194C", pan="ABCDE12345")
    assert rupees(taxes([bill(40000, date(2025, 5, 1))], bad_pan)) == [8000]
    assert "s.206AA" in taxes([bill(40000, date(2025, 5, 1))], bad_pan)[0].why
    goods = vendor(tds_section="194Q", pan=None)
    assert rupees(taxes([bill(5100000, date(2026, 5, 1))], goods, Decimal(200000000))) == [5000]


def test_a_bill_overrides_the_vendor_and_none_means_no_tds() -> None:
    contractor = vendor(tds_section="194C")
    found = taxes(
        [bill(60000, date(2026, 5, 1), tds_section="None"),
         bill(60000, date(2026, 5, 2), tds_section="194J(b)")],
        contractor,
    )  # fmt: skip
    assert rupees(found) == [0, 6000]
    assert found[1].section == "194J(b)"


def test_a_section_without_a_rule_is_a_problem() -> None:
    (found,) = taxes([bill(60000, date(2026, 5, 1))], vendor(tds_section="194Z"))
    assert found.amount == 0 and "No row of TDS Rules covers section 194Z" in found.problem


def test_194j_alone_is_ambiguous_and_says_which_to_write() -> None:
    (found,) = taxes([bill(60000, date(2026, 5, 1))], vendor(tds_section="194J"))
    assert found.amount == 0
    assert found.problem == (
        "TDS section 194J is ambiguous: write 194J(a) (fees for technical services, call "
        "centre) or 194J(b) (fees for professional services, royalty)"
    )
