"""Job queues: hand a scan id to whatever runs scans, after the database commit."""
