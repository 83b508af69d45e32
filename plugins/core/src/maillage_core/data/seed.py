"""Idempotent seeding of the shared vocabulary.

Takes the model classes so that migrations can pass their historical models
and tests can pass the real ones (after a transactional test flushed them).
"""

from .departments import DEPARTMENTS
from .vocabulary import ACTOR_TYPES, SDGS, SECTORS


def seed_vocabulary(Sector, ActorType, SustainableDevelopmentGoal, Department):
    for order, (slug, name, name_en) in enumerate(SECTORS):
        Sector.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})
    for order, (slug, name, name_en) in enumerate(ACTOR_TYPES):
        ActorType.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})
    for number, name_fr, name_en in SDGS:
        SustainableDevelopmentGoal.objects.update_or_create(number=number, defaults={"name_fr": name_fr, "name_en": name_en})
    for code, name, region in DEPARTMENTS:
        Department.objects.update_or_create(code=code, defaults={"name": name, "region": region})


def ensure_vocabulary():
    from ..models import ActorType, Department, Sector, SustainableDevelopmentGoal

    seed_vocabulary(Sector, ActorType, SustainableDevelopmentGoal, Department)
