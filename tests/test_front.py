"""The production front: nginx with deploy/nginx.conf before gunicorn's sync workers.

Measured on a 2-core machine with two sync workers: exposed directly, three connections
that send a request line and never finish their headers block the whole site, the
counselling page and its helpline included, until gunicorn's timeout frees the workers:
the page answered after 34 s (timeout 30 s, as deploy/gunicorn.conf.py sets it; 65 s
with a timeout of 60 s). Behind nginx, with 50 such connections open, it answered in
0.03 s. The direct case is not a test: it takes half a minute by its nature.
"""

import re
import socket
import time

import pytest
import redis

from tests.concurrency import on_postgresql
from tests.servers import (
    Gunicorn,
    Nginx,
    Response,
    Visitor,
    production_environment,
)

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True)]

COUNSELLING_PAGE = "/de/beratung/"
REQUEST_PATH = "/de/beratung/anfrage/"
# counselling.views.request_form: @limit_posts("counselling-request", limit=5, ...)
REQUEST_LIMIT = 5


@pytest.fixture(scope="module")
def front(suite_database_url, collected_static, redis_server):
    """nginx before gunicorn with two sync workers, configured as deploy/README.md says."""
    environment = production_environment(
        database_url=suite_database_url,
        redis_url=redis_server.url,
        DJANGO_STATIC_ROOT=str(collected_static),
        KI_CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP",
    )
    gunicorn = Gunicorn(environment, workers=2).start()
    try:
        nginx = Nginx(upstream=f"127.0.0.1:{gunicorn.port}", static_root=collected_static)
        nginx.start()
        try:
            # Both workers answer once, so that the measured request is not the first.
            for _ in range(4):
                assert Visitor().get(nginx.url + COUNSELLING_PAGE).status == 200
            yield nginx
        finally:
            nginx.remove()
    finally:
        gunicorn.remove()


@pytest.fixture(autouse=True)
def _empty_redis(redis_server):
    redis.Redis.from_url(redis_server.url).flushdb()


def stall(port: int, *, with_body: bool) -> socket.socket:
    """A connection that sends the start of a request and then nothing more."""
    connection = socket.create_connection(("127.0.0.1", port))
    if with_body:
        # Complete headers, but only 10 of the announced 1000 bytes of body.
        connection.sendall(
            f"POST {REQUEST_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
            "message=ab".encode()
        )
    else:
        connection.sendall(f"GET {COUNSELLING_PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
    return connection


def test_the_counselling_page_answers_within_a_second_while_50_connections_stall(front):
    stalled = [stall(front.port, with_body=number % 2 == 1) for number in range(50)]
    try:
        time.sleep(0.5)  # what reaches nginx has arrived
        started = time.monotonic()
        response = Visitor(timeout=5).get(front.url + COUNSELLING_PAGE)
        elapsed = time.monotonic() - started
    finally:
        for connection in stalled:
            connection.close()

    assert response.status == 200
    assert "116 016" in response.text
    assert elapsed < 1.0


def test_nginx_serves_static_files_with_long_cache_headers(front):
    page = Visitor().get(front.url + COUNSELLING_PAGE).text
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page).group(1)

    response = Visitor().get(front.url + stylesheet, headers={"Accept-Encoding": "gzip"})

    assert response.status == 200
    # whitenoise would say "max-age=315360000, public, immutable": this is nginx.
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response.headers["Content-Encoding"] == "gzip"


def test_nginx_refuses_an_oversized_body_for_a_public_form(front):
    response = Visitor().post(front.url + REQUEST_PATH, {"message": "x" * 2 * 1024 * 1024})

    assert response.status == 413


def test_the_admin_takes_larger_bodies_to_django_which_takes_them_from_staff_only(front):
    response = Visitor().post(front.url + "/admin/login/", {"message": "x" * 2 * 1024 * 1024})

    # Django's answer (portal.middleware.RequestBodyLimitMiddleware), not nginx's 413: a
    # visitor who is not signed in gets the small bound in the admin too.
    assert response.status == 413
    assert "Zu viel auf einmal gesendet" in response.text


def test_neither_nginx_nor_gunicorn_names_its_version(front):
    gunicorn_url = f"http://{front.upstream}"

    behind_nginx = Visitor().get(front.url + COUNSELLING_PAGE)
    direct = Visitor().get(gunicorn_url + COUNSELLING_PAGE)

    assert behind_nginx.headers["Server"] == "nginx"
    assert direct.status == 200
    assert "gunicorn" not in direct.headers.get("Server", "").lower()
    assert direct.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_rate_limit_counts_per_visitor_address_not_per_proxy(front):
    def post_form(visitor: Visitor, **options) -> Response:
        token = visitor.form(front.url + REQUEST_PATH)["csrfmiddlewaretoken"]
        return visitor.post(front.url + REQUEST_PATH, {"csrfmiddlewaretoken": token}, **options)

    first = Visitor(address="127.0.0.1")
    statuses = [post_form(first).status for _ in range(REQUEST_LIMIT + 1)]
    # nginx replaces the header a visitor sends with the address it sees.
    forged = post_form(first, headers={"X-Real-IP": "192.0.2.7"}).status
    # gunicorn sees nginx's address for both visitors; the header tells them apart.
    other = post_form(Visitor(address="127.0.0.2")).status

    assert statuses == [200] * REQUEST_LIMIT + [429]
    assert forged == 429
    assert other == 200


def cache_status(url: str, **options) -> str:
    return Visitor().get(url, **options).headers["X-Cache-Status"]


def test_nginx_keeps_a_page_for_visitors_without_cookies_for_a_second(front):
    page = front.url + "/de/handlungsfelder/"
    # nginx counts the second in whole seconds: an entry lives one to two seconds.
    time.sleep(2.1)  # an entry of an earlier test has expired

    assert cache_status(page) in {"MISS", "EXPIRED"}
    assert cache_status(page) == "HIT"
    time.sleep(2.1)
    assert cache_status(page) in {"EXPIRED", "UPDATING"}


def test_a_visitor_with_a_cookie_always_gets_the_page_from_django(front):
    page = front.url + "/de/handlungsfelder/"
    Visitor().get(page)

    assert cache_status(page, headers={"Cookie": "sessionid=abc"}) == "BYPASS"


@pytest.mark.parametrize(
    "path",
    [
        COUNSELLING_PAGE,  # Cache-Control: no-store
        "/de/barrierefreiheit/rueckmeldung/",  # a form: sets the CSRF cookie
        "/health/",  # never_cache
    ],
)
def test_pages_that_must_not_be_kept_are_never_answered_from_the_cache(front, path):
    statuses = {cache_status(front.url + path) for _ in range(3)}

    assert "HIT" not in statuses
