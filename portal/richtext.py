"""Rich text written by staff: edited with the prose editor, sanitised with nh3 on every save.

The allow-list is deliberately small (DESIGN.md § 1): paragraphs, headings h2 to h4,
lists, links, strong, em and blockquote. Sanitising happens on the server whatever
the editor sent, so a hand-made POST cannot store a script.
"""

import nh3
from django_prose_editor.fields import ProseEditorField

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
}


def sanitize_html(html: str) -> str:
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    # The editor leaves one empty paragraph in an empty field.
    return "" if cleaned.strip() in {"", "<p></p>"} else cleaned


class RichTextField(ProseEditorField):
    """A text field holding sanitised HTML, edited with the prose editor in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs["sanitize"] = sanitize_html
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
