"""Data-quality audit of the master tables: the problems no single cell shows.

- the same PAN, GSTIN, Aadhaar, UAN or bank account under two different codes;
- a vendor paid into an employee's salary account (a classic fraud signal);
- rows identical in everything but their code;
- names that are probably the same party written twice: "Shree Balaji Traders Pvt Ltd" and
  "Sri Balaji Traders Private Limited" — compared after folding legal suffixes (Pvt Ltd, Private
  Limited, LLP, & Co), honorifics (M/s) and spellings (Shree/Shri/Sri), then by rapidfuzz's
  token-sort ratio within blocks of names that share their first word.
(`xlbo.names.party_key`).
"""

from __future__ import annotations

import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from xlbo.fuzzy import fuzz, process
from xlbo.issues import Issue, Severity
from xlbo.names import party_key

if TYPE_CHECKING:
    from xlbo.master.load import MasterData

SIMILAR_NAME_SCORE = 92
"""Token-sort similarity (0–100) at or above which two folded names are reported as alike."""

SHARED: tuple[tuple[str, str, str, str, Severity], ...] = (
    # sheet, key header, key attribute, shared attribute (header), severity
    ("Employees", "Employee ID", "employee_id", "PAN", Severity.ERROR),
    ("Employees", "Employee ID", "employee_id", "Aadhaar", Severity.ERROR),
    ("Employees", "Employee ID", "employee_id", "UAN", Severity.ERROR),
    ("Employees", "Employee ID", "employee_id", "ESI Number", Severity.ERROR),
    ("Employees", "Employee ID", "employee_id", "Bank Account", Severity.WARNING),
    ("Vendors", "Vendor Code", "vendor_code", "GSTIN", Severity.ERROR),
    ("Vendors", "Vendor Code", "vendor_code", "Bank Account", Severity.WARNING),
    ("Customers", "Customer Code", "customer_code", "GSTIN", Severity.ERROR),
)
_ATTRIBUTE = {
    "PAN": "pan",
    "Aadhaar": "aadhaar",
    "UAN": "uan",
    "ESI Number": "esi_number",
    "Bank Account": "bank_account",
    "GSTIN": "gstin",
}


def shared_numbers(data: MasterData, file: str = "") -> list[Issue]:
    """Issues for numbers that should be one party's but stand under two codes."""
    issues: list[Issue] = []
    for sheet, key_header, key_attr, header, severity in SHARED:
        first: dict[str, int] = {}
        records = data.records(sheet)
        for index, record in enumerate(records):
            value = getattr(record, _ATTRIBUTE[header])
            if not value:
                continue
            if value in first:
                other = getattr(records[first[value]], key_attr)
                issues.append(
                    data.issue(
                        sheet,
                        index,
                        header,
                        value,
                        f"{header} {value} of {getattr(record, key_attr)} is also {other}'s",
                        f"Two {key_header}s for one {header} usually means one party entered twice; "
                        "merge them or correct the number.",
                        severity,
                        file,
                    )
                )
            else:
                first[value] = index
    issues.extend(_vendors_paid_into_salary_accounts(data, file))
    issues.extend(_vendor_pans(data, file))
    return issues


def _vendors_paid_into_salary_accounts(data: MasterData, file: str) -> list[Issue]:
    salary = {e.bank_account: e.employee_id for e in data.employees if e.bank_account}
    return [
        data.issue(
            "Vendors",
            index,
            "Bank Account",
            vendor.bank_account,
            f"Vendor {vendor.vendor_code}'s bank account is employee "
            f"{salary[vendor.bank_account]}'s salary account",
            "Confirm the vendor's bank details from its own letter or cancelled cheque before "
            "paying: this is how payment fraud often looks.",
            Severity.WARNING,
            file,
        )
        for index, vendor in enumerate(data.vendors)
        if vendor.bank_account and vendor.bank_account in salary
    ]


def _vendor_pans(data: MasterData, file: str) -> list[Issue]:
    """A PAN under two vendor codes is fine for registrations in two states; else a repeat."""
    seen: dict[str, int] = {}
    issues = []
    for index, vendor in enumerate(data.vendors):
        if not vendor.pan:
            continue
        if vendor.pan in seen:
            other = data.vendors[seen[vendor.pan]]
            two_states = vendor.gstin and other.gstin and vendor.gstin[:2] != other.gstin[:2]
            if not two_states:
                issues.append(
                    data.issue(
                        "Vendors",
                        index,
                        "PAN",
                        vendor.pan,
                        f"PAN {vendor.pan} of {vendor.vendor_code} is also {other.vendor_code}'s",
                        "One PAN under two codes in the same state is one supplier entered twice.",
                        Severity.WARNING,
                        file,
                    )
                )
        else:
            seen[vendor.pan] = index
    return issues


def exact_duplicates(data: MasterData, file: str = "") -> list[Issue]:
    """Rows identical in every column but their code."""
    issues: list[Issue] = []
    for sheet, key_attr, key_header in (
        ("Employees", "employee_id", "Employee ID"),
        ("Vendors", "vendor_code", "Vendor Code"),
        ("Customers", "customer_code", "Customer Code"),
    ):
        seen: dict[tuple[Any, ...], int] = {}
        records = data.records(sheet)
        if not records:
            continue
        body_of = operator.attrgetter(*[n for n in type(records[0]).model_fields if n != key_attr])
        names = Counter(getattr(r, "name", None) for r in records)
        for index, record in enumerate(records):
            if names[getattr(record, "name", None)] < 2:
                continue  # identical rows share their name: most names are unique
            body = body_of(record)
            if body in seen:
                other = getattr(records[seen[body]], key_attr)
                issues.append(
                    data.issue(
                        sheet,
                        index,
                        key_header,
                        getattr(record, key_attr),
                        f"{getattr(record, key_attr)} is the same as {other} in every column but the code",
                        "Delete the repeated row, or correct what should differ.",
                        Severity.WARNING,
                        file,
                    )
                )
            else:
                seen[body] = index
    return issues


BLOCK_LIMIT = 2000
"""Names are compared within blocks sharing their first word and their numbers (a block this
large is split by the next word too), so 100,000 names cost seconds, not hours."""


def _blocks(
    keys: Sequence[str], depth: int = 1, members: Iterable[int] | None = None
) -> Iterable[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index in members if members is not None else range(len(keys)):
        key = keys[index]
        if key:  # names with different numbers are never alike, so never compared
            words = key.split(" ", depth)[:depth] if depth > 1 else [key.partition(" ")[0]]
            groups[" ".join(words) + "|" + " ".join(_DIGITS.findall(key))].append(index)
    for group in groups.values():
        if len(group) > BLOCK_LIMIT and depth < 3:
            yield from _blocks(keys, depth + 1, group)
        elif len(group) > 1:
            yield group


def similar_names(data: MasterData, file: str = "") -> list[Issue]:
    """Parties whose names are probably the same, written twice."""
    issues: list[Issue] = []
    for sheet, key_attr in (("Vendors", "vendor_code"), ("Customers", "customer_code")):
        records = data.records(sheet)
        names = [getattr(r, "name", "") for r in records]
        keys = [party_key(n) for n in names]
        reported: set[int] = set()
        for block in _blocks(keys):
            texts = [keys[i] for i in block]
            scores = process.cdist(
                texts,
                texts,
                scorer=fuzz.token_sort_ratio,
                score_cutoff=SIMILAR_NAME_SCORE,
                workers=-1,
            )
            for a, b in np.argwhere(np.triu(scores, 1) > 0).tolist():
                if block[b] not in reported and _numbers(texts[a]) == _numbers(texts[b]):
                    first, second = records[block[a]], records[block[b]]
                    reported.add(block[b])
                    same = "the same as" if keys[block[a]] == keys[block[b]] else "very like"
                    issues.append(
                        data.issue(
                            sheet,
                            block[b],
                            "Name",
                            names[block[b]],
                            f"{getattr(second, key_attr)} '{names[block[b]]}' looks {same} "
                            f"{getattr(first, key_attr)} '{names[block[a]]}'",
                            "If they are one party, keep one code; if not, make the names tell "
                            "them apart.",
                            Severity.WARNING,
                            file,
                        )
                    )
    return issues


_DIGITS = re.compile(r"\d+")


def _numbers(key: str) -> list[str]:
    """Numbers in a name tell parties apart (Sai Traders 2 is not Sai Traders 3)."""
    return _DIGITS.findall(key)


def same_person(data: MasterData, file: str = "") -> list[Issue]:
    """Employees with the same name and date of birth under two IDs (two people may share a
    name; sharing the birthday too is one person entered twice)."""
    seen: dict[tuple[str, Any], int] = {}
    issues = []
    for index, person in enumerate(data.employees):
        key = (" ".join(person.name.casefold().split()), person.date_of_birth)
        if key in seen:
            other = data.employees[seen[key]]
            issues.append(
                data.issue(
                    "Employees",
                    index,
                    "Name",
                    person.name,
                    f"{person.employee_id} has the same name and date of birth as {other.employee_id}",
                    "If they are one person, keep one Employee ID.",
                    Severity.WARNING,
                    file,
                )
            )
        else:
            seen[key] = index
    return issues


def audit(data: MasterData, file: str = "") -> list[Issue]:
    """Every data-quality finding for the Validate report."""
    return [
        *shared_numbers(data, file),
        *exact_duplicates(data, file),
        *similar_names(data, file),
        *same_person(data, file),
    ]
