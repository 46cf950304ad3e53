"""A public page's title and breadcrumb trail, declared once in its view.

`templates/base.html` renders both from the context: `title` in the document's
`<title>` (templates also use it for their `<h1>`), `crumbs` in the breadcrumb
navigation, which always starts at the home page and ends with the page itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Crumb:
    """One step of the trail; the page itself is the one step without a `url`."""

    title: str
    url: str = ""


def page(title, *parents: Crumb, home: bool = False) -> dict:
    """The context for a page called `title`, below the home page and `parents`.

    `parents` are the section pages between the home page and this one, each with its
    `url` (use `reverse_lazy` for a module constant). The home page itself passes
    `home=True`: it is the whole trail, so it has no crumb of its own.
    """
    return {"title": title, "crumbs": [] if home else [*parents, Crumb(title)]}


class PageMixin:
    """For generic views: `title` and `parents` as class attributes, or computed in
    `get_title()` and `get_parents()` (a detail view's title is usually its object's
    name, available there as `self.object`)."""

    title = None
    parents: tuple[Crumb, ...] = ()
    home = False

    def get_title(self):
        return self.title

    def get_parents(self):
        return self.parents

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page(self.get_title(), *self.get_parents(), home=self.home))
        return context
