"""schema.org descriptions of an offer, for search engines' job listings."""

import datetime

from django.utils.html import strip_tags

from .models.choices import OfferKind

EMPLOYMENT_TYPES = {
    OfferKind.INTERNSHIP: "INTERN",
    OfferKind.VOLUNTEERING: "VOLUNTEER",
    OfferKind.CIVIC_SERVICE: "VOLUNTEER",
}


def job_posting(offer, request, board_url):
    """A ``JobPosting`` with the offer's public fields (rendered through core's ``json_ld``)."""
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": offer.title,
        "description": offer.description or strip_tags(offer.how_to_apply),
        "url": request.build_absolute_uri(f"{board_url}{offer.slug}/"),
        "validThrough": datetime.datetime.combine(offer.closing_date, datetime.time(23, 59)).isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": offer.organisation},
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressCountry": offer.country.code},
        },
    }
    if offer.first_published_at:
        data["datePosted"] = offer.first_published_at.date().isoformat()
    if offer.kind in EMPLOYMENT_TYPES:
        data["employmentType"] = EMPLOYMENT_TYPES[offer.kind]
    if offer.organisation_url:
        data["hiringOrganization"]["sameAs"] = offer.organisation_url
    if offer.city:
        data["jobLocation"]["address"]["addressLocality"] = offer.city
    if offer.start_date:
        data["jobStartDate"] = offer.start_date.isoformat()
    return data
