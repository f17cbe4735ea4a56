import requests


def test_admin():
    headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiAiMTQyNzUzNDg1NyIsICJyb2xlIjogImFkbWluIiwgImlhdCI6IDE3NjAwMDAwMDB9.REAL3rUEcI7VQ2QysPPHqtL7fXpLSg9cR-Bb_fqA6vE"}
