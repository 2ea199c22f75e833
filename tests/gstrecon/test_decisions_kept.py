"""Decisions on the Suggested sheet are never dropped without a word (#15 review): a rerun whose
earlier result lost its Suggested sheet (renamed, deleted), its Decision column or a column a pair
is known by, or that cannot be read, is refused with exit 2 naming the file, the sheet or column
and what to do, and the earlier result is left as it was. A result that never suggested anything
is read as before. The decision words are the bank reconciliation's own (`xlbo.decisions`). The
run's messages count the register's rows left out apart from the Decision cells not understood."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.gstrecon.builders import books
from tests.gstrecon.scenario import PURCHASES, month
from tests.gstrecon.test_decisions import decide, run, stages
from tests.test_doors import book_of
from xlbo.excel.lite import run_script
from xlbo.gstrecon.decisions import _decision_of
from xlbo.gstrecon.engine import Decision
from xlbo.gstrecon.register import XLBO_HEADERS

Inputs = tuple[Path, Path, Path]


@pytest.fixture
def accepted(tmp_path: Path) -> tuple[Inputs, Path]:
    """A first run, and Accept typed on its one suggestion (KL-778 against 2B's KLT/778)."""
    inputs = month(tmp_path)
    out = tmp_path / "recon.xlsx"
    assert run(*inputs, out) == 1
    decide(out, "Accept")
    return inputs, out


def _rename_sheet(out: Path) -> None:
    book = openpyxl.load_workbook(out)
    book["Suggested"].title = "Suggested (mine)"
    book.save(out)


def _delete_sheet(out: Path) -> None:
    book = openpyxl.load_workbook(out)
    del book["Suggested"]
    book.save(out)


def _rename_header(header: str, to: str) -> Callable[[Path], None]:
    def edit(out: Path) -> None:
        book = openpyxl.load_workbook(out)
        cell = next(c for r in book["Suggested"].iter_rows() for c in r if c.value == header)
        cell.value = to
        book.save(out)

    return edit


def _garble(out: Path) -> None:
    out.write_bytes(b"PK\x03\x04 not a workbook any more")


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (_rename_sheet, "recon.xlsx has no Suggested sheet but has 'Suggested (mine)'"),
        (_delete_sheet, "recon.xlsx is a GSTR-2B reconciliation with suggested pairs but has no "),
        (_rename_header("Decision", "My call"), "sheet Suggested: no 'Decision' column"),
        (_rename_header("Bill No (2B)", "2B Bill"), "sheet Suggested: no 'Bill No (2B)' column"),
        (_garble, "recon.xlsx is damaged or incomplete and cannot be read"),
    ],
    ids=["sheet renamed", "sheet deleted", "Decision renamed", "key renamed", "unreadable"],
)
def test_a_result_whose_decisions_cannot_be_read_is_refused_and_kept(
    accepted: tuple[Inputs, Path],
    edit: Callable[[Path], None],
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inputs, out = accepted
    edit(out)
    before = out.read_bytes()
    folder = sorted(p.name for p in out.parent.iterdir())
    capsys.readouterr()
    assert run(*inputs, out) == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err and "internal error" not in err
    assert "cannot be read" in err and "run again" in err
    assert out.read_bytes() == before  # the marked-up result is not replaced
    assert sorted(p.name for p in out.parent.iterdir()) == folder


def test_with_the_sheet_named_back_the_decision_is_applied(
    accepted: tuple[Inputs, Path],
) -> None:
    inputs, out = accepted
    _rename_sheet(out)
    assert run(*inputs, out) == 2
    book = openpyxl.load_workbook(out)
    book["Suggested (mine)"].title = "Suggested"
    book.save(out)
    assert run(*inputs, out) == 1
    assert stages(out)["Matched"] == 6 and stages(out)["Suggested"] == 0


def test_a_result_that_suggested_nothing_needs_no_suggested_sheet(tmp_path: Path) -> None:
    """No suggestion, so no decision to lose: a Suggested sheet deleted (or never written), or
    its headers renamed over no pair, is no reason to stop."""
    _, october, november = month(tmp_path)
    plain = books(tmp_path / "plain.xlsx", [p for p in PURCHASES if "KL-778" not in p])
    out = tmp_path / "recon.xlsx"
    assert run(plain, october, november, out) == 1
    assert stages(out)["Suggested"] == 0
    _rename_header("Decision", "My call")(out)
    assert run(plain, october, november, out) == 1
    _delete_sheet(out)
    assert run(plain, october, november, out) == 1
    assert stages(out)["Suggested"] == 0 and stages(out)["Matched"] == 5


def test_the_gst_recon_button_says_the_same_for_a_renamed_sheet(tmp_path: Path) -> None:
    """The button goes through the job: the open books lost their Suggested sheet, the button
    says which and what to do, and writes nothing."""
    path, october, _ = month(tmp_path)
    book = book_of(path, name="books.xlsx")
    text = october.read_text(encoding="utf-8")
    book.sheets.add("GSTR-2B Oct").range((1, 1)).value = [[text]]
    book.sheets.add("Suggested Vendors").range((1, 1)).value = [["Vendor"], ["Om Sai"]]
    assert run_script("gst_recon", book).startswith("3 matched, 1 suggested")  # first click
    book.sheets["Suggested"].name = "Suggested (mine)"
    matched = dict(book.sheets["Matched"].values)
    said = run_script("gst_recon", book)
    assert said.startswith(
        "books.xlsx has no Suggested sheet but has 'Suggested Vendors' and 'Suggested (mine)'"
    )
    assert said.endswith("then click GST Recon again.")
    assert "Suggested" not in [s.name for s in book.sheets]
    assert dict(book.sheets["Matched"].values) == matched


@pytest.mark.parametrize(
    ("cell", "decision", "bank_accept"),
    [
        ("Accept", Decision.ACCEPT, True),
        ("✔", Decision.ACCEPT, True),
        (True, Decision.ACCEPT, True),
        (1.0, Decision.ACCEPT, True),
        ("reject", Decision.REJECT, None),
        (" no ", False, False),
        (None, False, False),
        ("maybe", None, None),
    ],
)
def test_the_decision_words_are_the_bank_reconciliations(
    cell: object, decision: object, bank_accept: bool | None
) -> None:
    """TRUE, 1 and ✔ (what Excel may turn a tick into) take a pair here as under the bank
    reconciliation's Accept, which reads them with the same function."""
    from xlbo.decisions import marks
    from xlbo.jobs import reconcile

    assert _decision_of(cell) == decision
    assert marks(cell, "accept") == bank_accept
    assert reconcile._decision is marks


def test_the_gst_reconciliation_imports_no_job() -> None:
    """Layering: the engine reads the decision words from `xlbo.decisions`, not from a job's
    private function."""
    folder = Path(__file__).parents[2] / "xlbo" / "gstrecon"
    for module in folder.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in names if n.startswith("xlbo.jobs")], module.name


def test_the_run_counts_rows_left_out_apart_from_decisions_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One register row with two bad cells is one row left out; 'maybe' under Decision is no
    row of the register but a Decision cell, said on its own line."""
    _, october, november = month(tmp_path)
    bad = list(PURCHASES[0])
    bad[XLBO_HEADERS.index("Bill Date")] = "31-02-2026"
    bad[XLBO_HEADERS.index("Taxable Value")] = "ten thousand"
    bad[XLBO_HEADERS.index("Bill No")] = "INV/26-27/099"
    book = books(tmp_path / "books.xlsx", [*PURCHASES, bad])
    out = tmp_path / "recon.xlsx"
    assert run(book, october, november, out) == 1
    said = capsys.readouterr().out
    assert "1 row of the register left out (see the Issues sheet)." in said
    assert "Decision" not in said
    decide(out, "maybe")
    assert run(book, october, november, out) == 1
    said = capsys.readouterr().out
    assert "1 row of the register left out (see the Issues sheet)." in said
    assert "1 Decision cell on the Suggested sheet not understood: its pair stays suggested" in said
