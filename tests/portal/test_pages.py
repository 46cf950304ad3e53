"""A page's title and breadcrumb trail come from its view; base.html renders both."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.views.generic import TemplateView

from portal.pages import Crumb, PageMixin, page
from tests.factories import NetworkFactory

SECTION = Crumb("Migrantenorganisationen", reverse_lazy("organisations:landing"))


def trail(html):
    """The breadcrumb trail as (text, link or None) pairs, and the steps marked current."""
    breadcrumbs = html[html.index('class="breadcrumbs__list"') : html.index("</ol>")]
    steps = []
    for item in re.findall(r"<li>(.*?)</li>", breadcrumbs):
        href = re.search(r'href="([^"]*)"', item)
        steps.append((re.sub(r"<[^>]+>", "", item), href and href.group(1)))
    current = re.findall(r'aria-current="page">(?:<bdi>)?([^<]+)', breadcrumbs)
    return steps, current


def test_a_page_ends_the_trail_after_its_parents():
    context = page("Verzeichnis", SECTION)

    assert context["title"] == "Verzeichnis"
    assert context["crumbs"] == [SECTION, Crumb("Verzeichnis")]


def test_a_page_without_parents_sits_right_below_the_home_page():
    assert page("Kontakt")["crumbs"] == [Crumb("Kontakt")]


def test_the_home_page_has_a_title_but_no_crumb_of_its_own():
    assert page("Startseite", home=True) == {
        "title": "Startseite",
        "heading": "Startseite",
        "crumbs": [],
    }


def test_the_trail_links_every_step_but_the_current_page():
    with translation.override("de"):
        html = render_to_string("includes/_breadcrumbs.html", page("Verzeichnis", SECTION))

    steps, current = trail(html)
    assert steps == [
        ("Startseite", "/de/"),
        ("Migrantenorganisationen", "/de/migrantenorganisationen/"),
        ("Verzeichnis", None),
    ]
    assert current == ["Verzeichnis"]


def test_a_parent_link_follows_the_page_language():
    with translation.override("ar"):
        html = render_to_string("includes/_breadcrumbs.html", page("دليل", SECTION))

    steps, _current = trail(html)
    assert steps[1][1] == "/ar/migrantenorganisationen/"


class SectionPage(PageMixin, TemplateView):
    template_name = "404.html"
    title = "Unterseite"
    parents = (SECTION,)


class ObjectPage(SectionPage):
    def get_title(self):
        return f"Seite {self.kwargs['number']}"


@pytest.mark.django_db
def test_a_generic_view_declares_its_title_and_parents_as_attributes():
    request = RequestFactory().get("/de/x/")

    context = SectionPage.as_view()(request).context_data

    assert context["title"] == "Unterseite"
    assert context["crumbs"] == [SECTION, Crumb("Unterseite")]


@pytest.mark.django_db
def test_a_generic_view_can_compute_its_title():
    request = RequestFactory().get("/de/x/")

    context = ObjectPage.as_view()(request, number=3).context_data

    assert context["crumbs"][-1] == Crumb("Seite 3")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "ar"])
def test_base_renders_the_title_and_trail_of_a_detail_page(client, language):
    network = NetworkFactory(name="Städtekooperation Ruhr", slug="ruhr")
    network.set_current_language("ar")
    network.name = "تعاون مدن الرور"
    network.save()

    html = client.get(f"/{language}/netzwerke/ruhr/").content.decode()

    name = network.safe_translation_getter("name", language_code=language)
    assert f"<title>{name}</title>" in html
    steps, current = trail(html)
    assert [href for _text, href in steps] == [f"/{language}/", f"/{language}/netzwerke/", None]
    assert current == [name]


@pytest.mark.django_db
def test_the_title_says_when_the_form_on_the_page_has_errors(client):
    html = client.get(reverse("organisations:directory"), {"activity": "gibt-es-nicht"})

    assert "<title>Fehler: Verzeichnis der Migrantenorganisationen" in html.content.decode()


@pytest.mark.django_db
def test_the_home_page_is_the_whole_trail(client):
    html = client.get("/de/").content.decode()

    steps, current = trail(html)
    assert steps == [("Startseite", None)]
    assert current == ["Startseite"]
    assert "<title>Startseite" in html
