"""The production cache on a real Redis, and what the portal does while Redis is down."""

import logging
import os
import signal
import time

import pytest

from centre.models import CentreProfile
from tests.servers import RedisServer

pytestmark = pytest.mark.django_db

FEEDBACK_URL = "/de/barrierefreiheit/rueckmeldung/"
FEEDBACK_LIMIT = 10


@pytest.fixture(scope="module")
def stopped_redis_url():
    """The address of a Redis that was started and stopped: connections are refused."""
    server = RedisServer().start()
    url = server.url
    server.remove()
    return url


def use_redis(settings, url):
    # As ki_portal/settings.py configures the cache when KI_REDIS_URL is set.
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ki-portal",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


@pytest.fixture
def centre():
    return CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")


def post_feedback(client, times):
    return [client.post(FEEDBACK_URL, {}).status_code for _ in range(times)]


def test_with_redis_the_rate_limit_holds(client, settings, redis_server):
    use_redis(settings, redis_server.url)

    assert post_feedback(client, FEEDBACK_LIMIT + 1) == [200] * FEEDBACK_LIMIT + [429]


def test_while_redis_is_down_pages_read_the_footer_from_the_database(
    client, settings, stopped_redis_url, centre, caplog
):
    use_redis(settings, stopped_redis_url)

    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        response = client.get("/de/impressum/")

    assert response.status_code == 200
    assert "Kommunales Integrationszentrum Musterstadt</bdi></a>" in response.content.decode()
    assert "Redis unreachable" in caplog.text


def test_while_redis_is_down_the_rate_limit_fails_open(client, settings, stopped_redis_url, caplog):
    use_redis(settings, stopped_redis_url)

    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        statuses = post_feedback(client, FEEDBACK_LIMIT + 1)

    assert statuses == [200] * (FEEDBACK_LIMIT + 1)
    assert "Redis unreachable, cache.add answered as an empty cache" in caplog.text


def test_saving_the_profile_while_redis_is_down_succeeds(settings, stopped_redis_url, centre):
    use_redis(settings, stopped_redis_url)
    centre.parent_organization = "Stadt Musterstadt"

    centre.save()

    assert CentreProfile.objects.get().parent_organization == "Stadt Musterstadt"


def test_a_redis_that_hangs_costs_a_page_one_socket_timeout(
    client, settings, redis_server, centre, caplog
):
    use_redis(settings, redis_server.url)
    os.kill(redis_server.process.pid, signal.SIGSTOP)
    try:
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            started = time.monotonic()
            response = client.get("/de/impressum/")
            elapsed = time.monotonic() - started
    finally:
        os.kill(redis_server.process.pid, signal.SIGCONT)

    assert response.status_code == 200
    # The page makes five cache calls; after the first has waited its 0.25 s, the cache
    # pauses instead of waiting four times more.
    assert [record.name for record in caplog.records].count("portal.cache") == 1
    assert elapsed < 1.5
