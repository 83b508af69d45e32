"""The shared fields of public forms refuse, with a message, whatever the
database or a later step could not take; nothing here ever raises."""

import datetime
import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from maillage_core import forms as core_forms
from maillage_core.models import Department, Sector, SustainableDevelopmentGoal

pytestmark = pytest.mark.django_db

HUGE = "9" * 20


class VocabularyForm(forms.Form):
    sector = core_forms.ModelChoiceField(Sector.objects.all(), required=False)
    department = core_forms.ModelChoiceField(Department.objects.all(), required=False)
    sectors = core_forms.ModelMultipleChoiceField(Sector.objects.all(), required=False)
    sdgs = core_forms.ModelMultipleChoiceField(SustainableDevelopmentGoal.objects.all(), required=False)


@pytest.mark.parametrize(
    "field, value",
    [
        ("sector", HUGE), ("sector", "-" + HUGE), ("sector", "9" * 5000), ("sector", "1\x00"), ("sector", "un"),
        ("department", HUGE), ("department", "2A\x00"), ("department", "ZZ"),
        ("sectors", [HUGE]), ("sectors", ["1", "-" + HUGE]), ("sectors", ["\x00"]), ("sectors", ["un"]),
        ("sdgs", [HUGE]), ("sdgs", ["-1"]), ("sdgs", ["99"]),
    ],
)
def test_a_key_no_row_can_have_is_refused_with_a_message(field, value):
    form = VocabularyForm({field: value})
    assert not form.is_valid()
    assert form.errors[field]


@pytest.mark.parametrize("field, value", [("sector", HUGE), ("sectors", [HUGE]), ("sdgs", ["-" + HUGE])])
def test_a_number_past_the_columns_range_is_refused_before_any_query(field, value, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert not VocabularyForm({field: value}).is_valid()


def test_real_keys_are_still_accepted():
    sector = Sector.objects.first()
    form = VocabularyForm({"sector": str(sector.pk), "department": "2A", "sectors": [str(sector.pk)], "sdgs": ["13"]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["sector"] == sector and form.cleaned_data["department"].code == "2A"
    assert [goal.number for goal in form.cleaned_data["sdgs"]] == [13]


class ContactForm(forms.Form):
    email = core_forms.EmailField()
    website = core_forms.URLField(required=False)


@pytest.mark.parametrize(
    "data, field",
    [
        ({"email": "a" * 243 + "@example.org"}, "email"),  # 255 characters: no model EmailField holds it
        ({"email": "a@example.org", "website": "https://example.org/" + "a" * 181}, "website"),
        ({"email": "a@example.org", "website": "example.org/" + "a" * 181}, "website"),  # once https:// is added
    ],
)
def test_emails_and_addresses_fit_the_model_fields(data, field):
    form = ContactForm(data)
    assert not form.is_valid() and list(form.errors) == [field]


def test_the_longest_email_a_model_holds_is_accepted():
    assert ContactForm({"email": "a" * 242 + "@example.org"}).is_valid()


class FoundingForm(forms.Form):
    year = core_forms.YearField(first_year=1800, required=False)


def this_year():
    return timezone.localdate().year


@pytest.mark.parametrize("year", ["1800", "1998", "this year"])
def test_any_year_up_to_this_one_is_accepted_every_time(year):
    value = str(this_year()) if year == "this year" else year
    for _attempt in range(3):  # one form never changes what the next one accepts
        form = FoundingForm({"year": value})
        assert form.is_valid(), form.errors


@pytest.mark.parametrize("year, code", [("1799", "min_value"), ("-1", "min_value"), (HUGE, "max_value")])
def test_a_year_out_of_range_is_refused_with_its_message(year, code):
    form = FoundingForm({"year": year})
    assert not form.is_valid()
    assert form.errors.as_data()["year"][0].code == code


def test_next_year_is_refused_and_the_input_says_this_year_is_the_last():
    form = FoundingForm({"year": str(this_year() + 1)})
    assert not form.is_valid() and str(this_year()) in form.errors["year"][0]
    assert f'max="{this_year()}"' in str(FoundingForm()["year"]) and 'min="1800"' in str(FoundingForm()["year"])


def test_this_year_is_the_sites_local_year(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Paris"
    # 23:30 in UTC on New Year's Eve is already the next year in Paris.
    instant = datetime.datetime(2030, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    assert FoundingForm({"year": "2031"}).is_valid()
    assert 'max="2031"' in str(FoundingForm()["year"])


def picture(kind="PNG", size=(40, 30), cut=None):
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, kind)
    data = buffer.getvalue()
    return SimpleUploadedFile(f"picture.{kind.lower()}", data[: int(len(data) * cut)] if cut else data)


class LogoForm(forms.Form):
    logo = core_forms.PictureField(formats=("PNG", "JPEG"), max_bytes=lambda: 200_000, max_pixels=100)


@pytest.mark.parametrize(
    "upload, code",
    [
        (picture("JPEG", cut=0.5), "damaged"),
        (picture("PNG", cut=0.6), "damaged"),
        (picture("JPEG", size=(200, 150), cut=0.9), "too_large"),  # the sides are read before decoding
        (picture("GIF"), "format"),
        (SimpleUploadedFile("logo.png", b"<?php echo 1; ?>"), "unreadable"),
        (SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>"), "unreadable"),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 200_001), "too_heavy"),
    ],
)
def test_a_picture_is_accepted_only_once_it_decodes_in_full(upload, code):
    form = LogoForm(files={"logo": upload})
    assert not form.is_valid()
    assert form.errors.as_data()["logo"][0].code == code


def test_a_whole_picture_is_accepted_and_rewound():
    form = LogoForm(files={"logo": picture("JPEG")})
    assert form.is_valid(), form.errors
    logo = form.cleaned_data["logo"]
    assert (logo.picture.format, logo.picture.width, logo.picture.height) == ("JPEG", 40, 30)
    assert logo.read(3) == b"\xff\xd8\xff"


class NoteForm(core_forms.PlainTextMixin, forms.Form):
    title = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        self.seen_by_clean = dict(data)
        return data


def test_saved_text_keeps_line_breaks_and_tabs_but_no_other_control_character():
    form = NoteForm({"title": "Eau\x1fVive\x07", "text": "Un\r\n\tdeux\x0c\x1b[31mtrois"})
    assert form.is_valid()
    assert form.cleaned_data == {"title": "Eau Vive", "text": "Un\r\n\tdeux  [31mtrois"}
    assert form.seen_by_clean == form.cleaned_data  # a form's own clean() already reads the plain text
