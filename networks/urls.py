from django.urls import path

from networks import views

app_name = "networks"

urlpatterns = [
    path("netzwerke/", views.network_list, name="list"),
    path("netzwerke/<slug:slug>/", views.network_detail, name="detail"),
    path("netzwerke/<slug:slug>/dokumente/<int:pk>/", views.document_download, name="document"),
]
