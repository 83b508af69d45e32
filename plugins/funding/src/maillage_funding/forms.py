"""The public form to suggest a funding call or a correction."""

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage_core import forms as core_forms
from maillage_core.antispam import HoneypotFormMixin


class SuggestionForm(core_forms.PlainTextMixin, HoneypotFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the call"), max_length=255)
    funder = forms.CharField(label=_("Funder"), max_length=200)
    official_url = core_forms.URLField(label=_("Official page of the call"))
    closes_on = forms.DateField(label=_("Closing date (optional)"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    permanent = forms.BooleanField(label=_("Applications are taken all year"), required=False)
    summary = forms.CharField(label=_("What the call funds, in a few sentences"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}))
    message = forms.CharField(label=_("A word for the network (optional)"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    email = core_forms.EmailField(
        label=_("Your email"), help_text=_("Only to ask you a question about your suggestion; never published."))
