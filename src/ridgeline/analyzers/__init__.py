"""Analyzers: each looks at files of a workspace and yields findings."""
