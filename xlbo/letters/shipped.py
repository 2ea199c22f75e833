"""The letters xlbo ships, each in English and Hindi, written as Word templates by code
(python-docx) so that no tag is ever split: `xlbo letters --template appointment --out
appointment.docx` writes one to start from, and `xlbo letters appointment --data master.xlsx`
merges it straight away (each row in its own language: the row's `Language` column, else the
Company sheet's, else English).

| name | rows of | what it says |
|---|---|---|
| appointment | Employees | appointment letter (OSH Code 2020 s.6(1)(f)): post, date of joining, wages, PF/ESI numbers |
| experience | Employees | experience and relieving letter: from when to when, last post |
| salary-certificate | Employees | salary paid month by month, from the payroll registers (`--payroll FOLDER`) |
| payment-reminder | Customers | the customer's invoices past their credit days, from the Journal's ageing (`--books`) |
| payment-advice | Vendors | what was paid to the vendor in the month, from the Journal (`--books`) |
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from xlbo.words import Language

LATIN_FONT = "Noto Sans"
DEVANAGARI_FONT = "Noto Sans Devanagari"
"""Fonts named in the templates; Word without them takes its own Devanagari font (Nirmala UI,
Mangal), LibreOffice with fonts-noto-core prints these."""


class Needs(StrEnum):
    """Figures a letter needs beyond its row."""

    NOTHING = "nothing"
    OVERDUE = "overdue"
    """The customer's overdue invoices (`overdue`, `overdue_total`): the books' Journal."""
    SALARY = "salary"
    """The months paid (`salary`, `salary_total`, `salary_period`): the payroll registers."""
    PAYMENTS = "payments"
    """What was paid to the vendor in the month (`payments`, `paid_total`, `settled_total`,
    `tds_total`): the Journal."""


@dataclass(frozen=True)
class Shipped:
    """One of xlbo's own templates."""

    name: str
    sheet: str
    titles: tuple[str, str]
    """English and Hindi title (the document's title, and the mail's subject)."""
    needs: Needs
    body: Callable[[_Writer, Language], None]

    def title(self, language: Language) -> str:
        return self.titles[0] if language is Language.EN else self.titles[1]

    def docx(self, language: Language) -> bytes:
        """The template in `language`, as the bytes of a .docx."""
        writer = _Writer(language, self.title(language))
        self.body(writer, language)
        return writer.save()


def _bold(run: object) -> None:
    """Bold for Latin and Devanagari text alike (Word keeps a bold of its own, w:bCs, for
    complex scripts)."""
    from docx.oxml import OxmlElement

    run.bold = True  # type: ignore[attr-defined]
    run._r.get_or_add_rPr().append(OxmlElement("w:bCs"))  # type: ignore[attr-defined]


class _Writer:
    """A letter page built paragraph by paragraph, fonts set for Latin and Devanagari text."""

    def __init__(self, language: Language, title: str) -> None:
        from docx import Document
        from docx.shared import Cm, Pt

        self.language = language
        self.document = Document()
        self.document.core_properties.title = title
        self.document.core_properties.author = "xlbo"
        self.document.core_properties.language = f"{language.value}-IN"
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
        style = self.document.styles["Normal"]
        style.font.size = Pt(10)
        self._fonts(style.element.get_or_add_rPr(), size=20)
        style.paragraph_format.space_after = Pt(3)
        table_style = self.document.styles["Table Grid"]
        self._fonts(table_style.element.get_or_add_rPr(), size=19)
        footer = section.footer.paragraphs[0]
        footer.text = "{{ company.Name }}"
        self._small(footer)

    @staticmethod
    def _fonts(properties: object, size: int) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rpr = properties
        fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)  # type: ignore[attr-defined]
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(key), LATIN_FONT)
        fonts.set(qn("w:cs"), DEVANAGARI_FONT)
        for tag in ("w:szCs",):
            element = rpr.find(qn(tag))  # type: ignore[attr-defined]
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)  # type: ignore[attr-defined]
            element.set(qn("w:val"), str(size))
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "en-IN")
        language.set(qn("w:bidi"), "hi-IN")
        rpr.append(language)  # type: ignore[attr-defined]

    @staticmethod
    def _small(paragraph: object) -> None:
        from docx.shared import Pt

        for run in paragraph.runs:  # type: ignore[attr-defined]
            run.font.size = Pt(8)

    def line(self, text: str, *, bold: bool = False, size: float = 0, align: str = "") -> None:
        """A paragraph of one run (a tag is never split: it is written in one piece)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(text)
        if bold:
            _bold(run)
        if size:
            run.font.size = Pt(size)
            szcs = OxmlElement("w:szCs")
            from docx.oxml.ns import qn

            szcs.set(qn("w:val"), str(int(size * 2)))
            run._r.get_or_add_rPr().append(szcs)
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "justify":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def gap(self) -> None:
        self.document.add_paragraph()

    def letterhead(self) -> None:
        self.line("{{ company.Name }}", bold=True, size=15, align="center")
        self.line("{{ company.Address }}", align="center")
        self.line("{{ company.contact }}", size=8.5, align="center")
        self.gap()

    def particulars(self, rows: Sequence[tuple[str, str]]) -> None:
        """A two-column table of label and value."""
        from docx.shared import Cm

        table = self.document.add_table(rows=0, cols=2)
        table.style = self.document.styles["Table Grid"]
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
            cells[0].width, cells[1].width = Cm(6), Cm(10.5)
        self.gap()

    def listing(
        self,
        headers: Sequence[str],
        loop: str,
        cells: Sequence[str],
        totals: Sequence[str],
        text_columns: int = 1,
    ) -> None:
        """A table with a header row, a row per item (`{%tr for … %}`) and a totals row; the
        first `text_columns` columns are text, the rest figures (right-aligned)."""
        table = self.document.add_table(rows=4, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        for index, header in enumerate(headers):
            table.rows[0].cells[index].text = header
            for run in table.rows[0].cells[index].paragraphs[0].runs:
                _bold(run)
        table.rows[1].cells[0].text = "{%tr for item in " + loop + " %}"
        for index, cell in enumerate(cells):
            table.rows[2].cells[index].text = cell
        table.rows[3].cells[0].text = "{%tr endfor %}"
        totals_row = table.add_row().cells
        for index, cell in enumerate(totals):
            totals_row[index].text = cell
            for run in totals_row[index].paragraphs[0].runs:
                _bold(run)
        for row in table.rows:  # amounts right-aligned
            for cell in row.cells[text_columns:]:
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.gap()

    def signature(self, english: bool) -> None:
        self.gap()
        self.line(("For " if english else "कृते ") + "{{ company.Name }}", bold=True)
        self.gap()
        self.line("Authorised Signatory" if english else "प्राधिकृत हस्ताक्षरकर्ता")

    def save(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _date_line(w: _Writer, english: bool) -> None:
    w.line(("Date: " if english else "दिनांक: ") + "{{ today }}", align="right")


def _appointment(w: _Writer, language: Language) -> None:
    en = language is Language.EN
    w.letterhead()
    _date_line(w, en)
    w.line("To," if en else "सेवा में,")
    w.line("{{ Name }}", bold=True)
    w.line("Employee ID: {{ Employee_ID }}" if en else "कर्मचारी कोड: {{ Employee_ID }}")
    w.gap()
    w.line(
        "Subject: Appointment as {{ Designation }}"
        if en
        else "विषय: {{ Designation }} पद पर नियुक्ति",
        bold=True,
    )
    w.line("Dear {{ Name }}," if en else "प्रिय {{ Name }},")
    w.line(
        "We are pleased to appoint you as {{ Designation }} in the {{ Department }} department "
        "of {{ company.Name }} with effect from {{ Date_of_Joining }}, on the terms below. This "
        "letter of appointment is issued under section 6(1)(f) of the Occupational Safety, "
        "Health and Working Conditions Code, 2020."
        if en
        else "हमें आपको {{ company.Name }} के {{ Department }} विभाग में {{ Designation }} के पद पर "
        "{{ Date_of_Joining }} से नियुक्त करते हुए प्रसन्नता है; शर्तें नीचे दी गई हैं। यह नियुक्ति "
        "पत्र उपजीविकाजन्य सुरक्षा, स्वास्थ्य और कार्यदशा संहिता, 2020 की धारा 6(1)(च) के अंतर्गत "
        "जारी किया जाता है।",
        align="justify",
    )
    labels = (
        [
            "Name",
            "Father's or spouse's name",
            "Designation",
            "Department",
            "Place of work (State)",
            "Date of joining",
            "Aadhaar",
            "UAN (EPF)",
            "ESI number",
            "Basic pay a month",
            "Dearness allowance a month",
            "House rent allowance a month",
            "Special and other allowances a month",
            "Gross wages a month",
        ]
        if en
        else [
            "नाम",
            "पिता या पति/पत्नी का नाम",
            "पद",
            "विभाग",
            "कार्यस्थल (राज्य)",
            "कार्यग्रहण की तिथि",
            "आधार",
            "यूएएन (ईपीएफ)",
            "ईएसआई संख्या",
            "मूल वेतन प्रति माह",
            "महँगाई भत्ता प्रति माह",
            "मकान किराया भत्ता प्रति माह",
            "विशेष एवं अन्य भत्ते प्रति माह",
            "कुल मासिक वेतन",
        ]
    )
    values = [
        "{{ Name }}",
        "{{ row.get(\"Father's Name\", '') }}",
        "{{ Designation }}",
        "{{ Department }}",
        "{{ Work_State }}",
        "{{ Date_of_Joining }}",
        "{{ Aadhaar|mask }}",
        "{{ UAN }}",
        "{{ ESI_Number }}",
        "{{ Basic|inr }}",
        "{{ DA|inr }}",
        "{{ HRA|inr }}",
        "{{ Allowances|inr }}",
        "{{ Monthly_Gross|inr }} ({{ Monthly_Gross|words }})",
    ]
    w.particulars(list(zip(labels, values, strict=True)))
    w.line(
        "Your wages are paid every month, before the 7th of the next month, into your bank "
        "account; provident fund, ESI, professional tax and income tax are deducted as the law "
        "requires. Please sign the copy of this letter to accept the appointment."
        if en
        else "आपका वेतन हर माह, अगले माह की 7 तारीख से पहले, आपके बैंक खाते में जमा किया जाएगा; भविष्य "
        "निधि, ईएसआई, व्यवसाय कर और आयकर नियमानुसार काटे जाएँगे। नियुक्ति स्वीकार करने के लिए कृपया "
        "इस पत्र की प्रति पर हस्ताक्षर करें।",
        align="justify",
    )
    w.signature(en)
    w.gap()
    w.line(
        "Accepted: ____________________  ({{ Name }})"
        if en
        else "स्वीकृत: ____________________  ({{ Name }})"
    )


def _experience(w: _Writer, language: Language) -> None:
    en = language is Language.EN
    w.letterhead()
    _date_line(w, en)
    w.line("TO WHOM IT MAY CONCERN" if en else "जिसके लिए भी लागू हो", bold=True, align="center")
    w.gap()
    w.line(
        "This is to certify that {{ Name }} (Employee ID {{ Employee_ID }}) worked with "
        "{{ company.Name }} from {{ Date_of_Joining }}{% if Date_of_Leaving %} to "
        "{{ Date_of_Leaving }}{% else %} and is still with us on {{ today }}{% endif %}, last as "
        "{{ Designation }} in the {{ Department }} department."
        if en
        else "प्रमाणित किया जाता है कि {{ Name }} (कर्मचारी कोड {{ Employee_ID }}) ने {{ company.Name }} "
        "में {{ Date_of_Joining }} से{% if Date_of_Leaving %} {{ Date_of_Leaving }} तक{% else %} "
        "{{ today }} तक निरंतर{% endif %} कार्य किया है; अंतिम पद {{ Department }} विभाग में "
        "{{ Designation }} रहा।",
        align="justify",
    )
    w.line(
        "{% if Date_of_Leaving %}They were relieved of their duties at the close of work on "
        "{{ Date_of_Leaving }}, having handed over charge.{% endif %} We wish them success in "
        "their career."
        if en
        else "{% if Date_of_Leaving %}कार्यभार सौंपने के बाद उन्हें {{ Date_of_Leaving }} को कार्यसमाप्ति पर "
        "कार्यमुक्त किया गया।{% endif %} हम उनके उज्ज्वल भविष्य की कामना करते हैं।",
        align="justify",
    )
    w.signature(en)


def _salary_certificate(w: _Writer, language: Language) -> None:
    en = language is Language.EN
    w.letterhead()
    _date_line(w, en)
    w.line("SALARY CERTIFICATE" if en else "वेतन प्रमाण पत्र", bold=True, size=12, align="center")
    w.gap()
    w.line(
        "This is to certify that {{ Name }} (Employee ID {{ Employee_ID }}, PAN {{ PAN }}) is "
        "employed with {{ company.Name }} as {{ Designation }} since {{ Date_of_Joining }}. "
        "The salary paid for {{ salary_period }}, as in our payroll registers, is:"
        if en
        else "प्रमाणित किया जाता है कि {{ Name }} (कर्मचारी कोड {{ Employee_ID }}, पैन {{ PAN }}) "
        "{{ Date_of_Joining }} से {{ company.Name }} में {{ Designation }} के पद पर कार्यरत हैं। "
        "{{ salary_period }} में उन्हें हमारे वेतन रजिस्टर के अनुसार यह वेतन दिया गया:",
        align="justify",
    )
    headers = (
        ["Month", "Gross", "PF", "ESI", "PT", "TDS", "Net pay"]
        if en
        else ["माह", "कुल वेतन", "भविष्य निधि", "ईएसआई", "व्यवसाय कर", "टीडीएस", "शुद्ध वेतन"]
    )
    w.listing(
        headers,
        "salary",
        [
            "{{ item.month }}",
            "{{ item.gross }}",
            "{{ item.pf }}",
            "{{ item.esi }}",
            "{{ item.pt }}",
            "{{ item.tds }}",
            "{{ item.net }}",
        ],
        [
            "Total" if en else "योग",
            "{{ salary_total.gross }}",
            "{{ salary_total.pf }}",
            "{{ salary_total.esi }}",
            "{{ salary_total.pt }}",
            "{{ salary_total.tds }}",
            "{{ salary_total.net }}",
        ],
    )
    w.line(
        "Net pay for the period: {{ salary_total.net|inr }} ({{ salary_total.net|words }})."
        if en
        else "इस अवधि का शुद्ध वेतन: {{ salary_total.net|inr }} ({{ salary_total.net|words }})।"
    )
    w.line(
        "This certificate is issued at the employee's request."
        if en
        else "यह प्रमाण पत्र कर्मचारी के अनुरोध पर जारी किया गया है।"
    )
    w.signature(en)


def _payment_reminder(w: _Writer, language: Language) -> None:
    en = language is Language.EN
    w.letterhead()
    _date_line(w, en)
    w.line("To," if en else "सेवा में,")
    w.line("{{ Name }}", bold=True)
    w.line("{{ Address }}")
    w.line("GSTIN: {{ GSTIN }}" if en else "जीएसटीआईएन: {{ GSTIN }}")
    w.gap()
    w.line(
        "Subject: Payment overdue as on {{ as_at }}" if en else "विषय: {{ as_at }} तक बकाया भुगतान",
        bold=True,
    )
    w.line("Dear Sir or Madam," if en else "महोदय/महोदया,")
    w.line(
        "Our books show these invoices unpaid beyond your credit period of {{ Credit_Days }} days:"
        if en
        else "हमारे खातों के अनुसार ये बीजक आपकी {{ Credit_Days }} दिन की उधार अवधि के बाद भी बकाया हैं:",
        align="justify",
    )
    w.listing(
        (
            ["Invoice", "Date", "Due on", "Days overdue", "Amount due"]
            if en
            else ["बीजक", "दिनांक", "देय तिथि", "विलंब (दिन)", "बकाया राशि"]
        ),
        "overdue",
        [
            "{{ item.invoice }}",
            "{{ item.date }}",
            "{{ item.due }}",
            "{{ item.days }}",
            "{{ item.amount }}",
        ],
        ["Total" if en else "योग", "", "", "", "{{ overdue_total }}"],
    )
    w.line(
        "Total overdue: {{ overdue_total|inr }} ({{ overdue_total|words }}). Please arrange the "
        "payment at the earliest. If you have paid already, kindly send us the payment's date "
        "and UTR so that we can match it."
        if en
        else "कुल बकाया: {{ overdue_total|inr }} ({{ overdue_total|words }})। कृपया शीघ्र भुगतान "
        "करें। यदि भुगतान हो चुका है, तो मिलान के लिए कृपया भुगतान की तिथि और यूटीआर भेजें।",
        align="justify",
    )
    w.signature(en)


def _payment_advice(w: _Writer, language: Language) -> None:
    en = language is Language.EN
    w.letterhead()
    _date_line(w, en)
    w.line("To," if en else "सेवा में,")
    w.line("{{ Name }}", bold=True)
    w.line("{{ Address }}")
    w.gap()
    w.line(
        "Subject: Payment advice for {{ period }}" if en else "विषय: {{ period }} की भुगतान सूचना",
        bold=True,
    )
    w.line("Dear Sir or Madam," if en else "महोदय/महोदया,")
    w.line(
        "We have paid you as below, into your account {{ Bank_Account|mask }} (IFSC {{ IFSC }}):"
        if en
        else "हमने आपके खाते {{ Bank_Account|mask }} (आईएफएससी {{ IFSC }}) में यह भुगतान किया है:",
        align="justify",
    )
    w.listing(
        (
            ["Date", "Voucher", "Particulars", "Settled", "TDS", "Paid"]
            if en
            else ["दिनांक", "वाउचर", "विवरण", "निपटाई राशि", "टीडीएस", "भुगतान"]
        ),
        "payments",
        [
            "{{ item.date }}",
            "{{ item.voucher }}",
            "{{ item.narration }}",
            "{{ item.settled }}",
            "{{ item.tds }}",
            "{{ item.amount }}",
        ],
        [
            "Total" if en else "योग",
            "",
            "",
            "{{ settled_total }}",
            "{{ tds_total }}",
            "{{ paid_total }}",
        ],
        text_columns=3,
    )
    w.line(
        "Total paid: {{ paid_total|inr }} ({{ paid_total|words }}).{% if tds_total %} Tax "
        "deducted at source: {{ tds_total|inr }}, deposited against your PAN {{ PAN }}; it "
        "shows in your Form 26AS.{% endif %}"
        if en
        else "कुल भुगतान: {{ paid_total|inr }} ({{ paid_total|words }})।{% if tds_total %} स्रोत पर "
        "काटा गया कर: {{ tds_total|inr }}, आपके पैन {{ PAN }} में जमा; यह आपके फ़ॉर्म 26AS में "
        "दिखेगा।{% endif %}",
        align="justify",
    )
    w.signature(en)


SHIPPED: dict[str, Shipped] = {
    t.name: t
    for t in (
        Shipped(
            "appointment",
            "Employees",
            ("Appointment Letter", "नियुक्ति पत्र"),
            Needs.NOTHING,
            _appointment,
        ),
        Shipped(
            "experience",
            "Employees",
            ("Experience and Relieving Letter", "अनुभव एवं कार्यमुक्ति पत्र"),
            Needs.NOTHING,
            _experience,
        ),
        Shipped(
            "salary-certificate",
            "Employees",
            ("Salary Certificate", "वेतन प्रमाण पत्र"),
            Needs.SALARY,
            _salary_certificate,
        ),
        Shipped(
            "payment-reminder",
            "Customers",
            ("Payment Reminder", "भुगतान अनुस्मारक"),
            Needs.OVERDUE,
            _payment_reminder,
        ),
        Shipped(
            "payment-advice",
            "Vendors",
            ("Payment Advice", "भुगतान सूचना"),
            Needs.PAYMENTS,
            _payment_advice,
        ),
    )
}
"""xlbo's letters, by the name `xlbo letters NAME` takes."""
