from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# The legally required pages. Their content is maintained by the centre; until
# the centre's editors have written it, each page says whom to ask instead.
LEGAL_PAGES = {
    "imprint": _("Impressum"),
    "privacy": _("Datenschutzerklärung"),
    "accessibility": _("Erklärung zur Barrierefreiheit"),
    "easy-language": _("Leichte Sprache"),
}


def legal_page(request, page):
    title = LEGAL_PAGES[page]
    return render(request, "centre/legal_page.html", {"title": title, "crumbs": [{"title": title}]})
