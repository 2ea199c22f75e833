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
Payments already made are the Journal's debits to Trade Payables (`xlbo.vendors.settle`). A bill
that a payment confirmed earlier covers (the payments.xlsx of a `payments-*` folder beside the
run or of DIR; the open workbook's Payments sheet) is not paid again while the Journal holds no
payment for it since: an error at its Pay cell, and a run made again notes it Awaiting Posting
and does not keep its tick (`xlbo.vendors.confirmed`, `xlbo.readers.earlier_payments`). What is
read from the books, and how, is `xlbo.readers.payables_books`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from xlbo.audit.records import journal_records
from xlbo.book import FileBook, ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, check_output_folder, result_set
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
    workbook_output,
)
from xlbo.master.records import BankAccount
from xlbo.money import format_inr, from_paise
from xlbo.readers.earlier_payments import earlier_confirmed, hold_ticked
from xlbo.readers.payables_books import Gathered as Gathered
from xlbo.readers.payables_books import gather as gather  # the stock and calendar jobs' too
from xlbo.readers.payment_run import RUN_SHEET, read_ticks, run_issue, run_settings
from xlbo.sheets.awaiting import with_awaiting
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.journal import journal_sheet
from xlbo.sheets.payables import (
    RUN_COLUMNS,
    advances_sheet,
    advice_sheet,
    mode_of,
    payments_sheet,
    resolved,
    run_frame,
    settings_sheet,
)
from xlbo.vendors.bankfile import BankPayment, bank_file, payee_problem
from xlbo.vendors.confirmed import awaiting_posting
from xlbo.vendors.journal import payment_journal, purchase_journal
from xlbo.vendors.layouts import GENERIC, LayoutField, layout_names
from xlbo.vendors.run import OpenBill, propose
from xlbo.vendors.settle import advances

PAYMENTS_BOOK = "payments.xlsx"
BANK_FILE_SHEET = "Bank File"


def bank_file_sheet(name: str, content: bytes) -> ResultSheet:
    """The bank file's lines as text, one a row under its name: for the open books (the
    Payables button, Lite), where no file is written."""
    import pandas as pd

    from xlbo.book.display import Column, Kind

    lines = content.decode("ascii", errors="replace").splitlines()
    return ResultSheet(
        BANK_FILE_SHEET,
        pd.DataFrame({name: lines}, dtype=object),
        columns={name: Column(kind=Kind.ID, width=100)},
        title=(f"Bank file {name}: copy these lines into a text file of that name to upload",),
        autofilter=False,
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
        found.certificates,
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


def _propose_job(inputs: Mapping[str, Source], settings: PayablesSettings) -> JobResult:
    book = inputs.get("book")
    if book is None:
        raise UserError("payables needs the books workbook with the Purchases sheet.")
    if settings.as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day the payment run is for.")
    as_on = settings.as_on
    master = inputs.get("master")
    out = settings.out
    workbook_output(out, "the payment run", inputs)
    found = gather(book, master)
    rows, problems = _proposal(found, as_on)
    issues = [*found.issues, *problems]
    carried: set[tuple[str, str]] = set()
    # the run ticked before: the file made again, or the Payables button's sheet in the books
    ticked = inputs.get("earlier") or (out if out is not None and out.is_file() else None)
    if ticked is not None:
        try:
            earlier, _ = read_ticks(ticked)
            open_keys = {r.key for r in rows}
            carried = {key for key, _ in earlier if key in open_keys}
        except UserError:
            carried = set()
    # bills confirmed for payment earlier whose payment journal is not posted: never ticked again
    held_in = inputs.get("earlier")  # the open workbook (its Payments sheet), else the run file
    confirmed, unread = earlier_confirmed(held_in if held_in is not None else out)
    awaiting = awaiting_posting(rows, confirmed, found.payments)
    carried -= set(awaiting)
    company = found.data.company
    posted = [
        (b, found.vendors[b.vendor_code.casefold()])
        for b in found.purchases.bills
        if b.bill_date <= as_on and b.vendor_code.casefold() in found.vendors
    ]
    noted = [
        (n, found.vendors[n.vendor_code.casefold()])
        for n in found.credit_notes
        if n.day <= as_on and n.vendor_code.casefold() in found.vendors
    ]
    journal = purchase_journal(posted, noted)
    frame, columns = with_awaiting(run_frame(rows, carried), rows, awaiting, RUN_COLUMNS)
    sheet = ResultSheet(
        RUN_SHEET,
        frame,
        columns=columns,
        title=(
            f"Payment run as on {as_on:%d-%m-%Y}" + (f" — {company.name}" if company else ""),
            "Tick Pay for each bill to pay, save, then: xlbo payables --confirm THIS-FILE.xlsx",
        ),
        landscape=True,
    )
    settings_rows = [
        ("Book", resolved(file_of(book))),
        ("Master", resolved(file_of(master))),
        ("As On", f"{as_on:%d-%m-%Y}"),
    ]
    held = advances(found.purchases.bills, found.vendors, found.payments, as_on)
    sheets = [sheet, journal_sheet(journal), issues_sheet(issues), settings_sheet(settings_rows)]
    if held:
        sheets.insert(1, advances_sheet(held, found.vendors, as_on))
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
    if held:
        lines.append(
            f"{len(held)} vendor{' holds' if len(held) == 1 else 's hold'} advances of "
            f"₹{format_inr(from_paise(sum(held.values())))} not yet set against a bill (see the "
            "Advances sheet)."
        )
    if carried:
        lines.append(f"Kept your ticks on {len(carried)} bills still open.")
    if awaiting:
        lines.append(
            f"{len(awaiting)} bills were confirmed for payment earlier and their payment journal "
            "is not posted yet (see Awaiting Posting): not ticked again. Post the Journal of "
            f"{', '.join(sorted({c.where for c in awaiting.values()}))} into the books."
        )
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
        warnings=tuple(unread),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=rows,
        records=journal_records(journal),
    )


# -- the confirmation --------------------------------------------------------------------------


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


def _confirm_job(run: Source, settings: PayablesSettings) -> JobResult:
    from xlbo.book.excel import ExcelBook

    if not isinstance(run, Path | ExcelBook):
        raise UserError("--confirm takes the run workbook file xlbo payables wrote.")
    if isinstance(run, Path) and not run.is_file():
        raise UserError(f"{run} is not there; give the run workbook xlbo payables wrote.")
    opened = FileBook(run) if isinstance(run, Path) else run  # its Run sheet and its ticks
    saved = run_settings(run, opened)
    name = Path(run.name).name
    try:
        as_on = parse_date(saved.get("As On"))
    except ValueError as error:
        raise UserError(
            f"{name}, sheet Run: the As On date cannot be read ({error}); make the run again "
            "with xlbo payables BOOK --as-on DATE --out run.xlsx."
        ) from None
    if as_on is None:
        raise UserError(f"{name}, sheet Run: the As On date is missing; make the run again.")
    # a run the Payables button wrote into the open books: those books are its Book and Master
    book: Source = Path(saved["Book"]) if isinstance(run, Path) else run
    master = Path(saved["Master"]) if isinstance(run, Path) and saved.get("Master") else None
    day = settings.pay_date or as_on
    out = settings.out or (
        run.with_name(f"payments-{day:%Y-%m-%d}") if isinstance(run, Path) else None
    )
    if out is not None:
        check_output_folder(out, file_of(run), file_of(book), master)
    ticks, issues = read_ticks(opened)
    found = gather(book, master)
    rows, problems = _proposal(found, as_on)
    issues = [*issues, *[p for p in problems if p.severity is Severity.ERROR]]
    open_bills = {r.key: r for r in rows}
    # bills a payment confirmed earlier covers, its journal not posted yet: not paid twice
    confirmed, unread = earlier_confirmed(run, out)
    awaiting = awaiting_posting(rows, confirmed, found.payments)
    held, said = hold_ticked(
        ticks, open_bills, awaiting, name, in_workbook=not isinstance(run, Path)
    )
    issues.extend(said)
    ticks = [(key, cell) for key, cell in ticks if key not in held]
    chosen: dict[str, list[OpenBill]] = {}
    for key, cell in ticks:
        bill = open_bills.get(key)
        if bill is None:
            issues.append(
                run_issue(
                    name,
                    cell,
                    value=f"{key[0].upper()} {key[1].upper()}",
                    problem="The ticked bill is no longer open in the books (paid since, or its "
                    "row changed); it was not paid",
                    hint="Make the run again to see what is open now.",
                )
            )
            continue
        if bill.tds.problem:
            issues.append(
                run_issue(
                    name,
                    cell,
                    value=bill.tds.section,
                    problem=f"{bill.tds.problem}; bill {bill.bill.bill_no} was not paid (its TDS "
                    "is not known)",
                    hint="Write the TDS section on the bill or the vendor, make the run again "
                    "and tick it there.",
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
    warnings = [*made.warnings, *unread]
    if bank is None:
        warnings.append(
            "No row on the Bank Accounts sheet: the payment journal credits the ledger 'Bank' "
            "and the bank file names no debit account."
        )
    company = found.data.company.name if found.data.company else ""
    journal = payment_journal(runs, ledger, day)
    advised: set[str] = set()  # advice sheet names given so far
    sheets = [
        payments_sheet(runs, day, company, made.name, layout[0].layout),
        journal_sheet(journal),
        *[
            advice_sheet(paid, voucher, day, mode_of(paid), company, advised)
            for voucher, paid in runs
        ],
        issues_sheet(issues),
    ]
    if not runs:  # nothing paid: an open workbook keeps its earlier Payments and Bank File
        sheets = [issues_sheet(issues)]
    if runs and out is None:  # the open books: the bank file's text on a sheet to copy out
        sheets.append(bank_file_sheet(made.name, made.content))
    if runs and out is not None and (out / PAYMENTS_BOOK).exists():
        warnings.append(
            f"{out} already held payments confirmed earlier (kept as previous); this bank file "
            "pays only the bills they do not: upload each bank file once."
        )
    if (runs or held) and isinstance(run, ExcelBook) and run.has(BANK_FILE_SHEET):  # again
        warnings.append(
            f"This workbook already held a {BANK_FILE_SHEET} sheet from an earlier Pay Ticked "
            f"({'now replaced' if runs else 'kept: nothing was paid again'}): upload one bank "
            "file only, and post the Payment Journal before the next run, or the vendors are "
            "paid twice."
        )
    files: tuple[Path, ...] = ()
    if runs and out is not None:
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
    elif runs:
        lines.append(
            f"The bank file {made.name} is on the {BANK_FILE_SHEET} sheet: copy its lines into a "
            "text file of that name to upload (xlbo payables --confirm writes the file itself)."
        )
    if runs:
        lines.append(
            "Post the payment Journal into the books, so that the next run sees these bills paid."
        )
    elif held:
        lines.append("Nothing paid: the ticked bills were held back (below); nothing written.")
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
        records=journal_records(journal),
    )


def payables_job(inputs: Mapping[str, Source], settings: PayablesSettings) -> JobResult:
    """The payables job of every door: a proposal, or with the run as input, its confirmation."""
    run = inputs.get("run")
    if run is not None:
        return _confirm_job(run, settings)
    return _propose_job(inputs, settings)
