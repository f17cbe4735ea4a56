"""Runs one scan job: owns its transactions, the workspace's lifetime and its failures."""
