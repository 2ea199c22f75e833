"""The payroll job: one month, gross to net, for everyone on the rolls.

    $ xlbo payroll master.xlsx --month 2026-10 --out payroll/

Writes into the output folder: `payroll-register-YYYY-MM.xlsx` (Register with a totals row,
Working, Issues, Journal), `payslips-YYYY-MM/<Employee ID>.xlsx`, `ecr-YYYY-MM.txt` (EPFO),
`esi-YYYY-MM.xlsx` (ESIC upload), `bank-salary-YYYY-MM.csv`. Earlier months' registers in the
same folder give the year-to-date figures (TDS deducted, PT, ESI coverage at the period start).
Pre-checks list every employee who cannot be paid or reported as things stand — missing UAN or
ESI number, PAN missing or invalid (TDS at 20%, s.206AA), bad bank details, negative net pay —
and never turn a figure silently to zero.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from xlbo import ids
from xlbo.book import FileBook, Reader, ResultSheet
from xlbo.book.atomic import atomic_path
from xlbo.book.xlsx import write_workbook
from xlbo.dates import financial_year
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, issues_sheet
from xlbo.master.identifiers import bank_account
from xlbo.master.load import MasterData, load
from xlbo.master.records import Employee
from xlbo.master.rules import PFRule
from xlbo.payroll.attendance import Attendance, load_attendance
from xlbo.payroll.compute import DaysBasis, MonthRules, PayLine, YearToDate, active_days, compute
from xlbo.payroll.declarations import load_declarations
from xlbo.payroll.esi import period_start
from xlbo.payroll.outputs import (
    bank_csv,
    ecr_text,
    esi_sheet,
    payslip_name,
    register_sheet,
    salary_journal,
    working_sheet,
)
from xlbo.payroll.payslip import write_payslip
from xlbo.payroll.rules import in_force
from xlbo.payroll.tax import TaxTables
from xlbo.progress import progress

ZERO = Decimal(0)


@dataclass(frozen=True)
class PayrollRun:
    month: date
    lines: list[PayLine]
    issues: list[Issue]
    files: list[Path]


def parse_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise UserError(
            f"--month '{text}' is not a month; write it as YYYY-MM, e.g. 2026-10."
        ) from None


def months_remaining(month: date, fy_start: int = 4) -> int:
    """Months left in the financial year, this one included (October → 6)."""
    return (fy_start - 1 - month.month) % 12 + 1


def _earlier_registers(folder: Path, month: date, fy_start: int = 4) -> dict[date, Path]:
    first = date(month.year if month.month >= fy_start else month.year - 1, fy_start, 1)
    found = {}
    for path in folder.glob("payroll-register-*.xlsx"):
        try:
            when = parse_month(path.stem.removeprefix("payroll-register-"))
        except UserError:
            continue
        if first <= when < month:
            found[when] = path
    return found


def year_to_date(folder: Path, month: date) -> dict[str, YearToDate]:
    """Per Employee ID, the year's earlier figures from the registers in `folder`."""
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    covered: dict[str, bool] = {}
    half_start = date(month.year, 4, 1) if 4 <= month.month <= 9 else period_start(month)
    esi_start = period_start(month)
    for when, path in sorted(_earlier_registers(folder, month).items()):
        frame = FileBook(path).read_table("Register").frame
        for _, row in frame.iterrows():
            code = str(row.get("Employee ID") or "")
            if not code or code == "Total":
                continue
            bucket = totals[code]
            for header, key in (
                ("Gross", "gross"),
                ("TDS", "tds"),
                ("PT", "pt"),
                ("PF Employee", "pf"),
                ("VPF", "pf"),
            ):
                bucket[key] += Decimal(str(row.get(header) or 0))
            bucket["months"] += 1
            if when >= half_start:
                bucket["half"] += Decimal(str(row.get("Gross") or 0))
                bucket["half_months"] += 1
            if when >= esi_start and (
                (row.get("ESI Employee") or 0) or (row.get("ESI Employer") or 0)
            ):
                covered[code] = True  # covered at any time earlier in the period
    result = {}
    for code, bucket in totals.items():
        result[code] = YearToDate(
            gross=bucket["gross"],
            tds=bucket["tds"],
            pt=bucket["pt"],
            pf_employee=bucket["pf"],
            months=int(bucket["months"]),
            half_year_gross=bucket["half"],
            half_months=int(bucket["half_months"]),
            esi_covered_at_period_start=covered.get(code) if month != esi_start else None,
        )
    return result


def pre_checks(
    data: MasterData, lines: list[PayLine], file: str, pf_rule: PFRule | None = None
) -> tuple[list[Issue], set[str]]:
    """Issues that stop an employee being paid or reported; and who can be paid by bank."""
    issues: list[Issue] = []
    payable: set[str] = set()
    index = {e.employee_id: i for i, e in enumerate(data.employees)}
    for line in lines:
        person = line.employee
        i = index[person.employee_id]

        def add(
            header: str,
            problem: str,
            hint: str,
            severity: Severity = Severity.ERROR,
            person: Employee = person,
            i: int = i,
        ) -> None:
            issues.append(
                data.issue(
                    "Employees",
                    i,
                    header,
                    getattr(person, _ATTR.get(header, "employee_id")),
                    f"{person.employee_id}: {problem}",
                    hint,
                    severity,
                    file,
                )
            )

        if line.pf_employee and not person.uan:
            add(
                "UAN",
                "PF member without a UAN; left out of the ECR",
                "Generate the UAN on the EPFO portal and enter it.",
            )
        if (
            pf_rule is not None
            and person.eps_eligible
            and person.date_of_joining >= pf_rule.eps_cutoff
            and line.pf_wage > pf_rule.wage_ceiling
        ):
            add(
                "EPS Eligible",
                f"joined on or after {pf_rule.eps_cutoff:%d-%m-%Y} with PF wages above the "
                f"ceiling, yet marked EPS eligible; EPS was paid",
                "Members who joined after the cut-off above "
                "the ceiling get no EPS: set EPS Eligible to No unless they were EPS members before.",
                Severity.WARNING,
            )
        if line.esi_covered and not person.esi_number:
            add(
                "ESI Number",
                "covered by ESI but has no ESI (IP) number",
                "Register the employee on the ESIC portal and enter the IP number.",
            )
        if not person.pan or not ids.pan.is_valid(person.pan):
            add(
                "PAN",
                "PAN missing or invalid: TDS must be at least 20% (s.206AA)",
                "Collect the PAN; until then deduct at the higher rate.",
                Severity.WARNING,
            )
        good_bank = bool(person.bank_account and person.ifsc and ids.is_valid("IFSC", person.ifsc))
        if good_bank:
            try:
                bank_account(person.bank_account)
            except ValueError:
                good_bank = False
        if not good_bank:
            add(
                "Bank Account",
                "bank account or IFSC missing or invalid; left out of the bank file",
                "Take the details from a cancelled cheque.",
            )
        if line.net_pay < 0:
            add(
                "Basic",
                f"net pay is negative ({line.net_pay}); left out of the bank file",
                "Reduce the month's other deductions or loan recovery.",
            )
        if good_bank and line.net_pay > 0:
            payable.add(person.employee_id)
    return issues, payable


_ATTR = {
    "UAN": "uan",
    "ESI Number": "esi_number",
    "PAN": "pan",
    "Bank Account": "bank_account",
    "Basic": "basic",
}


@dataclass(frozen=True)
class PayrollMonth:
    """A month's payroll computed, before anything is written."""

    month: date
    data: MasterData
    lines: list[PayLine]
    issues: list[Issue]
    payable: set[str]
    ytd: dict[str, YearToDate]

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    def sheets(self) -> list[ResultSheet]:
        """Register, Working, Issues and the salary journal."""
        month = self.month
        month_end = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        company = self.data.company.name if self.data.company else ""
        return [
            register_sheet(self.lines, f"{company} — payroll register, {month:%B %Y}".strip(" —")),
            working_sheet(self.lines),
            issues_sheet(self.issues),
            salary_journal(
                self.lines,
                month_end,
                f"PAY/{self.key}",
                in_force(self.data.pf_rules, month, "PF Rules").admin_minimum,
            ),
        ]


def compute_payroll(
    reader: Reader,
    month_text: str,
    ytd: dict[str, YearToDate],
    basis: DaysBasis = DaysBasis.CALENDAR,
) -> PayrollMonth:
    """Gross to net for everyone on the rolls in the month, with pre-checks; writes nothing."""
    month = parse_month(month_text)
    data, issues = load(reader)
    attendance, attendance_issues = load_attendance(reader, month_text)
    fy = financial_year(month)
    declarations, declaration_issues = load_declarations(reader, fy)
    issues = [*issues, *attendance_issues, *declaration_issues]
    rules = MonthRules(
        month=month,
        pf=in_force(data.pf_rules, month, "PF Rules"),
        esi=in_force(data.esi_rules, month, "ESI Rules"),
        pt_slabs=data.pt_slabs,
        lwf=data.lwf_rules,
        tax=TaxTables(data.income_tax_slabs, data.income_tax_rules, data.surcharge_slabs),
        financial_year=fy,
        months_remaining=months_remaining(month),
        basis=basis,
    )
    lines = [
        compute(
            person,
            rules,
            attendance.get(person.employee_id.upper(), Attendance()),
            ytd.get(person.employee_id, YearToDate()),
            declarations.get(person.employee_id.upper()),
            pan_valid=bool(person.pan) and ids.pan.is_valid(person.pan),
        )
        for person in progress(data.employees, "payroll")
        if active_days(person, month)
    ]
    checks, payable = pre_checks(data, lines, data.source, rules.pf)
    issues = [*issues, *checks]
    estimated = [line for line in lines if line.estimated_months]
    if estimated:
        issues.append(
            Issue(
                severity=Severity.INFO,
                sheet="Register",
                cell="",
                problem=f"{len(estimated)} employees have earlier months of {fy} without an xlbo register; their "
                "year-to-date salary was estimated at the monthly rate and their tax assumed deducted evenly",
                hint="Keep each month's register (payroll-register-YYYY-MM.xlsx) in the output folder for exact "
                "year-to-date figures.",
                file=data.source,
            )
        )
    return PayrollMonth(month, data, lines, issues, payable, ytd)


def run_payroll(
    master: Path,
    month_text: str,
    out: Path,
    *,
    basis: DaysBasis = DaysBasis.CALENDAR,
    payslips: bool = True,
    created: datetime | None = None,
) -> PayrollRun:
    """The payroll job on the command line: compute, then write every output into `out`."""
    month = parse_month(month_text)
    out.mkdir(parents=True, exist_ok=True)
    result = compute_payroll(FileBook(master), month_text, year_to_date(out, month), basis)
    lines, key = result.lines, result.key
    files = [
        write_workbook(
            out / f"payroll-register-{key}.xlsx",
            result.sheets(),
            title=f"Payroll register {month:%B %Y}",
            created=created,
        )
    ]
    with atomic_path(out / f"ecr-{key}.txt") as temporary:
        temporary.write_text(ecr_text(lines), encoding="utf-8", newline="\n")
    files.append(out / f"ecr-{key}.txt")
    files.append(
        write_workbook(out / f"esi-{key}.xlsx", [esi_sheet(lines, month)], created=created)
    )
    with atomic_path(out / f"bank-salary-{key}.csv") as temporary:
        temporary.write_text(bank_csv(lines, month, result.payable), encoding="utf-8", newline="")
    files.append(out / f"bank-salary-{key}.csv")
    if payslips:
        folder = out / f"payslips-{key}"
        for line in progress(lines, "payslips"):
            person_ytd = result.ytd.get(line.employee.employee_id, YearToDate())
            files.append(
                write_payslip(
                    folder / payslip_name(line.employee.employee_id),
                    line,
                    result.data.company,
                    month,
                    person_ytd.gross,
                    person_ytd.tds,
                    created,
                )
            )
    return PayrollRun(month, lines, result.issues, files)
