"""Vulnerability advisories: version ordering, OSV records, the local mirror and the online API."""
