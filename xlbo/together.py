"""Two pieces of work at the same time, on this machine's two cores.

NumPy, pandas' parsers and pyarrow do most of a big file's work outside Python's lock, so
reading or preparing two files in two threads takes little more than the longer one:

>>> at_once(lambda: sum(range(10)), lambda: "ledger")
(45, 'ledger')
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


def at_once(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """`first()` here and `second()` in a second thread; both results. An error raises as it
    would have alone: `first`'s before `second`'s. A bad first file waits for `second` to
    finish before its error is raised: a thread still inside pyarrow or calamine when the
    program ends can abort it (a fatal error and exit 134, where the user should see the first
    file's message and exit 2; one run in 300 of benchmarks/reconcile_fuzz.py). Only Ctrl-C
    ends the job at once (the thread is a daemon)."""
    done: list[B] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(second())
        except BaseException as error:  # raised below, in the caller's thread
            failed.append(error)

    worker = threading.Thread(target=run, name="xlbo-second", daemon=True)
    worker.start()
    try:
        result = first()
    except KeyboardInterrupt:
        raise
    except BaseException:
        worker.join()
        raise
    worker.join()
    if failed:
        raise failed[0]
    return result, done[0]


@contextlib.contextmanager
def behind(write: Callable[[bytes], object], depth: int = 2) -> Iterator[Callable[[bytes], None]]:
    """A function that hands each piece to `write` in a second thread, in order, while this
    thread makes the next: zlib compresses a sheet's XML and sums its CRC outside Python's
    lock, so a workbook's rows are built and compressed at the same time. At most `depth`
    pieces wait. An error of `write` raises here, at the next piece or on leaving."""
    pieces: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
    failed: list[BaseException] = []

    def run() -> None:
        while (piece := pieces.get()) is not None:
            if failed:
                continue  # drained, so that the maker never waits on a full queue
            try:
                write(piece)
            except BaseException as error:  # raised in the maker's thread
                failed.append(error)

    worker = threading.Thread(target=run, name="xlbo-behind", daemon=True)
    worker.start()

    def give(piece: bytes) -> None:
        if failed:
            raise failed[0]
        pieces.put(piece)

    try:
        yield give
    finally:
        pieces.put(None)
        worker.join()
    if failed:
        raise failed[0]
