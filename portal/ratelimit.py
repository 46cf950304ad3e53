"""A per-address limit on form submissions, kept in the Django cache.

The cache key holds a keyed hash of the address, never the address itself, so the cache
stores no personal data in clear text. In production the cache is Redis (KI_REDIS_URL),
so the limit counts across every process and server; while Redis is down the count
starts afresh with every post, so the limit fails open (see portal/cache.py).
"""

import functools
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.pages import page


def client_address(request) -> str:
    """The visitor's address as the reverse proxy reports it, or the socket's peer."""
    header = settings.CLIENT_ADDRESS_HEADER
    if header and request.META.get(header):
        # A proxy appends the address it saw; the last entry is the one it vouches for.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def limit_posts(scope: str, *, limit: int, seconds: int, base_template: str = "base.html"):
    """Answers the (limit + 1)th POST from one address within `seconds` with 429.

    GET requests are never counted, so reading a form again after the limit works. The
    page extends `base_template`, so a section can keep its own frame around it.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and _count(scope, client_address(request), seconds) > limit:
                response = render(
                    request,
                    "429.html",
                    {
                        **page(_("Zu viele Anfragen")),
                        "minutes": seconds // 60,
                        "base_template": base_template,
                    },
                    status=429,
                )
                response["Retry-After"] = str(seconds)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _count(scope: str, address: str, seconds: int) -> int:
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    key = f"ratelimit:{scope}:{digest[:32]}"
    # add() starts the window only if it is not running; incr() counts within it.
    if cache.add(key, 1, timeout=seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(key, 1, timeout=seconds)
        return 1
