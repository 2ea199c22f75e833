"""A Word template for letters: checked before anything is merged, then merged row by row.

Two faults are caught up front, each reported with the tag's text as the user typed it:

- **A tag Word has split.** Word keeps a paragraph's text in runs (`<w:r>`), starting a new one
  wherever the formatting, the spell-checker or an edit changed; a tag typed in two goes, or
  corrected later, can end up as `{{ Emp` in one run and `loyee_Name }}` in the next. Merged,
  such a tag may print half of itself or lose its formatting, so xlbo refuses it and says how to
  mend it (select the whole tag, delete it and type it again in one go, or paste it as plain
  text).
- **A tag that names no column** (`{{ Employe_Name }}`, `{{ row["Emp Name"] }}`): listed with
  the sheet's columns as their tag names.

`check_template` does both and returns the problems as sentences; `Merger` renders a row's
fields into a new .docx (docxtpl, Jinja with autoescape: a `&` or `<` in a cell is text, never
markup).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from xlbo.words import Language

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENING = re.compile(r"\{\{|\{%|\{#")
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class TemplateProblem(ValueError):
    """A template that cannot be merged; the message says what and where."""


@dataclass(frozen=True)
class Tag:
    """One `{{ … }}`, `{% … %}` or `{# … #}` of the template as it reads in Word."""

    text: str
    part: str
    """The part of the .docx it is in: document, header1, footer2…"""
    split: bool
    """True when Word keeps the tag in more than one run."""


def read_tags(template: Path | bytes) -> list[Tag]:
    """Every tag of the template's text (body, headers, footers, notes), in order; a `{{`
    without its `}}` in the same paragraph is a TemplateProblem."""
    try:
        with zipfile.ZipFile(
            io.BytesIO(template) if isinstance(template, bytes) else template
        ) as z:
            parts = {name: z.read(name) for name in z.namelist() if _PARTS.match(name)}
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        raise TemplateProblem(
            f"it is not a Word document (.docx) xlbo can open ({error}); save it from Word as "
            "a Word Document (*.docx)"
        ) from None
    if "word/document.xml" not in parts:
        raise TemplateProblem(
            "it has no document text (word/document.xml); save it from Word again"
        )
    tags: list[Tag] = []
    for name, xml in sorted(parts.items(), key=lambda item: item[0] != "word/document.xml"):
        part = name.removeprefix("word/").removesuffix(".xml")
        try:
            root = ElementTree.fromstring(xml)
        except ElementTree.ParseError as error:
            raise TemplateProblem(
                f"its {part} is damaged ({error}); save it from Word again"
            ) from None
        for paragraph in root.iter(f"{_W}p"):
            pieces = [t.text or "" for t in paragraph.iter(f"{_W}t")]
            text = "".join(pieces)
            if "{" not in text:
                continue
            ends = []  # where each piece of text ends in the paragraph
            at = 0
            for piece in pieces:
                at += len(piece)
                ends.append(at)
            covered = 0
            for match in _TAG.finditer(text):
                start, stop = match.span()
                first = next(i for i, end in enumerate(ends) if end > start)
                last = next(i for i, end in enumerate(ends) if end >= stop)
                tags.append(Tag(match.group(), part, first != last))
                covered = stop
            rest = text[covered:]
            opened = _OPENING.search(rest)
            if opened:
                shown = rest[opened.start() : opened.start() + 60]
                raise TemplateProblem(
                    f"the tag '{shown}' in its {part} is not closed in the same paragraph "
                    "(every {{ needs its }}, every {% its %})"
                )
    return tags


@dataclass(frozen=True)
class Fields:
    """What a row offers a template: its columns' Jinja names (→ header) and the other names
    xlbo gives every letter (`row`, `company`, `today`, …)."""

    columns: Mapping[str, str]
    extra: Collection[str]

    def listed(self) -> str:
        return ", ".join(self.columns) or "(none)"


LONGEST_TEXT = 1_000_000
"""What `{{ "-" * 40 }}` may make at most: a letter is no place for a million characters, and
`{{ "x" * 10**10 }}` would take ten gigabytes before anything could stop it."""


@functools.cache
def _environment(language: Language) -> Any:
    """Jinja for a letter: sandboxed (a template from elsewhere reaches no Python attribute
    such as `__class__`, and repeats no text past `LONGEST_TEXT`), autoescaped (cell text is
    never markup), with xlbo's filters."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    from xlbo.letters.fields import filters

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > 100:
                raise SecurityError(f"a power of {right} is more than a letter needs")
            if operator == "*":
                for times, repeated in ((left, right), (right, left)):
                    if (
                        isinstance(times, int)
                        and isinstance(repeated, str | list | tuple)
                        and times * len(repeated) > LONGEST_TEXT
                    ):
                        raise SecurityError(
                            f"repeating text {times} times makes more than a letter holds"
                        )
            return super().call_binop(context, operator, left, right)

    environment = Sandbox(autoescape=True)
    environment.filters.update(filters(language))
    return environment


def patched_source(template: bytes) -> str:
    """The template's text as docxtpl hands it to Jinja (body, headers and footers)."""
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    document = DocxTemplate(io.BytesIO(template))
    document.init_docx()
    source = document.patch_xml(document.get_xml())
    for uri in (document.HEADER_URI, document.FOOTER_URI):
        for _, part in document.get_headers_footers(uri):
            source += document.patch_xml(document.get_part_xml(part))
    return str(source)


def check_template(template: bytes, fields: Fields, sheet: str) -> list[str]:
    """What stops `template` from being merged with the rows of `sheet`, as sentences (none:
    it can be merged)."""
    from jinja2 import TemplateSyntaxError, meta, nodes

    tags = read_tags(template)
    problems = [
        f"the tag '{tag.text}' ({tag.part}) is split by Word into pieces of different "
        "formatting; select the whole tag, delete it and type it again in one go (or paste it "
        "as plain text)"
        for tag in tags
        if tag.split
    ]
    if problems:
        return problems
    environment = _environment(Language.EN)
    try:
        tree = environment.parse(patched_source(template))
    except TemplateSyntaxError as error:
        for tag in tags:
            if tag.text.startswith("{{"):
                try:
                    environment.parse(tag.text)
                except TemplateSyntaxError as single:
                    return [
                        f"the tag '{tag.text}' is not a Jinja expression xlbo can read ({single.message})"
                    ]
        return [
            f"the template's tags do not fit together ({error.message}); check each {{% if %}} and {{% for %}} has its {{% endif %}} and {{% endfor %}}"
        ]
    for used in (*tree.find_all(nodes.Filter), *tree.find_all(nodes.Test)):
        kind = "filter" if isinstance(used, nodes.Filter) else "test"
        known = environment.filters if kind == "filter" else environment.tests
        if used.name not in known:
            shown = next((t.text for t in tags if used.name in t.text), used.name)
            problems.append(
                f"'{shown}' uses the {kind} '{used.name}', which xlbo does not know; its "
                "filters are inr, words and mask (and Jinja's own, such as upper and default)"
            )
    if problems:
        return problems
    try:
        undeclared = meta.find_undeclared_variables(tree)
    except TemplateSyntaxError as error:  # what Jinja finds only when it compiles
        return [f"the template's tags cannot be read ({error.message})"]
    unknown = sorted(undeclared - set(fields.columns) - set(fields.extra))
    for name in unknown:
        used = [t.text for t in tags if name in _NAME.findall(t.text)]
        shown = ", ".join(f"'{t}'" for t in dict.fromkeys(used)) or f"'{{{{ {name} }}}}'"
        problems.append(
            f"{shown} names no column of {sheet} ({name}); its columns are: {fields.listed()}"
        )
    headers = {h.casefold() for h in fields.columns.values()}
    for item in tree.find_all(nodes.Getitem):
        if (
            isinstance(item.node, nodes.Name)
            and item.node.name == "row"
            and isinstance(item.arg, nodes.Const)
            and isinstance(item.arg.value, str)
            and item.arg.value.casefold() not in headers
        ):
            problems.append(
                f"'row[\"{item.arg.value}\"]' names no column of {sheet}; its columns are: "
                + ", ".join(f'"{h}"' for h in fields.columns.values())
            )
    return problems


def template_names(template: bytes) -> set[str]:
    """The names the template's tags use that it does not set itself (`{{ Name }}`, `row`)."""
    from jinja2 import meta

    return set(
        meta.find_undeclared_variables(_environment(Language.EN).parse(patched_source(template)))
    )


class Merger:
    """One template, merged with one row's fields at a time."""

    def __init__(self, template: bytes) -> None:
        self.template = template

    def merge(self, context: Mapping[str, Any], language: Language) -> bytes:
        """The letter for one row, as the bytes of a .docx."""
        from docxtpl import DocxTemplate, Listing

        document = DocxTemplate(io.BytesIO(self.template))
        shown = {
            key: Listing(value) if isinstance(value, str) and "\n" in value else value
            for key, value in context.items()
        }
        try:
            document.render(shown, jinja_env=_environment(language), autoescape=True)
        except Exception as error:  # the template's own logic (a sum of texts, a sandboxed
            # attribute, an undefined loop) fails: the user's template to mend, not a bug
            message = getattr(error, "message", None) or str(error)
            raise TemplateProblem(f"its tags fail ({type(error).__name__}: {message})") from None
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _core_property(template: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as z:
            core = z.read("docProps/core.xml")
        root = ElementTree.fromstring(core)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return ""
    found = root.find(f"{{http://purl.org/dc/elements/1.1/}}{name}")
    return (found.text or "").strip() if found is not None else ""


def docx_title(template: bytes) -> str:
    """The template's title (File > Info > Properties), for a letter's mail subject."""
    return _core_property(template, "title")


def docx_language(template: bytes) -> Language | None:
    """The language the template is written in, when its properties say (hi-IN, en-IN): its
    amounts in words follow it whatever a row's Language says."""
    code = _core_property(template, "language").split("-")[0].casefold()
    return {"hi": Language.HI, "en": Language.EN}.get(code)


def docx_text(letter: bytes | Path) -> str:
    """A .docx's text in document order: a line a paragraph, a table row as its cells joined by
    ' | ' (to show a merged letter on a sheet, and to check one)."""
    data = letter.read_bytes() if isinstance(letter, Path) else letter
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{_W}body")
    lines: list[str] = []

    def text(element: Any) -> str:
        return "".join(t.text or "" for t in element.iter(f"{_W}t"))

    for block in body if body is not None else ():
        if block.tag == f"{_W}p":
            lines.append(text(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = [
                    "\n".join(text(p) for p in cell.iter(f"{_W}p")) for cell in row.iter(f"{_W}tc")
                ]
                lines.append(" | ".join(cells))
    return "\n".join(lines)
