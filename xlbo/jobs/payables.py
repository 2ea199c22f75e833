"""The payables job: `xlbo payables BOOK.xlsx --as-on DATE --out run.xlsx [--master MASTER]`,
then `xlbo payables --confirm run.xlsx [--date DATE] [--layout NAME] [--out DIR]`.

The first proposes a payment run (`xlbo.vendors.run`): every open bill of BOOK's Purchases sheet
as on the day, with its due date, days overdue, MSME class, s.43B(h) risk, TDS (section, amount
and why) and the net to pay, in `run.xlsx`, whose `Pay` column the user ticks (Yes, Y, x or ✓,
as reconcile's Accept). It also holds the purchase vouchers (`Journal`) and the `Issues`. A run
made again over one the user ticked keeps the ticks of the bills still open; the earlier file is
kept as `run (previous).xlsx`, never lost.

The second reads the ticks, works the bills out again from the books its hidden Run sheet names
(so a figure typed over in the run changes nothing), and writes into DIR (by default
`payments-YYYY-MM-DD` beside the run): the bank's bulk-payment file in the layout of the
`Payment Layouts` sheet, and `payments.xlsx` with the payments, the payment journal (vendor,
TDS payable, bank) and a payment advice per vendor.

Vendors, Company and Bank Accounts come from MASTER (default BOOK); Purchases, TDS Rules and
Payment Layouts from BOOK, else MASTER (the rule sheets: else xlbo's shipped defaults).
Payments already made are the Journal's debits to Trade Payables (`xlbo.vendors.settle`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, check_output_file, check_output_folder, result_set
from xlbo.book.display import Column, Kind
from xlbo.cells import clean_text
from xlbo.dates import parse_date
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts, display_value
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    PayablesSettings,
    Source,
    file_of,
    workbook_out,
)
from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS
from xlbo.master.load import MasterData, load, load_sheet
from xlbo.master.records import BankAccount, Vendor
from xlbo.master.schema import PAYMENT_LAYOUTS, TDS_RULES, MasterTable
from xlbo.money import format_inr, from_paise, parse_money, to_paise
from xlbo.readers.purchases import Purchases, read_purchases
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.journal import journal_sheet
from xlbo.vendors.bankfile import BankPayment, bank_file, payee_problem
from xlbo.vendors.journal import PAYABLES, payment_journal, purchase_journal
from xlbo.vendors.layouts import GENERIC, LayoutField, layout_names
from xlbo.vendors.rules import TDSRule
from xlbo.vendors.run import OpenBill, propose
from xlbo.vendors.settle import Payment

RUN_SHEET = "Payment Run"
SETTINGS_SHEET = "Run"
PAY = "Pay"
KEY_HEADERS = (PAY, "Vendor Code", "Bill No")
MARKS = frozenset({"yes", "y", "x", "✓", "✔", "true", "1", "pay"})
"""What ticks a bill in the Pay column (any case, spaces trimmed), as reconcile's Accept."""
BLANKS = frozenset({"", "no", "n", "false", "0"})
PAY_CHOICES = ("Yes", "Y", "x", "✓")
PAYMENTS_BOOK = "payments.xlsx"


@dataclass(frozen=True)
class Gathered:
    """What the job reads: the master's data, the bills, rules, layouts, payments and the
    problems found on the way."""

    data: MasterData
    purchases: Purchases
    book_name: str
    rules: list[TDSRule]
    layouts: list[LayoutField]
    payments: list[Payment]
    issues: list[Issue]
    layout_errors: list[Issue]
    """Cells of the Payment Layouts sheet that could not be read: no bank file is written
    from a layout that may have lost a field."""

    @property
    def vendors(self) -> dict[str, Vendor]:
        return {v.vendor_code.casefold(): v for v in self.data.vendors}


def _rule_sheet(readers: Sequence[Reader], table: MasterTable) -> tuple[list[Any], list[Issue]]:
    """A rule sheet from the first workbook that has it, else the shipped defaults."""
    for reader in readers:
        if reader.has(table.sheet):
            records, _, _, issues = load_sheet(reader, table)
            return records, issues
    return table.shipped(), []


def _journal_payments(reader: Reader) -> tuple[list[Payment], list[Issue]]:
    """The Journal's debits to Trade Payables with a Party (none without a Journal)."""
    if not reader.has("Journal"):
        return [], []
    table = reader.read_table("Journal", JOURNAL_HEADERS)
    payments: list[Payment] = []
    issues: list[Issue] = []
    frame = table.frame
    if not {"Account", "Debit", "Party", "Date"} <= set(frame.columns):
        return [], []
    for row, values in zip(frame.index, frame.to_dict("records"), strict=True):
        try:
            account = clean_text(values.get("Account")) or ""
            if account.casefold() != PAYABLES.casefold():
                continue
            debit = parse_money(values.get("Debit"))
            party = clean_text(values.get("Party")) or ""
            day = parse_date(values.get("Date"))
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Journal",
                    cell=table.cell(int(row), "Debit"),
                    value=display_value(values.get("Debit")),
                    problem=f"A Trade Payables line could not be read ({error}); it was not "
                    "counted as a payment",
                    hint="Correct the line so the payment settles the vendor's bills.",
                    file=Path(reader.name).name,
                )
            )
            continue
        if debit and party and day is not None:
            narration = clean_text(values.get("Narration")) or ""
            payments.append(Payment(day, party, to_paise(debit), narration))
    return payments, issues


def gather(book: Source, master: Source | None) -> Gathered:
    reader = FileBook(book) if isinstance(book, Path) else book
    source = FileBook(master) if isinstance(master, Path) else master or reader
    data, master_issues = load(source)
    readers = [reader] if source is reader else [reader, source]
    holder = next((r for r in readers if r.has("Purchases")), reader)
    purchases = read_purchases(holder)
    rules, rule_issues = _rule_sheet(readers, TDS_RULES)
    layouts, layout_issues = _rule_sheet(readers, PAYMENT_LAYOUTS)
    payments, journal_issues = _journal_payments(reader)
    vendor_errors = [
        i for i in master_issues if i.sheet == "Vendors" and i.severity is Severity.ERROR
    ]
    return Gathered(
        data=data,
        purchases=purchases,
        book_name=Path(holder.name).name,
        rules=[r for r in rules if isinstance(r, TDSRule)],
        layouts=[f for f in layouts if isinstance(f, LayoutField)],
        payments=payments,
        issues=[
            *purchases.issues,
            *rule_issues,
            *layout_issues,
            *journal_issues,
            *vendor_errors,
        ],
        layout_errors=[i for i in layout_issues if i.severity is Severity.ERROR],
    )


def _proposal(found: Gathered, as_on: date) -> tuple[list[OpenBill], list[Issue]]:
    company = found.data.company
    rows, problems = propose(
        found.purchases.bills,
        found.vendors,
        found.rules,
        found.payments,
        as_on,
        company.turnover if company else None,
    )
    issues = [
        Issue(
            severity=Severity.ERROR,
            sheet="Purchases",
            cell=found.purchases.cell(p.index, p.header),
            value=display_value(p.value),
            problem=p.problem,
            hint=p.hint,
            file=found.book_name,
        )
        for p in problems
    ]
    return rows, issues


# -- the proposal ------------------------------------------------------------------------------


def _money(paise: int) -> Decimal:
    return from_paise(paise)


def _msme(vendor: Vendor) -> str:
    if vendor.msme_class is not None:
        return vendor.msme_class.value
    return "Yes" if vendor.msme else ""


RUN_COLUMNS = {
    PAY: Column(
        width=7,
        choices=PAY_CHOICES,
        comment="Tick (Yes, Y, x or ✓) each bill to pay, save, then run "
        "xlbo payables --confirm on this file.",
    ),
    "Vendor Code": Column(kind=Kind.ID, width=12),
    "Vendor": Column(width=28),
    "Bill No": Column(kind=Kind.ID, width=16),
    "Bill Date": Column(kind=Kind.DATE),
    "Accepted": Column(kind=Kind.DATE),
    "Due Date": Column(kind=Kind.DATE),
    "Due Because": Column(),
    "Days Overdue": Column(kind=Kind.INTEGER, width=9),
    "MSME": Column(width=8),
    "43B(h)": Column(),
    "Bill Total": Column(kind=Kind.MONEY),
    "Paid Before": Column(kind=Kind.MONEY),
    "Outstanding": Column(kind=Kind.MONEY),
    "TDS Section": Column(width=10),
    "TDS Provision": Column(),
    "TDS": Column(kind=Kind.MONEY),
    "TDS Because": Column(width=80),
    "Net to Pay": Column(kind=Kind.MONEY),
    "Bank Details": Column(),
}


def run_frame(rows: Sequence[OpenBill], ticks: set[tuple[str, str]]) -> pd.DataFrame:
    """The Payment Run sheet's rows, and a total row."""
    body = [
        [
            "Yes" if r.key in ticks else None,
            r.vendor.vendor_code,
            r.vendor.name,
            r.bill.bill_no,
            r.bill.bill_date,
            r.due.accepted,
            r.due.day,
            r.due.why,
            r.overdue,
            _msme(r.vendor),
            r.risk,
            _money(r.total),
            _money(r.paid),
            _money(r.outstanding),
            r.tds.section,
            r.tds.provision,
            _money(r.tds_now),
            r.tds_why,
            _money(r.net),
            payee_problem(r.vendor) or "OK",
        ]
        for r in rows
    ]
    total: list[object] = [None] * len(RUN_COLUMNS)
    names = list(RUN_COLUMNS)
    total[names.index("Vendor")] = f"Total of {len(rows)} bills"
    for header, paise in (
        ("Outstanding", sum(r.outstanding for r in rows)),
        ("TDS", sum(r.tds_now for r in rows)),
        ("Net to Pay", sum(r.net for r in rows)),
    ):
        total[names.index(header)] = _money(paise)
    return pd.DataFrame([*body, total], columns=names, dtype=object)


def _ticked(value: Any) -> bool | None:
    """True for a tick, False for a blank or No, None for anything else (to be reported)."""
    if value is None or (isinstance(value, float) and value != value):
        return False
    if isinstance(value, bool):
        return value
    text = display_value(value).strip().casefold()
    if text in BLANKS:
        return False
    return True if text in MARKS else None


def read_ticks(run: Path) -> tuple[list[tuple[tuple[str, str], str]], list[Issue]]:
    """The bills ticked in a run's Pay column ((vendor code, bill no) folded, with the cell),
    and an Issue for each Pay cell that holds something else."""
    book = FileBook(run)
    if not book.has(RUN_SHEET):
        raise UserError(
            f"{run.name} has no '{RUN_SHEET}' sheet: --confirm takes the run workbook "
            "xlbo payables wrote (BOOK --as-on DATE --out run.xlsx)."
        )
    table = book.read_table(RUN_SHEET, KEY_HEADERS)
    if not set(KEY_HEADERS) <= set(table.frame.columns):
        raise UserError(
            f"{run.name}, sheet {RUN_SHEET}: the columns {', '.join(KEY_HEADERS)} are needed; "
            "make the run again with xlbo payables BOOK --as-on DATE --out run.xlsx."
        )
    ticks: list[tuple[tuple[str, str], str]] = []
    issues: list[Issue] = []
    for row, values in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        mark = _ticked(values.get(PAY))
        code = clean_text(values.get("Vendor Code")) or ""
        number = clean_text(values.get("Bill No")) or ""
        cell = table.cell(int(row), PAY)
        if mark is None:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=RUN_SHEET,
                    cell=cell,
                    value=display_value(values.get(PAY)),
                    problem="The Pay cell holds neither a tick nor a blank; the bill was not paid",
                    hint="Write Yes, Y, x or ✓ to pay the bill; leave it blank (or No) not to.",
                    file=run.name,
                )
            )
        elif mark and not (code and number):
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=RUN_SHEET,
                    cell=cell,
                    value=display_value(values.get(PAY)),
                    problem="A tick on a row without a Vendor Code and Bill No pays nothing",
                    hint="Tick the bills' own rows (the total row is not a bill).",
                    file=run.name,
                )
            )
        elif mark:
            ticks.append(((code.casefold(), number.casefold()), cell))
    return ticks, issues


def _resolved(path: Path | None) -> str:
    return str(path.resolve()) if path is not None else ""


def _settings_sheet(pairs: Sequence[tuple[str, str]]) -> ResultSheet:
    frame = pd.DataFrame([list(p) for p in pairs], columns=["Setting", "Value"], dtype=object)
    return ResultSheet(SETTINGS_SHEET, frame, headerless=True, hidden=True)


def _propose_job(inputs: Mapping[str, Source], settings: PayablesSettings) -> JobResult:
    book = inputs.get("book")
    if book is None:
        raise UserError("payables needs the books workbook with the Purchases sheet.")
    if settings.as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day the payment run is for.")
    as_on = settings.as_on
    master = inputs.get("master")
    out = settings.out
    if out is not None:
        workbook_out(out, "the payment run")
        check_output_file(out, file_of(book), file_of(master))
    found = gather(book, master)
    rows, problems = _proposal(found, as_on)
    issues = [*found.issues, *problems]
    carried: set[tuple[str, str]] = set()
    if out is not None and out.is_file():
        try:
            earlier, _ = read_ticks(out)
            open_keys = {r.key for r in rows}
            carried = {key for key, _ in earlier if key in open_keys}
        except UserError:
            carried = set()
    company = found.data.company
    posted = [
        (b, found.vendors[b.vendor_code.casefold()])
        for b in found.purchases.bills
        if b.bill_date <= as_on and b.vendor_code.casefold() in found.vendors
    ]
    journal = purchase_journal(posted)
    sheet = ResultSheet(
        RUN_SHEET,
        run_frame(rows, carried),
        columns=RUN_COLUMNS,
        title=(
            f"Payment run as on {as_on:%d-%m-%Y}" + (f" — {company.name}" if company else ""),
            "Tick Pay for each bill to pay, save, then: xlbo payables --confirm THIS-FILE.xlsx",
        ),
        landscape=True,
    )
    settings_rows = [
        ("Book", _resolved(file_of(book))),
        ("Master", _resolved(file_of(master))),
        ("As On", f"{as_on:%d-%m-%Y}"),
    ]
    sheets = [sheet, journal_sheet(journal), issues_sheet(issues), _settings_sheet(settings_rows)]
    files: tuple[Path, ...] = ()
    if out is not None:
        with result_set(out.parent):  # a ticked earlier run is kept as run (previous).xlsx
            write_workbook(out, sheets, title=f"Payment run as on {as_on:%d-%m-%Y}")
        files = (out,)
    vendors = {r.vendor.vendor_code for r in rows}
    late_msme = sum(1 for r in rows if r.vendor.msme_protected and r.overdue)
    at_risk = sum(1 for r in rows if r.risk and not r.risk.startswith("Pay by"))
    headline = (
        f"{len(rows)} open bills of {len(vendors)} vendors: "
        f"₹{format_inr(from_paise(sum(r.outstanding for r in rows)))} outstanding, "
        f"TDS ₹{format_inr(from_paise(sum(r.tds_now for r in rows)))}, "
        f"net ₹{format_inr(from_paise(sum(r.net for r in rows)))}; "
        f"{late_msme} MSME bills overdue, {at_risk} at s.43B(h) risk"
    )
    lines = [headline + "."]
    if carried:
        lines.append(f"Kept your ticks on {len(carried)} bills still open.")
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (all on the Issues sheet):")
        shown = [i for i in issues if i.severity is Severity.ERROR][:5]
        lines.extend(f"  {i.sheet} {i.cell}: {i.problem}" for i in shown)
    if files:
        lines.append(f"Run: {out} — tick Pay, save, then: xlbo payables --confirm {out}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=rows,
    )


# -- the confirmation --------------------------------------------------------------------------


def _run_settings(run: Path) -> dict[str, str]:
    book = FileBook(run)
    if not book.has(SETTINGS_SHEET):
        raise UserError(
            f"{run.name} is not a payment run made by xlbo (it has no Run sheet); make one "
            "with xlbo payables BOOK --as-on DATE --out run.xlsx."
        )
    settings = {}
    for row in book.sheet_rows(book.resolve(SETTINGS_SHEET)):
        if row and row[0] is not None:
            settings[str(row[0]).strip()] = "" if len(row) < 2 or row[1] is None else str(row[1])
    named = Path(settings.get("Book", ""))
    if not settings.get("Book") or not named.is_file():
        raise UserError(
            f"{run.name}, sheet Run: the books it was made from ('{settings.get('Book', '')[:120]}')"
            " are not there; put the file back, or make the run again."
        )
    master = settings.get("Master", "")
    if master and not Path(master).is_file():
        raise UserError(
            f"{run.name}, sheet Run: the master workbook ('{master[:120]}') is not there; put it "
            "back, or make the run again."
        )
    return settings


def _layout(layouts: Sequence[LayoutField], wanted: str | None) -> list[LayoutField]:
    names = layout_names(layouts)
    if not names:
        raise UserError(
            "The Payment Layouts sheet has no layout; add your bank's rows, or delete the sheet "
            "to use the generic NEFT/RTGS CSV."
        )
    if wanted:
        chosen = next((n for n in names if n.casefold() == wanted.strip().casefold()), None)
        if chosen is None:
            raise UserError(
                f"--layout {wanted}: no such layout on the Payment Layouts sheet; the layouts "
                f"are {', '.join(names)}."
            )
    else:
        own = [n for n in names if n != GENERIC]
        chosen = own[0] if own else names[0]
    return [f for f in layouts if f.layout == chosen]


def _bank(accounts: Sequence[BankAccount], wanted: str | None) -> BankAccount | None:
    if wanted:
        found = next((a for a in accounts if a.account.casefold() == wanted.casefold()), None)
        if found is None:
            raise UserError(
                f"--bank-account {wanted}: not on the Bank Accounts sheet; the accounts are "
                f"{', '.join(a.account for a in accounts) or 'none'}."
            )
        return found
    return accounts[0] if accounts else None


def _sheet_name(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\']", "-", text)[:31]


def advice_sheet(
    paid: Sequence[OpenBill], voucher: str, day: date, mode: str, company: str
) -> ResultSheet:
    """A payment advice: what was paid to one vendor, bill by bill, with the TDS kept back."""
    vendor = paid[0].vendor
    rows: list[list[object]] = [
        [
            b.bill.bill_no,
            b.bill.bill_date,
            _money(b.total),
            _money(b.paid),
            _money(b.outstanding),
            b.tds.section,
            _money(b.tds_now),
            _money(b.net),
        ]
        for b in paid
    ]
    rows.append(
        [
            "Total",
            None,
            None,
            None,
            _money(sum(b.outstanding for b in paid)),
            None,
            _money(sum(b.tds_now for b in paid)),
            _money(sum(b.net for b in paid)),
        ]
    )
    columns = ["Bill No", "Bill Date", "Bill Total", "Paid Before", "Settled Now", "TDS Section",
               "TDS Deducted", "Paid"]  # fmt: skip
    account = vendor.bank_account or ""
    return ResultSheet(
        _sheet_name(f"Advice {vendor.vendor_code}"),
        pd.DataFrame(rows, columns=columns, dtype=object),
        columns={
            "Bill No": Column(kind=Kind.ID, width=18),
            "Bill Date": Column(kind=Kind.DATE),
            **{
                c: Column(kind=Kind.MONEY)
                for c in ("Bill Total", "Paid Before", "Settled Now", "TDS Deducted", "Paid")
            },
        },
        title=(
            f"Payment advice — {company}" if company else "Payment advice",
            f"To {vendor.name}" + (f", {vendor.address}" if vendor.address else ""),
            f"Paid on {day:%d-%m-%Y} by {mode} to account ending {account[-4:]} "
            f"({vendor.ifsc or ''}), reference {voucher}. TDS deducted is deposited and shown in "
            "your Form 26AS.",
        ),
        autofilter=False,
    )


def _confirm_job(run: Source, settings: PayablesSettings) -> JobResult:
    if not isinstance(run, Path):
        raise UserError("--confirm takes the run workbook file xlbo payables wrote.")
    if not run.is_file():
        raise UserError(f"{run} is not there; give the run workbook xlbo payables wrote.")
    saved = _run_settings(run)
    as_on = parse_date(saved.get("As On"))
    if as_on is None:
        raise UserError(f"{run.name}, sheet Run: the As On date is missing; make the run again.")
    book = Path(saved["Book"])
    master = Path(saved["Master"]) if saved.get("Master") else None
    day = settings.pay_date or as_on
    out = settings.out or run.with_name(f"payments-{day:%Y-%m-%d}")
    check_output_folder(out, run, book, master)
    ticks, issues = read_ticks(run)
    found = gather(book, master)
    rows, problems = _proposal(found, as_on)
    issues = [*issues, *[p for p in problems if p.severity is Severity.ERROR]]
    open_bills = {r.key: r for r in rows}
    chosen: dict[str, list[OpenBill]] = {}
    for key, cell in ticks:
        bill = open_bills.get(key)
        if bill is None:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=RUN_SHEET,
                    cell=cell,
                    value=f"{key[0].upper()} {key[1].upper()}",
                    problem="The ticked bill is no longer open in the books (paid since, or its "
                    "row changed); it was not paid",
                    hint="Make the run again to see what is open now.",
                    file=run.name,
                )
            )
            continue
        if bill.tds.problem:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=RUN_SHEET,
                    cell=cell,
                    value=bill.tds.section,
                    problem=f"{bill.tds.problem}; bill {bill.bill.bill_no} was not paid (its TDS "
                    "is not known)",
                    hint="Write the TDS section on the bill or the vendor, make the run again "
                    "and tick it there.",
                    file=run.name,
                )
            )
            continue
        problem = payee_problem(bill.vendor)
        if problem:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet="Vendors",
                    cell=found.data.cell(
                        "Vendors",
                        next(
                            i
                            for i, v in enumerate(found.data.vendors)
                            if v.vendor_code == bill.vendor.vendor_code
                        ),
                        "IFSC" if bill.vendor.bank_account else "Bank Account",
                    ),
                    value=bill.vendor.ifsc or "" if bill.vendor.bank_account else "",
                    problem=f"{problem}; bill {bill.bill.bill_no} was not paid",
                    hint="Fill in the vendor's bank account and IFSC, then confirm again.",
                    file=Path(found.data.source).name,
                )
            )
            continue
        chosen.setdefault(bill.vendor.vendor_code, []).append(bill)
    if found.layout_errors:
        first = found.layout_errors[0]
        raise UserError(
            f"{first.file or 'The books'}, sheet {first.sheet}, cell {first.cell}: "
            f"{first.problem}. A layout with a field missing makes a file the bank refuses (or "
            "misreads): fix the sheet and confirm again; nothing was written."
        )
    layout = _layout(found.layouts, settings.layout)
    bank = _bank(found.data.bank_accounts, settings.bank_account)
    ledger = bank.account if bank else "Bank"
    runs: list[tuple[str, list[OpenBill]]] = []
    payments: list[BankPayment] = []
    for number, paid in enumerate(chosen.values(), start=1):
        voucher = f"PMT/{day:%Y%m%d}/{number:03d}"
        vendor = paid[0].vendor
        runs.append((voucher, paid))
        payments.append(
            BankPayment(
                code=vendor.vendor_code,
                name=vendor.name,
                account=vendor.bank_account or "",
                ifsc=vendor.ifsc or "",
                amount=sum(b.net for b in paid),
                reference=voucher,
                remarks=" ".join(b.bill.bill_no for b in paid),
                email=vendor.email or "",
            )
        )
    made = bank_file(
        layout, payments, day, bank.account_number if bank else "", bank.ifsc if bank else ""
    )
    if made.problems:
        raise UserError(
            f"The bank file in the layout '{layout[0].layout}' cannot be written: "
            f"{'; '.join(made.problems[:3])}. Widen the field on the Payment Layouts sheet or "
            "correct the vendor; nothing was written."
        )
    warnings = list(made.warnings)
    if bank is None:
        warnings.append(
            "No row on the Bank Accounts sheet: the payment journal credits the ledger 'Bank' "
            "and the bank file names no debit account."
        )
    company = found.data.company.name if found.data.company else ""
    journal = payment_journal(runs, ledger, day)
    summary = pd.DataFrame(
        [
            [voucher, paid[0].vendor.vendor_code, paid[0].vendor.name,
             ", ".join(b.bill.bill_no for b in paid), _money(sum(b.outstanding for b in paid)),
             _money(sum(b.tds_now for b in paid)), _money(sum(b.net for b in paid)),
             "RTGS" if sum(b.net for b in paid) >= 200_000_00 else "NEFT"]
            for voucher, paid in runs
        ],
        columns=["Voucher No", "Vendor Code", "Vendor", "Bills", "Settled", "TDS", "Paid", "Mode"],
        dtype=object,
    )  # fmt: skip
    sheets = [
        ResultSheet(
            "Payments",
            summary,
            columns={
                "Voucher No": Column(kind=Kind.ID, width=18),
                "Vendor": Column(width=28),
                "Bills": Column(kind=Kind.LONG_TEXT, width=30),
                **{c: Column(kind=Kind.MONEY) for c in ("Settled", "TDS", "Paid")},
            },
            title=(
                f"Payments of {day:%d-%m-%Y}" + (f" — {company}" if company else ""),
                f"Bank file: {made.name} (layout {layout[0].layout})",
            ),
        ),
        journal_sheet(journal),
        *[
            advice_sheet(
                paid,
                voucher,
                day,
                "RTGS" if sum(b.net for b in paid) >= 200_000_00 else "NEFT",
                company,
            )
            for voucher, paid in runs
        ],
        issues_sheet(issues),
    ]
    if runs and (out / PAYMENTS_BOOK).exists():
        warnings.append(
            f"{out} already held payments confirmed from a run (kept as previous): upload one "
            "bank file only, or the vendors are paid twice."
        )
    files: tuple[Path, ...] = ()
    if runs:
        with result_set(out):
            with atomic_path(out / made.name) as temporary:
                temporary.write_bytes(made.content)
            write_workbook(out / PAYMENTS_BOOK, sheets, title=f"Payments of {day:%d-%m-%Y}")
        files = (out / made.name, out / PAYMENTS_BOOK)
    total = sum(p.amount for p in payments)
    headline = (
        f"{len(payments)} payments, ₹{format_inr(from_paise(total))} "
        f"({sum(len(p) for _, p in runs)} bills)"
    )
    lines = [f"{headline}."]
    if files:
        lines.append(f"Bank file: {files[0]}; journal and advices: {files[1]}.")
        lines.append(
            "Post the payment Journal into the books, so that the next run sees these bills paid."
        )
    else:
        lines.append("Nothing ticked to pay: nothing written.")
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)}:")
        lines.extend(f"  {i.sheet} {i.cell}: {i.problem}" for i in issues[:5])
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        warnings=tuple(warnings),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=runs,
    )


def payables_job(inputs: Mapping[str, Source], settings: PayablesSettings) -> JobResult:
    """The payables job of every door: a proposal, or with the run as input, its confirmation."""
    run = inputs.get("run")
    if run is not None:
        return _confirm_job(run, settings)
    return _propose_job(inputs, settings)
