"""The Tally import job: `xlbo import-tally DAYBOOK.xlsx --out BOOKS.xlsx [--master MASTER.xlsx]`.

Reads a Day Book exported from Tally in detailed format and writes a books workbook whose
`Journal` sheet the reports are built from, with an `Issues` sheet for vouchers left out. With
the master workbook, a ledger named after a customer or vendor becomes a line on Trade
Receivables or Trade Payables with the party named, so the ageing report can follow it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlbo.audit.records import journal_records
from xlbo.book import FileBook, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.errors import UserError
from xlbo.issues import Issue
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    Source,
    TallySettings,
    file_of,
    refuse_to_replace_inputs,
    workbook_out,
)
from xlbo.master.load import load
from xlbo.readers.line_issues import CUT_OFF, cut_sentences
from xlbo.readers.tally_books import day_book_journal, journal_of
from xlbo.readers.tally_xml import day_book_xml
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.journal import journal_sheet

RECEIVABLES = "Trade Receivables"
PAYABLES = "Trade Payables"


@dataclass(frozen=True)
class Imported:
    journal: pd.DataFrame
    issues: list[Issue]

    @property
    def sheets(self) -> list[ResultSheet]:
        return [journal_sheet(self.journal), issues_sheet(self.issues)]


def import_day_book(
    day_book: Path, master: Path | None = None, sheet: str | None = None
) -> Imported:
    parties: dict[str, str] = {}
    if master is not None:
        data, _ = load(master)
        parties |= {c.name: RECEIVABLES for c in data.customers if c.name}
        parties |= {v.name: PAYABLES for v in data.vendors if v.name}
    if day_book.suffix.lower() == ".xml":  # Tally's Export > XML of the Day Book
        if sheet is not None:
            raise UserError(
                f"{day_book.name} is an XML export: it has no sheets; leave out --sheet."
            )
        lines, issues = day_book_xml(day_book, parties)
        return Imported(journal_of(lines), issues)
    source = FileBook(day_book)
    if sheet is not None and not source.has(sheet):
        raise UserError(f"{day_book.name} has no sheet '{sheet}'.")
    journal, issues = day_book_journal(source, sheet, parties)
    return Imported(journal, issues)


def tally_job(inputs: Mapping[str, Source], settings: TallySettings) -> JobResult:
    """The import-tally job: the Day Book file as a books workbook at `settings.out`."""
    day_book, master = inputs["daybook"], file_of(inputs.get("master"))
    if not isinstance(day_book, Path):
        raise UserError("Export the Day Book from Tally to a file and give its name.")
    out = settings.out
    workbook_out(out, "the books xlbo writes")
    refuse_to_replace_inputs(out, day_book, master)
    check_output_file(out, day_book, master)
    result = import_day_book(day_book, master, settings.sheet)
    with result_set(out.parent):  # earlier books kept as NAME (previous).xlsx
        write_workbook(out, result.sheets, title=f"Journal from {day_book.name}")
    vouchers = result.journal["Voucher No"].nunique() if len(result.journal) else 0
    # a Day Book cut off at its sheet's last row is said first: the books lack what came after
    cut = [issue for issue in result.issues if CUT_OFF in issue.problem]
    return JobResult(
        EXIT_FINDINGS if result.issues else EXIT_OK,
        (
            cut_sentences(cut) + f"{vouchers} vouchers, {len(result.journal)} journal lines; "
            f"{len(result.issues) - len(cut)} left out (see the Issues sheet). Books: {out}",
        ),
        sheets=tuple(result.sheets),
        issues=tuple(result.issues),
        files=(out,),
        headline=(f"{cut[0].file} was cut off at row {int(cut[0].cell[1:]):,}; " if cut else "")
        + f"{vouchers} vouchers; {len(result.issues) - len(cut)} left out.",
        value=result,
        records=journal_records(result.journal),
    )
