"""Images of content: alternative text or "decorative", stored only as clean WebP copies in
the sizes the layout needs, shown with srcset, removed with their record."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from centre.models import ContactPerson
from fields.models import FieldOfWork
from networks.models import Partner
from news.models import NewsItem
from portal.images import IMAGE_WIDTHS, rendition_name
from tests.factories import (
    ContactPersonFactory,
    FieldOfWorkFactory,
    MembershipFactory,
    NetworkFactory,
    NewsItemFactory,
    PartnerFactory,
    image,
)
from tests.security.test_uploads import black_and_white_png, errors_next_to

pytestmark = pytest.mark.django_db

ALT = "Frauen lernen gemeinsam an einem Tisch Deutsch."


def upload(content: bytes, name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def field_form(**image_fields) -> dict:
    """The admin's form for a new field of work, with the given image fields."""
    return {
        "title": "Integration durch Sport",
        "slug": "integration-durch-sport",
        "summary": "Übungsleiterschulungen.",
        "body": "<p>Sport verbindet.</p>",
        "order": "1",
        "is_published": "on",
        "offers-TOTAL_FORMS": "0",
        "offers-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        **image_fields,
    }


def stored_files(media) -> set[str]:
    return {str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()}


def with_image(factory, content=None, **kwargs):
    """A record made by `factory` with an image of 2000 by 1000 pixels (or `content`)."""
    return factory(image=upload(content or image("JPEG", size=(2000, 1000))), **kwargs)


def read(field_file, width=None) -> Image.Image:
    name = field_file.name
    if width:
        name = rendition_name(name, width, field_file.instance.image_width)
    with field_file.storage.open(name) as handle:
        return Image.open(io.BytesIO(handle.read()))


# The alternative text


def test_an_image_without_alternative_text_is_refused_next_to_that_field(editor_client):
    response = editor_client.post(
        "/admin/fields/fieldofwork/add/", field_form(image=upload(image("JPEG")))
    )

    assert response.status_code == 200
    assert "Bitte beschreiben Sie, was auf dem Bild zu sehen ist" in errors_next_to(
        response.content.decode(), "image_alt"
    )
    assert not FieldOfWork.objects.exists()


def test_a_decorative_image_needs_no_alternative_text(editor_client):
    response = editor_client.post(
        "/admin/fields/fieldofwork/add/",
        field_form(image=upload(image("JPEG")), image_decorative="on"),
    )

    assert response.status_code == 302
    field = FieldOfWork.objects.get()
    assert field.image_decorative
    assert field.image


def test_an_image_with_alternative_text_is_saved_from_the_admin(editor_client):
    response = editor_client.post(
        "/admin/fields/fieldofwork/add/", field_form(image=upload(image("JPEG")), image_alt=ALT)
    )

    assert response.status_code == 302
    assert FieldOfWork.objects.get().image_alt == ALT


def test_the_admin_shows_a_preview_of_the_current_image(editor_client):
    field = with_image(FieldOfWorkFactory, image_alt=ALT)

    page = editor_client.get(f"/admin/fields/fieldofwork/{field.pk}/change/").content.decode()

    assert "<h2>Bild</h2>" in page or ">Bild</h2>" in page
    preview = re.search(r'<div class="readonly"><img src="(/bilder/[^"]+)"', page)
    assert preview
    assert preview.group(1) == field.image.url


@pytest.mark.parametrize(
    "admin_url",
    [
        "/admin/fields/fieldofwork/add/",
        "/admin/news/newsitem/add/",
        "/admin/news/event/add/",
        "/admin/centre/contactperson/add/",
        "/admin/networks/partner/add/",
    ],
)
def test_the_image_field_shows_types_and_limit_as_every_upload_field_does(editor_client, admin_url):
    page = editor_client.get(admin_url).content.decode()

    hint = re.search(r'<div class="help" id="id_image_helptext">(.*?)</div>\s*</div>', page, re.S)
    assert hint, admin_url
    text = " ".join(re.sub(r"<[^>]+>", " ", hint.group(1)).split())
    assert text.startswith("Ein Foto oder eine Grafik.")
    assert text.endswith("Erlaubt: PNG, JPEG, höchstens 10,0 MB.")
    assert text.count("PNG") == 1


@pytest.mark.parametrize(
    ("factory", "alt_field"),
    [(NewsItemFactory, "image_alt"), (PartnerFactory, "image_alt")],
    ids=["translated", "plain"],
)
def test_model_validation_requires_alternative_text_or_decorative(factory, alt_field):
    record = with_image(factory, content=image("PNG"))
    setattr(record, alt_field, "  ")

    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "image_alt" in refused.value.message_dict

    record.image_decorative = True
    record.full_clean()


def test_a_translation_needs_no_alternative_text_of_its_own():
    item = with_image(NewsItemFactory, image_alt=ALT)
    item = NewsItem.objects.get(pk=item.pk)
    item.set_current_language("ar")
    item.title, item.teaser, item.image_alt = "خبر", "ملخص", ""

    item.full_clean()


def test_a_translation_is_refused_while_the_german_text_is_missing():
    item = with_image(NewsItemFactory, image_decorative=True)
    item = NewsItem.objects.get(pk=item.pk)
    item.set_current_language("ar")
    item.title, item.teaser = "خبر", "ملخص"
    item.image_decorative = False

    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "in der deutschen Fassung" in refused.value.message_dict["image_alt"][0]


def test_model_validation_checks_no_stored_file_again(media):
    item = with_image(NewsItemFactory, image_alt=ALT)
    for path in media.rglob("*.webp"):
        path.unlink()

    item.full_clean()


ARABIC_FORMS = {
    "field of work": (
        FieldOfWorkFactory,
        "/admin/fields/fieldofwork",
        lambda record: field_form(slug=record.slug, title="الرياضة", summary="تدريب.", body=""),
        "/ar/handlungsfelder/{slug}/",
    ),
    "news item": (
        NewsItemFactory,
        "/admin/news/newsitem",
        lambda record: {
            "title": "خبر",
            "slug": record.slug,
            "teaser": "ملخص",
            "body": "",
            "published_on": record.published_on.strftime("%d.%m.%Y"),
            "is_published": "on",
        },
        "/ar/aktuelles/{slug}/",
    ),
}


@pytest.mark.parametrize(
    ("factory", "admin_url", "arabic_form", "page_url"),
    ARABIC_FORMS.values(),
    ids=ARABIC_FORMS.keys(),
)
def test_a_translation_without_alternative_text_is_saved_and_shows_the_german_one(
    editor_client, client, factory, admin_url, arabic_form, page_url
):
    record = with_image(factory, image_alt=ALT)

    response = editor_client.post(
        f"{admin_url}/{record.pk}/change/?language=ar", arabic_form(record)
    )

    assert response.status_code == 302
    record = type(record).objects.get(pk=record.pk)
    assert record.has_translation("ar")
    assert record.safe_translation_getter("image_alt", language_code="ar") == ""
    page = client.get(page_url.format(slug=record.slug)).content.decode()
    [tag] = [tag for tag in img_tags(page) if "srcset" in tag]
    assert f'alt="{ALT}" lang="de" dir="ltr"' in tag


def test_clearing_the_german_alternative_text_is_refused_next_to_the_field(editor_client):
    field = with_image(FieldOfWorkFactory, image_alt=ALT, slug="sport")

    response = editor_client.post(
        f"/admin/fields/fieldofwork/{field.pk}/change/?language=de",
        field_form(slug="sport", image_alt=""),
    )

    assert response.status_code == 200
    assert "Bitte beschreiben Sie, was auf dem Bild zu sehen ist" in errors_next_to(
        response.content.decode(), "image_alt"
    )
    assert FieldOfWork.objects.get().image_alt == ALT


def test_a_translation_cannot_show_an_image_whose_german_text_is_missing(editor_client):
    field = with_image(FieldOfWorkFactory, image_decorative=True, slug="sport")
    data = field_form(slug="sport", title="الرياضة", summary="تدريب.", body="")

    response = editor_client.post(
        f"/admin/fields/fieldofwork/{field.pk}/change/?language=ar",
        {**data, "image_alt": "رياضة"},
    )

    assert response.status_code == 200
    assert "Bitte beschreiben Sie zuerst in der deutschen Fassung" in errors_next_to(
        response.content.decode(), "image_alt"
    )
    field = FieldOfWork.objects.get()
    assert field.image_decorative
    assert not field.has_translation("ar")


# What is stored


def test_an_upload_is_stored_in_the_layouts_widths_as_webp():
    field = with_image(FieldOfWorkFactory, image_alt=ALT)

    assert re.fullmatch(r"images/[0-9a-f]{32}\.webp", field.image.name)
    assert (field.image_width, field.image_height) == (1280, 640)
    for width in IMAGE_WIDTHS:
        stored = read(field.image, width)
        assert stored.format == "WEBP"
        assert stored.size == (width, width // 2)


def test_a_small_image_is_never_enlarged(media):
    item = with_image(NewsItemFactory, content=image("PNG", size=(500, 250)), image_alt=ALT)

    assert (item.image_width, item.image_height) == (500, 250)
    assert read(item.image).size == (500, 250)
    assert read(item.image, 320).size == (320, 160)
    assert len(stored_files(media)) == 2


def test_exif_with_the_place_and_camera_is_removed():
    exif = Image.Exif()
    exif[0x013B] = "Erika Mustermann"  # Artist
    exif[0x0110] = "Kamera XY"  # Model
    exif[0x8825] = {1: "N", 2: (51.0, 28.0, 12.0)}  # GPS: latitude
    photo = image("JPEG", size=(800, 600), exif=exif.tobytes())

    person = with_image(ContactPersonFactory, content=photo, image_alt="Porträt")

    for width in (320, 640, 800):
        stored = read(person.image, width)
        assert not stored.getexif()
        with person.image.storage.open(rendition_name(person.image.name, width, 800)) as handle:
            data = handle.read()
        assert b"Mustermann" not in data
        assert b"Kamera" not in data
        assert b"EXIF" not in data.upper()


def test_a_png_text_chunk_is_removed_and_transparency_kept():
    info = PngInfo()
    info.add_text("Comment", "<svg onload=alert(1)>")
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 100), (0, 90, 160, 0)).save(buffer, format="PNG", pnginfo=info)

    partner = with_image(PartnerFactory, content=buffer.getvalue(), image_alt="Logo")

    with partner.image.storage.open(partner.image.name) as handle:
        assert b"svg" not in handle.read()
    assert read(partner.image).mode == "RGBA"


def test_a_photo_taken_sideways_is_stored_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turned 90 degrees
    photo = image("JPEG", size=(800, 400), exif=exif.tobytes())

    item = with_image(NewsItemFactory, content=photo, image_alt=ALT)

    assert (item.image_width, item.image_height) == (400, 800)
    assert read(item.image).size == (400, 800)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "im Format PNG oder JPEG"),
        (image("GIF"), "im Format PNG oder JPEG"),
        (black_and_white_png(20000, 20000), "zu viele Bildpunkte"),
        (black_and_white_png(8000, 6000), "zu viele Bildpunkte"),
    ],
    ids=["html", "gif", "bomb-above-pillows-limit", "bomb-above-the-images-limit"],
)
def test_what_is_no_usable_image_is_refused_next_to_the_field(
    editor_client, media, content, message
):
    response = editor_client.post(
        "/admin/fields/fieldofwork/add/",
        field_form(image=upload(content, "bild.png"), image_alt=ALT),
    )

    assert response.status_code == 200
    assert message in errors_next_to(response.content.decode(), "image")
    assert not FieldOfWork.objects.exists()
    assert not stored_files(media)


# Removal


def test_replacing_an_image_removes_the_old_files(
    editor_client, media, django_capture_on_commit_callbacks
):
    field = with_image(FieldOfWorkFactory, image_alt=ALT)
    old = stored_files(media)
    assert len(old) == 4

    with django_capture_on_commit_callbacks(execute=True):
        field.image = upload(image("PNG", size=(700, 350)))
        field.save()

    now = stored_files(media)
    assert not old & now
    assert len(now) == 3


def test_clearing_an_image_in_the_admin_removes_its_files(
    editor_client, media, django_capture_on_commit_callbacks
):
    field = with_image(FieldOfWorkFactory, image_alt=ALT, slug="sport")
    data = field_form(slug="sport", **{"image-clear": "on", "image_alt": ALT})

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/fields/fieldofwork/{field.pk}/change/", data)

    assert response.status_code == 302
    field.refresh_from_db()
    assert not field.image
    assert field.image_width is None
    assert not stored_files(media)


def test_deleting_a_record_removes_its_files(media, django_capture_on_commit_callbacks):
    item = with_image(NewsItemFactory, image_alt=ALT)
    with_image(NewsItemFactory, image_alt=ALT)

    with django_capture_on_commit_callbacks(execute=True):
        item.delete()

    assert len(stored_files(media)) == 4


def test_a_bulk_deletion_removes_the_files(media, django_capture_on_commit_callbacks):
    with_image(ContactPersonFactory, image_alt="Porträt")
    with_image(ContactPersonFactory, image_alt="Porträt")

    with django_capture_on_commit_callbacks(execute=True):
        ContactPerson.objects.all().delete()

    assert not stored_files(media)


def test_files_stay_when_a_deletion_is_rolled_back(media, django_capture_on_commit_callbacks):
    item = with_image(NewsItemFactory, image_alt=ALT)

    with django_capture_on_commit_callbacks(execute=False):
        NewsItem.objects.filter(pk=item.pk).delete()

    assert len(stored_files(media)) == 4


# Public pages


def img_tags(page: str) -> list[str]:
    return re.findall(r"<img [^>]*>", page)


def test_a_detail_page_shows_the_image_in_every_width_with_its_alternative_text(client):
    field = with_image(FieldOfWorkFactory, image_alt=ALT)

    page = client.get(field.get_absolute_url()).content.decode()

    [tag] = [tag for tag in img_tags(page) if "srcset" in tag]
    name = field.image.name.removeprefix("images/").removesuffix(".webp")
    expected = ", ".join(
        [f"/bilder/{name}-{width}.webp {width}w" for width in (320, 640, 960)]
        + [f"/bilder/{name}.webp 1280w"]
    )
    assert f'srcset="{expected}"' in tag
    assert f'alt="{ALT}"' in tag
    assert 'width="1280" height="640"' in tag
    assert 'loading="lazy"' in tag
    assert 'decoding="async"' in tag
    assert 'sizes="(min-width: 52rem) 48rem, calc(100vw - 2rem)"' in tag


def test_a_decorative_image_has_an_empty_alt(client):
    item = with_image(NewsItemFactory, image_alt="wird nicht gezeigt", image_decorative=True)

    page = client.get(item.get_absolute_url()).content.decode()

    [tag] = [tag for tag in img_tags(page) if "srcset" in tag]
    assert 'alt=""' in tag
    assert "wird nicht gezeigt" not in page


def test_arabic_visitors_get_the_arabic_alternative_text(client):
    item = with_image(NewsItemFactory, image_alt=ALT)
    item.set_current_language("ar")
    item.title, item.teaser, item.image_alt = "خبر", "ملخص", "نساء يتعلمن الألمانية معا."
    item.save()

    page = client.get(f"/ar/aktuelles/{item.slug}/").content.decode()

    [tag] = [tag for tag in img_tags(page) if "srcset" in tag]
    assert 'alt="نساء يتعلمن الألمانية معا."' in tag
    assert "lang=" not in tag


def test_lists_show_thumbnails_and_the_tiles_a_card_image(client):
    with_image(NewsItemFactory, image_alt=ALT)
    with_image(FieldOfWorkFactory, image_alt="Sport")

    news = client.get("/de/aktuelles/").content.decode()
    fields = client.get("/de/handlungsfelder/").content.decode()

    [thumbnail] = img_tags(news)
    assert 'class="thumbnail-image"' in thumbnail
    assert 'sizes="10rem"' in thumbnail
    [card] = [tag for tag in img_tags(fields) if "srcset" in tag]
    assert 'class="card-image"' in card
    assert 'alt="Sport"' in card


def test_contact_persons_and_partner_logos_are_shown(client):
    person = with_image(ContactPersonFactory, image_alt="Porträt einer Beraterin")
    field = FieldOfWorkFactory()
    field.contact_persons.add(person)
    network = NetworkFactory()
    MembershipFactory(
        network=network,
        partner=with_image(PartnerFactory, content=image("PNG"), image_alt="Logo der Stadt"),
    )

    field_page = client.get(field.get_absolute_url()).content.decode()
    network_page = client.get(network.get_absolute_url()).content.decode()

    assert 'alt="Porträt einer Beraterin"' in field_page
    [logo] = [tag for tag in img_tags(network_page) if "srcset" in tag]
    assert 'class="logo-image"' in logo
    assert 'alt="Logo der Stadt"' in logo


def test_the_image_view_sends_each_size(client):
    field = with_image(FieldOfWorkFactory, image_alt=ALT)
    name = field.image.name.removeprefix("images/")

    response = client.get(f"/bilder/{name.replace('.webp', '-640.webp')}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (640, 320)


@pytest.mark.parametrize(
    "path",
    ["/bilder/0123456789abcdef0123456789abcdef.webp", "/bilder/..%2Fsettings.py", "/bilder/x.png"],
)
def test_the_image_view_answers_404_for_anything_else(client, path):
    assert client.get(path).status_code == 404


def test_a_missing_file_breaks_no_page(client, editor_client, media):
    field = with_image(FieldOfWorkFactory, image_alt=ALT)
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()

    assert client.get(field.get_absolute_url()).status_code == 200
    assert client.get(field.image.url).status_code == 404
    assert editor_client.get(f"/admin/fields/fieldofwork/{field.pk}/change/").status_code == 200


def test_a_network_list_shows_no_partner_logos(client):
    network = NetworkFactory()
    MembershipFactory(network=network, partner=with_image(PartnerFactory, image_alt="Logo"))

    page = client.get("/de/netzwerke/").content.decode()

    assert "/bilder/" not in page
    assert Partner.objects.get().image
