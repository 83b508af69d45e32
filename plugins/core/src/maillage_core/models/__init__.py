from ..subscriptions.models import (
    Consent,
    Delivery,
    DigestRecord,
    Mailing,
    Subscriber,
    TopicSubscription,
)
from .pages import MaillagePageMixin
from .search import PendingIndexUpdate
from .vocabulary import ActorType, Department, Sector, SustainableDevelopmentGoal

__all__ = [
    "ActorType",
    "Consent",
    "Delivery",
    "DigestRecord",
    "Mailing",
    "Subscriber",
    "TopicSubscription",
    "Department",
    "MaillagePageMixin",
    "PendingIndexUpdate",
    "Sector",
    "SustainableDevelopmentGoal",
]
