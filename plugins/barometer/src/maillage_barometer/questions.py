"""The questions an officer composes an edition's questionnaire from: one
StreamField block per kind of answer. Each question has a ``key`` kept from
year to year: it links an answer to last year's (pre-filled) and a figure to
the previous edition's (the comparison)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"

# Yearly amounts (budgets, funds raised) are asked in bands: few actors
# would give an exact figure, and a band is enough for the barometer.
AMOUNT_BANDS = [
    ("0-10k", _("less than €10,000")),
    ("10k-50k", _("€10,000 to €50,000")),
    ("50k-200k", _("€50,000 to €200,000")),
    ("200k-1m", _("€200,000 to €1 million")),
    ("1m+", _("more than €1 million")),
]


class QuestionBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_PATTERN, label=_("key"), max_length=40,
        error_messages={"invalid": _("Lower-case letters, digits, - and _ only.")},
        help_text=_("Keep the same key every year: answers are pre-filled and figures compared by it."),
    )
    label = blocks.CharBlock(label=_("question"), max_length=200)
    help_text = blocks.CharBlock(label=_("help text"), max_length=300, required=False)
    required = blocks.BooleanBlock(label=_("answer required"), required=False)

    class Meta:
        icon = "help"


class NumberQuestion(QuestionBlock):
    unit = blocks.CharBlock(label=_("unit"), max_length=40, required=False, help_text=_("e.g. projects, people"))

    class Meta:
        label = _("Number")


class AmountBandQuestion(QuestionBlock):
    class Meta:
        label = _("Amount band")


class ChoiceQuestion(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("choices"), min_num=2)


class SingleChoiceQuestion(ChoiceQuestion):
    class Meta:
        label = _("Single choice")


class MultipleChoiceQuestion(ChoiceQuestion):
    class Meta:
        label = _("Multiple choice")


class CountriesQuestion(QuestionBlock):
    class Meta:
        label = _("Countries")


class SectorsQuestion(QuestionBlock):
    class Meta:
        label = _("Sectors")


class SdgsQuestion(QuestionBlock):
    class Meta:
        label = _("SDGs")


class TextQuestion(QuestionBlock):
    class Meta:
        label = _("Free text")


class QuestionnaireBlock(blocks.StreamBlock):
    number = NumberQuestion()
    amount_band = AmountBandQuestion()
    single_choice = SingleChoiceQuestion()
    multiple_choice = MultipleChoiceQuestion()
    countries = CountriesQuestion()
    sectors = SectorsQuestion()
    sdgs = SdgsQuestion()
    text = TextQuestion()

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        for child in value:
            key = child.value["key"]
            if key in seen:
                raise blocks.StreamBlockValidationError(non_block_errors=[ValidationError(
                    _("Two questions have the key “%(key)s”: each needs its own.") % {"key": key})])
            seen.add(key)
        return value


# Kinds whose answer is one or several options, counted per option.
CHOICE_KINDS = {"amount_band", "single_choice", "multiple_choice", "countries", "sectors", "sdgs"}
MULTIPLE_KINDS = {"multiple_choice", "countries", "sectors", "sdgs"}


def questions_of(stream):
    """[(kind, {key, label, help_text, required, ...})] of an edition's StreamField."""
    return [(child.block_type, dict(child.value)) for child in stream]
