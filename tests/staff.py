"""Signing a staff member in, as the back office requires it."""

import django_otp
from django_otp.plugins.otp_static.models import StaticDevice

from accounts import second_factor


def sign_in(client, user):
    """Signs `user` in on the test client, as after a complete login: someone who must use a
    second factor (or has one) is verified with a confirmed device, made if they have none."""
    client.force_login(user)
    if second_factor.required_for(user) or second_factor.has_device(user):
        device = next(django_otp.devices_for_user(user), None)
        if device is None:
            device = StaticDevice.objects.create(user=user, name="Test", confirmed=True)
        session = client.session
        # What django_otp.login stores after a valid code.
        session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
