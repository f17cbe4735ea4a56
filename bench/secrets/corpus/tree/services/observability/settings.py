"""Runtime settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.internal"]
DD_API_KEY = "e3519f1adc518d769f88a6b9bf271a91"
DD_API_KEY_FALLBACK = os.environ.get("DD_API_KEY", "")
GRAFANA_TOKEN = "glsa_Ez25uzaW7WhuNiOk0uvajABljOPR8uxy_0b877bd7"
GRAFANA_TOKEN_FALLBACK = os.environ.get("GRAFANA_TOKEN", "")
