"""Reading multipart/form-data request bodies (file uploads, audio)."""

from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP


@dataclass
class Form:
    """The fields of a form: plain values, and uploaded files as (file name, bytes)."""

    values: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


def parse_form(content_type: str, body: bytes) -> Form:
    """Parse a multipart body; an unparseable one gives an empty form."""
    form = Form()
    if not content_type.startswith("multipart/form-data"):
        return form
    document = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\nMIME-Version: 1.0\r\n\r\n" + body
    )
    if not document.is_multipart():
        return form
    for part in document.iter_parts():
        add_part(form, part)
    return form


def add_part(form: Form, part: Message) -> None:
    name = part.get_param("name", header="content-disposition")
    if not isinstance(name, str):
        return
    payload = part.get_payload(decode=True)
    content = payload if isinstance(payload, bytes) else b""
    filename = part.get_filename()
    if filename is not None:
        form.files[name] = (filename, content)
    else:
        form.values[name] = content.decode(errors="replace")
