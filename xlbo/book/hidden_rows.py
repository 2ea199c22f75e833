"""Rows Excel does not show on a sheet: hidden by the user, or filtered out by an AutoFilter.

calamine hands over every row's cells, shown or not; whether a row is shown is in the sheet's
XML (`<row r="7" hidden="1">`), and whether a filter hid it in its `<autoFilter>`. A reader that
reads such rows says so: the user who hid rows to leave them out should know they were read.

    hidden_rows(archive, "xl/worksheets/sheet1.xml")  # HiddenRows(rows=(7, 8), filtered=False)
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

_HIDDEN_ROW = re.compile(rb'<row\b(?=[^>]*\bhidden="(?:1|true)")[^>]*?\br="(\d+)"')
_FILTER = re.compile(rb"<autoFilter\b")


@dataclass(frozen=True)
class HiddenRows:
    """A sheet's hidden rows (Excel's numbers, 1 the first) and whether an AutoFilter is on
    (then the rows it hides are the ones its filter leaves out)."""

    rows: tuple[int, ...] = ()
    filtered: bool = False


def hidden_rows(archive: zipfile.ZipFile, part: str) -> HiddenRows:
    """The hidden rows of the worksheet XML `part` of an .xlsx/.xlsm; none for a part missing
    or unreadable (the sheet was read; whether rows are shown is only told)."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return HiddenRows()
    if b'hidden="' not in xml:
        return HiddenRows()
    rows = tuple(int(number) for number in _HIDDEN_ROW.findall(xml))
    return HiddenRows(rows, bool(rows) and _FILTER.search(xml) is not None)
