"""The `xlbo` command line: every job, on any machine, for people, schedulers and CI.

Each command turns its options into the job's settings, runs the job through the registry
(`xlbo.jobs.registry.run`, as the Excel buttons and the Lite scripts do) and prints what the job
says; no step of a job is here.

Errors in what the user gave (a missing file, a damaged workbook) print one or two plain
sentences to stderr and exit with status 2; a job that finds problems in the data says how many
and exits with status 1; a bug in xlbo prints a short note (details with --debug) and exits 70.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from xlbo import __version__
from xlbo.errors import UserError

if TYPE_CHECKING:
    from datetime import date

    from xlbo.jobs.registry import JobResult
    from xlbo.readers.roles import Role

EXIT_OK, EXIT_FINDINGS, EXIT_USER_ERROR, EXIT_BUG = 0, 1, 2, 70
"""As `xlbo.jobs.registry` has them (kept here so importing the CLI loads no job)."""


def say(result: JobResult) -> int:
    """Print what a job tells the user (its warnings on stderr) and return its exit code."""
    for warning in result.warnings:
        print(f"xlbo: {warning}", file=sys.stderr)
    for line in result.lines:
        print(line)
    return result.exit_code


def cmd_init(args: argparse.Namespace) -> int:
    from xlbo.book.atomic import result_set
    from xlbo.master.template import write_master

    with result_set(Path(args.path).parent):  # --force keeps the earlier one as previous
        path = write_master(args.path, force=args.force)
    print(f"Wrote the master-data workbook {path}")
    print("Fill in Company, Employees, Vendors, Customers and Bank Accounts; the rule sheets and")
    print("the chart of accounts come pre-filled. Check it with: xlbo validate " + str(path))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import ValidateSettings, run

    settings = ValidateSettings(out=Path(args.out) if args.out else None)
    return say(run("validate", {"master": Path(args.master)}, settings))


def cmd_demo(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import DemoSettings, run

    return say(run("demo", {}, DemoSettings(Path(args.outdir), args.seed)))


def cmd_payroll(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import PayrollSettings, run
    from xlbo.payroll.compute import DaysBasis

    month_at_door(args.month)
    settings = PayrollSettings(
        args.month,
        Path(args.out),
        basis=DaysBasis(args.days_basis),
        payslips=not args.no_payslips,
    )
    return say(run("payroll", {"master": Path(args.master)}, settings))


def column_roles(text: str | None) -> dict[Role, str]:
    """--map "date=Txn Dt,narration=Details" as column roles."""
    from xlbo.book.table import header_key
    from xlbo.readers.roles import Role

    mapping: dict[Role, str] = {}
    for part in filter(None, (text or "").split(",")):
        role, _, header = part.partition("=")
        if not header.strip():
            raise UserError(
                f"--map: '{part.strip()[:40]}' names no column; write ROLE=HEADER, e.g. "
                "date=Txn Dt, with the header as the statement has it."
            )
        try:
            named = Role(role.strip().lower())
        except ValueError:
            raise UserError(
                f"--map: '{role}' is not a column role; use {', '.join(r.value for r in Role)}."
            ) from None
        if named in mapping and header_key(mapping[named]) != header_key(header):
            raise UserError(
                f"--map names the {named.value} column twice ('{mapping[named]}' and "
                f"'{header.strip()}'); give each role one column."
            )
        for other, given in mapping.items():
            if other is not named and header_key(given) == header_key(header):
                raise UserError(
                    f"--map gives the column '{header.strip()}' to both {other.value} and "
                    f"{named.value}; give each role its own column."
                )
        mapping[named] = header.strip()
    return mapping


def cmd_reconcile(args: argparse.Namespace) -> int:
    from xlbo.jobs.reconcile import Detail, window_of
    from xlbo.jobs.registry import ReconcileSettings, Source, run

    mapping = column_roles(args.map)
    if args.confirm:  # the earlier result's Run sheet names the files and settings
        inputs: dict[str, Source] = {"earlier": Path(args.confirm)}
        settings = ReconcileSettings(mapping=mapping)
    else:
        if not args.bank or not args.ledger:
            raise UserError(
                "Give --bank and --ledger (or --confirm RESULT.xlsx to apply your decisions)."
            )
        window = window_of(args.days_before, args.days_after)  # at the door, before any reading
        out = Path(args.out)
        if out.suffix.lower() != ".xlsx" or out.stem in ("", ".xlsx"):
            stem = out.stem if out.stem and not out.name.startswith(".") else "brs"
            raise UserError(
                f"--out {out.name}: the reconciliation is an Excel workbook; name it with .xlsx "
                f"(e.g. --out {stem}.xlsx). Its long tables go beside it as CSV or Parquet "
                "when you ask with --detail."
            )
        inputs = {"bank": Path(args.bank), "ledger": Path(args.ledger)}
        for name, given in (
            ("master", args.master),
            ("rules", args.rules),
            ("last_brs", args.last_brs),
        ):
            if given:
                inputs[name] = Path(given)
        settings = ReconcileSettings(
            out=out,
            account=args.account,
            mapping=mapping,
            window=window,
            detail=Detail(args.detail) if args.detail else None,
            sheet=args.sheet,
        )
    return say(run("reconcile", inputs, settings))


def month_at_door(text: str, option: str = "--month") -> None:
    """Stop a month that is not one, or lies outside 1900–2100, before any reading."""
    from xlbo.dates import YearOutOfRange, parse_month

    try:
        parse_month(text)
    except YearOutOfRange as error:
        raise UserError(f"{option} {str(text).strip()[:40]}: {error}.") from None
    except ValueError:
        raise UserError(
            f"{option} '{str(text).strip()[:40]}' is not a month; write it as YYYY-MM, e.g. 2026-10."
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import ReportSettings, Source, run
    from xlbo.jobs.report import ReportKind
    from xlbo.reports.journal import check_period

    check_period(args.period)  # at the door, before any reading
    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    settings = ReportSettings(ReportKind(args.kind), args.period, Path(args.out))
    return say(run("report", inputs, settings))


def cmd_import_tally(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import Source, TallySettings, run

    inputs: dict[str, Source] = {"daybook": Path(args.daybook)}
    if args.master:
        inputs["master"] = Path(args.master)
    return say(run("import-tally", inputs, TallySettings(Path(args.out), args.sheet)))


def cmd_invoices(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import InvoicesSettings, Source, run

    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    reconciliation = Path(args.from_reconciliation) if args.from_reconciliation else None
    settings = InvoicesSettings(Path(args.out), not args.no_pdf, reconciliation)
    return say(run("invoices", inputs, settings))


def cmd_gst_recon(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import GstReconSettings, Source, run

    inputs: dict[str, Source] = {"purchases": Path(args.purchases)}
    if args.master:
        inputs["master"] = Path(args.master)
    files = tuple(Path(f) for f in args.gstr2b)
    return say(run("gst-recon", inputs, GstReconSettings(Path(args.out), files)))


def cmd_letters(args: argparse.Namespace) -> int:
    from datetime import datetime

    from xlbo.jobs.registry import LettersSettings, Source, run

    if args.write_template:
        settings = LettersSettings(
            args.write_template,
            Path(args.out or f"{args.write_template}.docx"),
            language=args.language or "",
            write_template=True,
        )
        return say(run("letters", {}, settings))
    if not args.template:
        raise UserError(
            "Name a Word template (.docx) or one of xlbo's letters, e.g. "
            "xlbo letters appointment --data master.xlsx."
        )
    if not args.data:
        raise UserError("Give the workbook of the rows to merge with --data BOOK.xlsx.")
    as_at = None
    if args.as_at:
        from xlbo.dates import parse_date

        try:
            as_at = parse_date(args.as_at)
        except ValueError as error:
            raise UserError(
                f"--as-at {args.as_at}: {error}; type a date such as 30-11-2026."
            ) from None
    inputs: dict[str, Source] = {"data": Path(args.data)}
    if args.master:
        inputs["master"] = Path(args.master)
    if args.books:
        inputs["books"] = Path(args.books)
    settings = LettersSettings(
        args.template,
        Path(args.out or "letters"),
        sheet=args.sheet,
        subject=args.subject or "",
        attach=args.attach,
        pdf=not args.no_pdf,
        as_at=as_at if not isinstance(as_at, datetime) else as_at.date(),
        payroll=Path(args.payroll) if args.payroll else None,
        language=args.language or "",
    )
    return say(run("letters", inputs, settings))


def cmd_tds_recon(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import Source, TdsReconSettings, run

    inputs: dict[str, Source] = {"form26as": Path(args.form26as), "books": Path(args.books)}
    if args.master:
        inputs["master"] = Path(args.master)
    return say(run("tds-recon", inputs, TdsReconSettings(Path(args.out))))


def day_at_door(text: str | None, option: str) -> date | None:
    """A dd-mm-yyyy option as a date (None when not given); a plain message when it is none."""
    from datetime import datetime

    from xlbo.dates import parse_date

    if not text:
        return None
    try:
        day = parse_date(text)
    except ValueError as error:
        raise UserError(f"{option} {text}: {error}; type a date such as 30-11-2026.") from None
    if day is None:
        return None
    return day.date() if isinstance(day, datetime) else day


def cmd_payables(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import PayablesSettings, Source, run

    inputs: dict[str, Source] = {}
    if args.confirm:
        inputs["run"] = Path(args.confirm)
        settings = PayablesSettings(
            out=Path(args.out) if args.out else None,
            pay_date=day_at_door(args.date, "--date"),
            layout=args.layout,
            bank_account=args.bank_account,
        )
    else:
        if not args.book or not args.as_on:
            raise UserError(
                "Give the books and --as-on DATE (or --confirm RUN.xlsx to pay what you ticked)."
            )
        inputs["book"] = Path(args.book)
        if args.master:
            inputs["master"] = Path(args.master)
        settings = PayablesSettings(
            as_on=day_at_door(args.as_on, "--as-on"), out=Path(args.out or "payment-run.xlsx")
        )
    return say(run("payables", inputs, settings))


def cmd_contracts(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import ContractsSettings, Source, run

    as_on = day_at_door(args.as_on, "--as-on")
    if as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day to look ahead from.")
    if args.days < 0:
        raise UserError(f"--days {args.days}: give the number of days ahead, e.g. --days 30.")
    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    settings = ContractsSettings(as_on, args.days, Path(args.out))
    return say(run("contracts", inputs, settings))


def cmd_statements(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import Source, StatementsSettings, run

    as_on = day_at_door(args.as_on, "--as-on")
    if as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day the statements end.")
    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    start = day_at_door(args.start, "--from")
    settings = StatementsSettings(as_on, start, Path(args.out), pdf=not args.no_pdf)
    return say(run("statements", inputs, settings))


def cmd_stock(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import Source, StockSettings, run

    as_on = day_at_door(args.as_on, "--as-on")
    if as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day the register runs to.")
    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    return say(run("stock", inputs, StockSettings(as_on, Path(args.out))))


def cmd_calendar(args: argparse.Namespace) -> int:
    from datetime import date

    from xlbo.jobs.registry import CalendarSettings, Source, run

    start = day_at_door(args.start, "--from")  # none given: the job's twelve months
    end = day_at_door(args.end, "--to")
    as_on = day_at_door(args.as_on, "--as-on") or date.today()
    inputs: dict[str, Source] = {"book": Path(args.book)}
    if args.master:
        inputs["master"] = Path(args.master)
    return say(run("calendar", inputs, CalendarSettings(start, end, as_on, Path(args.out))))


def cmd_audit(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import AuditSettings, run

    settings = AuditSettings(
        args.action,
        out=Path(args.out) if args.out else None,
        start=day_at_door(args.start, "--from"),
        end=day_at_door(args.end, "--to"),
    )
    return say(run("audit", {"book": Path(args.book)}, settings))


def cmd_leave(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import LeaveSettings, run

    as_on = day_at_door(args.as_on, "--as-on")
    if as_on is None:
        raise UserError("Give --as-on DATE (dd-mm-yyyy): the day the balances are as on.")
    return say(run("leave", {"master": Path(args.master)}, LeaveSettings(as_on, Path(args.out))))


def cmd_final_settlement(args: argparse.Namespace) -> int:
    from xlbo.cells import parse_percent
    from xlbo.jobs.registry import SettlementSettings, run
    from xlbo.office.settlement import Leaving, leaving_reason

    leaving = day_at_door(args.leaving, "--leaving")
    if leaving is None:
        raise UserError("Give --leaving DATE (dd-mm-yyyy): the last working day.")
    reason = leaving_reason(args.reason)
    if reason is None:
        raise UserError(
            f"--reason {args.reason}: give one of {', '.join(r.value for r in Leaving)}."
        )
    try:
        rate = parse_percent(args.bonus_rate) if args.bonus_rate else None
    except ValueError:
        raise UserError(f"--bonus-rate {args.bonus_rate}: give a rate such as 8.33%.") from None
    settings = SettlementSettings(
        employee=args.employee,
        leaving=leaving,
        out=Path(args.out),
        reason=reason,
        notice_given=day_at_door(args.notice_given, "--notice-given"),
        bonus_rate=rate,
        payroll=Path(args.payroll) if args.payroll else None,
    )
    return say(run("final-settlement", {"master": Path(args.master)}, settings))


def cmd_workbooks(args: argparse.Namespace) -> int:
    from xlbo.jobs.registry import WorkbooksSettings, run

    return say(run("workbooks", {}, WorkbooksSettings(Path(args.out))))


def cmd_addin(args: argparse.Namespace) -> int:
    """Install xlwings' add-in (worksheet functions) and xlbo.xlam (the xlbo ribbon tab), or
    remove xlbo.xlam, through xlwings' own command line; Windows and macOS only."""
    from xlbo.excel.addin import install_addin, uninstall_addin

    print(install_addin() if args.action == "install" else uninstall_addin())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xlbo",
        description="The back office of an Indian company, run from Excel.",
        epilog="Run `xlbo COMMAND --help` for each command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"xlbo {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full details of internal errors")
    jobs = parser.add_subparsers(dest="command", metavar="COMMAND", title="jobs")

    init = jobs.add_parser(
        "init",
        help="write a fresh master-data workbook",
        description="Write a master-data workbook: one Excel Table per sheet (Company, Employees, "
        "Vendors, Customers, Accounts, Bank Accounts and the statutory rule sheets), "
        "with dropdowns, formats and notes on every header.",
        epilog="Example: xlbo init master.xlsx",
    )
    init.add_argument("path", help="the .xlsx file to write")
    init.add_argument("--force", action="store_true", help="replace the file if it exists")
    init.set_defaults(run=cmd_init)

    validate = jobs.add_parser(
        "validate",
        help="check a master workbook and list every problem",
        description="Check every sheet of a master workbook and write a report whose Issues "
        "sheet links to each bad cell. The workbook itself is never changed. "
        "Exit status: 0 no errors, 1 errors found, 2 the file could not be read.",
        epilog="Example: xlbo validate master.xlsx --out master-issues.xlsx",
    )
    validate.add_argument("master", help="the master workbook (.xlsx)")
    validate.add_argument("--out", help="where to write the report (default: MASTER-issues.xlsx)")
    validate.set_defaults(run=cmd_validate)

    payroll = jobs.add_parser(
        "payroll",
        help="run a month's payroll: register, payslips, ECR, ESI and bank files",
        description="Compute a month's salaries gross to net with PF, ESI, PT, LWF and TDS from the "
        "master workbook's rules, and write the register (with its working), payslips, the EPFO ECR "
        "file, the ESIC upload sheet, the bank transfer file and the salary journal. Earlier "
        "registers in the output folder give the year-to-date figures. Exit status 1 when "
        "pre-checks found errors (listed on the register's Issues sheet).",
        epilog="Example: xlbo payroll master.xlsx --month 2026-10 --out payroll",
    )
    payroll.add_argument("master", help="the master workbook (.xlsx)")
    payroll.add_argument("--month", required=True, help="the month, YYYY-MM (1900 to 2100)")
    payroll.add_argument("--out", default="payroll", help="folder for the outputs")
    payroll.add_argument(
        "--days-basis",
        choices=["calendar", "26", "30"],
        default="calendar",
        help="days a month's pay is divided by when prorating (default: calendar)",
    )
    payroll.add_argument("--no-payslips", action="store_true", help="skip the payslips")
    payroll.set_defaults(run=cmd_payroll)

    reconcile = jobs.add_parser(
        "reconcile",
        help="match a bank statement to the bank ledger and draw up the BRS",
        description="Read a bank statement as the bank exports it and the bank ledger (a Tally ledger "
        "export, or an xlbo Journal with --account), check the statement, match the lines in exact paise "
        "(reference, amount and date, combinations), and write the matches, the unmatched lines, "
        "suggestions and the Bank Reconciliation Statement. Exit status 1 when the BRS does not tie or "
        "the statement has integrity findings.",
        epilog="Example: xlbo reconcile --bank hdfc.xlsx --ledger tally-hdfc.xlsx --out brs.xlsx",
    )
    reconcile.add_argument(
        "--bank", help="the bank statement (.xlsx, .xls, .csv; .parquet past Excel's size)"
    )
    reconcile.add_argument(
        "--ledger", help="the bank ledger: a Tally export, or a workbook with a Journal sheet"
    )
    reconcile.add_argument(
        "--confirm",
        metavar="RESULT",
        help="apply the Accept and Reject columns you filled in RESULT (an earlier reconciliation) "
        "and update it; accepted pairs become Rules",
    )
    reconcile.add_argument(
        "--rules", metavar="EARLIER", help="reuse the Rules of an earlier month's result"
    )
    reconcile.add_argument(
        "--last-brs",
        metavar="LAST_MONTH",
        help="last month's result (its BRS): the cheques, deposits and bank lines it left "
        "outstanding are matched with this month's lines, and those still outstanding are "
        "listed again",
    )
    reconcile.add_argument(
        "--account", help="with a Journal: the bank ledger's name, e.g. 'HDFC Bank Current A/c'"
    )
    reconcile.add_argument("--out", default="brs.xlsx", help="the report workbook to write")
    reconcile.add_argument(
        "--map",
        help='column roles for unusual statements: "date=Txn Dt,narration=Details,withdrawal=Dr,deposit=Cr"',
    )
    reconcile.add_argument(
        "--detail",
        choices=["xlsx", "csv", "parquet"],
        help="where matches, unmatched lines and suggestions go: sheets of --out (xlsx, the "
        "default for workbooks), or files beside it (the default for CSV or Parquet inputs, "
        "which may be longer than a sheet)",
    )
    reconcile.add_argument(
        "--days-before",
        default="3",
        metavar="DAYS",
        help="bank date up to this many days before the books' (0 to 90; default 3)",
    )
    reconcile.add_argument(
        "--days-after",
        default="7",
        metavar="DAYS",
        help="bank date up to this many days after the books' (0 to 90; default 7)",
    )
    reconcile.add_argument(
        "--sheet",
        help="the statement's sheet (default: every sheet of the workbook that holds statement lines)",
    )
    reconcile.add_argument(
        "--master",
        help="the master workbook, whose Company sheet names the company on the BRS when the "
        "statement and ledger do not",
    )
    reconcile.set_defaults(run=cmd_reconcile)

    report = jobs.add_parser(
        "report",
        help="trial balance, profit and loss, balance sheet from the Journal",
        description="Build a report from the Journal sheet: trial-balance, profit-loss and "
        "balance-sheet (Schedule III, previous period beside), monthly (accounts by month), "
        "annual (the financial year month by month), ageing (receivables and payables from the "
        "Opening Bills sheet and the Journal, checked against the trial balance), budget "
        "(against the Budget sheet), progress (from the Tasks sheet), or pack (all of them with "
        "a contents sheet). "
        "Journal lines that cannot be used are listed on an Issues sheet and left out; a period "
        "outside the books is refused.",
        epilog="Example: xlbo report pack books.xlsx --master master.xlsx --period 2026-10 --out pack.xlsx",
    )
    report.add_argument(
        "kind",
        choices=[
            "trial-balance",
            "profit-loss",
            "balance-sheet",
            "monthly",
            "annual",
            "ageing",
            "budget",
            "progress",
            "pack",
        ],
    )
    report.add_argument("book", help="the workbook with the Journal sheet")
    report.add_argument(
        "--master", help="the master workbook with the chart of accounts (default: BOOK)"
    )
    report.add_argument(
        "--period",
        required=True,
        help="YYYY-MM, YYYY-MM:YYYY-MM or FY2026-27, within the books and 1900 to 2100",
    )
    report.add_argument("--out", default="report.xlsx", help="the report workbook to write")
    report.set_defaults(run=cmd_report)

    tally = jobs.add_parser(
        "import-tally",
        help="a Tally Day Book export as a Journal sheet",
        description="Read a Day Book exported from Tally in detailed format (Alt+F5: every "
        "ledger of each voucher, with narrations), or as XML (Export > XML), and write a books "
        "workbook whose Journal sheet the reports use. Vouchers that do not balance are listed "
        "on an Issues sheet and left out.",
        epilog="Example: xlbo import-tally daybook.xlsx --master master.xlsx --out books.xlsx",
    )
    tally.add_argument("daybook", help="the Day Book exported from Tally (.xlsx, .xls, or .xml)")
    tally.add_argument("--out", default="books.xlsx", help="the books workbook to write")
    tally.add_argument(
        "--master",
        help="the master workbook: ledgers named after customers and vendors go to Trade "
        "Receivables and Trade Payables with the party named",
    )
    tally.add_argument("--sheet", help="the sheet holding the Day Book (default: the first)")
    tally.add_argument(  # an earlier --out is always kept as NAME (previous).xlsx
        "--replace", action="store_true", help=argparse.SUPPRESS
    )
    tally.set_defaults(run=cmd_import_tally)

    invoices = jobs.add_parser(
        "invoices",
        help="issue GST invoices and notes from the Invoices sheet: PDFs, register, journal",
        description="Group the Invoices sheet's rows into documents (same Document Type, "
        "Series, Date, Customer Code and Place of Supply), check each against Rule 46, number "
        "them per series per financial year after the Invoice Register in --out, and write each "
        "as an A4 workbook and PDF, the Invoice Register with its Journal (for `xlbo report`) and "
        "an Issues sheet; and a receipt for each row of the Receipts sheet. A document with a "
        "missing or wrong field is not issued; exit status 1.",
        epilog="Example: xlbo invoices books.xlsx --master master.xlsx --out invoices",
    )
    invoices.add_argument("book", help="the workbook with the Invoices (and Items) sheet")
    invoices.add_argument(
        "--master", help="the master workbook with Company and Customers (default: BOOK)"
    )
    invoices.add_argument("--out", default="invoices", help="folder for documents and register")
    invoices.add_argument(
        "--no-pdf", action="store_true", help="write the documents' workbooks but no PDFs"
    )
    invoices.add_argument(
        "--from-reconciliation",
        metavar="RESULT",
        help="a reconcile result: its matched bank credits from customers become receipts",
    )
    invoices.set_defaults(run=cmd_invoices)

    gst = jobs.add_parser(
        "gst-recon",
        help="match the purchase register to GSTR-2B: credit at risk, what to ask suppliers",
        description="Read the purchase register (the Purchases sheet, with the vendors' GSTINs "
        "from Vendors, or Tally's Purchase Register) and the GSTR-2B JSON of one or more "
        "periods (b2b, b2ba, cdnr, cdnra), match them in stages (exact, mismatched, suggested, "
        "missing in the books, missing in 2B) with the reason for each pair, and write the "
        "input tax credit at risk per supplier and a follow-up list. Exit status 1 when "
        "anything is not an exact match.",
        epilog="Example: xlbo gst-recon --purchases books.xlsx --gstr2b 2B-102026.json "
        "--gstr2b 2B-112026.json --out gst-recon.xlsx",
    )
    gst.add_argument("--purchases", required=True, help="the books with the Purchases sheet")
    gst.add_argument(
        "--gstr2b",
        required=True,
        action="append",
        metavar="2B.json",
        help="a GSTR-2B JSON downloaded from the GST portal (repeat for several periods)",
    )
    gst.add_argument("--master", help="the master workbook with Vendors (default: the books)")
    gst.add_argument("--out", default="gst-recon.xlsx", help="the workbook to write")
    gst.set_defaults(run=cmd_gst_recon)

    tds = jobs.add_parser(
        "tds-recon",
        help="match the TDS customers deducted (the books) to Form 26AS",
        description="Read Part I of Form 26AS (the ^-delimited text TRACES exports, or a sheet "
        "with its headers) and the books' receipts with TDS (the Receipts sheet, else TDS "
        "Receivable in the Journal), with the customers' TANs from the Customers sheet; match "
        "them by TAN, TDS and quarter, and list TDS in 26AS not in the books and in the books "
        "not in 26AS, each 26AS row with its booking status (U, P, F, O) explained. Exit status "
        "1 when anything is left over or not yet final.",
        epilog="Example: xlbo tds-recon --26as 26AS.txt --books books.xlsx --out tds-recon.xlsx",
    )
    tds.add_argument("--26as", dest="form26as", required=True, metavar="26AS", help="Form 26AS")
    tds.add_argument("--books", required=True, help="the books with Receipts (or the Journal)")
    tds.add_argument("--master", help="the master workbook with Customers (default: the books)")
    tds.add_argument("--out", default="tds-recon.xlsx", help="the workbook to write")
    tds.set_defaults(run=cmd_tds_recon)

    payables = jobs.add_parser(
        "payables",
        help="propose a payment run (due dates, MSME, TDS); --confirm writes the bank file",
        description="Read the Purchases sheet of BOOK, the Vendors, TDS Rules and payments in "
        "the Journal, and write a payment run as on --as-on: every open bill with its due date "
        "(MSME: 45 days from acceptance at most, 15 without an agreement), days overdue, "
        "s.43B(h) risk, TDS by section with why, and the net to pay. Tick Pay in the run, then "
        "--confirm RUN writes the bank's bulk-payment file (Payment Layouts), the payment "
        "journal and a payment advice per vendor. Exit status 1 when a bill or tick has a "
        "problem (Issues sheet).",
        epilog="Example: xlbo payables books.xlsx --master master.xlsx --as-on 30-11-2026 "
        "--out run.xlsx, then xlbo payables --confirm run.xlsx --date 02-12-2026",
    )
    payables.add_argument("book", nargs="?", help="the books with the Purchases sheet")
    payables.add_argument("--master", help="the master workbook with Vendors (default: BOOK)")
    payables.add_argument("--as-on", help="the day of the run (dd-mm-yyyy)")
    payables.add_argument(
        "--out", help="the run workbook (default payment-run.xlsx); with --confirm a folder"
    )
    payables.add_argument("--confirm", metavar="RUN", help="a run whose Pay column you ticked")
    payables.add_argument("--date", help="--confirm: the day the bank pays (default: the run's)")
    payables.add_argument("--layout", help="--confirm: the Payment Layouts layout to write")
    payables.add_argument("--bank-account", help="--confirm: the Bank Accounts row to pay from")
    payables.set_defaults(run=cmd_payables)

    contracts = jobs.add_parser(
        "contracts",
        help="contracts that end, need notice or whose guarantee expires soon; an .ics",
        description="Read the Contracts sheet and list what ends or renews, needs notice, or "
        "has a bank guarantee expiring in the next --days days (and dates already missed), with "
        "MSME payment terms above 45 days flagged; write the alerts workbook and a calendar "
        "(.ics, a reminder a week before each date) beside it.",
        epilog="Example: xlbo contracts books.xlsx --as-on 01-12-2026 --days 60 --out alerts.xlsx",
    )
    contracts.add_argument("book", help="the workbook with the Contracts sheet")
    contracts.add_argument("--master", help="the master workbook with Vendors (default: BOOK)")
    contracts.add_argument("--as-on", required=True, help="the day to look ahead from")
    contracts.add_argument("--days", type=int, default=30, help="days ahead (default 30)")
    contracts.add_argument("--out", default="contract-alerts.xlsx", help="the alerts workbook")
    contracts.set_defaults(run=cmd_contracts)

    statements = jobs.add_parser(
        "statements",
        help="a statement of account per customer (xlsx and PDF) and the reminder list",
        description="From the Journal (and Opening Bills): each customer's opening balance, "
        "invoices, receipts, credit and debit notes, TDS deducted by the customer and running "
        "balance from --from (default: the start of the financial year) to --as-on, with the "
        "ageing of unpaid invoices, advances not yet applied and credit-limit breaches; a "
        "summary and the invoices past the customer's credit days, most overdue first.",
        epilog="Example: xlbo statements books.xlsx --master master.xlsx --as-on 30-11-2026 "
        "--out statements-2026-11",
    )
    statements.add_argument("book", help="the books with the Journal")
    statements.add_argument("--master", help="the master workbook with Customers (default: BOOK)")
    statements.add_argument("--as-on", required=True, help="the day the statements end")
    statements.add_argument("--from", dest="start", help="the first day (default: FY start)")
    statements.add_argument("--out", default="statements", help="the folder to write")
    statements.add_argument("--no-pdf", action="store_true", help="workbooks only, no PDFs")
    statements.set_defaults(run=cmd_statements)

    stock = jobs.add_parser(
        "stock",
        help="the stock register (weighted average), what to reorder, purchase requests",
        description="Read Stock Items, Stock Moves and Purchase Requests: each item's opening, "
        "receipts, issues and closing with value by moving weighted average; an issue that "
        "would take stock below zero is an Issue naming its row; a reorder list that counts "
        "requests still open, so nothing is requested twice, saying why each item is or is "
        "not on it; and one purchase request per preferred vendor, numbered PR/26-27/0001.",
        epilog="Example: xlbo stock books.xlsx --as-on 30-11-2026 --out stock.xlsx",
    )
    stock.add_argument("book", help="the workbook with the Stock Items sheet")
    stock.add_argument("--master", help="the master workbook with Vendors (default: BOOK)")
    stock.add_argument("--as-on", required=True, help="the day the register runs to")
    stock.add_argument("--out", default="stock.xlsx", help="the stock workbook")
    stock.set_defaults(run=cmd_stock)

    calendar = jobs.add_parser(
        "calendar",
        help="meetings and statutory due dates as a calendar (.ics) and a Due sheet",
        description="Write the Meetings (with their repeat rules and reminders), the due dates "
        "of the Compliance Rules that apply to the company (GST, TDS, PF, ESI, PT, ROC; an "
        "Extended To row moves a date), contract dates and vendors' bills falling due, from "
        "--from to --to, as an iCalendar file Outlook and Google import; and beside it a "
        "workbook whose Due sheet lists what is overdue and what falls due in the next 7 days "
        "as on --as-on (default today), with who owns each.",
        epilog="Example: xlbo calendar books.xlsx --from 01-12-2026 --to 31-03-2027 "
        "--out calendar.ics",
    )
    calendar.add_argument("book", help="the workbook with Meetings and Compliance Rules")
    calendar.add_argument("--master", help="the master workbook with the Company (default: BOOK)")
    calendar.add_argument(
        "--from", dest="start", help="the first day (default: the first of the --as-on month)"
    )
    calendar.add_argument("--to", dest="end", help="the last day (default: twelve months on)")
    calendar.add_argument("--as-on", help="the day the Due sheet counts from (default: today)")
    calendar.add_argument("--out", default="calendar.ics", help="the calendar file (.ics)")
    calendar.set_defaults(run=cmd_calendar)

    workbooks = jobs.add_parser(
        "workbooks",
        help="build the workbooks and Excel code users open",
        description="Write the master-data template, the xlwings Lite main.py and "
        "requirements.txt, and the classic add-in's ribbon and VBA callbacks, from code.",
        epilog="Example: xlbo workbooks build --out workbooks",
    )
    workbooks.add_argument("action", choices=["build"], help="what to do")
    workbooks.add_argument("--out", default="workbooks", help="folder to write into")
    workbooks.set_defaults(run=cmd_workbooks)

    letters = jobs.add_parser(
        "letters",
        help="merge a Word template with each row of a sheet: .docx, PDF and mail drafts",
        description="Merge a Word template with each row of a sheet (Employees, Customers, "
        "Vendors or any sheet with a header row): one .docx, one PDF and one mail draft (.eml, "
        "to the row's Email, the letter attached) a row. A tag names a column by its header "
        "with every space or sign made _ ({{ Employee_ID }}, {{ Date_of_Joining }}) or as "
        '{{ row["Father\'s Name"] }}; {{ company.Name }}, {{ today }} and the filters inr, '
        "words and mask are there too. xlbo's own letters (appointment, experience, "
        "salary-certificate, payment-reminder, payment-advice) come in English and Hindi: "
        "each row in its Language column's, else the Company sheet's Language. A tag Word has "
        "split, or one naming no column, stops the merge before any file is written (exit 2).",
        epilog="Examples: xlbo letters appointment --data master.xlsx --out letters | "
        "xlbo letters offer.docx --data master.xlsx --sheet Employees --out letters | "
        "xlbo letters payment-reminder --data master.xlsx --books books.xlsx --as-at 30-11-2026 | "
        "xlbo letters --template appointment --language hi --out appointment-hi.docx",
    )
    letters.add_argument(
        "template", nargs="?", help="a Word template (.docx), or one of xlbo's letters by name"
    )
    letters.add_argument("--data", help="the workbook with the rows to merge (the master)")
    letters.add_argument("--sheet", help="the sheet of the rows (xlbo's letters know theirs)")
    letters.add_argument("--out", help="folder for the letters (default: letters)")
    letters.add_argument("--master", help="the master with the Company sheet (default: --data)")
    letters.add_argument("--books", help="the books with the Journal (reminders, payment advice)")
    letters.add_argument(
        "--payroll", help="the folder of the payroll registers (salary certificate)"
    )
    letters.add_argument("--as-at", help="the letters' date, DD-MM-YYYY (default: today)")
    letters.add_argument("--subject", help="the mails' subject (default: the template's title)")
    letters.add_argument("--language", choices=["en", "hi"], help="one language for every row")
    letters.add_argument(
        "--attach", choices=["pdf", "docx"], default="pdf", help="what the mail drafts carry"
    )
    letters.add_argument("--no-pdf", action="store_true", help="write .docx letters but no PDFs")
    letters.add_argument(
        "--template",
        dest="write_template",
        metavar="NAME",
        help="write xlbo's letter NAME as a Word template to --out (a .docx) instead of merging",
    )
    letters.set_defaults(run=cmd_letters)

    addin = jobs.add_parser(
        "addin",
        help="install or remove the Excel add-ins (Windows and macOS)",
        description="Install the xlwings add-in and xlbo.xlam (the xlbo ribbon tab, set up for "
        "this Python and checkout) into Excel's start-up folder through xlwings' own command "
        "line; uninstall removes xlbo.xlam.",
        epilog="Example: xlbo addin install",
    )
    addin.add_argument("action", choices=["install", "uninstall"], help="what to do")
    addin.set_defaults(run=cmd_addin)

    audit = jobs.add_parser(
        "audit",
        help="check the books' audit log, or write the auditor's report of it",
        description="Every job that writes or posts appends to BOOK.xlbo-log.jsonl beside the "
        "books (who, when, which job, inputs and outputs with SHA-256, each record old -> new), "
        "each entry chained to the one before. verify checks the chain, the head the books "
        "carry and the books' Journal and master rows against the last run's snapshot (exit 0 "
        "when all holds, 2 with what does not); report writes who, when, what, old -> new.",
        epilog="Example: xlbo audit verify books.xlsx; xlbo audit report books.xlsx --from "
        "01-04-2026 --to 31-03-2027 --out audit.xlsx",
    )
    audit.add_argument("action", choices=["verify", "report"], help="what to do")
    audit.add_argument("book", help="the books whose log to check")
    audit.add_argument("--from", dest="start", help="report: the first day (default: all)")
    audit.add_argument("--to", dest="end", help="report: the last day (default: all)")
    audit.add_argument("--out", help="report: the workbook to write (default BOOK-audit.xlsx)")
    audit.set_defaults(run=cmd_audit)

    leave = jobs.add_parser(
        "leave",
        help="leave balances, accrual, lapse and encashment; the employee files' missing papers",
        description="From the master's Employees, Leave Rules (Maharashtra's Shops and "
        "Establishments Act shipped), Leave Taken and Employee Documents: each employee's "
        "leave brought forward, earned, taken, lapsed and its encashment value as on a day, "
        "the year-by-year working, and the documents missing from each employee's file.",
        epilog="Example: xlbo leave master.xlsx --as-on 30-11-2026 --out leave.xlsx",
    )
    leave.add_argument("master", help="the master workbook")
    leave.add_argument("--as-on", required=True, help="the day the balances are as on")
    leave.add_argument("--out", default="leave.xlsx", help="the workbook to write")
    leave.set_defaults(run=cmd_leave)

    settlement = jobs.add_parser(
        "final-settlement",
        help="one leaving employee's full-and-final: salary, leave, gratuity, bonus, recoveries",
        description="The unpaid salary of the leaving month (through payroll), leave "
        "encashment, gratuity, the year's bonus, notice-period recovery, the Recoveries "
        "sheet's loans and advances, TDS on the total and the pay-by date (two working days, "
        "Code on Wages s.17(2)); writes the settlement, its working, the journal and a letter.",
        epilog="Example: xlbo final-settlement master.xlsx --employee E014 --leaving "
        "27-11-2026 --notice-given 30-10-2026 --out settlements",
    )
    settlement.add_argument("master", help="the master workbook")
    settlement.add_argument("--employee", required=True, help="the Employee ID")
    settlement.add_argument("--leaving", required=True, help="the last working day")
    settlement.add_argument(
        "--reason",
        default="Resignation",
        help="Resignation (default), Retirement, Termination, Death or Disablement",
    )
    settlement.add_argument("--notice-given", help="the day notice was given (resignation)")
    settlement.add_argument("--bonus-rate", help="the year's bonus rate (default: 8.33%%)")
    settlement.add_argument("--payroll", help="the folder of this year's payroll registers")
    settlement.add_argument("--out", default="settlements", help="the folder to write")
    settlement.set_defaults(run=cmd_final_settlement)

    demo = jobs.add_parser(
        "demo",
        help="build the demo company and run every job on it",
        description="Build Sahyadri Tradelinks Private Limited, a fictional Pune trading company "
        "(64 employees in six states, 40 vendors, 30 customers, a month of books and bank "
        "statement), then run every job on it and say where each output is.",
        epilog="Example: xlbo demo out/demo --seed 7",
    )
    demo.add_argument("outdir", nargs="?", default="xlbo-demo", help="folder for the files")
    demo.add_argument("--seed", type=int, default=2026, help="the same seed gives the same company")
    demo.set_defaults(run=cmd_demo)
    return parser


class _Terminal:
    """sys.stdout while a job runs: when the reader has gone (`| head -0`, a closed pipe) or the
    place is full (`> /dev/full`), what is left to say is dropped and the job keeps its own exit
    code. The outputs are written by then; a scheduler must not read that as a bug (exit 70)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lost = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                self.stream.write(text)
            except OSError:
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self.stream.flush()
            except OSError:
                self._lose()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def _lose(self) -> None:
        """Nobody reads any more: send the rest (and Python's last flush at exit) nowhere."""
        self.lost = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            nowhere = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nowhere, self.stream.fileno())
            os.close(nowhere)

    @classmethod
    @contextlib.contextmanager
    def around(cls) -> Iterator[None]:
        stdout = sys.stdout
        terminal = cls(stdout)
        sys.stdout = terminal
        try:
            yield
        finally:
            terminal.flush()  # never raises: a reader that went away is no error of the job
            if sys.stdout is terminal:
                sys.stdout = stdout


def _debug_first(argv: Sequence[str]) -> list[str]:
    """The arguments with `--debug` moved before the command, where the parser takes it: the
    internal error's note says "run again with --debug", and a user adds it at the end.

    >>> _debug_first(["reconcile", "--bank", "b.xlsx", "--debug"])
    ['--debug', 'reconcile', '--bank', 'b.xlsx']
    """
    given = list(argv)
    ends = given.index("--") if "--" in given else len(given)
    if "--debug" not in given[:ends]:
        return given
    return ["--debug", *[a for a in given[:ends] if a != "--debug"], *given[ends:]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_debug_first(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        from xlbo.book.atomic import collect_kept

        with _Terminal.around():
            with collect_kept() as kept:
                code: int = args.run(args)
            for sentence in kept:  # an earlier output the run would have replaced
                print(sentence)
            return code
    except UserError as error:
        print(f"xlbo: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as stop:  # Ctrl+C, or SIGTERM while writing (`Stopped`)
        print("xlbo: stopped.", file=sys.stderr)
        return 128 + int(getattr(stop, "signum", 2))
    except Exception as error:  # a bug in xlbo: say so plainly, details on request
        if args.debug:
            traceback.print_exc()
        print(
            f"xlbo: internal error ({type(error).__name__}: {error}). This is a bug in xlbo, not "
            "in your file; run again with --debug for details and report it.",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
