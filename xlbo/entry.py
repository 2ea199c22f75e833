"""The `xlbo` command's entry point: Ctrl+C while Python is still loading xlbo (pandas, pydantic:
the first half second) stops quietly, as it does once a job runs."""

from __future__ import annotations

import sys


def run() -> int:
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
    return code


STOPPED = 128
"""Exit codes above it are a run stopped by a signal (128 + its number: 130 for Ctrl+C)."""
