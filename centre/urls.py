from django.urls import path

from centre import views

app_name = "centre"

urlpatterns = [
    path("kontakt/", views.contact, name="contact"),
    path("kontakt/<int:pk>/vcard/", views.vcard, name="vcard"),
    path("impressum/", views.information_page, {"kind": "imprint"}, name="imprint"),
    path("datenschutz/", views.information_page, {"kind": "privacy"}, name="privacy"),
    path("barrierefreiheit/", views.accessibility_statement, name="accessibility"),
    path("barrierefreiheit/rueckmeldung/", views.barrier_feedback, name="barrier-feedback"),
    path(
        "barrierefreiheit/rueckmeldung/danke/",
        views.barrier_feedback_thanks,
        name="barrier-feedback-thanks",
    ),
    path(
        "leichte-sprache/",
        views.information_page,
        {"kind": "easy-language"},
        name="easy-language",
    ),
    path("gebaerdensprache/<slug:kind>.mp4", views.sign_language_video, name="sign-language-video"),
    path("ueber-uns/", views.information_page, {"kind": "about"}, name="about"),
]
