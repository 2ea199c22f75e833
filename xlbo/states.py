"""Indian states and union territories with their GST state codes.

The first two digits of a GSTIN are the state code of the registration. `Work State`, `State`
and place-of-supply cells hold the state's name as in this list; `find_state` also accepts the
code and the spellings people still type (Orissa, Pondicherry, J&K, Tamilnadu).

Union territories without a legislature charge UTGST instead of SGST on intra-state supplies.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from xlbo.cells import is_blank, refuse_error


class State(NamedTuple):
    """A GST state: its two-digit code, its name, and whether it levies UTGST."""

    code: str
    name: str
    utgst: bool = False


STATES: tuple[State, ...] = (
    State("01", "Jammu and Kashmir"),
    State("02", "Himachal Pradesh"),
    State("03", "Punjab"),
    State("04", "Chandigarh", utgst=True),
    State("05", "Uttarakhand"),
    State("06", "Haryana"),
    State("07", "Delhi"),
    State("08", "Rajasthan"),
    State("09", "Uttar Pradesh"),
    State("10", "Bihar"),
    State("11", "Sikkim"),
    State("12", "Arunachal Pradesh"),
    State("13", "Nagaland"),
    State("14", "Manipur"),
    State("15", "Mizoram"),
    State("16", "Tripura"),
    State("17", "Meghalaya"),
    State("18", "Assam"),
    State("19", "West Bengal"),
    State("20", "Jharkhand"),
    State("21", "Odisha"),
    State("22", "Chhattisgarh"),
    State("23", "Madhya Pradesh"),
    State("24", "Gujarat"),
    State("25", "Daman and Diu", utgst=True),
    State("26", "Dadra and Nagar Haveli and Daman and Diu", utgst=True),
    State("27", "Maharashtra"),
    State("28", "Andhra Pradesh (before reorganisation)"),
    State("29", "Karnataka"),
    State("30", "Goa"),
    State("31", "Lakshadweep", utgst=True),
    State("32", "Kerala"),
    State("33", "Tamil Nadu"),
    State("34", "Puducherry"),
    State("35", "Andaman and Nicobar Islands", utgst=True),
    State("36", "Telangana"),
    State("37", "Andhra Pradesh"),
    State("38", "Ladakh", utgst=True),
    State("97", "Other Territory"),
    State("99", "Centre Jurisdiction"),
)
"""Every state code the GST network issues, in code order."""

STATE_NAMES: tuple[str, ...] = tuple(s.name for s in STATES if s.code not in {"25", "28", "99"})
"""Names offered in the workbook's dropdowns (current states and territories)."""

BY_CODE: dict[str, State] = {s.code: s for s in STATES}

_ALIASES = {
    "orissa": "21",
    "pondicherry": "34",
    "jk": "01",
    "jammukashmir": "01",
    "nctofdelhi": "07",
    "newdelhi": "07",
    "andamannicobar": "35",
    "andamanandnicobar": "35",
    "dadranagarhaveli": "26",
    "dnhdd": "26",
    "uttaranchal": "05",
    "ap": "37",
    "up": "09",
    "mp": "23",
    "tn": "33",
    "wb": "19",
    "mh": "27",
    "ka": "29",
    "gj": "24",
    "dl": "07",
    "ts": "36",
    "tg": "36",
    "kl": "32",
    "rj": "08",
    "hr": "06",
    "pb": "03",
    "od": "21",
    "br": "10",
    "jh": "20",
    "cg": "22",
    "ga": "30",
    "hp": "02",
    "uk": "05",
    "as": "18",
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold().replace("&", "and"))


_BY_KEY: dict[str, State] = {_key(s.name): s for s in STATES}
_BY_KEY.update({_key(alias): BY_CODE[code] for alias, code in _ALIASES.items()})
_BY_KEY.update({_key(alias.replace("and", "")): BY_CODE[code] for alias, code in _ALIASES.items()})
_BY_KEY.update({_key(s.name).replace("and", ""): s for s in STATES})


def find_state(value: Any) -> State | None:
    """The state a cell names (by name, common spelling, or GST code); None when blank.

    >>> find_state("maharashtra").code, find_state("27").name, find_state("Orissa").name
    ('27', 'Maharashtra', 'Odisha')
    """
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = f"{int(value):02d}"
    text = str(value).strip()
    if text.isdigit() and len(text) <= 2 and text.zfill(2) in BY_CODE:
        return BY_CODE[text.zfill(2)]
    key = _key(text)
    state = _BY_KEY.get(key) or _BY_KEY.get(key.replace("and", ""))
    if state is None:
        raise ValueError(
            f"'{value}' is not an Indian state or union territory; choose from the list"
        )
    return state
