"""Due dates: MSME (micro, small) with and without a written agreement, a medium enterprise, a
vendor on payment terms; days overdue; the s.43B(h) risk at the year end."""

from __future__ import annotations

from datetime import date

import pytest

from tests.vendors.records import bill, vendor
from xlbo.vendors.due import days_overdue, due_date, section_43bh_risk

OCT1 = date(2026, 10, 1)


@pytest.mark.parametrize(
    ("supplier", "fields", "due", "why"),
    [
        # micro, agreed 60 days after acceptance: capped at 45
        ({"msme": True, "msme_class": "Micro"}, {"accepted_date": OCT1,
         "agreed_due_date": date(2026, 11, 30)}, date(2026, 11, 15), "capped at 45 days"),
        # small, agreed within 45 days: the agreed day
        ({"msme_class": "Small"}, {"accepted_date": OCT1, "agreed_due_date": date(2026, 10, 31)},
         date(2026, 10, 31), "agreed due date"),
        # small, no agreement: 15 days from acceptance (not from the bill date)
        ({"msme_class": "Small"}, {"accepted_date": date(2026, 10, 5)}, date(2026, 10, 20),
         "15 days from acceptance"),
        # MSME Yes with no class: taken as micro or small; acceptance blank = the bill date
        ({"msme": True}, {}, date(2026, 10, 16), "15 days"),
        # medium: outside s.15, its payment terms run from the bill date
        ({"msme": True, "msme_class": "Medium", "payment_terms": 60}, {"accepted_date": OCT1},
         date(2026, 11, 30), "60 days from the bill date"),
        # not an MSME, agreed date beyond 45 days stands
        ({}, {"agreed_due_date": date(2026, 12, 31)}, date(2026, 12, 31), "agreed due date"),
        ({"payment_terms": 30}, {}, date(2026, 10, 31), "30 days from the bill date"),
    ],
)  # fmt: skip
def test_due_dates(
    supplier: dict[str, object], fields: dict[str, object], due: date, why: str
) -> None:
    found = due_date(bill(10000, OCT1, **fields), vendor(**supplier))
    assert found.day == due
    assert why in found.why


def test_days_overdue() -> None:
    assert days_overdue(date(2026, 10, 16), date(2026, 10, 31)) == 15
    assert days_overdue(date(2026, 10, 16), date(2026, 10, 10)) == 0


def test_43bh_risk_only_for_micro_and_small_due_by_the_year_end() -> None:
    micro = vendor(msme_class="Micro")
    march = bill(10000, date(2027, 3, 1))  # due 16-03-2027, inside FY 2026-27
    due = due_date(march, micro).day
    assert section_43bh_risk(march, micro, due, date(2027, 3, 10)).startswith("Pay by 16-03-2027")
    assert "At risk" in section_43bh_risk(march, micro, due, date(2027, 3, 20))
    assert "FY 2026-27" in section_43bh_risk(march, micro, due, date(2027, 3, 20))
    after = section_43bh_risk(march, micro, due, date(2027, 4, 10))
    assert after.startswith("Disallowed in FY 2026-27")
    late_march = bill(10000, date(2027, 3, 25))  # due 09-04-2027: next year, no risk yet
    assert (
        section_43bh_risk(late_march, micro, due_date(late_march, micro).day, date(2027, 3, 30))
        == ""
    )
    medium = vendor(msme_class="Medium")
    assert section_43bh_risk(march, medium, due, date(2027, 3, 20)) == ""
