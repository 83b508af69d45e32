"""Admin screens of the directory beyond the snippet views: the import,
the thesaurus export, and the officer's "request an update" action."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .. import conf, exporting, submissions
from ..importing import import_file
from ..importing.columns import IMPORT_COLUMNS
from ..models import Actor, DirectoryPage

policy = ModelPermissionPolicy(Actor)

ENCODINGS = [
    ("", gettext_lazy("detect automatically")),
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252 (Excel)"),
    ("latin-1", "ISO-8859-1"),
    ("mac_roman", "Mac Roman"),
]
DELIMITERS = [
    ("", gettext_lazy("detect automatically")),
    (",", gettext_lazy("comma")),
    (";", gettext_lazy("semicolon")),
    ("\t", gettext_lazy("tab")),
    ("|", gettext_lazy("vertical bar")),
]


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    encoding = forms.ChoiceField(label=gettext_lazy("Encoding (CSV)"), choices=ENCODINGS, required=False)
    delimiter = forms.ChoiceField(label=gettext_lazy("Separator (CSV)"), choices=DELIMITERS, required=False)
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only (dry run): report what would change, write nothing"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = conf.get("IMPORT_MAX_BYTES")
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file weighs %(size)s; the limit is %(limit)s. Split it into several files.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "maillage_directory/admin/import.html"
    page_title = gettext_lazy("Import actors")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not (policy.user_has_permission(request.user, "add") and policy.user_has_permission(request.user, "change")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = IMPORT_COLUMNS.items()
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = import_file(
            upload.read(),
            upload.name,
            encoding=form.cleaned_data["encoding"] or None,
            delimiter=form.cleaned_data["delimiter"] or None,
            dry_run=form.cleaned_data["dry_run"],
        )
        return self.render_to_response(self.get_context_data(form=form, report=report, error_rows=report.errors[:500]))


def export_thesaurus(request):
    if not policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    response = StreamingHttpResponse(exporting.thesaurus_rows(Actor.objects.live()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="annuaire-thesaurus.csv"'
    return response


class RequestUpdateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "maillage_directory/admin/request_update.html"
    page_title = gettext_lazy("Ask the actor to update its record")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.actor = get_object_or_404(Actor, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(actor=self.actor, recipient=self.actor.contact_email or self.actor.email)
        context["directory"] = DirectoryPage.for_request(self.request)
        return context

    def post(self, request, *args, **kwargs):
        directory = DirectoryPage.for_request(request)
        listing = "wagtailsnippets_maillage_directory_actor:list"
        if directory is None:
            messages.error(request, _("Publish a directory page first: the link leads to it."))
            return redirect(listing)
        recipient = submissions.send_update_request(self.actor, request, directory.get_url(request=request))
        if recipient:
            messages.success(request, _("The update link was sent to %(email)s.") % {"email": recipient})
        else:
            messages.error(request, _("This actor has no email address: add one first."))
        return redirect(listing)
