"""Accounts for the people of working groups: sign up with email
verification, sign in by email address, reset a password, and the account
page listing one's groups and pending requests.

Signing up stores nothing: the name and address travel in the signed link
sent to that address, and the account is created when its owner opens the
link and chooses a password. The form answers the same whether or not the
address already has an account (the owner of an existing one gets an email
saying so), so it tells nobody who is registered.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import conf, emails, tokens
from ..forms import ActivationForm, LoginForm, NotificationsForm, PasswordResetForm, SignupForm
from ..models import Membership

User = get_user_model()


def safe_next(request, value):
    if value and url_has_allowed_host_and_scheme(value, {request.get_host()}, request.is_secure()):
        return value
    return ""


def find_user(email):
    """The active account of this address (case does not matter), if any."""
    return (
        User.objects.filter(email__iexact=email, is_active=True).order_by("-last_login", "pk").first()
        if email
        else None
    )


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("maillage_groups:account")
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if rate_limited(request, "groups-signup"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
        elif form.is_valid():
            email, name = form.cleaned_data["email"], form.cleaned_data["name"]
            existing = find_user(email)
            if existing is not None:
                emails.existing_account(request, existing)
            else:
                emails.signup_link(request, email, name, next_url)
            return redirect("maillage_groups:signup_sent")
    return render(request, "maillage_groups/accounts/signup.html", {"form": form, "next": next_url})


def signup_sent(request):
    return render(request, "maillage_groups/accounts/signup_sent.html", {"days": conf.get("SIGNUP_LINK_DAYS")})


@never_cache
@require_http_methods(["GET", "POST"])
def activate(request, token):
    found = tokens.read_signup(token)
    if found is None:
        return link_problem(
            request,
            _("This link is not valid or has expired. Sign up again to receive a new one."),
            status=400,
        )
    email, name, next_url = found
    if find_user(email) is not None:
        return link_problem(request, _("This link was already used: your account exists. Sign in."), status=409)
    form = ActivationForm(request.POST or None, user=User(email=email, username=email, first_name=name))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = create_account(email, name, form.cleaned_data["password1"])
        except IntegrityError:
            return link_problem(request, _("This link was already used: your account exists. Sign in."), status=409)
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is ready. Welcome!"))
        return redirect(safe_next(request, next_url) or reverse("maillage_groups:account"))
    return render(request, "maillage_groups/accounts/activate.html", {"form": form, "email": email, "name": name})


def create_account(email, name, password):
    if User.objects.filter(username__iexact=email).exists():
        raise IntegrityError("username taken")
    first, _space, last = name.partition(" ")
    user = User(username=email[:150], email=email, first_name=first[:150], last_name=last[:150], is_active=True)
    user.set_password(password)
    user.save()
    return user


def link_problem(request, message, status=400):
    return render(request, "maillage_groups/link_problem.html", {"message": message}, status=status)


class LoginView(auth_views.LoginView):
    """Sign in with an email address.

    Failed attempts are counted by the site's one sign-in policy (django-axes,
    see maillage_core.logins), shared with the administration's login page:
    the authenticate() calls below report each failure to it, and its
    middleware answers with the lockout page once an address has failed too
    often for an account. Accounts of the site's team (staff, superusers) are
    sent to the administration's login page, so that they have one sign-in
    page and one place where their sessions start.
    """

    template_name = "maillage_groups/accounts/login.html"
    redirect_authenticated_user = True

    def get_form_class(self):
        return EmailAuthenticationForm

    def form_invalid(self, form):
        context = self.get_context_data(form=form)
        if form.has_error(NON_FIELD_ERRORS, code=STAFF_ACCOUNT):
            context["admin_login_url"] = admin_login_url(self.get_redirect_url())
        return self.render_to_response(context)

    def get_default_redirect_url(self):
        return reverse("maillage_groups:account")


STAFF_ACCOUNT = "staff_account"


def admin_login_url(next_url=""):
    try:
        url = reverse("wagtailadmin_login")
    except NoReverseMatch:  # a site without Wagtail's admin
        return ""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class EmailAuthenticationForm(LoginForm):
    """What Django's LoginView expects of its form, with an email address."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user_cache = None

    def clean(self):
        cleaned_data = super().clean()
        email, password = (cleaned_data.get("email") or "").strip(), cleaned_data.get("password")
        if email and password:
            self.user_cache = self.find_account(email, password)
            if self.user_cache is None:
                raise self.invalid_login()
            if self.user_cache.is_staff or self.user_cache.is_superuser:
                self.user_cache = None
                raise forms.ValidationError(
                    _("This account belongs to the site's team: sign in on the administration's login page."),
                    code=STAFF_ACCOUNT,
                )
        return cleaned_data

    def find_account(self, email, password):
        """The account of this address whose password this is, if any.

        Each account of the address is tried under its own name, so that
        failures count against that name whichever page they came from. An
        address without an account is tried too, under the address itself,
        and always fails: it counts and takes as long as a known one, so
        neither the lockout nor the delay tells who has an account.
        """
        accounts = list(User.objects.filter(email__iexact=email, is_active=True).order_by("-last_login", "pk"))
        for username in [account.get_username() for account in accounts] or [email.lower()]:
            user = authenticate(self.request, username=username, password=password)
            if user is not None and user in accounts:
                return user
            if getattr(self.request, "axes_locked_out", False):
                break  # the lockout page answers; no further guesses
        return None

    def invalid_login(self):
        return forms.ValidationError(_("This email address and password do not match an account."))

    def get_user(self):
        return self.user_cache


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "maillage_groups/accounts/password_reset.html"
    email_template_name = "maillage_groups/emails/password_reset.txt"
    subject_template_name = "maillage_groups/emails/password_reset_subject.txt"
    success_url = reverse_lazy("maillage_groups:password_reset_done")

    def form_valid(self, form):
        if rate_limited(self.request, "groups-password-reset"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "maillage_groups/accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "maillage_groups/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("maillage_groups:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "maillage_groups/accounts/password_reset_complete.html"


@never_cache
@login_required(login_url="maillage_groups:login")
def account(request):
    memberships = list(
        Membership.objects.filter(
            user=request.user, status__in=[Membership.Status.MEMBER, Membership.Status.PENDING]
        ).select_related("group").order_by("group__title")
    )
    for membership in memberships:
        membership.notifications_form = NotificationsForm(
            initial={"meetings": membership.notify_meetings, "minutes": membership.notify_minutes},
            prefix=f"m{membership.pk}",
        )
    context = {
        "groups": [m for m in memberships if m.is_member],
        "pending": [m for m in memberships if m.is_pending],
    }
    return render(request, "maillage_groups/accounts/account.html", context)
