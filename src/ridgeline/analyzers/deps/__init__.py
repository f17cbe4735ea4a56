"""Dependency checks: lockfile extractors and the ``deps`` analyzer that matches them to advisories."""
