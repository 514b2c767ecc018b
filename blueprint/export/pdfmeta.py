"""What a PDF says about itself: information fields, language, title shown by viewers, XMP metadata,
and dates that make the same document give the same bytes.

Reproducible: reportlab is run in its invariant mode (no clock, a fixed file id) and the dates written
are the document's own: `metadata.modified`, else `SOURCE_DATE_EPOCH` (the reproducible-builds
convention), else `metadata.created`; with none of them the PDF carries no dates at all rather than
today's. So a committed export changes only when the blueprint does.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

from blueprint import __version__
from blueprint.layout.text import clean
from blueprint.model import Blueprint
from blueprint.safetext import xml_text


def escape(text: str) -> str:
    """`&`, `<` and `>` as XML entities (what `xml.sax.saxutils.escape` does, without importing
    `xml.sax`, which imports `urllib.request`, `http.client` and `ssl`: 10 ms of every export)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def info_text(text: str) -> str:
    """Text for the document information fields: as drawn (`clean`: no control characters) and
    without soft hyphens. reportlab writes these fields in PDFDocEncoding when it can, where C1
    controls and U+00AD are undefined, and readers then garble the whole field."""
    return clean(text).replace("\u00ad", "")


def export_date(doc: Blueprint) -> datetime | None:
    """The date a PDF (or image) of `doc` carries: its modified time, else SOURCE_DATE_EPOCH, else its
    created time, else None."""
    modified = _parse(doc.metadata.modified)
    if modified is not None:
        return modified
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return _parse(doc.metadata.created)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def pdf_date(when: datetime) -> str:
    """`D:20261101090000+01'00'`: a PDF date with the time's own offset."""
    offset = when.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"D:{when:%Y%m%d%H%M%S}{sign}{hours:02d}'{rest:02d}'"


def xmp_date(when: datetime) -> str:
    """`2026-11-01T09:00:00+01:00` (XMP's date form, ISO 8601 with the offset)."""
    return when.replace(microsecond=0).isoformat()


def language(doc: Blueprint) -> str | None:
    """The document's BCP 47 language tag (format version 2's `metadata.language`), or None."""
    return doc.metadata.language or None


class _Info(PDFInfo):
    """reportlab's information dictionary with the document's dates, or none (never the clock)."""

    date: str | None = None

    def format(self, document):  # type: ignore[no-untyped-def]
        fields = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
        }
        if self.date is not None:
            fields["CreationDate"] = fields["ModDate"] = PDFString(self.date)
        return PDFDictionary(fields).format(document)


def describe(canvas: Canvas, doc: Blueprint, title: str | None = None) -> None:
    """Fill in the information fields (`title`, else the blueprint's), the language, DisplayDocTitle,
    the dates and the XMP packet. Call before drawing (reportlab digests the fields into the file id
    when it saves)."""
    info = _Info()
    canvas._doc.info = info  # no public way to choose the dates; reportlab < 6 (pinned) keeps this
    title = info_text(doc.title if title is None else title)
    author = info_text(doc.metadata.author or "")
    subject = info_text(doc.description.strip()) or "Service blueprint"
    keywords = info_text(", ".join(doc.metadata.tags))
    creator = f"Service Blueprint Studio {__version__}"
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator(creator)
    canvas.setKeywords(keywords)
    when = export_date(doc)
    info.date = pdf_date(when) if when is not None else None
    canvas.setViewerPreference("DisplayDocTitle", "true")  # viewers show the title, not the file name
    lang = language(doc)  # the catalogue's /Lang is set by the canvas (Canvas(lang=...))
    packet = xmp_packet(
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator=creator,
        producer=info.producer,
        when=when,
        lang=lang,
    )
    # an uncompressed stream, as PDF/A asks (reportlab's own XMP class is missing before 4.1)
    metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    canvas._doc.Catalog.Metadata = PDFStream(metadata, packet)


def xmp_packet(
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    creator: str,
    producer: str,
    when: datetime | None,
    lang: str | None,
) -> bytes:
    """The XMP metadata packet (UTF-8 RDF/XML) saying what the information dictionary says, as
    PDF/A-style checkers and asset managers expect to find it."""
    dates = language_tag = author_tag = ""
    if when is not None:
        stamp = xmp_date(when)
        dates = f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
    if lang:
        language_tag = f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>"
    if author:
        author_tag = f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>"
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
        f"{author_tag}"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt>'
        "</dc:description>"
        f"{language_tag}"
        f"<xmp:CreatorTool>{escape(creator)}</xmp:CreatorTool>"
        f"{dates}"
        f"<pdf:Producer>{escape(producer)}</pdf:Producer>"
        f"<pdf:Keywords>{escape(keywords)}</pdf:Keywords>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return xml_text(text).encode("utf-8")
