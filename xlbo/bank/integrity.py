"""Checks on a bank statement before any matching: does the running balance chain from line to
line, are there lines downloaded twice? A Dr/Cr flip shows as a break of twice the amount.
Every finding names its row; nothing is silently fixed."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from xlbo.money import format_inr, from_paise


@dataclass(frozen=True)
class Finding:
    row: int
    check: str
    detail: str


def rupees(paise: int) -> str:
    return format_inr(from_paise(paise))


def check_statement(lines: pd.DataFrame) -> tuple[list[Finding], pd.DataFrame]:
    """Findings, and the lines without repeats (the first of each repeated line is kept)."""
    findings: list[Finding] = []
    repeated = lines["fingerprint"].duplicated(keep="first")
    for row in lines.loc[repeated, "row"].tolist():
        first = int(
            lines.loc[
                (lines["fingerprint"] == lines.loc[lines["row"] == row, "fingerprint"].iloc[0]),
                "row",
            ].iloc[0]
        )
        findings.append(
            Finding(
                int(row),
                "Duplicate line",
                f"Row {row} repeats row {first} (same date, narration, reference, amount and "
                "balance): an overlapping download. It was left out of matching.",
            )
        )
    unique = lines.loc[~repeated].reset_index(drop=True)
    balances = unique["balance"]
    previous = None
    for position in range(len(unique)):
        balance = balances.iloc[position]
        if pd.isna(balance):
            continue
        line = unique.iloc[position]
        if previous is not None:
            expected = previous + int(line["credit"]) - int(line["debit"])
            if expected != int(balance):
                gap = int(balance) - expected
                amount = int(line["credit"]) or int(line["debit"])
                flip = abs(gap) == 2 * amount
                findings.append(
                    Finding(
                        int(line["row"]),
                        "Balance break",
                        f"Row {int(line['row'])}: the balance should be {rupees(expected)} after "
                        f"this line but the statement shows {rupees(int(balance))} "
                        f"(difference {rupees(gap)})"
                        + (
                            "; this looks like a debit shown as a credit, or the reverse"
                            if flip
                            else ""
                        ),
                    )
                )
        previous = int(balance)
    return findings, unique


def opening_and_closing(lines: pd.DataFrame) -> tuple[int | None, int | None]:
    """Opening balance (the first balance undone by its line) and closing balance, in paise."""
    with_balance = lines[lines["balance"].notna()]
    if with_balance.empty:
        return None, None
    first, last = with_balance.iloc[0], with_balance.iloc[-1]
    opening = int(first["balance"]) - int(first["credit"]) + int(first["debit"])
    return opening, int(last["balance"])
