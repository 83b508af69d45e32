"""What the youth plugin holds about a person, for the
``maillage_personal_data`` hook: offers they submitted (or whose address
to apply is theirs) and testimonies they wrote.

Erasing withdraws a testimony entirely (its author may do so at any time
by the emailed link; the story is theirs), and blanks the person's name
and address on an offer, which stays online as the organisation's.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind, blank_matching, scrub_revisions

from . import submissions
from .models import Offer
from .models.testimonies import Testimony


def iso(value):
    return value.isoformat() if value else None


def offers_of(email):
    return Offer.objects.filter(Q(submitter_email__iexact=email) | Q(application_email__iexact=email)).order_by("pk")


def export_offers(email):
    return [
        {
            "title": offer.title, "organisation": offer.organisation, "submitter_name": offer.submitter_name,
            "submitter_email": offer.submitter_email, "application_email": offer.application_email,
            "live": offer.live, "created_at": iso(offer.created_at),
        }
        for offer in offers_of(email)
    ]


def erase_offers(email):
    erased = Erased()
    for offer in offers_of(email):
        submitted = blank_matching(offer, email, ["submitter_email"], also=["submitter_name"])
        applied = blank_matching(offer, email, ["application_email"])
        erased.anonymised += int(submitted or applied)
    scrub_revisions(Offer, email, ["submitter_email"], also=["submitter_name"])
    scrub_revisions(Offer, email, ["application_email"])
    return erased


def testimonies_of(email):
    return Testimony.objects.filter(email__iexact=email).order_by("pk")


def export_testimonies(email):
    return [
        {
            "title": testimony.title, "author_name": testimony.author_name, "email": testimony.email,
            "country": str(testimony.country), "year": testimony.year, "text": testimony.text,
            "photo": testimony.photo.title if testimony.photo_id else "", "live": testimony.live,
            "consent_at": iso(testimony.consent_at), "created_at": iso(testimony.created_at),
        }
        for testimony in testimonies_of(email).select_related("photo")
    ]


def erase_testimonies(email):
    count = 0
    for testimony in testimonies_of(email):
        submissions.withdraw(testimony)
        count += 1
    return Erased(deleted=count)


def kinds():
    return [
        Kind(key="youth-offers", label=_("Offers submitted to the Espace Jeunes"),
             fields=("maillage_youth.Offer.submitter_email", "maillage_youth.Offer.application_email"),
             export=export_offers, erase=erase_offers),
        Kind(key="youth-testimonies", label=_("Testimonies"), fields=("maillage_youth.Testimony.email",),
             export=export_testimonies, erase=erase_testimonies),
    ]
