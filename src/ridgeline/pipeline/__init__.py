"""The analysis pipeline shared by the server's workers and ``ridgeline check``."""
