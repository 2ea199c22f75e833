"""GSTR-2B as the GST portal hands it out: the JSON of Returns → GSTR-2B → Download.

    {"data": {"gstin": "27AAACS1234A1Z5", "rtnprd": "102026", "gendt": "14-11-2026",
      "docdata": {
        "b2b":   [{"ctin": …, "trdnm": …, "supprd": "102026", "inv": [{"inum": "SG/101",
                   "dt": "05-10-2026", "val": 11800, "pos": "27", "rev": "N", "itcavl": "Y",
                   "rsn": "", "txval": 10000, "igst": 0, "cgst": 900, "sgst": 900, "cess": 0,
                   "items": [{"num": 1, "rt": 18, "txval": 10000, …}]}]}],
        "b2ba":  the same, each invoice with "oinum"/"oidt", the number and date it amends,
        "cdnr":  [{"ctin": …, "nt": [{"ntnum": …, "typ": "C" or "D", "dt": …, …}]}],
        "cdnra": the same, each note with "ontnum"/"ontdt",
        "ecom", "ecoma": as b2b and b2ba, the invoices an e-commerce operator issued}}}

Amounts come at the invoice level, or only in its `items` (summed here, in paise); the JSON's
numbers are read in bulk to exact paise (`xlbo.columns.paise_column`), never summed as floats.
A credit note's amounts are negative. An amendment (b2ba, cdnra, ecoma, isda) replaces the
record it amends, in its own file or an earlier period's.

Imports and input service distributors come in their own shapes:

        "impg":    [{"refdt": "28-11-2026", "recdt": "30-11-2026", "portcode": "INNSA1",
                     "boenum": "2566282", "boedt": "18-11-2026", "isamd": "N",
                     "txval": 100000, "igst": 18000, "cess": 0}],
        "impgsez": [{"ctin": …, "trdnm": …, "boe": [the same, from a SEZ unit]}],
        "isd":     [{"ctin": …, "trdnm": …, "doclist": [{"doctyp": "ISDI" or "ISDC",
                     "docnum": …, "docdt": …, "oinvnum": …, "oinvdt": …, "igst": …,
                     "cgst": …, "sgst": …, "cess": …, "itcelg": "Y"}]}],
        "isda":    the same, each document with "odocnum"/"odocdt", the one it amends.

A bill of entry's IGST is credit like a bill's (GSTR-3B table 4(A)(1)); ISD credit is table
4(A)(4). Any other part of `docdata` that holds records is named in `Gstr2b.unread`, so the run
can say what it did not read; so is a supplier whose `inv` (or `nt`) is null, missing or not a
list, and a document that is not an object.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.columns import paise_column
from xlbo.errors import FileProblem
from xlbo.gstrecon.bills import bill_keys
from xlbo.gstrecon.engine import AMENDMENTS, HEADS, PORTAL_COLUMNS

DOWNLOAD = "download it again from the GST portal (Returns → GSTR-2B → Download → JSON)"
SECTIONS = {
    "b2b": "inv",
    "b2ba": "inv",
    "cdnr": "nt",
    "cdnra": "nt",
    "ecom": "inv",
    "ecoma": "inv",
}
"""The parts read as bills, and the list of documents in each supplier's entry."""
IMPORTS = {"impg": None, "impgsez": "boe"}
"""Bills of entry: `impg` a flat list, `impgsez` a SEZ supplier's entry with its `boe` list."""
ISD = {"isd": "doclist", "isda": "doclist"}
"""Credit distributed by an input service distributor, and its amendments."""
READ = frozenset({*SECTIONS, *IMPORTS, *ISD})
IMPORT_COLUMNS = (
    "ref",
    "gstin",
    "supplier",
    "boe_no",
    "boe_date",
    "port",
    "taxable",
    "igst",
    "cess",
    "period",
    "section",
    "amended",
)
"""An import record: the SEZ supplier's GSTIN (blank for `impg`), amounts in paise."""
ISD_HEADS = ("igst", "cgst", "sgst", "cess")
ISD_COLUMNS = (
    "ref",
    "gstin",
    "supplier",
    "kind",
    "bill_no",
    "bill_date",
    "invoice",
    *ISD_HEADS,
    "itc_available",
    "period",
    "section",
    "amended",
)
"""An ISD document: its number and date, the ISD invoice a credit note reduces (`invoice`),
each head in paise (an ISD credit note negative) and whether the credit is eligible."""


@dataclass(frozen=True)
class Gstr2b:
    """What the 2B files hold: `records` the bills and notes (b2b, b2ba, cdnr, cdnra, ecom,
    ecoma, the engine's shape), `imports` the bills of entry, `isd` the ISD credit, the
    recipient's GSTIN, and `unread`: each part of a file that holds records not read."""

    records: pd.DataFrame
    recipient: str
    imports: pd.DataFrame
    isd: pd.DataFrame
    unread: tuple[str, ...] = ()


REASONS = {
    "P": "place of supply in the supplier's state, recipient in another",
    "C": "the supplier filed after the time limit of s.16(4)",
}
"""2B's `rsn` codes for credit not available."""


def _problem(path: Path, what: str) -> FileProblem:
    return FileProblem(f"{path.name}: {what}; {DOWNLOAD}.")


def _load(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise FileProblem(f"{path} was not found. Check the name and folder, then run again.")
    if path.is_dir():
        raise FileProblem(f"{path} is a folder; give the GSTR-2B JSON file's name.")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FileProblem(f"{path} cannot be read ({error.strerror}).") from None
    if raw[:2] == b"PK":
        raise _problem(path, "is a zip or Excel file, not the JSON (unzip it first)")
    try:
        top = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise _problem(path, f"is not a JSON file ({str(error)[:80]})") from None
    data = top.get("data", top) if isinstance(top, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("docdata"), dict):
        raise _problem(path, "is not a GSTR-2B (no data.docdata)")
    return data


def _period(path: Path, data: dict[str, Any]) -> str:
    text = str(data.get("rtnprd") or "").strip()
    if len(text) != 6 or not text.isdigit() or not 1 <= int(text[:2]) <= 12:
        raise _problem(path, f"its return period rtnprd '{text[:20]}' is not MMYYYY")
    return f"{text[2:]}-{text[:2]}"


def _day(path: Path, where: str, text: Any) -> date | None:
    if text in (None, ""):
        return None
    try:
        day, month, year = (int(part) for part in str(text).split("-"))
        return date(year, month, day)
    except ValueError:
        raise _problem(path, f"{where} has the date '{str(text)[:20]}', not DD-MM-YYYY") from None


_JSON_HEADS = ("txval", "igst", "cgst", "sgst", "cess")


Parts = list[tuple[int, list[Any]]]
"""Items of documents that give their amounts only item by item: (document's row, heads)."""


def _records(
    path: Path, data: dict[str, Any], period: str
) -> tuple[list[dict[str, Any]], Parts, list[str]]:
    """The documents of one file as rows (amounts and dates as the JSON has them; `_typed`
    reads them in bulk), the items of those whose amounts are only in their items, and what
    was not read: a supplier whose `inv` (or `nt`) is null, missing or not a list, a document
    that is not an object."""
    rows: list[dict[str, Any]] = []
    parts: Parts = []
    skipped: list[str] = []
    docdata = data["docdata"]
    for section, listed in SECTIONS.items():
        suppliers = docdata.get(section)
        if suppliers is None:
            continue
        if not isinstance(suppliers, list):
            raise _problem(path, f"docdata.{section} is not a list")
        for supplier in suppliers:
            if not isinstance(supplier, dict):
                raise _problem(path, f"docdata.{section} holds '{str(supplier)[:30]}'")
            ctin = str(supplier.get("ctin") or "").strip().upper()
            name = str(supplier.get("trdnm") or "").strip()
            documents = supplier.get(listed)
            who = f"{path.name}: docdata.{section} supplier {ctin or '(no ctin)'}"
            who += f" ({name})" if name else ""
            if not isinstance(documents, list):  # [] holds nothing to lose
                held = "missing" if listed not in supplier else _json_text(documents)
                skipped.append(f"{who}: {listed} is {held}, so no document of it was read")
                continue
            for document in documents:
                if not isinstance(document, dict):
                    skipped.append(f"{who}: {listed} holds {_json_text(document)}, not a document")
                    continue
                note = listed == "nt"
                number = str(document.get("ntnum" if note else "inum") or "").strip()
                where = f"{section} {ctin} {number or '(no number)'}"
                kind_code = str(document.get("typ") or "").upper()
                kind = ("Credit Note" if kind_code == "C" else "Debit Note") if note else "Invoice"
                itemised = not any(k in document for k in ("txval", "igst", "cgst", "sgst"))
                if itemised:
                    items = document.get("items") or document.get("itms") or []
                    for item in items if isinstance(items, list) else []:
                        detail = item.get("itm_det", item) if isinstance(item, dict) else {}
                        if not isinstance(detail, dict):
                            raise _problem(
                                path, f"{where} has an item '{str(detail)[:30]}', not its amounts"
                            )
                        parts.append((len(rows), [detail.get(k) for k in _JSON_HEADS]))
                heads = [None if itemised else document.get(k) for k in _JSON_HEADS]
                original = str(document.get("ontnum" if note else "oinum") or "").strip()
                original_day = (
                    _day(path, where, document.get("ontdt" if note else "oidt"))
                    if original
                    else None
                )
                rsn = str(document.get("rsn") or "").strip().upper()
                rows.append(
                    {
                        "ref": f"{path.name}: {where}",
                        "gstin": ctin,
                        "supplier": name,
                        "bill_no": number,
                        "bill_date": document.get("dt"),
                        "kind": kind + (" (reverse charge)" if document.get("rev") == "Y" else ""),
                        **dict(zip(HEADS, heads, strict=True)),
                        "period": period,
                        "section": section,
                        "itc_available": str(document.get("itcavl") or "Y").upper() != "N",
                        "itc_reason": REASONS.get(rsn, rsn),
                        "amended": (
                            f"amends {original} of {original_day:%d-%m-%Y}"
                            if original and original_day
                            else (f"amends {original}" if original else "")
                        ),
                        "original": original,
                    }
                )
    return rows, parts, skipped


def _json_text(value: Any) -> str:
    """A JSON value as the file shows it, cut short: null, [], "x"."""
    return json.dumps(value, ensure_ascii=False, default=str)[:30]


def _entries(path: Path, docdata: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """The entries of one part of `docdata` (each an object), [] when it is absent."""
    entries = docdata.get(section)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise _problem(path, f"docdata.{section} is not a list")
    for entry in entries:
        if not isinstance(entry, dict):
            raise _problem(path, f"docdata.{section} holds '{str(entry)[:30]}'")
    return entries


def _listed(entry: dict[str, Any], key: str) -> list[dict[str, Any]]:
    documents = entry.get(key) or []
    if not isinstance(documents, list):
        return []
    return [d for d in documents if isinstance(d, dict)]


def _imports(path: Path, data: dict[str, Any], period: str) -> list[dict[str, Any]]:
    """The bills of entry of one file (`IMPORTS`), amounts and dates as the JSON has them."""
    rows: list[dict[str, Any]] = []
    for section, listed in IMPORTS.items():
        for entry in _entries(path, data["docdata"], section):
            ctin = str(entry.get("ctin") or "").strip().upper()
            name = str(entry.get("trdnm") or "").strip()
            for document in _listed(entry, listed) if listed else [entry]:
                number = str(document.get("boenum") or "").strip()
                port = str(document.get("portcode") or "").strip().upper()
                rows.append(
                    {
                        "ref": f"{path.name}: {section} {port} {number or '(no number)'}".replace(
                            "  ", " "
                        ),
                        "gstin": ctin,
                        "supplier": name,
                        "boe_no": number,
                        "boe_date": document.get("boedt"),
                        "port": port,
                        "taxable": document.get("txval"),
                        "igst": document.get("igst"),
                        "cess": document.get("cess"),
                        "period": period,
                        "section": section,
                        "amended": (
                            "amended by customs"
                            if str(document.get("isamd") or "").upper() == "Y"
                            else ""
                        ),
                    }
                )
    return rows


def _isd(path: Path, data: dict[str, Any], period: str) -> list[dict[str, Any]]:
    """The documents of input service distributors in one file (`ISD`)."""
    rows: list[dict[str, Any]] = []
    for section, listed in ISD.items():
        for entry in _entries(path, data["docdata"], section):
            ctin = str(entry.get("ctin") or "").strip().upper()
            name = str(entry.get("trdnm") or "").strip()
            for document in _listed(entry, listed):
                number = str(document.get("docnum") or "").strip()
                credit = str(document.get("doctyp") or "").upper() == "ISDC"
                original = str(document.get("odocnum") or "").strip()
                invoice = str(document.get("oinvnum") or "").strip()
                rows.append(
                    {
                        "ref": f"{path.name}: {section} {ctin} {number or '(no number)'}",
                        "gstin": ctin,
                        "supplier": name,
                        "kind": "ISD Credit Note" if credit else "ISD Invoice",
                        "bill_no": number,
                        "bill_date": document.get("docdt"),
                        "invoice": invoice,
                        **{head: document.get(head) for head in ISD_HEADS},
                        "itc_available": str(document.get("itcelg") or "Y").upper() != "N",
                        "period": period,
                        "section": section,
                        "amended": f"amends {original}" if original else "",
                        "original": original,
                    }
                )
    return rows


def _unread(path: Path, data: dict[str, Any]) -> list[str]:
    """Each part of the file's `docdata` that holds records and is not read, with its count."""
    said = []
    for section, entries in data["docdata"].items():
        if section in READ or not entries:
            continue
        count = len(entries) if isinstance(entries, list | dict) else 1
        said.append(f"{path.name}: docdata.{section} ({count} entr{'y' if count == 1 else 'ies'})")
    return said


def _amounts(frame: pd.DataFrame, heads: Sequence[str], credit: np.ndarray) -> None:
    """Each of `heads` in paise, in place (negative where `credit`)."""
    refs = frame["ref"]
    for head in heads:
        paise = _paise(frame[head].astype(object), refs, head)
        frame[head] = np.where(credit, -np.abs(paise), paise).astype(np.int64)


def _days(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column of DD-MM-YYYY texts as datetimes; the first that is not one stops the file."""
    refs = frame["ref"]
    written = frame[column].astype(object)
    days = pd.to_datetime(written.astype(str), format="%d-%m-%Y", errors="coerce")
    bad = days.isna().to_numpy() & written.notna().to_numpy() & (written != "").to_numpy()
    if bad.any():
        at0 = int(np.flatnonzero(bad)[0])
        raise FileProblem(
            f"{refs.iat[at0]} has the date '{str(written.iat[at0])[:20]}', not DD-MM-YYYY; "
            f"{DOWNLOAD}."
        )
    return pd.Series(days, index=frame.index)


def read_gstr2b(paths: Sequence[Path]) -> Gstr2b:
    """The records of every 2B file given (one a period), amendments in place of what they
    amend, its imports and ISD credit, and the recipient's GSTIN. Files of two recipients, or
    two files of one period, are refused: they would count credit twice or mix companies."""
    rows: list[dict[str, Any]] = []
    imports: list[dict[str, Any]] = []
    isd: list[dict[str, Any]] = []
    unread: list[str] = []
    parts: Parts = []
    recipient = ""
    seen: dict[str, Path] = {}
    for path in paths:
        data = _load(path)
        period = _period(path, data)
        if period in seen:
            raise FileProblem(
                f"{seen[period].name} and {path.name} are both the GSTR-2B of {period}; give "
                "each period once."
            )
        seen[period] = path
        gstin = str(data.get("gstin") or "").strip().upper()
        if recipient and gstin and gstin != recipient:
            raise FileProblem(
                f"{path.name} is the 2B of GSTIN {gstin}, the other files of {recipient}; "
                "reconcile one registration at a time."
            )
        recipient = recipient or gstin
        found, items, skipped = _records(path, data, period)
        unread.extend(skipped)
        parts.extend((at + len(rows), heads) for at, heads in items)
        rows.extend(found)
        imports.extend(_imports(path, data, period))
        isd.extend(_isd(path, data, period))
        unread.extend(_unread(path, data))
    frame = _typed(pd.DataFrame(rows, columns=[*PORTAL_COLUMNS, "original"]), parts)
    records = _amended(frame, AMENDMENTS).drop(columns="original")
    records.attrs["periods"] = tuple(sorted(seen))  # every period given, even one with nothing
    entries = pd.DataFrame(imports, columns=list(IMPORT_COLUMNS))
    _amounts(entries, ("taxable", "igst", "cess"), np.zeros(len(entries), dtype=bool))
    entries["boe_date"] = _days(entries, "boe_date")
    distributed = pd.DataFrame(isd, columns=[*ISD_COLUMNS, "original"])
    _amounts(distributed, ISD_HEADS, (distributed["kind"] == "ISD Credit Note").to_numpy())
    distributed["bill_date"] = _days(distributed, "bill_date")
    distributed["itc_available"] = distributed["itc_available"].astype(bool)
    distributed = _amended(distributed, ("isda",)).drop(columns="original")
    return Gstr2b(records, recipient, entries, distributed, tuple(unread))


def _paise(values: pd.Series, refs: pd.Series, head: str) -> np.ndarray:
    """Paise of a column of JSON amounts, in bulk (`xlbo.columns.paise_column`: a float's
    binary noise is no paisa); the first that is not an amount stops the file, named."""
    paise, problems = paise_column(values.reset_index(drop=True))
    if problems:
        at = min(problems)
        value = values.iat[at]
        shown = "a number too large" if isinstance(value, float) else f"'{str(value)[:30]}'"
        raise FileProblem(f"{refs.iat[at]}: {head} holds {shown}, not an amount; {DOWNLOAD}.")
    return paise


def _typed(frame: pd.DataFrame, parts: Parts) -> pd.DataFrame:
    """Amounts in paise (a credit note's negative; an itemised document's the sum of its
    items) and dates as dates, each column at once."""
    refs = frame["ref"]
    credit = (frame["kind"].str.startswith("Credit Note")).to_numpy(dtype=bool)
    if parts:
        at = np.fromiter((p[0] for p in parts), dtype=np.int64, count=len(parts))
        cells = pd.DataFrame([p[1] for p in parts], columns=list(_JSON_HEADS))
    for head, name in zip(HEADS, _JSON_HEADS, strict=True):
        paise = _paise(frame[head].astype(object), refs, name)
        if parts:
            add = _paise(cells[name].astype(object), refs.iloc[at].reset_index(drop=True), name)
            np.add.at(paise, at, add)
        frame[head] = np.where(credit, -np.abs(paise), paise).astype(np.int64)
    frame["bill_date"] = _days(frame, "bill_date")
    frame["itc_available"] = frame["itc_available"].astype(bool)
    return frame


def _amended(frame: pd.DataFrame, amendments: Sequence[str]) -> pd.DataFrame:
    """Drop each original that an amendment (a record of a section in `amendments`) of the
    same or a later period replaces."""
    amendment = frame["section"].isin(amendments)
    if not amendment.any():
        return frame.reset_index(drop=True)
    replaced = pd.DataFrame(
        {
            "gstin": frame.loc[amendment, "gstin"],
            "key": bill_keys(frame.loc[amendment, "original"]),
            "by": frame.loc[amendment, "period"],
        }
    )
    originals = frame[~amendment].assign(key=bill_keys(frame.loc[~amendment, "bill_no"]))
    hit = originals.reset_index().merge(replaced, on=["gstin", "key"])
    gone = np.zeros(len(frame), dtype=bool)
    gone[hit.loc[hit["period"] <= hit["by"], "index"].to_numpy(dtype=np.int64)] = True
    return frame[~gone].reset_index(drop=True)
