"""The `TDS Rules` sheet: TDS on payments to vendors as effective-dated rows, so a change in the
law is a new row, not a new release.

A row names the section as the Vendors and Purchases sheets name it (`194C`, `194J(b)`…, the
Income-tax Act 1961's numbers); from 1 April 2026 the Income-tax Act 2025 applies and its rows
carry the same name with the 2025 Act's provision (s.393(1) Table…) and payment code, so a bill
is coded by its date:

    Section  Act   Provision               Rate Ind.  Rate Oth.  Single   Aggregate  From
    194C     1961  s.194C                  1%         2%         30,000   1,00,000   01-04-2025
    194C     2025  s.393(1) Table Sl.6(i)  1%         2%         30,000   1,00,000   01-04-2026

The rates and thresholds of FY 2025-26 carry over unchanged into the 2025 Act (Income-tax Rules
2026, G.S.R. 198(E)). Where xlbo's sources do not confirm a figure (the 2025 Act's payment
codes, the serial for purchase of goods) the cell is left blank and the Source column says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.effective import covers
from xlbo.master.fields import (
    Count,
    Day,
    LongText,
    OptDay,
    OptId,
    OptMoney,
    Rate,
    Shown,
    Text,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Record


class AggregatePer(StrEnum):
    """What the aggregate threshold is counted over, per vendor."""

    YEAR = "Financial Year"
    MONTH = "Month"
    """194I from FY 2025-26: Rs 50,000 a month or part of a month."""


class TaxOn(StrEnum):
    """What the rate applies to once a threshold is crossed."""

    WHOLE = "Whole Amount"
    """The whole amount credited in the year, earlier bills included (194C, 194J, 194H)."""
    ABOVE = "Amount Above Threshold"
    """Only what exceeds the aggregate threshold (194Q: above Rs 50 lakh)."""


AggregatePerCell = Annotated[
    AggregatePer,
    enum_reader(AggregatePer, FY=AggregatePer.YEAR, Year=AggregatePer.YEAR),
    Shown(choices=choices_of(AggregatePer), width=14),
]
TaxOnCell = Annotated[
    TaxOn,
    enum_reader(TaxOn, Whole=TaxOn.WHOLE, Above=TaxOn.ABOVE, Excess=TaxOn.ABOVE),
    Shown(choices=choices_of(TaxOn), width=22),
]


class TDSRule(Record):
    """TDS on one kind of payment to a resident vendor, from a date."""

    section: Text = Field(
        alias="Section",
        description="The section as Vendors and Purchases name it: 194C, 194J(a), 194J(b), "
        "194I(a), 194I(b), 194H, 194Q. A 2025 Act row keeps the 1961 name, so a bill is "
        "coded by its date.",
    )
    act: Count = Field(
        alias="Act", description="Income-tax Act the row belongs to: 1961, or 2025 (from 1-4-2026)."
    )
    provision: Text = Field(
        alias="Provision", description="Section of that Act, e.g. s.194C, s.393(1) Table Sl.6(i)."
    )
    payment_code: OptId = Field(
        None,
        alias="Payment Code",
        description="The 2025 Act's payment code (1001…) quoted in the TDS return; blank where "
        "not known yet.",
    )
    nature: Text = Field(alias="Nature", description="What the payment is for.")
    rate_individual: Rate = Field(
        alias="Rate Individual/HUF",
        description="Rate for a payee whose PAN's 4th letter is P (person) or H (HUF).",
    )
    rate_others: Rate = Field(
        alias="Rate Others", description="Rate for companies, firms and everyone else."
    )
    rate_no_pan: Rate = Field(
        Decimal("0.2"),
        alias="Rate Without PAN",
        description="Rate when the vendor has no valid PAN (s.206AA: 20%, 5% for 194Q); the "
        "higher of this and the usual rate applies.",
    )
    single_threshold: OptMoney = Field(
        None,
        alias="Single Bill Threshold",
        description="TDS on a bill above this amount (194C: Rs 30,000); blank: none.",
    )
    aggregate_threshold: OptMoney = Field(
        None,
        alias="Aggregate Threshold",
        description="TDS once the vendor's bills of the year (or month) exceed this "
        "(194C: Rs 1,00,000); blank: none. With neither threshold, every bill.",
    )
    aggregate_per: AggregatePerCell = Field(
        AggregatePer.YEAR,
        alias="Aggregate Per",
        description="Financial Year, or Month (rent under 194I: Rs 50,000 a month).",
    )
    tax_on: TaxOnCell = Field(
        TaxOn.WHOLE,
        alias="Tax On",
        description="Whole Amount (earlier bills of the year included once the aggregate is "
        "crossed), or Amount Above Threshold (194Q).",
    )
    buyer_turnover_above: OptMoney = Field(
        None,
        alias="Buyer Turnover Above",
        description="Applies only when the company's turnover of the previous year (Company "
        "sheet) exceeds this (194Q: Rs 10 crore); blank: always.",
    )
    account: Text = Field(
        alias="TDS Account", description="Liability account the TDS is credited to."
    )
    effective_from: Day = Field(
        alias="Effective From", description="First day (bill date) the row applies to."
    )
    effective_to: OptDay = Field(
        None, alias="Effective To", description="Last day it applies to; blank: until replaced."
    )
    source: LongText = Field(None, alias="Source", description="Where the figures come from.")

    def in_force(self, day: date) -> bool:
        return covers(self, day)

    @property
    def names(self) -> frozenset[str]:
        """What a bill, a vendor or a certificate may call this row, spaces and case aside: its
        section (194J(b)), its provision without 's.' (393(1)tablesl.6(i)), its payment code."""
        found = {fold_section(self.section), fold_section(self.provision).removeprefix("s.")}
        code = {fold_section(self.payment_code)} if self.payment_code else set()
        return frozenset(found | code)


def fold_section(text: str) -> str:
    """A section as compared: spaces gone, case folded ('194 J(b)' and '194j(b)' are one)."""
    return "".join(text.split()).casefold()


D = Decimal
FY25 = (date(2025, 4, 1), date(2026, 3, 31))
FY24 = (date(2024, 4, 1), date(2025, 3, 31))
ACT_2025 = date(2026, 4, 1)
RULES_2026 = (
    "Income-tax Act 2025 s.393(1), in force 01-04-2026; rates and thresholds unchanged "
    "(Income-tax Rules 2026, G.S.R. 198(E))"
)
NO_CODE = "payment code not confirmed in xlbo's sources: type it from the TDS return's code list"

_KINDS: tuple[tuple[str, str, str, str, str, Decimal, Decimal, Decimal | None, Decimal | None], ...] = (
    # section, 2025 provision, nature, account, 1961 source, rate ind., rate oth., single, aggregate
    ("194C", "s.393(1) Table Sl.6(i)", "Payment to contractors",
     "TDS Payable - Contractors (194C)", "s.194C; Finance Act 2020", D("0.01"), D("0.02"),
     D(30000), D(100000)),
    ("194J(a)", "s.393(1) Table Sl.6(iii)(a)", "Fees for technical services, call centre",
     "TDS Payable - Professional Fees (194J)", "s.194J(a); Finance Act 2025 (Rs 50,000)",
     D("0.02"), D("0.02"), None, D(50000)),
    ("194J(b)", "s.393(1) Table Sl.6(iii)(b)", "Fees for professional services, royalty",
     "TDS Payable - Professional Fees (194J)", "s.194J(b); Finance Act 2025 (Rs 50,000)",
     D("0.10"), D("0.10"), None, D(50000)),
    ("194H", "s.393(1) Table Sl.1(ii)", "Commission or brokerage",
     "TDS Payable - Commission (194H)", "s.194H; Finance (No.2) Act 2024 (2% from 01-10-2024); "
     "Finance Act 2025 (Rs 20,000)", D("0.02"), D("0.02"), None, D(20000)),
)  # fmt: skip


def tds_rules() -> list[TDSRule]:
    """The shipped TDS Rules: FY 2024-25 and FY 2025-26 under the 1961 Act, and the 2025 Act's
    rows from 1 April 2026."""
    rows: list[TDSRule] = []

    def add(
        act: int, provision: str, start: date, end: date | None, source: str, /, **kw: object
    ) -> None:
        rows.append(
            TDSRule.model_validate(
                {
                    "act": act,
                    "provision": provision,
                    "effective_from": start,
                    "effective_to": end,
                    "source": source,
                    **kw,
                }
            )
        )

    for section, provision, nature, account, source, ind, oth, single, aggregate in _KINDS:
        common = {
            "section": section, "nature": nature, "account": account, "rate_individual": ind,
            "rate_others": oth, "single_threshold": single, "aggregate_threshold": aggregate,
        }  # fmt: skip
        add(1961, f"s.{section}", *FY25, source, **common)
        code_note = f"{RULES_2026}; {NO_CODE}"
        add(2025, provision, ACT_2025, None, code_note, **common)
    rent = (
        ("194I(a)", "s.393(1) Table Sl.2(ii)(a)", "Rent of plant and machinery", D("0.02")),
        ("194I(b)", "s.393(1) Table Sl.2(ii)(b)", "Rent of land, building or furniture", D("0.10")),
    )
    for section, provision, nature, rate in rent:
        common = {
            "section": section, "nature": nature, "account": "TDS Payable - Rent (194I)",
            "rate_individual": rate, "rate_others": rate, "aggregate_threshold": D(50000),
            "aggregate_per": AggregatePer.MONTH,
        }  # fmt: skip
        add(1961, f"s.{section}", *FY25, "s.194I; Finance Act 2025 (Rs 50,000 a month)", **common)
        add(2025, provision, ACT_2025, None, f"{RULES_2026}; {NO_CODE}", **common)
        add(1961, f"s.{section}", *FY24, "s.194I (Rs 2,40,000 a year)",
            **{**common, "aggregate_threshold": D(240000), "aggregate_per": AggregatePer.YEAR})  # fmt: skip
    goods = {
        "section": "194Q", "nature": "Purchase of goods", "account": "TDS Payable - Goods (194Q)",
        "rate_individual": D("0.001"), "rate_others": D("0.001"), "rate_no_pan": D("0.05"),
        "aggregate_threshold": D(5000000), "tax_on": TaxOn.ABOVE,
        "buyer_turnover_above": D(100000000),
    }  # fmt: skip
    add(1961, "s.194Q", FY24[0], FY25[1], "s.194Q; Finance Act 2021", **goods)
    add(2025, "s.393(1) Table (purchase of goods)", ACT_2025, None,
        f"{RULES_2026}; the Table's serial for purchase of goods and the {NO_CODE}", **goods)  # fmt: skip
    earlier = (
        ("194C", "Payment to contractors", "TDS Payable - Contractors (194C)", D("0.01"),
         D("0.02"), D(30000), D(100000), "s.194C"),
        ("194J(a)", "Fees for technical services, call centre",
         "TDS Payable - Professional Fees (194J)", D("0.02"), D("0.02"), None, D(30000),
         "s.194J(a) (Rs 30,000)"),
        ("194J(b)", "Fees for professional services, royalty",
         "TDS Payable - Professional Fees (194J)", D("0.10"), D("0.10"), None, D(30000),
         "s.194J(b) (Rs 30,000)"),
    )  # fmt: skip
    for section, nature, account, ind, oth, single, aggregate, source in earlier:
        add(1961, f"s.{section}", *FY24, source, section=section, nature=nature,
            account=account, rate_individual=ind, rate_others=oth, single_threshold=single,
            aggregate_threshold=aggregate)  # fmt: skip
    for start, end, rate, note in (
        (FY24[0], date(2024, 9, 30), D("0.05"), "s.194H (5% until 30-09-2024; Rs 15,000)"),
        (date(2024, 10, 1), FY24[1], D("0.02"), "s.194H; Finance (No.2) Act 2024 (2% from "
         "01-10-2024; Rs 15,000)"),
    ):  # fmt: skip
        add(1961, "s.194H", start, end, note, section="194H", nature="Commission or brokerage",
            account="TDS Payable - Commission (194H)", rate_individual=rate, rate_others=rate,
            aggregate_threshold=D(15000))  # fmt: skip
    order = {section: i for i, section in enumerate(("194C", "194J(a)", "194J(b)", "194I(a)",
                                                     "194I(b)", "194H", "194Q"))}  # fmt: skip
    return sorted(rows, key=lambda r: (order.get(r.section, 99), r.effective_from))
