"""A password validator against a known word plus digits: "Sommer2026", "Willkommen123!".

Such passwords are long enough and not in Django's list of common passwords, yet they are
what an attacker tries first. The words come from predictable_words.txt, shipped with the
portal (no online service is asked); KI_PASSWORD_EXTRA_WORDS adds local ones.
"""

import functools
import unicodedata
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORD_LIST = Path(__file__).resolve().parent / "predictable_words.txt"


def _plain(text: str) -> str:
    """Lower case, without accents: "März" and "MARZ" are both "marz"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@functools.cache
def _shipped_words() -> tuple[str, ...]:
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class PredictablePasswordValidator:
    """Refuses a password whose letters are nothing but listed words, with any digits,
    spaces and punctuation around them: "Sommer2026!!", "2026sommer", "Passwort12345",
    "Hallo Welcome 1". A password with one word of its own passes."""

    # Letters beyond this many are no quick guess, whatever they spell.
    LONGEST = 64

    def __init__(self, extra_words=()):
        self.words = {_plain(word) for word in (*_shipped_words(), *extra_words) if word.strip()}

    def validate(self, password, user=None):
        letters = "".join(character for character in _plain(password) if character.isalpha())
        if letters and len(letters) <= self.LONGEST and self.made_of_words(letters):
            raise ValidationError(
                _(
                    "Dieses Passwort ist leicht zu erraten: Es besteht aus einem bekannten "
                    "Wort wie „Sommer“ oder „Willkommen“ mit Ziffern oder Zeichen. Wählen Sie "
                    "bitte zum Beispiel vier zufällige Wörter."
                ),
                code="password_predictable",
            )

    def made_of_words(self, letters: str) -> bool:
        """Whether `letters` is one or more listed words in a row ("sommersommer")."""
        # ends[i]: the first i letters are listed words in a row.
        ends = [True] + [False] * len(letters)
        for end in range(1, len(letters) + 1):
            ends[end] = any(
                ends[end - len(word)] and letters.startswith(word, end - len(word))
                for word in self.words
                if len(word) <= end
            )
        return ends[-1]

    def get_help_text(self):
        return _(
            "Ihr Passwort darf nicht nur aus einem bekannten Wort (Jahreszeit, Monat, "
            "„Passwort“, „Willkommen“ …) mit Ziffern oder Zeichen bestehen."
        )
