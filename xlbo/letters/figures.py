"""The figures a letter lists beyond its row, from the books and the payroll registers — pure:
frames in, rows of text out (each amount already written with Indian grouping).

- `overdue`: a customer's invoices still unpaid after their credit days, as the ageing settles
  them (payments to the invoices their narration names, else oldest first).
- `payments`: what was paid to a vendor between two dates (debits to Trade Payables).
- `salary`: an employee's months in the payroll registers, with the deductions and net pay.

A party in the Journal is found by the name on its master row, or by its code, whatever the
case and spaces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pandas as pd

from xlbo.money import format_inr, from_paise
from xlbo.reports.ageing import outstanding


def party_key(name: object) -> str:
    return " ".join(str(name or "").split()).casefold()


@dataclass(frozen=True)
class Overdue:
    """A customer's invoices past their due date as on a day, and their total (paise)."""

    rows: tuple[dict[str, str], ...]
    total: int


def overdue_by_party(
    lines: pd.DataFrame, as_at: date, credit_days: Mapping[str, int]
) -> dict[str, Overdue]:
    """For each party (by `party_key`) with `credit_days` known: the invoices still open on
    `as_at` whose due date (invoice date + credit days) has passed."""
    found: dict[str, Overdue] = {}
    for party, invoices in outstanding(lines, "Trade Receivables", as_at).items():
        key = party_key(party)
        days = credit_days.get(key)
        if days is None:
            continue
        rows = []
        total = 0
        for invoice in invoices:
            due = invoice.day + timedelta(days=days)
            if invoice.open <= 0 or due >= as_at:
                continue
            rows.append(
                {
                    "invoice": invoice.voucher,
                    "date": f"{invoice.day:%d-%m-%Y}",
                    "due": f"{due:%d-%m-%Y}",
                    "days": str((as_at - due).days),
                    "amount": format_inr(from_paise(invoice.open)),
                }
            )
            total += invoice.open
        if rows:
            found[key] = Overdue(tuple(rows), total)
    return found


@dataclass(frozen=True)
class Payments:
    """What was paid to a vendor in a period (paise): the bills settled, the tax deducted at
    source, and what reached the vendor's bank."""

    rows: tuple[dict[str, str], ...]
    total: int
    """Paid into the vendor's bank: settled less TDS."""
    settled: int = 0
    tds: int = 0


def payments_by_party(lines: pd.DataFrame, start: date, end: date) -> dict[str, Payments]:
    """Each party's payments dated `start` to `end`, by `party_key`: each debit to Trade
    Payables (the bills settled), less the tax the same voucher credits to a TDS account when
    the voucher pays that one vendor (`xlbo payables` writes Trade Payables 59,000 Dr, TDS
    Payable 1,000 Cr, the bank 58,000 Cr)."""
    dated = lines[(lines["date"] >= start) & (lines["date"] <= end)]
    mine = dated[(dated["account"] == "Trade Payables") & (dated["debit"] > 0)].sort_values(
        ["date", "row"]
    )
    withheld = dated[dated["account"].astype(str).str.upper().str.startswith("TDS")]
    tds_of = (
        withheld.groupby("voucher")["credit"].sum() - withheld.groupby("voucher")["debit"].sum()
    )
    vendors_of = mine.groupby("voucher")["party"].nunique()
    found: dict[str, list[dict[str, str]]] = {}
    totals: dict[str, list[int]] = {}
    for party, day, voucher, narration, settled in zip(
        mine["party"].tolist(),
        mine["date"].tolist(),
        mine["voucher"].tolist(),
        mine["narration"].tolist(),
        mine["debit"].tolist(),
        strict=True,
    ):
        key = party_key(party)
        one_vendor = int(vendors_of.get(voucher, 0)) == 1
        tds = int(tds_of.get(voucher, 0)) if one_vendor else 0
        paid = int(settled) - tds
        found.setdefault(key, []).append(
            {
                "date": f"{day:%d-%m-%Y}",
                "voucher": str(voucher),
                "narration": str(narration or ""),
                "settled": format_inr(from_paise(int(settled))),
                "tds": format_inr(from_paise(tds)),
                "amount": format_inr(from_paise(paid)),
            }
        )
        sums = totals.setdefault(key, [0, 0, 0])
        sums[0] += paid
        sums[1] += int(settled)
        sums[2] += tds
    return {key: Payments(tuple(rows), *totals[key]) for key, rows in found.items()}


SALARY_FIGURES = ("Gross", "PF Employee", "VPF", "ESI Employee", "PT", "TDS", "Net Pay")
"""The payroll register's columns a salary certificate shows (PF with VPF)."""


@dataclass(frozen=True)
class Salary:
    """An employee's months in the registers, their totals, and the period they span."""

    rows: tuple[dict[str, str], ...]
    total: dict[str, str]
    period: tuple[date, date]


def salary_by_employee(
    registers: Sequence[tuple[date, Sequence[tuple[str, Mapping[str, Decimal]]]]],
) -> dict[str, Salary]:
    """Each employee's months (by Employee ID, casefolded) from the registers — a month, and
    each employee's figures by `SALARY_FIGURES` header — in month order."""
    months: dict[str, list[tuple[date, Mapping[str, Decimal]]]] = {}
    for month, employees in sorted(registers, key=lambda register: register[0]):
        for code, figures in employees:
            months.setdefault(code.casefold(), []).append((month, figures))
    found = {}
    for code, paid in months.items():
        rows = []
        sums = dict.fromkeys(("gross", "pf", "esi", "pt", "tds", "net"), Decimal(0))
        for month, figures in paid:
            shown = {
                "gross": figures.get("Gross", Decimal(0)),
                "pf": figures.get("PF Employee", Decimal(0)) + figures.get("VPF", Decimal(0)),
                "esi": figures.get("ESI Employee", Decimal(0)),
                "pt": figures.get("PT", Decimal(0)),
                "tds": figures.get("TDS", Decimal(0)),
                "net": figures.get("Net Pay", Decimal(0)),
            }
            for key, amount in shown.items():
                sums[key] += amount
            rows.append({"month": f"{month:%b %Y}", **{k: format_inr(v) for k, v in shown.items()}})
        found[code] = Salary(
            tuple(rows), {k: format_inr(v) for k, v in sums.items()}, (paid[0][0], paid[-1][0])
        )
    return found
