"""A letter as an e-mail draft (.eml) for the user's own mail client to send: To the address on
the master row, From the Company sheet's e-mail, the subject the template's title (or
`--subject`), a short note in the letter's language, and the letter attached. The draft is
marked unsent (`X-Unsent: 1`), so Outlook opens it ready to edit and send; Thunderbird and
Apple Mail open it as a message to forward or "edit as new".

    >>> draft = letter_mail(
    ...     to="asha@example.in", sender="accounts@sahyadri.in", subject="Appointment Letter",
    ...     note="Please find your letter attached.", attachment=b"%PDF-1.7", filename="E001.pdf",
    ... )
    >>> draft["To"], draft.get_content_type()
    ('asha@example.in', 'multipart/mixed')
"""

from __future__ import annotations

import mimetypes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path

KINDS = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
"""Attachments' types, whatever the machine's own table knows (Windows' may lack .docx)."""

NOTES = {
    "en": "Dear {name},\n\nPlease find attached {title}.\n\nRegards,\n{company}\n",
    "hi": "प्रिय {name},\n\nकृपया संलग्न {title} देखें।\n\nसादर,\n{company}\n",
}
"""The mail's text, by language (the letter itself is the attachment)."""


def valid_address(text: str) -> bool:
    """True for one plain address (name@domain.tld) that a mail header can hold."""
    try:
        address = Address(addr_spec=text.strip())
    except (ValueError, IndexError, TypeError):
        return False
    return bool(address.username and "." in address.domain and "\n" not in text)


def letter_mail(
    *,
    to: str,
    sender: str,
    subject: str,
    note: str,
    attachment: bytes,
    filename: str,
) -> EmailMessage:
    """The draft of one letter's mail (`to` must pass `valid_address`; `sender` may be '')."""
    message = EmailMessage(policy=SMTP)
    message["To"] = to.strip()
    if sender and valid_address(sender):
        message["From"] = sender.strip()
    message["Subject"] = " ".join(subject.split())
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="xlbo.local")
    message["X-Unsent"] = "1"
    message.set_content(note)
    kind = KINDS.get(Path(filename).suffix.lower()) or (
        mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )
    main, _, sub = kind.partition("/")
    message.add_attachment(attachment, maintype=main, subtype=sub, filename=filename)
    return message
