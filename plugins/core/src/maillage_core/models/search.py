from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An index update that could not reach the engine; see ``search.outbox``."""

    app_label = models.CharField(max_length=100)
    model_name = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=[("index", _("index")), ("delete", _("delete"))])
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        constraints = [
            models.UniqueConstraint(fields=["app_label", "model_name", "object_pk"], name="maillage_core_one_pending_update")
        ]

    def __str__(self):
        return f"{self.action} {self.app_label}.{self.model_name} #{self.object_pk}"
