"""Checks on a bank statement before any matching: does the running balance chain from line to
line, are there lines downloaded twice, do the lines add up to the totals the statement prints
in its summary or footer? A Dr/Cr flip shows as a break of twice the amount. Every finding
names its row; nothing is silently fixed.

The statement reader checks the footer, as only it knows where the footer is and what it says;
its findings come with the lines it read (`Lines.findings`) and `check_statement` reports them
first. A footer whose Total Debit is 38,905.71 over lines that add up to 38,905.17 is such a
finding: every line was read, and the file disagrees with itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from xlbo.columns import day_numbers
from xlbo.money import format_money, from_paise


@dataclass(frozen=True)
class Finding:
    row: int
    check: str
    detail: str


SAME_LINE = ("day", "narration", "reference", "debit", "credit", "balance")
"""What makes two statement lines one line downloaded twice (overlapping statements)."""


def repeats(lines: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Which lines repeat an earlier line in everything of `SAME_LINE`, and for each line the
    position of the first line like it (itself when it is the first). A line the running
    balance leads into is no repeat: two ATM withdrawals of 5,000.00 on one day with a credit
    of 5,000.00 between them show the same balance, and the balance before the second less its
    5,000.00 is its balance. A download repeated from an overlapping statement breaks the
    balance where it starts again (`_balance_leads_in`)."""
    keys = pd.DataFrame({name: lines[name] for name in SAME_LINE if name != "day"})
    keys["day"] = day_numbers(lines["date"])
    # the texts compared only where day and amounts repeat: at 1M lines comparing every
    # narration took seconds, and a line whose day and amounts are its own is no repeat
    maybe = keys.duplicated(["day", "debit", "credit"], keep=False).to_numpy(dtype=bool)
    repeated = np.zeros(len(keys), dtype=bool)
    if maybe.any():
        repeated[maybe] = keys[maybe].duplicated(keep="first").to_numpy(dtype=bool)
    if repeated.any():
        repeated = repeated & ~_balance_leads_in(lines, repeated)
    first = np.arange(len(lines))
    if repeated.any():
        alike = np.flatnonzero(maybe)
        groups = (
            keys.iloc[alike]
            .groupby(list(keys.columns), sort=False, dropna=False)
            .ngroup()
            .to_numpy()
        )
        _, firsts = np.unique(groups, return_index=True)
        first[alike] = alike[firsts[groups]]
    return repeated, first


def _balance_leads_in(lines: pd.DataFrame, repeated: np.ndarray) -> np.ndarray:
    """Which `repeated` lines the balance leads into, line by line from the start of their run
    of repeats: the balance of the line before moved by the line's own amount is its balance
    (both written). The first line of a run where it does not, and the rest of that run, are a
    download repeated."""
    balance = pd.to_numeric(lines["balance"], errors="coerce").to_numpy(dtype=np.float64)
    moved = (lines["credit"] - lines["debit"]).astype("int64").to_numpy()
    kept = np.zeros(len(repeated), dtype=bool)
    broken = False
    for at in np.flatnonzero(repeated).tolist():
        if at == 0 or not repeated[at - 1]:
            broken = False  # a new run of repeats
        broken = broken or at == 0 or balance[at - 1] + moved[at] != balance[at]
        kept[at] = not broken
    return kept


def check_statement(
    lines: pd.DataFrame, stated: Sequence[Finding] = (), currency: str = ""
) -> tuple[list[Finding], pd.DataFrame]:
    """Findings (`stated`, the reader's about the file, first: a footer that disagrees with the
    lines), and the lines without repeats (the first of each repeated line is kept). Money is
    said in the account's `currency` (an EEFC account's dollars grouped by thousands)."""
    findings = list(stated)
    repeated, first = repeats(lines)
    rows = lines["row"].to_numpy()
    where = _where(lines)
    for position in np.flatnonzero(repeated).tolist():
        row, earlier = int(rows[position]), int(rows[first[position]])
        findings.append(
            Finding(
                row,
                "Duplicate line",
                f"{where(position, row, True)} repeats {where(int(first[position]), earlier, False)} "
                "(same date, narration, reference, amount and balance): an overlapping download, or a line "
                "printed again after a page break. "
                "It was left out of matching.",
            )
        )
    unique = lines.loc[~repeated].reset_index(drop=True)
    where = _where(unique)
    written = np.flatnonzero(unique["balance"].notna().to_numpy())
    known = unique.iloc[written]
    if len(known) > 1:
        balance = known["balance"].astype("int64").to_numpy()
        # a line without a balance of its own (a bank that writes the day's balance on its last
        # line) still moves it: the next balance written follows from every line since the last
        moved = np.cumsum((unique["credit"] - unique["debit"]).astype("int64").to_numpy())[written]
        expected = balance[:-1] + np.diff(moved)
        gaps = balance[1:] - expected
        rows = known["row"].to_numpy()[1:]
        amounts = np.where(
            known["credit"].to_numpy()[1:] > 0,
            known["credit"].to_numpy()[1:],
            known["debit"].to_numpy()[1:],
        )
        for index in np.flatnonzero(gaps).tolist():
            gap = int(gaps[index])
            flip = abs(gap) == 2 * int(amounts[index])
            findings.append(
                Finding(
                    int(rows[index]),
                    "Balance break",
                    f"{where(int(written[index + 1]), int(rows[index]), True)}: the balance should be "
                    f"{format_money(from_paise(int(expected[index])), currency)} after this line "
                    "but the statement shows "
                    f"{format_money(from_paise(int(balance[index + 1])), currency)} "
                    f"(difference {format_money(from_paise(gap), currency)})"
                    + (
                        "; this looks like a debit shown as a credit, or the reverse"
                        if flip
                        else ""
                    ),
                )
            )
    return findings, unique


def _where(lines: pd.DataFrame) -> Callable[[int, int, bool], str]:
    """How a finding names a line (its position in `lines`, its row, whether it begins the
    sentence): 'Row 7', or, where the statement was joined from several sheets (whose rows run
    from 1 on each), 'Sheet 'Nov', row 7'."""
    joined = "sheet" in lines.columns and lines["sheet"].nunique(dropna=True) > 1
    sheets = lines["sheet"].astype(object).to_numpy() if joined else None

    def where(position: int, row: int, first: bool) -> str:
        said = f"row {row}" if sheets is None else f"sheet '{sheets[position]}', row {row}"
        return said[0].upper() + said[1:] if first else said

    return where


def opening_and_closing(lines: pd.DataFrame) -> tuple[int | None, int | None]:
    """Opening balance (the first balance written, undone by its line and the lines before it,
    which gave none) and closing balance (the last written), in paise."""
    written = np.flatnonzero(lines["balance"].notna().to_numpy())
    if not len(written):
        return None, None
    first, last = int(written[0]), int(written[-1])
    before = lines.iloc[: first + 1]
    moved = int(before["credit"].sum()) - int(before["debit"].sum())
    balance = lines["balance"].to_numpy()
    return int(balance[first]) - moved, int(balance[last])
