"""References in narrations: NEFT/RTGS UTRs, IMPS/UPI RRNs, cheque numbers.

A narration is cut into words at anything that is not a letter or a digit; a word is a
reference when it is a UTR (bank code, N/R/H, 8–20 digits: `SBINN26100912345678`), another
16–22 character code mixing letters and digits, a 12-digit RRN (IMPS, UPI), or a 6-digit cheque
number (three to six digits) within three words after `CHQ`, `CHEQUE`, `CH`, `CLG` or `INST`
(`Ch. No. : 123456`, `CLG CHQ DEP 000453`, `Instrument No 445566`, `Ch. No. : 453` as a book may
write it), or a tax challan's number of 13–20 digits within
three words after `CPIN`, `CIN`, `CRN` or `CHALLAN`; an RRN or cheque number glued to letters
(`UPI412345678901`, `CHQ000453`) is found too. References compare in upper case without
leading zeros. All lines are cut and tested at once (`reference_frame`).

>>> sorted(reference_tokens("NEFT CR-SBIN0004567-VARDHAMAN RETAIL-SAHYADRI-SBINN26100912345678"))
['SBINN26100912345678']
>>> sorted(reference_tokens("UPI-KAVERI HOME-kaveri@okhdfcbank-HDFC0000240-629845123456-INVOICE", "000000629845"))
['629845', '629845123456']
>>> sorted(reference_tokens("CHQ NO 000453 DEP"))
['453']
>>> sorted(reference_tokens("UPI412345678901/CHQ000454 CHQNO 000455"))
['412345678901', '454', '455']
>>> sorted(reference_tokens("Ch. No. : 123456")), sorted(reference_tokens("CLG CHQ DEP 000453"))
(['123456'], ['453'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.columns import contains, extract, matches, split_words, strings, text_lengths

_REFERENCE = "|".join(
    (
        r"[A-Z]{4}[NRH][0-9]{8,20}",  # NEFT/RTGS UTR
        r"[A-Z0-9]{16,22}",  # other UTRs (held to letters and digits below)
        r"[0-9]{12}",  # IMPS / UPI RRN
    )
)
_CHEQUE_WORDS = frozenset(
    {"CHQ", "CHEQUE", "CH", "CHQNO", "CHEQUENO", "CHQS", "CHEQ", "CLG", "INST", "INSTRUMENT"}
)
CHEQUE_REACH = 3
"""Words a cheque number may stand after its cheque word: `Ch. No. : 123456`, `CLG CHQ DEP 000453`."""
_CHALLAN_WORDS = frozenset({"CPIN", "CIN", "CRN", "CHALLAN"})
"""Words before a tax challan's number: GST's 14-digit CPIN, its 20-digit CIN, income tax's CRN."""


def reference_frame(texts: pd.Series, references: pd.Series | None = None) -> pd.DataFrame:
    """Every reference each text carries: a frame of (`position`, `token`), one row per distinct
    reference of a line; `references` is a reference column beside the text (a statement's
    Chq./Ref.No.), placeholders of zeros ignored."""
    positions, words = split_words(strings(texts).str.upper(), r"[^A-Z0-9]+")
    # each test runs on the words long enough for it (most words are short: NEFT, UPI, a name)
    lengths = text_lengths(words)
    reference = np.zeros(len(words), dtype=bool)
    long = np.flatnonzero(lengths >= 12)  # the shortest reference, an RRN, has 12 characters
    if len(long):
        candidates = words.iloc[long]
        hit = matches(candidates, _REFERENCE)
        code = lengths[long] >= 16
        hit &= ~code | (contains(candidates, "[0-9]") & contains(candidates, "[A-Z]"))
        reference[long] = hit
    six_digits = np.zeros(len(words), dtype=bool)  # a cheque's number: six digits, or fewer
    six = np.flatnonzero((lengths >= 3) & (lengths <= 6))  # as a book writes it (`Ch. No. : 453`)
    if len(six):
        six_digits[six] = matches(words.iloc[six], "[0-9]{3,6}")
    # a 6-digit word within CHEQUE_REACH words after a cheque word of the same line
    after_cheque = _after(np.asarray(words.isin(sorted(_CHEQUE_WORDS)), dtype=bool), positions)
    # a challan's number (13–20 digits) within CHEQUE_REACH words after a challan word
    challan = np.zeros(len(words), dtype=bool)
    numbers = np.flatnonzero((lengths >= 13) & (lengths <= 20) & ~reference)
    if len(numbers):
        challan[numbers] = matches(words.iloc[numbers], "[0-9]+")
    after_challan = _after(np.asarray(words.isin(sorted(_CHALLAN_WORDS)), dtype=bool), positions)
    found = np.flatnonzero(reference | (six_digits & after_cheque) | (challan & after_challan))
    positions_of, tokens_of = [positions[found]], [strings(words.iloc[found])]
    # references glued to letters: UPI412345678901, P2A412345678901, CHQ000453, CHQNO000453
    gluey = np.flatnonzero(~reference & (lengths >= 9))
    if len(gluey):
        maybe = words.iloc[gluey]
        gluey = gluey[contains(maybe, "[A-Z]") & contains(maybe, "[0-9]{6}")]
    if len(gluey):
        inside = words.iloc[gluey]
        taken = np.zeros(len(words), dtype=bool)
        taken[found] = True
        for pattern in (
            r"(?:^|[^0-9])(?P<found>[0-9]{12})(?:[^0-9]|$)",
            r"^(?:CHQ|CHEQUE|CH)(?:NO)?(?P<found>[0-9]{6})$",
        ):
            token = extract(inside, pattern).to_numpy(dtype=object)
            hit = (token != "") & ~taken[gluey]
            positions_of.append(positions[gluey[hit]])
            tokens_of.append(strings(pd.Series(token[hit], dtype=object)))
    if references is not None:
        given = strings(references.astype(object).where(references.notna(), "").astype(str))
        given = given.str.strip().str.upper()
        keep = (given.str.strip("0") != "").to_numpy(dtype=bool)
        positions_of.append(np.flatnonzero(keep))
        tokens_of.append(given[keep])
    return _distinct_tokens(np.concatenate(positions_of), tokens_of)


def _after(marked: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Which words stand within CHEQUE_REACH words after a `marked` word of the same line."""
    after = np.zeros(len(positions), dtype=bool)
    for back in range(1, CHEQUE_REACH + 1):
        earlier = np.zeros(len(positions), dtype=bool)
        earlier[back:] = marked[:-back] & (positions[back:] == positions[:-back])
        after |= earlier
    return after


def _distinct_tokens(positions: np.ndarray, tokens: list[pd.Series]) -> pd.DataFrame:
    """(`position`, `token`, `written`) of each line's references in the order of the lines
    (each line's in the order found), leading zeros taken off, three characters or more, each
    once a line; `written` is the reference as the line wrote it where that had leading zeros
    (cheque `000123`, shown so to the user), else ""."""
    as_written = strings(pd.concat(tokens, ignore_index=True))
    token = as_written.str.lstrip("0")
    written = as_written.where(text_lengths(token) < text_lengths(as_written), "")
    long = text_lengths(token) >= 3
    order = np.argsort(np.asarray(positions, dtype=np.int64)[long], kind="stable")
    positions = np.asarray(positions, dtype=np.int64)[long][order]
    token = token[long].iloc[order].reset_index(drop=True)
    written = written[long].iloc[order].reset_index(drop=True)
    # a line's references are few: a token is its line's again where it equals one a step back
    again = np.zeros(len(positions), dtype=bool)
    values = token.array
    back = 1
    while back < len(positions):
        same_line = np.flatnonzero(positions[back:] == positions[:-back])
        if not len(same_line):
            break
        equal = np.asarray(values[same_line + back] == values[same_line], dtype=bool)
        again[same_line[equal] + back] = True
        back += 1
    kept = np.flatnonzero(~again)
    return pd.DataFrame(
        {
            "position": positions[kept],
            "token": token.iloc[kept].reset_index(drop=True),
            "written": written.iloc[kept].reset_index(drop=True),
        }
    )


def shown(tokens: pd.DataFrame) -> pd.Series:
    """Each reference of `tokens` (a `reference_frame`) as its line wrote it, for the user."""
    written = tokens["written"]
    return tokens["token"].where(written == "", written)


def reference_tokens(text: str, reference: str = "") -> set[str]:
    """Every reference one line carries (the one-line view of `reference_frame`)."""
    frame = reference_frame(pd.Series([text or ""]), pd.Series([reference or ""]))
    return set(frame["token"].tolist())
