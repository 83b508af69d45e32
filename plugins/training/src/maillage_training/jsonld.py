"""schema.org ``Event`` data of a session, for search engines."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .models.choices import TrainingFormat

ATTENDANCE = {
    TrainingFormat.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    TrainingFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    TrainingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# The characters that could close the script element or open a comment.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def session_event(training, session, *, url, organiser):
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": training.title,
        "description": strip_tags(training.summary),
        "url": url,
        "startDate": session.start.isoformat(),
        "endDate": session.end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if session.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE.get(training.format, ATTENDANCE[TrainingFormat.ON_SITE]),
        "location": locations(training, session, url),
        "organizer": {"@type": "Organization", "name": organiser},
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": str(training.price or 0),
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock" if session.seats_left else "https://schema.org/SoldOut",
        },
        "maximumAttendeeCapacity": session.capacity,
        "remainingAttendeeCapacity": session.seats_left,
    }
    if session.registration_opens:
        event["offers"]["validFrom"] = session.registration_opens.isoformat()
    return event


def locations(training, session, url):
    places = []
    if session.city:
        address = {
            "@type": "PostalAddress",
            "streetAddress": session.street_address,
            "postalCode": session.postal_code,
            "addressLocality": session.city,
            "addressCountry": "FR",
        }
        if session.department_id:
            address["addressRegion"] = session.department.region
        places.append({"@type": "Place", "name": session.venue_name or session.city, "address": address})
    if training.format != TrainingFormat.ON_SITE or not places:
        # The link itself is for registrants only: point at the session page.
        places.append({"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def as_script(data):
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  (escaped above)
