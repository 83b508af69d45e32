from .calls import FundingCall, Status
from .funders import Funder, FunderKind
from .pages import FundingSearchPage, FundingSearchPageMixin

__all__ = ["Funder", "FunderKind", "FundingCall", "FundingSearchPage", "FundingSearchPageMixin", "Status"]
