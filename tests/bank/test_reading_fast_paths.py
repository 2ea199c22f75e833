"""The fast paths of reading statements and ledgers give the cells the plain ways gave."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from xlbo.book.files import _masked, _read_csv_frame
from xlbo.columns import paise_column

CSVS = [
    'a,b,c\n1,,3\n4\n\n"x, y",\t-1\n,,\n',
    "a\n",
    'a,b\n"q""x",2\nNA,null\n',
    'x,y\n1,2\r\n3,4\r\n"a\nb",c\n',
    'Date,Amount\n01/10/2026,"\t-,93,39,895.11"\n₹,é\n',
]


@pytest.mark.parametrize("text", CSVS)
def test_csv_cells_are_what_a_text_read_gives(tmp_path: Path, text: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8", newline="")
    frame = _read_csv_frame(path)
    expected = pd.read_csv(
        io.StringIO(text, newline=""),
        sep=",",
        header=None,
        names=range(frame.shape[1]),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        engine="c",
    )
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)


def test_arrow_text_is_masked_as_pandas_masks() -> None:
    chunks = pa.chunked_array(
        [pa.array(["a", " ", ""], pa.large_string()), pa.array([None, "b"], pa.large_string())]
    )
    dtype = pd.StringDtype("pyarrow", np.nan)
    text = pd.Series(pd.arrays.ArrowStringArray(chunks, dtype=dtype))  # type: ignore[call-arg]
    frame = pd.DataFrame(
        {
            "x": pd.Series(["a", " ", "", None, "b"], dtype="string[pyarrow]"),
            "y": [1.0, None, 3, 4, 5],
            "z": pd.Series(["a", " ", None, 2, "q"], dtype=object),
            "w": text,
        },
        index=[3, 4, 5, 6, 7],
    )
    some = np.array([[0, 0, 0, 0], [1, 0, 1, 0], [1, 1, 1, 1], [0, 1, 1, 0], [0, 0, 0, 0]], bool)
    for blanks in (some, np.zeros((5, 4), dtype=bool)):
        pd.testing.assert_frame_equal(
            _masked(frame.copy(), blanks), frame.mask(blanks, None), check_exact=True
        )


def test_amounts_of_a_string_column_as_of_the_same_objects() -> None:
    cells = ["\t1,234.50", None, "-,93,39,895.11", "10.00 Cr", "abc", "  5 ", "", "1e3", "₹5"]
    paise, bad = paise_column(pd.Series(cells, dtype=object))
    for dtype in ("str", "string"):
        same, same_bad = paise_column(pd.Series(cells, dtype=dtype))
        assert same.tolist() == paise.tolist()
        assert same_bad == bad
