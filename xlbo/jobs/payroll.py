"""The payroll job: one month, gross to net, for everyone on the rolls.

    $ xlbo payroll master.xlsx --month 2026-10 --out payroll/

Writes into the output folder: `payroll-register-YYYY-MM.xlsx` (Summary, Register with a
totals row, Working, Issues, Journal), `payslips-YYYY-MM/<Employee ID>.xlsx` (an ID a file name
cannot hold as it is gets a cleaned name and a short hash: see `xlbo.payroll.file_names`),
`ecr-YYYY-MM.txt` (EPFO), `esi-YYYY-MM.xlsx` (ESIC upload), `bank-salary-YYYY-MM.csv`; field
separators and line breaks are taken out of the fixed-format files and reported. Earlier months'
registers in the same folder give the year-to-date figures (TDS deducted, PT, ESI coverage at the
period start); one edited into nonsense stops the run with the cell to fix.
Pre-checks list every employee who cannot be paid or reported as things stand — missing UAN or
ESI number, PAN missing or invalid (TDS at 20%, s.206AA), bad bank details, a bank account
another employee is already paid into this month (the second is held), negative net pay, a bad
or second Attendance row for the month (held: see `xlbo.payroll.attendance`) — and never turn a
figure silently to zero. Names longer than the ECR (85) or the bank file (35) holds are cut
there and reported. An Employees sheet set aside whole (a required header missing or merged
away) stops the run before anything is written. A file the user put into the payslips folder
is copied into each new one (`xlbo.book.atomic`). The Summary sheet and the terminal account for every
row of the Employees sheet: paid (in the bank file), or not paid and why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from xlbo import ids
from xlbo.audit.records import journal_records
from xlbo.book import FileBook, Reader, ResultSheet
from xlbo.book.atomic import atomic_path, check_output_folder, result_set
from xlbo.book.xlsx import write_workbook
from xlbo.cells import clean_text
from xlbo.dates import month_end
from xlbo.errors import SheetProblem, UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts, display_value
from xlbo.jobs.registry import EXIT_FINDINGS, EXIT_OK, JobResult, PayrollSettings, Source, file_of
from xlbo.journal_layout import SHEET as JOURNAL
from xlbo.master.identifiers import bank_account
from xlbo.master.load import MasterData, load
from xlbo.master.records import Employee
from xlbo.master.rules import PFRule
from xlbo.master.schema import MASTER_TABLES
from xlbo.money import format_inr, parse_money
from xlbo.payroll.attendance import Attendance
from xlbo.payroll.compute import DaysBasis, MonthRules, PayLine, YearToDate, active_days, compute
from xlbo.payroll.esi import period_start
from xlbo.payroll.file_names import payslip_names
from xlbo.payroll.not_paid import MasterRow, RollCall, roll_call
from xlbo.payroll.outputs import (
    FieldChange,
    bank_transfers,
    ecr_text,
    esi_contributions,
    fixed_field_changes,
    payroll_register,
    salary_journal,
    working,
)
from xlbo.payroll.rules import R, in_force
from xlbo.payroll.tax import TaxTables
from xlbo.periods import TAX_YEAR_START, financial_year
from xlbo.progress import progress
from xlbo.readers.attendance import load_attendance
from xlbo.readers.declarations import load_declarations
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.payroll import (
    bank_csv,
    esi_sheet,
    register_sheet,
    salary_journal_sheet,
    summary_sheet,
    working_sheet,
)
from xlbo.sheets.payslip import write_payslip

ZERO = Decimal(0)
EMPLOYEES = next(table for table in MASTER_TABLES if table.sheet == "Employees")


@dataclass(frozen=True)
class PayrollRun:
    month: date
    lines: list[PayLine]
    issues: list[Issue]
    files: list[Path]
    roll: RollCall
    """Everyone on the master: who was paid, who was not and why."""
    sheets: list[ResultSheet] = field(default_factory=list)
    """The register's sheets and the ESI contribution sheet (a button writes them into the
    open workbook)."""


#: Months payroll runs for: the statutory rules and the calendar are known for these years.
YEARS = range(1900, 2101)


def parse_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise UserError(
            f"--month '{text}' is not a month; write it as YYYY-MM, e.g. 2026-10."
        ) from None
    if year not in YEARS:
        raise UserError(
            f"--month '{text}' is outside the years payroll runs for "
            f"({YEARS[0]} to {YEARS[-1]}); write the month to pay as YYYY-MM, e.g. 2026-10."
        )
    return first


def rule_in_force(rows: Sequence[R], month: date, what: str, source: str) -> R:
    """The rule row in force in the month; a plain message when the rule sheet has none."""
    try:
        return in_force(rows, month, what)
    except ValueError as problem:
        raise SheetProblem(
            f"{source}: {problem}, effective on or before {month:%d-%m-%Y}, or run payroll "
            "for a month the rules cover."
        ) from None


def months_remaining(month: date) -> int:
    """Months left in the income-tax year, this one included (October → 6)."""
    end = financial_year(month, TAX_YEAR_START).end
    return (end.year - month.year) * 12 + end.month - month.month + 1


def _earlier_registers(folder: Path, month: date) -> dict[date, Path]:
    first = financial_year(month, TAX_YEAR_START).start
    found = {}
    for path in folder.glob("payroll-register-*.xlsx"):
        try:
            when = parse_month(path.stem.removeprefix("payroll-register-"))
        except UserError:
            continue
        if first <= when < month:
            found[when] = path
    return found


#: The columns of an earlier register that give the year to date (all money but the ID).
YTD_HEADERS = (
    "Employee ID",
    "Gross",
    "TDS",
    "PT",
    "PF Employee",
    "VPF",
    "ESI Employee",
    "ESI Employer",
)


REGISTER_SHEET = "Register {month}"
"""A month's register kept in the open workbook (`Register 2026-09`): where an Excel door with no
folder to write in (Lite, a workbook never saved) keeps what the next month's year to date needs."""

EarlierRegister = Path | tuple[Reader, str]
"""An earlier month's register: its file in the payroll folder, or its sheet in the workbook."""


def _register_sheets(workbook: Reader, month: date) -> dict[date, EarlierRegister]:
    """The `Register YYYY-MM` sheets of the open workbook for the months of the year before
    `month`."""
    first = financial_year(month, TAX_YEAR_START).start
    found: dict[date, EarlierRegister] = {}
    prefix = REGISTER_SHEET.format(month="")
    for name in workbook.sheet_names():
        if not name.startswith(prefix):
            continue
        try:
            when = parse_month(name.removeprefix(prefix).strip())
        except (UserError, ValueError):
            continue
        if first <= when < month:
            found[when] = (workbook, name)
    return found


def register_figures(register: EarlierRegister) -> list[tuple[str, dict[str, Decimal]]]:
    """Each employee row of an earlier month's register (a file, or a sheet of the open
    workbook): the Employee ID and its money figures.

    The register is xlbo's own output, but people open and edit it: a missing column, or a cell
    that is no longer an amount, stops the run with the file, the cell and what to do (the
    year-to-date TDS would be wrong without it)."""
    if isinstance(register, Path):
        sheet, name = "Register", register.name
        where = (
            f"xlbo reads the earlier registers in {register.parent} for the year-to-date figures: "
            "put the figure back as it was, or run that month's payroll again into this folder."
        )
        again = (
            f"xlbo reads the earlier registers in {register.parent} for the year-to-date "
            "figures; you can also run that month's payroll again into this folder."
        )
    else:
        sheet, name = register[1], register[0].name
        where = (
            "xlbo reads this workbook's earlier Register YYYY-MM sheets for the year-to-date "
            "figures: put the figure back as it was, or run that month's payroll again."
        )
        again = (
            "xlbo reads this workbook's earlier Register YYYY-MM sheets for the year-to-date "
            "figures; you can also run that month's payroll again."
        )
    try:  # a file that is no workbook fails as it is opened
        book = FileBook(register) if isinstance(register, Path) else register[0]
        table = book.read_table(sheet, YTD_HEADERS)
    except UserError as problem:
        raise type(problem)(f"{problem} {again}") from None
    missing = [header for header in YTD_HEADERS if header not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{name}: the {sheet} sheet has no "
            + ", ".join(f"'{header}'" for header in missing)
            + f" column. {where}"
        )
    quoted = f"'{sheet}'" if " " in sheet else sheet
    found = []
    for number, row in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        code = display_value(row["Employee ID"]).strip()
        if not code or code == "Total":
            continue
        figures = {}
        for header in YTD_HEADERS[1:]:
            try:
                figures[header] = parse_money(row[header]) or ZERO
            except ValueError:
                raise SheetProblem(
                    f"{name}: {quoted}!{table.cell(int(number), header)} holds "
                    f"'{display_value(row[header], 40)}', which is not an amount of {header}. {where}"
                ) from None
        found.append((code, figures))
    return found


def year_to_date(
    folder: Path | None, month: date, workbook: Reader | None = None
) -> dict[str, YearToDate]:
    """Per Employee ID, the year's earlier figures from the registers in `folder`, and from the
    `Register YYYY-MM` sheets of the open `workbook` for the months with no file there."""
    registers: dict[date, EarlierRegister] = {}
    if workbook is not None:
        registers.update(_register_sheets(workbook, month))
    if folder is not None:
        registers.update(_earlier_registers(folder, month))
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    covered: dict[str, bool] = {}
    half_start = period_start(month)  # PT's half years run as ESI's periods do
    esi_start = period_start(month)
    for when, register in sorted(registers.items(), key=lambda item: item[0]):
        for code, figures in register_figures(register):
            bucket = totals[code]
            for header, key in (
                ("Gross", "gross"),
                ("TDS", "tds"),
                ("PT", "pt"),
                ("PF Employee", "pf"),
                ("VPF", "pf"),
            ):
                bucket[key] += figures[header]
            bucket["months"] += 1
            if when >= half_start:
                bucket["half"] += figures["Gross"]
                bucket["half_months"] += 1
            if when >= esi_start and (figures["ESI Employee"] or figures["ESI Employer"]):
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
) -> tuple[list[Issue], set[str], dict[str, tuple[str, str]]]:
    """Issues that stop an employee being paid or reported; who can be paid by bank; and, for
    each one on the register who cannot, why and what to do."""
    issues: list[Issue] = []
    payable: set[str] = set()
    held: dict[str, tuple[str, str]] = {}
    index = {e.employee_id: i for i, e in enumerate(data.employees)}
    # (account number, bank: the IFSC's first four letters) → the first employee paid into it
    account_of: dict[tuple[str, str], str] = {}
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
        shared = ""
        if good_bank:
            try:
                account = bank_account(person.bank_account)
            except ValueError:
                good_bank = False
            else:
                bank_code = (person.ifsc or "").upper()[:4]
                shared = account_of.setdefault((account, bank_code), person.employee_id)
                if shared == person.employee_id:
                    shared = ""
        if shared:
            add(
                "Bank Account",
                f"bank account {person.bank_account} is also {shared}'s; {person.employee_id} "
                f"is left out of the bank file, so that one salary does not go to another",
                f"Check {person.employee_id}'s and {shared}'s bank details against their "
                "cancelled cheques and correct the Employees sheet; pay "
                f"{person.employee_id} by a separate transfer once the account is confirmed.",
            )
            held[person.employee_id] = (
                f"bank account {person.bank_account} is also {shared}'s",
                f"Confirm {person.employee_id}'s account (a cancelled cheque), correct the "
                "Employees sheet, then pay by a separate transfer.",
            )
        if not good_bank:
            add(
                "Bank Account",
                "bank account or IFSC missing or invalid; left out of the bank file",
                "Take the details from a cancelled cheque.",
            )
            held[person.employee_id] = (
                "bank account or IFSC missing or invalid",
                "Take the details from a cancelled cheque, then pay by a separate transfer.",
            )
        if line.net_pay < 0:
            add(
                "Basic",
                f"net pay is negative ({format_inr(line.net_pay)}); left out of the bank file",
                "Reduce the month's other deductions or loan recovery.",
            )
            negative = f"net pay is negative ({format_inr(line.net_pay)})"
            bank = held.get(person.employee_id)
            held[person.employee_id] = (
                f"{bank[0]}; {negative}" if bank else negative,
                "Reduce the month's other deductions or loan recovery.",
            )
        elif line.net_pay == 0 and person.employee_id not in held:
            held[person.employee_id] = (
                f"net pay is nil ({line.paid_days} paid days)",
                "Nothing to transfer; check the month's attendance and deductions.",
            )
        if good_bank and not shared and line.net_pay > 0:
            payable.add(person.employee_id)
    return issues, payable, held


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
    roll: RollCall
    """Everyone on the master: who was paid, who was not and why."""
    payslip_files: dict[str, str]
    """Employee ID → the payslip's file name (unique, safe on any disk)."""

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    def sheets(self) -> list[ResultSheet]:
        """Summary (who was paid, who was not and why), Register, Working, Issues and the
        salary journal."""
        month = self.month
        last_day = month_end(month)
        company = self.data.company.name if self.data.company else ""
        return [
            summary_sheet(self.roll, company, month),
            register_sheet(
                payroll_register(self.lines),
                f"{company} — payroll register, {month:%B %Y}".strip(" —"),
            ),
            working_sheet(working(self.lines)),
            issues_sheet(self.issues),
            salary_journal_sheet(
                salary_journal(
                    self.lines,
                    last_day,
                    f"PAY/{self.key}",
                    rule_in_force(
                        self.data.pf_rules, month, "PF Rules", self.data.source
                    ).admin_minimum,
                )
            ),
        ]


def master_rows(reader: Reader) -> list[MasterRow]:
    """Every filled row of the Employees sheet as typed, read or set aside."""
    if not reader.has(EMPLOYEES.sheet):
        return []
    frame = reader.read_table(EMPLOYEES.sheet, EMPLOYEES.headers).frame
    blank = [None] * len(frame)
    codes = frame["Employee ID"].tolist() if "Employee ID" in frame.columns else blank
    names = frame["Name"].tolist() if "Name" in frame.columns else blank
    return [
        MasterRow(int(row), _shown(code)[:60], _shown(name)[:80])
        for row, code, name in zip(frame.index, codes, names, strict=True)
    ]


def _shown(value: object) -> str:
    """A cell as text to name an employee by; an Excel error (#REF!) as it shows."""
    try:
        return clean_text(value) or ""
    except ValueError:
        return display_value(value)


def _fixed_field_issues(data: MasterData, lines: list[PayLine], payable: set[str]) -> list[Issue]:
    index = {person.employee_id: i for i, person in enumerate(data.employees)}
    return [
        data.issue(
            "Employees",
            index[change.employee_id],
            change.header,
            change.value[:200],
            change.problem,
            _fixed_field_hint(change),
            Severity.WARNING,
            data.source,
        )
        for change in fixed_field_changes(lines, payable)
    ]


def _fixed_field_hint(change: FieldChange) -> str:
    them = "them" if len(change.removed) > 1 else "it"
    if change.removed[-1].endswith(" fit"):  # cut to the file's length
        return (
            f"Shorten the {change.header} on the Employees sheet to what the {change.file} "
            f"holds (as on the bank's and EPFO's records); until then the file has its first "
            f"{len(change.written)} characters."
        )
    return (
        f"Take {them} out of the {change.header} on the Employees sheet; the {change.file} "
        f"cannot hold {them}."
    )


def _payslip_name_issues(
    data: MasterData, lines: list[PayLine], names: dict[str, str], key: str
) -> list[Issue]:
    index = {person.employee_id: i for i, person in enumerate(data.employees)}
    return [
        data.issue(
            "Employees",
            index[line.employee.employee_id],
            "Employee ID",
            line.employee.employee_id,
            f"{line.employee.employee_id}: the payslip is payslips-{key}/{names[line.employee.employee_id]}, "
            "because a file name cannot hold this Employee ID as it is",
            "Nothing to do: the characters a file name cannot hold were replaced, and a short "
            "hash of the ID keeps the file apart from other employees' in every month's folder.",
            Severity.INFO,
            data.source,
        )
        for line in lines
        if names[line.employee.employee_id] != f"{line.employee.employee_id}.xlsx"
    ]


def _refuse_a_sheet_set_aside(name: str, on_master: list[MasterRow], issues: list[Issue]) -> None:
    """Stop, writing nothing, when the whole Employees sheet was set aside (a required column
    missing, e.g. its header merged into the next one): a month's files that pay no one would
    only be uploaded by mistake, or kept as the month's (previous) files on the next run."""
    typed = {row.row for row in on_master}
    whole_sheet = [
        issue
        for issue in issues
        if issue.sheet == EMPLOYEES.sheet
        and issue.severity is Severity.ERROR
        and _cell_row(issue.cell) not in typed
    ]
    if not whole_sheet:
        return
    missing = [issue for issue in whole_sheet if "no required" in issue.problem] or whole_sheet
    raise SheetProblem(
        f"{name}: {'; '.join(issue.problem for issue in missing)}"
        + ", so payroll can pay no one and wrote nothing. "
        + " ".join(dict.fromkeys(issue.hint for issue in missing if issue.hint))
        + " Then run payroll again."
    )


def _cell_row(cell: str) -> int | None:
    digits = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits) if digits.isdigit() else None


def _read_attendance(found: Attendance | None) -> Attendance:
    """The month's attendance as computed: a row held back for a bad cell counts as no row."""
    return found if found is not None and found.held is None else Attendance()


def compute_payroll(
    reader: Reader,
    month_text: str,
    ytd: dict[str, YearToDate],
    basis: DaysBasis = DaysBasis.CALENDAR,
) -> PayrollMonth:
    """Gross to net for everyone on the rolls in the month, with pre-checks; writes nothing."""
    month = parse_month(month_text)
    on_master = master_rows(reader)
    if not on_master:
        raise SheetProblem(
            f"{reader.name} has no employees to pay: its Employees sheet is missing or empty. "
            "Fill in the Employees sheet (`xlbo init NEW.xlsx` writes one to copy from), then run again."
        )
    data, issues = load(reader)
    if not data.employees:
        _refuse_a_sheet_set_aside(reader.name, on_master, issues)
    attendance, attendance_issues = load_attendance(reader, month_text)
    fy = financial_year(month, TAX_YEAR_START).code
    declarations, declaration_issues = load_declarations(reader, fy)
    issues = [*issues, *attendance_issues, *declaration_issues]
    rules = MonthRules(
        month=month,
        pf=rule_in_force(data.pf_rules, month, "PF Rules", data.source),
        esi=rule_in_force(data.esi_rules, month, "ESI Rules", data.source),
        pt_slabs=data.pt_slabs,
        lwf=data.lwf_rules,
        tax=TaxTables(data.income_tax_slabs, data.income_tax_rules, data.surcharge_slabs),
        financial_year=fy,
        months_remaining=months_remaining(month),
        basis=basis,
    )
    attendance_held = {
        person.employee_id: found.held
        for person in data.employees
        if (found := attendance.get(person.employee_id.upper())) is not None and found.held
    }
    lines = [
        compute(
            person,
            rules,
            _read_attendance(attendance.get(person.employee_id.upper())),
            ytd.get(person.employee_id, YearToDate()),
            declarations.get(person.employee_id.upper()),
            pan_valid=bool(person.pan) and ids.pan.is_valid(person.pan),
        )
        for person in progress(data.employees, "payroll")
        if active_days(person, month)
    ]
    checks, payable, held = pre_checks(data, lines, data.source, rules.pf)
    for code, (reason, hint) in attendance_held.items():  # a bad or second Attendance row
        payable.discard(code)
        earlier = held.get(code)
        held[code] = (f"{earlier[0]}; {reason}" if earlier else reason, hint)
    names = payslip_names(line.employee.employee_id for line in lines)
    master_issues = issues  # why a row was set aside; not the pre-checks' own words again
    issues = [
        *issues,
        *checks,
        *_fixed_field_issues(data, lines, payable),
        *_payslip_name_issues(data, lines, names, f"{month:%Y-%m}"),
    ]
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
    roll = roll_call(
        on_master,
        data.rows.get("Employees", ()),
        data.employees,
        lines,
        payable,
        held,
        master_issues,
        month,
        month_end(month),
        [data.letters.get("Employees", {}).get(h, "") for h in ("Bank Account", "IFSC")],
    )
    return PayrollMonth(month, data, lines, issues, payable, ytd, roll, names)


def run_payroll(
    master: Path | Reader,
    month_text: str,
    out: Path,
    *,
    basis: DaysBasis = DaysBasis.CALENDAR,
    payslips: bool = True,
    created: datetime | None = None,
) -> PayrollRun:
    """The payroll month: compute (the year to date from the earlier registers in `out`), then
    write every output into `out`. `master` is the master file, or the workbook open in Excel."""
    month = parse_month(month_text)
    reader = FileBook(master) if isinstance(master, Path) else master
    workbook = None if isinstance(master, Path) else master  # its Register YYYY-MM sheets
    result = compute_payroll(reader, month_text, year_to_date(out, month, workbook), basis)
    lines, key = result.lines, result.key
    with result_set(out, units=[out / f"payslips-{key}"]):  # the month's files: all or none
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
            write_workbook(
                out / f"esi-{key}.xlsx",
                [esi_sheet(esi_contributions(lines, month))],
                created=created,
            )
        )
        with atomic_path(out / f"bank-salary-{key}.csv") as temporary:
            temporary.write_text(
                bank_csv(bank_transfers(lines, month, result.payable)), encoding="utf-8", newline=""
            )
        files.append(out / f"bank-salary-{key}.csv")
        if payslips:
            folder = out / f"payslips-{key}"
            for line in progress(lines, "payslips"):
                person_ytd = result.ytd.get(line.employee.employee_id, YearToDate())
                files.append(
                    write_payslip(
                        folder / result.payslip_files[line.employee.employee_id],
                        line,
                        result.data.company,
                        month,
                        person_ytd.gross,
                        person_ytd.tds,
                        created,
                    )
                )
    return PayrollRun(
        month,
        lines,
        result.issues,
        files,
        result.roll,
        [*result.sheets(), esi_sheet(esi_contributions(lines, month))],
    )


PAYSLIPS_LISTED = 6
"""Files the command line names one by one; the payslips past them are counted."""


def payroll_job(inputs: Mapping[str, Source], settings: PayrollSettings) -> JobResult:
    """The Payroll job of every door: the month computed from the master (a file, or the
    workbook open in Excel) with the year to date from the registers in `settings.out`, and
    every output written there; with no `out`, computed only (no year to date: estimated, and
    said on the Issues sheet)."""
    master = inputs["master"]
    if settings.out is not None:
        check_output_folder(settings.out, file_of(master))
        run = run_payroll(
            master,
            settings.month,
            settings.out,
            basis=settings.basis,
            payslips=settings.payslips,
        )
    else:
        workbook = None if isinstance(master, Path) else master  # its Register YYYY-MM sheets
        reader = FileBook(master) if isinstance(master, Path) else master
        ytd = year_to_date(None, parse_month(settings.month), workbook)
        month = compute_payroll(reader, settings.month, ytd, settings.basis)
        run = PayrollRun(
            month.month,
            month.lines,
            month.issues,
            [],
            month.roll,
            [*month.sheets(), esi_sheet(esi_contributions(month.lines, month.month))],
        )
    sheets = list(run.sheets)
    if not isinstance(master, Path):  # the month kept in the workbook, for next month's YTD
        register = next(sheet for sheet in sheets if sheet.name == "Register")
        sheets.append(replace(register, name=REGISTER_SHEET.format(month=f"{run.month:%Y-%m}")))
    counts = count_by_severity(run.issues)
    said = describe_counts(counts)
    lines = [
        f"Payroll {run.month:%B %Y}: {run.roll.headline}; {said}.",
        *run.roll.terminal_lines(),
        *(f"  {path}" for path in run.files[:PAYSLIPS_LISTED]),
    ]
    if len(run.files) > PAYSLIPS_LISTED:
        lines.append(
            f"  … and {len(run.files) - PAYSLIPS_LISTED} payslips in {run.files[-1].parent}"
        )
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(run.issues),
        files=tuple(run.files),
        headline=f"Payroll {run.month:%B %Y}: {len(run.lines)} employees; {said}.",
        value=run,
        records=next((journal_records(s.frame) for s in run.sheets if s.name == JOURNAL), ()),
    )
