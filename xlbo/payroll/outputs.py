"""What a payroll run hands over, as frames and text: the register (with its working), the EPFO
ECR file, the ESIC upload, the bank transfer file's rows and the salary journal. Their sheets,
the bank CSV and the payslips are written by `xlbo.sheets.payroll` and `xlbo.sheets.payslip`."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS
from xlbo.money import to_paise
from xlbo.payroll.compute import PayLine
from xlbo.payroll.fixed_fields import FixedFile, clean_field
from xlbo.vendors.bankfile import payment_mode

REGISTER_HEADERS = (
    "Employee ID",
    "Name",
    "Paid Days",
    "Gross",
    "PF Wage",
    "PF Employee",
    "VPF",
    "EPS",
    "EPF Employer",
    "EDLI",
    "ESI Employee",
    "ESI Employer",
    "PT",
    "LWF Employee",
    "LWF Employer",
    "TDS",
    "Other Deductions",
    "Net Pay",
    "Employer Cost",
)
"""The register's headers, exactly as other tools read them."""

ZERO = Decimal(0)


def _row(line: PayLine) -> list[object]:
    return [
        line.employee.employee_id,
        line.employee.name,
        line.paid_days,
        line.gross,
        line.pf_wage,
        line.pf_employee,
        line.vpf,
        line.eps,
        line.epf_employer,
        line.edli,
        line.esi_employee,
        line.esi_employer,
        line.pt,
        line.lwf_employee,
        line.lwf_employer,
        line.tds,
        line.other_deductions + line.loan_recovery,
        line.net_pay,
        line.employer_cost,
    ]


def payroll_register(lines: Sequence[PayLine]) -> pd.DataFrame:
    """The payroll register: an employee a row (`REGISTER_HEADERS`), a Total row last."""
    rows = [_row(line) for line in lines]
    totals: list[object] = ["Total", f"{len(rows)} employees"]
    for index in range(2, len(REGISTER_HEADERS)):
        totals.append(sum((Decimal(str(r[index])) for r in rows), ZERO))
    return pd.DataFrame([*rows, totals], columns=list(REGISTER_HEADERS), dtype=object)


def working(lines: Sequence[PayLine]) -> pd.DataFrame:
    """How each figure of each employee was worked out, a figure a row."""
    rows = [
        [line.employee.employee_id, line.employee.name, figure, how]
        for line in lines
        for figure, how in line.working
    ]
    return pd.DataFrame(
        rows, columns=["Employee ID", "Name", "Figure", "How it was worked out"], dtype=object
    )


def _whole_rupees(amount: Decimal) -> int:
    """Whole rupees, 50 paise up (the ECR and ESI returns take no paise)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ecr_text(lines: Sequence[PayLine]) -> str:
    """The EPFO ECR: one member a line, `#~#` between fields, whole rupees: UAN, name, gross,
    EPF wages, EPS wages, EDLI wages, EE share, EPS share, ER share, NCP days, refund of advances."""
    out = []
    for line in lines:
        person = line.employee
        if not in_ecr(line):
            continue
        fields = [
            _fixed(person.uan, FixedFile.ECR),
            _fixed(person.name, FixedFile.ECR).upper(),
            _whole_rupees(line.gross),
            _whole_rupees(line.epf_wage),
            _whole_rupees(line.eps_wage),
            _whole_rupees(line.edli_wage),
            _whole_rupees(line.pf_employee + line.vpf),
            _whole_rupees(line.eps),
            _whole_rupees(line.epf_employer),
            line.ncp_days,
            0,
        ]
        out.append("#~#".join(str(f) for f in fields))
    return "\n".join(out) + ("\n" if out else "")


ESI_HEADERS = (
    "IP Number",
    "IP Name",
    "No of Days for which wages paid/payable during the month",
    "Total Monthly Wages",
    "Reason Code for Zero workings days",
    "Last Working Day",
)


def esi_contributions(lines: Sequence[PayLine], month: date) -> pd.DataFrame:
    """The ESIC monthly contribution upload: an insured person a row (`ESI_HEADERS`)."""
    rows = []
    for line in lines:
        person = line.employee
        if not in_esi(line):
            continue
        left = (
            person.date_of_leaving
            if person.date_of_leaving
            and person.date_of_leaving.month == month.month
            and person.date_of_leaving.year == month.year
            else None
        )
        reason = (
            "" if line.paid_days else ("2" if left else "1")
        )  # ESIC codes: 1 without wages, 2 left service
        rows.append(
            [
                _fixed(person.esi_number, FixedFile.ESI),
                _fixed(person.name, FixedFile.ESI),
                int(line.paid_days),
                _whole_rupees(line.gross),
                reason,
                left.strftime("%d/%m/%Y") if left else "",
            ]
        )
    return pd.DataFrame(rows, columns=list(ESI_HEADERS), dtype=object)


BANK_HEADERS = ("Beneficiary Name", "Account Number", "IFSC", "Amount", "Mode", "Narration")


def bank_transfers(lines: Sequence[PayLine], month: date, payable: set[str]) -> list[list[str]]:
    """The generic salary transfer file's rows (`BANK_HEADERS`): one credit per employee with
    good bank details and a positive net pay (`payable`); NEFT, or RTGS from ₹2 lakh."""
    rows = []
    for line in lines:
        person = line.employee
        if not in_bank(line, payable):
            continue
        amount = line.net_pay.quantize(Decimal("0.01"))
        rows.append(
            [
                _fixed(v, FixedFile.BANK)
                for v in (
                    person.name,
                    person.bank_account,
                    person.ifsc,
                    f"{amount:.2f}",
                    payment_mode(to_paise(amount)),
                    f"SALARY {month:%b %Y}".upper(),
                )
            ]
        )
    return rows


def salary_journal(
    lines: Sequence[PayLine], month_end: date, voucher: str, admin_minimum: Decimal = ZERO
) -> pd.DataFrame:
    """The month's salary journal (the Journal's columns): expenses debited, what is owed to staff and authorities
    credited. EPF admin charges are due on the establishment's total, at least `admin_minimum`."""

    def total(attribute: str) -> Decimal:
        return sum((getattr(line, attribute) for line in lines), ZERO)

    gross = total("gross")
    admin = max(total("pf_admin"), admin_minimum) if total("pf_employee") else ZERO
    pf_employer = total("eps") + total("epf_employer") + total("edli") + admin
    pf_payable = total("pf_employee") + total("vpf") + pf_employer
    entries = [
        ("Salaries and Wages", gross, ZERO),
        ("Employer PF Contribution", pf_employer, ZERO),
        ("Employer ESI Contribution", total("esi_employer"), ZERO),
        ("Employer LWF Contribution", total("lwf_employer"), ZERO),
        ("Salaries Payable", ZERO, total("net_pay")),
        ("PF Payable", ZERO, pf_payable),
        ("ESI Payable", ZERO, total("esi_employee") + total("esi_employer")),
        ("Professional Tax Payable", ZERO, total("pt")),
        ("LWF Payable", ZERO, total("lwf_employee") + total("lwf_employer")),
        ("TDS Payable - Salary (192)", ZERO, total("tds")),
        ("Salary Advances", ZERO, total("loan_recovery")),
        ("Staff Welfare", ZERO, total("other_deductions")),
    ]
    narration = f"Salaries for {month_end:%B %Y} as per the payroll register"
    rows = [
        [
            month_end,
            voucher,
            "Journal",
            account,
            debit or None,
            credit or None,
            None,
            None,
            narration,
        ]
        for account, debit, credit in entries
        if debit or credit
    ]
    return pd.DataFrame(rows, columns=list(JOURNAL_HEADERS), dtype=object)


def in_ecr(line: PayLine) -> bool:
    """A PF member with a UAN has a line in the ECR."""
    return bool(line.employee.uan and line.pf_employee)


def in_esi(line: PayLine) -> bool:
    """An employee covered by ESI this month has a row in the ESIC upload."""
    return line.esi_covered


def in_bank(line: PayLine, payable: Collection[str]) -> bool:
    """An employee with good bank details and a positive net pay has a credit in the bank file."""
    return line.employee.employee_id in payable


def _fixed(value: str | None, file: FixedFile) -> str:
    return clean_field(value or "", file)[0]


#: Per fixed-format file, the Employees sheet's fields it carries (header, attribute).
FIXED_FIELDS: dict[FixedFile, tuple[tuple[str, str], ...]] = {
    FixedFile.ECR: (("UAN", "uan"), ("Name", "name")),
    FixedFile.ESI: (("ESI Number", "esi_number"), ("Name", "name")),
    FixedFile.BANK: (("Name", "name"), ("Bank Account", "bank_account"), ("IFSC", "ifsc")),
}


@dataclass(frozen=True)
class FieldChange:
    """A field written to a fixed-format file other than as the Employees sheet holds it."""

    employee_id: str
    header: str
    """The Employees sheet's header of the field (Name, UAN…)."""
    value: str
    """As the Employees sheet holds it."""
    written: str
    """As the file has it."""
    file: FixedFile
    removed: tuple[str, ...]
    """What was taken out, in words ("a line break", "'#~#' (the ECR field separator)")."""

    @property
    def problem(self) -> str:
        return (
            f"{self.employee_id}: {self.header} holds {' and '.join(self.removed)}, which the "
            f"{self.file} cannot carry; it has '{self.written}' there"
        )


def fixed_field_changes(lines: Sequence[PayLine], payable: Collection[str]) -> list[FieldChange]:
    """Every field that the ECR, the ESIC upload or the bank file will hold cleaned."""
    changes = []
    for line in lines:
        person = line.employee
        carried = {
            FixedFile.ECR: in_ecr(line),
            FixedFile.ESI: in_esi(line),
            FixedFile.BANK: in_bank(line, payable),
        }
        for file, carries in carried.items():
            if not carries:
                continue
            for header, attribute in FIXED_FIELDS[file]:
                value = getattr(person, attribute) or ""
                written, removed = clean_field(value, file)
                if removed:
                    if file is FixedFile.ECR and attribute == "name":
                        written = written.upper()
                    changes.append(
                        FieldChange(person.employee_id, header, value, written, file, removed)
                    )
    return changes
