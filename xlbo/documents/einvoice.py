"""The e-invoice (schema INV-01, version 1.1) of each B2B document, for the IRP's bulk upload,
checked against the schema xlbo ships (`SCHEMA`, the published schema's keys, types, patterns
and lengths for what xlbo fills).

Only documents to a registered recipient (B2B) that carry tax go to the IRP: tax invoices
(`INV`), credit notes (`CRN`) and debit notes (`DBN`); a bill of supply does not. The IRP needs
each party's PIN: the buyer's is the six-digit number in the customer's Address, the seller's the
Company sheet's PIN. A document that lacks one gets no e-invoice and the reason is said
(`missing`), never a made-up value.

    >>> payload = einvoice(document, seller_pin="411026")   # doctest: +SKIP
    >>> payload["DocDtls"]                                  # doctest: +SKIP
    {'Typ': 'INV', 'No': 'INV/26-27/0001', 'Dt': '15/10/2026'}
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xlbo.documents.model import Document, Party
from xlbo.master.records import DocumentType
from xlbo.money import from_paise, to_paise

VERSION = "1.1"
TYPES = {
    DocumentType.TAX_INVOICE: "INV",
    DocumentType.CREDIT_NOTE: "CRN",
    DocumentType.DEBIT_NOTE: "DBN",
}
_PIN = re.compile(r"(?<!\d)([1-9]\d{5})(?!\d)")

_TEXT = {"type": "string"}
_AMOUNT = {"type": "number", "minimum": 0, "maximum": 999999999999.99}
_PARTY = {
    "type": "object",
    "required": ["Gstin", "LglNm", "Addr1", "Loc", "Pin", "Stcd"],
    "properties": {
        "Gstin": {"type": "string", "pattern": "^([0-9]{2}[0-9A-Z]{13})$"},
        "LglNm": {"type": "string", "minLength": 3, "maxLength": 100},
        "TrdNm": {"type": "string", "minLength": 3, "maxLength": 100},
        "Addr1": {"type": "string", "minLength": 1, "maxLength": 100},
        "Addr2": {"type": "string", "minLength": 3, "maxLength": 100},
        "Loc": {"type": "string", "minLength": 3, "maxLength": 50},
        "Pin": {"type": "integer", "minimum": 100000, "maximum": 999999},
        "Stcd": {"type": "string", "pattern": "^([0-9]{1,2})$"},
        "Pos": {"type": "string", "pattern": "^([0-9]{1,2})$"},
    },
}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "GST e-invoice INV-01 version 1.1 (the keys xlbo fills)",
    "type": "object",
    "required": [
        "Version",
        "TranDtls",
        "DocDtls",
        "SellerDtls",
        "BuyerDtls",
        "ItemList",
        "ValDtls",
    ],
    "properties": {
        "Version": {"const": VERSION},
        "TranDtls": {
            "type": "object",
            "required": ["TaxSch", "SupTyp"],
            "properties": {
                "TaxSch": {"enum": ["GST"]},
                "SupTyp": {"enum": ["B2B", "SEZWP", "SEZWOP", "EXPWP", "EXPWOP", "DEXP"]},
                "RegRev": {"enum": ["Y", "N"]},
                "IgstOnIntra": {"enum": ["Y", "N"]},
            },
        },
        "DocDtls": {
            "type": "object",
            "required": ["Typ", "No", "Dt"],
            "properties": {
                "Typ": {"enum": ["INV", "CRN", "DBN"]},
                "No": {"type": "string", "pattern": "^([a-zA-Z1-9]{1}[a-zA-Z0-9/-]{0,15})$"},
                "Dt": {"type": "string", "pattern": "^[0-3][0-9]/[0-1][0-9]/[2][0][1-9][0-9]$"},
            },
        },
        "SellerDtls": _PARTY,
        "BuyerDtls": {**_PARTY, "required": [*_PARTY["required"], "Pos"]},
        "ItemList": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
                "type": "object",
                "required": [
                    "SlNo",
                    "IsServc",
                    "HsnCd",
                    "UnitPrice",
                    "TotAmt",
                    "AssAmt",
                    "GstRt",
                    "TotItemVal",
                ],
                "properties": {
                    "SlNo": {"type": "string", "minLength": 1, "maxLength": 6},
                    "PrdDesc": {"type": "string", "minLength": 3, "maxLength": 300},
                    "IsServc": {"enum": ["Y", "N"]},
                    "HsnCd": {"type": "string", "pattern": "^[0-9]{4,8}$"},
                    "Qty": {"type": "number", "minimum": 0},
                    "Unit": {"type": "string", "minLength": 3, "maxLength": 8},
                    "UnitPrice": _AMOUNT,
                    "TotAmt": _AMOUNT,
                    "Discount": _AMOUNT,
                    "AssAmt": _AMOUNT,
                    "GstRt": {"type": "number", "minimum": 0, "maximum": 999.999},
                    "IgstAmt": _AMOUNT,
                    "CgstAmt": _AMOUNT,
                    "SgstAmt": _AMOUNT,
                    "CesRt": {"type": "number", "minimum": 0, "maximum": 100},
                    "CesAmt": _AMOUNT,
                    "TotItemVal": _AMOUNT,
                },
            },
        },
        "ValDtls": {
            "type": "object",
            "required": ["AssVal", "TotInvVal"],
            "properties": {
                "AssVal": _AMOUNT,
                "CgstVal": _AMOUNT,
                "SgstVal": _AMOUNT,
                "IgstVal": _AMOUNT,
                "CesVal": _AMOUNT,
                "RndOffAmt": {"type": "number", "minimum": -99.99, "maximum": 99.99},
                "TotInvVal": _AMOUNT,
            },
        },
        "RefDtls": {"type": "object"},
    },
}
"""The schema every e-invoice xlbo writes is checked against before it is written."""


def _rupees(paise: int) -> float:
    """Paise as the JSON number the IRP reads (two decimals; exact for any invoice's paise)."""
    return float(from_paise(paise))


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def pin_of(address: str) -> str | None:
    """The six-digit PIN in an address ('FC Road, Pune 411004' → '411004'), or None."""
    found = _PIN.findall(address or "")
    return found[-1] if found else None


def _place(address: str, fallback: str) -> str:
    """The locality: the address's last part without its PIN (the city), else `fallback`."""
    parts = [
        p.strip(" .-") for p in re.split(r"[,\n]", _PIN.sub("", address or "")) if p.strip(" .-")
    ]
    place = parts[-1] if parts else ""
    return (place if len(place) >= 3 else fallback)[:50]


def _party(party: Party, pin: str) -> dict[str, Any]:
    first = (party.address or party.name).replace("\n", ", ")
    return {
        "Gstin": party.gstin,
        "LglNm": party.name[:100],
        "Addr1": first[:100],
        "Loc": _place(party.address, party.state.name),
        "Pin": int(pin),
        "Stcd": party.state.code,
    }


def goes_to_irp(document: Document) -> bool:
    """A B2B document of a kind the IRP takes."""
    return document.registered and document.kind in TYPES


def missing(document: Document, seller_pin: str | None) -> str:
    """Why the document can get no e-invoice ('' when it can)."""
    if not seller_pin or not _PIN.fullmatch(seller_pin.strip()):
        return "the Company sheet's PIN is blank or not six digits"
    if pin_of(document.customer.address) is None:
        return f"{document.customer.name}'s Address has no six-digit PIN"
    return ""


def einvoice(document: Document, seller_pin: str) -> dict[str, Any]:
    """The INV-01 JSON of one B2B document (see `missing` first)."""
    buyer = _party(document.customer, pin_of(document.customer.address) or "")
    buyer["Pos"] = document.place_of_supply.code
    items = []
    for number, line in enumerate(document.lines, start=1):
        gross = line.taxable + to_paise(line.discount)
        item: dict[str, Any] = {
            "SlNo": str(number),
            "PrdDesc": line.description[:300],
            "IsServc": "Y" if line.service else "N",
            "HsnCd": line.hsn,
            "Qty": _number(line.quantity) if line.quantity is not None else 1,
            "Unit": line.unit if line.unit != "NA" else "OTH",
            "UnitPrice": float(line.rate),
            "TotAmt": _rupees(gross),
            "Discount": float(line.discount),
            "AssAmt": _rupees(line.taxable),
            "GstRt": _number(line.gst_rate * 100),
            "IgstAmt": _rupees(line.igst),
            "CgstAmt": _rupees(line.cgst),
            "SgstAmt": _rupees(line.sgst),
            "CesRt": _number(line.cess_rate * 100),
            "CesAmt": _rupees(line.cess),
            "TotItemVal": _rupees(line.taxable + line.tax),
        }
        items.append(item)
    payload: dict[str, Any] = {
        "Version": VERSION,
        "TranDtls": {
            "TaxSch": "GST",
            "SupTyp": "B2B",
            "RegRev": "Y" if document.reverse_charge else "N",
            "IgstOnIntra": "N",
        },
        "DocDtls": {
            "Typ": TYPES[document.kind],
            "No": document.number,
            "Dt": f"{document.date:%d/%m/%Y}",
        },
        "SellerDtls": _party(document.supplier, seller_pin.strip()),
        "BuyerDtls": buyer,
        "ItemList": items,
        "ValDtls": {
            "AssVal": _rupees(document.taxable),
            "CgstVal": _rupees(document.cgst),
            "SgstVal": _rupees(document.sgst),
            "IgstVal": _rupees(document.igst),
            "CesVal": _rupees(document.cess),
            "RndOffAmt": _rupees(document.value_with_tax - document.taxable - document.tax),
            "TotInvVal": _rupees(document.value_with_tax),
        },
    }
    if document.original and document.original_date:
        payload["RefDtls"] = {
            "PrecDocDtls": [
                {"InvNo": document.original, "InvDt": f"{document.original_date:%d/%m/%Y}"}
            ]
        }
    return payload


@functools.cache
def _validator() -> Any:
    """The shipped schema's validator, made once a process."""
    from jsonschema import Draft7Validator  # type: ignore[import-untyped]

    return Draft7Validator(SCHEMA)


def schema_errors(payloads: Sequence[dict[str, Any]]) -> list[str]:
    """What in `payloads` breaks `SCHEMA` (each with its document number); [] when all hold.
    A break is a bug in xlbo (the documents were checked before), so the job raises on it."""
    validator = _validator()
    errors = []
    for payload in payloads:
        number = payload.get("DocDtls", {}).get("No", "?")
        for error in validator.iter_errors(payload):
            where = "/".join(str(p) for p in error.absolute_path)
            errors.append(f"{number}: {where}: {error.message}")
    return errors
