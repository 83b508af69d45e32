from django.db import models
from django.utils.translation import gettext_lazy as _


class Submission(models.Model):
    """Who proposed a new actor or a change, and which revision holds it.

    The content itself waits in the actor's revision (Wagtail's drafts and
    workflows); this row keeps the submitter's address, which is not part
    of the actor record, so the officer can answer.
    """

    class Kind(models.TextChoices):
        NEW = "new", _("new actor")
        UPDATE = "update", _("proposed update")
        INVITED = "invited", _("update by the actor (signed link)")

    actor = models.ForeignKey("maillage_directory.Actor", on_delete=models.CASCADE, related_name="submissions")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    submitter_name = models.CharField(_("submitted by"), max_length=150)
    submitter_email = models.EmailField(_("submitter's email"))
    message = models.TextField(_("message to the officer"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.actor.name}"
