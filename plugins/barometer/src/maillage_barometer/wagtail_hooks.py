from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from maillage_core import hooks as maillage_hooks

from . import admin_urls, admin_views, personal_data
from .models.pages import EditionPageMixin


class BarometerMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.allowed(request.user)


@hooks.register("register_admin_urls")
def barometer_admin_urls():
    return [path("barometre/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def barometer_menu_item():
    return BarometerMenuItem(_("Barometer"), reverse("maillage_barometer_admin:editions"), icon_name="table",
                             order=260)


@hooks.register("register_page_header_buttons")
def edition_report_button(page, user, view_name, next_url=None):
    """From an edition's page in the admin to its survey and results screen."""
    if issubclass(page.specific_class or type(page), EditionPageMixin) and admin_views.allowed(user):
        yield Button(_("Survey and results"), reverse("maillage_barometer_admin:report", args=[page.pk]),
                     icon_name="table", priority=70)


@hooks.register(maillage_hooks.DEMO_CONTENT)
def barometer_demo():
    from . import demo  # only when the demo is asked for: a site never imports it

    return demo.load


@hooks.register(maillage_hooks.PERSONAL_DATA)
def barometer_personal_data():
    return personal_data.kinds()
