import pytest
from django.utils import translation

from maillage_core.data.seed import ensure_vocabulary
from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

pytestmark = pytest.mark.django_db


def test_migrations_seed_the_shared_thesaurus():
    assert Sector.objects.count() == 18
    assert SustainableDevelopmentGoal.objects.count() == 17
    assert Department.objects.count() == 101
    assert ActorType.objects.filter(slug__in=["association", "collectivite", "hopital", "universite"]).count() == 4


def test_departments_include_corsica_and_overseas():
    codes = set(Department.objects.values_list("code", flat=True))
    assert {"01", "2A", "2B", "69", "95", "971", "976"} <= codes
    assert "20" not in codes
    assert str(Department.objects.get(code="69")) == "Rhône (69)"


def test_sdg_names_follow_the_active_language():
    goal = SustainableDevelopmentGoal.objects.get(number=6)
    with translation.override("fr"):
        assert goal.label == "Eau propre et assainissement"
    with translation.override("en"):
        assert goal.label == "Clean water and sanitation"


def test_sector_falls_back_to_french_without_an_english_name():
    sector = Sector.objects.create(name="Tourisme solidaire", slug="tourisme-solidaire")
    with translation.override("en"):
        assert sector.label == "Tourisme solidaire"
    sector.name_en = "Responsible tourism"
    with translation.override("en"):
        assert sector.label == "Responsible tourism"


def test_seeding_again_keeps_the_officers_edits_and_adds_nothing():
    health = Sector.objects.get(slug="sante")
    health.name = "Santé mondiale"
    health.save()
    ensure_vocabulary()
    assert Sector.objects.count() == 18
    assert Sector.objects.get(slug="sante").name == "Santé mondiale"
