"""The sheets of the payables job: the `Payment Run` the user ticks, its hidden `Run` sheet,
the `Payments` of a confirmed run and a payment advice per vendor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from xlbo.book import ResultSheet
from xlbo.book.display import Column, Kind
from xlbo.book.table import sheet_name
from xlbo.master.records import Vendor
from xlbo.money import from_paise
from xlbo.readers.payment_run import PAY, SETTINGS_SHEET
from xlbo.vendors.bankfile import payee_problem, payment_mode
from xlbo.vendors.run import OpenBill

PAY_CHOICES = ("Yes", "Y", "x", "✓")


def _msme(vendor: Vendor) -> str:
    if vendor.msme_class is not None:
        return vendor.msme_class.value
    return "Yes" if vendor.msme else ""


RUN_COLUMNS = {
    PAY: Column(
        width=7,
        choices=PAY_CHOICES,
        comment="Tick (Yes, Y, x or ✓) each bill to pay, save, then run "
        "xlbo payables --confirm on this file.",
    ),
    "Vendor Code": Column(kind=Kind.ID, width=12),
    "Vendor": Column(width=28),
    "Bill No": Column(kind=Kind.ID, width=16),
    "Bill Date": Column(kind=Kind.DATE),
    "Accepted": Column(kind=Kind.DATE),
    "Due Date": Column(kind=Kind.DATE),
    "Due Because": Column(),
    "Days Overdue": Column(kind=Kind.INTEGER, width=9),
    "MSME": Column(width=8),
    "43B(h)": Column(),
    "Bill Total": Column(kind=Kind.MONEY),
    "Paid Before": Column(kind=Kind.MONEY),
    "Outstanding": Column(kind=Kind.MONEY),
    "TDS Section": Column(width=10),
    "TDS Provision": Column(),
    "TDS": Column(kind=Kind.MONEY),
    "TDS Because": Column(width=110),
    "Net to Pay": Column(kind=Kind.MONEY),
    "Bank Details": Column(),
}


def run_frame(rows: Sequence[OpenBill], ticks: set[tuple[str, str]]) -> pd.DataFrame:
    """The Payment Run sheet's rows, and a total row."""
    body = [
        [
            "Yes" if r.key in ticks else None,
            r.vendor.vendor_code,
            r.vendor.name,
            r.bill.bill_no,
            r.bill.bill_date,
            r.due.accepted,
            r.due.day,
            r.due.why,
            r.overdue,
            _msme(r.vendor),
            r.risk,
            from_paise(r.total),
            from_paise(r.paid),
            from_paise(r.outstanding),
            r.tds.section,
            r.tds.provision,
            from_paise(r.tds_now),
            r.tds_why,
            from_paise(r.net),
            payee_problem(r.vendor) or "OK",
        ]
        for r in rows
    ]
    total: list[object] = [None] * len(RUN_COLUMNS)
    names = list(RUN_COLUMNS)
    total[names.index("Vendor")] = f"Total of {len(rows)} bills"
    for header, paise in (
        ("Outstanding", sum(r.outstanding for r in rows)),
        ("TDS", sum(r.tds_now for r in rows)),
        ("Net to Pay", sum(r.net for r in rows)),
    ):
        total[names.index(header)] = from_paise(paise)
    return pd.DataFrame([*body, total], columns=names, dtype=object)


def resolved(path: Path | None) -> str:
    return str(path.resolve()) if path is not None else ""


def settings_sheet(pairs: Sequence[tuple[str, str]]) -> ResultSheet:
    frame = pd.DataFrame([list(p) for p in pairs], columns=["Setting", "Value"], dtype=object)
    return ResultSheet(SETTINGS_SHEET, frame, headerless=True, hidden=True)


def advice_sheet(
    paid: Sequence[OpenBill],
    voucher: str,
    day: date,
    mode: str,
    company: str,
    taken: set[str],
) -> ResultSheet:
    """A payment advice: what was paid to one vendor, bill by bill, with the TDS kept back
    (its sheet named apart from the folded names in `taken`, which it joins)."""
    vendor = paid[0].vendor
    rows: list[list[object]] = [
        [
            b.bill.bill_no,
            b.bill.bill_date,
            from_paise(b.total),
            from_paise(b.paid),
            from_paise(b.outstanding),
            b.tds.section,
            from_paise(b.tds_now),
            from_paise(b.net),
        ]
        for b in paid
    ]
    rows.append(
        [
            "Total",
            None,
            None,
            None,
            from_paise(sum(b.outstanding for b in paid)),
            None,
            from_paise(sum(b.tds_now for b in paid)),
            from_paise(sum(b.net for b in paid)),
        ]
    )
    columns = ["Bill No", "Bill Date", "Bill Total", "Paid Before", "Settled Now", "TDS Section",
               "TDS Deducted", "Paid"]  # fmt: skip
    account = vendor.bank_account or ""
    return ResultSheet(
        sheet_name(f"Advice {vendor.vendor_code}", taken),
        pd.DataFrame(rows, columns=columns, dtype=object),
        columns={
            "Bill No": Column(kind=Kind.ID, width=18),
            "Bill Date": Column(kind=Kind.DATE),
            **{
                c: Column(kind=Kind.MONEY)
                for c in ("Bill Total", "Paid Before", "Settled Now", "TDS Deducted", "Paid")
            },
        },
        title=(
            f"Payment advice — {company}" if company else "Payment advice",
            f"To {vendor.name}" + (f", {vendor.address}" if vendor.address else ""),
            f"Paid on {day:%d-%m-%Y} by {mode} to account ending {account[-4:]} "
            f"({vendor.ifsc or ''}), reference {voucher}. TDS deducted is deposited and shown in "
            "your Form 26AS.",
        ),
        autofilter=False,
    )


def mode_of(paid: Sequence[OpenBill]) -> str:
    """NEFT, or RTGS from Rs 2 lakh: how one vendor's payment goes."""
    return payment_mode(sum(b.net for b in paid))


def payments_sheet(
    runs: Sequence[tuple[str, Sequence[OpenBill]]],
    day: date,
    company: str,
    bank_file: str,
    layout: str,
) -> ResultSheet:
    """The payments of a confirmed run: a vendor a row, with its voucher, bills and mode."""
    summary = pd.DataFrame(
        [
            [voucher, paid[0].vendor.vendor_code, paid[0].vendor.name,
             ", ".join(b.bill.bill_no for b in paid), from_paise(sum(b.outstanding for b in paid)),
             from_paise(sum(b.tds_now for b in paid)), from_paise(sum(b.net for b in paid)),
             mode_of(paid)]
            for voucher, paid in runs
        ],
        columns=["Voucher No", "Vendor Code", "Vendor", "Bills", "Settled", "TDS", "Paid", "Mode"],
        dtype=object,
    )  # fmt: skip
    return ResultSheet(
        "Payments",
        summary,
        columns={
            "Voucher No": Column(kind=Kind.ID, width=18),
            "Vendor": Column(width=28),
            "Bills": Column(kind=Kind.LONG_TEXT, width=30),
            **{c: Column(kind=Kind.MONEY) for c in ("Settled", "TDS", "Paid")},
        },
        title=(
            f"Payments of {day:%d-%m-%Y}" + (f" — {company}" if company else ""),
            f"Bank file: {bank_file} (layout {layout})",
        ),
    )


ADVANCES_SHEET = "Advances"


def advances_sheet(
    held: Mapping[str, int], vendors: Mapping[str, Vendor], as_on: date
) -> ResultSheet:
    """What each vendor holds of the company's payments beyond its bills (`held`, paise by
    vendor code): an advance or a debit note not yet set against a bill."""
    frame = pd.DataFrame(
        [
            [code, vendors[code.casefold()].name, from_paise(paise)]
            for code, paise in sorted(held.items(), key=lambda item: -item[1])
        ],
        columns=["Vendor Code", "Vendor", "Advance"],
        dtype=object,
    )
    frame["What To Do"] = (
        f"Paid beyond every bill up to {as_on:%d-%m-%Y}: it settles the vendor's next bill "
        "(the run sets it off); or ask for a refund"
    )
    return ResultSheet(
        ADVANCES_SHEET,
        frame,
        columns={
            "Vendor": Column(width=28),
            "Advance": Column(kind=Kind.MONEY),
            "What To Do": Column(kind=Kind.LONG_TEXT, width=60),
        },
        title=(f"Advances with vendors as on {as_on:%d-%m-%Y}: not yet set against a bill",),
    )
