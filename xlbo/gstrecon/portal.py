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
A credit note's amounts are negative. An amendment (b2ba, cdnra, ecoma) replaces the record it
amends, in its own file or an earlier period's. The other parts (isd, impg, impgsez) are not read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
"""The parts read, and the list of documents in each supplier's entry."""
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


def _records(path: Path, data: dict[str, Any], period: str) -> tuple[list[dict[str, Any]], Parts]:
    """The documents of one file as rows (amounts and dates as the JSON has them; `_typed`
    reads them in bulk) and the items of those whose amounts are only in their items."""
    rows: list[dict[str, Any]] = []
    parts: Parts = []
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
            documents = supplier.get(listed) or []
            for document in documents if isinstance(documents, list) else []:
                if not isinstance(document, dict):
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
    return rows, parts


def read_gstr2b(paths: Sequence[Path]) -> tuple[pd.DataFrame, str]:
    """The records of every 2B file given (one a period), amendments in place of what they
    amend, and the recipient's GSTIN. Files of two recipients, or two files of one period, are
    refused: they would count credit twice or mix companies."""
    rows: list[dict[str, Any]] = []
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
        found, items = _records(path, data, period)
        parts.extend((at + len(rows), heads) for at, heads in items)
        rows.extend(found)
    frame = _typed(pd.DataFrame(rows, columns=[*PORTAL_COLUMNS, "original"]), parts)
    records = _amended(frame).drop(columns="original")
    records.attrs["periods"] = tuple(sorted(seen))  # every period given, even one with nothing
    return records, recipient


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
    written = frame["bill_date"].astype(object)
    days = pd.to_datetime(written.astype(str), format="%d-%m-%Y", errors="coerce")
    bad = days.isna().to_numpy() & written.notna().to_numpy() & (written != "").to_numpy()
    if bad.any():
        at0 = int(np.flatnonzero(bad)[0])
        raise FileProblem(
            f"{refs.iat[at0]} has the date '{str(written.iat[at0])[:20]}', not DD-MM-YYYY; "
            f"{DOWNLOAD}."
        )
    frame["bill_date"] = days
    frame["itc_available"] = frame["itc_available"].astype(bool)
    return frame


def _amended(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop each original that an amendment (`AMENDMENTS`) of the same or a later period
    replaces."""
    amendment = frame["section"].isin(AMENDMENTS)
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
