"""Who a line is with: the counterparty's name in a bank narration, a ledger's particulars folded
the same way, and how alike two such names are.

A bank writes `NEFT CR-SBIN0001234-SHREE BALAJI TRA-SBINN26100912345678` or
`IMPS/P2A/629845123456/OMSAILOG`; the books say `To M/s. Shree Balaji Traders Pvt. Ltd. (Inv 232)` or
`Om Sai Logistics`. Both fold to a *party key* — lower case, no legal suffix (Pvt Ltd, LLP, & Co),
no M/s, `&` read as `and`, Shree/Shri/Sri alike, no invoice or bill tail, no `To`/`By` — and keys are
compared by `likeness`, which forgives the truncation UPI and IMPS apply (`balaji tra` is inside
`sri balaji traders`) and lost spaces (`omsailog` is `om sai log…`), a little short of a name
written out the same way (100).

>>> bank_party_key("To M/s. Shree Balaji Traders Pvt. Ltd. (Inv 232)")
'sri balaji traders'
>>> bank_party_key("Kaveri & Sons - against bill no 837")
'kaveri and sons'
>>> narration_names(pd.Series(["NEFT CR-SBIN0001234-SHREE BALAJI TRA-SBINN26100912345678",
...     "CHQ PAID-MICR CTS-MU-BALAJI TRADERS", "IMPS/P2A/629845123456/OMSAILOG"])).tolist()
['SHREE BALAJI TRA', 'BALAJI TRADERS', 'OMSAILOG']
>>> likeness("omsailog", "om sai logistics"), likeness("balaji tra", "sri balaji traders")
(94, 94)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from xlbo.arrays import within
from xlbo.bank.banks import BANKS
from xlbo.bank.scoring import (
    COMMON_KEY_PAIRS,
    CONTRADICTED,
    EXPLAINED_FROM,
    KEY_WORDS,
    STRAY_FRAGMENT,
    TURNED_ROUND,
    WHOLE_TENTHS,
)
from xlbo.columns import (
    contains,
    distinct,
    extract,
    first_of_each,
    replace,
    split_words,
    strings,
)
from xlbo.fuzzy import cpdist, fuzz
from xlbo.names import party_key
from xlbo.together import at_once, forkable

BANK_CODES = frozenset(
    {
        "HDFC", "ICIC", "SBIN", "UTIB", "KKBK", "PUNB", "BARB", "YESB", "IDFB", "TMBL", "CNRB",
        "UBIN", "IOBA", "MAHB", "KVBL", "FDRL", "SIBL", "INDB", "CBIN", "IDIB", "BKID", "UCBA",
        "CIUB", "KARB", "DBSS", "SCBL", "CITI", "HSBC", "AUBL", "RATN", "ESFB", "JAKA", "PSIB",
        "DLXB", "CSBK", "NTBL", "SRCB", "TJSB", "SVCB", "COSB", "APGB", "BDBL", "IBKL", "PYTM",
        "AIRP", "FINO", "JIOP", "UJVN", "SURY", "ORBC", "ALLA", "ANDB", "CORP", "SYNB", "VIJB",
    }
)  # fmt: skip
"""IFSC bank codes, which narrations carry beside the party (`BY CLG 214383/BARB`): no names."""


def _banks_as_written() -> frozenset[str]:
    """A bank's name as a narration writes it after the payer's, in small letters: whole or cut
    short two letters or more into its second word (Axis's `NEFT/TMBLN…/PARIKH K P/TAMILNAD
    MERCANTILE`, `UPI/P2A/…/PARIKH K P/Tamilnad Mer/UPI`, IMPS's glued `STATEBAN`), or a short
    name alone (`_BANK_ALONE`). IMPS's eight letters one into the second word (`LAKSHMIV`,
    `FEDERALB`) are left: as often a person's name and initial run together."""
    written: set[str] = set(_BANK_ALONE)
    for name in [*(name for name, _ in BANKS.values()), *_OTHER_BANKS]:
        full = re.sub(r"\s+", " ", name.lower().replace("&", "and"))
        first = len(full.split(" ")[0]) + 1
        written.update(full[:end].strip() for end in range(first + 2, len(full) + 1))
        # IMPS glues the words and keeps eight letters: `STATEBAN`, `KOTAKMAH`, `LAKSHMIV`
        glued = full.replace(" ", "")
        written.update(glued[:end] for end in range(max(first + 1, 7), len(glued) + 1))
    return frozenset(written)


_BANK_ALONE = frozenset(
    {
        "sbi", "pnb", "bob", "boi", "cbi", "iob", "ubi", "uco", "idbi", "icici", "hdfc", "axis",
        "canara", "indusind", "idfc", "rbl", "kvb", "tmb", "dcb", "hsbc", "citi",
        "citibank", "dbs", "equitas", "ujjivan", "stanchart", "tamilnad",
    }
)  # fmt: skip
"""Banks' short names and first words, written alone after the payer's (`…/RAMESH K/HDFC`):
only those that are no one's name (not `KOTAK`, a surname, `DHANLAXMI` or `BANDHAN`, nor
`INDIAN`, `CITY`, `UNION`, `LAKSHMI`, `VIJAYA`, which begin names)."""
_OTHER_BANKS = (
    "Lakshmi Vilas Bank", "Andhra Bank", "Corporation Bank", "Vijaya Bank", "Syndicate Bank",
    "Oriental Bank of Commerce", "Allahabad Bank", "Dena Bank", "United Bank of India",
    "Nainital Bank", "Jana Small Finance Bank", "Suryoday Small Finance Bank",
    "Airtel Payments Bank", "Paytm Payments Bank", "India Post Payments Bank",
    "Fino Payments Bank", "Cosmos Bank", "TJSB Sahakari Bank", "Abhyudaya Bank",
    "Kerala Gramin Bank", "Tamil Nadu Grama Bank", "Karnataka Gramin Bank",
)  # fmt: skip
"""Banks a narration names as the remitter's that no statement of ours is of: merged into
another (Lakshmi Vilas into DBS, Andhra and Corporation into Union), small finance, payments
and rural banks."""
_BANKS_WRITTEN = _banks_as_written()


_CHANNEL_WORDS = (
    r"NEFT|RTGS|IMPS|UPI|CHQ|CLG|ACH|NACH|MMT|ECS|INB|TRF|P2A|P2M|P2P|BIL|BY|TO|FROM|MICR|CTS"
    r"|CR|DR|PAID|DEP|DEPOSIT|RETURN|RETURNED|TRANSFER|INWARD|OUTWARD|NETBANK|NET BANKING|MOB"
    r"|PAYMENT|RECEIPT|SALARY|SAL|FUND|FUNDS|SELF|NA|INV|REF|UTR|RRN|NO|CLEARING|IFSC"
    r"|CHGS|CHG|CHRG|CHRGS|CHARGES|INT|PD|INCL|GST|CGST|SGST|IGST|UTGST|SMS|AMC|INTEREST|CASH|ATM"
    r"|WDL|POS"
    r"|SENT|USING|PAYTM|UPIOUT|UPIIN|UPIAR|UPIAB|IMPSTRAN"
    r"|PHONEPE|GPAY|BHIM|ADVANCE|BILL|TXN|BANK|LTD BANK"
    r"|REV|RET|RTN|ACCOUNT|DOES|NOT|EXIST|CLOSED|INSUFFICIENT|INSUFF|"
    + "|".join(sorted(BANK_CODES))
)
_REMARK_WORDS = (
    r"FREIGHT|GOODS|REFUND|SETTLEMENT|TOWARDS|AGAINST|PURCHASE|BILLS|INVOICE|INVOICES|PMT|PYMT|FOR"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|AUGUST"
    r"|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|PROF|FEE|FEES|RETAINER"
)
_NOT_A_NAME = rf"(?i)\b(?:{_CHANNEL_WORDS}|{_REMARK_WORDS})\b"
"""Words of a narration that name the channel or the kind of transaction, or are the payer's note
(`FREIGHT`, `GOODS`, `REFUND`, `NOV BILLS`: months but May, June and July, which are names too;
`PROF FEES`, longer than the `R MEHTA` HDFC writes before it),
the GST on a charge (`CGST ON CHARGES`), or a returned payment's reason (`ACCOUNT DOES NOT EXIST`, `ACCOUNT CLOSED`, `FUNDS
INSUFFICIENT`), never a party: `IMPS-…-V ARUN-…-FREIGHT` names V ARUN,
`MMT/IMPS/…/NOV BILLS/MDQURESHI/IDIB Bank` names MDQURESHI, `NEFT RETURN-…-R HEGDE-ACCOUNT DOES
NOT EXIST` names R HEGDE."""
_CHANNEL = rf"(?i)\b(?:{_CHANNEL_WORDS})\b"
_REMARK_LEADS = rf"(?i)^(?:\s*\b(?:{_REMARK_WORDS})\b)+"
_REMARK_TAILS = rf"(?i)(?:\b(?:{_REMARK_WORDS})\b\s*)+$"
_REMARK_ONLY = rf"(?i)^(?:\s*\b(?:{_REMARK_WORDS})\b\s*)+$"
_NAMING_REMARKS = frozenset({"FREIGHT", "GOODS"})
"""Remark words that end firms' names (`OM SAI FREIGHT`, `MAHALAXMI GOODS`); the others
(`REFUND`, `NOV BILLS`, `INVOICE`) end none."""
_NOTE_TAILS = (
    rf"(?i)(?:\b(?:{_REMARK_WORDS})\b\s*)*\b(?:"
    + "|".join(w for w in _REMARK_WORDS.split("|") if w not in _NAMING_REMARKS)
    + r")\b\s*$"
)
"""A piece's remark at its end whose last word ends no name (`SHARMA REFUND`, `KAVERI HOME
NEEDS NOV BILLS`): the payer's note even in a field of its own."""
"""A payer's note at the start of a piece (`NOV BILLS`), or at its end where the piece runs
fields together (`NEFT HDFCN… RAJESH KUMAR FREIGHT`); inside a name, or ending a piece of words
alone (`RTGS-HDFCR…-OM SAI FREIGHT`, a field of its own), its words are the name's (`OM SAI
FREIGHT DISTR`, UPI's cut of Om Sai Freight Distributors)."""


_CHARGES = r"CHGS?|CHRGS?|CHARGES?"
_COMMISSION = r"COMMISSION|COMMN|COMM"
CHARGE_WORDS = rf"(?i)\b(?:{_CHARGES}|{_COMMISSION})\b"
"""Words of a bank's charge (`IMPS P2A CHGS INCL GST`, `SMS CHARGES`, a public sector bank's
`NEFT COMMISSION` and `GST ON NEFT COMMISSION`, `STOP PAYMENT COMMISSION`) and of the ledger
that books them (`Bank Charges`). A transfer to someone that says COMMISSION pays an agent
(`NEFT/…/RAMESH AGENCIES/COMMISSION OCT`): no bank charge (COMMISSION_WORDS, `match.
_bank_charges`)."""
COMMISSION_WORDS = rf"(?i)\b(?:{_COMMISSION})\b"
"""CHARGE_WORDS of a commission: a bank's, or an agent's."""
_COMMISSION_ONLY = rf"(?i)^(?:\s*\b(?:ON|OF|FOR|{_COMMISSION})\b)+\s*$"
"""A piece that is a commission and nothing else (`ON COMMISSION` once the channel and the GST
are out): the bank's charge, naming no one. `RAMESH AGENCIES COMMISSION` still names him."""
CHARGES_SAID = rf"(?i)\b(?:{_CHARGES})\b"
"""CHARGE_WORDS but a commission's: a line that says CHGS is the bank's, whoever it names."""
CHEQUE_WORDS = r"(?i)\b(?:CHQ|CHEQUE|CLG|CLEARING|CTS|MICR)\b"
"""Words of a text that make its line a cheque's (SBI writes `TO CLEARING-<payee>`)."""
RETURN_WORDS = r"(?i)\b(?:RETURN|RETURNED|REV|RTN|RET|REVERSAL|BOUNCED?|DISHONOU?RED)\b"
"""Words of a narration that make its line a payment or a cheque returned: such a line is
matched on its name or its reference, never on its amount alone (a cheque deposited and
returned unpaid, `CHQ RETURN-435160-FUNDS INSUFFICIENT`, is no cheque the company wrote for
the same amount), nor as the lone candidate of another party's line — unless that line says
it books a return too (`Being NEFT returned - account closed`)."""
TRANSFER_WORDS = r"(?i)\b(?:NEFT|RTGS|IMPS|UPI|NACH|ECS)\b"
"""Words of a line that make it an electronic transfer, no cheque."""
_PLACE_WORDS = (
    r"MUMBAI|BOMBAY|BOM|NAVI|PUNE|PNQ|DELHI|NEW DELHI|DEL|NCR|CHENNAI|MADRAS|MAA|KOLKATA|CALCUTTA"
    r"|CCU|BANGALORE|BENGALURU|BLR|HYDERABAD|HYD|SECUNDERABAD|AHMEDABAD|AMD|AHD|SURAT|VADODARA"
    r"|BARODA|RAJKOT|NAGPUR|NASIK|NASHIK|THANE|BHIWANDI|VASHI|KOLHAPUR|AURANGABAD|SOLAPUR"
    r"|JAIPUR|JODHPUR|UDAIPUR|LUCKNOW|KANPUR|NOIDA|GURGAON|GURUGRAM|GHAZIABAD|FARIDABAD|INDORE"
    r"|BHOPAL|CHANDIGARH|LUDHIANA|AMRITSAR|JALANDHAR|PATNA|RANCHI|GUWAHATI|BHUBANESWAR|CUTTACK"
    r"|RAIPUR|COCHIN|KOCHI|ERNAKULAM|TRIVANDRUM|THIRUVANANTHAPURAM|CALICUT|KOZHIKODE|COIMBATORE"
    r"|MADURAI|TRICHY|MYSORE|MYSURU|MANGALORE|MANGALURU|HUBLI|BELGAUM|GOA|PANAJI|VIZAG"
    r"|VISAKHAPATNAM|VIJAYAWADA|VARANASI|ALLAHABAD|PRAYAGRAJ|AGRA|MEERUT|DEHRADUN|JAMMU|SRINAGAR"
)
"""Cities (and their airport or clearing codes) that narrations carry as the clearing house or
the branch of a cheque (`CLG/200090/KKBK/PUNE CTS`, `BY CLG 123456 at mumbai br`); not those
that are as often a person's name (Kalyan, Salem)."""
_BANK_WORDS = (
    r"INW|INWD|INWARD|OUTW|OWD|BR|BRN|BRANCH|AT|MAIN|HO|CHEQUE|CHEQUES|CHECK|BANK|BK|BNK|OF"
    r"|LTD|LIMITED|CO|OP|COOP|CO-OP|COOPERATIVE|SAHAKARI|URBAN|STATE|INDIA|INDIAN|NATIONAL|NATL"
    r"|SBI|AXIS|ICICI|HDFC|KOTAK|MAHINDRA|IDBI|IDFC|FIRST|PNB|PUNJAB|SIND|BOI|BOB|CANARA|UCO"
    r"|UNION|CENTRAL|OVERSEAS|MAHARASHTRA|INDUSIND|FEDERAL|SOUTH|KARNATAKA|KARUR|VYSYA|SARASWAT"
    r"|COSMOS|BANDHAN|DHANLAXMI|SYNDICATE|TAMILNAD|MERCANTILE|YES|RBL|CITY|DCB|JANATA|ABHYUDAYA"
)
"""Words of a cheque's clearing and of the bank it was drawn on: inward or outward, a bank's
name or short name, its branch (`KARNATAKA BANK`, `SARASWAT CO-OP BK LTD`, `UNION BK OF INDIA`)."""
_LOCALITY = (
    r"(?:ANDHERI|BORIVALI|MALAD|GOREGAON|KANDIVALI|DADAR|BANDRA|KHAR|SANTACRUZ|VILE\s+PARLE"
    r"|JOGESHWARI|MULUND|GHATKOPAR|VIKHROLI|KURLA|CHEMBUR|DOMBIVLI|BHAYANDAR|VASAI|VIRAR"
    r"|NALASOPARA|DAHISAR|MATUNGA|KANJURMARG|BHANDUP|NERUL|PANVEL|AMBERNATH|BADLAPUR"
    r"|ULHASNAGAR|PATEL\s+NAGAR|KAROL\s+BAGH)\s+(?:EAST|WEST|NORTH|SOUTH)\b"
)
"""A city's quarter, the branch a cheque was drawn on or cleared at (`ANDHERI EAST`, `BORIVALI
WEST`): a suburb known by its sides, and the side. Any word and a side would be too many: FAR
EAST, TRUE NORTH and EAST WEST are firms (helper-149); `SURESH E` is a Tamil name's initial, so
a side written `(E)` or `W` alone is not one."""
WHERE_CLEARED = rf"(?i)^\s*(?:(?:\b(?:{_PLACE_WORDS}|{_BANK_WORDS})\b|\b{_LOCALITY})[\s.-]*)+$"
"""A name read that is no more than a city (or its quarter) and a clearing's or a bank's words
(`PUNE`, `INW`, `CHEQUE SBI PUNE`, `at mumbai br`, `karnataka bk`, `ANDHERI EAST`): of a cheque
deposited or returned, where it cleared or was drawn, never whose (`xlbo.bank.side.prepare_bank`)."""


_NOTE = r"(?i)\b(?:PAYMENT\s+FROM|SENT\s+(?:USING|VIA|FROM)|PAID\s+(?:USING|VIA|FROM))\b.*$"
"""A payer's note (`Payment from PhonePe`, `Sent using Paytm UPI`) to the end of its piece."""


def narration_names(narrations: pd.Series) -> pd.Series:
    """The counterparty's name in each narration (NEFT CR-IFSC-NAME-…, UPI/RRN/NAME/…, CHQ PAID-…
    -NAME, NEFT*IFSC*UTR*NAME, NEFT UTR NAME NOTE): the longest piece between `-`, `/`, `:`,
    `,` or `*` once words with digits and channel words (MICR CTS, NEFT, SALARY) are taken out,
    that still has three letters in a row and no `@`; "" where none does (`CLG CHQ DEP 387778`:
    the narration names no one)."""
    codes, names, *_ = _narration_name_codes(narrations)
    found = np.array([*names, ""], dtype=object)[codes]
    return pd.Series(found, index=narrations.index, dtype=object)


def narration_party_keys(narrations: pd.Series) -> pd.Series:
    """`party_keys(narration_names(narrations))`, each distinct name folded once."""
    return narration_keys_and_handles(narrations)[0]


def narration_keys_and_handles(
    narrations: pd.Series,
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """`narration_party_keys`; which narrations' names were read from a UPI handle or a bank's
    name alone (ICICI's `UPI/…/NA/vijaypill86@ybl/PUNB BANK`: see `with_handles`); and which
    were read from a UPI handle as the payer typed it (`vijaypill86@ybl`, or SBI's
    `srinivaspand` in small letters): see `Likeness`."""
    codes, names, by_handle, typed = _narration_name_codes(narrations)
    keys = np.array([*(bank_party_key(n) for n in names), bank_party_key("")], dtype=object)
    return pd.Series(keys[codes], index=narrations.index, dtype=object), by_handle, typed


def _narration_name_codes(
    narrations: pd.Series,
) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Each narration's name (see `narration_names`) as a place among the distinct names found
    (-1 where the narration names no one), those names, which lines' names are a handle's
    letters or a bank's name (no other piece named anyone in words), and which are a handle's
    letters or a piece written in small letters alone (SBI's handle, without its `@`)."""
    texts = narrations.fillna("").astype(str)
    # `M/S` before a firm's name is no piece of its own (ICICI's IMPS glues it on: `M/SNEWPERF`)
    firms = np.flatnonzero(contains(texts, "M/S"))
    if len(firms):
        texts = texts.copy()
        texts.iloc[firms] = replace(texts.iloc[firms], _FIRM_PREFIX, r"\1")
    positions, every_piece = split_words(texts, r"[-/:,*]")
    codes, pieces = distinct(every_piece)  # each distinct piece is read once
    # only pieces with three letters in a row and no @ can name anyone (most are UTRs, IFSCs);
    # of those, a piece of one word with a digit in it (`SBINN52026100112345`) would be taken
    # out whole below (words with digits go), so only the rest are read further
    hopeful = np.flatnonzero(contains(pieces, "[A-Za-z]{3}") & ~contains(pieces, "@"))
    maybe = pieces.iloc[hopeful]
    hopeful = hopeful[contains(maybe, r"\s") | ~contains(maybe, "[0-9]")]
    # a UPI handle is the payer's name only where no other piece names anyone (ICICI writes
    # `UPI/…/NA/kirannaid27@ibl/KKBK BANK`): its letters, each word's trailing digits dropped
    # (`rajesh.kumar@okicici` → `rajesh kumar`, `kirannaid27@ibl` → `kirannaid`, which
    # `run_together` reads as Kiran Naidu)
    handles = np.flatnonzero(
        contains(pieces, f"^\\s*{_HANDLE_CORE}\\s*$") | contains(pieces, _HANDLE_CUT_AT_THE_AT)
    )
    handle_names = replace(pieces.iloc[handles], "@.*$", "")
    handle_names = replace(replace(handle_names, "[._-]+", " "), r"([A-Za-z])[0-9]+\b", r"\1")
    handle_names = replace(handle_names, _NOT_A_NAME, " ")  # `paytm`, `gpay`, a bank's code
    read = pd.concat([pieces.iloc[hopeful], handle_names])
    is_handle = np.r_[np.zeros(len(hopeful), dtype=bool), np.ones(len(handles), dtype=bool)]
    hopeful = np.concatenate([hopeful, handles])
    # words with digits (UTRs, RRNs, masked accounts) and channel words go; what is left of
    # a piece may be a name: `NEFT HDFCN52026103112345 RAJESH KUMAR SALARY` → `RAJESH KUMAR`
    # a piece that is a bank's own name (`STATE BANK OF INDIA`, `KOTAK MAHINDRA BANK`, which
    # ICICI and Axis write after the payer) is the payer's only where nothing else names anyone
    # (`TAMILNAD MERCANTILE`, cut `Tamilnad Mer`, without the word: `_BANKS_WRITTEN`)
    banks = np.asarray(contains(read, r"(?i)\bBANK\b"), dtype=bool) | _a_banks_name(read)
    # a payer's note runs to the end of its piece and is often cut short there (`Payment from
    # Ph` for PhonePe, `Sent using Pay`): the whole of it goes, not its known words alone
    read = replace(read, _NOTE, " ")
    before = replace(read, r"\s+", " ").str.strip()
    read = replace(_without_number_words(read), _CHANNEL, " ")
    read = replace(replace(read, r"\s+", " ").str.strip(), _REMARK_LEADS, "")
    # a note at a piece's end is a note where the piece runs fields together (a UTR or a
    # channel word came out of it: `NEFT HDFCN… RAJESH KUMAR FREIGHT`); a piece of words alone
    # is a field of its own, the name's (`RTGS-HDFCR…-OM SAI FREIGHT`), unless it is all note
    alone = (read == before).to_numpy(dtype=bool) & ~contains(read, _REMARK_ONLY)
    read = replace(read.where(alone, replace(read, _REMARK_TAILS, "")), _NOTE_TAILS, "")
    # a public sector bank's `NEFT COMMISSION`, `GST ON RTGS COMMISSION`: the bank's charge
    read = replace(replace(read, _COMMISSION_ONLY, ""), r"\s+", " ").str.strip()
    named = np.zeros(len(pieces), dtype=bool)
    named[hopeful] = contains(read, "[A-Za-z]{3}")
    weights = np.zeros(len(pieces), dtype=np.int64)
    weights[hopeful] = (
        read.str.len().to_numpy(dtype=np.int64) - 1000 * banks - HANDLE_BELOW_NAME * is_handle
    )
    # where the handle stands: a mobile number's (`9876543210@ybl`) too, which names no one
    at = np.union1d(handles, np.flatnonzero(contains(pieces, _ANY_HANDLE)))
    ranks = weights[codes] - AFTER_HANDLE_BELOW_NAME * _after_a_handle(positions, codes, at)
    kept = named[codes]
    positions, codes = positions[kept], codes[kept]
    best = first_of_each(positions, ranks[kept], len(texts))
    found = best >= 0
    # the distinct names chosen, numbered in the order first chosen
    place = np.full(len(pieces), -1, dtype=np.int64)
    place[hopeful] = np.arange(len(hopeful))
    chosen, name_codes = np.unique(place[codes[best[found]]], return_inverse=True)
    line_codes = np.full(len(texts), -1, dtype=np.int64)
    line_codes[found] = np.ravel(name_codes)
    by_handle = np.zeros(len(texts), dtype=bool)
    by_handle[found] = (is_handle | banks)[place[codes[best[found]]]]
    typed = np.zeros(len(texts), dtype=bool)
    in_small_letters = contains(pieces.iloc[hopeful], _LOWER_HANDLE)
    typed[found] = (is_handle | in_small_letters)[place[codes[best[found]]]]
    return line_codes, read.iloc[chosen].tolist(), by_handle, typed


def _a_banks_name(read: pd.Series) -> np.ndarray:
    """Which pieces are a bank's name as a narration writes it (`_BANKS_WRITTEN`)."""
    folded = replace(read.str.lower(), r"[\s.]+", " ").str.replace("&", "and").str.strip()
    return np.asarray(folded.isin(_BANKS_WRITTEN), dtype=bool)


_NAME_WITH_A_DIGIT = r"[A-Za-z]{2,}[0-9][A-Za-z]+|[A-Za-z][0-9][A-Za-z]+|[0-9][A-Za-z]{3,}"
"""A word of a firm's name with one digit in it (`SAS2PY`, `A2Z`, `7ELEVEN`), as banks write
it: one digit, letters after it, two letters at least. A UTR, RRN, IFSC, cheque number or
masked account has several digits, or ends in them (`INV23`, `XX1234`)."""

_A_WORD_WITH_DIGITS = re.compile(r"\S*[0-9]\S*")
_NAME_WORD_WITH_A_DIGIT = re.compile(f"(?:{_NAME_WITH_A_DIGIT})")
_NO_NAME_WITH_A_DIGIT = re.compile(
    r"(?i)^(?:GSTR|GST|INV|EMI|FY|BILL|REF|Q[1-4]|H[12]|[0-9](?:ST|ND|RD|TH))"
)
"""Words with a digit that are a return, an instalment, a period or a reference (`GSTR3B`,
`INV2A`, `EMI4NOV`, `Q3FY`, `1STQTR`), never a name."""
_OTHER_NAME_WORD = re.compile(r"(?<!\S)[A-Za-z]{3,}(?!\S)")


def _without_number_words(read: pd.Series) -> pd.Series:
    """Each piece with its words holding digits (UTRs, RRNs, masked accounts) taken out, but
    for a word of a name with one digit in it beside another word of the name (`SAS2PY
    SOFTWARE P L 0000000000511950` is `SAS2PY SOFTWARE P L`), which few pieces hold: those are
    read one by one. A word alone (`EMI4NOV`), beside the channel's and the payer's note
    alone (`GSTR3B OCT PAYMENT`), or a return's or period's (`RENT 1STQTR`) goes."""
    out = replace(read, r"\S*[0-9]\S*", " ")
    named = np.flatnonzero(contains(read, rf"(?:^|\s)(?:{_NAME_WITH_A_DIGIT})(?:\s|$)"))
    if len(named):
        out = out.astype(object)
        out.iloc[named] = [_name_words_with_a_digit(piece) for piece in read.iloc[named].tolist()]
        out = strings(out)
    return out


def _name_words_with_a_digit(piece: str) -> str:
    """`piece` with its words holding digits taken out but those of a name (see
    `_without_number_words`)."""
    others = [
        word for word in _OTHER_NAME_WORD.findall(piece) if not re.fullmatch(_NOT_A_NAME, word)
    ]

    def kept(word: re.Match[str]) -> str:
        text = word[0]
        if (
            others
            and _NAME_WORD_WITH_A_DIGIT.fullmatch(text)
            and not _NO_NAME_WITH_A_DIGIT.match(text)
        ):
            return text
        return " "

    return _A_WORD_WITH_DIGITS.sub(kept, piece)


_FIRM_PREFIX = r"(^|[-/*:\s])M/S\.?\s*"
"""`M/S` (messrs) before a firm's name, as a narration writes it: `…/M/SNEWPERF/…`, `M/S. SAI…`."""

_HANDLE_CORE = r"(?P<found>[A-Za-z][A-Za-z0-9._]*)@[A-Za-z]*"
"""A UPI handle, its name part first (`kirannaid27@ibl`, `rajesh.kumar@okicici`, or cut short:
`sanjaynair42@ib`); an e-mail address (`@company.com`) is not one."""

_HANDLE_CUT_AT_THE_AT = r"^\s*[a-z][a-z._]{4,}[0-9]{1,4}\s*$"
"""A UPI handle the narration cut at its `@` (ICICI's `UPI/…/UPI/venkateshkama33/SBIN BANK`):
one word of small letters ending in a few digits, as the payer typed it; no bank writes a name
so, and a UTR or IFSC has more digits or capitals."""

HANDLE_BELOW_NAME = 500
"""How far a handle's name ranks below any piece that names the payer in words (a name is
what the payer's bank holds; a handle is what the payer chose), and above a bank's name."""

_ANY_HANDLE = r"^\s*[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z]+\s*$"
"""A piece that is a UPI handle whole, a name's or a mobile number's (`9876543210@ybl`)."""

AFTER_HANDLE_BELOW_NAME = 250
"""How far a piece after the UPI handle ranks below the pieces before it: the payer's note
follows the handle (HDFC's `UPI-GOOGLEPAY-goog-payment@okaxis-UTIB0000553-231252349333-EARNED
FOR USING G`, ICICI's `UPI/VIVAAN NAIR/vivaan.nair@okaxis/SBIN/Payment for invoice 2231`), so it
names the payer only where nothing before the handle does; it still ranks above the handle's
own letters."""


def _after_a_handle(positions: np.ndarray, codes: np.ndarray, handles: np.ndarray) -> np.ndarray:
    """Which pieces (`positions`: each piece's narration, in order; `codes`: its distinct piece)
    come after a piece of their narration that is a UPI handle (`handles`: distinct pieces)."""
    at_handle = np.zeros(int(codes.max(initial=-1)) + 1, dtype=np.int64)
    at_handle[handles[handles < len(at_handle)]] = 1
    handle = at_handle[codes]
    before = np.cumsum(handle) - handle  # handles before each piece, counted from the first
    first = np.searchsorted(positions, positions, side="left")  # its narration's first piece
    return np.asarray(before - before[first] > 0, dtype=bool)


_DASH = re.compile(r"\s[-–:]\s")
_TO_BY = re.compile(r"^\s*(to|by|dr|cr)\b[\s.:]*", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)?|\[[^]]*\]?")
_TAIL = re.compile(
    r"(\s[-–:]\s.*$)|\b(against|agst|agnst|towards|being|vide|for\s+(inv|invoice|bill)|"
    r"(inv|invoice|bill|bills|ref|receipt|rcpt)\b\W*(no\b\.?)?\W*\d).*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def bank_party_key(name: str) -> str:
    """A party's name, from either side, folded for matching: an apostrophe inside a word
    joining it (`D'Souza` is `dsouza`, as SBI's handle `nehadso` and IMPS's `DSOUZA` write
    it), `To`/`By` before a Tally ledger's name, bracketed notes and invoice or bill tails
    dropped, then `party_key` (legal suffixes, M/s, `&`, spellings).

    >>> bank_party_key("To Joseph P. D'Souza (Indore)")
    'joseph p dsouza'
    """
    text = _TO_BY.sub("", _APOSTROPHE.sub("", name or ""))
    text = _BRACKETS.sub(" ", text)
    # `Rent - Sowmya Rao`, `Salary - Aarti D`: the account first, the party after the dash
    parts = _DASH.split(text, maxsplit=1)
    head = party_key(parts[0], initials=True)
    if (
        len(parts) == 2
        and re.search("[A-Za-z]{3}", parts[1])
        and head
        and set(head.split()) <= ACCOUNT_WORDS
    ):
        text = parts[1]
    text = _TAIL.sub("", text)
    key = party_key(text, initials=True)
    # `MD RAFIQ`: Md is Mohammed, as Mohd is, before a person's name (not MD Enterprises)
    words = key.split()
    if 2 <= len(words) <= 3 and words[0] == "md" and not set(words[1:]) & _NOT_A_PERSON:
        key = " ".join(["mohammed", *words[1:]])
    return key


_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’‘ʼ`](?=[A-Za-z])")
"""An apostrophe inside a word (however typed), which joins it: only for matching bank names,
where the word is written run together as often; the master's audit and exact look-ups by
name (`xlbo.names.party_key`) keep `D'Souza` and `D Souza` one name."""


ACCOUNT_WORDS = frozenset(
    {
        "salary", "salaries", "wages", "payable", "receivable", "expenses", "expense", "fees",
        "fee", "rent", "charges", "tds", "gst", "cgst", "sgst", "igst", "tax", "taxes",
        "interest", "commission", "cash", "suspense", "capital", "drawings", "bonus", "provision",
        "sundry", "debtors", "creditors", "payables", "receivables", "cheque", "cheques",
        "undeposited",
    }
)  # fmt: skip
"""Words that make a ledger's particulars an account, not a party (`Salary Payable`,
`Professional Fees`, `TDS Payable`, `Rent`, `Sundry Debtors`, `Cheques in Hand`, `Undeposited
Funds`): such a line names no one, so its name is never held against a bank narration's."""

ACCOUNT_NAMES = frozenset(
    {"sales", "counter sales", "sales a c", "sales account", "purchase", "purchases",
     "purchase a c", "purchases a c", "purchase account", "purchases account"}
)  # fmt: skip
"""Particulars that are an account by their whole name (`Sales`, `Counter Sales`), where the
word alone is a party's too (`Balaji Sales Agencies`)."""


_NOT_A_PERSON = frozenset(
    {"enterprises", "traders", "industries", "agencies", "sons", "brothers", "associates",
     "remuneration", "services", "stores", "steel", "textiles"}
) | ACCOUNT_WORDS  # fmt: skip
"""Words after `MD` that make it no person's name (`MD Enterprises`, `MD Remuneration`)."""


_BOOK_NARRATION_PARTY = (
    r"(?i)\b(?:received|recd|receipt|paid|payment|transferred|refund(?:ed)?|advance|amount|amt)"
    r"\b[^.;,]*?\b(?:from|to)\s+(?:m/s\.?\s*)?(?P<found>[a-z][a-z0-9&.' ]*?)\s*"
    r"(?:\b(?:against|agst|agnst|for|vide|towards|inv|invoice|bill|ref|dt|dated|on|being|"
    r"through|via|by|chq|cheque|ch|neft|rtgs|imps|upi|utr)\b|[,;(/]|\s-|$)"
)
"""The party a book's narration names after `from` or `to`, behind a word of money received or
paid: `Being amount received from Jay Ambe Traders against Inv 232`, `Paid to M/s. Kaveri Home
Needs vide chq 452`."""


HIDES_THE_PARTY = (
    r"(?i)^\s*\(as per details\)\s*$|"
    r"\b(?:sundry|debtors|creditors|suspense|trade\s+(?:receivables?|payables?))\b"
)
"""Particulars that stand where the party's name would (`(as per details)`, `Sundry Debtors`,
`Trade Payables`, `Suspense A/c`): such a voucher names its party in its narration, if at all.
Not an expense's or a payable's (`Salary Payable` paid "to staff", `Rent`): those name no one."""


PAID_FOR_A_SERVICE = (
    r"(?i)\b(?:fees?|rent|charges|expenses?|commission|retainer(?:ship)?|consultancy)\b"
)
"""Particulars of an expense paid to one payee (`Professional Fees`, `Rent - Godown`, `Retainer
Fees`), whose voucher's narration may name that payee (`Paid to Sri Annapoorna Agencies
(Kolkata)`): the narration's payee is the line's party (`xlbo.bank.side`)."""

PAID_TO_MANY = (
    r"(?i)\b(?:salar(?:y|ies)|wages|bonus|payable|tds|gst|cgst|sgst|igst|tax(?:es)?|interest"
    r"|cash|bank\s+charges)\b"
)
"""Particulars of what is paid to many or to no payee (`Salary Payable` paid "to staff", `TDS
Payable`, `Bank Charges`): a batch's or a challan's, named by no narration."""

_NO_ONES = frozenset(
    {"employees", "employee", "staff", "workers", "worker", "labour", "labourers", "landlord",
     "owner", "vendor", "vendors", "supplier", "suppliers", "party", "parties", "customer",
     "customers", "contractor", "contractors", "consultant", "consultants", "agent", "agents",
     "broker", "brokers", "transporter", "transporters", "director", "directors", "driver",
     "drivers", "partner", "partners", "members", "dealers", "self", "all", "various", "other",
     "others", "the", "our", "trip", "allowance", "allowances", "incentive", "incentives",
     "wages", "salary", "bonus"}
)  # fmt: skip
"""Words of a narration's `paid to …` that, all of it, name no one (`paid to staff`, `to
landlord`, `to all agents`, `to drivers trip allowance`); Kaveri Consultants is someone."""


def payee_keys(narrations: pd.Series) -> pd.Series:
    """`book_narration_party_keys`, "" where the payee is no one in particular (`_NO_ONES`: `Rent
    paid to landlord`, `paid to all employees`).

    >>> payee_keys(pd.Series(["Paid to Sri Annapoorna Agencies (Kolkata)", "Rent paid to "
    ...     "landlord for Oct-26", "Paid to Swastik Spinners LLP for Oct-26"])).tolist()
    ['sri annapoorna agencies', '', 'swastik spinners']
    """
    keys = book_narration_party_keys(narrations)
    codes, distinct = pd.factorize(keys)
    kept = np.array(
        ["" if set(k.split()) <= _NO_ONES else k for k in distinct] + [""], dtype=object
    )
    return pd.Series(kept[codes], index=keys.index, dtype=object)


def book_narration_party_keys(narrations: pd.Series) -> pd.Series:
    """The party key (see `bank_party_key`) each book narration names (`_BOOK_NARRATION_PARTY`),
    "" where it names none or only an account (`transferred to Salary Payable`). A voucher
    booked against `(as per details)` or `Sundry Debtors` names its party only there.

    >>> book_narration_party_keys(pd.Series(["Being amount received from Jay Ambe Traders "
    ...     "against Inv 232", "Paid to M/s. Kaveri Home Needs vide chq 452", "Ch. No. 123"])).tolist()
    ['jay ambe traders', 'kaveri home needs', '']
    """
    found = extract(strings(narrations.fillna("").astype(str)), _BOOK_NARRATION_PARTY)
    return ledger_party_keys(found)


def ledger_party_keys(names: pd.Series) -> pd.Series:
    """`party_keys` of ledger particulars, "" where they name an account (ACCOUNT_WORDS), not a
    party."""
    codes, uniques = pd.factorize(names.fillna("").astype(str))
    folded = [_ledger_party(str(u)) for u in uniques]
    return pd.Series(np.array([*folded, ""], dtype=object)[codes], index=names.index, dtype=object)


def _ledger_party(name: str) -> str:
    """A ledger's particulars as a party key, "" where they name an account; of a voucher split
    among ledgers (`Jay Ambe Traders, TDS Receivable`: a receipt net of TDS), the first of them
    that names a party."""
    for piece in (name, *name.split(", ")) if ", " in name else (name,):
        key = bank_party_key(piece)
        if key and not set(key.split()) & ACCOUNT_WORDS and key not in ACCOUNT_NAMES:
            return key
    return ""


_HANDLE = rf"(?:^|[-/*:]){_HANDLE_CORE}(?:$|[-/*:])"
"""A UPI handle standing between a narration's separators (`UPI-…-meenakshiinfot@upi-…`)."""

_LOWER_HANDLE = r"(?:^|[-/*:])(?P<found>[a-z][a-z0-9._]{3,})(?:$|[-/*:])"
"""A piece of a narration written in lower case alone: the handle as SBI writes it, cut to
twelve letters and without its `@` (`UPI/CR/…/L K SING/BARB/lakshmising0/Sent`)."""


def with_handles(
    keys: pd.Series, narrations: pd.Series, by_handle: np.ndarray | None = None
) -> pd.Series:
    """Party keys of UPI lines, where the handle says more than the name the bank cut short
    (see `completed`): `meenakshi` + `meenakshiinfot@upi` → `meenakshi infot`, so that of
    Meenakshi Foods and Meenakshi Infotech the handle says which; `salim qu` + `salimqure62` →
    `salim qure`. A line that names no one but by its handle or its bank (`by_handle`), or not
    at all (`UPI/…/NA/6111046034@okhdfcbank/AXIS BANK`), takes the name the statement writes beside that same
    handle on its other lines (`UPI/…/ARUL TRANSPORT CO/6111046034@okhdfcbank/…`), where they
    all write one name: a handle is one account's."""
    text = narrations.fillna("").astype(str)
    upi = np.flatnonzero(contains(text, "@|UPI"))
    if not len(upi):
        return keys
    if by_handle is not None:
        keys = _named_beside_the_handle(keys, text, upi, by_handle)
    found = extract(text.iloc[upi], _HANDLE).to_numpy(dtype=object).copy()
    bare = np.flatnonzero(found == "")
    found[bare] = extract(text.iloc[upi[bare]], _LOWER_HANDLE).to_numpy(dtype=object)
    letters = replace(pd.Series(found, dtype=object).str.lower(), "[^a-z]", "")
    handle = letters.to_numpy(dtype=object)
    key = keys.iloc[upi].fillna("").astype(str).to_numpy(dtype=object)
    codes, pairs = pd.factorize(key + "@" + handle)  # each name and handle worked out once
    longer = [completed(*pair.split("@")) for pair in pairs.tolist()]
    out = keys.to_numpy(dtype=object).copy()
    out[upi] = np.asarray(longer, dtype=object)[codes]
    return pd.Series(out, index=keys.index, dtype=object)


def _named_beside_the_handle(
    keys: pd.Series, text: pd.Series, upi: np.ndarray, by_handle: np.ndarray
) -> pd.Series:
    """`with_handles`' second rule: keys of handle-only lines from the handle's other lines."""
    account = extract(text.iloc[upi], _ACCOUNT).str.lower().to_numpy(dtype=object)
    key = keys.iloc[upi].fillna("").astype(str).to_numpy(dtype=object)
    lines = pd.DataFrame({"account": account, "key": key, "bare": by_handle[upi] | (key == "")})
    lines = lines[lines["account"] != ""]
    said = lines[~lines["bare"]].drop_duplicates(["account", "key"])
    one = said.drop_duplicates("account", keep=False)  # accounts written with one name only
    bare = lines[lines["bare"]]
    named = bare["account"].map(one.set_index("account")["key"])
    named = named[named.notna()]
    if named.empty:
        return keys
    out = keys.to_numpy(dtype=object).copy()
    out[upi[named.index.to_numpy()]] = named.to_numpy(dtype=object)
    return pd.Series(out, index=keys.index, dtype=object)


_ACCOUNT = r"(?:^|[-/*:\s])(?P<found>[A-Za-z0-9][A-Za-z0-9._]*@[A-Za-z]+)(?:$|[-/*:\s])"
"""A UPI handle whole (its name or number and its app's part: `6111046034@okhdfcbank`): one
account, whoever's name the bank writes beside it."""


def completed(name: str, handle: str) -> str:
    """A name the bank cut short, completed from the payer's handle (letters only): the rest of
    the handle as another word where the handle runs on past the name (`meenakshi` +
    `meenakshiinfot` → `meenakshi infot`); an initial the handle writes out before the surname
    (`b khanna` + `balajikhan` → `balaji khanna`); the surname the handle writes after the given
    name, where the bank cut the name at a middle initial or two letters of a middle name
    (`sunita p` + `sunitamalh` → `sunita p malh`, `ashok ch` + `ashokmukh` → `ashok c mukh`);
    or the name's last word, which the bank cut, written out as far as the handle has it, where
    the handle is the name's words run together in any order, each the same word but the last
    (`bose ani` + `anitabose` → `bose anita`, `salim qu` + `salimqure` → `salim qure`); or
    the given name where the bank wrote only the surname (`qureshi` + `kavitaqure` → `qureshi
    kavita`; `dsouza` + `nehadso`, the handle cut three letters into the surname). A handle
    that does not agree so leaves the name as it is.

    >>> completed("bose ani", "anitabose"), completed("salim qu", "salimqure")
    ('bose anita', 'salim qure')
    >>> completed("b khanna", "balajikhan"), completed("sunita p", "sunitamalh")
    ('balaji khanna', 'sunita p malh')
    >>> completed("ashok ch", "ashokmukh"), completed("qureshi", "kavitaqure")
    ('ashok c mukh', 'qureshi kavita')
    >>> completed("rahul gu", "rahulgupta"), completed("murali f", "muralifern")
    ('rahul gupta', 'murali fern')
    >>> completed("jadhav p", "poojajadh"), completed("patel ar", "arjunpate")
    ('jadhav pooja', 'patel arjun')
    >>> completed("dsouza", "nehadso"), completed("sharma", "manisha")
    ('dsouza neha', 'sharma')
    >>> completed("b khanna", "bkhanna"), completed("salim qu", "qureshi")
    ('b khanna', 'salim qu')
    """
    squashed = name.replace(" ", "")
    if not squashed or not handle:
        return name
    words = name.split()
    runs_on = len(squashed) >= SHORTEST_PART and len(handle) >= len(squashed) + HANDLE_MORE
    if runs_on and handle.startswith(squashed):
        if len(words) == 2 and len(words[0]) >= 3 and len(words[1]) <= 2:
            # the surname cut to two letters or its initial, which the handle writes out after
            # the given name: `rahul gu` + `rahulgupta` → `rahul gupta`, not `rahul gu pta`;
            # `murali f` + `muralifern` → `murali fern`, not `murali f ern`
            return f"{words[0]} {handle[len(words[0]) :]}"
        return f"{name} {handle[len(squashed) :]}"
    if len(words) == 1 and len(name) >= SHORTEST_PART:
        # a surname the bank wrote first and cut at its end, the given name the handle's start:
        # `qureshi` + `kavitaqure` → `qureshi kavita`
        at = handle.find(name[:4], 3)
        if at < 0 and handle.endswith(name[:3]) and not name[:3].endswith("a"):
            # the handle cut three letters into it: `nehadso` (D'Souza); not where those end in
            # `a`, as so many given names do (`manisha` is no Manisha Sharma's `mani` + `sha`)
            at = len(handle) - 3
        if at >= 3 and (name.startswith(handle[at:]) or handle[at:].startswith(name)):
            return f"{name} {handle[:at]}"
    if len(words) == 2 and len(words[0]) >= 3 and len(words[1]) <= 2:
        # the surname written first and the given name cut to its first letters, which the
        # handle writes out before the surname (SBI keeps eight letters of the name, twelve of
        # the handle): `jadhav p` + `poojajadh` → `jadhav pooja`, `patel ar` + `arjunpate` →
        # `patel arjun`
        at = handle.find(words[0][:3], len(words[1]))
        given, surname = handle[:at], handle[at:]
        if (
            at >= 3
            and given.startswith(words[1])
            and (words[0].startswith(surname) or surname.startswith(words[0]))
        ):
            return f"{words[0]} {given}"
    if len(words) >= 2 and len(words[0]) == 1 and len(words[-1]) >= 3:
        # an initial the handle writes out before the surname: `b khanna` + `balajikhan`
        at = handle.find(words[-1][:3], 1)
        surname = handle[at:]
        if (
            at >= 3
            and handle[0] == words[0]
            and (surname.startswith(words[-1]) or words[-1].startswith(surname))
        ):
            return " ".join([handle[:at], *words[1:]])
    rest = handle[len(words[0]) :]
    if (
        len(words) == 2
        and len(words[0]) >= 3
        and handle.startswith(words[0])
        and len(rest) >= 3
        and len(words[1]) <= 2
        and not rest.startswith("and")  # `thangam an` + `thangamand`: a firm's `&`, no surname
    ):
        # the surname the handle writes after the given name: `sunita p` + `sunitamalh`; a
        # middle name the bank cut to two letters is its initial (`ashok ch` + `ashokmukh` →
        # `ashok c mukh`: `ch` no word would explain, `c` is Chandra's)
        if rest.startswith(words[1]):
            return f"{words[0]} {rest}"
        return f"{words[0]} {words[1][0]} {rest}"
    if len(words) < 2 or len(set(words)) < len(words) or min(map(len, words)) < 2:
        return name
    places = [handle.find(word) for word in words]
    order = sorted(range(len(words)), key=places.__getitem__)
    if places[order[0]] != 0 or -1 in places:
        return name
    ends = [places[i] for i in order[1:]] + [len(handle)]
    pieces = {i: handle[places[i] : end] for i, end in zip(order, ends, strict=True)}
    last = len(words) - 1
    if any(pieces[i] != words[i] for i in range(last)) or not pieces[last].startswith(words[last]):
        return name
    return " ".join([*words[:last], pieces[last]])


HANDLE_MORE = 3
"""Letters a handle must run on past the name before they count as more of it."""


def party_keys(names: pd.Series) -> pd.Series:
    """`bank_party_key` of each name, worked out once per distinct name."""
    codes, uniques = pd.factorize(names.fillna("").astype(str))
    keys = np.array([bank_party_key(str(u)) for u in uniques] + [""], dtype=object)
    return pd.Series(keys[codes], index=names.index, dtype=object)


def _squashed(text: str, **_: object) -> str:
    """A name with its spaces taken out, Sri however spelt at the start of a word and Lakshmi
    wherever, as its shortest spelling, laxmi (IMPS runs `SHREE AMRIT` together as `SHREEAMRIT`,
    `LAXMI INDUSTRIES` as `LAXMIINDUS`, which `party_key`, folding word by word to lakshmi,
    cannot reach; the shortest, so that a name cut inside it, `SRIRAJLAXM`, still begins the
    other's: Sri Rajlaxmi Enterprises)."""
    return _LAKSHMI.sub("laxmi", _SRI_START.sub("sri", text)).replace(" ", "")


_SRI_START = re.compile(r"\b(?:shree|shri|shre|sree)")
_LAKSHMI = re.compile(r"lakshmi|luxmi")


SHORTEST_PART = 5


@lru_cache(maxsize=1 << 19)
def explained(left: str, right: str) -> int:
    """0–100: the share of the words of two names that the other name accounts for — a word by
    the same word, or one cut short from it (three letters or more), an initial by a word that
    starts with it (and a word by an initial of its first letter). Indian names are written with
    initials in any order (`J H PATEL`, `N REVATHI`, `Revathi Natarajan`): `j h patel` is not
    `ketan h patel` (nothing in it accounts for `j` or `ketan`), though most of their letters
    agree.

    >>> explained("j h patel", "jignesh patel"), explained("j h patel", "ketan h patel")
    (80, 66)
    >>> explained("n revathi", "revathi natarajan"), explained("n revathi", "revathi p")
    (100, 50)
    """
    a, b = _words_of(left), _words_of(right)
    if not a.count or not b.count:
        return 0
    missed = sum(map(b.offers.isdisjoint, a.asks)) + sum(map(a.offers.isdisjoint, b.asks))
    return (100 * (a.count + b.count - missed)) // (a.count + b.count)


@lru_cache(maxsize=1 << 16)
def spelt_otherwise(left: str, right: str) -> bool:
    """Whether the words each of two names leaves unexplained by the other (see `explained`)
    are each other's spelling: every such word has one on the other side that is it with
    vowels left out, from the same first letter (`jagdish` and `jagadish`, `kumar` and
    `kumaar`). A letter written otherwise is another name: `rajesh` is not `ramesh`, nor
    `harjeet` `harpreet`, nor `amit` `amrit`.

    >>> spelt_otherwise("jagdish patel", "jagadish patel"), spelt_otherwise("rajesh patel", "ramesh patel")
    (True, False)
    """
    a, b = _words_of(left), _words_of(right)
    lone_a = [w for w, ask in zip(left.split(), a.asks, strict=True) if b.offers.isdisjoint(ask)]
    lone_b = [w for w, ask in zip(right.split(), b.asks, strict=True) if a.offers.isdisjoint(ask)]
    if not lone_a or not lone_b:
        return True

    def near(word: str, others: list[str]) -> bool:
        return any(_letters_left_out(word, other) for other in others)

    return all(near(w, lone_b) for w in lone_a) and all(near(w, lone_a) for w in lone_b)


def _letters_left_out(one: str, other: str) -> bool:
    """Whether the shorter word is the longer with vowels, or the `h` after a consonant, left
    out (three letters at least, the same first letter), or the two are one word with its long
    vowels written either way (`ee` or `i`, `oo` or `u`, and nothing else otherwise):
    `jagdish` of `jagadish`, `kavita` of `kavitha`, `siva` of `shiva`, `balaji` of `balajee`,
    `puja` of `pooja`; not `amit` of `amrit`, `anil` of `anjali`, `karan` of `kiran`, nor
    `vinay` of `veena` or `priti` of `preet`.

    >>> [_letters_left_out(a, b) for a, b in [("kavita", "kavitha"), ("satish", "sathish"),
    ...     ("siva", "shiva"), ("balaji", "balajee"), ("puja", "pooja"), ("sanjiv", "sanjeev"),
    ...     ("amit", "amrit"), ("mohan", "moan"), ("karan", "kiran"), ("vinay", "veena"),
    ...     ("priti", "preet"), ("nil", "neel"), ("dipa", "deep")]]
    [True, True, True, True, True, True, False, False, False, False, False, True, False]
    """
    if len(one) >= 3 and one != other and _long_vowels(one) == _long_vowels(other):
        return True
    short, long = sorted((one, other), key=len)
    if len(short) < 3 or short[0] != long[0]:
        return False
    at = 0
    for place, letter in enumerate(long):
        if at < len(short) and letter == short[at]:
            at += 1
        elif letter not in _VOWELS and not _aspirate(long, place):
            return False
    return at == len(short)


_VOWELS = frozenset("aeiouy")


def _long_vowels(word: str) -> str:
    """A word with its long vowels written one way: `ee` as `i`, `oo` as `u` (Indian names are
    written both ways: Balajee and Balaji, Sanjeev and Sanjiv, Pooja and Puja)."""
    return word.replace("ee", "i").replace("oo", "u")


def _aspirate(word: str, place: int) -> bool:
    """Whether the letter at `place` is an `h` after a consonant, which Indian names are
    written with and without (`th`/`t`, `sh`/`s`, `dh`/`d`, `bh`/`b`: Kavitha and Kavita)."""
    return word[place] == "h" and place > 0 and word[place - 1] not in _VOWELS


def _consonants(word: str) -> str | None:
    """A word's first letter and consonants, the `h` after a consonant left out (None for a word
    of fewer than three letters): two words one of which is the other with vowels or such an
    `h` left out have the same (`_letters_left_out`)."""
    if len(word) < 3:
        return None
    return word[0] + "".join(
        c for at, c in enumerate(word) if at and c not in _VOWELS and not _aspirate(word, at)
    )


_INITIAL, _LONG, _FIRST = "\x01", "\x02", "\x03"
"""Tags of what a name offers and asks (see `_Words`): an initial, a word of three letters or
more that another word may be cut short from, a word's first letter."""


class _Words:
    """A name's words as `explained` looks them up (each name worked out once): what the name
    offers to account for another name's words, and what each of its words asks of another
    name, as sets of tagged strings, so that one `isdisjoint` per word decides. A word is
    accounted for by the same word, by a word cut short from it or that it is cut short from
    (three letters or more), or by an initial it starts with; an initial by a word it starts."""

    def __init__(self, name: str) -> None:
        words = name.split()
        self.count = len(words)
        offers: set[str] = set()
        asks: list[frozenset[str]] = []
        for word in words:
            offers.add(_FIRST + word[0])
            if len(word) == 1:
                offers.add(_INITIAL + word)
                asks.append(frozenset((_FIRST + word,)))
                continue
            prefixes = [word[:n] for n in range(3, len(word) + 1)]
            offers.add(word)
            offers.update(prefixes)
            if len(word) >= 3:
                offers.add(_LONG + word)
            asks.append(frozenset((word, _INITIAL + word[0], *(_LONG + p for p in prefixes))))
        self.offers = frozenset(offers)
        self.asks = asks


@lru_cache(maxsize=1 << 16)
def _words_of(name: str) -> _Words:
    return _Words(name)


def _has_initial(name: str) -> bool:
    return any(len(word) == 1 for word in name.split())


def _initials_in_order(name: str) -> str:
    """A name's initials (its words of one letter) in the order written: `r k` of `r k sharma`
    and of `sharma r k`, `k r` of `k r enterprises`."""
    return "".join(word for word in name.split() if len(word) == 1)


def initials_reordered(left: str, right: str) -> bool:
    """Whether two names hold the same initials, two or more, in another order: `R K
    ENTERPRISES` and K R Enterprises are two firms (Ramesh Kumar's and Kishore Ram's), though
    every word of each accounts for one of the other. A name whose surname moved keeps its
    initials' order (`SHARMA R K` is R K Sharma), and so does one written out (`PATEL HITESH
    KETAN` is Hitesh K. Patel: one initial, no order).

    >>> initials_reordered("r k enterprises", "k r enterprises")
    True
    >>> initials_reordered("sharma r k", "r k sharma"), initials_reordered("j h patel", "jignesh patel")
    (False, False)
    """
    a, b = _initials_in_order(left), _initials_in_order(right)
    return len(a) >= 2 and a != b and sorted(a) == sorted(b)


"""Letters the shorter name needs before "one name inside the other" counts: `ram` inside
`sriram traders` says nothing."""


def likeness(left: str, right: str) -> int:
    """0–100: how alike two folded names are — the better of their word sets compared and the
    shorter found inside the longer with the spaces taken out, where one may be the other cut
    short (see `Likeness`)."""
    scores = Likeness(np.array([left], dtype=object), np.array([right], dtype=object))
    return int(scores.of(np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64))[0])


def _word_starts(names: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Which names are a single word, and (place, start): the first four letters of each word of
    three letters or more of the name at that place."""
    single = np.array([" " not in name.strip() for name in names], dtype=bool)
    rows = [
        (place, word[:4])
        for place, name in enumerate(names)
        for word in name.split()
        if len(word) >= 3
    ]
    starts = pd.DataFrame(rows, columns=["place", "start"]).drop_duplicates()
    return single, starts


def _single_words(names: list[str]) -> np.ndarray:
    """Which names are a single word (as `_word_starts` says)."""
    return np.array([" " not in name.strip() for name in names], dtype=bool)


def likenesses(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """`likeness` of each pair of names, worked out once per distinct pair (rapidfuzz in bulk)."""
    if not len(left):
        return np.zeros(0, dtype=np.int64)
    left_codes, left_names = pd.factorize(pd.Series(left, dtype=object))
    right_codes, right_names = pd.factorize(pd.Series(right, dtype=object))
    pairs, back = np.unique(
        left_codes.astype(np.int64) * len(right_names) + right_codes, return_inverse=True
    )
    scores = Likeness(np.asarray(left_names, dtype=object), np.asarray(right_names, dtype=object))
    found = scores.of(pairs // len(right_names), pairs % len(right_names))
    return np.asarray(found[np.ravel(back)], dtype=np.int64)


_Starts = tuple[np.ndarray, np.ndarray, np.ndarray, int]
"""What `Likeness._may_be_cut` looks up (see `_start_table`)."""


def _start_table(left: list[str], right: list[str]) -> _Starts:
    """The word starts (see `_word_starts`) of two lists of names, numbered alike: for each
    left place where its starts begin among `codes` (by place), the starts' codes, the sorted
    (right place × `width` + code) of every right name's starts, and `width`."""
    (_, left_starts), (_, right_starts) = _word_starts(left), _word_starts(right)
    codes, _ = pd.factorize(
        np.concatenate(
            [
                left_starts["start"].to_numpy(dtype=object),
                right_starts["start"].to_numpy(dtype=object),
            ]
        )
    )
    width = int(codes.max(initial=-1)) + 1
    places = left_starts["place"].to_numpy(dtype=np.int64)
    order = np.argsort(places, kind="stable")
    begins = np.searchsorted(places[order], np.arange(len(left) + 1))
    left_codes = codes[: len(places)][order].astype(np.int64)
    right_keys = np.unique(
        right_starts["place"].to_numpy(dtype=np.int64) * width
        + codes[len(places) :].astype(np.int64)
    )
    return begins, left_codes, right_keys, width


class Likeness:
    """How alike names of two lists are, by their places in the lists, in bulk (rapidfuzz): the
    better of their word sets compared (token set ratio) and — where one may be the other cut
    short or run together, and the shorter has SHORTEST_PART letters — the shorter found inside
    the longer with the spaces taken out (partial ratio), which forgives UPI's and IMPS's
    truncation — or, where higher, the share of the words of both that the other explains
    (`explained`, `run_together`), so that a name explaining every word of the other beats one
    that only shares some of them. Each name is squashed once, each pair scored once however
    often it is asked for."""

    def __init__(
        self, left: np.ndarray, right: np.ndarray, handles: np.ndarray | None = None
    ) -> None:
        self.left = [str(n) for n in left]
        self.handles = np.zeros(len(self.left), dtype=bool) if handles is None else handles
        """Which `left` names are a UPI handle's letters as the payer typed it
        (`handle_contradicts`); none unless told."""
        self.right = [str(n) for n in right]
        self.left_squashed = np.array([_squashed(n) for n in self.left], dtype=object)
        self.right_squashed = np.array([_squashed(n) for n in self.right], dtype=object)
        self.left_initials = np.array([_has_initial(n) for n in self.left], dtype=bool)
        self.right_initials = np.array([_has_initial(n) for n in self.right], dtype=bool)
        self.left_length = np.array([len(n) for n in self.left_squashed], dtype=np.int64)
        self.right_length = np.array([len(n) for n in self.right_squashed], dtype=np.int64)
        self._keys = np.zeros(0, dtype=np.int64)
        self._scores = np.zeros(0, dtype=np.int64)
        self._left_names = np.asarray(self.left, dtype=object)
        self._right_names = np.asarray(self.right, dtype=object)
        self._single: tuple[np.ndarray, np.ndarray] | None = None
        self._starts: _Starts | None = None
        self._endings: tuple[list[Ending], list[Ending]] | None = None
        self._cut: tuple[np.ndarray, np.ndarray] | None = None
        self._words: _NameWords | None = None
        self._letters: tuple[np.ndarray, np.ndarray] | None = None
        self._sorted: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]] | None = (
            None
        )
        self._places: tuple[pd.Index, pd.Index] | None = None

    def of(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Scores of the pairs (left place, right place)."""
        if not len(left):
            return np.zeros(0, dtype=np.int64)
        asked, wanted, _, known = self._looked_up(left, right)
        new = wanted[~known]
        if len(new):
            scores = _in_two(self._score, new)
            order = np.argsort(new)
            new, scores = new[order], scores[order]
            place = np.searchsorted(self._keys, new)  # the sorted keys stay sorted
            self._keys = np.insert(self._keys, place, new)
            self._scores = np.insert(self._scores, place, scores)
        found = self._scores[np.searchsorted(self._keys, wanted)]
        return np.asarray(found[asked], dtype=np.int64)

    def _looked_up(
        self, left: np.ndarray, right: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The pairs as keys, each distinct one once: each pair's place among the distinct keys,
        the distinct keys, their places among the scored keys (`_keys`) and whether scored."""
        keys = left.astype(np.int64) * (len(self.right) + 1) + right.astype(np.int64)
        asked, wanted = pd.factorize(keys)
        at = np.minimum(np.searchsorted(self._keys, wanted), max(len(self._keys) - 1, 0))
        known = (self._keys[at] == wanted) if len(self._keys) else np.zeros(len(wanted), bool)
        return asked, wanted, at, known

    def of_names(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Scores of the pairs of names (each one of the lists' own, as written there)."""
        places = self.places()
        return self.of(
            places[0].get_indexer(pd.Index(left)), places[1].get_indexer(pd.Index(right))
        )

    def places(self) -> tuple[pd.Index, pd.Index]:
        """The two lists as indexes (built once), to find names' places in."""
        if self._places is None:
            self._places = (pd.Index(self._left_names), pd.Index(self._right_names))
        return self._places

    def _may_be_cut(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Whether, pair by pair, one name may be the other cut short or run together: the
        shorter is one word (`OMSAILOG`, `SSENGUPTA`), or the two share a word's first four
        letters (`balaji tra`, `sri balaji traders`). `v sharma` inside `amritsar pharma` is not
        such a case."""
        if not len(left):
            return np.zeros(0, dtype=bool)
        if self._single is None or self._starts is None:
            self._single = (_single_words(self.left), _single_words(self.right))
            self._starts = _start_table(self.left, self.right)
        left_single, right_single = self._single
        begins, left_codes, right_keys, width = self._starts
        left_shorter = self.left_length[left] <= self.right_length[right]
        single = np.where(left_shorter, left_single[left], right_single[right])
        # each pair once per start of its left name: is that start also one of its right name's?
        counts = begins[left + 1] - begins[left]
        pair = np.repeat(np.arange(len(left)), counts)
        key = right[pair].astype(np.int64) * width + left_codes[begins[left][pair] + within(counts)]
        at = np.minimum(np.searchsorted(right_keys, key), max(len(right_keys) - 1, 0))
        shared = (right_keys[at] == key) if len(right_keys) else np.zeros(len(key), dtype=bool)
        share = np.zeros(len(left), dtype=bool)
        share[pair[shared]] = True
        return np.asarray(single | share, dtype=bool)

    def _token_sort_ratio(
        self, left: np.ndarray, right: np.ndarray, a: list[str], b: list[str]
    ) -> np.ndarray:
        """`fuzz.token_sort_ratio` of each pair: for names as `party_key` folds them (one
        space between words), `fuzz.ratio` of their words put in order once per name, which is
        what token_sort_ratio scores."""
        if self._sorted is None:
            self._sorted = (_words_in_order(self.left), _words_in_order(self.right))
        (left_sorted, left_plain), (right_sorted, right_plain) = self._sorted
        plain = left_plain[left] & right_plain[right]
        scores = np.zeros(len(left), dtype=np.float64)
        if plain.any():
            scores[plain] = cpdist(
                left_sorted[left[plain]].tolist(),
                right_sorted[right[plain]].tolist(),
                scorer=fuzz.ratio,
                dtype=np.float64,
            )
        other = np.flatnonzero(~plain)
        if len(other):
            scores[other] = cpdist(
                [a[i] for i in other.tolist()],
                [b[i] for i in other.tolist()],
                scorer=fuzz.token_sort_ratio,
                dtype=np.float64,
            )
        return scores

    def _run_together(self, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Of pairs where one name is a single word and the other is not, `run_together`: how
        much of both is explained, and whether an initial stands for a word (0 and False for
        any other pair)."""
        if self._single is None:
            self._single = (_single_words(self.left), _single_words(self.right))
        left_single, right_single = self._single
        odd = np.flatnonzero(left_single[left] != right_single[right])
        if self._letters is None:
            self._letters = (
                np.full((len(self.left), 3), -1, dtype=np.int64),
                np.full((len(self.right), 3), -1, dtype=np.int64),
            )
        left_bits = _letter_masks(self.left, left[odd], self._letters[0])
        right_bits = _letter_masks(self.right, right[odd], self._letters[1])
        single = left_single[left[odd]]
        # the word holds the first letter of each of the other name's words of two letters or
        # more but one at most (a handle leaves the middle name out), and starts with the first
        # letter of one of its words (letters as bits of a number: most pairs go here, before
        # any plain Python)
        word = np.where(single[:, None], left_bits, right_bits)
        other = np.where(single[:, None], right_bits, left_bits)
        missing = other[:, 1] & ~word[:, 0]
        # and has no letter the other name lacks: every piece of it is a word of the name, an
        # initial or a word cut short (`shaikhsure` is no run of Shaikh Lakshmi's words)
        odd = odd[
            ((missing & (missing - 1)) == 0)
            & ((word[:, 2] & other[:, 2]) != 0)
            & ((word[:, 0] & ~other[:, 0]) == 0)
        ]
        share = np.zeros(len(left), dtype=np.int64)
        initial = np.zeros(len(left), dtype=bool)
        found = [
            run_together(self.left[i], self.right[j])
            if left_single[i]
            else run_together(self.right[j], self.left[i])
            for i, j in zip(left[odd].tolist(), right[odd].tolist(), strict=True)
        ]
        if found:
            share[odd] = [f[0] for f in found]
            initial[odd] = [f[1] for f in found]
        return share, initial

    def _handle_contradicts(
        self, left: np.ndarray, right: np.ndarray, run: np.ndarray
    ) -> np.ndarray:
        """Of pairs whose left name is a UPI handle of one word (`handles`) and whose right
        name is of more words, the handle no run of them (`run` 0): `handle_contradicts`. Only
        a handle: a payer types a handle as a name and a surname (`sunilrao43@okhdfcbank`),
        where IMPS runs the name the bank holds together and cuts it (`HITESHBHA` for Hitesh
        Bhavesh Panchal, the father's name before the surname, as Gujarati and Marathi names
        are written)."""
        assert self._single is not None  # `_run_together` worked them out
        left_single, right_single = self._single
        asked = np.flatnonzero(
            left_single[left] & ~right_single[right] & self.handles[left] & (run == 0)
        )
        said = np.zeros(len(left), dtype=bool)
        said[asked] = [
            handle_contradicts(self.left[i], self.right[j])
            for i, j in zip(left[asked].tolist(), right[asked].tolist(), strict=True)
        ]
        return said

    def at_least(self, left: np.ndarray, right: np.ndarray, threshold: int) -> np.ndarray:
        """Whether each pair (left place, right place) is at least `threshold` alike (`of`),
        scoring in full only the pairs that may be: a likeness is at most its words' part
        (`_by_words`, the better of the word sets, the shorter inside the longer, the share of
        words explained, the run together) weighed with a whole of 100. Of a month's names that
        share a key word most are far from LATE_ALIKE, and are never scored in full."""
        if not len(left):
            return np.zeros(0, dtype=bool)
        asked, wanted, at, known = self._looked_up(left, right)
        new = wanted[~known]
        width = len(self.right) + 1
        words = _in_two(lambda keys: self._by_words(keys // width, keys % width), new)
        may = (words * (10 - WHOLE_TENTHS) + 100 * WHOLE_TENTHS) // 10 >= threshold
        found = np.zeros(len(wanted), dtype=bool)
        found[known] = self._scores[at[known]] >= threshold
        found[np.flatnonzero(~known)[may]] = self.of(new[may] // width, new[may] % width) >= (
            threshold
        )
        return np.asarray(found[asked], dtype=bool)

    def _by_words(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The most each pair's words' part of `_score` can be: the word sets compared, the
        shorter inside the longer where one may be the other cut short, and where the word sets
        are EXPLAINED_FROM alike the share of words explained and the run together."""
        score = self._by_sets(left, right)
        asked = np.flatnonzero(score >= EXPLAINED_FROM)
        if len(asked):
            said, _ = self.words().explained(left[asked], right[asked])
            run, _ = self._run_together(left[asked], right[asked])
            score[asked] = np.maximum(score[asked], np.maximum(said, run))
        return np.asarray(score, dtype=np.int64)

    def words(self) -> _NameWords:
        """The two lists' names split into words (built once)."""
        if self._words is None:
            self._words = _NameWords(self.left, self.right)
        return self._words

    def _by_sets(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The word sets compared (token set ratio), raised to how alike the shorter name is to
        the longer's part (squashed) where that is better and one may be the other cut short or
        run together: the first part of `_score`."""
        score = cpdist(
            self._left_names[left].tolist(),
            self._right_names[right].tolist(),
            scorer=fuzz.token_set_ratio,
            dtype=np.float64,
        ).astype(np.int64)
        long_enough = np.minimum(self.left_length[left], self.right_length[right]) >= SHORTEST_PART
        if long_enough.any():
            inside = cpdist(
                self.left_squashed[left[long_enough]].tolist(),
                self.right_squashed[right[long_enough]].tolist(),
                scorer=fuzz.partial_ratio,
                dtype=np.float64,
            ).astype(np.int64)
            at = np.flatnonzero(long_enough)
            better = inside > score[at]
            cut = self._may_be_cut(left[at[better]], right[at[better]])
            score[at[better][cut]] = inside[better][cut]
        return score

    def _score(self, keys: np.ndarray) -> np.ndarray:
        left, right = keys // (len(self.right) + 1), keys % (len(self.right) + 1)
        a = self._left_names[left].tolist()
        b = self._right_names[right].tolist()
        score = self._by_sets(left, right)
        # a part is how alike the names are whole (words in any order): of `meenakshi` and
        # `meenakshi textiles`, both 100 alike by their words, `meenakshi` is the nearer; where
        # either has initials, how many words each accounts for of the other
        whole = np.maximum(
            self._token_sort_ratio(left, right, a, b),
            cpdist(
                self.left_squashed[left].tolist(),
                self.right_squashed[right].tolist(),
                scorer=fuzz.ratio,
                dtype=np.float64,
            ),
        ).astype(np.int64)
        # the share of the words of both names that the other accounts for (`explained`: a word
        # by the same word, an initial by a word it starts, a word cut short by the word it
        # starts) is as good a measure of words agreeing as the word sets compared: a name
        # that explains every word of the other, and whose every word the other explains, is
        # the other written another way, as alike as a name found inside the other and more
        # than one that only shares some of its words. `PARIKH NIRAV KRUPA` (surname, name,
        # father's name) is `Nirav K. Parikh` word for word; `Krupa Parikh` leaves NIRAV
        # unexplained. Where either name has initials, this share is also how alike the two
        # are whole (only where the words agree enough for it to matter)
        asked = np.flatnonzero(score >= EXPLAINED_FROM)
        if len(asked):
            said, contradicted = self.words().explained(left[asked], right[asked])
            # a word spelt otherwise (`jagdish`, `jagadish`) contradicts nothing
            doubted = np.flatnonzero(contradicted)
            doubted = doubted[
                self.words().may_be_spelt_otherwise(left[asked][doubted], right[asked][doubted])
            ]
            contradicted[doubted] = [
                not spelt_otherwise(self.left[i], self.right[j])
                for i, j in zip(
                    left[asked][doubted].tolist(), right[asked][doubted].tolist(), strict=True
                )
            ]
            # the same initials in another order are another person's or firm's (`R K
            # ENTERPRISES` is not K R Enterprises), however well the words explain each other
            both = np.flatnonzero(
                self.left_initials[left[asked]] & self.right_initials[right[asked]]
            )
            contradicted[both] |= np.array(
                [
                    initials_reordered(self.left[i], self.right[j])
                    for i, j in zip(
                        left[asked][both].tolist(), right[asked][both].tolist(), strict=True
                    )
                ],
                dtype=bool,
            )
            initials = self.left_initials[left[asked]] | self.right_initials[right[asked]]
            # IMPS runs a name's words together (`SMENON`, `PATELDHAVAL`): a name of one word
            # that is the other's words run together is explained as the same name with spaces
            run, initial = self._run_together(left[asked], right[asked])
            # a UPI handle that holds one word of the other name and, run on to it, a word the
            # other name cannot account for is another person's handle (`sunilrao` is not
            # Sunil Bose's); only asked where the handle is no run of the name's words
            contradicted |= self._handle_contradicts(left[asked], right[asked], run)
            said = np.maximum(said, run)
            initials |= initial
            # a name whose every word is in the run is compared whole in the order the run
            # has its words: `ASHOKAGARW` is Agarwal Ashok (the books write the surname first)
            # as much as Ashok Agarwal; both a little less than a name not cut short
            runs = np.flatnonzero((run >= 100) & ~initial)
            if len(runs):
                at = asked[runs]
                whole[at] = np.maximum(
                    whole[at],
                    [
                        _whole_in_run_order(self.left[i], self.right[j])
                        for i, j in zip(left[at].tolist(), right[at].tolist(), strict=True)
                    ],
                )
            score[asked] = np.maximum(score[asked], said)
            whole[asked[initials]] = said[initials]
        score = (
            np.asarray(score, dtype=np.int64) * (10 - WHOLE_TENTHS) + whole * WHOLE_TENTHS
        ) // 10
        if len(asked):
            # two names that share a word and each hold a word the other cannot account for are
            # two persons (or firms) of one surname (or one word): `sanjay fernandes` is not
            # Manoj Fernandes, `s r khanna` not Girish Khanna, `jai sai agencies` not Om Sai
            # Agencies
            at = asked[contradicted]
            score[at] = np.minimum(score[at], CONTRADICTED)
        if self._endings is None:
            self._endings = ([_ending(n) for n in self.left], [_ending(n) for n in self.right])
            self._cut = (_cut_short(self._endings[0]), _cut_short(self._endings[1]))
        score -= STRAY_FRAGMENT * _strays(*self._endings, left, right, cut=self._cut)
        empty = (self.left_length[left] == 0) | (self.right_length[right] == 0)
        score[np.asarray(empty | (score < 0), dtype=bool)] = 0
        return np.asarray(score, dtype=np.int64)


SCORED_APART_FROM = 40_000
"""Pairs of names from which half are scored by a second process at the same time (`_in_two`):
scoring is Python's work more than rapidfuzz's (words explained, handles, strays), some 3-5
microseconds a pair; a fork costs 10-50 milliseconds."""


def _in_two(work: Callable[[np.ndarray], np.ndarray], keys: np.ndarray) -> np.ndarray:
    """`work(keys)`, pair by pair: where there are SCORED_APART_FROM keys or more and a process
    may be forked (`forkable`), their second half worked out by a forked child while this
    process works out the first (a month's names compared for combinations: 217,000 pairs of
    HDFC's 100,000 lines, 0.8 s). Each pair's score is its own, whatever it is scored with."""
    if len(keys) < SCORED_APART_FROM or not forkable():
        return work(keys)
    half = len(keys) // 2
    first, second = at_once(lambda: work(keys[:half]), lambda: work(keys[half:]), apart=True)
    return np.concatenate([first, second])


def _whole_in_run_order(left: str, right: str) -> int:
    """How alike a name run together (`ashokagarw`) and a name of words (`agarwal ashok`) are
    whole, the words put in the order the run has them (`ashok agarwal`), so that the order
    costs nothing and a word cut short still does."""
    word, name = (left, right) if " " not in left.strip() else (right, left)
    word = _squashed(word)

    def place(each: str) -> int:
        for size in range(len(each), 0, -1):  # the last word may be cut short
            found = word.find(each[:size])
            if found >= 0:
                return found
        return len(word)

    words = [_squashed(w) for w in name.split()]
    if cut_by_imps(word, words):  # the rest of the name cut off: as doubtful as turned round
        return 100 - TURNED_ROUND
    ordered = "".join(sorted(words, key=place))
    alike = int(fuzz.ratio(word, ordered))
    # a name turned round to fit the run is a little less alike than a name in its order
    # (SUNILKUMAR: Sunil Kumar before Kumar Sunil)
    return alike - TURNED_ROUND if ordered != "".join(words) else alike


_BITS = {letter: 1 << n for n, letter in enumerate("abcdefghijklmnopqrstuvwxyz")}


@lru_cache(maxsize=1 << 18)
def _letter_bits(name: str) -> tuple[int, int, int]:
    """A name's letters a to z as bits of a number, the first letters of its words of two
    letters or more, and the first letters of all its words."""
    letters = firsts = every_first = 0
    for letter in set(name):
        letters |= _BITS.get(letter, 0)
    for word in name.split():
        every_first |= _BITS.get(word[0], 0)
        if len(word) > 1:
            firsts |= _BITS.get(word[0], 0)
    return letters, firsts, every_first


def _letter_masks(names: list[str], places: np.ndarray, known: np.ndarray) -> np.ndarray:
    """`_letter_bits` of the names at `places`, each name worked out once and kept in `known`
    (-1 where not yet)."""
    new = np.unique(places[known[places, 0] < 0])
    if len(new):
        known[new] = [_letter_bits(names[i]) for i in new.tolist()]
    return np.asarray(known[places], dtype=np.int64)


IMPS_RUN_LETTERS = 10
"""The letters of a name IMPS keeps, run together (`PATELDHAVA`, `SHAHRAJESH`)."""


def cut_by_imps(word: str, words: list[str]) -> bool:
    """Whether `word` is all IMPS kept of the name of `words` run together in their order:
    its first IMPS_RUN_LETTERS letters, the cut at the end of a word past the first two
    (`SHAHRAJESH` of Shah Rajesh Kumar; a cut inside a word is `run_together`'s last word cut
    short)."""
    if len(word) != IMPS_RUN_LETTERS or len(words) < 3:
        return False
    ends = np.cumsum([len(w) for w in words])
    return "".join(words).startswith(word) and IMPS_RUN_LETTERS in ends[1:-1]


@lru_cache(maxsize=1 << 18)
def run_together(word: str, name: str) -> tuple[int, bool]:
    """How much of `word` and `name` the other explains where `word` is the words of `name` run
    together (IMPS: `SMENON`, `PATELDHAVAL`), in any order, each written whole or as its
    initial, the last one maybe cut short (IMPS keeps ten letters), and whether an initial
    stands for a word: 100 where every word of the name is in it; where every word but the
    name's initials is (IMPS leaves a middle initial out: `BHOSALEMADHU` for Madhuri S.
    Bhosale), or of a name of three words or more every word but one (a UPI handle leaves the
    middle name out: `vijaypill` for Vijay Ram Pillai), what `explained` says of the same name
    with spaces; else 0.

    >>> run_together("smenon", "sowmya menon"), run_together("pateldhaval", "dhaval patel")
    ((100, True), (100, False))
    >>> run_together("pateldhaval", "dhaval m patel"), run_together("rgupta", "amit gupta")
    ((80, False), (0, False))
    >>> run_together("vijaypill", "vijay ram pillai"), run_together("vijaypill", "vijay pandey")
    ((80, False), (0, False))
    """
    split = name.split()
    words = tuple(sorted(set(split), key=len, reverse=True))
    if len(words) < 2 or len(split) != len(words) or not word.isalpha():
        return 0, False
    found = _pieces(word, words)
    if found:
        return 100, found == 2
    if cut_by_imps(word, split):
        return 100, False
    longer = tuple(w for w in words if len(w) > 1)
    left_out = len(words) - len(longer)
    if left_out and len(longer) >= 2 and _pieces(word, longer):
        # the word's pieces and the name's longer words explained; its initials not
        total = 2 * len(words) - left_out
        return (100 * (total - left_out)) // total, False
    if not left_out and len(words) >= 3:
        # a UPI handle is often the first name and the surname run together, the middle name
        # left out (`vijaypill86@ybl` for Vijay Ram Pillai): every word but one explained
        total = 2 * len(words) - 1
        for skipped in words:
            if _pieces(word, tuple(w for w in words if w != skipped)):
                return (100 * (total - 1)) // total, False
    return 0, False


def handle_contradicts(word: str, name: str) -> bool:
    """Whether `word` (a UPI handle's letters) is another person's than `name`'s: it starts
    with a word of the name (of three letters or more), or ends with one or the first four
    letters of one or more (a handle is cut at twelve letters), and the
    rest, of three letters or more, is no other word of the name, whole or cut short, nor an
    initial and such a word. `sunilrao` is not Sunil Bose's (nor `prakashhegd` Prakash Desai's,
    `kavitadas` Kavita Narayan Iyer's): it holds SUNIL and a RAO that Sunil Bose cannot account
    for, and Sunil Bose a BOSE it lacks, as `sanjay fernandes` is not Manoj Fernandes
    (CONTRADICTED). A rest of one or two letters may be an initial and contradicts nothing.

    >>> handle_contradicts("sunilrao", "sunil bose"), handle_contradicts("sunilrao", "sunil d rao")
    (True, False)
    >>> handle_contradicts("meenanaid", "meena h kulkarni")
    True
    >>> handle_contradicts("venkateshmish", "venkatesh lal mishra")
    False
    >>> handle_contradicts("salimghos", "harish ghosh"), handle_contradicts("sunilk", "sunil bose")
    (True, False)
    >>> handle_contradicts("rajeshbtiwari", "rajesh b tiwari")
    False
    >>> handle_contradicts("shreeamrit", "sri amrit polymers")
    False
    >>> [handle_contradicts(w, n) for w, n in [("rameshbhai", "ramesh patel"),
    ...     ("anilkumar", "anil k sharma"), ("venkataraman", "venkat raman"),
    ...     ("sharmatraders", "sharma trading co"), ("hiteshbha", "hitesh b panchal")]]
    [False, False, False, False, False]
    """
    if not word.isalpha() or len(word) < SHORTEST_PART:
        return False
    word = _squashed(word)  # SHREEAMRIT is Shree Amrit, folded as the books' name
    split = name.split()
    initials: set[str] | None = None
    for at, known in enumerate(split):
        if len(known) < 3:
            continue
        rests = [word[len(known) :]] if word.startswith(known) else []
        # the word's longest ending that is the first four letters of `known` or more: where
        # those four letters stand in it, the first place whose rest `known` starts with
        head = known[:4] if len(known) >= 4 else ""
        place = word.find(head) if head else -1
        while place >= 0:
            if known.startswith(word[place:]):
                rests.append(word[:place])
                break
            place = word.find(head, place + 1)
        if not rests:
            continue
        others = [other for n, other in enumerate(split) if n != at and len(other) >= 2]
        if initials is None:
            initials = {other for other in split if len(other) == 1}
        for rest in rests:
            if len(rest) < 3 or _accounted_for(rest, others, initials):
                continue
            return True
    return False


GIVEN_NAME_ENDINGS = ("bhai", "ben", "bhau", "anna", "appa", "amma", "ji", "kumar", "devi", "bai")
"""What a handle may run on to a given name without it being a surname: a Gujarati or Marathi
`bhai`, `ben` or `bhau`, a Kannada or Tamil `anna`, `appa` or `amma`, `ji`, `kumar`, `devi`,
`bai` (`rameshbhai84@okaxis` is Ramesh Patel's)."""
_ENDINGS = frozenset(GIVEN_NAME_ENDINGS)
_ENDING_SIZES = tuple(sorted({len(ending) for ending in GIVEN_NAME_ENDINGS}))
_ENDING_STARTS = frozenset(e[:size] for e in GIVEN_NAME_ENDINGS for size in range(1, len(e) + 1))
"""Every ending's first letters (a rest an ending starts with, cut short), looked up at once."""


def _accounted_for(rest: str, others: list[str], initials: set[str]) -> bool:
    """Whether what a handle runs on to a word of the name is not another surname: another word
    of the name, whole or cut short, or spelt otherwise after its first four letters
    (`sharmatraders`, Sharma Trading Co); a middle name the name writes as its initial
    (`anilkumar`, Anil K. Sharma; `hiteshbha`, Hitesh B. Panchal); a joining vowel before
    another word (`venkataraman`, Venkat Raman); or a given name's ending (`GIVEN_NAME_ENDINGS`)."""
    if _a_word_of(rest, others) or rest[0] in initials:
        return True
    if any(len(other) >= 4 and rest[:4] == other[:4] for other in others):
        return True
    if rest[0] in "aeiou" and _a_word_of(rest[1:], others):
        return True
    if any(
        rest[0] == other[0] and _a_word_of(rest[1:], [o for o in others if o != other])
        for other in others
    ):
        return True  # an initial and a word: `rajeshbtiwari`
    return rest in _ENDING_STARTS or any(rest[:size] in _ENDINGS for size in _ENDING_SIZES)


def _a_word_of(rest: str, words: list[str]) -> bool:
    """Whether `rest` is one of `words`, either of the two maybe cut short (and `rest` maybe
    running on past it)."""
    return bool(rest) and any(word.startswith(rest) or rest.startswith(word) for word in words)


def _pieces(rest: str, words: tuple[str, ...]) -> int:
    """`run_together` of what is left of the word and the words not yet found in it."""
    if not rest:
        return 0 if words else 1
    best = 0
    for at, found in enumerate(words):
        others = words[:at] + words[at + 1 :]
        if rest.startswith(found):
            best = max(best, _pieces(rest[len(found) :], others))
        elif not others and found.startswith(rest):
            best = max(best, 1)
        if len(found) > 1 and rest[0] == found[0]:
            initial = _pieces(rest[1:], others)
            best = max(best, 2 if initial else 0)
        if best == 2:
            break
    return best


_PLAIN_NAME = re.compile("[a-z0-9 ]*")
"""A name as `party_key` folds it: lower-case letters, digits and spaces."""


class _NameWords:
    """The words of the names of two lists, numbered in one vocabulary, so that `explained`
    is worked out for many pairs at once. Only names written as `party_key` folds them are
    split here (`_PLAIN_NAME`); any other pair is left to `explained` itself."""

    def __init__(self, left: list[str], right: list[str]) -> None:
        vocabulary: dict[str, int] = {}

        def table(names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
            plain = np.array([_PLAIN_NAME.fullmatch(n) is not None for n in names], dtype=bool)
            counts: list[int] = []
            codes: list[int] = []
            for name, is_plain in zip(names, plain.tolist(), strict=True):
                words = name.split() if is_plain else []
                counts.append(len(words))
                codes.extend(vocabulary.setdefault(word, len(vocabulary)) for word in words)
            count = np.array(counts, dtype=np.int64)
            begins = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(count)])
            return plain, count, begins, np.array(codes, dtype=np.int64)

        self.left, self.right = table(left), table(right)
        self.names = (left, right)
        words = list(vocabulary)
        self.text = np.array(words, dtype=str)
        self.length = np.array([len(word) for word in words], dtype=np.int64)
        self.first = np.array([ord(word[0]) for word in words], dtype=np.int64)
        # a word's first letter and consonants as a number (-1 for a word of fewer than three
        # letters): two words one of which is the other with vowels left out have the same
        # (`_letters_left_out`)
        shapes = [_consonants(word) for word in words]
        self.consonants = pd.factorize(np.array(shapes, dtype=object))[0].astype(np.int64)

    def explained(self, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`explained` of each pair (left place, right place), and whether the two names
        contradict each other: they share a word (written the same, or cut short: SHARED_CUT)
        and each has a word the other does not account for (`explained`, a short last word
        aside: the bank may have cut the name there), other persons of one surname, other firms
        of one word (False for names not split here). Each word of a name meets each of the
        other's once for both."""
        left_plain, left_count, left_begins, left_codes = self.left
        right_plain, right_count, right_begins, right_codes = self.right
        count_a, count_b = left_count[left], right_count[right]
        a = (left_begins[left], count_a, left_codes)
        b = (right_begins[right], count_b, right_codes)
        missed_a, cut_a, same = self._missed(a, b)
        missed_b, cut_b, _ = self._missed(b, a)
        total = count_a + count_b
        score = np.where(
            (count_a == 0) | (count_b == 0),
            0,
            (100 * (total - missed_a - missed_b)) // np.maximum(total, 1),
        )
        plain = left_plain[left] & right_plain[right]
        odd = np.flatnonzero(~plain)
        names_left, names_right = self.names
        score[odd] = [
            explained(names_left[i], names_right[j])
            for i, j in zip(left[odd].tolist(), right[odd].tolist(), strict=True)
        ]
        contradicted = (cut_a > 0) & (cut_b > 0) & same & plain
        return np.asarray(score, dtype=np.int64), np.asarray(contradicted, dtype=bool)

    def may_be_spelt_otherwise(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Of each pair (left place, right place) of names split here, whether a word of one
        and another word of the other have the same first letter and consonants (three
        letters or more): a pair without one is not `spelt_otherwise`, and is not asked."""
        pair, ask, offer = self._word_pairs(left, right)
        shape = self.consonants[ask]
        alike = (shape >= 0) & (shape == self.consonants[offer]) & (ask != offer)
        found = np.zeros(len(left), dtype=bool)
        found[pair[alike]] = True
        return found

    def _word_pairs(
        self, left: np.ndarray, right: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each word of each pair's left name against each word of its right name: (pair,
        left word, right word), as codes of the vocabulary."""
        _, left_count, left_begins, left_codes = self.left
        _, right_count, right_begins, right_codes = self.right
        pair = np.repeat(np.arange(len(left)), left_count[left])
        asking = left_codes[left_begins[left][pair] + within(left_count[left])]
        offering_count = right_count[right][pair]
        row = np.repeat(np.arange(len(pair)), offering_count)
        offer = right_codes[right_begins[right][pair][row] + within(offering_count)]
        return pair[row], asking[row], offer

    def _missed(
        self,
        a: tuple[np.ndarray, np.ndarray, np.ndarray],
        b: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Of each pair, how many words of name `a` no word of name `b` accounts for (see
        `_Words`): an initial by a word it starts, any other word by the same word, by a word
        of three letters or more it starts or that starts it, or by its own initial; as many
        with a last word of three letters or fewer counted as accounted for (the bank may have
        cut the name there: `SRI SAI RA`); and whether a word of `a` is written the same in
        `b`, or one of the two is the other cut short (SHARED_CUT letters or more)."""
        (a_begins, a_count, a_codes), (b_begins, b_count, b_codes) = a, b
        pair = np.repeat(np.arange(len(a_count)), a_count)
        asking = a_codes[a_begins[pair] + within(a_count)]
        # each word of `a` against each word of `b`
        offering_count = b_count[pair]
        row = np.repeat(np.arange(len(pair)), offering_count)
        offer = b_codes[b_begins[pair][row] + within(offering_count)]
        ask = asking[row]
        ask_length, offer_length = self.length[ask], self.length[offer]
        same_first = self.first[ask] == self.first[offer]
        same_word = ask == offer
        found = np.where(
            ask_length == 1, same_first, same_word | ((offer_length == 1) & same_first)
        )
        starts = np.flatnonzero(
            ~found & same_first & (ask_length >= 3) & (ask_length < offer_length)
        )
        found[starts] = np.char.startswith(self.text[offer[starts]], self.text[ask[starts]])
        started = np.flatnonzero(
            ~found
            & same_first
            & (ask_length > 1)
            & (offer_length >= 3)
            & (offer_length < ask_length)
        )
        found[started] = np.char.startswith(self.text[ask[started]], self.text[offer[started]])
        accounted = np.zeros(len(pair), dtype=bool)
        accounted[row[found]] = True
        last = within(a_count) == a_count[pair] - 1
        piece = last & (self.length[asking] <= FRAGMENT)
        same = np.zeros(len(a_count), dtype=bool)
        same[pair[row[same_word]]] = True
        # a word cut short of the other's is as much one surname (`vinod sinh`, SBI's name
        # completed from the handle, and Venkatesh L. Sinha), where the shorter word ends its
        # name, as a cut does: `vijay` of `vijay kumar` is no cut of Vijaykumar Patil
        offer_last = within(offering_count) == offering_count[row] - 1
        shorter_last = np.where(ask_length < offer_length, last[row], offer_last)
        cut = np.concatenate([starts, started])
        cut = cut[
            found[cut]
            & (np.minimum(ask_length[cut], offer_length[cut]) >= SHARED_CUT)
            & shorter_last[cut]
        ]
        same[pair[row[cut]]] = True
        return (
            np.asarray(np.bincount(pair[~accounted], minlength=len(a_count)), dtype=np.int64),
            np.asarray(
                np.bincount(pair[~(accounted | piece)], minlength=len(a_count)), dtype=np.int64
            ),
            same,
        )


def _words_in_order(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each name with its words put in order (as token_sort_ratio puts them), and which names
    are written as `party_key` folds them, one space between words (only those are put in
    order here)."""
    plain = np.array(
        [_PLAIN_NAME.fullmatch(n) is not None and " ".join(n.split()) == n for n in names],
        dtype=bool,
    )
    ordered = [" ".join(sorted(n.split())) if p else n for n, p in zip(names, plain, strict=True)]
    return np.array(ordered, dtype=object), plain


FRAGMENT = 3
"""Letters of a name's last word at most, for it to be a piece the bank cut short."""

SHARED_CUT = 4
"""Letters at least of a word one name has cut short of the other's for the two to share that
word (`sinh` and Sinha), as they share a word written the same: each with a word the other
cannot account for, they are two persons of one surname (`vinod sinh` is not Venkatesh L.
Sinha). Only where the shorter word ends its name, as a bank's cut does (`vijay` of `vijay
kumar` is no cut of Vijaykumar Patil); three letters (`ram` of Ramesh) begin too many other
words. On an outsider's SBI month of 100,000 lines, whose names are cut to eight letters, with
D'Souza made one word (`_APOSTROPHE`) and the handle cut three letters into a surname
(`completed`) in the same session: 161 -> 138 false pairs, 816 -> 732 true pairs missed."""


Ending = tuple[str, frozenset[str]]


@lru_cache(maxsize=1 << 18)
def _ending(name: str) -> Ending:
    """A name's last word where it is short enough to be a piece cut off (else ""), and the
    first one to FRAGMENT letters of each of its words."""
    words = name.split()
    last = words[-1] if len(words) > 1 and len(words[-1]) <= FRAGMENT else ""
    starts = frozenset(word[:n] for word in words for n in range(1, FRAGMENT + 1))
    return last, starts


def _cut_short(endings: list[Ending]) -> np.ndarray:
    """Which names end in a short piece (see `_ending`)."""
    return np.fromiter((bool(e[0]) for e in endings), dtype=bool, count=len(endings))


def _strays(
    endings_left: list[Ending],
    endings_right: list[Ending],
    left: np.ndarray,
    right: np.ndarray,
    cut: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """1 where either name of a pair ends in a short piece that starts no word of the other
    (`cut`: `_cut_short` of both lists, where already worked out)."""
    cut_left, cut_right = cut or (_cut_short(endings_left), _cut_short(endings_right))
    strays = np.zeros(len(left), dtype=np.int64)
    # only the pairs where either name ends in a short piece (most end in a whole word)
    either = np.flatnonzero(cut_left[left] | cut_right[right])
    strays[either] = [
        bool(a[0] and a[0] not in b[1]) or bool(b[0] and b[0] not in a[1])
        for a, b in (
            (endings_left[i], endings_right[j])
            for i, j in zip(left[either].tolist(), right[either].tolist(), strict=True)
        )
    ]
    return strays


SQUASHED_KEY = 6
"""Letters of a name, spaces taken out, that also pair it with others (`OMSAILOG` and
`om sai logistics` share `omsail` though no word of theirs is alike)."""


def key_words(
    left: pd.Series, right: pd.Series, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Words that pair names across two columns of folded names: each name's `count` rarest
    words (by their first four letters, so a name UPI cut short still shares them; rarest by the
    distinct names of either column holding them, the longer first among equals), its first SQUASHED_KEY letters without spaces (which
    pair `OMSAILOG` with `om sai logistics`, and a name with itself however UPI cut it), and for
    a name of one word every run of four letters in it (`SSENGUPTA` meets `sourav sengupta`);
    numbered alike on both sides. Returns left positions and word codes, then right positions
    and word codes (a line appears once per key word; nameless lines not at all)."""
    parties = [strings(left), strings(right)]
    names, distinct = pd.factorize(pd.concat(parties, ignore_index=True))
    distinct_names = strings(pd.Series(np.asarray(distinct, dtype=object)))
    owner, pieces = split_words(distinct_names, " ")
    # an initial is no key word where the name has a word: `j` of `J H PATEL` would pair it
    # with every other J. and never with `Jignesh Patel`; its surname pairs it with both
    # Patels, and initials decide (a name of initials only, `A K`, keeps them)
    longer = (pieces.str.len() > 1).to_numpy(dtype=bool)
    has_word = np.zeros(len(distinct_names), dtype=bool)
    has_word[owner[longer]] = True
    kept = longer | ~has_word[owner]
    owner, pieces = owner[kept], pieces[kept].reset_index(drop=True)
    words = pieces.str.slice(0, 4).to_numpy(dtype=object)
    squashed = distinct_names.str.replace(" ", "", regex=False)
    squash_owner = np.flatnonzero((squashed.str.len() >= SQUASHED_KEY).to_numpy(dtype=bool))
    prefix = ("~" + squashed.str.slice(0, SQUASHED_KEY)).to_numpy(dtype=object)
    # a name run together (IMPS's SSENGUPTA, KMSHAH, RBOSE) is cut into every run of four
    # letters, so that `seng` meets the start of `sengupta` in the other name (and `bose` the
    # surname of `rituparna bose`: five letters are enough)
    single = np.flatnonzero(
        (~distinct_names.str.contains(" ", regex=False)).to_numpy(dtype=bool)
        & (squashed.str.len() >= SHORTEST_PART).to_numpy(dtype=bool)
    )
    single_names = squashed.to_numpy(dtype=object)[single]
    gram_owner = np.repeat(single, [len(n) - 3 for n in single_names])
    grams = np.array([n[i : i + 4] for n in single_names for i in range(len(n) - 3)], dtype=object)
    # a name's initials and surname, as a bank writes a person (`S R KHANNA`): the first
    # letters of every word but the last, then the last word's first four letters, and so the
    # other way round for a surname written first (`Khanna Srinivas Ram`), so that the initials
    # meet the name written out where the surname alone is too common to be a key word
    initial_owner, initial_keys = _initials_and_surname(distinct_names)
    squash_words = np.concatenate([prefix[squash_owner], grams, initial_keys])
    squash_owner = np.concatenate([squash_owner, gram_owner, initial_owner])
    codes, _ = pd.factorize(np.concatenate([words, squash_words]))
    word_codes, squash_codes = codes[: len(words)], codes[len(words) :]
    pairs = pd.DataFrame({"name": owner, "word": word_codes, "length": pieces.str.len().to_numpy()})
    pairs = pairs.sort_values("length", ascending=False).drop_duplicates(["name", "word"])
    # how rare a word is: in how many distinct names of one side it stands (the more of the
    # two), so a party's own word, written on both sides, is not counted twice against it;
    # between words as rare, the longer (BALAJI before SRI)
    split_at = len(parties[0])
    on_left = np.zeros(len(distinct_names), dtype=bool)
    on_left[np.unique(names[:split_at])] = True
    on_right = np.zeros(len(distinct_names), dtype=bool)
    on_right[np.unique(names[split_at:])] = True
    size = int(codes.max(initial=-1)) + 1
    word_at = pairs["word"].to_numpy()
    name_at = pairs["name"].to_numpy()
    rarity = np.maximum(
        np.bincount(word_at, weights=on_left[name_at], minlength=size),
        np.bincount(word_at, weights=on_right[name_at], minlength=size),
    )
    pairs["rarity"] = rarity[word_at]
    pairs["longest"] = -pairs["length"]
    kept = pairs.sort_values(["name", "rarity", "longest", "word"]).groupby("name").head(count)
    kept = pd.concat(
        [kept[["name", "word"]], pd.DataFrame({"name": squash_owner, "word": squash_codes})],
        ignore_index=True,
    ).drop_duplicates()
    # each line takes its name's key words, in the order kept (lines in order)
    kept_names = kept["name"].to_numpy(dtype=np.int64)
    by_name = np.argsort(kept_names, kind="stable")
    kept_words = kept["word"].to_numpy(dtype=np.int64)[by_name]
    begins = np.searchsorted(kept_names[by_name], np.arange(len(distinct_names) + 1))
    names = np.asarray(names, dtype=np.int64)
    counts = begins[names + 1] - begins[names]
    positions = np.repeat(np.arange(len(names), dtype=np.int64), counts)
    found = kept_words[np.repeat(begins[names], counts) + within(counts)]
    left_side = positions < split_at
    return (
        positions[left_side],
        found[left_side],
        positions[~left_side] - split_at,
        found[~left_side],
    )


def _initials_and_surname(names: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """For each name of two to four words: `^` + the first letters of every word but the last
    + `|` + the last word's first four letters, and the same with the first word as the surname
    (`s r khanna` and `srinivas ram khanna` both give `^sr|khan`). Returns owners and keys."""
    owners: list[int] = []
    keys: list[str] = []
    for at, name in enumerate(names.tolist()):
        words = str(name).split()
        if not 2 <= len(words) <= 4 or not words[-1].isalpha() or not words[0].isalpha():
            continue
        for surname, rest in ((words[-1], words[:-1]), (words[0], words[1:])):
            if len(surname) >= 3:
                owners.append(at)
                keys.append("^" + "".join(w[0] for w in rest) + "|" + surname[:4])
    return np.asarray(owners, dtype=np.int64), np.asarray(keys, dtype=object)


def alike_names(
    left: np.ndarray,
    right: np.ndarray,
    threshold: int,
    scorer: Likeness | None = None,
) -> pd.DataFrame:
    """(left, right, alike): the distinct names of `left` and of `right` (blanks aside) that
    share a key word (see `key_words`, two a name) and are at least `threshold` alike. With
    `scorer`, a run's `Likeness` whose lists hold every name given, the pairs it has scored
    already are not scored again."""
    lefts = pd.Series(pd.unique(left[left != ""]), dtype=object)
    rights = pd.Series(pd.unique(right[right != ""]), dtype=object)
    if lefts.empty or rights.empty:
        return pd.DataFrame(columns=["left", "right", "alike"])
    pos_l, word_l, pos_r, word_r = key_words(lefts, rights, KEY_WORDS)
    shared = _joined_by_words(pos_l, word_l, pos_r, word_r)
    names_l = lefts.to_numpy(dtype=object)[shared["l"].to_numpy(dtype=np.int64)]
    names_r = rights.to_numpy(dtype=object)[shared["r"].to_numpy(dtype=np.int64)]
    scores = likenesses(names_l, names_r) if scorer is None else scorer.of_names(names_l, names_r)
    keep = scores >= threshold
    return pd.DataFrame(
        {"left": names_l[keep], "right": names_r[keep], "alike": scores[keep]}
    ).reset_index(drop=True)


def _joined_by_words(
    pos_l: np.ndarray, word_l: np.ndarray, pos_r: np.ndarray, word_r: np.ndarray
) -> pd.DataFrame:
    """(l, r): the pairs of names (positions) that share a key word, each once. A word joining
    more than COMMON_KEY_PAIRS pairs joins two names only where they share another such word
    too (`anit` and `rath` of ANITARATH and Anita Narayan Rathod; DISTRIBUTORS alone joins no
    two firms), or where either name has no rarer key word that joins it to any name
    (SHREETULSI, whose other pieces of four letters no name holds, and Shree Tulsi
    Electricals)."""
    size = int(max(word_l.max(initial=-1), word_r.max(initial=-1))) + 1
    pairs = np.bincount(word_l, minlength=size) * np.bincount(word_r, minlength=size)
    common_l, common_r = pairs[word_l] > COMMON_KEY_PAIRS, pairs[word_r] > COMMON_KEY_PAIRS
    left = pd.DataFrame({"l": pos_l, "word": word_l})
    right = pd.DataFrame({"r": pos_r, "word": word_r})
    joined = [left[~common_l].merge(right[~common_r], on="word")[["l", "r"]]]
    if common_l.any() and common_r.any():
        alone_l = ~_holds(pos_l, ~common_l & (pairs[word_l] > 0))
        alone_r = ~_holds(pos_r, ~common_r & (pairs[word_r] > 0))
        joined += [
            _two_words(pos_l[common_l], word_l[common_l], size)
            .rename(columns={"name": "l"})
            .merge(
                _two_words(pos_r[common_r], word_r[common_r], size).rename(columns={"name": "r"}),
                on="word",
            )[["l", "r"]],
            left[common_l & alone_l].merge(right[common_r], on="word")[["l", "r"]],
            left[common_l].merge(right[common_r & alone_r], on="word")[["l", "r"]],
        ]
    found: pd.DataFrame = pd.concat(joined, ignore_index=True).drop_duplicates()
    return found


def _holds(positions: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each row (a name's position), whether its name has any of the rows `rows`."""
    has = np.zeros(int(positions.max(initial=-1)) + 1, dtype=bool)
    has[positions[rows]] = True
    return np.asarray(has[positions], dtype=bool)


def _two_words(names: np.ndarray, words: np.ndarray, size: int) -> pd.DataFrame:
    """(name, word): each name's words two at a time, as one number (words below `size`), so
    that two names sharing two of them meet."""
    order = np.lexsort((words, names))
    names, words = names[order], words[order]
    starts = np.flatnonzero(np.r_[True, names[1:] != names[:-1]])
    counts = np.diff(np.r_[starts, len(names)])
    first, second = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for many in np.unique(counts[counts > 1]).tolist():  # every pair (i < j) of a name's words
        runs = starts[counts == many]
        i, j = np.triu_indices(many, k=1)
        first.append((runs[:, None] + i).ravel())
        second.append((runs[:, None] + j).ravel())
    a, b = np.concatenate(first), np.concatenate(second)
    return pd.DataFrame({"name": names[a], "word": words[a] * size + words[b]})
