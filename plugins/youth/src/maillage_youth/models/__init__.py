from .choices import DiplomaLevel, GuideTopic, OfferKind, WorldRegion
from .offers import Offer
from .pages import (
    GuidePage,
    GuidePageMixin,
    OfferBoardPage,
    OfferBoardPageMixin,
    TestimonyIndexPage,
    TestimonyIndexPageMixin,
    YouthSpacePage,
    YouthSpacePageMixin,
)
from .schemes import SchemeIndexPage, SchemeIndexPageMixin, SchemePage, SchemePageMixin
from .testimonies import Testimony

__all__ = [
    "DiplomaLevel",
    "GuidePage",
    "GuidePageMixin",
    "GuideTopic",
    "Offer",
    "OfferBoardPage",
    "OfferBoardPageMixin",
    "OfferKind",
    "SchemeIndexPage",
    "SchemeIndexPageMixin",
    "SchemePage",
    "SchemePageMixin",
    "Testimony",
    "TestimonyIndexPage",
    "TestimonyIndexPageMixin",
    "WorldRegion",
    "YouthSpacePage",
    "YouthSpacePageMixin",
]
