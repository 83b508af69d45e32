"""The identity in a page: the theme stylesheet and icons in the head, the
logo in the header (see maillage_core.identity)."""

from django import template

from ..identity.theme import identity_for

register = template.Library()


@register.inclusion_tag("maillage_core/identity/head.html", takes_context=True)
def identity_head(context):
    return {"identity": identity_for(context.get("request"))}


@register.inclusion_tag("maillage_core/identity/logo.html", takes_context=True)
def identity_logo(context):
    identity = identity_for(context.get("request"))
    return {"logo": identity["logo"] if identity else None}
