"""A training page and its session pages, with the registration form."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import booking
from ..forms import RegistrationForm
from ..jsonld import as_script, session_event
from ..models.sessions import TrainingSession
from .common import session_url


def training_sessions(training):
    return TrainingSession.objects.filter(training_id=training.pk).with_counts().select_related("department")


def detail(request, training):
    now = timezone.now()
    sessions = list(training_sessions(training))
    for session in sessions:
        session.url = session_url(training, session, request)
    return training.render(
        request,
        template="maillage_training/training_page.html",
        context_overrides={
            "upcoming": [s for s in sessions if not s.is_past(now)],
            "past": [s for s in sessions if s.is_past(now)],
            "programme": training.get_parent().specific,
        },
    )


def session_detail(request, training, session_id):
    session = training_sessions(training).filter(pk=session_id).first()
    if session is None:
        raise Http404
    url = session_url(training, session, request)
    state = session.registration_state()
    form = RegistrationForm()
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if state != "open":
            form.add_error(None, booking.REFUSALS[state])
            status = 409
        elif rate_limited(request, "training-registration"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            try:
                registration = booking.register(
                    session.pk,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    organisation_key=form.organisation_key,
                    role=form.cleaned_data["role"],
                    accessibility_needs=form.cleaned_data["accessibility_needs"],
                    language=translation.get_language() or "fr",
                )
            except booking.RegistrationRefused as refusal:
                form.add_error(None, refusal.message)
                status = 409
            else:
                messages.success(request, thanks(registration), fail_silently=True)
                return redirect(url)
        else:
            status = 400
    programme = training.get_parent().specific
    site = Site.find_for_request(request)
    response = training.render(
        request,
        template="maillage_training/session_page.html",
        context_overrides={
            "session": session,
            "session_url": url,
            "ical_url": url + "ical/",
            "form": form,
            "registration_state": state,
            "programme": programme,
            "jsonld": as_script(
                session_event(
                    training,
                    session,
                    url=request.build_absolute_uri(url),
                    organiser=(site.site_name if site else "") or "Maillage",
                )
            ),
        },
    )
    response.status_code = status
    return response


def thanks(registration):
    if registration.status == registration.Status.CONFIRMED:
        return _("Thank you: your registration is confirmed. A confirmation email is on its way to %(email)s.") % {
            "email": registration.email
        }
    return _(
        "The session is full: you are on the waitlist. We have sent an email to %(email)s and will write again if a "
        "seat is freed."
    ) % {"email": registration.email}
