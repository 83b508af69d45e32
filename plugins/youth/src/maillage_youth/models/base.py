"""What the youth pages share."""

from django.apps import apps

#: Query-string parameters of filtered or paged listings: such variants are
#: not indexed by search engines (they repeat the plain listing).
LISTING_PARAMETERS = ("q", "type", "pays", "secteur", "debut", "tri", "page", "age", "duree", "budget", "diplome",
                      "region")


def offer_board(request=None):
    """``OfferBoardPageMixin.for_request``, for the modules the page module
    uses (offers, testimonies, emails): they name the page class by its
    label, as a ForeignKey does, since the page module imports them."""
    return apps.get_model("maillage_youth", "OfferBoardPage").for_request(request)


def testimony_index(request=None):
    """``TestimonyIndexPageMixin.for_request``, by label (see ``offer_board``)."""
    return apps.get_model("maillage_youth", "TestimonyIndexPage").for_request(request)
