"""The GSTR-2B reconciliation: `xlbo gst-recon --purchases BOOK.xlsx --gstr2b 2B.json
[--gstr2b …] [--master MASTER.xlsx] --out recon.xlsx`.

Reads the purchase register (the Purchases sheet with the vendors' GSTINs from Vendors, or a
Tally Purchase Register) and one or more GSTR-2B JSON files, matches them in stages
(`xlbo.gstrecon.engine`) and writes: Summary (counts and credit per stage), Matched, Suggested,
Mismatched, Missing in Books, Missing in 2B, ITC at Risk (per supplier), Follow-up (what to ask
each supplier), Imports (bills of entry against 2B's impg and impgsez,
`xlbo.gstrecon.imports`) and ISD Credit when there are any, and Issues (cells of the register
that could not be read), built in `xlbo.sheets.gst_recon`. A part of a 2B file that is not read
is named on the Summary and in the run's messages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from string import ascii_uppercase

import numpy as np
import pandas as pd

from xlbo.book import FileBook, Reader, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.errors import UserError
from xlbo.gstrecon.decisions import Marked, PairKey, pair_key, read_decisions
from xlbo.gstrecon.engine import Decision, GstRecon, Stage, decide, reconcile
from xlbo.gstrecon.imports import ImportRecon, reconcile_imports
from xlbo.gstrecon.portal import ISD_HEADS, read_gstr2b
from xlbo.gstrecon.register import Register, read_register, vendor_gstins
from xlbo.ids import IdKind, explain
from xlbo.issues import Issue, Severity
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    GstReconSettings,
    JobResult,
    Source,
    file_of,
    refuse_to_replace_inputs,
    workbook_out,
)
from xlbo.master.load import load_sheet
from xlbo.master.schema import MASTER_TABLES
from xlbo.money import format_inr, from_paise
from xlbo.sheets.gst_recon import gst_recon_sheets


@dataclass(frozen=True)
class GstReconResult:
    recon: GstRecon
    register: Register
    recipient: str
    issues: list[Issue]
    imports: ImportRecon
    isd: pd.DataFrame
    """ISD credit (`xlbo.gstrecon.portal.ISD_COLUMNS`)."""
    unread: tuple[str, ...] = ()
    """Parts of the 2B files not read, each 'FILE: docdata.part (n entries)', or 'FILE:
    docdata.b2b supplier GSTIN (NAME): inv is null, …'."""
    carried: Mapping[PairKey, str] = field(default_factory=dict)
    """What the earlier run's Decision cells held, each pair's written again beside it."""

    @property
    def at_risk(self) -> int:
        """Paise of credit at risk: the bills' and the imports'."""
        recon = self.recon
        bills = int(recon.pairs["at_risk"].sum() + recon.missing_in_2b["at_risk"].sum())
        return bills + self.imports.at_risk


def _vendors(reader: Reader) -> tuple[dict[str, tuple[str, str]], list[Issue]]:
    """Vendor Code → (GSTIN, name) from the Vendors sheet of `reader` (the master, or the
    books), and a warning for each GSTIN that is not valid (its bills are still matched: a 2B
    record of the same PAN shows as mismatched)."""
    table = next(t for t in MASTER_TABLES if t.sheet == "Vendors")
    if not reader.has("Vendors"):
        return {}, []
    records, rows, letters, _ = load_sheet(reader, table)
    vendors = vendor_gstins(records)
    issues = []
    for at, (code, (gstin, _)) in enumerate(vendors.items()):
        said = explain(IdKind.GSTIN, gstin) if gstin else ""
        if said:
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Vendors",
                    cell=f"{letters.get('GSTIN', 'C')}{rows[at]}" if at < len(rows) else "",
                    value=gstin,
                    problem=f"{code}'s GSTIN is not valid: {said}",
                    hint="Correct it on the Vendors sheet; its bills were matched as written "
                    "(a 2B record under the right GSTIN of the same PAN shows as Mismatched).",
                    file=reader.name,
                )
            )
    return vendors, issues


def gst_reconcile(
    book: Path | Reader,
    gstr2b: tuple[Path, ...],
    master: Path | None = None,
    earlier: Path | Reader | None = None,
) -> GstReconResult:
    """The reconciliation of `book` (a file, or the open books) against the 2B files;
    `earlier`, a result of an earlier run (the same --out, or the open books), gives the
    decisions written on its Suggested sheet."""
    portal = read_gstr2b(gstr2b)
    # opened once: its Vendors (without a master) and its register
    books = FileBook(book) if isinstance(book, Path) else book
    vendors, vendor_issues = _vendors(FileBook(master) if master else books)
    register = read_register(books, vendors)
    recon = reconcile(register.bills, portal.records)
    marked, decision_issues = read_decisions(earlier) if earlier else ([], [])
    recon, stale = _decided(recon, marked)
    imports = reconcile_imports(register.imports, portal.imports, recon.periods)
    return GstReconResult(
        recon,
        register,
        portal.recipient,
        [*vendor_issues, *register.issues, *decision_issues, *stale],
        imports,
        portal.isd,
        portal.unread,
        {m.key: m.value for m in marked},
    )


def _decided(recon: GstRecon, marked: list[Marked]) -> tuple[GstRecon, list[Issue]]:
    """The decisions applied to this run's suggestions, and a warning for each decision on a
    pair that is no longer suggested (the books or 2B changed)."""
    suggested = recon.stage(Stage.SUGGESTED)
    b = suggested["b"].to_numpy(dtype=np.int64)
    p = suggested["p"].to_numpy(dtype=np.int64)
    books, portal = recon.books, recon.portal
    where = {
        pair_key(g, bn, pn, period): (int(bi), int(pi))
        for g, bn, pn, period, bi, pi in zip(
            portal["gstin"].to_numpy(dtype=object)[p],
            books["bill_no"].to_numpy(dtype=object)[b],
            portal["bill_no"].to_numpy(dtype=object)[p],
            portal["period"].to_numpy(dtype=object)[p],
            b,
            p,
            strict=True,
        )
    }
    decisions: dict[tuple[int, int], Decision] = {}
    stale: list[Issue] = []
    for mark in marked:
        if mark.key in where and mark.decision is not None:
            decisions[where[mark.key]] = mark.decision
        elif mark.key not in where:
            stale.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Suggested",
                    cell=mark.cell,
                    value=mark.value,
                    problem=f"Your decision on bill {mark.key[1]} (2B {mark.key[2]}) was not "
                    "applied: that pair is no longer suggested (the books or 2B changed)",
                    hint="Look for the bill on the other sheets of this run.",
                )
            )
    return decide(recon, decisions), stale


def input_links(out: Path, *inputs: Path | None) -> dict[str, str]:
    """Each input's name → its path from the result's folder, so an Issue's cell links into it."""
    return {
        file.name: os.path.relpath(file.resolve(), out.resolve().parent)
        for file in inputs
        if file is not None
    }


def gst_recon_job(inputs: Mapping[str, Source], settings: GstReconSettings) -> JobResult:
    """The gst-recon job: the purchase register against the GSTR-2B files, to `settings.out`."""
    book, master = inputs["purchases"], file_of(inputs.get("master"))
    if not settings.gstr2b:
        raise UserError("Give the GSTR-2B JSON with --gstr2b (one a period; repeat for more).")
    out = settings.out  # None: the open books (the GST Recon button) get the sheets, no file
    if out is not None:
        if not isinstance(book, Path):
            raise UserError("Save the books with the Purchases sheet to a file and give its name.")
        workbook_out(out, "the reconciliation")
        refuse_to_replace_inputs(out, book, master, *settings.gstr2b)
        check_output_file(out, book, master, *settings.gstr2b)
    result = gst_reconcile(book, settings.gstr2b, master, earlier=inputs.get("earlier") or out)
    names = [p.name for p in settings.gstr2b]
    links = input_links(out, book, master) if out is not None and isinstance(book, Path) else {}
    sheets = gst_recon_sheets(result, names, links)
    if out is not None:
        with result_set(out.parent):
            write_workbook(out, sheets, title=f"GSTR-2B reconciliation of {Path(book.name).name}")
    recon = result.recon
    at_risk = result.at_risk
    counts = (
        f"{len(recon.stage(Stage.MATCHED))} matched, {len(recon.stage(Stage.SUGGESTED))} "
        f"suggested, {len(recon.stage(Stage.MISMATCHED))} mismatched, "
        f"{len(recon.missing_in_books)} missing in the books, {len(recon.missing_in_2b)} "
        f"missing in 2B"
    )
    lines = [f"{counts}; ITC at risk {format_inr(from_paise(at_risk), symbol=True)}."]
    decided = recon.suggestions["decision"] if "decision" in recon.suggestions else pd.Series()
    if (decided != "").any():
        accepted = int((decided == Decision.ACCEPT.value).sum())
        lines.append(
            f"Your decisions on the Suggested sheet applied: {accepted} accepted (now Matched), "
            f"{int((decided == Decision.REJECT.value).sum())} rejected (now missing)."
        )
    lines.extend(_other_parts(result))
    lines.extend(_issue_lines(result))
    if out is not None:
        lines.append(f"Reconciliation: {out}")
    clean = (
        not result.issues
        and at_risk == 0
        and len(recon.pairs) == len(recon.stage(Stage.MATCHED))
        and recon.missing_in_books.empty
        and result.imports.missing_in_books.empty
        and (result.imports.pairs["stage"] == Stage.MATCHED.value).all()
        and not result.unread
    )
    return JobResult(
        EXIT_OK if clean else EXIT_FINDINGS,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(result.issues),
        files=(out,) if out is not None else (),
        headline=f"{counts}.",
        value=result,
    )


def _issue_lines(result: GstReconResult) -> list[str]:
    """The run's lines on what the Issues sheet holds: the rows of the register left out (a row
    with two bad cells counted once), the Decision cells not understood (their pairs stay
    suggested), and the warnings."""
    register = [i for i in result.register.issues if i.severity is Severity.ERROR]
    rows = {(i.file, i.sheet, i.cell.lstrip(ascii_uppercase)) for i in register if i.cell}
    left_out = len(rows) + sum(1 for i in register if not i.cell)
    counted = {id(i) for i in register}
    errors = [i for i in result.issues if i.severity is Severity.ERROR and id(i) not in counted]
    warnings = sum(1 for i in result.issues if i.severity is not Severity.ERROR)
    lines = []
    if left_out:
        lines.append(f"{_count(left_out, 'row')} of the register left out (see the Issues sheet).")
    if errors:
        lines.append(
            f"{_count(len(errors), 'Decision cell')} on the Suggested sheet not understood: "
            f"{'its pair stays' if len(errors) == 1 else 'their pairs stay'} suggested (see the "
            "Issues sheet)."
        )
    if warnings:
        lines.append(f"{_count(warnings, 'warning')} (see the Issues sheet).")
    return lines


def _count(number: int, thing: str) -> str:
    """'1 row', '2 rows'."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


def _other_parts(result: GstReconResult) -> list[str]:
    """The run's lines on imports, ISD credit and the parts of 2B not read."""
    lines = []
    imports = result.imports
    if not imports.empty:
        stages = imports.pairs["stage"]
        lines.append(
            f"Imports (bills of entry): {int((stages == Stage.MATCHED.value).sum())} matched, "
            f"{int((stages == Stage.MISMATCHED.value).sum())} mismatched, "
            f"{len(imports.missing_in_books)} missing in the books, "
            f"{len(imports.missing_in_2b)} missing in 2B (see the Imports sheet)."
        )
    isd = result.isd
    if len(isd):
        eligible = isd[isd["itc_available"].to_numpy(dtype=bool)]
        credit = int(eligible[list(ISD_HEADS)].to_numpy(dtype=np.int64).sum())
        lines.append(
            f"ISD credit: {len(isd)} document{'' if len(isd) == 1 else 's'}, "
            f"{format_inr(from_paise(credit), symbol=True)} eligible (see the ISD Credit sheet)."
        )
    if result.unread:
        lines.append(
            "Not read from 2B: "
            + "; ".join(result.unread)
            + ". Check these parts on the portal by hand."
        )
    return lines
