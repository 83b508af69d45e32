"""The contact / "Questions–réponses" page: frequently asked questions,
then a form the officer builds in the admin (Wagtail's form builder).

Submissions are stored (admin › Forms) before the officer is emailed, so a
mail outage loses nothing. A honeypot field and a per-address rate limit
keep robots out.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from maillage_core.antispam import HONEYPOT_FIELD, RATE_LIMIT_MESSAGE, rate_limited

from ..blocks import SHORT_TEXT_FEATURES, ContactBodyBlock
from ..contact import ContactFormBuilder, notify_officer, submitted_data
from .pages import EditorialPageMixin


class ContactFormField(AbstractFormField):
    page = ParentalKey("home.ContactPage", related_name="form_fields", on_delete=models.CASCADE)

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) == HONEYPOT_FIELD:
            raise ValidationError({"label": _("This label is reserved by the spam protection; choose another one.")})


class ContactPage(EditorialPageMixin, AbstractEmailForm):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        ContactBodyBlock(),
        blank=True,
        verbose_name=_("before the form"),
        help_text=_("Frequently asked questions answer most visitors before they write."),
    )
    form_heading = models.CharField(
        _("form heading"), max_length=150, blank=True, help_text=_("Left empty: “Write to us”.")
    )
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=SHORT_TEXT_FEATURES)

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("form_heading"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            _("Email to the team"),
            help_text=_("Without a recipient, messages go to the address in the MAILLAGE_OFFICER_EMAIL setting."),
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("contact page")

    def get_meta_description(self):
        return self.search_description or self.intro

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if rate_limited(request, f"contact-page:{self.pk}"):
            form.full_clean()
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_form(request, form, status=429)
        if form.is_valid():
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        return self.render_form(request, form, status=200)

    def render_form(self, request, form, status):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(form_data=submitted_data(form), page=self)
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        notify_officer(self, form, admin_url)
        return submission

    def get_submissions_list_view_class(self):
        # Admin code, imported when the officer lists the messages.
        from ..viewsets import ContactSubmissionsListView

        return ContactSubmissionsListView

    def render_email(self, form):
        lines = []
        for name, value in submitted_data(form).items():
            if isinstance(value, list):
                value = ", ".join(value)
            lines.append(f"{form.fields[name].label} : {value}")
        return "\n".join(lines)
