"""The Form 26AS reconciliation: `xlbo tds-recon --26as 26AS.txt|.xlsx|.csv --books BOOK.xlsx
[--master MASTER.xlsx] --out recon.xlsx`.

Reads Part I of Form 26AS (`xlbo.gstrecon.form26as`) and the TDS receivable of the books
(`xlbo.gstrecon.receivable`: the Receipts sheet, else the Journal), with each customer's TAN
from the Customers sheet, matches them (`xlbo.gstrecon.tds`) and writes: Summary (per customer
and quarter: TDS in 26AS, of it claimable, in the books), Matched, In 26AS not in Books, In
Books not in 26AS, each 26AS row with its booking status explained, and Issues.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.book.display import Colour, Column, Highlight, Kind
from xlbo.cells import clean_text
from xlbo.columns import money_column
from xlbo.errors import UserError
from xlbo.gstrecon.form26as import read_26as
from xlbo.gstrecon.receivable import Customer, Receivable, read_receivable
from xlbo.gstrecon.tds import OTHER_QUARTER, TdsRecon, by_customer, reconcile_tds
from xlbo.issues import Issue
from xlbo.jobs.gst_recon import input_links
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    Source,
    TdsReconSettings,
    file_of,
    refuse_to_replace_inputs,
    workbook_out,
)
from xlbo.master.load import load_sheet
from xlbo.master.schema import MASTER_TABLES
from xlbo.money import format_inr, from_paise
from xlbo.names import party_key
from xlbo.sheets.gst_recon import day_cells
from xlbo.sheets.issues import issues_sheet

MONEY = Column(kind=Kind.MONEY)
WHY = Column(kind=Kind.LONG_TEXT, width=60)
DATE = Column(kind=Kind.DATE)


@dataclass(frozen=True)
class TdsReconResult:
    recon: TdsRecon
    receivable: Receivable
    issues: list[Issue]
    tan_by_name: dict[str, str]
    """Customers without a TAN on the Customers sheet, matched by name: name → TAN found."""


def customers_of(book: Path | Reader, master: Path | None = None) -> list[Customer]:
    """The customers (code, name, TAN) of the master's Customers sheet, else the books'
    (`book`, a file or a workbook already opened)."""
    reader = FileBook(master) if master else FileBook(book) if isinstance(book, Path) else book
    if not reader.has("Customers"):
        return []
    table = next(t for t in MASTER_TABLES if t.sheet == "Customers")
    records, _, _, _ = load_sheet(reader, table)
    return [
        Customer(
            str(getattr(r, "customer_code", "") or ""),
            str(getattr(r, "name", "") or ""),
            (clean_text(getattr(r, "tan", None)) or "").upper(),
        )
        for r in records
    ]


def _tan_by_name(books: pd.DataFrame, credits: pd.DataFrame) -> dict[str, str]:
    """TANs of customers the Customers sheet has none for, where a 26AS deductor bears their
    name (folded)."""
    deductors: dict[str, str] = {}
    for name, tan in zip(credits["deductor"], credits["tan"], strict=True):
        deductors.setdefault(party_key(str(name)), str(tan))
    blank = books.loc[books["tan"] == "", "customer"].drop_duplicates()
    return {n: deductors[party_key(n)] for n in blank if party_key(n) in deductors}


def tds_reconcile(form26as: Path, book: Path, master: Path | None = None) -> TdsReconResult:
    credits, issues = read_26as(form26as)
    opened = FileBook(book)  # opened once: its Customers (without a master) and its receipts
    receivable = read_receivable(opened, customers_of(opened, master))
    books = receivable.rows
    found = _tan_by_name(books, credits)
    if found:
        books = books.assign(
            tan=books["tan"].where(books["tan"] != "", books["customer"].map(found).fillna(""))
        )
    recon = reconcile_tds(credits, books)
    return TdsReconResult(recon, receivable, [*issues, *receivable.issues], found)


def _summary(result: TdsReconResult) -> ResultSheet:
    table = by_customer(result.recon)
    frame = pd.DataFrame(
        {
            "Customer": table["name"].to_numpy(dtype=object),
            "TAN": table["tan"].to_numpy(dtype=object),
            "Quarter": table["quarter"].to_numpy(dtype=object),
            "TDS in 26AS": money_column(table["in_26as"].to_numpy()),
            "Claimable (F, P)": money_column(table["claimable"].to_numpy()),
            "TDS in Books": money_column(table["in_books"].to_numpy()),
            "Books less Claimable": money_column(table["difference"].to_numpy()),
        }
    )
    sums = [int(table[c].sum()) for c in ("in_26as", "claimable", "in_books", "difference")]
    total = pd.DataFrame(
        {
            "Customer": ["Total"],
            "TAN": [""],
            "Quarter": [""],
            "TDS in 26AS": money_column([sums[0]]),
            "Claimable (F, P)": money_column([sums[1]]),
            "TDS in Books": money_column([sums[2]]),
            "Books less Claimable": money_column([sums[3]]),
        }
    )
    frame = pd.concat([frame, total], ignore_index=True)
    title = [
        "TDS deducted by customers: the books against Form 26AS Part I",
        f"Books: {result.receivable.source}; credit is claimable only with status F or P",
    ]
    for name, tan in result.tan_by_name.items():
        title.append(f"{name} has no TAN on the Customers sheet; matched by name to {tan}: add it")
    return ResultSheet(
        "Summary",
        frame,
        columns=dict.fromkeys(frame.columns[3:], MONEY)
        | {"Customer": Column(width=30), "TAN": Column(kind=Kind.ID, width=13)},
        title=tuple(title),
        highlights=(Highlight("Customer", "Total", Colour.TOTAL, whole_row=True),),
        autofilter=False,
    )


def _matched(recon: TdsRecon) -> ResultSheet:
    pairs = recon.pairs
    c = pairs["c"].to_numpy(dtype=np.int64)
    b = pairs["b"].to_numpy(dtype=np.int64)
    credits, books = recon.credits.iloc[c], recon.books.iloc[b]
    other = (pairs["how"] == OTHER_QUARTER).to_numpy()
    claimable = credits["claimable"].to_numpy(dtype=bool)
    why = np.where(
        other,
        "Same TAN and TDS; 26AS has it in "
        + credits["quarter"].to_numpy(dtype=object)
        + ", the books in "
        + books["quarter"].to_numpy(dtype=object)
        + " (the customer deducted when it booked the bill): claim it in 26AS's quarter",
        "Same TAN, TDS and quarter",
    )
    section_26as = credits["section_key"].to_numpy(dtype=object)
    section_books = books["section_key"].to_numpy(dtype=object)
    other_section = (section_26as != section_books) & (section_books != "") & (section_26as != "")
    why = np.where(
        other_section,
        why
        + "; section "
        + credits["section"].to_numpy(dtype=object)
        + " in 26AS, "
        + books["section"].to_numpy(dtype=object)
        + " in the books: correct the books or ask the customer",
        why,
    )
    amount_gap = credits["amount"].to_numpy() != books["amount"].to_numpy()
    why = np.where(
        amount_gap,
        why + "; the amount credited differs (see both columns): a part payment or a rate",
        why,
    )
    why = np.where(
        claimable, why, why + "; not yet credit: " + credits["status_text"].to_numpy(dtype=object)
    )
    frame = pd.DataFrame(
        {
            "Customer": books["customer"].to_numpy(dtype=object),
            "TAN": credits["tan"].to_numpy(dtype=object),
            "Section": credits["section"].to_numpy(dtype=object),
            "Transaction Date": day_cells(credits["transaction_date"]),
            "Receipt Date": day_cells(books["date"]),
            "Quarter (26AS)": credits["quarter"].to_numpy(dtype=object),
            "Amount Credited (26AS)": money_column(credits["amount"].to_numpy()),
            "Amount (Books)": money_column(books["amount"].to_numpy()),
            "TDS (26AS)": money_column(credits["tds"].to_numpy()),
            "TDS (Books)": money_column(books["tds"].to_numpy()),
            "Status": credits["status"].to_numpy(dtype=object),
            "Credit at Risk": money_column(np.where(claimable, 0, credits["tds"].to_numpy())),
            "Books Cell": books["ref"].to_numpy(dtype=object),
            "Why": why,
        }
    )
    return ResultSheet(
        "Matched", frame, columns=_shown(frame), title=(f"Matched: {len(frame)}",), landscape=True
    )


def _shown(frame: pd.DataFrame) -> dict[str, Column]:
    shown: dict[str, Column] = {}
    for header in frame.columns:
        if header.startswith(("Amount", "TDS", "Credit at Risk", "Deposited")):
            shown[header] = MONEY
        elif "Date" in header:
            shown[header] = DATE
        elif header == "TAN":
            shown[header] = Column(kind=Kind.ID, width=13)
        elif header == "Why":
            shown[header] = WHY
        elif header in ("Customer", "Deductor"):
            shown[header] = Column(width=28)
    return shown


def _only_26as(recon: TdsRecon) -> ResultSheet:
    rows = recon.only_26as
    claimable = rows["claimable"].to_numpy(dtype=bool)
    frame = pd.DataFrame(
        {
            "Deductor": rows["deductor"].to_numpy(dtype=object),
            "TAN": rows["tan"].to_numpy(dtype=object),
            "Section": rows["section"].to_numpy(dtype=object),
            "Transaction Date": day_cells(rows["transaction_date"]),
            "Quarter": rows["quarter"].to_numpy(dtype=object),
            "Status": rows["status"].to_numpy(dtype=object),
            "Date of Booking": day_cells(rows["booking_date"]),
            "Amount Credited": money_column(rows["amount"].to_numpy()),
            "TDS": money_column(rows["tds"].to_numpy()),
            "Deposited": money_column(rows["deposited"].to_numpy()),
            "Why": np.where(
                claimable,
                "In 26AS, not in the books: book the receipt with its TDS (TDS Receivable), or, "
                "if it is not your income, ask the deductor to correct the PAN in its return. ",
                "In 26AS, not in the books, and not yet credit. ",
            )
            + rows["status_text"].to_numpy(dtype=object),
        }
    )
    return ResultSheet(
        "In 26AS not in Books",
        frame,
        columns=_shown(frame),
        title=(f"TDS in Form 26AS that the books do not hold: {len(frame)}",),
        landscape=True,
    )


def _only_books(recon: TdsRecon) -> ResultSheet:
    rows = recon.only_books
    no_tan = (rows["tan"] == "").to_numpy()
    frame = pd.DataFrame(
        {
            "Customer": rows["customer"].to_numpy(dtype=object),
            "TAN": rows["tan"].to_numpy(dtype=object),
            "Section": rows["section"].to_numpy(dtype=object),
            "Receipt Date": day_cells(rows["date"]),
            "Quarter": rows["quarter"].to_numpy(dtype=object),
            "Amount": money_column(rows["amount"].to_numpy()),
            "TDS": money_column(rows["tds"].to_numpy()),
            "Books Cell": rows["ref"].to_numpy(dtype=object),
            "Why": np.where(
                no_tan,
                "The customer has no TAN on the Customers sheet and no 26AS deductor bears its "
                "name: add its TAN",
                "Not in 26AS: the customer has not filed its TDS return (26Q) for the quarter, or "
                "quoted another PAN or amount; ask it for Form 16A and to file or correct the "
                "return. No credit until it shows",
            ),
        }
    )
    return ResultSheet(
        "In Books not in 26AS",
        frame,
        columns=_shown(frame),
        title=(f"TDS receivable in the books that Form 26AS does not show: {len(frame)}",),
        landscape=True,
    )


def tds_recon_sheets(
    result: TdsReconResult, links: Mapping[str, str] | None = None
) -> list[ResultSheet]:
    sheets = [
        _summary(result),
        _matched(result.recon),
        _only_26as(result.recon),
        _only_books(result.recon),
    ]
    if result.issues:
        sheets.append(issues_sheet(result.issues, files=links or {}))
    return sheets


def tds_recon_job(inputs: Mapping[str, Source], settings: TdsReconSettings) -> JobResult:
    """The tds-recon job: Form 26AS against the books' TDS receivable, to `settings.out`."""
    form26as, book = inputs["form26as"], inputs["books"]
    master = file_of(inputs.get("master"))
    if not isinstance(form26as, Path) or not isinstance(book, Path):
        raise UserError("Give Form 26AS and the books as files.")
    out = settings.out
    workbook_out(out, "the reconciliation")
    refuse_to_replace_inputs(out, form26as, book, master)
    check_output_file(out, form26as, book, master)
    result = tds_reconcile(form26as, book, master)
    sheets = tds_recon_sheets(result, input_links(out, form26as, book, master))
    with result_set(out.parent):
        write_workbook(out, sheets, title=f"Form 26AS reconciliation of {book.name}")
    recon = result.recon
    claimable = recon.credits.loc[recon.credits["claimable"], "tds"].sum()
    in_books = recon.books["tds"].sum()
    counts = (
        f"{len(recon.pairs)} matched, {len(recon.only_26as)} in 26AS not in the books, "
        f"{len(recon.only_books)} in the books not in 26AS"
    )
    money: Any = (from_paise(int(claimable)), from_paise(int(in_books)))
    lines = [
        f"{counts}; TDS claimable per 26AS {format_inr(money[0], symbol=True)}, in the books "
        f"{format_inr(money[1], symbol=True)}."
    ]
    if result.issues:
        lines.append(f"{len(result.issues)} rows left out (see the Issues sheet).")
    lines.append(f"Reconciliation: {out}")
    clean = (
        not result.issues
        and recon.only_26as.empty
        and recon.only_books.empty
        and bool(recon.credits["claimable"].all())
    )
    return JobResult(
        EXIT_OK if clean else EXIT_FINDINGS,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(result.issues),
        files=(out,),
        headline=f"{counts}.",
        value=result,
    )
