"""A hostile review of session 45's rules (helper-149): each case failed on the code it
reviewed. A salary's rest is no vendor's payment; `paid to agents` names no payee, Kaveri
Consultants does; a busy card day with one terminal's number written still joins the others
on totals; FAR EAST is a firm, no city's quarter; a pay-in slip never picks one of two cheques
that their numbers tell apart; a public sector bank's commissions with a word beside them are
its charges."""

from __future__ import annotations

from tests.bank.test_matching_rules import ledger, matched, statement
from tests.bank.test_non_party_splits import run, splits


def test_salary_rest_is_not_a_vendors_payment() -> None:
    # Salary voucher 5,00,000; the day's upload (7 NEFTs that say SAL) is 4,00,000; the one
    # employee's 1,00,000 was paid otherwise. The day's IMPS to a vendor of 1,00,000 is the only
    # "set" making up the rest and is taken as salary. Old code left the voucher open.
    names = [
        "RAMESH PATIL",
        "SURESH RAO",
        "ANITA DESAI",
        "KIRAN SHAH",
        "MEENA IYER",
        "VIJAY NAIR",
        "LATA JOSHI",
    ]
    amounts = [7000000, 6000000, 6000000, 6000000, 5000000, 5000000, 5000000]
    bank = [
        ("2026-10-31", f"NEFT DR-{n}-SAL OCT26", f"N{i}", -a)
        for i, (n, a) in enumerate(zip(names, amounts, strict=False))
    ]
    bank += [
        ("2026-10-31", "MMT/IMPS/630412345678/SHARMATRAD/HDFC", "", -10000000),
        ("2026-10-31", "UPI/630498765432/KRISHNA STORES/krishna@okaxis", "", -350000),
    ]
    found, _ = matched(
        statement(bank),
        ledger([("2026-10-31", "Salary Payable", "Being salary for Oct 2026 paid", -50000000)]),
    )
    assert 7 not in {b for b, _, _ in found}


def test_paid_to_a_group_is_no_payee() -> None:
    # `Commission paid to agents` / `Paid to transporters`: PAID_FOR_A_SERVICE makes `agents`,
    # `transporters` the party (not in _NO_ONES); the line is then named and the batch of the
    # 7 NEFTs that the old code took is lost.
    names = [
        "RAMESH AGENCIES",
        "SURESH ENTERPRISES",
        "ANITA TRADERS",
        "KIRAN SALES",
        "MEENA AGENCY",
        "VIJAY MARKETING",
        "LATA DISTRIBUTORS",
    ]
    amounts = [700000, 612300, 645600, 600000, 512000, 500500, 498000]
    bank = [
        ("2026-10-31", f"NEFT DR-{n}-OCT26 INCENTIVE", f"N{i}", -a)
        for i, (n, a) in enumerate(zip(names, amounts, strict=False))
    ]
    for particulars, narration in [
        ("Commission on Sales", "Commission paid to agents for Oct-26"),
        ("Freight Charges", "Paid to transporters for Oct-26"),
    ]:
        found, _ = matched(
            statement(bank), ledger([("2026-10-31", particulars, narration, -sum(amounts))])
        )
        assert {b for b, _, _ in found} == set(range(7)), particulars


def test_a_firm_named_consultants_keeps_its_payee() -> None:
    # payee_keys blanks a key holding any _NO_ONES word: `ABC Consultants Pvt Ltd`,
    # `Ganesh Suppliers`, `All India Traders` lose their payee (the commit's own aim: two
    # consultants' equal fees of one day, each its own)
    import pandas as pd

    from xlbo.bank.parties import payee_keys

    keys = payee_keys(
        pd.Series(
            ["Paid to Kaveri Consultants", "Paid to Ganesh Suppliers", "Paid to All India Traders"]
        )
    ).tolist()
    assert all(keys), keys


def test_a_crowded_day_with_one_mid_still_joins_the_rest_on_totals() -> None:
    # five terminals on one day; only terminal 1's card sales write the MID. by_terminal is
    # non-empty, so the totals join is skipped and terminals 2-5 are lost (all found when no
    # card sale writes a MID, and when all do)
    terminals = [
        ("11111111", 9800000, 10000000, 200000),
        ("22222222", 4850000, 4950000, 100000),
        ("33333333", 4910000, 5000000, 90000),
        ("44444444", 2947000, 3000000, 53000),
        ("55555555", 1475000, 1500000, 25000),
    ]
    bank = [
        ("2026-10-14", f"POS SETTLEMENT MID {mid} 131026", "", net) for mid, net, _, _ in terminals
    ]
    books = [
        (
            "2026-10-14",
            "Card Sales",
            "Card sales 13-10-2026" + (f" MID {mid}" if i == 0 else ""),
            gross,
        )
        for i, (mid, _, gross, _) in enumerate(terminals)
    ]
    books += [
        ("2026-10-14", "MDR Charges", "MDR on card settlement incl GST", -mdr)
        for *_, mdr in terminals
    ]
    found, _ = run(bank, books)
    assert {b[0]: sorted(g) for b, g, _ in splits(found).values()} == {
        n: [n, n + 5] for n in range(5)
    }


def test_far_east_is_a_name_not_a_locality() -> None:
    # _LOCALITY = any word + EAST/WEST/NORTH/SOUTH: `FAR EAST` (a party) reads as where the
    # cheque cleared; its receipt becomes Ambiguous with Mehta Traders' (old: paired by name)
    found, _suggestions = matched(
        statement([("2026-10-05", "CLG/004512/FAR EAST", "004512", 2500000)]),
        ledger(
            [("2026-10-05", "Mehta Traders", "", 2500000), ("2026-10-05", "Far East", "", 2500000)]
        ),
    )
    assert found == {(0, 1, "Amount and date")}


def test_a_slip_does_not_pick_one_of_two_cheques_told_apart_by_number() -> None:
    # slips._alike compares day, amount and particulars only, not the narration/cheque number:
    # Sharma Traders' cheques 000111 and 000222 (41,000 each) are "alike", the first is taken
    # into the slip as a Batch with no choice offered (old: suggestions, choose)
    found, suggestions = matched(
        statement([("2026-10-18", "BY CLG 2 CHQS SLIP 004513", "004513", 10025000)]),
        ledger(
            [
                ("2026-10-17", "Sharma Traders", "Chq 000111 dt 16-10-2026", 4100000),
                ("2026-10-17", "Sharma Traders", "Chq 000222 dt 16-10-2026", 4100000),
                ("2026-10-17", "Patel Brothers", "Chq 554433", 5925000),
            ]
        ),
    )
    assert found == set() and len(suggestions) == 3


def test_psu_bank_commission_charges_with_a_word_beside_them_are_charges() -> None:
    # `_bank_charges`: COMMISSION with a non-empty party is an agent's. `STOP PAYMENT COMMISSION`
    # (party 'stop'), `COMMISSION ON DD ISSUE` ('on dd issue') are bank charges left out of the
    # month's charges journal
    found, _ = run(
        [
            ("2026-10-06", "NEFT COMMISSION", "", -250),
            ("2026-10-07", "GST ON NEFT COMMISSION", "", -45),
            ("2026-10-08", "COMMISSION ON DD ISSUE", "", -5000),
            ("2026-10-09", "STOP PAYMENT COMMISSION", "", -10000),
        ],
        [
            (
                "2026-10-31",
                "Bank Charges",
                "Being bank charges for Oct-2026 as per statement",
                -15295,
            )
        ],
    )
    assert set(found["bank"]) == {0, 1, 2, 3} and set(found["ledger"]) == {0}
