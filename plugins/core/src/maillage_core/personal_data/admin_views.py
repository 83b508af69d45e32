"""The admin screen of a person's data: the officer enters an address,
then downloads everything held about it (a zip) or erases it, after a
confirmation that shows what each kind holds, with a report of what was
erased. Superusers only: it reaches every plugin's records at once."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from ..forms import EmailField
from . import archive, kinds

#: The audit log's action for an erasure (Reports > Site history).
ERASED = "maillage_core.erase_personal_data"


def allowed(user):
    return user.is_active and user.is_superuser


class AddressForm(forms.Form):
    email = EmailField(label=_("Email address of the person"))

    def clean_email(self):
        return kinds.normalise(self.cleaned_data["email"])


class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "maillage_core/personal_data/admin.html"
    page_title = _("Personal data")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=AddressForm()))

    def post(self, request, *args, **kwargs):
        form = AddressForm(request.POST)
        action = request.POST.get("action")
        if not form.is_valid() or action not in ("export", "review", "erase"):
            return self.render_to_response(self.get_context_data(form=form), status=400 if form.is_valid() else 200)
        email = form.cleaned_data["email"]
        if action == "export":
            content = archive.build_zip(email, kinds.export(email), kinds.all_kinds())
            response = HttpResponse(content, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{archive.file_name()}"'
            return response
        if action == "review" or request.POST.get("confirmed") != "yes":
            # Erasing needs the confirmation form's answer: anything else shows what would go.
            held = [(kind, len(kind.export(email))) for kind in kinds.all_kinds()]
            return self.render_to_response(self.get_context_data(
                form=form, email=email, held=held, anything=any(count for _kind, count in held)))
        report = kinds.erase(email)
        # The audit log keeps that an erasure happened, who asked and what it
        # touched, never the address: the record must not undo the erasure.
        log(request.user, ERASED, user=request.user,
            data={"erased": {kind.key: erased.total for kind, erased in report}})
        return self.render_to_response(self.get_context_data(form=AddressForm(), email=email, report=report))
