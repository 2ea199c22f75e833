"""A new user's files from other people (issue #12, the review): what works now and must stay so.

Each case is one thing a reviewer tried as a user would, beyond the rest of the corpus: a
statement CSV saved with a byte-order mark, CRLF and a DOS end-of-file mark; amounts typed as
text with Dr/Cr, brackets or signs; inputs saved again by LibreOffice; a BRS marked up with
formulas that LibreOffice calculated, or with a column inserted and the rows sorted; paths with
spaces and Devanagari; an --out that is an input under another name; two runs into one folder at
once; Ctrl+C while a statement is read; and `import-tally` fed what the other jobs are fed.

The inputs are the demo company's files (`build_demo`), changed by code in tmp_path.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, as_from_a_terminal, run_xlbo
from xlbo.cli import main
from xlbo.demo import DemoFiles, build_demo

#: What the demo's October reconciliation comes to, from every door.
DEMO_BRS = "53 matches, 3 bank and 2 ledger lines unmatched"
TIES = "BRS difference 0.00"
XLBO = (sys.executable, "-m", "xlbo")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"))


def copy(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target


def statement_rows(demo: DemoFiles) -> list[list[Any]]:
    """The demo statement's cells, row by row, blanks as empty strings (as a CSV has them)."""
    sheet = openpyxl.load_workbook(demo.statement).active
    assert sheet is not None
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def one_amount_column(demo: DemoFiles, folder: Path, write: Callable[[float, bool], str]) -> Path:
    """The demo statement with Withdrawal and Deposit folded into one text column `Amount`,
    each line's amount written by `write(amount, is_withdrawal)`."""
    rows = statement_rows(demo)
    header = next(i for i, row in enumerate(rows) if row[0] == "Date")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Statement"
    for i, row in enumerate(rows):
        if i == header:
            sheet.append(["Date", "Narration", "Chq./Ref.No.", "Value Dt", "Amount", "Balance"])
        elif i > header + 1 and row[0] and isinstance(row[6], int | float):
            withdrawal = row[4] != ""
            amount = write(float(row[4] if withdrawal else row[5]), withdrawal)
            sheet.append([*row[:4], amount, f"{float(row[6]):,.2f} Cr"])
        else:
            sheet.append(row[:6])
    path = folder / "statement.xlsx"
    book.save(path)
    return path


def reconcile(demo: DemoFiles, folder: Path, *extra: str) -> tuple[int, str]:
    """`xlbo reconcile` in this process on the demo's statement and ledger; (exit, what it said)."""
    return _in_process(
        ["reconcile", "--bank", str(demo.statement), "--ledger", str(demo.ledger), *extra], folder
    )


def _in_process(argv: list[str], folder: Path) -> tuple[int, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    said = out.getvalue() + err.getvalue()
    assert "Traceback" not in said and "internal error" not in said, said
    return code, said


# -- reading -----------------------------------------------------------------------------------


def test_statement_csv_with_bom_crlf_and_a_ctrl_z_at_the_end_reconciles(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """A statement CSV as old Windows tools save it: UTF-8 with a byte-order mark, CRLF line
    ends and a DOS end-of-file mark (Ctrl-Z, 0x1A) after the last line."""
    bank = tmp_path / "hdfc.csv"
    with bank.open("w", newline="", encoding="utf-8-sig") as file:
        csv.writer(file, lineterminator="\r\n").writerows(statement_rows(demo))
    with bank.open("ab") as file:
        file.write(b"\x1a")
    ledger = copy(demo.ledger, tmp_path, "tally.xlsx")
    folder = Folder(tmp_path)
    outcome = run_xlbo(
        "reconcile", "--bank", bank, "--ledger", ledger, "--out", "brs.xlsx", cwd=tmp_path
    )
    assert outcome.code == 0, outcome.said
    assert DEMO_BRS in outcome.out and TIES in outcome.out
    assert "0 unreadable cells" in outcome.out
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert folder.inputs_unchanged() == [
        "brs-matches.csv",
        "brs-suggestions.csv",
        "brs-unmatched-bank.csv",
        "brs-unmatched-ledger.csv",
        "brs.xlsx",
    ]


AMOUNTS: dict[str, Callable[[float, bool], str]] = {
    "dr-cr": lambda amount, out: f"{amount:,.2f} {'Dr' if out else 'Cr'}",
    "brackets": lambda amount, out: f"({amount:,.2f})" if out else f"{amount:,.2f}",
    "trailing-minus": lambda amount, out: f"{amount:,.2f}-" if out else f"{amount:,.2f}",
    "signs": lambda amount, out: f"{'-' if out else '+'}{amount:,.2f}",
}


@pytest.mark.parametrize("write", AMOUNTS.values(), ids=AMOUNTS.keys())
def test_one_amount_column_of_text_reconciles_like_two_columns(
    demo: DemoFiles, tmp_path: Path, write: Callable[[float, bool], str]
) -> None:
    """Withdrawals and deposits in one text column: `1,80,882.00 Dr`, `(1,80,882.00)`,
    `1,80,882.00-` or `-1,80,882.00` — the same 53 matches as the bank's own two columns."""
    bank = one_amount_column(demo, tmp_path, write)
    code, said = reconcile(demo, tmp_path, "--bank", str(bank), "--out", str(tmp_path / "b.xlsx"))
    assert code == 0, said
    assert DEMO_BRS in said and TIES in said and "0 unreadable cells" in said


def test_a_statement_exported_with_month_first_dates_is_read_month_first(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """A statement from a US-locale export: `10/13/26` for 13 October. The column says which
    way round it is (a first part past 12 never happens), so every line keeps its real date."""
    book = openpyxl.load_workbook(demo.statement)
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=12):
        for cell in (row[0], row[3]):
            if isinstance(cell.value, str) and cell.value[2:3] == "/" and len(cell.value) == 8:
                day, month, year = cell.value.split("/")
                cell.value = f"{month}/{day}/{year}"
    bank = tmp_path / "us.xlsx"
    book.save(bank)
    out = tmp_path / "brs.xlsx"
    code, said = reconcile(demo, tmp_path, "--bank", str(bank), "--out", str(out))
    assert code == 0 and DEMO_BRS in said and TIES in said, said
    unmatched = list(openpyxl.load_workbook(out)["Unmatched Bank"].values)[1:]
    assert [row[1] for row in unmatched] == [
        datetime(2026, 10, 8),
        datetime(2026, 10, 31),
        datetime(2026, 10, 31),
    ]


def test_workbooks_a_script_touched_at_the_last_row_read_normally(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """openpyxl creates an empty cell when a script looks at `ws.cell(1048576, 1)`, and saves a
    dimension of A1:AB1048576 (master) or A1:G1048576 (statement): the files still read, each
    in its own process well under 2 GB."""
    for source, sheet in ((demo.master, "Employees"), (demo.statement, "Statement")):
        book = openpyxl.load_workbook(source)
        book[sheet].cell(1048576, 1)
        book.save(tmp_path / source.name)
    master, bank = tmp_path / demo.master.name, tmp_path / demo.statement.name
    ledger = copy(demo.ledger, tmp_path)
    folder = Folder(tmp_path)
    outcome = run_xlbo("validate", master, "--out", "v.xlsx", cwd=tmp_path)
    assert outcome.code == 1 and "14 errors, 2 warnings, 1 note" in outcome.out, outcome.said
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    outcome = run_xlbo(
        "reconcile", "--bank", bank, "--ledger", ledger, "--out", "b.xlsx", cwd=tmp_path
    )
    assert outcome.code == 0 and DEMO_BRS in outcome.out and TIES in outcome.out, outcome.said
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert folder.inputs_unchanged() == ["b.xlsx", "v.xlsx"]


STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_a_statement_saved_as_strict_open_xml_reconciles(demo: DemoFiles, tmp_path: Path) -> None:
    """Excel's "Strict Open XML Spreadsheet" (File > Save As): the same parts under the ISO
    namespaces. It reads like the usual .xlsx."""
    bank = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(demo.statement) as source, zipfile.ZipFile(bank, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            for transitional, strict in STRICT.items():
                data = data.replace(transitional, strict)
            target.writestr(name, data)
    code, said = reconcile(demo, tmp_path, "--bank", str(bank), "--out", str(tmp_path / "b.xlsx"))
    assert code == 0 and DEMO_BRS in said and TIES in said, said


def test_inputs_saved_again_by_libreoffice_give_the_same_figures(
    demo: DemoFiles, tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """A colleague opens the files in LibreOffice and saves them: styles, shared strings and
    dimensions change, the figures do not."""
    for source in (demo.master, demo.books, demo.statement, demo.ledger):
        copy(source, tmp_path)
    saved = libreoffice(tmp_path / demo.master.name, "xlsx")
    for source in (demo.books, demo.statement, demo.ledger):
        libreoffice(tmp_path / source.name, "xlsx")
    master, books = saved / demo.master.name, saved / demo.books.name
    statement, ledger = saved / demo.statement.name, saved / demo.ledger.name
    out = tmp_path / "out"
    code, said = _in_process(["validate", str(master), "--out", str(out / "v.xlsx")], tmp_path)
    assert code == 1 and "14 errors, 2 warnings, 1 note" in said
    code, said = _in_process(
        [
            "reconcile",
            "--bank",
            str(statement),
            "--ledger",
            str(ledger),
            "--out",
            str(out / "b.xlsx"),
        ],
        tmp_path,
    )
    assert code == 0 and DEMO_BRS in said and TIES in said
    code, said = _in_process(
        [
            "report",
            "pack",
            str(books),
            "--master",
            str(master),
            "--period",
            "2026-10",
            "--out",
            str(out / "p.xlsx"),
        ],
        tmp_path,
    )
    assert code == 0 and "trial balance agrees" in said
    code, said = _in_process(
        ["payroll", str(master), "--month", "2026-10", "--out", str(out / "pay"), "--no-payslips"],
        tmp_path,
    )
    assert code == 1 and "58 paid (₹23,14,896.41 in the bank file), 6 not paid" in said


# -- a marked-up BRS ---------------------------------------------------------------------------


def marked_brs(demo: DemoFiles, folder: Path, mark: Callable[[Any], None]) -> Path:
    """The demo's BRS, written by xlbo, then marked up by `mark(workbook)` as a user would."""
    brs = folder / "brs.xlsx"
    code, said = reconcile(demo, folder, "--out", str(brs))
    assert code == 0, said
    book = openpyxl.load_workbook(brs)
    mark(book)
    book.save(brs)
    return brs


def test_reject_formulas_calculated_by_libreoffice_are_applied(
    demo: DemoFiles, tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """A user fills Reject with `=IF(I2<0,"Reject","")` and saves in LibreOffice (which stores
    each formula's value): the three withdrawals among rows 2–5 are unmatched."""

    def formulas(book: Any) -> None:
        for row in range(2, 6):
            book["Matches"].cell(row, 13).value = f'=IF(I{row}<0,"Reject","")'

    brs = marked_brs(demo, tmp_path, formulas)
    saved = libreoffice(brs, "xlsx") / brs.name
    code, said = reconcile(demo, tmp_path, "--confirm", str(saved))
    assert code == 0, said
    assert "50 matches, 6 bank and 5 ledger lines unmatched" in said and TIES in said
    assert f"Kept your earlier {brs.name} as brs (previous).xlsx." in said


def _insert_a_column(book: Any) -> None:
    sheet = book["Matches"]
    sheet.insert_cols(6)
    sheet["F1"], sheet["F2"], sheet["N2"] = "My comment", "wrong party", "reject"


def _sort_newest_first(book: Any) -> None:
    sheet = book["Matches"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    for r, values in enumerate(reversed(rows), start=2):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c).value = value
    sheet["M2"] = "Reject"


def _row_numbers_as_text(book: Any) -> None:
    sheet = book["Matches"]
    for row in range(2, sheet.max_row + 1):
        for column in (2, 3):
            sheet.cell(row, column).value = str(sheet.cell(row, column).value)
    sheet["M2"] = "Reject"


def _filter_and_hide(book: Any) -> None:
    sheet = book["Matches"]
    sheet.auto_filter.ref = sheet.dimensions
    sheet.row_dimensions[3].hidden = True
    sheet["M2"] = "Reject"


EDITS = {
    "column-inserted": _insert_a_column,
    "sorted": _sort_newest_first,
    "row-numbers-as-text": _row_numbers_as_text,
    "filtered": _filter_and_hide,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_reject_survives_the_ways_users_rearrange_the_matches_sheet(
    demo: DemoFiles, tmp_path: Path, edit: Callable[[Any], None]
) -> None:
    """One Reject on a Matches sheet a user rearranged (a comment column inserted before
    Reject, the rows sorted, row numbers turned into text, a filter with a hidden row): the
    match is undone, its two lines go back to the unmatched lists."""
    brs = marked_brs(demo, tmp_path, edit)
    code, said = reconcile(demo, tmp_path, "--confirm", str(brs))
    assert code == 0, said
    assert "52 matches, 4 bank and 3 ledger lines unmatched" in said and TIES in said


def test_a_reject_typed_into_the_matches_csv_and_saved_by_excel_on_windows_is_applied(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """With --detail csv the matches are in brs-matches.csv; the user marks Reject there and
    Excel on Windows saves it back as cp1252 with CRLF and no byte-order mark."""
    brs = tmp_path / "brs.xlsx"
    code, said = reconcile(demo, tmp_path, "--out", str(brs), "--detail", "csv")
    assert code == 0, said
    matches = tmp_path / "brs-matches.csv"
    with matches.open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    rows[1][rows[0].index("Reject")] = "Reject"
    with matches.open("w", newline="", encoding="cp1252") as file:
        csv.writer(file, lineterminator="\r\n").writerows(rows)
    code, said = reconcile(demo, tmp_path, "--confirm", str(brs))
    assert code == 0, said
    assert "52 matches, 4 bank and 3 ledger lines unmatched" in said and TIES in said


# -- where the outputs go ----------------------------------------------------------------------


def test_paths_with_spaces_and_devanagari(demo: DemoFiles, tmp_path: Path) -> None:
    """A folder and files named in Hindi with spaces: the statement, the ledger, the BRS and
    its CSV detail, and a payroll folder all keep their names."""
    folder = tmp_path / "मेरा फ़ोल्डर"
    folder.mkdir()
    bank = copy(demo.statement, folder, "बैंक.xlsx")
    ledger = copy(demo.ledger, folder, "टैली लेजर.xlsx")
    master = copy(demo.master, folder, "मास्टर डेटा.xlsx")
    before = Folder(folder)
    outcome = run_xlbo(
        "reconcile", "--bank", bank, "--ledger", ledger, "--out", "बीआरएस अक्टूबर.xlsx",
        "--detail", "csv", cwd=folder,
    )  # fmt: skip
    assert outcome.code == 0 and DEMO_BRS in outcome.out, outcome.said
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert "Report: बीआरएस अक्टूबर.xlsx, बीआरएस अक्टूबर-matches.csv" in outcome.out
    code, said = _in_process(
        ["payroll", str(master), "--month", "2026-10", "--out", str(folder / "वेतन अक्टूबर")],
        folder,
    )
    assert code == 1 and "6 not paid" in said
    added = before.inputs_unchanged()
    assert "बीआरएस अक्टूबर-unmatched-bank.csv" in added
    assert "वेतन अक्टूबर/bank-salary-2026-10.csv" in added
    assert sum(name.startswith("वेतन अक्टूबर/payslips-2026-10/") for name in added) == 59


def test_an_out_that_is_an_input_under_another_name_is_refused(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """`--out` naming the statement through a symbolic link, a hard link, or `../folder/`:
    refused at the door, exit 2, every input as it was and nothing added."""
    bank = copy(demo.statement, tmp_path, "bank.xlsx")
    ledger = copy(demo.ledger, tmp_path, "ledger.xlsx")
    (tmp_path / "alias.xlsx").symlink_to("bank.xlsx")
    os.link(bank, tmp_path / "hard.xlsx")
    folder = Folder(tmp_path)
    for out in ("alias.xlsx", "hard.xlsx", f"../{tmp_path.name}/ledger.xlsx"):
        code, said = _in_process(
            ["reconcile", "--bank", str(bank), "--ledger", str(ledger), "--out", out], tmp_path
        )
        assert code == 2, said
        assert "choose another --out" in said and ("bank.xlsx" in said or "ledger.xlsx" in said)
    folder.unchanged()


def test_a_symlinked_output_is_kept_as_previous_and_its_target_left_alone(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """`--out report.xlsx` where report.xlsx is a link to a colleague's file: the link is
    kept as `report (previous).xlsx`, the file it points to is not touched."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "their.xlsx").write_bytes(b"their work")
    (tmp_path / "report.xlsx").symlink_to(shared / "their.xlsx")
    code, said = _in_process(["validate", str(demo.master), "--out", "report.xlsx"], tmp_path)
    assert code == 1, said
    assert "Kept your earlier report.xlsx as report (previous).xlsx." in said
    assert (shared / "their.xlsx").read_bytes() == b"their work"
    assert (tmp_path / "report (previous).xlsx").is_symlink()
    assert openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames[0] == "Summary"


def test_two_reconciliations_into_one_folder_at_once_leave_one_whole_set(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """Two runs with different windows into the same --out at the same moment (a button
    clicked twice): the BRS and its CSV files left in place come from one run, and the other
    run's set is kept whole as (previous)."""

    def start(*window: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                *XLBO,
                "reconcile",
                "--bank",
                str(demo.statement),
                "--ledger",
                str(demo.ledger),
                "--out",
                "brs.xlsx",
                "--detail",
                "csv",
                *window,
            ],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    runs = [start("--days-before", "0", "--days-after", "0"), start()]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    # matches with a window of 0 days, and of the default 7 (with 0 days, Vasundhara Agro's
    # cheque is still found: both its receipts carry the cheque's number, at any distance)
    expected = {"0": 50, "7": 53}
    for stem in ("brs", "brs (previous)"):
        run_sheet = dict(openpyxl.load_workbook(tmp_path / f"{stem}.xlsx")["Run"].values)
        suffix = " (previous)" if "previous" in stem else ""
        with (tmp_path / f"brs-matches{suffix}.csv").open(encoding="utf-8-sig") as file:
            matches = len({row["Match ID"] for row in csv.DictReader(file)})
        assert matches == expected[str(run_sheet["Days After"])], stem
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_ctrl_c_while_the_statement_is_read_stops_and_leaves_nothing(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """Ctrl+C once xlbo has opened a long statement CSV: exit 130, 'stopped', no output, no
    temporary file, the inputs as they were."""
    rows = statement_rows(demo)
    header = next(i for i, row in enumerate(rows) if row[0] == "Date")
    lines = [row for row in rows[header + 2 :] if isinstance(row[6], int | float)]
    bank = tmp_path / "long.csv"
    with bank.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(rows[header])
        for _ in range(4000):  # 200,000 lines: seconds of reading
            writer.writerows(lines)
    ledger = copy(demo.ledger, tmp_path)
    folder = Folder(tmp_path)
    run = subprocess.Popen(
        [*XLBO, "reconcile", "--bank", str(bank), "--ledger", str(ledger), "--out", "brs.xlsx"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        try:
            opened = {
                os.readlink(f"/proc/{run.pid}/fd/{fd}") for fd in os.listdir(f"/proc/{run.pid}/fd")
            }
        except OSError:
            opened = set()
        if str(bank) in opened:
            break
        time.sleep(0.01)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    said = (out + err).decode()
    assert run.returncode == 130, said
    assert "xlbo: stopped." in said and "Traceback" not in said
    folder.unchanged()


def test_a_register_kept_as_previous_is_not_counted_again_in_the_year_to_date(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """September run twice (its first register kept as `… (previous).xlsx` beside the new one),
    then October: October's register is the same as after a single September run."""
    pay = tmp_path / "pay"

    def run(month: str) -> None:
        argv = ["payroll", str(demo.master), "--month", month, "--out", str(pay), "--no-payslips"]
        code, said = _in_process(argv, tmp_path)
        assert code == 1 and "not paid" in said, said

    def october() -> list[list[Any]]:
        book = openpyxl.load_workbook(pay / "payroll-register-2026-10.xlsx")
        return [list(book[name].values) for name in ("Register", "Working", "Summary")]

    run("2026-09")
    run("2026-10")
    once = october()
    run("2026-09")
    assert (pay / "payroll-register-2026-09 (previous).xlsx").exists()
    run("2026-10")
    assert october() == once


# -- import-tally ------------------------------------------------------------------------------

DAY_BOOK: list[list[Any]] = [
    ["Sahyadri Tradelinks Private Limited"],
    ["Day Book"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
    [datetime(2026, 10, 3), "Vardhaman Agencies", "Sales", "S/101", 118000, None],
    [None, "Sales - Goods", None, None, None, 100000],
    [None, "Output IGST", None, None, None, 18000],
    [None, "Being goods sold on invoice S/101", None, None, None, None],
    ["07-10-2026", "Rent", "Payment", "P/55", "30,000.00", None],
    [None, "HDFC Bank Current A/c", None, None, None, "30,000.00"],
]


def day_book(folder: Path, change: Callable[[Any], None] = lambda sheet: None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Day Book"
    for row in DAY_BOOK:
        sheet.append(row)
    change(sheet)
    path = folder / "daybook.xlsx"
    book.save(path)
    return path


def test_import_tally_of_a_sparse_day_book_is_refused_in_its_own_process(tmp_path: Path) -> None:
    """A Day Book with one stray cell at XFD1048576 (17 billion cells declared): exit 2 and the
    reading door's sentence, well under 2 GB, nothing written."""

    def far(sheet: Any) -> None:
        sheet["XFD1048576"] = "x"

    book = day_book(tmp_path, far)
    folder = Folder(tmp_path)
    outcome = run_xlbo("import-tally", book, "--out", "books.xlsx", cwd=tmp_path)
    outcome.plain()
    assert "daybook.xlsx: Day Book is larger than xlbo reads" in outcome.err
    assert "XFD1048576" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def _empty(folder: Path) -> Path:
    path = folder / "daybook.xlsx"
    path.write_bytes(b"")
    return path


def _csv_named_xlsx(folder: Path) -> Path:
    path = folder / "daybook.xlsx"
    path.write_text("Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount\n")
    return path


BAD_DAY_BOOKS: dict[str, tuple[Callable[[Path], Path], list[str], str]] = {
    "empty": (_empty, [], "daybook.xlsx is empty (0 bytes)"),
    "csv-named-xlsx": (_csv_named_xlsx, [], "daybook.xlsx is not an Excel workbook"),
    "no-such-sheet": (day_book, ["--sheet", "Vouchers"], "Vouchers"),
    "out-is-the-day-book": (day_book, ["--out", "daybook.xlsx"], "choose another --out"),
}


@pytest.mark.parametrize("case", BAD_DAY_BOOKS.values(), ids=BAD_DAY_BOOKS.keys())
def test_import_tally_of_a_file_it_cannot_use_is_a_plain_message(
    tmp_path: Path, case: tuple[Callable[[Path], Path], list[str], str]
) -> None:
    make, options, words = case
    book = make(tmp_path)
    folder = Folder(tmp_path)
    argv = ["import-tally", str(book), *options]
    if "--out" not in options:
        argv += ["--out", str(tmp_path / "books.xlsx")]
    code, said = _in_process(argv, tmp_path)
    assert code == 2, said
    assert words in said
    folder.unchanged()


def test_import_tally_leaves_out_a_voucher_with_an_absurd_amount_and_says_where(
    tmp_path: Path,
) -> None:
    """1e20 typed as a sale's amount: that voucher is left out with an Issue at its cell, the
    other voucher becomes Journal lines, exit 1."""

    def absurd(sheet: Any) -> None:
        sheet["E5"], sheet["F6"] = 1e20, 1e20 - 18000

    book = day_book(tmp_path, absurd)
    out = tmp_path / "books.xlsx"
    code, said = _in_process(["import-tally", str(book), "--out", str(out)], tmp_path)
    assert code == 1, said
    issues = {row[2]: row[4] for row in openpyxl.load_workbook(out)["Issues"].values}
    assert "too large to be an amount" in issues["E5"]
    journal = list(openpyxl.load_workbook(out)["Journal"].values)
    assert [row[1] for row in journal[1:]] == ["P/55", "P/55"]
