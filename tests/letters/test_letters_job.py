"""`xlbo letters`: merged letters read back (.docx text, PDF text, .eml parsed), the checks that
stop a merge before any file is written, and the figures of xlbo's own letters."""

from __future__ import annotations

import email
import email.policy
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from tests.letters.conftest import COMPANY, EMPLOYEES, write_docx
from xlbo.cli import main
from xlbo.letters.template import docx_text

OFFER = [
    "{{ company.Name }}",
    "Date: {{ today }}",
    "Dear {{ Name }},",
    "You join as {{ Designation }} on {{ Date_of_Joining }} at {{ Basic|inr }} basic "
    "({{ Basic|words }}).",
    'Aadhaar {{ Aadhaar|mask }}; father: {{ row.get("Father\'s Name", "not given") }}.',
]


def _eml(path: Path) -> email.message.EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def test_a_users_template_merges_each_employee(master: Path, tmp_path: Path) -> None:
    template = write_docx(tmp_path / "offer.docx", OFFER, title="Offer of employment")
    out = tmp_path / "letters"
    code = main(
        [
            "letters",
            str(template),
            "--data",
            str(master),
            "--sheet",
            "Employees",
            "--out",
            str(out),
            "--as-at",
            "02-12-2026",
            "--no-pdf",
        ]
    )
    assert code == 1  # E003 has no address: no mail draft for it, said as a warning
    assert sorted(p.name for p in out.iterdir()) == [
        "offer-E001.docx",
        "offer-E001.eml",
        "offer-E002.docx",
        "offer-E002.eml",
        "offer-E003.docx",
    ]
    asha = docx_text(out / "offer-E001.docx")
    assert "Sahyadri Tradelinks Private Limited" in asha
    assert "Date: 02-12-2026" in asha
    assert "You join as Accounts Executive on 01-04-2024 at ₹25,000.00 basic " in asha
    assert "(Rupees Twenty-Five Thousand Only)" in asha
    assert "Aadhaar XXXX XXXX 2346; father: not given." in asha
    # E002's row asks for Hindi: a user's template stays as written, its words follow the row
    assert "(रुपये चालीस हज़ार मात्र)" in docx_text(out / "offer-E002.docx")
    # a name with & and < is text in the letter, not markup
    assert "Dear Meena & Sons <Trainee>," in docx_text(out / "offer-E003.docx")

    draft = _eml(out / "offer-E001.eml")
    assert draft["To"] == "asha@example.in"
    assert draft["From"] == "accounts@sahyadri.example.in"
    assert draft["Subject"] == "Offer of employment"
    assert draft["X-Unsent"] == "1"
    (attachment,) = list(draft.iter_attachments())
    assert attachment.get_filename() == "offer-E001.docx"
    assert attachment.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert attachment.get_content() == (out / "offer-E001.docx").read_bytes()
    body = draft.get_body(preferencelist=("plain",))
    assert body is not None and "Dear Asha Kulkarni" in body.get_content()
    hindi = _eml(out / "offer-E002.eml").get_body(preferencelist=("plain",))
    assert hindi is not None and "कृपया संलग्न" in hindi.get_content()


def test_split_tag_stops_the_merge_and_writes_nothing(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = write_docx(
        tmp_path / "offer.docx", ["Dear {{ Name }},", ["Joined {{ Date_of_", "Joining }}"]]
    )
    before = Folder(tmp_path)
    code = main(
        [
            "letters",
            str(template),
            "--data",
            str(master),
            "--sheet",
            "Employees",
            "--out",
            str(tmp_path / "letters"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot be merged with Employees; nothing was written" in err
    assert "'{{ Date_of_Joining }}' (document) is split by Word" in err
    before.unchanged()  # no letters folder, no file


def test_a_tag_naming_no_column_lists_the_columns(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = write_docx(tmp_path / "offer.docx", ["Dear {{ Employee_Name }},"])
    before = Folder(tmp_path)
    code = main(["letters", str(template), "--data", str(master), "--sheet", "Employees"])
    err = capsys.readouterr().err
    assert code == 2
    assert "'{{ Employee_Name }}' names no column of Employees" in err
    assert "its columns are: Employee_ID, Name, Gender," in err
    before.unchanged()


def test_a_bad_language_cell_leaves_its_row_out_and_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in EMPLOYEES]
    rows[1][-1] = "Marathi"
    master = write_xlsx(tmp_path / "master.xlsx", {"Company": COMPANY, "Employees": rows})
    code = main(
        [
            "letters",
            "experience",
            "--data",
            str(master),
            "--out",
            str(tmp_path / "out"),
            "--no-pdf",
            "--as-at",
            "02-12-2026",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "Merged 2 letters (experience, English, Hindi)" in out
    assert "Employees!R2" in out and "'Marathi' is not a language xlbo writes" in out
    assert not (tmp_path / "out" / "experience-E001.docx").exists()
    relieved = docx_text(tmp_path / "out" / "experience-E002.docx")
    assert "अनुभव" in relieved or "जिसके लिए भी लागू हो" in relieved
    assert "31-10-2026 तक" in relieved


def test_shipped_template_written_to_a_file_and_merged_as_ones_own(
    master: Path, tmp_path: Path
) -> None:
    written = tmp_path / "appointment-hi.docx"
    assert (
        main(["letters", "--template", "appointment", "--language", "hi", "--out", str(written)])
        == 0
    )
    out = tmp_path / "out"
    assert (
        main(
            [
                "letters",
                str(written),
                "--data",
                str(master),
                "--sheet",
                "Employees",
                "--out",
                str(out),
                "--no-pdf",
                "--as-at",
                "01-12-2026",
            ]
        )
        == 1
    )
    text = docx_text(out / "appointment-hi-E001.docx")
    assert "विषय: Accounts Executive पद पर नियुक्ति" in text
    assert "कुल मासिक वेतन | ₹41,500.50 (रुपये इकतालीस हज़ार पाँच सौ और पचास पैसे मात्र)" in text
    assert "आधार | XXXX XXXX 2346" in text


def test_unknown_letter_and_missing_sheet(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["letters", "offer-letter", "--data", str(master)]) == 2
    assert "neither a Word template (.docx) nor one of xlbo's letters: appointment" in (
        capsys.readouterr().err
    )
    assert main(["letters", "payment-reminder", "--data", str(master)]) == 2
    assert "has no sheet 'Customers'; its sheets are: Company, Employees" in (
        capsys.readouterr().err
    )


# -- figures from the books and the payroll registers -------------------------------------------

CUSTOMERS = [
    ["Customer Code", "Name", "Address", "Email", "Credit Days", "Language"],
    ["C001", "Vardhaman Retail", "Market Yard, Kochi", "ap@vardhaman.example.in", 30, ""],
    ["C002", "Kaveri Stores", "MG Road, Mysuru", "kaveri@example.in", 45, "hi"],
    ["C003", "Paid Up Traders", "Nashik", "pay@example.in", 30, ""],
]
VENDORS = [
    ["Vendor Code", "Name", "Address", "Email", "PAN", "Bank Account", "IFSC"],
    [
        "V001",
        "Deccan Packaging",
        "Bhosari, Pune",
        "accounts@deccan.example.in",
        "AAACD1234E",
        "50100012345678",
        "HDFC0000123",
    ],
    ["V002", "Idle Supplier", "Pune", "idle@example.in", "", "", ""],
]
JOURNAL = [
    ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party", "Narration"],
    [
        date(2026, 9, 1),
        "INV-1",
        "Sales",
        "Trade Receivables",
        118000,
        None,
        "Vardhaman Retail",
        "INV-1",
    ],
    [date(2026, 9, 1), "INV-1", "Sales", "Sales", None, 118000, "", "INV-1"],
    [
        date(2026, 10, 20),
        "INV-2",
        "Sales",
        "Trade Receivables",
        59000,
        None,
        "Vardhaman Retail",
        "INV-2",
    ],
    [date(2026, 10, 20), "INV-2", "Sales", "Sales", None, 59000, "", "INV-2"],
    [
        date(2026, 11, 25),
        "INV-3",
        "Sales",
        "Trade Receivables",
        10000,
        None,
        "Vardhaman Retail",
        "INV-3",
    ],
    [date(2026, 11, 25), "INV-3", "Sales", "Sales", None, 10000, "", "INV-3"],
    [date(2026, 10, 5), "RCT-1", "Receipt", "HDFC Bank", 18000, None, "", "part of INV-1"],
    [
        date(2026, 10, 5),
        "RCT-1",
        "Receipt",
        "Trade Receivables",
        None,
        18000,
        "Vardhaman Retail",
        "INV-1",
    ],
    [
        date(2026, 9, 10),
        "INV-4",
        "Sales",
        "Trade Receivables",
        23600,
        None,
        "Kaveri Stores",
        "INV-4",
    ],
    [date(2026, 9, 10), "INV-4", "Sales", "Sales", None, 23600, "", "INV-4"],
    [
        date(2026, 9, 12),
        "INV-5",
        "Sales",
        "Trade Receivables",
        5000,
        None,
        "Paid Up Traders",
        "INV-5",
    ],
    [date(2026, 9, 12), "INV-5", "Sales", "Sales", None, 5000, "", "INV-5"],
    [date(2026, 9, 20), "RCT-2", "Receipt", "HDFC Bank", 5000, None, "", "INV-5"],
    [
        date(2026, 9, 20),
        "RCT-2",
        "Receipt",
        "Trade Receivables",
        None,
        5000,
        "Paid Up Traders",
        "INV-5",
    ],
    [
        date(2026, 11, 7),
        "PAY-1",
        "Payment",
        "Trade Payables",
        45000.5,
        None,
        "Deccan Packaging",
        "Bills DP/101, DP/102",
    ],
    [date(2026, 11, 7), "PAY-1", "Payment", "HDFC Bank", None, 45000.5, "", "NEFT UTR HDFCN26311"],
    [
        date(2026, 11, 21),
        "PAY-2",
        "Payment",
        "Trade Payables",
        59000,
        None,
        "Deccan Packaging",
        "Bill DP/110",
    ],
    [date(2026, 11, 21), "PAY-2", "Payment", "TDS Payable - 194C", None, 1000, "", "Bill DP/110"],
    [date(2026, 11, 21), "PAY-2", "Payment", "HDFC Bank", None, 58000, "", "Bill DP/110"],
    [
        date(2026, 10, 7),
        "PAY-0",
        "Payment",
        "Trade Payables",
        1000,
        None,
        "Deccan Packaging",
        "October",
    ],
    [date(2026, 10, 7), "PAY-0", "Payment", "HDFC Bank", None, 1000, "", "October"],
]


@pytest.fixture
def books(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "books.xlsx",
        {"Company": COMPANY, "Customers": CUSTOMERS, "Vendors": VENDORS, "Journal": JOURNAL},
    )


def test_payment_reminder_lists_what_is_past_its_credit_days(books: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(
            [
                "letters",
                "payment-reminder",
                "--data",
                str(books),
                "--as-at",
                "30-11-2026",
                "--out",
                str(out),
                "--no-pdf",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "payment-reminder-C001.docx",
        "payment-reminder-C002.docx",
    ]  # C003 paid up: no reminder
    text = docx_text(out / "payment-reminder-C001.docx")
    # INV-1 1,18,000 less 18,000 received; due 01-10 → 60 days late; INV-2 due 19-11 → 11 days;
    # INV-3 (25-11) is not yet due
    assert "INV-1 | 01-09-2026 | 01-10-2026 | 60 | 1,00,000.00" in text
    assert "INV-2 | 20-10-2026 | 19-11-2026 | 11 | 59,000.00" in text
    assert "INV-3" not in text
    assert "Total |  |  |  | 1,59,000.00" in text
    assert "Total overdue: ₹1,59,000.00 (Rupees One Lakh Fifty-Nine Thousand Only)" in text
    assert "credit period of 30 days" in text
    hindi = docx_text(out / "payment-reminder-C002.docx")
    assert "कुल बकाया: ₹23,600.00 (रुपये तेईस हज़ार छह सौ मात्र)" in hindi
    assert "INV-4 | 10-09-2026 | 25-10-2026 | 36 | 23,600.00" in hindi


def test_payment_advice_lists_the_months_payments(books: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(
            [
                "letters",
                "payment-advice",
                "--data",
                str(books),
                "--as-at",
                "30-11-2026",
                "--out",
                str(out),
                "--no-pdf",
            ]
        )
        == 0
    )
    assert [p.name for p in out.glob("*.docx")] == ["payment-advice-V001.docx"]
    text = docx_text(out / "payment-advice-V001.docx")
    assert "07-11-2026 | PAY-1 | Bills DP/101, DP/102 | 45,000.50 | 0.00 | 45,000.50" in text
    # the bank paid 58,000 of the 59,000 bill: 1,000 is tax deducted at source
    assert "21-11-2026 | PAY-2 | Bill DP/110 | 59,000.00 | 1,000.00 | 58,000.00" in text
    assert "Total |  |  | 1,04,000.50 | 1,000.00 | 1,03,000.50" in text
    assert "October" not in text  # paid in October: another month's advice
    assert (
        "Total paid: ₹1,03,000.50 (Rupees One Lakh Three Thousand and Fifty Paise Only). Tax "
        "deducted at source: ₹1,000.00, deposited against your PAN" in text
    )
    assert "into your account XX XXXX XXXX 5678 (IFSC HDFC0000123)" in text


def test_salary_certificate_from_the_payroll_registers(master: Path, tmp_path: Path) -> None:
    payroll = tmp_path / "payroll"
    payroll.mkdir()
    heads = [
        "Employee ID",
        "Name",
        "Gross",
        "PF Employee",
        "VPF",
        "ESI Employee",
        "PT",
        "TDS",
        "Net Pay",
    ]
    for month, tds in (("2026-09", 1000), ("2026-10", 1250.5)):
        write_xlsx(
            payroll / f"payroll-register-{month}.xlsx",
            {
                "Register": [
                    heads,
                    ["E001", "Asha Kulkarni", 41500.5, 1800, 0, 0, 200, tds, 38500.5 - tds],
                    ["Total", "1 employees", 41500.5, 1800, 0, 0, 200, tds, 38500.5 - tds],
                ]
            },
        )
    out = tmp_path / "out"
    code = main(
        [
            "letters",
            "salary-certificate",
            "--data",
            str(master),
            "--payroll",
            str(payroll),
            "--out",
            str(out),
            "--no-pdf",
            "--as-at",
            "01-12-2026",
        ]
    )
    assert code == 0
    assert [p.name for p in out.glob("*.docx")] == ["salary-certificate-E001.docx"]
    text = docx_text(out / "salary-certificate-E001.docx")
    assert "salary paid for September 2026 to October 2026" in text
    assert "Sep 2026 | 41,500.50 | 1,800.00 | 0.00 | 200.00 | 1,000.00 | 37,500.50" in text
    assert "Total | 83,001.00 | 3,600.00 | 0.00 | 400.00 | 2,250.50 | 74,750.50" in text
    assert "(Rupees Seventy-Four Thousand Seven Hundred Fifty and Fifty Paise Only)" in text


def test_salary_certificate_needs_the_registers(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["letters", "salary-certificate", "--data", str(master)]) == 2
    assert "give their folder with --payroll" in capsys.readouterr().err


# -- PDFs (LibreOffice) and the hostile door ----------------------------------------------------


def test_pdfs_print_hindi_and_english(master: Path, tmp_path: Path, libreoffice: object) -> None:
    out = tmp_path / "out"
    assert (
        main(
            [
                "letters",
                "appointment",
                "--data",
                str(master),
                "--out",
                str(out),
                "--as-at",
                "02-12-2026",
            ]
        )
        == 1
    )
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert pdfs == [f"appointment-E00{n}.pdf" for n in (1, 2, 3)]

    def text(name: str) -> list[str]:
        return subprocess.run(
            ["pdftotext", str(out / name), "-"], capture_output=True, text=True, check=True
        ).stdout.split()

    def words(name: str) -> str:
        return " ".join(text(name))

    english = words("appointment-E001.pdf")
    assert "Subject: Appointment as Accounts Executive" in english
    assert "Occupational Safety, Health and Working Conditions Code, 2020" in english
    hindi = words("appointment-E002.pdf")
    assert "नियुक्ति" in hindi and "विषय: Sales Manager पद पर नियुक्ति" in hindi
    assert "रुपये पैंसठ हज़ार मात्र" in hindi  # 40,000 + 16,000 + 9,000
    draft = _eml(out / "appointment-E001.eml")
    (attachment,) = list(draft.iter_attachments())
    assert attachment.get_filename() == "appointment-E001.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content()[:5] == b"%PDF-"


def test_hostile_split_tag_in_its_own_process(master: Path, tmp_path: Path) -> None:
    write_docx(tmp_path / "offer.docx", [["Dear {{ Na", "me }}"]])
    before = Folder(tmp_path)
    outcome = run_xlbo(
        "letters",
        "offer.docx",
        "--data",
        "master.xlsx",
        "--sheet",
        "Employees",
        "--out",
        "letters",
        cwd=tmp_path,
    )
    outcome.plain()
    assert "'{{ Name }}' (document) is split by Word" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    before.unchanged()


def test_the_company_language_is_every_rows_default(tmp_path: Path) -> None:
    company = [list(r) for r in COMPANY]
    company[1][-1] = "Hindi"
    employees = [list(r) for r in EMPLOYEES]
    employees[1][-1] = "English"  # E001 asks for English; E002 (hi) and E003 (blank) get Hindi
    master = write_xlsx(tmp_path / "m.xlsx", {"Company": company, "Employees": employees})
    out = tmp_path / "out"
    assert (
        main(
            [
                "letters",
                "experience",
                "--data",
                str(master),
                "--out",
                str(out),
                "--no-pdf",
                "--as-at",
                "02-12-2026",
            ]
        )
        == 1
    )
    assert "TO WHOM IT MAY CONCERN" in docx_text(out / "experience-E001.docx")
    for key in ("E002", "E003"):
        assert "जिसके लिए भी लागू हो" in docx_text(out / f"experience-{key}.docx")
    assert _eml(out / "experience-E002.eml")["Subject"] == "अनुभव एवं कार्यमुक्ति पत्र"


def test_two_rows_with_one_key_get_two_files(tmp_path: Path) -> None:
    employees = [list(r) for r in EMPLOYEES]
    employees[2][0] = "E001"  # a key typed twice: the second letter is named by its row too
    employees[3][0] = "../../E 9"  # a key that is no file name
    master = write_xlsx(tmp_path / "m.xlsx", {"Company": COMPANY, "Employees": employees})
    out = tmp_path / "out"
    main(["letters", "experience", "--data", str(master), "--out", str(out), "--no-pdf"])
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "experience-E-9.docx",
        "experience-E001-row-3.docx",
        "experience-E001.docx",
    ]


def test_a_reminder_needs_the_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    master = write_xlsx(tmp_path / "m.xlsx", {"Company": COMPANY, "Customers": CUSTOMERS})
    before = Folder(tmp_path)
    assert (
        main(["letters", "payment-reminder", "--data", str(master), "--out", str(tmp_path / "out")])
        == 2
    )
    assert "m.xlsx has no Journal sheet; this letter lists figures from the books' Journal" in (
        capsys.readouterr().err
    )
    before.unchanged()


def test_letters_need_the_company(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    company = [list(r) for r in COMPANY]
    company[1][-1] = "fr"  # the Company row cannot be read: its Language is no language
    master = write_xlsx(tmp_path / "m.xlsx", {"Company": company, "Employees": EMPLOYEES})
    before = Folder(tmp_path)
    assert main(["letters", "experience", "--data", str(master), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "m.xlsx: the Company sheet gives no company" in err
    assert "Company!G2" in err and "'fr' is not a language xlbo writes" in err
    before.unchanged()
    bare = write_xlsx(tmp_path / "bare.xlsx", {"Employees": EMPLOYEES})
    assert main(["letters", "experience", "--data", str(bare), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "bare.xlsx: the Company sheet gives no company" in err and "Company" in err
    assert ".." not in err
