"""A hostile review of session 46's rules (helper-150): each case failed on the code it reviewed.
A narrowed window holds for the own-parts rule; a firm's receipt booked late is no other party's
rest; a lone line that says salary is no upload; a day's truck hire is no payroll; a weekend's
cash is credited on Monday; what the Matches sheet says."""

from __future__ import annotations

import pytest

from tests.bank.test_matching_rules import ledger, statement
from tests.bank.test_salaries_and_parts import EMPLOYEES, SAKTHI_PARTS, sal_upload
from xlbo.bank.match import match_lines
from xlbo.bank.side import prepare_bank, prepare_ledger
from xlbo.bank.window import Window


def find(rows, books, **kw):
    return match_lines(prepare_bank(statement(rows)), prepare_ledger(ledger(books)), **kw)


def pairs(found):
    return {(int(b), int(g)) for b, g in zip(found["bank"], found["ledger"], strict=False)}


def staff(day):
    """20 employees paid by IMPS and NEFT that say nothing of salary (as the new test's Kotak case)."""
    rows = []
    for n, name in enumerate(EMPLOYEES):
        a = 2_000_000 + n * 130_000
        rows.append(
            (day, f"NEFT KKBKH5966974677{n} {name}", "", -a)
            if n % 2
            else (day, f"MB:IMPS/6552956{n:05d}/{name}/HDFC", "", -a)
        )
    return rows


def imps(day, n, name, amount):
    return (day, f"MOB/IMPS/6594953593{n:02d}/{name}/TMBL", "", -amount)


# _cash_deposited_later: the books' Contras of a weekend, the bank's one deposit of the Monday.
@pytest.mark.parametrize(
    ("saturday", "other"),
    [
        ("2026-10-10", "2026-10-11"),
        ("2026-10-10", "2026-10-12"),
        pytest.param(
            "2026-10-09",
            "2026-10-10",
            marks=pytest.mark.xfail(
                strict=True,
                reason="left as it is: Friday's cash counted to Monday made 27 more false sets "
                "at 10,000 lines of PNB than it found",
            ),
        ),
    ],
)
def test_weekend_cash_deposited_on_monday(saturday, other):
    rows = [("2026-10-12", "CASH DEPOSIT:SELF", "", 34_000_000)]  # Monday 12 Oct 2026
    books = [
        (saturday, "Cash", "Cash deposited in bank", 20_000_000),
        (other, "Cash", "Cash deposited in bank", 14_000_000),
    ]
    found, _ = find(rows, books)
    assert pairs(found) == {(0, 0), (0, 1)}  # the code before took it


# The 'stranger' of _own_parts_and_a_strangers is a firm whose own receipt the books took 9 days late.
ROWS_OWN_PARTS_LATE_BOOKED_STRANGER = [
    ("2026-10-02", "NEFT/CIUBH0000001/KAVERI SILKS/CITY UNION BANK/", "", 5_000_000),
    ("2026-10-06", "NEFT/HDFCH0000002/MEENAKSHI TEXTILES/HDFC BANK/", "", 9_738_260),
]
BOOKS_OWN_PARTS_LATE_BOOKED_STRANGER = [
    ("2026-10-07", "Kaveri Silks", "Received against Inv 1043", 14_738_260),
    ("2026-10-15", "Meenakshi Textiles", "Received against Inv 1077", 9_738_260),
]


def test_a_firms_receipt_booked_late_is_not_another_partys_rest():
    found, _ = find(ROWS_OWN_PARTS_LATE_BOOKED_STRANGER, BOOKS_OWN_PARTS_LATE_BOOKED_STRANGER)
    # the code before: Meenakshi's NEFT is Meenakshi's receipt (same amount, names 100% alike, -9 days)
    assert (1, 1) in pairs(found)
    assert (1, 0) not in pairs(found)


# _own_parts_and_a_strangers reaches PARTS_BOOKED_DAYS back even where the user narrowed the window.
ROWS_OWN_PARTS_WINDOW = SAKTHI_PARTS
BOOKS_OWN_PARTS_WINDOW = [
    ("2026-10-07", "M/s. Sakthi Transport (Delhi)", "Being amount received (in parts)", 33_323_850)
]


@pytest.mark.parametrize("window", [Window(0, 0), Window(-1, 1), Window(-3, 5)])
def test_a_narrowed_window_is_honoured_by_the_own_parts_rule(window):
    # the user asked for near dates only: a part 4 days before the books is out of it
    # (the combination search honours this: test_a_receipt_in_parts_is_booked_when_its_last_part_came)
    found, _ = find(ROWS_OWN_PARTS_WINDOW, BOOKS_OWN_PARTS_WINDOW, window=window)
    assert found.empty, found[["bank", "ledger", "why"]].to_string()


# PARTS_BOOKED_DAYS: open older lines of the party (6-7 days before) now compete with the true parts.
@pytest.mark.xfail(
    strict=True,
    reason="left as it is: parts looked for 7 days back meet a party's older open lines; "
    "two sets fit, and the user is asked (Several sets add up)",
)
def test_older_on_account_lines_do_not_unmake_a_receipt_in_parts():
    rows = [
        # Balaji's on-account payments of the 2nd and 3rd, not yet booked
        ("2026-10-02", "NEFT/SBINH00000000001/BALAJI TEXTILES/STATE BANK OF INDIA/", "", 1_500_000),
        ("2026-10-03", "NEFT/SBINH00000000002/BALAJI TEXTILES/STATE BANK OF INDIA/", "", 1_500_000),
        # the receipt of Inv 1050, in two parts, booked whole on the 9th
        ("2026-10-08", "NEFT/SBINH00000000003/BALAJI TEXTILES/STATE BANK OF INDIA/", "", 3_000_000),
        ("2026-10-09", "NEFT/SBINH00000000004/BALAJI TEXTILES/STATE BANK OF INDIA/", "", 4_523_450),
    ]
    books = [("2026-10-09", "Balaji Textiles", "Against Inv 1050", 7_523_450)]
    found, _ = find(rows, books)
    assert pairs(found) == {(2, 0), (3, 0)}  # the code before took it; now a 'choose' suggestion


# A lone line that says salary (last month's, held) is forced into October's voucher; an
# employee's October line of the same amount is dropped as 'the difference'.


def test_septembers_held_salary_is_not_octobers():
    rows = staff("2026-10-05")
    salaries = sum(a for *_, a in rows)
    # KMURUGESAN's September salary (its voucher in September's books), released with October's
    rows.append(("2026-10-05", "NEFT KKBKH59669746999 KMURUGESAN SAL SEP26", "", -2_130_000))
    books = [("2026-10-05", "Salary Payable", "Being salary for Oct 2026 paid", salaries)]
    found, _ = find(rows, books)
    # right: the 20 October lines (0-19), or nothing; never the September line (20)
    assert (20, 0) not in pairs(found), found["why"].iloc[0]


# A nameless salary voucher is now matched to any day's payments to persons (no line need say salary).
TRUCKERS = [
    "MURUGANT",
    "SELVAKUMAR",
    "RAJENDRANK",
    "PRAKASHM",
    "ANANDHAN",
    "VIJAYR",
    "SENTHILKUM",
    "GANESANP",
    "KARTHIKEYA",
]


def test_an_unpaid_salary_voucher_takes_no_days_truck_hire():
    # 30 Oct: the day's IMPS to truck owners, round amounts; October's salaries (round too) are booked
    # on the 31st and go out on 2 November, past this statement: the voucher is a BRS item
    amounts = [
        4_500_000,
        3_800_000,
        6_200_000,
        5_500_000,
        4_000_000,
        7_250_000,
        5_000_000,
        8_500_000,
        6_000_000,
    ]
    rows = [
        ("2026-10-30", f"MOB/IMPS/66{n:08d}/{who}/KVBL", "", -a)
        for n, (who, a) in enumerate(zip(TRUCKERS, amounts, strict=False))
    ]
    books = [("2026-10-31", "Salary Payable", "Being salary for Oct 2026 paid", -45_250_000)]
    found, _ = find(rows, books)
    assert found.empty, found["why"].iloc[0]


def test_the_upload_and_its_imps_are_not_lost_to_another_days_payments():
    # 6 Oct: the upload's 8 NEFTs (SAL OCT26), 3 employees by IMPS, a mill's NEFT: the code before
    # matched the voucher to the 11; now 3 Oct's truck hire (no word of salary) has a set of 8 making
    # it up too, and the voucher is left open
    rows = sal_upload("2026-10-06", "AXOIC662617820")
    rows += [
        imps("2026-10-06", n, name, 2_000_000 + n * 150_000) for n, name in enumerate(EMPLOYEES[:3])
    ]
    rows += [
        (
            "2026-10-06",
            "INB/NEFT/AXOIC43320806520/ARUL WEAVING MILLS/INDIAN OVERSEAS BANK/",
            "",
            -4_512_345,
        )
    ]
    trucks = [
        2_500_000,
        3_000_000,
        3_500_000,
        4_000_000,
        4_500_000,
        5_000_000,
        5_500_000,
        5_250_000,
        1_200_000,
    ]
    rows += [
        ("2026-10-03", f"MOB/IMPS/66{n:08d}/{who}/KVBL", "", -a)
        for n, (who, a) in enumerate(zip(TRUCKERS, trucks, strict=False))
    ]
    books = [("2026-10-06", "Salary Payable", "Being salary for Oct 2026 paid", -33_250_000)]
    found, _ = find(rows, books)
    assert pairs(found) == {(b, 0) for b in range(11)}


# What the Matches sheet says of the new rules.
def test_a_part_beyond_the_window_is_not_said_to_be_within_it():
    rows = [
        ("2026-10-22", "NEFT/CIUBH78786042658/THIRUMALAI FASHIONS/CITY UNION BANK/", "", 741_174),
        ("2026-10-26", "NEFT/CIUBH21769100994/THIRUMALAI FASHIONS/CITY UNION BANK/", "", 9_847_026),
    ]
    books = [
        ("2026-10-26", "Thirumalai Fashions", "Received against Inv 0612 (in parts)", 10_588_200)
    ]
    found, _ = find(rows, books)
    # 4 days before the books, the default window reaching 3
    assert not found.empty and "within the window" not in found["why"].iloc[0]


def test_a_payment_in_parts_is_not_called_a_receipt():
    rows = [(day, text, ref, -amount) for day, text, ref, amount in SAKTHI_PARTS]
    books = [("2026-10-07", "M/s. Sakthi Transport (Delhi)", "Paid against bill 1043", -33_323_850)]
    found, _ = find(rows, books)
    assert not found.empty and "receipt" not in found["why"].iloc[0]


def test_one_line_that_says_salary_is_said_in_the_singular():
    rows = staff("2026-10-05")
    salaries = sum(a for *_, a in rows)
    rows[0] = ("2026-10-05", "MB:IMPS/655295600000/MODI J D/HDFC SAL OCT26", "", rows[0][3])
    rows.append(("2026-10-05", "UPI/ANILBANSAL/696219053003/Payment", "", -3_806_066))
    books = [("2026-10-05", "Salary Payable", "Being salary for Oct 2026 paid", salaries)]
    found, _ = find(rows, books)
    assert not found.empty
    assert "the 1 of their day that say salary" not in found["why"].iloc[0], found["why"].iloc[0]
