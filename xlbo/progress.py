"""Long jobs: a progress bar on a terminal (silence when output is piped or in CI), and the
collector paused during bulk loads."""

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
