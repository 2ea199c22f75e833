"""References in narrations: NEFT/RTGS UTRs, IMPS/UPI RRNs, cheque numbers.

A narration is cut into words at anything that is not a letter or a digit; a word is a
reference when it is a UTR (bank code, N/R/H, 8–20 digits: `SBINN26100912345678`), another
16–22 character code mixing letters and digits, a 12-digit RRN (IMPS, UPI), or a 6-digit cheque
number within three words after `CHQ`, `CHEQUE`, `CH`, `CLG` or `INST` (`Ch. No. : 123456`,
`CLG CHQ DEP 000453`, `Instrument No 445566`); an RRN or cheque number glued to letters
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

from xlbo.columns import contains, distinct, extract, matches, split_words, strings

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


def reference_frame(texts: pd.Series, references: pd.Series | None = None) -> pd.DataFrame:
    """Every reference each text carries: a frame of (`position`, `token`), one row per distinct
    reference of a line; `references` is a reference column beside the text (a statement's
    Chq./Ref.No.), placeholders of zeros ignored."""
    positions, every_word = split_words(strings(texts).str.upper(), r"[^A-Z0-9]+")
    codes, words = distinct(every_word)  # each distinct word is tested once
    lengths = words.str.len().to_numpy(dtype=np.int64)
    reference = np.zeros(len(words), dtype=bool)
    long = np.flatnonzero(lengths >= 12)  # the shortest reference, an RRN, has 12 characters
    if len(long):
        candidates = words.iloc[long]
        hit = matches(candidates, _REFERENCE)
        code = lengths[long] >= 16
        hit &= ~code | (contains(candidates, "[0-9]") & contains(candidates, "[A-Z]"))
        reference[long] = hit
    six_digits = np.zeros(len(words), dtype=bool)
    six = np.flatnonzero(lengths == 6)
    if len(six):
        six_digits[six] = matches(words.iloc[six], "[0-9]{6}")
    # a 6-digit word within CHEQUE_REACH words after a cheque word of the same line
    cheque_word = words.isin(sorted(_CHEQUE_WORDS)).to_numpy(dtype=bool)[codes]
    after_cheque = np.zeros(len(positions), dtype=bool)
    for back in range(1, CHEQUE_REACH + 1):
        earlier = np.zeros(len(positions), dtype=bool)
        earlier[back:] = cheque_word[:-back] & (positions[back:] == positions[:-back])
        after_cheque |= earlier
    found = reference[codes] | (six_digits[codes] & after_cheque)
    texts_of = words.to_numpy(dtype=object)
    tokens = [pd.DataFrame({"position": positions[found], "token": texts_of[codes[found]]})]
    # references glued to letters: UPI412345678901, P2A412345678901, CHQ000453, CHQNO000453
    gluey = np.flatnonzero(
        ~reference & (lengths >= 9) & contains(words, "[A-Z]") & contains(words, "[0-9]{6}")
    )
    if len(gluey):
        inside = words.iloc[gluey]
        for pattern in (
            r"(?:^|[^0-9])(?P<found>[0-9]{12})(?:[^0-9]|$)",
            r"^(?:CHQ|CHEQUE|CH)(?:NO)?(?P<found>[0-9]{6})$",
        ):
            token = np.full(len(words), "", dtype=object)
            token[gluey] = extract(inside, pattern).to_numpy(dtype=object)
            hit = (token[codes] != "") & ~found
            tokens.append(pd.DataFrame({"position": positions[hit], "token": token[codes[hit]]}))
    if references is not None:
        given = strings(references.astype(object).where(references.notna(), "").astype(str))
        given = given.str.strip().str.upper()
        keep = (given.str.strip("0") != "").to_numpy(dtype=bool)
        tokens.append(
            pd.DataFrame({"position": np.flatnonzero(keep), "token": given[keep].to_numpy()})
        )
    frame = pd.concat(tokens, ignore_index=True)
    frame["token"] = strings(frame["token"]).str.lstrip("0")
    frame = frame[(frame["token"].str.len() >= 3).to_numpy(dtype=bool)]
    return frame.drop_duplicates().sort_values("position", kind="stable").reset_index(drop=True)


def reference_tokens(text: str, reference: str = "") -> set[str]:
    """Every reference one line carries (the one-line view of `reference_frame`)."""
    frame = reference_frame(pd.Series([text or ""]), pd.Series([reference or ""]))
    return set(frame["token"].tolist())
