"""Model fields whose values are stored encrypted, with the keys of FIELD_ENCRYPTION_KEY.

A value is stored as the text of a Fernet token (AES-128-CBC with an HMAC), the format
django-encrypted-model-fields wrote before, so data written by it is read unchanged. The
first key encrypts, every key decrypts (`MultiFernet`), which is how keys are rotated: a
new key goes in front, `reencrypt_counselling_data` moves everything to it, the old key
goes. An empty value is stored empty.

A stored value that no configured key decrypts raises `UndecryptableError` when it is
read: a wrong or missing key must never show staff ciphertext as if it were the data, or
let a rotation encrypt ciphertext a second time.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver


class UndecryptableError(Exception):
    """A stored value that none of the configured keys decrypts: the key is wrong or missing.

    Its message names the field, never the value."""


@functools.cache
def keys() -> MultiFernet:
    """The keys of FIELD_ENCRYPTION_KEY, read once (again after the setting changes)."""
    configured = settings.FIELD_ENCRYPTION_KEY
    if not configured:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY holds no key.")
    try:
        return MultiFernet([Fernet(key) for key in configured])
    except (TypeError, ValueError) as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY holds a value that is not a Fernet key "
            "(32 bytes, URL-safe base64; `manage.py generate_encryption_key` makes one)."
        ) from error


@receiver(setting_changed)
def forget_keys(*, setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEY":
        keys.cache_clear()


def encrypt(text: str) -> str:
    """The token of `text` under the first key."""
    return keys().encrypt(text.encode()).decode()


def decrypt(token: str, *, source: str = "a value") -> str:
    """The text of a token made with any of the keys; `source` names it in the error."""
    try:
        return keys().decrypt(token.encode()).decode()
    except InvalidToken:
        raise UndecryptableError(
            f"{source} cannot be decrypted with any key of FIELD_ENCRYPTION_KEY."
        ) from None


class EncryptedMixin:
    """Encrypts a text field's value on its way into the database, decrypts it on its way out.

    The column is a text column whatever the field: a token is about 1.4 times as long as
    the text plus 100 characters. `max_length` still bounds the text, in forms and
    `full_clean()`, and stays out of migrations, as it did with the earlier library.
    Lookups would compare tokens: only clear-text fields can be searched.
    """

    def get_internal_type(self):
        return "TextField"

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt(value, source=f"{self.model._meta.label}.{self.name}")

    def get_db_prep_save(self, value, connection):
        value = super().get_db_prep_save(value, connection)
        if not value:
            return value
        return encrypt(str(value))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs


class EncryptedCharField(EncryptedMixin, models.CharField):
    pass


class EncryptedTextField(EncryptedMixin, models.TextField):
    pass
