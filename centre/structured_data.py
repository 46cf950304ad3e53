"""schema.org JSON-LD describing the centre, for search engines and other machines."""

import datetime
from urllib.parse import urljoin

from django.urls import reverse
from django.utils import timezone

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def opening_hours_specification(location, today: datetime.date) -> list[dict]:
    """Weekly hours, then coming closures as closed days (opens = closes = 00:00)."""
    weekly = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[hours.weekday]}",
            "opens": f"{hours.opens:%H:%M}",
            "closes": f"{hours.closes:%H:%M}",
        }
        for hours in location.hours.all()
    ]
    closed = [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": closure.starts_on.isoformat(),
            "validThrough": closure.ends_on.isoformat(),
        }
        for closure in location.closures.all()
        if closure.ends_on >= today
    ]
    return weekly + closed


def postal_address(street, postal_code, city) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postal_code,
        "addressLocality": city,
        "addressCountry": "DE",
    }


def government_organization(centre, locations, url: str) -> dict:
    """The centre as a GovernmentOrganization; the first location carries the hours.

    Reads the centre's languages: free for the cached profile of `CentreProfile.load()`,
    which has them prefetched.
    """
    today = timezone.localdate()
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": str(centre),
        "url": url,
        "address": postal_address(centre.street, centre.postal_code, centre.city),
    }
    if centre.mission:
        data["description"] = centre.mission
    if centre.logo:
        data["logo"] = urljoin(url, reverse("logo"))
    if centre.parent_organization:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": centre.parent_organization,
        }
        if centre.website:
            data["parentOrganization"]["url"] = centre.website
    contact_point = {"@type": "ContactPoint", "contactType": "customer service"}
    for key, value in (
        ("telephone", centre.phone),
        ("faxNumber", centre.fax),
        ("email", centre.email),
    ):
        if value:
            data[key] = contact_point[key] = value
    languages = [language.code for language in centre.languages.all()]
    if languages:
        contact_point["availableLanguage"] = languages
    data["contactPoint"] = contact_point
    if locations:
        data["openingHoursSpecification"] = opening_hours_specification(locations[0], today)
        data["location"] = [
            {
                "@type": "Place",
                "name": str(location),
                "address": postal_address(location.street, location.postal_code, location.city),
                "openingHoursSpecification": opening_hours_specification(location, today),
            }
            for location in locations
        ]
    return data
