"""Secret detection: rules as data, one multi-pattern pass, filters, redaction, git history.

``rules.py`` loads the packaged TOML rules (``rules/<family>.toml``); ``gitleaks.py`` accepts the
gitleaks/Betterleaks format for operator (``RIDGELINE_SECRET_RULES``) and repository
(``.gitleaks.toml``) additions; ``matcher.py`` is the Hyperscan keyword pass with bounded regex
confirmation; ``filters.py`` the pure false-positive filters; ``redaction.py`` what is kept of a
secret; ``analyzer.py`` ties them together; ``history.py`` scans every blob of a branch's history.
"""
