"""schema.org JSON-LD for news items and events, rendered by the `ld_json` filter."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from centre.structured_data import postal_address


def content_language(obj) -> str:
    """The language the visitor reads: the page's, or German where that is the fallback."""
    return settings.LANGUAGE_CODE if obj.is_fallback() else get_language()


def news_article(item, url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "description": item.teaser,
        "datePublished": item.published_on.isoformat(),
        "dateModified": timezone.localtime(item.updated_at).isoformat(),
        "inLanguage": content_language(item),
        "url": url,
    }


def event(event, url: str) -> dict:
    """An event at a place; a location of the centre adds its postal address."""
    place = {"@type": "Place", "name": event.venue}
    if event.location:
        location = event.location
        place["address"] = postal_address(location.street, location.postal_code, location.city)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": place,
        "inLanguage": content_language(event),
        "url": url,
    }
    if event.ends_at:
        data["endDate"] = timezone.localtime(event.ends_at).isoformat()
    return data
