"""The addresses invitations were sent to are exported, erased and purged
through core's personal-data hook; no email field is left uncovered."""

import datetime

import pytest
from django.utils import timezone

from maillage_barometer.models import Invitation
from maillage_core.personal_data import kinds

pytestmark = pytest.mark.django_db


def test_invitations_are_exported_erased_and_purged(make_edition, officer, actors):
    edition = make_edition(2026)
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "invitation"})
    kind = next(k for k in kinds.registered() if getattr(k, "key", "") == "barometer-invitations")
    assert kind.export("ACTEUR3@example.org") == [
        {"edition": 2026, "kind": "invitation", "sent_on": timezone.localdate().isoformat(), "email": "acteur3@example.org"}]
    assert kind.erase("acteur3@example.org").deleted == 1
    assert not Invitation.objects.filter(email="acteur3@example.org").exists()
    Invitation.objects.filter(email="acteur4@example.org").update(sent_on=timezone.localdate() - datetime.timedelta(days=401))
    assert kind.purge(timezone.now()) == 1
    assert Invitation.objects.count() == 9
    assert kinds.uncovered_fields() == [] or all("barometer" not in name for name in kinds.uncovered_fields())
