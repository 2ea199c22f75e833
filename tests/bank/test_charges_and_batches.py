"""Bank charges and their GST against the books' one charges journal, and salary batches, on
literal statements and ledgers written as the bank and Tally export them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_reconcile import reconcile

FREIGHT = [
    "03/10/26",
    "NEFT DR-HDFC0000240-OM SAI TRANSPORT-NETBANK, MUM-N276261111111-SEPT FREIGHT",
    "N276261111111",
    28750,
    None,
]
FREIGHT_BOOKED = [date(2026, 10, 3), "Om Sai Transport", "Payment", "P-201", None, 28750]


def paired(result: Any) -> dict[str, list[str]]:
    """Each matched ledger line's particulars, with the narrations of its bank lines."""
    found: dict[str, list[str]] = {}
    for bank, ledger in result.matches[["bank", "ledger"]].itertuples(index=False):
        particulars = str(result.ledger["particulars"].iat[ledger])
        found.setdefault(particulars, []).append(str(result.bank["narration"].iat[bank]))
    return found


@pytest.mark.parametrize(
    "charges",
    [
        # one charge and its CGST and SGST, on the day the books took them
        [
            ["31/10/26", "CHARGES", None, 1500, None],
            ["31/10/26", "CGST ON CHARGES", None, 135, None],
            ["31/10/26", "SGST ON CHARGES", None, 135, None],
        ],
        # two charges of the month, each with its CGST and SGST, weeks before the journal
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "CGST ON NEFT CHGS", None, 112.50, None],
            ["12/10/26", "SGST ON NEFT CHGS", None, 112.50, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "CGST ON IMPS CHGS", None, 22.50, None],
            ["20/10/26", "SGST ON IMPS CHGS", None, 22.50, None],
        ],
        # two charges, each with its IGST
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "IGST ON NEFT CHGS", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "IGST ON IMPS CHGS", None, 45, None],
        ],
        # a charge and a bare GST line of its day, twice
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "GST", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "GST", None, 45, None],
        ],
    ],
)
def test_charges_and_their_gst_lines_are_the_charges_journal(
    xlsx: Callable[..., Path], charges: list[list[Any]]
) -> None:
    # the books took the month's bank charges, GST and all, in one journal of 1,770.00 on the
    # 31st: every charge and every GST line on it is that journal's (all stayed unmatched)
    result = reconcile(
        xlsx,
        [FREIGHT, *charges],
        [
            FREIGHT_BOOKED,
            [date(2026, 10, 31), "Bank Charges", "Journal", "J-31", None, 1770],
        ],
    )
    assert sorted(paired(result)["Bank Charges"]) == sorted(str(c[1]) for c in charges)
    assert result.bank_open == [] and result.ledger_open == []
    assert result.brs.bank_debits_not_in_books == 0
    assert result.brs.cheques_not_presented == 0
    assert result.brs.difference == 0
    why = result.matches["why"][result.matches["rule"] != "Amount and date"].iat[0]
    assert f"{len(charges)} bank lines add up to this" in why


def test_a_charges_journal_a_paisa_off_its_charges_is_left_alone(
    xlsx: Callable[..., Path],
) -> None:
    result = reconcile(
        xlsx,
        [
            FREIGHT,
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "IGST ON NEFT CHGS", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "IGST ON IMPS CHGS", None, 45, None],
        ],
        [FREIGHT_BOOKED, [date(2026, 10, 31), "Bank Charges", "Journal", "J-31", None, 1770.01]],
    )
    assert "Bank Charges" not in paired(result)
    assert result.brs.bank_debits_not_in_books == 177000


EMPLOYEES = [
    ("Ramesh Patil", 40089),
    ("Suresh Chavan", 19821),
    ("Priya Joshi", 52340.50),
    ("Anita Shinde", 27500),
    ("Vikram Pawar", 61275),
    ("Deepak Jadhav", 33410),
    ("Kavita More", 45980),
    ("Sunil Gaikwad", 22760),
]
SALARIES = round(sum(pay for _, pay in EMPLOYEES), 2)
VENDOR_PAID = [date(2026, 10, 31), "Vaishnavi Logistics", "Payment", "P-311", None, 18290]


def narration_row(narration: str) -> list[Any]:
    """The row under a voucher that Tally fills with its narration, in Particulars alone."""
    return [None, narration, None, None, None, None]


def salary_vouchers(late: int, arrears: int | None) -> list[list[Any]]:
    """A payment voucher per employee, each with its narration row beneath it as Tally exports
    it: dated the 30th, the last `late` of them the 31st; the one at `arrears` paid with
    arrears, so said."""
    rows: list[list[Any]] = []
    for at, (name, pay) in enumerate(EMPLOYEES):
        day = date(2026, 10, 31 if at >= len(EMPLOYEES) - late else 30)
        said = "Being salary for Oct 2026 paid" + (" incl arrears" if at == arrears else "")
        rows += [[day, name, "Payment", f"SAL-{at + 1:02d}", None, pay], narration_row(said)]
    return rows


@pytest.mark.parametrize(
    ("narration", "late", "arrears"),
    [
        ("BIL/BULK/SALARY OCT26/SAHYADRI", 0, 4),  # one voucher says it paid arrears too
        ("BIL/BULK/SALARY OCT26/SAHYADRI", 3, None),  # three vouchers dated the 31st
        ("BULK SALARY UPLOAD OCT26", 3, 4),
    ],
)
def test_a_bulk_salary_debit_is_every_salary_voucher_of_its_window(
    xlsx: Callable[..., Path], narration: str, late: int, arrears: int | None
) -> None:
    result = reconcile(
        xlsx,
        [
            ["31/10/26", narration, "BULK0002", SALARIES, None],
            [
                "31/10/26",
                "NEFT DR-UTIB0000555-VAISHNAVI LOGISTICS-NETBANK, MUM-N3042699",
                "",
                18290,
                None,
            ],
        ],
        [*salary_vouchers(late, arrears), VENDOR_PAID],
    )
    assert sorted(paired(result)) == sorted(
        [name for name, _ in EMPLOYEES] + ["Vaishnavi Logistics"]
    )
    batch = result.matches[result.matches["rule"] == "Batch"]
    assert set(result.bank["narration"].iloc[batch["bank"]]) == {narration}
    assert batch["why"].iat[0] == (
        "8 ledger lines add up to this line to the paisa: every open salary voucher from -7 to "
        "+3 days from it"
    )
    assert result.bank_open == [] and result.ledger_open == []
    assert result.brs.cheques_not_presented == 0 and result.brs.bank_debits_not_in_books == 0


def test_a_salary_voucher_paired_on_its_amount_alone_goes_back_to_its_upload(
    xlsx: Callable[..., Path],
) -> None:
    """A cheque to Shakti Traders of Deepak Jadhav's 33,410.00, presented ten days after the
    salaries, took his voucher on the amount alone (no other line of it within its window),
    and the upload, short of that voucher, matched nothing: its eight vouchers go unmatched
    (an outsider's month of 100,000 lines: 400 vouchers of one upload, recall 0.986). The
    upload made up to the paisa by every salary voucher of its window takes his back; the
    cheque is left for the books to explain."""
    result = reconcile(
        xlsx,
        [
            ["30/10/26", "BIL/BULK/SALARY OCT26/SAHYADRI", "BULK0002", SALARIES, None],
            ["09/11/26", "CLG/SHAKTI TRADERS LLP/181565/ICIC/09112026", "181565", 33410, None],
        ],
        salary_vouchers(0, None),
    )
    assert sorted(paired(result)) == sorted(name for name, _ in EMPLOYEES)
    batch = result.matches[result.matches["rule"] == "Batch"]
    assert set(result.bank["narration"].iloc[batch["bank"]]) == {"BIL/BULK/SALARY OCT26/SAHYADRI"}
    assert batch["why"].iat[0] == (
        "8 ledger lines add up to this line to the paisa: every open salary voucher of its day; "
        "1 of them first paired with another bank line on the amount alone, taken back"
    )
    assert result.ledger_open == []
    assert result.brs.bank_debits_not_in_books == 3341000  # the cheque, for the books to take


@pytest.mark.parametrize("tds_day", [30, 31])
def test_an_uploads_vouchers_of_its_day_take_back_what_their_amounts_alone_paired(
    xlsx: Callable[..., Path], tds_day: int
) -> None:
    """The upload of the 30th is every salary voucher of the 30th to the paisa. Two UPI
    payments to KAVITA M of the 2nd and 3rd November add up to Kavita More's 45,980.00 and took
    her voucher as a combination; the TDS on salaries, paid by challan that day or the next,
    says salary too but is no employee's. Before, the upload short of Kavita's voucher, or beside the TDS,
    matched nothing and the eight vouchers were left open (Axis, the second outsider's month:
    250 vouchers of one upload)."""
    result = reconcile(
        xlsx,
        [
            ["30/10/26", "INB/BULK UPLOAD/B427765/SALARY OCT26/8 TXNS", "", SALARIES, None],
            ["31/10/26", "CBDT/ITNS281/983658706102693906/TDS", "", 12500, None],
            ["02/11/26", "UPI/P2A/699273236152/KAVITA M/Kotak Mahind/Payment", "", 20000, None],
            ["03/11/26", "UPI/P2A/699273236153/KAVITAMORE/Kotak Mahind/Payment", "", 25980, None],
        ],
        [
            *salary_vouchers(0, None),
            [date(2026, 10, tds_day), "TDS on Salary (192)", "Payment", "P-312", None, 12500],
            narration_row("TDS Sep-26 challan 9836587"),
        ],
    )
    batch = result.matches[result.matches["rule"] == "Batch"]
    assert set(result.bank["narration"].iloc[batch["bank"]]) == {
        "INB/BULK UPLOAD/B427765/SALARY OCT26/8 TXNS"
    }
    assert sorted(result.ledger["particulars"].iloc[batch["ledger"]]) == sorted(
        name for name, _ in EMPLOYEES
    )
    assert batch["why"].iat[0] == (
        "8 ledger lines add up to this line to the paisa: every open salary voucher of its "
        "day; 1 of them first paired with another bank line on the amount alone, taken back"
    )
    # the two UPI payments are open again, for the books to explain
    upi = result.bank["narration"].str.startswith("UPI/").to_numpy()
    assert sorted(result.bank_open) == sorted(result.bank.index[upi].tolist())


def test_salary_vouchers_that_say_net_of_tds_are_still_pay(xlsx: Callable[..., Path]) -> None:
    # each voucher's narration says the pay is net of TDS: it is still pay, booked to the
    # employee; only a voucher booked to a TDS ledger is the tax (found by review)
    rows: list[list[Any]] = []
    for at, (name, pay) in enumerate(EMPLOYEES):
        rows += [
            [date(2026, 10, 30), name, "Payment", f"SAL-{at + 1:02d}", None, pay],
            narration_row(f"Salary Oct 2026 (net of TDS) - {name}"),
        ]
    result = reconcile(
        xlsx,
        [["30/10/26", "INB/BULK UPLOAD/B427765/SALARY OCT26/8 TXNS", "", SALARIES, None]],
        rows,
    )
    assert sorted(paired(result)) == sorted(name for name, _ in EMPLOYEES)


def test_a_bulk_salary_debit_a_rupee_off_its_vouchers_is_left_alone(
    xlsx: Callable[..., Path],
) -> None:
    result = reconcile(
        xlsx,
        [["31/10/26", "BIL/BULK/SALARY OCT26/SAHYADRI", "BULK0002", SALARIES + 1, None]],
        salary_vouchers(3, 4),
    )
    assert result.matches.empty
    assert result.brs.cheques_not_presented == round(SALARIES * 100)


def test_salary_neft_lines_are_a_channel_beside_a_vendors_neft_of_their_day(
    xlsx: Callable[..., Path],
) -> None:
    # the books paid October's salaries as one Salary Payable voucher; the bank shows a NEFT
    # per employee, each saying OCT SALARY, and on the same day a vendor's NEFT the books have
    # not got yet: the salary NEFTs are the voucher's, the vendor's is on the BRS
    salary_nefts = [
        [
            "31/10/26",
            f"NEFT DR-HDFC0000{100 + at}-{name.upper()}-NETBANK, MUM-N30426{777000 + at}-OCT SALARY",
            f"N30426{777000 + at}",
            pay,
            None,
        ]
        for at, (name, pay) in enumerate(EMPLOYEES)
    ]
    vendor = "NEFT DR-UTIB0000555-VAISHNAVI LOGISTICS-NETBANK, MUM-N304269990001-BILL VL102"
    result = reconcile(
        xlsx,
        [*salary_nefts, ["31/10/26", vendor, "N304269990001", 18290, None]],
        [
            [date(2026, 10, 31), "Salary Payable", "Payment", "P-310", None, SALARIES],
            narration_row("Being salary for Oct 2026 paid by NEFT"),
        ],
    )
    assert sorted(paired(result)["Salary Payable"]) == sorted(str(n[1]) for n in salary_nefts)
    assert result.matches["why"].iat[0] == (
        "8 bank lines add up to this line to the paisa: every open one that says salary, of its day"
    )
    assert result.bank["narration"].iloc[result.bank_open].tolist() == [vendor]
    assert result.brs.bank_debits_not_in_books == 1829000
    assert result.brs.difference == 0


MORE_EMPLOYEES = [
    ("Meena Kale", 30000),
    ("Ganesh Bhosale", 28415.75),
    ("Rohit Deshmukh", 36120),
    ("Snehal Kulkarni", 24990),
    ("Amol Patwardhan", 41200.25),
    ("Neha Salunkhe", 19876),
    ("Tushar Mane", 33333),
    ("Pooja Naik", 27045.50),
]


def payroll(employees: list[tuple[str, float]]) -> list[list[Any]]:
    """A salary payment voucher of the 30th per employee, its narration row beneath it."""
    rows: list[list[Any]] = []
    for at, (name, pay) in enumerate(employees):
        rows += [
            [date(2026, 10, 30), name, "Payment", f"SAL-{at + 1:02d}", None, pay],
            narration_row(f"Being salary for Oct 2026 - {name}"),
        ]
    return rows


def test_a_salary_upload_that_leaves_out_one_employee_paid_by_cheque(
    xlsx: Callable[..., Path],
) -> None:
    """Nine salary vouchers; the upload pays eight, Meena Kale was paid by a cheque not yet
    presented (helper-119, c02f). Before: all nine on the BRS and the upload as a debit not in
    the books."""
    result = reconcile(
        xlsx,
        [["30/10/26", "BULK SALARY UPLOAD OCT26 BATCH 3345", "", SALARIES, None]],
        payroll([*EMPLOYEES, MORE_EMPLOYEES[0]]),
    )
    assert sorted(paired(result)) == sorted(name for name, _ in EMPLOYEES)
    assert result.matches["why"].iat[0] == (
        "8 ledger lines add up to this line to the paisa: every open salary voucher from -7 to "
        "+3 days from it but 1, whose amount is the rest: paid otherwise, or held?"
    )
    assert result.brs.cheques_not_presented == 3000000  # Meena Kale's, in paise
    assert result.brs.bank_debits_not_in_books == 0


def test_a_payroll_uploaded_in_two_files_is_two_batches(xlsx: Callable[..., Path]) -> None:
    """Sixteen vouchers, the portal's two uploads: the first nine as the books entered them,
    then the other seven (helper-119, c02q)."""
    staff = [*EMPLOYEES, *MORE_EMPLOYEES]
    first = round(sum(pay for _, pay in staff[:9]), 2)
    rest = round(sum(pay for _, pay in staff[9:]), 2)
    result = reconcile(
        xlsx,
        [
            ["30/10/26", "BULK SALARY UPLOAD OCT26 BATCH 1", "", first, None],
            ["30/10/26", "BULK SALARY UPLOAD OCT26 BATCH 2", "", rest, None],
        ],
        payroll(staff),
    )
    batches = result.matches.groupby("match")["ledger"].apply(sorted).tolist()
    assert batches == [list(range(9)), list(range(9, 16))]
    assert result.bank_open == [] and result.ledger_open == []


def test_an_upload_short_of_either_of_two_equal_salaries_is_left_alone(
    xlsx: Callable[..., Path],
) -> None:
    """Two vouchers of 30,000.00 and the upload 30,000.00 short: whose salary was held is not
    for xlbo to guess; all stay on the BRS."""
    staff = [*EMPLOYEES, MORE_EMPLOYEES[0], ("Rekha Sawant", 30000)]
    result = reconcile(
        xlsx,
        [["30/10/26", "BULK SALARY UPLOAD OCT26 BATCH 3345", "", SALARIES + 30000, None]],
        payroll(staff),
    )
    assert result.matches.empty


@pytest.mark.parametrize(
    "lines",
    [
        [["SMS ALERT CHGS QTR SEP-NOV", 45], ["IGST ON SMS ALERT CHGS", 8.10]],
        [["SMS ALERT CHGS QTR SEP-NOV", 45], ["CGST ON SMS ALERT CHGS", 4.05], ["SGST", 4.05]],
        [["SMS CHGS FOR QTR ENDING 30-11-26", 45], ["GST @18% ON SMS CHGS", 8.10]],
    ],
)
def test_a_charge_and_its_gst_are_the_books_one_journal_beside_other_charges(
    xlsx: Callable[..., Path], lines: list[list[Any]]
) -> None:
    """The bank's SMS charge and the GST on it against the books' one journal of 53.10, the
    month's NEFT charges not booked (helper-119, c02b): before, matched only where the charge
    read bare `SMS CHARGES`, or was the month's only one."""
    result = reconcile(
        xlsx,
        [
            ["20/10/26", "CHARGES FOR NEFT/RTGS INCL GST", "", 354, None],
            *[["25/10/26", text, "", amount, None] for text, amount in lines],
        ],
        [[date(2026, 10, 25), "Bank Charges", "Journal", "J-12", None, 53.10]],
    )
    assert sorted(result.matches["bank"].tolist()) == list(range(1, len(lines) + 1))
    assert result.matches["why"].iat[0].startswith("a charge and the GST on it (45.00 + ")
    assert result.brs.bank_debits_not_in_books == 35400 and result.brs.difference == 0


def test_a_gst_line_that_is_not_18_percent_of_the_charge_is_not_its(
    xlsx: Callable[..., Path],
) -> None:
    result = reconcile(
        xlsx,
        [
            ["20/10/26", "CHARGES FOR NEFT/RTGS INCL GST", "", 354, None],
            ["25/10/26", "SMS ALERT CHGS QTR SEP-NOV", "", 45, None],
            ["25/10/26", "IGST ON SMS ALERT CHGS", "", 9.10, None],
        ],
        [[date(2026, 10, 25), "Bank Charges", "Journal", "J-12", None, 54.10]],
    )
    assert result.matches.empty


@pytest.mark.parametrize(
    ("gross", "net", "rate"), [(100000, 98820, "1.00%"), (25000, 24882, "0.40%")]
)
def test_a_card_settlement_net_of_mdr_is_suggested_against_the_gross_sales(
    xlsx: Callable[..., Path], gross: float, net: float, rate: str
) -> None:
    """The acquirer credits the day's card sales less its MDR and the GST on it (helper-119,
    c02l): before, the gross receipt and the net credit were two BRS items with nothing between
    them. Suggested, never matched: the MDR is for the books to take."""
    result = reconcile(
        xlsx,
        [["12/10/26", "POS SETTLEMENT MID 0012345678 11/10/26", "", None, net]],
        [[date(2026, 10, 11), "Card Sales A/c", "Receipt", "R-9", gross, None]],
    )
    assert result.matches.empty
    [why] = result.suggestions.loc[
        result.suggestions["kind"] == "Card settlement net of MDR", "why"
    ].tolist()
    assert why.startswith(f"differs by {gross - net:,.2f}:")
    assert f"the card acquirer's MDR at {rate} and GST on it" in why
