"""The engines are pure (issue #13, item 2): no module under `xlbo/bank`, `xlbo/payroll`,
`xlbo/reports` or `xlbo/documents` imports the workbook port, the Excel door, the readers, the jobs or a workbook
library. Engines take frames and records and return frames and records; reading a statement, a
ledger or a sheet lives in `xlbo.readers`, building an output sheet beside its job
(`xlbo.sheets`). The test reads the sources (every import, also those inside a function or under
TYPE_CHECKING), so a reader cannot creep back into an engine unnoticed. A second check follows
an engine's imports through the rest of xlbo and names the modules that still bring the port in
(CARRIERS: known, with their reasons, and only to shrink)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import xlbo

PACKAGE = Path(xlbo.__file__).parent
ROOT = PACKAGE.parent

ENGINES = ("bank", "payroll", "reports", "documents", "vendors", "customers", "office")
"""The engine packages under `xlbo/`."""

FORBIDDEN = (
    "xlbo.book",
    "xlbo.excel",
    "xlbo.readers",
    "xlbo.jobs",
    "openpyxl",
    "xlwings",
    "python_calamine",
    "xlsxwriter",
)
"""What an engine may not import: the workbook port and its adapters, the doors, the readers,
the jobs, and the libraries that read or write workbooks (a name or any module under it)."""

ALLOWED: dict[tuple[str, str], str] = {}
"""(engine module, forbidden import) still allowed, each with its reason. None is left:
every engine is pure. The check fails when an entry here is no longer needed, so the list only
shrinks."""


def _engine_modules() -> list[Path]:
    return sorted(path for engine in ENGINES for path in (PACKAGE / engine).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, package: str | None = None) -> Iterator[str]:
    """Every module `path` imports, made absolute; `package` is the one its relative imports
    start from (by default the package `path` sits in)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if package is None:
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            stem = node.module or ""
            if node.level:
                parts = package.split(".")
                stem = ".".join([*parts[: len(parts) - node.level + 1], *([stem] if stem else [])])
            yield stem
            # `from xlbo import book` imports the port as surely as `import xlbo.book`
            yield from (f"{stem}.{alias.name}" for alias in node.names)


def _forbidden(name: str) -> str | None:
    return next((top for top in FORBIDDEN if name == top or name.startswith(top + ".")), None)


def _found() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for path in _engine_modules():
        where = path.relative_to(ROOT).as_posix()
        for name in _imports(path):
            top = _forbidden(name)
            if top is not None:
                found.setdefault((where, top), set()).add(name)
    # say `xlbo.book.display`, not also each name taken from it
    return {
        key: {name for name in names if not any(name.startswith(other + ".") for other in names)}
        for key, names in found.items()
    }


CARRIERS: dict[str, str] = {
    "xlbo/master/fields.py": "the master's field types carry their display Kind "
    "(xlbo.book.display) for the template; every record of the master imports them",
}
"""Modules outside the engines, reached from an engine by its imports, that import the port
themselves: importing an engine still loads the port through them. Each with its reason; the
list may only shrink."""


def _module_paths() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _carriers() -> dict[str, set[str]]:
    """Each module outside the engines that imports a FORBIDDEN name itself and that an engine
    reaches through xlbo's own imports, with the engines that reach it."""
    paths = _module_paths()

    def known(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    imports = {name: set(_imports(path)) for name, path in paths.items()}
    found: dict[str, set[str]] = {}

    def in_engine(name: str) -> bool:
        return name.split(".")[1:2] in ([engine] for engine in ENGINES)

    for engine in filter(in_engine, paths):
        seen: set[str] = set()
        todo = [engine]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            for imported in imports[name]:
                if _forbidden(imported) is not None:
                    if not in_engine(name):
                        where = paths[name].relative_to(ROOT).as_posix()
                        found.setdefault(where, set()).add(engine)
                elif (module := known(imported)) is not None:
                    todo.append(module)
    return found


def test_the_engines_are_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in _engine_modules()}
    assert {"xlbo/bank/match.py", "xlbo/payroll/compute.py", "xlbo/reports/statements.py"} <= names


def test_no_engine_imports_the_port_a_door_a_reader_or_a_workbook_library() -> None:
    found = _found()
    unexplained = {
        f"{where} imports {', '.join(sorted(names))}"
        for (where, top), names in found.items()
        if (where, top) not in ALLOWED
    }
    assert not unexplained, (
        "engines must not do I/O (move the reading to xlbo/readers, the sheet to xlbo/sheets):\n"
        + "\n".join(sorted(unexplained))
    )


def test_the_allow_list_only_shrinks() -> None:
    stale = sorted(f"{where}: {top}" for where, top in ALLOWED if (where, top) not in _found())
    assert not stale, "no longer imported, take it off ALLOWED: " + ", ".join(stale)


def test_no_engine_reaches_the_port_through_another_module() -> None:
    carriers = _carriers()
    new = sorted(
        f"{where} (from {min(carriers[where])})" for where in carriers if where not in CARRIERS
    )
    assert not new, "an engine reaches the port through: " + ", ".join(new)
    gone = sorted(set(CARRIERS) - set(carriers))
    assert not gone, "no longer reached from an engine, take it off CARRIERS: " + ", ".join(gone)


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from xlbo.book import Reader\n", "xlbo.book"),
        ("import xlsxwriter\n", "xlsxwriter"),
        ("def f():\n    from xlbo.readers.ledger import read_ledger\n", "xlbo.readers"),
        ("from xlbo import book\n", "xlbo.book"),
        ("from ..book.display import Column\n", "xlbo.book"),
        ("from xlbo.bookkeeping import x\n", None),
        ("from xlbo.money import format_inr\n", None),
    ],
)
def test_the_check_catches_each_form(tmp_path: Path, source: str, caught: str | None) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    # read as if the probe sat in xlbo/bank (for its relative imports), without writing there
    found = {_forbidden(name) for name in _imports(probe, package="xlbo.bank")} - {None}
    assert found == ({caught} if caught else set())
