from django.urls import path

from fields import views

app_name = "fields"

urlpatterns = [
    path("handlungsfelder/", views.FieldOfWorkListView.as_view(), name="list"),
    path("handlungsfelder/<slug:slug>/", views.FieldOfWorkDetailView.as_view(), name="detail"),
    path(
        "handlungsfelder/<slug:slug>/dokumente/<int:pk>/",
        views.document_download,
        name="document",
    ),
    path("fuer/<slug:slug>/", views.TargetGroupDetailView.as_view(), name="target-group"),
]
