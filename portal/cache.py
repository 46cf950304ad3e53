"""The production cache: Django's RedisCache, made to survive an outage of Redis.

Django's RedisCache raises when Redis cannot be reached, and every page reads the
centre's profile and main location through the cache. When Redis refuses a connection
or does not answer within the socket timeouts set in the settings, this backend logs a
warning and, for the next `PAUSE_SECONDS`, does not ask Redis again (so a Redis that
hangs costs one timeout per process, not one per cache call): it answers as Django's
DummyCache does, a cache that keeps nothing:

- pages read the footer data from the database (two queries more per page);
- the form rate limit counts every post as the first one, so it fails open: the
  honeypot and the fill-time check still stand, and nobody is refused a form because a
  cache is down;
- a change's invalidation is lost. A Redis that restarts empty holds nothing stale; one
  that kept its data (persistence, a network partition) may show the old footer until
  the entry expires (`centre.models.PROFILE_CACHE_SECONDS`).
"""

import functools
import logging
import time

from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5


def _or_as_an_empty_cache(name: str):
    redis_method = getattr(DjangoRedisCache, name)

    @functools.wraps(redis_method)
    def method(self, *args, **kwargs):
        if time.monotonic() >= self._paused_until:
            try:
                return redis_method(self, *args, **kwargs)
            except (ConnectionError, TimeoutError) as error:
                logger.warning(
                    "Redis unreachable, cache.%s answered as an empty cache for %s s: %s",
                    *(name, PAUSE_SECONDS, error),
                )
                self._paused_until = time.monotonic() + PAUSE_SECONDS
        return getattr(self._empty, name)(*args, **kwargs)

    return method


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._empty = DummyCache(server, params)
        self._paused_until = 0.0

    add = _or_as_an_empty_cache("add")
    get = _or_as_an_empty_cache("get")
    set = _or_as_an_empty_cache("set")
    touch = _or_as_an_empty_cache("touch")
    delete = _or_as_an_empty_cache("delete")
    get_many = _or_as_an_empty_cache("get_many")
    has_key = _or_as_an_empty_cache("has_key")
    incr = _or_as_an_empty_cache("incr")
    set_many = _or_as_an_empty_cache("set_many")
    delete_many = _or_as_an_empty_cache("delete_many")
    clear = _or_as_an_empty_cache("clear")
