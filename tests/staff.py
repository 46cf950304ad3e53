"""Signing a staff member in, as the back office requires it."""


def sign_in(client, user):
    """Signs `user` in on the test client, as after a complete login."""
    client.force_login(user)
    return client
