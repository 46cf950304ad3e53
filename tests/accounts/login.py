"""Logging a staff member in through the portal's login pages with the test client: user
name and password, then, for a person with a second factor, one of its codes."""

from django.contrib.auth import SESSION_KEY

from tests.accounts.otp import PASSWORD

LOGIN = "/de/anmelden/"
CODE = "/de/anmelden/code/"


def log_in(client, username, password=PASSWORD, *, next_url="", language="de", **request):
    """Step 1, the password; `request` goes to the test client (REMOTE_ADDR, headers)."""
    url = f"/{language}/anmelden/"
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"username": username, "password": password}, **request)


def enter_code(client, code, *, language="de", **request):
    """Step 2, a code of the second factor."""
    return client.post(f"/{language}/anmelden/code/", {"code": code}, **request)


def logged_in(client) -> bool:
    return SESSION_KEY in client.session
