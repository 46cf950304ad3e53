from django.urls import path

from centre import views

app_name = "centre"

urlpatterns = [
    path("kontakt/", views.ContactView.as_view(), name="contact"),
    path("kontakt/<int:pk>/vcard/", views.vcard, name="vcard"),
    path("impressum/", views.InformationPageView.as_view(), {"kind": "imprint"}, name="imprint"),
    path("datenschutz/", views.InformationPageView.as_view(), {"kind": "privacy"}, name="privacy"),
    path("barrierefreiheit/", views.AccessibilityStatementView.as_view(), name="accessibility"),
    path("barrierefreiheit/rueckmeldung/", views.barrier_feedback, name="barrier-feedback"),
    path(
        "barrierefreiheit/rueckmeldung/danke/",
        views.BarrierFeedbackThanksView.as_view(),
        name="barrier-feedback-thanks",
    ),
    path(
        "leichte-sprache/",
        views.InformationPageView.as_view(),
        {"kind": "easy-language"},
        name="easy-language",
    ),
    path("gebaerdensprache/<slug:kind>.mp4", views.sign_language_video, name="sign-language-video"),
    path("ueber-uns/", views.InformationPageView.as_view(), {"kind": "about"}, name="about"),
]
