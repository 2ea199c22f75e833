"""The Letters job: `xlbo letters TEMPLATE --data BOOK.xlsx --sheet SHEET --out DIR`.

Merges a Word template with each row of a sheet (Employees, Customers, Vendors or any sheet with
a header row) into one letter a row: `DIR/NAME-KEY.docx`, its PDF (LibreOffice, one call for all
the letters) and `DIR/NAME-KEY.eml`, a mail draft to the row's Email with the letter attached.
KEY is the row's first column (an Employee ID, a Customer Code), made safe for a file name.

TEMPLATE is a .docx of the user's, or the name of one of xlbo's own (`xlbo.letters.shipped`:
appointment, experience, salary-certificate, payment-reminder, payment-advice), which exists in
English and Hindi: each row is written in its `Language` column's language, else the Company
sheet's Language, else English. `xlbo letters --template NAME --out FILE.docx [--language hi]`
writes xlbo's template to a file, to change in Word and merge as the user's own.

Before anything is written, the template is checked (`xlbo.letters.template`): a tag Word has
split, or one that names no column, stops the job with the tag's text and the sheet's columns
(exit 2, no file written). A row whose Language cell is not a language, or that has no e-mail
address, is named; the other rows' letters are still written.

In Excel (the Letters button) the job reads the open workbook; with no folder to write in
(xlwings Lite, a workbook never saved) it writes no files: each letter's text goes on the
`Merged Letters` sheet instead.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook, Reader, ResultSheet, atomic_path
from xlbo.book.atomic import check_output_file, check_output_folder, result_set
from xlbo.book.display import Column, Kind
from xlbo.book.table import Table, header_key
from xlbo.cells import excel_error
from xlbo.dates import parse_date
from xlbo.errors import FileProblem, SheetProblem, UserError
from xlbo.issues import Issue, Severity
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    LettersSettings,
    Source,
    file_of,
)
from xlbo.letters.fields import field_text, names_of, row_fields
from xlbo.letters.mail import NOTES, letter_mail, valid_address
from xlbo.letters.shipped import SHIPPED, Needs, Shipped
from xlbo.letters.sources import read_figures, row_figures
from xlbo.letters.template import (
    Fields,
    Merger,
    TemplateProblem,
    check_template,
    docx_language,
    docx_text,
    docx_title,
    template_names,
)
from xlbo.master.load import MasterData, load
from xlbo.master.schema import BY_SHEET
from xlbo.money import format_inr, parse_amount, parse_money
from xlbo.words import Language, language

MERGED_SHEET = "Merged Letters"
LETTERS_SHEET = "Letters"
"""The sheet of the open workbook naming the letters to merge (Template, Sheet, Merge)."""
EMAIL_HEADERS = ("email", "e-mail", "email address", "e-mail address", "mail")
FIGURE_NAMES = {
    Needs.OVERDUE: ("overdue", "overdue_total"),
    Needs.SALARY: ("salary", "salary_total", "salary_period"),
    Needs.PAYMENTS: ("payments", "paid_total", "settled_total", "tds_total", "period"),
}
"""The names a template uses for each kind of figures (a user's template may use them too)."""
EVERY_LETTER = ("row", "company", "today", "lang", "as_at")
"""Names every letter has besides its columns."""
GROSS_PARTS = ("Basic", "DA", "HRA", "Special Allowance", "Other Allowances")
SHOWN_PROBLEMS = 8


@dataclass(frozen=True)
class _Template:
    """The template of a run: a user's file (one language) or one of xlbo's (both)."""

    name: str
    shipped: Shipped | None
    own: bytes | None
    built: dict[Language, bytes] = field(default_factory=dict)

    def source(self, chosen: Language) -> bytes:
        if self.shipped is not None:
            if chosen not in self.built:  # written once a run, not once a row
                self.built[chosen] = self.shipped.docx(chosen)
            return self.built[chosen]
        return self.own or b""

    def title(self, chosen: Language) -> str:
        if self.shipped is not None:
            return self.shipped.title(chosen)
        return docx_title(self.own or b"") or self.name.replace("-", " ").replace("_", " ")


def _template(name: str) -> _Template:
    path = Path(name)
    if name in SHIPPED and not path.exists():
        return _Template(name, SHIPPED[name], None)
    if path.suffix.lower() != ".docx" and not path.exists():
        raise UserError(
            f"'{name}' is neither a Word template (.docx) nor one of xlbo's letters: "
            + ", ".join(SHIPPED)
            + "."
        )
    if not path.is_file():
        raise FileProblem(f"{path}: no such Word template; check the name and folder.")
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".csv"}:
        raise UserError(
            f"{path.name} is a workbook, not a Word template: give the template (.docx) first "
            f"and the workbook of the rows with --data {path.name}."
        )
    if path.name.startswith("~$"):
        raise UserError(
            f"{path.name} is the lock file Word keeps while {path.name[2:]} is open; give "
            f"{path.name[2:]} itself (saved in Word) as the template."
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileProblem(f"{path}: cannot be read ({error.strerror or error}).") from None
    return _Template(path.stem, None, data)


def write_template(settings: LettersSettings) -> JobResult:
    """`xlbo letters --template NAME --out FILE.docx`: one of xlbo's templates as a file."""
    shipped = SHIPPED.get(settings.template)
    if shipped is None:
        raise UserError(
            f"xlbo has no letter named '{settings.template}'; its letters are: "
            + ", ".join(SHIPPED)
            + "."
        )
    out = settings.out
    if out is None:
        raise UserError("Name the file to write the template to with --out (a .docx).")
    if out.suffix.lower() != ".docx":
        raise UserError(
            f"--out {out.name}: the template is a Word document; name it with .docx "
            f"(e.g. --out {shipped.name}.docx)."
        )
    check_output_file(out)
    chosen = language(settings.language)
    with atomic_path(out) as temporary:
        temporary.write_bytes(shipped.docx(chosen))
    said = (
        f"Wrote xlbo's {shipped.title(Language.EN).lower()} template ({chosen.label}) to {out}; "
        f"merge it with: xlbo letters {out} --data MASTER.xlsx --sheet {shipped.sheet}"
    )
    return JobResult(EXIT_OK, (said,), files=(out,), headline=said)


# -- the rows ----------------------------------------------------------------------------------


def _headers_of(sheet: str, kind: Kind) -> frozenset[str]:
    """The headers of the master's layout of `sheet` whose columns are of `kind`."""
    table = BY_SHEET.get(sheet)
    if table is None:
        return frozenset()
    return frozenset(h for h, c in table.columns().items() if c.kind is kind)


def _checked(value: Any, money: bool, dated: bool) -> Any:
    """A cell as a letter may print it (a date column's serial or text as its date); a
    ValueError, with what is wrong and what to do, for one no letter should print blank or
    wrong: an Excel error, a money column's text that is no amount, a date that is none."""
    error = excel_error(value)
    if error is not None:
        raise ValueError(
            f"the cell shows the Excel error {error}; the letter would print it blank",
            "Mend the formula (or type the value) and merge again.",
        )
    try:
        if money:
            parse_amount(value)
        if dated:
            return parse_date(value)
    except ValueError as problem:
        raise ValueError(
            str(problem),
            "Type the date day first (e.g. 01-04-2026)."
            if dated
            else "Type the amount as a number (e.g. 25,000).",
        ) from None
    return value


def _read_rows(reader: Reader, sheet: str) -> Table:
    if not reader.has(sheet):
        raise SheetProblem(
            f"{Path(reader.name).name} has no sheet '{sheet}'; its sheets are: "
            + ", ".join(reader.sheet_names())
            + ". Give the sheet of the rows to merge with --sheet."
        )
    known = BY_SHEET.get(sheet)
    table = reader.read_table(sheet, known.headers if known else None)
    headers = [str(h) for h in table.frame.columns if str(h).strip()]
    if not headers or table.frame.empty:
        raise SheetProblem(
            f"{Path(reader.name).name}: the {sheet} sheet has no rows under a header row; "
            "nothing to merge."
        )
    return table


def _company(data: MasterData) -> dict[str, str]:
    company = data.company
    if company is None:
        return {"Name": "", "Address": "", "contact": ""}
    shown = {
        alias: field_text(value, isinstance(value, Decimal))
        for alias, value in company.model_dump(by_alias=True).items()
    }
    fields = {name: shown[header] for name, header in names_of(list(shown)).items()}
    contact = [
        f"{label} {shown[key]}"
        for label, key in (("GSTIN", "GSTIN"), ("CIN", "CIN"), ("Phone", "Phone"), ("", "Email"))
        if shown.get(key)
    ]
    fields["contact"] = " · ".join(part.strip() for part in contact)
    return fields


def _amount(text: str) -> Decimal:
    try:
        return parse_money(text) or Decimal(0)
    except ValueError:
        return Decimal(0)


def _employee_extras(fields: Mapping[str, str]) -> dict[str, str]:
    """An Employees row's monthly gross and other allowances (special + other)."""
    if "Basic" not in fields:
        return {}
    gross = sum((_amount(fields.get(h, "")) for h in GROSS_PARTS), Decimal(0))
    others = _amount(fields.get("Special Allowance", "")) + _amount(
        fields.get("Other Allowances", "")
    )
    return {"Monthly_Gross": format_inr(gross), "Allowances": format_inr(others)}


_UNSAFE = re.compile(r"[^0-9A-Za-z\u0900-\u097F._-]+")


def _file_key(value: str, row: int) -> str:
    key = _UNSAFE.sub("-", value).strip("-.")[:60]
    return key or f"row-{row}"


# -- figures from the books and the payroll registers --------------------------------------------


def _needs(template: _Template, names: set[str]) -> Needs:
    if template.shipped is not None:
        return template.shipped.needs
    for needs, used in FIGURE_NAMES.items():
        if names & set(used):
            return needs
    return Needs.NOTHING


# -- the job -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Letter:
    """One merged letter: the sheet row it is for, and what was made of it."""

    row: int
    key: str
    name: str
    language: Language
    to: str
    subject: str
    text: str
    """The letter's text (for the Merged Letters sheet); the .docx went to its file as it
    was merged, so a run holds one letter's document at a time, not all of them."""
    stem: str


def _check(template: _Template, fields: Fields, sheet: str, languages: set[Language]) -> set[str]:
    """Stop, before anything is written, on a template that cannot be merged; return the
    names its tags use."""
    used: set[str] = set()
    for chosen in sorted(languages):
        source = template.source(chosen)
        try:
            problems = check_template(source, fields, sheet)
        except TemplateProblem as problem:
            raise UserError(f"The template {template.name} cannot be merged: {problem}.") from None
        if problems:
            shown = "\n".join(f"  - {p}" for p in problems[:SHOWN_PROBLEMS])
            more = len(problems) - SHOWN_PROBLEMS
            raise UserError(
                f"The template {template.name}"
                + (f" ({chosen.label})" if template.shipped else "")
                + f" cannot be merged with {sheet}; nothing was written:\n{shown}"
                + (f"\n  … and {more} more." if more > 0 else "")
            )
        used |= template_names(source)
    return used


@dataclass(frozen=True)
class _Rows:
    """The rows to merge: each with its Excel row, its fields by header and its language; the
    Language cells that are no language; and the sheet's layout."""

    rows: list[tuple[int, dict[str, str], Language]]
    issues: list[Issue]
    headers: list[str]
    """The sheet's headers, then those of the master's layout it lacks (merged blank)."""
    email: str | None
    """The header of the e-mail column, if any."""


def _rows(
    reader: Reader, table: Table, sheet: str, forced: Language | None, default: Language
) -> _Rows:
    headers = [str(h) for h in table.frame.columns]
    known = BY_SHEET.get(sheet)  # a column of the master's layout left off the sheet is blank
    absent = [h for h in (known.headers if known else ()) if h not in headers]
    money, dates = _headers_of(sheet, Kind.MONEY), _headers_of(sheet, Kind.DATE)
    language_header = next((h for h in headers if header_key(h) == "language"), None)
    rows: list[tuple[int, dict[str, str], Language]] = []
    issues: list[Issue] = []
    for number, cells in zip(table.frame.index, table.frame.itertuples(index=False), strict=True):
        values: list[Any] = list(cells)
        wrong: Issue | None = None
        for index, (header, value) in enumerate(zip(headers, cells, strict=True)):
            try:
                values[index] = _checked(value, header in money, header in dates)
            except ValueError as error:  # that row is left out, and its cell named
                wrong = wrong or Issue(
                    severity=Severity.ERROR,
                    sheet=sheet,
                    cell=table.cell(int(number), header),
                    value=value,
                    problem=f"{header}: {error.args[0]}; no letter was made for this row",
                    hint=str(error.args[1]) if len(error.args) > 1 else "",
                    file=Path(reader.name).name,
                )
        fields = row_fields([*headers, *absent], [*values, *[None] * len(absent)], money)
        if not any(fields.values()):
            continue
        if wrong is not None:
            issues.append(wrong)
            continue
        chosen = forced or default
        if language_header and fields.get(language_header) and forced is None:
            try:
                chosen = language(fields[language_header])
            except ValueError as error:  # that row is left out, and its cell named
                issues.append(
                    Issue(
                        severity=Severity.ERROR,
                        sheet=sheet,
                        cell=table.cell(int(number), language_header),
                        value=fields[language_header],
                        problem=str(error),
                        hint="Type en or hi (or leave it blank for the Company sheet's language).",
                        file=Path(reader.name).name,
                    )
                )
                continue
        rows.append((int(number), fields, chosen))
    email = next((h for h in headers if header_key(h) in EMAIL_HEADERS), None)
    return _Rows(rows, issues, [*headers, *absent], email)


def _merge(
    template: _Template,
    sheet: str,
    rows: _Rows,
    shared: Mapping[str, Any],
    figures: tuple[Needs, Any],
    subject: str,
    place: Callable[[str, bytes], None] | None = None,
) -> tuple[list[Letter], list[str]]:
    """Each row's letter (none for a row with no figures to list: a customer owing nothing
    overdue), its .docx handed to `place` (stem, bytes) as soon as it is merged; returns the
    letters and the keys of the rows without one."""
    needs, found = figures
    columns = names_of(rows.headers)
    key_header = rows.headers[0]
    stems: set[str] = set()
    letters: list[Letter] = []
    without: list[str] = []
    titles = {chosen: subject or template.title(chosen) for _, _, chosen in rows.rows}
    for number, fields, chosen in rows.rows:
        extras = row_figures(needs, found, fields) if needs is not Needs.NOTHING else {}
        key = fields.get(key_header, "") or f"row {number}"
        if needs is not Needs.NOTHING and not extras:
            without.append(key)
            continue
        context: dict[str, Any] = {name: fields[header] for name, header in columns.items()}
        context.update(_employee_extras(fields))
        context.update(shared, row=fields, lang=chosen.value, **extras)
        try:
            merged = Merger(template.source(chosen)).merge(context, chosen)
        except TemplateProblem as problem:
            raise UserError(
                f"The template {template.name} cannot be merged with {sheet} row {number} "
                f"({key}): {problem}; nothing was written."
            ) from None
        stem = f"{template.name}-{_file_key(fields.get(key_header, ''), number)}"
        if stem.casefold() in stems:
            stem = f"{stem}-row-{number}"
        stems.add(stem.casefold())
        to = fields.get(rows.email, "") if rows.email else ""
        name = fields.get("Name", key)
        if place is not None:
            place(stem, merged)
        text = docx_text(merged)
        letters.append(Letter(number, key, name, chosen, to, titles[chosen], text, stem))
    return letters, without


@dataclass
class _Written:
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    drafts: int = 0
    no_address: list[str] = field(default_factory=list)


@dataclass
class _Placer:
    """Writes each letter's .docx where the output set stages it, as it is merged; the set
    is opened (`opening`) for the first letter, so a run that merges none writes nothing."""

    out: Path
    written: _Written
    opening: Callable[[], object]
    staged: dict[str, Path] = field(default_factory=dict)

    def __call__(self, stem: str, docx: bytes) -> None:
        if not self.staged:
            self.opening()
        with atomic_path(self.out / f"{stem}.docx") as temporary:
            temporary.write_bytes(docx)
        self.staged[stem] = temporary
        self.written.files.append(self.out / f"{stem}.docx")


def _write(
    letters: Sequence[Letter],
    placer: _Placer,
    settings: LettersSettings,
    company: Mapping[str, str],
) -> _Written:
    """The letters' PDFs and mail drafts beside their .docx (staged by `placer` as each was
    merged), in the output set the caller holds open."""
    written, out = placer.written, placer.out
    placed = [placer.staged[letter.stem] for letter in letters]
    if letters:
        written.files.extend(_pdfs(placed, out, settings.pdf, written.warnings))
        for letter, staged in zip(letters, placed, strict=True):
            if not letter.to or not valid_address(letter.to):
                written.no_address.append(letter.key)
                continue
            pdf = staged.with_suffix(".pdf")
            attach_pdf = settings.attach == "pdf" and pdf.exists()
            note = NOTES[letter.language.value].format(
                name=letter.name, title=letter.subject, company=company.get("Name", "")
            )
            draft = letter_mail(
                to=letter.to,
                sender=company.get("Email", ""),
                subject=letter.subject,
                note=note,
                attachment=pdf.read_bytes() if attach_pdf else staged.read_bytes(),
                filename=f"{letter.stem}.{'pdf' if attach_pdf else 'docx'}",
            )
            with atomic_path(out / f"{letter.stem}.eml") as temporary:
                temporary.write_bytes(draft.as_bytes())
            written.files.append(out / f"{letter.stem}.eml")
            written.drafts += 1
    return written


def _some(keys: Sequence[str]) -> str:
    return ", ".join(keys[:5]) + (" …" if len(keys) > 5 else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def letters_job(inputs: Mapping[str, Source], settings: LettersSettings) -> JobResult:
    """Merge the template with the rows of `settings.sheet` into `settings.out`."""
    if settings.write_template:
        return write_template(settings)
    data_source = inputs.get("data")
    if data_source is None:
        raise UserError("letters needs the workbook of the rows to merge: --data BOOK.xlsx.")
    try:  # Word templates need docxtpl, which a browser's Python may lack (xlwings Lite)
        import docxtpl  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise UserError(
            "Letters are merged by the Word template library docxtpl, which this Python does "
            "not have (xlwings Lite cannot install it): run `xlbo letters` on a computer, or "
            "click Letters in the classic add-in."
        ) from None
    template = _template(settings.template)
    sheet = settings.sheet or (template.shipped.sheet if template.shipped else "")
    if not sheet:
        raise UserError(
            "Name the sheet of the rows to merge with --sheet (e.g. --sheet Employees)."
        )
    out = settings.out
    master_source, books_source = inputs.get("master"), inputs.get("books")
    if out is not None:
        check_output_folder(
            out, file_of(data_source), file_of(master_source), file_of(books_source)
        )
    reader = FileBook(data_source) if isinstance(data_source, Path) else data_source
    master = FileBook(master_source) if isinstance(master_source, Path) else master_source
    books = FileBook(books_source) if isinstance(books_source, Path) else books_source
    data, master_issues = load(master or reader)  # the master's problems are Validate's,
    if data.company is None:  # but a letter without its company's name is no letter
        errors = [
            str(i).rstrip(". ")
            for i in master_issues
            if i.sheet == "Company" and i.severity is Severity.ERROR
        ][:3]
        raise UserError(
            f"{Path((master or reader).name).name}: the Company sheet gives no company (its "
            "Name and State); letters print its name, address and contacts. "
            + ("; ".join(errors) + ". " if errors else "Add the Company sheet (xlbo init). ")
            + "Give the master with --master, or fix it (xlbo validate says how)."
        )
    table = _read_rows(reader, sheet)
    default = data.company.language
    forced = language(settings.language) if settings.language else None
    if forced is None and template.own is not None:  # a Hindi template writes Hindi words
        forced = docx_language(template.own)
    rows = _rows(reader, table, sheet, forced, default)

    extra = set(EVERY_LETTER) | {n for names in FIGURE_NAMES.values() for n in names}
    if "Basic" in rows.headers:
        extra |= {"Monthly_Gross", "Allowances"}
    languages = {r[2] for r in rows.rows} or {default}
    used = _check(template, Fields(names_of(rows.headers), extra), sheet, languages)
    needs = _needs(template, used)
    as_at = settings.as_at or date.today()
    figures = read_figures(
        needs,
        books=books or reader,
        workbook=reader,
        rows=table.frame,
        data=data,
        as_at=as_at,
        payroll=settings.payroll,
    )
    company = _company(data)
    shared = {"company": company, "today": f"{as_at:%d-%m-%Y}", "as_at": f"{as_at:%d-%m-%Y}"}
    merging = (template, sheet, rows, shared, (needs, figures), settings.subject)
    written = _Written()
    if out is None:  # no folder: the letters' text goes on a sheet
        letters, without = _merge(*merging)
    else:
        with contextlib.ExitStack() as outputs:  # each letter to its file as it is merged
            placer = _Placer(out, written, lambda: outputs.enter_context(result_set(out)))
            letters, without = _merge(*merging, place=placer)
            _write(letters, placer, settings, company)  # then the PDFs and the drafts
    if written.no_address:
        written.warnings.append(
            f"No mail draft for {_plural(len(written.no_address), 'letter')} "
            f"({_some(written.no_address)}): the row has no valid address in "
            f"{rows.email or 'an Email column'}."
        )
    said = (
        f"Merged {_plural(len(letters), 'letter')} ({template.name}, "
        f"{', '.join(sorted({x.language.label for x in letters})) or 'none'}) from the {sheet} sheet"
        + (
            f" into {out}: .docx, {sum(1 for f in written.files if f.suffix == '.pdf')} PDF, "
            f"{_plural(written.drafts, 'mail draft')} (.eml)"
            if out is not None
            else f"; their text is on the {MERGED_SHEET} sheet (no folder to write files in)"
        )
        + (
            f"; {_plural(len(without), 'row')} with nothing to say ({_some(without)})"
            if without
            else ""
        )
        + (f"; {_plural(len(rows.issues), 'row')} left out" if rows.issues else "")
        + "."
    )
    shown = [f"  {issue}" for issue in rows.issues[:SHOWN_PROBLEMS]]
    return JobResult(
        EXIT_FINDINGS if rows.issues or written.warnings else EXIT_OK,
        (said, *shown),
        tuple(written.warnings),
        sheets=(_merged_sheet(letters),),
        issues=tuple(rows.issues),
        files=tuple(written.files),
        headline=said,
        value=letters,
    )


def _pdfs(placed: Sequence[Path], out: Path, wanted: bool, warnings: list[str]) -> list[Path]:
    """The letters' PDFs, made by LibreOffice where the set stages the letters."""
    if not wanted or not placed:
        return []
    from xlbo.jobs.invoice_files import to_pdf

    try:
        made, unmade = to_pdf(placed, placed[0].parent)
    except FileNotFoundError as error:
        warnings.append(
            f"The letters' PDFs were not made ({error}); the .docx letters are in {out} and "
            "the mail drafts carry them. Install LibreOffice for PDFs."
        )
        return []
    files = []
    for pdf in made:
        with atomic_path(out / pdf.name):
            pass  # LibreOffice wrote it where the set stages it
        files.append(out / pdf.name)
    if unmade:
        warnings.append(
            f"LibreOffice made no PDF of {len(unmade)} letters ("
            + ", ".join(p.name for p in unmade[:3])
            + "); their .docx are in the folder and their drafts carry the .docx. LibreOffice "
            "needs its Writer for Word documents (Debian and Ubuntu: libreoffice-writer)."
        )
    return files


def _merged_sheet(letters: Sequence[Letter]) -> ResultSheet:
    """A row a letter: for whom, in which language, to which address, and its text."""
    frame = pd.DataFrame(
        [
            [
                letter.row,
                letter.key,
                letter.name,
                letter.language.label,
                letter.to,
                letter.subject,
                f"{letter.stem}.docx",
                letter.text,
            ]
            for letter in letters
        ],
        columns=["Row", "Key", "Name", "Language", "To", "Subject", "File", "Letter"],
        dtype=object,
    )
    return ResultSheet(
        MERGED_SHEET,
        frame,
        columns={
            "Row": Column(kind=Kind.TEXT, width=6),
            "Letter": Column(kind=Kind.TEXT, width=90),
        },
    )


def ticked_letters(book: Reader) -> tuple[list[tuple[str, str]], list[Issue]]:
    """The letters the Letters sheet ticks (Merge: Yes), as (template, sheet) in order, and an
    Issue at each Merge cell that is neither Yes nor No: that letter is not merged."""
    from xlbo.cells import parse_yes_no
    from xlbo.issues import display_value

    table = book.read_table(LETTERS_SHEET, ["Template", "Sheet", "Merge"])
    chosen: list[tuple[str, str]] = []
    issues: list[Issue] = []
    for row, values in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        template = str(values.get("Template") or "").strip()
        try:
            merge = parse_yes_no(values.get("Merge"))
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(int(row), "Merge"),
                    value=display_value(values.get("Merge")),
                    problem=f"Merge: {error}; {template or 'the letter'} was not merged",
                    hint="Type Yes to merge the letter, No (or nothing) not to.",
                    file=Path(book.name).name,
                )
            )
            continue
        if merge and template:
            chosen.append((template, str(values.get("Sheet") or "").strip()))
    return chosen, issues
