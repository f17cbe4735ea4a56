"""Allows ``python -m ridgeline``."""

from ridgeline.cli.main import run

run()
