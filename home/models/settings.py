"""Site settings the communication officer edits in the admin ("Settings").

One model with two tabs, so each public page reads them in one query: the
network's identity (footer, JSON-LD ``Organization``) and the footer's
links (legal pages, accessibility statement, site map, contact).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import LinkBlock


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("network"), max_length=60, help_text=_("e.g. Mastodon, LinkedIn, PeerTube"))
    url = blocks.URLBlock(label=_("address of the network's account"))


def page_link(label, target="wagtailcore.Page", help_text=""):
    return models.ForeignKey(
        target,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    name = models.CharField(_("name of the network"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    description = models.TextField(_("one-line description"), blank=True)
    # The logo is the identity's (maillage_core.IdentitySettings): one logo
    # for the header, the icons and search engines.
    street_address = models.CharField(_("street address"), max_length=250, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock(label=_("account")))], blank=True, verbose_name=_("social network accounts")
    )

    legal_notice_page = page_link(_("legal notice"))
    privacy_page = page_link(_("personal data policy"))
    accessibility_page = page_link(
        _("accessibility statement"),
        "home.AccessibilityStatementPage",
        _("Its conformance status is shown in the footer of every page, as the RGAA requires."),
    )
    site_map_page = page_link(_("site map"), "home.SiteMapPage")
    contact_page = page_link(_("contact page"))
    footer_links = StreamField([("link", LinkBlock(label=_("link")))], blank=True, verbose_name=_("other footer links"))

    select_related = [
        "site",
        "legal_notice_page",
        "privacy_page",
        "accessibility_page",
        "site_map_page",
        "contact_page",
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("description")], _("Identity")
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("street_address"),
                            FieldPanel("postal_code"),
                            FieldPanel("city"),
                            FieldPanel("email"),
                            FieldPanel("phone"),
                        ],
                        _("Address and contact"),
                    ),
                    FieldPanel("social_links"),
                ],
                heading=_("Network"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("legal_notice_page"),
                            FieldPanel("privacy_page"),
                            FieldPanel("accessibility_page"),
                            FieldPanel("site_map_page"),
                            FieldPanel("contact_page"),
                        ],
                        _("Mandatory links"),
                    ),
                    FieldPanel("footer_links"),
                ],
                heading=_("Footer"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("network and footer")

    @property
    def display_name(self):
        return self.name or self.site.site_name

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.street_address, locality) if line]
