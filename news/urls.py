from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("aktuelles/", views.NewsListView.as_view(), name="list"),
    path("aktuelles/<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    path("veranstaltungen/", views.EventListView.as_view(), name="events"),
    path("veranstaltungen/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
]
