"""The Validate job: check a master workbook and list every problem with a link to its cell.

    $ xlbo validate master.xlsx --out master-issues.xlsx

Writes an `Issues` sheet (Severity, Sheet, Cell, Value, Problem, Hint) whose Cell is a hyperlink
to the offending cell, and a `Summary` sheet with the records loaded and set aside per sheet.
The input is never changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlbo.book import Column, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    Source,
    ValidateSettings,
    refuse_to_replace_inputs,
    workbook_out,
)
from xlbo.master.load import MasterData, load
from xlbo.master.quality import audit
from xlbo.master.schema import MASTER_TABLES
from xlbo.sheets.issues import issues_sheet


@dataclass(frozen=True)
class ValidationReport:
    data: MasterData
    issues: list[Issue]
    sheets: list[ResultSheet]

    @property
    def errors(self) -> int:
        return count_by_severity(self.issues)[Severity.ERROR]


def summary_sheet(data: MasterData, issues: list[Issue], title: str) -> ResultSheet:
    rows = []
    for table in MASTER_TABLES:
        mine = [i for i in issues if i.sheet == table.sheet]
        counts = count_by_severity(mine)
        set_aside = len(
            {
                re.sub(r"^[A-Z]+", "", i.cell)
                for i in mine
                if i.severity is Severity.ERROR and i.cell
            }
        )
        rows.append(
            [
                table.sheet,
                len(data.records(table.sheet)),
                set_aside,
                counts[Severity.ERROR],
                counts[Severity.WARNING],
                counts[Severity.INFO],
            ]
        )
    frame = pd.DataFrame(
        rows,
        columns=["Sheet", "Rows Loaded", "Rows With Errors", "Errors", "Warnings", "Notes"],
        dtype=object,
    )
    total = count_by_severity(issues)
    verdict = (
        "No errors: the master data is ready for payroll, reconciliation and reports."
        if not total[Severity.ERROR]
        else f"{total[Severity.ERROR]} errors to fix — see the Issues sheet; each Cell links to the cell."
    )
    return ResultSheet(
        "Summary",
        frame,
        columns={"Sheet": Column(width=20)},
        title=(title, verdict),
        autofilter=False,
    )


def validate(reader: Reader | str | Path, link_file: str = "") -> ValidationReport:
    """Check a master workbook; return its data, issues and the report's sheets."""
    data, issues = load(reader)
    issues = [*issues, *audit(data, data.source)]
    title = f"Validation of {data.source}"
    sheets = [summary_sheet(data, issues, title), issues_sheet(issues, link_file)]
    return ValidationReport(data=data, issues=issues, sheets=sheets)


def link_path(source: Path, report: Path) -> str:
    """How a report refers to its source for hyperlinks: relative when they share a drive."""
    try:
        return os.path.relpath(source.resolve(), report.resolve().parent)
    except ValueError:  # different drives on Windows
        return str(source.resolve())


def default_report(master: Path) -> Path:
    """Where the report goes when no --out is given: MASTER-issues.xlsx beside the master."""
    return master.with_name(f"{master.stem}-issues.xlsx")


def validate_job(inputs: Mapping[str, Source], settings: ValidateSettings) -> JobResult:
    """The Validate job of every door: a master file gets a report workbook (`settings.out`,
    by default beside it); an open workbook gets the report's sheets."""
    master = inputs["master"]
    files: tuple[Path, ...] = ()
    if isinstance(master, Path):
        out = settings.out or default_report(master)
        workbook_out(out, "the validation report")
        refuse_to_replace_inputs(out, master)
        check_output_file(out, master)
        report = validate(master, link_file=link_path(master, out))
        with result_set(out.parent):  # an earlier report kept as NAME (previous).xlsx
            write_workbook(out, report.sheets, title=f"Validation of {master.name}")
        files = (out,)
    else:
        report = validate(master)
    counts = count_by_severity(report.issues)
    said = describe_counts(counts)
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        (f"{master.name}: {said}." + (f" Report: {files[0]}" if files else ""),),
        sheets=tuple(report.sheets),
        issues=tuple(report.issues),
        files=files,
        headline=said,
        value=report,
    )
