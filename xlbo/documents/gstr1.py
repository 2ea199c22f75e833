"""The GSTR-1 JSON of a month, from the sales register (`register`'s rows and lines), for the
GST portal's offline tool, checked against the schema xlbo ships (`SCHEMA`).

Sections [IC utils/gstr_1; Notification 12/2024-CT]:

- `b2b`: invoices to registered persons, by recipient GSTIN, tax by rate;
- `b2cl`: inter-State invoices to unregistered persons above ₹1 lakh (₹2.5 lakh before
  1-8-2024), by place of supply;
- `b2ba` / `b2cla`: revised invoices (Rule 53) as amendments of the `b2b` / `b2cl` invoice
  of an earlier month they revise (`oinum`, `oidt`), in full, in the month of the revision;
  the HSN summary counts the revision's lines less the original's. Table 9A amends invoices of
  earlier returns only: an invoice revised in its own month is left out and its revision
  reported in `b2b` / `b2cl` in its place;
- `b2cs`: all other supplies to unregistered persons, net of their notes, summed by type of
  supply, place of supply and rate;
- `cdnr` / `cdnur`: credit and debit notes to registered persons / large inter-State notes to
  unregistered persons;
- `nil`: bills of supply (exempt), by type of supply;
- `at`: advances received on receipt vouchers (Rule 50) less those refunded on refund vouchers
  (Rule 51) in the month, by place of supply and rate (`ad_amt`: the value, tax apart);
- `txpd`: the advances of earlier months the month's tax invoices adjust (an invoice naming a
  receipt voucher), their tax paid when they came in, in the same form. An advance received
  and adjusted in the same month is in neither (Table 11A excludes it, 11B is for earlier
  months' advances): its invoice reports the supply;
- `hsn`: the HSN summary, split `hsn_b2b` / `hsn_b2c`, notes netted off;
- `doc_issue`: the numbers used, per series and kind.

Figures are the register's own, so the sections add up to it: the test holds them to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from xlbo.master.records import DocumentType

OFFLINE_TOOL_VERSION = "GST3.2.1"
"""The `version` the JSON carries: the offline tool's; check it against the tool in use."""
B2CL_LIMITS: tuple[tuple[date, Decimal], ...] = (
    (date(2017, 7, 1), Decimal(250000)),
    (date(2024, 8, 1), Decimal(100000)),
)
"""An invoice to an unregistered person above this value, inter-State, is `b2cl` (from a date)."""
DOC_KINDS = {
    DocumentType.TAX_INVOICE: (1, "Invoices for outward supply"),
    DocumentType.REVISED_INVOICE: (3, "Revised Invoice"),
    DocumentType.DEBIT_NOTE: (4, "Debit Note"),
    DocumentType.CREDIT_NOTE: (5, "Credit Note"),
    DocumentType.RECEIPT_VOUCHER: (6, "Receipt voucher"),
    DocumentType.REFUND_VOUCHER: (8, "Refund voucher"),
}

_MONEY = {"type": "number"}
_ITEMS = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["num", "itm_det"],
        "properties": {
            "num": {"type": "integer", "minimum": 1},
            "itm_det": {
                "type": "object",
                "required": ["rt", "txval"],
                "properties": {
                    "rt": {"type": "number", "minimum": 0},
                    "txval": _MONEY,
                    "iamt": _MONEY,
                    "camt": _MONEY,
                    "samt": _MONEY,
                    "csamt": _MONEY,
                },
            },
        },
    },
}
_GSTIN = {"type": "string", "pattern": "^[0-9]{2}[0-9A-Z]{13}$"}
_POS = {"type": "string", "pattern": "^[0-9]{2}$"}
_DAY = {"type": "string", "pattern": "^[0-3][0-9]-[0-1][0-9]-[0-9]{4}$"}
_NUMBER = {"type": "string", "pattern": "^[a-zA-Z1-9][a-zA-Z0-9/-]{0,15}$"}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "GSTR-1 (the sections xlbo fills)",
    "type": "object",
    "required": ["gstin", "fp", "version", "hash"],
    "properties": {
        "gstin": _GSTIN,
        "fp": {"type": "string", "pattern": "^(0[1-9]|1[0-2])[0-9]{4}$"},
        "b2b": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ctin", "inv"],
                "properties": {
                    "ctin": _GSTIN,
                    "inv": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["inum", "idt", "val", "pos", "rchrg", "inv_typ", "itms"],
                            "properties": {
                                "inum": _NUMBER,
                                "idt": _DAY,
                                "val": _MONEY,
                                "pos": _POS,
                                "rchrg": {"enum": ["Y", "N"]},
                                "inv_typ": {"enum": ["R", "SEWP", "SEWOP", "DE", "CBW"]},
                                "itms": _ITEMS,
                            },
                        },
                    },
                },
            },
        },
        "b2cl": {"type": "array"},
        "b2ba": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ctin", "inv"],
                "properties": {
                    "ctin": _GSTIN,
                    "inv": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "oinum",
                                "oidt",
                                "inum",
                                "idt",
                                "val",
                                "pos",
                                "rchrg",
                                "inv_typ",
                                "itms",
                            ],
                            "properties": {
                                "oinum": _NUMBER,
                                "oidt": _DAY,
                                "inum": _NUMBER,
                                "idt": _DAY,
                                "val": _MONEY,
                                "pos": _POS,
                                "rchrg": {"enum": ["Y", "N"]},
                                "inv_typ": {"enum": ["R", "SEWP", "SEWOP", "DE", "CBW"]},
                                "itms": _ITEMS,
                            },
                        },
                    },
                },
            },
        },
        "b2cla": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pos", "inv"],
                "properties": {
                    "pos": _POS,
                    "inv": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["oinum", "oidt", "inum", "idt", "val", "itms"],
                            "properties": {
                                "oinum": _NUMBER,
                                "oidt": _DAY,
                                "inum": _NUMBER,
                                "idt": _DAY,
                                "val": _MONEY,
                                "itms": _ITEMS,
                            },
                        },
                    },
                },
            },
        },
        "b2cs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["sply_ty", "pos", "typ", "rt", "txval"],
                "properties": {
                    "sply_ty": {"enum": ["INTER", "INTRA"]},
                    "pos": _POS,
                    "typ": {"enum": ["OE", "E"]},
                    "rt": {"type": "number"},
                    "txval": _MONEY,
                },
            },
        },
        "cdnr": {"type": "array"},
        "cdnur": {"type": "array"},
        "nil": {"type": "object"},
        "hsn": {
            "type": "object",
            "properties": {"hsn_b2b": {"type": "array"}, "hsn_b2c": {"type": "array"}},
        },
        "at": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pos", "sply_ty", "itms"],
                "properties": {
                    "pos": _POS,
                    "sply_ty": {"enum": ["INTER", "INTRA"]},
                    "itms": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "object", "required": ["rt", "ad_amt"]},
                    },
                },
            },
        },
        "txpd": {"$ref": "#/properties/at"},
        "doc_issue": {"type": "object", "required": ["doc_det"]},
    },
}


def _amount(value: Decimal) -> float:
    return float(value)


def _rate(value: Decimal) -> float | int:
    percent = value * 100
    return int(percent) if percent == percent.to_integral_value() else float(percent)


def b2cl_limit(day: date) -> Decimal:
    return [limit for start, limit in B2CL_LIMITS if start <= day][-1]


def _items(lines: Sequence[Mapping[str, Any]], with_intra: bool = True) -> list[dict[str, Any]]:
    """A document's tax by rate, as GSTR-1's `itms`."""
    by_rate: dict[Decimal, dict[str, Decimal]] = {}
    for line in lines:
        heads = by_rate.setdefault(
            line["GST Rate"], {k: Decimal(0) for k in ("txval", "iamt", "camt", "samt", "csamt")}
        )
        heads["txval"] += line["Taxable Value"]
        heads["iamt"] += line["IGST"]
        heads["camt"] += line["CGST"]
        heads["samt"] += line["SGST"] + line["UTGST"]
        heads["csamt"] += line["Cess"]
    items = []
    for number, (rate, heads) in enumerate(sorted(by_rate.items()), start=1):
        detail: dict[str, Any] = {"rt": _rate(rate)}
        for key, value in heads.items():
            if key in ("camt", "samt") and not with_intra:
                continue
            detail[key] = _amount(value)
        items.append({"num": number, "itm_det": detail})
    return items


def gstr1(
    month: date,
    gstin: str,
    documents: Sequence[Mapping[str, Any]],
    lines: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The GSTR-1 of `month` (any day of it) for the supplier `gstin`, from the register's
    `documents` and `lines` (rows as `register` writes them, money as Decimal)."""
    home = gstin[:2]
    in_month = [
        d for d in documents if (d["Date"].year, d["Date"].month) == (month.year, month.month)
    ]
    lines_of: dict[str, list[Mapping[str, Any]]] = {}
    for line in lines:
        lines_of.setdefault(line["Document No"], []).append(line)
    by_number = {str(d["Document No"]): d for d in documents}
    b2b: dict[str, list[dict[str, Any]]] = {}
    b2ba: dict[str, list[dict[str, Any]]] = {}
    b2cla: dict[str, list[dict[str, Any]]] = {}
    b2cl: dict[str, list[dict[str, Any]]] = {}
    cdnr: dict[str, list[dict[str, Any]]] = {}
    cdnur: list[dict[str, Any]] = []
    b2cs: dict[tuple[str, str, Decimal], dict[str, Decimal]] = {}
    nil: dict[str, Decimal] = {}
    advances: Advances = {}
    adjusted: Advances = {}
    hsn: dict[str, dict[tuple[str, str, Decimal], dict[str, Any]]] = {"hsn_b2b": {}, "hsn_b2c": {}}
    numbers_in_month = {str(d["Document No"]) for d in in_month}
    replaced = {
        str(d["Original Invoice"])
        for d in in_month
        if d["Document Type"] == DocumentType.REVISED_INVOICE.value
        and str(d["Original Invoice"]) in numbers_in_month
    }  # invoices revised in their own month: each revision is reported in their place
    settled = {
        str(d["Original Invoice"])
        for d in in_month
        if d["Document Type"] == DocumentType.TAX_INVOICE.value
        and str(d["Original Invoice"] or "") in numbers_in_month
    }  # advances received and adjusted in this month: neither in `at` nor in `txpd`
    for document in in_month:
        number = document["Document No"]
        kind = DocumentType(document["Document Type"])
        items = lines_of.get(number, [])
        registered = bool(document["GSTIN"])
        pos = str(document["State Code"]).zfill(2)
        inter = pos != home
        day = f"{document['Date']:%d-%m-%Y}"
        rchrg = "Y" if document["Reverse Charge"] == "Yes" else "N"
        sign = -1 if kind in (DocumentType.CREDIT_NOTE, DocumentType.REFUND_VOUCHER) else 1
        if kind in (DocumentType.RECEIPT_VOUCHER, DocumentType.REFUND_VOUCHER):
            if number not in settled:
                _add_advance(advances, document, items, home, sign)
            continue
        voucher = by_number.get(str(document["Original Invoice"] or ""))
        if (
            kind is DocumentType.TAX_INVOICE
            and voucher is not None
            and voucher["Document Type"] == DocumentType.RECEIPT_VOUCHER.value
            and str(voucher["Document No"]) not in settled
        ):  # the advance of an earlier month this invoice adjusts: its tax, paid then, set off
            _add_advance(adjusted, voucher, lines_of.get(str(voucher["Document No"]), []), home)
        if number in replaced:
            continue
        if kind is DocumentType.REVISED_INVOICE and str(document["Original Invoice"]) in replaced:
            kind = DocumentType.TAX_INVOICE  # the invoice as revised, no amendment
        counted = [(sign, items)]  # the lines the HSN summary counts, each way
        if kind is DocumentType.REVISED_INVOICE:
            original = by_number.get(str(document["Original Invoice"]))
            amended = {
                "oinum": str(document["Original Invoice"]),
                "oidt": f"{original['Date']:%d-%m-%Y}" if original else day,
                "inum": number,
                "idt": day,
                "val": _amount(document["Total"]),
            }
            if registered:
                b2ba.setdefault(document["GSTIN"], []).append(
                    {**amended, "pos": pos, "rchrg": rchrg, "inv_typ": "R", "itms": _items(items)}
                )
            else:
                b2cla.setdefault(pos, []).append({**amended, "itms": _items(items, False)})
            counted.append((-1, lines_of.get(str(document["Original Invoice"]), [])))
        elif kind is DocumentType.BILL_OF_SUPPLY:
            supply = ("INTER" if inter else "INTRA") + ("B2B" if registered else "B2C")
            supply = {"INTERB2B": "INTRB2B", "INTERB2C": "INTRB2C"}.get(supply, supply)
            nil[supply] = nil.get(supply, Decimal(0)) + document["Taxable Value"]
        elif registered and kind is DocumentType.TAX_INVOICE:
            b2b.setdefault(document["GSTIN"], []).append(
                {"inum": number, "idt": day, "val": _amount(document["Total"]), "pos": pos,
                 "rchrg": rchrg, "inv_typ": "R", "itms": _items(items)}
            )  # fmt: skip
        elif registered:
            cdnr.setdefault(document["GSTIN"], []).append(
                {"ntty": "C" if sign < 0 else "D", "nt_num": number, "nt_dt": day,
                 "val": _amount(document["Total"]), "pos": pos, "rchrg": rchrg,
                 "inv_typ": "R", "itms": _items(items)}
            )  # fmt: skip
        elif inter and document["Total"] > b2cl_limit(document["Date"]):
            entry = {"inum": number, "idt": day, "val": _amount(document["Total"]),
                     "itms": _items(items, with_intra=False)}  # fmt: skip
            if kind is DocumentType.TAX_INVOICE:
                b2cl.setdefault(pos, []).append(entry)
            else:
                cdnur.append(
                    {"typ": "B2CL", "ntty": "C" if sign < 0 else "D", "nt_num": number,
                     "nt_dt": day, "val": entry["val"], "pos": pos, "itms": entry["itms"]}
                )  # fmt: skip
        else:
            for line in items:
                key = ("INTER" if inter else "INTRA", pos, line["GST Rate"])
                heads = b2cs.setdefault(
                    key, {k: Decimal(0) for k in ("txval", "iamt", "camt", "samt", "csamt")}
                )
                heads["txval"] += sign * line["Taxable Value"]
                heads["iamt"] += sign * line["IGST"]
                heads["camt"] += sign * line["CGST"]
                heads["samt"] += sign * (line["SGST"] + line["UTGST"])
                heads["csamt"] += sign * line["Cess"]
        if kind is DocumentType.BILL_OF_SUPPLY:
            continue
        table = hsn["hsn_b2b" if registered else "hsn_b2c"]
        for sign, line in ((sign, line) for sign, some in counted for line in some):
            key = (str(line["HSN/SAC"]), str(line["UQC"]), line["GST Rate"])
            row = table.setdefault(
                key,
                {"desc": str(line["Description"])[:30], "qty": Decimal(0),
                 **{k: Decimal(0) for k in ("txval", "iamt", "camt", "samt", "csamt")}},
            )  # fmt: skip
            row["qty"] += sign * line["Quantity"]
            row["txval"] += sign * line["Taxable Value"]
            row["iamt"] += sign * line["IGST"]
            row["camt"] += sign * line["CGST"]
            row["samt"] += sign * (line["SGST"] + line["UTGST"])
            row["csamt"] += sign * line["Cess"]
    report: dict[str, Any] = {
        "gstin": gstin,
        "fp": f"{month:%m%Y}",
        "version": OFFLINE_TOOL_VERSION,
        "hash": "hash",
    }
    if b2b:
        report["b2b"] = [{"ctin": ctin, "inv": inv} for ctin, inv in sorted(b2b.items())]
    if b2cl:
        report["b2cl"] = [{"pos": pos, "inv": inv} for pos, inv in sorted(b2cl.items())]
    if b2ba:
        report["b2ba"] = [{"ctin": ctin, "inv": inv} for ctin, inv in sorted(b2ba.items())]
    if b2cla:
        report["b2cla"] = [{"pos": pos, "inv": inv} for pos, inv in sorted(b2cla.items())]
    if b2cs:
        report["b2cs"] = [
            {"sply_ty": supply, "pos": pos, "typ": "OE", "rt": _rate(rate),
             **{k: _amount(v) for k, v in heads.items()
                if not (supply == "INTER" and k in ("camt", "samt"))
                and not (supply == "INTRA" and k == "iamt")}}
            for (supply, pos, rate), heads in sorted(b2cs.items())
        ]  # fmt: skip
    if cdnr:
        report["cdnr"] = [{"ctin": ctin, "nt": nt} for ctin, nt in sorted(cdnr.items())]
    if cdnur:
        report["cdnur"] = cdnur
    if nil:
        report["nil"] = {
            "inv": [
                {"sply_ty": s, "nil_amt": 0.0, "expt_amt": _amount(v), "ngsup_amt": 0.0}
                for s, v in sorted(nil.items())
            ]
        }
    if advances:
        report["at"] = _advance_section(advances)
    if adjusted:
        report["txpd"] = _advance_section(adjusted)
    report["hsn"] = {
        part: [
            {"num": number, "hsn_sc": code, "uqc": uqc, "rt": _rate(rate),
             **{k: (_amount(v) if k != "desc" else v) for k, v in row.items()}}
            for number, ((code, uqc, rate), row) in enumerate(sorted(table.items()), start=1)
        ]
        for part, table in hsn.items()
    }  # fmt: skip
    report["doc_issue"] = {"doc_det": _documents_issued(in_month)}
    return report


Advances = dict[tuple[str, str], dict[Decimal, dict[str, Decimal]]]
"""Advances by (type of supply, place of supply), then rate: value and tax heads."""


def _add_advance(
    advances: Advances,
    voucher: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]],
    home: str,
    sign: int = 1,
) -> None:
    """A receipt (or, `sign` -1, refund) voucher's lines into `advances`."""
    pos = str(voucher["State Code"]).zfill(2)
    by_rate = advances.setdefault(("INTER" if pos != home else "INTRA", pos), {})
    for line in lines:
        heads = by_rate.setdefault(
            line["GST Rate"], {k: Decimal(0) for k in ("ad_amt", "iamt", "camt", "samt", "csamt")}
        )
        heads["ad_amt"] += sign * line["Taxable Value"]
        heads["iamt"] += sign * line["IGST"]
        heads["camt"] += sign * line["CGST"]
        heads["samt"] += sign * (line["SGST"] + line["UTGST"])
        heads["csamt"] += sign * line["Cess"]


def _advance_section(advances: Advances) -> list[dict[str, Any]]:
    """`at` (advances received) or `txpd` (advances adjusted): per place of supply, by rate."""
    return [
        {"pos": pos, "sply_ty": supply,
         "itms": [{"rt": _rate(rate),
                   **{k: _amount(v) for k, v in heads.items()
                      if not (supply == "INTER" and k in ("camt", "samt"))
                      and not (supply == "INTRA" and k == "iamt")}}
                  for rate, heads in sorted(by_rate.items())]}
        for (supply, pos), by_rate in sorted(advances.items(), key=lambda kv: kv[0][1])
    ]  # fmt: skip


def _documents_issued(documents: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The numbers used in the month, per kind and series: first, last, how many."""
    series: dict[tuple[int, str], list[str]] = {}
    for document in documents:
        kind = DocumentType(document["Document Type"])
        if kind not in DOC_KINDS:
            continue
        series.setdefault((DOC_KINDS[kind][0], document["Series"]), []).append(
            document["Document No"]
        )
    details: dict[int, list[dict[str, Any]]] = {}
    for (doc_num, _), numbers in sorted(series.items()):
        ordered = sorted(numbers)
        docs = details.setdefault(doc_num, [])
        docs.append(
            {"num": len(docs) + 1, "from": ordered[0], "to": ordered[-1],
             "totnum": len(ordered), "cancel": 0, "net_issue": len(ordered)}
        )  # fmt: skip
    names = dict(DOC_KINDS.values())
    return [
        {"doc_num": n, "doc_typ": names[n], "docs": docs} for n, docs in sorted(details.items())
    ]


def schema_errors(report: Mapping[str, Any]) -> list[str]:
    """What in `report` breaks `SCHEMA`; [] when it holds."""
    from jsonschema import Draft7Validator  # type: ignore[import-untyped]

    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in Draft7Validator(SCHEMA).iter_errors(report)
    ]
