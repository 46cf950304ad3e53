from django.urls import path

from fields import views

app_name = "fields"

urlpatterns = [
    path("", views.FieldOfWorkListView.as_view(), name="list"),
    path("<slug:slug>/", views.FieldOfWorkDetailView.as_view(), name="detail"),
    path("<slug:slug>/dokumente/<int:pk>/", views.document_download, name="document"),
]
