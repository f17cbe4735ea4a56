"""Pydantic models of the HTTP contract (shared/spec/API.md), and nothing else."""
