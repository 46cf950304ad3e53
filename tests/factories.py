import datetime
import io
import struct

import factory
from axes.models import AccessAttempt, AccessFailureLog
from axes.models import AccessLog as LoginRecord
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from PIL import Image

from centre.models import (
    AccessibilityStatement,
    BarrierFeedback,
    CentreProfile,
    ContactPerson,
    InformationPage,
    Location,
    PageKind,
)
from counselling.models import (
    AccessAction,
    AccessLog,
    Channel,
    CounsellingRequest,
    Counsellor,
    MembershipChange,
    MembershipLog,
    MonthlyCount,
    Topic,
)
from fields.models import Document, FieldOfWork, Offer, TargetGroup
from languages.models import Language
from networks.models import (
    Kind,
    Level,
    Membership,
    Network,
    NetworkDocument,
    Partner,
    PartnerKind,
    Theme,
)
from news.models import Event, NewsItem
from organisations.models import (
    Activity,
    Audience,
    Decision,
    DecisionKind,
    District,
    LegalForm,
    NetworkMeeting,
    Organisation,
    QualificationTopic,
    Status,
    SupportOffer,
)
from portal.models import MailStatus, OutgoingMail

# The smallest file a PDF reader and the upload check accept as a PDF.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")
    order = factory.Sequence(int)


class FieldOfWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfWork

    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    summary = factory.LazyAttribute(lambda field: f"Worum es im {field.title} geht.")
    body = "<p>Beschreibung des Handlungsfelds.</p>"
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    order = factory.Sequence(int)
    is_published = True


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    field_of_work = factory.SubFactory(FieldOfWorkFactory)
    title = factory.Sequence(lambda n: f"Angebot {n}")
    description = "Was das Angebot leistet."
    order = factory.Sequence(int)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    field_of_work = factory.SubFactory(FieldOfWorkFactory)
    title = factory.Sequence(lambda n: f"Leitfaden {n}")
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="leitfaden.pdf"))
    language = "de"


def mp4_box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4(seconds: int, timescale: int = 1000, version: int = 0) -> bytes:
    """A minimal MP4: a file type box and a movie box with its header."""
    if version == 1:
        dates = bytes([1, 0, 0, 0]) + bytes(16)
        header = dates + struct.pack(">IQ", timescale, seconds * timescale)
    else:
        header = bytes(12) + struct.pack(">II", timescale, seconds * timescale)
    movie = mp4_box(b"moov", mp4_box(b"mvhd", header + bytes(80)))
    return mp4_box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2") + movie


def image(kind: str = "PNG", size: tuple[int, int] = (40, 20), **options) -> bytes:
    """A small image made by Pillow, in the format `kind` ("PNG", "JPEG", "GIF", …)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(buffer, format=kind, **options)
    return buffer.getvalue()


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Meldung {n}")
    teaser = factory.LazyAttribute(lambda item: f"Worum es in der {item.title} geht.")
    body = "<p>Text der Meldung.</p>"
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    published_on = factory.LazyFunction(timezone.localdate)
    is_published = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    description = "<p>Was bei der Veranstaltung geschieht.</p>"
    venue = "Zentrum Altenberg"
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    is_published = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An approved entry, confirmed today; `pending=True` gives one waiting for review."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    class Params:
        pending = factory.Trait(status=Status.PENDING, last_confirmed_at=None)

    status = Status.APPROVED
    name = factory.Sequence(lambda n: f"Kulturverein {n} e. V.")
    legal_form = LegalForm.REGISTERED_ASSOCIATION
    register_court = "Amtsgericht Duisburg"
    register_number = factory.Sequence(lambda n: f"VR {1000 + n}")
    city = "Oberhausen"
    description = "Wir treffen uns jeden Samstag zum Sprachcafé im Stadtteilzentrum."
    contact_name = factory.Sequence(lambda n: f"Vorsitzende {n}")
    contact_role = "Vorsitzende"
    contact_email = factory.Sequence(lambda n: f"vorstand{n}@verein.example")
    contact_phone = "0208 123456"
    consent_version = "2026-11"
    consent_text = "Wir speichern Ihre Angaben, um Ihre Organisation zu prüfen."
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    last_confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if create and extracted:
            self.activities.set(extracted)

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Stadtteil {n}")


class SupportOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportOffer

    title = factory.Sequence(lambda n: f"Unterstützungsangebot {n}")
    description = "Was wir für Vereine tun."
    order = factory.Sequence(int)


class NetworkMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMeeting

    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    place = "Haus der Vielfalt, Saal 2"
    agenda = "Begrüßung\nThemen für die nächsten Qualifizierungen wählen"


def create_published_organisations(count: int) -> list[Organisation]:
    """`count` published entries, fast: two districts, one or two of three languages, one
    of three activities and one of two audiences each. Bypasses `save()`, so the names
    are "Verein 000", "Verein 001", … with their slugs and name keys set here."""
    districts = [DistrictFactory(name=name) for name in ["Alt-Oberhausen", "Osterfeld"]]
    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Verein {number:03d}",
            name_key=f"verein {number:03d}",
            slug=f"verein-{number:03d}",
            legal_form=LegalForm.REGISTERED_ASSOCIATION,
            description="Wir treffen uns jede Woche.",
            district=districts[number % 2],
            status=Status.APPROVED,
            confirmed_at=now,
            last_confirmed_at=now,
        )
        for number in range(count)
    )
    languages = list(Language.objects.filter(code__in=["tr", "ar", "uk"]))
    activities = list(Activity.objects.all()[:3])
    audiences = list(Audience.objects.all()[:2])
    through = Organisation.languages.through
    through.objects.bulk_create(
        [
            through(organisation=entry, language=languages[n % 3])
            for n, entry in enumerate(organisations)
        ]
        + [
            through(organisation=entry, language=languages[(n + 1) % 3])
            for n, entry in enumerate(organisations)
            if n % 2 == 0
        ]
    )
    through = Organisation.activities.through
    through.objects.bulk_create(
        through(organisation=entry, activity=activities[n % 3])
        for n, entry in enumerate(organisations)
    )
    through = Organisation.audiences.through
    through.objects.bulk_create(
        through(organisation=entry, audience=audiences[n % 2])
        for n, entry in enumerate(organisations)
    )
    return organisations


class CounsellingRequestFactory(factory.django.DjangoModelFactory):
    """A request by phone with a name and a message, encrypted on save like any other."""

    class Meta:
        model = CounsellingRequest

    topic = Topic.FAMILY
    language = factory.LazyFunction(lambda: Language.objects.get(code="tr"))
    channel = Channel.PHONE
    contact_detail = "0176 12345678"
    name = factory.Sequence(lambda n: f"Leyla {n}")
    message = "Ich brauche Hilfe mit einem Brief vom Jugendamt."
    confirmation_requested = False
    page_language = "de"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    order = factory.Sequence(int)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partnerstadt {n}")
    kind = PartnerKind.CITY


class NetworkFactory(factory.django.DjangoModelFactory):
    """A current, published local working group with its German text."""

    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Arbeitskreis {n}")
    description = factory.LazyAttribute(lambda network: f"Was der {network.name} tut.")
    slug = factory.Sequence(lambda n: f"arbeitskreis-{n}")
    level = Level.LOCAL
    kind = Kind.WORKING_GROUP
    order = factory.Sequence(int)
    is_published = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    partner = factory.SubFactory(PartnerFactory)
    order = factory.Sequence(int)


class NetworkDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkDocument

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Kooperationsvertrag {n}")
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="vertrag.pdf"))
    language = "de"


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Gruppe {n}")


class TaskResultFactory(factory.django.DjangoModelFactory):
    """A delivery of a mail the worker has not run yet, to be run as soon as it can."""

    class Meta:
        model = DBTaskResult

    task_path = "portal.tasks.deliver_mail"
    args_kwargs = factory.LazyFunction(lambda: {"args": [1], "kwargs": {}})
    backend_name = "default"
    run_after = factory.LazyFunction(get_date_max)


class OutgoingMailFactory(factory.django.DjangoModelFactory):
    """A mail that failed, so it can be sent again."""

    class Meta:
        model = OutgoingMail

    recipient = factory.Sequence(lambda n: f"empfaenger{n}@example.org")
    subject = "Ihre Anmeldung"
    body = "Guten Tag, wir haben Ihre Anmeldung erhalten."
    status = MailStatus.FAILED
    attempts = 5
    last_error = "Connection refused"


class LanguageFactory(factory.django.DjangoModelFactory):
    """A language of the list that nothing points to yet (private-use codes qaa–qtz)."""

    class Meta:
        model = Language
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"q{chr(ord('a') + n // 26 % 20)}{chr(ord('a') + n % 26)}")
    name = factory.Sequence(lambda n: f"Sprache {n}")
    name_de = factory.LazyAttribute(lambda language: language.name)


class CentreProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreProfile

    name = "Kommunales Integrationszentrum Musterstadt"
    street = "Rathausplatz 1"
    postal_code = "12345"
    city = "Musterstadt"
    email = "ki@musterstadt.example"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Standort {n}")
    street = "Rathausplatz 1"
    postal_code = "12345"
    city = "Musterstadt"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Ansprechperson {n}")
    role = "Beratung"
    email = factory.Sequence(lambda n: f"person{n}@musterstadt.example")


class InformationPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationPage
        django_get_or_create = ["kind"]

    kind = PageKind.IMPRINT
    intro = "<p>Angaben nach § 5 DDG.</p>"


class AccessibilityStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessibilityStatement

    prepared_on = factory.LazyFunction(timezone.localdate)
    last_reviewed = factory.LazyFunction(timezone.localdate)
    ombudsstelle = "Ombudsstelle für barrierefreie Informationstechnik des Landes NRW"


class BarrierFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarrierFeedback

    page_url = "/de/kontakt/"
    description = "Das Formular lässt sich mit der Tastatur nicht abschicken."
    name = "Ada Beispiel"
    email = "ada@example.org"


class NamedListEntryFactory(factory.django.DjangoModelFactory):
    """An entry of one of the lists the MSO team keeps; the subclasses name the list."""

    name = factory.Sequence(lambda n: f"Eintrag {n}")
    slug = factory.Sequence(lambda n: f"eintrag-{n}")
    order = factory.Sequence(int)


class ActivityFactory(NamedListEntryFactory):
    class Meta:
        model = Activity


class AudienceFactory(NamedListEntryFactory):
    class Meta:
        model = Audience


class QualificationTopicFactory(NamedListEntryFactory):
    class Meta:
        model = QualificationTopic


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    organisation = factory.SubFactory(OrganisationFactory)
    kind = DecisionKind.APPROVED


class AccessLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessLog

    username = "counsellor"
    reference = "K7Q2M9XA"
    action = AccessAction.OPENED


class MembershipLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipLog

    actor_name = "dpo"
    member_name = "counsellor"
    group = "Beratung"
    change = MembershipChange.ADDED


class MonthlyCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyCount

    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    topic = Topic.FAMILY
    language = factory.LazyFunction(lambda: Language.objects.get(code="tr"))
    channel = Channel.PHONE
    count = 3


class CounsellorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counsellor

    contact_person = factory.SubFactory(ContactPersonFactory)


class LoginFactory(factory.django.DjangoModelFactory):
    """What django-axes records of a login attempt; the subclasses name the record."""

    username = "editor"
    ip_address = "192.0.2.10"
    user_agent = "Mozilla/5.0"
    http_accept = "text/html"
    path_info = "/admin/login/"


class AccessAttemptFactory(LoginFactory):
    """Failed logins that still count towards a lockout."""

    class Meta:
        model = AccessAttempt

    get_data = ""
    post_data = "username=editor"
    failures_since_start = 3


class LoginRecordFactory(LoginFactory):
    class Meta:
        model = LoginRecord


class AccessFailureLogFactory(LoginFactory):
    class Meta:
        model = AccessFailureLog
