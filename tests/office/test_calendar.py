"""The office calendar: statutory due dates tied to the company (monthly or QRMP GST, PT only in
its States, an extension moving a date, AOC-4 and MGT-7 after the AGM), meetings expanded by
their repeat rule, the .ics parsed back with its events, RRULE, VALARM and attendees, the Due
sheet, and junk in the new sheets."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import write_xlsx
from tests.vendors.books import BANKS, JOURNAL, PURCHASE_HEADERS, PURCHASES, VENDORS
from tests.vendors.test_contracts import CONTRACTS
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.master.load import load_sheet
from xlbo.master.records import Company
from xlbo.master.schema import COMPLIANCE_RULES, MEETINGS
from xlbo.office.calendar import (
    ComplianceRule,
    Meeting,
    due_dates,
    occurrences,
    profile_of,
    shipped_compliance_rules,
)

RULES = shipped_compliance_rules()


def company(**cells: Any) -> Company:
    base = {"Name": "Sahyadri Tradelinks Private Limited", "State": "Maharashtra",
            "GSTIN": "27AAPFU0939F1ZV", "TAN": "PNES12345A"}  # fmt: skip
    return Company.model_validate({**base, **cells})


def whats(
    start: date, end: date, rules: list[ComplianceRule] = RULES, **cells: Any
) -> list[tuple[date, str, str]]:
    return [(d.day, d.rule.what, d.period) for d in
            due_dates(rules, profile_of(company(**cells)), start, end)]  # fmt: skip


def test_a_monthly_gst_company_in_december() -> None:
    found = whats(date(2026, 12, 1), date(2026, 12, 31))
    assert (date(2026, 12, 11), "GSTR-1 (monthly)", "Nov 2026") in found
    assert (date(2026, 12, 20), "GSTR-3B (monthly)", "Nov 2026") in found
    assert (date(2026, 12, 7), "TDS/TCS deposit", "Nov 2026") in found
    assert (date(2026, 12, 31), "GSTR-9 annual return", "FY 2025-26") in found
    assert not any("QRMP" in w or "IFF" in w or "PMT-06" in w for _, w, _ in found)
    # No PF or ESI code and no Covered: neither applies.
    assert not any(w.startswith(("PF", "ESI")) for _, w, _ in found)


def test_a_qrmp_company_has_no_monthly_gstr1_but_iff_pmt06_and_its_states_3b() -> None:
    found = whats(date(2026, 10, 1), date(2027, 1, 31), **{"GST Filing Frequency": "QRMP"})
    names = {w for _, w, _ in found}
    assert "GSTR-1 (monthly)" not in names and "GSTR-3B (monthly)" not in names
    assert (date(2026, 10, 13), "GSTR-1 (QRMP, quarterly)", "Jul–Sep 2026") in found
    assert (date(2026, 11, 13), "IFF (QRMP, optional)", "Oct 2026") in found
    assert (date(2026, 11, 25), "PMT-06 (QRMP tax)", "Oct 2026") in found
    assert (date(2027, 1, 13), "IFF (QRMP, optional)", "Dec 2026") not in found  # quarter end
    # Maharashtra files QRMP 3B on the 22nd; Delhi on the 24th.
    assert (date(2026, 10, 22), "GSTR-3B (QRMP)", "Jul–Sep 2026") in found
    delhi = whats(date(2026, 10, 1), date(2026, 10, 31), State="Delhi",
                  **{"GST Filing Frequency": "QRMP", "GSTIN": None})  # fmt: skip
    assert (date(2026, 10, 24), "GSTR-3B (QRMP)", "Jul–Sep 2026") in delhi
    assert (date(2026, 10, 22), "GSTR-3B (QRMP)", "Jul–Sep 2026") not in delhi


def test_professional_tax_only_for_its_states() -> None:
    pune = whats(date(2026, 11, 1), date(2026, 11, 30))
    assert (date(2026, 11, 30), "PT Maharashtra (employer)", "Nov 2026") in pune
    assert not any(w.startswith("PT Karnataka") for _, w, _ in pune)
    both = whats(date(2026, 11, 1), date(2026, 11, 30), **{"PT States": "Karnataka; MH"})
    assert (date(2026, 11, 20), "PT Karnataka (employer)", "Oct 2026") in both
    assert (date(2026, 11, 30), "PT Maharashtra (employer)", "Nov 2026") in both
    only_ka = whats(date(2026, 11, 1), date(2026, 11, 30), **{"PT States": "Karnataka"})
    assert not any(w.startswith("PT Maharashtra") for _, w, _ in only_ka)


def test_an_extension_row_moves_a_due_date() -> None:
    extension = ComplianceRule.model_validate(
        {"What": "GSTR-3B (monthly)", "Effective From": "01-11-2026", "Effective To":
         "30-11-2026", "Extended To": "27-12-2026", "Law": "Notification 99/2026-CT"}
    )  # fmt: skip
    [moved] = [d for d in due_dates([*RULES, extension], profile_of(company()), date(2026, 12, 1),
               date(2027, 1, 31)) if d.rule.what == "GSTR-3B (monthly)" and d.period == "Nov 2026"]  # fmt: skip
    assert (moved.due, moved.day) == (date(2026, 12, 20), date(2026, 12, 27))
    assert "extended from 20-12-2026 (Notification 99/2026-CT)" in moved.why
    december = whats(date(2027, 1, 1), date(2027, 1, 31), [*RULES, extension])
    assert (date(2027, 1, 20), "GSTR-3B (monthly)", "Dec 2026") in december  # not moved


def test_pf_esi_and_the_roc_dates_after_the_agm() -> None:
    found = whats(date(2026, 9, 1), date(2026, 12, 31), **{"PF Covered": "Yes",
                  "ESI Employer Code": "31000123450000999", "AGM Date": "25-09-2026"})  # fmt: skip
    assert (date(2026, 10, 15), "PF ECR and payment", "Sep 2026") in found
    assert (date(2026, 10, 15), "ESI contribution", "Sep 2026") in found
    assert (date(2026, 10, 25), "AOC-4 (financial statements)", "FY 2025-26") in found
    assert (date(2026, 11, 24), "MGT-7 (annual return)", "FY 2025-26") in found
    assert (date(2026, 9, 30), "AGM", "FY 2025-26") in found
    without_agm = whats(date(2026, 9, 1), date(2026, 12, 31))
    assert (date(2026, 10, 30), "AOC-4 (financial statements)", "FY 2025-26") in without_agm
    firm = whats(date(2026, 9, 1), date(2026, 12, 31), Name="Sahyadri Traders")
    assert not any(w.startswith(("AOC-4", "MGT-7", "AGM")) for _, w, _ in firm)


def meeting(**cells: Any) -> Meeting:
    return Meeting.model_validate({"Title": "Weekly review", "Date": "07-12-2026", **cells})


def test_meetings_expand_by_their_repeat_rule() -> None:
    weekly = meeting(Start="10:30", End="11:15", Repeat="weekly")
    monday = meeting(Title="Board", Date="04-01-2027", Start="4 pm",
                     Repeat="FREQ=MONTHLY;BYDAY=1MO;COUNT=3")  # fmt: skip
    found = occurrences([weekly, monday], date(2026, 12, 1), date(2027, 3, 31))
    days = [(o.day, o.meeting.title) for o in found]
    assert days[:4] == [(date(2026, 12, 7), "Weekly review"), (date(2026, 12, 14), "Weekly review"),
                        (date(2026, 12, 21), "Weekly review"), (date(2026, 12, 28), "Weekly review")]  # fmt: skip
    assert [d for d, t in days if t == "Board"] == [date(2027, 1, 4), date(2027, 2, 1),
                                                   date(2027, 3, 1)]  # fmt: skip
    assert found[0].start == datetime(2026, 12, 7, 10, 30)
    assert found[0].end == datetime(2026, 12, 7, 11, 15)
    assert meeting(Start=0.4375).start == time(10, 30)  # Excel's fraction of a day


MEETING_ROWS = [
    ["Title", "Date", "Start", "End", "Place", "Attendees", "Repeat", "Reminder"],
    ["Weekly review", "07-12-2026", "10:30", "11:15", "Board room",
     "asha@sahyadri.example; Ravi <ravi@sahyadri.example>", "weekly", 15],
    ["Statutory auditor", "03-12-2026", None, None, "Pune office", None, None, None],
    ["Board meeting", "14-12-2026", time(16, 0), 0.75, None, "cs@sahyadri.example",
     "FREQ=MONTHLY;INTERVAL=3;COUNT=4", 1440],
]  # fmt: skip
COMPANY_ROWS = [
    ["Name", "State", "GSTIN", "TAN", "PF Establishment Code", "GST Filing Frequency",
     "PT States", "AGM Date"],
    ["Sahyadri Tradelinks Private Limited", "Maharashtra", "27AAPFU0939F1ZV", "PNES12345A",
     "MHBAN0012345000", "Monthly", "Maharashtra; Gondwana", "25-09-2026"],
]  # fmt: skip
EXTENSION = [
    "GSTR-3B (monthly)", "Notification 99/2026-CT", "Monthly", None, None, None, None, None,
    None, "01-11-2026", "30-11-2026", "27-12-2026", "Accounts", None,
]  # fmt: skip


def books(folder: Path, rules: bool = True, meetings: list[list[Any]] = MEETING_ROWS) -> Path:
    rule_rows = [list(COMPLIANCE_RULES.headers)]
    for rule in RULES:
        rule_rows.append([rule.what, rule.law, rule.frequency.value, ", ".join(
            str(m) for m in rule.periods) or None, rule.due_day, rule.months_after,
            rule.days_after, rule.applies.value, rule.states, "01-04-2025", None, None,
            "Accounts" if "GST" in rule.what else None, rule.source])  # fmt: skip
    rule_rows.append(EXTENSION)
    sheets: dict[str, list[list[Any]]] = {
        "Company": COMPANY_ROWS,
        "Vendors": [list(r) for r in VENDORS],
        "Bank Accounts": [list(r) for r in BANKS],
        "Purchases": [PURCHASE_HEADERS, *[list(r) for r in PURCHASES]],
        "Journal": [list(r) for r in JOURNAL],
        "Contracts": CONTRACTS[:3],
        "Meetings": meetings,
    }
    if rules:
        sheets["Compliance Rules"] = rule_rows
    return write_xlsx(folder / "books.xlsx", sheets)


def test_the_ics_parses_back_with_events_rrule_alarms_and_attendees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = books(tmp_path)
    out = tmp_path / "calendar.ics"
    code = main(["calendar", str(book), "--from", "01-12-2026", "--to", "31-01-2027",
                 "--as-on", "02-12-2026", "--out", str(out)])  # fmt: skip
    said = capsys.readouterr()
    assert code == 0, said
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(parsed["version"]) == "2.0" and "xlbo" in str(parsed["prodid"])
    events = {str(e["summary"]): e for e in parsed.walk("VEVENT")}
    review = events["Weekly review"]
    assert review.decoded("dtstart") == datetime(2026, 12, 7, 10, 30, tzinfo=review.decoded(
        "dtstart").tzinfo)  # fmt: skip
    assert review["dtstart"].params["TZID"] == "Asia/Kolkata"
    assert review.decoded("dtend") - review.decoded("dtstart") == timedelta(minutes=45)
    assert review["rrule"].to_ical() == b"FREQ=WEEKLY"
    assert [str(a) for a in review["attendee"]] == ["mailto:asha@sahyadri.example",
                                                    "mailto:ravi@sahyadri.example"]  # fmt: skip
    [alarm] = review.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-15) and str(alarm["action"]) == "DISPLAY"
    board = events["Board meeting"]
    assert dict(board["rrule"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [3], "COUNT": [4]}
    assert board.walk("VALARM")[0].decoded("trigger") == timedelta(days=-1)
    auditor = events["Statutory auditor"]
    assert auditor.decoded("dtstart") == date(2026, 12, 3)  # all day
    assert not auditor.walk("VALARM")
    moved = events["Due: GSTR-3B (monthly) (Nov 2026)"]
    assert moved.decoded("dtstart") == date(2026, 12, 27) and int(moved["sequence"]) == 1
    assert moved.walk("VALARM")[0].decoded("trigger") == timedelta(days=-3)
    assert "Due: GSTR-1 (monthly) (Nov 2026)" in events
    assert "Due: PF ECR and payment (Nov 2026)" in events
    assert "Notice due: C-7 Shree Properties" not in events  # 01-11-2026: before --from
    assert "Guarantee expires: C-7 Shree Properties" in events
    assert str(events["Guarantee expires: C-7 Shree Properties"]["uid"]) == (
        "C-7-GUARANTEE-20261215@xlbo"  # as `xlbo contracts` gives it
    )
    assert any(s.startswith("Pay Deccan Couriers: bill DC-55") for s in events)  # 15-12-2026
    assert list(parsed.walk("VTIMEZONE"))
    # Run again: the same UIDs.
    uids = sorted(str(e["uid"]) for e in parsed.walk("VEVENT"))
    main(["calendar", str(book), "--from", "01-12-2026", "--to", "31-01-2027", "--as-on",
          "02-12-2026", "--out", str(out)])  # fmt: skip
    again = icalendar.Calendar.from_ical(out.read_bytes())
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == uids


def test_the_due_sheet_lists_overdue_and_the_next_seven_days_with_owners(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = books(tmp_path)
    main(["calendar", str(book), "--from", "01-12-2026", "--to", "31-12-2026", "--as-on",
          "02-12-2026", "--out", str(tmp_path / "calendar.ics")])  # fmt: skip
    said = capsys.readouterr().out
    assert "as on 02-12-2026" in said
    due = FileBook(tmp_path / "calendar.xlsx").read_table("Due", ("Date", "Status", "What")).frame
    rows = due[["Status", "What", "Owner"]].values.tolist()
    assert ["Overdue", "GSTR-1 (monthly)", "Accounts"] in rows  # 11-11-2026 for October
    assert ["Overdue", "GSTR-3B (monthly)", "Accounts"] in rows  # 20-11-2026
    assert ["Tomorrow", "Statutory auditor", None] in rows or ["Tomorrow", "Statutory auditor",
                                                               ""] in rows  # fmt: skip
    assert any(s == "In 5 days" and w == "TDS/TCS deposit" for s, w, _ in rows)
    assert not any(w == "GSTR-3B (monthly)" and s != "Overdue" for s, w, _ in rows)  # 27th now
    assert any(w.startswith("Pay Annapurna Caterers") and s == "Overdue" for s, w, _ in rows)
    issues = FileBook(tmp_path / "calendar.xlsx").read_table("Issues", ("Sheet", "Problem")).frame
    assert issues["Problem"].str.contains("'Gondwana' is not a State").any()
    compliance = FileBook(tmp_path / "calendar.xlsx").read_table("Compliance", ("What",)).frame
    assert "No: GST is not filed under QRMP" in compliance["Applies"].tolist()


def test_without_a_compliance_rules_sheet_the_shipped_rules_apply(tmp_path: Path) -> None:
    book = books(tmp_path, rules=False)
    assert main(["calendar", str(book), "--from", "01-12-2026", "--to", "31-12-2026",
                 "--as-on", "02-12-2026", "--out", str(tmp_path / "c.ics")]) == 0  # fmt: skip
    events = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes()).walk("VEVENT")
    assert any(str(e["summary"]) == "Due: GSTR-3B (monthly) (Nov 2026)" and e.decoded("dtstart")
               == date(2026, 12, 20) for e in events)  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "31-12-2026", "--to", "01-12-2026", "--out", "c.ics"], "before --from"),
        (["--from", "01-12-2026", "--to", "31-12-2026", "--out", "c.xlsx"], "name it with .ics"),
        (["--from", "31-02-2026", "--to", "31-12-2026", "--out", "c.ics"], "--from 31-02-2026"),
    ],
)
def test_bad_options_say_what_to_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    book = books(tmp_path)
    assert main(["calendar", str(book), *args]) == 2
    assert message in capsys.readouterr().err


JUNK = ["#N/A", "", "   ", "=1+1", "-5", "abc", "1e400", "25:99", "\u00a0", "0", "FREQ=HOURLY;X",
        "a@b", "१२"]  # fmt: skip


@pytest.mark.parametrize("junk", JUNK)
def test_junk_in_the_calendar_sheets_becomes_issues(tmp_path: Path, junk: str) -> None:
    meetings = [MEETING_ROWS[0], ["Junk", junk, junk, junk, junk, junk, junk, junk]]
    rules = [list(COMPLIANCE_RULES.headers), ["Junk rule", junk, junk, junk, junk, junk, junk,
             junk, junk, junk, junk, junk, junk, junk]]  # fmt: skip
    path = write_xlsx(tmp_path / "b.xlsx", {"Company": COMPANY_ROWS, "Meetings": meetings,
                                             "Compliance Rules": rules})  # fmt: skip
    reader = FileBook(path)
    for table in (MEETINGS, COMPLIANCE_RULES):
        records, _, _, issues = load_sheet(reader, table)
        assert len(records) + len(issues) >= 1
        assert all(i.cell and i.problem for i in issues)
    code = main(["calendar", str(path), "--from", "01-12-2026", "--to", "31-12-2026",
                 "--as-on", "02-12-2026", "--out", str(tmp_path / "c.ics")])  # fmt: skip
    assert code in (0, 1)


@pytest.mark.parametrize("door", ["classic", "lite"])
def test_the_calendar_button_writes_the_due_sheet_the_command_line_writes(
    tmp_path: Path, door: str
) -> None:
    from tests.test_doors import _classic, _lite, book_of, book_table, file_table

    # Excel hands xlwings a time of day as a fraction of a day.
    as_excel = [[16 / 24 if isinstance(v, time) else v for v in r] for r in MEETING_ROWS]
    path = books(tmp_path, meetings=as_excel)
    today = date.today()
    start = today.replace(day=1)
    end = start.replace(year=start.year + 1) - timedelta(days=1)
    main(["calendar", str(path), "--from", f"{start:%d-%m-%Y}", "--to", f"{end:%d-%m-%Y}",
          "--as-on", f"{today:%d-%m-%Y}", "--out", str(tmp_path / "c.ics")])  # fmt: skip
    book = book_of(path)
    outcome = (_classic if door == "classic" else _lite)("calendar", book)
    assert "The .ics file: xlbo calendar on the command line." in outcome
    for sheet in ("Due", "Calendar"):
        cli = file_table(tmp_path / "c.xlsx", sheet, "Date")
        assert len(cli) > 1 and book_table(book, sheet, "Date") == cli, sheet


def test_hostile_calendar_runs_say_what_to_do_and_leave_the_folder_as_it_was(
    tmp_path: Path,
) -> None:
    from tests.hostile.harness import Folder, run_xlbo

    books(tmp_path)
    folder = Folder(tmp_path)
    for args, words in (
        (("--from", "01-12-2026", "--to", "31-12-2026", "--out", "books.xlsx"), ".ics"),
        (("--from", "01-12-2026", "--to", "31-11-2026", "--out", "c.ics"), "--to 31-11-2026"),
    ):
        outcome = run_xlbo("calendar", "books.xlsx", *args, cwd=tmp_path)
        outcome.plain()
        assert words in outcome.err and outcome.peak_mb < 2048
        folder.unchanged()
    outcome = run_xlbo("calendar", "books.xlsx", "--from", "01-12-2026", "--to", "31-12-2026",
                       "--as-on", "02-12-2026", cwd=tmp_path)  # fmt: skip
    assert outcome.code == 0, outcome.said
    assert folder.inputs_unchanged() == ["calendar.ics", "calendar.xlsx"]
