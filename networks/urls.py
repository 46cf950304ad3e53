from django.urls import path

from networks import views

app_name = "networks"

urlpatterns = [
    path("netzwerke/", views.NetworkListView.as_view(), name="list"),
    path("netzwerke/<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
    path("netzwerke/<slug:slug>/dokumente/<int:pk>/", views.document_download, name="document"),
]
