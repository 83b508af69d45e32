from .pages import BarometerIndexPage, EditionPage
from .responses import Invitation, Response

__all__ = ["BarometerIndexPage", "EditionPage", "Invitation", "Response"]
