"""References in narrations: NEFT/RTGS UTRs, IMPS/UPI RRNs, cheque numbers.

>>> sorted(reference_tokens("NEFT CR-SBIN0004567-VARDHAMAN RETAIL-SAHYADRI-SBINN26100912345678"))
['SBINN26100912345678']
>>> sorted(reference_tokens("UPI-KAVERI HOME-kaveri@okhdfcbank-HDFC0000240-629845123456-INVOICE", "000000629845"))
['629845', '629845123456']
"""

from __future__ import annotations

import re

_PATTERNS = (
    re.compile(r"\b[A-Z]{4}[NRH]\d{8,20}\b"),  # NEFT/RTGS UTR: bank code, N/R, digits
    re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{16,22}\b"),  # other UTRs
    re.compile(r"(?<!\d)\d{12}(?!\d)"),  # IMPS / UPI RRN
    re.compile(r"\b(?:CHQ|CHEQUE|CH)\.?\s*(?:NO\.?)?\s*(\d{6})\b"),  # cheque numbers in words
)
_IFSC = re.compile(r"^[A-Z]{4}0[A-Z0-9]{6}$")


def normal(token: str) -> str:
    """A reference as compared: upper case, no leading zeros."""
    return token.upper().lstrip("0")


def reference_tokens(text: str, reference: str = "") -> set[str]:
    """Every reference a line carries, normalised."""
    upper = (text or "").upper()
    found: set[str] = set()
    for pattern in _PATTERNS:
        for match in pattern.finditer(upper):
            token = match.group(match.lastindex or 0)
            if not _IFSC.match(token):
                found.add(normal(token))
    if reference and reference.strip("0"):
        found.add(normal(reference.strip()))
    for word in re.findall(r"\b(?:CHEQUE|CHQ)\s+(\d{6})\b", upper):
        found.add(normal(word))
    return {token for token in found if len(token) >= 3}
