"""schema.org JSON-LD for an entry of the directory, with only the details it publishes."""

from centre.structured_data import postal_address


def organization(organisation, url: str) -> dict:
    """An `Organization`; address, e-mail and phone only where the entry allows it.

    Reads the prefetched languages: no query when `with_lists()` loaded the entry.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": url,
    }
    if organisation.description:
        data["description"] = organisation.description
    if organisation.founded_year:
        data["foundingDate"] = str(organisation.founded_year)
    if organisation.publish_address and (organisation.street or organisation.city):
        data["address"] = postal_address(
            organisation.street, organisation.postal_code, organisation.city
        )
    if organisation.publish_contact_email and organisation.contact_email:
        data["email"] = organisation.contact_email
    if organisation.publish_contact_phone and organisation.contact_phone:
        data["telephone"] = organisation.contact_phone
    languages = [language.code for language in organisation.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    same_as = [link for link in [organisation.website, *organisation.social_links] if link]
    if same_as:
        data["sameAs"] = same_as
    return data
