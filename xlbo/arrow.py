"""pyarrow, where it is installed, for the modules that run text and tables through its C++
kernels (`xlbo.columns`, the workbook port): `pa` and `pc` are None where it is absent (in the
browser, say), and those modules fall back on pandas' own, slower ways.

Its memory pool is jemalloc where pyarrow was built with it (Linux and macOS wheels), unless
the user chose one with ARROW_DEFAULT_MEMORY_POOL. pyarrow's default there, mimalloc, handed
freed memory back to the system and faulted it in again: the first read of a 185,000-row Tally
ledger took 3.2–3.4 s with it and 2.3–2.4 s with jemalloc (or the system's allocator), the
whole reconciliation of 100,000 lines a side 13.3–15.1 s against 12.9–13.1 s (December 2026,
`benchmarks/reconcile_blackbox.py`'s HDFC month). Where jemalloc is not built in (Windows
wheels) pyarrow's default stays: it was not measured there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping

try:
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - exercised where pyarrow is absent
    pa = pc = None

__all__ = ["POOL_VARIABLE", "choose_pool", "pa", "pc"]

POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"


def choose_pool(environ: Mapping[str, str] = os.environ) -> str | None:
    """Make jemalloc pyarrow's memory pool unless the user named one in `POOL_VARIABLE` or
    pyarrow lacks it; the pool's name, None without pyarrow."""
    if pa is None:
        return None
    if not environ.get(POOL_VARIABLE):
        with contextlib.suppress(NotImplementedError):  # built without jemalloc: default stays
            pa.set_memory_pool(pa.jemalloc_memory_pool())
    return str(pa.default_memory_pool().backend_name)


choose_pool()
