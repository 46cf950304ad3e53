"""The admin's start page in a real browser: its tiles pass axe-core, in light and dark."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from accounts.groups import COUNSELLING_GROUP
from tests.accounts.otp import give_app
from tests.browser.staff_login import log_in
from tests.browser.test_pages import assert_no_violations
from tests.test_dashboard import create_work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-sicheres-passwort-fuer-tests"


@pytest.fixture
def operator(transactional_db, django_user_model):
    """A superuser in the counselling team: the one person who sees every tile."""
    user = django_user_model.objects.create_superuser("betrieb", password=PASSWORD)
    user.groups.add(Group.objects.get(name=COUNSELLING_GROUP))
    return user


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_dashboard_passes_axe(new_page, live_server, operator, color_scheme):
    create_work(timezone.now())
    page = new_page(color_scheme=color_scheme, locale="de-DE")

    log_in(page, live_server, "betrieb", PASSWORD, app=give_app(operator))
    page.wait_for_url(f"{live_server.url}/admin/")

    assert page.locator("html").get_attribute("lang") == "de"
    tiles = page.locator(".dashboard-tile")
    expect(tiles).to_have_count(8)
    expect(
        page.get_by_role("link", name="3 neue Beratungsanfragen warten auf Antwort.")
    ).to_be_visible()
    assert_no_violations(page)
