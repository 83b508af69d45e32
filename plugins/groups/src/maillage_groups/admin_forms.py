"""Editor forms of meetings and minutes: the checks that keep a members-only
document from being linked where everyone can see it.

- A members-only page may attach only documents of its group's
  members-only collection: anything else is downloadable by anyone who
  has the link.
- A public page may not attach a members-only document: visitors would
  see its title and a link that refuses them.
- Minutes are written once the meeting has started, and are for members
  whenever their meeting is.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import conf
from .documents import members_space_of


class AttachedDocumentsForm(WagtailAdminPageForm):
    def group_id(self):
        return self.instance.group_id_under(getattr(self, "parent_page", None))

    def attached_documents(self):
        formset = self.formsets.get("documents")
        if formset is None:
            return []
        formset.is_valid()  # cleans each row, so its document is known
        documents = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("document") is not None and not data.get("DELETE"):
                documents.append(data["document"])
        return documents

    def members_only(self):
        return bool(self.cleaned_data.get("members_only"))

    def clean(self):
        cleaned_data = super().clean()
        group_id = self.group_id()
        members_only = self.members_only()
        for document in self.attached_documents():
            space = members_space_of(document.collection)
            if members_only and (space is None or space.group_id != group_id):
                self.add_error(
                    "members_only",
                    _(
                        "“%(title)s” is not in this group's members-only collection, so anyone with its link could "
                        "download it. Move it there (Documents), or attach another file."
                    )
                    % {"title": document.title},
                )
            elif not members_only and space is not None:
                self.add_error(
                    "members_only",
                    _(
                        "“%(title)s” is kept for the members of a group: it cannot be attached to a page everyone "
                        "can read. Tick “for members only”, or attach a public document."
                    )
                    % {"title": document.title},
                )
        return cleaned_data


class MeetingPageForm(AttachedDocumentsForm):
    pass


class MinutesPageForm(AttachedDocumentsForm):
    def meeting(self):
        parent = getattr(self, "parent_page", None)
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return self.instance.meeting_under(parent)

    def clean(self):
        cleaned_data = super().clean()
        meeting = self.meeting()
        if meeting is None:
            return cleaned_data
        if meeting.start > timezone.now():
            when = date_format(timezone.localtime(meeting.start, conf.time_zone()), "j F Y, H:i")
            self.add_error(None, _("Minutes are written once the meeting has started (%(when)s).") % {"when": when})
        if meeting.members_only and not cleaned_data.get("members_only"):
            self.add_error(
                "members_only",
                _("The meeting is for members only, so are its minutes: tick “for members only”."),
            )
        return cleaned_data
