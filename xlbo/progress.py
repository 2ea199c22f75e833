"""Progress for long jobs: a bar on a terminal, silence when output is piped or in CI."""

from __future__ import annotations

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
