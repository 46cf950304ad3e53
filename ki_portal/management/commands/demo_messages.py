import contextlib
from collections import Counter
from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from parler import appsettings as parler_settings

from ki_portal.management.commands.load_demo_content import APPS
from portal import demo

TEMPLATE = "demo.pot"
HEADER = {
    "project": "KI-Portal demo content",
    "version": "1",
    "header_comment": (
        "# The demo's key content, translated (see portal/demo.py).\n"
        "# Each msgid is a German text exactly as in the demo data."
    ),
    "fuzzy": False,
}


def collect() -> dict[str, tuple[set, list]]:
    """Every German text of the key content, in the order loaded: the languages it must be
    translated into (those not given inline) and the comments for the translators.

    Loads the demo content in a transaction that is rolled back, with the sample files
    kept in memory and parler's cache of translations off, so the database, the media
    folder and the cache stay as they were.
    """
    texts = {}
    in_memory = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    with (
        demo.collecting() as collected,
        override_settings(STORAGES=settings.STORAGES | in_memory),
        without_parler_cache(),
        transaction.atomic(),
    ):
        for app in APPS:
            app.load(Counter())
        transaction.set_rollback(True)
    for name, text, languages in collected:
        needed, _comments = texts.setdefault(text, (set(), comments(name, text)))
        needed.update(languages)
    return texts


@contextlib.contextmanager
def without_parler_cache():
    """parler caches each translation it saves, and a rollback does not undo that: the
    pages would show the texts of a load that was rolled back."""
    enabled = parler_settings.PARLER_ENABLE_CACHING
    parler_settings.PARLER_ENABLE_CACHING = False
    try:
        yield
    finally:
        parler_settings.PARLER_ENABLE_CACHING = enabled


def comments(name: str, text: str) -> list[str]:
    notes = [f"Field: {name}"]
    if text.startswith("<"):
        notes.append("HTML: translate the text between the tags and keep every tag.")
    if "\n" in text:
        notes.append("One item per line: keep the line breaks.")
    return notes


def template(texts: dict, language: str | None = None) -> Catalog:
    """The catalogue of the German texts, or of those `language` needs."""
    catalogue = Catalog(**HEADER)
    for text, (languages, notes) in texts.items():
        if language is None or language in languages:
            catalogue.add(text, auto_comments=notes)
    return catalogue


def django_plural_forms(language: str) -> str:
    """The Plural-Forms header of Django's own catalogue for `language`."""
    path = Path(django.__file__).parent / "conf" / "locale" / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as file:
        return read_po(file).plural_forms


def entries(catalogue: Catalog) -> list:
    return [
        (message.id, message.string or "", message.fuzzy, message.auto_comments)
        for message in catalogue
        if message.id
    ]


class Command(BaseCommand):
    help = (
        "Writes locale_demo/demo.pot with every German text of the demo's key content and "
        "merges it into each locale_demo/<language>.po: a new text comes in empty, a changed "
        "one fuzzy, until a translator finishes it. --init creates the catalogues of new "
        "languages."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--init",
            nargs="+",
            default=[],
            metavar="LANGUAGE",
            help="Also create empty catalogues for these languages.",
        )
        parser.add_argument(
            "--directory",
            type=Path,
            default=demo.CATALOGUES,
            help="Where the catalogues are (default: locale_demo).",
        )

    def handle(self, *args, **options):
        directory = options["directory"]
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        unknown = set(options["init"]) - set(languages)
        if unknown:
            raise CommandError(f"Not a language of the portal: {', '.join(sorted(unknown))}")
        directory.mkdir(parents=True, exist_ok=True)
        texts = collect()
        self.write(directory / TEMPLATE, template(texts))
        for language in languages:
            path = directory / f"{language}.po"
            if path.exists():
                with path.open("rb") as file:
                    catalogue = read_po(file, locale=language)
            elif language in options["init"]:
                catalogue = Catalog(locale=language, **HEADER)
                catalogue.mime_headers = [("Plural-Forms", django_plural_forms(language))]
            else:
                continue
            catalogue.update(template(texts, language), update_creation_date=False)
            self.write(path, catalogue)

    def write(self, path: Path, catalogue: Catalog) -> None:
        """Writes the catalogue unless its entries are the same as the file's, so a run
        without changes leaves the files (and their dates) alone."""
        if path.exists():
            with path.open("rb") as file:
                if entries(read_po(file)) == entries(catalogue):
                    self.stdout.write(f"{path.name}: unchanged")
                    return
        with path.open("wb") as file:
            write_po(file, catalogue, ignore_obsolete=True)
        fuzzy = sum(message.fuzzy for message in catalogue if message.id)
        empty = sum(not message.string for message in catalogue if message.id)
        self.stdout.write(
            f"{path.name}: {len(catalogue)} texts, {empty} untranslated, {fuzzy} fuzzy"
        )
