"""An .xls (BIFF8) sheet's AutoFilter criteria judged on its hidden rows' cells, from Workbook
streams built here record by record (the cases LibreOffice does not write: OR and AND, two
conditions, wildcards, blanks and non-blanks, a top-10 filter, Excel 2007's AUTOFILTER12, a
shared string split across a CONTINUE record). LibreOffice's own .xls files are in
tests/bank/test_hidden_rows.py."""

from __future__ import annotations

import struct

import pytest

from xlbo.book.filter_criteria import Cell
from xlbo.book.hidden_rows import HiddenRows, xls_hidden_rows
from xlbo.book.xls_filter import autofilter, shared_strings, sheet_cells

LT, EQ, LE, GT, NE, GE = 1, 2, 3, 4, 5, 6
OR = 0x0001


def record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def number(value: float, sign: int) -> bytes:
    return struct.pack("<BBd", 0x04, sign, value)


def rk_number(value: int, sign: int) -> bytes:
    return struct.pack("<BBiI", 0x02, sign, (value << 2) | 0x02, 0)


def text(value: str, sign: int) -> bytes:
    return struct.pack("<BBIBBH", 0x06, sign, 0, len(value), 1, 0)


def kind_only(kind: int, sign: int = 0) -> bytes:
    return struct.pack("<BB8x", kind, sign)


UNUSED = kind_only(0x00)
BLANKS = kind_only(0x0C, EQ)
NON_BLANKS = kind_only(0x0E, NE)


def condition_record(
    column: int, first: bytes, second: bytes = UNUSED, flags: int = 0, *texts: str
) -> bytes:
    body = struct.pack("<HH", column, flags) + first + second
    for each in texts:
        body += b"\x00" + each.encode("latin-1")
    return record(0x9E, body)


def sst(strings: list[str], split_at: int | None = None) -> bytes:
    """The SST record of `strings` (1-byte characters); with `split_at`, the last string's
    characters run on into a CONTINUE record after that many, which begins with its flags."""
    body = struct.pack("<II", len(strings), len(strings))
    for each in strings[:-1]:
        body += struct.pack("<HB", len(each), 0) + each.encode("latin-1")
    last = strings[-1]
    body += struct.pack("<HB", len(last), 0)
    if split_at is None:
        return record(0xFC, body + last.encode("latin-1"))
    head, tail = last[:split_at], last[split_at:]
    # the rest goes on in 2-byte characters, as Excel may write it
    return record(0xFC, body + head.encode("latin-1")) + record(
        0x3C, b"\x01" + tail.encode("utf-16-le")
    )


def row_record(row: int, hidden: bool) -> bytes:
    return record(0x208, struct.pack("<HHHHHHI", row, 0, 7, 255, 0, 0, 0x20 if hidden else 0))


def label(row: int, column: int, index: int) -> bytes:
    return record(0xFD, struct.pack("<HHHI", row, column, 15, index))


def amount(row: int, column: int, value: float) -> bytes:
    return record(0x203, struct.pack("<HHHd", row, column, 15, value))


def workbook(
    sheet_records: list[bytes],
    strings: list[str],
    filter_rows: tuple[int, int] = (0, 9),
    first_column: int = 0,
    split_at: int | None = None,
) -> bytes:
    """A Workbook stream: globals (a BOUNDSHEET for 'Statement', the `_FilterDatabase` name
    over `filter_rows` from column `first_column`, the SST), then the sheet's records."""
    name = struct.pack("<HBBHHHBBBB", 0x21, 0, 1, 11, 0, 1, 0, 0, 0, 0) + b"\x00\x0d"
    name += struct.pack("<BHHHHH", 0x3B, 0, *filter_rows, first_column, first_column + 6)
    title = b"Statement"

    def globals_with(offset: int) -> bytes:
        bound = struct.pack("<IBBBB", offset, 0, 0, len(title), 0) + title
        return (
            record(0x809, b"\x00" * 16)
            + record(0x85, bound)
            + record(0x18, name)
            + sst(strings, split_at)
            + record(0x0A, b"")
        )

    head = globals_with(0)
    sheet = record(0x809, b"\x00" * 16) + b"".join(sheet_records) + record(0x0A, b"")
    return globals_with(len(head)) + sheet


STRINGS = ["Date", "Narration", "NEFT CR-KAVERI TRADERS", "CHQ PAID-SHARMA", "SMS CHARGES"]


def month(*criteria: bytes, newer: bool = False, split_at: int | None = None) -> HiddenRows:
    """Rows 2-4 (1-3 counted from 0) under the filter over A1:G10, rows 2 and 3 hidden:
    row 2 KAVERI, a deposit of 45,000 (column F); row 3 SHARMA, a withdrawal of 12,500
    (column E); row 4 SMS CHARGES, 17.70, shown."""
    records = [
        record(0x9B, b""),
        record(0x9D, struct.pack("<H", 7)),
        *criteria,
        *([record(0x87E, b"\x00" * 30)] if newer else []),
        row_record(1, True),
        row_record(2, True),
        row_record(3, False),
        label(0, 1, 1),
        label(1, 1, 2),
        amount(1, 5, 45000),
        label(2, 1, 3),
        amount(2, 4, 12500),
        label(3, 1, 4),
        amount(3, 4, 17.70),
    ]
    (found,) = xls_hidden_rows(workbook(records, STRINGS, split_at=split_at)).values()
    return found


def test_an_amount_below_a_bound_or_blank_leaves_out_the_larger_withdrawal() -> None:
    # Withdrawal (E) < 1,000 OR blank: row 3's 12,500 fails; row 2's blank withdrawal passes,
    # so row 2 was hidden by hand
    found = month(condition_record(4, number(1000, LT), BLANKS, OR))
    assert (found.filtered, found.under_filter, found.by_hand) == ((3,), (), (2,))


def test_both_conditions_must_hold_where_they_are_joined_by_and() -> None:
    # Withdrawal (E) >= 100 (an RK number) AND <= 1,000: row 3's 12,500 fails the second
    # (with OR it would pass the first); row 2's blank in an order is Excel's to judge
    found = month(condition_record(4, rk_number(100, GE), number(1000, LE)))
    assert (found.filtered, found.under_filter) == ((3,), (2,))
    found = month(condition_record(4, rk_number(100, GE), number(1000, LE), OR))
    assert (found.filtered, found.by_hand) == ((), (3,))


def test_a_text_with_wildcards_and_non_blanks() -> None:
    # Narration (B) = "*kaveri*" in any case: SHARMA fails
    found = month(condition_record(1, text("*kaveri*", EQ), UNUSED, 0, "*kaveri*"))
    assert (found.filtered, found.by_hand) == ((3,), (2,))
    # Deposit (F) non-blank: row 3 has none
    found = month(condition_record(5, NON_BLANKS))
    assert (found.filtered, found.by_hand) == ((3,), (2,))
    # Narration not equal to "CHQ PAID-*": row 3 fails; two text conditions read in turn
    found = month(
        condition_record(1, text("CHQ PAID-*", NE), text("NEFT*", EQ), OR, "CHQ PAID-*", "NEFT*")
    )
    assert (found.filtered, found.by_hand) == ((3,), (2,))


def test_a_number_compared_with_text_cannot_be_judged() -> None:
    # Withdrawal (E) = "12,500.00": Excel compares the number as shown, its format unread
    found = month(condition_record(4, text("12,500.00", EQ), UNUSED, 0, "12,500.00"))
    # row 2's blank withdrawal fails it: left out, whatever the format; row 3 is unknown
    assert (found.filtered, found.under_filter) == ((2,), (3,))


@pytest.mark.parametrize(
    "criteria",
    [
        condition_record(4, number(10, GT), UNUSED, 0x0010 | (10 << 7)),  # top 10
        condition_record(4, kind_only(0x08, EQ)),  # TRUE, FALSE or an error
        condition_record(4, number(1000, 0)),  # no comparison
    ],
    ids=["top-10", "true-false-error", "no-operator"],
)
def test_criteria_not_judged_here_leave_the_rows_under_the_filter(criteria: bytes) -> None:
    found = month(criteria)
    assert (found.filtered, found.under_filter, found.by_hand) == ((), (2, 3), ())


def test_excel_2007_s_autofilter12_leaves_the_rows_under_the_filter() -> None:
    found = month(condition_record(4, number(1000, LT), BLANKS, OR), newer=True)
    assert (found.filtered, found.under_filter) == ((), (2, 3))


@pytest.mark.parametrize("cut", [5, 24, 26])
def test_a_cut_autofilter_record_leaves_the_rows_under_the_filter(cut: int) -> None:
    whole = condition_record(1, text("*kaveri*", EQ), UNUSED, 0, "*kaveri*")
    body = whole[4:][:cut]
    found = month(record(0x9E, body))
    assert found.rows == (2, 3) and found.filtered == () and found.under_filter == (2, 3)


def test_a_shared_string_run_on_into_a_continue_record_is_read_whole() -> None:
    found = month(
        condition_record(1, text("SMS CHARGES", EQ), UNUSED, 0, "SMS CHARGES"), split_at=4
    )
    assert (found.filtered, found.by_hand) == ((2, 3), ())
    stream = workbook([], STRINGS, split_at=4)
    sst_at = stream.find(b"\xfc\x00")
    pieces = [(sst_at + 4, struct.unpack_from("<H", stream, sst_at + 2)[0])]
    cont = sst_at + 4 + pieces[0][1]
    pieces.append((cont + 4, struct.unpack_from("<H", stream, cont + 2)[0]))
    assert shared_strings(stream, pieces) == STRINGS


def test_a_condition_record_is_read_as_an_xlsx_custom_filter() -> None:
    column, element = autofilter(condition_record(3, number(2.5, GE), BLANKS, OR)[4:])
    assert column == 3 and element is not None
    (custom,) = list(element)
    assert custom.tag == "customFilters" and custom.get("and") is None
    assert [(c.get("operator"), c.get("val")) for c in custom] == [
        ("greaterThanOrEqual", "2.5"),
        ("equal", ""),
    ]


def test_cells_of_each_record_kind() -> None:
    rk = struct.pack("<i", (1770 << 2) | 0x03)  # 17.70 as an integer RK over 100
    formula_number = struct.pack("<HHHd", 5, 0, 15, 99.5) + b"\x00" * 6
    formula_text = struct.pack("<HHH", 5, 1, 15) + b"\x00\x00\x00\x00\x00\x00\xff\xff" + b"\x00" * 6
    stream = b"".join(
        [
            record(0x27E, struct.pack("<HHH", 1, 0, 15) + rk),
            record(
                0xBD, struct.pack("<HHH", 2, 0, 15) + rk + struct.pack("<H", 15) + rk + b"\x01\x00"
            ),
            record(0x205, struct.pack("<HHHBB", 3, 0, 15, 0x2A, 1)),
            record(0x205, struct.pack("<HHHBB", 3, 1, 15, 1, 0)),
            record(0x204, struct.pack("<HHHHB", 4, 0, 15, 5, 0) + b"Rs. 5"),
            record(0x06, formula_number),
            record(0x06, formula_text),
            record(0x4BC, b"\x00" * 10),  # the shared formula it uses, before its text
            record(0x207, struct.pack("<HB", 3, 0) + b"UTR"),
            record(0x0A, b""),
        ]
    )
    wanted = {(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (4, 0), (5, 0), (5, 1), (6, 0)}
    cells = sheet_cells(stream, 0, wanted, list)
    assert cells[(1, 0)] == Cell("number", number=17.7, style=15)
    assert cells[(2, 0)].number == cells[(2, 1)].number == 17.7
    assert cells[(3, 0)] == Cell("text", "#N/A") and cells[(3, 1)] == Cell("text", "TRUE")
    assert cells[(4, 0)] == Cell("text", "Rs. 5")
    assert cells[(5, 0)].number == 99.5 and cells[(5, 1)] == Cell("text", "UTR")
    assert (6, 0) not in cells  # not written: blank


def test_a_stream_cut_anywhere_or_scrambled_never_raises() -> None:
    criteria = condition_record(1, text("*kaveri*", EQ), NON_BLANKS, OR, "*kaveri*")
    records = [record(0x9B, b""), criteria, row_record(1, True), label(1, 1, 2)]
    stream = workbook(records, STRINGS, split_at=4)
    for cut in range(len(stream)):
        xls_hidden_rows(stream[:cut])
    scrambled = bytearray(stream)
    for at in range(0, len(scrambled), 3):
        scrambled[at] ^= 0x5A
        xls_hidden_rows(bytes(scrambled))


def biff5_workbook(sheet_records: list[bytes], title: bytes = b"Relev\xe9") -> bytes:
    """A BIFF5 (Excel 95) Book stream: BOF of version 0x0500, CODEPAGE 1252, a BOUNDSHEET
    whose name is its bytes alone, a BIFF5 `_FilterDatabase` over rows 1-10 (A1:G10), then
    the sheet's records."""
    name = struct.pack("<HBBHHHBBBB", 0x21, 0, 1, 21, 0, 1, 0, 0, 0, 0) + b"\x0d"
    name += struct.pack("<BH8xHHHHBB", 0x3B, 0xFFFF, 0, 0, 0, 9, 0, 6)

    def globals_with(offset: int) -> bytes:
        bound = struct.pack("<IBBB", offset, 0, 0, len(title)) + title
        return (
            record(0x809, struct.pack("<HH", 0x0500, 0x0005) + b"\x00" * 4)
            + record(0x42, struct.pack("<H", 1252))
            + record(0x85, bound)
            + record(0x18, name)
            + record(0x0A, b"")
        )

    head = globals_with(0)
    sheet = record(0x809, struct.pack("<HH", 0x0500, 0x0010) + b"\x00" * 4)
    return globals_with(len(head)) + sheet + b"".join(sheet_records) + record(0x0A, b"")


def test_an_excel_95_sheet_s_hidden_rows_are_found_under_its_filter_or_by_hand() -> None:
    """Before: a BIFF5 .xls (its stream named Book) was passed over: its hidden rows were read
    without a word. Its criteria are not judged: rows under the filter stay "under" it."""
    records = [
        record(0x9B, b""),
        row_record(1, True),  # row 2, inside A1:G10
        row_record(11, True),  # row 12, below the filter: by hand
        record(0x7D, struct.pack("<HHHHHH", 3, 4, 0, 15, 0x0001, 0)),  # D:E hidden
    ]
    found = xls_hidden_rows(biff5_workbook(records))
    assert found == {"Relevé": HiddenRows(rows=(2, 12), under_filter=(2,), columns=((4, 5),))}
    # without the FILTERMODE record, no filter holds criteria: both by hand
    (plain,) = xls_hidden_rows(biff5_workbook(records[1:])).values()
    assert plain.by_hand == (2, 12)
