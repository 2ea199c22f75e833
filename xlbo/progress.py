"""Long jobs: a progress bar on a terminal (silence when output is piped or in CI), and the
collector paused during bulk loads and eased while a job runs."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def shown() -> bool:
    """True when stderr is a terminal a person is watching."""
    return sys.stderr.isatty()


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Iterate `items`, drawing a bar on stderr when a person is watching."""
    if not shown():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=label, total=total, unit="step", leave=False, file=sys.stderr)


@contextlib.contextmanager
def bulk_work() -> Iterator[None]:
    """Pause Python's cycle collector while a job builds many long-lived records.

    Loading 100,000 rows allocates millions of small objects that all stay alive; the collector
    would rescan them again and again (about a fifth of the load time). Reference counting still
    frees everything that is not a cycle, and the collector runs again when the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


COLLECTED_EVERY = (700, 10, 100)
"""Python's cycle collector's thresholds while a job runs (its defaults: 700, 10, 10): the oldest
objects looked through after 100 collections of the middle ones, not 10."""


@contextlib.contextmanager
def long_lived_work() -> Iterator[None]:
    """Ease Python's cycle collector while a job runs (`COLLECTED_EVERY`), as it was after.

    A job keeps what it reads to its end (a reconciliation's 100,000 lines a side), and the
    collector looked all of it through again each time it grew by a quarter: 0.4 s of a 9.5 s
    reconciliation went to seven full collections (an outsider's ICICI month). Young objects are
    still collected as often, and all that is not a cycle is freed as it is let go of.
    """
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTED_EVERY)
    try:
        yield
    finally:
        gc.set_threshold(*before)
