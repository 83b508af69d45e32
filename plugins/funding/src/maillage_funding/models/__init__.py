from .calls import FundingCall, Status
from .funders import Funder, FunderKind
from .pages import FundingSearchPage, FundingSearchPageMixin
from .sources import ImportSource, SourceFormat

__all__ = ["Funder", "FunderKind", "FundingCall", "FundingSearchPage", "FundingSearchPageMixin", "ImportSource", "SourceFormat",
           "Status"]
