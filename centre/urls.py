from django.urls import path

from centre import views

app_name = "centre"

urlpatterns = [
    path("kontakt/", views.contact, name="contact"),
    path("kontakt/<int:pk>/vcard/", views.vcard, name="vcard"),
    path("impressum/", views.legal_page, {"page": "imprint"}, name="imprint"),
    path("datenschutz/", views.legal_page, {"page": "privacy"}, name="privacy"),
    path("barrierefreiheit/", views.legal_page, {"page": "accessibility"}, name="accessibility"),
    path("barrierefreiheit/rueckmeldung/", views.barrier_feedback, name="barrier-feedback"),
    path(
        "barrierefreiheit/rueckmeldung/danke/",
        views.barrier_feedback_thanks,
        name="barrier-feedback-thanks",
    ),
    path("leichte-sprache/", views.legal_page, {"page": "easy-language"}, name="easy-language"),
]
