"""Ridgeline: a self-hosted code security scanning service (SAST, secrets, dependencies)."""

__version__ = "0.1.0"
