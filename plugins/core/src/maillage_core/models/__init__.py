from ..subscriptions.models import (
    Consent,
    Delivery,
    DigestRecord,
    Mailing,
    Subscriber,
    TopicSubscription,
)
from .identity import IdentitySettings
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
    "IdentitySettings",
    "MaillagePageMixin",
    "PendingIndexUpdate",
    "Sector",
    "SustainableDevelopmentGoal",
]
