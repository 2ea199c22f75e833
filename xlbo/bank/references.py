"""References in narrations: NEFT/RTGS UTRs, IMPS/UPI RRNs, cheque numbers.

A narration is cut into words at anything that is not a letter or a digit; a word is a
reference when it is a UTR (bank code, N/R/H, 8–20 digits: `SBINN26100912345678`), another
16–22 character code mixing letters and digits, a 12-digit RRN (IMPS, UPI), or a 6-digit cheque
number right after `CHQ`, `CHEQUE`, `CH` or `CHQ NO`. References compare in upper case without
leading zeros. All lines are cut and tested at once (`reference_frame`).

>>> sorted(reference_tokens("NEFT CR-SBIN0004567-VARDHAMAN RETAIL-SAHYADRI-SBINN26100912345678"))
['SBINN26100912345678']
>>> sorted(reference_tokens("UPI-KAVERI HOME-kaveri@okhdfcbank-HDFC0000240-629845123456-INVOICE", "000000629845"))
['629845', '629845123456']
>>> sorted(reference_tokens("CHQ NO 000453 DEP"))
['453']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.columns import matches, split_words

_REFERENCE = "|".join(
    (
        r"[A-Z]{4}[NRH][0-9]{8,20}",  # NEFT/RTGS UTR
        r"[A-Z0-9]{16,22}",  # other UTRs (held to letters and digits below)
        r"[0-9]{12}",  # IMPS / UPI RRN
    )
)
_CHEQUE_WORDS = frozenset({"CHQ", "CHEQUE", "CH"})


def reference_frame(texts: pd.Series, references: pd.Series | None = None) -> pd.DataFrame:
    """Every reference each text carries: a frame of (`position`, `token`), one row per distinct
    reference of a line; `references` is a reference column beside the text (a statement's
    Chq./Ref.No.), placeholders of zeros ignored."""
    positions, words = split_words(texts.fillna("").astype(str).str.upper(), r"[^A-Z0-9]+")
    found = matches(words, _REFERENCE)
    long_code = (words.str.len() >= 16).to_numpy()
    if long_code.any():
        mixed = words.str.contains(r"[0-9]", regex=True) & words.str.contains(r"[A-Z]", regex=True)
        found &= ~long_code | mixed.to_numpy(dtype=bool) | matches(words, r"[A-Z]{4}[NRH][0-9]+")
    six = matches(words, r"[0-9]{6}")
    before = np.roll(words.to_numpy(dtype=object), 1)
    two_before = np.roll(words.to_numpy(dtype=object), 2)
    same_line = np.zeros(len(positions), dtype=bool)
    same_line[1:] = positions[1:] == positions[:-1]
    same_line2 = np.zeros(len(positions), dtype=bool)
    same_line2[2:] = positions[2:] == positions[:-2]
    after_cheque = np.isin(before, list(_CHEQUE_WORDS)) | (
        (before == "NO") & np.isin(two_before, list(_CHEQUE_WORDS)) & same_line2
    )
    found |= six & same_line & after_cheque
    tokens = [pd.DataFrame({"position": positions[found], "token": words[found].to_numpy()})]
    if references is not None:
        given = references.fillna("").astype(str).str.strip().str.upper()
        keep = given.str.strip("0") != ""
        tokens.append(
            pd.DataFrame(
                {"position": np.flatnonzero(keep.to_numpy()), "token": given[keep].to_numpy()}
            )
        )
    frame = pd.concat(tokens, ignore_index=True)
    frame["token"] = frame["token"].astype(str).str.lstrip("0")
    frame = frame[frame["token"].str.len() >= 3]
    return frame.drop_duplicates().sort_values("position", kind="stable").reset_index(drop=True)


def reference_tokens(text: str, reference: str = "") -> set[str]:
    """Every reference one line carries (the one-line view of `reference_frame`)."""
    frame = reference_frame(pd.Series([text or ""]), pd.Series([reference or ""]))
    return set(frame["token"].tolist())
