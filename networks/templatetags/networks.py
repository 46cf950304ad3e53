from django import template

from networks.models import Network

register = template.Library()


@register.simple_tag
def networks_of(field_of_work):
    """The published, current networks a field of work belongs to, for its page.

    Lives here so that `fields` need not know about networks. One query, and one more for
    the translations when there are networks.
    """
    return (
        Network.objects.published()
        .current()
        .filter(fields_of_work=field_of_work)
        .prefetch_related("translations")
    )
