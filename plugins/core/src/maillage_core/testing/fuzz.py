"""Hostile answers for every field of a public form, sent through the test client.

The values are generated from each field's kind (text, email, address,
number, choice, date, file…): over-long text, NUL and other control
characters, markup, malformed and over-long emails and addresses, huge and
negative numbers, unknown choices, truncated and fake pictures. What a
public form must do with each (the project's rule: bad input gets a clear
message and changes nothing; never a server error):

- never answer 5xx;
- refuse with a message on the page (a form error, a notice or a flash
  message) and store nothing (rows, emails: what ``stored`` snapshots), or
- accept it, when the value is one a form may take (markup and control
  characters in free text, any box ticked), and then keep no control
  character in what it saved (``saved_text``), since feeds and emails
  cannot carry them.

To stay quick, one request carries a value for every field at once (the
form checks each field on its own, and the page must show each refused
field's error); a field that took its value in that request is then tried
alone, with every other answer valid, so the value reaches the code that
saves it. A request that fails with a server error is replayed field by
field to name the culprit.

    report = fuzz.run(client, fuzz.PublicForm(
        "directory proposal", url, ActorProposalForm, answers=valid_answers, stored=lambda: Actor.objects.count()))
    report.assert_clean()

Every run adds to ``COVERAGE``, which the test session prints at its end.
"""

import io
import re
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.utils.html import escape

from maillage_core.antispam import HONEYPOT_FIELD

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HUGE = "9" * 20
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass(frozen=True)
class Hostile:
    kind: str
    value: Any  # a string, a list of strings (several values), or a callable making an upload
    may_pass: bool = False  # a form may accept it (and must then store it harmlessly)

    def data(self):
        return self.value() if callable(self.value) else self.value


# Values per kind of field --------------------------------------------------


def text_values(field):
    limit = getattr(field, "max_length", None)
    return [
        Hostile("over-long text", "x" * (limit + 1 if limit else 100_000), may_pass=not limit),
        Hostile("NUL character", "a\x00b"),
        Hostile("control characters", "a\x07b\x1b[31mc\x0cd", may_pass=True),
        Hostile("markup", MARKUP, may_pass=True),
    ]


def email_values(field):
    return [
        Hostile("over-long email", "a" * 243 + "@example.org"),  # 255 characters
        Hostile("header injection", "a@example.org\r\nBcc: b@example.org"),
        Hostile("malformed email", "a@@example..org"),
        Hostile("NUL in an email", "a\x00@example.org"),
    ]


def url_values(field):
    limit = getattr(field, "max_length", None)
    return [
        # Without a limit of its own, the field must still not take more than
        # its model column holds (200 for a URLField); Django's validator allows 2,048.
        Hostile("over-long address", "https://example.org/" + "a" * ((limit or 300) - 19), may_pass=not limit),
        Hostile("script address", "javascript:alert(1)"),
        Hostile("malformed address", "http://[::1"),
        Hostile("NUL in an address", "https://exa\x00mple.org"),
    ]


def bounded(field, validator_class):
    return any(isinstance(validator, validator_class) for validator in field.validators)


def number_values(field):
    return [
        Hostile("huge number", HUGE, may_pass=not bounded(field, MaxValueValidator)),
        Hostile("huge negative number", "-" + HUGE, may_pass=not bounded(field, MinValueValidator)),
        Hostile("negative number", "-1", may_pass=not bounded(field, MinValueValidator)),
        Hostile("digits past Python's limit", "9" * 5000, may_pass=not bounded(field, MaxValueValidator)),
        Hostile("not a number", "douze"),
        Hostile("not a finite number", "NaN"),
    ]


def choice_values(field):
    return [
        Hostile("unknown choice", "pas-un-choix"),
        Hostile("huge number as a choice", HUGE),
        Hostile("negative number as a choice", "-1"),
        Hostile("NUL as a choice", "\x00"),
    ]


def model_choice_values(field):
    return choice_values(field) + [Hostile("huge negative number as a choice", "-" + HUGE)]


def multiple_values(field):
    return [
        Hostile(f"{hostile.kind} among several", [hostile.value]) for hostile in choice_values(field)
    ] + [
        Hostile("huge negative number among several", ["-" + HUGE]),
        # Past Django's default DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000); a site
        # may allow more, and a form may then take one value sent many times.
        Hostile("one value sent 1,200 times", ["1"] * 1200, may_pass=True),
    ]


def redirect_values():
    """For a "next" parameter: the form may take any, but must never send the visitor off the site."""
    return [
        Hostile("redirect to another site", "https://evil.example/", may_pass=True),
        Hostile("scheme-relative redirect", "//evil.example/", may_pass=True),
        Hostile("script as a redirect", "javascript:alert(1)", may_pass=True),
        Hostile("over-long redirect", "/" + "a" * 5000, may_pass=True),
        Hostile("NUL in a redirect", "/\x00", may_pass=True),
    ]


def boolean_values(field):
    return [Hostile("odd box value", HUGE, may_pass=True)]


def date_values(field):
    return [
        Hostile("impossible date", "2025-02-30"),
        Hostile("year past 9999", "99999-12-31"),
        Hostile("huge number as a date", HUGE),
        Hostile("NUL in a date", "2025-01-01\x00"),
    ]


def file_values(field):
    return [
        Hostile("truncated JPEG", lambda: upload("photo.jpg", truncated_jpeg())),
        Hostile("truncated PNG", lambda: upload("photo.png", truncated_png())),
        Hostile("script named as a picture", lambda: upload("photo.jpg", b"<?php system($_GET['c']); ?>")),
        Hostile("SVG with a script", lambda: upload("photo.svg", b"<svg onload='alert(1)'/>")),
        Hostile("picture claiming 60000 pixels a side", lambda: upload("bomb.png", png_header(60000, 60000))),
        Hostile("empty file", lambda: upload("empty.jpg", b"")),
    ]


def hostile_values(form_field) -> list[Hostile]:
    """The hostile values for one field, from its kind (the most specific first)."""
    kinds = [
        (forms.FileField, file_values),
        (forms.EmailField, email_values),
        (forms.URLField, url_values),
        ((forms.ModelMultipleChoiceField, forms.MultipleChoiceField), multiple_values),
        (forms.ModelChoiceField, model_choice_values),
        (forms.ChoiceField, choice_values),
        (forms.BooleanField, boolean_values),
        ((forms.DateField, forms.DateTimeField, forms.TimeField), date_values),
        ((forms.IntegerField, forms.DecimalField, forms.FloatField), number_values),
        (forms.CharField, text_values),
    ]
    for kind, values in kinds:
        if isinstance(form_field, kind):
            return values(form_field)
    return text_values(form_field)


# Pictures no one should accept ---------------------------------------------


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def noise(kind):
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((96, 64), 60).convert("RGB").save(buffer, kind)
    return buffer.getvalue()


def truncated_jpeg():
    whole = noise("JPEG")
    return whole[: len(whole) // 2]


def truncated_png():
    whole = noise("PNG")
    return whole[: len(whole) * 2 // 3]


def png_header(width, height):
    """A PNG that claims a huge size and holds no pixel."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))


# The run --------------------------------------------------------------------


@dataclass
class Coverage:
    forms: set = field(default_factory=set)
    requests: int = 0
    cases: int = 0
    server_errors: int = 0

    def as_dict(self):
        return {"forms": sorted(self.forms), "requests": self.requests, "cases": self.cases,
                "server_errors": self.server_errors}

    def add(self, other):
        """Count another process's share (a pytest-xdist worker's)."""
        if other:
            self.forms.update(other["forms"])
            self.requests += other["requests"]
            self.cases += other["cases"]
            self.server_errors += other["server_errors"]

    def summary(self):
        return (
            f"public form fuzz: {len(self.forms)} forms, {self.cases} hostile values sent in "
            f"{self.requests} requests, {self.server_errors} server errors"
        )


COVERAGE = Coverage()


@dataclass
class PublicForm:
    """One public form, as a visitor reaches it.

    ``form`` is the form class or an instance (its fields give the values
    to try); ``answers`` a valid set of answers, or a callable giving a
    fresh one for each request (a new email address, so a "you are already
    registered" refusal does not hide the rest); ``stored`` snapshots what
    an accepted answer changes (row counts…; sent emails are added);
    ``saved_text`` gives the text the last accepted answer saved. The
    answers and address of each request are made just before it is sent.
    """

    name: str
    url: str | Callable[[], str]  # a callable gives a fresh address (a signed link) for each request
    form: Any
    answers: dict | Callable[[], dict]
    stored: Callable[[], Any] = lambda: None
    saved_text: Callable[[], str] | None = None
    method: str = "post"
    skip: Iterable[str] = ()
    extra: dict = field(default_factory=dict)  # parameter name -> more Hostile values
    # The view drops a bad value and goes on, as Django's language switch
    # does: a refusal needs no message there.
    ignores_bad_values: bool = False

    def fields(self):
        """The fields by the name a request gives them (an instance's prefix included)."""
        if isinstance(self.form, forms.BaseForm):
            declared = {self.form.add_prefix(name): form_field for name, form_field in self.form.fields.items()}
        else:
            declared = self.form.base_fields
        skipped = {HONEYPOT_FIELD, *self.skip}
        return {name: form_field for name, form_field in declared.items() if name not in skipped}

    def cases(self):
        cases = {name: hostile_values(form_field) for name, form_field in self.fields().items()}
        for name, values in self.extra.items():  # more values, or parameters no form field names (``page``)
            cases[name] = cases.get(name, []) + list(values)
        return cases

    def fresh_answers(self):
        return dict(self.answers() if callable(self.answers) else self.answers)


@dataclass
class Report:
    form: PublicForm
    requests: int = 0
    cases: int = 0
    problems: list = field(default_factory=list)

    def assert_clean(self):
        assert not self.problems, f"{self.form.name}: {len(self.problems)} problems\n" + "\n".join(self.problems)


@dataclass
class Outcome:
    response: Any
    accepted: bool
    server_error: str = ""


def run(client, public_form: PublicForm) -> Report:
    """Send every hostile value of every field; the report lists what went wrong."""
    client.raise_request_exception = False
    report = Report(public_form)
    baseline = send(client, public_form, {}, report)
    if baseline.server_error or baseline.accepted != (public_form.method == "post"):
        report.problems.append(f"valid answers were not taken ({baseline.response.status_code}): fix the fixture")
        return finish(report)
    cases = public_form.cases()
    report.cases = sum(len(values) for values in cases.values())
    rounds = max((len(values) for values in cases.values()), default=0)
    for index in range(rounds):
        changes = {name: values[index] for name, values in cases.items() if index < len(values)}
        taken = send_together(client, public_form, changes, report)
        for name in taken:
            check_alone(client, public_form, name, changes[name], report)
    return finish(report)


def send_together(client, public_form, changes, report):
    """Send these values in one request; the fields that took theirs (to try alone)."""
    outcome = send(client, public_form, changes, report)
    if public_form.method == "get" and not outcome.server_error:
        # Listings read each parameter on their own: one request that answers is enough.
        if outcome.accepted:
            report.problems.append(f"a search changed what is stored: {sorted(changes)}")
        return []
    form = context_form(outcome.response)
    if outcome.server_error or outcome.accepted or form is None:
        # Nothing to read per field: try each value alone.
        for name, hostile in changes.items():
            check_alone(client, public_form, name, hostile, report)
        return []
    check_refusal(outcome, f"{len(changes)} hostile values together", report)
    taken = [name for name in changes if name not in form.errors]
    for name in taken:
        if not changes[name].may_pass:
            report.problems.append(f"{name}: {changes[name].kind} was taken by the field")
    return taken


def check_alone(client, public_form, name, hostile, report):
    outcome = send(client, public_form, {name: hostile}, report)
    what = f"{name}: {hostile.kind}"
    if outcome.server_error:
        report.problems.append(f"{what} → {outcome.server_error}")
    elif public_form.method == "get":
        if outcome.accepted:
            report.problems.append(f"{what}: a search changed what is stored")
    elif outcome.accepted:
        if not hostile.may_pass:
            report.problems.append(f"{what} was accepted")
        elif public_form.saved_text and CONTROL.search(public_form.saved_text()):
            report.problems.append(f"{what} was saved with control characters")
    else:
        check_refusal(outcome, what, report)


def check_refusal(outcome, what, report):
    response = outcome.response
    messages = shown_messages(response)
    content = response.content.decode(errors="replace")
    if messages and not any(escape(message) in content or message in content for message in messages):
        report.problems.append(f"{what}: refused, but the page shows none of its messages {messages[:3]}")
    elif not messages and response.status_code < 400 and not report.form.ignores_bad_values:
        report.problems.append(f"{what}: refused ({response.status_code}) without a message")


def send(client, public_form, changes, report) -> Outcome:
    url = public_form.url() if callable(public_form.url) else public_form.url
    data = public_form.fresh_answers()
    for name, hostile in changes.items():
        data[name] = hostile.data()
    before = snapshot(public_form)
    savepoint = transaction.savepoint()
    if public_form.method == "get":
        response = client.get(url, data, follow=True)
    else:
        response = client.post(url, data, follow=True)
    report.requests += 1
    COVERAGE.requests += 1
    for location, _status in getattr(response, "redirect_chain", []):
        target = urlsplit(location)
        if target.scheme not in ("", "http", "https") or target.netloc not in ("", "testserver"):
            report.problems.append(f"{sorted(changes)}: sent the visitor to {location[:80]}")
    if response.status_code >= 500:
        COVERAGE.server_errors += 1
        transaction.savepoint_rollback(savepoint)  # PostgreSQL aborts the transaction after a database error
        error = getattr(response, "exc_info", None)
        detail = f"{error[0].__name__}: {str(error[1])[:200]}" if error else ""
        return Outcome(response, accepted=False, server_error=f"{response.status_code} {detail}".strip())
    transaction.savepoint_commit(savepoint)
    return Outcome(response, accepted=snapshot(public_form) != before)


def snapshot(public_form):
    return public_form.stored(), len(getattr(mail, "outbox", []))


def finish(report):
    COVERAGE.forms.add(report.form.name)
    COVERAGE.cases += report.cases
    return report


def context_form(response):
    context = response.context
    form = context.get("form") if context is not None else None
    return form if isinstance(form, forms.BaseForm) and form.is_bound else None


def shown_messages(response):
    """What the page should show: form errors, notices, flash messages."""
    context = response.context
    if context is None:
        return []
    found = []
    form = context_form(response)
    if form is not None:
        found += [str(message) for errors in form.errors.values() for message in errors]
    found += [str(notice) for notice in context.get("notices") or []]
    found += [str(message) for message in context.get("messages") or []]
    return found


# Search forms, read from the page -----------------------------------------


class QueryInputs(HTMLParser):
    """The inputs of the page's own GET forms (not the site-wide search box):
    name -> (input type, values offered)."""

    def __init__(self, url):
        super().__init__()
        self.path = urlsplit(url).path
        self.inputs = {}
        self.in_get_form = False
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urlsplit(attrs.get("action") or self.path).path or self.path
            self.in_get_form = (attrs.get("method") or "get").lower() == "get" and action == self.path
        elif not self.in_get_form or not attrs.get("name"):
            if tag == "option" and self.select:
                self.inputs[self.select][1].append(attrs.get("value", ""))
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind not in ("submit", "button", "reset", "image"):
                known = self.inputs.setdefault(attrs["name"], [kind, []])
                known[1].append(attrs.get("value", ""))
                if kind == "checkbox" and len(known[1]) > 1:
                    known[0] = "checkboxes"
        elif tag == "select":
            self.select = attrs["name"]
            self.inputs[self.select] = ["select-multiple" if "multiple" in attrs else "select", []]
        elif tag == "textarea":
            self.inputs[attrs["name"]] = ["text", []]

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False
        elif tag == "select":
            self.select = None


def query_form(html, url):
    """A form class with one field per input of the page's GET forms, to generate values from."""
    parser = QueryInputs(url)
    parser.feed(html)
    fields = {}
    for name, (kind, offered) in parser.inputs.items():
        choices = [(value, value) for value in offered]
        if kind in ("checkboxes", "select-multiple"):
            fields[name] = forms.MultipleChoiceField(choices=choices)
        elif kind in ("select", "radio", "checkbox"):
            fields[name] = forms.ChoiceField(choices=choices)
        elif kind == "number":
            fields[name] = forms.IntegerField()
        elif kind == "date":
            fields[name] = forms.DateField()
        else:
            fields[name] = forms.CharField()
    return type("QueryForm", (forms.Form,), fields)


def search_form(client, name, url, **options):
    """The GET forms of the page at ``url``, ready to ``run``."""
    html = client.get(url).content.decode()
    return PublicForm(name, url, query_form(html, url), answers={}, method="get", **options)


def joined_text(value):
    """Every string inside ``value`` (a revision's content, a submission's data), joined."""
    if isinstance(value, dict):
        return "\n".join(joined_text(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return "\n".join(joined_text(item) for item in value)
    return value if isinstance(value, str) else ""
