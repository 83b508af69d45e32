"""The survey an actor answers through its personal link: the signed link,
the form built from the edition's questions, and last year's answers."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage_core.forms import PlainTextMixin
from maillage_core.tokens import make_path_token, read_path_token

from .models.responses import Response
from .options import options
from .questions import questions_of

PURPOSE = "barometer-survey"
TEXT_LIMIT = 2000
NUMBER_LIMIT = 10**9


def make_link_token(edition, actor_key):
    """The path segment of an actor's link to one edition's survey."""
    return make_path_token(PURPOSE, [edition.pk, actor_key])


def read_link_token(edition, token, now=None):
    """The actor key a link names for this edition, or None when the link is
    forged, altered, made for another edition, or older than the survey
    (it expires when the survey closes)."""
    now = now or timezone.now()
    closes = timezone.make_aware(datetime.combine(edition.closes_on + timedelta(days=1), time.min))
    opens = timezone.make_aware(datetime.combine(edition.opens_on, time.min))
    if now >= closes:
        return None
    # No link lives longer than the survey: one signed before it opened
    # (for another edition's dates) has expired too.
    value = read_path_token(PURPOSE, token, max_age=max(closes - opens, timedelta(0)))
    if not (isinstance(value, list) and len(value) == 2 and value[0] == edition.pk and isinstance(value[1], str)):
        return None
    return value[1]


def field_for(kind, question):
    common = {"label": question["label"], "help_text": question.get("help_text") or "", "required": False}
    if kind == "number":
        return forms.IntegerField(min_value=0, max_value=NUMBER_LIMIT, **common)
    if kind == "text":
        return forms.CharField(max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4}), **common)
    choices = options(kind, question)
    if kind in ("amount_band", "single_choice"):
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "countries":
        # Some 250 countries: a list to pick several from rather than as many boxes.
        hint = _("Hold Ctrl (⌘ on a Mac) to pick several countries.")
        common["help_text"] = f"{common['help_text']} {hint}".strip()
        return forms.MultipleChoiceField(choices=choices, widget=forms.SelectMultiple(attrs={"size": 8}), **common)
    return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)


class SurveyForm(PlainTextMixin, forms.Form):
    """One field per question, named by its key. Every answer may be left
    empty in a draft; a submission needs the required ones."""

    SAVE, SUBMIT = "save", "submit"

    def __init__(self, edition, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions_of(edition.questions)
        for kind, question in self.questions:
            field = field_for(kind, question)
            field.question_required = question.get("required", False)
            self.fields[question["key"]] = field

    def check_required(self):
        """On submission: a message on each required question left empty."""
        for _kind, question in self.questions:
            key = question["key"]
            if question.get("required") and key not in self.errors and self.cleaned_data.get(key) in (None, "", []):
                self.add_error(key, _("This question needs an answer before you send your answers."))
        return not self.errors

    def answers(self):
        """The answers to store: only those given."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "", [])}


def previous_answers(edition, actor_key):
    """({key: answer}, year) of the actor's answers to the latest earlier
    edition, for the questions of this one with the same key and kind."""
    previous = (Response.objects.submitted().filter(edition__year__lt=edition.year, actor_key=actor_key)
                .select_related("edition").order_by("-edition__year").first())
    if previous is None:
        return {}, None
    kinds = {question["key"]: kind for kind, question in questions_of(previous.edition.questions)}
    answers = {
        question["key"]: previous.answers[question["key"]]
        for kind, question in questions_of(edition.questions)
        if question["key"] in previous.answers and kinds.get(question["key"]) == kind
    }
    return answers, previous.edition.year


def save_answers(edition, respondent, answers, submit, user=None):
    """Keep the actor's answers (a draft, or submitted); the row's actor
    details are refreshed from the directory at each save."""
    response, _created = Response.objects.get_or_create(
        edition=edition, actor_key=respondent.key, defaults={"actor_name": respondent.name[:255]}
    )
    response.actor_name = respondent.name[:255]
    response.actor_type = respondent.actor_type[:150]
    response.department = respondent.department[:120]
    response.answers = answers
    if submit:
        response.submitted_at = timezone.now()
    if user is not None:
        response.entered_by = user
    response.save()
    return response
