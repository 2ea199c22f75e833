"""The command line: jobs, help with examples, exit codes, plain errors and never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xlbo import __version__
from xlbo.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for job in ("init", "validate", "payroll", "reconcile", "report", "workbooks", "addin", "demo"):
        assert job in out


@pytest.mark.parametrize("job", ["init", "validate", "workbooks", "addin", "demo"])
def test_each_job_has_help_with_an_example(capsys: pytest.CaptureFixture[str], job: str) -> None:
    with pytest.raises(SystemExit):
        main([job, "--help"])
    assert f"Example: xlbo {job}" in capsys.readouterr().out


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "xlbo", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"xlbo {__version__}"


def test_init_then_validate_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    code, out, _ = run(capsys, "init", str(master))
    assert code == 0 and "Wrote the master-data workbook" in out
    code, out, _ = run(capsys, "validate", str(master))
    assert code == 0
    assert out.startswith("master.xlsx: 0 errors, 0 warnings, 0 notes. Report: ")
    assert (tmp_path / "master-issues.xlsx").exists()


def test_init_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    master.write_bytes(b"precious")
    code, _, err = run(capsys, "init", str(master))
    assert code == 2
    assert "already exists; xlbo will not overwrite it" in err
    assert master.read_bytes() == b"precious"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "was not found"),
        (b"Date,Amount\n", "is not an Excel workbook: it is a text file"),
        (b"PK\x03\x04truncated", "is damaged or incomplete"),
    ],
)
def test_bad_input_gets_one_plain_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, message: str
) -> None:
    master = tmp_path / "master.xlsx"
    if content is not None:
        master.write_bytes(content)
    code, out, err = run(capsys, "validate", str(master))
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""
    assert err.count("\n") <= 2


def test_validate_never_writes_over_its_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    master = tmp_path / "master.xlsx"
    run(capsys, "init", str(master))
    before = master.read_bytes()
    code, _, err = run(capsys, "validate", str(master), "--out", str(master))
    assert code == 2 and "would replace the workbook it checks" in err
    assert master.read_bytes() == before


@pytest.mark.parametrize(
    "job",
    [
        ["report", "trial-balance", "{book}", "--period", "2026-10", "--out", "{book}"],
        [
            "report",
            "pack",
            "{book}",
            "--master",
            "{master}",
            "--period",
            "2026-10",
            "--out",
            "{master}",
        ],
        ["reconcile", "--bank", "{book}", "--ledger", "{master}", "--out", "{master}"],
        ["import-tally", "{book}", "--replace", "--out", "{book}"],
    ],
)
def test_no_job_writes_over_a_workbook_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, job: list[str]
) -> None:
    book, master = tmp_path / "books.xlsx", tmp_path / "master.xlsx"
    run(capsys, "init", str(master))
    run(capsys, "init", str(book))
    before = {p: p.read_bytes() for p in (book, master)}
    code, _, err = run(capsys, *(a.format(book=book, master=master) for a in job))
    assert code == 2 and "which it reads; choose another --out" in err
    assert {p: p.read_bytes() for p in (book, master)} == before


def test_an_edited_run_sheet_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.conftest import write_xlsx

    bank, ledger = tmp_path / "b.xlsx", tmp_path / "l.xlsx"
    bank.write_bytes(b"statement")
    ledger.write_bytes(b"ledger")
    result = write_xlsx(
        tmp_path / "brs.xlsx",
        {"Run": [["Bank", str(bank)], ["Ledger", str(ledger)], ["Days Before", "three"]]},
    )
    code, _, err = run(capsys, "reconcile", "--confirm", str(result))
    assert code == 2 and "'three' under Days Before is not a number of days" in err


def test_demo_runs_every_job_and_says_where(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "demo", str(tmp_path / "demo"))
    assert code == 0
    for name in (
        "master.xlsx",
        "books-2026-10.xlsx",
        "hdfc-statement-2026-10.xlsx",
        "tally-hdfc-ledger-2026-10.xlsx",
        "master-issues.xlsx",
    ):
        assert str(tmp_path / "demo" / name) in out
    assert "14 errors, 2 warnings, 1 note" in out
    # November's invoices: the planted unreadable customer row holds back its two documents
    # and is named; the credit note against the month's first invoice is issued, and so are
    # three contract invoices (SRV) and a receipt voucher; of three receipts the cash of
    # 2,50,000 is refused (s.269ST)
    assert "21 documents issued (2 held back by the planted mistakes)" in out
    register = tmp_path / "demo" / "invoices" / "invoice-register.xlsx"
    book = openpyxl.load_workbook(register, read_only=True)
    issues = [r for r in book["Issues"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert {(r[1], r[2]) for r in issues} == {
        ("Invoices", "D11"),
        ("Invoices", "D32"),
        ("Customers", "I6"),
        ("Receipts", "C4"),
    }
    rows = list(book["Invoice Register"].iter_rows(min_row=2, values_only=True))
    notes = [r for r in rows if r[1] == "Credit Note"]
    assert [(n[0], n[10]) for n in notes] == [("CN/26-27/0001", "INV/26-27/0001")]
    assert (tmp_path / "demo" / "invoices" / "documents" / "CN-26-27-0001.xlsx").exists()
    settled = [r[10] for r in book["Receipt Register"].iter_rows(min_row=2, values_only=True)]
    assert settled == [
        "SRV/26-27/0001 11,800.00; SRV/26-27/0002 23,600.00",
        "SRV/26-27/0003 11,800.00",
    ]
    # letters: an appointment letter for each employee, a reminder to each overdue customer
    # (the two rows with an impossible date or text in Basic get no letter, and say why)
    assert "62 appointment letters (OSH Code)" in out and "17 payment reminders" in out
    assert "(2 employees' rows with a planted mistake left out)" in out
    # returns: GSTR-2B of October and November against the Purchases sheet (one supplier's slip
    # in each kind), Form 26AS against the Receipts sheet's TDS
    assert "11 matched, 0 suggested, 1 mismatched, 2 missing in the books, 1 missing in 2B." in out
    assert "1 matched, 1 in 26AS not in the books, 0 in the books not in 26AS." in out
    # office: supplies (toner has a request open: not asked for twice), the calendar, leave, a
    # full-and-final, and the audit trail every run above left beside the master, verified
    assert "5 stock items worth ₹17,223.21 as on 30-11-2026; 2 to reorder" in out
    assert "(3 meetings, 8 statutory dates)" in out
    assert "Final settlement of SPL001 Sneha Patil: net payable" in out
    assert "The audit log of master.xlsx holds" in out and "the books match" in out
    assert len(list((tmp_path / "demo" / "letters").glob("payment-reminder-*.pdf"))) == 17
    # vendors: a payment run, the micro and small suppliers' bills paid; contracts; statements
    assert "13 open bills of 11 vendors" in out and "8 bills of micro and small suppliers" in out
    assert (tmp_path / "demo" / "payments-2026-12-01" / "NEFT-RTGS-20261201.csv").exists()
    assert "3 contracts: 4 dates in the next 60 days" in out and "25 statements" in out
    # the demo run again in the same folder (the README's first command, typed twice): the
    # bills paid by the first run are not paid again, and it says so (was an internal error)
    code, again, _ = run(capsys, "demo", str(tmp_path / "demo"))
    assert code == 0, again
    assert "not paid again: an earlier run of the demo in this folder paid them" in again
    assert (tmp_path / "demo" / "payments-2026-12-01" / "NEFT-RTGS-20261201.csv").exists()


def test_validate_finds_errors_exit_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "demo", str(tmp_path))
    code, out, _ = run(
        capsys, "validate", str(tmp_path / "master.xlsx"), "--out", str(tmp_path / "r.xlsx")
    )
    assert code == 1
    assert "14 errors, 2 warnings, 1 note" in out


def test_a_bug_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("xlbo.master.template.write_master", broken)
    code, _, err = run(capsys, "init", str(tmp_path / "m.xlsx"))
    assert code == 70
    assert "internal error (ZeroDivisionError: oops). This is a bug in xlbo" in err
    assert "Traceback" not in err


def test_debug_given_after_the_command_shows_the_details(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # the note says "run again with --debug"; a user adds it at the end of the line
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("xlbo.master.template.write_master", broken)
    code, _, err = run(capsys, "init", str(tmp_path / "m.xlsx"), "--debug")
    assert code == 70
    assert "Traceback" in err and "ZeroDivisionError: oops" in err
    code, _, err = run(capsys, "--debug", "init", str(tmp_path / "m.xlsx"))
    assert code == 70 and "Traceback" in err


def test_addin_elsewhere_than_windows_and_macos(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(capsys, "addin", "install")
    assert code == 2
    assert "Excel add-ins install on Windows and macOS only" in err


def test_addin_install_goes_through_xlwings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []
    startup = tmp_path / "XLSTART"
    startup.mkdir()

    def xlwings_cli(command: list[str]) -> int:
        calls.append(command)
        if command[-2:-1] == ["--file"]:
            shutil.copy(command[-1], startup)
        return 0

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr("subprocess.call", xlwings_cli)
    monkeypatch.setattr("xlbo.excel.addin.startup_folder", lambda python: startup)
    code, out, _ = run(capsys, "addin", "install")
    assert code == 0
    xlwings = [sys.executable, "-m", "xlwings.cli", "addin", "install"]
    assert calls[0] == xlwings  # xlwings' own add-in, then ours built for this machine
    assert calls[1][:-1] == [*xlwings, "--file"] and calls[1][-1].endswith("xlbo.xlam")
    assert "UDF Modules: xlbo_master;xlbo_validation;xlbo_payroll" in out


def test_addin_uninstall_removes_xlbo_xlam(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr("subprocess.call", lambda command: calls.append(command) or 0)
    monkeypatch.setattr("xlbo.excel.addin.startup_folder", lambda python: tmp_path)
    code, _, _ = run(capsys, "addin", "uninstall")
    assert code == 0
    assert calls == [
        [sys.executable, "-m", "xlwings.cli", "addin", "remove", "--file", "xlbo.xlam"]
    ]


def test_ctrl_c_while_xlbo_loads_stops_quietly(tmp_path: Path) -> None:
    import signal
    import time

    from tests.hostile.harness import as_from_a_terminal

    master = tmp_path / "master.xlsx"
    assert main(["init", str(master)]) == 0
    for delay in (0.1, 0.25, 0.4):
        process = subprocess.Popen(
            [sys.executable, "-m", "xlbo", "validate", str(master)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            preexec_fn=as_from_a_terminal,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert "Traceback" not in err, (delay, err)
        # stopped by xlbo (130), before Python took the signal (-2), or finished before it came
        assert process.returncode in (130, -signal.SIGINT, 0, 1), (delay, err)
