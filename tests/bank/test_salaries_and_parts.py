"""A salary voucher against a day of many payments to persons, and a receipt booked whole when its
last part came: the outsider's months at 10,000 lines (session 46). Each case was left unmatched
by the code before."""

from __future__ import annotations

from tests.bank.test_matching_rules import ledger, matched, statement
from xlbo.bank.match import match_lines
from xlbo.bank.side import prepare_bank, prepare_ledger
from xlbo.bank.window import Window

EMPLOYEES = [
    "MODI J D",
    "KMURUGESAN",
    "P J LAKSHM",
    "SONI HITES",
    "CHINNASAMY",
    "DHANASEKAR",
    "KETANSHAH",
    "MEHTA BHAR",
    "B GOMATHI",
    "JIGNESHSON",
    "M PALANISA",
    "DEEPAM",
    "KANDASAMYA",
    "VENKATESH",
    "MUKESHMODI",
    "HARESH C T",
    "BSHANMUGAM",
    "SUBRAMANIP",
    "ANBARASANS",
    "MNAGARAJAN",
]


SAKTHI_PARTS = [
    ("2026-10-03", "NEFT/LAVBH97684635208/SAKTHI TRANSPORT/LAKSHMI VILAS BANK/", "", 9_997_155),
    ("2026-10-06", "NEFT/LAVBH20530957079/SAKTHI TRANSPORT/LAKSHMI VILAS BANK/", "", 10_663_632),
    (
        "2026-10-07",
        "IMPS/P2A/671030108308/GOMATHIN/LAKSHMIV/IMPSTran/8639961038058293459",
        "",
        12_663_063,
    ),
]
"""Sakthi Transport's receipt of 3,33,238.50 in parts: two NEFTs of the firm's, the rest from
its owner's account by IMPS."""
SAKTHI_BOOKED = (
    "2026-10-07",
    "M/s. Sakthi Transport (Delhi)",
    "Being amount received against Inv No. SKT/26-27/1043 (in parts)",
    33_323_850,
)
"""The books' one receipt of Sakthi Transport's 3,33,238.50, whole."""


def sal_upload(day: str, ref: str) -> list[tuple[str, str, str, int]]:
    """An Axis salary upload of `day`: 8 NEFTs that say SAL OCT26, 30,000.00 to 37,000.00, their
    UTRs `ref` and a digit."""
    return [
        (
            day,
            f"INB/NEFT/{ref}{n}/N SUNDARARAJAN{n}/ICICI BANK LIMITED/SAL OCT26",
            "",
            -(3_000_000 + n * 100_000),
        )
        for n in range(8)
    ]


def _imps(day: str, n: int, name: str, amount: int) -> tuple[str, str, str, int]:
    return (day, f"MOB/IMPS/6594953593{n:02d}/{name}/TMBL", "", -amount)


def test_a_salary_voucher_is_the_upload_and_every_imps_to_persons_but_a_vendors() -> None:
    # Axis: 8 NEFTs say SAL OCT26; 20 employees were paid by IMPS that says nothing (more than
    # the 16 whose every set is tried), beside a vendor's proprietor paid 2,77,403.80 by IMPS
    # the same day, a firm's NEFT and a charge. The voucher is the NEFTs and the 20 IMPS: all of
    # the day's IMPS to persons but the one whose amount is the difference
    rows = sal_upload("2026-10-06", "AXOIC6626178208")
    rows += [
        _imps("2026-10-06", n, name, 2_000_000 + n * 170_000) for n, name in enumerate(EMPLOYEES)
    ]
    salaries = sum(amount for *_, amount in rows)
    rows += [
        _imps("2026-10-06", 99, "SUBRAMANI", 27_740_380),
        (
            "2026-10-06",
            "INB/NEFT/AXOIC43320806520/ARUL WEAVING MILLS/INDIAN OVERSEAS BANK/",
            "",
            -4_512_345,
        ),
        ("2026-10-06", "NEFT CHGS INCL GST", "", -590),
    ]
    books = ledger([("2026-10-06", "Salary Payable", "Being salary for Oct 2026 paid", salaries)])
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(b, 0) for b in range(28)}
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(books))
    assert "the 8 of their day that say salary and 20 other payment(s)" in found["why"].iloc[0]


def test_a_salary_voucher_is_a_days_payments_to_persons_when_none_says_salary() -> None:
    # Kotak: no narration says salary; the day's NEFTs and IMPS to 20 persons are the voucher,
    # beside a UPI to a person of 38,060.66 (a vendor's part payment, in paise): the IMPS and
    # NEFTs in whole rupees make it up
    rows = [
        (
            ("2026-10-05", f"NEFT KKBKH5966974677{n} {name}", "", -(2_000_000 + n * 130_000))
            if n % 2
            else (
                "2026-10-05",
                f"MB:IMPS/6552956{n:05d}/{name}/HDFC",
                "",
                -(2_000_000 + n * 130_000),
            )
        )
        for n, name in enumerate(EMPLOYEES)
    ]
    salaries = sum(amount for *_, amount in rows)
    rows.append(("2026-10-05", "UPI/ANILBANSAL/696219053003/Payment", "", -3_806_066))
    books = ledger([("2026-10-05", "Salary Payable", "Being salary for Oct 2026 paid", salaries)])
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(b, 0) for b in range(20)}
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(books))
    assert "payments of one day to persons, none of which says salary" in found["why"].iloc[0]
    # beside them a vendor's proprietor paid 31,000.00 by NEFT, in whole rupees as they are: of
    # more than 16 such payments, all but the one whose amount is the difference
    rows.append(("2026-10-05", "NEFT KKBKH83299228686 RAJESHAGARWAL", "", -3_100_000))
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(b, 0) for b in range(20)}


def test_a_salary_voucher_two_sets_could_make_up_is_left_to_the_user() -> None:
    # a person paid the same day as much as an employee (26,500.00): which of the two is no
    # employee, nothing tells; the voucher and every payment stay open
    rows = [
        _imps("2026-10-05", n, name, 2_000_000 + n * 130_000) for n, name in enumerate(EMPLOYEES)
    ]
    salaries = sum(amount for *_, amount in rows)
    rows += [_imps("2026-10-05", 98, "RAJESHAGARW", 2_650_000)]
    books = ledger([("2026-10-05", "Salary Payable", "Being salary for Oct 2026 paid", salaries)])
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()


def test_a_receipt_in_parts_is_booked_when_its_last_part_came() -> None:
    # Thirumalai Fashions paid 7,411.74 on Thursday and 98,470.26 on Monday; the books took the
    # receipt whole, 1,05,882.00, on Monday: the first part is 4 days before the books' date,
    # past the 3 a bank line may precede it
    rows = [
        ("2026-10-22", "NEFT/CIUBH78786042658/THIRUMALAI FASHIONS/CITY UNION BANK/", "", 741_174),
        ("2026-10-26", "NEFT/CIUBH21769100994/THIRUMALAI FASHIONS/CITY UNION BANK/", "", 9_847_026),
    ]
    books = ledger(
        [
            (
                "2026-10-26",
                "Thirumalai Fashions",
                "Being amount received against Inv No. SKT/26-27/0612 (in parts)",
                10_588_200,
            )
        ]
    )
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0)}
    # a user who narrowed the window to 3 days before asked for near dates only
    found, _ = match_lines(
        prepare_bank(statement(rows)), prepare_ledger(books), window=Window(-3, 5)
    )
    assert found.empty
    # a part 8 days before the booking is another receipt's
    rows[0] = ("2026-10-18", *rows[0][1:])
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()


def test_a_receipt_in_parts_from_the_firm_and_its_owner() -> None:
    # Sakthi Transport paid 99,971.55 and 1,06,636.32 by NEFT from the firm's account and the
    # rest, 1,26,630.63, by IMPS from GOMATHIN's own; the books took 3,33,238.50 whole
    rows = [
        *SAKTHI_PARTS,
        ("2026-10-07", "NEFT/HDFCH11111111111/KUMARAN KNITS/HDFC BANK/", "", 4_500_000),
    ]
    books = ledger(
        [
            SAKTHI_BOOKED,
            ("2026-10-07", "Kumaran Knits", "Against Inv SKT/26-27/1050", 4_500_000),
        ]
    )
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0), (2, 0), (3, 1)}
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(books))
    why = found.loc[found["ledger"] == 0, "why"].iloc[0]
    assert (
        "2 bank line(s) of this party's name and one of another name (IMPS/P2A/671030108308" in why
    )


def test_a_rest_two_ledger_lines_could_take_is_left() -> None:
    # the owner's 1,26,630.63 would make up the rest of either of two receipts of the firm:
    # nothing tells which, and neither is taken
    rows = list(SAKTHI_PARTS)
    books = ledger(
        [
            (
                "2026-10-07",
                "Sakthi Transport",
                "Against Inv SKT/26-27/1043",
                9_997_155 + 12_663_063,
            ),
            (
                "2026-10-07",
                "Sakthi Transport",
                "Against Inv SKT/26-27/1044",
                10_663_632 + 12_663_063,
            ),
        ]
    )
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()
    # a rest in round hundreds (25,000.00) is met by chance too often to be taken
    rows = [
        rows[0],
        ("2026-10-07", "IMPS/P2A/671030108308/GOMATHIN/LAKSHMIV/IMPSTran/1", "", 2_500_000),
    ]
    books = ledger([("2026-10-07", "Sakthi Transport", "Against Inv 1043", 9_997_155 + 2_500_000)])
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()


def test_cash_deposited_days_after_the_contra_is_no_part_of_it() -> None:
    # the books' Contra of 1,42,500.00 on Tuesday the 13th; the bank's cash deposit of the 13th
    # and one of Friday the 16th would make it up, but cash is paid in by the day the books say
    # or the next: the 16th's is another day's cash, and the Contra stays open
    rows = [
        ("2026-10-13", "CASH DEPOSIT:SELF", "", 8_000_000),
        ("2026-10-16", "CASH DEP BY SELF", "", 6_250_000),
    ]
    books = ledger([("2026-10-13", "Cash", "Cash deposited in bank", 14_250_000)])
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()
    # of the next day, it is a deposit machine's, counted the next day
    rows[1] = ("2026-10-14", *rows[1][1:])
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0)}
    # a Saturday's cash is credited on Monday
    rows = [
        (day, text, ref, amount)
        for (_, text, ref, amount), day in zip(rows, ["2026-10-17", "2026-10-19"], strict=True)
    ]
    books = ledger([("2026-10-17", "Cash", "Cash deposited in bank", 14_250_000)])
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0)}


def test_a_card_settlement_is_no_part_of_a_customers_receipt() -> None:
    # the rest of Sakthi Transport's receipt, 1,26,630.63, is as much as a card terminal's
    # settlement of the 7th (Axis at 100,000 lines: one such settlement taken as a stranger's
    # part spoilt the month's MDR journal, and 1,159 settlements were left open): an acquirer's
    # settlement is its terminal's card sales, never a customer's part
    rows = [
        *SAKTHI_PARTS[:2],
        ("2026-10-07", "EDC/SETTL/MID27504669/061026", "", 12_663_063),
    ]
    books = ledger(
        [
            SAKTHI_BOOKED,
        ]
    )
    pairs, _ = matched(statement(rows), books)
    assert 2 not in {b for b, _, _ in pairs}
