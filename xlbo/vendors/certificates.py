"""Lower-deduction certificates: the `TDS Certificates` sheet, and the rate they set. Pure.

A vendor whose tax is below what TDS would take applies to its Assessing Officer (Form 13 on
TRACES) for a certificate to deduct at a lower rate, or nil: s.197 of the Income-tax Act 1961,
s.395(1) of the Income-tax Act 2025 from 1 April 2026. The certificate names the deductor, the
section, the rate, the period it is valid for and the amount up to which the rate applies; past
that amount, or outside the period, the usual rate is back. One row a certificate:

    Vendor Code  Section  Certificate No  Rate   Valid From  Valid To    Amount Limit
    V02          194J(b)  LDC2627AB01     2%     01-04-2026  31-03-2027  5,00,000

A row that can never apply is an Issue at its cell and set aside (`check_certificates`): Valid
To before Valid From, a Vendor Code not on Vendors, a Section no row of TDS Rules names.

Bills use the limit up in bill-date order. With the row above and 194J(b) bills of 3,00,000
and 3,00,000: the first is taxed 2% (6,000), the second 2% on the 2,00,000 left of the limit
and 10% on the other 1,00,000 (4,000 + 10,000). A certificate counts only where TDS is due at
all: a bill below the section's threshold uses none of its limit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import Field

from xlbo.issues import Issue, Severity
from xlbo.master.fields import Day, Id, OptMoney, Rate
from xlbo.master.records import Record
from xlbo.money import to_paise
from xlbo.vendors.rules import TDSRule


class TDSCertificate(Record):
    """One lower- or nil-deduction certificate a vendor gave the company."""

    vendor_code: Id = Field(alias="Vendor Code", description="The vendor's code on Vendors.")
    section: Id = Field(
        alias="Section",
        description="The TDS section the certificate is for, as TDS Rules names it (194C, "
        "194J(b)…, or the 2025 Act's provision or payment code).",
    )
    certificate_no: Id = Field(
        alias="Certificate No",
        description="The certificate's number (s.197 of the 1961 Act, s.395(1) of the 2025 "
        "Act), quoted in the TDS return.",
    )
    rate: Rate = Field(alias="Rate", description="The rate it allows: 0% for a nil certificate.")
    valid_from: Day = Field(alias="Valid From", description="First day it applies to.")
    valid_to: Day = Field(alias="Valid To", description="Last day it applies to.")
    amount_limit: OptMoney = Field(
        None,
        alias="Amount Limit",
        description="Amount up to which the rate applies, used up by bills in date order; "
        "blank: no limit.",
    )


def _fold(text: str) -> str:
    return "".join(text.split()).casefold().removeprefix("s.")


@dataclass
class CertificateUse:
    """A certificate and how much of its limit the bills so far have used (paise)."""

    certificate: TDSCertificate
    used: int = 0

    @property
    def left(self) -> int | None:
        """Paise of the limit still to use; None for a certificate without a limit."""
        limit = self.certificate.amount_limit
        if limit is None:
            return None
        return max(to_paise(limit) - self.used, 0)


@dataclass
class Certificates:
    """The certificates of the sheet, each with what its limit has left as bills use it."""

    rows: Sequence[TDSCertificate] = ()
    uses: list[CertificateUse] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.uses = [CertificateUse(c) for c in self.rows]

    def find(self, vendor_code: str, names: set[str], day: date) -> CertificateUse | None:
        """The certificate of this vendor for a section known by any of `names` (folded),
        valid on `day`, with limit left; of several, the one that started last."""
        vendor = vendor_code.casefold()
        found = [
            u
            for u in self.uses
            if u.certificate.vendor_code.casefold() == vendor
            and _fold(u.certificate.section) in names
            and u.certificate.valid_from <= day <= u.certificate.valid_to
            and u.left != 0
        ]
        return max(found, key=lambda u: u.certificate.valid_from) if found else None


def split_base(use: CertificateUse, base: int) -> tuple[int, int]:
    """Paise of `base` at the certificate's rate and at the usual rate; the limit is used."""
    left = use.left
    within = base if left is None else min(base, left)
    use.used += within
    return within, base - within


SHEET = "TDS Certificates"


def check_certificates(
    certificates: Sequence[TDSCertificate],
    rows: Sequence[int],
    letters: Mapping[str, str],
    vendor_codes: Collection[str],
    rules: Sequence[TDSRule],
    file: str = "",
) -> tuple[list[TDSCertificate], list[Issue]]:
    """The certificates that can apply, and an Issue at the cell of each that never can (the
    row is set aside): Valid To before Valid From (no bill date falls in it), a Vendor Code not
    on Vendors (`vendor_codes`, folded), a Section no row of `rules` names (by section,
    provision or payment code). `rows`: each certificate's Excel row; `letters`: the sheet's
    header letters.

        V02  194J(b)  LDC01  2%  01-04-2026  31-03-2026   → Valid To is before Valid From
        V99  194J(b)  LDC02  2%  01-04-2026  31-03-2027   → V99 is not on Vendors
        V02  194Z     LDC03  2%  01-04-2026  31-03-2027   → no TDS rule names 194Z
    """
    named = {name for rule in rules for name in rule.names if name}
    vendors = {code.casefold() for code in vendor_codes}
    kept: list[TDSCertificate] = []
    issues: list[Issue] = []
    for certificate, row in zip(certificates, rows, strict=True):
        number = certificate.certificate_no
        found = []
        if certificate.valid_to < certificate.valid_from:
            found.append(
                (
                    "Valid To",
                    f"{certificate.valid_to:%d-%m-%Y}",
                    f"Certificate {number}: Valid To {certificate.valid_to:%d-%m-%Y} is before "
                    f"Valid From {certificate.valid_from:%d-%m-%Y}, so no bill falls in it",
                    "Type the dates as on the certificate (DD-MM-YYYY): Valid From is the "
                    "first day, Valid To the last.",
                )
            )
        if certificate.vendor_code.casefold() not in vendors:
            found.append(
                (
                    "Vendor Code",
                    certificate.vendor_code,
                    f"Certificate {number}: vendor {certificate.vendor_code} is not on the "
                    "Vendors sheet, so no bill uses it",
                    "Write the code the vendor has on Vendors (or add the vendor there).",
                )
            )
        if _fold(certificate.section) not in named:
            found.append(
                (
                    "Section",
                    certificate.section,
                    f"Certificate {number}: no row of TDS Rules names section "
                    f"{certificate.section}, so no bill uses it",
                    "Write the section as TDS Rules names it (194C, 194J(b)…, or the 2025 "
                    "Act's provision or payment code).",
                )
            )
        if not found:
            kept.append(certificate)
            continue
        for header, value, problem, hint in found:
            letter = letters.get(header, "")
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=SHEET,
                    cell=f"{letter}{row}" if letter and row else "",
                    value=value,
                    problem=f"{problem}; the row was set aside",
                    hint=hint,
                    file=file,
                )
            )
    return kept, issues
