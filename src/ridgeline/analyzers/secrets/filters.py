"""Filters that reject candidate secrets which are not credentials. Each is a pure function.

Why so many small ones: every false positive a user sees teaches them to ignore the report. Each
filter encodes one way a regex match turns out not to be a credential, and is tested on its own.
Provider rules (strict formats) only get the rule allow-list, the placeholder/template and the
documented-example checks; generic rules (``rule.generic``) also get entropy, identifier and
lock-file filters.
"""

from __future__ import annotations

import re

from ridgeline.analyzers.secrets.redaction import shannon_entropy
from ridgeline.analyzers.secrets.rules import Allowlist, SecretRule

_TEST_PATH = re.compile(
    r"(?i)(?:^|/)(?:tests?|spec|specs|fixtures?|testdata|test-data|__tests__|__mocks__|examples?|samples?|"
    r"mocks?|testing)(?:/|$)|(?:^|/)test_[^/]*$|_test\.[a-z]+$|\.(?:test|spec)\.[a-z]+$|(?:^|/)conftest\.py$"
)

_LOCK_FILES = re.compile(
    r"(?i)(?:^|/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|"
    r"go\.sum|go\.work\.sum|poetry\.lock|pdm\.lock|uv\.lock|Pipfile\.lock|Cargo\.lock|composer\.lock|"
    r"Gemfile\.lock|packages\.lock\.json|paket\.lock|pubspec\.lock|mix\.lock|flake\.lock|"
    r"gradle\.lockfile|deno\.lock|Podfile\.lock|Package\.resolved)$|\.(?:sha\d+|md5|sum|lock)$"
)

_INTEGRITY = re.compile(r"^(?:sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2}|h1:[A-Za-z0-9+/]{40,}={0,2})$")

_PLACEHOLDER_WORDS = re.compile(
    r"(?i)\b(?:your|my|insert|enter|replace|put|add|fill)(?:[_\- ][a-z]{1,12}){0,4}[_\- ]"
    r"(?:here|key|token|secret|password|id|me)\b|your(?:api)?(?:key|token|secret)|change[_\-]?me|placeholder|"
    r"redacted|dummy|sample|fake|notreal|not[_\-]a[_\-]real|example|lorem|ipsum|xxx|"
    r"test[_\-]?(?:key|token|secret|password)|todo|fixme|<[^>]{1,40}>|\*{3,}|\.{3,}|•{3,}"
)

_RUNS = re.compile(r"abcdefgh|12345678|01234567|qwertyui|aaaaaaaa|87654321")

_PROVIDER_PREFIX = re.compile(r"^(?:[A-Za-z0-9]{1,12}[_-]){1,2}")

_TEMPLATE = re.compile(
    r"\$\{[^}]{0,80}\}|\{\{[^}]{0,80}\}\}|\{%[^%]{0,80}%\}|<%[^%]{0,80}%>|^\$[A-Za-z_][A-Za-z0-9_]*$|"
    r"^%[A-Za-z_][A-Za-z0-9_]*%$|%\([A-Za-z_]+\)s|^\{[A-Za-z_][A-Za-z0-9_.]*\}$|^#\{[^}]{0,80}\}$|"
    r"os\.environ|os\.getenv|getenv\(|process\.env|ENV\[|System\.getenv|Environment\.GetEnvironmentVariable|"
    r"secrets\.[A-Z_]+|vault:|ssm:|\(\(.{1,40}\)\)"
)

_DOCUMENTED_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "ASIAIOSFODNN7EXAMPLE",
    }
)

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\.|->|::)[A-Za-z_$][A-Za-z0-9_$]*)*$")
_CODE_PREFIX = re.compile(
    r"^(?:self|this|cls|config|conf|settings|options|opts|params|args|env|ctx|props|req|"
    r"request|os|process|data|cfg|app)(?:\.|->|::|\[)"
)

_WORDS = re.compile(
    r"[a-z]{2,}(?:[_-](?:[a-z]{2,}|[a-z]?[0-9]{1,2}[a-z]?)){2,}|[A-Z]{2,}(?:[_-](?:[A-Z]{2,}|[A-Z]?[0-9]{1,2}[A-Z]?)){2,}"
)

_URL_OR_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]{1,15}://|/[\w.-]+/|\.{1,2}/|~/|[A-Za-z]:\\)")
_CAMEL_WORD = re.compile(r"[A-Z][a-z]{2,}")


def allowed_by_rule(rule: SecretRule, secret: str, path: str, match: str = "", line: str = "") -> bool:
    """The rule's own allow-lists: known example values, stop-words, or paths it does not apply to."""
    return any(
        allowed_by_allowlist(allowlist, secret, path, match, line)
        for allowlist in (rule.allowlist, *rule.more_allowlists)
    )


def allowed_by_allowlist(
    allowlist: Allowlist, secret: str, path: str, match: str = "", line: str = ""
) -> bool:
    """Whether one allow-list (a rule's or a repository's global one) covers this candidate."""
    target = {"match": match or secret, "line": line or secret}.get(allowlist.regex_target, secret)
    if any(p.search(target) for p in allowlist.regexes):
        return True
    lowered = secret.lower()
    if any(word in lowered for word in allowlist.stopwords):
        return True
    return any(p.search(path) for p in allowlist.paths)


def below_entropy(rule: SecretRule, secret: str) -> bool:
    """Too regular to be random, for rules that set a minimum entropy."""
    return rule.entropy is not None and shannon_entropy(secret) < rule.entropy


def is_test_path(path: str) -> bool:
    """Test and fixture paths: findings there are kept, with lower confidence."""
    return bool(_TEST_PATH.search(path))


def is_placeholder(secret: str) -> bool:
    """Values written to be replaced: ``your-api-key``, ``xxxx``, ``<token>``, ``changeme``, ``****``.

    Placeholder words must make up at least a fifth of the value (with or without a provider
    prefix such as ``sk_live_``), so that a long random token that happens to contain ``todo`` is
    not mistaken for one. A value of one or two distinct characters (after the prefix), or one that
    is mostly a keyboard or counting run like ``12345678``, is a placeholder too."""
    core = _PROVIDER_PREFIX.sub("", secret)
    if len(set(core.lower())) <= 2:
        return True
    for value in {secret, core}:
        if not value:
            continue
        covered = sum(m.end() - m.start() for m in _PLACEHOLDER_WORDS.finditer(value))
        if covered and covered * 5 >= len(value):
            return True
        runs = sum(m.end() - m.start() for m in _RUNS.finditer(value.lower()))
        if runs and runs * 2 >= len(value):
            return True
    return False


def is_template_reference(secret: str) -> bool:
    """A reference to a value kept elsewhere: ``${VAR}``, ``{{ var }}``, ``$VAR``, ``%(name)s``,
    ``os.environ[...]``, ``process.env.X``, ``secrets.X`` in CI files, vault references."""
    return bool(_TEMPLATE.search(secret))


def is_documented_example(secret: str) -> bool:
    """Keys published in provider documentation (AWS's ``…EXAMPLE`` keys) are not leaks."""
    return secret in _DOCUMENTED_EXAMPLES or secret.endswith(("EXAMPLE", "EXAMPLEKEY"))


def looks_like_identifier(secret: str, following: str = "") -> bool:
    """A name in code mistaken for a value: ``password = get_password()``, ``token = self.token``,
    ``secret: config.secret``, ``api_key = API_KEY``. ``following`` is the text right after the
    candidate (a ``(`` means a call)."""
    if following.lstrip().startswith(("(", "[", ".", "->")):
        return True
    if _CODE_PREFIX.match(secret):
        return True
    if _WORDS.fullmatch(secret):
        return True  # ``bearer_token_v2_format``: words joined by separators, not random
    if secret.isalnum() and sum(len(w) for w in _CAMEL_WORD.findall(secret)) * 10 >= len(secret) * 6:
        return True  # ``PKCS7PrivateKeyTypes``: a CamelCase type or class name
    if not _IDENTIFIER.match(secret):
        return False
    if any(sep in secret for sep in (".", "->", "::")):
        return True
    letters = secret.replace("_", "").replace("$", "")
    if not any(ch.isdigit() for ch in letters):
        return True  # snake_case / camelCase / CONSTANT names without digits
    return False


def is_url_or_path(secret: str) -> bool:
    """A URL or file path assigned to a secret-sounding name (``TOKEN_URL = "https://…"``,
    ``KEY_FILE = "/etc/app/key.pem"``) names where a secret lives, it is not one."""
    return bool(_URL_OR_PATH.match(secret))


def is_lock_or_hash_file(path: str) -> bool:
    """Lock files and checksum files: their hashes look random but are not secrets."""
    return bool(_LOCK_FILES.search(path))


def is_integrity_hash(secret: str) -> bool:
    """Subresource-integrity and Go module hashes (``sha512-…``, ``h1:…``) are public checksums."""
    return bool(_INTEGRITY.match(secret))
