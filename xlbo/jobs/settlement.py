"""The final-settlement job: `xlbo final-settlement MASTER.xlsx --employee ID --leaving DATE
[--reason R] [--notice-given DATE] [--bonus-rate 8.33%] [--payroll FOLDER] --out DIR`.

Draws up one leaving employee's full-and-final, each figure from its rule:

- the unpaid salary of the leaving month, from the 1st to the last working day, through the
  payroll engine (`xlbo.payroll.compute`: proration, PF, ESI, PT, LWF, TDS, that month's
  Attendance row), assuming the earlier months were paid by payroll;
- leave encashment of the encashable balances on the last day (`xlbo.office.leave`);
- gratuity and the year's statutory bonus to the leaving day, at the rate declared (by default
  the minimum), assuming none of it was paid yet (`xlbo.office.settlement`);
- notice: the days of the employee's Notice Period (days) not served after --notice-given, at
  a day's gross pay (monthly gross ÷ 30): recovered from an employee who resigns, paid in lieu
  of notice to one whose service the employer terminates; nothing on death, disablement or
  retirement;
- the `Recoveries` sheet's loans and advances for the employee;
- TDS on the total (`xlbo.office.settlement_tax`): the year's salary (the payroll registers
  of --payroll, the Employees sheet's monthly gross for months with none, the leaving month)
  with the settlement's taxable part (bonus, notice pay paid; leave encashment above ₹25 lakh,
  s.10(10AA); gratuity above ₹20 lakh, s.10(10)), taxed by the Income Tax Slabs and Rules of
  the year (new regime by default: 87A rebate, surcharge, cess), less the TDS on the year's
  salary; old-regime deductions other than the standard deduction are not counted here. The
  working is the `Settlement Tax` sheet;
- the pay-by date: two working days after the last working day (Code on Wages s.17(2)),
  Sundays and the master's `Holidays` not counted; gratuity within 30 days (PGA s.7(3)).

Writes `final-settlement-<ID>.xlsx` into DIR: `Settlement` (earnings, deductions, net and the
dates), `Settlement Working` (how each figure came about), `Settlement Tax` (the tax working, line by
line), `Settlement Journal` (the Journal's
layout, two balanced vouchers: the month's salary as payroll posts it, then the settlement:
salary payable, gratuity, leave encashment, bonus, recoveries, TDS, the net payable; named
apart so that written into an open master it never replaces the books' Journal),
`Settlement Letter` (the settlement letter as lines of text:
xlbo's letters have no settlement template yet) and `Issues`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from xlbo import ids
from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_folder, result_set
from xlbo.book.display import Column, Kind
from xlbo.cells import clean_text, parse_percent
from xlbo.dates import parse_date
from xlbo.errors import SheetProblem, UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts, display_value
from xlbo.jobs.leave import employees_of, hr_sheet
from xlbo.jobs.payroll import months_remaining, rule_in_force, year_to_date
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    SettlementSettings,
    Source,
    file_of,
)
from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS
from xlbo.master.load import MasterData
from xlbo.master.records import Employee
from xlbo.money import format_inr
from xlbo.office.leave import LeaveBalance, LeaveRule, LeaveTaken, leave_balance, leave_types
from xlbo.office.settlement import (
    Bonus,
    BonusRule,
    Gratuity,
    GratuityRule,
    Holiday,
    Leaving,
    NoRule,
    Recovery,
    bonus,
    gratuity,
    leaving_reason,
    pay_by,
)
from xlbo.office.settlement_tax import SettlementPay, SettlementTax, YearSalary, settlement_tax
from xlbo.payroll.attendance import Attendance
from xlbo.payroll.compute import (
    MonthRules,
    PayLine,
    YearToDate,
    age_group,
    compute,
    months_between,
)
from xlbo.payroll.file_names import payslip_names
from xlbo.payroll.outputs import salary_journal
from xlbo.payroll.tax import TaxTables
from xlbo.periods import TAX_YEAR_START, financial_year
from xlbo.readers.attendance import load_attendance
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.journal import journal_sheet

ZERO = Decimal(0)
RUPEE = Decimal(1)
NOTICE_DAY_DIVISOR = 30
GRATUITY_DAYS = 30
"""Gratuity is paid within 30 days of becoming payable (PGA s.7(3))."""
NO_NOTICE = (Leaving.DEATH, Leaving.DISABLEMENT, Leaving.RETIREMENT)
"""Service ended with no notice to recover or pay."""


@dataclass(frozen=True)
class Settlement:
    """One employee's full-and-final, every figure with how it came about."""

    employee: Employee
    leaving: date
    reason: Leaving
    salary: PayLine
    leave: tuple[LeaveBalance, ...]
    gratuity: Gratuity
    bonus: Bonus
    notice_days_short: int
    notice_recovery: Decimal
    recoveries: tuple[Recovery, ...]
    settlement_tds: Decimal
    tds_how: str
    pay_by: date
    notice_pay: Decimal = ZERO
    """Paid in lieu of the notice the employer did not give (termination)."""
    tax: SettlementTax | None = None

    @property
    def leave_encashment(self) -> Decimal:
        return sum((b.encashment for b in self.leave), ZERO)

    @property
    def recovered(self) -> Decimal:
        return sum((r.amount for r in self.recoveries), ZERO)

    @property
    def net(self) -> Decimal:
        """What the employee is paid (negative: what the employee owes)."""
        return (
            self.salary.net_pay
            + self.leave_encashment
            + self.gratuity.amount
            + self.bonus.amount
            + self.notice_pay
            - self.notice_recovery
            - self.recovered
            - self.settlement_tds
        )


def _find(data: MasterData, code: str, name: str) -> Employee:
    wanted = code.strip().casefold()
    for person in data.employees:
        if person.employee_id.casefold() == wanted:
            return person
    known = ", ".join(p.employee_id for p in data.employees[:8])
    more = " …" if len(data.employees) > 8 else ""
    raise SheetProblem(
        f"{name}: no employee '{code}' on the Employees sheet (its IDs: {known}{more}). Give "
        "--employee as the Employee ID is typed there (a row with a bad cell is set aside: "
        "`xlbo validate` lists it)."
    )


def _month_rules(data: MasterData, month: date) -> MonthRules:
    fy = financial_year(month, TAX_YEAR_START).code
    return MonthRules(
        month=month,
        pf=rule_in_force(data.pf_rules, month, "PF Rules", data.source),
        esi=rule_in_force(data.esi_rules, month, "ESI Rules", data.source),
        pt_slabs=data.pt_slabs,
        lwf=data.lwf_rules,
        tax=TaxTables(data.income_tax_slabs, data.income_tax_rules, data.surcharge_slabs),
        financial_year=fy,
        months_remaining=months_remaining(month),
    )


def _settlement_tds(
    person: Employee,
    rules: MonthRules,
    ytd: YearToDate,
    line: PayLine,
    pay: SettlementPay,
    leaving: date,
) -> SettlementTax:
    """The year's tax with the settlement less the TDS on the year's salary. Months of the year
    with no payroll register count at the monthly gross, their tax taken as deducted evenly (as
    the payroll's own TDS takes it)."""
    year = financial_year(rules.month, TAX_YEAR_START)
    start = max(year.start, person.date_of_joining.replace(day=1))
    estimated = max(months_between(start, rules.month) - 1 - ytd.months, 0)
    salary = YearSalary(
        registers=ytd.gross,
        register_months=ytd.months,
        estimated_months=estimated,
        monthly_gross=person.monthly_gross,
        leaving_month=line.gross,
        tds_registers=ytd.tds,
        tds_leaving_month=line.tds,
    )

    def tax(pay: SettlementPay, pan_valid: bool, assumed: Decimal) -> SettlementTax:
        return settlement_tax(
            salary,
            pay,
            leaving=leaving,
            regime=person.tax_regime,
            financial_year=rules.financial_year,
            tables=rules.tax,
            age=age_group(person, year.end),
            pan_valid=pan_valid,
            tds_assumed=assumed,
        )

    assumed = ZERO
    if estimated:  # the payroll took the tax of months with no register as deducted evenly
        alone = tax(SettlementPay(), True, ZERO).tax_for_year
        spread = estimated + ytd.months + 1
        assumed = (alone * estimated / spread).quantize(RUPEE, ROUND_HALF_UP)
    return tax(pay, bool(person.pan) and ids.pan.is_valid(person.pan or ""), assumed)


def draw_up(
    data: MasterData,
    reader: Reader,
    settings: SettlementSettings,
    issues: list[Issue],
) -> Settlement:
    """The settlement's figures; bad input stops with what to do."""
    name = Path(data.source).name
    found = _find(data, settings.employee, name)
    leaving = settings.leaving
    if leaving < found.date_of_joining:
        raise UserError(
            f"--leaving {leaving:%d-%m-%Y} is before {found.employee_id}'s Date of Joining "
            f"{found.date_of_joining:%d-%m-%Y} on the Employees sheet of {name}; give the last "
            "working day."
        )
    if settings.notice_given is not None and settings.notice_given > leaving:
        raise UserError(
            f"--notice-given {settings.notice_given:%d-%m-%Y} is after the last working day "
            f"{leaving:%d-%m-%Y}; give the day the notice was given."
        )
    if found.date_of_leaving is not None and found.date_of_leaving != leaving:
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet="Employees",
                cell="",
                value=f"{found.date_of_leaving:%d-%m-%Y}",
                problem=f"{found.employee_id}'s Date of Leaving is "
                f"{found.date_of_leaving:%d-%m-%Y}; the settlement is drawn up to "
                f"{leaving:%d-%m-%Y} (--leaving)",
                hint="Put the last working day in Date of Leaving, so payroll stops there too.",
                file=data.source,
            )
        )
    person = found.model_copy(update={"date_of_leaving": leaving})
    month = leaving.replace(day=1)
    rules = _month_rules(data, month)
    ytd = year_to_date(settings.payroll, month).get(person.employee_id, YearToDate())
    attendance, attendance_issues = load_attendance(reader, f"{month:%Y-%m}")
    issues.extend(i for i in attendance_issues if i.severity is Severity.ERROR)
    row = attendance.get(person.employee_id.upper())
    line = compute(
        person,
        rules,
        row if row is not None and row.held is None else Attendance(),
        ytd,
        pan_valid=bool(person.pan) and ids.pan.is_valid(person.pan),
    )

    # leave
    rules_found, _, _, leave_issues = hr_sheet(reader, "Leave Rules")
    taken_found, _, _, taken_issues = hr_sheet(reader, "Leave Taken")
    issues.extend(leave_issues + taken_issues)
    leave_rules = [r for r in rules_found if isinstance(r, LeaveRule)]
    taken = [
        t
        for t in taken_found
        if isinstance(t, LeaveTaken)
        and t.usable
        and t.employee_id.casefold() == person.employee_id.casefold()
    ]
    balances = [
        b
        for kind in leave_types(leave_rules, person.work_state)
        if (b := leave_balance(person, leave_rules, kind, taken, leaving)) is not None
    ]

    # gratuity and bonus
    gratuity_found, _, _, g_issues = hr_sheet(reader, "Gratuity Rules")
    bonus_found, _, _, b_issues = hr_sheet(reader, "Bonus Rules")
    issues.extend(g_issues + b_issues)
    year = financial_year(leaving, TAX_YEAR_START)
    try:
        paid_gratuity = gratuity(
            person.basic + person.da,
            person.date_of_joining,
            leaving,
            [g for g in gratuity_found if isinstance(g, GratuityRule)],
            fixed_term=person.fixed_term,
            leaving=settings.reason,
        )
        paid_bonus = bonus(
            person,
            year.start,
            leaving,
            [b for b in bonus_found if isinstance(b, BonusRule)],
            settings.bonus_rate,
        )
    except NoRule as missing:
        raise SheetProblem(f"{name}: {missing}; add one, then run again.") from None
    except ValueError as wrong:
        raise UserError(f"--bonus-rate: {wrong}; give a rate in that range.") from None

    # notice and recoveries
    short = 0
    if settings.notice_given is not None and settings.reason not in NO_NOTICE:
        served = (leaving - settings.notice_given).days
        short = max(person.notice_days - served, 0)
    short_pay = (person.monthly_gross / NOTICE_DAY_DIVISOR * short).quantize(RUPEE, ROUND_HALF_UP)
    notice_pay = short_pay if settings.reason is Leaving.TERMINATION else ZERO
    notice = ZERO if settings.reason is Leaving.TERMINATION else short_pay
    recover_found, _, _, r_issues = hr_sheet(reader, "Recoveries")
    issues.extend(r_issues)
    recoveries = tuple(
        r
        for r in recover_found
        if isinstance(r, Recovery) and r.employee_id.casefold() == person.employee_id.casefold()
    )

    # TDS on the settlement's taxable part
    pay = SettlementPay(
        leave_encashment=sum((b.encashment for b in balances), ZERO),
        gratuity=paid_gratuity.amount,
        bonus=paid_bonus.amount,
        notice_pay=notice_pay,
    )
    tax = _settlement_tds(person, rules, ytd, line, pay, leaving)
    holidays_found, _, _, h_issues = hr_sheet(reader, "Holidays")
    issues.extend(h_issues)
    holidays = {h.day for h in holidays_found if isinstance(h, Holiday)}
    return Settlement(
        person,
        leaving,
        settings.reason,
        line,
        tuple(balances),
        paid_gratuity,
        paid_bonus,
        short,
        notice,
        recoveries,
        tax.tds,
        f"tax for the year {format_inr(tax.tax_for_year)} − TDS on the year's salary "
        f"{format_inr(tax.tds_on_salary)}: {format_inr(tax.tds)} ({tax.lines[-1].how}; line by "
        "line on the Settlement Tax sheet)",
        pay_by(leaving, holidays),
        notice_pay,
        tax,
    )


# -- the sheets --------------------------------------------------------------------------------


Row = tuple[str, Decimal | None, Decimal | None]
"""A line of the settlement: particulars, earning, deduction."""


def _statement_rows(s: Settlement) -> list[Row]:
    """The settlement's lines, earnings and deductions, with the total and the net."""
    line = s.salary
    rows: list[list[object]] = [
        [f"Salary {max(s.leaving.replace(day=1), s.employee.date_of_joining):%d-%m-%Y} to "
         f"{s.leaving:%d-%m-%Y} ({line.paid_days.normalize():f} days paid)", line.gross, None],
        ["PF (employee)", None, line.pf_employee + line.vpf],
        ["ESI (employee)", None, line.esi_employee],
        ["Professional tax", None, line.pt],
        ["Labour welfare fund", None, line.lwf_employee],
        ["TDS on salary", None, line.tds],
    ]  # fmt: skip
    if line.other_deductions or line.loan_recovery:
        rows.append(
            ["Other deductions (Attendance)", None, line.other_deductions + line.loan_recovery]
        )
    for b in s.leave:
        if b.encashment:
            rows.append(
                [f"Leave encashment: {b.balance.normalize():f} days of {b.rule.leave_type}",
                 b.encashment, None]
            )  # fmt: skip
    rows.append([f"Gratuity ({s.gratuity.years_counted} years counted)", s.gratuity.amount, None])
    rows.append(["Statutory bonus to the leaving day", s.bonus.amount, None])
    if s.notice_pay:
        rows.append([f"Notice pay in lieu of notice ({s.notice_days_short} days)", s.notice_pay,
                     None])  # fmt: skip
    if s.notice_recovery:
        rows.append([f"Notice pay recovered ({s.notice_days_short} days short)", None,
                     s.notice_recovery])  # fmt: skip
    for r in s.recoveries:
        rows.append([f"Recovery: {r.description}", None, r.amount])
    rows.append(["TDS on the settlement", None, s.settlement_tds])
    earnings = sum((r[1] for r in rows if isinstance(r[1], Decimal)), ZERO)
    deductions = sum((r[2] for r in rows if isinstance(r[2], Decimal)), ZERO)
    rows.append(["Total", earnings, deductions])
    if s.net >= 0:
        rows.append(["Net payable to the employee", s.net, None])
    else:
        rows.append(["Net recoverable from the employee", None, -s.net])
    return [
        (
            str(r[0]),
            r[1] if isinstance(r[1], Decimal) and r[1] else None,
            r[2] if isinstance(r[2], Decimal) and r[2] else None,
        )
        for r in rows
    ]


def _statement(s: Settlement) -> pd.DataFrame:
    return pd.DataFrame(
        [list(row) for row in _statement_rows(s)],
        columns=["Particulars", "Earnings", "Deductions"],
        dtype=object,
    )


def _working(s: Settlement) -> pd.DataFrame:
    rows = [[figure, how] for figure, how in s.salary.working]
    for b in s.leave:
        rows.append(
            [f"Leave: {b.rule.leave_type}",
             f"balance {b.balance.normalize():f} days on {s.leaving:%d-%m-%Y} (brought forward "
             f"{b.opening.normalize():f} + earned {b.accrued.normalize():f} − taken "
             f"{b.taken.normalize():f}); "
             + (f"encashed at {format_inr(b.daily_wage)} a day ({b.rule.wage.value} ÷ "
                f"{b.rule.wage_days}) = {format_inr(b.encashment)}" if b.rule.encashable
                else "not encashable")
             + f" ({b.rule.source or 'Leave Rules'})"]
        )  # fmt: skip
    rows.append(["Gratuity", s.gratuity.how])
    rows.append(["Bonus", s.bonus.how])
    if s.notice_pay:
        rows.append(
            ["Notice pay",
             f"{s.employee.notice_days} days' notice, {s.notice_days_short} not given by the "
             f"employer: {format_inr(s.employee.monthly_gross)} ÷ {NOTICE_DAY_DIVISOR} × "
             f"{s.notice_days_short} = {format_inr(s.notice_pay)}, paid in lieu of notice"]
        )  # fmt: skip
    elif s.notice_days_short:
        rows.append(
            ["Notice recovery",
             f"{s.employee.notice_days} days' notice, {s.notice_days_short} not served: "
             f"{format_inr(s.employee.monthly_gross)} ÷ {NOTICE_DAY_DIVISOR} × "
             f"{s.notice_days_short} = {format_inr(s.notice_recovery)}"]
        )  # fmt: skip
    rows.append(["TDS on the settlement", s.tds_how])
    rows.append(
        ["Pay by",
         f"{s.pay_by:%d-%m-%Y}: two working days after {s.leaving:%d-%m-%Y}, Sundays and the "
         "Holidays sheet's days not counted (Code on Wages s.17(2))"]
    )  # fmt: skip
    return pd.DataFrame(rows, columns=["Figure", "How"], dtype=object)


def _journal(s: Settlement) -> pd.DataFrame:
    code = s.employee.employee_id
    salary = salary_journal([s.salary], s.leaving, f"FNF/{code}/SAL")
    name = s.employee.name
    salary["Party"] = name
    debit: list[tuple[str, Decimal]] = [
        ("Salaries Payable", s.salary.net_pay),
        ("Leave Encashment", s.leave_encashment),
        ("Gratuity", s.gratuity.amount),
        ("Bonus", s.bonus.amount),
        ("Notice Pay", s.notice_pay),
    ]
    credit: list[tuple[str, Decimal]] = [("Notice Pay Recovered", s.notice_recovery)]
    credit += [(r.account or "Salary Advances", r.amount) for r in s.recoveries]
    credit.append(("TDS Payable - Salary (192)", s.settlement_tds))
    net = s.net
    if net >= 0:
        credit.append(("Full and Final Settlement Payable", net))
    else:
        debit.append(("Full and Final Settlement Payable", -net))
    narration = (
        f"Full and final settlement of {name} ({code}), last working day {s.leaving:%d-%m-%Y}"
    )
    rows = [
        [s.leaving, f"FNF/{code}", "Journal", account, amount, None, name, None, narration]
        for account, amount in debit
        if amount
    ] + [
        [s.leaving, f"FNF/{code}", "Journal", account, None, amount, name, None, narration]
        for account, amount in credit
        if amount
    ]
    settlement = pd.DataFrame(rows, columns=list(JOURNAL_HEADERS), dtype=object)
    return pd.concat([salary, settlement], ignore_index=True)


def _letter(s: Settlement, company: str) -> pd.DataFrame:
    p = s.employee
    lines = [
        company,
        "",
        f"Date: {s.leaving:%d-%m-%Y}",
        "",
        f"{p.name}",
        f"Employee ID: {p.employee_id}" + (f", {p.designation}" if p.designation else ""),
        "",
        "Subject: Full and final settlement",
        "",
        f"Dear {p.name},",
        "",
        f"Your service with us ended on {s.leaving:%d-%m-%Y} ({s.reason.value.lower()}). "
        "Your full and final settlement is:",
    ]
    for particulars, earning, deduction in _statement_rows(s):
        amount = earning if earning is not None else deduction
        if amount is None or particulars == "Total":
            continue
        sign = "" if earning is not None or particulars.startswith("Net") else "less "
        lines.append(f"    {sign}{particulars}: Rs {format_inr(amount)}")
    lines += [
        "",
        f"The amount will be credited to your bank account by {s.pay_by:%d-%m-%Y}."
        if s.net >= 0
        else f"Please pay the amount due by {s.pay_by:%d-%m-%Y}.",
        "Form 16 for the year will follow after the year's TDS return.",
        "",
        "We thank you for your service and wish you well.",
        "",
        f"For {company}" if company else "",
        "Authorised Signatory",
    ]
    return pd.DataFrame({"Letter": lines}, dtype=object)


def _tax_sheet(s: Settlement, who: str) -> ResultSheet:
    """The tax working, a line a step: the year's salary, the settlement's taxable part, the
    slabs, rebate and cess, the TDS already deducted and what the settlement bears."""
    lines = s.tax.lines if s.tax is not None else ()
    frame = pd.DataFrame(
        [[ln.particulars, ln.amount, ln.how] for ln in lines],
        columns=["Particulars", "Amount", "How"],
        dtype=object,
    )
    return ResultSheet(
        "Settlement Tax",
        frame,
        columns={
            "Particulars": Column(width=44),
            "Amount": Column(kind=Kind.MONEY, width=14),
            "How": Column(kind=Kind.LONG_TEXT, width=70),
        },
        title=(f"Income tax on {who}'s salary for the year with the settlement",),
        autofilter=False,
        landscape=True,
    )


def settlement_sheets(s: Settlement, issues: Sequence[Issue], company: str) -> list[ResultSheet]:
    who = f"{s.employee.name} ({s.employee.employee_id})"
    money = Column(kind=Kind.MONEY, width=14)
    return [
        ResultSheet(
            "Settlement",
            _statement(s),
            columns={"Particulars": Column(width=52), "Earnings": money, "Deductions": money},
            title=(
                f"Full and final settlement — {who}" + (f" — {company}" if company else ""),
                f"Joined {s.employee.date_of_joining:%d-%m-%Y}; last working day "
                f"{s.leaving:%d-%m-%Y} ({s.reason.value}); service {s.gratuity.service}",
                f"Pay by {s.pay_by:%d-%m-%Y} (Code on Wages s.17(2)); gratuity by "
                f"{s.leaving + timedelta(days=GRATUITY_DAYS):%d-%m-%Y} (PGA s.7(3))",
            ),
            autofilter=False,
        ),
        ResultSheet(
            "Settlement Working",
            _working(s),
            columns={"Figure": Column(width=22), "How": Column(kind=Kind.LONG_TEXT, width=100)},
            title=(f"How each figure of {who}'s settlement came about",),
            landscape=True,
        ),
        _tax_sheet(s, who),
        replace(
            journal_sheet(_journal(s)), name="Settlement Journal", excel_table="SettlementJournal"
        ),
        ResultSheet(
            "Settlement Letter",
            _letter(s, company),
            columns={"Letter": Column(width=90)},
            headerless=True,
            autofilter=False,
            freeze=False,
        ),
        issues_sheet(list(issues)),
    ]


REQUEST_SHEET = "Final Settlement"
"""The sheet an Excel door reads the settlement's settings from (one row)."""
REQUEST_HEADERS = ("Employee ID", "Last Working Day", "Reason", "Notice Given", "Bonus Rate")


def request_sheet() -> ResultSheet:
    """The Final Settlement sheet to fill in: whose settlement, the last working day, why,
    when notice was given and the year's bonus rate (blank: the minimum)."""
    frame = pd.DataFrame(
        [[None, None, Leaving.RESIGNATION.value, None, None]],
        columns=list(REQUEST_HEADERS),
        dtype=object,
    )
    return ResultSheet(
        REQUEST_SHEET,
        frame,
        columns={
            "Employee ID": Column(kind=Kind.ID, width=14),
            "Last Working Day": Column(kind=Kind.DATE, width=16),
            "Reason": Column(width=14, choices=tuple(r.value for r in Leaving)),
            "Notice Given": Column(kind=Kind.DATE, width=14),
            "Bonus Rate": Column(kind=Kind.PERCENT, width=11),
        },
        autofilter=False,
    )


def settings_from_sheet(reader: Reader, payroll: Path | None = None) -> SettlementSettings:
    """The settings the Final Settlement sheet's first filled row gives; a cell that cannot be
    read stops with the cell and what to type."""
    table = reader.read_table(REQUEST_SHEET, REQUEST_HEADERS)
    frame = table.frame
    missing = [h for h in ("Employee ID", "Last Working Day") if h not in frame.columns]
    if missing:
        raise SheetProblem(
            f"The {REQUEST_SHEET} sheet has no {' or '.join(missing)} column; delete the sheet "
            "and click Final Settlement again for a fresh one."
        )
    rows = [(int(n), r) for n, r in zip(frame.index, frame.to_dict("records"), strict=True)]
    filled = [(n, r) for n, r in rows if clean_text(r.get("Employee ID"))]
    if not filled:
        raise UserError(
            f"Type the Employee ID and the Last Working Day on the {REQUEST_SHEET} sheet, then "
            "click Final Settlement again."
        )
    number, row = filled[0]

    def day(header: str) -> date | None:
        try:
            found = parse_date(row.get(header))
        except ValueError:
            shown = display_value(row.get(header), 40)
            raise UserError(
                f"{REQUEST_SHEET}!{table.cell(number, header)} holds '{shown}', which is not "
                "a date; type it as dd-mm-yyyy."
            ) from None
        return found.date() if isinstance(found, datetime) else found

    leaving = day("Last Working Day")
    if leaving is None:
        raise UserError(
            f"Type the Last Working Day in {REQUEST_SHEET}!{table.cell(number, 'Last Working Day')}."
        )
    reason_text = clean_text(row.get("Reason")) or Leaving.RESIGNATION.value
    reason = leaving_reason(reason_text)
    if reason is None:
        raise UserError(
            f"{REQUEST_SHEET}!{table.cell(number, 'Reason')} holds '{reason_text}'; choose one "
            f"of {', '.join(r.value for r in Leaving)}."
        )
    try:
        rate = parse_percent(row.get("Bonus Rate"))
    except ValueError:
        raise UserError(
            f"{REQUEST_SHEET}!{table.cell(number, 'Bonus Rate')} is not a rate; type it as 8.33%."
        ) from None
    return SettlementSettings(
        employee=str(clean_text(row.get("Employee ID"))),
        leaving=leaving,
        reason=reason,
        notice_given=day("Notice Given"),
        bonus_rate=rate,
        payroll=payroll,
    )


def _own_row(data: MasterData, person: Employee, issues: Sequence[Issue]) -> list[Issue]:
    """The Employees sheet's issues on the leaving employee's own row (other employees' bad
    rows are no part of this settlement)."""
    index = next(i for i, p in enumerate(data.employees) if p.employee_id == person.employee_id)
    rows = data.rows.get("Employees", ())
    row = str(rows[index]) if index < len(rows) else ""
    return [i for i in issues if i.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == row]


def settlement_job(inputs: Mapping[str, Source], settings: SettlementSettings) -> JobResult:
    """The final-settlement job of every door."""
    master = inputs["master"]
    out = settings.out
    if out is not None:
        check_output_folder(out, file_of(master))
    reader = FileBook(master) if isinstance(master, Path) else master
    data, master_issues = employees_of(reader)
    issues: list[Issue] = []
    s = draw_up(data, reader, settings, issues)
    issues[:0] = _own_row(data, s.employee, master_issues)
    company = data.company.name if data.company else ""
    sheets = settlement_sheets(s, issues, company)
    files: tuple[Path, ...] = ()
    if out is not None:
        file_name = payslip_names([s.employee.employee_id])[s.employee.employee_id]
        path = out / f"final-settlement-{file_name}"
        with result_set(out):
            write_workbook(
                path, sheets, title=f"Full and final settlement {s.employee.employee_id}"
            )
        files = (path,)
    owed = "payable" if s.net >= 0 else "recoverable"
    headline = (
        f"Final settlement of {s.employee.employee_id} {s.employee.name}: net {owed} Rs "
        f"{format_inr(abs(s.net))}, pay by {s.pay_by:%d-%m-%Y}"
    )
    lines = [
        headline + ".",
        f"  salary {format_inr(s.salary.net_pay)} net, leave {format_inr(s.leave_encashment)}, "
        f"gratuity {format_inr(s.gratuity.amount)}, bonus {format_inr(s.bonus.amount)}, "
        f"recovered {format_inr(s.notice_recovery + s.recovered)}, TDS on the settlement "
        f"{format_inr(s.settlement_tds)}",
    ]
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files:
        lines.append(f"Settlement: {files[0]}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=s,
    )
