"""Small named exceptions shared across the package."""


class BotError(Exception):
    """Base class for every error this package raises on purpose."""


class KnowledgeError(BotError):
    """A knowledge file cannot be used: carries the file, line and how to fix it."""

    def __init__(self, path, line, message, hint=""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        where = f"{self.path}:{line}" if line else self.path
        text = f"{where}: {message}"
        if hint:
            text += f"（{hint}）"
        super().__init__(text)


class KnowledgeErrors(BotError):
    """Several knowledge errors found in one pass (kb check reports them all)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class BadRequest(BotError):
    """A push from WeChat that we refuse: malformed, forged or oversized."""

    def __init__(self, message, status=400):
        self.status = status
        super().__init__(message)


class SignatureError(BadRequest):
    """A push whose signature does not match our token: forged, or the token is misconfigured."""

    def __init__(self, message):
        super().__init__(message, status=403)


class DeliveryError(BotError):
    """WeChat's customer-service API refused or could not be reached."""

    def __init__(self, message, errcode=None):
        self.errcode = errcode
        super().__init__(message)


class EmbeddingModelError(BotError):
    """The folder named by BOT_EMBEDDING_MODEL holds no usable sentence-embedding model."""
