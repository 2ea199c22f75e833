"""The `xlbo` command's entry point: Ctrl+C while Python is still loading xlbo (pandas, pydantic:
the first half second) stops quietly, as it does once a job runs."""

from __future__ import annotations

import sys


def run() -> int:
    """Load the command line and run it; exit 130 with one line if stopped while loading."""
    try:
        from xlbo.cli import main

        return main()
    except KeyboardInterrupt:  # while loading, or building the options (a job catches its own)
        print("xlbo: stopped.", file=sys.stderr)
        return 130
