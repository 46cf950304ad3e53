"""The people in these tests: a visitor, an editor of the centre, the MSO team, the counselling
team, the data protection officer, an administrator, an outsider. Staff are members of the
real roles (`ki_portal.roles`), which the migrations create."""

import datetime
import os
import urllib.parse

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation

from accounts.groups import (
    ADMINISTRATION_GROUP,
    COUNSELLING_GROUP,
    DATA_PROTECTION_GROUP,
    EDITORIAL_GROUP,
    MSO_GROUP,
)
from ki_portal.roles import create_roles
from organisations.seeds import create_lists
from tests.factories import UserFactory
from tests.servers import RedisServer, collect_static, production_environment
from tests.staff import sign_in


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own folder and vanish with it."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def media(settings):
    """The folder a test's uploads and demo files go to."""
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _german_by_default(settings):
    """Content made in a test is German, whatever language the previous request activated."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _seeded_lists(request):
    """A transactional test empties every table when it ends, also the lists the migrations
    seed (languages, activities, …); they are back before the next such test starts."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    ):
        request.getfixturevalue("transactional_db")
        create_lists(apps)
        # The staff roles come from a migration too.
        create_roles(apps)


@pytest.fixture
def clock(monkeypatch):
    """The portal's and the worker's time, moved forward with `clock.advance(delta)`."""
    real_now = timezone.now

    class Clock:
        offset = datetime.timedelta()

        def advance(self, delta):
            self.offset += delta

    moved = Clock()
    monkeypatch.setattr(timezone, "now", lambda: real_now() + moved.offset)
    return moved


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def suite_database_url(django_db_setup):
    """The address of pytest-django's test database, for servers the tests start (gunicorn):
    it lives on the suite's server, which DATABASE_URL names."""
    server = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return server._replace(path=f"/{connection.settings_dict['NAME']}").geturl()


@pytest.fixture(scope="module")
def redis_server():
    """A throw-away Redis for the tests of one module (some stop or pause it)."""
    server = RedisServer().start()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files as the production build collects them (hashed names, compressed
    copies), collected once for every test that runs the portal in production mode."""
    directory = tmp_path_factory.mktemp("staticfiles")
    collect_static(production_environment(database_url=""), directory)
    return directory


def staff_member(username: str, role: str):
    """A staff account in one of the roles of `ki_portal.roles` (groups made by a migration)."""
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    """Keeps the public content (group "Redaktion")."""
    return staff_member("editor", EDITORIAL_GROUP)


@pytest.fixture
def network_editor(db):
    """A second editor, who keeps the networks (group "Redaktion")."""
    return staff_member("network-editor", EDITORIAL_GROUP)


@pytest.fixture
def network_editor_client(client, network_editor):
    sign_in(client, network_editor)
    return client


@pytest.fixture
def mso_team(db):
    """Coordinates the migrant organisations: reviews, exports, keeps the lists
    (group "MSO-Koordination")."""
    return staff_member("mso", MSO_GROUP)


@pytest.fixture
def administrator(db):
    """Keeps the staff accounts and the centre's profile (group "Administration")."""
    return staff_member("administrator", ADMINISTRATION_GROUP)


@pytest.fixture
def outsider(db):
    """A staff member of another department: may log in, may not touch the centre's content."""
    return UserFactory(username="outsider", is_staff=True)


@pytest.fixture
def editor_client(client, editor):
    sign_in(client, editor)
    return client


@pytest.fixture
def mso_client(client, mso_team):
    sign_in(client, mso_team)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    sign_in(client, outsider)
    return client


@pytest.fixture
def counsellor(db):
    """A member of the counselling team (group "Beratung")."""
    return staff_member("counsellor", COUNSELLING_GROUP)


@pytest.fixture
def data_protection_officer(db):
    """Reads the counselling access log (group "Datenschutz"), never the requests."""
    return staff_member("dpo", DATA_PROTECTION_GROUP)


@pytest.fixture
def counsellor_client(client, counsellor):
    sign_in(client, counsellor)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, signed in as the back office requires."""
    return sign_in(client, admin_user)
