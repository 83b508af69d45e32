"""What an engine failure looks like, whichever client is installed."""

from functools import cache


class EngineUnavailable(Exception):
    """The search engine cannot answer now; show a degraded result instead."""


@cache
def engine_errors() -> tuple[type[BaseException], ...]:
    """Every error an engine call can raise, connection or HTTP level."""
    errors: list[type[BaseException]] = [EngineUnavailable, ConnectionError, TimeoutError]
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:
        pass
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)
    except ImportError:
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)
    except ImportError:
        pass
    return tuple(errors)


def is_outage(error: BaseException) -> bool:
    """True when the engine is unreachable or overloaded, rather than when
    it refused one request (a bad document or query)."""
    if isinstance(error, (EngineUnavailable, ConnectionError, TimeoutError)):
        return True
    try:
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

        if isinstance(error, OpenSearchConnectionError):
            return True
    except ImportError:
        pass
    try:
        from elastic_transport import TransportError

        if isinstance(error, TransportError):
            return True  # elastic-transport raises these only below HTTP
    except ImportError:
        pass
    status = getattr(error, "status_code", None)
    if status is None:
        meta = getattr(error, "meta", None)
        status = getattr(meta, "status", None)
    return isinstance(status, int) and (status == 429 or status >= 500)
