from __future__ import annotations

import re

from ridgeline.analyzers.secrets.rules import load_packaged_rules
from ridgeline.services.keys import generate_key, hash_key, well_formed


def test_key_format_prefix_and_checksum() -> None:
    key = generate_key()
    assert re.fullmatch(r"rdgl_[0-9A-Za-z]{38}", key)
    assert well_formed(key)
    tampered = key[:10] + ("A" if key[10] != "A" else "B") + key[11:]
    assert not well_formed(tampered)
    assert not well_formed("rdgl_short")


def test_keys_are_unique_and_hashed_with_the_secret() -> None:
    keys = {generate_key() for _ in range(200)}
    assert len(keys) == 200
    key = next(iter(keys))
    assert hash_key(key, b"a" * 32) != hash_key(key, b"b" * 32)
    assert key not in hash_key(key, b"a" * 32)


def test_our_own_secret_rule_recognises_leaked_keys() -> None:
    rule = next(r for r in load_packaged_rules() if r.id == "ridgeline-api-key")
    key = generate_key()
    assert rule.regex.search(f"RIDGELINE_API_KEY={key}").group(1) == key
