"""The ``ridgeline`` command. The client half imports nothing of the server."""
