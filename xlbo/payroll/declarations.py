"""Old-regime tax declarations from the optional `Declarations` sheet.

Headers: `Employee ID`, `Financial Year` (e.g. 2026-27), `Section`, `Amount` — one row per
investment or claim declared for the year. Section 80C amounts are added to the employee's PF
and capped by the Income Tax Rules' 80C limit; the other sections are capped at their statutory
maximum (the defaults below; a claim above it is used at the cap and noted). New-regime
employees' declarations are ignored: the regime allows none of these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from xlbo.book import Reader
from xlbo.cells import clean_text
from xlbo.issues import Issue, Severity
from xlbo.master.fields import _financial_year_cell
from xlbo.money import format_inr, parse_money

HEADERS = ("Employee ID", "Financial Year", "Section", "Amount")

SECTION_CAPS: dict[str, Decimal | None] = {
    "80C": None,  # with employee PF, up to the Income Tax Rules' 80C Limit
    "80CCD(1B)": Decimal(50000),
    "80D": Decimal(100000),
    "24(b)": Decimal(200000),
    "80TTA": Decimal(10000),
    "80E": None,
    "80G": None,
    "HRA": None,
}
"""Sections an employee may declare, with the most each allows (None: no separate cap)."""


@dataclass(frozen=True)
class Declared:
    """An employee's declared deductions for a year, by section."""

    amounts: dict[str, Decimal] = field(default_factory=dict)

    def deduction(self, pf_for_year: Decimal, limit_80c: Decimal) -> tuple[Decimal, str]:
        """Total deduction and how it was made up."""
        parts = []
        total = min(self.amounts.get("80C", Decimal(0)) + pf_for_year, limit_80c)
        parts.append(
            f"80C {format_inr(total)} (declared {format_inr(self.amounts.get('80C', Decimal(0)))}"
            f" + PF {format_inr(pf_for_year)}, cap {format_inr(limit_80c)})"
        )
        for section, amount in self.amounts.items():
            if section == "80C":
                continue
            cap = SECTION_CAPS.get(section)
            used = min(amount, cap) if cap is not None else amount
            total += used
            parts.append(
                f"{section} {format_inr(used)}"
                + (f" (capped at {format_inr(cap)})" if cap is not None and amount > cap else "")
            )
        return total, "; ".join(parts)


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
