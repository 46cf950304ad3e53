"""Two gunicorn instances on one PostgreSQL and one Redis, as two servers behind a load
balancer: a rate limit counts across both, and a change made through one shows through
the other at once. With each process's own memory as the cache, a limit of 5 let 10
posts through two workers, and the other instance showed the old footer for 10 minutes."""

import pytest
import redis

from centre.models import CentreProfile
from tests.accounts.login import CODE, LOGIN
from tests.accounts.otp import PASSWORD, current_code, give_app
from tests.concurrency import on_postgresql
from tests.factories import UserFactory
from tests.servers import Gunicorn, Visitor, production_environment

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True)]

REQUEST_PATH = "/de/beratung/anfrage/"
# counselling.views.request_form: @limit_posts("counselling-request", limit=5, ...)
REQUEST_LIMIT = 5


@pytest.fixture(scope="module")
def instances(suite_database_url, collected_static, redis_server):
    # One environment for both: the same secret key, so a session or CSRF cookie from one
    # instance is valid on the other, as on two servers of one deployment.
    environment = production_environment(
        database_url=suite_database_url,
        redis_url=redis_server.url,
        DJANGO_STATIC_ROOT=str(collected_static),
    )
    started = []
    try:
        for _ in range(2):
            started.append(Gunicorn(environment, workers=2).start())
        yield started
    finally:
        for instance in started:
            instance.remove()


@pytest.fixture(autouse=True)
def _empty_redis(redis_server):
    redis.Redis.from_url(redis_server.url).flushdb()


def test_a_rate_limit_counts_across_both_instances(instances):
    visitor = Visitor()
    token = visitor.form(instances[0].url + REQUEST_PATH)["csrfmiddlewaretoken"]

    statuses = [
        visitor.post(instances[number % 2].url + REQUEST_PATH, {"csrfmiddlewaretoken": token})
        for number in range(REQUEST_LIMIT + 2)
    ]

    # The empty form is shown again with its errors: every post counts, valid or not.
    assert [response.status for response in statuses] == [200] * REQUEST_LIMIT + [429, 429]


def test_a_change_through_one_instance_shows_on_the_other_at_once(instances):
    profile = CentreProfile.objects.create(name="KI Musterstadt", phone="0208 111")
    app = give_app(UserFactory(username="admin", is_staff=True, is_superuser=True))
    first, second = instances
    visitor = Visitor()
    # The second instance reads the profile and caches it in Redis.
    assert "0208 111" in visitor.get(second.url + "/de/impressum/").text

    login = visitor.form(first.url + LOGIN)
    login.update(username=["admin"], password=[PASSWORD])
    assert visitor.post(first.url + LOGIN, login).headers["Location"] == CODE
    code = visitor.form(first.url + CODE)
    code["code"] = [current_code(app)]
    assert visitor.post(first.url + CODE, code).headers["Location"] == "/admin/"
    change = f"{first.url}/admin/centre/centreprofile/{profile.pk}/change/"
    form = visitor.form(change, form_id="centreprofile_form")
    form["phone"] = ["0208 222"]
    assert visitor.post(change, form).status == 302

    footer = visitor.get(second.url + "/de/impressum/").text
    assert "0208 222" in footer
    assert "0208 111" not in footer
