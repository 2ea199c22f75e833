"""`xlbo.arrays.order_by` is `np.lexsort` with its keys in reading order, whether the keys are packed
into one integer or not."""

from __future__ import annotations

import numpy as np
import pytest

from xlbo.arrays import isin, merge_runs, order_by


@pytest.mark.parametrize("seed", range(5))
def test_order_by_is_lexsort_for_keys_of_every_range(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(200):
        rows = int(rng.integers(0, 40))
        keys = [
            rng.integers(-(10 ** int(rng.integers(0, 18))), 10 ** int(rng.integers(1, 18)), rows)
            for _ in range(int(rng.integers(1, 5)))
        ]
        expected = np.lexsort(tuple(reversed(keys)))
        assert order_by(*keys).tolist() == expected.tolist()


def test_ties_keep_the_rows_order() -> None:
    assert order_by(np.array([1, 0, 1, 0]), np.array([7, 7, 7, 7])).tolist() == [1, 3, 0, 2]


def test_no_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one key"):
        order_by()


@pytest.mark.parametrize("seed", range(3))
def test_isin_is_numpy_isin(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(100):
        values = rng.integers(-50, 50, int(rng.integers(0, 30)))
        within = rng.integers(-50, 50, int(rng.integers(0, 30)))
        assert isin(values, within).tolist() == np.isin(values, within).tolist()


def test_keys_other_than_signed_integers_sort_as_numpy_sorts_them() -> None:
    big = np.array([2**63 + 5, 2**63 + 1, 3], dtype=np.uint64)
    assert order_by(big).tolist() == [2, 1, 0]
    assert order_by(np.array([0.5, 0.2, 0.1])).tolist() == [2, 1, 0]
    assert order_by(np.array([1, 2, 1]), np.array([1.0, np.nan, 0.0])).tolist() == [2, 0, 1]


@pytest.mark.parametrize("seed", range(3))
def test_merge_runs_is_a_stable_sort_of_the_runs_one_after_another(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(200):
        size = int(rng.integers(1, 12))
        runs = [np.sort(rng.integers(0, size, int(rng.integers(0, 15)))) for _ in range(3)]
        expected = np.argsort(np.concatenate(runs), kind="stable")
        assert merge_runs(runs).tolist() == expected.tolist()
