"""The "new trainings" topic of core's subscriptions (hook
``maillage_subscription_topics``): subscribers choose sectors (none: every
training) and their daily or weekly digest lists the trainings published
since, once each."""

from django.utils.translation import gettext_lazy as _

from maillage_core.models import Sector
from maillage_core.search.private_pages import exclude_private_pages
from maillage_core.subscriptions.topics import DigestItem, Topic, TopicFilter

from . import conf

TOPIC = "formations"
LIMIT = 50


def sector_choices():
    return [(sector.slug, sector.label) for sector in Sector.objects.order_by("sort_order", "name")]


def new_trainings(since, filters):
    """Live public trainings first published after ``since``, in the chosen sectors."""
    pages = conf.training_page_model().objects.live().public().filter(first_published_at__gt=since)
    if filters.get("sector"):
        pages = pages.filter(sectors__slug__in=filters["sector"]).distinct()
    pages = exclude_private_pages(pages).order_by("first_published_at", "pk")[:LIMIT]
    return [
        DigestItem(key=f"training:{page.pk}", title=page.title, url=page.get_full_url(),
                   published_at=page.first_published_at, summary=page.summary)
        for page in pages
        if page.get_full_url()
    ]


def topics():
    return [Topic(
        key=TOPIC,
        label=_("New trainings"),
        description=_("Trainings added to the programme, in the sectors you choose."),
        filters=(TopicFilter("sector", _("sector"), sector_choices),),
        new_items=new_trainings,
        order=40,
    )]
