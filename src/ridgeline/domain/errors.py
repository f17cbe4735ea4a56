"""One error hierarchy for the whole product.

Each error knows the HTTP status and the CLI exit code it maps to, so the API and the CLI translate
failures the same way. Messages are written for the user and never carry paths, tokens or traces.
"""

from __future__ import annotations


class RidgelineError(Exception):
    """Base of every expected failure."""

    http_status: int = 500
    exit_code: int = 1
    public_message: str = "An unexpected error occurred."

    def __init__(self, message: str | None = None, **extra: object) -> None:
        self.message = message or self.public_message
        self.extra = extra
        super().__init__(self.message)


class InvalidRequest(RidgelineError):
    http_status = 400
    public_message = "Request body must be a JSON object."


class AuthenticationError(RidgelineError):
    http_status = 401
    public_message = "Invalid or inactive API key."


class MissingApiKey(AuthenticationError):
    public_message = "Missing API key."


class ForbiddenError(RidgelineError):
    http_status = 403
    exit_code = 4
    public_message = "API key does not have scan scope."


class QuotaExceeded(ForbiddenError):
    exit_code = 3


class NotFound(RidgelineError):
    http_status = 404
    exit_code = 2
    public_message = "Scan not found."


class RepositoryNotFound(NotFound):
    public_message = "Repository not found or access denied."


class RepositoryHostTimeout(RidgelineError):
    http_status = 504
    public_message = "Repository host did not respond."


class RateLimited(RidgelineError):
    http_status = 429
    exit_code = 3
    public_message = "Rate limit exceeded. Please try again later."


class ConfigurationError(RidgelineError):
    """The operator's configuration is unusable; refused at start with a clear message."""

    exit_code = 2


class ScanFailure(RidgelineError):
    """A scan cannot finish; ``message`` is the reason shown to the user.

    ``our_fault`` tells whether the failure came from Ridgeline rather than the repository, in which
    case the quota unit is given back.
    """

    def __init__(self, message: str, *, our_fault: bool = False) -> None:
        super().__init__(message)
        self.our_fault = our_fault
