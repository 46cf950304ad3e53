"""What every app's demo content uses: an idempotent update of one record, the
translations of the demo's key content, and sample PDFs.

Each app keeps its own demo data in `<app>/demo_content.py` with a `load(counts)`
function; the project's `load_demo_content` command calls them bottom layer first.

The key content (the centre's mission, the home page's entries, the contact and
counselling pages, the support offers, the fields of work) is translated into every
language of the portal, so the demo shows what a centre that translates gets. German,
and the English written inline, stay in the demo data; the other translations live in one
gettext catalogue per language, `locale_demo/<language>.po`, whose msgids are the German
texts exactly as written there. The `demo_messages` command keeps the catalogues in step
with the data. Only the demo uses them: a centre translates its content in the admin.
"""

import contextlib
import functools
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.core.files.base import ContentFile

from portal.richtext import RichTextField, sanitize_html

CATALOGUES = Path(settings.BASE_DIR) / "locale_demo"

# While `collecting()` runs: every German text `translated()` saw, with the languages
# the catalogues must give it in.
_collected: list | None = None


@functools.cache
def _read_catalogue(path: Path, modified: int) -> dict[str, str]:
    with path.open("rb") as file:
        catalogue = read_po(file)
    return {
        message.id: message.string
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }


def catalogue(language: str) -> dict[str, str]:
    """The finished translations of `locale_demo/<language>.po`, German text to translation;
    empty without a catalogue. Read once per process, and again after the file changed."""
    path = CATALOGUES / f"{language}.po"
    if not path.exists():
        return {}
    return _read_catalogue(path, path.stat().st_mtime_ns)


def translated(translations: dict) -> dict:
    """`translations` (language -> field values, German among them) with every other
    language of the portal added whose catalogue translates all German values.

    All or nothing per language: a translation with some fields empty would show them
    empty instead of in German. Languages given inline win over the catalogues.
    """
    source = {name: value for name, value in translations[settings.LANGUAGE_CODE].items() if value}
    missing = [code for code, _name in settings.LANGUAGES if code not in translations]
    if not source:
        return translations
    if _collected is not None:
        _collected.extend((name, text, missing) for name, text in source.items())
    result = dict(translations)
    for language in missing:
        messages = catalogue(language)
        if all(text in messages for text in source.values()):
            result[language] = {name: messages[text] for name, text in source.items()}
    return result


@contextlib.contextmanager
def collecting():
    """Collects what `translated()` sees inside the block, as a list of (field name,
    German text, languages not given inline) triples, in the order seen."""
    global _collected
    _collected = collected = []
    try:
        yield collected
    finally:
        _collected = None


def apply(obj, values: dict | None = None, translations: dict | None = None) -> str:
    """Set the values and translations on obj; save it only if something differs.

    Returns "created", "updated" or "unchanged", for the summary. Rich text is compared
    in its sanitised form, the form in which it is stored. Without translations it also
    works for a model that has none.
    """
    changed = obj.pk is None
    status = "created" if changed else "updated"
    for name, value in (values or {}).items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    for language, fields in (translations or {}).items():
        existing = obj.get_translation(language) if obj.has_translation(language) else None
        obj.set_current_language(language)
        for name, value in fields.items():
            field = obj._parler_meta.get_model_by_field(name)._meta.get_field(name)
            if isinstance(field, RichTextField):
                value = sanitize_html(value)
            if existing is None or getattr(existing, name) != value:
                setattr(obj, name, value)
                changed = True
    if translations:
        obj.set_current_language(settings.LANGUAGE_CODE)
    if not changed:
        return "unchanged"
    obj.save()
    return status


def sample_pdf(title: str, *, issuer: str) -> bytes:
    """A one-page PDF that says it only stands in for the named paper of `issuer`
    (e.g. "der Stadt Oberhausen").

    Written by hand: five objects, an xref table with the byte offset of each, and the
    standard Helvetica font, so no PDF library is needed. The text is encoded as
    WinAnsi (cp1252), which covers German umlauts and typographic quotes.
    """
    lines = [
        ("F2", 18, "MUSTERDOKUMENT"),
        ("F1", 12, title),
        ("F1", 12, ""),
        ("F1", 12, "Dies ist nur ein Muster für die Demo des KI-Portals."),
        ("F1", 12, f"Es steht für das echte Papier {issuer} und enthält"),
        ("F1", 12, "nicht dessen Inhalt."),
        ("F1", 12, "Das echte Dokument erhalten Sie beim Kommunalen Integrationszentrum."),
    ]
    commands = ["BT", "72 770 Td", "20 TL"]
    for font, size, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"/{font} {size} Tf ({escaped}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def add_sample_document(documents, *, title: str, issuer: str, order: int = 0) -> str:
    """Adds a marked sample PDF standing in for the paper `title` to `documents`, the
    related manager of a `DownloadableDocument` model (e.g. `field.documents`).

    A sample that exists is left alone, so a second run stores no second file. Returns
    "created" or "unchanged", for the summary.
    """
    sample_title = f"{title} (Muster)"
    if documents.filter(title=sample_title).exists():
        return "unchanged"
    document = documents.model(
        **{documents.field.name: documents.instance},
        title=sample_title,
        file=ContentFile(sample_pdf(title, issuer=issuer), name="muster.pdf"),
        language=settings.LANGUAGE_CODE,
        is_accessible=False,
        order=order,
    )
    document.full_clean()
    document.save()
    return "created"
