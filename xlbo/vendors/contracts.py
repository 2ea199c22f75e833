"""The `Contracts` sheet and its alerts: what ends, needs notice, or has a guarantee expiring in
the next N days, and payment terms a micro or small supplier may not be given.

    Contract  End         Notice (days)  Auto Renew  Guarantee Expiry
    C-7       31-12-2026  60             No          15-12-2026

As on 15-10-2026 with 90 days: notice by 01-11-2026 (in 17 days), guarantee expires 15-12-2026
(61 days), ends 31-12-2026 (77 days). An auto-renewing contract whose end has passed has
renewed by its Renewal Term (months), and its alerts are those of the term running now. A date
already passed while the contract runs (notice not given, a guarantee expired) is an alert too,
with negative days left. Payment terms longer than 45 days to a micro or small supplier break
MSMED Act s.15 and are flagged whatever the dates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.fields import (
    Count,
    Day,
    Id,
    LongText,
    OptDay,
    OptId,
    OptMoney,
    OptText,
    Shown,
    Text,
    YesNo,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Record, Vendor
from xlbo.vendors.due import MSME_CAP_DAYS


class Security(StrEnum):
    NONE = "None"
    DEPOSIT = "Security Deposit"
    GUARANTEE = "Bank Guarantee"


SecurityCell = Annotated[
    Security,
    enum_reader(Security, SD=Security.DEPOSIT, BG=Security.GUARANTEE, Deposit=Security.DEPOSIT,
                Guarantee=Security.GUARANTEE),
    Shown(choices=choices_of(Security), width=16),
]  # fmt: skip


class Contract(Record):
    """A contract with a vendor or customer: its term, notice, value, payment terms, security."""

    contract_id: Id = Field(alias="Contract ID", description="Your number for the contract.")
    party: Text = Field(alias="Party", description="Who the contract is with.")
    party_code: OptId = Field(
        None,
        alias="Party Code",
        description="The party's Vendor Code (or Customer Code); a micro or small vendor's "
        "payment terms are checked against 45 days.",
    )
    subject: Text = Field(alias="Subject", description="What the contract is for.")
    start: Day = Field(alias="Start", description="First day of the contract.")
    end: OptDay = Field(None, alias="End", description="Last day; blank: until terminated.")
    auto_renew: YesNo = Field(
        False, alias="Auto Renew", description="Yes when it renews itself unless notice is given."
    )
    renewal_months: Count = Field(
        12, alias="Renewal Term (months)", description="How long each renewal runs."
    )
    notice_days: Count = Field(
        0,
        alias="Notice Period (days)",
        description="Days before the end by which notice (to end or not renew) must be given.",
    )
    value: OptMoney = Field(None, alias="Value", description="Contract value, in rupees.")
    payment_terms: Count = Field(
        0,
        alias="Payment Terms (days)",
        description="Days the company (or the party) has to pay; more than 45 to a micro or "
        "small supplier is flagged (MSMED Act s.15). 0: not stated.",
    )
    security: SecurityCell = Field(
        Security.NONE,
        alias="Security",
        description="None, Security Deposit or Bank Guarantee.",
    )
    security_amount: OptMoney = Field(
        None, alias="Security Amount", description="Amount of the deposit or guarantee."
    )
    guarantee_expiry: OptDay = Field(
        None, alias="Guarantee Expiry", description="Day the bank guarantee expires."
    )
    owner: OptText = Field(None, alias="Owner", description="Who looks after the contract.")
    document: LongText = Field(
        None, alias="Document", description="Where the signed copy is (a path or link)."
    )


class AlertKind(StrEnum):
    NOTICE = "Notice due"
    ENDS = "Ends"
    RENEWS = "Renews"
    GUARANTEE = "Guarantee expires"
    MSME_TERMS = "MSME payment terms"


@dataclass(frozen=True)
class Alert:
    """One thing to act on: the contract, what, on which day, and what to do."""

    contract: Contract
    kind: AlertKind
    day: date | None
    what: str
    days_left: int | None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def current_end(contract: Contract, as_on: date) -> date | None:
    """The end of the term running on `as_on`: an auto-renewing contract rolls on by its
    renewal term."""
    end = contract.end
    if end is None or not contract.auto_renew or contract.renewal_months <= 0:
        return end
    while end < as_on:
        end = _add_months(end, contract.renewal_months)
    return end


def contract_alerts(
    contracts: Sequence[Contract], vendors: Mapping[str, Vendor], as_on: date, days: int
) -> list[Alert]:
    """The alerts of the next `days` days as on `as_on` (and dates passed while the contract
    runs), earliest first; MSME payment terms flagged whatever the dates."""
    horizon = as_on + timedelta(days=days)
    alerts: list[Alert] = []
    for contract in contracts:
        end = current_end(contract, as_on)
        running = end is None or end >= as_on
        if end is not None and running:
            left = (end - as_on).days
            if end <= horizon:
                if contract.auto_renew:
                    renewed = _add_months(end, contract.renewal_months)
                    what = (
                        f"Renews on {end + timedelta(days=1):%d-%m-%Y} until {renewed:%d-%m-%Y} "
                        "unless notice is given"
                    )
                    alerts.append(Alert(contract, AlertKind.RENEWS, end, what, left))
                else:
                    what = f"Ends on {end:%d-%m-%Y}: renew, replace or close it"
                    alerts.append(Alert(contract, AlertKind.ENDS, end, what, left))
            if contract.notice_days:
                notice_by = end - timedelta(days=contract.notice_days)
                if notice_by <= horizon:
                    passed = notice_by < as_on
                    what = (
                        f"Notice ({contract.notice_days} days) was due by {notice_by:%d-%m-%Y}"
                        if passed
                        else f"Give notice by {notice_by:%d-%m-%Y} to end or renegotiate it"
                    )
                    if contract.auto_renew and passed:
                        what += ": it renews unless the party agrees otherwise"
                    alerts.append(
                        Alert(contract, AlertKind.NOTICE, notice_by, what, (notice_by - as_on).days)
                    )
        expiry = contract.guarantee_expiry
        if (
            contract.security is Security.GUARANTEE
            and expiry is not None
            and expiry <= horizon
            and (running or expiry >= as_on)
        ):
            what = (
                f"Bank guarantee expired on {expiry:%d-%m-%Y}: get it extended or renewed"
                if expiry < as_on
                else f"Bank guarantee expires on {expiry:%d-%m-%Y}: extend it or claim it"
            )
            alerts.append(Alert(contract, AlertKind.GUARANTEE, expiry, what, (expiry - as_on).days))
        vendor = vendors.get((contract.party_code or "").casefold()) or next(
            (v for v in vendors.values() if v.name.casefold() == contract.party.casefold()), None
        )
        if (
            vendor is not None
            and vendor.msme_protected
            and contract.payment_terms > MSME_CAP_DAYS
            and running
        ):
            what = (
                f"Payment terms of {contract.payment_terms} days: a micro or small supplier "
                "must be paid within 45 days of acceptance (MSMED Act s.15; s.43B(h))"
            )
            alerts.append(Alert(contract, AlertKind.MSME_TERMS, None, what, None))
    return sorted(
        alerts, key=lambda a: (a.day is None, a.day or as_on, a.contract.contract_id, a.kind.value)
    )
