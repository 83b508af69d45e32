"""The subscribe form and the preferences form: a box per topic, the
topic's filters beside it, how often alerts come, and (preferences) the
language of the emails."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..antispam import HoneypotFormMixin
from ..forms import EmailField, PlainTextMixin
from .models import Subscriber
from .topics import all_topics

# Up to this many choices a filter is a list of boxes; beyond, a list box.
BOXES_UP_TO = 12


def filter_field_name(topic, topic_filter):
    return f"{topic.key}__{topic_filter.name}"


class TopicsFormMixin(forms.Form):
    """Topics, their filters and the alerts' frequency, built from the topics
    plugins register."""

    topics = forms.MultipleChoiceField(
        label=_("What would you like to receive?"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often should alerts come?"), choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY, widget=forms.RadioSelect,
        help_text=_("Alerts list what is new in the topics you chose; nothing is sent when nothing is new."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_topics = all_topics()
        self.fields["topics"].choices = [(key, topic.label) for key, topic in self.known_topics.items()]
        self.filter_fields = {}
        for topic in self.known_topics.values():
            for topic_filter in topic.filters:
                choices = [(str(value), label) for value, label in topic_filter.choices()]
                name = filter_field_name(topic, topic_filter)
                widget = forms.CheckboxSelectMultiple if len(choices) <= BOXES_UP_TO else forms.SelectMultiple
                self.fields[name] = forms.MultipleChoiceField(
                    label=topic_filter.label, choices=choices, required=False, widget=widget,
                    help_text=_("None chosen: all."),
                )
                self.filter_fields.setdefault(topic.key, []).append((topic_filter.name, name))
        if not any(topic.in_digest for topic in self.known_topics.values()):
            del self.fields["frequency"]
        # The honeypot stays last, after every topic's filters.
        if "website_url" in self.fields:
            self.fields["website_url"] = self.fields.pop("website_url")

    def topic_groups(self):
        """[(topic, its box, its filter fields)] for the template."""
        boxes = {box.data["value"]: box for box in self["topics"]}
        return [
            (topic, boxes.get(key), [self[name] for _filter, name in self.filter_fields.get(key, [])])
            for key, topic in self.known_topics.items()
        ]

    def choices(self):
        """{topic key: {filter name: [values]}} of the chosen topics."""
        return {
            key: {name: self.cleaned_data.get(field, []) for name, field in self.filter_fields.get(key, [])}
            for key in self.cleaned_data.get("topics", [])
        }

    def frequency_choice(self):
        return self.cleaned_data.get("frequency") or Subscriber.Frequency.WEEKLY


class SubscribeForm(HoneypotFormMixin, PlainTextMixin, TopicsFormMixin):
    email = EmailField(label=_("Your email"))

    field_order = ["email", "topics", "frequency"]


class PreferencesForm(PlainTextMixin, TopicsFormMixin):
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
