"""Images in a real browser: their space is kept before they arrive, they come from the
portal in a size that fits, and in Arabic a thumbnail stands on the right."""

import pytest

pytestmark = pytest.mark.browser

NEWS_ITEM = "/{language}/aktuelles/frauentag-2024/"


def test_an_image_keeps_its_space_while_it_has_not_arrived(new_page, live_server, content):
    page = new_page(viewport={"width": 360, "height": 720})
    # A slow phone: no image arrives at all.
    page.route("**/bilder/**", lambda route: route.abort())

    page.goto(live_server.url + NEWS_ITEM.format(language="de"))

    image = page.locator("article img")
    box = image.bounding_box()
    assert image.evaluate("element => element.naturalWidth") == 0
    # 1600 by 900 uploaded, stored 1280 by 720: the box has the image's proportions.
    assert box["width"] > 300
    assert box["height"] == pytest.approx(box["width"] * 720 / 1280, abs=1)


def test_the_browser_loads_a_size_that_fits_from_the_portal(new_page, live_server, content):
    page = new_page(viewport={"width": 360, "height": 720}, device_scale_factor=1)
    loaded = []
    page.on("requestfinished", lambda request: loaded.append(request.url))

    page.goto(live_server.url + NEWS_ITEM.format(language="de"))
    page.locator("article img").evaluate("element => element.decode()")

    images = [url for url in loaded if "/bilder/" in url]
    assert images
    assert all(url.startswith(live_server.url) for url in images)
    assert all(url.endswith("-320.webp") or url.endswith("-640.webp") for url in images)


def test_in_arabic_a_thumbnail_stands_at_the_start_of_the_line_on_the_right(
    new_page, live_server, content
):
    page = new_page(viewport={"width": 1280, "height": 900})

    page.goto(live_server.url + "/ar/aktuelles/")

    entry = page.locator(".entry-list__item.with-thumbnail").first
    image = entry.locator("img").bounding_box()
    heading = entry.locator("h2").bounding_box()
    assert image["x"] > heading["x"]
