from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from news import structured_data
from news.models import Event, NewsItem
from portal.pages import Crumb, PageMixin, content_title
from portal.publishing import PreviewMixin

NEWS_TITLE = _("Aktuelles")
EVENTS_TITLE = _("Veranstaltungen")


class NewsListView(PageMixin, ListView):
    """Published news, newest first; a page number beyond the last page is not found."""

    context_object_name = "news"
    paginate_by = 10
    title = NEWS_TITLE

    def get_queryset(self):
        return NewsItem.objects.published().prefetch_related("translations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(
            page.number, on_each_side=1, on_ends=1
        )
        return context


class NewsDetailView(PreviewMixin, PageMixin, DetailView):
    context_object_name = "item"
    parents = (Crumb(NEWS_TITLE, reverse_lazy("news:list")),)

    def get_title(self):
        return content_title(self.object, self.object.title)

    def get_queryset(self):
        return NewsItem.objects.visible_to(self.request.user).prefetch_related("translations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = structured_data.news_article(
            self.object, self.request.build_absolute_uri(self.object.get_absolute_url())
        )
        return context


class EventListView(PageMixin, ListView):
    """Coming events, soonest first; past events keep their own pages."""

    context_object_name = "events"
    title = EVENTS_TITLE

    def get_queryset(self):
        return Event.objects.published().upcoming().prefetch_related("translations")


class EventDetailView(PreviewMixin, PageMixin, DetailView):
    context_object_name = "event"
    parents = (Crumb(EVENTS_TITLE, reverse_lazy("news:events")),)

    def get_title(self):
        return content_title(self.object, self.object.title)

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .select_related("location")
            .prefetch_related("translations", "location__translations")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = structured_data.event(
            self.object, self.request.build_absolute_uri(self.object.get_absolute_url())
        )
        return context
