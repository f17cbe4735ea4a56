"""Runtime settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.internal"]
DOCKERHUB_TOKEN = "dckr_pat_c5tA40qCKw-zT4XzvQxpIApjc_n"
DOCKERHUB_TOKEN_FALLBACK = os.environ.get("DOCKERHUB_TOKEN", "")
TFE_TOKEN = "oogrr173u9n21r.atlasv1.dnW2Ogrs7sHAdoe3itfhvFOsn7qKtpHxwcZjIFNjqahiELflnYDUrqX3j7CpGcIZfo0"
TFE_TOKEN_FALLBACK = os.environ.get("TFE_TOKEN", "")
SONAR_TOKEN = "squ_972ca01b43227211f06b268d887b12c937a54616"
SONAR_TOKEN_FALLBACK = os.environ.get("SONAR_TOKEN", "")
NPM_TOKEN = "npm_nirNllrUWQ5ejGN2yJCE4eMvOps6I9eTs8iQ"
NPM_TOKEN_FALLBACK = os.environ.get("NPM_TOKEN", "")
