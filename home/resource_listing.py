"""The resource index's listing, filtered by kind and by sector (the
networks' shared thesaurus), with validated parameters."""

from django.utils.translation import gettext as _

from maillage_core.models import Sector
from maillage_core.params import one_of, paginate

from .models.resources import ResourceKind, ResourcePage


def resource_listing(request, index):
    resources = ResourcePage.objects.listed_in(index)
    kinds = [(value, label) for value, label in ResourceKind.choices]
    sectors = list(Sector.objects.filter(pk__in=resources.values("sectors")).order_by("sort_order", "name"))
    notices = []
    kind, unknown = one_of(request, "kind", {value for value, _label in kinds}, "")
    if unknown:
        notices.append(_("There is no kind of resource “%(value)s”; showing every kind.") % {"value": unknown})
    sector, unknown = one_of(request, "sector", {s.slug for s in sectors}, "")
    if unknown:
        notices.append(_("There is no resource in the sector “%(value)s”; showing every sector.") % {"value": unknown})
    if kind:
        resources = resources.filter(kind=kind)
    if sector:
        resources = resources.filter(sectors__slug=sector)
    page = paginate(request, resources, index.per_page)
    if page.message:
        notices.append(page.message)
    return {
        "kinds": kinds,
        "sectors": sectors,
        "chosen": {"kind": kind, "sector": sector},
        "filtered": bool(kind or sector),
        "page_obj": page.page,
        "resources": page.page.object_list,
        "notices": notices,
    }
