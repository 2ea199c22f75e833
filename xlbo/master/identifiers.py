"""Identifier checks on the master tables: every PAN, GSTIN, TAN, IFSC, Aadhaar, UAN, ESI
number, bank account, PIN code, mobile number and e-mail, and the rules that tie them together
(a GSTIN carries its holder's PAN and its state's code).

A wrong identifier does not set its row aside — payroll still has to pay the person — but it is
an error the Validate report lists with the part that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlbo import ids
from xlbo.ids import IdKind
from xlbo.ids._text import compact
from xlbo.ids.bulk import valid_mask
from xlbo.ids.errors import InvalidFormat, InvalidIdentifier, InvalidLength
from xlbo.issues import Issue, Severity
from xlbo.states import BY_CODE, STATES

if TYPE_CHECKING:
    from xlbo.master.load import MasterData


def esi_number(value: Any) -> str:
    """ESIC insurance (IP) number: 10 digits."""
    number = compact(value, "ESI number")
    if not (number.isascii() and number.isdigit()):
        raise InvalidFormat(f"an ESI (IP) number has only digits; '{number[:20]}' has others")
    if len(number) != 10:
        raise InvalidLength(f"an ESI (IP) number has 10 digits; '{number[:20]}' has {len(number)}")
    return number


def bank_account(value: Any) -> str:
    """A bank account number: 9 to 18 digits (some banks use letters too)."""
    number = compact(value, "bank account number")
    if not re.fullmatch(r"[0-9A-Z]{6,20}", number):
        raise InvalidFormat(
            f"a bank account number has only digits (and rarely letters); '{number[:24]}' has others"
        )
    if not 9 <= len(number) <= 18 and number.isdigit():
        raise InvalidLength(
            f"Indian bank account numbers have 9 to 18 digits; '{number}' has {len(number)}"
        )
    return number


Check = Callable[[Any], str]


@dataclass(frozen=True)
class ColumnCheck:
    """How one identifier column is checked: the explaining validator, the bulk test that
    clears the valid majority fast, and how much a wrong value matters."""

    header: str
    attribute: str
    kind: IdKind
    severity: Severity = Severity.ERROR
    check: Check | None = None
    """Validator when it is not the kind's own (ESI and bank account numbers)."""
    pattern: str | None = None
    """Bulk pattern when it is not the kind's own."""

    @property
    def validator(self) -> Check:
        return self.check or ids.VALIDATORS[self.kind]


_ESI = ColumnCheck("ESI Number", "esi_number", IdKind.UAN, check=esi_number, pattern="[0-9]{10}")
_BANK = ColumnCheck(
    "Bank Account",
    "bank_account",
    IdKind.UAN,
    check=bank_account,
    pattern="(?:[0-9]{9,18}|(?=.*[A-Z])[0-9A-Z]{6,20})",
)
_GSTIN = ColumnCheck("GSTIN", "gstin", IdKind.GSTIN)
_PAN = ColumnCheck("PAN", "pan", IdKind.PAN)
_IFSC = ColumnCheck("IFSC", "ifsc", IdKind.IFSC)
_EMAIL = ColumnCheck("Email", "email", IdKind.EMAIL, Severity.WARNING)
_MOBILE = ColumnCheck("Mobile", "mobile", IdKind.MOBILE, Severity.WARNING)

CHECKS: dict[str, tuple[ColumnCheck, ...]] = {
    "Company": (
        _GSTIN,
        _PAN,
        ColumnCheck("TAN", "tan", IdKind.TAN),
        ColumnCheck("PIN", "pin", IdKind.PIN, Severity.WARNING),
        _EMAIL,
    ),
    "Employees": (
        _PAN,
        ColumnCheck("Aadhaar", "aadhaar", IdKind.AADHAAR),
        ColumnCheck("UAN", "uan", IdKind.UAN),
        _ESI,
        _BANK,
        _IFSC,
        _EMAIL,
        _MOBILE,
    ),
    "Vendors": (_GSTIN, _PAN, _BANK, _IFSC, _EMAIL, _MOBILE),
    "Customers": (_GSTIN, _PAN, _EMAIL, _MOBILE, ColumnCheck("TAN", "tan", IdKind.TAN)),
    "Bank Accounts": (
        ColumnCheck(
            "Account Number",
            "account_number",
            IdKind.UAN,
            check=bank_account,
            pattern=_BANK.pattern,
        ),
        _IFSC,
    ),
}

HINTS = {
    "Aadhaar": "Type it as text (format the column as Text) so Excel keeps every digit.",
    "Bank Account": "Copy it from a cancelled cheque or the bank's letter; keep the column as Text.",
    "IFSC": "Look it up on the cheque leaf or the bank's website.",
}


def _named(header: str, message: str) -> str:
    """The message, led by the column's name unless it already names it."""
    return message if header.casefold() in message[:24].casefold() else f"{header}: {message}"


def check_identifiers(data: MasterData, file: str = "") -> list[Issue]:
    """Issues for malformed identifiers and for GSTINs that disagree with their PAN or state.

    Each column is cleared in bulk (`xlbo.ids.bulk`); only the values that fail go through the
    validator that says what is wrong.
    """
    issues: list[Issue] = []
    for sheet, checks in CHECKS.items():
        records = data.records(sheet)
        if not records:
            continue
        valid: dict[str, np.ndarray] = {}
        for column in checks:
            values = [getattr(record, column.attribute) for record in records]
            mask = valid_mask(column.kind, values, column.pattern)
            valid[column.header] = mask
            for index in np.flatnonzero(~mask).tolist():
                value = values[index]
                if value is None:
                    continue
                try:
                    column.validator(value)
                except InvalidIdentifier as error:
                    mask[index] = False
                    issues.append(
                        Issue(
                            severity=column.severity,
                            sheet=sheet,
                            cell=data.cell(sheet, index, column.header),
                            value=value,
                            problem=_named(column.header, error.message),
                            hint=HINTS.get(
                                column.header,
                                f"Check the {column.header} against the document it comes from.",
                            ),
                            file=file,
                        )
                    )
                else:
                    mask[index] = True
        if "GSTIN" in valid:
            issues.extend(_gstin_agrees(data, sheet, records, valid, file))
    return issues


def _gstin_agrees(
    data: MasterData, sheet: str, records: Sequence[Any], valid: dict[str, np.ndarray], file: str
) -> list[Issue]:
    """A valid GSTIN must carry the row's PAN and its State's code (checked column-wise)."""
    gstins = pd.Series([r.gstin for r in records], dtype=object)
    gstins = gstins.where(
        ~valid["GSTIN"], gstins.astype(str).str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)
    )
    codes = {state.name: state.code for state in STATES}
    issues = []
    if "PAN" in valid:
        pans = pd.Series([getattr(r, "pan", None) for r in records], dtype=object)
        clash = valid["GSTIN"] & valid["PAN"] & (gstins.str[2:12] != pans).to_numpy(dtype=bool)
        for index in np.flatnonzero(clash).tolist():
            number, holder = gstins[index], pans[index]
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=sheet,
                    cell=data.cell(sheet, index, "PAN"),
                    value=holder,
                    problem=f"GSTIN {number} carries PAN {number[2:12]}, but the PAN column says {holder}",
                    hint="A GSTIN is built on its holder's PAN: correct whichever is wrong.",
                    file=file,
                )
            )
    stated = pd.Series([getattr(r, "state", None) for r in records], dtype=object).map(codes)
    clash = (
        valid["GSTIN"] & stated.notna().to_numpy() & (gstins.str[:2] != stated).to_numpy(dtype=bool)
    )
    for index in np.flatnonzero(clash).tolist():
        number = gstins[index]
        registered = BY_CODE[number[:2]]
        name = getattr(records[index], "state", "")
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=sheet,
                cell=data.cell(sheet, index, "State"),
                value=name,
                problem=f"GSTIN {number} is registered in {registered.name} ({registered.code}), "
                f"but State says {name}",
                hint="Use the state of the registration whose GSTIN this is; it decides CGST+SGST or IGST.",
                file=file,
            )
        )
    return issues
