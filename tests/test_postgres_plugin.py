import os

import pytest
from django.db import connection

from tests.postgres import STARTED_VARIABLE


@pytest.mark.skipif(not os.environ.get(STARTED_VARIABLE), reason="the caller chose the database")
@pytest.mark.django_db
def test_suite_runs_on_the_postgresql_server_the_plugin_started():
    with connection.cursor() as cursor:
        cursor.execute("SELECT inet_server_addr()::text, current_setting('fsync')")
        address, fsync = cursor.fetchone()

    assert connection.vendor == "postgresql"
    assert address.startswith("127.0.0.1")
    assert fsync == "off"
