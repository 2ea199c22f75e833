"""The demo: `xlbo demo [FOLDER] [--seed N]` builds Sahyadri Tradelinks Private Limited and runs
every job on it through the registry, as a user would from any door, and says where each output
is.

    Demo company: Sahyadri Tradelinks Private Limited (seed 2026)
      master data       xlbo-demo/master.xlsx
      …
    Jobs run on it:
      validate          xlbo-demo/master-issues.xlsx
                        14 errors, 2 warnings, 1 note (the demo plants 14 mistakes …)
      reconcile         xlbo-demo/brs-hdfc-2026-10.xlsx
      …
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from xlbo.jobs.registry import (
    EXIT_OK,
    DemoSettings,
    InvoicesSettings,
    JobResult,
    PayrollSettings,
    ReconcileSettings,
    ReportSettings,
    ValidateSettings,
    WorkbooksSettings,
    run,
)
from xlbo.money import format_inr, from_paise

INDENT = " " * 20
"""Where the second line of a step's account starts (under the first line's path)."""


class _Demo:
    """The demo's steps, each a job run through the registry on the files the first one built;
    each returns what it tells the user."""

    def __init__(self, outdir: Path, seed: int) -> None:
        self.outdir, self.seed = outdir, seed

    def build(self) -> str:
        from xlbo.demo import build_demo

        files = build_demo(self.outdir, seed=self.seed)
        return (
            f"  master data       {files.master}\n"
            f"  journal           {files.books}\n"
            f"  bank statement    {files.statement}\n"
            f"  bank ledger       {files.ledger}"
        )

    def validate(self) -> str:
        from xlbo.demo import BAD_CELLS
        from xlbo.issues import count_by_severity, describe_counts

        report = self.outdir / "master-issues.xlsx"
        result = run(
            "validate", {"master": self.outdir / "master.xlsx"}, ValidateSettings(out=report)
        )
        counts = describe_counts(count_by_severity(list(result.issues)))
        return (
            f"  validate          {report}\n{INDENT}{counts} "
            f"(the demo plants {len(BAD_CELLS)} mistakes of the kinds users make)"
        )

    def reconcile(self) -> str:
        out = self.outdir / "brs-hdfc-2026-10.xlsx"
        result = run(
            "reconcile",
            {
                "bank": self.outdir / "hdfc-statement-2026-10.xlsx",
                "ledger": self.outdir / "tally-hdfc-ledger-2026-10.xlsx",
            },
            ReconcileSettings(out=out),
        ).value
        difference = result.brs.difference
        return (
            f"  reconcile         {out}\n{INDENT}{result.match_count} matches, "
            f"{len(result.bank_open)} bank and {len(result.ledger_open)} ledger lines left for "
            f"the BRS; difference {format_inr(from_paise(difference)) if difference is not None else 'unknown'}"
        )

    def collections(self) -> str:
        from xlbo.demo.collections import build_collections

        upi = build_collections(self.outdir / "upi", seed=self.seed)
        out = self.outdir / "upi" / "brs-icici-upi-2026-27.xlsx"
        done = run(
            "reconcile", {"bank": upi.statement, "ledger": upi.ledger}, ReconcileSettings(out=out)
        )
        result = done.value
        return (
            f"  reconcile (CSV)   {out}\n{INDENT}a year of UPI collections, "
            f"{upi.lines:,} lines a side from CSV: {result.match_count:,} matched, "
            f"{len(result.suggestions):,} suggestions, BRS difference "
            f"{format_inr(from_paise(result.brs.difference or 0))}; the long tables as CSV beside it:\n"
            + "\n".join(f"{INDENT}{path.name}" for path in done.files[1:])
        )

    def report(self) -> str:
        from xlbo.jobs.report import ReportKind

        out = self.outdir / "reports-2026-10.xlsx"
        report = run(
            "report",
            {"book": self.outdir / "books-2026-10.xlsx", "master": self.outdir / "master.xlsx"},
            ReportSettings(ReportKind.PACK, "2026-10", out, title="Reports October 2026"),
        ).value
        agrees = "agrees" if report.totals[0] == report.totals[1] else "does not agree"
        return (
            f"  report pack       {out}\n{INDENT}trial balance {agrees}; profit and loss, "
            f"balance sheet with September beside October;\n{INDENT}monthly, annual, "
            f"ageing, budget against actual and project progress, with charts"
        )

    def payroll(self) -> str:
        master, folder = {"master": self.outdir / "master.xlsx"}, self.outdir / "payroll"
        run("payroll", master, PayrollSettings("2026-09", folder, payslips=False))
        october = run("payroll", master, PayrollSettings("2026-10", folder)).value
        return (
            f"  payroll           {october.files[0]}\n"
            f"{INDENT}{october.roll.headline}, October 2026 (after September, whose "
            f"register gives the year to date); ECR, ESI, bank file, journal and "
            f"{len(october.lines)} payslips in {folder}"
        )

    def invoices(self) -> str:
        out = self.outdir / "invoices"
        done = run("invoices", {"book": self.outdir / "master.xlsx"}, InvoicesSettings(out))
        issued = done.value.documents
        pdfs = sum(path.suffix == ".pdf" for path in (out / "documents").glob("*.pdf"))
        return (
            f"  invoices          {out / 'invoice-register.xlsx'}\n{INDENT}November's sales "
            f"from the master's Invoices sheet: {len(issued)} documents issued "
            f"({done.value.held} held back by the planted mistakes), each as .xlsx and "
            f"{'PDF' if pdfs else 'no PDF (LibreOffice is not installed)'} in "
            f"{out / 'documents'};\n{INDENT}the register with its Journal, e-invoice JSON for "
            f"the registered customers, GSTR-1 JSON for the month"
        )

    def letters(self) -> str:
        from datetime import date

        from xlbo.jobs.registry import LettersSettings

        out, master = self.outdir / "letters", self.outdir / "master.xlsx"
        day = date(2026, 11, 30)  # the demo's month end: the same letters whenever it runs
        appointed = run(
            "letters", {"data": master}, LettersSettings("appointment", out, as_at=day, pdf=False)
        )
        hired, left_out = appointed.value, len(appointed.issues)
        books = {"data": master, "books": self.outdir / "books-2026-10.xlsx"}
        owed = run("letters", books, LettersSettings("payment-reminder", out, as_at=day)).value
        return (
            f"  letters           {out}\n{INDENT}{len(hired)} appointment letters (OSH Code) "
            f"as .docx with mail drafts ({left_out} employees' rows with a planted mistake left "
            f"out), and {len(owed)} payment reminders listing each customer's invoices overdue "
            "on 30-11-2026 (.docx, PDF, mail draft)"
        )

    def payables(self) -> str:
        from datetime import date

        from xlbo.demo.purchases import tick_micro_and_small
        from xlbo.jobs.registry import ContractsSettings, PayablesSettings, StatementsSettings
        from xlbo.master.load import load

        master, day = self.outdir / "master.xlsx", date(2026, 11, 30)
        run_file = self.outdir / "payment-run-2026-11-30.xlsx"
        proposed = run("payables", {"book": master}, PayablesSettings(as_on=day, out=run_file))
        ticked = tick_micro_and_small(run_file, load(master)[0].vendors)  # as the user would
        paid = run("payables", {"run": run_file}, PayablesSettings(pay_date=date(2026, 12, 1)))
        alerts = run(
            "contracts",
            {"book": master},
            ContractsSettings(day, 60, self.outdir / "contracts.xlsx"),
        )
        books = {"book": self.outdir / "books-2026-10.xlsx", "master": master}
        settings = StatementsSettings(date(2026, 10, 31), out=self.outdir / "statements", pdf=False)
        statements = run("statements", books, settings)
        where = (  # a second demo run into the same folder pays nothing twice
            f"bank file, journal and advices in {paid.files[0].parent}"
            if paid.files
            else "not paid again: an earlier run of the demo in this folder paid them (its "
            "payments folder is kept)"
        )
        return (
            f"  payment run       {run_file}\n{INDENT}{proposed.headline}\n"
            f"{INDENT}{ticked} bills of micro and small suppliers ticked and paid: "
            f"{paid.headline}; {where}\n"
            f"  contracts         {alerts.files[0]}\n{INDENT}{alerts.headline}\n"
            f"  statements        {self.outdir / 'statements'}\n{INDENT}{statements.headline}"
        )

    def returns(self) -> str:
        """GSTR-2B for October and November and Form 26AS for the year, made from the books with
        a supplier's and a customer's slips planted (as the portals would show them), each
        reconciled with the books."""
        import json

        from xlbo.book import FileBook
        from xlbo.gstrecon.receivable import read_receivable
        from xlbo.gstrecon.register import read_register, vendor_gstins
        from xlbo.gstrecon.samples import form26as_text, gstr2b_json
        from xlbo.jobs.registry import GstReconSettings, TdsReconSettings
        from xlbo.jobs.tds_recon import customers_of
        from xlbo.master.load import load

        master = self.outdir / "master.xlsx"
        records = load(master)[0]
        company = records.company
        assert company is not None  # the demo's master names its company
        bills = read_register(master, vendor_gstins(records.vendors)).bills
        portal = []
        for period in ("2026-10", "2026-11"):
            path = self.outdir / f"gstr2b-{period}.json"
            path.write_text(json.dumps(gstr2b_json(bills, company.gstin or "", period), indent=1))
            portal.append(path)
        gst_out = self.outdir / "gst-recon-2026-11.xlsx"
        gst = run("gst-recon", {"purchases": master}, GstReconSettings(gst_out, tuple(portal)))
        receivable = read_receivable(FileBook(master), customers_of(master, None)).rows
        form26as = self.outdir / "26AS-2026-27.txt"
        pan = company.pan or (company.gstin or "")[2:12]
        form26as.write_text(form26as_text(receivable, pan, "2026-27"), encoding="utf-8")
        tds_out = self.outdir / "tds-recon-2026-27.xlsx"
        tds = run("tds-recon", {"form26as": form26as, "books": master}, TdsReconSettings(tds_out))
        return (
            f"  gst-recon         {gst_out}\n{INDENT}{gst.headline}\n"
            f"  tds-recon         {tds_out}\n{INDENT}{tds.headline}"
        )

    def office(self) -> str:
        """Supplies, the calendar, leave and one full-and-final, then the audit trail the runs
        left beside the master, verified."""
        from datetime import date

        from xlbo.audit.log import log_path
        from xlbo.jobs.registry import (
            AuditSettings,
            CalendarSettings,
            LeaveSettings,
            SettlementSettings,
            StockSettings,
        )
        from xlbo.master.load import load

        master, day = self.outdir / "master.xlsx", date(2026, 11, 30)
        book = {"book": master}
        stock = run("stock", book, StockSettings(day, self.outdir / "stock-2026-11-30.xlsx"))
        ics = self.outdir / "calendar-2026-12.ics"
        calendar = run(
            "calendar", book, CalendarSettings(date(2026, 12, 1), date(2026, 12, 31), day, ics)
        )
        leave = run("leave", {"master": master}, LeaveSettings(day, self.outdir / "leave.xlsx"))
        leaver = next(e for e in load(master)[0].employees if e.date_of_leaving is None)
        folder = self.outdir / "final-settlement"
        settled = run(
            "final-settlement",
            {"master": master},
            SettlementSettings(leaver.employee_id, day, folder),
        )
        audit = run("audit", book, AuditSettings("verify"))
        return (
            f"  stock             {stock.files[0]}\n{INDENT}{stock.headline}\n"
            f"  calendar          {ics}\n{INDENT}{calendar.headline}\n"
            f"  leave             {leave.files[0]}\n{INDENT}{leave.headline}\n"
            f"  final settlement  {folder}\n{INDENT}{settled.headline}\n"
            f"  audit             {log_path(master)}\n"
            f"{INDENT}{audit.headline}"
        )

    def workbooks(self) -> str:
        folder = self.outdir / "workbooks"
        paths = run("workbooks", {}, WorkbooksSettings(folder)).files
        names = [str(path.relative_to(folder)) for path in paths]
        width = max((len(name) for name in names), default=0) + 2
        return "Excel files (see README, 'Use it in Excel'):\n" + "\n".join(
            f"  {name:<{width}}{path}" for name, path in zip(names, paths, strict=True)
        )


def demo_job(settings: DemoSettings) -> JobResult:
    """Build the demo company into `settings.outdir` and run every job on it; a run stopped
    half-way (a full disk, Ctrl+C) leaves no half-built demo folder behind."""
    from xlbo.book.atomic import check_output_folder
    from xlbo.progress import progress

    outdir = settings.outdir
    check_output_folder(outdir, option="The demo folder")
    demo = _Demo(outdir, settings.seed)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("Building the demo company", demo.build),
        ("Validating its master data", demo.validate),
        ("Reconciling the HDFC account", demo.reconcile),
        ("Reconciling a year of UPI collections", demo.collections),
        ("Building the report pack", demo.report),
        ("Running October's payroll", demo.payroll),
        ("Issuing November's invoices", demo.invoices),
        ("Merging letters", demo.letters),
        ("Paying vendors, contracts, customer statements", demo.payables),
        ("Reconciling GSTR-2B and Form 26AS", demo.returns),
        ("Supplies, calendar, leave, a full-and-final, the audit trail", demo.office),
        ("Building the Excel files", demo.workbooks),
    ]
    lines = [f"Demo company: Sahyadri Tradelinks Private Limited (seed {settings.seed})"]
    made = not outdir.exists()
    try:
        for index, (_, step) in enumerate(progress(steps, "xlbo demo", total=len(steps))):
            if index == 1:
                lines.append("Jobs run on it:")
            lines.append(step())
    except BaseException:  # a full disk, Ctrl+C: no half-built demo folder left behind
        if made:
            shutil.rmtree(outdir, ignore_errors=True)
        raise
    return JobResult(EXIT_OK, ("\n".join(lines),), headline=f"The demo company is in {outdir}.")
