"""E-mail addresses, checked the practical way: one `@`, a local part, a domain with a dot and a
top-level domain of letters, no spaces, at most 254 characters. Returned lower-cased in the
domain (the local part is kept as typed)."""

from __future__ import annotations

import re
from typing import Any

from xlbo.ids._text import cell_text, shown
from xlbo.ids.errors import InvalidFormat, InvalidLength, validity

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def validate(value: Any) -> str:
    text = cell_text(value, "e-mail address").strip().removeprefix("mailto:")
    if len(text) > 254:
        raise InvalidLength(f"an e-mail address has at most 254 characters; this has {len(text)}")
    if text.count("@") != 1:
        raise InvalidFormat(
            f"an e-mail address has exactly one @; '{shown(text)}' has {text.count('@')}"
        )
    local, domain = text.split("@")
    if not local or not _LOCAL.match(local) or local.startswith(".") or ".." in local:
        raise InvalidFormat(
            f"the part before @ in '{shown(text)}' is not valid (no spaces or commas)"
        )
    if not _DOMAIN.match(domain):
        raise InvalidFormat(f"'{shown(domain)}' is not a mail domain like example.co.in")
    return f"{local}@{domain.lower()}"


def compact(value: Any) -> str:
    """The address without spaces around it or a `mailto:` in front."""
    return cell_text(value, "e-mail address").strip().removeprefix("mailto:")


is_valid = validity(validate)
format = validate
