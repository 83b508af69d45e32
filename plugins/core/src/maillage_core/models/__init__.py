from .pages import MaillagePageMixin
from .search import PendingIndexUpdate
from .vocabulary import ActorType, Department, Sector, SustainableDevelopmentGoal

__all__ = [
    "ActorType",
    "Department",
    "MaillagePageMixin",
    "PendingIndexUpdate",
    "Sector",
    "SustainableDevelopmentGoal",
]
