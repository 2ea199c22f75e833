"""What the portals would hand a company for its own books, with the slips a real month has:
GSTR-2B as its suppliers would have reported its purchase register, and Form 26AS Part I as
its customers would have reported their TDS. For the demo (and a user who wants to see the
reconciliations work before the first real download); pure, and the same books always give the
same files.

Slips planted by position among the month's bills (every seventh from the second: a number
written the supplier's way; from the fourth: CGST/SGST or IGST a tenth lower; from the sixth:
not reported) and one record the books do not hold. In 26AS the receipts' booking statuses
cycle F, F, P, U, O, every fifth is not reported, and one deduction of another customer's is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xlbo.gstrecon.engine import HEADS

_JSON_HEADS = ("txval", "igst", "cgst", "sgst", "cess")
STATUSES = ("F", "F", "P", "U", "O")


def _rupees(paise: int) -> float:
    """The JSON's number for an amount in paise: rupees with two decimals, as the portal
    writes them (a float only as the JSON's text; nothing is added up in it)."""
    return paise / 100


def gstr2b_json(bills: pd.DataFrame, recipient: str, period: str) -> dict[str, Any]:
    """The GSTR-2B of `period` (YYYY-MM) for `bills` (the engine's books frame: gstin,
    supplier, bill_no, bill_date, heads in paise) dated in that month, slips planted."""
    year, month = (int(part) for part in period.split("-"))
    days = pd.to_datetime(bills["bill_date"])
    own = bills[(days.dt.year == year) & (days.dt.month == month)].reset_index(drop=True)
    sections: dict[str, dict[str, list[dict[str, Any]]]] = {"b2b": {}, "cdnr": {}}
    names: dict[str, str] = {}
    bill: dict[str, Any]
    for at, bill in enumerate(own.to_dict("records")):  # type: ignore[assignment]
        if at % 7 == 5:  # not reported by the supplier
            continue
        paise = {k: abs(int(bill[h])) for k, h in zip(_JSON_HEADS, HEADS, strict=True)}
        if at % 7 == 3:  # reported a tenth lower
            for head in ("igst",) if paise["igst"] else ("cgst", "sgst"):
                paise[head] -= paise[head] // 10
        amounts = {k: _rupees(v) for k, v in paise.items()}
        number = str(bill["bill_no"])
        if at % 7 == 1:  # the supplier's own way of writing it
            number = number.replace("/", "-").lower()
        day = pd.Timestamp(bill["bill_date"]).strftime("%d-%m-%Y")
        credit = int(bill["taxable"]) < 0
        document: dict[str, Any] = (
            {"ntnum": number, "typ": "C", "suptyp": "R", "dt": day}
            if credit
            else {"inum": number, "typ": "R", "dt": day, "pos": recipient[:2], "rev": "N"}
        )
        document |= {"itcavl": "Y", "rsn": "", **amounts}
        section = "cdnr" if credit else "b2b"
        sections[section].setdefault(str(bill["gstin"]), []).append(document)
        names[str(bill["gstin"])] = str(bill["supplier"]).upper()
    if len(own):  # a bill the books do not hold
        first = own.iloc[0]
        extra = {"inum": "X-9001", "typ": "R", "dt": f"28-{month:02d}-{year}", "pos": "27",
                 "rev": "N", "itcavl": "Y", "rsn": "", "txval": 5000.0, "igst": 0.0,
                 "cgst": 450.0, "sgst": 450.0, "cess": 0.0}  # fmt: skip
        sections["b2b"].setdefault(str(first["gstin"]), []).append(extra)
        names.setdefault(str(first["gstin"]), str(first["supplier"]).upper())
    rtnprd = f"{month:02d}{year}"
    docdata = {
        section: [
            {
                "ctin": ctin,
                "trdnm": names[ctin],
                "supprd": rtnprd,
                ("nt" if section == "cdnr" else "inv"): documents,
            }
            for ctin, documents in suppliers.items()
        ]
        for section, suppliers in sections.items()
    }
    return {"data": {"gstin": recipient, "rtnprd": rtnprd, "version": "1.0", "docdata": docdata}}


def form26as_text(receipts: pd.DataFrame, pan: str, financial_year: str) -> str:
    """Form 26AS (TRACES' text export) of `financial_year` (`2026-27`) for `receipts` (the
    TDS frame of the books: customer, tan, section, date, amount, tds in paise), slips
    planted."""
    lines = [
        "File Creation Date^Permanent Account Number (PAN)^Current Status of PAN^Financial "
        "Year^Assessment Year^Name of Assessee",
        f"15-06-{int(financial_year[:4]) + 1}^{pan}^Active^{financial_year}^^",
        "^",
        "PART-I - Details of Tax Deducted at Source^",
        "Sr. No.^Name of Deductor^TAN of Deductor^^^^^Total Amount Paid / Credited(Rs.)^Total "
        "Tax Deducted(Rs.)^Total TDS Deposited(Rs.)",
    ]
    detail = (
        "^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount "
        "Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)"
    )
    shown = receipts[receipts["tan"] != ""].reset_index(drop=True)
    kept = shown[np.arange(len(shown)) % 5 != 4]
    number = 0
    for (tan, name), rows in kept.groupby(["tan", "customer"], sort=True):
        number += 1
        total = [int(rows["amount"].sum()), int(rows["tds"].sum())]
        lines.append(
            f"{number}^{str(name).upper()}^{tan}^^^^^{total[0] / 100:.2f}^{total[1] / 100:.2f}"
            f"^{total[1] / 100:.2f}"
        )
        lines.append(detail)
        row: dict[str, Any]
        for at, row in enumerate(rows.to_dict("records"), start=1):
            status = STATUSES[(number + at) % len(STATUSES)]
            day = pd.Timestamp(row["date"])
            booked = "-" if status == "U" else f"{day + pd.Timedelta(days=45):%d-%b-%Y}"
            deposited = 0 if status == "U" else int(row["tds"])
            lines.append(
                f"^{at}^{row['section'] or '194J'}^{day:%d-%b-%Y}^{status}^{booked}^-"
                f"^{int(row['amount']) / 100:.2f}^{int(row['tds']) / 100:.2f}^{deposited / 100:.2f}"
            )
    lines += [
        f"{number + 1}^ANOTHER COMPANY'S CUSTOMER LIMITED^MUMA99999Z^^^^^10000.00^1000.00^1000.00",
        detail,
        f"^1^194J^15-Jun-{financial_year[:4]}^F^31-Jul-{financial_year[:4]}^-^10000.00^1000.00"
        "^1000.00",
        "^",
        "PART-II - Details of Tax Deducted at Source for 15G / 15H^",
    ]
    return "\n".join(lines) + "\n"
