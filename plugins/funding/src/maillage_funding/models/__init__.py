from .calls import FundingCall, Status
from .funders import Funder, FunderKind
from .pages import FundingSearchPage, FundingSearchPageMixin
from .sources import ImportSource, RunState, SourceFormat

__all__ = ["Funder", "FunderKind", "FundingCall", "FundingSearchPage", "FundingSearchPageMixin", "ImportSource", "RunState",
           "SourceFormat", "Status"]
