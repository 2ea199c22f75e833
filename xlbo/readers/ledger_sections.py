"""A books export that holds several accounts' ledgers on one sheet, and the one to read.

Accounting software exports a report of several accounts as one table, each line tagged with
its account, and the bank's ledger is only some of its lines:

- an `Account` column that names each line's account — Zoho Books' Account Transactions run
  for all accounts (the bank's line and the Accounts Receivable line of each receipt), ERPNext's
  General Ledger grouped by account (each block between its `'Opening'` and its
  `'Closing (Opening + Total)'` rows, which the Account column holds);
- a row naming the account over its lines and a `Total` row naming it under them — QuickBooks'
  Transaction Detail by Account (`HDFC Bank Current A/c` … `Total for HDFC Bank Current A/c`),
  Odoo's General Ledger (`101401 HDFC Bank` … `Total 101401 HDFC Bank`);
- an `Account : <name>` row over each account's block — BUSY's ledger of an account group,
  account-wise (the first one's in the title rows above the header).

Read as one ledger, every account's lines were the bank's: Accounts Receivable's receipts
outstanding on the BRS, a petty-cash voucher an unpresented cheque — and a BRS that tied.
`one_account` keeps the lines of the account `--account` names (an error listing the accounts
where it names none of them); without it, the one bank account among them, or an error that
lists them.

Example: Zoho's all-accounts report with `--account "HDFC Bank Current A/c"` keeps the 18
lines whose Account says so, and leaves out their 18 Accounts Receivable/Payable twins.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.banks import account_number, bank_of, same_account
from xlbo.book.table import Table, header_text
from xlbo.columns import (
    amount_present,
    contains,
    has_date,
    is_text,
    paise_column,
    strings,
    text_column,
)
from xlbo.columns import date_column as date_column_dates
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.readers.statement_summary import month_in

_LABEL = r"(?i)^\W*(?:opening|closing|total|initial\s+balance|grand\s+total|balance\s+b/?[df])\b"
"""An Account cell that is a balance or total row's label (ERPNext's `'Opening'`), no account."""
_OPENING = r"(?i)^\W*(?:opening|initial\s+balance|balance\s+b/?f|as\s+on)\b"
_TOTAL_OF = re.compile(r"(?i)^\s*total\s+(?:for\s+)?(?P<name>\S.*?)\s*$")
_ACCOUNT_IS = re.compile(r"(?i)^\s*(?:account|a/c|ledger)\s*[:\-]\s*(?P<name>\S.*?)\s*$")


NAMED = "--account names it"
"""Why a section was read, where `--account` named it."""
THE_STATEMENTS = "its name gives the statement's account number or bank, and no --account was given"
"""Why, where the reconcile job chose it for the statement (`statements_section`)."""


class SeveralAccounts(SheetProblem):
    """A ledger export of several accounts, read without `--account`, that holds more than one
    bank's: the reconcile job chooses the statement's own (`statements_section`), or says this."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


@dataclass(frozen=True)
class Section:
    """One account's part of the export: its name as the export writes it, and the positions
    of its rows among the table's."""

    name: str
    rows: np.ndarray
    joins: tuple[int, ...] = ()
    """Where (among `rows`) each later part of the account begins, where the sheet holds it in
    several parts: two exports of it pasted one under another (`_one_each`)."""


_BANK = re.compile(
    r"\bbank\b|\ba/c\b|\bo/?d\b|\boverdraft\b|\bcash\s+credit\b"
    r"|\b(?:current|savings?|sb)\s+(?:account|a/?c)\b|(?-i:\bCA\b)",
    re.I,
)
_NOT_BANK = re.compile(r"\b(?:charges?|chgs|interest|commission|guarantee|fees?)\b", re.I)
"""An income or expense ledger that names a bank: `HDFC Bank Charges`, `Bank Interest`,
`Interest on Bank OD`, `Bank Guarantee Commission`."""


def is_bank_account(name: str) -> bool:
    """Whether an account's name says it is a bank's (`HDFC Bank - STPL`, `ICICI OD A/c`,
    `HDFC Current Account`, `Axis CA 4521`, `SBI Cash Credit`), not cash in hand (`Petty
    Cash`, `101000 Cash`), a party's (`Debtors - STPL`) or the charges or interest a bank
    debits or pays (`Bank Charges`, `Interest on Bank OD`): 'Bank Charges' beside 'HDFC
    Current Account' was taken for the one bank account and read instead of it."""
    return _BANK.search(name) is not None and _NOT_BANK.search(name) is None


def account_key(name: Any) -> str:
    """How ledger account names compare: any case, spaces folded (`HDFC  bank a/c` = `HDFC Bank A/c`)."""
    return " ".join(str(name or "").split()).casefold()


ROW_TEXT_COLUMNS = 3
"""How many of the first columns an account's row over its lines is looked for in (QuickBooks'
and Odoo's unnamed first column, BUSY's Date column)."""
_SECTION_ROW = r"(?i)^\s*(?:total\s+\S|(?:account|a/c|ledger)\s*[:\-])"
"""A row that may close or open an account's section: `Total for …`, `Account : …`."""


def _row_texts(frame: pd.DataFrame) -> pd.Series:
    """Each row's first cell of text, stripped (`HDFC Bank Current A/c`, `Total for …`); dates
    and numbers are passed over, never cast to text (a ledger's hundred thousand dates)."""
    first = np.full(len(frame), "", dtype=object)
    for column in reversed(list(frame.columns)):
        cells = frame[column]
        text = strings(cells.where(is_text(cells), "")).str.strip().to_numpy(dtype=object)
        first = np.where(text != "", text, first)
    return strings(pd.Series(first, index=frame.index, dtype=object))


def _by_account_column(
    frame: pd.DataFrame,
    account: str | None,
    date: str | None,
    voucher: str | None,
    money: Sequence[str | None] = (None, None, None),
) -> list[Section]:
    """Sections by an `Account` column that names two accounts or more on dated rows, where it
    is each line's own account: a voucher is under two of them as a double entry (its rows
    under each on opposite sides, adding up to nil: the bank's 5,000.00 Dr and Accounts
    Receivable's 5,000.00 Cr), or each account has its own opening row (ERPNext's
    `'Opening'`) — not a register's column of the other side's account (QuickBooks
    Desktop's), nor a bank book's whose payment P17 is Kaveri's 1,800.00 and TDS Payable's
    200.00, both paid out. A row without an account of its own (a balance or total row) is the
    account's above it, an opening row the account's below it."""
    if account is None or date is None:
        return []
    names = text_column(frame[account])
    keys = names.map(account_key)
    label = contains(names, _LABEL)
    own = (names != "").to_numpy(dtype=bool) & ~label
    lines = own & amount_present(frame[date])
    # one account however its name is spaced or cased (`HDFC  bank` is HDFC Bank's line), as
    # `one_account` compares them; the first spelling names it
    first: dict[str, str] = {}
    for key, name in zip(keys[lines].tolist(), names[lines].tolist(), strict=True):
        first.setdefault(key, name)
    if len(first) < 2:
        return []
    opening = contains(names, _OPENING)
    double_entry = False
    net = _net(frame, money)
    if voucher is not None and net is not None:
        vouchers = pd.DataFrame({"no": text_column(frame[voucher]), "account": keys, "net": net})
        vouchers = vouchers[lines & (vouchers["no"] != "").to_numpy(dtype=bool)]
        double_entry = any(
            _double_entry(group.groupby("account")["net"].sum())
            for _, group in vouchers.groupby("no")
            if group["account"].nunique() > 1
        )
    if not double_entry and int(opening.sum()) < 2:
        return []
    whose = _whose(frame, keys, own, opening, list(first))
    return [Section(name, np.flatnonzero(whose == key)) for key, name in first.items()]


def _whose(
    frame: pd.DataFrame, keys: pd.Series, own: np.ndarray, opening: np.ndarray, accounts: list[str]
) -> np.ndarray:
    """The account (its `account_key`) of each row. A row without an account of its own (a
    balance or total row) is the one its text names (`Total for Cash - STPL`); else, where
    each account's block opens with its own opening row (ERPNext's `'Opening'`, `'Total'`,
    `'Closing (Opening + Total)'`), its block's, and a block with no lines (ICICI's account
    that moved nothing that month) is nobody's — its Total and Closing rows had been given to
    the bank's block above it, whose closing balance then read as ICICI's; else (Zoho's, no
    opening rows) the account's above it, an opening row the account's below it."""
    named = keys.astype(object).where(own)
    if int(opening.sum()) >= 2:
        block = pd.Series(np.cumsum(opening), index=keys.index)
        inside = named.groupby(block).ffill().groupby(block).bfill()
        whose = inside.where(block > 0, named.bfill())
    else:
        above, below = named.ffill(), named.bfill()
        whose = pd.Series(np.where(opening, below, above.fillna(below)), index=keys.index)
    for at in np.flatnonzero(~own).tolist():
        text = account_key(" ".join(header_text(cell) for cell in frame.iloc[at]))
        said = [key for key in accounts if key in text]
        if said:
            whose.iat[at] = max(said, key=len)
    return whose.fillna("").to_numpy(dtype=object)


def _net(frame: pd.DataFrame, money: Sequence[str | None]) -> np.ndarray | None:
    """Each row's debit less credit, in paise, from the Debit and Credit columns, else a signed
    Amount; None where the table has neither."""
    debit, credit, amount = money
    if debit is not None and credit is not None:
        net: np.ndarray = paise_column(frame[debit])[0] - paise_column(frame[credit])[0]
        return net
    if amount is not None:
        return paise_column(frame[amount])[0]
    return None


def _double_entry(nets: pd.Series) -> bool:
    """Whether one voucher's totals under its accounts are a double entry: some debited, some
    credited, adding up to nil."""
    return bool((nets > 0).any() and (nets < 0).any() and int(nets.sum()) == 0)


def named_over_and_under(table: Table, date_column: str | None) -> str:
    """The account a report of one account names on a row over its lines and in the `Total
    [for] <name>` row under them (Xero's Account Transactions: `HDFC Bank Current A/c` …
    `Total HDFC Bank Current A/c`; QuickBooks' of one account), where its title does not; ""
    where there is no such pair of rows."""
    if date_column is None:
        return ""
    texts = _row_texts(table.frame.iloc[:, :ROW_TEXT_COLUMNS])
    if not contains(texts, _SECTION_ROW).any():
        return ""
    dated = has_date(date_column_dates(table.frame[date_column], serials_alone=True)[0])
    found = _total_sections([str(text) for text in texts], dated)
    if len(found) != 1:
        return ""
    section, lines = found[0], np.flatnonzero(dated)
    # the account's rows hold every line between them (not a month's `Nov 2026` … `Total for
    # Nov 2026`, nor a voucher's `Advance` and a narration's `Total Advance` among the lines),
    # and its name is no period or day
    if len(lines) and (
        not len(section.rows) or section.rows[0] > lines[0] or section.rows[-1] < lines[-1]
    ):
        return ""
    if (
        month_in(section.name) is not None
        or has_date(date_column_dates(pd.Series([section.name]))[0]).any()
    ):
        return ""
    return section.name


def _by_total_rows(texts: list[str], dated: np.ndarray) -> list[Section]:
    """Sections between a row naming an account and the `Total [for] <that name>` row under it:
    the rows between them; none where there is one (a report of one account)."""
    sections = _total_sections(texts, dated)
    return sections if len(sections) > 1 else []


def _total_sections(texts: list[str], dated: np.ndarray) -> list[Section]:
    """Each account named on a row and in the `Total [for] <that name>` row under it, with the
    rows between them."""
    sections: list[Section] = []
    start = 0
    for at, text in enumerate(texts):
        found = _TOTAL_OF.match(text)
        if dated[at] or not found:
            continue
        name = account_key(found["name"])
        heads = [
            row for row in range(start, at) if not dated[row] and account_key(texts[row]) == name
        ]
        if heads:
            sections.append(Section(texts[heads[-1]], np.arange(heads[-1] + 1, at)))
            start = at + 1
    return sections


def _by_account_rows(
    texts: list[str], dated: np.ndarray, head: Sequence[Sequence[Any]]
) -> list[Section]:
    """Sections from each `Account : <name>` row to the next (the first one's row may be a
    title row above the header). A voucher's narration is no account's start, whatever it
    says: Tally writes it under the voucher's dated row, under its ledger entries (`TDS
    Payable  200.00 Dr`) or under another narration row, so `A/c : FD transfer to ICICI Bank`
    under a payment's entries read as an account of that name took the vouchers below it from
    the bank's ledger. BUSY's `Account : HDFC Bank A/c …` follows a blank row or its last
    account's `Closing Bal.`, and an opening row or dated lines follow it."""
    starts = [
        (at, found["name"])
        for at, text in enumerate(texts)
        if not dated[at]
        and not _narration_row(texts, dated, at)
        and (found := _ACCOUNT_IS.match(text))
    ]
    starts = [
        (at, name)
        for index, (at, name) in enumerate(starts)
        if _opens_lines(
            texts, dated, at, starts[index + 1][0] if index + 1 < len(starts) else len(texts)
        )
    ]
    if not starts:
        return []
    titled = [
        found["name"]
        for row in head
        for cell in row
        if (found := _ACCOUNT_IS.match(header_text(cell)))
    ]
    if titled and starts[0][0] > 0:
        starts.insert(0, (-1, titled[-1]))
    if len(starts) < 2:
        return []
    ends = [at for at, _ in starts[1:]] + [len(texts)]
    return [
        Section(name, np.arange(at + 1, end)) for (at, name), end in zip(starts, ends, strict=True)
    ]


def _narration_row(texts: list[str], dated: np.ndarray, at: int) -> bool:
    """Whether row `at` is under a voucher: the rows above it, up to a dated row, all hold text
    that is no balance or total (`Closing Bal.`) — its ledger entries and narration. A blank
    row or a totals row of figures alone ends a voucher."""
    for above in range(at - 1, -1, -1):
        if dated[above]:
            return True
        text = texts[above]
        if not text or re.match(_LABEL, text) or re.match(_SECTION_ROW, text):
            return False
    return False


def _opens_lines(texts: list[str], dated: np.ndarray, at: int, end: int) -> bool:
    """Whether an account's row at `at` is followed, before the next (`end`), by an opening row
    or dated lines, as BUSY's account's header and `Opening Bal.` are."""
    return any(dated[row] or re.match(_OPENING, texts[row]) for row in range(at + 1, end))


def account_sections(
    table: Table,
    head: Sequence[Sequence[Any]],
    account_column: str | None,
    date_column: str | None,
    voucher_column: str | None = None,
    money_columns: Sequence[str | None] = (None, None, None),
) -> list[Section]:
    """The accounts whose ledgers the table holds, each with its rows; [] for one account's.
    `money_columns`: the Debit, Credit and Amount columns, which tell a double entry."""
    frame = table.frame
    if date_column is None:
        return []
    found = _by_account_column(frame, account_column, date_column, voucher_column, money_columns)
    if found:
        return found
    texts = _row_texts(frame.iloc[:, :ROW_TEXT_COLUMNS])
    if not contains(texts, _SECTION_ROW).any():  # a ledger of one account (nearly all)
        return []
    dated = has_date(date_column_dates(frame[date_column], serials_alone=True)[0])
    rows = [str(text) for text in texts]
    return _one_each(_by_total_rows(rows, dated) or _by_account_rows(rows, dated, head))


def _one_each(sections: list[Section]) -> list[Section]:
    """One section per account (`account_key`), its parts joined in order: October's export of
    HDFC Bank pasted above November's is one ledger of both months, not two accounts (only
    October's was read with `--account "HDFC Bank"`, and without it the refusal listed 'HDFC
    Bank' twice). Each later part's opening row is checked against the lines before it by the
    ledger reader (`joins`)."""
    merged: dict[str, Section] = {}
    for section in sections:
        key = account_key(section.name)
        if key not in merged:
            merged[key] = section
            continue
        earlier = merged[key]
        merged[key] = Section(
            earlier.name,
            np.concatenate([earlier.rows, section.rows]),
            (*earlier.joins, len(earlier.rows)),
        )
    return list(merged.values()) if len(merged) < len(sections) else sections


def one_account(
    table: Table,
    sections: list[Section],
    account: str | None,
    where: str,
    file: str,
    *,
    same: Callable[[str, str], bool],
) -> tuple[Table, Section, Issue]:
    """The table narrowed to the section of `account` — the one of that name (`account_key`),
    else the one `same(name, account)` says it is (`HDFC Bank A/c` for `HDFC Bank A/c
    50200012345678`) —, that section and a note; without `account`, the one bank account's
    (`is_bank_account`). An `account` that no section is, or that several are only by
    `same`, or several bank accounts and no `account`, is an error listing them."""
    names = [section.name for section in sections]
    shown = ", ".join(f"'{name}'" for name in names[:12]) + (" …" if len(names) > 12 else "")
    if account:
        # the account of that very name first: `HDFC Bank` is not the `HDFC Bank Charges`
        # above it, nor is `HDFC Bank A/c 50200012345678` the `HDFC Bank` above it; a name
        # that only begins several accounts' names (or is begun by them) chooses none
        wanted = account_key(account)
        chosen = [section for section in sections if account_key(section.name) == wanted]
        chosen = chosen or [section for section in sections if same(section.name, account)]
        if not chosen:
            raise SheetProblem(
                f"--account '{account}' names none of the accounts whose ledgers {where} holds "
                f"({shown}). Give the bank ledger's name as the export writes it."
            )
        if len(chosen) > 1:
            raise SheetProblem(
                f"--account '{account}' could be any of {len(chosen)} accounts whose ledgers "
                f"{where} holds ("
                + ", ".join(f"'{section.name}'" for section in chosen)
                + "). Give the bank ledger's whole name as the export writes it."
            )
        why = NAMED
    elif len(sections) == 1:  # one account's exports pasted one under another
        chosen, why = sections, "the sheet holds no other account"
    else:
        chosen = [section for section in sections if is_bank_account(section.name)]
        if len(chosen) != 1:
            raise SeveralAccounts(
                f"{where} holds the ledgers of {len(sections)} accounts ({shown}), and "
                + ("more than one of them is a bank's" if chosen else "none of them is a bank's")
                + ": give the bank ledger's name with --account (or export the bank account's "
                "ledger alone) and reconcile again.",
                # where no name says bank, the reconcile job may still find the one that
                # names the statement's bank (`statements_section`) among them all
                [section.name for section in chosen or sections],
            )
        why = "it is the only bank account among them"
    section = chosen[0]
    narrowed = dataclasses.replace(table, frame=table.frame.iloc[section.rows])
    parts = len(section.joins) + 1
    problem = (
        f"the ledger export holds the ledgers of {len(sections)} accounts ({shown}): only the "
        f"{len(section.rows):,} rows of '{section.name}' were read, as {why}"
    )
    hint = "To reconcile another account, give --account with its name as the export writes it."
    if parts > 1 and len(sections) == 1:
        problem = (
            f"the ledger export holds the ledger of '{section.name}' in {parts} parts (one "
            f"export pasted under another): its {len(section.rows):,} rows were read as one "
            "ledger, in order"
        )
    if parts > 1:
        if len(sections) > 1:
            problem += f"; its {parts} parts on the sheet (one export pasted under another) "
            problem += "were read as one ledger, in order"
        hint = "Check that the exports do not overlap: a voucher in two of them is read twice."
    note = Issue(
        severity=Severity.INFO,
        sheet=table.sheet,
        cell="",
        value=section.name,
        problem=problem,
        hint=hint,
        file=file,
    )
    return narrowed, section, note


def statements_section(names: Sequence[str], account: str, bank: str) -> str:
    """Of a ledger export's bank accounts `names`, the one of the statement whose account
    number is `account` and bank (IFSC prefix) `bank`: the one whose name gives that number,
    else the only one naming that bank; "" where none or several do."""
    wanted = account_number(account)
    if wanted:
        numbered = [n for n in names if (got := account_number(n)) and same_account(wanted, got)]
        if len(numbered) == 1:
            return numbered[0]
    banked = [n for n in names if bank and bank_of([n]) == bank]
    return banked[0] if len(banked) == 1 else ""
