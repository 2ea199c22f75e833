"""One side of a reconciliation as the matcher sees it: each line's day, signed amount in paise
(into the account is positive, on either side), folded party name and text, and the references
it carries.

>>> bank = side(days=[10], signed=[500000], party=["om sai"])
>>> len(bank), bank.lines["signed"].tolist()
(1, [500000])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from xlbo.arrays import within
from xlbo.bank.parties import (
    CHEQUE_WORDS,
    HIDES_THE_PARTY,
    PAID_FOR_A_SERVICE,
    PAID_TO_MANY,
    RETURN_WORDS,
    TRANSFER_WORDS,
    WHERE_CLEARED,
    bank_party_key,
    book_narration_party_keys,
    ledger_party_keys,
    narration_keys_and_handles,
    narration_names,
    narration_party_keys,
    payee_keys,
    with_handles,
)
from xlbo.bank.references import reference_frame
from xlbo.columns import contains, day_numbers, extract, strings


@dataclass(frozen=True)
class Side:
    """One side's lines as the matcher sees them, by position (0, 1, … in the order read)."""

    lines: pd.DataFrame
    """`day` (days since 1970-01-01), `signed` (paise into the account), `party` (folded name),
    `text` (the narration or particulars, for the user's rules); ledger lines also `note` (their
    narration)."""
    tokens: pd.DataFrame
    """(`position`, `token`): the references each line carries."""

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def parties(self) -> tuple[np.ndarray, pd.Index]:
        """Each line's party numbered (0, 1, … among this side's distinct parties, "" for a line
        naming no one among them) and those parties: worked out once a side."""
        codes, distinct = pd.factorize(self.lines["party"].fillna("").astype(str))
        return np.asarray(codes, dtype=np.int64), pd.Index(distinct, dtype=object)

    @cached_property
    def texts(self) -> np.ndarray:
        """Each line's `text` numbered (equal texts, equal numbers): worked out once a side."""
        codes, _ = pd.factorize(self.lines["text"])
        return np.asarray(codes, dtype=np.int64)


def side(
    days: Sequence[int],
    signed: Sequence[int],
    party: Sequence[str] | None = None,
    tokens: Sequence[tuple[int, str]] = (),
    text: Sequence[str] | None = None,
) -> Side:
    """A side from plain lists (tests, and callers that already hold the figures)."""
    parties = list(party) if party is not None else [""] * len(days)
    lines = pd.DataFrame(
        {
            "day": np.asarray(days, dtype=np.int64),
            "signed": np.asarray(signed, dtype=np.int64),
            "party": parties,
            "text": list(text) if text is not None else parties,
        }
    )
    found = pd.DataFrame(list(tokens), columns=["position", "token"]).assign(written="")
    return Side(lines, found.astype({"position": np.int64, "token": object, "written": object}))


@dataclass(frozen=True)
class NarrationsRead:
    """What each of a statement's lines says of its party and its references, read line by line
    (`narration_keys_and_handles`, `reference_frame`: neither looks at another line) as soon as
    the statement is read, while a big ledger is still being read by another process (a
    million lines: some 4 s of `prepare_bank`'s work done while this process would wait). The
    lines the matcher is later given (the books' period, repeats set aside) take each the
    reading of a line of the same texts (`for_lines`)."""

    narration: np.ndarray
    reference: np.ndarray
    """The texts read, as `prepare_bank` makes them text."""
    keys: np.ndarray
    by_handle: np.ndarray
    typed: np.ndarray
    tokens: pd.DataFrame
    """`reference_frame` of the lines, by position among them (in the order of the lines)."""

    @classmethod
    def of(cls, lines: pd.DataFrame) -> NarrationsRead | None:
        """The lines' narrations read; None where either column is not text (the readers' are:
        a column of numbers or dates is made text otherwise by `reference_frame`)."""
        if not _texts_in(lines):
            return None
        narration, reference = _as_text(lines, "narration"), _as_text(lines, "reference")
        keys, by_handle, typed = narration_keys_and_handles(narration)
        return cls(
            narration.to_numpy(dtype=object),
            reference.to_numpy(dtype=object),
            keys.to_numpy(dtype=object),
            np.asarray(by_handle, dtype=bool),
            np.asarray(typed, dtype=bool),
            reference_frame(narration, lines["reference"]),
        )

    def for_lines(
        self, lines: pd.DataFrame, narration: pd.Series | None = None
    ) -> NarrationsRead | None:
        """The readings of `lines` in their order: each a read line's of the same narration and
        reference, and the lines whose texts were not read (last month's BRS items, added
        after the statement was read) read now. None where the lines' columns are not text.
        `narration`: the lines' narrations made text already (`_as_text`), not made again."""
        if not _texts_in(lines):
            return None
        narration = _as_text(lines, "narration") if narration is None else narration
        reference = _as_text(lines, "reference")
        texts, references = narration.to_numpy(dtype=object), reference.to_numpy(dtype=object)
        if (
            len(texts) == len(self.narration)
            and np.array_equal(texts, self.narration)
            and np.array_equal(references, self.reference)
        ):
            return self
        # each line's (narration, reference) numbered among those read and these (equal texts,
        # equal numbers; Python keeps each text's hash), and a read line of the same number found
        count = len(self.narration)
        narrations, _ = pd.factorize(np.concatenate([self.narration, texts]))
        refs, distinct = pd.factorize(np.concatenate([self.reference, references]))
        pair, _ = pd.factorize(narrations.astype(np.int64) * (len(distinct) + 1) + refs)
        first = np.full(int(pair.max(initial=-1)) + 1, -1, dtype=np.int64)
        first[pair[:count][::-1]] = np.arange(count, dtype=np.int64)[::-1]
        at = first[pair[count:]]
        unread = np.flatnonzero(at < 0)
        found = self
        if len(unread):  # read now, and taken as if read before, after those read
            fresh = NarrationsRead.of(lines.iloc[unread])
            if fresh is None:
                return None
            found = _joined(self, fresh)
            at[unread] = count + np.arange(len(unread))
        # each line's references are its read line's, renumbered (in the order found)
        positions = found.tokens["position"].to_numpy(dtype=np.int64)
        counts = np.bincount(positions, minlength=len(found.narration))
        starts = np.cumsum(counts) - counts
        taken = counts[at]
        rows = np.repeat(starts[at], taken) + within(taken)
        tokens = found.tokens.iloc[rows].reset_index(drop=True)
        tokens["position"] = np.repeat(np.arange(len(at), dtype=np.int64), taken)
        return NarrationsRead(
            texts, references, found.keys[at], found.by_handle[at], found.typed[at], tokens
        )


def _joined(first: NarrationsRead, then: NarrationsRead) -> NarrationsRead:
    """Two readings as one, `then`'s lines after `first`'s."""
    tokens = then.tokens.assign(position=then.tokens["position"] + len(first.narration))
    return NarrationsRead(
        np.concatenate([first.narration, then.narration]),
        np.concatenate([first.reference, then.reference]),
        np.concatenate([first.keys, then.keys]),
        np.concatenate([first.by_handle, then.by_handle]),
        np.concatenate([first.typed, then.typed]),
        pd.concat([first.tokens, tokens], ignore_index=True),
    )


def _texts_in(lines: pd.DataFrame) -> bool:
    """Whether the lines' narration and reference columns hold text (or nothing)."""
    return all(
        lines[column].dtype == object or pd.api.types.is_string_dtype(lines[column].dtype)
        for column in ("narration", "reference")
    )


def _as_text(lines: pd.DataFrame, column: str) -> pd.Series:
    """A statement's narrations or references as text, as `prepare_bank` reads them."""
    return lines[column].fillna("").astype(str)


def prepare_bank(
    lines: pd.DataFrame, holders: Sequence[str] = (), read: NarrationsRead | None = None
) -> Side:
    """Statement lines for the matcher (a deposit is money in). `holders` are the account
    holder's names (the company), which a narration may carry beside the counterparty's.
    `read`: what the statement's narrations say, read already (`NarrationsRead`), where the
    lines' texts are among those read."""
    narration = _as_text(lines, "narration")  # made text once, read four ways
    read = read.for_lines(lines, narration) if read is not None else None
    if read is not None:
        keys = pd.Series(read.keys, index=narration.index, dtype=object)
        by_handle, typed, tokens = read.by_handle, read.typed, read.tokens
    else:
        keys, by_handle, typed = narration_keys_and_handles(narration)
        tokens = reference_frame(narration, lines["reference"])
    keys = _not_the_holders(narration, keys, holders)
    keys = _not_where_it_cleared(narration, keys, lines["credit"] > lines["debit"])
    frame = pd.DataFrame(
        {
            "day": day_numbers(lines["date"]),
            "signed": (lines["credit"] - lines["debit"]).to_numpy(dtype=np.int64),
            "party": with_handles(keys, narration, by_handle).to_numpy(),
            "text": lines["narration"].to_numpy(dtype=object),
            "carried": brought_forward(lines),
            "handle": typed,
        }
    )
    return Side(frame, tokens)


def brought_forward(lines: pd.DataFrame) -> np.ndarray:
    """Which lines are items of last month's BRS (their `brought_forward` column, which only
    --last-brs adds; none without it)."""
    if "brought_forward" not in lines.columns:
        return np.zeros(len(lines), dtype=bool)
    return lines["brought_forward"].to_numpy(dtype=bool)


HOLDER_SHORTEST = 6
"""Letters a name cut short must keep to be taken for the account holder's (`SAHYADRI` for
Sahyadri Industries); shorter, it may be anyone's."""


def _not_the_holders(narration: pd.Series, keys: pd.Series, holders: Sequence[str]) -> pd.Series:
    """Party keys where the name read from a narration is the account holder's own (HDFC's
    `NEFT CR-IFSC-REMITTER-DECCAN POLYMERS PRIVAT-UTR` names both, the holder's longer) taken
    from the rest of the narration instead; kept where nothing else in it names anyone. The
    holder's name counts in whole words (`ABCOM INDUSTRIES` is not the holder ABC)."""
    folded = {bank_party_key(h) for h in holders if h and h.strip()} - {""}
    if not folded:
        return keys
    codes, distinct = pd.factorize(keys.fillna("").astype(str))
    own = np.array(
        [
            bool(key)
            and any(
                key == h
                or key.startswith(h + " ")
                or (len(key) >= HOLDER_SHORTEST and h.startswith(key))
                for h in folded
            )
            for key in distinct
        ],
        dtype=bool,
    )
    lines = np.flatnonzero(own[codes]) if len(distinct) else np.zeros(0, dtype=np.int64)
    if not len(lines):
        return keys
    # the holder's piece taken out of those narrations, and the name read again
    _, again = _read_without_the_name(narration.iloc[lines])
    found = (again != "").to_numpy(dtype=bool)
    result = keys.copy()
    result.iloc[lines[found]] = again[found].to_numpy(dtype=object)
    return result


def _not_where_it_cleared(narration: pd.Series, keys: pd.Series, deposits: pd.Series) -> pd.Series:
    """Party keys where a cheque deposited, or returned (a credit, or a line that says RTN, RET,
    RETURN…, whose narration says CHQ, CLG, CTS…, and no NEFT, IMPS, UPI…), names only where it
    cleared or the bank it was drawn on — a city, a clearing's and a bank's words
    (`CLG/200090/KKBK/PUNE CTS`, `INW CLG 730819 HDFC BANK`, `BY CLG 123456 at mumbai br`,
    `CLG/123456/KARNATAKA BANK/BANGALORE`, `RTN CLG/730819/PUNE`: WHERE_CLEARED) — read again
    without them, and made "" where nothing else names anyone: such a line names no one, and a
    customer `Karnataka Steel` or `Pune Traders` is no more its payer than any other. A
    drawer's name beside them is kept (`CHQ DEP 123456 RAMESH KUMAR HDFC BANK`), and a cheque
    paid keeps its payee (`CHQ PAID-MICR CTS-MU-AMRITSAR HO`, Amritsar Home Appliances cut
    short)."""
    codes, names = pd.factorize(keys.fillna("").astype(str))
    placed = np.asarray(contains(pd.Series(names, dtype=object), WHERE_CLEARED), dtype=bool)
    cheques = np.flatnonzero(placed[codes]) if len(names) else np.zeros(0, dtype=np.int64)
    if not len(cheques):  # each distinct name looked at once, the lines' texts only then
        return keys
    texts = narration.iloc[cheques]
    cheques = cheques[
        (deposits.to_numpy(dtype=bool)[cheques] | contains(texts, RETURN_WORDS))
        & contains(texts, CHEQUE_WORDS)
        & ~contains(texts, TRANSFER_WORDS)
    ]
    result = keys.copy()
    texts = narration.iloc[cheques]
    for _ in range(CLEARED_PIECES):  # the place taken out, what else it says read again
        named = result.iloc[cheques].fillna("").astype(str)
        cleared = np.flatnonzero(contains(named, WHERE_CLEARED))
        cheques, texts = cheques[cleared], texts.iloc[cleared]
        if not len(cheques):
            return result
        texts, again = _read_without_the_name(texts)
        result.iloc[cheques] = again.to_numpy(dtype=object)
    named = result.iloc[cheques].fillna("").astype(str)  # places still: it names no one
    result.iloc[cheques[contains(named, WHERE_CLEARED)]] = ""
    return result


def _read_without_the_name(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The narrations with the name read from each taken out (`narration_names`), and the party
    keys read from what is left: who else a narration names, where the name read is not the
    payer's (the account holder's own, where a cheque cleared)."""
    names = narration_names(texts)
    rest = pd.Series(
        [t.replace(n, " ", 1) if n else t for t, n in zip(texts, names, strict=True)],
        index=texts.index,
        dtype=object,
    )
    return rest, narration_party_keys(rest)


CLEARED_PIECES = 3
"""Pieces of a cheque's narration read as where it cleared before the rest is taken to name no
one: the city, the drawee bank, the branch (`CLG/123456/ANIL/MUMBAI` is Anil's)."""


def _text(lines: pd.DataFrame, column: str) -> pd.Series:
    if column not in lines.columns:
        return pd.Series([""] * len(lines), index=lines.index, dtype=object)
    cells = lines[column]
    if isinstance(cells.dtype, pd.StringDtype):  # text already: only its blanks to fill
        return strings(cells)
    return strings(cells.astype(object).where(cells.notna(), "").astype(str))


def with_notes(lines: Side) -> pd.Series:
    """Each line's text and, where the side has them (a ledger), the narration row under it, as
    one text: what a voucher says of how it was paid is in either (`Kaveri Traders` over `Ch.
    No. : 123456`)."""
    text = lines.lines["text"].fillna("").astype(str)
    if "note" in lines.lines:
        text = text + " " + lines.lines["note"].fillna("").astype(str)
    return text


def prepare_ledger(lines: pd.DataFrame) -> Side:
    """Ledger lines for the matcher (a debit to the bank ledger is money in). References come
    from the particulars (`Mehta & Co (Chq 000123)`), the narration (Tally's row under the
    voucher: `Ch. No. : 123456`, a UTR), the voucher number and the cheque/reference column."""
    narration = _text(lines, "narration")
    particulars = _text(lines, "particulars")
    frame = pd.DataFrame(
        {
            "day": day_numbers(lines["date"]),
            "signed": (lines["debit"] - lines["credit"]).to_numpy(dtype=np.int64),
            "party": _book_parties(lines["particulars"], narration),
            "text": lines["particulars"].to_numpy(dtype=object),
            "note": narration.to_numpy(dtype=object),
            "carried": brought_forward(lines),
        }
    )
    references = book_references(narration, _text(lines, "reference"))
    frame["cheque"] = book_cheque_numbers(particulars + " " + narration, references)
    texts = narration + " " + _text(lines, "voucher_no")
    texts = _with_referring(particulars, texts)
    return Side(frame, reference_frame(texts, references))


BOOK_REFERENCE = (
    r"(?i)\b(?:transaction\s+)?reference\s*(?:no\.?|#)\s*:?\s*"
    r"(?P<found>[a-z0-9/-]*[0-9][a-z0-9/-]*)\s+dated\b"
)
"""A cheque number or UTR as ERPNext writes it in an entry's remarks: `Transaction reference no
123456 dated 02-10-2026` (a Payment Entry's), `Reference #HDFCN52026100412345 dated 04-10-2026`
(a Journal Entry's). Its General Ledger has no column of its own for it."""


def book_references(narration: pd.Series, references: pd.Series) -> pd.Series:
    """Each book line's reference: its reference column's, else the one its narration writes
    as ERPNext does (BOOK_REFERENCE).

    >>> book_references(pd.Series(["Amount INR 5,000.00 received from Balaji Traders "
    ...     "Transaction reference no 123456 dated 02-10-2026", "Rent"]), pd.Series(["", ""])).tolist()
    ['123456', '']
    """
    written = extract(narration, BOOK_REFERENCE).to_numpy(dtype=object)
    given = references.fillna("").astype(str)
    blank = (given.str.strip() == "").to_numpy(dtype=bool)
    return pd.Series(np.where(blank, written, given.to_numpy(dtype=object)), index=given.index)


def _book_parties(particulars: pd.Series, narration: pd.Series) -> np.ndarray:
    """Each book line's party key: its particulars', else, where they stand for the party
    (HIDES_THE_PARTY: `(as per details)`, `Sundry Debtors`), the one its narration names
    (`Being amount received from Jay Ambe Traders against Inv 232`); and where they are an
    expense paid to one payee (PAID_FOR_A_SERVICE: `Professional Fees`, `Rent - Godown`, not
    `Salary Payable`), the payee its narration names, if it names one (`Paid to Sri Annapoorna
    Agencies (Kolkata)`): of five consultants' equal fees of one day, each its own."""
    party = ledger_party_keys(particulars).to_numpy(dtype=object, copy=True)
    unnamed = np.flatnonzero((party == "") & contains(particulars, HIDES_THE_PARTY))
    if len(unnamed):
        party[unnamed] = book_narration_party_keys(narration.iloc[unnamed]).to_numpy(dtype=object)
    paid = np.flatnonzero(
        contains(particulars, PAID_FOR_A_SERVICE)
        & ~contains(particulars, PAID_TO_MANY)
        & ~contains(particulars, HIDES_THE_PARTY)
    )
    if len(paid):
        payee = payee_keys(narration.iloc[paid]).to_numpy(dtype=object)
        named = payee != ""
        party[paid[named]] = payee[named]
    return party


BOOK_CHEQUE_NUMBER = (
    r"(?i)\b(?:ch(?:q|eque)?\.?\s*(?:no|number|#)\.?|chq\.?|cheque|inst(?:rument)?\.?\s*no\.?)"
    r"\s*[:.\-]?\s*(?P<found>[0-9]{1,6})\b"
)
"""A cheque number as a book writes it, right after its word: `Ch. No. : 000452`, `Chq
000452`, `Cheque No 452`, `Inst No. 778899` — not `Chq Rs. 12500/-` or `Chq agst Inv 1045`."""


def book_cheque_numbers(texts: pd.Series, references: pd.Series) -> np.ndarray:
    """Each book line's cheque number (leading zeros off; -1 where it names none): its
    reference column's where that is a number of six digits or fewer, else the one its
    particulars or narration write right after a cheque word (`BOOK_CHEQUE_NUMBER`)."""
    given = references.fillna("").astype(str).str.strip()
    written = extract(texts, BOOK_CHEQUE_NUMBER).to_numpy(dtype=object)
    own = given.str.fullmatch(r"[0-9]{1,6}").to_numpy(dtype=bool)
    number = np.where(own, given.to_numpy(dtype=object), written)
    return np.where(number != "", pd.to_numeric(number, errors="coerce"), -1).astype(np.int64)


def _with_referring(particulars: pd.Series, texts: pd.Series) -> pd.Series:
    """`texts` with the particulars put before them on the lines whose particulars carry a
    reference. A ledger's particulars are few distinct names (its other ledgers), so each
    distinct one is searched once."""
    codes, names = pd.factorize(particulars, sort=False)
    referring = reference_frame(pd.Series(names, dtype=object))["position"].unique()
    if not len(referring):
        return texts
    lines = np.flatnonzero(np.isin(codes, referring))
    joined = texts.copy()
    joined.iloc[lines] = (particulars.iloc[lines] + " " + texts.iloc[lines]).to_numpy(dtype=object)
    return joined
