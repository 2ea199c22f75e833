"""The employee file: which documents are on file for each employee and which are missing.

The `Employee Documents` sheet has a row per document received:

    Employee ID  Document                On File  Received    Reference
    E001         Appointment Letter      Yes      02-04-2024  HR/APT/24/07
    E001         PF Nomination (Form 2)  No

A document is on file when a row names it with On File Yes (blank On File with a Received date
counts as Yes). Every employee needs the documents of `REQUIRED` that apply to them: all need the
appointment letter, PAN, Aadhaar consent, bank proof and address proof; a PF member (with a UAN)
also Form 11 and the PF nomination (Form 2); an employee with an ESI number the ESI declaration;
everyone the gratuity nomination (Form F).
A PAN or bank account typed on the Employees sheet is not a copy kept: the checklist still asks
for the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from xlbo.master.fields import Id, OptDay, OptText, Text, YesNo
from xlbo.master.records import Employee, Record


class EmployeeDocument(Record):
    """One document of an employee's file."""

    employee_id: Id = Field(alias="Employee ID", description="Whose document it is.")
    document: Text = Field(
        alias="Document", description="Its name as on the checklist (Form 11, PAN, …)."
    )
    on_file: YesNo | None = Field(
        None,
        alias="On File",
        description="Yes when the signed copy is kept; blank with a Received date: Yes.",
    )
    received: OptDay = Field(None, alias="Received", description="The day it was received.")
    reference: OptText = Field(None, alias="Reference", description="File or folio number.")

    @property
    def kept(self) -> bool:
        return self.on_file if self.on_file is not None else self.received is not None


@dataclass(frozen=True)
class Required:
    """A document the employee file must hold, for whom, and why."""

    document: str
    why: str
    applies: Callable[[Employee], bool]


def _everyone(_: Employee) -> bool:
    return True


def _pf_member(person: Employee) -> bool:
    return bool(person.uan)


def _esi_member(person: Employee) -> bool:
    return bool(person.esi_number)


REQUIRED: tuple[Required, ...] = (
    Required("Appointment Letter", "terms of employment (Code on Wages; S&E Acts)", _everyone),
    Required("PAN", "TDS on salary; 20% without it (s.206AA)", _everyone),
    Required("Aadhaar Consent", "consent to use Aadhaar for UAN/ESI seeding", _everyone),
    Required("Bank Proof", "cancelled cheque or passbook for salary credit", _everyone),
    Required("Address Proof", "employee register (Shops and Establishments Act)", _everyone),
    Required(
        "Form 11", "EPF declaration of earlier membership (EPF Scheme para 36(2))", _pf_member
    ),
    Required("PF Nomination (Form 2)", "EPF/EPS nomination (EPF Scheme para 33)", _pf_member),
    Required("ESI Declaration", "ESI Form 1 with family details (ESI Reg. 11)", _esi_member),
    Required("Gratuity Nomination (Form F)", "Payment of Gratuity Rules r.6", _everyone),
)


@dataclass(frozen=True)
class FileCheck:
    """One required document of one employee: on file or missing."""

    employee: Employee
    document: str
    why: str
    on_file: bool
    received: date | None
    reference: str | None


def checklist(
    people: Sequence[Employee],
    documents: Sequence[EmployeeDocument],
    as_on: date,
    required: Sequence[Required] = REQUIRED,
) -> list[FileCheck]:
    """Each employee on the rolls on `as_on`, each document they need: on file or not."""
    kept: dict[tuple[str, str], EmployeeDocument] = {}
    for row in documents:
        key = (row.employee_id.casefold(), row.document.casefold())
        if row.kept or key not in kept:
            kept[key] = row
    found = []
    for person in people:
        if person.date_of_joining > as_on or (
            person.date_of_leaving is not None and person.date_of_leaving < as_on
        ):
            continue
        for need in required:
            if not need.applies(person):
                continue
            found_row = kept.get((person.employee_id.casefold(), need.document.casefold()))
            found.append(
                FileCheck(
                    person,
                    need.document,
                    need.why,
                    bool(found_row and found_row.kept),
                    found_row.received if found_row else None,
                    found_row.reference if found_row else None,
                )
            )
    return found


def unknown_documents(
    documents: Sequence[EmployeeDocument], required: Sequence[Required] = REQUIRED
) -> list[int]:
    """Positions of rows naming a document not on the checklist (a typo keeps it missing)."""
    names = {need.document.casefold() for need in required}
    return [i for i, row in enumerate(documents) if row.document.casefold() not in names]
