"""A small, versioned JSON API of the calls (``api/v1/``), with open CORS,
so other networks and tools reuse them. The same filters as the search
page (``q``, ``statut``, ``financeur``, ``acteur``, ``departement``, ``pays``,
``secteur``, ``odd``, ``montant``, ``tri``), pages of ``taille`` calls
(``page``); a value that does not parse answers 400 with the reason. Only
published calls; the archive is ``archives=1``. The README documents it."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from maillage_core import params

from .. import conf
from ..models.calls import FundingCall
from ..search import listing as call_listing
from ..search.facets import CallQuery, Vocabulary

VERSION = "1"


def answer(body, status=200):
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def as_json(call, request, search_url):
    return {
        "id": call.pk,
        "slug": call.slug,
        "url": request.build_absolute_uri(f"{search_url}{call.slug}/"),
        "title": call.title,
        "summary": call.summary,
        "funders": [{"name": funder.name, "kind": funder.kind} for funder in call.funders.all()],
        "status": str(call.status()),
        "opens_on": call.opens_on.isoformat() if call.opens_on else None,
        "closes_on": call.closes_on.isoformat() if call.closes_on else None,
        "permanent": call.permanent,
        "recurs_yearly": call.recurs_yearly,
        "amount_min": call.amount_min,
        "amount_max": call.amount_max,
        "cofunding_rate": call.cofunding_rate,
        "countries": [country.code for country in call.countries],
        "official_url": call.official_url,
        "checked_on": call.checked_on.isoformat() if call.checked_on else None,
        "first_published_at": call.first_published_at.isoformat() if call.first_published_at else None,
    }


def calls(request, page):
    vocabulary = Vocabulary()
    archive = request.GET.get("archives") == "1"
    query = CallQuery.from_request(request, vocabulary, archive=archive)
    size, bad_size = params.integer(request, "taille", minimum=1, maximum=conf.get("API_PAGE_SIZE"),
                                    default=conf.get("API_PAGE_SIZE"))
    notices = list(query.notices)
    if bad_size:
        notices.append(_("“%(value)s” is not a page size between 1 and %(max)s.") % {
            "value": bad_size, "max": conf.get("API_PAGE_SIZE")})
    if notices:
        return answer({"version": VERSION, "error": " ".join(str(n) for n in notices)}, status=400)
    listing = call_listing.run(FundingCall, query, vocabulary, size)
    search_url = page.get_url(request=request)
    base = request.build_absolute_uri(request.path)

    def link(url):
        extra = "&archives=1" if archive else ""
        return f"{base}{url}&taille={size}{extra}" if url else None

    return answer({
        "version": VERSION,
        "count": listing.total,
        "page": listing.page_number,
        "pages": listing.page_count,
        "next": link(listing.next_url),
        "previous": link(listing.previous_url),
        "degraded": listing.degraded,
        "results": [as_json(call, request, search_url) for call in listing.calls],
    })


def call(request, page, slug):
    found = FundingCall.objects.public().prefetch_related("funders").filter(slug=slug).first()
    if found is None:
        return answer({"version": VERSION, "error": _("No such call.")}, status=404)
    return answer({"version": VERSION, **as_json(found, request, page.get_url(request=request))})
