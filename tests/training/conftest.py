from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def programme(home_page):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_training.models import TrainingIndexPage

    ensure_vocabulary()
    page = home_page.add_child(instance=TrainingIndexPage(title="Programme de formation", slug="formations"))
    page.save_revision().publish()
    return page


@pytest.fixture
def training_session(programme):
    from maillage_core.models import Department, Sector
    from maillage_training.models import TrainingPage, TrainingSession

    training = programme.add_child(
        instance=TrainingPage(title="Rechercher des financements", summary="Panorama des financeurs publics et privés.")
    )
    training.sectors.set(Sector.objects.filter(slug="economie-sociale"))
    training.save_revision().publish()
    start = timezone.now() + timedelta(days=6)
    return TrainingSession.objects.create(
        training=training, start=start, end=start + timedelta(hours=3), capacity=12, city="Lyon",
        venue_name="Maison des solidarités", department=Department.objects.get(code="69"),
    )
