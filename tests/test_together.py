"""Two pieces of work at once: both results, and an error raised as it would be alone."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest

from xlbo.errors import UserError
from xlbo.readers.ledger_sections import SeveralAccounts
from xlbo.together import at_once, behind, beside, forkable


def test_both_results_come_back_in_order() -> None:
    seen: list[str] = []

    def first() -> int:
        seen.append(threading.current_thread().name)
        return 1

    def second() -> str:
        seen.append(threading.current_thread().name)
        return "two"

    assert at_once(first, second) == (1, "two")
    assert seen.count(threading.current_thread().name) == 1  # the second ran elsewhere


def test_the_first_problem_is_raised_once_the_second_has_finished() -> None:
    """A bad statement raised at once while the ledger was still read in the second thread;
    the program then ended with that thread inside pyarrow, which can abort it (exit 134 and a
    fatal error, seen once in 300 runs of benchmarks/reconcile_fuzz.py) where the statement's
    message and exit 2 are due. The error now waits for the second to finish."""
    finished = threading.Event()

    def first() -> None:
        raise UserError("bank.csv: no statement lines")

    def second() -> None:
        time.sleep(0.3)  # a ledger still being read
        finished.set()

    with pytest.raises(UserError, match="bank.csv"):
        at_once(first, second)
    assert finished.is_set()


def test_ctrl_c_ends_the_job_without_waiting_for_the_second() -> None:
    release = threading.Event()

    def first() -> None:
        raise KeyboardInterrupt

    def second() -> None:
        release.wait(30)  # a big ledger still being read

    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        at_once(first, second)
    assert time.perf_counter() - started < 5
    release.set()


def test_the_second_problem_is_raised_when_the_first_is_fine() -> None:
    def second() -> None:
        raise UserError("ledger.csv: no ledger lines")

    with pytest.raises(UserError, match="ledger.csv"):
        at_once(lambda: 1, second)


def test_a_problem_in_both_names_the_first() -> None:
    def first() -> None:
        raise UserError("bank.csv")

    def second() -> None:
        raise UserError("ledger.csv")

    with pytest.raises(UserError, match="bank.csv"):
        at_once(first, second)


def test_pieces_handed_behind_are_written_in_order_in_another_thread() -> None:
    written: list[bytes] = []
    threads: set[str] = set()

    def write(piece: bytes) -> None:
        threads.add(threading.current_thread().name)
        written.append(piece)

    with behind(write) as give:
        for number in range(100):
            give(b"<row r=%d/>" % number)
    assert written == [b"<row r=%d/>" % number for number in range(100)]
    assert threads == {"xlbo-behind"}


def test_a_write_that_fails_behind_raises_in_the_maker_and_stops_writing() -> None:
    written: list[bytes] = []

    def write(piece: bytes) -> None:
        if piece == b"3":
            raise OSError("disk full")
        written.append(piece)

    with pytest.raises(OSError, match="disk full"), behind(write) as give:
        for number in range(50):
            give(str(number).encode())
    assert written == [b"0", b"1", b"2"]  # nothing after the piece that failed


def test_apart_the_second_runs_in_a_process_of_its_own() -> None:
    here = os.getpid()
    assert forkable()  # Linux, one thread: where the benchmarks and CI run
    mine, theirs = at_once(os.getpid, os.getpid, apart=True)
    assert mine == here and theirs != here
    big = at_once(lambda: 1, lambda: list(range(200_000)), apart=True)  # more than a pipe holds
    assert big == (1, list(range(200_000)))


def test_apart_an_error_of_the_second_comes_back_with_what_it_holds() -> None:
    """The ledger export of several banks' accounts is raised in the child; the job reads its
    list of accounts to choose the statement's (`SeveralAccounts.names`)."""

    def second() -> None:
        raise SeveralAccounts("export.xlsx holds several banks' ledgers", ["HDFC A/c", "ICICI A/c"])

    with pytest.raises(SeveralAccounts, match="several banks") as raised:
        at_once(lambda: 1, second, apart=True)
    assert raised.value.names == ["HDFC A/c", "ICICI A/c"] and raised.value.exit_code == 2


def test_apart_the_first_problem_ends_the_second_at_once() -> None:
    def first() -> None:
        raise UserError("bank.csv: no statement lines")

    started = time.perf_counter()
    with pytest.raises(UserError, match="bank.csv"):
        at_once(first, lambda: time.sleep(30), apart=True)
    assert time.perf_counter() - started < 5


def test_apart_a_child_that_dies_or_a_result_that_does_not_pickle_is_worked_out_here() -> None:
    here = os.getpid()

    def dies() -> str:
        if os.getpid() != here:
            os._exit(3)  # killed in the middle of the work
        return "read here"

    assert at_once(lambda: 1, dies, apart=True) == (1, "read here")

    def made() -> Callable[[], str]:
        return lambda: "a function"  # a function made here does not pickle

    assert at_once(lambda: 1, made, apart=True)[1]() == "a function"


def test_apart_is_threads_where_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait, args=(30,))
    other.start()
    try:
        assert not forkable()
        assert at_once(os.getpid, os.getpid, apart=True) == (os.getpid(), os.getpid())
    finally:
        release.set()
        other.join()


def test_beside_a_child_works_through_the_items_in_turn() -> None:
    here = os.getpid()
    with beside(lambda n: (n * n, os.getpid()), [1, 2, 3]) as take:
        given = [take(), take(), take(), take()]
    assert [g[0] if g else None for g in given] == [1, 4, 9, None]  # then nothing more
    assert all(g[1] != here for g in given if g)
    big = list(range(300_000))  # more than a pipe holds at once
    with beside(lambda n: big[:n], [len(big)]) as take:
        assert take() == big


def test_beside_raises_the_works_error_and_gives_nothing_where_the_caller_must_do_it() -> None:
    """An item whose work raises (raised here, as the caller doing it would), a result that
    does not pickle, and everything after a child that died."""
    here = os.getpid()

    def work(n: int) -> object:
        if n == 2:
            raise UserError("bank.xlsx, sheet Nov: row 7 cannot be read")
        if n == 3:
            return lambda: n  # does not pickle
        if n == 5 and os.getpid() != here:
            os._exit(3)
        return n

    with beside(work, [1, 2, 3, 4, 5, 6]) as take:
        assert take() == 1
        with pytest.raises(UserError, match="row 7"):
            take()
        assert [take() for _ in range(4)] == [None, 4, None, None]


def test_beside_is_the_callers_work_where_no_fork_is_safe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XLBO_NO_FORK", "1")
    with beside(lambda n: n, [1, 2]) as take:
        assert take() is None


def test_what_was_buffered_before_the_fork_is_written_once() -> None:
    """The child ends without flushing the copy of stdout's buffer it was forked with."""
    script = (
        "import sys\n"
        "from xlbo.together import at_once\n"
        "sys.stdout.write('buffered before the fork\\n')\n"
        "print(at_once(lambda: 1, lambda: 2, apart=True))\n"
    )
    quiet = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a pipe buffers
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=quiet
    )
    assert done.stdout == "buffered before the fork\n(1, 2)\n"
