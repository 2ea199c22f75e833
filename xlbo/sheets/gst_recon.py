"""The sheets of the GSTR-2B reconciliation (`xlbo.jobs.gst_recon`): Summary, Matched,
Suggested (with the Decision column the next run reads back), Mismatched, Missing in Books,
Missing in 2B, ITC at Risk, Follow-up, and Imports and ISD Credit when 2B or the books hold any.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlbo.book import ResultSheet
from xlbo.book.display import Colour, Column, Highlight, Kind
from xlbo.columns import money_column
from xlbo.gstrecon.decisions import CHOICES, DECISION, PairKey, pair_key
from xlbo.gstrecon.engine import TAX_HEADS, Decision, GstRecon, Stage
from xlbo.gstrecon.imports import ImportRecon
from xlbo.gstrecon.portal import ISD_HEADS
from xlbo.gstrecon.risk import suppliers_at_risk
from xlbo.sheets.issues import issues_sheet

if TYPE_CHECKING:
    from xlbo.jobs.gst_recon import GstReconResult

MONEY = Column(kind=Kind.MONEY)
WHY = Column(kind=Kind.LONG_TEXT, width=70)
DATE = Column(kind=Kind.DATE)
ID = Column(kind=Kind.ID, width=18)


def day_cells(values: pd.Series) -> np.ndarray:
    """Datetimes as `date` cells for a result sheet (None where there is none)."""
    stamps = pd.Series(pd.to_datetime(values))
    days = np.array(stamps.dt.date.to_numpy(dtype=object), dtype=object, copy=True)
    days[stamps.isna().to_numpy()] = None
    return np.asarray(days, dtype=object)


def _tax(frame: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    return np.asarray(frame["tax"].to_numpy(dtype=np.int64)[rows], dtype=np.int64)


def _pairs_sheet(recon: GstRecon, stage: Stage, name: str) -> ResultSheet:
    pairs = recon.stage(stage)
    return _pairs_table(
        recon, pairs, name, f"{name}: {len(pairs)} pair{'' if len(pairs) == 1 else 's'}"
    )


def _suggested_sheet(recon: GstRecon, carried: Mapping[PairKey, str]) -> ResultSheet:
    """Every suggestion, decided or not, with the Decision cell the next run reads back."""
    pairs = recon.suggestions
    portal, books = recon.portal, recon.books
    b = pairs["b"].to_numpy(dtype=np.int64)
    p = pairs["p"].to_numpy(dtype=np.int64)
    keys = [
        pair_key(*k)
        for k in zip(
            portal["gstin"].to_numpy(dtype=object)[p],
            books["bill_no"].to_numpy(dtype=object)[b],
            portal["bill_no"].to_numpy(dtype=object)[p],
            portal["period"].to_numpy(dtype=object)[p],
            strict=True,
        )
    ]
    decided = pairs["decision"].to_numpy(dtype=object)
    accepted = int((decided == Decision.ACCEPT.value).sum())
    rejected = int((decided == Decision.REJECT.value).sum())
    open_ = len(pairs) - accepted - rejected
    title = (
        f"Suggested: {len(pairs)} pair{'' if len(pairs) == 1 else 's'} — {open_} to decide, "
        f"{accepted} accepted (counted as Matched), {rejected} rejected (counted as missing)",
        "Decision: Accept (or Yes, Y, x, ✓) takes the pair, Reject splits it; run again with "
        "the same --out and your decisions are applied and kept.",
    )
    sheet = _pairs_table(recon, pairs, "Suggested", *title)
    frame = sheet.frame.assign(Decision=pd.Series([carried.get(k) for k in keys], dtype=object))
    return ResultSheet(
        sheet.name,
        frame,
        columns=dict(sheet.columns)
        | {
            DECISION: Column(
                choices=CHOICES,
                width=10,
                comment="Accept, Yes, Y, x or ✓ takes the pair (Matched); Reject splits it. "
                "Run again with the same --out.",
            )
        },
        title=sheet.title,
        landscape=True,
    )


def _pairs_table(recon: GstRecon, pairs: pd.DataFrame, name: str, *title: str) -> ResultSheet:
    b = pairs["b"].to_numpy(dtype=np.int64)
    p = pairs["p"].to_numpy(dtype=np.int64)
    books, portal = recon.books, recon.portal
    columns: dict[str, Any] = {
        "GSTIN": portal["gstin"].to_numpy(dtype=object)[p],
        "Supplier": books["supplier"].to_numpy(dtype=object)[b],
        "Bill No (Books)": books["bill_no"].to_numpy(dtype=object)[b],
        "Bill No (2B)": portal["bill_no"].to_numpy(dtype=object)[p],
        "Date (Books)": day_cells(books["bill_date"].iloc[b]),
        "Date (2B)": day_cells(portal["bill_date"].iloc[p]),
        "Taxable (Books)": money_column(books["taxable"].to_numpy()[b]),
        "Taxable (2B)": money_column(portal["taxable"].to_numpy()[p]),
        "Tax (Books)": money_column(_tax(books, b)),
        "Tax (2B)": money_column(_tax(portal, p)),
    }
    columns |= {
        "ITC at Risk": money_column(pairs["at_risk"].to_numpy()),
        "2B Period": portal["period"].to_numpy(dtype=object)[p],
        "Section": portal["section"].to_numpy(dtype=object)[p],
        "Books Cell": books["ref"].to_numpy(dtype=object)[b],
        "Why": pairs["why"].to_numpy(dtype=object),
    }
    frame = pd.DataFrame(columns)
    return ResultSheet(name, frame, columns=_display(frame), title=title, landscape=True)


MONEY_HEADERS = frozenset({"IGST", "CGST", "SGST", "Cess", "ITC at Risk", "Tax"})


def _display(frame: pd.DataFrame) -> dict[str, Column]:
    """How each column of a result sheet is shown, from its header."""
    shown: dict[str, Column] = {}
    for header in frame.columns:
        if header.startswith(("Taxable", "Tax ")) or header in MONEY_HEADERS:
            shown[header] = MONEY
        elif header.startswith("Date") or header == "Bill Date":
            shown[header] = DATE
        elif header == "GSTIN":
            shown[header] = ID
        elif header == "Why":
            shown[header] = WHY
    return shown


def _side_sheet(
    name: str, frame: pd.DataFrame, extra: Mapping[str, Any], title: str
) -> ResultSheet:
    columns: dict[str, Any] = {
        "GSTIN": frame["gstin"].to_numpy(dtype=object),
        "Supplier": frame["supplier"].to_numpy(dtype=object),
        "Bill No": frame["bill_no"].to_numpy(dtype=object),
        "Bill Date": day_cells(frame["bill_date"]),
        "Kind": frame["kind"].to_numpy(dtype=object),
        "Taxable": money_column(frame["taxable"].to_numpy()),
        **{
            h.upper() if h != "cess" else "Cess": money_column(frame[h].to_numpy())
            for h in TAX_HEADS
        },
        **extra,
        "Why": frame["why"].to_numpy(dtype=object),
    }
    table = pd.DataFrame(columns)
    return ResultSheet(name, table, columns=_display(table), title=(title,), landscape=True)


def _missing_in_2b_sheet(recon: GstRecon) -> ResultSheet:
    missing = recon.missing_in_2b
    late = recon.late
    later = recon.books.iloc[late["b"].to_numpy(dtype=np.int64)].copy()
    own = later["bill_date"].dt.strftime("%Y-%m").to_numpy(dtype=object)
    later["why"] = (
        "Not in the 2B of its month ("
        + own
        + "); it came in the 2B of "
        + late["late"].to_numpy(dtype=object)
        + ", so its credit moves to that month (matched there)"
    )
    later["at_risk"] = 0
    later["late"] = late["late"].to_numpy()
    both = pd.concat([missing.assign(late=""), later], ignore_index=True)
    sheet = _side_sheet(
        "Missing in 2B",
        both,
        {
            "ITC at Risk": money_column(both["at_risk"].to_numpy()),
            "Later 2B Period": both["late"].to_numpy(dtype=object),
            "Books Cell": both["ref"].to_numpy(dtype=object),
        },
        f"Booked, not in the 2B of their month: {len(missing)} in no 2B given, "
        f"{len(later)} only in a later period's",
    )
    return sheet


def _risk_sheet(recon: GstRecon) -> ResultSheet:
    risk = suppliers_at_risk(recon)
    money = ("missing", "mismatched", "not_available", "total")
    frame = pd.DataFrame(
        {
            "GSTIN": risk["gstin"].to_numpy(dtype=object),
            "Supplier": risk["supplier"].to_numpy(dtype=object),
            "Bills Missing in 2B": risk["bills_missing"].to_numpy(dtype=np.int64),
            "ITC Missing in 2B": money_column(risk["missing"].to_numpy()),
            "Bills Mismatched": risk["bills_mismatched"].to_numpy(dtype=np.int64),
            "ITC Mismatched": money_column(risk["mismatched"].to_numpy()),
            "ITC Not Available": money_column(risk["not_available"].to_numpy()),
            "ITC at Risk": money_column(risk["total"].to_numpy()),
        }
    )
    total = pd.DataFrame(
        {
            "GSTIN": ["Total"],
            "Supplier": [f"{len(frame)} suppliers"],
            "Bills Missing in 2B": [int(risk["bills_missing"].sum())],
            "ITC Missing in 2B": money_column([int(risk[money[0]].sum())]),
            "Bills Mismatched": [int(risk["bills_mismatched"].sum())],
            "ITC Mismatched": money_column([int(risk[money[1]].sum())]),
            "ITC Not Available": money_column([int(risk[money[2]].sum())]),
            "ITC at Risk": money_column([int(risk[money[3]].sum())]),
        }
    )
    frame = pd.concat([frame, total], ignore_index=True)
    shown = {h: MONEY for h in frame.columns if h.startswith("ITC")}
    shown |= {"GSTIN": ID, "Supplier": Column(width=30)}
    return ResultSheet(
        "ITC at Risk",
        frame,
        columns=shown,
        title=("Input tax credit at risk, per supplier (largest first)",),
        highlights=(Highlight("GSTIN", "Total", Colour.TOTAL, whole_row=True),),
    )


def _follow_up_sheet(recon: GstRecon) -> ResultSheet:
    """What to ask each supplier: bills it has not reported, and bills reported differently."""
    books, portal = recon.books, recon.portal
    missing = recon.missing_in_2b[~recon.missing_in_2b["ahead"].to_numpy(dtype=bool)]
    upto = recon.periods[-1] if recon.periods else ""
    asks = [
        pd.DataFrame(
            {
                "GSTIN": missing["gstin"],
                "Supplier": missing["supplier"],
                "Bill No": missing["bill_no"],
                "Bill Date": missing["bill_date"],
                "Tax": missing["tax"],
                "Ask": "Not in our GSTR-2B up to "
                + upto
                + ": please report this bill in your GSTR-1 under our GSTIN",
            }
        )
    ]
    mismatched = recon.stage(Stage.MISMATCHED)
    b = mismatched["b"].to_numpy(dtype=np.int64)
    p = mismatched["p"].to_numpy(dtype=np.int64)
    asks.append(
        pd.DataFrame(
            {
                "GSTIN": portal["gstin"].to_numpy(dtype=object)[p],
                "Supplier": books["supplier"].to_numpy(dtype=object)[b],
                "Bill No": books["bill_no"].to_numpy(dtype=object)[b],
                "Bill Date": books["bill_date"].to_numpy()[b],
                "Tax": books["tax"].to_numpy()[b],
                "Ask": np.where(
                    mismatched["differences"].str.startswith("Reported under").to_numpy(),
                    mismatched["differences"].astype(str).to_numpy(dtype=object) + ".",
                    "Reported differently ("
                    + mismatched["differences"].astype(str).to_numpy(dtype=object)
                    + "): please amend it in your GSTR-1 (B2BA) or confirm our figures are wrong",
                ),
            }
        )
    )
    pairs = recon.pairs
    unavailable = ~portal["itc_available"].to_numpy(dtype=bool)[pairs["p"].to_numpy(dtype=np.int64)]
    held = pairs[unavailable]
    b = held["b"].to_numpy(dtype=np.int64)
    p = held["p"].to_numpy(dtype=np.int64)
    reason = portal["itc_reason"].astype(str).to_numpy(dtype=object)[p]
    asks.append(
        pd.DataFrame(
            {
                "GSTIN": portal["gstin"].to_numpy(dtype=object)[p],
                "Supplier": books["supplier"].to_numpy(dtype=object)[b],
                "Bill No": books["bill_no"].to_numpy(dtype=object)[b],
                "Bill Date": books["bill_date"].to_numpy()[b],
                "Tax": books["tax"].to_numpy()[b],
                "Ask": "2B shows its credit not available"
                + np.where(reason != "", " (" + reason + ")", "")
                + ": please check the place of supply and our GSTIN on the bill, and amend it",
            }
        )
    )
    table = pd.concat(asks, ignore_index=True).sort_values(
        ["Supplier", "GSTIN", "Bill Date"], kind="stable", ignore_index=True
    )
    frame = pd.DataFrame(
        {
            "GSTIN": table["GSTIN"].to_numpy(dtype=object),
            "Supplier": table["Supplier"].to_numpy(dtype=object),
            "Bill No": table["Bill No"].to_numpy(dtype=object),
            "Bill Date": day_cells(table["Bill Date"]),
            "Tax": money_column(table["Tax"].to_numpy(dtype=np.int64)),
            "Ask": table["Ask"].to_numpy(dtype=object),
        }
    )
    return ResultSheet(
        "Follow-up",
        frame,
        columns=_display(frame) | {"Ask": WHY, "Supplier": Column(width=30)},
        title=("To ask each supplier (sorted by supplier)",),
        landscape=True,
    )


IMPORT_STAGES = (
    (Stage.MATCHED.value, "Imports Matched"),
    (Stage.MISMATCHED.value, "Imports Mismatched"),
)


def _import_rows(result: GstReconResult) -> list[list[Any]]:
    """Summary rows of the imports and the ISD credit, when 2B or the books hold any."""
    rows: list[list[Any]] = []
    imports = result.imports
    if not imports.empty:
        credit_b = imports.books["credit"].to_numpy(dtype=np.int64)
        credit_p = imports.portal["credit"].to_numpy(dtype=np.int64)
        for stage, label in IMPORT_STAGES:
            pairs = imports.pairs[imports.pairs["stage"] == stage]
            b = pairs["b"].to_numpy(dtype=np.int64)
            p = pairs["p"].to_numpy(dtype=np.int64)
            rows.append(
                [
                    label,
                    len(b),
                    len(p),
                    int(credit_b[b].sum()),
                    int(credit_p[p].sum()),
                    int(pairs["at_risk"].sum()),
                ]
            )
        missing_p, missing_b = imports.missing_in_books, imports.missing_in_2b
        rows.append(
            ["Imports Missing in Books", 0, len(missing_p), 0, int(missing_p["credit"].sum()), 0]
        )
        rows.append(
            [
                "Imports Missing in 2B",
                len(missing_b),
                0,
                int(missing_b["credit"].sum()),
                0,
                int(missing_b["at_risk"].sum()),
            ]
        )
    isd = result.isd
    if len(isd):
        eligible = isd[isd["itc_available"].to_numpy(dtype=bool)]
        credit = int(eligible[list(ISD_HEADS)].to_numpy(dtype=np.int64).sum())
        rows.append(["ISD Credit", 0, len(isd), 0, credit, 0])
    return rows


def _summary_sheet(recon: GstRecon, result: GstReconResult, files: list[str]) -> ResultSheet:
    books, portal = recon.books, recon.portal
    rows = []
    for stage in (Stage.MATCHED, Stage.SUGGESTED, Stage.MISMATCHED):
        pairs = recon.stage(stage)
        b = pairs["b"].to_numpy(dtype=np.int64)
        p = pairs["p"].to_numpy(dtype=np.int64)
        rows.append(
            [
                stage.value,
                len(b),
                len(p),
                int(_tax(books, b).sum()),
                int(_tax(portal, p).sum()),
                int(pairs["at_risk"].sum()),
            ]
        )
    rows.append(
        [
            "Missing in Books",
            0,
            len(recon.missing_in_books),
            0,
            int(recon.missing_in_books["tax"].sum()),
            0,
        ]
    )
    rows.append(
        [
            "Missing in 2B",
            len(recon.missing_in_2b),
            0,
            int(recon.missing_in_2b["tax"].sum()),
            0,
            int(recon.missing_in_2b["at_risk"].sum()),
        ]
    )
    rows.extend(_import_rows(result))
    table = pd.DataFrame(
        rows, columns=["Stage", "Bills", "2B Records", "Tax (Books)", "Tax (2B)", "ITC at Risk"]
    )
    sums = [int(v) for v in table.drop(columns="Stage").sum()]
    table = pd.concat(
        [table, pd.DataFrame([["Total", *sums]], columns=table.columns)], ignore_index=True
    )
    frame = pd.DataFrame(
        {
            "Stage": table["Stage"],
            "Bills": table["Bills"].astype(np.int64),
            "2B Records": table["2B Records"].astype(np.int64),
            "Tax (Books)": money_column(table["Tax (Books)"].to_numpy()),
            "Tax (2B)": money_column(table["Tax (2B)"].to_numpy()),
            "ITC at Risk": money_column(table["ITC at Risk"].to_numpy()),
        }
    )
    title = [
        f"GSTR-2B reconciliation of {result.recipient or 'the company'}",
        f"2B periods: {', '.join(recon.periods) or 'none'} ({', '.join(files)})",
        f"Purchase register: {result.register.layout}, {len(books)} "
        + ("bill" if len(books) == 1 else "bills")
        + (
            f" and {len(result.register.imports)} imports with a bill of entry"
            if len(result.register.imports)
            else ""
        )
        + (
            f"; {result.register.unregistered} of unregistered vendors left aside"
            if result.register.unregistered
            else ""
        ),
    ]
    ahead = int(recon.missing_in_2b["ahead"].sum()) if len(recon.missing_in_2b) else 0
    if ahead:
        title.append(
            f"{ahead} bill{' is' if ahead == 1 else 's are'} dated after the last 2B given: "
            "not missing yet, no credit at risk"
        )
    if len(recon.late):
        late = len(recon.late)
        title.append(
            f"{late} bill{' came' if late == 1 else 's came'} only in a later period's 2B "
            "(see Missing in 2B)"
        )
    if result.unread:
        title.append(
            "Not read from 2B (check these parts on the portal by hand): "
            + "; ".join(result.unread)
        )
    return ResultSheet(
        "Summary",
        frame,
        columns=dict.fromkeys(("Tax (Books)", "Tax (2B)", "ITC at Risk"), MONEY)
        | {"Stage": Column(width=20)},
        title=tuple(title),
        highlights=(Highlight("Stage", "Total", Colour.TOTAL, whole_row=True),),
        autofilter=False,
    )


def gst_recon_sheets(
    result: GstReconResult, files: list[str], links: Mapping[str, str] | None = None
) -> list[ResultSheet]:
    recon = result.recon
    sheets = [
        _summary_sheet(recon, result, files),
        _pairs_sheet(recon, Stage.MATCHED, "Matched"),
        _suggested_sheet(recon, result.carried),
        _pairs_sheet(recon, Stage.MISMATCHED, "Mismatched"),
        _side_sheet(
            "Missing in Books",
            recon.missing_in_books,
            {
                "2B Period": recon.missing_in_books["period"].to_numpy(dtype=object),
                "Section": recon.missing_in_books["section"].to_numpy(dtype=object),
                "ITC Available": np.where(recon.missing_in_books["itc_available"], "Yes", "No"),
                "Amended": recon.missing_in_books["amended"].to_numpy(dtype=object),
            },
            f"In 2B, not in the books: {len(recon.missing_in_books)}",
        ),
        _missing_in_2b_sheet(recon),
        _risk_sheet(recon),
        _follow_up_sheet(recon),
    ]
    if not result.imports.empty:
        sheets.append(_imports_sheet(result.imports))
    if len(result.isd):
        sheets.append(_isd_sheet(result.isd))
    if result.issues:
        sheets.append(issues_sheet(result.issues, files=links or {}))
    return sheets


def _imports_sheet(imports: ImportRecon) -> ResultSheet:
    """Every bill of entry: the pairs, then 2B's not booked, then the books' not in 2B."""
    books, portal = imports.books, imports.portal
    pairs = imports.pairs
    b = np.concatenate(
        [
            pairs["b"].to_numpy(dtype=np.int64),
            np.full(len(imports.missing_in_books), -1, dtype=np.int64),
            imports.missing_in_2b["b"].to_numpy(dtype=np.int64),
        ]
    )
    p = np.concatenate(
        [
            pairs["p"].to_numpy(dtype=np.int64),
            imports.missing_in_books["p"].to_numpy(dtype=np.int64),
            np.full(len(imports.missing_in_2b), -1, dtype=np.int64),
        ]
    )
    stage = np.concatenate(
        [
            pairs["stage"].to_numpy(dtype=object),
            np.full(len(imports.missing_in_books), "Missing in Books", dtype=object),
            np.full(len(imports.missing_in_2b), "Missing in 2B", dtype=object),
        ]
    )
    why = np.concatenate(
        [
            pairs["why"].to_numpy(dtype=object),
            imports.missing_in_books["why"].to_numpy(dtype=object),
            imports.missing_in_2b["why"].to_numpy(dtype=object),
        ]
    )
    risk = np.concatenate(
        [
            pairs["at_risk"].to_numpy(dtype=np.int64),
            np.zeros(len(imports.missing_in_books), dtype=np.int64),
            imports.missing_in_2b["at_risk"].to_numpy(dtype=np.int64),
        ]
    )

    def side(frame: pd.DataFrame, at: np.ndarray, column: str, blank: Any = None) -> Any:
        values = frame[column].to_numpy(dtype=object)
        picked = np.full(len(at), blank, dtype=object)
        found = at >= 0
        picked[found] = values[at[found]]
        return picked

    def money(frame: pd.DataFrame, at: np.ndarray, column: str) -> pd.Series:
        values = frame[column].to_numpy(dtype=np.int64)
        picked = np.where(at >= 0, values[np.maximum(at, 0)] if len(values) else 0, 0)
        shown = money_column(picked)
        return shown.where(at >= 0, None)

    def days(frame: pd.DataFrame, at: np.ndarray) -> np.ndarray:
        picked = pd.Series(side(frame, at, "boe_date"), dtype="datetime64[ns]")
        return day_cells(picked)

    supplier = side(books, b, "supplier", "")
    supplier = np.where(supplier == "", side(portal, p, "supplier", ""), supplier)
    gstin = side(portal, p, "gstin", "")
    gstin = np.where(gstin == "", side(books, b, "gstin", ""), gstin)
    frame = pd.DataFrame(
        {
            "Stage": stage,
            "GSTIN": gstin,
            "Supplier": supplier,
            "Bill No": side(books, b, "bill_no", ""),
            "Bill of Entry (Books)": side(books, b, "boe_no", ""),
            "Bill of Entry (2B)": side(portal, p, "boe_no", ""),
            "Port (Books)": side(books, b, "port", ""),
            "Port (2B)": side(portal, p, "port", ""),
            "Date (Books)": days(books, b),
            "Date (2B)": days(portal, p),
            "Assessable (2B)": money(portal, p, "taxable"),
            "IGST (Books)": money(books, b, "igst"),
            "IGST (2B)": money(portal, p, "igst"),
            "Cess (Books)": money(books, b, "cess"),
            "Cess (2B)": money(portal, p, "cess"),
            "ITC at Risk": money_column(risk),
            "2B Period": side(portal, p, "period", ""),
            "Section": side(portal, p, "section", ""),
            "Books Cell": side(books, b, "ref", ""),
            "Why": why,
        }
    )
    money_headers = [h for h in frame.columns if h.startswith(("Assessable", "IGST", "Cess"))]
    return ResultSheet(
        "Imports",
        frame,
        columns=_display(frame)
        | dict.fromkeys(money_headers, MONEY)
        | {"Supplier": Column(width=24)},
        title=(
            f"Imports: {len(pairs)} bills of entry paired, {len(imports.missing_in_books)} in "
            f"2B not booked, {len(imports.missing_in_2b)} booked not in 2B (GSTR-3B 4(A)(1))",
        ),
        landscape=True,
    )


def _isd_sheet(isd: pd.DataFrame) -> ResultSheet:
    """The credit input service distributors passed on (GSTR-3B 4(A)(4))."""
    available = isd["itc_available"].to_numpy(dtype=bool)
    credit_note = (isd["kind"] == "ISD Credit Note").to_numpy(dtype=bool)
    frame = pd.DataFrame(
        {
            "GSTIN": isd["gstin"].to_numpy(dtype=object),
            "Distributor": isd["supplier"].to_numpy(dtype=object),
            "Kind": isd["kind"].to_numpy(dtype=object),
            "Document No": isd["bill_no"].to_numpy(dtype=object),
            "Date": day_cells(isd["bill_date"]),
            "ISD Invoice": isd["invoice"].to_numpy(dtype=object),
            **{
                h.upper() if h != "cess" else "Cess": money_column(isd[h].to_numpy())
                for h in ISD_HEADS
            },
            "ITC Available": np.where(available, "Yes", "No"),
            "2B Period": isd["period"].to_numpy(dtype=object),
            "Section": isd["section"].to_numpy(dtype=object),
            "Amended": isd["amended"].to_numpy(dtype=object),
            "Why": np.where(
                ~available,
                "2B marks it not eligible: do not claim it",
                np.where(
                    credit_note,
                    "Reduces the credit distributed earlier: reverse it in GSTR-3B 4(A)(4)",
                    "Credit distributed by the ISD: claim it in GSTR-3B 4(A)(4)",
                ),
            ),
        }
    )
    return ResultSheet(
        "ISD Credit",
        frame,
        columns=_display(frame) | {"Distributor": Column(width=24)},
        title=(f"Credit from input service distributors: {len(frame)} documents",),
        landscape=True,
    )
