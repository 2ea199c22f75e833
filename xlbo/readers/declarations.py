"""Old-regime tax declarations from the optional `Declarations` sheet.

Headers: `Employee ID`, `Financial Year` (e.g. 2026-27), `Section`, `Amount` — one row per
investment or claim declared for the year; the sections and their caps are
`xlbo.payroll.declarations.SECTION_CAPS`. A bad row becomes an Issue and is left out of the TDS
projection.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from xlbo.book import Reader
from xlbo.cells import clean_text
from xlbo.issues import Issue, Severity
from xlbo.master.fields import _financial_year_cell
from xlbo.money import parse_money
from xlbo.payroll.declarations import SECTION_CAPS, Declared

HEADERS = ("Employee ID", "Financial Year", "Section", "Amount")


def _section(text: str) -> str | None:
    key = text.upper().replace(" ", "")
    for section in SECTION_CAPS:
        if key == section.upper().replace(" ", ""):
            return section
    return None


def load_declarations(reader: Reader, year: str) -> tuple[dict[str, Declared], list[Issue]]:
    if not reader.has("Declarations"):
        return {}, []
    table = reader.read_table("Declarations", HEADERS)
    issues: list[Issue] = []
    amounts: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    if not set(HEADERS) <= set(table.frame.columns):
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=f"A{table.header_row}",
                problem="The Declarations sheet needs the columns " + ", ".join(HEADERS),
                hint="Add the missing headers; the declarations were not used.",
                file=reader.name,
            )
        )
        return {}, issues
    for row, cells in table.frame.iterrows():
        number = int(str(row))
        try:
            if _financial_year_cell(cells["Financial Year"]) != year:
                continue
            code = clean_text(cells["Employee ID"])
            section = _section(clean_text(cells["Section"]) or "")
            if section is None:
                raise ValueError(
                    f"'{cells['Section']}' is not a section xlbo knows ({', '.join(SECTION_CAPS)})"
                )
            amount = parse_money(cells["Amount"]) or Decimal(0)
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=f"A{number}",
                    problem=f"Declarations row {number}: {error}",
                    hint="Fix the row; it was left out of the TDS projection.",
                    file=reader.name,
                )
            )
            continue
        if code:
            amounts[code.upper()][section] += amount
    return {code: Declared(dict(sections)) for code, sections in amounts.items()}, issues
