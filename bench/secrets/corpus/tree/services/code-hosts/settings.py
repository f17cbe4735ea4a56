"""Runtime settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.internal"]
GITLAB_DEPLOY_TOKEN = "gldt-6vRvW7vZmBEqI1g8uxIh"
GITLAB_DEPLOY_TOKEN_FALLBACK = os.environ.get("GITLAB_DEPLOY_TOKEN", "")
TRIGGER_TOKEN = "glptt-7e4723b5c581c3480a38e9bdc25d3861e6504a2f"
TRIGGER_TOKEN_FALLBACK = os.environ.get("TRIGGER_TOKEN", "")
GITLAB_TOKEN = "glpat-1WBtWDez_Ub1NT7NS40W"
GITLAB_TOKEN_FALLBACK = os.environ.get("GITLAB_TOKEN", "")
