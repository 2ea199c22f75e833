"""Worksheet functions that check and write Indian identifiers and amounts (classic add-in names:
XLBO_…; in xlwings Lite: XLBO.…). Each takes one cell or a whole column and answers in kind."""

from typing import Any

import xlwings as xw

from xlbo.excel import functions

KIND = "PAN, GSTIN, TAN, IFSC, AADHAAR, UAN, MOBILE, PIN or EMAIL"


@xw.func
@xw.arg("values", ndim=2, doc="The cell or column to check")
@xw.arg("kind", doc=KIND)
def XLBO_VALIDATE(values: Any, kind: Any) -> Any:
    """Why an identifier is not valid, or empty text when it is: =XLBO_VALIDATE(A2:A500, "GSTIN")."""
    return functions.validate(values, kind)


@xw.func
@xw.arg("values", ndim=2, doc="The cell or column to check")
@xw.arg("kind", doc=KIND)
def XLBO_IS_VALID(values: Any, kind: Any) -> Any:
    """TRUE when an identifier is valid, else FALSE: =XLBO_IS_VALID(B2, "PAN")."""
    return functions.is_valid(values, kind)


@xw.func
@xw.arg("values", ndim=2, doc="The cell or column to write the standard way")
@xw.arg("kind", doc=KIND)
def XLBO_NORMALIZE(values: Any, kind: Any) -> Any:
    """An identifier written the standard way: upper case, no spaces; Aadhaar in fours."""
    return functions.normalize(values, kind)


@xw.func
@xw.arg("values", ndim=2, doc="A GSTIN, or a column of them")
def XLBO_GSTIN_STATE(values: Any) -> Any:
    """The state a GSTIN is registered in: 27AAPFU0939F1ZV → Maharashtra."""
    return functions.gstin_state(values)


@xw.func
@xw.arg("values", ndim=2, doc="A GSTIN, or a column of them")
def XLBO_GSTIN_PAN(values: Any) -> Any:
    """The PAN inside a GSTIN: 27AAPFU0939F1ZV → AAPFU0939F."""
    return functions.gstin_pan(values)


@xw.func
@xw.arg("values", ndim=2, doc="An amount in rupees, or a column of them")
@xw.arg("language", doc='Optional: "en" (English, the default) or "hi" (Hindi)')
def XLBO_AMOUNT_IN_WORDS(values: Any, language: Any = None) -> Any:
    """An amount in words: 125000.50 → Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only;
    =XLBO_AMOUNT_IN_WORDS(A2, "hi") → रुपये एक लाख पच्चीस हज़ार और पचास पैसे मात्र."""
    return functions.amount_in_words(values, language)


@xw.func
@xw.arg("values", ndim=2, doc="An amount, or a column of them")
def XLBO_INR(values: Any) -> Any:
    """An amount as text with Indian grouping: 1234567.5 → 12,34,567.50."""
    return functions.inr(values)


@xw.func
@xw.arg("taxable", ndim=2, doc="Taxable value (a cell or a column)")
@xw.arg("rate", ndim=2, doc="GST rate, e.g. 18%")
@xw.arg("supplier_state", ndim=2, doc="Supplier's state, GST state code or GSTIN")
@xw.arg("place_of_supply", ndim=2, doc="Place of supply: state, code or the buyer's GSTIN")
def XLBO_GST_SPLIT(taxable: Any, rate: Any, supplier_state: Any, place_of_supply: Any) -> Any:
    """CGST, SGST (or UTGST) and IGST as a row: same state splits the rate, else all IGST."""
    return functions.gst_split(taxable, rate, supplier_state, place_of_supply)
