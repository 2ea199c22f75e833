"""How alike two names are: rapidfuzz's scorers where rapidfuzz is installed, plain Python where
it is not (xlwings Lite runs Python in the browser, where rapidfuzz cannot be installed).

xlbo asks for `fuzz.ratio`, `fuzz.partial_ratio`, `fuzz.token_sort_ratio`,
`fuzz.token_set_ratio`, and `process.cdist` / `process.cpdist` over lists of names. The plain
versions give rapidfuzz's scores (0–100, as floats) for the same strings; they are slower, which
does not matter at the sizes a workbook in Excel holds. For example:

    >>> from xlbo import fuzzy
    >>> fuzzy.plain_ratio("sri balaji traders", "shri balaji traders")
    97.2972972972973
    >>> fuzzy.plain_token_set_ratio("balaji traders", "sri balaji traders")
    100.0
    >>> fuzzy.plain_partial_ratio("omsai", "omsailogistics")
    100.0

Each score is worked out from the longest common subsequence of the two texts, found with
Hyyrö's bit-parallel method (one Python integer holds a row of the table).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

import numpy as np

Scorer = Callable[..., float]


def _common_length(first: str, second: str) -> int:
    """Length of the longest common subsequence of two texts."""
    if not first or not second:
        return 0
    if len(first) > len(second):
        first, second = second, first
    places: dict[str, int] = {}
    bit = 1
    for letter in first:
        places[letter] = places.get(letter, 0) | bit
        bit <<= 1
    mask = bit - 1
    row = mask
    for letter in second:
        matches = row & places.get(letter, 0)
        row = ((row + matches) | (row - matches)) & mask
    return len(first) - row.bit_count()


def _indel(first: str, second: str) -> int:
    """Letters to insert and delete to turn one text into the other."""
    return len(first) + len(second) - 2 * _common_length(first, second)


def _cut(score: float, score_cutoff: float | None) -> float:
    return score if score_cutoff is None or score >= score_cutoff else 0.0


def plain_ratio(s1: str, s2: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    """How alike two texts are, letter by letter: 100 × (1 − edits / total length)."""
    total = len(s1) + len(s2)
    if not total:
        return _cut(100.0, score_cutoff)
    return _cut((1.0 - _indel(s1, s2) / total) * 100, score_cutoff)


def _best_window(short: str, long: str) -> float:
    """The best `ratio` of `short` against a stretch of `long` as long as it (or cut off at
    either end of `long`); `short` is no longer than `long`."""
    letters = set(short)
    length = len(short)
    best = 0.0
    windows = (
        [long[:end] for end in range(1, length) if long[end - 1] in letters]
        + [
            long[start : start + length]
            for start in range(len(long) - length)
            if long[start + length - 1] in letters
        ]
        + [long[start:] for start in range(len(long) - length, len(long)) if long[start] in letters]
    )
    for window in windows:
        best = max(best, plain_ratio(short, window))
        if best == 100.0:
            break
    return best


def plain_partial_ratio(s1: str, s2: str, *, score_cutoff: float | None = None, **_: Any) -> float:
    """How well the shorter text is found inside the longer one: the best `ratio` of the shorter
    against a stretch of the longer."""
    if not s1 and not s2:
        return _cut(100.0, score_cutoff)
    if not s1 or not s2:
        return 0.0
    short, long = (s1, s2) if len(s1) <= len(s2) else (s2, s1)
    best = _best_window(short, long)
    if best != 100.0 and len(s1) == len(s2):
        best = max(best, _best_window(long, short))
    return _cut(best, score_cutoff)


def plain_token_sort_ratio(
    s1: str, s2: str, *, score_cutoff: float | None = None, **_: Any
) -> float:
    """`ratio` of the two texts with their words put in order: word order does not count."""
    return plain_ratio(
        " ".join(sorted(s1.split())), " ".join(sorted(s2.split())), score_cutoff=score_cutoff
    )


def _scaled(edits: int, total: int) -> float:
    return (100 - 100 * edits / total) if total else 100.0


def plain_token_set_ratio(
    s1: str, s2: str, *, score_cutoff: float | None = None, **_: Any
) -> float:
    """How alike the two texts' sets of words are: 100 when one's words are all in the other;
    otherwise the words in common, followed by each side's own, compared."""
    first, second = set(s1.split()), set(s2.split())
    if not first or not second:
        return 0.0
    common = first & second
    only_first, only_second = sorted(first - second), sorted(second - first)
    if common and (not only_first or not only_second):
        return 100.0
    first_rest, second_rest = " ".join(only_first), " ".join(only_second)
    common_length = len(" ".join(sorted(common)))
    joiner = 1 if common_length else 0
    first_length = common_length + joiner + len(first_rest)
    second_length = common_length + joiner + len(second_rest)
    best = _scaled(_indel(first_rest, second_rest), first_length + second_length)
    if common_length:
        # the words in common against the words in common and one side's own
        best = max(
            best,
            _scaled(joiner + len(first_rest), common_length + first_length),
            _scaled(joiner + len(second_rest), common_length + second_length),
        )
    return _cut(best, score_cutoff)


def plain_cpdist(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: Scorer = plain_ratio,
    dtype: Any = np.float32,
    score_cutoff: float | None = None,
    **_: Any,
) -> np.ndarray:
    """The score of each query against the choice at its place: `scorer(queries[i],
    choices[i])`."""
    if len(queries) != len(choices):
        raise ValueError("cpdist needs two lists of the same length")
    return np.array(
        [scorer(q, c, score_cutoff=score_cutoff) for q, c in zip(queries, choices, strict=True)],
        dtype=dtype,
    )


def plain_cdist(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: Scorer = plain_ratio,
    dtype: Any = np.float32,
    score_cutoff: float | None = None,
    **_: Any,
) -> np.ndarray:
    """The score of every query against every choice, as a matrix (rows: queries); scores below
    `score_cutoff` are 0.

    For `ratio` and `token_sort_ratio` with a cutoff, pairs whose lengths alone keep them below
    it (at best the shorter text wholly in the longer: 200 × shorter ÷ both) are not scored."""
    matrix = np.zeros((len(queries), len(choices)), dtype=dtype)
    if score_cutoff and scorer in (plain_ratio, plain_token_sort_ratio):
        if scorer is plain_token_sort_ratio:
            queries = [" ".join(sorted(q.split())) for q in queries]
            choices = [" ".join(sorted(c.split())) for c in choices]
        lengths = [len(c) for c in choices]
        for row, query in enumerate(queries):
            for column, choice in enumerate(choices):
                total = len(query) + lengths[column]
                if total and 200 * min(len(query), lengths[column]) < score_cutoff * total:
                    continue
                matrix[row, column] = plain_ratio(query, choice, score_cutoff=score_cutoff)
        return matrix
    for row, query in enumerate(queries):
        for column, choice in enumerate(choices):
            matrix[row, column] = scorer(query, choice, score_cutoff=score_cutoff)
    return matrix


PLAIN_FUZZ = SimpleNamespace(
    ratio=plain_ratio,
    partial_ratio=plain_partial_ratio,
    token_sort_ratio=plain_token_sort_ratio,
    token_set_ratio=plain_token_set_ratio,
)
PLAIN_PROCESS = SimpleNamespace(cdist=plain_cdist, cpdist=plain_cpdist)


def _scorers() -> tuple[Any, Any, bool]:
    try:
        found = (
            importlib.import_module("rapidfuzz.fuzz"),
            importlib.import_module("rapidfuzz.process"),
        )
    except ImportError:  # xlwings Lite (Pyodide), or an install without it
        return PLAIN_FUZZ, PLAIN_PROCESS, False
    return found[0], found[1], True


fuzz, process, RAPIDFUZZ = _scorers()
"""`fuzz` and `process` as rapidfuzz's modules, or their plain stand-ins; RAPIDFUZZ says which."""


def cpdist(queries: Sequence[str], choices: Sequence[str], **options: Any) -> np.ndarray:
    """Scores of pairs at the same places of two lists (`process.cpdist`), on every core the
    machine has unless `workers` says otherwise: rapidfuzz scores in C without Python's lock,
    and a month's hundreds of thousands of pairs of names take half the time on two cores."""
    options.setdefault("workers", -1)
    return np.asarray(process.cpdist(queries, choices, **options))
