"""The site's one sign-in policy (maillage_core.logins), as configured in
maillage_site.settings: the administration's login page pauses a guesser
with a page in the site's own layout, never an error."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_paused_admin_sign_in_gets_a_page_of_the_site(client, home_page, django_user_model, settings):
    django_user_model.objects.create_superuser("officer", "officer@example.org", "mot-de-passe-du-responsable")
    answers = [
        client.post(reverse("wagtailadmin_login"), {"username": "officer", "password": "faux"}, REMOTE_ADDR="203.0.113.7")
        for _attempt in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [answer.status_code for answer in answers] == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    html = answers[-1].content.decode()
    assert "<h1>Connexion suspendue</h1>" in html and "pendant 15 minutes" in html
    assert 'class="skip-link"' in html and "<footer" in html  # the site's layout around it
