from django import template

from ki_portal import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_tiles(context) -> list[dashboard.Tile]:
    """The tiles of the admin's start page for the signed-in person (ki_portal.dashboard)."""
    return dashboard.tiles(context["request"])
