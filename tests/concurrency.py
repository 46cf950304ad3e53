"""Posts that arrive at the same moment, as a double or triple click sends them."""

import threading

import pytest
from django.db import connection
from django.test import Client

# Threads need a database that several connections write to at once: PostgreSQL, the
# suite's default. SQLite's in-memory test database is shared by one process's threads
# under a single lock.
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL"
)


def post_at_once(url: str, data: dict, *, times: int = 3) -> list:
    """The responses to `times` identical posts, each from its own thread, client and
    database connection, all released together.

    An exception a view raised is raised here, so a server error fails the test with its
    cause. Needs `django_db(transaction=True)`: the threads see only committed rows.
    """
    start = threading.Barrier(times)
    results: list = [None] * times

    def post(index: int) -> None:
        try:
            client = Client()
            start.wait(timeout=10)
            results[index] = client.post(url, data)
        except BaseException as error:  # raised again in the test's thread
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results
