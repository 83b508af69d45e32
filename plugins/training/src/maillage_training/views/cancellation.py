"""Cancelling a registration from the signed link of the confirmation
email, without an account. Opening the link only asks for confirmation
(mail scanners follow links); the cancellation is a POST, and a second
one finds the registration already cancelled and sends nothing."""

from django.utils import timezone

from maillage_core.params import clean_text

from .. import booking
from ..models.registrations import Registration
from ..tokens import registration_id_from
from .common import session_url


def cancel(request, training):
    token = clean_text(request.POST.get("jeton") or request.GET.get("jeton") or "", 500)
    registration_id = registration_id_from(token)
    registration = None
    if registration_id is not None:
        registration = (
            Registration.objects.select_related("session", "session__department")
            .filter(pk=registration_id, session__training_id=training.pk)
            .first()
        )
    if registration is None or registration.is_erased:
        state, status = "invalid", 400
    elif registration.session.start <= timezone.now():
        state, status = "started", 409
    elif registration.status == Registration.Status.CANCELLED:
        state, status = "already", 200
    elif request.method == "POST":
        done = booking.cancel_registration(registration.pk)
        state, status = ("done" if done else "already"), 200
    else:
        state, status = "confirm", 200
    response = training.render(
        request,
        template="maillage_training/cancel_page.html",
        context_overrides={
            "state": state,
            "token": token,
            "registration": registration,
            "session": registration.session if registration else None,
            "session_url": session_url(training, registration.session, request) if registration else "",
        },
    )
    response.status_code = status
    return response
