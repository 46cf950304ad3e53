"""Codes of a person's second factor, as their authenticator app would show them."""

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device: TOTPDevice) -> str:
    """Six digits the device accepts at no step within its tolerance."""
    accepted = {
        totp(device.bin_key, device.step, device.t0 + shift * device.step, device.digits)
        for shift in range(-device.tolerance - 1, device.tolerance + 2)
    }
    return next(f"{code:06d}" for code in range(1000000) if code not in accepted)


def give_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def give_recovery_codes(user, *codes) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    for code in codes:
        device.token_set.create(token=code)
    return device
