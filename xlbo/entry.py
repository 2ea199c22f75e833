"""The `xlbo` command's entry point: Ctrl+C while Python is still loading xlbo (pandas, pydantic:
the first half second) stops quietly, as it does once a job runs; a job done, the process ends
at once (`_ended`)."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn


def run() -> NoReturn:
    """Load the command line and run it; exit 130 with one line if stopped while loading."""
    try:
        from xlbo.cli import main

        code = main()
    except KeyboardInterrupt:  # while loading, or building the options (a job catches its own)
        print("xlbo: stopped.", file=sys.stderr)
        code = 130
    if code > STOPPED:
        # a workbook the stop caught half-opened is closed as Python exits, and its complaint
        # (`Exception ignored in: ZipFile.__del__`, a traceback) is no news to who stopped it
        sys.unraisablehook = lambda unraisable: None
        sys.exit(code)
    _ended(code)


def _ended(code: int) -> NoReturn:
    """End the process with `code` once what it printed is out and the functions registered to
    run at exit have run, without freeing what the job held one object at a time: every file
    the job wrote is closed and in place by now, and the system takes back the memory at once
    (0.3 s of a 100,000-line reconciliation went to Python letting go of its lines). Where a
    thread of the job's own is still at work, Python ends as usual, once it is done."""
    main = threading.main_thread()
    if any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with it closed (`2>&-`): nothing to flush
            continue
        with contextlib.suppress(OSError, ValueError):  # a reader gone (`| head`), or closed
            stream.flush()
    os._exit(code)


STOPPED = 128
"""Exit codes above it are a run stopped by a signal (128 + its number: 130 for Ctrl+C)."""
