from .choices import TrainingFormat
from .pages import TrainingIndexPage, TrainingIndexPageMixin, TrainingPage, TrainingPageMixin
from .registrations import Registration, RegistrationEmail
from .sessions import TrainingSession

__all__ = [
    "Registration",
    "RegistrationEmail",
    "TrainingFormat",
    "TrainingIndexPage",
    "TrainingIndexPageMixin",
    "TrainingPage",
    "TrainingPageMixin",
    "TrainingSession",
]
