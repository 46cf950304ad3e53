"""Visitors who browse the portal and visitors who send its public forms, and a load
balancer that asks `/health/` once a second.

Started by bench/load.py, which sets the environment:

- KI_LOAD_VISITORS, KI_LOAD_SUBMITTERS: how many of each;
- KI_LOAD_EVENTS: a file that gets one JSON line per request and per submission.

The health monitor is the one user with a fixed count, which locust starts before the
others, so it asks from the first second of the run. The visitors' numbers are their
classes' weights, and bench/load.py asks for exactly their sum and the monitor: locust's
dispatcher then starts that many of each.

Every visitor connects from its own loopback address (127.x.y.z: all of 127.0.0.0/8
is the loopback interface), so the front sees as many addresses as there are visitors
and the per-address limits on form posts apply as they would in production. A
submitting visitor comes back as a new visitor, with a new address and no cookies, for
each form: the counselling form allows five posts per address and hour.
"""

import itertools
import json
import os
import random
import time

from locust import HttpUser, between, constant_pacing, events, task
from requests.adapters import HTTPAdapter

from bench.submissions import FORMS, new_marker

EVENTS = open(os.environ["KI_LOAD_EVENTS"], "a", buffering=1)  # noqa: SIM115 (open for the run)
ADDRESSES = (f"127.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(65536))
# The form's minimum fill time is 3 s (portal.forms.MINIMUM_FILL_SECONDS); people take longer.
FILL_SECONDS = (4, 12)
# A post answered with a server error (503 during an outage) or not at all is sent again
# after Retry-After (else 5 s), as a person would: the same form, the same submission
# key. At most this many times, waiting at most 15 s.
RETRIES, LONGEST_WAIT = 3, 15

BROWSING = [
    "/de/",
    "/de/handlungsfelder/",
    "/de/aktuelles/",
    "/de/migrantenorganisationen/verzeichnis/",
    "/de/kontakt/",
    "/de/beratung/",
    "/en/",
    "/ar/",
    "/ar/handlungsfelder/",
    "/ar/kontakt/",
]


def log(**event) -> None:
    EVENTS.write(json.dumps(event) + "\n")


@events.request.add_listener
def record(request_type, name, response_time, response, exception, start_time, context, **_):
    log(
        t=start_time,
        ms=response_time,
        method=request_type,
        name=name,
        status=getattr(response, "status_code", 0) or 0,
        error=None if exception is None else type(exception).__name__,
        **context,  # {"monitor": "health"} for the health monitor's requests
    )


class FromAddress(HTTPAdapter):
    """Connections from one loopback address."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class HealthMonitor(HttpUser):
    """A load balancer's check: `GET /health/` through nginx once a second (the next
    request a second after the previous one started, or at once when that took longer).
    Its requests are reported apart from the visitors'."""

    fixed_count = 1
    wait_time = constant_pacing(1)

    def context(self):
        return {"monitor": "health"}

    @task
    def health(self):
        self.client.get("/health/")


class Visitor(HttpUser):
    abstract = True

    def on_start(self):
        self.new_visit()

    def new_visit(self):
        self.client.cookies.clear()
        self.client.mount("http://", FromAddress(next(ADDRESSES)))

    def page(self, path: str, *, name: str | None = None):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            return response


class BrowsingVisitor(Visitor):
    """Reads pages and follows links: a field of work, a news item, another language."""

    weight = int(os.environ.get("KI_LOAD_VISITORS", "1"))
    wait_time = between(2, 10)

    def on_start(self):
        # The first page with its stylesheets, as a browser with an empty cache loads them;
        # their hashed addresses are cached for a year after that.
        super().on_start()
        home = self.page("/de/")
        for link in response_links(home):
            if link.endswith(".css"):
                self.page(link, name="stylesheet")

    @task(4)
    def page_of_the_portal(self):
        self.page(random.choice(BROWSING))

    @task(2)
    def field_of_work(self):
        field = self.follow("/de/handlungsfelder/", name="/de/handlungsfelder/[slug]/")
        if field is not None and random.random() < 0.3:
            # The language switcher: the same field of work in Arabic.
            arabic = [link for link in response_links(field) if link.startswith("/ar/")]
            if arabic:
                self.page(arabic[0], name="/ar/handlungsfelder/[slug]/")

    @task(1)
    def news_item(self):
        self.follow("/de/aktuelles/", name="/de/aktuelles/[slug]/")

    @task(1)
    def home_in_the_browser_language(self):
        # "/" redirects by Accept-Language.
        self.client.get("/", headers={"Accept-Language": "ar,de;q=0.5"}, name="/ (ar)")

    def follow(self, listing: str, *, name: str):
        """A list page and one of the pages it links to (one level below it)."""
        links = [
            link
            for link in response_links(self.page(listing))
            if link.startswith(listing) and link.count("/") == listing.count("/") + 1
        ]
        return self.page(random.choice(links), name=name) if links else None


def response_links(response) -> list[str]:
    return [part.split('"', 1)[0] for part in (response.text or "").split('href="')[1:]]


class SubmittingVisitor(Visitor):
    """Opens a form, fills it in for a few seconds, sends it and reads the answer."""

    weight = int(os.environ.get("KI_LOAD_SUBMITTERS", "1"))
    wait_time = between(5, 15)

    @task
    def send_a_form(self):
        self.new_visit()
        form = random.choice(FORMS)
        page = self.page(form.path, name=f"{form.path} (form)")
        if page.status_code != 200:
            log(form=form.name, outcome=f"form page {page.status_code}")
            return
        marker = new_marker()
        data = form.data(page.text, marker)
        time.sleep(random.uniform(*FILL_SECONDS))
        for attempt in range(1 + RETRIES):
            outcome, wait = self.post(form, data)
            log(form=form.name, marker=marker, attempt=attempt, outcome=outcome)
            if wait is None:
                return
            time.sleep(wait)

    def post(self, form, data):
        """The outcome and, after a server error, how long to wait before sending again."""
        # The portal marks the CSRF cookie Secure, so the cookie jar keeps it off plain HTTP;
        # a browser sends it over HTTPS to the proxy that ends TLS, which the run leaves out.
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.client.cookies)
        with self.client.post(
            form.path,
            data,
            headers={"Cookie": cookies},
            name=f"{form.path} (post)",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and response.url.endswith(form.success_path):
                return "acknowledged", None
            if response.status_code == 200:
                response.failure("form shown again")
                return "form shown again", None
            response.failure(f"status {response.status_code}")
            outcome = f"status {response.status_code}"
            if response.status_code == 0 or response.status_code >= 500:
                wait = response.headers.get("Retry-After", "")
                return outcome, min(int(wait) if wait.isdigit() else 5, LONGEST_WAIT)
            return outcome, None
