"""Logging a staff member in through the portal's login pages, as a person would."""

from tests.accounts.otp import current_code


def log_in(page, live_server, username, password, app=None, language="de"):
    """User name and password, then, for a person with an app, its current code."""
    page.goto(f"{live_server.url}/{language}/anmelden/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    if app is not None:
        page.wait_for_url(f"**/{language}/anmelden/code/")
        page.fill("#id_code", current_code(app))
        page.click("button[type=submit]")
