from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks

from maillage_core import hooks as maillage_hooks
from maillage_core.subscriptions.topics import DigestItem, Topic, TopicFilter

from . import personal_data, sources
from .models import Offer
from .models.base import offer_board
from .models.choices import OfferKind
from .viewsets import YouthViewSetGroup


@hooks.register("register_admin_viewset")
def register_youth_admin():
    return YouthViewSetGroup()


@hooks.register("register_log_actions")
def register_youth_log_actions(actions):
    actions.register_action(
        "maillage_youth.close", _("Closed after its closing date"), _("Closed after its closing date")
    )


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def offer_search_source():
    return sources.OfferSearchSource()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def scheme_search_source():
    return sources.SchemeSearchSource()


@hooks.register(maillage_hooks.SEARCH_SOURCES)
def testimony_search_source():
    return sources.TestimonySearchSource()


@hooks.register(maillage_hooks.HOME_FIGURES)
def youth_figures(request):
    return sources.home_figures(request)


@hooks.register(maillage_hooks.HOME_SECTIONS)
def youth_sections(request):
    return sources.home_sections(request)


@hooks.register(maillage_hooks.COUNTRY_SECTIONS)
def youth_country_section(request, country_code):
    return sources.country_section(request, country_code)


@hooks.register(maillage_hooks.DEMO_CONTENT)
def youth_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register(maillage_hooks.SUBSCRIPTION_TOPICS)
def youth_offer_topic():
    return [Topic(
        key="offres-jeunes",
        label=_("New offers for young people"),
        description=_("Jobs, internships, volunteering and civic service posted on the offers board."),
        filters=(
            TopicFilter("kind", _("kind of offer"), lambda: OfferKind.choices),
            TopicFilter("country", _("country"), lambda: [(country.code, country.name) for country in countries]),
        ),
        new_items=new_offers,
        order=50,
    )]


def new_offers(since, filters):
    """Open offers first published after ``since``, of the chosen kinds and countries."""
    board = offer_board()
    base = board.get_full_url() if board else None
    if not base:
        return []
    offers = Offer.objects.open().filter(first_published_at__gt=since)
    if filters.get("kind"):
        offers = offers.filter(kind__in=filters["kind"])
    if filters.get("country"):
        offers = offers.filter(country__in=filters["country"])
    return [
        DigestItem(
            key=f"offer:{offer.pk}", title=str(offer), url=f"{base}{offer.slug}/",
            published_at=offer.first_published_at,
            summary=Truncator(strip_tags(offer.description)).words(30),
        )
        for offer in offers.select_related(None).order_by("first_published_at", "pk")[:50]
    ]


@hooks.register(maillage_hooks.PERSONAL_DATA)
def youth_personal_data():
    return personal_data.kinds()
