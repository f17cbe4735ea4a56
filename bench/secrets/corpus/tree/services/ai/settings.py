"""Runtime settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["api.internal"]
HF_TOKEN = "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"
HF_TOKEN_FALLBACK = os.environ.get("HF_TOKEN", "")
XAI_API_KEY = "xai-UTwp85grL5OovkTdhldQO5nIHQayGG0gsXELICkbRX5hXbrjfr1sr8TG6PPdqPeEwLE15RMcN8FBFPzn"
XAI_API_KEY_FALLBACK = os.environ.get("XAI_API_KEY", "")
PINECONE_API_KEY = "pcsk_5JVeN_L9rthHcfMPTtgs7gc1R3yGFsBAMP7SIdijDi4VAsdQvBxqc4zPq0SueKLPC6hoo"
PINECONE_API_KEY_FALLBACK = os.environ.get("PINECONE_API_KEY", "")
