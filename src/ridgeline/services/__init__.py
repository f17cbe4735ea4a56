"""Business rules of accounts, keys and scans. No HTTP here, and no commits: callers own those."""
