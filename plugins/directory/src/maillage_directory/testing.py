"""Helpers for tests of the directory and of sites that install it."""

from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

from .models import Actor


def make_actor(name, *, type=None, countries=(), sectors=(), sdgs=(), department=None, live=True, **fields):
    """A published actor (``live=False``: a never-published draft) with
    vocabulary given by slug, code or number."""
    actor = Actor(
        name=name,
        actor_type=ActorType.objects.get(slug=type) if type else None,
        department=Department.objects.get(code=department) if department else None,
        countries=list(countries),
        live=live,
        has_unpublished_changes=not live,
        **fields,
    )
    actor.sectors = list(Sector.objects.filter(slug__in=sectors))
    actor.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
    actor.save()
    return actor
