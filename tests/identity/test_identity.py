"""The network's identity as the officer sets it (Settings › Identity in the
admin) and as visitors meet it: colours checked for contrast when saved,
an optional font, the logo in the header and as the browsers' icons, and
/favicon.ico that never answers 404. A change shows at once on kept pages."""

import json
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from maillage_core.models import IdentitySettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

WOFF2 = b"wOF2" + b"\0" * 60
VALID = {"primary_colour": "#0b4f9c", "secondary_colour": "#b35900", "font_family": ""}


def save_identity(admin_client, site, **fields):
    url = reverse("wagtailsettings:edit", args=["maillage_core", "identitysettings", site.pk])
    return admin_client.post(url, {**VALID, **fields})


def theme_address(html):
    return re.search(r'<link rel="stylesheet" href="(/theme\.css\?v=\w+)">', html).group(1)


@pytest.fixture
def site(home_page):
    return home_page.get_site()


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"primary_colour": "#ffcc00"}, "primary_colour", "Cette couleur est trop claire"),  # 1.6:1
        ({"secondary_colour": "#888888"}, "secondary_colour", "Cette couleur est trop claire"),  # 3.5:1
        ({"primary_colour": "bleu"}, "primary_colour", "six chiffres hexadécimaux"),
        ({"font_family": "X", "font_regular": SimpleUploadedFile("police.ttf", b"\0\1\0\0")}, "font_regular", "WOFF2"),
        ({"font_family": "X", "font_bold": SimpleUploadedFile("police.woff2", b"GIF89a")}, "font_bold",
         "pas une police WOFF2"),
        ({"font_regular": SimpleUploadedFile("police.woff2", WOFF2)}, "font_family", "nom de la police"),
        ({"font_family": 'Marianne"; } body { display: none'}, "font_family", "lettres, chiffres"),
    ],
    ids=["light main colour", "light second colour", "not a colour", "not woff2 by name", "not woff2 inside",
         "font without its name", "font name with CSS"],
)
def test_the_identity_refuses_bad_input_with_a_clear_message_and_saves_nothing(
    admin_client, site, fields, field, message
):
    response = save_identity(admin_client, site, **fields)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    assert message in response.content.decode()
    kept = IdentitySettings.for_site(site)
    assert (kept.primary_colour, kept.secondary_colour, kept.font_family, kept.font_regular.name) == (
        "#0b4f9c", "#b35900", "", ""
    )


def test_saved_colours_and_font_reach_kept_pages_at_once(admin_client, site):
    Client().get("/")
    before = Client().get("/")
    assert before["X-Page-Cache"] == "hit"
    old_theme = Client().get(theme_address(before.content.decode())).content.decode()
    assert "--brand: #0b4f9c;" in old_theme and "@font-face" not in old_theme

    response = save_identity(admin_client, site, primary_colour="#7a1f5c", secondary_colour="#1d6b36",
                             font_family="Marianne", font_regular=SimpleUploadedFile("marianne.woff2", WOFF2))
    assert response.status_code == 302

    after = Client().get("/").content.decode()
    assert theme_address(after) != theme_address(before.content.decode())
    theme = Client().get(theme_address(after))
    css = theme.content.decode()
    assert theme["Content-Type"].startswith("text/css") and "immutable" in theme["Cache-Control"]
    assert "--brand: #7a1f5c;" in css and "--accent: #1d6b36;" in css
    assert '--font-body: "Marianne", system-ui' in css
    faces = re.findall(r'@font-face \{ font-family: "Marianne"; src: url\("(/media/maillage/fonts/[\w.-]+\.woff2)"\)', css)
    assert len(faces) == 1 and "font-weight: 700" not in css  # no bold file, no bold face


def png_image(width=300, height=200):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (11, 79, 156)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Logo du réseau", file=SimpleUploadedFile("logo.png", buffer.getvalue()), width=width, height=height
    )


def svg_image():
    data = b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle cx="60" cy="60" r="50"/></svg>'
    return get_image_model().objects.create(
        title="Logo du réseau", file=SimpleUploadedFile("logo.svg", data), width=120, height=120
    )


def test_without_a_logo_the_default_icon_answers_favicon_ico(site):
    html = Client().get("/").content.decode()
    assert '<link rel="icon" type="image/svg+xml" sizes="any" href="/static/maillage_core/favicon.svg">' in html
    assert "site-header__logo" not in html
    response = Client().get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\0\0\1\0"  # an ICO file


def test_a_picture_logo_gives_the_header_logo_and_the_icons(admin_client, site):
    response = save_identity(admin_client, site, logo=png_image().pk)
    assert response.status_code == 302
    html = Client().get("/").content.decode()
    logo = re.search(r'<img class="site-header__logo" src="([^"]+)" width="(\d+)" height="(\d+)" alt="">', html)
    assert logo and (logo.group(2), logo.group(3)) == ("144", "96")
    icons = dict(re.findall(r'<link rel="(icon|apple-touch-icon)" type="image/png" sizes="\w+" href="([^"]+)"', html))
    assert set(icons) == {"icon", "apple-touch-icon"}
    favicon = Client().get("/favicon.ico")
    assert favicon.status_code == 302 and favicon["Location"] == icons["icon"]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    organization = next(data for data in map(json.loads, blocks) if data["@type"] == "Organization")
    assert organization["logo"].startswith("http://testserver/media/images/")  # one logo, search engines' too
    network_form = admin_client.get(reverse("wagtailsettings:edit", args=["home", "networksettings", site.pk]))
    assert 'name="logo"' not in network_form.content.decode()
    for address, size in ((icons["icon"], (32, 32)), (icons["apple-touch-icon"], (180, 180))):
        with get_image_model().objects.get().renditions.get(file__endswith=address.rsplit("/", 1)[1]).file.open() as f:
            assert PILImage.open(f).size == size


def test_an_svg_logo_is_its_own_icon(admin_client, site):
    logo = svg_image()
    assert save_identity(admin_client, site, logo=logo.pk).status_code == 302
    html = Client().get("/").content.decode()
    assert f'<link rel="icon" type="image/svg+xml" sizes="any" href="{logo.file.url}">' in html
    assert f'<img class="site-header__logo" src="{logo.file.url}" width="120" height="120" alt="">' in html
    assert Client().get("/favicon.ico")["Location"] == logo.file.url
