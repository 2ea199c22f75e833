"""Identifier checks on the master tables: every PAN, GSTIN, TAN, IFSC, Aadhaar, UAN, ESI
number, bank account, PIN code, mobile number and e-mail, and the rules that tie them together
(a GSTIN carries its holder's PAN and its state's code).

A wrong identifier does not set its row aside — payroll still has to pay the person — but it is
an error the Validate report lists with the part that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from xlbo import ids
from xlbo.ids import IdKind
from xlbo.ids._text import compact
from xlbo.ids.errors import InvalidFormat, InvalidIdentifier, InvalidLength
from xlbo.issues import Issue, Severity
from xlbo.states import find_state

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
CHECKS: dict[str, tuple[tuple[str, str, Check, Severity], ...]] = {
    # sheet: (header, attribute, check, severity when wrong)
    "Company": (
        ("GSTIN", "gstin", ids.VALIDATORS[IdKind.GSTIN], Severity.ERROR),
        ("PAN", "pan", ids.VALIDATORS[IdKind.PAN], Severity.ERROR),
        ("TAN", "tan", ids.VALIDATORS[IdKind.TAN], Severity.ERROR),
        ("PIN", "pin", ids.VALIDATORS[IdKind.PIN], Severity.WARNING),
        ("Email", "email", ids.VALIDATORS[IdKind.EMAIL], Severity.WARNING),
    ),
    "Employees": (
        ("PAN", "pan", ids.VALIDATORS[IdKind.PAN], Severity.ERROR),
        ("Aadhaar", "aadhaar", ids.VALIDATORS[IdKind.AADHAAR], Severity.ERROR),
        ("UAN", "uan", ids.VALIDATORS[IdKind.UAN], Severity.ERROR),
        ("ESI Number", "esi_number", esi_number, Severity.ERROR),
        ("Bank Account", "bank_account", bank_account, Severity.ERROR),
        ("IFSC", "ifsc", ids.VALIDATORS[IdKind.IFSC], Severity.ERROR),
        ("Email", "email", ids.VALIDATORS[IdKind.EMAIL], Severity.WARNING),
        ("Mobile", "mobile", ids.VALIDATORS[IdKind.MOBILE], Severity.WARNING),
    ),
    "Vendors": (
        ("GSTIN", "gstin", ids.VALIDATORS[IdKind.GSTIN], Severity.ERROR),
        ("PAN", "pan", ids.VALIDATORS[IdKind.PAN], Severity.ERROR),
        ("Bank Account", "bank_account", bank_account, Severity.ERROR),
        ("IFSC", "ifsc", ids.VALIDATORS[IdKind.IFSC], Severity.ERROR),
        ("Email", "email", ids.VALIDATORS[IdKind.EMAIL], Severity.WARNING),
        ("Mobile", "mobile", ids.VALIDATORS[IdKind.MOBILE], Severity.WARNING),
    ),
    "Customers": (
        ("GSTIN", "gstin", ids.VALIDATORS[IdKind.GSTIN], Severity.ERROR),
        ("PAN", "pan", ids.VALIDATORS[IdKind.PAN], Severity.ERROR),
        ("Email", "email", ids.VALIDATORS[IdKind.EMAIL], Severity.WARNING),
        ("Mobile", "mobile", ids.VALIDATORS[IdKind.MOBILE], Severity.WARNING),
    ),
    "Bank Accounts": (
        ("Account Number", "account_number", bank_account, Severity.ERROR),
        ("IFSC", "ifsc", ids.VALIDATORS[IdKind.IFSC], Severity.ERROR),
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


def _records(data: MasterData, sheet: str) -> Iterator[tuple[int, Any]]:
    return enumerate(data.records(sheet))


def check_identifiers(data: MasterData, file: str = "") -> list[Issue]:
    """Issues for malformed identifiers and for GSTINs that disagree with their PAN or state."""
    issues: list[Issue] = []
    for sheet, checks in CHECKS.items():
        for index, record in _records(data, sheet):
            for header, attribute, check, severity in checks:
                value = getattr(record, attribute)
                if value is None:
                    continue
                try:
                    check(value)
                except InvalidIdentifier as error:
                    issues.append(
                        Issue(
                            severity=severity,
                            sheet=sheet,
                            cell=data.cell(sheet, index, header),
                            value=value,
                            problem=_named(header, error.message),
                            hint=HINTS.get(
                                header, f"Check the {header} against the document it comes from."
                            ),
                            file=file,
                        )
                    )
            issues.extend(_gstin_agrees(data, sheet, index, record, file))
    return issues


def _gstin_agrees(data: MasterData, sheet: str, index: int, record: Any, file: str) -> list[Issue]:
    number = getattr(record, "gstin", None)
    if not number or not ids.gstin.is_valid(number):
        return []
    issues = []
    holder = getattr(record, "pan", None)
    if holder and ids.pan.is_valid(holder) and number[2:12] != holder:
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
    try:
        stated = find_state(getattr(record, "state", None))
    except ValueError:
        stated = None
    registered = ids.gstin.state(number)
    if stated and stated.code != registered.code:
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=sheet,
                cell=data.cell(sheet, index, "State"),
                value=stated.name,
                problem=f"GSTIN {number} is registered in {registered.name} ({registered.code}), "
                f"but State says {stated.name}",
                hint="Use the state of the registration whose GSTIN this is; it decides CGST+SGST or IGST.",
                file=file,
            )
        )
    return issues
