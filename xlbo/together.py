"""Two pieces of work at the same time, on this machine's two cores.

NumPy, pandas' parsers and pyarrow do most of a big file's work outside Python's lock, so
reading or preparing two files in two threads takes little more than the longer one:

>>> at_once(lambda: sum(range(10)), lambda: "ledger")
(45, 'ledger')

Work that stays in Python (reading a workbook's cells into columns) shares that lock, and two
threads of it take nearly as long as one after the other: `apart=True` runs the second in a
process of its own where that is safe and cheap (Linux's fork, one thread running), and its
result comes back pickled.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, cast

A = TypeVar("A")
B = TypeVar("B")
X = TypeVar("X")


def at_once(first: Callable[[], A], second: Callable[[], B], *, apart: bool = False) -> tuple[A, B]:
    """`first()` here and `second()` in a second thread; both results. An error raises as it
    would have alone: `first`'s before `second`'s. A bad first file waits for `second` to
    finish before its error is raised: a thread still inside pyarrow or calamine when the
    program ends can abort it (a fatal error and exit 134, where the user should see the first
    file's message and exit 2; one run in 300 of benchmarks/reconcile_fuzz.py). Only Ctrl-C
    ends the job at once (the thread is a daemon). With `apart`, `second()` runs in a forked
    process where `forkable()` (its result and its error must pickle; see `_forked`)."""
    if apart and forkable():
        return _forked(first, second)
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


def forkable() -> bool:
    """Whether a second process may be forked here: on Linux (macOS's system libraries are not
    safe in a forked child; Windows and Pyodide have no fork), with no other thread running (a
    lock another thread holds would stay held in the child), unless XLBO_NO_FORK is set."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and not os.environ.get("XLBO_NO_FORK")
    )


def _forked(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """`at_once` with `second()` in a forked child (`_child`): its result, or the error it
    raised, comes back pickled. A child that dies, or whose result or error does not pickle,
    leaves `second()` to be run here, after `first()`: the answer is the same, only later. An
    error of `first` ends the child at once."""
    with _child(lambda _: second(), [None]) as take:
        result = first()
        found, value = take()
    return (result, cast(B, value)) if found else (result, second())


@contextlib.contextmanager
def beside(work: Callable[[X], A], items: Sequence[X]) -> Iterator[Callable[[], A | None]]:
    """`take`, a function that gives `work(item)` for each of `items` in turn, worked out by a
    forked child (`forkable`) while this process does other work: a sheet's odd chunks of rows
    built while this process builds the even ones. The child runs at most one item ahead of
    what was taken (the pipe holds the next), so memory stays that of one item. `take()` raises
    what `work` raised, and gives None where the child could not give it (no fork here, the
    child died, or a result or error did not pickle): the caller then does that item itself.
    On leaving, the child is ended."""
    with _child(work, items) as take:
        yield lambda: take()[1]


@contextlib.contextmanager
def _child(
    work: Callable[[X], A], items: Sequence[X]
) -> Iterator[Callable[[], tuple[bool, A | None]]]:
    """`beside`'s child: `take()` gives (True, `work(item)`) for each item in turn, raises the
    error `work` raised, or gives (False, None) where nothing usable came (always, where no
    process may be forked)."""
    if not items or not forkable():
        yield lambda: (False, None)
        return
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: works through the items, never returns into the caller's code
        os.close(reading)
        try:
            with os.fdopen(writing, "wb") as out:
                for item in items:
                    try:
                        outcome: tuple[bool, object] = (True, work(item))
                    except Exception as error:  # raised in the parent
                        outcome = (False, error)
                    try:
                        payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
                    except Exception:  # it does not pickle: this item is the parent's to do
                        payload = b""
                    out.write(len(payload).to_bytes(8, "little") + payload)
                    out.flush()
        finally:  # without flushing: what the parent had buffered is the parent's to write
            os._exit(0)
    os.close(writing)
    pipe = os.fdopen(reading, "rb")

    def take() -> tuple[bool, A | None]:
        size = int.from_bytes(pipe.read(8) or bytes(8), "little")
        payload = pipe.read(size) if size else b""
        if not size or len(payload) != size:
            return False, None
        try:
            done, value = pickle.loads(payload)
        except Exception:  # a broken result: the caller does the item itself
            return False, None
        if not done:
            raise cast(BaseException, value)
        return True, cast(A, value)

    try:
        yield take
    finally:
        pipe.close()
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


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
