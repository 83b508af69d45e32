"""The programme's session cards, written in Python, read exactly as the
card template they replace wrote them (kept here as the reference), with
the includes the session and training pages still use."""

from datetime import timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from maillage_training import conf
from maillage_training.cards import session_cards
from maillage_training.models import Registration
from maillage_training.views.common import attach_trainings, programme_sessions

pytestmark = pytest.mark.django_db

CARD_TEMPLATE = """{% load i18n tz %}{% timezone time_zone %}{% for session in sessions %}<li class="session-card">
  <h3><a href="{{ session.url }}">{{ session.training_page.title }}</a></h3>
  <p>{% include "maillage_training/includes/session_when.html" %}{% if session.location_label %} · {{ session.location_label }}{% if session.department %} ({{ session.department.code }}){% endif %}{% elif session.online_url %} · {% translate "Online" %}{% endif %}</p>
  <p class="session-meta">{{ session.training_page.get_format_display }} · {% if session.training_page.is_free %}{% translate "Free" %}{% else %}{{ session.training_page.price|floatformat:"-2" }} €{% endif %} · {% include "maillage_training/includes/seats.html" %}</p>
  {% with sectors=session.training_page.sectors.all %}{% if sectors %}<ul class="sector-tags" aria-label="{% translate 'Sectors' %}">{% for sector in sectors %}<li>{{ sector.label }}</li>{% endfor %}</ul>{% endif %}{% endwith %}
</li>
{% endfor %}{% endtimezone %}"""


@pytest.fixture
def varied_sessions(programme, make_training, make_session):
    """A session of each look a card has: free or priced, one day or several,
    on site, online or both, full with a waitlist, cancelled, held, hostile text."""
    priced = make_training("Prix & <b>marges</b>", sectors=["sante", "education"], format="hybrid", price="40.50")
    free = make_training("Gratuite \"citée\" l'été", format="online")
    now = timezone.now()
    full = make_session(priced, start=now + timedelta(days=3), capacity=1, venue_name="Salle <A>", department="38")
    for status, email in (("confirmed", "a@example.org"), ("waitlisted", "b@example.org")):
        Registration.objects.create(session=full, status=status, name="P", email=email, consent_at=now)
    make_session(priced, start=now + timedelta(days=4), hours=30, department=None)
    make_session(free, start=now + timedelta(days=5), city="", online_url="https://visio.example.org/x", department=None)
    make_session(free, start=now + timedelta(days=6), status="cancelled")
    make_session(priced, start=now - timedelta(days=9), capacity=3)
    make_session(free, start=now + timedelta(days=7), city="Lyon", online_url="https://visio.example.org/y")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("past", [None, True, False])
def test_cards_read_as_the_card_template_wrote_them(rf, programme, varied_sessions, language, past):
    request = rf.get("/")
    with translation.override(language):
        sessions = attach_trainings(programme_sessions(programme), request)
        assert len(sessions) == 6
        expected = engines["django"].from_string(CARD_TEMPLATE.replace(
            "{% include \"maillage_training/includes/seats.html\" %}",
            "{% include \"maillage_training/includes/seats.html\" with past=session.is_past %}" if past is None
            else f"{{% include \"maillage_training/includes/seats.html\" with past={past} %}}",
        )).render({"sessions": sessions, "time_zone": conf.get("TIME_ZONE")})
        assert session_cards(sessions, past=past) == expected
        assert "Prix &amp; &lt;b&gt;marges&lt;/b&gt;" in expected
