"""Contract alerts: ends, notice, renewal of an auto-renewing contract, a guarantee expiring or
expired, MSME payment terms; the alerts workbook and its calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.vendors.books import books
from tests.vendors.records import vendor
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.vendors.contracts import AlertKind, Contract, contract_alerts

MICRO = vendor("V01", name="Annapurna Caterers", msme_class="Micro")


def contract(**fields: Any) -> Contract:
    base = {"contract_id": "C-1", "party": "Shree Properties", "subject": "Office lease",
            "start": date(2024, 1, 1)}  # fmt: skip
    return Contract.model_validate({**base, **fields})


def kinds(found: list[Any]) -> list[tuple[str, date | None, int | None]]:
    return [(a.kind.value, a.day, a.days_left) for a in found]


def test_notice_guarantee_and_end_within_the_window() -> None:
    lease = contract(end=date(2026, 12, 31), notice_days=60, security="Bank Guarantee",
                     guarantee_expiry=date(2026, 12, 15))  # fmt: skip
    assert kinds(contract_alerts([lease], {}, date(2026, 10, 15), 90)) == [
        ("Notice due", date(2026, 11, 1), 17),
        ("Guarantee expires", date(2026, 12, 15), 61),
        ("Ends", date(2026, 12, 31), 77),
    ]
    assert kinds(contract_alerts([lease], {}, date(2026, 10, 15), 10)) == []


def test_missed_notice_and_expired_guarantee_while_running() -> None:
    lease = contract(end=date(2026, 12, 31), notice_days=60, security="BG",
                     guarantee_expiry=date(2026, 11, 30))  # fmt: skip
    found = contract_alerts([lease], {}, date(2026, 12, 2), 15)
    assert [(a.kind, a.days_left) for a in found] == [
        (AlertKind.NOTICE, -31),
        (AlertKind.GUARANTEE, -2),
    ]
    assert "was due by 01-11-2026" in found[0].what and "expired" in found[1].what


def test_an_auto_renewing_contract_rolls_on() -> None:
    canteen = contract(end=date(2026, 3, 31), auto_renew=True, renewal_months=12, notice_days=30)
    found = contract_alerts([canteen], {}, date(2027, 2, 1), 60)
    assert kinds(found) == [("Notice due", date(2027, 3, 1), 28), ("Renews", date(2027, 3, 31), 58)]
    assert "Renews on 01-04-2027 until 31-03-2028" in found[1].what


def test_msme_payment_terms_above_45_days_are_flagged() -> None:
    long_terms = contract(party="Annapurna Caterers", party_code="V01", payment_terms=60)
    found = contract_alerts([long_terms], {"v01": MICRO}, date(2026, 10, 1), 30)
    assert [a.kind for a in found] == [AlertKind.MSME_TERMS]
    assert "within 45 days of acceptance" in found[0].what
    medium = vendor("V01", msme_class="Medium")
    assert contract_alerts([long_terms], {"v01": medium}, date(2026, 10, 1), 30) == []


CONTRACTS = [
    ["Contract ID", "Party", "Party Code", "Subject", "Start", "End", "Auto Renew",
     "Renewal Term (months)", "Notice Period (days)", "Value", "Payment Terms (days)",
     "Security", "Security Amount", "Guarantee Expiry", "Owner", "Document"],
    ["C-7", "Shree Properties", "V02", "Office lease, Pune", "01-01-2024", "31-12-2026", "No",
     None, 60, 720000, 7, "Bank Guarantee", 200000, "15-12-2026", "Admin", None],
    ["C-8", "Annapurna Caterers", "V01", "Canteen services", "01-04-2025", "31-03-2026", "Yes",
     12, 30, 600000, 60, "None", None, None, "HR", None],
    ["C-9", "Deccan Couriers", "V04", "Courier services", "31-13-2026", None, "No", None, 90,
     None, 30, "None", None, None, "Ops", None],
]  # fmt: skip


def test_the_job_writes_alerts_and_a_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books(tmp_path, extra={"Contracts": CONTRACTS})
    out = tmp_path / "alerts.xlsx"
    code = main(["contracts", str(tmp_path / "books.xlsx"), "--as-on", "15-10-2026",
                 "--days", "90", "--out", str(out)])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 1  # C-9's start date is no date: an issue at its cell
    assert "2 contracts: 3 dates in the next 90 days, 1 MSME payment terms" in said
    alerts = FileBook(out).read_table("Alerts", ("Date", "Alert", "Contract ID")).frame
    assert alerts["Alert"].tolist() == [
        "Notice due", "Guarantee expires", "Ends", "MSME payment terms"
    ]  # fmt: skip
    issues = FileBook(out).read_table("Issues", ("Sheet", "Cell")).frame
    assert issues[["Sheet", "Cell"]].values.tolist() == [["Contracts", "E4"]]
    calendar = icalendar.Calendar.from_ical((tmp_path / "alerts.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == [
        "Notice due: C-7 Shree Properties",
        "Guarantee expires: C-7 Shree Properties",
        "Ends: C-7 Shree Properties",
    ]
    assert events[0].decoded("dtstart") == date(2026, 11, 1)
    assert all(len(list(e.walk("VALARM"))) == 1 for e in events)
