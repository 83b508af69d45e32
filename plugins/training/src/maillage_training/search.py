"""The trainings' section of site search (``maillage_search_sources``)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of
from maillage_core.site_pages import under_site

from . import conf
from .models import TrainingSession


class TrainingSearchSource(QuerysetSearchSource):
    key = "trainings"
    label = gettext_lazy("Trainings")
    order = 30
    fallback_fields = ("title", "summary")
    hit_fields = ("title", "summary", "url_path")

    def get_queryset(self, request):
        return under_site(conf.training_page_model().objects.live(), request)

    def get_public_queryset(self, request):
        return self.get_queryset(request).public()

    def to_hits(self, trainings, request) -> list:
        """Each training's next session, for all of them in one query."""
        upcoming = {}
        sessions = (
            TrainingSession.objects.filter(training_id__in=[training.pk for training in trainings],
                                           start__gte=timezone.now())
            .exclude(status=TrainingSession.Status.CANCELLED)
            .order_by("-start")
        )
        for session in sessions:
            upcoming[session.training_id] = session  # the last one written is the earliest
        return [self.hit(training, upcoming.get(training.pk), request) for training in trainings]

    def to_hit(self, training, request) -> SearchHit:
        return self.to_hits([training], request)[0]

    def hit(self, training, upcoming, request) -> SearchHit:
        meta = _("Next session: %(date)s") % {
            "date": date_format(timezone.localtime(upcoming.start, conf.time_zone()), "j F Y")
        } if upcoming else _("No upcoming session")
        return SearchHit(
            title=training.title,
            url=training.get_url(request=request) or "",
            summary=summary_of(training.summary),
            meta=meta,
        )
