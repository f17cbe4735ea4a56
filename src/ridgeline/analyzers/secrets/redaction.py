"""Redaction and hashing of secrets. The plaintext never leaves the secrets analyzer."""

from __future__ import annotations

import hashlib
import hmac
import math
from collections import Counter


def redact(secret: str) -> str:
    """Keep at most the first 4 and last 4 characters, and never more than 2/5 of the secret."""
    keep = min(4, len(secret) // 5)
    if keep == 0:
        return "*" * min(len(secret), 8)
    return f"{secret[:keep]}…{secret[-keep:]}"


def secret_hash(secret: str, salt: bytes) -> str:
    """A salted (keyed) hash: equal secrets share it, and it cannot be checked without the salt."""
    return hmac.new(salt, secret.encode("utf-8"), hashlib.sha256).hexdigest()


def shannon_entropy(value: str) -> float:
    """Bits per character of ``value``."""
    if not value:
        return 0.0
    counts = Counter(value)
    length = len(value)
    return -sum(c / length * math.log2(c / length) for c in counts.values())
