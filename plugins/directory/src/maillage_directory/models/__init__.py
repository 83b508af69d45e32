from .actor import FIRST_YEAR_FOUNDED, Actor, ActorProject
from .choices import LegalStatus, SizeBand
from .pages import DirectoryPage, DirectoryPageMixin
from .submission import Submission

__all__ = [
    "Actor",
    "ActorProject",
    "DirectoryPage",
    "DirectoryPageMixin",
    "FIRST_YEAR_FOUNDED",
    "LegalStatus",
    "SizeBand",
    "Submission",
]
