"""The userbar's content checker with the whole WCAG 2.1 A/AA rule set.

Wagtail's checker runs a short list of axe-core rules chosen for editors.
In development (``MAILLAGE_FULL_ACCESSIBILITY_CHECKER``, on by default when
``DEBUG`` is) the site's own pages are checked against every WCAG 2.0/2.1
A and AA rule, the set the browser tests enforce, plus Wagtail's editorial
rules (heading order, alt text quality, empty meta description).
"""

from django.conf import settings
from wagtail.admin.userbar import ContentCheckerItem

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class WcagContentCheckerItem(ContentCheckerItem):
    axe_run_only = WCAG_TAGS
    # Wagtail's editorial rules are not tagged WCAG: enabled one by one.
    axe_rules = {rule: {"enabled": True} for rule in ContentCheckerItem.axe_run_only}


def full_checker_enabled():
    return getattr(settings, "MAILLAGE_FULL_ACCESSIBILITY_CHECKER", settings.DEBUG)


def use_full_checker(request, items, page=None):
    if not full_checker_enabled():
        return
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WcagContentCheckerItem):
            items[position] = WcagContentCheckerItem(in_editor=item.in_editor)
