from .actor import Actor, ActorProject
from .choices import LegalStatus, SizeBand
from .pages import DirectoryPage, DirectoryPageMixin
from .submission import Submission

__all__ = [
    "Actor",
    "ActorProject",
    "DirectoryPage",
    "DirectoryPageMixin",
    "LegalStatus",
    "SizeBand",
    "Submission",
]
