"""Response times of the public pages with a realistic amount of content.

    .venv/bin/python bench/pages.py [--rounds 50]

Builds a throw-away test database (SQLite unless DATABASE_URL names another),
fills it with 40 fields of work with offers, target groups and documents, with
every information page and with 400 migrant organisations, and
prints the median and 95th percentile time of each page, rendered through the
whole middleware stack by Django's test client. Targets, on the 2-core reference
machine: median under 50 ms, 95th percentile under 100 ms for every page.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ki_portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("KI_FIELD_ENCRYPTION_KEY", "YmVuY2htYXJrLW9ubHktZW5jcnlwdGlvbi1rZXktMzI=")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from centre.models import CentreProfile  # noqa: E402
from tests.factories import (  # noqa: E402
    DocumentFactory,
    FieldOfWorkFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMeetingFactory,
    OfferFactory,
    SupportOfferFactory,
    TargetGroupFactory,
    ThemeFactory,
    create_published_organisations,
)
from tests.pages import create_information_pages  # noqa: E402

PAGES = [
    "/de/",
    "/de/handlungsfelder/",
    "/de/handlungsfelder/{field}/",
    "/ar/handlungsfelder/{field}/",
    "/de/fuer/{group}/",
    "/de/kontakt/",
    "/de/ueber-uns/",
    "/ar/datenschutz/",
    "/de/barrierefreiheit/",
    "/de/migrantenorganisationen/",
    "/de/migrantenorganisationen/verzeichnis/",
    "/ar/migrantenorganisationen/verzeichnis/?page=10",
    "/de/migrantenorganisationen/verzeichnis/?q=Verein+02&language=tr&activity=sport",
    "/de/migrantenorganisationen/verzeichnis/{organisation}/",
    "/de/netzwerke/",
    "/de/netzwerke/{network}/",
    "/de/beratung/",
    "/de/beratung/anfrage/",
]
TARGET_MEDIAN_MS, TARGET_P95_MS = 50, 100


def fill_database():
    CentreProfile.objects.create(name="Kommunales Integrationszentrum Musterstadt")
    groups = [TargetGroupFactory() for _ in range(8)]
    fields = [FieldOfWorkFactory() for _ in range(40)]
    for index, field in enumerate(fields):
        # Each field serves four of the eight groups, so each group has 20 fields.
        field.target_groups.set([groups[(index + step) % 8] for step in range(4)])
        field.related_fields.set(fields[:3])
        for _ in range(6):
            OfferFactory(field_of_work=field)
        for _ in range(3):
            DocumentFactory(field_of_work=field)
    create_information_pages()
    organisations = create_published_organisations(400)
    SupportOfferFactory.create_batch(5)
    NetworkMeetingFactory.create_batch(2)
    themes = ThemeFactory.create_batch(5)
    networks = NetworkFactory.create_batch(50)
    for index, network in enumerate(networks):
        network.themes.set(themes[index % 3 : index % 3 + 2])
        network.fields_of_work.set(fields[index % 40 : index % 40 + 1])
        MembershipFactory.create_batch(3, network=network)
    return {
        "network": networks[0].slug,
        "field": fields[0].slug,
        "group": groups[0].slug,
        "organisation": organisations[0].slug,
    }


def measure(client, url, rounds):
    client.get(url)  # warm caches and templates
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    rounds = parser.parse_args().rounds

    setup_test_environment()
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ki-portal-bench-"))
    # Production settings, but static file names without a collected manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    warnings.filterwarnings("ignore", message="No directory at")
    database = connection.creation.create_test_db(verbosity=0)
    try:
        slugs = fill_database()
        client = Client()
        print(f"database: {connection.vendor} ({database}), {rounds} rounds per page")
        print(f"{'page':45} {'median ms':>10} {'p95 ms':>10}")
        missed = []
        for page in PAGES:
            url = page.format(**slugs)
            median, p95 = measure(client, url, rounds)
            print(f"{url:45} {median:10.1f} {p95:10.1f}")
            if median > TARGET_MEDIAN_MS or p95 > TARGET_P95_MS:
                missed.append(url)
        if missed:
            print(f"slower than the target: {', '.join(missed)}")
        return 1 if missed else 0
    finally:
        connection.creation.destroy_test_db(database, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
