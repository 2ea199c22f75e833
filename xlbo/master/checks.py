"""Checks across the cells of a row and across rows and sheets of the master workbook.

Field-level checks (is it a date, an amount, a state) happen as each row loads; these are the
checks an accountant makes next: does the employee leave before joining, does the account's
sub-group belong to its group, do opening debits equal opening credits, does every bank account
have its ledger.
"""

from __future__ import annotations

import difflib
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from xlbo.issues import Issue, Severity
from xlbo.master.accounts import NATURE_OF_GROUP, SUB_GROUPS
from xlbo.master.defaults import PT_STATES
from xlbo.money import format_inr

if TYPE_CHECKING:
    from xlbo.master.load import MasterData

MINIMUM_WORKING_AGE = 14
"""No one under 14 may be employed (Child and Adolescent Labour Act)."""


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


LONGEST_NAME = 100
"""A name longer than this is a paste gone wrong, not a person's or a firm's name; the files
that carry names cut them much shorter (the EPFO ECR at 85 characters, banks' transfer files at
35)."""

_NAMED = (("Employees", "employee_id"), ("Vendors", "vendor_code"), ("Customers", "customer_code"))


def long_names(data: MasterData, file: str = "") -> list[Issue]:
    """A Name cell past `LONGEST_NAME` characters, on the sheets whose names go into files."""
    issues = []
    for sheet, key in _NAMED:
        for index, record in enumerate(data.records(sheet)):
            name = getattr(record, "name", None) or ""
            if len(name) > LONGEST_NAME:
                issues.append(
                    data.issue(
                        sheet,
                        index,
                        "Name",
                        name[:LONGEST_NAME] + "…",
                        f"{getattr(record, key)}: the Name has {len(name):,} characters, more "
                        f"than the {LONGEST_NAME} a name needs",
                        "Type the name as on the PAN or the bank's records; the EPFO ECR holds "
                        "85 characters of it and banks' transfer files 35, and xlbo cuts it there.",
                        Severity.WARNING,
                        file,
                    )
                )
    return issues


def cross_checks(data: MasterData, file: str = "") -> list[Issue]:
    """Issues that need more than one cell to see."""
    return [
        *long_names(data, file),
        *employee_dates(data, file),
        *chart_of_accounts(data, file),
        *opening_balances(data, file),
        *pt_slabs_for_work_states(data, file),
        *bank_ledgers(data, file),
    ]


def employee_dates(data: MasterData, file: str = "") -> list[Issue]:
    """An employee who leaves before joining, or who would have joined under the working age."""
    issues = []
    for i, person in enumerate(data.employees):
        if person.date_of_leaving and person.date_of_leaving < person.date_of_joining:
            issues.append(
                data.issue(
                    "Employees",
                    i,
                    "Date of Leaving",
                    person.date_of_leaving,
                    f"{person.employee_id} leaves ({person.date_of_leaving:%d-%m-%Y}) before "
                    f"joining ({person.date_of_joining:%d-%m-%Y})",
                    "Check both dates; one of them is mistyped.",
                    Severity.ERROR,
                    file,
                )
            )
        age = _age_on(person.date_of_birth, person.date_of_joining)
        if age < MINIMUM_WORKING_AGE:
            issues.append(
                data.issue(
                    "Employees",
                    i,
                    "Date of Birth",
                    person.date_of_birth,
                    f"{person.employee_id} would have been {age} on joining",
                    f"No one under {MINIMUM_WORKING_AGE} may be employed; check the date of "
                    "birth (dd-mm-yyyy).",
                    Severity.ERROR,
                    file,
                )
            )
    return issues


def chart_of_accounts(data: MasterData, file: str = "") -> list[Issue]:
    """Each account's sub-group is Schedule III's and sits under its group, its nature is its
    group's, and its opening balance is on one side only."""
    issues = []
    names = set(SUB_GROUPS)

    def add(index: int, header: str, value: object, problem: str, hint: str) -> None:
        issues.append(
            data.issue("Accounts", index, header, value, problem, hint, Severity.ERROR, file)
        )

    for i, account in enumerate(data.accounts):
        group = SUB_GROUPS.get(account.sub_group)
        if group is None:
            near = difflib.get_close_matches(account.sub_group, names, n=1, cutoff=0.6)
            add(
                i,
                "Sub-group",
                account.sub_group,
                f"'{account.sub_group}' is not a Schedule III sub-group",
                f"Did you mean '{near[0]}'? " if near else "Choose one from the dropdown list.",
            )
        elif group is not account.group:
            add(
                i,
                "Group",
                account.group.value,
                f"{account.account}: sub-group {account.sub_group} belongs under "
                f"{group.value}, not {account.group.value}",
                f"Set Group to {group.value}.",
            )
        expected = NATURE_OF_GROUP[account.group]
        if account.nature is not expected:
            add(
                i,
                "Nature",
                account.nature.value,
                f"{account.account}: an account under {account.group.value} is "
                f"{expected.value}, not {account.nature.value}",
                f"Set Nature to {expected.value}.",
            )
        if account.opening_debit and account.opening_credit:
            add(
                i,
                "Opening Debit",
                account.opening_debit,
                f"{account.account} has both an opening debit and an opening credit",
                "Keep only the net balance on one side.",
            )
    return issues


def opening_balances(data: MasterData, file: str = "") -> list[Issue]:
    """The opening trial balance agrees: the accounts' opening debits equal their credits."""
    debit = sum((a.opening_debit for a in data.accounts), Decimal(0))
    credit = sum((a.opening_credit for a in data.accounts), Decimal(0))
    if debit == credit:
        return []
    return [
        Issue(
            severity=Severity.WARNING,
            sheet="Accounts",
            cell="",
            value="",
            problem=f"Opening debits ({format_inr(debit, symbol=True)}) and credits "
            f"({format_inr(credit, symbol=True)}) differ by "
            f"{format_inr(abs(debit - credit), symbol=True)}",
            hint="The opening trial balance must agree; check the balances brought forward.",
            file=file,
        )
    ]


def pt_slabs_for_work_states(data: MasterData, file: str = "") -> list[Issue]:
    """A state that levies professional tax where employees work, with no PT Slabs rows (said
    once a state, at its first employee)."""
    issues = []
    slab_states = {slab.state for slab in data.pt_slabs}
    warned: set[str] = set()
    for i, person in enumerate(data.employees):
        state = person.work_state
        if state in PT_STATES and state not in slab_states and state not in warned:
            warned.add(state)
            count = sum(1 for p in data.employees if p.work_state == state)
            issues.append(
                data.issue(
                    "Employees",
                    i,
                    "Work State",
                    state,
                    f"{state} levies professional tax, but the PT Slabs sheet has no rows for it "
                    f"({count} employee{'s' if count != 1 else ''} work there)",
                    f"Add {state}'s slabs to PT Slabs, or payroll will deduct no PT for them.",
                    Severity.WARNING,
                    file,
                )
            )
    return issues


def bank_ledgers(data: MasterData, file: str = "") -> list[Issue]:
    """Every bank account has its ledger in the chart of accounts (when there is a chart)."""
    ledgers = {a.account.casefold() for a in data.accounts}
    return [
        data.issue(
            "Bank Accounts",
            i,
            "Account",
            bank.account,
            f"Bank account ledger '{bank.account}' is not in the Accounts sheet",
            "Add the ledger to Accounts (under Cash and Cash Equivalents) or fix the name.",
            Severity.ERROR,
            file,
        )
        for i, bank in enumerate(data.bank_accounts)
        if ledgers and bank.account.casefold() not in ledgers
    ]
