"""The second factor: who must use one, the devices, the recovery codes, access to the admin.

A person's second factor is an authenticator app (a confirmed django-otp `TOTPDevice`) and
single-use recovery codes (the tokens of one `StaticDevice`). Verifying a code goes through
`django_otp.verify_token`, so django-otp's throttling of wrong codes per device applies.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.groups import ADMINISTRATION_GROUP, COUNSELLING_GROUP, DATA_PROTECTION_GROUP

# Whoever can read counselling requests, the access log, or change users and groups.
REQUIRED_GROUPS = (COUNSELLING_GROUP, DATA_PROTECTION_GROUP, ADMINISTRATION_GROUP)
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "App"
RECOVERY_DEVICE_NAME = "Recovery codes"


def required_for(user) -> bool:
    """Superusers and members of the groups above. One query unless the user is a superuser."""
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def has_device(user) -> bool:
    """Whether the person has set up a second factor (a confirmed app or recovery codes).
    One query, where django-otp's `user_has_device` asks once per kind of device."""
    confirmed = {"user": OuterRef("pk"), "confirmed": True}
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Exists(TOTPDevice.objects.filter(**confirmed))
            | Exists(StaticDevice.objects.filter(**confirmed))
        )
        .exists()
    )


def needs_setup(user) -> bool:
    """Must use a second factor and has none yet: the admin stays closed until it is set up."""
    return required_for(user) and not has_device(user)


def admin_allowed(user) -> bool:
    """Active staff who confirmed a second factor in this session, or who need none and have
    none. `user` is `request.user` behind django-otp's OTPMiddleware."""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_verified():
        return True
    return not required_for(user) and not has_device(user)


def app_device(user) -> TOTPDevice | None:
    """The person's confirmed authenticator app, if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def unconfirmed_app_device(user) -> TOTPDevice:
    """The app being set up: the same secret until it is confirmed, so a reload of the set-up
    page keeps the QR code the person may have scanned already."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code: str):
    """The confirmed device that accepts `code` (six digits from the app, or a recovery code,
    which is used up), or None. Spaces and the case of a recovery code do not matter."""
    code = "".join(code.split()).lower()
    model = TOTPDevice if code.isdigit() else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True):
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def throttled(user) -> bool:
    """Whether a device refuses codes for now after wrong ones (django-otp's growing delay)."""
    return any(not device.verify_is_allowed()[0] for device in devices_for_user(user))


@transaction.atomic
def confirm_app(device: TOTPDevice) -> list[str]:
    """Confirms the app being set up (its current code was accepted) in place of a previous app.

    Returns new recovery codes when the person has none left (the first set-up), else an
    empty list.
    """
    TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if remaining_recovery_codes(device.user):
        return []
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replaces the person's recovery codes by `RECOVERY_CODE_COUNT` new ones and returns
    them: they are shown once, so the caller passes them straight to the person."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME}
    )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset(user) -> int:
    """Removes every device of the person (app and recovery codes): a session verified with one
    is no longer verified, and someone who must use a second factor sets it up again at the
    next login. Returns the number of devices removed."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app expects it for manual entry: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The app's set-up address as an inline SVG, drawn on the server: no script, no image
    request, nothing the content security policy has to allow."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    svg = image.get_image()
    svg.set("role", "img")
    svg.set("aria-label", _("QR-Code zum Einrichten der App"))
    svg.set("class", "qr-code")
    # Built by ElementTree from the address (attribute values escaped): safe markup.
    return mark_safe(image.to_string(encoding="unicode"))
