from wagtail import hooks
from wagtail.snippets.models import register_snippet

from maillage_core.hooks import DEMO_CONTENT

from . import userbar
from .viewsets import EditorialViewSetGroup

register_snippet(EditorialViewSetGroup)


@hooks.register(DEMO_CONTENT, order=-100)
def site_demo():
    from . import demo  # only when the demo is asked for

    return demo.load


@hooks.register("construct_wagtail_userbar")
def full_accessibility_checker(request, items, page=None):
    userbar.use_full_checker(request, items, page)
