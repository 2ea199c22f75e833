"""The month the stage tests reconcile: October 2026's purchases against the 2B of October and
November, one case of each stage (see each line's comment)."""

from __future__ import annotations

from pathlib import Path

from tests.gstrecon.builders import (
    GANESH,
    KAVERI,
    OMSAI_GJ,
    books,
    gstr2b,
    invoice,
    note,
    purchase,
)

PURCHASES = [
    purchase("V001", "INV/26-27/042", "05-10-2026", 10000, cgst=900, sgst=900),  # matched
    purchase("V001", "INV/26-27/043", "06-10-2026", 10000, cgst=900, sgst=900),  # mismatched
    purchase("V002", "KL-778", "10-10-2026", 50000, igst=9000),  # suggested (digits)
    purchase("V003", "OS/55", "12-10-2026", 20000, cgst=1800, sgst=1800),  # other GSTIN, same PAN
    purchase("V001", "INV/26-27/050", "15-10-2026", 10000, cgst=900, sgst=900),  # missing in 2B
    purchase("V001", "INV/26-27/044", "20-10-2026", 5000, cgst=450, sgst=450),  # November's 2B
    purchase("V002", "CN-12", "22-10-2026", -5000, igst=-900),  # credit note, matched
    purchase("V001", "INV/26-27/045", "25-10-2026", 2000, cgst=180, sgst=180),  # amended in Nov
    purchase("V002", "KL-779", "26-10-2026", 1000, igst=180),  # credit not available
    purchase("V004", "RT-1", "27-10-2026", 3000),  # unregistered vendor: left aside
]


def month(folder: Path) -> tuple[Path, Path, Path]:
    """The books and the two 2B files."""
    book = books(folder / "books.xlsx", PURCHASES)
    october = gstr2b(
        folder / "2B-102026.json",
        "102026",
        {
            "b2b": {
                GANESH: [
                    invoice("inv-042/2026-27", "05-10-2026", 10000, cgst=900, sgst=900),
                    invoice("INV-043/26-27", "06-10-2026", 10000, cgst=810, sgst=810),
                    invoice("INV-045/26-27", "25-10-2026", 20000, cgst=1800, sgst=1800),
                ],
                KAVERI: [
                    invoice("KLT/778", "11-10-2026", 50000, igst=9000),
                    invoice("KL-900", "28-10-2026", 7000, igst=1260),
                    invoice("KL-779", "26-10-2026", 1000, igst=180, itcavl="N", rsn="P"),
                ],
                OMSAI_GJ: [invoice("OS-55", "12-10-2026", 20000, cgst=1800, sgst=1800)],
            },
            "cdnr": {KAVERI: [note("CN-12", "22-10-2026", 5000, igst=900)]},
        },
    )
    november = gstr2b(
        folder / "2B-112026.json",
        "112026",
        {
            "b2b": {GANESH: [invoice("INV 0044", "20-10-2026", 5000, cgst=450, sgst=450)]},
            "b2ba": {
                GANESH: [
                    invoice(
                        "INV-045/26-27",
                        "25-10-2026",
                        2000,
                        cgst=180,
                        sgst=180,
                        oinum="INV-045/26-27",
                        oidt="25-10-2026",
                    )
                ]
            },
        },
    )
    return book, october, november
