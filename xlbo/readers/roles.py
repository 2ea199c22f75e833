"""Which column of a bank export is which: the header words Indian banks use for each role.

>>> column_role("Withdrawal Amt."), column_role("Chq./Ref.No."), column_role("Value Dt")
(<Role.WITHDRAWAL: 'withdrawal'>, <Role.REFERENCE: 'reference'>, <Role.VALUE_DATE: 'value date'>)

A header's bracketed part (a unit or a format hint) is not needed to know it:

>>> column_role("Transaction Date (dd/mm/yyyy)"), column_role("Withdrawal Amt (INR)")
(<Role.DATE: 'date'>, <Role.WITHDRAWAL: 'withdrawal'>)
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from xlbo.readers.header_words import known_word


class Role(StrEnum):
    DATE = "date"
    VALUE_DATE = "value date"
    NARRATION = "narration"
    REFERENCE = "reference"
    WITHDRAWAL = "withdrawal"
    DEPOSIT = "deposit"
    AMOUNT = "amount"
    SIDE = "dr/cr"
    BALANCE = "balance"


BALANCE_SIDES = ("balancedrcr", "balancecrdr", "baldrcr")
"""A side column that says it is the balance's (Cosmos Bank's cash credit: `Balance | Balance
Dr/Cr`), never a line's, even beside one unsigned Amount."""

WORDS: dict[Role, tuple[str, ...]] = {
    Role.VALUE_DATE: ("valuedate", "valuedt", "valdate", "valuedat"),
    Role.DATE: (
        "date",
        "txndate",
        "trandate",
        "transactiondate",
        "postingdate",
        "postingdt",
        "trndate",
        "txnpostedate",
        "txnposteddate",  # ICICI (Txn Posted Date)
        "transactionpostingdate",
        "postdate",
        "postdt",  # (Post Dt, Trxn Date: public Indian statement parsers' header lists)
        "trxndate",
        "trxndt",
        "transdate",  # Canara Bank (TRANS DATE)
        "entrydate",
        "txndt",
        "trandt",
        "transdt",
        "transactiondt",
        "bookdate",
        "bookingdate",
        "dateoftransaction",
        "posteddate",
        "dt",
        "transaction",  # Kotak (#, TRANSACTION, TRANSACTION DETAILS, …): SECONDARY
    ),
    Role.NARRATION: (
        "narration",
        "description",
        "particulars",
        "transactionremarks",
        "remarks",
        "details",
        "transactiondetails",
        "transactiondetail",
        "transactiondescription",
        "accountdescription",  # Central Bank of India
        "narrative",
        "transactionparticulars",
        "particular",  # Ujjivan (Particular)
        "tranparticular",
        "naration",  # Indian Overseas Bank (NARATION), as its statement spells it
        "perticulers",  # as a printed statement spells it
        "perticulars",
        "particulers",
        "txndescription",
        "trandescription",
        "transactionnarration",
        "narrationdescription",
        "descriptionnarration",
        "particularsdescription",
        "detailsoftransaction",
        "descriptionoftransaction",
        "tranparticulars",
        "txnparticulars",
        "txndetails",
        "trandetails",
        "txnnarration",
        "narr",
        "transactionremark",
        "remark",
        "tranparticular",  # (TRAN PARTICULAR, Tran. Remarks, Txn Remarks: real exports' headers)
        "txnparticular",
        "tranremarks",
        "tranremark",
        "txnremarks",
        "txnremark",
        "paymentdetails",  # Deutsche Bank (Payment Details, beside Beneficiary / Originator)
    ),
    Role.REFERENCE: (
        "chqrefno",
        "refnochequeno",
        "chequenumber",
        "chqno",
        "chequeno",
        "referenceno",
        "refno",
        "chequerefno",
        "chqrefnumber",
        "utrno",
        "referencenumber",
        "chequenorefno",  # ICICI (Cheque. No./Ref. No.)
        "refchqno",  # Canara Bank (REF/CHQ.NO)
        "chequedetails",  # Federal Bank
        "instrumentid",  # Bank of India
        "chequenoreferenceno",  # Yes Bank (Cheque No/Reference No)
        "chequeid",  # RBL Bank
        "instrumentno",
        "instrumentnumber",
        "utrnumber",  # Union Bank of India (UTR Number)
        "utr",
        "bankreference",  # IndusInd Bank (Bank Reference)
        "bankreferenceno",
        "transactionreference",
        "chequereferenceno",  # Bank of Maharashtra (Cheque/Reference No)
        "utrchequeno",
        "txnrefno",
        "cheque",  # Standard Chartered (Cheque)
        "chq",
        "reference",
        "chqref",  # a converted statement's cut header (Chq/Ref, Chq / Ref)
        "chequeref",
        "ref",
        "instno",
        "instrno",
        "chqddno",  # a cheque or a demand draft (Chq/DD No)
        "chequeddno",
        "chqnorefno",
        "refchequeno",  # IDFC First (Ref/Cheque No)
        "referencenochequeno",
        "refnochqno",
        "chequenoutr",
        "chqnoutr",
        "chqutrno",
        "chequeutrno",
        "utrchqno",
        "tranrefnum",  # (Tran Ref Num, CHQ-NUM, Instrument Num., REF NUM)
        "tranrefno",
        "txnrefnum",
        "chqnum",
        "chequenum",
        "instrumentnum",
        "refnum",
        "referencenum",
    ),
    Role.WITHDRAWAL: (
        "withdrawalamt",
        "withdrawalamountinr",
        "withdrawalamount",
        "withdrawal",
        "withdrawals",
        "withdraws",  # Canara Bank
        "debit",
        "dr",
        "dramount",
        "dramt",
        "debitamount",
        "withdrawalsinr",
        "debitinr",
        "withdrawaldr",
        "withdrawalsdr",
        "debitdr",
        "withdrawl",  # IndusInd (Withdrawl), RBL (Withdrawl Amt)
        "withdrawls",
        "withdrawlamt",
        "paidout",  # (Paid out, Paid in: a public header classifier's words)
        "moneyout",
        "debits",
        "debitamt",
        "withdrawalsamt",
        "amountdebited",
        "withdrawn",  # HDFC's statement as a converter writes it (Withdrawn Amt.)
        "withdrawnamt",
        "withdrawnamount",
        "amountwithdrawn",
    ),
    Role.DEPOSIT: (
        "depositamt",
        "depositamountinr",
        "depositamount",
        "deposit",
        "deposits",
        "credit",
        "cr",
        "cramount",
        "cramt",
        "creditamount",
        "depositsinr",
        "creditinr",
        "depositcr",
        "depositscr",
        "creditcr",
        "paidin",
        "moneyin",
        "credits",
        "creditamt",
        "depositsamt",
        "amountcredited",
        "deposited",
        "depositedamt",
        "depositedamount",
        "amountdeposited",
    ),
    Role.AMOUNT: (
        "amount",
        "amountinr",
        "transactionamount",
        "txnamount",
        "amountrs",
        # one column for both sides, the side written after each figure
        "withdrawaldrdepositcr",  # Kotak (Withdrawal (Dr)/Deposit (Cr))
        "withdrawaldeposit",
        "debitcreditamount",
        "amountdrcr",
        "totalamountdrcr",  # (Total Amount Dr/Cr)
        "tranamount",
        "trxnamount",
        "txnamt",
        "tranamt",  # Finacle's report columns (TRAN_AMT, TRAN_PARTICULAR, PART_TRAN_TYPE)
        "amt",
    ),
    Role.SIDE: (
        "drcr",
        "crdr",
        "parttrantype",
        "type",
        "drcrindicator",
        "debitcredit",
        "transactiontype",
        "txntype",
        "trantype",
        "drcrflag",
        "crdrflag",
        "creditdebit",  # the sides in the other order (Credit/Debit), as Cr/Dr is to Dr/Cr
        "debitcreditindicator",
        "creditdebitindicator",
        "dc",
        "indicator",
        *BALANCE_SIDES,
    ),
    Role.BALANCE: (
        "balance",
        "closingbalance",
        "balanceinr",
        "bal",
        "runningbalance",
        "availablebalance",
        "closingbal",  # Varachha Co-op (Closing  Bal)
        "runningbal",
        "ledgerbalance",
        "balanceamt",
        "balanceamount",
        "bookbalance",
        "balamt",
        "accountbalance",
        "clearbalance",
        "clearedbalance",
        "totalbalance",
        "availablebal",
        "effectiveavailablebalance",
    ),
}
_LOOKUP = {word: role for role, words in WORDS.items() for word in words}

SECONDARY = frozenset(
    {
        "remark",
        "remarks",
        "tranremark",
        "tranremarks",
        "txnremark",
        "txnremarks",
        "cheque",
        "chq",
        "reference",
        "type",
        "txntype",
        "trantype",
        "transactiontype",
        "dt",
        "amt",
        "availablebalance",
        "availablebal",
        "effectiveavailablebalance",
        "clearbalance",
        "clearedbalance",
        "totalbalance",
        "transaction",
    }
)
"""Words that name their role only where no other column's word names it: `Remarks` beside a
`Narration` is a note, `Cheque` beside a `Chq./Ref.No.` a cheque's mark, a `Txn Type` beside a
`Dr/Cr` the channel (`NEFT`, `CLG`), `Available Balance` beside a `Ledger Balance` is not
the balance the bank's books hold, and a column headed `TRANSACTION` alone is the date only
where no other column names one (Kotak's `#, TRANSACTION, TRANSACTION DETAILS, …`).

>>> roles_in(["Date", "Remarks", "Narration", "Amount", "Txn Type", "D/C"])[Role.NARRATION]
2
>>> roles_in(["Date", "Remarks", "Amount", "Txn Type"])[Role.NARRATION]
1
"""


_MONEY_WORDS = frozenset(
    word
    for word, role in _LOOKUP.items()
    if role in (Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT, Role.BALANCE)
)
_DATE_WORDS = frozenset(w for w, role in _LOOKUP.items() if role in (Role.DATE, Role.VALUE_DATE))


def column_role(header: Any) -> Role | None:
    """The role a header names, or None: by its words, else by its words outside brackets
    (`Value Date (dd/mm/yyyy)`, `Withdrawal Amt (INR)`; but `WITHDRAWAL(DR)` is known whole),
    else by its words without a currency after them (`Withdrawal INR`) or, for a date, the
    time (`DATE & TIME`).

    >>> column_role("Deposit INR"), column_role("DATE & TIME"), column_role("Balance Rs.")
    (<Role.DEPOSIT: 'deposit'>, <Role.DATE: 'date'>, <Role.BALANCE: 'balance'>)
    >>> column_role("Amount & Time") is None, column_role("Lifetime") is None
    (True, True)
    """
    word = known_word(header, _LOOKUP, _MONEY_WORDS, _DATE_WORDS)
    return None if word is None else _LOOKUP[word]


def roles_in(row: Sequence[Any]) -> dict[Role, int]:
    """Roles found in a row of cells: for each, the first column a main word of it heads, else
    the first a `SECONDARY` word heads."""
    found: dict[Role, int] = {}
    fallback: dict[Role, int] = {}
    for index, cell in enumerate(row):
        if isinstance(cell, str):
            word = known_word(cell, _LOOKUP, _MONEY_WORDS, _DATE_WORDS)
            if word is not None:
                (fallback if word in SECONDARY else found).setdefault(_LOOKUP[word], index)
    return {**fallback, **found}


def has_amounts(found: dict[Role, int]) -> bool:
    return (Role.WITHDRAWAL in found and Role.DEPOSIT in found) or Role.AMOUNT in found
