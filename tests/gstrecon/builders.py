"""Literal inputs of the GST reconciliation tests: a GSTR-2B JSON in the portal's layout and a
books workbook with Vendors and Purchases sheets."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.conftest import write_xlsx
from xlbo.gstrecon.register import XLBO_HEADERS
from xlbo.ids.checksums import gstin_check_character


def gstin(state: str, pan: str, entity: str = "1") -> str:
    first = f"{state}{pan}{entity}Z"
    return first + gstin_check_character(first)


OURS = gstin("27", "AAACS1234F")
GANESH = gstin("27", "AABCG1234K")
KAVERI = gstin("29", "AAFFK5678L")
OMSAI_MH = gstin("27", "AAJPS4321Q")
OMSAI_GJ = gstin("24", "AAJPS4321Q")

VENDORS = [
    ["Vendor Code", "Name", "GSTIN", "PAN"],
    ["V001", "Shree Ganesh Traders", GANESH, "AABCG1234K"],
    ["V002", "Kaveri Logistics LLP", KAVERI, "AAFFK5678L"],
    ["V003", "Om Sai Enterprises", OMSAI_MH, "AAJPS4321Q"],
    ["V004", "Ramesh Tailor", None, None],
]


def invoice(
    number: str,
    day: str,
    taxable: float,
    igst: float = 0,
    cgst: float = 0,
    sgst: float = 0,
    cess: float = 0,
    **extra: Any,
) -> dict[str, Any]:
    """One document of a 2B supplier entry, heads at the invoice level as the portal gives."""
    return {
        "inum": number,
        "typ": "R",
        "dt": day,
        "val": taxable + igst + cgst + sgst + cess,
        "pos": "27",
        "rev": "N",
        "itcavl": "Y",
        "rsn": "",
        "diffprcnt": 1,
        "srctyp": "e-Invoice",
        "txval": taxable,
        "igst": igst,
        "cgst": cgst,
        "sgst": sgst,
        "cess": cess,
        **extra,
    }


def note(
    number: str,
    day: str,
    taxable: float,
    igst: float = 0,
    cgst: float = 0,
    sgst: float = 0,
    kind: str = "C",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "ntnum": number,
        "typ": kind,
        "suptyp": "R",
        "dt": day,
        "val": taxable + igst + cgst + sgst,
        "pos": "27",
        "rev": "N",
        "itcavl": "Y",
        "rsn": "",
        "txval": taxable,
        "igst": igst,
        "cgst": cgst,
        "sgst": sgst,
        "cess": 0,
        **extra,
    }


def gstr2b(path: Path, period: str, sections: dict[str, dict[str, list[dict[str, Any]]]]) -> Path:
    """Write a 2B JSON: `sections` maps b2b/b2ba/cdnr/cdnra to {supplier GSTIN: documents}."""
    names = {
        GANESH: "SHREE GANESH TRADERS",
        KAVERI: "KAVERI LOGISTICS LLP",
        OMSAI_GJ: "OM SAI ENTERPRISES",
        OMSAI_MH: "OM SAI ENTERPRISES",
    }
    docdata: dict[str, Any] = {}
    for section, suppliers in sections.items():
        listed = "nt" if section.startswith("cdn") else "inv"
        docdata[section] = [
            {
                "ctin": ctin,
                "trdnm": names.get(ctin, "SUPPLIER"),
                "supfildt": "11-11-2026",
                "supprd": period,
                listed: documents,
            }
            for ctin, documents in suppliers.items()
        ]
    top = {
        "chksum": "X",
        "data": {
            "gstin": OURS,
            "rtnprd": period,
            "version": "1.0",
            "gendt": "14-11-2026",
            "itcsumm": {},
            "docdata": docdata,
        },
    }
    path.write_text(json.dumps(top, indent=1), encoding="utf-8")
    return path


def purchase(
    code: str,
    bill: str,
    day: str,
    taxable: float,
    igst: float = 0,
    cgst: float = 0,
    sgst: float = 0,
    cess: float = 0,
) -> list[Any]:
    row: dict[str, Any] = {
        "Vendor Code": code,
        "Bill No": bill,
        "Bill Date": day,
        "Accepted Date": day,
        "Expense Account": "Purchases - Goods",
        "Taxable Value": taxable,
        "IGST": igst,
        "CGST": cgst,
        "SGST": sgst,
        "Cess": cess,
        "Reverse Charge": "No",
    }
    return [row.get(h) for h in XLBO_HEADERS]


def import_bill(
    code: str,
    bill: str,
    day: str,
    taxable: float,
    igst: float,
    entry: str,
    entry_day: str | None,
    port: str | None,
) -> list[Any]:
    """A Purchases row of an import: the supplier's invoice with its bill of entry."""
    row = purchase(code, bill, day, taxable, igst=igst)
    extra = {"Bill of Entry": entry, "Bill of Entry Date": entry_day, "Port Code": port}
    return [extra.get(h, v) for h, v in zip(XLBO_HEADERS, row, strict=True)]


def books(
    path: Path, purchases: Sequence[Sequence[Any]], vendors: Sequence[Sequence[Any]] = VENDORS
) -> Path:
    return write_xlsx(path, {"Vendors": vendors, "Purchases": [list(XLBO_HEADERS), *purchases]})
