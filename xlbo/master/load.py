"""Load the master-data workbook into typed records, turning every bad cell into an Issue.

    >>> data, issues = load("master.xlsx")                       # doctest: +SKIP
    >>> data.employees[0].monthly_gross, len(issues)              # doctest: +SKIP

A row with a bad cell is set aside (the issue says which cell and why) and the rest load. A
missing sheet, or a missing required column, sets the whole table aside with one issue that says
what was expected; a rule sheet that is missing falls back to xlbo's shipped defaults. Nothing
here raises for bad data: only an unreadable file (missing, damaged, password-protected) raises
`FileProblem`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from xlbo.book import FileBook, Reader, Table
from xlbo.book.display import Kind
from xlbo.cells import is_blank
from xlbo.dates import DateOrder, date_order, is_ambiguous, mixed_orders, parse_date
from xlbo.issues import Issue, Severity, display_value
from xlbo.master.checks import cross_checks
from xlbo.master.columns import field_readers, read_columns
from xlbo.master.identifiers import check_identifiers
from xlbo.master.records import (
    Account,
    BankAccount,
    Company,
    Customer,
    Employee,
    Record,
    Vendor,
)
from xlbo.master.rules import (
    ESIRule,
    GSTRate,
    IncomeTaxRule,
    IncomeTaxSlab,
    LWFRule,
    PFRule,
    PTSlab,
    SurchargeSlab,
)
from xlbo.master.schema import MASTER_TABLES, MasterTable
from xlbo.progress import bulk_work


@dataclass(frozen=True)
class MasterData:
    """Everything in the master workbook, typed. `rows[sheet][i]` is the Excel row of the i-th
    record of that sheet (0 for a shipped default)."""

    source: str = ""
    company: Company | None = None
    employees: tuple[Employee, ...] = ()
    vendors: tuple[Vendor, ...] = ()
    customers: tuple[Customer, ...] = ()
    accounts: tuple[Account, ...] = ()
    bank_accounts: tuple[BankAccount, ...] = ()
    pf_rules: tuple[PFRule, ...] = ()
    esi_rules: tuple[ESIRule, ...] = ()
    pt_slabs: tuple[PTSlab, ...] = ()
    lwf_rules: tuple[LWFRule, ...] = ()
    income_tax_slabs: tuple[IncomeTaxSlab, ...] = ()
    income_tax_rules: tuple[IncomeTaxRule, ...] = ()
    surcharge_slabs: tuple[SurchargeSlab, ...] = ()
    gst_rates: tuple[GSTRate, ...] = ()
    rows: dict[str, tuple[int, ...]] = field(default_factory=dict)
    letters: dict[str, dict[str, str]] = field(default_factory=dict)
    """Sheet → header → column letter, as found in the workbook."""

    def cell(self, sheet: str, index: int, header: str) -> str:
        """A1 address of a header's cell in the sheet's `index`-th record ("" for defaults)."""
        row = self.rows.get(sheet, ())[index] if index < len(self.rows.get(sheet, ())) else 0
        if not row:
            return ""
        return f"{self.letters.get(sheet, {}).get(header, 'A')}{row}"

    def issue(
        self,
        sheet: str,
        index: int,
        header: str,
        value: Any,
        problem: str,
        hint: str,
        severity: Severity = Severity.ERROR,
        file: str = "",
    ) -> Issue:
        """An issue about the `index`-th record of a sheet, pointing at its `header` cell."""
        return Issue(
            severity=severity,
            sheet=sheet,
            cell=self.cell(sheet, index, header),
            value=value,
            problem=problem,
            hint=hint,
            file=file,
        )

    def records(self, sheet: str) -> tuple[Record, ...]:
        """The records of a sheet by its name (`"Employees"`)."""
        table = next(t for t in MASTER_TABLES if t.sheet == sheet)
        value = getattr(self, table.attr)
        if table.attr == "company":
            return (value,) if value is not None else ()
        return tuple(value)


@dataclass
class _Sink:
    """Collects issues for one file."""

    file: str
    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        sheet: str,
        cell: str,
        problem: str,
        hint: str = "",
        value: Any = "",
    ) -> None:
        self.issues.append(
            Issue(
                severity=severity,
                sheet=sheet,
                cell=cell,
                value=value,
                problem=problem,
                hint=hint,
                file=self.file,
            )
        )


def _split_message(message: str) -> tuple[str, str]:
    first, _, rest = message.partition("; ")
    hint = rest[:1].upper() + rest[1:] if rest else ""
    return first, (hint + "." if hint and not hint.endswith(".") else hint)


def _explain(table: MasterTable, header: str, error: Any, raw: Any) -> tuple[str, str]:
    """A pydantic error as (problem, hint) in plain words."""
    kind = error["type"]
    info = table.record.model_fields.get(_attr_of(table, header))
    meaning = info.description if info and info.description else ""
    if kind == "missing" or (is_blank(raw) and kind != "value_error"):
        return f"{header} is blank", f"Fill in {header}. {meaning}".strip()
    if kind == "value_error":
        problem, hint = _split_message(str(error["ctx"]["error"]))
        return f"{header}: {problem}", hint
    if kind.startswith("greater_than"):
        return (
            f"{header}: {display_value(raw)} is negative",
            "Type the amount without a minus sign.",
        )
    return f"{header}: {error['msg']}", meaning


def _attr_of(table: MasterTable, header: str) -> str:
    for name, info in table.fields:
        if (info.alias or name) == header:
            return name
    return header


def _ranges(rows: Sequence[int]) -> str:
    spans: list[str] = []
    start = prev = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == prev + 1:
            prev = row
            continue
        spans.append(f"{start}" if start == prev else f"{start}–{prev}")
        if row is not None:
            start = prev = row
    return ", ".join(spans)


def _check_columns(table: MasterTable, found: Table, sink: _Sink) -> bool:
    """Report missing columns; False when a required one is missing (table set aside).

    A missing required column, or a missing column with a header that looks like it, gets an
    issue of its own; the other missing optional columns share one note.
    """
    present = set(found.frame.columns)
    unknown = [c for c in found.frame.columns if c not in table.headers]
    merged = (
        f" Header cells {', '.join(found.merged_header_cells)} are merged: unmerge them so each "
        "column has its own header."
        if found.merged_header_cells
        else ""
    )
    complete = True
    absent: list[str] = []
    for header in table.headers:
        if header in present:
            continue
        required = header in table.required_headers
        complete = complete and not required
        near = difflib.get_close_matches(header, unknown, n=1, cutoff=0.5)
        if not required and not near:
            absent.append(header)
            continue
        hint = (
            f"It has a column '{near[0]}'; if that is it, rename its header to '{header}'."
            if near
            else f"Add a column headed '{header}'."
        )
        sink.add(
            Severity.ERROR if required else Severity.INFO,
            table.sheet,
            f"{found.letters[near[0]]}{found.header_row}" if near else f"A{found.header_row}",
            f"The {table.sheet} sheet has no {'required ' if required else ''}'{header}' column"
            + ("" if required else "; it is read as blank"),
            hint + merged,
            value=near[0] if near else "",
        )
    if absent:
        names = ", ".join(f"'{h}'" for h in absent)
        sink.add(
            Severity.INFO,
            table.sheet,
            f"A{found.header_row}",
            f"The {table.sheet} sheet has no {names} column{'s' if len(absent) > 1 else ''}; "
            "read as blank",
            "Add the columns when you have the data (`xlbo init` writes the full layout)." + merged,
        )
    if not complete:
        sink.add(
            Severity.ERROR,
            table.sheet,
            f"A{found.header_row}",
            f"The {table.sheet} sheet was set aside because required columns are missing",
            f"Its columns must include: {', '.join(table.required_headers)}.",
        )
    return complete


def _settle_date_order(
    table: MasterTable, found: Table, columns: list[str], sink: _Sink
) -> tuple[pd.DataFrame, set[int]]:
    """Read each date column in the order its own cells prove (day first unless a cell like
    04/25/2022 proves month first); where cells prove both orders, each ambiguous date is an
    issue and its row is set aside rather than guessed."""
    kinds = table.columns()
    frame = found.frame
    rows: list[int] = [int(r) for r in frame.index.tolist()]
    doubtful: set[int] = set()
    for header in columns:
        if kinds[header].kind is not Kind.DATE:
            continue
        cells = frame[header].tolist()
        if mixed_orders(cells):
            for row, value in zip(rows, cells, strict=True):
                if is_ambiguous(value):
                    doubtful.add(row)
                    sink.add(
                        Severity.ERROR,
                        table.sheet,
                        found.cell(row, header),
                        f"{header} '{value}' could be read day first or month first, and other "
                        "rows of this column are written both ways",
                        "Type the date as dd-mm-yyyy (or with the month in letters: 03-Apr-2025).",
                        value=value,
                    )
        elif date_order(cells) is DateOrder.MONTH_FIRST:
            row, example = next(
                (r, v)
                for r, v in zip(rows, cells, strict=True)
                if date_order([v]) is DateOrder.MONTH_FIRST
            )
            frame = frame.copy() if frame is found.frame else frame
            frame[header] = [_month_first(v) for v in cells]
            sink.add(
                Severity.INFO,
                table.sheet,
                found.cell(row, header),
                f"{header} is written month first ({example} cannot be day first); xlbo read "
                "the whole column that way",
                "Indian dates are day first: consider retyping the column as dd-mm-yyyy.",
                value=example,
            )
    return frame, doubtful


def _month_first(value: Any) -> Any:
    try:
        return parse_date(value, day_first=False) if isinstance(value, str) else value
    except ValueError:
        return value


def load_table(
    reader: Reader, table: MasterTable, sink: _Sink
) -> tuple[list[Record], list[int], dict[str, str]]:
    """Records of one master sheet, their Excel rows and the column letters of its headers;
    issues go to `sink`."""
    if not reader.has(table.sheet):
        if table.is_rule:
            sink.add(
                Severity.INFO,
                table.sheet,
                "",
                f"The workbook has no '{table.sheet}' sheet, so xlbo used its shipped defaults",
                "Run `xlbo init` to get a workbook with the rule sheets, if you want to change them.",
            )
            return table.shipped(), [0] * len(table.shipped()), {}
        sink.add(
            Severity.ERROR,
            table.sheet,
            "",
            f"The workbook has no '{table.sheet}' sheet",
            f"Add a sheet named '{table.sheet}' with the headers: {', '.join(table.headers)} "
            "(`xlbo init NEW.xlsx` writes a template to copy from).",
        )
        return [], [], {}
    found = reader.read_table(table.sheet, table.headers)
    if not _check_columns(table, found, sink):
        return [], [], found.letters
    if found.blank_rows:
        sink.add(
            Severity.INFO,
            table.sheet,
            f"A{found.blank_rows[0]}",
            f"Blank rows {_ranges(found.blank_rows)} inside the table were skipped",
            "Delete empty rows so sorting and filters keep the table together.",
        )
    columns = [h for h in table.headers if h in found.frame.columns]
    kinds = table.columns()
    watched = [h for h in columns if kinds[h].kind is Kind.ID or h == table.key]
    frame, doubtful = _settle_date_order(table, found, columns, sink)
    records: list[Record] = []
    rows: list[int] = []
    numbers = [int(r) for r in frame.index.tolist()]
    first_of_key: dict[Any, int] = {}
    key_attr = _attr_of(table, table.key) if table.key else ""
    readers = field_readers(table.record)
    if readers is not None:
        built, problems, tidied = read_columns(
            table.record,
            readers,
            {h: frame[h].tolist() for h in columns},
            numbers,
            frozenset(watched),
        )
        for row, header, cell, value in tidied:
            sink.add(
                Severity.INFO,
                table.sheet,
                found.cell(row, header),
                f"{header} has stray or non-breaking spaces; xlbo read it as '{value}'",
                "Retype the cell so lookups in Excel find it too.",
                value=repr(cell),
            )
        for problem in problems:
            sink.add(
                Severity.ERROR,
                table.sheet,
                found.cell(problem.row, problem.header),
                problem.problem,
                problem.hint,
                value=problem.value,
            )
    else:
        built = [
            _validate_row(table, dict(zip(columns, cells, strict=True)), row, found, sink)
            for row, cells in zip(numbers, frame[columns].to_numpy().tolist(), strict=True)
        ]
    for row, record in zip(numbers, built, strict=True):
        if record is None or row in doubtful:
            continue
        if table.key:
            key = getattr(record, key_attr)
            folded = key.casefold() if isinstance(key, str) else key
            if folded in first_of_key:
                sink.add(
                    Severity.ERROR,
                    table.sheet,
                    found.cell(row, table.key),
                    f"{table.key} {key} appears again (first in row {first_of_key[folded]}); "
                    "this row was set aside",
                    f"Give each row its own {table.key}, or delete the repeated row.",
                    value=key,
                )
                continue
            first_of_key[folded] = row
        records.append(record)
        rows.append(row)
    return records, rows, found.letters


def load_sheet(
    reader: Reader, table: MasterTable
) -> tuple[list[Record], list[int], dict[str, str], list[Issue]]:
    """One sheet outside the master set (the Invoices job's Invoices and Items): its records,
    their Excel rows, its header letters and the issues of its cells, read as `load` reads the
    master sheets."""
    sink = _Sink(reader.name)
    records, rows, letters = load_table(reader, table, sink)
    return records, rows, letters, sink.issues


def _validate_row(
    table: MasterTable, cells: dict[str, Any], row: int, found: Table, sink: _Sink
) -> Record | None:
    """One row through pydantic (for records whose fields lack a column reader)."""
    raw = {h: v for h, v in cells.items() if v is not None}
    try:
        return table.record.model_validate(raw)
    except ValidationError as invalid:
        for error in invalid.errors():
            header = str(error["loc"][0]) if error["loc"] else ""
            problem, hint = _explain(table, header, error, raw.get(header))
            sink.add(
                Severity.ERROR,
                table.sheet,
                found.cell(row, header),
                problem,
                hint,
                value=raw.get(header),
            )
        return None


def load(source: str | Path | Reader) -> tuple[MasterData, list[Issue]]:
    """Read a master workbook; return its data and the issues found.

    Raises `FileProblem` only when the file cannot be read at all.
    """
    with bulk_work():
        return _load(source)


def _load(source: str | Path | Reader) -> tuple[MasterData, list[Issue]]:
    reader: Reader = FileBook(source) if isinstance(source, str | Path) else source
    sink = _Sink(reader.name)
    values: dict[str, Any] = {"source": reader.name}
    rows: dict[str, tuple[int, ...]] = {}
    letters: dict[str, dict[str, str]] = {}
    for table in MASTER_TABLES:
        records, numbers, letters[table.sheet] = load_table(reader, table, sink)
        rows[table.sheet] = tuple(numbers)
        if table.attr == "company":
            if len(records) > 1:
                sink.add(
                    Severity.WARNING,
                    table.sheet,
                    f"A{numbers[1]}",
                    "The Company sheet has more than one row; xlbo used the first",
                    "Keep one row: the company whose books these are.",
                )
            values["company"] = records[0] if records else None
        else:
            values[table.attr] = tuple(records)
    data = MasterData(rows=rows, letters=letters, **values)
    sink.issues.extend(cross_checks(data, sink.file))
    sink.issues.extend(check_identifiers(data, sink.file))
    return data, sink.issues


def errors_only(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.ERROR]
