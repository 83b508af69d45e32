from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from maillage_core.hooks import DEMO_CONTENT, PERSONAL_DATA, SUBSCRIPTION_TOPICS
from maillage_core.subscriptions.topics import Topic

from . import personal_data, userbar
from .models.newsletter import LETTER_TOPIC
from .viewsets import EditorialViewSetGroup

register_snippet(EditorialViewSetGroup)


@hooks.register(DEMO_CONTENT, order=-100)
def site_demo():
    from . import demo  # only when the demo is asked for

    return demo.load


@hooks.register("construct_wagtail_userbar")
def full_accessibility_checker(request, items, page=None):
    userbar.use_full_checker(request, items, page)


@hooks.register(SUBSCRIPTION_TOPICS)
def newsletter_topic():
    # Sent as issues, from each issue page's "Send by email" screen.
    return [Topic(key=LETTER_TOPIC, label=_("La Lettre, the network's newsletter"),
                  description=_("The network's news, its actors and its events, a few times a year."), order=10)]


@hooks.register(PERSONAL_DATA)
def contact_personal_data():
    return personal_data.kinds()
