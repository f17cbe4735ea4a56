"""Encryption of git host tokens at rest (queued jobs, linked credentials).

The key is derived from the server secret with HKDF, so rotating the secret invalidates them all.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class TokenCipher:
    def __init__(self, server_secret: bytes) -> None:
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=b"ridgeline", info=b"ridgeline token encryption v1"
        ).derive(server_secret)
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def encrypt(self, token: str) -> str:
        return self._fernet.encrypt(token.encode("utf-8")).decode("ascii")

    def decrypt(self, ciphertext: str) -> str | None:
        try:
            return self._fernet.decrypt(ciphertext.encode("ascii")).decode("utf-8")
        except (InvalidToken, ValueError):
            return None
