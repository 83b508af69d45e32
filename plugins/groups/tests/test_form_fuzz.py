"""Hostile values in every field of the working groups' public forms
(sign up, choose a password, sign in, reset a password, join, reply to a
meeting, choose emails, answer a join request) and in the groups index's
parameters: a message or a harmless change, never a server error."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from maillage_core.testing import fuzz
from maillage_groups import forms, memberships, tokens
from maillage_groups.models import AttendanceReply, Membership, MembershipPolicy
from maillage_groups.testing import join, make_group, make_meeting, make_person

pytestmark = pytest.mark.django_db

numbers = itertools.count()
PASSWORD = "motdepasse-solide-42"
NEXT = {"next": fuzz.redirect_values()}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0


@pytest.fixture
def group(groups_index):
    return make_group(groups_index, "Groupe pays Burkina Faso", membership_policy=MembershipPolicy.ON_REQUEST)


def new_person():
    return make_person(f"personne{next(numbers)}@exemple.org", first_name="Léa", password=PASSWORD)


def accounts():
    return get_user_model().objects.count(), Membership.objects.count(), AttendanceReply.objects.count()


def last_email_text():
    return mail.outbox[-1].subject + mail.outbox[-1].body


def test_the_sign_up_form_survives_hostile_values(client):
    form = fuzz.PublicForm(
        "groups sign-up", reverse("maillage_groups:signup"), forms.SignupForm,
        answers=lambda: {"name": "Léa Dubois", "email": f"lea{next(numbers)}@exemple.org"},
        stored=accounts, saved_text=last_email_text, extra=NEXT,
    )
    fuzz.run(client, form).assert_clean()


def test_the_password_form_of_the_sign_up_link_survives_hostile_values(client):
    def fresh_link():
        client.logout()
        return reverse("maillage_groups:activate", args=[tokens.signup_token(f"lea{next(numbers)}@exemple.org", "Léa")])

    form = fuzz.PublicForm(
        "groups account activation", fresh_link, forms.ActivationForm,
        answers={"password1": PASSWORD, "password2": PASSWORD}, stored=accounts,
    )
    fuzz.run(client, form).assert_clean()


def test_the_sign_in_form_survives_hostile_values(client):
    person = new_person()

    def signed_out_answers():
        client.logout()
        return {"email": person.email, "password": PASSWORD}

    form = fuzz.PublicForm(
        "groups sign-in", reverse("maillage_groups:login"), forms.LoginForm, answers=signed_out_answers,
        stored=lambda: client.session.get("_auth_user_id"), extra=NEXT,
    )
    fuzz.run(client, form).assert_clean()


def test_the_password_reset_forms_survive_hostile_values(client):
    person = new_person()
    form = fuzz.PublicForm(
        "groups password reset", reverse("maillage_groups:password_reset"), forms.PasswordResetForm,
        answers={"email": person.email}, stored=accounts,
    )
    fuzz.run(client, form).assert_clean()

    def fresh_reset_link():
        client.logout()
        person.refresh_from_db()
        link = reverse("maillage_groups:password_reset_confirm",
                       args=[urlsafe_base64_encode(force_bytes(person.pk)), default_token_generator.make_token(person)])
        return client.get(link)["Location"]  # the token moves to the session

    def new_password():
        password = f"{PASSWORD}-{next(numbers)}"
        return {"new_password1": password, "new_password2": password}

    form = fuzz.PublicForm(
        "groups new password", fresh_reset_link, SetPasswordForm, answers=new_password,
        stored=lambda: get_user_model().objects.get(pk=person.pk).password,
    )
    fuzz.run(client, form).assert_clean()


def test_the_join_form_survives_hostile_values(client, group):
    def a_new_person_asks():
        client.force_login(new_person())
        return {"message": "Bonjour, je travaille au Burkina Faso."}

    form = fuzz.PublicForm(
        "groups join request", reverse("maillage_groups:join", args=[group.pk]), forms.JoinForm,
        answers=a_new_person_asks, stored=accounts,
        saved_text=lambda: Membership.objects.order_by("-pk").first().message,
    )
    fuzz.run(client, form).assert_clean()


def test_the_members_forms_survive_hostile_values(client, group):
    member = new_person()
    membership = join(member, group)
    meeting = make_meeting(group, "Réunion de rentrée")
    client.force_login(member)

    def reply_changed():
        AttendanceReply.objects.all().delete()
        return {"attending": "yes"}

    form = fuzz.PublicForm(
        "groups meeting reply", reverse("maillage_groups:attendance", args=[meeting.pk]), forms.AttendanceForm,
        answers=reply_changed, stored=lambda: AttendanceReply.objects.count(),
    )
    fuzz.run(client, form).assert_clean()

    def emails_on():
        Membership.objects.filter(pk=membership.pk).update(notify_meetings=False, notify_minutes=False)
        return {f"m{membership.pk}-meetings": "on", f"m{membership.pk}-minutes": "on"}

    form = fuzz.PublicForm(
        "groups email choices", reverse("maillage_groups:notifications", args=[group.pk]),
        forms.NotificationsForm(prefix=f"m{membership.pk}"), answers=emails_on,
        stored=lambda: list(Membership.objects.filter(pk=membership.pk).values_list("notify_meetings", "notify_minutes")),
    )
    fuzz.run(client, form).assert_clean()


def test_the_decision_form_of_a_coordinators_link_survives_hostile_values(client, group):
    coordinator = new_person()
    join(coordinator, group, coordinator=True)

    def fresh_request_link():
        membership = memberships.request_to_join(new_person(), group, "Bonjour")
        return reverse("maillage_groups:decide", args=[tokens.decision_token(membership, coordinator)])

    form = fuzz.PublicForm(
        "groups join decision", fresh_request_link, forms.DecisionForm, answers={"decision": "approve"},
        stored=lambda: Membership.objects.exclude(status=Membership.Status.PENDING).count(),
    )
    fuzz.run(client, form).assert_clean()


def test_every_parameter_of_the_groups_index_survives_hostile_values(client, groups_index, group):
    form = fuzz.search_form(client, "groups index", groups_index.url, stored=accounts,
                            extra={"page": fuzz.number_values(fuzz.forms.IntegerField())})
    fuzz.run(client, form).assert_clean()
