"""The TDS Rules and TDS Certificates sheets as the payment run reads them: each from the first
workbook that has it (the books, then the master), TDS Rules else xlbo's shipped rows; each bad
cell an Issue, and the rows that would be picked blindly or never apply said at their cells:

    TDS Rules         two rows of 194C from 01-04-2026 that overlap  → a warning at the later
                                                                       row's Effective From
    TDS Certificates  Valid To before Valid From, a vendor not on    → an error at the cell,
                      Vendors, a section no TDS rule names             the row set aside

The checks are pure (`xlbo.vendors.tds.rule_ties`, `xlbo.vendors.certificates.check_certificates`);
this module finds the sheet and its cells.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from xlbo.book import Reader
from xlbo.issues import Issue
from xlbo.master.load import load_sheet
from xlbo.master.schema import TDS_CERTIFICATES, TDS_RULES
from xlbo.vendors.certificates import TDSCertificate, check_certificates
from xlbo.vendors.rules import TDSRule
from xlbo.vendors.tds import rule_ties


def read_tds_rules(readers: Sequence[Reader]) -> tuple[list[TDSRule], list[Issue]]:
    """The TDS Rules of the first workbook that has the sheet, else the shipped rows; the
    issues of its cells and a warning for each tie (`rule_ties`)."""
    for reader in readers:
        if reader.has(TDS_RULES.sheet):
            records, rows, letters, issues = load_sheet(reader, TDS_RULES)
            rules = [r for r in records if isinstance(r, TDSRule)]
            at = [row for r, row in zip(records, rows, strict=True) if isinstance(r, TDSRule)]
            return rules, [*issues, *rule_ties(rules, at, letters, Path(reader.name).name)]
    return [r for r in TDS_RULES.shipped() if isinstance(r, TDSRule)], []


def read_certificates(
    readers: Sequence[Reader], vendor_codes: Collection[str], rules: Sequence[TDSRule]
) -> tuple[list[TDSCertificate], list[Issue]]:
    """The TDS Certificates of the first workbook that has the sheet (none without one) that
    can apply to a bill, and the issues of its cells and rows (`check_certificates`)."""
    for reader in readers:
        if reader.has(TDS_CERTIFICATES.sheet):
            records, rows, letters, issues = load_sheet(reader, TDS_CERTIFICATES)
            pairs = list(zip(records, rows, strict=True))
            found = [r for r, _ in pairs if isinstance(r, TDSCertificate)]
            at = [row for r, row in pairs if isinstance(r, TDSCertificate)]
            kept, problems = check_certificates(
                found, at, letters, vendor_codes, rules, Path(reader.name).name
            )
            return kept, [*issues, *problems]
    return [], []
